""""His country" is the state of whom "his" stands for: "Macron said his country would
deliver Mirage jets to Ukraine" is France's. Sentences written for this test."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(("text", "expected"), [
    ("Macron said his country would deliver Mirage jets to Ukraine.",
     ("AID", ["FRA"], ["UKR"], "planned")),
    ("Erdogan said his country would not allow Sweden to join NATO.",
     ("CONCEDE", ["TUR"], ["SWE"], "negated")),
    ("Rishi Sunak said his country had already sent Challenger tanks to Kyiv.",
     ("AID", ["GBR"], ["UKR"], "asserted")),
])  # fmt: skip
def test_his_country_is_his_state(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)


def test_guard_the_countrys_own_phrase_is_not_read_back() -> None:
    rows = event_rows("France said the country's army would send jets to Ukraine.")
    assert all(target == ["UKR"] for _t, _s, target, _f in rows), rows
