"""Transfers told as "provide / supply X with Y": the object is who receives, the
"with" phrase what is given.  Sentences written for these tests; each failed before
the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target],
             [i.category or "" for i in e.items])
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Tehran has provided Moscow with hundreds of Shahed drones.", ["IRN"], ["RUS"]),
        ("Moscow has supplied North Korea with short-range air defence systems.", ["RUS"],
         ["PRK"]),
        ("Ukraine was supplied with Patriot batteries by Germany.", ["DEU"], ["UKR"]),
    ],
)
def test_the_object_receives_what_the_with_phrase_names(text, source, target):
    found = [e for e in _events(text) if e[0] == "AID"]
    assert found and found[0][1] == source and found[0][2] == target, _events(text)
    assert any(found[0][3]), found


def test_guard_troops_sent_with_tanks_are_no_recipients():
    found = _events("Russia sent troops with tanks to the border.")
    assert [t for t, _, _, _ in found] == ["MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "Germany pledged 500 million euros in military aid to Ukraine.",
        "Japan has pledged $4.5 billion in aid to Kyiv.",
        "Germany pledged military aid to Ukraine.",
    ],
)
def test_a_pledge_lends_its_subject_to_the_aid(text):
    """"pledged X in aid": the sum is the object; the aid is the pledger's, planned."""
    aid = [e for e in _events(text) if e[0] == "AID"]
    assert aid and aid[0][1] in (["DEU"], ["JPN"]) and aid[0][2] == ["UKR"], _events(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Pentagon announced a new $400 million aid package for Ukraine.",
         ("AID", ["USA"], ["UKR"])),
        ("Chad ended its defence cooperation agreement with France.",
         ("SANCTION", ["TCD"], ["FRA"])),
        ("Iran cancelled the talks with the EU.", ("SANCTION", ["IRN"], ["EU"])),
        ("Ukrainian troops pulled back from Avdiivka to avoid encirclement.",
         ("RETREAT", ["UKR"], None)),
    ],
)
def test_packages_endings_and_pullbacks(text, expected):
    """"an aid package" is aid (after a light verb, the noun is the event); ending or
    cancelling an agreement or talks with X is a SANCTION against X; "pulled back"
    (the parser's adverb "back") is a retreat like "pulled out"."""
    kind, source, target = expected
    found = [e for e in _events(text) if e[0] == kind]
    assert found and found[0][1] == source and (target is None or found[0][2] == target), (
        _events(text))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Belarus sent fuel to Russian units.", ["RUS"]),
        ("Minsk has delivered diesel to Russian army depots, Kyiv says.", ["RUS"]),
    ],
)
def test_goods_sent_to_a_states_units_go_to_the_state(text, target):
    """A recipient named by a demonym on a noun that is no actor noun ("Russian
    units") is the state."""
    found = [e for e in _events(text) if e[0] == "AID"]
    assert found and found[0][2] == target, _events(text)
