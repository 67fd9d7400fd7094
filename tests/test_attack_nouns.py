"""Attacks told with nouns and idioms: the nominalisations of the attack verbs and
PLOVER's "abduct, kidnap, hijack" mode, what is "of" an attack noun or "under" it,
an attack "into" a place, and where a place attacked is the event's place. Sentences
written for these tests, in active, passive, nominal and hedged phrasing."""

from __future__ import annotations

import pytest
from event_rows import event_rows

from dossier import analyze

CASES = [
    ("The kidnapping of 30 students by gunmen in Kaduna shocked Nigeria.",
     ("ASSAULT", ["gunmen"], ["30 students"])),
    ("Houthi forces hijacked a cargo ship in the Red Sea.",
     ("ASSAULT", ["HOUTHIS"], ["cargo ship"])),
    ("The hijacking of the tanker by Somali pirates was reported on Friday.",
     ("ASSAULT", ["SOM"], ["tanker"])),  # role nouns with a state's adjective: its state
    ("The abduction of two Kenyan aid workers by al-Shabaab was condemned.",
     ("ASSAULT", ["SHABAAB"], ["KEN"])),
    ("A Russian missile barrage hit Kyiv overnight.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("Turkey may launch a new incursion into northern Iraq.", ("ASSAULT", ["TUR"], ["IRQ"])),
    ("The shelling of Kharkiv by Russian forces went on all night.",
     ("ASSAULT", ["RUS"], ["UKR"])),
    ("Iraqi troops came under attack near Mosul.", ("ASSAULT", [], ["IRQ"])),
    # a force's noun as the modifier carried it out ("a police raid", roles.agent_modifier)
    ("Malian soldiers were killed in a jihadist ambush.", ("ASSAULT", ["jihadist"], ["MLI"])),
    # "ram" (PETRARCH2 codes it only through its synonym block); a boat is a thing hit
    ("Chinese vessels rammed a Philippine supply boat.", ("ASSAULT", ["CHN"], ["PHL"])),
    ("A Philippine boat was rammed by a Chinese coast guard ship.",
     ("ASSAULT", ["CHN"], ["PHL"])),
    ("Israeli forces struck a boat off Gaza.", ("ASSAULT", ["ISR"], ["boat"])),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attacks_told_with_nouns(text: str, expected: tuple) -> None:
    rows = [(t, s, g) for t, s, g, _f in event_rows(text)]
    assert expected in rows, rows


def test_the_modes_of_abduction() -> None:
    events = analyze("Gunmen kidnapped 12 villagers. The hijacking of a bus by militants "
                     "ended on Monday.", published="2024-05-02").events
    assert [e.mode for e in events if e.type == "ASSAULT"] == ["abduct", "abduct"]


def test_the_place_attacked_is_where_it_happened() -> None:
    events = analyze("Odesa was struck by Russian drones overnight.",
                     published="2024-05-02").events
    assert [(e.type, e.location and e.location.name) for e in events] == [
        ("ASSAULT", "Odesa")]


def test_guard_moving_into_a_place_is_no_attack() -> None:
    rows = event_rows("Russian troops advanced into the town. The minister flew into Kyiv.")
    assert not [r for r in rows if r[0] == "ASSAULT"], rows
