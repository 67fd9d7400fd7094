"""The actor finder: the actors a noun phrase names, read in a document's order and
remembered for the pronouns and "the two countries" that follow.

"North Korean troops" names North Korea (the demonym modifies an actor noun);
"Russia and North Korea" names two states; "they" names whatever plural actor
was mentioned last.  The result is a list of ``ActorMention`` spans; turning
them into names and codes is the resolver's job.

``ActorFinder.in_phrase`` reads a phrase and its conjuncts; ``_one`` reads one
head, trying in order: a pronoun or group noun (``pronouns``), the entity at the
head (an acronym introduced before, a person: ``people``, an ethnic group, a
state's word that is a club, an audience or a venue: ``metonyms``, an organ or an
organisation owned by a state: ``possession``, any actor entity), a quantity of
actors ("thousands of students"), and a common noun with its modifiers
(``noun_phrases``). A new kind of head goes in ``_one``, in its place in that
order; a rule about one of those kinds goes in its module.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from functools import partial
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from dossier.annotate import doc_ents
from dossier.extract import metonyms
from dossier.extract.actors import noun_phrases, people, places, possession, pronouns
from dossier.extract.actors.codes import (
    entity_id,
    entity_mention,
    is_actor_entity,
    known_person,
    mention,
    named,
    organisation,
)
from dossier.extract.actors.phrases import coordinated, phrase_tokens
from dossier.extract.actors.reading import ActorMemory
from dossier.extract.actors.words import PLURAL_PRONOUNS, PRONOUNS, actor_noun
from dossier.extract.wordclasses import QUANTITY_NOUNS
from dossier.models import ActorMention

T = TypeVar("T")
_MISSING = object()  # no reading kept yet


class ActorFinder:
    """Finds actors in noun phrases of one document, remembering them for pronouns."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.memory = ActorMemory()
        self.entities = {i: ent for ent in doc_ents(doc) for i in range(ent.start, ent.end)}
        # pronouns resolved when first read, in reading order
        self.pronouns: dict[int, list[ActorMention]] = {}
        # what each head's phrase says by itself, read once (``_kept``)
        self._readings: dict[tuple[str, int], object] = {}

    def entity_at(self, token: Token) -> Span | None:
        """The entity covering ``token``, if any."""
        return self.entities.get(token.i)

    def place_in(self, head: Token) -> Span | None:
        """The place entity of ``head``'s phrase (``places.place_in``)."""
        return places.place_in(self, head)

    def place_of(self, head: Token) -> Span | None:
        """The place in "<actor noun> in/of <place>" (``places.place_of``)."""
        return places.place_of(self, head)

    def in_phrase(self, head: Token, *, remember: bool = True) -> list[ActorMention]:
        """Actors named by the noun phrase headed by ``head`` and its conjuncts."""
        heads = coordinated(head)
        each = [self._one(h) for h in heads]
        for n, h in enumerate(heads):
            # "Labour and the Conservatives": coordinated with an actor, a name the
            # model did not tag (or took for a person) is read from the gazetteer
            if any(each[:n] + each[n + 1 :]) and not any(m.entity or m.noun for m in each[n]):
                each[n] = named(h) or each[n]
        found = [m for ms in each for m in ms]
        plural = len(heads) > 1 or head.tag_ in ("NNS", "NNPS") or (
            head.lower_ in PLURAL_PRONOUNS
        )
        if remember and found and head.lower_ not in PRONOUNS:
            self.memory.remember(found, plural)
        return found

    def _one(self, head: Token) -> list[ActorMention]:
        """The actors one head names (its conjuncts apart)."""
        pointed = pronouns.pointed_to(self, head)
        if pointed is not None:
            return pointed
        ent = self.entity_at(head)
        short = self._acronym(ent) if ent is not None and not ent.ent_id_ else None
        if short is not None:  # "TAI" after "Turkish Aerospace Industries (TAI)"
            return [short]
        if ent is not None:
            kind, named_here = self._kept(head, "entity", self._entity_reading)
            found = [copy(m) for m in named_here]  # callers may change what they get
            if kind == "person" and found and (found[0].entity or found[0].noun):
                self.memory.persons.append(found[0])
            if kind != "none":
                return found
        if ent is None and head.pos_ == "PROPN":
            # "Modi spoke by phone": a known person's name the model did not tag
            named_here = self._kept(head, "untagged person", self._untagged_person)
            if named_here:
                found = [copy(m) for m in named_here]
                self.memory.persons.append(found[0])
                return found
        if head.lemma_.lower() in QUANTITY_NOUNS or head.pos_ == "NUM":
            # "thousands of Chilean students", "a group of Moroccan diplomats"
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self._one(obj)
            for child in head.children:
                if child.dep_ == "poss":  # "its fighters", "the group's members"
                    found = self._one(child)
                    if found:
                        return found
                # "gang members"; not "Rapid Support Forces fighters", whose
                # compound ends a name (read below as the named group's fighters)
                owner = actor_noun(child) if (
                    child.dep_ == "compound" and self.entity_at(child) is None) else None
                if owner is not None and child.i == head.i - 1:
                    state = possession.state_of(self, head)
                    return [mention(self.doc, child.i, head.i + 1, state, owner)]
        reading = self._kept(head, "noun", partial(noun_phrases.read, self))
        found = noun_phrases.finish(self, head, reading)
        if found and found[0].entity and pronouns.names_a_person(self, head):
            self.memory.office_holders.append(found[0])  # "Germany's chancellor ... He said"
        return found

    def _kept(self, head: Token, key: str, read: Callable[[Token], T]) -> T:
        """``read(head)``, read once per head: what the phrase at a head says by itself
        (its entity, its modifiers) does not depend on what was read before it, and
        the extractor asks for the same heads again (subjects first, then the roles
        and claims of each event). What does (pronouns, "these pilots", "its
        forces", coreference's "the country") is read on top of it at each call."""
        kept = self._readings.get((key, head.i), _MISSING)
        if kept is _MISSING:
            kept = self._readings[(key, head.i)] = read(head)
        return kept

    def _entity_reading(self, head: Token) -> tuple[str, list[ActorMention]]:
        """What the entity at ``head`` names, read from the entity and the phrase alone
        (never from the memory): ``("person", found)`` for a named person (remembered
        for "he" and "she" by ``_one``), ``("named", found)`` for any other reading,
        ``("none", [])`` when the head is to be read as a quantity or a common noun."""
        doc = self.doc
        ent = self.entity_at(head)
        if ent is not None and ent.label_ == "PERSON":
            return "person", people.person(self, head, ent)
        if ent is not None and ent.label_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
            # an ethnic group is coded by where it lives: "Bosnian Serbs",
            # "the Albanians of southern Serbia"
            home = possession.state_of(self, head) or next(
                (
                    entity_id(sub)
                    for tok in phrase_tokens(head)
                    if tok.i < ent.start
                    and (sub := self.entity_at(tok)) is not None
                    and (entity_id(sub) or "").startswith("state:")
                ),
                None,
            )
            if home is not None and home != entity_id(ent):
                start = min(t.i for t in phrase_tokens(head))
                return "named", [mention(doc, start, ent.end, home, None)]
        if ent is not None and ent.ent_id_.startswith("state:"):
            club = metonyms.club_name(ent)
            if club is not None:  # "Real Madrid", "Dynamo Kyiv"
                return "named", [organisation(doc, club, ent.end)]
            if metonyms.audience(ent) or metonyms.venue(ent):  # "Berlin applauds a film",
                return "named", []  # "the Vienna meeting": a festival's audience, a venue
        if ent is not None and ent.label_ == "ORG" and not ent.ent_id_:
            if known_person(ent) and entity_id(ent) is None:
                # the model took "Trump" for a firm
                return "named", people.person(self, head, ent)
            organ = possession.organ(self, head, ent)  # "Ukraine's Ministry of Foreign Affairs"
            if organ is not None:
                return "named", [organ]
        if ent is not None and ent.label_ == "NORP" and len(ent) == 1 and (
            entity_id(ent) is None and actor_noun(head) is not None
        ):
            ent = None  # "Jihadists attacked": the model's NORP is an actor noun
        if ent is not None and ent.label_ in ("ORG", "GPE") and not entity_id(ent):
            owned = possession.owned(self, ent)  # "Russia's Irkut", "Germany's KNDS Deutschland"
            if owned is not None:
                return "named", [owned]
        if ent is not None and is_actor_entity(ent):
            return "named", [entity_mention(ent)]
        return "none", []

    def _untagged_person(self, head: Token) -> list[ActorMention]:
        """A proper name the model left untagged that names a person the tables know
        ("Modi", "Lula"): read as that person (``people.person``), else nothing."""
        start = head.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and (
            self.doc[start - 1].head.i == head.i and self.entity_at(self.doc[start - 1]) is None
        ):
            start -= 1
        if not known_person(Span(self.doc, start, head.i + 1)):  # untagged: the strict test
            return []
        found = people.person(self, head, Span(self.doc, start, head.i + 1, label="PERSON"))
        return found if found and found[0].entity else []

    def _acronym(self, org: Span) -> ActorMention | None:
        """An organisation's initials coded as the name they were introduced after:
        "Turkish Aerospace Industries (TAI) ... TAI will train" is the company named first.

        >>> from dossier.annotate import annotate
        >>> doc = annotate("Turkish Aerospace Industries (TAI) won. Later TAI said it would build.")
        >>> [(m.text, m.entity) for m in ActorFinder(doc)._one(doc[9])]
        [('TAI', 'org:Turkish Aerospace')]
        """
        short = org.text
        if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
            return None
        doc = self.doc
        for tok in doc[: org.start]:
            if tok.text != short or tok.i < 2 or doc[tok.i - 1].text != "(":
                continue
            before = doc[tok.i - 2]  # the last word of the name the initials follow
            found = [m for m in self._one(before) if m.entity]
            if found:
                return mention(doc, org.start, org.end, found[0].entity, found[0].noun)
        return None
