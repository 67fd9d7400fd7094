"""The place a phrase names or is said to be in: "the government of Sindh province",
"the port of Odesa in southern Ukraine", "at the Vostochny Cosmodrome in Russia's
Amur region".

The finder keeps the place of an actor it cannot code by a state ("the government of
Sindh province"); the extractor's attachment and roles ask it for the place of a
phrase (``ActorFinder.place_in``). A place entity is ranked by whether it can be put
on a map, whether it is the phrase's own or where the phrase is said to be, and how
specific it is. A new rule for choosing among the places of one phrase goes here
(resolving a place to coordinates is ``resolve.places``').

>>> from dossier.annotate import annotate
>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("Ships left the port of Odesa in southern Ukraine.")
>>> place_in(ActorFinder(doc), doc[3]).text
'Odesa'
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from dossier.entities import PLACE_LABELS
from dossier.extract.actors.phrases import where_objects
from dossier.extract.actors.reading import Reader

# Facilities the place index has (airfields, from ``airportsdata``); another named
# facility ("the Vostochny Cosmodrome", "Naval Station Norfolk") is found on no map.
AIRFIELD_WORDS = frozenset(["airport", "airfield", "airbase", "base", "aerodrome", "airstrip"])
LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside"])
PLACE_NOUNS = frozenset(
    "town city village province region district capital port area county state".split()
)


def place_of(reader: Reader, head: Token) -> Span | None:
    """The place in "<actor noun> in/of <place>": "the government of Sindh province"."""
    for obj in where_objects(head):
        place = place_in(reader, obj)
        if place is not None and place.ent_id_.startswith("place:"):
            return place
    return None


def place_in(reader: Reader, head: Token) -> Span | None:
    """A place entity headed at or inside ``head``'s phrase, most specific first;
    a place the phrase is said to be in comes after the phrase's own ("the port of
    Odesa in southern Ukraine" is Odesa)."""
    best: Span | None = None
    best_rank = (False, 0)
    for tok in [head, *head.subtree]:
        ent = reader.entity_at(tok)
        if ent is None or (ent.label_ not in PLACE_LABELS and not _named_as_place(ent)):
            continue
        if _in_agent_phrase(tok, head):
            continue  # "a ceasefire brokered by Qatar": who brokered it, not where
        rank = (_findable(ent), not _located_within(tok, head), _specificity(ent))
        if best is None or rank > best_rank:
            best, best_rank = ent, rank
    return best


def _findable(ent: Span) -> bool:
    """Whether a place entity can be put on the map: a named facility other than an
    airfield cannot, so "at the Vostochny Cosmodrome in Russia's Amur region" is
    placed by the region it is said to be in.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Kim met Putin at the Vostochny Cosmodrome in Russia's Amur region.")
    >>> [(e.text, _findable(e)) for e in doc.ents if e.label_ in PLACE_LABELS]
    [('the Vostochny Cosmodrome', False), ('Russia', True), ('Amur region', True)]
    """
    return bool(ent.ent_id_) or ent.label_ != "FAC" or ent.root.lemma_.lower() in AIRFIELD_WORDS


def _located_within(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in a locative phrase under ``head`` ("Ukraine" of "the port
    of Odesa in southern Ukraine", heading at "port")."""
    return any(t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS for t in _path_up(tok, head))


def _in_agent_phrase(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in the "by" phrase of a passive or participle under ``head``
    (the agent: "a ceasefire brokered by Qatar")."""
    return any(t.dep_ == "agent" for t in _path_up(tok, head))


def _path_up(tok: Token, head: Token) -> Iterator[Token]:
    """``tok`` and its heads up to ``head`` (or the root), ``head`` itself left out."""
    while tok.i != head.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _named_as_place(ent: Span) -> bool:
    """"the town of Samarra": a name the model mislabelled, said to be a place."""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in PLACE_NOUNS
    )


def _specificity(ent: Span) -> int:
    eid = ent.ent_id_
    if eid.startswith("place:city") or eid.startswith("place:admin1"):
        return 3
    if eid.startswith("place:"):
        return 2
    if eid.startswith("state:"):
        return 1
    return 2 if ent.label_ in ("LOC", "FAC") else 1
