"""A part of goods told before that is due to arrive, or has arrived, is a tranche of the
transfer: it takes the transfer's source and target ("Norway will give six F-16s to
Ukraine. The first two are due to arrive in June.").  Sentences written for these tests;
the arrivals failed before (no event)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _parts(text: str) -> list[tuple[str, list[str], list[str], list[int | None]]]:
    events = analyze(text, published="2024-05-02").events
    return [(e.type, [a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             [i.quantity for i in e.items]) for e in events]  # fmt: skip


def test_a_part_the_model_takes_for_a_date_arrives_as_goods():
    """"the first eight" (which the model tags DATE) after a purchase: AID military, dated."""
    text = ("Poland signed a contract to buy 96 Apache helicopters from the United States. "
            "They will be built in Arizona and the first eight are due to arrive in 2028.")
    events = analyze(text, published="2024-05-02").events
    parts = [(e.type, e.mode, [a.code for a in e.source], [a.code for a in e.target],
              e.date.value if e.date else None) for e in events if e.trigger.text == "arrive"]
    assert parts == [("AID", "military", ["USA"], ["POL"], "2028")], parts


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Norway will give six F-16s to Ukraine. The first two are due to arrive in June.",
         ("AID", ["NOR"], ["UKR"], [2])),
        ("Germany pledged 18 Leopard tanks to Ukraine last month. The first four arrived "
         "in Poland on Friday.", ("AID", ["DEU"], ["UKR"], [4])),
        ("The United States agreed to sell 40 F-35 jets to Poland. The remaining ten are "
         "expected to arrive by 2030.", ("AID", ["USA"], ["POL"], [10])),
        ("Seoul will deliver 96 howitzers to Warsaw. The first batch is set to arrive "
         "next week.", ("AID", ["KOR"], ["POL"], [None])),
        ("Norway will give six F-16s to Ukraine. Two of them have already arrived.",
         ("AID", ["NOR"], ["UKR"], [2])),
        ("Germany will send 40 Marder vehicles to Ukraine. The vehicles are expected to "
         "arrive by the end of March.", ("AID", ["DEU"], ["UKR"], [None])),
    ],
)
def test_an_arriving_part_is_a_tranche(text, part):
    rows = _parts(text)
    assert part in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        "The first two guests are due to arrive in June.",
        "Norway will give six F-16s to Ukraine. The first two delegates arrived in Oslo.",
        "The president will arrive in Kyiv on Monday.",
    ],
)
def test_guard_no_goods_told_before_no_tranche(text):
    assert not [r for r in _parts(text) if r[0] == "AID" and r[3] != [6]], _parts(text)
