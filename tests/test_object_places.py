"""A place named inside what the event verb governs: the town one pulls "out of", the
town two joined verbs share as object ("stormed and held the town of X"), the edge of
a place said with "on" ("on the outskirts of X"). Sentences written for these tests;
each failed on main before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.text if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Rebels pulled out of the town of Bunia on Sunday.", "RETREAT", "Bunia"),
        ("Government forces pulled their troops out of the town of Kidal.", "RETREAT",
         "Kidal"),
        ("Militants stormed and held the northern town of Gao for two days.", "ASSAULT", "Gao"),
        ("Heavy fighting was reported on the outskirts of Goma.", "ASSAULT", "Goma"),
        ("Clashes erupted on the outskirts of the city of Beni overnight.", "ASSAULT", "Beni"),
        ("A spokesman in Geneva said militias shelled villages on the outskirts of Goma.",
         "ASSAULT", "Goma"),
    ],
)
def test_the_place_in_the_verbs_phrase(text, kind, place):
    assert (kind, place) in _places(text), _places(text)


def test_guard_a_joined_verb_with_its_own_subject_keeps_its_object():
    """"the army withdrew and the rebels seized the town": the withdrawal is not said to
    be from that town."""
    found = _places("The army withdrew and the rebels seized the town of Gao.")
    assert ("ASSAULT", "Gao") in found
    assert ("RETREAT", "Gao") not in found


def test_guard_on_a_thing_is_no_place():
    """"on" says where only with the edge of a place: a strike "on a convoy" is aimed."""
    found = _places("Drones struck a convoy on the road, near Goma.")
    assert ("ASSAULT", "Goma") in found, found
