"""A denial told in a relative clause after the claim ("..., a charge Tehran denies")
denies the claim of its own sentence, as "Minsk denies this" denies the sentence
before (extract/denials.py): the claimed event told again, negated, claimed by the
denier, linked ``denial_of``; no REJECT of its own.  A denial not made ("has not
denied", "may deny") denies nothing.  Sentences written for these tests; each failed
on main before the change, except the guard marked so.
"""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str):
    return analyze(text, published="2024-05-02").events


def _negated(text: str) -> list[tuple[str, list[str], list[str], str | None, str | None]]:
    return [(e.type, [a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             e.attribution.claimant_code if e.attribution else None,
             e.attribution.verb if e.attribution else None)
            for e in _events(text) if e.factuality == "negated"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington accuses Iran of supplying drones to Russia, a charge Tehran denies.",
         ("AID", ["IRN"], ["RUS"], "IRN", "deny")),
        ("Ukraine says Belarus has sent fuel to Russian units, a claim Minsk denies.",
         ("AID", ["BLR"], ["RUS"], "BLR", "deny")),
        ("Ukraine says Belarus has sent fuel to Russian units, a claim Minsk reportedly denied.",
         ("AID", ["BLR"], ["RUS"], "BLR", "deny")),
        ("Kyiv accused Moscow of shelling the plant, an allegation which Russia rejected.",
         ("ASSAULT", ["RUS"], ["plant"], "RUS", "reject")),
        ("Kyiv accused Moscow of shelling the plant, an allegation denied by Russia.",
         ("ASSAULT", ["RUS"], ["plant"], "RUS", "deny")),
        ("Western officials say North Korea shipped artillery shells to Russia, "
         "an accusation that Pyongyang and Moscow have both denied.",
         ("AID", ["PRK"], ["RUS"], "PRK", "deny")),
    ],
)
def test_a_relative_denial_negates_the_claim_of_its_sentence(text, expected):
    assert _negated(text) == [expected]


def test_the_denial_is_linked_to_the_claim_and_is_no_reject():
    events = _events("Washington accuses Iran of supplying drones to Russia, "
                     "a charge Tehran denies.")
    claimed = next(e for e in events if e.type == "AID" and e.factuality == "asserted")
    denial = next(e for e in events if e.factuality == "negated")
    assert [(lk.relation, lk.event) for lk in denial.links] == [("denial_of", claimed.id)]
    assert ("denied_by", denial.id) in [(lk.relation, lk.event) for lk in claimed.links]
    assert claimed.attribution.claimant_code == "USA"
    assert "REJECT" not in [e.type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # a guard: passes on main too
        "Ukraine says Belarus has sent fuel to Russian units, a claim Minsk has not denied.",
        "Kyiv says Belarus sent fuel to Russian units. Minsk has not denied this.",
        "Kyiv says Belarus sent fuel to Russian units. Minsk may deny this.",
    ],
)
def test_a_denial_not_made_denies_nothing(text):
    assert [e for e in _events(text) if e.factuality == "negated" and e.type == "AID"] == []
