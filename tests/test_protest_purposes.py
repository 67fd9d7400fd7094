"""A protest whose "to" clause names a protest is one protest: "gathered outside
parliament to protest the law", not a protest and a planned one; it takes the
clause's target.  Sentences written for these tests; each failed before the change,
except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _protests(text: str) -> list[tuple[str, list[str], str]]:
    return [(e.trigger.text, [a.code or a.text for a in e.target], e.factuality)
            for e in analyze(text, published="2024-05-02").events
            if e.type == "PROTEST"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of demonstrators gathered outside parliament in Tbilisi to protest the "
         "foreign agents law.", [("gathered", [], "asserted")]),
        ("Thousands marched in Belgrade to protest against the government.",
         [("marched", ["government"], "asserted")]),
        ("Farmers blocked roads in Brussels to protest EU policies.",
         [("blocked", ["EU"], "asserted")]),
        ("Thousands took to the streets of Tbilisi to protest against the government.",
         [("took", ["government"], "asserted")]),
    ],
)
def test_a_protest_to_protest_is_one_protest(text, expected):
    assert _protests(text) == expected


def test_guard_a_plan_to_protest_stays_planned():
    assert _protests("The opposition plans to protest against the election result.") == [
        ("protest", [], "planned")]
