"""Lexicons built from the field's public dictionaries (PETRARCH2 / Phoenix, CAMEO -> PLOVER).

``petrarch`` is the loader an extractor uses; ``petrarch_readers`` parses the
original dictionary formats and ``build_petrarch`` writes the shipped tables in
``dossier/data/petrarch/``.
"""
