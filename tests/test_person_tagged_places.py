"""A name the model tagged as a person where only a place can be ("near Gao", "in Wad
Madani": the whole object of a preposition of location) is read as a place; the
resolver decides which (``places._person_placed``). Sentences written for these tests;
each failed on main before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.text if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Armed men attacked two schoolgirls near Gao.", "Gao"),
        ("Rebels in Mali attacked an army post near Gao.", "Gao"),
        ("A trader was shot dead in Gao on Friday.", "Gao"),
        ("The attack in Wad Madani killed twelve civilians.", "Wad Madani"),
    ],
)
def test_a_person_tagged_name_after_a_place_preposition(text, place):
    assert ("ASSAULT", place) in _places(text), _places(text)


def test_guard_a_person_elsewhere_is_no_place():
    found = _places("Police clashed with supporters of Gao in Kano.")
    assert found == [("ASSAULT", "Kano")], found
