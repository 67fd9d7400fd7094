""""at the hands of X" names who did it, as a passive's "by" phrase does ("killed at
the hands of security forces": an attack by them).  Sentences written for these tests;
each failed before (no event), except the guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of civilians were killed at the hands of security forces.",
         ("ASSAULT", ["security forces"], ["civilians"], "asserted")),
        ("Several journalists have been killed at the hands of the Mexican army.",
         ("ASSAULT", ["MEX"], ["Several journalists"], "asserted")),
        ("Two activists were reportedly tortured at the hands of the police.",
         ("ASSAULT", ["police"], ["Two activists"], "likely")),
        ("The ministry said the prisoners were not beaten at the hands of the police.",
         ("ASSAULT", ["police"], ["prisoners"], "negated")),
    ],
)
def test_at_the_hands_of_is_the_agent(text, expected):
    rows = event_rows(text)
    assert expected in rows, rows


def test_guard_a_matter_in_the_hands_of_a_court_is_no_agent():
    assert not event_rows("The fate of the law is now in the hands of the Supreme Court.")
