"""Discourse: events that lean on the sentences before them.

Sentence-level extraction reads one sentence at a time; news copy does not.
This module reads a document's mentions as they are found, in reading order,
and fills in what a sentence leaves to the one before it:

- **Parts of an event told before** ("tranches"): a transfer or deployment
  whose theme is a part of, or points back to, the goods of an event told in
  the two sentences before ("the first two", "the rest", "the first batch",
  "they", "the jets") and that names no actor takes the actors of that event,
  its items' designation and category (with its own count), and is linked to
  it as ``part_of``:

      Norway will give six F-16s to Ukraine. The first two are to be delivered
      this summer.  -> AID NOR -> UKR, 2 x F-16, part_of the pledge.

- **Denials of the claim before** ("X denies this", "X rejected the report"):
  a denial whose object only points back to what was said (this, that, it,
  the claim, the reports, the allegations) is no event of its own (PLOVER
  codes no public statement; CAMEO 016 "deny responsibility" has no PLOVER
  type unless a project decides so, manual chapter 7).  It is recorded as what
  it says: each event of the claim before (the nearest earlier sentence with
  events, at most two back) told again with factuality ``negated``, claimed by
  the denier (attribution verb "deny", "reject", ...), its evidence the
  denial's sentence and its trigger the denial's verb, linked ``denial_of`` to
  the event and ``denied_by`` from it.  The first report keeps its own factuality and
  claimant, so fusion sees the two accounts and lists the contradiction.
  Accusations, requests and refusals before are not negated (denying an
  accusation denies what it says, not that it was made; "Berlin rejected
  this" after a request is a refusal, which stays a REJECT).  A denial in a
  relative clause on a claim noun ("..., a charge Tehran denies", "an allegation
  denied by Russia") denies the events its own sentence told before the noun.
  A denial not made ("has not denied", "may deny") denies nothing.

"The country", "the two sides" and subject pronouns, the actors a sentence
leaves to the ones before, are read back by ``coreference.DiscourseActors``
(importable from here too).

>>> from dossier.annotate import annotate
>>> from dossier.extract.rules import extract_mentions
>>> doc = annotate("Kyiv says Belarus sent tanks to Russia. Minsk denies this.")
>>> [(m.type, m.factuality, m.claim.claimant.text) for m in extract_mentions(doc)]
[('AID', 'asserted', 'Kyiv'), ('AID', 'negated', 'Minsk')]
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Protocol

from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from dossier import equipment
from dossier.extract import lexicon, quantity
from dossier.extract.attachment import moves_things
from dossier.extract.attribution import ClaimFinder
from dossier.extract.coreference import DiscourseActors
from dossier.extract.factuality import factuality
from dossier.extract.syntax import (
    RELATIVE_PRONOUNS,
    children,
    direct_object,
    sentence_span,
    subject_of,
)
from dossier.extract.tokens import token_table
from dossier.extract.wordclasses import PERSONNEL_CATEGORIES
from dossier.models import ActorMention, EventMention, Item
from dossier.models import Span as TextSpan

__all__ = ["Continuation", "Discourse", "DiscourseActors"]

# How many sentences back an event may be continued or denied.
REACH = 2
# Types whose events have parts (tranches, deliveries, contingents); one family,
# as in fusion ("will deploy 3,000 troops ... the first 1,000 were sent").
PARTED_TYPES = frozenset(["AID", "MOBILIZE"])
# Words for a part of goods or forces told before: "the first two", "the rest",
# "a second tranche", "the remaining four".
PART_WORDS = frozenset(
    """
    first second third fourth fifth last final rest remainder remaining balance tranche
    batch shipment consignment installment instalment part portion half lot delivery
    """.split()
)
# Nouns that, made definite, point back to whatever goods were named before: "six of
# the systems", "the vessels".
GENERIC_GOODS = frozenset(
    "system weapon vessel boat unit platform piece item launcher battery aircraft".split()
)
# Words that point back to goods told before: "they are to arrive".
BACK_PRONOUNS = frozenset(["they", "them", "these", "those", "it"])
DEFINITE = frozenset(["the", "these", "those", "this", "that"])

# Verbs of owning up to an act: "claimed responsibility", "took responsibility".
RESPONSIBILITY_VERBS = frozenset("claim take accept admit bear acknowledge".split())
# "reject" refuses requests and offers too: it denies only a claim noun, never "this".
REFUSING_VERBS = lexicon.CLAIM_DENYING_VERBS - lexicon.DENYING_VERBS
POINTING_PRONOUNS = frozenset(["this", "that", "it", "these", "those", "them"])
# Types that are not denied when the sentence before is denied: an accusation is
# made whatever its truth; a request, refusal or denial is not a claim of fact.
NOT_DENIED = frozenset(["ACCUSE", "REQUEST", "REJECT"])
# How certain a denial must be to deny: made ("denies"), or reported ("reportedly denied");
# not one not made ("has not denied"), possible ("may deny") or to come ("will deny").
DENIALS_MADE = frozenset(["asserted", "likely"])


@dataclass
class Continuation:
    """What a part takes from the event it continues (``Discourse.continuation``)."""

    whole: int  # the index of the event continued
    type: str
    mode: str | None
    source: list[ActorMention]
    target: list[ActorMention]
    items: list[Item]


class Extraction(Protocol):
    """What the discourse pass reads of its extractor (``rules.Extractor``, which
    imports this module)."""

    doc: Doc
    mentions: list[EventMention]
    by_trigger: dict[int, int]
    claims: ClaimFinder
    actors: DiscourseActors

    def items_in(self, head: Token, *, only_head: bool = False) -> list[Item]: ...
    def trigger_token(self, mention: EventMention) -> Token: ...


class Discourse:
    """The discourse pass of one document's extractor (``rules.Extractor``)."""

    def __init__(self, extractor: Extraction) -> None:
        self.x = extractor

    # --- parts of an event told before ------------------------------------
    def continuation(
        self,
        token: Token,
        etype: str,
        items: list[Item],
        sentence: int,
        named: list[ActorMention] | None = None,
        *,
        any_type: bool = False,
    ) -> Continuation | None:
        """The event that an ``etype`` event at ``token`` missing an actor continues,
        and what the part takes from it; None when it continues none.  ``named`` are
        the actors the part names itself ("Berlin has delivered six of the systems"):
        each must be a party to the event continued.  ``any_type``: the part's trigger
        says nothing of its type ("the vehicles are expected to arrive": a delivery or a
        deployment, as the event it continues is)."""
        if etype not in PARTED_TYPES:
            return None
        theme = _theme(token)
        if theme is None:
            return None
        given = {a.entity for a in named or []}
        if None in given:
            return None  # an actor not known to be the same as either party
        for index in range(len(self.x.mentions) - 1, -1, -1):
            earlier = self.x.mentions[index]
            if earlier.sentence < sentence - REACH:
                break
            if earlier.sentence >= sentence or earlier.factuality == "negated":
                continue
            goods = self._goods(earlier)
            if earlier.type not in PARTED_TYPES and not (earlier.type == "AGREE" and goods):
                continue  # a transfer, a deployment, or a pledge of goods
            if not any_type and earlier.type in PARTED_TYPES and earlier.type != etype and (
                any(i.category for i in items) or not moves_things(token)
            ):
                continue  # its own goods say which it is; or it moves nothing: pilots
                # "sent for training" and then "trained" are no tranche of the sending
            if not (earlier.source or earlier.target) or not _points_back(theme, goods):
                continue
            if not given <= {a.entity for a in earlier.source + earlier.target}:
                continue  # "Poland took delivery of the first two" from someone else
            if any(i.category for i in items) and theme.lemma_.lower() not in PART_WORDS:
                parts = [_named_as(i, goods) for i in items]  # "the jets": the Gripens
            else:
                parts = self._part_items(theme, goods)
            moved = earlier.type if earlier.type in PARTED_TYPES else etype
            if moved == "MOBILIZE" and earlier.target and goods and not all(
                i.category in PERSONNEL_CATEGORIES for i in goods
            ):  # a pledge of tanks to Ukraine, then "the first four arrived": delivered
                moved = "AID"
            mode = earlier.mode if earlier.type in PARTED_TYPES else None
            if moved == "AID" and mode is None and any(
                equipment.is_military(i.category) for i in parts
            ):
                mode = "military"  # a pledge of jets delivered
            return Continuation(
                whole=index,
                type=moved,
                mode=mode,
                source=copy.deepcopy(earlier.source),
                target=copy.deepcopy(earlier.target),
                items=parts,
            )
        return None

    def _goods(self, event: EventMention) -> list[Item]:
        """What an event moves, or a pledge promises ("pledged six F-16s to Ukraine")."""
        if event.items or event.type != "AGREE":
            return event.items

        obj = direct_object(self.x.trigger_token(event))
        return self.x.items_in(obj) if obj is not None else []

    def attach_part(self, part: EventMention, whole: int) -> None:
        """Link a part to the event it continues; it goes where the whole goes
        unless it says otherwise ("... to Belarus. The first 1,000 were sent")."""
        part.links.append(("part_of", whole))
        if part.place is None and self.x.mentions[whole].place is not None:
            part.place = copy.deepcopy(self.x.mentions[whole].place)
            part.wider_place = copy.deepcopy(self.x.mentions[whole].wider_place)

    def _part_items(self, theme: Token, goods: list[Item]) -> list[Item]:
        """``goods`` as far as ``theme`` counts them ("the first two")."""
        kinds = [i for i in goods if i.category or i.designation]
        if not kinds:
            return []
        words = [t for t in theme.subtree if t.dep_ not in ("det", "punct", "relcl", "acl")]
        words = [t for t in words if t.i <= theme.i] or [theme]
        counted = quantity.parse([t.text for t in words])  # "the first two" -> 2
        span = self.x.doc[words[0].i : words[-1].i + 1]
        return [
            Item(
                text=span.text,
                designation=kind.designation,
                category=kind.category,
                quantity=counted.value if counted and len(kinds) == 1 else None,
                quantity_mod=counted.mod if counted and len(kinds) == 1 else None,
                quantity_range=counted.range if counted and len(kinds) == 1 else None,
                offsets=(span.start_char, span.end_char),
            )
            for kind in kinds
        ]

    # --- "and the rest next year": a part whose verb is left out ------------
    def gapped_parts(self, sent: Span, index: int) -> None:
        """"... are to be delivered this summer and the rest next year": the goods
        and date joined to an event's date are another part, its verb left out."""
        mine = []  # this sentence's events, read from the end (a long text has many)
        for at in range(len(self.x.mentions) - 1, -1, -1):
            if self.x.mentions[at].sentence != index:
                break
            mine.append(self.x.mentions[at])
        for event in reversed(mine):
            if event.type not in PARTED_TYPES or not event.dates:
                continue
            date = self.x.doc.char_span(event.dates[0][1].start, event.dates[0][1].end,
                                        alignment_mode="expand")  # fmt: skip
            if date is None:
                continue
            for remnant in date.root.conjuncts:
                when = _own_date(remnant)
                if remnant.i < date.root.i or remnant.pos_ not in ("NOUN", "NUM") or when is None:
                    continue
                if remnant.ent_type_ in ("DATE", "TIME"):
                    continue  # "in May and June": one event, two dates
                part = copy.deepcopy(event)
                whole = next((i for rel, i in event.links if rel == "part_of"), None)
                goods = self._goods(self.x.mentions[whole]) if whole is not None else event.items
                part.items = self._part_items(remnant, goods)
                part.trigger = TextSpan(remnant.text, remnant.idx, remnant.idx + len(remnant))
                part.dates = [("date", TextSpan(when.text, when.start_char, when.end_char))]
                part.links = [("part_of", whole)] if whole is not None else []
                self.x.by_trigger[remnant.i] = len(self.x.mentions)
                self.x.mentions.append(part)

    # --- denials of the claim before --------------------------------------
    def finish_sentence(self, sent: Span, index: int) -> None:
        """Turn the denials of this sentence into negated reports of the claim before."""
        self.gapped_parts(sent, index)
        self.claimed_attacks(sent, index)
        table = token_table(sent.doc)
        for i in range(sent.start, sent.end):
            if table.pos[i] != VERB or (
                table.lemma_lower(i) not in lexicon.CLAIM_DENYING_VERBS
            ):
                continue
            token = sent.doc[i]
            noun = denied_noun(token)  # "..., a charge Tehran denies": this sentence's claim
            if noun is None and not _points_to_claim(token):
                continue
            if factuality(token) not in DENIALS_MADE:
                continue  # "Minsk has not denied this", "Minsk may deny it"
            denied = self._claim_within(noun, index) if noun is not None else (
                self._claim_before(index))
            if not denied:
                continue
            denier = _denier(token)
            if denier is None:
                continue
            claim = self.x.claims.claim_by(denier, token)
            copies = [self._negated(i, token, sent, index, claim) for i in denied]
            at = self.x.by_trigger.get(token.i)
            if at is not None:  # the REJECT read off "denies" is this denial
                self.x.mentions[at] = copies[0]
                first = at
            else:
                first = len(self.x.mentions)
                self.x.mentions.append(copies[0])
                self.x.by_trigger[token.i] = first
            self.x.mentions.extend(copies[1:])
            for offset, original in enumerate(denied):
                mine = first if offset == 0 else len(self.x.mentions) - len(copies) + offset
                self.x.mentions[original].links.append(("denied_by", mine))

    # --- responsibility claimed for the attack before ---------------------
    def claimed_attacks(self, sent: Span, index: int) -> None:
        """"A car bomb went off ... Al-Shabaab claimed responsibility.": who claims
        responsibility, naming no event of its own (or only "it"), is the source of
        the attacks of the nearest earlier sentence that name none."""
        table = token_table(sent.doc)
        for i in range(sent.start, sent.end):
            if table.pos[i] != VERB or table.lemma_lower(i) not in RESPONSIBILITY_VERBS:
                continue
            token = sent.doc[i]
            objects = children(token, "dobj")
            if not objects or objects[0].lemma_.lower() != "responsibility":
                continue
            named = [o for p in children(objects[0], "prep") for o in children(p, "pobj")]
            if any(o.i in self.x.by_trigger for o in named):
                continue  # "claimed responsibility for the bombing": that event's own
            subj, is_object = subject_of(token)
            actors = self.x.actors.in_phrase(subj) if subj is not None and not is_object else []
            if not actors:
                continue
            before = [m for m in self.x.mentions if index - REACH <= m.sentence < index
                      and m.type == "ASSAULT"]  # fmt: skip
            nearest = max((m.sentence for m in before), default=None)
            for mention in before:
                if mention.sentence == nearest and _unnamed(mention.source):
                    mention.source = list(actors)

    def _claim_before(self, sentence: int) -> list[int]:
        """The events of the nearest earlier sentence (at most ``REACH`` back) that
        a denial can deny, one per type (a negated copy is named by its type and
        the denial's word)."""
        chosen: dict[str, int] = {}
        target_sentence = None
        for index in range(len(self.x.mentions) - 1, -1, -1):
            mention = self.x.mentions[index]
            if mention.sentence >= sentence:
                continue
            if mention.sentence < sentence - REACH:
                break
            if target_sentence is not None and mention.sentence != target_sentence:
                break
            if mention.type in NOT_DENIED or mention.factuality == "negated":
                continue
            target_sentence = mention.sentence
            chosen[mention.type] = index  # the earliest of its type in the sentence
        return sorted(chosen.values())

    def _claim_within(self, noun: Token, sentence: int) -> list[int]:
        """The events of the sentence a relative denial ends, told before its claim noun
        ("X accused Iran of supplying drones, a charge Tehran denies": the supplying),
        one per type, as ``_claim_before`` chooses them."""
        chosen: dict[str, int] = {}
        for index, mention in enumerate(self.x.mentions):
            if mention.sentence != sentence or mention.trigger.start >= noun.idx:
                continue
            if mention.type in NOT_DENIED or mention.factuality == "negated":
                continue
            chosen.setdefault(mention.type, index)
        return sorted(chosen.values())

    def _negated(
        self, original: int, token: Token, sent: Span, index: int, claim
    ) -> EventMention:

        event = copy.deepcopy(self.x.mentions[original])
        # the denial's own sentence: the claim is the record it links to, and fusion
        # reads one sentence holding both as a sentence that contradicts nothing
        event.evidence = sentence_span(sent)
        event.trigger = TextSpan(text=token.text, start=token.idx, end=token.idx + len(token))
        event.factuality = "negated"
        event.claim = claim
        event.sentence = index
        event.links = [("denial_of", original)]
        return event


