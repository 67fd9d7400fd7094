"""The ``dossier_gazetteers`` component: the gazetteer ruler, its tables cached on disk.

``compile_patterns`` over the ~70k gazetteer patterns takes seconds; its output
is kept in the cache directory (``dossier.resolve.index.cache_dir``) under a key
made of the bytes of the code and data the patterns come from
(``GAZETTEER_SOURCES``, ``dossier/data``, the place index), so a process reads
it back in a fraction of that.

>>> isinstance(gazetteers_stale(), bool)
True
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
from pathlib import Path

import spacy
from spacy.language import Language

from dossier.annotation.gazetteers import Gazetteers, compile_patterns, gazetteer_patterns

log = logging.getLogger("dossier.annotate")  # the name it has always logged under

# What the gazetteer patterns are made from, besides the place index and dossier/data.
GAZETTEER_SOURCES = ("annotation/gazetteers.py", "annotation/gazetteer_cache.py",
                     "gazetteer.py", "equipment.py", "resolve/patterns.py", "resolve/rank.py",
                     "resolve/weights.py", "resolve/names.py", "resolve/candidates.py")
GAZETTEER_FORMAT = 1


def _gazetteer_file() -> Path:
    """The cached ``compile_patterns`` output for this code, data and place index."""
    from dossier.resolve import index

    data = sorted(p for p in (index.PACKAGE_DIR / "data").rglob("*") if p.is_file())
    digest = index.file_digest(
        [index.PACKAGE_DIR / s for s in GAZETTEER_SOURCES] + data,
        f"format {GAZETTEER_FORMAT}", f"python {sys.version_info[:2]}",
        f"spacy {spacy.__version__}", f"places {index.key()}",
    )
    return index.cache_dir() / f"gazetteers-{digest[:24]}.marshal"


def gazetteers_stale() -> bool:
    """Whether the next pipeline load builds the gazetteer patterns (or the place index)."""
    from dossier.resolve import index

    return index.stale() or not _gazetteer_file().exists()


def cached_gazetteers(nlp: Language) -> Gazetteers:
    """The gazetteer ruler, its tables read from the cache (``compile_patterns`` of
    ``gazetteer_patterns``, written there the first time, keyed by the bytes of the code
    and data they come from). Without a writable cache, built in memory."""
    from dossier import equipment

    equipment._register_extension()  # the ruler reads Token._.dossier_equipment
    from dossier.resolve import index

    file = _gazetteer_file()
    try:
        with file.open("rb") as handle:
            ruler = Gazetteers.from_state(nlp, marshal.load(handle))
        index.mark_used(file)
        return ruler
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        pass
    state = compile_patterns(gazetteer_patterns())
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(f".{os.getpid()}.partial")
        with partial.open("wb") as handle:
            marshal.dump(state, handle)
        os.replace(partial, file)
        index.remove_unused(file.parent, "gazetteers-*.marshal", file)
    except OSError as err:
        log.warning("gazetteer cache not written (%s)", err)
    return Gazetteers.from_state(nlp, state)


@Language.factory("dossier_gazetteers")
def make_gazetteers(nlp: Language, name: str) -> Gazetteers:
    return cached_gazetteers(nlp)
