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


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # the whole name is found on the map: Maïné Soroa in Niger, not Maine
        ("Gunmen ambushed a bus near Maine-Soroa on Friday.", "Maine-Soroa", "NER"),
        # passive; the whole name is not on the map, and is kept as written
        ("Two traders were kidnapped in Mayo-Kebbi, police said.", "Mayo-Kebbi", None),
        # a name with particles, two matches inside it
        ("Protesters marched through Sainte-Rose-du-Nord on Saturday.",
         "Sainte-Rose-du-Nord", None),
        # guard: a hyphened name of a thing is still no place ("the ... pipeline")
        ("Rebels bombed the Cano Limon-Covenas oil pipeline in Arauca on Monday.", "Arauca",
         "COL"),
    ],
)
def test_a_place_cut_from_a_hyphenated_name_stands_for_the_whole_name(text, place, country):
    assert any(where == place and state == country for _, where, state in _places(text)), (
        _places(text))
