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


# "His" or "her" after a speaker named by the noun of an office with a state's word
# ("the Polish minister"): the first step of Hobbs's search binds it to the clause's
# subject when that names one person; and "he" in the next sentence is that person.
# Sentences written for these tests; each failed on main before the change, except the
# guard.
@pytest.mark.parametrize(("text", "expected"), [
    ("The Polish minister said his country would send more tanks to Ukraine.",
     ("AID", ["POL"], ["UKR"], "planned")),
    ("The Lithuanian foreign minister said her country would expel two Russian diplomats.",
     ("SANCTION", ["LTU"], ["RUS"], "planned")),
    ("A senior Turkish official said his country would not allow Sweden to join NATO.",
     ("CONCEDE", ["TUR"], ["SWE"], "negated")),
    ("The Polish minister did not say whether his country would send more tanks to Ukraine.",
     ("AID", ["POL"], ["UKR"], "hypothetical")),
    ("Germany's chancellor visited Kyiv on Monday. "
     "He said his country would deliver more air defence systems.",
     ("AID", ["DEU"], [], "planned")),
])  # fmt: skip
def test_his_country_after_an_office_with_a_state(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)


def test_guard_an_institution_is_no_his() -> None:
    rows = event_rows("Macron arrived in Warsaw. "
                      "The Polish ministry said his country would send tanks to Ukraine.")
    assert ("AID", ["FRA"], ["UKR"], "planned") in rows, rows


def test_guard_a_person_named_before_is_he_not_an_office() -> None:
    rows = event_rows("Macron met the German chancellor in Paris. "
                      "He said his country would send more tanks to Ukraine.")
    assert ("AID", ["FRA"], ["UKR"], "planned") in rows, rows
