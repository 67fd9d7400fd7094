"""Coreference: "the country", "the two sides" and subject pronouns read back to
the actors told before.

``DiscourseActors`` is the extractor's ``ActorFinder`` (``rules.Extractor``):
"the country" is the state last named as a subject, else the state last named;
"the two sides" and "both countries" the two parties of the last event between
two states, else the two states last named; "it" or "they" as a subject the
main-clause subject of the nearest sentence that has one of the same number.
Other pronouns are resolved by ``actors.ActorMemory``.

>>> from dossier.annotate import annotate
>>> from dossier.extract.rules import extract_mentions
>>> def parties(text):
...     return [(m.type, [a.entity for a in m.source], [a.entity for a in m.target])
...             for m in extract_mentions(annotate(text))]
>>> found = parties("Ukraine says Russia shelled Kharkiv. The country asked Germany for aid.")
>>> found[1]
('REQUEST', ['state:UKR'], ['state:DEU'])
>>> found[0]  # the city shelled: a place, which the resolver codes as its state
('ASSAULT', ['state:RUS'], ['place:city:706483'])
>>> parties("Armenia and Azerbaijan held talks. The two sides agreed to reopen the border.")
[('CONSULT', ['state:ARM', 'state:AZE'], []), ('AGREE', ['state:ARM', 'state:AZE'], [])]
"""

from __future__ import annotations

import bisect
import copy

from spacy.tokens import Span, Token

from dossier.extract import lexicon
from dossier.extract.actors import ActorFinder, entity_id, entity_mention
from dossier.models import ActorMention, EventMention

# "the country", "the nation": one state told before.
# ("the state" is left out: in news it is as often a US state or the government)
STATE_NOUNS = frozenset(["country", "nation", "kingdom", "republic"])
# Possessive pronouns whose "country" is their referent's state ("his country").
OWNER_PRONOUNS = frozenset(["his", "her", "their"])
# "the bloc", "the alliance", "the group": the organisation named last ("The EU ... The
# bloc warned", "Hamas ... the group said")
ORG_NOUNS = frozenset(
    ["bloc", "alliance", "organisation", "organization", "union", "group", "movement", "militia",
     "coalition"]
)  # fmt: skip
# "the strikes", "these attacks": an event told before.
BACK_DETERMINERS = frozenset(["the", "these", "those", "this", "that"])
# "a second strike", "another attack", "fresh strikes": one more of a series told before.
SERIES_WORDS = frozenset(
    "another second third fourth fifth further fresh renewed new".split()
)
# "the two sides", "both countries": the two parties of the last bilateral event.
PAIR_NOUNS = frozenset(["side", "country", "nation", "state", "party", "government"])
# "the allies", "the two neighbours": the states last named together ("the United States
# and South Korea ... as the allies began their exercises").
GROUP_NOUNS = frozenset(["ally", "neighbour", "neighbor", "partner", "rival", "adversary"])
_TOLD_NOUNS = PAIR_NOUNS | STATE_NOUNS | ORG_NOUNS | GROUP_NOUNS  # what ``_told_before`` reads


