"""A meeting or call in which one side told the other something: "In a phone call, Biden
told Netanyahu ..." is a consultation between them (PLOVER 3.2), the speaker and the one
told its parties, as "Biden and Netanyahu spoke by phone" is.  Sentences written for these
tests; each failed before (no parties, or no event), except the guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a phone call on Tuesday, Biden told Netanyahu that aid must flow.",
         ("CONSULT", ["USA"], ["ISR"], "asserted")),
        ("During a meeting in Ankara, the Turkish president told the US secretary of state "
         "that Turkey would not back down.",
         ("CONSULT", ["TUR"], ["USA"], "asserted")),
        ("Putin told Xi in a video call that Russia was ready to negotiate.",
         ("CONSULT", ["RUS"], ["CHN"], "asserted")),
        ("At talks in Jeddah, the Saudi foreign minister assured Zelensky of support.",
         ("CONSULT", ["SAU"], ["UKR"], "asserted")),
        ("After talks in Paris, the German chancellor said France and Germany agreed on aid.",
         ("CONSULT", ["DEU"], [], "asserted")),
    ],
)
def test_the_speaker_and_the_one_told_are_the_parties(text, expected):
    rows = event_rows(text)
    assert expected in [r for r in rows if r[0] == "CONSULT"], rows


def test_guard_a_clash_during_a_summit_is_no_meeting_of_the_clashers():
    rows = event_rows("During the G20 summit, protesters clashed with police in Hamburg.")
    assert not [r for r in rows if r[0] == "CONSULT" and "protesters" in r[1]], rows
