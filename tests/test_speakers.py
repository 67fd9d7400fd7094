"""The speaker after a comma (dossier/speakers.py) and a point of the compass as an
event's place.  The sentences are written for these tests; each failed before
the change, except the guards."""

from __future__ import annotations

import pytest

from dossier import analyze
from dossier.annotate import annotate


@pytest.mark.parametrize(
    ("text", "speaker", "verb"),
    [
        ("Russia has delivered air defence systems to North Korea, South Korea's National "
         "Intelligence Service (NIS) told lawmakers on Tuesday.", "Service", "told"),
        ("Iran has shipped drones to Russia, Ukraine's Defence Intelligence (HUR) said.",
         "Intelligence", "said"),
    ],
)
def test_the_speaker_is_the_subject_of_its_verb(text, speaker, verb):
    doc = annotate(text)
    word = next(t for t in doc if t.text == speaker)
    assert (word.dep_, word.head.text) == ("nsubj", verb)


def test_the_speaker_is_claimant_not_recipient():
    text = ("Russia has delivered air defence systems to North Korea, South Korea's National "
            "Intelligence Service (NIS) told lawmakers on Tuesday.")
    [event] = [e for e in analyze(text, published="2025-04-08").events if e.type == "AID"]
    assert [a.code for a in event.target] == ["PRK"]
    assert event.location is None
    assert event.attribution is not None and "Intelligence Service" in event.attribution.claimant


def test_guard_two_recipients_joined_by_and_stay_recipients():
    text = "Russia has delivered air defence systems to North Korea and Iran, officials said."
    [event] = [e for e in analyze(text, published="2025-04-08").events if e.type == "AID"]
    assert sorted(a.code for a in event.target) == ["IRN", "PRK"]


def test_a_point_of_the_compass_is_no_place():
    text = ("Seoul said Russia had handed over air defence systems to Pyongyang, the first "
            "known transfer of a complete Russian weapon system to the North.")
    events = analyze(text, published="2025-04-08").events
    transfer = [e for e in events if e.trigger.text == "transfer"]
    assert transfer and transfer[0].location is None
