"""An event that is demanded or called for has not happened: "called for the withdrawal
of Russian troops" is one REQUEST (the withdrawal its content), as "urged Russia to
withdraw" is; no withdrawal is reported.  Sentences written for these
tests; each failed before (the demanded event was reported as asserted), except the
guards.  (Giving the request the content's actor as its target, "asked of Russia", was
tried and taken out: it lowered PLOVER dev's held-out target accuracy.)"""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The opposition called for the withdrawal of Russian troops.", "RETREAT",
         ("REQUEST", ["opposition"])),
        ("Protesters demanded the resignation of the prime minister.", "RETREAT",
         ("PROTEST", ["Protesters"], ["prime minister"], "asserted")),
        ("Thousands protested on Sunday, demanding the president's resignation.", "RETREAT",
         None),
        ("The EU urged the release of the detained journalists.", "RETREAT",
         ("REQUEST", ["EU"])),
        ("Kyiv pressed for the delivery of more air defence systems.", "AID",
         ("REQUEST", ["UKR"])),
    ],
)
def test_a_demanded_event_is_not_reported(text, kind, expected):
    rows = event_rows(text)
    assert not [r for r in rows if r[0] == kind], rows
    if expected is not None:
        assert expected in [r[: len(expected)] for r in rows], rows


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russia completed the withdrawal of its troops from Kherson.", "RETREAT"),
        ("The prime minister announced his resignation on Friday.", "RETREAT"),
        ("Protesters celebrated the release of the detained students.", "RETREAT"),
    ],
)
def test_guard_an_event_told_is_reported(text, kind):
    assert [r for r in event_rows(text) if r[0] == kind], event_rows(text)
