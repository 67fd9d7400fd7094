"""Workers who strike, with nothing struck, stop work (PLOVER 3.12 PROTEST mode strike):
"nurses will strike over pay" is no air strike; "downed tools", "walked off the job" and a
"work stoppage" are strikes too.  Sentences written for these tests; each failed before
(ASSAULT aerial, or no event), except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in analyze(text, published="2024-05-02").events]


@pytest.mark.parametrize(
    "text",
    [
        "Nurses in England will strike next week over pay.",
        "Dock workers struck for a third day on Tuesday.",
        "Junior doctors are striking over unpaid wages.",
        "Train drivers did not strike on Friday after a last-minute deal.",
        "Thousands of civil servants downed tools on Monday.",
        "Teachers walked off the job in Chicago.",
        "Railway workers staged a 24-hour work stoppage.",
    ],
)
def test_workers_striking_is_a_labour_strike(text):
    events = _events(text)
    assert ("PROTEST", "strike") in events and ("ASSAULT", "aerial") not in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Israeli pilots struck Hezbollah targets in southern Lebanon.",
        "Russian missiles struck the power grid overnight.",
        "Workers walked off the stage after the concert.",
    ],
)
def test_guard_no_labour_strike(text):
    assert ("PROTEST", "strike") not in _events(text), _events(text)
