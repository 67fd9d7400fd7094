"""What a warning or a vote is against has not happened ("warned against sending
missiles", "voted against the deployment"): hypothetical; and approval verbs lend
their subject to the act they clear ("cleared the sale").  Sentences written for
these tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, list[str], str]]:
    return [(e.type, [a.code for a in e.source], e.factuality)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Putin warned the West against sending long-range missiles to Kyiv.", "AID"),
        ("Iran warned Israel against attacking its nuclear sites.", "ASSAULT"),
    ],
)
def test_what_is_warned_against_is_hypothetical(text, kind):
    found = [f for t, _, f in _events(text) if t == kind]
    assert found == ["hypothetical"], _events(text)


def test_guard_what_is_protested_against_keeps_its_own_value():
    found = _events("Protesters rallied against the deployment of US troops.")
    assert ("MOBILIZE", ["USA"], "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "The State Department cleared the sale of 40 F-35 jets to Poland.",
        "Congress authorized the transfer of ATACMS missiles to Ukraine.",
    ],
)
def test_an_approval_verb_lends_its_subject(text):
    assert [(t, s) for t, s, _ in _events(text)] == [("AID", ["USA"])]
