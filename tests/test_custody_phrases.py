"""Arrests told by a verb and a place of custody: "taken into custody", "placed under
(house) arrest", "put behind bars", "sent to prison", "thrown into jail" (PLOVER 3.13
COERCE arrest: arrest, detain, imprison), active or passive, with or without the one who
holds them.  Sentences written for these tests; each arrest failed before (no event, or
an event with no actor only PETRARCH2 coded), except the guards."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The opposition leader was taken into custody on Monday.",
         ("COERCE", [], ["opposition leader"], "asserted")),
        ("The suspect was taken into custody on Monday.",  # a person noun: its target
         ("COERCE", [], ["suspect"], "asserted")),
        ("Three activists were taken into police custody after the raid.",
         ("COERCE", [], ["Three activists"], "asserted")),
        ("The former prime minister was placed under house arrest.",
         ("COERCE", [], ["former prime minister"], "asserted")),
        ("Police placed the journalist under arrest at the airport.",
         ("COERCE", ["Police"], ["journalist"], "asserted")),
        ("The general was put under house arrest in Niamey.",
         ("COERCE", [], ["general"], "asserted")),
        ("The opposition leader was sent to prison in 2019.",
         ("COERCE", [], ["opposition leader"], "asserted")),
        ("The junta threw the activists into jail.",
         ("COERCE", ["junta"], ["activists"], "asserted")),
        ("The former president was put behind bars.",
         ("COERCE", [], ["former president"], "asserted")),
        ("Police have not taken the journalists into custody.",
         ("COERCE", ["Police"], ["journalists"], "negated")),
        ("The protesters were reportedly taken into custody.",
         ("COERCE", [], ["protesters"], "likely")),
    ],
)
def test_custody_is_an_arrest(text, expected):
    rows = event_rows(text)
    assert [r for r in rows if r[0] == "COERCE"][:1] == [expected], rows


@pytest.mark.parametrize(
    "text",
    [
        "The minister put the bill under review.",
        "The museum placed the painting in storage.",
        "He sent a letter to the prison governor.",
        "The city took the lead in climate policy.",
    ],
)
def test_guard_no_custody_no_arrest(text):
    assert not [r for r in event_rows(text) if r[0] == "COERCE"], event_rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Security forces detained him at a checkpoint, his family said.",
         ("COERCE", ["Security forces"], [], "asserted")),
        ("Police arrested the activist at the airport in Minsk.",
         ("COERCE", ["Police"], ["activist"], "asserted")),
        ("Police detained them at a polling station on Sunday.",
         ("COERCE", ["Police"], [], "asserted")),
    ],
)
def test_a_place_of_arrest_is_no_target(text, expected):
    """People are arrested, not buildings: where it happened is no target (a raid on an
    office may take the office as its target; an arrest at a checkpoint does not)."""
    rows = event_rows(text)
    assert [r for r in rows if r[0] == "COERCE"][:1] == [expected], rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The journalist was remanded in custody until June.",
         ("COERCE", [], ["journalist"], "asserted")),
        ("Two activists are being held in detention in Minsk.",
         ("COERCE", [], ["Two activists"], "asserted")),
        ("Police held the opposition leader in custody for two days.",
         ("COERCE", ["Police"], ["opposition leader"], "asserted")),
    ],
)
def test_held_or_remanded_in_custody_is_an_arrest(text, expected):
    rows = event_rows(text)
    assert [r for r in rows if r[0] == "COERCE"][:1] == [expected], rows
