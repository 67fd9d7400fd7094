"""Two verbs coordinated over one object share it: "attacked and burned a suspected
thief" (the parser hangs the object on the last verb; ``syntax.shared_object``), so the
first verb's event has that target too.  Sentences written for these tests; each
failed on main (no target for the first verb's event)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _targets(text: str, trigger: str) -> list[str]:
    """The targets of the event the verb ``trigger`` starts."""
    return [a.text for e in analyze(text, published="2024-05-02").events
            if e.trigger.text == trigger for a in e.target]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "words"),
    [
        ("A crowd attacked and burned a suspected thief.", "attacked", "thief"),
        ("Gunmen reportedly abducted and killed two farmers near Jos.", "abducted", "farmers"),
        ("Militants attacked and looted a police station in Borno.", "attacked",
         "police station"),
        ("Police detained and questioned a journalist in Minsk.", "detained", "journalist"),
    ],
)
def test_the_first_verb_shares_the_object(text, trigger, words):
    assert any(words in t for t in _targets(text, trigger)), _targets(text, trigger)


def test_guard_a_verb_with_its_own_prepositions_shares_nothing():
    """"marched through the city and blocked the road": the march has its own phrase."""
    events = analyze("Protesters marched through the city and blocked the main road.",
                     published="2024-05-02").events
    demo = [e for e in events if e.type == "PROTEST" and e.mode == "demo"]
    assert all(not e.target for e in demo), [(e.mode, e.target) for e in events]
