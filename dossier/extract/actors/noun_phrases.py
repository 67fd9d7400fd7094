"""An actor named by a common noun and what modifies it: "North Korean troops",
"Russia's defence ministry", "the Biden administration", "opposition groups in
Zimbabwe", "the defence secretary, Dick Cheney", "these pilots", "its forces".

The head is an actor noun (``words.actor_noun``; a weapon that acts stands for its
military); the phrase's state, organisation or person is read from, in order: an
entity among its modifiers (one actor per coordinated state: "Hungarian and
Romanian officials"), a name in apposition, "in/of/from" a state
(``possession``), a known person in apposition, the same noun named before with a
state ("these pilots"), and "its"/"their" (``pronouns``). Without any, the actor is
the noun alone (a sector, no state), with the place it is said to be of.

A new way a noun phrase ties its actor noun to a state goes here; a new actor
noun goes in the gazetteer's tables.

>>> from dossier.annotate import annotate
>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("Hungarian and Romanian officials met opposition groups in Zimbabwe.")
>>> finder = ActorFinder(doc)
>>> [(m.text, m.entity) for m in finder._one(doc[3])]
[('Hungarian and Romanian officials', 'state:HUN'), ('Romanian', 'state:ROU')]
>>> [(m.text, m.entity, m.noun) for m in finder._one(doc[6])]
[('opposition groups', 'state:ZWE', 'opposition')]
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from spacy.tokens import Token

from dossier.extract import metonyms
from dossier.extract.actors.codes import (
    entity_id,
    entity_mention,
    is_actor_entity,
    mention,
    opposed,
    organisation,
)
from dossier.extract.actors.people import appos_person, known_appos
from dossier.extract.actors.phrases import phrase_tokens
from dossier.extract.actors.places import place_of
from dossier.extract.actors.possession import (
    HEAD_WORDS,
    body_of,
    other_states_of,
    state_in_of_chain,
    state_of,
)
from dossier.extract.actors.reading import Reader
from dossier.extract.actors.words import (
    ANAPHORIC_DETERMINERS,
    actor_noun,
    agent_noun,
    is_agent,
    is_weapon,
)
from dossier.models import ActorMention
from dossier.models import Span as TextSpan
from dossier.resolve import roles


@dataclass(frozen=True)
class NounReading:
    """What a phrase headed by an actor noun says by itself: its tokens ``start`` to
    ``end``, its noun and the state, organisation or person its modifiers name;
    ``first`` is the phrase's first token, ``anaphoric`` whether a determiner points
    back ("these pilots") and ``owner`` its "its"/"their", if any."""

    start: int
    end: int
    noun: str
    entity: str | None
    first: int
    anaphoric: bool
    owner: Token | None


def noun_phrase(reader: Reader, head: Token) -> list[ActorMention]:
    """The actors the noun phrase headed by the common noun ``head`` names ([] if its
    head is no actor noun and no actor entity sits in it)."""
    return finish(reader, head, read(reader, head))


def finish(
    reader: Reader, head: Token, reading: list[ActorMention] | NounReading
) -> list[ActorMention]:
    """The actors of ``read``'s reading of the phrase at ``head``, with what was named
    before it: "these pilots" (the same noun named before with a state) and
    "its"/"their" (``pronouns``); a copy of the phrase's own actors otherwise."""
    if not isinstance(reading, NounReading):
        return [copy(m) for m in reading]  # callers may change what they get
    doc = reader.doc
    start, end, noun, entity = reading.start, reading.end, reading.noun, reading.entity
    earlier = reader.memory.by_noun.get(noun.split()[-1])
    if entity is None and reading.anaphoric and earlier is not None:
        entity = earlier.entity  # "these pilots": the pilots named before
        start = reading.first
    if entity is None and reading.owner is not None:  # "its forces": what "its" is
        whose = [m.entity for m in reader._one(reading.owner) if m.entity]
        if len(whose) > 1:  # "Germany and France said their jets ..."
            return [mention(doc, start, end, e, noun) for e in whose]
        entity = whose[0] if whose else None
    actor = mention(doc, start, end, entity, noun)
    place = place_of(reader, head) if entity is None else None
    if place is not None:
        actor.place = TextSpan(place.text, place.start_char, place.end_char)
    return [actor]


