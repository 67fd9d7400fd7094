"""What an attack or a raid hits, when it names no actor, is its target with the kind
"facility" (as ACLED records the target); what a missile or drone is launched at is
attacked, not a time ("at dawn").  Sentences written for these tests; each failed
before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, list[str], list[str | None]]]:
    return [(e.type, [a.code or a.text for a in e.source], [a.kind for a in e.target])
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


def _targets(text: str) -> list[list[str]]:
    return [[a.code or a.text for a in e.target]
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russian forces struck a school in Kharkiv.", ["school"]),
        ("Gang members threw a grenade at a police station in Guayaquil.", ["police station"]),
        ("Al-Shabaab fighters stormed a beachfront hotel in Mogadishu.",
         ["beachfront hotel"]),
        ("The Houthis launched a missile at a commercial ship in the Red Sea.",
         ["commercial ship"]),
        ("Ukraine launched drones at the Russian oil refinery in Ryazan.",
         ["Russian oil refinery"]),
    ],
)
def test_the_facility_hit_is_the_target(text, target):
    assert target in _targets(text), _targets(text)
    assert ["facility"] in [kinds for _t, _s, kinds in _events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran launched drones and missiles at Israel.", ("ASSAULT", ["IRN"], ["ISR"])),
        ("North Korea launched a missile at dawn.", ("MOBILIZE", ["PRK"], [])),
        ("Russia launched missiles at night.", ("MOBILIZE", ["RUS"], [])),
    ],
)
def test_launched_at_someone_is_an_attack_at_a_time_is_not(text, expected):
    got = [(t, s, [a.code or a.text for a in e.target]) for (t, s, _k), e in zip(
        _events(text), analyze(text, published="2024-05-02").events, strict=True)]
    assert expected in got, got


def test_guard_an_actor_named_stays_the_target():
    assert ["UKR"] in _targets("Russia struck Ukrainian positions near Kharkiv.")


@pytest.mark.parametrize(
    "text",
    ["Two people were killed in a grenade attack on a nightclub in Malmo, police said.",
     "The Malian army said it had foiled an attack on a military camp in Sevare."],
)
def test_an_attack_on_a_facility_by_no_one_named_stays_political(text):
    """A facility is no actor for the political filter: the attack is kept, as an
    attack with no actor named at all is."""
    found = analyze(text, published="2024-05-02").events  # political events only
    assert [e.type for e in found if e.type == "ASSAULT"], found
