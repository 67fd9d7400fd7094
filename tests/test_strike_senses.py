"""The verb "strike" with troops as its subject: "forces" is the plural of "force",
which also names what strikes the mind ("struck by the force of her argument"); the
troops' sense is the one with a plural subject that acts.  Sentences written for
these tests; each failed before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _assaults(text: str) -> list[tuple[list[str], str]]:
    return [([a.code or a.text for a in e.source], e.factuality)
            for e in analyze(text, published="2024-05-02").events
            if e.type == "ASSAULT"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "factuality"),
    [
        ("Russian forces struck Odesa with drones overnight.", ["RUS"], "asserted"),
        ("Israeli forces struck a school in Gaza City on Tuesday.", ["ISR"], "asserted"),
        ("US forces did not strike the convoy, the Pentagon said.", ["USA"], "negated"),
        ("Syrian forces may have struck the hospital, investigators said.", ["SYR"],
         "possible"),
    ],
)
def test_forces_that_strike_attack(text, source, factuality):
    assert (source, factuality) in _assaults(text), _assaults(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was struck by the strength of their determination.",
        "Analysts were struck by the scale of the losses.",
    ],
)
def test_guard_an_impression_is_no_attack(text):
    assert _assaults(text) == []
