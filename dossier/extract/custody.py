"""Arrests told by a verb and a place of custody: "taken into custody", "placed under
house arrest", "put behind bars", "sent to prison", "thrown into jail".

PLOVER 3.13 codes arrest, detention and imprisonment as COERCE ``arrest``; PETRARCH2
codes some of these phrases (APPREHEND "into &DETENTION", ARRANGE "in &DETENTION", 173)
but only between two actors, and lacks "under arrest", "to prison", "behind bars".  The
verb is an arrest only with its preposition and a custodial noun; its direct object or
passive subject is who is held, its subject or "by" phrase who holds them, as for
"arrest" ("three men were arrested": an arrest stands without a named actor,
``senses.tsv`` "alone").

>>> from dossier.annotate import annotate
>>> doc = annotate("The general was put under house arrest. He put the bill under review.")
>>> found = custody_trigger(doc[3])
>>> found[0].type, found[0].mode, found[1].text
('COERCE', 'arrest', 'arrest')
>>> custody_trigger(doc[10]) is None
True
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.lexicon import Trigger
from dossier.extract.syntax import prep_objects

# verb -> the prepositions that put someone in custody with it
CUSTODY_VERBS: dict[str, frozenset[str]] = {
    "take": frozenset(["into"]),
    "place": frozenset(["under", "in", "into"]),
    "put": frozenset(["under", "in", "into", "behind"]),
    "send": frozenset(["to"]),
    "throw": frozenset(["into", "in"]),
    "lock": frozenset(["in"]),
}
# nouns for being held: "custody", "detention", "house arrest", "jail" (and "behind bars")
CUSTODIAL_NOUNS = frozenset("custody detention arrest jail prison gaol".split())


def custody_trigger(verb: Token) -> tuple[Trigger, Token] | None:
    """A COERCE arrest trigger for a verb that puts someone in custody, and the
    custodial noun (part of the trigger, no event of its own); else None."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    preps = CUSTODY_VERBS.get(lemma)
    if preps is None:
        return None
    for word, noun in prep_objects(verb):
        held = noun.lemma_.lower()
        if word in preps and (held in CUSTODIAL_NOUNS or word == "behind" and held == "bar"):
            trig = Trigger(lemma=f"{lemma} {word}", pos="VERB", type="COERCE", mode="arrest",
                           frame="act", objects=frozenset())  # fmt: skip
            return trig, noun
    return None
