"""An event placed by a bearing from a place ("east of Kaduna", "40 km south-west of
Kandahar", "30 miles north of Baghdad") is near that place (``placing.bearing``).
Sentences written for these tests; each failed on main before the change, except the
guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.text if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen kidnapped a group of nurses east of Kaduna.", "Kaduna"),
        ("Gunmen kidnapped 17 nurses north of Kaduna on Monday.", "Kaduna"),
        ("Militants ambushed a patrol 40 km south-west of Kandahar.", "Kandahar"),
        ("A convoy was attacked 30 miles north of Baghdad.", "Baghdad"),
    ],
)
def test_a_bearing_from_a_place_is_near_it(text, place):
    assert ("ASSAULT", place) in _places(text), _places(text)


def test_guard_a_bearing_of_the_speaker_is_not_the_events():
    found = _places("The army's headquarters north of Kabul said troops killed ten "
                    "militants in Kunduz.")
    assert ("ASSAULT", "Kunduz") in found and ("ASSAULT", "Kabul") not in found, found
