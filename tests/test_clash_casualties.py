"""Casualties of a clash are its target, never its attackers (PLOVER 3.16: the source
is who acts).  PETRARCH2's DIE "* (IN CLASHES)" [190:190] codes the dead as the source;
``senses.tsv`` leaves the clash to its own word, which takes the dead as casualties."""

from __future__ import annotations

import pytest

from dossier.pipeline import analyze


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Two Afghan civilians died in clashes between police and protesters.", "AFG"),
        ("Four Indian soldiers died in a skirmish on the border.", "IND"),
        ("Several Syrian conscripts reportedly died in fighting near Aleppo.", "SYR"),
    ],
)
def test_the_dead_are_not_the_attackers(text: str, dead: str) -> None:
    events = [e for e in analyze(text, published="2016-06-01").events if e.type == "ASSAULT"]
    assert events, "the clash is an event"
    assert not any(dead in {a.code for a in e.source} for e in events), [
        (e.trigger.text if e.trigger else None, [a.code for a in e.source]) for e in events
    ]
