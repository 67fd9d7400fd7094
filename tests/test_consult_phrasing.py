"""Meetings told in everyday phrasing: travelling somewhere "for talks with" someone makes
the traveller a party; "sat down with" a counterpart is a meeting; welcoming a visitor "to"
a place or receiving a leader is hosting a visit, the visitor its other party.  Sentences
written for these tests; each failed before, except the guards."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lula travelled to Beijing for talks with Xi Jinping.",
         ("CONSULT", ["BRA"], ["CHN"], "asserted")),
        ("Macron flew to Kyiv on Friday for a meeting with Zelensky.",
         ("CONSULT", ["FRA"], ["UKR"], "asserted")),
        ("The Iranian foreign minister will go to Muscat for talks with Omani officials.",
         ("CONSULT", ["IRN"], ["OMN"], "planned")),
        ("The Indian prime minister sat down with the Chinese premier in Bali.",
         ("CONSULT", ["IND"], ["CHN"], "asserted")),
        ("Modi has not sat down with Sharif since 2015.",
         ("CONSULT", ["IND"], ["Sharif"], "negated")),
        ("Biden welcomed the Kenyan president to the White House.",
         ("CONSULT", ["USA"], ["KEN"], "asserted")),
        ("Xi received the Brazilian president in Beijing.",
         ("CONSULT", ["CHN"], ["BRA"], "asserted")),
        ("The Kenyan president was welcomed to Beijing by Xi.",
         ("CONSULT", ["CHN"], ["KEN"], "asserted")),
    ],
)
def test_meetings_in_everyday_phrasing(text, expected):
    rows = event_rows(text)
    assert expected in rows, rows


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Protesters sat down in the road outside parliament.", "CONSULT"),
        ("Germany welcomed the decision to extend the ceasefire.", "CONSULT"),
        ("The minister flew to Paris for a football match.", "CONSULT"),
    ],
)
def test_guard_no_meeting(text, kind):
    assert not [r for r in event_rows(text) if r[0] == kind], event_rows(text)
