"""What arson hits is its target: the "to" of a verb and its object ("set fire to a
mast", as "lay siege to") and the object that selects the attack's sense ("burned the
office of the party") name the facility or place burned (``RoleReader.verbal_roles``,
``PartyReader.hit``).  Sentences written for these tests; each failed on main (no
target)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _targets(text: str) -> list[list[tuple[str, str | None]]]:
    return [[(a.text, a.kind) for a in e.target]
            for e in analyze(text, published="2024-05-02").events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Militants set fire to a telecommunication tower in the Kurram district.", "tower"),
        ("Attackers reportedly set fire to a school in the village.", "school"),
        ("Gunmen did not set fire to the clinic, police said.", "clinic"),
        ("Unidentified assailants ransacked and burned the local office of the ruling party.",
         "office of the ruling party"),
        ("Militants may have burned a church near the border.", "church"),
    ],
)
def test_what_is_set_on_fire_is_the_target(text, words):
    found = _targets(text)
    assert any(words in t and k == "facility" for ts in found for t, k in ts), found


def test_guard_stones_thrown_are_no_target():
    """The object of "threw stones" selects the sense too, but is what is thrown."""
    found = _targets("Youths threw stones at the police.")
    assert found and all("stones" not in t for ts in found for t, _k in ts), found
