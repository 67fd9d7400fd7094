"""An event in a "whether" clause is an open question, not a plan or a fact:
hypothetical, like one after "if" or "unless". Sentences written for this test."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(("text", "expected"), [
    ("It is unclear whether Belarus will join the war.",
     ("COOPERATE", ["BLR"], [], "hypothetical")),
    ("Analysts asked whether Russia would attack Moldova.",
     ("ASSAULT", ["RUS"], ["MDA"], "hypothetical")),
    ("Germany has not decided whether it will send Taurus missiles to Ukraine.",
     ("AID", ["DEU"], ["UKR"], "hypothetical")),
])  # fmt: skip
def test_an_event_in_a_whether_clause_is_open(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)


def test_guard_the_main_clause_keeps_its_own_factuality() -> None:
    rows = event_rows("Germany will send Taurus missiles to Ukraine, whether or not France "
                      "agrees.")
    assert ("AID", ["DEU"], ["UKR"], "planned") in rows, rows
