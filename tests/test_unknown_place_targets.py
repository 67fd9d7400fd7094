"""A place the model tags as such (GPE, LOC, FAC) that no gazetteer knows is an
actor of kind "place", not a person ("shelled Ponnagyun"), and like a facility it
makes no event private.  Sentences written for these tests; the first test's cases
gave kind "person" before (f914872)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _targets(text: str) -> list[tuple[str, str | None]]:
    return [(a.text, a.kind) for e in analyze(text, published="2024-05-02").events
            for a in e.target]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Government jets bombed Qaryatain on Tuesday.", "Qaryatain"),
        ("Russian forces shelled Ponnagyun.", "Ponnagyun"),
    ],
)
def test_an_unknown_place_hit_is_a_place(text, target):
    assert (target, "place") in _targets(text), _targets(text)


def test_guard_a_known_place_hit_keeps_its_state():
    events = analyze("Russian forces shelled Kharkiv.", published="2024-05-02").events
    assert [(a.code, a.kind) for e in events for a in e.target] == [("UKR", "place")]
