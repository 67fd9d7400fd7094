"""Goods pledged are a promised transfer: "The Netherlands pledged 24 F-16s to Ukraine"
tells the AGREE (PLOVER 3.1: "agree to, offer, promise") and the AID it promises, not yet
done (factuality ``planned``), as "agreed to supply jets to Ukraine" tells both. The
promise's giver, recipient and goods are the transfer's (read in the ``give`` frame:
subject the source, object the goods, "to" or the indirect object the target).

Only goods with a category count (arms, money, food, fuel ...): "pledged support",
"offered talks" promise no transfer; troops promised are no AID; money or other civilian
goods promised to no one named are spending at home ("pledged an extra £2bn for
schools"), arms are a transfer even before the recipient is named. A promise whose
clause already tells its transfer ("pledged to supply", "pledged military aid") adds
nothing.

``Pledges`` is a part of ``rules.Extractor``: it reads ``self.doc``, ``self.mentions``,
``self.by_trigger`` and calls ``self.build``.

>>> from dossier.annotate import annotate
>>> from dossier.extract.rules import extract_mentions
>>> doc = annotate("The Netherlands pledged 24 F-16s to Ukraine.")
>>> [(m.type, [a.text for a in m.source], [a.text for a in m.target], m.factuality)
...  for m in extract_mentions(doc)]  # doctest: +NORMALIZE_WHITESPACE
[('AGREE', ['The Netherlands'], ['Ukraine'], 'asserted'),
 ('AID', ['The Netherlands'], ['Ukraine'], 'planned')]
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dossier.equipment import is_military
from dossier.extract import lexicon
from dossier.extract.factuality import RANK
from dossier.extract.wordclasses import PERSONNEL_CATEGORIES
from dossier.models import EventMention

# The AGREE triggers whose object is what is promised ("pledged 24 F-16s", "a promise
# of tanks", "offered 19 jets", "committed 14 tanks to Ukraine").
PROMISING_WORDS = frozenset(["pledge", "promise", "offer", "commit"])


def promised_factuality(factuality: str) -> str:
    """A promised transfer is at least ``planned``: what makes the promise less
    certain makes the transfer so too ("may pledge": possible; "has not pledged":
    negated).

    >>> promised_factuality("asserted"), promised_factuality("possible")
    ('planned', 'possible')
    """
    return max(("planned", factuality), key=RANK.__getitem__)


class Pledges:
    """The transfers an AGREE of a sentence promises, for ``rules.Extractor``."""

    doc: Doc
    mentions: list[EventMention]
    by_trigger: dict[int, int]

    build: Callable[[Token, lexicon.Trigger, Span, int], EventMention | None]

    def promised_transfers(self, sent: Span, index: int) -> None:
        """Add the AID each promise of goods in ``sent`` promises."""
        told = {m.trigger.start for m in self.mentions if m.type == "AID"}
        for i in sorted(i for i in self.by_trigger if sent.start <= i < sent.end):
            token = self.doc[i]
            promise = self.mentions[self.by_trigger[i]]
            if promise.type != "AGREE" or token.lemma_.lower() not in PROMISING_WORDS:
                continue
            if any(t.idx in told for t in token.subtree if t.i != i):
                continue  # "pledged to supply jets", "pledged military aid": told already
            pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB"
            trig = lexicon.Trigger(token.lemma_.lower(), pos, "AID", None, "give", frozenset())
            aid = self.build(token, trig, sent, index)
            if aid is None or aid.type != "AID" or not any(
                item.category and item.category not in PERSONNEL_CATEGORIES
                for item in aid.items
            ):
                continue
            if not aid.target and not any(is_military(i.category) for i in aid.items):
                continue  # "pledged an extra £2bn for schools": spending at home
            aid.factuality = promised_factuality(promise.factuality)
            self.mentions.append(aid)
