"""The facility-noun table (``data/wordnet/facility_nouns.txt``) is what its builder
writes from a WordNet database and holds buildings and vehicles, not people, places
or weapons; an attack on one of them has it as its target ("facility").  Sentences
written for these tests; the first test's cases failed on main (their target was
empty), the guards passed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier import analyze
from dossier.extract.actors.facilities import TABLE, _wordnet_facilities, facility_noun
from dossier.lexicons import build_facility_nouns

WORDNET = Path("/usr/share/wordnet")


def _targets(text: str, etype: str = "ASSAULT") -> list[tuple[str, str | None]]:
    return [(a.text, a.kind) for e in analyze(text, published="2024-05-02").events
            if e.type == etype for a in e.target]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A suicide bomber struck a stadium in the capital during a match.", "stadium"),
        ("A drone hit a supermarket in the city centre.", "supermarket"),
        ("Militants set fire to a lorry on the highway.", "lorry"),
        ("Russian forces shelled a theatre in the city.", "theatre"),
    ],
)
def test_an_attack_on_a_building_or_vehicle_has_it_as_target(text, target):
    assert (target, "facility") in _targets(text), _targets(text)


def test_the_table_holds_buildings_and_vehicles():
    nouns = _wordnet_facilities()
    assert len(nouns) > 1000
    assert {"stadium", "supermarket", "minibus", "warship", "theatre", "lorry"} <= nouns
    assert not {"lawyer", "city", "village", "crowd", "party"} & nouns
    assert (TABLE.parent / "LICENSE").read_text().count("Princeton University") >= 2


@pytest.mark.parametrize("word", ["tank", "missile", "helicopter", "lawyer", "city"])
def test_guard_weapons_people_and_places_are_no_facilities(word):
    assert not facility_noun(word)


@pytest.mark.skipif(
    not (WORDNET / "index.noun").exists(),
    reason="no WordNet database in /usr/share/wordnet (apt-get install wordnet-base)",
)
def test_the_table_is_what_the_builder_writes():
    lines = [x for x in TABLE.read_text().splitlines() if x and not x.startswith("#")]
    assert lines == build_facility_nouns.facility_nouns(WORDNET)
