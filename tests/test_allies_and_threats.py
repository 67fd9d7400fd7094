""""The allies", "the two neighbours" read back to the states last named together
(coreference.GROUP_NOUNS); a threat with no one named takes the "against" of what it
threatens (roles.threatened).  Sentences written for these tests; the first row of
each parametrised test and the second threat failed before the change; the other
rows and the last test are guards of what already worked."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target])
            for e in analyze(text, published="2025-03-10").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pyongyang condemned the United States and South Korea as the allies began their "
         "annual military exercises.", ("COOPERATE", ["USA", "KOR"], [])),
        ("Japan and Australia signed a defence pact on Monday. The two allies will hold joint "
         "naval drills in May.", ("COOPERATE", ["JPN", "AUS"], [])),
    ],
)
def test_the_allies_are_the_states_named_together(text, expected):
    assert expected in _events(text), _events(text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("North Korea threatened to take military action against the United States.", ["USA"]),
        ("China warned of countermeasures against Lithuania.", ["LTU"]),
        ("Tehran threatened on Sunday to take firm steps against Britain.", ["GBR"]),
    ],
)
def test_a_threat_is_against_whom_its_act_is(text, target):
    threats = [e for e in _events(text) if e[0] == "THREATEN"]
    assert threats and threats[0][2] == target, _events(text)


def test_guard_a_lone_state_is_no_group():
    """One state named before: "the allies" has no group to read back to."""
    found = _events("Russia held talks in Beijing. The allies agreed to hold drills.")
    assert all("RUS" not in source or len(source) == 1 for _, source, _ in found)