class DiscourseActors(ActorFinder):
    """``ActorFinder`` that also reads "the country" and "the two sides" back to
    the actors told before.  ``mentions`` is the extractor's list, read for the
    parties of the last bilateral event."""

    def __init__(self, doc, mentions: list[EventMention] | None = None) -> None:
        super().__init__(doc)
        self.mentions = mentions if mentions is not None else []
        self._sents: list[Span] | None = None
        self._starts: list[int] = []

    def _sentences(self, head: Token) -> tuple[list[Span], int]:
        """The document's sentences (read once) and the index of ``head``'s."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._starts = [s.start for s in self._sents]
        return self._sents, bisect.bisect_right(self._starts, head.i) - 1

    def in_phrase(self, head: Token, *, remember: bool = True) -> list[ActorMention]:
        # what points back is not remembered as named anew (as with pronouns)
        told = self._told_before(head) is not None
        return super().in_phrase(head, remember=remember and not told)

    def _one(self, head: Token) -> list[ActorMention]:
        found = self._told_before(head)
        if found is None:
            found = self._subject_pronoun(head)
        return found if found is not None else super()._one(head)

    def _subject_pronoun(self, head: Token) -> list[ActorMention] | None:
        """"It" or "they" as a subject: the main-clause subject of the nearest
        sentence that has one of the same number (a subject continues the topic:
        "The United States warned North Korea. It said ..." is the United States,
        where the last actor named is North Korea)."""
        low = head.lower_
        if head.i in self.pronouns or low not in ("it", "they"):
            return None
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sents, here = self._sentences(head)
        for sent in reversed(sents[max(0, here - 2) : here + 1]):
            subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or subjects[0].i >= head.i:
                continue
            subj = subjects[0]
            if subj.lower_ in ("it", "they") and subj.i not in self.pronouns:
                continue
            found = [a for a in super().in_phrase(subj, remember=False) if a.entity]
            plural = len(found) > 1 or subj.tag_ in ("NNS", "NNPS")
            if found and plural == (low == "they"):
                self.pronouns[head.i] = list(found)
                return list(found)
            return None  # the topic is not an actor of that number: leave it to memory
        return None

    def _told_before(self, head: Token) -> list[ActorMention] | None:
        lemma = head.lemma_.lower()
        if lemma not in _TOLD_NOUNS:
            return None
        kids = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")}
        others = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "prep")]
        plural = head.tag_ in ("NNS", "NNPS")
        if not plural and lemma in STATE_NOUNS and len(others) == 1 and (
                others[0].dep_ == "poss" and others[0].lower_ in OWNER_PRONOUNS):
            return self._owners_state(head, others[0])  # "the minister said his country"
        if others:
            return None  # "the other side", "a neighbouring country", "the country's army"
        if plural and lemma in PAIR_NOUNS and kids & {"two", "both"}:
            pair = self._last_pair(head)
            return pair or None
        if plural and lemma in GROUP_NOUNS and kids & {"the", "two", "both", "these"}:
            return self._last_group(head) or None
        if not plural and lemma in STATE_NOUNS and kids & {"the", "this", "that"}:
            state = self._last_named(head)
            return [state] if state is not None else None
        if not plural and lemma in ORG_NOUNS and kids & {"the", "this", "that"}:
            org = self._last_named(head, kind="org:")
            return [org] if org is not None else None
        return None

    def _owners_state(self, head: Token, owner: Token) -> list[ActorMention] | None:
        """The state of whom a possessive pronoun stands for: "The Polish minister said
        his country would send tanks" (Poland); a person named stands for the state he
        serves (the resolver's dated roles)."""
        found = [a for a in self.in_phrase(owner, remember=False) if a.entity]
        states = [a for a in found if _is_state(a)]
        chosen = states or [a for a in found if a.entity.startswith("person:")]
        return [self._here(head, a) for a in chosen[:1]] or None

    def event_agents(self, noun: Token) -> list[ActorMention]:
        """Who did the event a definite event noun points back to: "Iran condemned the
        strikes" after "The US launched strikes on ..." is a condemnation of the US.
        The last event before ``noun``'s sentence (at most three sentences back) told
        with the same word, else of the type that word names, and with a source."""
        dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
        named = [c for c in noun.children  # who did it, said here ("on Kharkiv" is whom)
                 if (c.dep_ in ("poss", "compound", "amod")
                     or c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))
                 and any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in c.subtree)]
        if noun.pos_ != "NOUN" or not dets & BACK_DETERMINERS or named:
            return []  # "an attack", "Russia's strikes", "strikes by Israel": said here
        types = {t.type for t in lexicon.triggers_for(noun.lemma_.lower(), "NOUN")}
        if not types:
            return []
        sents, here = self._sentences(noun)
        first = sents[max(0, here - 3)].start_char
        before = [m for m in self.mentions
                  if first <= m.evidence.start < sents[here].start_char and m.source]
        lemma = noun.lemma_.lower()
        for same_word in (True, False):
            for mention in reversed(before):
                word = self.doc.char_span(mention.trigger.start, mention.trigger.end)
                said = word is not None and word.root.lemma_.lower() == lemma
                if (said if same_word else mention.type in types):
                    return [self._here(noun, a) for a in mention.source]
        return []

    def series_event(self, noun: Token) -> EventMention | None:
        """The event told before that "a second strike", "another attack" or "fresh
        strikes" continues: the last one of the type the noun names (three sentences
        back at most) with a source.  Another of a series is by the same hand."""
        words = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "advmod")}
        if noun.pos_ != "NOUN" or not words & SERIES_WORDS:
            return None
        types = {t.type for t in lexicon.triggers_for(noun.lemma_.lower(), "NOUN")}
        sents, here = self._sentences(noun)
        first = sents[max(0, here - 3)].start_char
        for mention in reversed(self.mentions):
            if first <= mention.evidence.start < noun.idx and mention.source and (
                mention.type in types
            ):
                return mention
        return None

    def _last_pair(self, head: Token) -> list[ActorMention]:
        """The parties of the last event between two states before ``head``."""
        start = head.idx
        for mention in reversed(self.mentions):
            if mention.evidence.start >= start:
                continue
            sources = [a for a in mention.source if _is_state(a)]
            targets = [a for a in mention.target if _is_state(a)]
            if len(sources) == 1 and len(targets) == 1 and sources[0].entity != targets[0].entity:
                return [self._here(head, sources[0]), self._here(head, targets[0])]
            if len(sources) == 2 and not targets:  # "talks between Armenia and Azerbaijan"
                return [self._here(head, a) for a in sources]
        return []

    def _last_group(self, head: Token) -> list[ActorMention]:
        """The states last named together ("the United States and South Korea"),
        before ``head`` in its sentence or the two before it, as they were named."""
        sents, here = self._sentences(head)
        for sent in reversed(sents[max(0, here - 2) : here + 1]):
            for tok in reversed(sent):
                ent = self.entity_at(tok)
                if tok.i >= head.i or ent is None or tok.i != ent.root.i or tok.dep_ == "conj":
                    continue
                group = [ent] + [e for c in tok.conjuncts
                                 if (e := self.entity_at(c)) is not None and c.i == e.root.i]
                idents = [entity_id(e) or "" for e in group]
                if len(group) > 1 and all(i.startswith("state:") for i in idents):
                    return [entity_mention(e) for e in group]
        return []

    def _last_named(self, head: Token, kind: str = "state:") -> ActorMention | None:
        """The state ``head`` ("the country") points back to, three sentences back
        at most (an organisation for "the bloc", with ``kind`` "org:").  As a
        subject: the nearest sentence's main-clause subject ("Ukraine says Russia
        attacked ... The country asked"), else a subject of one of its clauses,
        else the state last named.  As an object ("attacked the country"): the
        state last named that is not its own clause's subject."""
        subject = _in_subject(head)
        mine = set() if subject else self._clause_subjects(head)
        sents, here = self._sentences(head)
        fallback = None
        for sent in reversed(sents[max(0, here - 3) : here + 1]):
            ranked: list[tuple[int, str]] = []
            for tok in reversed(sent):
                ent = self.entity_at(tok)
                if tok.i >= head.i or ent is None or tok.i != ent.root.i:
                    continue
                ident = entity_id(ent) or ""
                if not ident.startswith(kind) or ident in mine:
                    continue
                fallback = fallback or ident
                rank = (2 if _main_subject(tok, sent) else 1) if _in_subject(tok) else 0
                ranked.append((rank, ident))
            if not subject and ranked:
                return self._state_here(head, ranked[0][1])
            best = max(ranked, key=lambda r: r[0], default=(0, ""))
            if best[0]:
                return self._state_here(head, best[1])
        return self._state_here(head, fallback) if fallback else None

    def _state_here(self, head: Token, ident: str) -> ActorMention:
        start = _phrase_start(head)
        return ActorMention(
            text=head.doc[start : head.i + 1].text,
            start=head.doc[start].idx,
            end=head.idx + len(head),
            entity=ident,
        )

    def _clause_subjects(self, head: Token) -> set[str]:
        """The entities of the subject of the clause ``head`` is an object in."""
        node = head
        while node.dep_ in ("pobj", "prep", "dobj", "conj") and node.head.i != node.i:
            node = node.head
        out = set()
        for subj in node.children:
            if subj.dep_ in ("nsubj", "nsubjpass"):
                for actor in self.pronouns.get(subj.i, []):
                    out.add(actor.entity or "")
                ent = self.entity_at(subj)
                if ent is not None:
                    out.add(entity_id(ent) or "")
        return out

    def _here(self, head: Token, actor: ActorMention) -> ActorMention:
        """``actor`` for "the two sides": as it was named (two parties at one span
        would be one), as pronouns are."""
        return copy.deepcopy(actor)


def _phrase_start(head: Token) -> int:
    start = min([head.i] + [c.i for c in head.children if c.dep_ in ("det", "nummod", "predet")])
    while start < head.i and head.doc[start].dep_ == "det":
        start += 1
    return start


def _is_state(actor: ActorMention) -> bool:
    return bool(actor.entity and actor.entity.startswith("state:"))


def _main_subject(tok: Token, sent: Span) -> bool:
    """Whether ``tok`` is in the subject of its sentence's main verb."""
    node = tok
    while node.dep_ not in ("nsubj", "nsubjpass") and node.head.i != node.i:
        node = node.head
    return node.head.i == sent.root.i and node.dep_ in ("nsubj", "nsubjpass")


def _in_subject(tok: Token) -> bool:
    """Whether ``tok`` is, or is inside, a clause's subject ("Russia's army said")."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.head.i == node.i or node.dep_ not in ("poss", "compound", "amod", "conj"):
            return False
        node = node.head
    return False
