"""A union that calls a strike organises one (PLOVER 3.12 PROTEST strike); one that calls
it off ends it.  "call" and "call off" are told apart by the particle.  Sentences written
for these tests; the strikes called failed before (no event), except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.mode, e.factuality) for e in analyze(text, published="2024-05-02").events]


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("The union called a general strike for Monday.", "asserted"),
        ("Dockers' unions have called a 48-hour strike at Antwerp port.", "asserted"),
        ("The teachers' union may call a strike next month.", "possible"),
    ],
)
def test_a_strike_called_is_a_labour_strike(text, factuality):
    kinds = _kinds(text)
    assert ("PROTEST", "strike", factuality) in kinds, kinds


@pytest.mark.parametrize(
    "text",
    [
        "The union called off the strike.",
        "Rail unions called off next week's strike after a deal.",
    ],
)
def test_guard_a_strike_called_off_is_none(text):
    assert not [k for k in _kinds(text) if k[:2] == ("PROTEST", "strike")], _kinds(text)
