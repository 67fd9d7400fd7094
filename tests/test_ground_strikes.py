""""Strike" is an air strike (PLOVER mode aerial) when missiles, drones or jets strike,
not when people on the ground do ("a suicide bomber struck a mosque", "gunmen struck
a village"): senses.tsv's ground_attackers rule.  Sentences written for these tests;
the first test's cases were "aerial" on main, the guards passed."""

from __future__ import annotations

import pytest

from dossier import analyze


def _modes(text: str) -> list[str | None]:
    return [e.mode for e in analyze(text, published="2024-05-02").events
            if e.type == "ASSAULT"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber struck a mosque in Peshawar during Friday prayers.",
        "Gunmen struck a village in the north overnight.",
        "Militants struck an army post near the border on Sunday.",
    ],
)
def test_people_on_the_ground_make_no_air_strike(text):
    assert _modes(text) and "aerial" not in _modes(text), _modes(text)


@pytest.mark.parametrize(
    "text",
    ["Russian missiles struck Kharkiv overnight.", "A drone struck a car near the border."],
)
def test_guard_missiles_and_drones_still_strike_from_the_air(text):
    assert _modes(text) == ["aerial"]
