"""What every table builder shares: the data files, the list separator, the build cache.

``_built_once`` remembers a table builder's result for the process, with the
cyclic GC paused while it builds; ``_stopwords`` reads ``place_stopwords.txt``;
``_ascii`` spells a name without accents:

>>> _ascii("São Paulo")
'Sao Paulo'
>>> _split(" Kyiv | Kiev |")
['Kyiv', 'Kiev']
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, wraps
from pathlib import Path
from typing import TypeVar

from dossier.resolve.records import _FOLD_MAP

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SEP = "\x1f"  # between the names of a list in one column of the index


_T = TypeVar("_T")


REGIONS_FILE = DATA_DIR / "regions.tsv"


STOPWORDS_FILE = DATA_DIR / "place_stopwords.txt"


_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ0-9 .,'’()\-]+$")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building the tables makes ~10^5 small objects; the cyclic GC only slows that."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _built_once(func: Callable[[], _T]) -> Callable[[], _T]:
    """``functools.cache`` for the table builders, with the GC paused while building."""

    @cache
    @wraps(func)
    def wrapper() -> _T:
        with _gc_paused():
            return func()

    return wrapper


def _read_table() -> list[list[str]]:
    rows = []
    with REGIONS_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            rows.append(cells + [""] * (8 - len(cells)))
    return rows


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


@cache
def _stopwords() -> frozenset[str]:
    words = set()
    if STOPWORDS_FILE.exists():
        for line in STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.lower())
    return frozenset(words)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_MAP))
    return "".join(ch for ch in text if not unicodedata.combining(ch))
