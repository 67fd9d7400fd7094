"""Named people as actors: coded by the title and state written with them ("Israeli
Prime Minister Ehud Barak", "Jordan's King Abdullah"), else as a person the tables
know ("person:Vladimir Putin": the state they served is read on the event's day by
``resolve.roles``), else as written, uncoded.

A new way a text ties a person to a state or an organisation goes here; a new
person goes in ``data/people.tsv`` (or comes from PETRARCH2's Phoenix tables).

>>> from dossier.annotate import annotate
>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("Israeli Prime Minister Ehud Barak met Jordan's King Abdullah.")
>>> [(m.text, m.entity, m.noun) for m in ActorFinder(doc)._one(doc[4])]
[('Israeli Prime Minister Ehud Barak', 'state:ISR', 'prime minister')]
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.extract.actors.codes import entity_id, is_actor_entity, known_person, mention
from dossier.extract.actors.phrases import phrase_tokens
from dossier.extract.actors.reading import Reader
from dossier.extract.actors.words import actor_noun
from dossier.models import ActorMention
from dossier.resolve import roles


def person(reader: Reader, head: Token, ent: Span) -> list[ActorMention]:
    """A named person: by title and state ("Israeli Prime Minister Ehud
    Barak"), as a leader the gazetteer knows ("Putin"), or as written."""
    titled = titled_person(reader, head, ent)
    if titled is not None and titled.entity is not None:
        return [titled]
    known = gazetteer.person(ent.text)
    if known is not None or roles.is_known(ent.text):
        # the state they served is read on the event's day (resolve.roles)
        found = titled or mention(reader.doc, ent.start, ent.end, None, None)
        found.entity = f"person:{known.name if known is not None else ent.text}"
        return [found]
    if titled is not None:
        return [titled]
    return [mention(reader.doc, ent.start, ent.end, None, None)]


def titled_person(reader: Reader, head: Token, named: Span) -> ActorMention | None:
    """"Israeli Prime Minister Ehud Barak", "Jordan's King Abdullah": the
    person's state (or organisation) and title make a coded actor."""
    doc = reader.doc
    tokens = [t for t in phrase_tokens(head) if not (named.start <= t.i < named.end)]
    title = None
    for tok in [*tokens, *named]:  # "King Abdullah": the title may sit in the name
        noun = actor_noun(tok) if tok.is_title or tok.is_lower else None
        if noun is not None and tok.i < named.end - 1:
            title = noun
    for tok in tokens:
        sub = reader.entity_at(tok)
        if sub is not None and sub.label_ == "PERSON" and tok.dep_ == "poss":
            # "Jordan's King Abdullah": the model took the state for a name
            entry = gazetteer.lookup(sub.text)
            if entry is not None and entry.kind in ("state", "capital"):
                start = min(tokens[0].i, named.start)
                end = max(named.end, head.i + 1)
                return mention(doc, start, end, f"state:{entry.code}", title or "leader")
        if sub is not None and is_actor_entity(sub) and sub.label_ != "PERSON":
            ident = entity_id(sub)
            if ident is None:
                continue
            start = min(tokens[0].i, named.start)
            while doc[start].dep_ == "det" or doc[start].is_punct:
                start += 1
            end = max(named.end, head.i + 1)
            return mention(doc, start, end, ident, title or "leader")
    if title is not None:  # "President Bush": a government actor, state unknown
        start = min([t.i for t in tokens if actor_noun(t)] + [named.start])
        return mention(doc, start, max(named.end, head.i + 1), None, title)
    return None


def appositives(reader: Reader, head: Token) -> list[Token]:
    """The words in apposition to a title: its own, and those the parser hangs on the
    organisation of its "of" phrase ("the head of the Ennahda party, Rached
    Ghannouchi": a person's name is apposed to the title, not to the party).

    >>> from dossier.annotate import annotate
    >>> from dossier.extract.actors import ActorFinder
    >>> doc = annotate("Police arrested the head of the opposition party, Jane Doe.")
    >>> [t.text for t in appositives(ActorFinder(doc), doc[3])]
    ['Doe']
    """
    found = [c for c in head.children if c.dep_ == "appos"]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            inner = reader.entity_at(obj) if obj.dep_ == "pobj" else None
            if obj.dep_ == "pobj" and not (inner is not None and inner.label_ == "PERSON"):
                found += [c for c in obj.children if c.dep_ == "appos"]
    return found


def known_appos(reader: Reader, head: Token) -> Span | None:
    """A person in apposition to a title whom people.tsv or Phoenix knows."""
    for child in appositives(reader, head):
        named = reader.entity_at(child)
        if named is not None and named.label_ in ("PERSON", "ORG") and known_person(named):
            return named
    return None


def appos_person(reader: Reader, head: Token) -> Span | None:
    """A person the model names in apposition to a title, known to the tables or not:
    "the city's mayor, Ekrem Imamoglu," (the title's phrase runs to the name)."""
    for child in appositives(reader, head):
        named = reader.entity_at(child)
        if named is not None and named.label_ == "PERSON":
            return named
    return None
