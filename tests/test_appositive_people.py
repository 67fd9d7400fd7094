"""A title with a person's name in apposition names that person, known to the tables
or not: the actor's text runs to the name ("the opposition leader, Bobi Wine").
Sentences written for these tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _targets(text: str) -> list[str]:
    return [a.text for e in analyze(text, published="2024-05-02").events for a in e.target]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police in Istanbul detained the city's mayor, Ekrem Imamoglu, on corruption charges.",
         "Ekrem Imamoglu"),
        ("The army detained the opposition leader, Bobi Wine, in Kampala.", "Bobi Wine"),
        ("Security forces arrested a senior party official, Amina Yusuf, in Kano.",
         "Amina Yusuf"),
    ],
)
def test_the_title_names_the_person(text, name):
    assert any(t.endswith(name) for t in _targets(text)), _targets(text)


def test_guard_a_title_without_a_name_stays_the_title():
    assert _targets("The army detained the opposition leader in Kampala.") == [
        "opposition leader"]
