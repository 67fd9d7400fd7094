"""Denials of the claim before ("X denies this", "X rejected the report").

A denial whose object only points back to what was said (this, that, it, the
claim, the reports, the allegations) is no event of its own (PLOVER codes no
public statement; CAMEO 016 "deny responsibility" has no PLOVER type unless a
project decides so, manual chapter 7).  It is recorded as what it says: each event
of the claim before (the nearest earlier sentence with events, at most
``told_before.REACH`` back) told again with factuality ``negated``, claimed by the
denier (attribution verb "deny", "reject", ...), its evidence the denial's
sentence and its trigger the denial's verb, linked ``denial_of`` to the event and
``denied_by`` from it.  The first report keeps its own factuality and claimant,
so fusion sees the two accounts and lists the contradiction.  Accusations,
requests and refusals before are not negated (denying an accusation denies what
it says, not that it was made; "Berlin rejected this" after a request is a
refusal, which stays a REJECT).  A denial in a relative clause on a claim noun
("..., a charge Tehran denies", "an allegation denied by Russia") denies the
events its own sentence told before the noun.  A denial not made ("has not
denied", "may deny") denies nothing.

A mixin of ``discourse.Discourse``, which reads a document's mentions in order.

>>> from dossier.annotate import annotate
>>> from dossier.extract.rules import extract_mentions
>>> doc = annotate("Kyiv says Minsk sent fuel to Russia, a claim Minsk denies.")
>>> [(m.factuality, m.claim.claimant.text, m.links) for m in extract_mentions(doc)]
[('asserted', 'Kyiv', [('denied_by', 1)]), ('negated', 'Minsk', [('denial_of', 0)])]
>>> doc = annotate("Kyiv says Belarus sent tanks to Russia. Minsk has not denied this.")
>>> [(m.type, m.links) for m in extract_mentions(doc)]
[('AID', []), ('REJECT', [])]
"""

from __future__ import annotations

import copy

from spacy.symbols import VERB
from spacy.tokens import Span, Token

from dossier.extract import lexicon
from dossier.extract.factuality import factuality
from dossier.extract.syntax import RELATIVE_PRONOUNS, children, sentence_span
from dossier.extract.tokens import token_table
from dossier.extract.told_before import DEFINITE, REACH, Extraction
from dossier.models import EventMention
from dossier.models import Span as TextSpan

# "reject" refuses requests and offers too: it denies only a claim noun, never "this".
REFUSING_VERBS = lexicon.CLAIM_DENYING_VERBS - lexicon.DENYING_VERBS
POINTING_PRONOUNS = frozenset(["this", "that", "it", "these", "those", "them"])
# Types that are not denied when the sentence before is denied: an accusation is
# made whatever its truth; a request, refusal or denial is not a claim of fact.
NOT_DENIED = frozenset(["ACCUSE", "REQUEST", "REJECT"])
# How certain a denial must be to deny: made ("denies"), or reported ("reportedly denied");
# not one not made ("has not denied"), possible ("may deny") or to come ("will deny").
DENIALS_MADE = frozenset(["asserted", "likely"])


class Denials:
    """Denials of the claim before: the part of ``discourse.Discourse`` that tells
    the events a denial denies again, negated."""

    x: Extraction

    def deny_claims(self, sent: Span, index: int) -> None:
        """Turn the denials of this sentence into negated reports of the claim before."""
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
