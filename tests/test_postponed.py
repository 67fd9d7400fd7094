"""A delay or postponement is no negation: the event is still to come ("planned"),
and the one who delays it is its actor.  Cancelling, scrapping or halting still
negates.  Sentences written for these tests; each "delay" case failed before."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany delayed the delivery of Leopard tanks to Ukraine.",
         ("AID", ["DEU"], ["UKR"], "planned")),
        ("The delivery of the F-16s to Ukraine has been postponed until spring.",
         ("AID", [], ["UKR"], "planned")),
        ("Washington deferred the shipment of artillery shells to Israel.",
         ("AID", ["USA"], ["ISR"], "planned")),
        ("The summit between Japan and China was postponed.",
         ("CONSULT", ["JPN"], ["CHN"], "planned")),
        ("Turkey has delayed the deployment of troops to Libya.",
         ("MOBILIZE", ["TUR"], [], "planned")),
    ],
)
def test_a_delayed_event_is_still_to_come(text, expected):
    rows = event_rows(text)
    assert expected in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        "Germany cancelled the delivery of tanks to Ukraine.",
        "The summit between Japan and China was cancelled.",
        "Britain scrapped the sale of jets to Saudi Arabia.",
    ],
)
def test_guard_a_cancelled_event_stays_negated(text):
    rows = event_rows(text)
    assert rows and all(r[3] == "negated" for r in rows), rows
