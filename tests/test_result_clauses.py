"""A participle set off by a comma at the end of a sentence ("..., killing one man")
tells what the main clause did.  When the parser hangs it on a participle clause
that modifies a noun ("fired on protesters [blocking a road], killing one man"), its
subject is still the main clause's, not the noun's: the police killed, the
protesters did not riot.  Sentences written for these tests; on main the first case
failed (a "PROTEST riot" by the protesters), the others passed (the parser hangs
their participle on the main verb) and guard the rule."""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, str, list[str]]]:
    return [(e.type, e.trigger.text if hasattr(e.trigger, "text") else e.trigger,
             [a.text for a in e.source])
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Police fired on protesters blocking a railway line in the town, killing one man.",
         "killing", "Police"),
        ("Troops attacked villagers fleeing the town, wounding twelve.", "wounding", "Troops"),
        ("Police fired tear gas at students protesting the fee rise, wounding several "
         "of them.", "wounding", "Police"),
    ],
)
def test_the_result_belongs_to_the_main_clause(text, trigger, source):
    found = [e for e in _events(text) if e[1] == trigger]
    assert found and found[0][0] == "ASSAULT" and found[0][2] == [source], _events(text)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # the noun's own clause keeps the noun as its subject
        ("Police detained students protesting the fee rise.", "protesting", "students"),
    ],
)
def test_guard_other_clauses_keep_their_subject(text, trigger, source):
    found = [e for e in _events(text) if e[1] == trigger]
    assert found and found[0][2] == [source], _events(text)


def test_guard_a_result_of_the_protesters_own_clause_stays_theirs():
    # the subject of the main clause is the protesters: whatever the injuring is
    # read as (its own event or part of the riot), no one else did it
    events = _events("Protesters blocking the road threw stones at police, injuring two "
                     "officers.")
    assert events and all(source == ["Protesters"] for _t, _w, source in events), events
