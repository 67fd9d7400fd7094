"""Extract: event mentions from a parsed document, by trigger words and dependency rules.

For each sentence the extractor finds trigger words (``triggers.tsv``), then
reads the trigger's arguments off the dependency parse according to its frame:
who acts (source), on or for whom (target), with what (items), where, when,
how certain (``factuality.py``) and according to whom (``attribution.py``).
Triggers inside adverbial, open-complement, conjoined and relative clauses are
found too ("...struck a deal, agreeing to supply jets": advcl -> xcomp), and
clauses without their own subject take it from the clause they hang off.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia agreed to supply 20 MiG-29 jets to North Korea.")
>>> [(m.type, [a.text for a in m.source], [a.text for a in m.target], m.factuality)
...  for m in extract_mentions(doc)]  # doctest: +NORMALIZE_WHITESPACE
[('AGREE', ['Russia'], ['North Korea'], 'asserted'),
 ('AID', ['Russia'], ['North Korea'], 'planned')]
"""

from __future__ import annotations

import copy

from spacy.attrs import DEP, IS_ALPHA, POS
from spacy.tokens import Doc, Span, Token

from dossier import equipment
from dossier.extract import lexicon, senses
from dossier.extract.actors import other_than
from dossier.extract.arrivals import ORIGIN as ARRIVAL
from dossier.extract.arrivals import arriving_part
from dossier.extract.attachment import Anchoring, sent_to_place
from dossier.extract.attribution import ClaimFinder
from dossier.extract.coreference import DiscourseActors
from dossier.extract.custody import custody_trigger
from dossier.extract.discourse import Discourse
from dossier.extract.factuality import factuality
from dossier.extract.folds import demanded
from dossier.extract.folds import folded as folded_triggers
from dossier.extract.links import Linker
from dossier.extract.placing import Placing, facing
from dossier.extract.pledges import Pledges
from dossier.extract.roles import RoleReader
from dossier.extract.sides import deal_partner
from dossier.extract.syntax import SUBJECT_IDS, SUBJECT_POS, children, sentence_span, text_span
from dossier.extract.triggers import asked_for, match, possible_triggers
from dossier.extract.wordclasses import APPEAL_VERBS, PERSONNEL_CATEGORIES
from dossier.models import EventMention


