"""Build ``dossier/data/wordnet/person_nouns.txt``: English nouns whose most frequent
sense names a person ("lawyer", "schoolgirl", "rapper", "kidnapper").

WordNet files each noun sense under a lexicographer file; ``noun.person`` (file 18,
``lexnames(5WN)``) holds people by role, trade, kinship, age or sex.  A noun is kept
when the first sense its ``index.noun`` lists (WordNet orders senses by their
frequency in the tagged SemCor corpus) is a ``noun.person`` synset, so "singer" and
"supporter" are in, "tower" (an artifact first), "office" and "party" (a group
first) are not.  Only single lower-case words are kept: a phrase's head decides.

Run it on a WordNet 3.x database (Debian's ``wordnet-base`` puts it in
``/usr/share/wordnet``)::

    python3 -m dossier.lexicons.build_person_nouns [/usr/share/wordnet]

WordNet 3.0 is Princeton University's, under its own permissive licence, whose notice
ships beside the table (``data/wordnet/LICENSE``).

>>> first_sense_files("singer n 3 1 @ 3 0 10599806 10600000 10600100")
[10599806, 10600000, 10600100]
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "wordnet" / "person_nouns.txt"
PERSON_FILE = 18  # noun.person in WordNet's lexnames
HEADER = """\
# Nouns whose most frequent WordNet 3.0 sense is a person (lexicographer file
# noun.person). Built by dossier/lexicons/build_person_nouns.py; do not edit.
# WordNet 3.0 Copyright 2006 by Princeton University (see LICENSE here).
"""


def first_sense_files(line: str) -> list[int]:
    """The synset offsets of one ``index.noun`` line, most frequent sense first."""
    fields = line.split()
    count = int(fields[2])
    return [int(offset) for offset in fields[-count:]]


def person_nouns(wordnet: Path) -> list[str]:
    """The single-word nouns whose first sense is in ``noun.person``."""
    found = []
    with (wordnet / "data.noun").open("rb") as data, (wordnet / "index.noun").open() as index:
        for line in index:
            if line.startswith(" "):  # the licence header
                continue
            lemma = line.split(" ", 1)[0]
            if not lemma.isalpha() or not lemma.islower():
                continue
            data.seek(first_sense_files(line)[0])
            if int(data.readline().split()[1]) == PERSON_FILE:
                found.append(lemma)
    return sorted(found)


def main(argv: list[str]) -> None:
    wordnet = Path(argv[0] if argv else "/usr/share/wordnet")
    words = person_nouns(wordnet)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} person nouns -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
