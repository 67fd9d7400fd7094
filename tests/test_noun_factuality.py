"""An event noun under a light verb takes the factuality of the light verb's clause
("threatened to carry out attacks" is hypothetical, as "threatened to attack" is); an
event that "did not take place" or "never happened" is negated.  Sentences written for
these tests; each failed before (asserted or planned), except the guards."""

from __future__ import annotations

import pytest
from event_rows import event_rows


@pytest.mark.parametrize(
    ("text", "kind", "factuality"),
    [
        ("Hamas threatened to carry out attacks on Israel.", "ASSAULT", "hypothetical"),
        ("Opposition groups threatened to stage protests in the capital.", "PROTEST",
         "hypothetical"),
        ("Moscow denied that its forces had carried out attacks on the village.", "ASSAULT",
         "negated"),
        ("The rally did not take place.", "PROTEST", "negated"),
        ("The planned summit between Japan and China never happened.", "CONSULT", "negated"),
        ("The protests did not go ahead after the ban.", "PROTEST", "negated"),
    ],
)
def test_an_event_noun_takes_its_clause(text, kind, factuality):
    rows = [r for r in event_rows(text) if r[0] == kind]
    assert rows and rows[0][3] == factuality, event_rows(text)


@pytest.mark.parametrize(
    ("text", "kind", "factuality"),
    [
        ("Russia carried out strikes on Kharkiv overnight.", "ASSAULT", "asserted"),
        ("The rally took place outside parliament.", "PROTEST", "asserted"),
        ("Iran will hold talks with the IAEA next week.", "CONSULT", "planned"),
    ],
)
def test_guard_an_event_noun_told_as_it_is(text, kind, factuality):
    rows = [r for r in event_rows(text) if r[0] == kind]
    assert rows and rows[0][3] == factuality, event_rows(text)
