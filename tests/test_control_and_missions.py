"""Where control is taken, and whom a mission serves.  "took control of the town of X"
happened in X (the object of "control of" is where); "agreed to lead a security mission
in Haiti" is toward Haiti, as "to Haiti" is.  Sentences written for these tests; each
failed before the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze


def _rows(text: str) -> list[tuple[str, list[str], list[str], str | None]]:
    return [(e.type, [a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             e.location.name if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Tuareg rebels took control of the town of Kidal on Sunday.", "Kidal"),
        ("Islamist rebels have taken control of Timbuktu.", "Timbuktu"),
        ("M23 rebels seized control of the city of Goma in 2012.", "Goma"),
        ("The army said it had taken full control of the city of Mosul.", "Mosul"),
    ],
)
def test_control_taken_is_where(text, place):
    rows = _rows(text)
    assert rows and any(r[3] and place in r[3] for r in rows), rows


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya agreed to lead a security mission in Haiti.", "HTI"),
        ("Rwanda has offered to lead a peacekeeping mission in Mozambique.", "MOZ"),
        ("Kenya agreed to lead a multinational police mission to Haiti.", "HTI"),
        ("Chad promised to lead an African mission in Mali next year.", "MLI"),
    ],
)
def test_a_mission_in_a_state_is_toward_it(text, target):
    rows = _rows(text)
    assert any(r[0] == "AGREE" and target in r[2] for r in rows), rows


def test_guard_an_attack_in_a_state_does_not_target_it():
    rows = _rows("Militants attacked a police station in Mali.")
    assert rows and "MLI" not in rows[0][2], rows
