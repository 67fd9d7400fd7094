"""A place the gazetteer matched inside a longer hyphenated name is not that place:
"Kebbi" of "Mayo-Kebbi" is no Nigerian state, "Maine" of "Maine-Soroa" no US state
(``places.cut_from_name``). Sentences written for these tests; each failed on main
before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.location.text if e.location else None,
             e.location.country if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Gunmen ambushed a bus on the Diffa-Bosso road near Maine-Soroa.", "Maine"),
        ("Police raided a house in Sainte-Rose-du-Nord on Tuesday.", "Nord"),
        ("Villagers beat two thieves to death in the Mayo-Kebbi region of Chad.", "Kebbi"),
    ],
)
def test_a_piece_of_a_hyphenated_name_is_no_place(text, cut):
    assert all(place != cut for _, place, _ in _places(text)), _places(text)


def test_the_wider_place_stands_in():
    """With "Kebbi" cut, the country the phrase names places the event."""
    assert ("ASSAULT", "Chad", "TCD") in _places(
        "Villagers beat two thieves to death in the Mayo-Kebbi region of Chad.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # two names, each a place of its own, joined: a route, kept
        ("Rebels attacked the Kaya-Dori road near Kaya.", "Kaya"),
        ("A bomb hit the Kirkuk-Ceyhan pipeline near Mosul.", "Mosul"),
        # a region word joined to a place is no name: "Russian-held"
        ("Drones struck a depot in Russian-held Donetsk.", "Donetsk"),
    ],
)
def test_guard_joined_names_and_region_words(text, place):
    assert any(p == place for _, p, _ in _places(text)), _places(text)
