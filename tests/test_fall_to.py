"""A place that "fell to" armed actors was taken by them: ASSAULT seize (Oxford fall 4
"be captured or defeated"), the taker the source, the place's state the target.
Sentences written for these tests; each failed before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _seizures(text: str) -> list[tuple[list[str], list[str], str]]:
    return [([a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             e.factuality)
            for e in analyze(text, published="2024-05-02").events
            if e.type == "ASSAULT" and e.mode == "seize"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "target", "factuality"),
    [
        ("The town of Bakhmut has fallen to Russian forces.", ["RUS"], [], "asserted"),
        ("Kabul fell to the Taliban in August 2021.", ["TALIBAN"], ["AFG"], "asserted"),
        ("Mosul fell to Islamic State fighters in 2014.", ["ISIS"], [], "asserted"),
        ("The village did not fall to the rebels.", ["rebels"], [], "negated"),
    ],
)
def test_a_place_that_fell_to_armed_actors_was_seized(text, source, target, factuality):
    assert (source, target, factuality) in _seizures(text), _seizures(text)


@pytest.mark.parametrize(
    "text",
    ["Shares fell to a record low.", "Responsibility fell to the government.",
     "Turnout fell to 40 percent."],
)
def test_guard_figures_and_duties_fall_to_no_one(text):
    assert _seizures(text) == []
