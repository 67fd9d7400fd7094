"""Whose an organisation or group is: the state that owns it or that it belongs to.

CAMEO codes a state's organs, companies and people by the state, so the finder
reads the state around a name or an actor noun:

- a possessive: "Russia's Irkut", "France's Naval Group" (``owned``);
- an organ with its state before or after it: "Ukraine's Ministry of Foreign
  Affairs", "the Ministry of Foreign Affairs of Ukraine" (``organ``, with
  ``state_in_of_chain`` for the "of" phrases the parser hangs one under another);
- "in/of/from" a state: "opposition groups in Zimbabwe", "inhabitants of the Syrian
  Golan Heights" (``state_of``);
- the organisation a leader or member belongs to: "the leader of Hamas", "the head of
  the IAEA" (``body_of``).

A new way a text gives a thing to a state goes here; a state's word inside the
thing's own name ("UK Athletics", "Real Madrid") is ``metonyms``'.

>>> from dossier.annotate import annotate
>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("Astana bought four jets from Russia's Irkut.")
>>> [(m.text, m.entity) for m in ActorFinder(doc)._one(doc[-2])]
[("Russia's Irkut", 'state:RUS')]
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract import metonyms
from dossier.extract.actors.codes import entity_id, mention, opposed
from dossier.extract.actors.phrases import phrase_tokens, where_objects
from dossier.extract.actors.reading import Reader
from dossier.models import ActorMention
from dossier.resolve.agents import noun_sector


def organ(reader: Reader, head: Token, org: Span) -> ActorMention | None:
    """An organ of a state the model tagged as an organisation, with the state
    around it: "Ukraine's Ministry of Foreign Affairs", "the Ministry of Foreign
    Affairs of Ukraine", "Iran's Supreme National Security Council"; the whole
    phrase is kept.  None when no state is named or the name is no organ's."""
    doc = reader.doc
    words = org.text.lower().removeprefix("the ")
    noun = next(
        (n for n in (words, org.root.lemma_.lower(), org.root.lower_) if noun_sector(n)),
        None,
    )
    if noun is None and not metonyms.is_institution_word(org.root):
        return None
    tokens = [t for t in phrase_tokens(head) if not (org.start <= t.i < org.end)]
    state = None
    for tok in tokens:
        sub = reader.entity_at(tok)
        if sub is not None and sub.ent_id_.startswith("state:") and not opposed(sub):
            state = sub
            break
    end = max(org.end, head.i + 1)
    if state is None:
        found = state_in_of_chain(reader, org.root)
        if found is None:  # "the Defence Ministry" alone: a sector, no state
            first = org.start + (doc[org.start].dep_ == "det" and len(org) > 1)
            return mention(doc, first, org.end, None, noun) if noun else None
        state, end = found, max(end, found.end)
    start = min(org.start, state.start)
    while doc[start].dep_ == "det" or doc[start].is_punct:
        start += 1
    return mention(doc, start, end, entity_id(state), noun or "government")


def owned(reader: Reader, org: Span) -> ActorMention | None:
    """An organisation the text gives to a state by a possessive: "Russia's Irkut",
    "France's Naval Group" are coded by their state, as CAMEO codes a state's
    companies and bodies (the whole phrase is kept)."""
    for tok in org.root.children:
        sub = reader.entity_at(tok) if tok.dep_ == "poss" and tok.i < org.start else None
        if sub is not None and sub.ent_id_.startswith("state:") and not opposed(sub):
            return mention(reader.doc, sub.start, org.end, entity_id(sub), None)
    return None


def state_in_of_chain(reader: Reader, token: Token, depth: int = 3) -> Span | None:
    """The state named at the end of "of" phrases: "Ministry of Foreign Affairs of
    Ukraine" -> Ukraine (the model attaches the last "of" to "Affairs")."""
    if depth == 0:
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            sub = reader.entity_at(obj)
            if sub is not None and sub.ent_id_.startswith("state:"):
                return sub
            deeper = state_in_of_chain(reader, obj, depth - 1)
            if deeper is not None:
                return deeper
    return None


def other_states_of(reader: Reader, head: Token) -> list[Span]:
    """The states joined to the first in "<actor noun> of <state> and <state>": "the
    foreign ministers of India and China" -> [China] (each minister serves one)."""
    out = []
    for obj in where_objects(head)[:1]:
        if reader.entity_at(obj) is None:
            continue
        for conj in obj.conjuncts:
            sub = reader.entity_at(conj)
            if sub is not None and (entity_id(sub) or "").startswith("state:"):
                out.append(sub)
    return out


def state_of(reader: Reader, head: Token) -> str | None:
    """The state in "<actor noun> in/of/from <state>": "opposition groups in
    Zimbabwe", "inhabitants of the Syrian Golan Heights"."""
    for obj in where_objects(head):
        for tok in [obj, *phrase_tokens(obj)]:
            sub = reader.entity_at(tok)
            if sub is not None and (entity_id(sub) or "").startswith("state:"):
                return entity_id(sub)
    return None


# Words for a person at the head of, or in, an organisation that are no actor nouns of
# the tables ("head" is also a body part, "member" a part of anything).
HEAD_WORDS = frozenset(["head", "chief", "boss", "director", "founder", "member", "members"])


def body_of(reader: Reader, head: Token, *, actor: bool) -> Span | None:
    """The organisation named in the "of" phrase of a leader or member: "the leader of
    Hamas", "officials of the IAEA", "the head of the IAEA" (CAMEO codes an
    organisation's people by the organisation). ``actor``: ``head`` is an actor noun
    of the tables; else only ``HEAD_WORDS`` belong."""
    if not actor and head.lower_ not in HEAD_WORDS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            sub = reader.entity_at(obj) if obj.dep_ == "pobj" else None
            if sub is not None and sub.ent_id_.startswith("org:") and not opposed(sub):
                return sub
    return None
