"""A place an attack or a raid is aimed at is its target, coded as the state the place is
in (the Phoenix dictionaries list cities and regions among their state's names); a
facility hit is coded by the state of the event's place. Sentences written for these
tests, in active, passive, nominal and hedged phrasing."""

from __future__ import annotations

import pytest
from event_rows import event_rows

from dossier import analyze

CASES = [
    ("Russian forces shelled the city of Kharkiv on Tuesday.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("Ukrainian drones struck the Belgorod region overnight.", ("ASSAULT", ["UKR"], ["RUS"])),
    ("Odesa was struck by Russian drones overnight.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("A Russian missile attack on Zaporizhzhia wounded four people.",
     ("ASSAULT", ["RUS"], ["UKR"])),
    ("Russian troops may have shelled Kherson overnight.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("Rebels overran Goma after a week of fighting.", ("ASSAULT", ["Rebels"], ["COD"])),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_the_place_hit_is_coded_as_its_state(text: str, expected: tuple) -> None:
    etype, source, target = expected
    rows = [(t, s, g) for t, s, g, _f in event_rows(text)]
    assert (etype, source, target) in rows, rows


def test_the_kind_still_says_what_was_hit() -> None:
    events = analyze("Russian forces shelled the city of Kharkiv. Militants attacked a "
                     "police station in Peshawar.", published="2024-05-02").events
    targets = {(a.text, a.kind, a.code, a.country) for e in events for a in e.target}
    assert ("Kharkiv", "place", "UKR", "UKR") in targets
    assert ("police station", "facility", None, "PAK") in targets


def test_a_state_stays_a_state_and_other_events_name_no_place() -> None:
    rows = event_rows("Russia attacked Ukraine. The minister visited Kharkiv on Monday.")
    assert ("ASSAULT", ["RUS"], ["UKR"], "asserted") in rows
    assert all(target == [] for etype, _s, target, _f in rows if etype == "CONSULT"), rows
