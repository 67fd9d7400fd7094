"""Stopping the goods or aid one gives another is a SANCTION (PLOVER: "decrease or
terminate provision of ... aid; stop or restrict ... material exchange"), and weapons
named as goods ("a shipment of bombs") are no attack.  Sentences written for these
tests; each failed before the change, except the guards."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US halted a shipment of bombs to Israel.",
         [("SANCTION", ["USA"], ["ISR"], "asserted")]),
        ("Washington paused deliveries of artillery shells to Kyiv.",
         [("SANCTION", ["USA"], ["UKR"], "asserted")]),
        ("Congress blocked the sale of F-16s to Turkey.",
         [("SANCTION", ["USA"], ["TUR"], "asserted")]),
        ("Germany stopped arms exports to Saudi Arabia.",
         [("SANCTION", ["DEU"], ["SAU"], "asserted")]),
        ("The US did not halt arms sales to Israel.",
         [("SANCTION", ["USA"], ["ISR"], "negated")]),
    ],
)
def test_stopping_goods_to_a_state_is_a_sanction(text, expected):
    assert event_rows(text) == expected


def test_weapons_sold_are_goods_not_an_attack():
    assert [t for t, *_ in event_rows("The US approved the sale of bombs to Israel.")] == ["AID"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Protesters blocked roads in Nairobi.", "PROTEST"),
     ("Russian bombs hit a school in Kharkiv.", "ASSAULT")],
)
def test_guard_other_blocks_and_bombs(text, kind):
    assert [t for t, *_ in event_rows(text)][:1] == [kind]
