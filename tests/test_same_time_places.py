"""An event whose clause names no place happens where a clause of the same time says:
"when", "as", "while" clauses, and "after" clauses of the same actors
(``placing.same_time_clauses``). Sentences written for these tests; each failed on
main before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.text if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Police arrested 20 students as they marched through Dhaka.", "COERCE", "Dhaka"),
        ("Troops killed five militants when the group attacked a checkpoint near Kunduz.",
         "ASSAULT", "Kunduz"),
        ("Rebels looted the market after they seized Goma.", "COERCE", "Goma"),
        ("Rebels looted the market after seizing the town of Bunia.", "COERCE", "Bunia"),
    ],
)
def test_a_clause_of_the_same_time_tells_where(text, kind, place):
    found = _places(text)
    assert found.count((kind, place)) >= 1 and (kind, None) not in found, found


def test_guard_after_another_actor_did_something_elsewhere():
    """"expelled diplomats after Russia poisoned a spy in Salisbury": the expulsion is
    not in Salisbury."""
    found = _places("Britain expelled 23 diplomats after Russia poisoned a spy in Salisbury.")
    assert all(place != "Salisbury" for kind, place in found if kind != "ASSAULT"), found


def test_guard_an_events_own_place_stays():
    found = _places("Troops withdrew from Kidal after they attacked a base near Menaka.")
    assert ("RETREAT", "Kidal") in found, found


def test_guard_a_place_deeper_in_the_clause_of_the_same_time():
    """"as it seeks to build the largest army in Europe": where the army is, not where
    the order was placed."""
    found = _places("Warsaw ordered 180 tanks from Seoul as it seeks to build the largest "
                    "army in Europe.")
    assert all(place != "Europe" for _, place in found), found
