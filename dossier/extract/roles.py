"""Arguments of a trigger: source, target, items and place, read off its clause.

``RoleReader`` is the part of ``rules.Extractor`` that reads a trigger's
arguments according to its frame (``data/triggers.tsv``: give, receive, act,
toward, move, self): from a verb's subject, object and prepositions
(``verbal_roles``), from a noun's possessor, modifiers and "of/to/from/by"
phrases (``nominal_roles``). The parties around them are ``parties.PartyReader``'s
(conditions, owners, victims, accusations), the items that change hands
``goods.GoodsReader``'s (``items_in``). It reads ``self.doc``, ``self.actors`` (an
``ActorFinder``) and ``self.consumed`` (tokens a trigger took as part of itself).
"""

from __future__ import annotations

import copy

from spacy.tokens import Doc, Token

from dossier import equipment
from dossier.extract import attachment, lexicon, senses
from dossier.extract.actors import (
    ActorFinder,
    is_weapon,
    other_than,
    people_acting,
)
from dossier.extract.arguments import hands_of
from dossier.extract.goods import GoodsReader, is_measure
from dossier.extract.participation import participant_verb
from dossier.extract.parties import PartyReader, is_force
from dossier.extract.sides import makers_among, seller_and_buyer
from dossier.extract.syntax import (
    children,
    direct_object,
    prep_objects,
    reduced_relative,
    shared_object,
    subject_of,
    transfer_preps,
)
from dossier.extract.word_features import phrase_words
from dossier.extract.wordclasses import (
    MEASURE_NOUNS,
    MEETING_VERBS,
    MISSION_NOUNS,
    ORGANISING_VERBS,
    OWNER_TARGET_TYPES,
    PLACE_PREPS,
    SETTING_PREPS,
    STANCE_NOUNS,
    STATIVE_PASSIVES,
    TARGET_PREPS,
    TARGET_PREPS_BY_TYPE,
    TELLING_VERBS,
    TRAVEL_VERBS,
)
from dossier.models import ActorMention, Item
from dossier.resolve.agents import noun_sector

# The events of force whose modifier, a force's noun, is who acted ("a police raid"); of
# others it may be the setting ("after the cabinet meeting": the minister's act is told)
FORCE_TYPES = frozenset(["ASSAULT", "COERCE"])


def agent_modifier(actor: ActorMention, trig: lexicon.Trigger) -> bool:
    """Whether a generic actor noun modifying an event noun names who acted: a force's
    noun for an act of force (``parties.is_force``), any group's noun for a protest ("a
    student protest", "a farmers' strike": those who protest are those it is of).

    >>> agent_modifier(ActorMention("police", 0, 1, noun="police"),
    ...                lexicon.triggers_for("raid", "NOUN")[0])
    True
    >>> agent_modifier(ActorMention("journalist", 0, 1, noun="journalist"),
    ...                lexicon.triggers_for("attack", "NOUN")[0])
    False
    """
    if trig.type in FORCE_TYPES:
        return is_force(actor)
    return trig.type == "PROTEST" and not actor.entity and bool(actor.noun) and (
        noun_sector(actor.noun) is not None)


# Types done together: a speaker who tells of such an event "with" another names its
# own side ("the Kremlin said talks with Washington had made progress").
JOINT_TYPES = frozenset(["CONSULT", "COOPERATE"])
# Types whose doer may be a group of people named by what they are ("supporters",
# "relatives"), as ACLED records rioters, protesters and mobs: attacks and protests.
CROWD_TYPES = frozenset(["ASSAULT", "PROTEST"])
# What a weapon is fired or launched at: "fired missiles at Kyiv", "into Israel".
AIMED_PREPS = frozenset(["at", "on", "into", "against"])


def target_preps(trig: lexicon.Trigger) -> tuple[str, ...]:
    """The prepositions whose object is a trigger's target: its frame's, and its
    type's whatever the frame ("met with Erdogan")."""
    return TARGET_PREPS.get(trig.frame, ()) + TARGET_PREPS_BY_TYPE.get(trig.type, ())


