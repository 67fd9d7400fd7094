"""The parts of Dossier's spaCy pipeline, one responsibility a module.

``dossier.annotate`` assembles them (``load_pipeline``) and runs the pipeline
(``annotate``); import from there. Each component is a small callable over a
``Doc``, registered under its name with spaCy's factory registry
(``@Language.component`` / ``@Language.factory``), so ``nlp.add_pipe(name)``
finds it once its module is imported:

- ``sentences``: ``dossier_line_sentences``, sentence starts at line breaks and
  after datelines;
- ``tokenizer``: the tokenizer's exceptions ("U.S.-led", "sit-in");
- ``word_fixes``: ``dossier_word_fixes``, tags and lemmas of a few known words;
- ``gazetteers``: the gazetteer entity ruler and the tables it is built from;
- ``gazetteer_cache``: ``dossier_gazetteers``, that ruler read from the cache;
- ``text``: a Doc's text joined once, and long texts cut into windows.

Importing this package imports none of them.
"""