def _unnamed(actors: list[ActorMention]) -> bool:
    """No actor, or only the weapon that did it ("a car bomb went off": the extractor
    lets a weapon stand for the force that used it)."""
    return all(
        a.entity is None and equipment.category_for_phrase(a.text.lower().split()[-1])
        for a in actors
    )


def _own_date(token: Token) -> Span | None:
    """A date entity among ``token``'s modifiers ("the rest next year", "the rest in July")."""
    for child in token.children:
        for tok in [child, *child.children]:
            if tok.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "prep", "nmod", "pobj"):
                for ent in tok.doc.ents:
                    if ent.start <= tok.i < ent.end:
                        return ent
    return None


def _named_as(item: Item, whole: list[Item]) -> Item:
    """``item`` with the designation of the goods of its kind told before."""
    if item.designation:
        return item
    kinds = [w for w in whole if w.designation and w.category == item.category]
    if len(kinds) != 1:
        return item
    return Item(**{**item.__dict__, "designation": kinds[0].designation})


def _theme(token: Token) -> Token | None:
    """What a transfer or deployment at ``token`` moves: its object, passive
    subject, or the subject of the clause it completes ("the first two are to
    be delivered")."""

    if token.pos_ in ("NOUN", "PROPN"):
        # "delivery of the first vessel": a part; "deliveries will start": the same event
        goods = [o for p in children(token, "prep") if p.lower_ == "of"
                 for o in children(p, "pobj")]  # fmt: skip
        return goods[0] if goods and names_part(goods[0]) else None
    obj = direct_object(token) or next(iter(children(token, "nsubjpass")), None)
    if obj is not None:
        return obj
    subj, _ = subject_of(token)
    if subj is not None and subj.ent_type_ in ("DATE", "TIME") and not (
            subj.like_num and names_part(subj)):
        return None  # "delivered by 2028": a deadline, not an agent; but "the first eight"
        # (which the model may take for a date) is a part
    return subj


