"""Parts of an event told before ("tranches"): a transfer or deployment whose
theme is a part of, or points back to, the goods of an event told in the two
sentences before ("the first two", "the rest", "the first batch", "they", "the
jets") and that names no actor takes the actors of that event, its items'
designation and category (with its own count), and is linked to it as
``part_of`` (``Tranches.continuation``, ``Tranches.attach_part``).  "... are to be
delivered this summer and the rest next year": the goods and date joined to an
event's date are another part, its verb left out (``Tranches.gapped_parts``).

A mixin of ``discourse.Discourse``, which reads a document's mentions in order.

>>> from dossier.annotate import annotate
>>> from dossier.extract.rules import extract_mentions
>>> doc = annotate("Norway will give six F-16s to Ukraine. "
...                "The first two are to be delivered this summer.")
>>> [(m.source[0].text, m.target[0].text, m.items[0].quantity, m.links)
...  for m in extract_mentions(doc)]
[('Norway', 'Ukraine', 6, []), ('Norway', 'Ukraine', 2, [('part_of', 0)])]
>>> doc = annotate("The first two arrived. The jets arrived.")
>>> names_part(doc[2]), names_part(doc[6])
(True, False)
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier import equipment
from dossier.extract import quantity
from dossier.extract.attachment import moves_things
from dossier.extract.syntax import children, direct_object, subject_of
from dossier.extract.told_before import DEFINITE, REACH, Extraction
from dossier.extract.wordclasses import PERSONNEL_CATEGORIES
from dossier.models import ActorMention, EventMention, Item
from dossier.models import Span as TextSpan

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


@dataclass
class Continuation:
    """What a part takes from the event it continues (``Discourse.continuation``)."""

    whole: int  # the index of the event continued
    type: str
    mode: str | None
    source: list[ActorMention]
    target: list[ActorMention]
    items: list[Item]


class Tranches:
    """Parts of an event told before: the part of ``discourse.Discourse`` that
    finds the event a part continues and what it takes from it."""

    x: Extraction

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

