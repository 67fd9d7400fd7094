"""A known person's name the small model leaves untagged ("Modi" at the start of a
sentence) is still that person, coded by the state they served on the day
(people.tsv, Phoenix full names).  Sentences written for these tests; each
failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _sources(text: str) -> list[str | None]:
    return [a.code for e in analyze(text, published="2024-07-08").events for a in e.source]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Modi spoke by phone with Zelensky on Monday.", "IND"),
        ("Modi met Putin in Moscow on Monday.", "IND"),
    ],
)
def test_an_untagged_known_person_is_coded(text, code):
    assert code in _sources(text), _sources(text)


def test_guard_an_unknown_name_stays_uncoded():
    assert all(c is None for c in _sources("Smithers spoke by phone with the rebels."))


def test_a_known_person_the_model_took_for_a_firm_is_a_person_to_word_senses():
    """"fired back at Trump": a retort to a person (senses.tsv retort), not fire."""
    found = analyze("Cruz fired back at Trump during the debate.", published="2016-04-12").events
    assert "ASSAULT" not in [e.type for e in found]


def test_guard_firing_back_at_gunmen_is_fire():
    found = analyze("Israeli troops fired back at Hamas gunmen.", published="2024-05-02").events
    assert [e.type for e in found] == ["ASSAULT"]
