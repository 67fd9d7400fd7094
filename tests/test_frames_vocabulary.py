"""Issue 15, pattern 1: vocabulary beyond a hand list (PETRARCH2's verb dictionary as
lexical units with frames; nominal frames that name their mover in the item phrase).

The first sentences are issue 15's own examples; the others are written for this
test in other phrasing.  Each gives the event expected: type, a source and a target
state code (``None``: not checked) and, for a wrong sense, ``None`` as the type
(no event of ``absent`` may be found).
"""

from __future__ import annotations

import pytest

from dossier.extract import lexicon, petrarch_units
from dossier.pipeline import analyze

FOUND = [
    # issue 15's sentences
    ("India plans to procure 26 Rafale-M jets from France.", "AID", "FRA", "IND"),
    ("Militants detonated a truck bomb outside the governor's office.", "ASSAULT", None, None),
    # demonstrators' violence is a riot (CAMEO 145, PLOVER PROTEST riot)
    ("Protesters hurled stones at police.", "PROTEST", None, None),
    ("Tens of thousands took to the streets of Tbilisi.", "PROTEST", None, None),
    ("The number of Leopard tanks sent to Ukraine will double.", "AID", None, "UKR"),
    ("Russia would respond to the deployment of US missiles in Germany.", "MOBILIZE", "USA",
     None),
    # nominal frames: the mover named by a demonym in the item phrase
    ("The deployment of Chinese warships to the Gulf worried India.", "MOBILIZE", "CHN", None),
    ("The withdrawal of French troops from Mali was completed.", "RETREAT", "FRA", "MLI"),
    # PETRARCH2 object patterns written for the verb itself
    ("Kenya rushed food to Somalia.", "AID", "KEN", "SOM"),  # rush &food 073
    ("Amnesty International filed a lawsuit against Kenya.", "ACCUSE", None, "KEN"),  # 115
    ("Russia broke diplomatic relations with Georgia.", "SANCTION", "RUS", "GEO"),  # 161
    ("Hungary cut gas supplies to Ukraine.", "SANCTION", "HUN", "UKR"),  # cut supplies 162
    ("Turkey toughened restrictions on Syrian refugees.", "COERCE", "TUR", None),  # 172
    ("Belarus moved troops toward Poland.", "MOBILIZE", "BLR", None),  # TROOP TOWARD + 154
    # hand entries for what PETRARCH2 codes only by its synonym block (MUSTER, 150)
    ("Israel called up 300,000 reservists.", "MOBILIZE", "ISR", None),
    ("Greece mustered its fleet in the Aegean.", "MOBILIZE", "GRC", None),
    # a "toward" verb whose object is a state: the state is the target
    ("Egypt promised Sudan that it would reopen the border crossing.", "AGREE", "EGY", "SDN"),
]

ABSENT = [
    ("The court dismissed the case on Friday.", "REJECT"),  # a court disposes of a case
    ("Israel called up his sister on Sunday.", "MOBILIZE"),  # "call up" a person: no forces
    ("Kenya rushed to finish the stadium.", "AID"),  # no object: PETRARCH2 selects nothing
    # "- * TROOP TOWARD +": the words of a pattern's object side come in that order
    ("Belarus moved its office toward the river.", "MOBILIZE"),
]


def _show(events) -> list[tuple]:
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target],
             e.trigger.text if e.trigger else None) for e in events]  # fmt: skip


@pytest.mark.parametrize(("text", "etype", "source", "target"), FOUND,
                         ids=[row[0][:40] for row in FOUND])  # fmt: skip
def test_event_found(text: str, etype: str, source: str | None, target: str | None) -> None:
    events = analyze(text, published="2024-06-01").events
    assert any(
        e.type == etype
        and (source is None or source in {a.code for a in e.source})
        and (target is None or target in {a.code for a in e.target})
        for e in events
    ), _show(events)


@pytest.mark.parametrize(("text", "etype"), ABSENT, ids=[row[0][:40] for row in ABSENT])
def test_wrong_sense_absent(text: str, etype: str) -> None:
    events = analyze(text, published="2024-06-01").events
    assert not [e for e in events if e.type == etype], _show(events)


def test_petrarch_units_are_marked_and_need_actors() -> None:
    """A PETRARCH2 unit says where it comes from; an object pattern is a unit only
    when the object matches it."""
    context = petrarch_units.Context(frozenset(["food"]), frozenset(["food"]))
    found = petrarch_units.triggers_for("rush", "VERB", "food", context)
    assert [(t.type, t.frame, t.origin) for t in found] == [("AID", "give", "petrarch")]
    assert petrarch_units.triggers_for("rush", "VERB", None, petrarch_units.Context()) == []
    assert lexicon.triggers_for("rush", "VERB", "food") == []  # the hand table alone
    # the hand table wins where it lists the verb
    assert petrarch_units.triggers_for("supply", "VERB", None, context)[0].origin == "hand"


def test_block_patterns_are_read_only_for_their_own_verb() -> None:
    """PETRARCH2's "procrastinate" sits in a block whose "postpone a trip" pattern
    (161) was written for another verb: not a unit of "procrastinate"."""
    context = petrarch_units.Context(frozenset(["trip"]), frozenset(["trip"]))
    assert petrarch_units.units_for("procrastinate", context) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarus moved 300 troops to the border.", [("MOBILIZE", "BLR")]),
        ("Russia moved its Iskander missiles closer to Finland.", [("MOBILIZE", "RUS")]),
        ("Ukraine redeployed two brigades to Pokrovsk.", [("MOBILIZE", "UKR")]),
        ("The ministry moved the meeting to Friday.", []),
        ("The family moved to a new home in Kyiv.", []),
    ],
)
def test_moving_forces_is_a_deployment(text, expected):
    """"move" is MOBILIZE only with troops or military equipment as its object."""
    from dossier.ingest import Article, load_document
    from dossier.pipeline import process

    result = process(load_document(Article(text=text, published="2024-05-10")))
    got = [(e.type, e.source[0].code if e.source else None) for e in result.events
           if e.type == "MOBILIZE"]  # fmt: skip
    assert got == expected
