"""A threat's PLOVER mode is read from the act it threatens, as CAMEO2PLOVER-2021
maps CAMEO's threats (``data/threat_modes.tsv``): an attack or a deployment is
``violence``, sanctions, a curfew or a blockade ``restrict``, a strike or a protest
``relations``.  Sentences written for these tests; on main every threat had no mode."""

from __future__ import annotations

import pytest

from dossier import analyze


def _threat_modes(text: str) -> list[str | None]:
    return [e.mode for e in analyze(text, published="2024-05-02").events
            if e.type == "THREATEN"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Iran threatened to launch a new military offensive against Iraq.", "violence"),
        ("The government warned it would deploy troops to the border region.", "violence"),
        ("The president threatened to impose a curfew in the capital.", "restrict"),
        ("Washington threatened to impose sanctions on Moscow.", "restrict"),
        ("Brussels threatened Minsk with new sanctions.", "restrict"),
        ("Farmers threatened to blockade the capital.", "restrict"),
        ("The union threatened to strike.", "relations"),
    ],
)
def test_the_threat_takes_the_mode_of_what_it_threatens(text, mode):
    assert _threat_modes(text) == [mode]


def test_guard_a_threat_of_nothing_named_has_no_mode():
    assert _threat_modes("Russia threatened to retaliate.") == [None]
