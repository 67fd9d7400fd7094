"""Coding a name: the gazetteer id of an entity ("state:RUS", "org:NATO",
"person:Vladimir Putin") and the ``ActorMention`` that covers it.

Ids come from the gazetteer ruler (``Span.ent_id_``) or, for an entity the model
found, from a gazetteer lookup of its text (a misspelt state too: "Afganistan");
the resolver turns ids into codes (``resolve.actors``). A name the gazetteer does
not know stays uncoded: an organisation of its own, or a person as written.

A new way of coding a name (a new kind of id, a new lookup) goes here; a new name
goes in the gazetteer's tables.

>>> from dossier.annotate import annotate
>>> doc = annotate("Afganistan and Labour talked.")
>>> entity_id(doc.ents[0]), [m.entity for m in named(doc[2])]
('state:AFG', ['org:Labour Party'])
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dossier import gazetteer
from dossier.entities import PLACE_LABELS
from dossier.extract.syntax import text_span
from dossier.models import ActorMention
from dossier.resolve import roles

ACTOR_LABELS = frozenset(["GPE", "NORP", "ORG", "PERSON"])


def entity_id(ent: Span) -> str | None:
    """The gazetteer id of an entity, or one looked up from its text."""
    if ent.ent_id_:
        return ent.ent_id_
    if ent.label_ in ("GPE", "NORP", "ORG"):
        entry = gazetteer.lookup(ent.text)
        if entry is None and ent.label_ == "GPE":
            entry = gazetteer.fuzzy_state(ent.text)  # "Afganistan"
        if entry is not None:
            return gazetteer.entity_id(entry)
    return None


def is_actor_entity(ent: Span) -> bool:
    """Whether an entity can be an actor: a state or organisation of the gazetteer, or
    a name the model tagged as a place, group, organisation or person (not a place or
    equipment of the gazetteer)."""
    eid = ent.ent_id_
    if eid.startswith(("state:", "org:")):
        return True
    if eid.startswith(("place:", "equip:")) or ent.label_ == "EQUIPMENT":
        return False
    return ent.label_ in ACTOR_LABELS


def mention(doc: Doc, start: int, end: int, entity: str | None, noun: str | None) -> ActorMention:
    """The actor mention of tokens ``start`` to ``end``, with its id and actor noun."""
    span = text_span(doc, start, end)
    return ActorMention(text=span.text, start=span.start, end=span.end, entity=entity, noun=noun)


def other_than(actors: list[ActorMention], others: list[ActorMention]) -> list[ActorMention]:
    """``actors`` without those written where one of ``others`` is (a target is never
    the source's own mention)."""
    taken = {(a.start, a.end) for a in others}
    return [a for a in actors if (a.start, a.end) not in taken]


def entity_mention(ent: Span, noun: str | None = None) -> ActorMention:
    """An actor mention covering a gazetteer or model entity; an organisation the
    gazetteer does not know is an organisation, a place it does not know ("shelled
    Ponnagyun") a place, not a person."""
    found = mention(ent.doc, ent.start, ent.end, entity_id(ent), noun)
    if found.entity is None and ent.label_ == "ORG" and noun is None:
        found.kind = "organisation"
    elif found.entity is None and ent.label_ in PLACE_LABELS and noun is None:
        found.kind = "place"  # what the model tags as a place, though no index has it
    return found


def organisation(doc: Doc, start: int, end: int) -> ActorMention:
    """A name built on a state's ("UK Athletics", "Real Madrid"): no state."""
    while start < end - 1 and doc[start].dep_ == "det":
        start += 1
    found = mention(doc, start, end, None, None)
    found.kind = "organisation"
    return found


def named(head: Token) -> list[ActorMention]:
    """The state or organisation that the capitalised words ending at ``head``
    name in the gazetteer, weak forms ("~Labour", "~Jordan") included; [] if
    none.  The model may tag such a name as a common noun or a person."""
    if not head.text[:1].isupper():
        return []
    doc = head.doc
    start = head.i
    while start > head.left_edge.i and doc[start - 1].text[:1].isupper():
        start -= 1
    for first in range(start, head.i + 1):  # the longest name first
        entry = gazetteer.lookup(doc[first : head.i + 1].text)
        if entry is not None and entry.kind != "person":
            return [mention(doc, first, head.i + 1, gazetteer.entity_id(entry), None)]
    return []


def opposed(ent: Span) -> bool:
    """"anti-Syria", "anti-American": the name is what the actor opposes."""
    doc, i = ent.doc, ent.start
    return (i >= 1 and doc[i - 1].lower_ in ("anti", "anti-")) or (
        i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"
    )


def known_person(ent: Span) -> bool:
    """Whether people.tsv knows the name, or Phoenix knows it as a person's full name
    (a surname alone in Phoenix is trusted only when the model tagged a person)."""
    if ent.label_ == "PERSON":
        return roles.is_known(ent.text)
    return gazetteer.person(ent.text) is not None or (" " in ent.text and roles.is_known(ent.text))
