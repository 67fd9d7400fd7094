"""Forces "expected / due / set to arrive" are the ones that arrive: the subject of the
raising verb is the mover.  Sentences written for these tests; each failed before
the change, except the guard."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese warships are expected to arrive in Cambodia next week.",
         ("MOBILIZE", ["CHN"], [], "likely")),
        ("Russian troops are set to arrive in Belarus.", ("MOBILIZE", ["RUS"], [], "planned")),
        ("More Turkish soldiers are due to arrive in northern Syria.",
         ("MOBILIZE", ["TUR"], [], "planned")),
    ],
)
def test_forces_expected_to_arrive_move(text, expected):
    assert expected in event_rows(text), event_rows(text)


def test_guard_a_plane_expected_to_land_names_no_forces():
    assert event_rows("The plane is expected to land in Kabul.") == []
