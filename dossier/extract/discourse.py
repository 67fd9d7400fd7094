"""Discourse: events that lean on the sentences before them.

Sentence-level extraction reads one sentence at a time; news copy does not.
``Discourse`` reads a document's mentions as they are found, in reading order,
and fills in what a sentence leaves to the ones before it (at most
``told_before.REACH`` sentences back).  It composes one mixin per kind:

- ``tranches.Tranches``: **parts of an event told before** ("Norway will give six
  F-16s to Ukraine. The first two are to be delivered this summer." -> AID NOR ->
  UKR, 2 x F-16, ``part_of`` the pledge), and a part whose verb is left out ("...
  and the rest next year");
- ``responsibility.ClaimedAttacks``: **responsibility claimed for the attack
  before** ("The Taliban claimed responsibility.": the source of the attack);
- ``denials.Denials``: **denials of the claim before** ("Minsk denies this",
  "..., a charge Tehran denies"): each event of the claim told again, ``negated``,
  claimed by the denier, linked ``denial_of`` / ``denied_by``.

``rules.Extractor`` asks ``continuation`` and ``attach_part`` while it builds a
sentence's events, and calls ``finish_sentence`` once they are built.  Their state
(the mentions so far, the triggers, the claims, the actors) is the extractor's, as
``told_before.Extraction`` lists it.

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

from spacy.tokens import Span

from dossier.extract.coreference import DiscourseActors
from dossier.extract.denials import Denials
from dossier.extract.responsibility import ClaimedAttacks
from dossier.extract.told_before import Extraction
from dossier.extract.tranches import Continuation, Tranches

__all__ = ["Continuation", "Discourse", "DiscourseActors"]


class Discourse(Tranches, ClaimedAttacks, Denials):
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
