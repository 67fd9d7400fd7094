"""A clause of a claim that is denied is negated, and the denier is its claimant:
"Moscow rejected claims that it had deployed nuclear weapons to Belarus".  And an
accused party "suspected of" an act is its agent though the parser hangs "of" on it.
Sentences written for these tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _moves(text: str) -> list[tuple[str, str | None]]:
    return [(e.factuality, e.attribution.claimant if e.attribution else None)
            for e in analyze(text, published="2024-05-02").events
            if e.type == "MOBILIZE"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Moscow rejected claims that it had deployed nuclear weapons to Belarus.",
        "Moscow dismissed claims that it had deployed nuclear weapons to Belarus.",
        "Moscow denied reports that it had deployed nuclear weapons to Belarus.",
    ],
)
def test_a_denied_claim_is_negated_by_the_denier(text):
    assert _moves(text) == [("negated", "Moscow")]


def test_guard_a_confirmed_report_stays_asserted():
    found = _moves("US officials confirmed reports that Russia had deployed nuclear weapons "
                   "to Belarus.")
    assert [f for f, _claimant in found] == ["asserted"]


def test_the_suspected_party_acts():
    [event] = [e for e in analyze("Seoul suspects Pyongyang of shipping artillery shells to "
                                  "Moscow.", published="2024-05-02").events if e.type == "AID"]
    assert [a.code for a in event.source] == ["PRK"]