def names_part(theme: Token) -> bool:
    """Whether a noun phrase names a part: "the first vessel", "the remaining two"."""
    mods = {c.lower_ for c in theme.children if c.dep_ in ("amod", "det", "nummod", "advmod")}
    return theme.lemma_.lower() in PART_WORDS or bool(mods & PART_WORDS)


def _points_back(theme: Token, goods: list[Item]) -> bool:
    """Whether ``theme`` is a part of, or the same goods as, ``goods``: also a
    count or part "of" goods named before ("six of the systems", "the first batch
    of the tanks", "two of them")."""
    low = theme.lower_
    if low in BACK_PRONOUNS:
        return True
    if theme.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    if theme.pos_ == "NUM" or names_part(theme):
        for prep in children(theme, "prep"):
            if prep.lower_ == "of" and any(_points_back(o, goods) for o in children(prep, "pobj")):
                return True
    mods = {c.lower_ for c in theme.children if c.dep_ in ("amod", "det", "nummod", "advmod")}
    if theme.lemma_.lower() in PART_WORDS or mods & PART_WORDS:
        return True
    if theme.pos_ == "NUM" and mods & DEFINITE:
        return True  # "the two will arrive"
    if mods & DEFINITE:  # "the jets", "these tanks": the goods named before
        if theme.lemma_.lower() in GENERIC_GOODS:
            return bool(goods)  # "the systems", "the vessels": whatever was named
        category = equipment.category_for_phrase(low)
        kinds = {i.category for i in goods if i.category}
        # "the vehicles" after "40 Marder vehicles" (armoured vehicle): a wider kind
        return category is not None and (
            category in kinds or any(k.endswith(" " + category) for k in kinds))
    return False


