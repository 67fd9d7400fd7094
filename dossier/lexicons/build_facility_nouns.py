"""Build ``dossier/data/wordnet/facility_nouns.txt``: English nouns whose most frequent
sense is a thing an attack can hit as a place or a vehicle ("stadium", "supermarket",
"minibus", "warship").

A noun is kept when the first sense its ``index.noun`` lists (WordNet orders senses by
their frequency in the tagged SemCor corpus) descends, through hypernyms, from one of
``ROOTS``: a structure (buildings, bridges, towers, walls), a facility or
installation (airfields, depots, plants), an establishment (shops, restaurants,
hospitals), a conveyance (cars, buses, trains) or a vessel (ships, boats).  So
"stadium" and "supermarket" are in; "school" and "church" (an institution and a group
first) are not, and ``actors.facilities`` keeps those in its own short list, saying
why.  Only single lower-case words are kept: a phrase's head decides.

Run it on a WordNet 3.x database (Debian's ``wordnet-base`` puts it in
``/usr/share/wordnet``)::

    python3 -m dossier.lexicons.build_facility_nouns [/usr/share/wordnet]

WordNet 3.0 is Princeton University's, under its own permissive licence, whose notice
ships beside the table (``data/wordnet/LICENSE``).

>>> pointers("04341686 06 n 02 structure 0 construction 0 002 @ 00021939 n 0000 ~ 02 n 0000")
[21939]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from dossier.lexicons.build_person_nouns import first_sense_files

OUT = Path(__file__).resolve().parent.parent / "data" / "wordnet" / "facility_nouns.txt"
# (lemma, sense number in index.noun): the synsets whose hyponyms are kept
ROOTS = (("structure", 1), ("facility", 1), ("establishment", 4), ("conveyance", 3),
         ("vessel", 2))
HEADER = """\
# Nouns whose most frequent WordNet 3.0 sense is a structure, facility, establishment,
# conveyance or vessel. Built by dossier/lexicons/build_facility_nouns.py; do not edit.
# WordNet 3.0 Copyright 2006 by Princeton University (see LICENSE here).
"""


def pointers(line: str) -> list[int]:
    """The hypernym synsets (``@`` and instance ``@i``) of one ``data.noun`` line."""
    fields = line.split(" | ", 1)[0].split()
    words = int(fields[3], 16)
    at = 4 + 2 * words
    count = int(fields[at])
    out = []
    for n in range(count):
        symbol, offset, pos = fields[at + 1 + 4 * n : at + 4 + 4 * n]
        if symbol in ("@", "@i") and pos == "n":
            out.append(int(offset))
    return out


def facility_nouns(wordnet: Path) -> list[str]:
    """The single-word nouns whose first sense descends from one of ``ROOTS``."""
    index: dict[str, list[int]] = {}
    with (wordnet / "index.noun").open() as lines:
        for line in lines:
            if not line.startswith(" "):  # the licence header
                index[line.split(" ", 1)[0]] = first_sense_files(line)
    with (wordnet / "data.noun").open("rb") as data:
        roots = {index[lemma][sense - 1] for lemma, sense in ROOTS}
        known: dict[int, bool] = {}
        return sorted(
            lemma for lemma, senses in index.items()
            if lemma.isalpha() and lemma.islower() and _descends(data, senses[0], roots, known)
        )


def _descends(data: BinaryIO, offset: int, roots: set[int], known: dict[int, bool]) -> bool:
    """Whether the synset at ``offset`` is one of ``roots`` or below one (memoised)."""
    if offset in known:
        return known[offset]
    known[offset] = False  # WordNet's noun hierarchy has no cycles; this guards anyway
    data.seek(offset)
    found = offset in roots or any(
        _descends(data, up, roots, known) for up in pointers(data.readline().decode())
    )
    known[offset] = found
    return found


def main(argv: list[str]) -> None:
    wordnet = Path(argv[0] if argv else "/usr/share/wordnet")
    words = facility_nouns(wordnet)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} facility nouns -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
