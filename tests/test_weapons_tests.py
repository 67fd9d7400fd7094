"""A weapons test demonstrates military power (CAMEO 150; CAMEO2PLOVER MOBILIZE), no
attack: "test-fired a missile", "a nuclear test".  Sentences written for these
tests; each failed before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, str | None, list[str], str]]:
    return [(e.type, e.mode, [a.code or a.text for a in e.source], e.factuality)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "factuality"),
    [
        ("North Korea test-fired a ballistic missile into the sea off its east coast.", ["PRK"],
         "asserted"),
        ("India successfully test-fired the Agni-5 missile.", ["IND"], "asserted"),
        ("North Korea did not test-fire any missiles this year.", ["PRK"], "negated"),
        ("Russia conducted a missile test in the Arctic.", ["RUS"], "asserted"),
        ("North Korea carried out its sixth nuclear test in 2017.", ["PRK"], "asserted"),
    ],
)
def test_a_weapons_test_is_a_show_of_force(text, source, factuality):
    found = _events(text)
    assert ("MOBILIZE", "weapons", source, factuality) in found, found
    assert not [e for e in found if e[0] == "ASSAULT"], found


@pytest.mark.parametrize(
    "text", ["Troops fired at protesters.", "The rebels fired rockets at the town."]
)
def test_guard_firing_at_someone_stays_an_attack(text):
    assert [e[0] for e in _events(text)] == ["ASSAULT"]