class Extractor(RoleReader, Anchoring, Placing, Linker, Pledges):
    """Extracts event mentions from one parsed document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[EventMention] = []
        self.actors = DiscourseActors(doc, self.mentions)
        self.claims = ClaimFinder(doc, self.actors)
        self.discourse = Discourse(self)
        self.by_trigger: dict[int, int] = {}  # trigger token index -> mention index
        self.consumed: set[int] = set()

    # --- triggers ---------------------------------------------------------
    def run(self) -> list[EventMention]:
        doc = self.doc
        # the per-token tests on the tokens' ids, once per document: most tokens are
        # neither a subject nor a word a trigger can begin with, and are not visited
        alpha, deps, tags = (doc.to_array([IS_ALPHA, DEP, POS]).T.tolist() if len(doc)
                             else ([], [], []))  # fmt: skip
        subject = [d in SUBJECT_IDS and p in SUBJECT_POS for d, p in zip(deps, tags, strict=True)]
        may = possible_triggers(doc)
        for index, sent in enumerate(doc.sents):
            if sum(alpha[sent.start : sent.end]) < 3:
                continue
            self.claims.start_sentence(sent)
            candidates: list[tuple[Token, lexicon.Trigger]] = []
            for i in range(sent.start, sent.end):
                if not (subject[i] or may[i]):
                    continue
                token = doc[i]
                # Register actors in reading order, for pronouns.
                if subject[i]:
                    self.actors.in_phrase(token)
                if not may[i]:
                    continue  # ``match`` finds nothing there
                held = custody_trigger(token)  # "taken into custody", "put behind bars"
                matched = held if held is not None else match(token, self.consumed)
                if matched is None:
                    part = arriving_part(token)  # "The first two are due to arrive"
                    if part is None:
                        continue
                    matched = part, None
                trig, obj = matched
                refined = senses.refine(token, trig)  # "an earthquake killed": no attack
                if refined is None:
                    continue
                if obj is not None:
                    self.consumed.add(obj.i)
                if refined.type == "REQUEST" and token.lemma_.lower() in APPEAL_VERBS:
                    # "urged Berlin to send tanks": the sending is what is asked for
                    self.consumed.update(asked_for(token))
                candidates.append((token, refined))
            folded = folded_triggers(candidates)  # "gathered ... to protest": one protest
            # "called for the withdrawal": one request; never told on its own
            asked = demanded(candidates)
            for token, trig in candidates:
                if token.i in self.consumed or token.i in folded or token.i in asked:
                    continue
                if self.restates_agreement(token, trig):
                    self.lend_target(token, trig, sent, index)  # "agreed to lead a mission in X"
                    continue
                mention = self.build(token, trig, sent, index)
                if mention is None:  # what was folded into it is told on its own
                    folded = {i: o for i, o in folded.items() if o != token.i}
                    continue
                self.by_trigger[token.i] = len(self.mentions)
                self.mentions.append(mention)
                self.fold(mention, token, folded | asked, candidates, sent, index)
            self.promised_transfers(sent, index)  # "pledged 24 F-16s to Ukraine"
            self.inherit_targets(sent)
            self.claims.finish_sentence(sent, self.mentions)
            self.discourse.finish_sentence(sent, index)  # "Minsk denies this."
        self.link()
        return self.mentions

    def fold(self, mention: EventMention, token: Token, folded: dict[int, int],
             candidates: list[tuple[Token, lexicon.Trigger]], sent: Span, index: int) -> None:
        """The target a folded trigger's event names, for the event it is folded into
        when that names none (``extract/folds.py``)."""
        for inner, trig in candidates:
            if folded.get(inner.i) == token.i and not mention.target:
                said = self.build(inner, trig, sent, index)
                mention.target = said.target if said is not None else []

    def inherit_targets(self, sent: Span) -> None:
        """"refused to meet X", "agreed to help X": the governed event's target
        is the governing event's target too."""
        for i in sorted(i for i in self.by_trigger if sent.start <= i < sent.end):
            index, token = self.by_trigger[i], self.doc[i]
            if self.mentions[index].target:
                continue
            mention = self.mentions[index]
            for child in children(token, "xcomp", "ccomp"):
                inner = self.by_trigger.get(child.i)
                if inner is not None and self.mentions[inner].target:
                    mention.target = other_than(self.mentions[inner].target, mention.source)
                    break
            if mention.type == "THREATEN" and not mention.target:
                mention.target = self.threatened(token)  # "threatened action against X"
            first = self.by_trigger.get(token.head.i) if token.dep_ == "conj" else None
            if not mention.target and mention.type == "THREATEN" and first is not None:
                said = self.mentions[first]  # "accused Manila of ... and warned that ..."
                if said.type in ("ACCUSE", "THREATEN") and said.source == mention.source:
                    mention.target = copy.deepcopy(said.target)

    def restates_agreement(self, token: Token, trig: lexicon.Trigger) -> bool:
        """"struck a deal, agreeing to ...": the second AGREE is the first one again."""
        if trig.type != "AGREE" or token.dep_ not in ("advcl", "conj", "xcomp"):
            return False
        head = self.by_trigger.get(token.head.i)
        return head is not None and self.mentions[head].type == "AGREE"

    def lend_target(self, token: Token, trig: lexicon.Trigger, sent: Span, index: int) -> None:
        """"agreed to lead a mission to Haiti", "offered to send a mission to Mali": the
        second AGREE, the first again, names whom the first is toward."""
        mention = self.mentions[self.by_trigger[token.head.i]]
        if mention.target:
            return
        said = self.build(token, trig, sent, index)
        mention.target = other_than(said.target if said is not None else [], mention.source)

    # --- arguments --------------------------------------------------------
    def build(
        self, token: Token, trig: lexicon.Trigger, sent: Span, index: int
    ) -> EventMention | None:
        if trig.pos == "NOUN" or token.pos_ in ("NOUN", "PROPN"):
            roles = self.nominal_roles(token, trig)
        else:
            roles = self.verbal_roles(token, trig)
        source, target, items, place = roles
        if trig.frame == "receive" and not source:  # "a deal with France to buy jets"
            buyers = {a.entity for a in target}
            source = [a for a in deal_partner(token, self.by_trigger, self.mentions)
                      if a.entity not in buyers]  # fmt: skip
        etype, mode = trig.type, trig.mode
        if items and all(i.category in PERSONNEL_CATEGORIES for i in items):
            beneficiary = self.purpose_beneficiary(token)
            if beneficiary:
                etype, mode, target = "AID", "military", beneficiary
            elif etype == "AID" and trig.frame in ("give", "move") and not any(
                self.is_state(t) for t in target
            ):  # "sent troops" moves them; "rescued the crew" helps the people acted on
                etype, mode = "MOBILIZE", "troops"
        if etype == "AID" and trig.frame in ("give", "move") and not target and items and all(
            equipment.is_military(i.category) for i in items
        ) and sent_to_place(place):  # "sent a carrier to the Mediterranean": deployed there
            etype, mode = "MOBILIZE", None
        if etype == "AID" and mode is None and any(i.category for i in items):
            mode = "military" if any(equipment.is_military(i.category) for i in items) else None
        if etype == "MOBILIZE" and items and not any(
            i.category in PERSONNEL_CATEGORIES for i in items
        ):
            mode = "weapons"
        if not source and items:
            # "North Korean troops were deployed": the demonym names the mover;
            # "receipt of Russian aircraft": the demonym names the supplier.
            if trig.frame == "receive":
                source = self.origin_in_items(items)
            else:  # "the deployment of US missiles": the demonym names the mover
                source = [a for a in self.origin_of_items(token) if a] or (
                    self.origin_in_items(items) if trig.pos == "NOUN" else [])
        if etype == "RETREAT" and not target:
            target = self.withdrawn_from(token)  # "withdrew its troops from Panama"
        if etype == "MOBILIZE" and not target:  # "moved troops to its border with Finland"
            target = [a for w in facing(token) for a in self.actors.in_phrase(w, remember=False)
                      if self.is_state(a)]
        if not source:
            source = self.claims.speaker(token)  # '"We will send troops," X said': X
        earlier = frozenset(m.type for m in self.mentions)
        whole = None  # "The first two are to be delivered": a part of an event told before
        if not source or not target:
            part = self.discourse.continuation(token, etype, items, index, source + target,
                                               any_type=trig.origin == ARRIVAL)
            if part is not None and not source and not target:
                whole, source, target, items = part.whole, part.source, part.target, part.items
                # the trigger's own mode only when it is of the event's type ("the first
                # eight are due to arrive": no troops moved, the tanks delivered)
                etype, mode = part.type, (mode if part.type == etype else None) or part.mode
            elif part is not None:  # "Berlin has delivered six of the systems": to whom
                whole, source, target = part.whole, source or part.source, target or part.target
                items = items if any(i.category for i in items) else part.items
        if whole is None and trig.origin == ARRIVAL:
            return None  # "the plane landed": an arrival is an event only as a tranche
        if not source and not target and not senses.stands_alone(token, trig, earlier):
            return None  # an attack, a protest, an arrest may name no actor
        if trig.dyadic and not (source and target):
            return None  # PETRARCH2 codes a verb's own code only between two actors
        if etype == "AID" and not self.names_aid(token, trig, items, target):
            return None  # "gave a press conference", "sold shares"
        if etype == "MOBILIZE" and items and not any(i.category for i in items):
            return None  # "dispatched inspectors": people sent, no forces moved
        target = other_than(target, source)
        where = self.places_for(token, place)  # the finest place, and a wider one
        mention = EventMention(
            type=etype,
            mode=mode,
            trigger=text_span(self.doc, token.i, token.i + 1),
            evidence=sentence_span(sent),
            source=source,
            target=target,
            items=items,
            factuality=factuality(token),
            dates=self.dates_for(token),
            place=where[0] if where else None,
            wider_place=where[1] if len(where) > 1 else None,
            claim=self.claims.claim_for(token),
            sentence=index,
            condition=self.condition_of(token),
            condition_actors=self.condition_actors(token),
        )
        if whole is not None:
            self.discourse.attach_part(mention, whole)
        return mention



def extract_mentions(doc: Doc) -> list[EventMention]:
    """All event mentions in a parsed document, in reading order."""
    return Extractor(doc).run()
