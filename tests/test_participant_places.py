"""Where the parties of an event are said to be is where it is, when its own phrases
name no place: "police in Abuja dispersed ..." (the subject's place, also for the noun
the verb governs: "authorities in Kano imposed a curfew"), what a party is doing then
("... dispersed workers protesting outside parliament": the protest is there too), and
where the party an event acts on is doing something ("fired on farmers blocking a
highway near X"). Sentences written for these tests; each failed on main before the
change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.text if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Police in Abuja dispersed members of the union protesting outside parliament.",
         "PROTEST", "Abuja"),
        ("Riot police in Lagos detained dozens of students demonstrating against fuel prices.",
         "PROTEST", "Lagos"),
        ("Authorities in Kano imposed a dusk-to-dawn curfew after the riots.", "COERCE", "Kano"),
        ("Rebels in Idlib launched a drone attack on a base.", "ASSAULT", "Idlib"),
        ("Soldiers shot dead two men smuggling fuel across the border near Maiduguri.",
         "ASSAULT", "Maiduguri"),
    ],
)
def test_where_the_parties_are(text, kind, place):
    assert (kind, place) in _places(text), _places(text)


def test_guard_what_was_made_elsewhere_is_no_place_of_the_event():
    """A past participle tells of another time: "jets made in Sweden" were not received
    there."""
    assert ("AID", "Sweden") not in _places("Ukraine received jets made in Sweden.")


def test_guard_the_speakers_place_is_not_the_events():
    found = _places("A spokesman in Geneva said that militias had attacked a camp.")
    assert ("ASSAULT", "Geneva") not in found, found


def test_guard_the_events_own_place_wins_over_its_parties():
    """The event's own place phrase is finer than the party's country: the town; a
    protest that names its place keeps it."""
    found = _places("Rebels in Mali attacked an army post near Menaka.")
    assert ("ASSAULT", "Menaka") in found, found
    found = _places("Police in Kenya dispersed students protesting in Kisumu.")
    assert ("PROTEST", "Kisumu") in found, found
