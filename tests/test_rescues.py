"""People a rescue acts on are helped, not moved: "rescued the crew" is AID
(humanitarian), while "sent troops" moves them (MOBILIZE).  Sentences written for
these tests; the first failed before the change, the others are guards."""

from __future__ import annotations

import pytest
from event_rows import event_rows

from dossier import analyze


def test_a_rescue_of_people_is_aid():
    events = analyze("India's navy rescued the crew of a hijacked vessel off Somalia.",
                     published="2024-05-02").events  # and the hijacking, an ASSAULT
    assert [(e.type, e.mode) for e in events if e.trigger.text == "rescued"] == [
        ("AID", "humanitarian")]


@pytest.mark.parametrize(
    "text", ["Russia sent troops to the border.", "The US sent 3,000 more soldiers."]
)
def test_guard_troops_sent_are_moved(text):
    assert [t for t, *_ in event_rows(text)] == ["MOBILIZE"]
