"""The actor finder reads what a head's phrase says by itself once per head
(``ActorFinder._kept``), and what was named before it at every call.

These are guards for that speed-up (they pass on the code before it too): a reading
kept for a head must not freeze what depends on the order of reading ("these
pilots", "its troops", "he"), and callers that change an actor they were given must
not change what the next caller gets.
"""

from __future__ import annotations

from dossier.annotate import annotate
from dossier.extract.actors import ActorFinder
from dossier.extract.coreference import DiscourseActors

TEXT = (
    "North Korean pilots arrived in Russia. These pilots will fly. "
    "Ukraine said nothing. Its troops left. "
    "Prime Minister Keir Starmer visited Kyiv. He met soldiers."
)


def _at(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def test_these_pilots_is_read_with_what_was_named_before() -> None:
    doc = annotate(TEXT)
    for finder in (ActorFinder(doc), DiscourseActors(doc)):
        these = _at(doc, "pilots", 1)
        assert [m.entity for m in finder._one(these)] == [None]  # nothing named yet
        finder.in_phrase(_at(doc, "pilots"))  # "North Korean pilots"
        assert [(m.text, m.entity) for m in finder._one(these)] == [
            ("These pilots", "state:PRK")]


def test_its_troops_is_read_with_what_was_named_before() -> None:
    doc = annotate(TEXT)
    finder = ActorFinder(doc)
    troops = _at(doc, "troops")
    assert [m.entity for m in finder._one(troops)] == [None]
    finder.in_phrase(_at(doc, "Ukraine"))
    assert [m.entity for m in finder._one(troops)] == ["state:UKR"]


def test_a_person_read_again_is_remembered_again() -> None:
    doc = annotate(TEXT)
    finder = ActorFinder(doc)
    starmer = _at(doc, "Starmer")
    first = finder._one(starmer)
    assert finder.memory.persons == first
    finder.memory.persons.clear()
    again = finder._one(starmer)
    assert again == first and finder.memory.persons == again
    assert finder.memory.persons[0] is again[0]  # "he" gets the very actor handed out


def test_what_a_caller_changes_is_its_own() -> None:
    doc = annotate(TEXT)
    finder = DiscourseActors(doc)
    for head in (_at(doc, "pilots"), _at(doc, "Russia"), _at(doc, "Starmer")):
        first = finder.in_phrase(head, remember=False)
        assert first
        for m in first:
            m.entity, m.text = "changed", "changed"
        again = finder.in_phrase(head, remember=False)
        assert all(m.entity != "changed" and m.text != "changed" for m in again)
        assert [a is b for a, b in zip(first, again, strict=True)] == [False] * len(first)
