"""Arrests told by a verb and a place of custody: "taken into custody", "placed under
house arrest", "put behind bars", "sent to prison", "thrown into jail", "remanded in
custody", "held in detention".

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

# nouns for being held: "custody", "detention", "house arrest", "jail" (and "behind bars")
CUSTODIAL_NOUNS = frozenset("custody detention arrest jail prison gaol".split())
# nouns for the state of being held, which "hold" and "remand" take ("held in custody";
# not "a concert held in the prison")
HELD_NOUNS = frozenset("custody detention".split())
# verb -> (the prepositions that put someone in custody with it, the nouns they take)
CUSTODY_VERBS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "take": (frozenset(["into"]), CUSTODIAL_NOUNS),
    "place": (frozenset(["under", "in", "into"]), CUSTODIAL_NOUNS),
    "put": (frozenset(["under", "in", "into", "behind"]), CUSTODIAL_NOUNS),
    "send": (frozenset(["to"]), CUSTODIAL_NOUNS),
    "throw": (frozenset(["into", "in"]), CUSTODIAL_NOUNS),
    "lock": (frozenset(["in"]), CUSTODIAL_NOUNS),
    "remand": (frozenset(["in", "into"]), HELD_NOUNS),
    "hold": (frozenset(["in"]), HELD_NOUNS),
}


def custody_trigger(verb: Token) -> tuple[Trigger, Token] | None:
    """A COERCE arrest trigger for a verb that puts someone in custody, and the
    custodial noun (part of the trigger, no event of its own); else None."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma not in CUSTODY_VERBS:
        return None
    preps, nouns = CUSTODY_VERBS[lemma]
    for word, noun in prep_objects(verb):
        held = noun.lemma_.lower()
        if word in preps and (held in nouns or word == "behind" and held == "bar"):
            trig = Trigger(lemma=f"{lemma} {word}", pos="VERB", type="COERCE", mode="arrest",
                           frame="act", objects=frozenset())  # fmt: skip
            return trig, noun
    return None
