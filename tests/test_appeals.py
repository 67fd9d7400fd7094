"""Appeals: "X urged Y to do Z" is one REQUEST from X to Y; Z is what is asked
for, not an event of its own (PETRARCH2 codes the appeal: CAMEO 02, and 026
"urge others to meet or negotiate" for encourage).  A command to one's own
forces and an attempt ("sought to") are not appeals.

The sentences are written for these tests.  Each failed before the change that
made it pass, except those marked "guard", which keep what already worked.
"""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.type, [a.code or a.text for a in e.source], [a.code or a.text for a in e.target])
        for e in analyze(text, published="2024-05-02").events
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The United States encouraged Armenia and Azerbaijan to resume peace talks.",
         ["USA"], ["ARM", "AZE"]),
        ("Washington called on Moscow to withdraw its troops from Ukraine.", ["USA"], ["RUS"]),
        ("Kyiv urged Berlin to send Taurus missiles.", ["UKR"], ["DEU"]),
        ("Germany was asked by Ukraine to deliver more tanks.", ["UKR"], ["DEU"]),
        ("Paris pressed Tokyo to lift its sanctions on Russian banks.", ["FRA"], ["JPN"]),
        ("Seoul begged Washington not to withdraw its troops.", ["KOR"], ["USA"]),
        ("China is encouraging Pakistan to hold talks with India.", ["CHN"], ["PAK"]),
        ("Poland appealed to NATO to deploy more troops on its eastern border.",
         ["POL"], ["NATO"]),
    ],
)
def test_an_appeal_is_one_request(text, source, target):
    assert _events(text) == [("REQUEST", source, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Iran sought to reassure its neighbours about its missile tests.",
        "The coalition has sought to avoid any clash with Syrian forces.",
    ],
)
def test_an_attempt_is_no_request(text):
    assert "REQUEST" not in [t for t, _, _ in _events(text)]


def test_guard_a_feeling_is_no_request():
    assert "REQUEST" not in [t for t, _, _ in _events("Egypt was encouraged by the progress.")]


def test_guard_a_command_to_ones_forces_keeps_the_act():
    found = _events("Putin ordered the army to deploy troops to the border.")
    assert "MOBILIZE" in [t for t, _, _ in found]


def test_guard_seeking_something_is_a_request():
    assert [t for t, _, _ in _events("Seoul sought military help from Washington.")] == [
        "REQUEST"
    ]


def test_guard_an_agreement_keeps_what_is_agreed():
    found = _events("Russia agreed to supply jets to North Korea.")
    assert [t for t, _, _ in found] == ["AGREE", "AID"]

