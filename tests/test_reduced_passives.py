"""A reduced passive clause acts on the subject it shares ("Taiwan would defend itself if
invaded": Taiwan is invaded, by no one named); a threat's target is never the
threatener's own state, a person's included ("Kim Jong Un warned that North Korea
would ..."). Sentences written for this test."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(("text", "expected"), [
    ("Taiwan would defend itself if invaded.", ("ASSAULT", [], ["TWN"], "hypothetical")),
    ("Iran will retaliate if attacked, its foreign minister said.",
     ("ASSAULT", [], ["IRN"], "hypothetical")),
    ("Kim Jong Un warned that North Korea would use nuclear weapons if attacked.",
     ("ASSAULT", [], ["PRK"], "hypothetical")),
])  # fmt: skip
def test_the_shared_subject_is_acted_on(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)


def test_a_threat_is_not_against_the_threateners_own_state() -> None:
    rows = event_rows("Kim Jong Un warned that North Korea would use nuclear weapons.")
    threats = [r for r in rows if r[0] == "THREATEN"]
    assert threats and all("PRK" not in target for _t, _s, target, _f in threats), rows


def test_guard_an_active_clause_keeps_its_subject() -> None:
    rows = event_rows("Iran will retaliate if Israel attacks Iranian nuclear sites.")
    assert ("ASSAULT", ["ISR"], ["IRN"], "hypothetical") in rows, rows
