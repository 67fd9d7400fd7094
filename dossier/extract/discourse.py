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

from spacy.symbols import VERB
from spacy.tokens import Span

from dossier import equipment
from dossier.extract.coreference import DiscourseActors
from dossier.extract.denials import Denials
from dossier.extract.syntax import children, subject_of
from dossier.extract.tokens import token_table
from dossier.extract.told_before import REACH, Extraction
from dossier.extract.tranches import Continuation, Tranches
from dossier.models import ActorMention

__all__ = ["Continuation", "Discourse", "DiscourseActors"]

# Verbs of owning up to an act: "claimed responsibility", "took responsibility".
RESPONSIBILITY_VERBS = frozenset("claim take accept admit bear acknowledge".split())


class Discourse(Tranches, Denials):
    """The discourse pass of one document's extractor (``rules.Extractor``)."""

    def __init__(self, extractor: Extraction) -> None:
        self.x = extractor

    def finish_sentence(self, sent: Span, index: int) -> None:
        """What a sentence read leaves to the ones before: the parts whose verb is left
        out, responsibility claimed for the attacks before, the denials of the claim
        before."""
        self.gapped_parts(sent, index)
        self.claimed_attacks(sent, index)
        self.deny_claims(sent, index)

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



def _unnamed(actors: list[ActorMention]) -> bool:
    """No actor, or only the weapon that did it ("a car bomb went off": the extractor
    lets a weapon stand for the force that used it)."""
    return all(
        a.entity is None and equipment.category_for_phrase(a.text.lower().split()[-1])
        for a in actors
    )
