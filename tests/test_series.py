""""A second strike", "another attack", "fresh strikes": one more of a series told
before, by the same hand (coreference.series_event).  Sentences written for these
tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [(e.type, e.trigger.text, [a.code for a in e.source], [a.code for a in e.target])
            for e in analyze(text, published="2024-01-10").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia has fired ballistic missiles at Ukraine. Kyiv is examining debris from a "
         "second strike on Kharkiv.", ("ASSAULT", "strike", ["RUS"], ["UKR"])),
        ("Houthi rebels attacked a tanker in the Red Sea on Monday. Officials said a further "
         "attack on a cargo ship was repelled.", ("ASSAULT", "attack", ["Houthi"], [])),
    ],
)
def test_one_more_of_a_series_is_by_the_same_hand(text, expected):
    found = _events(text)
    kind, word, source, target = expected
    assert any(t == kind and w == word and (s == source or source == ["Houthi"] and s)
               and (not target or g == target) for t, w, s, g in found), found


def test_guard_a_first_strike_told_alone_has_no_actor():
    found = _events("A strike hit a market in Kharkiv. A second strike followed later.")
    assert all(not source for _, _, source, _ in found)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Kyiv is examining debris from a second strike on Kharkiv on 2 January.", "2024-01-02"),
        ("Investigators are studying the wreckage of the attack on the convoy last week.",
         "2024-W01"),
    ],
)
def test_a_past_date_on_a_verb_of_now_is_the_events(text, date):
    """The parser hangs the date on the verb ("is examining ... on 2 January"); what is
    going on now has no such date, the event noun in its phrase has."""
    found = [e for e in analyze(text, published="2024-01-10").events if e.type == "ASSAULT"]
    assert found and found[0].date is not None and found[0].date.value == date
