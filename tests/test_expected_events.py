"""An event noun said to be expected, forecast or anticipated is likely, not asserted
("A phone call between Biden and Xi is expected next week"), as "is expected to call"
is.  Sentences written for these tests; each failed before (asserted), except the
guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A phone call between Biden and Xi is expected next week.", "CONSULT"),
        ("Talks between Armenia and Azerbaijan are anticipated in the spring.", "CONSULT"),
        ("A new Russian offensive in the east is widely expected.", "ASSAULT"),
        ("Analysts expect fresh protests in Tbilisi after the vote.", "PROTEST"),
    ],
)
def test_an_expected_event_is_likely(text, kind):
    rows = [r for r in event_rows(text) if r[0] == kind]
    assert rows and all(r[3] == "likely" for r in rows), event_rows(text)


def test_guard_an_event_that_was_as_expected_is_asserted():
    rows = event_rows("The talks between Armenia and Azerbaijan ended without a deal.")
    assert rows and rows[0][3] == "asserted", rows