def read(reader: Reader, head: Token) -> list[ActorMention] | NounReading:
    """What the phrase headed by the common noun ``head`` says by itself, without
    what was named before it (``finish`` adds that): its actors, or a
    ``NounReading`` when its head is an actor noun."""
    doc = reader.doc
    noun = actor_noun(head)
    if noun is None and is_agent(head) and is_weapon(head):
        noun = "military"  # "Syrian aircraft bombed ...": the weapon's military acts
    tokens = phrase_tokens(head)
    # A coded name beats an uncoded group label before it: "the Islamist Hamas
    # movement" is Hamas, not "Islamist"
    coded = any((sub := reader.entity_at(tok)) is not None and entity_id(sub)
                for tok in tokens if tok.i != head.i)
    # A state or organisation inside the phrase: "North Korean troops",
    # "Russia's defence ministry", "US Indo-Pacific Command commander".
    for tok in tokens:
        if tok.i == head.i:
            continue
        sub = reader.entity_at(tok)
        if sub is not None and coded and sub.label_ == "NORP" and not entity_id(sub):
            continue
        if sub is not None and opposed(sub):
            continue  # "an anti-Syria journalist" is not Syrian
        if sub is not None and sub.ent_id_.startswith("state:") and (
            metonyms.names_other(sub, reader.entities)
        ):  # "UK Athletics", "the London Marathon runner-up"
            if sub.root.head.i == head.i and metonyms.is_company_word(head):
                start = min(tokens[0].i, sub.start)  # "Iran Air": Iran's business
                while doc[start].dep_ == "det":
                    start += 1
                return [mention(doc, start, head.i + 1, entity_id(sub), "business")]
            if sub.root.head.i == head.i:
                return [organisation(doc, tokens[0].i, head.i + 1)]
            continue
        if (
            sub is not None
            and sub.label_ == "PERSON"
            and noun is not None
            and tok.head.i == head.i
            and tok.dep_ in ("compound", "poss")
            and roles.is_known(sub.text)
        ):  # "the Biden administration", "Putin's spokesman": whom they serve
            start = tokens[0].i
            while doc[start].dep_ == "det" or doc[start].is_punct:
                start += 1
            return [mention(doc, start, head.i + 1, f"person:{sub.text}", noun)]
        if sub is not None and is_actor_entity(sub) and sub.label_ != "PERSON":
            if noun is None and sub.ent_id_.startswith("state:"):
                noun = agent_noun(head)  # "Russian lawmakers": Phoenix's agents
            if noun is None and head.pos_ != "PROPN" and not is_agent(head):
                # "Russia's war" names Russia, "the al-Qaeda network" al-Qaeda;
                # "training on Russian aircraft" names no actor, but "Swiss
                # doctors handed over ..." does: the agent of an event
                if sub.root.dep_ in ("poss", "compound"):
                    return [entity_mention(sub)]
                continue
            start = min(tokens[0].i, sub.start)
            while doc[start].dep_ == "det" or doc[start].is_punct:
                start += 1
            end = max(head.i + 1, sub.end)
            found = [mention(doc, start, end, entity_id(sub), noun)]
            # "Hungarian and Romanian officials": one actor per coordinated state
            for conj in sub.root.conjuncts:
                other = reader.entity_at(conj)
                if other is not None and is_actor_entity(other) and other.start != sub.start:
                    found.append(entity_mention(other, noun))
            return found
    body = body_of(reader, head, actor=False) if noun is None else None
    holder = appos_person(reader, head) if noun is None and head.lower_ in HEAD_WORDS else None
    if holder is not None:  # "the head of the Ennahda party, Rached Ghannouchi": the
        # person, coded by the tables or else as the body they head (as CAMEO codes an
        # organisation's people)
        known = known_appos(reader, head)
        bodies = [a for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"
                  for a in reader.in_phrase(o, remember=False)]
        entity = f"person:{known.text}" if known is not None else (
            bodies[0].entity if bodies else None)
        return [mention(doc, tokens[0].i + (doc[tokens[0].i].dep_ == "det"), holder.end,
                        entity, None if known is not None or not bodies else bodies[0].noun)]
    if body is not None:  # "the head of the IAEA"
        return [mention(doc, tokens[0].i + (doc[tokens[0].i].dep_ == "det"), body.end,
                        entity_id(body), None)]
    if noun is None:
        for child in head.children:  # "its ally Belarus", "the neighbour, Poland"
            named = reader.entity_at(child) if child.dep_ == "appos" else None
            if named is not None and (entity_id(named) or "").startswith(("state:", "org:")):
                return [entity_mention(named)]
    if noun is not None:
        start = tokens[0].i
        while start < head.i and (doc[start].dep_ == "det" or doc[start].is_punct):
            start += 1
        end = head.i + 1
        entity = None
        body = body_of(reader, head, actor=True)
        if body is not None:  # "the leader of Hamas (in Tehran)", "officials of the IAEA"
            entity, end = entity_id(body), body.end
        if entity is None and (entity := state_of(reader, head)):  # "groups in Zimbabwe"
            others = other_states_of(reader, head)
            if others:  # "the foreign ministers of India and China": one actor per state
                return [mention(doc, start, end, entity, noun),
                        *(entity_mention(o, noun) for o in others)]
        chain = state_in_of_chain(reader, head) if entity is None else None
        if chain is not None:  # "the Ministry of Foreign Affairs of Ukraine"
            entity, end = entity_id(chain), chain.end
        named = known_appos(reader, head) if entity is None else None
        if named is not None:  # "the defence secretary, Dick Cheney,": whom he served
            entity, end = f"person:{named.text}", max(end, named.end)
        else:  # "the opposition leader, Bobi Wine,": the name is part of the phrase
            other = appos_person(reader, head)
            end = max(end, other.end) if other is not None else end
        dets = {c.lower_ for c in head.children if c.dep_ == "det"}
        owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
        return NounReading(
            start, end, noun, entity, tokens[0].i, bool(dets & ANAPHORIC_DETERMINERS),
            owners[0] if owners else None,
        )
    return []
