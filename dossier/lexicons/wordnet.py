"""The word tables built from WordNet (``data/wordnet/*.txt``: one word a line,
``#`` comments), read once per process.

>>> "rapper" in words("person_nouns.txt"), "stadium" in words("facility_nouns.txt")
(True, True)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "data" / "wordnet"


@cache
def words(name: str) -> frozenset[str]:
    """The words of the table ``data/wordnet/NAME``."""
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))