class RoleReader(PartyReader, GoodsReader):
    """Who acts, on or for whom, with what: for ``rules.Extractor``."""

    doc: Doc
    actors: ActorFinder
    consumed: set[int]

    def verbal_roles(self, token: Token, trig: lexicon.Trigger):
        subj, subj_is_object = subject_of(token)
        obj = direct_object(token)
        shared = shared_object(token) if obj is None and not subj_is_object else None
        preps = prep_objects(token)
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        items: list[Item] = []
        place: Token | None = None
        patient = subj if subj_is_object else obj or shared  # "attacked and burned X"
        if trig.frame == "give" and subj_is_object and obj is not None:
            patient = obj  # "Kyiv was promised 31 tanks": the object is given, the subject
            # receives (a double-object verb's passive; the target below)
        agent = None if subj_is_object else subj
        if agent is None and subj_is_object:
            agent = hands_of(token)  # "were killed at the hands of the militia"
        passive = children(token, "nsubjpass")
        if passive and subj_is_object and token.lemma_.lower() in STATIVE_PASSIVES:
            # "Israel is opposed to ...": a stance, its subject holds it
            agent, patient = passive[0], None
        if patient is None and passive and (agent is None or agent.i != passive[0].i):
            patient = passive[0]  # "a camp was attacked by militiamen": the camp
        if trig.frame in ("give", "receive") and reduced_relative(token):
            # "the jets bought from France by Greece", "drones supplied by Iran":
            # the noun is what changes hands, the "by" phrase the agent
            patient = token.head
            by = [o for p in children(token, "agent") for o in children(p, "pobj")]
            agent = by[0] if by else None
        if trig.takes_object:
            # "struck a deal with X": the object is part of the trigger, its
            # prepositions are the trigger's
            if obj is not None:
                preps = preps + prep_objects(obj)
                if lexicon.object_word(obj) == lexicon.PLACE_OBJECT and (
                        self.actors.place_in(obj) is not None):
                    place = obj  # "left Niger": the place left is where it happens
            patient = None
            if trig.frame in ("give", "receive"):
                # "took delivery of its first jets from France", "placed an order
                # for 30 jets with France": the goods and their parties
                goods = [o for word, o in preps if word in ("of", "for")]
                items = [i for o in goods for i in self.items_in(o)]
                goods += [  # "the first of 36 fighters from the US"
                    o for g in goods if g.lemma_.lower() in MEASURE_NOUNS
                    for word, o in prep_objects(g) if word == "of"
                ]
                preps = preps + [wo for o in goods for wo in transfer_preps(o, with_=True)]
                if trig.frame == "receive":  # "placed an order with France"
                    preps = [("from" if w == "with" else w, o) for w, o in preps]
        if trig.frame == "lose":  # "Bakhmut fell to Russian forces": taken by the "to" phrase
            takers = [o for word, o in preps if word == "to"]
            source = self.actors.in_phrase(takers[0]) if takers else []
            if agent is not None:  # what was taken: its state loses it ("Kabul": AFG)
                target = [a for a in self.actors.in_phrase(agent, remember=False)
                          if self.is_state(a)]  # fmt: skip
                if self.actors.place_in(agent) is not None:
                    place = agent
        elif trig.frame == "receive":
            if agent is not None:
                target = self.actors.in_phrase(agent)
            patient_preps = prep_objects(patient) if patient is not None else []
            for word, o in preps + patient_preps:
                if word == "from" and not source:
                    found = self.actors.in_phrase(o)
                    if found and not self._only_places(found):
                        source = found
            if patient is not None:
                items = self.items_in(patient)
                for word, o in transfer_preps(patient):  # "24 jets from Russia"
                    if word == "from" and not source:
                        found = self.actors.in_phrase(o)
                        if found and not self._only_places(found):
                            source = found
        else:
            if agent is not None:
                source = self.actors.in_phrase(agent)
            if agent is not None and not source and trig.type in CROWD_TYPES:
                found = people_acting(agent)  # "rioting supporters threw stones"
                source = [found] if found is not None else []
            if trig.frame in ("give", "move") and patient is not None:
                items = self.items_in(patient)
                # "provided Russia with drones", "supplied Kyiv with tanks": the object is
                # who receives, the "with" phrase what is given
                goods = [i for w, o in preps if w == "with" for i in self.items_in(o)] if (
                    trig.frame == "give") else []
                receivers = [a for a in self.actors.in_phrase(patient, remember=False)
                             if a.entity] if goods else []  # fmt: skip
                if receivers:
                    items, target = goods, receivers
            elif trig.frame == "move" and agent is not None and obj is None:
                items = self.items_in(agent)  # "Russian units moved": they are moved
            if trig.frame == "give" and passive and obj is not None and not target:
                target = self.actors.in_phrase(passive[0])  # "Ukraine was sent 31 tanks"
            aimed = [o for word, o in preps if word in AIMED_PREPS]
            if trig.frame in ("act", "toward") and patient is not None and aimed and (
                is_weapon(patient)
            ):  # "fired North Korean missiles at Ukraine": what it is fired at, not its maker
                found = self.actors.in_phrase(aimed[0]) or self.actors_around(aimed[0])
                target = [] if self._only_places(found) else found  # "at Turkish posts"
                target = target or self.hit(trig, aimed[0])  # "a grenade at a bar"
                if place is None and self.actors.place_in(aimed[0]) is not None:
                    place = aimed[0]  # "drones launched at the Odesa region"
                patient = None
            elif trig.frame == "act" and patient is not None:
                target = self.actors.in_phrase(patient)
                if not target:
                    items = self.items_in(patient)
                    target = self.actors_around(patient) or self.hit(trig, patient) or (
                        self.held_by(trig, patient))  # "shelled rebel positions"
                    if attachment.moves_goods(patient):
                        # "ordered the deployment of 500 troops": the troops are
                        # moved, not ordered; a state named there is a party
                        target = [a for a in target if a.entity]
                for word, o in preps:
                    if word == "to" and items and not target:  # "cut aid to the rebels"
                        target = self.actors.in_phrase(o)
            if trig.frame == "act" and trig.takes_object and not target and (
                    trig.type == "CONSULT" and obj is not None):
                found = self.actors.in_phrase(obj)  # "received the Brazilian president"
                target = [] if self._only_places(found) else found
            if trig.frame == "act" and trig.takes_object and not target:
                # "ended its cooperation agreement with France", "cancelled talks with Iran":
                # the party is in the object's phrase
                for word, o in preps:
                    found = self.actors.in_phrase(o) if word in ("with", "against") else []
                    if found and not self._only_places(found):
                        target = found
                        break
            if trig.frame == "move" and not target:
                for word, o in preps:
                    if word == "for" and not target:  # "reservists for a war against Iraq"
                        target = self.actors_around(o)
            if trig.frame == "toward" and patient is not None and not target:
                # "promised Sudan", "rejected an Indian proposal", "threatened action
                # against Russia"
                found = [a for a in self.actors.in_phrase(patient) if self.is_state(a)]
                target = found or self.actors_around(patient)
            if trig.frame in ("act", "toward") and not target:
                for clause in children(token, "ccomp"):
                    subj = children(clause, "nsubj", "nsubjpass")
                    if subj:  # "demanded that President X resign"
                        target = self.actors.in_phrase(subj[0], remember=False)
            if trig.frame in ("give", "move") and patient is not None and not target:
                preps = preps + prep_objects(patient)  # "delivered drones to Russia"
            for word, o in preps:
                if word == "in" and o.lemma_.lower() in STANCE_NOUNS and not target:
                    # "blocked streets in defiance of Chinese authorities"
                    for inner_word, inner in prep_objects(o):
                        found = self.actors.in_phrase(inner)
                        if inner_word in ("of", "against", "at", "to", "with") and found:
                            target = found
                            break
                if not target and word in target_preps(trig):
                    found = self.actors.in_phrase(o)
                    if not found and trig.type in OWNER_TARGET_TYPES and word in ("on", "against"):
                        found = self.actors_around(o)  # "sanctions on Russian banks": Russia
                    if not found and trig.frame == "give" and word == "to":
                        found = self.actors_around(o)  # "sent fuel to Russian units": Russia
                    if not found and (word in AIMED_PREPS or word == "to" and trig.takes_object):
                        # "threw a grenade at a police station"; "set fire to a radio
                        # mast": the "to" of a verb and its object ("lay siege to") is
                        # what they are done to
                        found = self.hit(trig, o) or (
                            self.held_by(trig, o) if word in AIMED_PREPS else [])
                    if found and not self._only_places(found):
                        target = found
                if word in PLACE_PREPS and place is None:
                    ent = self.actors.place_in(o)
                    if ent is not None and not (target and ent.start_char == target[0].start):
                        place = o
        if trig.type == "AID" and trig.takes_object and trig.frame == "receive" and (
                source and target):
            # "Russia signed a contract with Egypt for Su-35s": the maker sells
            source, target = seller_and_buyer(source, target, items)
        elif trig.type == "AID" and trig.frame == "receive" and not source and len(target) > 1:
            source, target = makers_among(target, items)  # "India and France signed a deal"
        if trig.takes_object and obj is not None and not target and trig.frame == "toward":
            # "accepted a proposal from Ethiopia", "rejected Iran's offer"
            around = self.actors_around(obj)
            if not around and trig.type in OWNER_TARGET_TYPES:
                # "froze the assets of two Russian oligarchs": whose things they are
                around = [a for w, o in prep_objects(obj) if w == "of"
                          for a in self.actors_around(o)]
            target = other_than(around, source)
        if not target and obj is not None and trig.takes_object and trig.frame == "act":
            # "burned the local office of the party", "torched two schools": an object that
            # selects the attack's sense is also what it hits
            target = self.hit(trig, obj)
        if not target and obj is not None and obj.lemma_.lower() in MISSION_NOUNS:
            # "lead a security mission in Haiti": the state it serves, as "to Haiti"
            for word, o in prep_objects(obj):
                found = [a for a in self.actors.in_phrase(o) if self.is_state(a)]
                if word in ("in", "to") and found:
                    target = found
                    break
        if trig.type == "THREATEN":  # "warned that China would take all measures": the
            own = {a.entity for a in source if a.entity}  # threatener's own state is no target
            target = [a for a in target if a.entity not in own]
        if not target and (trig.type == "ASSAULT" or trig.mode == "riot"):
            target = self.hurt_when(token)  # "20 officers were hurt when the crowd threw rocks"
        if not target and trig.type == "ACCUSE" and obj is not None:
            # "Iran condemned the strikes": who carried out the strikes told before
            agents = getattr(self.actors, "event_agents", None)
            target = agents(obj) if agents is not None else []
        return source, target, items, place

    def _teller_and_told(self, verb: Token, target: list[ActorMention]):
        """"In a phone call, Biden told Netanyahu ...": who tells and who is told are
        the parties of the meeting or call the telling happened in."""
        subj, is_obj = subject_of(verb)
        source = self.actors.in_phrase(subj) if subj is not None and not is_obj else []
        told = children(verb, "dobj", "dative") + [o for w, o in prep_objects(verb) if w == "to"]
        for word in told if source and not target else []:
            found = self.actors.in_phrase(word)
            if found and not self._only_places(found):
                return source, found
        return source, target

    def nominal_roles(self, token: Token, trig: lexicon.Trigger):
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        items: list[Item] = []
        hit: list[ActorMention] = []  # a facility hit, the target when nothing else is
        place: Token | None = None
        for child in token.children:
            if child.dep_ == "poss":
                found = self.actors.in_phrase(child)
                if trig.frame == "receive":
                    target = found
                else:
                    source = found
            elif child.dep_ in ("amod", "compound", "nmod"):
                found = self.actors.in_phrase(child, remember=False)
                found = [a for a in found if self.is_state(a) or (
                    agent_modifier(a, trig) and senses.specific(token))]  # not "victims
                # of terrorist attacks": a kind of event, whoever carries it out
                if found and not source:
                    source = found
                if child.dep_ == "compound":
                    items.extend(self.items_in(child, only_head=True))
        preps = prep_objects(token)
        if trig.frame in ("give", "receive"):
            # "deliveries of F-16 jets to Ukraine from Denmark": the parties may
            # hang off the goods
            preps = preps + [
                wo for w, o in preps if w in ("of", "to") for wo in transfer_preps(o)
            ]
        for word, o in preps:
            if word == "by" and trig.frame == "receive" and not target:
                target = self.actors.in_phrase(o)  # "the acquisition of S-400s by Turkey"
                continue
            if word == "of":
                if trig.frame in ("give", "receive", "move"):
                    items.extend(self.items_in(o))
                elif not target:
                    target = self.actors.in_phrase(o) or self.actors_around(o)
                    hit = hit or self.hit(trig, o)  # "the shelling of Kharkiv", "of a ship"
                    if not target and place is None and self.actors.place_in(o) is not None:
                        place = o  # "the invasion of South Lebanon"
            elif word == "by" and not source:
                source = self.actors.in_phrase(o)
            elif word == "from" and not source and trig.type != "RETREAT":
                found = self.actors.in_phrase(o)
                if found and not self._only_places(found):
                    source = found
            elif word == "between":
                found = self.actors.in_phrase(o)
                if found and not target:
                    source, target = found[:1], found[1:]
            elif word in TARGET_PREPS.get(trig.frame, ()) + ("into",) and not target:
                # "an investigation into crimes committed by Croat forces", but not
                # "training on Russian aircraft": equipment is not a target
                around = [] if equipment.category_for_phrase(o.lower_) else self.actors_around(o)
                found = self.actors.in_phrase(o) or around
                if found and not self._only_places(found):
                    target = found
                hit = hit or self.hit(trig, o) or self.held_by(trig, o)  # "an attack on a
                # checkpoint", "on rebel positions", if no one is hurt
            if word in PLACE_PREPS and place is None and self.actors.place_in(o) is not None:
                place = o
        acting = trig.type in FORCE_TYPES or trig.type == "PROTEST"
        for clause in children(token, "acl") if acting and not source else ():
            # "protests organised by the opposition", "raids carried out by soldiers"; not
            # "a ceasefire brokered by Qatar" (a mediator, not a party)
            for by in children(clause, "agent"):
                source = source or [a for o in children(by, "pobj")
                                    for a in self.actors.in_phrase(o)]
        # A light verb lends its subject: "launched an attack", "struck a deal".
        noun, head = token, token.head
        collective = trig.frame == "self" or trig.type == "PROTEST" or (
            trig.type in ("CONSULT", "COOPERATE") and head.lower_ == "in"
            and head.head.lemma_.lower() in ("be", "remain", "stay")
        ) or (trig.type == "CONSULT" and head.lower_ == "for"
              and head.head.lemma_.lower() in TRAVEL_VERBS)
        # "Vietnam is (reported to be) in talks with New Delhi": Vietnam talks; "flew to
        # Kyiv for talks with Zelensky": who flew talks
        if not source and collective and noun.dep_ == "pobj" and head.dep_ == "prep" and not (
                trig.type == "PROTEST" and noun.tag_ == "NNS" and not senses.specific(noun)
        ):  # not "knew how to deal with protests": a kind of event, no one's
            # "converged for a rally", "remained on alert", "stopped work in a strike"
            verb = head.head
            if verb.pos_ in ("VERB", "AUX"):
                subj, is_obj = subject_of(verb)
                # not "police fired tear gas during a protest": the security forces
                # acting at a protest are not its protesters
                security = senses.table().classes["security"]
                if subj is not None and not is_obj and not (
                    trig.type == "PROTEST" and phrase_words(subj) & security
                ):
                    source = self.actors.in_phrase(subj)
        taking_part = participant_verb(noun) if not source else None
        if taking_part is not None:  # "Iran took part in the talks": Iran talks
            subj, is_obj = subject_of(taking_part)
            if subj is not None and not is_obj:
                source = self.actors.in_phrase(subj)
        if not source and trig.type == "CONSULT" and noun.dep_ == "pobj" and (
                head.lower_ in SETTING_PREPS and head.head.lemma_.lower() in TELLING_VERBS):
            source, target = self._teller_and_told(head.head, target)
        if not (source or target) and trig.frame == "toward":
            source, target = self._sides_of_clause(noun)
        series = getattr(self.actors, "series_event", None)
        # (not "another strike hit Rafah": the verb's event is the one told)
        verbs_event = noun.dep_ in ("nsubj", "nsubjpass") and any(
            t.type == trig.type for t in lexicon.triggers_for(noun.head.lemma_.lower(), "VERB"))
        told = series(noun) if series is not None and not source and not verbs_event else None
        if told is not None:  # "a second strike on Kharkiv": by whom the first was
            source = copy.deepcopy(told.source)
            target = target or copy.deepcopy(told.target)
        if not source and noun.dep_ == "pobj":
            source = self._accused_of(noun)
        if not source and head.pos_ == "VERB" and head.lemma_.lower() == "claim" and (
                not children(head, "neg")):
            # "Al-Shabaab claimed the attack", "the attack was claimed by Al-Shabaab":
            # to claim an attack is to claim responsibility for it (not "did not claim")
            if noun.dep_ == "dobj":
                subj, is_obj = subject_of(head)
                if subj is not None and not is_obj:
                    source = self.actors.in_phrase(subj)
            elif noun.dep_ == "nsubjpass":
                source = [a for word, o in prep_objects(head) if word == "by"
                          for a in self.actors.in_phrase(o)]
        if noun.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head.dep_ == "dobj" and (
            head.lower_ == "of" or is_measure(head.head)
        ):
            # "launched 10 days of war games", "pledged 500 million euros in military aid":
            # the measure noun is the object
            noun, head = head.head, head.head.head
        buyer = trig.frame == "receive"  # "Egypt approved the purchase": Egypt receives
        if not (target if buyer else source) and noun.dep_ in ("dobj", "nsubjpass") and (
            head.lemma_.lower() in lexicon.LIGHT_VERBS | lexicon.POSTPONING_VERBS
            or noun.i in self.consumed
            or trig.type == "PROTEST" and head.lemma_.lower() in ORGANISING_VERBS
            or trig.type == "CONSULT" and head.lemma_.lower() in MEETING_VERBS
        ):  # "Germany delayed the delivery": Germany delivers; "the union called a strike"
            subj, is_obj = subject_of(head)
            if subj is not None and not is_obj:
                if buyer:
                    target = self.actors.in_phrase(subj)
                else:
                    source = self.actors.in_phrase(subj)
            for word, o in prep_objects(head):
                if not target and word in target_preps(trig):
                    found = self.actors.in_phrase(o)
                    if found and not self._only_places(found):
                        target = found
        if not target and trig.type == "ASSAULT":
            target = self.casualties(noun) or self.under_attack(trig, noun)
        target = target or hit
        if not source and target and trig.type in JOINT_TYPES:
            source = self.speaking_party(noun)  # "the Kremlin said talks with Washington ..."
        return source, target, items, place









    # --- when and where ---------------------------------------------------
