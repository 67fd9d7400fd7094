"""What changes hands: the items a phrase names (equipment, troops, money, with their
counts), the state that makes or sends them, whom a purpose clause says they help,
and whether a give or receive verb is aid at all.

``GoodsReader`` is a part of ``rules.Extractor`` (through ``roles.RoleReader``); it
reads ``self.doc``, ``self.actors`` and ``self.consumed``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier import equipment
from dossier.extract import lexicon, quantity
from dossier.extract.actors import (
    ActorFinder,
    coordinated,
    entity_mention,
)
from dossier.extract.parties import is_state
from dossier.extract.syntax import (
    children,
    direct_object,
    item_tokens,
    prep_objects,
    subject_of,
    subtree_indices,
)
from dossier.extract.wordclasses import (
    AID_NOUNS,
    BUYER_WORDS,
    CURRENCY_WORDS,
    GENERIC_AID_VERBS,
    MEASURE_NOUNS,
    PURPOSE_AID_VERBS,
)
from dossier.models import ActorMention, Item


def is_measure(noun: Token) -> bool:
    """A sum of money or a measure of goods: "500 million euros", "two shiploads"."""
    lemma = noun.lemma_.lower()
    return noun.ent_type_ == "MONEY" or lemma in MEASURE_NOUNS or lemma in CURRENCY_WORDS


class GoodsReader:
    """What changes hands: for ``rules.Extractor``."""

    doc: Doc
    actors: ActorFinder
    consumed: set[int]

    def names_aid(
        self, token: Token, trig: lexicon.Trigger, items: list[Item], target: list[ActorMention]
    ) -> bool:
        """Whether a give/receive verb is aid: something material changes hands
        (an item with a category: arms, troops, money, food ...), or a state or
        organisation is helped ("help", "assist").  Buyer-side words need
        materiel ("bought jets", not "bought $20bn of goods")."""
        if trig.frame == "receive" and token.lemma_.lower() in BUYER_WORDS:
            return any(i.category and i.category not in lexicon.NOT_MATERIEL for i in items)
        if trig.pos != "VERB" or token.lemma_.lower() not in GENERIC_AID_VERBS:
            return True
        if any(i.category for i in items):
            return True
        obj = direct_object(token)
        if obj is not None and any(o.lemma_.lower() in AID_NOUNS for o in coordinated(obj)):
            return True
        helping = token.lemma_.lower() in ("help", "assist", "aid", "rescue")
        return helping and any(is_state(a) for a in target)

    def items_in(self, head: Token, *, only_head: bool = False) -> list[Item]:
        """Equipment, personnel and other things named by a noun phrase and its conjuncts."""
        out: list[Item] = []
        heads = [head] if only_head else coordinated(head)
        for prep_word, obj in ([] if only_head else prep_objects(head)):
            if prep_word == "including":
                heads.extend(coordinated(obj))
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "including":
                for obj in children(child, "pobj"):
                    heads.extend(coordinated(obj))
        for h in list(heads):
            if h.lemma_.lower() in MEASURE_NOUNS or h.pos_ == "NUM":
                # "500 tonnes of food aid", "a batch of drones": the goods
                heads.extend(o for word, o in prep_objects(h) if word == "of")
        seen: set[int] = set()
        heads = list(dict.fromkeys(heads))
        for h in heads:
            tokens = [h] if only_head else item_tokens(h)
            before = self.actors.entity_at(self.doc[tokens[0].i - 1]) if tokens[0].i else None
            if before is not None and before.ent_id_.startswith("equip:"):
                # a designation the parser left outside the phrase: "Shahed-136 drones"
                tokens = [*before, *tokens]
            designations = []
            for tok in tokens:
                ent = self.actors.entity_at(tok)
                if ent is not None and ent.ent_id_.startswith("equip:") and ent.start not in seen:
                    seen.add(ent.start)
                    designations.append(ent)
            words = [t for t in tokens if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
            phrase = " ".join(t.lower_ for t in words if t.i <= h.i)
            category = equipment.category_for_phrase(phrase) if phrase else None
            counted = quantity.of_item(h)
            count = {
                "quantity": counted.value if counted else None,
                "quantity_mod": counted.mod if counted else None,
                "quantity_range": counted.range if counted else None,
            }
            for ent in designations:
                eq = equipment.lookup(ent.text)
                out.append(
                    Item(
                        text=ent.text,
                        designation=eq.designation if eq else ent.text,
                        category=(eq.category if eq else None) or category,
                        offsets=(ent.start_char, ent.end_char),
                        **(count if len(designations) == 1 else {}),
                    )
                )
            if designations or category is None:
                continue
            start = next((t.i for t in words if t.dep_ not in ("det",)), h.i)
            start = min(start, h.i)
            span = self.doc[start : h.i + 1]
            out.append(
                Item(
                    text=span.text,
                    designation=None,
                    category=category,
                    offsets=(span.start_char, span.end_char),
                    **count,
                )
            )
        return out

    def origin_of_items(self, token: Token) -> list[ActorMention]:
        subj, is_obj = subject_of(token)
        objects = children(token, "dobj")
        # (not a passive subject beside an object: "Ukraine was sent tanks" receives them)
        heads = [subj] if subj is not None and not (is_obj and objects) else []
        heads += [c for c in token.children if c.dep_ in ("amod", "compound", "dobj")]
        for h in heads:
            found = [a for a in self.actors.in_phrase(h, remember=False) if is_state(a)]
            if found:
                return found
        return []

    def origin_in_items(self, items: list[Item]) -> list[ActorMention]:
        """States named inside item phrases ("Russian fighter aircraft" -> Russia)."""
        for item in items:
            if item.offsets is None:
                continue
            span = self.doc.char_span(*item.offsets, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            while head.dep_ in ("compound", "nmod", "amod", "dep") and head.head.i != head.i:
                head = head.head  # "Russian S-400 systems": the phrase around the item
            for tok in [*span, *item_tokens(head)]:
                ent = self.actors.entity_at(tok)
                if ent is not None and ent.ent_id_.startswith("state:"):
                    return [entity_mention(ent)]
        return []

    def purpose_beneficiary(self, token: Token) -> list[ActorMention]:
        """"troops to aid Russia": a purpose clause right after the phrase names who gains."""
        end = max(subtree_indices(token)) + 1
        for clause in self.doc[token.i : min(end + 3, len(self.doc))]:
            if clause.dep_ in ("advcl", "relcl", "acl", "xcomp") and (
                clause.lemma_.lower() in PURPOSE_AID_VERBS
            ) and abs(clause.i - end) <= 2:
                obj = direct_object(clause)
                if obj is None:
                    continue
                owners = [c for c in obj.children if c.dep_ == "poss"]
                found = self.actors.in_phrase(owners[0] if owners else obj, remember=False)
                found = [a for a in found if is_state(a)]
                if found:
                    self.consumed.add(clause.i)
                    return found
        return []
