"""A person an attack or an arrest falls on, named by a common noun, is the event's
target with no code and a kind (``extract/actors/victims.py``): a noun whose most
frequent WordNet sense is a person, or one of Phoenix's agents even when it is
singular.  Sentences written for these tests; each failed on main (no target)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _targets(text: str, etype: str) -> list[list[tuple[str, str | None, str | None]]]:
    return [[(a.text, a.code, a.kind) for a in e.target]
            for e in analyze(text, published="2024-05-02").events if e.type == etype]


@pytest.mark.parametrize(
    ("text", "etype", "words", "kind"),
    [
        # active, object
        ("Armed men assaulted two schoolgirls in Kano.", "ASSAULT", "schoolgirls", "people"),
        ("Unknown assailants stabbed a shopkeeper in Karachi.", "ASSAULT", "shopkeeper",
         "civilian"),
        # passive subject
        ("A prominent human rights lawyer was shot dead by unknown attackers.", "ASSAULT",
         "lawyer", "judiciary"),
        # nominal, "of" phrase
        ("The killing of a teacher by militants shocked the town.", "ASSAULT", "teacher",
         "education"),
        ("The arrest of the singer by police sparked protests.", "COERCE", "singer", "people"),
        # hedged, reported
        ("Police said they had detained a blogger accused of insulting the king.", "COERCE",
         "blogger", "media"),
    ],
)
def test_a_person_noun_is_the_target(text, etype, words, kind):
    found = _targets(text, etype)
    assert any(words in t and c is None and k == kind for ts in found for t, c, k in ts), found


def test_a_thing_is_no_person():
    """"the tower" is an artifact first in WordNet: a facility hit, no person."""
    found = _targets("Rebels shot at the tower.", "ASSAULT")
    assert not any(k == "people" for ts in found for _t, _c, k in ts), found
