"""Troops ordered to a place are deployed (PLOVER 3.14 MOBILIZE); troops ordered to do
something are given an order (REQUEST).  Sentences written for these tests; each
failed before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, list[str]]]:
    return [(e.type, [a.code or a.text for a in e.source])
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Pentagon ordered 3,000 troops to Poland.", ["USA"]),
        ("Putin ordered additional forces to the border with Finland.", ["RUS"]),
        ("Turkey has ordered more troops to northern Syria, officials said.", ["TUR"]),
    ],
)
def test_troops_ordered_somewhere_are_deployed(text, source):
    assert _events(text)[0] == ("MOBILIZE", source), _events(text)


@pytest.mark.parametrize(
    "text",
    ["The army ordered troops to fire on protesters.",
     "The general ordered the troops to withdraw."],
)
def test_guard_troops_ordered_to_act_are_given_an_order(text):
    assert _events(text)[0][0] == "REQUEST"
