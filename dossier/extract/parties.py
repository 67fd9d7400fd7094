"""The parties an event names besides its subject and object: whom a condition, a
withdrawal or a threat is about, the states and organisations a phrase points to
("an Indian proposal", "links with Serbia"), the facility an attack hits, the victims
its clause names, and who an accusation says did it.

``PartyReader`` is a part of ``rules.Extractor`` (through ``roles.RoleReader``); it
reads ``self.doc`` and ``self.actors`` (an ``ActorFinder``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract import lexicon
from dossier.extract.actors import (
    ActorFinder,
    facility,
    place_target,
    victim,
)
from dossier.extract.syntax import (
    accused_object,
    children,
    prep_objects,
    subject_of,
    subtree_indices,
    text_span,
)
from dossier.extract.wordclasses import (
    ACCUSING_VERBS,
    CASUALTY_VERBS,
    CONDITION_MARKERS,
    RESPONSIBILITY_VERBS,
)
from dossier.models import ActorMention
from dossier.models import Span as TextSpan
from dossier.resolve.agents import noun_sector

# Verbs that put their subject in an activity: "were locked in fighting", "engaged in talks"
ENGAGED_VERBS = frozenset("lock engage embroil entangle bog mire".split())
# Verbs whose subject is what the attack noun after "under" hits: "came under fire".
UNDER_VERBS = frozenset(["come", "be", "remain", "stay", "fall"])
# Types whose target may be a facility hit ("struck a school"): attacks, raids, demolitions.
FACILITY_TYPES = frozenset(["ASSAULT", "COERCE"])
# Sectors whose people act by force or authority: a noun of one modifying an event noun
# is the one who carried the event out ("a police raid", "an army offensive", "a rebel
# attack", "a government crackdown"), one modifying a position the one who holds it ("a
# rebel position"); a private person's noun there may name the victim ("a journalist
# killing", "a migrant crackdown").
FORCE_SECTORS = frozenset(["COP", "MIL", "REB", "GOV", "SPY"])


def is_state(actor: ActorMention) -> bool:
    """A state or an organisation of the tables (what CAMEO codes as an actor)."""
    return bool(actor.entity and actor.entity.startswith(("state:", "org:")))


def is_force(actor: ActorMention) -> bool:
    """A generic actor noun of a force: police, military, rebels, government,
    intelligence ("army", "militants"), as ``FORCE_SECTORS`` lists them."""
    if actor.entity or not actor.noun:
        return False
    found = noun_sector(actor.noun)
    return found is not None and found[0] in FORCE_SECTORS


class PartyReader:
    """Who else an event names: for ``rules.Extractor``."""

    doc: Doc
    actors: ActorFinder

    def condition_of(self, token: Token) -> tuple[str, TextSpan] | None:
        """"will withdraw unless X arranges a ceasefire": ("unless", the clause)."""
        for clause in children(token, "advcl"):
            for mark in children(clause, "mark"):
                if mark.lower_ in CONDITION_MARKERS:
                    tokens = sorted(clause.subtree, key=lambda t: t.i)
                    return mark.lower_, text_span(self.doc, tokens[0].i, tokens[-1].i + 1)
        return None

    def condition_actors(self, token: Token) -> list[ActorMention]:
        """Who the condition is about: "... unless Baghdad accepts" -> Baghdad."""
        for clause in children(token, "advcl"):
            if any(m.lower_ in CONDITION_MARKERS for m in children(clause, "mark")):
                subj = children(clause, "nsubj", "nsubjpass")
                if subj:
                    return self.actors.in_phrase(subj[0], remember=False)
        return []

    def withdrawn_from(self, token: Token) -> list[ActorMention]:
        """The state a withdrawal leaves: "from Panama" or "out of Syria" on the trigger
        or its object, or
        the place's name the trigger takes as its object ("left Niger")."""
        for obj in children(token, "dobj"):
            if lexicon.object_word(obj) == lexicon.PLACE_OBJECT:
                found = self.actors.in_phrase(obj, remember=False)
                if found:
                    return found
        heads = [token, *children(token, "dobj")]
        heads += [o for word, o in prep_objects(token) if word == "of"]
        heads += [c for c in children(token, "advmod") if c.lower_ in ("back", "out", "away")]
        for head in heads:  # ("pulled back from Avdiivka": the parser's adverb "back")
            for word, obj in prep_objects(head):
                if word in ("from", "out of"):  # "pulled out of Syria"
                    found = self.actors.in_phrase(obj, remember=False)
                    if found:
                        return found
        return []

    def threatened(self, token: Token) -> list[ActorMention]:
        """Whom a threat is against when it names no one itself: the "against" of what
        is threatened ("threatened to take military action against the United States",
        "warned of countermeasures against Lithuania")."""
        heads = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        heads += [o for word, o in prep_objects(token) if word in ("of", "with")]
        for head in heads:
            for i in subtree_indices(head):
                word = self.doc[i]
                if word.dep_ == "prep" and word.lower_ == "against":
                    for obj in children(word, "pobj"):
                        found = self.actors.in_phrase(obj, remember=False)
                        if found:
                            return found
        return []

    @staticmethod
    def is_state(actor: ActorMention) -> bool:
        return is_state(actor)

    def actors_around(self, head: Token) -> list[ActorMention]:
        """States and organisations a non-actor phrase points to: its demonym or
        possessor ("an Indian proposal", "Saddam Hussein's offer") or an actor
        in its prepositions ("an offer from Kabul", "links with Serbia")."""
        owner: list[ActorMention] = []  # "its agreement with France": France first
        for child in head.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                found = [
                    a for a in self.actors.in_phrase(child, remember=False) if a.entity
                ]
                if found and child.tag_ == "PRP$":
                    owner = owner or found
                elif found:
                    return found
        for word, obj in prep_objects(head):
            if word in ("of", "from", "by", "with", "against", "to", "for", "on", "toward"):
                found = self.actors.in_phrase(obj, remember=False)
                if found and not self._only_places(found):
                    return found
        if owner:
            return owner
        for clause in children(head, "acl"):  # "crimes committed by Croat forces"
            for agent in children(clause, "agent"):
                for obj in children(agent, "pobj"):
                    found = self.actors.in_phrase(obj, remember=False)
                    if found:
                        return found
        return []

    def held_by(self, trig: lexicon.Trigger, head: Token) -> list[ActorMention]:
        """Whose thing an attack is aimed at, when the thing names no actor, facility,
        place or person: "opened fire on a rebel position" (the rebels), "shelled Kurdish
        positions", "fired on a position of the group" (``actors_around``, or a force's
        generic noun as its modifier)."""
        if trig.type != "ASSAULT":
            return []
        found = self.actors_around(head)
        if not found:
            found = [a for child in children(head, "amod", "compound", "nmod")
                     for a in self.actors.in_phrase(child, remember=False) if is_force(a)]
        return [] if self._only_places(found) else found

    def _only_places(self, found: list[ActorMention]) -> bool:
        return all(a.entity and a.entity.startswith("place:") for a in found)

    def hit(self, trig: lexicon.Trigger, head: Token) -> list[ActorMention]:
        """The facility, place or person an attack or a raid hits, when it names no
        actor ("struck a school", "an attack on a police station", "shelled Kharkiv",
        "shot a lawyer"): ``actors.facility``, ``actors.place_target``,
        ``actors.victim``.  People are arrested, not buildings or places: "detained
        him at a checkpoint" tells where, "arrested a journalist" whom."""
        if trig.type not in FACILITY_TYPES:
            return []
        if trig.mode == "arrest":
            found = victim(head)
        else:
            found = facility(head) or place_target(self.actors, head) or victim(head)
        return [found] if found is not None else []

    def speaking_party(self, noun: Token) -> list[ActorMention]:
        """The speaker whose clause an event noun is the subject of: "the Kremlin said
        talks with Washington had made progress" (the Kremlin's side talks)."""
        clause = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return []
        verb = clause.head
        if verb.lemma_.lower() not in lexicon.REPORTING_VERBS:
            return []
        speakers = children(verb, "nsubj")
        return self.actors.in_phrase(speakers[0], remember=False) if speakers else []

    def casualties(self, noun: Token) -> list[ActorMention]:
        """Who an attack noun's clause says was killed or hurt in it: "three Ukrainian
        soldiers were killed in a Russian drone attack", "died in the strike"."""
        prep = noun.head
        verb = prep.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "by") or (
            verb.lemma_.lower() not in CASUALTY_VERBS
        ):
            return []
        subjects = children(verb, "nsubjpass") or (
            children(verb, "nsubj") if verb.lemma_.lower() == "die" else [])
        return self.actors.in_phrase(subjects[0]) if subjects else []

    def hurt_when(self, verb: Token) -> list[ActorMention]:
        """Who was killed or hurt when (as) an attack told by a verb happened: the
        casualty verb's subject the "when" clause hangs off ("about 20 officers were
        hurt when the crowd threw rocks", "two guards died as gunmen stormed the
        bank"), as "killed in the attack" names them for an attack noun."""
        head = verb.head
        if verb.dep_ != "advcl" or head.lemma_.lower() not in CASUALTY_VERBS or not any(
            c.lower_ in ("when", "as") for c in children(verb, "advmod", "mark")
        ):
            return []
        subjects = children(head, "nsubjpass") or (
            children(head, "nsubj") if head.lemma_.lower() == "die" else [])
        if not subjects:
            return []
        found = self.actors.in_phrase(subjects[0], remember=False) or [victim(subjects[0])]
        return [a for a in found if a is not None]

    def under_attack(self, trig: lexicon.Trigger, noun: Token) -> list[ActorMention]:
        """What "came under" an attack noun is its target: "Kharkiv came under Russian
        shelling", "the convoy was under fire", "Iraqi troops came under attack"."""
        prep = noun.head
        verb = prep.head
        if noun.dep_ != "pobj" or prep.lower_ != "under" or (
                verb.lemma_.lower() not in UNDER_VERBS):
            return []
        subjects = children(verb, "nsubj")
        if not subjects:
            return []
        return self.actors.in_phrase(subjects[0]) or self.hit(trig, subjects[0])

    def _accused_of(self, noun: Token) -> list[ActorMention]:
        """Who an accusation or a claim of responsibility says did the event a noun
        names: "the rebels were blamed for a bomb attack", "Kyiv accused Russia of a
        missile strike", "Al-Shabaab claimed responsibility for the attack"."""
        prep = noun.head
        verb = prep.head
        if prep.lower_ in ("of", "for", "over") and accused_object(prep) is not None:
            return self.actors.in_phrase(verb)  # the parser hangs "of" on the accused
        if prep.lower_ in ("of", "for", "over") and verb.lemma_.lower() in ACCUSING_VERBS:
            accused = children(verb, "dobj") or children(verb, "nsubjpass")
            return self.actors.in_phrase(accused[0]) if accused else []
        if prep.lower_ == "for" and verb.lemma_.lower() == "responsibility" and (
            verb.dep_ == "dobj" and verb.head.lemma_.lower() in RESPONSIBILITY_VERBS
        ):
            subj, is_obj = subject_of(verb.head)
            return self.actors.in_phrase(subj) if subj is not None and not is_obj else []
        return []

    def _sides_of_clause(self, noun: Token) -> tuple[list[ActorMention], list[ActorMention]]:
        """The two sides of a two-sided event noun named by its clause: "fighting broke
        out between the army and the rebels", "clashes were reported between X and Y"
        (the parser hangs "between" on the verb), "X and Y were locked in fighting"
        (the verb's coordinated subject); the first named is the source."""
        verb = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            for word, o in prep_objects(verb):
                found = self.actors.in_phrase(o) if word == "between" else []
                if len(found) > 1:
                    return found[:1], found[1:]
        if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB" and (
            verb.head.lemma_.lower() in ENGAGED_VERBS
        ):
            subj, is_obj = subject_of(verb.head)
            found = self.actors.in_phrase(subj) if subj is not None else []
            if len(found) > 1:
                return found[:1], found[1:]
        return [], []
