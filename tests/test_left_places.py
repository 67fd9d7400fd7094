"""Armed forces that leave a named place withdraw from it: RETREAT withdraw (PLOVER 3.7
"withdraw troops", "a military retreat from, or ceding, territory"), the place's state
the target and the place the event's place, as for "withdrew from". Sentences written
for these tests; each failed on main before the change, except the guards.
"""

from __future__ import annotations

import pytest

from dossier import analyze


def _retreats(text: str) -> list[tuple[list[str], list[str], str, str | None]]:
    return [([a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             e.factuality, e.location.name if e.location else None)
            for e in analyze(text, published="2024-05-02").events
            if e.type == "RETREAT" and e.mode == "withdraw"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French troops left Niger in December.", (["FRA"], ["NER"], "asserted", "Niger")),
        ("The last American soldiers left Afghanistan on 30 August 2021.",
         (["USA"], ["AFG"], "asserted", "Afghanistan")),
        ("Russian troops left Kherson in November.", (["RUS"], [], "asserted", "Kherson")),
        ("Russian forces have not left Transnistria.",
         (["RUS"], [], "negated", "Transnistria")),
        ("Russian troops may leave Armenia next year.",
         (["RUS"], ["ARM"], "possible", "Armenia")),
        ("The French army said its troops would not leave Niger.",
         (["FRA"], ["NER"], "negated", "Niger")),
        ("France ended its operation in the Sahel. Its last soldiers left Mali on Monday.",
         (["FRA"], ["MLI"], "asserted", "Mali")),
    ],
)
def test_forces_leaving_a_named_place_withdraw_from_it(text, expected):
    assert expected in _retreats(text), _retreats(text)


def test_pulling_out_of_a_state_withdraws_from_it():
    found = _retreats("Russian troops pulled out of Syria.")
    assert [(s, t) for s, t, _, _ in found] == [(["RUS"], ["SYR"])], found


@pytest.mark.parametrize(
    "text",
    [
        "The US ambassador left Niger on Tuesday.",
        "Tourists left Greece early.",
        "The Chinese delegation left Moscow after two days of talks.",
    ],
)
def test_guard_people_who_are_no_forces_leave_without_retreating(text):
    assert _retreats(text) == []
