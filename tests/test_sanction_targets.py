"""Sanctions and strikes on a state's things are against the state ("sanctions on
Russian banks"), "slap sanctions on" is to impose them, and verbs of degree lend
their subject to the event noun ("tightened sanctions on Cuba").  Sentences written
for these tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows

_events = event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU imposed sanctions on three Russian banks.",
         ("SANCTION", ["EU"], ["RUS"], "asserted")),
        ("The United States imposed new sanctions on Iranian oil exports on Thursday.",
         ("SANCTION", ["USA"], ["IRN"], "asserted")),
        ("The EU did not impose sanctions on Chinese firms.",
         ("SANCTION", ["EU"], ["CHN"], "negated")),
        ("The EU slapped sanctions on three Russian banks.",
         ("SANCTION", ["EU"], ["RUS"], "asserted")),
        ("The US tightened sanctions on Cuba.", ("SANCTION", ["USA"], ["CUB"], "asserted")),
        ("The EU broadened its sanctions against Belarus.",
         ("SANCTION", ["EU"], ["BLR"], "asserted")),
        ("Russia ramped up attacks on Ukrainian energy infrastructure.",
         ("ASSAULT", ["RUS"], ["UKR"], "asserted")),
    ],
)
def test_sanctions_and_strikes_on_a_states_things(text, expected):
    assert expected in _events(text), _events(text)


def test_guard_sanctions_on_a_trade_name_no_state():
    assert ("SANCTION", ["EU"], [], "asserted") in _events(
        "The EU imposed sanctions on the import of steel.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany froze the assets of two Russian oligarchs.",
         ("SANCTION", ["DEU"], ["RUS"], "asserted")),
        ("The EU froze the accounts of Iranian banks.",
         ("SANCTION", ["EU"], ["IRN"], "asserted")),
        ("Italy may freeze the assets of Russian oligarchs.",
         ("SANCTION", ["ITA"], ["RUS"], "possible")),
    ],
)
def test_the_owner_of_the_things_frozen_is_the_target(text, expected):
    """"froze the assets of Russian oligarchs": whose things are frozen (written for
    this test; each failed before the change)."""
    assert expected in _events(text), _events(text)
