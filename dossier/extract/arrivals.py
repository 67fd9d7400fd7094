"""Arrivals of a part of goods told before: "Norway will give six F-16s to Ukraine.
The first two are due to arrive in June."

"arrive", "land" and "dock" move forces in the hand table (``@forces``: "Russian
instructors arrived in Agadez"); a president or a guest arriving is no event.  A
subject that names a part ("the first two", "the remaining ten", "the first batch")
is a tranche of what was promised or sent before, whatever it is: this module lets
the verb start its event, and ``tranches.Tranches.continuation`` then finds the
transfer or deployment it continues (within ``told_before.REACH`` sentences, whose goods
the part points back to) and gives the part its source, target and goods.  With no
such event before, it is no event (its trigger's origin is ``ORIGIN``, which
``rules.Extractor.build`` keeps only as a part).

>>> from dossier.annotate import annotate
>>> doc = annotate("The first two are due to arrive in June. The president arrived.")
>>> arriving_part(doc[6]).type, arriving_part(doc[12])
('MOBILIZE', None)
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from dossier import equipment
from dossier.extract import lexicon
from dossier.extract.syntax import subject_of
from dossier.extract.tranches import PART_WORDS, names_part

DEFINITE = frozenset(["the", "these", "those"])
# The origin of the trigger made here: an event only as a part of one told before
# (``rules.Extractor.build`` drops it otherwise: "the plane landed in Kabul").
ORIGIN = "part"


def arriving_part(verb: Token) -> lexicon.Trigger | None:
    """The forces-moving entry of an arrival verb whose subject names a part ("the
    first two are due to arrive", "the first batch") or goods made definite ("the
    first F-16s", "the jets"), else None."""
    if verb.pos_ != "VERB":
        return None
    entries = [dataclasses.replace(t, origin=ORIGIN) for t in lexicon.triggers_for(
        verb.lemma_.lower(), "VERB", lexicon.FORCES_OBJECT) if lexicon.FORCES_OBJECT in t.objects]
    if not entries:
        return None
    subject, _ = subject_of(verb)
    if subject is None or subject.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
        return None
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children)
    if subject.pos_ == "NUM" or subject.like_num:
        counted = any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)
        # "the first two", "the remaining ten", "two of them"
        return entries[0] if definite or counted or names_part(subject) else None
    if subject.lemma_.lower() in PART_WORDS:
        return entries[0]  # "the first batch", "the rest"
    goods = equipment.category_for_phrase(subject.lower_) is not None
    return entries[0] if goods and (definite or names_part(subject)) else None
