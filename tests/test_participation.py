"""Taking part (dossier/extract/participation.py): "X took part in / participated
in E" makes X a party to the event E names; the verb is no event of its own.

The sentences are written for these tests; each failed before the change.
"""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, str, list[str], str]]:
    return [
        (e.type, e.trigger.text, [a.code or a.text for a in e.source], e.factuality)
        for e in analyze(text, published="2024-05-02").events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran participated in the talks in Vienna.",
         [("CONSULT", "talks", ["IRN"], "asserted")]),
        ("Iran will take part in the nuclear talks.", [("CONSULT", "talks", ["IRN"], "planned")]),
        ("Students took part in the protest outside parliament.",
         [("PROTEST", "protest", ["Students"], "asserted")]),
        ("Thousands of people took part in the Women's March in London.",
         [("PROTEST", "March", ["people"], "asserted")]),
        ("Egypt took part in the summit in Riyadh.", [("CONSULT", "summit", ["EGY"], "asserted")]),
    ],
)
def test_the_event_taken_part_in_is_the_event(text, expected):
    assert _events(text) == expected


def test_guard_a_stance_is_still_read():
    """"resigned in protest": no protest event, the "in" is a stance."""
    assert [t for t, _, _, _ in _events("The minister resigned in protest.")] == ["RETREAT"]
