"""A first-person subject is whoever says so: '"We will never send troops to Ukraine,"
the Hungarian prime minister said' is Hungary's. Sentences written for this test."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(("text", "expected"), [
    ('"We will never send troops to Ukraine," the Hungarian prime minister said.',
     ("AID", ["HUN"], ["UKR"], "negated")),
    ('"We have delivered 40 tanks to Kyiv," Poland\'s defence minister told reporters.',
     ("AID", ["POL"], ["UKR"], "asserted")),
    ('"We will not supply weapons to Russia," China\'s foreign ministry said on Monday.',
     ("AID", ["CHN"], ["RUS"], "negated")),
    ('"I will meet Putin next week," Erdogan said.', ("CONSULT", ["TUR"], ["RUS"], "planned")),
])  # fmt: skip
def test_we_is_the_speaker(text: str, expected: tuple) -> None:
    assert expected in event_rows(text), event_rows(text)


def test_guard_we_without_a_speaker_names_no_one() -> None:
    assert ("AID", [], ["MLI"], "asserted") in event_rows("We sent troops to Mali.")
