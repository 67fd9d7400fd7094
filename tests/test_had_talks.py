""""had talks / a meeting / a phone call with" someone: "have" lends its subject to a
meeting noun as "hold" does (the one who had the call is a party; "did not have talks"
is negated).  Sentences written for these tests; each failed before, except the guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The German chancellor had a phone call with Zelensky on Monday.",
         ("CONSULT", ["DEU"], ["UKR"], "asserted")),
        ("The Indian prime minister had talks with the Chinese premier in Kazan.",
         ("CONSULT", ["IND"], ["CHN"], "asserted")),
        ("Japan's foreign minister will have a meeting with his South Korean counterpart.",
         ("CONSULT", ["JPN"], ["KOR"], "planned")),
        ("The French president has not had talks with Putin since 2022.",
         ("CONSULT", ["FRA"], ["RUS"], "negated")),
    ],
)
def test_have_lends_its_subject_to_a_meeting(text, expected):
    rows = event_rows(text)
    assert expected in rows, rows


def test_guard_having_an_army_is_no_event():
    assert not event_rows("Russia has a large army on the border.")
