"""According to whom: the claimant of an event, their role, and when they said it.

Three reporting constructions are read:

- a reporting verb governing the event's clause: "Paparo noted that troops
  were deployed", "the Kremlin denied that it had sent jets", "a TV report
  from October 21 revealed that ...", "jets will be delivered, the minister
  said";
- "according to X" anywhere in the sentence;
- a claim noun made by someone in the next sentence, which attributes the
  sentence before it: "Russia agreed to ... . The revelation was made by
  Admiral X on December 10."

People are remembered by surname, so "Paparo noted" after "Admiral Samuel
Paparo" gives the full name and the role said first.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dossier.extract import lexicon
from dossier.extract.actors import ActorFinder
from dossier.extract.syntax import subject_of, text_span
from dossier.extract.tokens import token_table
from dossier.models import ActorMention, ClaimMention, EventMention
from dossier.models import Span as TextSpan

_ACCORDING, _PREP = get_string_id("according"), get_string_id("prep")

CLAIM_DEPS = frozenset(["ccomp", "advcl", "conj", "xcomp", "parataxis", "relcl", "acl", "pcomp"])
_SPACES = re.compile(r"\s+")


# Verbs of accusation: their subject is the claimant of the event they charge someone
# with ("accused Belarus of sending troops", "blamed Russia for the strike"); those of
# denial are ``lexicon.CLAIM_DENYING_VERBS`` ("denied sending jets", "denied that ...").
ACCUSING_VERBS = frozenset(["accuse", "charge", "blame", "suspect", "condemn", "criticise",
                            "criticize"])
ACCUSING_PREPS = frozenset(["of", "for", "over", "with"])
# Subjects that are whoever says so.
FIRST_PERSON = frozenset(["we", "i"])
# Verbs whose object may be the event itself, claimed by their subject: "Kyiv
# confirmed the delivery", "Moscow denied the attack", "the ministry announced
# the deployment".
CLAIM_OBJECT_VERBS = frozenset(
    """
    confirm deny acknowledge admit report claim allege announce reveal disclose dismiss
    refute dispute
    """.split()
)


def _claims(verb: Token, node: Token, trigger: Token) -> bool:
    """Whether ``verb`` states the event at ``trigger``, reached through its child ``node``.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Ukraine accused Belarus of sending troops.")
    >>> _claims(doc[1], doc[3], doc[4]), _claims(doc[1], doc[2], doc[2])
    (True, False)
    """
    lemma, dep = verb.lemma_.lower(), node.dep_
    if lemma in lexicon.REPORTING_VERBS and dep in CLAIM_DEPS:
        return True
    if lemma in lexicon.CLAIM_DENYING_VERBS and dep in ("ccomp", "xcomp", "pcomp"):
        return True  # "denied that it had sent", "denied having supplied drones"
    if lemma in lexicon.CLAIM_DENYING_VERBS and dep == "dobj" and (
        node.lemma_.lower() in lexicon.CLAIMED_NOUNS
    ):
        return True  # "denied reports that it had sent": the clause of the claim denied
    if lemma in ACCUSING_VERBS and dep == "prep" and node.lower_ in ACCUSING_PREPS:
        return True  # "accused Belarus of sending troops", "blamed Russia for the strike"
    return (
        dep == "dobj" and node.i == trigger.i and trigger.pos_ == "NOUN"
        and lemma in CLAIM_OBJECT_VERBS
    )


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    return text_span(doc, start, end)


class ClaimFinder:
    """Finds claimants for events of one document."""

    def __init__(self, doc: Doc, actors: ActorFinder) -> None:
        self.doc = doc
        self.actors = actors
        self.people: dict[str, tuple[TextSpan, str | None]] = {}
        self.sentence_claim: ClaimMention | None = None
        self.previous_sentence: int | None = None

    # --- per sentence -----------------------------------------------------
    def start_sentence(self, sent: Span) -> None:
        self.sentence_claim = self._according_to(sent)

    def finish_sentence(self, sent: Span, mentions: list[EventMention]) -> None:
        """A "revelation was made by X" sentence attributes the sentence before it."""
        claim = self._claim_noun_sentence(sent)
        if claim is not None and mentions:
            targets = [
                m for m in mentions
                if m.claim is None and m.evidence.end <= sent.start_char
            ]
            if targets:
                last_sentence = max(m.sentence for m in targets)
                for m in targets:
                    if m.sentence == last_sentence:
                        m.claim = claim

    def _according_to(self, sent: Span) -> ClaimMention | None:
        table = token_table(sent.doc)
        for i in range(sent.start, sent.end):
            if table.lower[i] == _ACCORDING and table.dep[i] == _PREP:
                token = sent.doc[i]
                for inner in token.children:
                    if inner.lower_ == "to":
                        for obj in inner.children:
                            if obj.dep_ == "pobj":
                                return self._claim_from(obj, verb="according to", verb_token=None)
        return None

    def _claim_noun_sentence(self, sent: Span) -> ClaimMention | None:
        root = sent.root
        if root.lemma_.lower() not in ("make", "come", "deliver", "issue", "give"):
            return None
        nouns = [c for c in root.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
        if not any(n.lemma_.lower() in lexicon.CLAIM_NOUNS for n in nouns):
            return None
        for child in root.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._claim_from(obj, verb=root.lemma_.lower(), verb_token=root)
            if child.dep_ == "nsubj" and child.lemma_.lower() not in lexicon.CLAIM_NOUNS:
                return self._claim_from(child, verb=root.lemma_.lower(), verb_token=root)
        return None

    # --- per event --------------------------------------------------------
    def claim_for(self, trigger: Token) -> ClaimMention | None:
        node = trigger
        for _ in range(8):
            for child in node.children:  # "Moscow supplied the systems, the agency said"
                if child.dep_ == "parataxis" and child.lemma_.lower() in lexicon.REPORTING_VERBS:
                    who = [c for c in child.children if c.dep_ == "nsubj"]
                    if who and who[0].lower_ not in ("it", "this", "he", "she", "they"):
                        return self._claim_from(who[0], verb=child.lemma_.lower(), verb_token=child)
            head = node.head
            if head.i == node.i:
                break
            if _claims(head, node, trigger):
                # "Belarus is suspected of sending": the accused is no claimant
                subject_deps = ("nsubj",) if head.lemma_.lower() in ACCUSING_VERBS else (
                    "nsubj", "nsubjpass")
                subj = [c for c in head.children if c.dep_ in subject_deps]
                agent = [o for c in head.children if c.dep_ == "agent" for o in c.children]
                who = agent[0] if agent else (subj[0] if subj else None)
                if who is not None and who.lower_ in ("it", "they"):
                    named = self._named_by(who, head)  # "It said ...": who "it" is
                    if named is not None:
                        return named
                if who is not None and who.lower_ not in ("it", "this"):
                    return self._claim_from(who, verb=head.lemma_.lower(), verb_token=head)
            node = head
        return self.sentence_claim

    def speaker(self, trigger: Token) -> list[ActorMention]:
        """Who a first-person subject is: the one who says so ('"We will never send
        troops to Ukraine," the Hungarian prime minister said'; "Poland's defence
        minister said: 'We have delivered 40 tanks'"); [] for any other subject."""
        subj, is_object = subject_of(trigger)
        if subj is None or is_object or subj.lower_ not in FIRST_PERSON:
            return []
        claim = self.claim_for(trigger)
        if claim is None:
            return []
        said = self.doc.char_span(claim.claimant.start, claim.claimant.end,
                                  alignment_mode="expand")
        return self.actors.in_phrase(said.root, remember=False) if said is not None else []

    def _named_by(self, pronoun: Token, verb: Token) -> ClaimMention | None:
        """The claim of the state or organisation a pronoun stands for, with the
        span where it was named ("The United States warned ... . It said")."""
        found = [a for a in self.actors.in_phrase(pronoun, remember=False) if a.entity]
        if not found:
            return None
        start, end = min(a.start for a in found), max(a.end for a in found)
        if end - start > 80:
            return None
        span = TextSpan(text=self.doc.text[start:end], start=start, end=end)
        entity = next((a.entity for a in found if a.entity.startswith(("state:", "org:"))), None)
        return ClaimMention(claimant=span, role=None, date=self._date_near(verb),
                            verb=verb.lemma_.lower(), entity=entity)  # fmt: skip

    def claim_by(self, head: Token, verb: Token) -> ClaimMention:
        """The claim that ``head``, subject of ``verb``, makes ("Minsk denies this")."""
        return self._claim_from(head, verb=verb.lemma_.lower(), verb_token=verb)

    def _claim_from(self, head: Token, *, verb: str, verb_token: Token | None) -> ClaimMention:
        claim = self._claim_text(head, verb=verb, verb_token=verb_token)
        named = [a.entity for a in self.actors.in_phrase(head, remember=False) if a.entity]
        claim.entity = next((e for e in named if e.startswith(("state:", "org:"))), None)
        return claim

    def _claim_text(self, head: Token, *, verb: str, verb_token: Token | None) -> ClaimMention:
        doc = self.doc
        subtree = [t for t in head.subtree]
        person = None
        for tok in subtree:
            ent = self.actors.entity_at(tok)
            if ent is not None and ent.label_ == "PERSON":
                person = ent
                break
        date = self._date_near(head) or (self._date_near(verb_token) if verb_token else None)
        # the claimant's phrase without determiners, clauses and "from <date>"
        tokens = [head]
        for child in head.children:
            if child.dep_ in ("relcl", "acl", "punct", "cc", "conj"):
                continue
            if child.dep_ == "appos" and (
                len(list(child.subtree)) > 8 or lexicon.triggers_for(child.lemma_.lower(), "NOUN")
            ):
                continue  # "the agency said ..., the first known transfer ...": not a name
            if child.dep_ == "prep" and any(
                self.actors.entity_at(t) is not None
                and self.actors.entity_at(t).label_ in ("DATE", "TIME")
                for t in child.subtree
            ):
                continue
            tokens.extend(child.subtree)
        tokens = sorted(t for t in tokens)
        while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
            tokens = tokens[1:]
        if person is None and head.text in self.people:
            person = doc[head.i : head.i + 1]  # "Paparo noted": a surname named before
        if person is not None:
            name_span = _span(doc, person.start, person.end)
            before = [t for t in tokens if t.i < person.start]
            role = None
            if before:
                raw = doc[before[0].i : before[-1].i + 1].text
                role = _SPACES.sub(" ", raw).strip(" ,;:-") or None
            surname = person[-1].text
            known = self.people.get(surname)
            if known is not None and len(known[0].text) > len(name_span.text):
                name_span = TextSpan(text=known[0].text, start=known[0].start, end=known[0].end)
                role = role if role and len(role.split()) > 1 else known[1]
            elif role or surname not in self.people:
                self.people[surname] = (name_span, role)
            return ClaimMention(claimant=name_span, role=role, date=date, verb=verb)
        if not tokens:
            tokens = [head]
        return ClaimMention(
            claimant=_span(doc, tokens[0].i, tokens[-1].i + 1), role=None, date=date, verb=verb
        )

    def _date_near(self, token: Token | None) -> TextSpan | None:
        if token is None:
            return None
        for child in token.children:
            if child.dep_ in ("prep", "npadvmod", "nmod"):
                for tok in child.subtree:
                    ent = self.actors.entity_at(tok)
                    if ent is not None and ent.label_ in ("DATE", "TIME"):
                        return _span(self.doc, ent.start, ent.end)
        return None
