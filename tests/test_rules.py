"""Extraction rules on small sentences written for these tests (not from any gold set)."""

from __future__ import annotations

import pytest

from dossier import analyze


def events(text: str) -> list[tuple[str, set[str], set[str]]]:
    result = analyze(text, published="2022-03-01")
    return [
        (e.type, {a.code for a in e.source if a.code}, {a.code for a in e.target if a.code})
        for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # object control: the object of "urged"/"called on" does the inner event
        ("France called on Russia to withdraw its troops.", ("RETREAT", {"RUS"}, set())),
        # buyers receive, the demonym on the goods names the seller
        ("India will buy Russian S-400 systems.", ("AID", {"RUS"}, {"IND"})),
        # withdrawals target the state that is left
        ("The United States completed the withdrawal of its forces from Panama.",
         ("RETREAT", {"USA"}, {"PAN"})),
        # "he" is the last person named
        ("Vladimir Putin said he would visit Turkey next month.", ("CONSULT", {"RUS"}, {"TUR"})),
        # a titled person takes the state of the title
        ("Israeli Prime Minister Ehud Barak met Jordan's King Abdullah.",
         ("CONSULT", {"ISR"}, {"JOR"})),
        # a reported obligation is a request to its subject
        ("Japan said that North Korea must stop its missile tests.", ("REQUEST", {"JPN"}, {"PRK"})),
        # stance participles
        ("Greece is opposed to Turkish drilling near Cyprus.", ("REJECT", {"GRC"}, set())),
    ],
)
def test_rule(text, expected):
    etype, source, target = expected
    found = events(text)
    assert any(t == etype and source <= s and target <= g for t, s, g in found), found


def test_words_in_dates_are_not_triggers():
    assert [t for t, _, _ in events("Russia sent tanks to Belarus in March 2023.")] == ["AID"]


def test_meeting_a_target_is_not_a_meeting():
    assert events("Germany expects to meet its growth target this year.") == []


def test_generic_giving_is_not_aid():
    assert events("The French minister gave a speech in Paris on Monday.") == []
    assert ("AID", {"JPN"}, {"PHL"}) in events("Japan sent 500 tonnes of rice to the Philippines.")


def test_abbreviated_states_before_hyphens_are_tagged():
    from dossier.annotate import annotate

    doc = annotate("The U.S.-led coalition bombed Iraq.")
    assert ("U.S.", "state:USA") in [(e.text, e.ent_id_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the object's own place, not the wider place it is said to be in
        ("Russian missiles hit the port of Odesa in southern Ukraine.", "Odesa", "city"),
        # a facility named by a place is where the event is; here an air base
        ("Ukrainian drones struck Saki airfield in Crimea.", "Saki Air Base", "airfield"),
        ("Militants fired rockets at Incirlik Air Base in Turkey.", "Incirlik Air Base",
         "airfield"),
    ],
)
def test_an_event_is_located_at_its_most_specific_place(text: str, name: str, kind: str):
    (event,) = analyze(text, published="2022-03-01").events
    assert event.location is not None
    assert (event.location.name, event.location.kind) == (name, kind)
