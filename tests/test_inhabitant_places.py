"""People named by where they live are there: "residents of Kisumu attacked ..." happens
in Kisumu (``places.INHABITANT_NOUNS``; a name the model took for a person there is a
place too). Sentences written for these tests; each failed on main before the change,
except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.text if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Residents of Kisumu attacked a police station on Sunday.", "ASSAULT", "Kisumu"),
        ("Villagers of Kajuru attacked a group of herders with machetes.", "ASSAULT",
         "Kajuru"),
        ("Inhabitants of the town of Bunia protested against the curfew on Monday.",
         "PROTEST", "Bunia"),
    ],
)
def test_inhabitants_act_where_they_live(text, kind, place):
    assert (kind, place) in _places(text), _places(text)


@pytest.mark.parametrize(
    "text",
    [
        # residents who speak: the shelling is not said to be in Goma
        "Residents of Goma said rebels had shelled a camp.",
        # soldiers "of" a state are its soldiers, not people living there
        "Soldiers of Mali attacked a camp.",
    ],
)
def test_guard_no_place_from_others_or_from_a_state(text):
    assert all(place is None for _, place in _places(text)), _places(text)
