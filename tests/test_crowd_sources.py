"""A group of people named by a plural person noun ("supporters", "relatives",
"hundreds of pensioners") that attacks or protests is the event's source, no code,
kind "people", as ACLED records rioters and mobs (``actors.people_acting``); one person
alone is a private person.  People named by what they are keep an event political
(shown by default), as no one named does.  Sentences written for these tests; each
failed on main, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _sources(text: str, etype: str) -> list[tuple[str, str | None]]:
    return [(a.text, a.kind) for e in analyze(text, published="2024-05-02").events
            if e.type == etype for a in e.source]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "etype", "words"),
    [
        ("Rioting supporters threw stones at police.", "ASSAULT", "supporters"),
        ("Supporters of the opposition clashed with police in Nairobi.", "ASSAULT",
         "Supporters of the opposition"),
        ("Angry supporters of the former president reportedly stormed the courthouse.",
         "ASSAULT", "supporters of the former president"),
        ("Relatives of missing persons demonstrated in front of the governor's office.",
         "PROTEST", "Relatives of missing persons"),
        ("Hundreds of pensioners marched through the capital on Friday.", "PROTEST",
         "Hundreds of pensioners"),
    ],
)
def test_people_acting_together_are_the_source(text, etype, words):
    found = _sources(text, etype)
    assert any(words in t and k == "people" for t, k in found), found


def test_guard_one_person_alone_is_no_group():
    found = _sources("A supporter of the mayor attacked a journalist.", "ASSAULT")
    assert not any(k == "people" for _t, k in found), found


def test_a_person_named_by_a_noun_keeps_the_event_shown():
    events = analyze("A singer was shot dead in Lagos.", published="2024-05-02").events
    assert [[(a.text, a.kind) for a in e.target] for e in events] == [[("singer", "people")]]
