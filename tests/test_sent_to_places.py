"""Weapons sent to a place, not to a recipient, are deployed there (MOBILIZE); the
parties of an order read together sell and buy by who makes the goods. Sentences
written for these tests, in active, passive, hedged and negated phrasing."""

from __future__ import annotations

import pytest
from event_rows import event_rows

CASES = [
    ("The US Navy sent an aircraft carrier to the eastern Mediterranean.",
     ("MOBILIZE", ["USA"], [], "asserted")),
    ("The Pentagon may send a second carrier to the eastern Mediterranean.",
     ("MOBILIZE", ["USA"], [], "possible")),
    ("A carrier strike group was sent to the Red Sea by the US Navy.",
     ("MOBILIZE", ["USA"], [], "asserted")),
    ("India and France signed a deal for 26 Rafale-M fighters in April.",
     ("AID", ["FRA"], ["IND"], "asserted")),
    ("Poland and South Korea signed a contract for 180 K2 tanks.",
     ("AID", ["KOR"], ["POL"], "asserted")),
    ("India and France have not yet signed the contract for 26 Rafale-M fighters.",
     ("AID", ["FRA"], ["IND"], "negated")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sent_to_a_place_and_who_sells(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany will send Leopard tanks to Ukraine.", ("AID", ["DEU"], ["UKR"], "planned")),
    ("Russia sent humanitarian aid to Gaza.", ("AID", ["RUS"], [], "asserted")),
])  # fmt: skip
def test_guard_goods_given_to_a_state_or_relief_stay_aid(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)
