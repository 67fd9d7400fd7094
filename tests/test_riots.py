"""Violence by demonstrators is a riot, PROTEST ``riot`` (CAMEO 145 "protest
violently, riot"; ACLED's violent demonstration); a mob or crowd attacking
people stays an assault (tests/data/snippets/README.md).  The sentences are
written for these tests; each failed before the change, except the guards.
"""

from __future__ import annotations

import pytest

from dossier import analyze
from dossier.evaluate import ace
from dossier.evaluate.ace import Found


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in analyze(text, published="2024-05-02").events]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters hurled rocks at riot police outside the ministry.",
        "Demonstrators clashed with security forces in Dhaka on Sunday.",
        "Rioters torched a police station in the town of Kisumu.",
        "Angry protesters stormed the parliament building in Colombo.",
        "The town hall was set on fire by demonstrators.",
    ],
)
def test_demonstrators_violence_is_a_riot(text):
    assert ("PROTEST", "riot") in _kinds(text) and not any(
        t == "ASSAULT" for t, _ in _kinds(text)
    ), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "A mob beat a man accused of theft to death in Lagos.",
        "Police fired tear gas at the protesters.",
    ],
)
def test_guard_mob_violence_and_the_police_stay_assaults(text):
    assert [t for t, _ in _kinds(text)] == ["ASSAULT"]


def test_the_ace_evaluator_counts_a_riot_as_an_attack_too():
    riot = Found("PROTEST", "PROTEST", "riot", "threw", 0, True)
    assert ace._labels([riot]) == {"PROTEST", "ASSAULT"}
    assert ace._labels([riot], guidelines=False) == {"PROTEST"}