def _points_to_claim(verb: Token) -> bool:
    """Whether a denial's object only points back: "denies this", "rejected the report"."""

    objects = children(verb, "dobj") or children(verb, "nsubjpass")  # "the claim was denied"
    if not objects:
        return False
    obj = objects[0]
    low, lemma = obj.lower_, obj.lemma_.lower()
    if low in POINTING_PRONOUNS:
        return verb.lemma_.lower() not in REFUSING_VERBS
    if lemma not in lexicon.CLAIMED_NOUNS:
        return False
    if any(c.dep_ in ("acl", "relcl", "prep", "ccomp", "appos") for c in obj.children):
        return False  # "the claim that Iran sent drones", "reports of shelling": said here
    dets = {c.lower_ for c in obj.children if c.dep_ in ("det", "poss")}
    return bool(dets & (DEFINITE | {"such"})) or any(c.dep_ == "poss" for c in obj.children)


def denied_noun(verb: Token) -> Token | None:
    """The claim noun a denial verb describes, in a relative clause after the claim:
    "..., a charge Tehran denies", "an allegation which Russia rejected", "a claim
    denied by Minsk"; None for any other use.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Kyiv says Minsk sent fuel, a claim Minsk denies.")
    >>> denied_noun(doc[9]).text, denied_noun(doc[1])
    ('claim', None)
    """
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun.lemma_.lower() not in lexicon.CLAIMED_NOUNS:
        return None
    if verb.dep_ == "acl" and verb.tag_ != "VBN":
        return None  # "a claim denying ...": the claim denies, not denied
    objects = children(verb, "dobj")
    if objects and objects[0].lower_ not in RELATIVE_PRONOUNS:
        return None  # the clause denies something of its own
    return noun


def _denier(verb: Token) -> Token | None:
    """Who denies: the subject, or the agent of a passive ("was denied by Minsk")."""

    agents = [o for a in children(verb, "agent") for o in children(a, "pobj")]
    if agents:
        return agents[0]
    subjects = children(verb, "nsubj")
    if subjects and subjects[0].lower_ not in POINTING_PRONOUNS:
        return subjects[0]
    return None
