"""The victims an attack's clause names are its target: "three Ukrainian soldiers were
killed in a Russian drone attack".  Sentences written for these tests; each failed
before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _assaults(text: str) -> list[tuple[list[str], list[str]]]:
    return [([a.code or a.text for a in e.source], [a.code or a.text for a in e.target])
            for e in analyze(text, published="2024-05-02").events
            if e.type == "ASSAULT"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Three Ukrainian soldiers were killed in a Russian drone attack.", ["RUS"], ["UKR"]),
        ("The leader of Hamas was killed in an Israeli strike in Tehran.", ["ISR"], ["HAMAS"]),
        ("Five police officers died in a Taliban attack on a checkpoint.", ["TALIBAN"],
         ["Five police officers"]),
        ("Two Syrian soldiers were reportedly injured during an Israeli air raid.", ["ISR"],
         ["SYR"]),
    ],
)
def test_the_victims_are_the_target(text, source, target):
    assert (source, target) in _assaults(text), _assaults(text)


def test_guard_the_attack_on_a_named_target_keeps_it():
    assert (["RUS"], ["UKR"]) in _assaults(
        "Civilians were killed in a Russian missile attack on Ukraine's energy grid.")


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("An Israeli airstrike killed a senior Hamas commander in Lebanon.", "airstrike",
         ["HAMAS"]),
        ("A Russian missile attack injured 12 civilians in Odesa.", "attack",
         ["12 civilians"]),
        ("An Israeli airstrike hit a hospital in Gaza City.", "airstrike", ["hospital"]),
    ],
)
def test_an_attack_that_killed_is_one_attack(text, trigger, target):
    """The attack noun subject of a verb of casualties is one event with that verb: the
    noun's, which says how, with the victims as its target."""
    found = [(e.trigger.text, [a.code or a.text for a in e.target])
             for e in analyze(text, published="2024-05-02").events
             if e.type == "ASSAULT"]  # fmt: skip
    assert found == [(trigger, target)]
