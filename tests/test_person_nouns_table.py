"""The person-noun table (``data/wordnet/person_nouns.txt``) is what its builder
writes from a WordNet database, and holds what it should: nouns whose first sense is a
person, not those whose first sense is a thing or a group."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract.actors.victims import TABLE, _person_nouns
from dossier.lexicons import build_person_nouns

WORDNET = Path("/usr/share/wordnet")


def test_the_table_holds_people_not_things():
    nouns = _person_nouns()
    assert len(nouns) > 10000
    assert {"lawyer", "schoolgirl", "rapper", "supporter", "kidnapper"} <= nouns
    assert not {"tower", "office", "party", "crowd", "head"} & nouns
    assert (TABLE.parent / "LICENSE").read_text().count("Princeton University") >= 2


@pytest.mark.skipif(
    not (WORDNET / "index.noun").exists(),
    reason="no WordNet database in /usr/share/wordnet (apt-get install wordnet-base)",
)
def test_the_table_is_what_the_builder_writes():
    lines = [x for x in TABLE.read_text().splitlines() if x and not x.startswith("#")]
    assert lines == build_person_nouns.person_nouns(WORDNET)
