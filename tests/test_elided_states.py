""""The North", "the South": a state named by the word that opens its name, in a story
about it (dossier/resolve/actors.py, elided_state).  Sentences written for these tests;
each failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _sources(text: str) -> list[tuple[str, str | None]]:
    return [(a.text, a.code) for e in analyze(text, published="2025-03-10").events
            for a in e.source]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("North Korea fired two missiles on Monday. In a statement, the North's defence "
         "ministry warned that the drills would be met with force.", "North's defence ministry",
         "PRK"),
        ("South Sudan's army clashed with rebels. The South's army later accused the rebels "
         "of attacking a convoy.", "South's army", "SSD"),
    ],
)
def test_the_north_is_the_state_of_the_story(text, span, code):
    assert (span, code) in _sources(text), _sources(text)


def test_guard_no_such_state_in_the_story_no_code():
    text = "In a statement, the North's defence ministry warned of force."
    assert all(code is None for _, code in _sources(text))
