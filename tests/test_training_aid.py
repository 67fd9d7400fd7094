"""Training another state's people is aid (PLOVER 3.6 AID includes training), whatever
their trade; a firm's or a school's own trainees are not (data/senses.tsv, train).
The sentences are written for these tests; the first two failed before the change,
the third is a guard.  Also: units "of" a force that arrive are a deployment (the
first row failed before; the battalions row is a guard)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[str]:
    return [e.type for e in analyze(text, published="2024-05-02").events]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("TAI will also train Kazakh operators and maintenance staff at its plant.", "TAI", "KAZ"),
        ("Paris will train Ukrainian pilots and ground staff this summer.", "FRA", "UKR"),
    ],
)
def test_another_states_people_trained_are_aid(text, source, target):
    """PLOVER 3.6 AID includes training; "staff" or "engineers" among the trainees
    do not make it a firm's own training when they are another state's people."""
    found = analyze(text, published="2024-05-02").events
    assert [(e.type, e.mode) for e in found] == [("AID", "military")]
    assert [a.code or a.text for a in found[0].source] == [source]
    assert target in [a.code for a in found[0].target]


def test_guard_a_firms_own_trainees_are_no_aid():
    assert _events("The company trains software engineers.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The first company-sized units of the German Army's 45th Panzer Brigade arrived at "
         "the base on Monday.", "DEU"),
        ("Two battalions of Russian paratroopers arrived in Belarus for the drills.", "RUS"),
    ],
)
def test_units_of_a_force_that_arrive_are_a_deployment(text, source):
    """A measure noun's "of" phrase names what moves (wordclasses.QUANTITY_NOUNS), as
    for objects ("ordered hundreds of tanks")."""
    found = analyze(text, published="2024-05-02").events
    assert [(e.type, [a.code for a in e.source]) for e in found] == [("MOBILIZE", [source])]
