"""Where an event is, from its clause (placing.clause_place and place_for): a
purpose clause happens where its clause does; a place phrase on a joined noun or
a few phrases down still belongs to the clause.  Sentences written for these
tests; each failed before the change, except the guard."""

from __future__ import annotations

import pytest

from dossier import analyze


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.name if e.location else None)
            for e in analyze(text, published="2024-05-02").events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Farmers gathered in Brasilia to protest against the new land law.", "PROTEST",
         "Brasília"),
        ("Heavy fighting broke out between the army and the rebel Rapid Support Forces in "
         "El Obeid on Tuesday.", "ASSAULT", "El Obeid"),
        ("Traders clashed with rival traders from another market in Onitsha.", "ASSAULT",
         "Onitsha"),
    ],
)
def test_the_clause_tells_where(text, kind, place):
    assert (kind, place) in _places(text), _places(text)


def test_guard_what_a_verb_governs_is_not_placed_by_it():
    """"agreed in Vienna to limit enrichment": the limiting is not in Vienna."""
    found = _places("Iran agreed in Vienna to limit its enrichment of uranium.")
    assert ("AGREE", "Vienna") in found
    assert all(place != "Vienna" for kind, place in found if kind != "AGREE")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russia moved additional troops to its border with Finland.", "FIN"),
        ("India has deployed two more divisions along its border with China.", "CHN"),
        ("Turkey massed tanks on the Syrian border.", "SYR"),
    ],
)
def test_a_deployment_to_a_border_faces_the_other_side(text, target):
    """The state across the border is the target, not the place: the troops are at
    the border, on their own side."""
    [event] = analyze(text, published="2024-05-02").events
    assert [a.code for a in event.target] == [target]
    assert event.location is None or event.location.country != target


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Several thousand people marched through the old town of Tbilisi on Sunday.", "Tbilisi"),
        ("Students marched through the streets of Dhaka demanding justice.", "Dhaka"),
    ],
)
def test_a_march_through_a_town_is_there(text, place):
    found = [e for e in analyze(text, published="2024-05-02").events if e.type == "PROTEST"]
    assert found and found[0].location is not None and found[0].location.name == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Israel and Hamas agreed to a ceasefire brokered by Qatar and Egypt.", None),
        ("The two sides accepted a truce mediated by Turkey.", None),
        ("Israel and Hamas agreed to a ceasefire signed in Doha.", "Doha"),
    ],
)
def test_who_brokered_it_is_not_where(text, place):
    """A "by" phrase names an agent, never a place (the last row is a guard)."""
    [event] = [e for e in analyze(text, published="2024-05-02").events if e.type == "AGREE"]
    assert (event.location.name if event.location else None) == place
