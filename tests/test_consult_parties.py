"""The other party of a meeting is "with" it, and an organisation's leader, head or
officials are the organisation (CAMEO codes an organisation's people by it).
Sentences written for these tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows

_events = event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin met with Erdogan in Sochi.", ("CONSULT", ["RUS"], ["TUR"], "asserted")),
        ("Xi met with Biden on the sidelines of the summit.",
         ("CONSULT", ["CHN"], ["USA"], "asserted")),
        ("Putin did not meet with Zelensky.", ("CONSULT", ["RUS"], ["UKR"], "negated")),
        ("Blinken met with the leader of Hamas in Doha.",
         ("CONSULT", ["USA"], ["HAMAS"], "asserted")),
        ("The minister met with the head of the IAEA, Rafael Grossi, in Vienna.",
         ("CONSULT", ["minister"], ["IAEA"], "asserted")),
        ("Israel killed the leader of Hamas in Tehran.",
         ("ASSAULT", ["ISR"], ["HAMAS"], "asserted")),
    ],
)
def test_the_other_party(text, expected):
    assert expected in _events(text), _events(text)


def test_guard_a_group_in_a_state_is_the_states():
    assert _events("Opposition groups in Zimbabwe protested.")[0][1] == ["ZWE"]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("The leaders of India and China met in Kazan.", ["IND", "CHN"]),
        ("The foreign ministers of Egypt and Turkey held talks in Ankara.", ["EGY", "TUR"]),
        ("The armies of Armenia and Azerbaijan exchanged fire.", ["ARM", "AZE"]),
    ],
)
def test_people_of_two_states_are_both_parties(text, sides):
    """As "Putin and Xi met" names both: one actor per state of the "of" phrase."""
    [row] = _events(text)
    assert row[1] + row[2] == sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin said talks with Washington had made progress.",
         ("CONSULT", ["RUS"], ["USA"], "asserted")),
        ("Iran said negotiations with the IAEA would resume next week.",
         ("CONSULT", ["IRN"], ["IAEA"], "planned")),
    ],
)
def test_a_speaker_telling_of_talks_with_another_is_a_party(text, expected):
    assert expected in _events(text), _events(text)


def test_guard_an_onlooker_is_no_party():
    assert ("CONSULT", [], ["IRN"], "asserted") in _events(
        "Analysts said talks with Iran had stalled.")
