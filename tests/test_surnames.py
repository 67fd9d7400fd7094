"""A person's surname that is also a place name stays the person (``dossier/surnames.py``).

Sentences written for these tests; each failed before the change (the gazetteer's
place match replaced the model's PERSON, and the surname alone was read as a state).
"""

from __future__ import annotations

import pytest

from dossier import analyze
from dossier.annotate import annotate


@pytest.mark.parametrize(("text", "name"), [
    ("Navy spokesman Rear Admiral Roy Vincent Trinidad spoke to reporters.", "Trinidad"),
    ("Army spokesman Omar Sudan briefed reporters on the raid.", "Sudan"),
    ("The statement was read by Lieutenant Carlos Lima on Monday.", "Lima"),
])  # fmt: skip
def test_a_surname_inside_a_persons_name_is_no_place(text: str, name: str) -> None:
    doc = annotate(text)
    hits = [e for e in doc.ents if name in e.text]
    assert hits and all(e.label_ == "PERSON" for e in hits), [(e.text, e.label_) for e in hits]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Navy spokesman Roy Vincent Trinidad spoke on Friday. The launchers were delivered to "
     "a marine regiment, Trinidad said.", "Trinidad"),
    ("Army spokesman Omar Sudan briefed reporters. Gunmen killed five soldiers near the "
     "border, Sudan said.", "Sudan"),
    ("Navy spokesman Captain Carlos Lima spoke on Monday. Two frigates were handed over "
     "to the navy in May, Lima said.", "Lima"),
])  # fmt: skip
def test_the_surname_alone_later_is_the_person_not_a_state(text: str, claimant: str) -> None:
    events = analyze(text, published="2024-06-01").events
    claims = [e.attribution for e in events if e.attribution and e.attribution.claimant == claimant]
    assert claims and all(c.claimant_code is None for c in claims), [
        (e.attribution.claimant, e.attribution.claimant_code) for e in events if e.attribution]


@pytest.mark.parametrize("text", [
    # guards: the place after a preposition of place, and a place with no such person
    "Army spokesman Omar Sudan spoke. Talks were held in Sudan on Monday.",
    "Rebels attacked a convoy in Chad on Monday.",
])  # fmt: skip
def test_guard_a_place_stays_a_place(text: str) -> None:
    doc = annotate(text)
    last = [e for e in doc.ents if e.text in ("Sudan", "Chad")][-1]
    assert last.label_ == "GPE"
