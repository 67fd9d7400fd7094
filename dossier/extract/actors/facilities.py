"""What an attack or a raid hits when it names no actor: a building, a site or a convoy
("struck a school in Kharkiv", "an attack on a police station", "hurled a grenade at
a bar") is kept as the target with the kind "facility" and no code, as ACLED records
the target of an attack.  A state the phrase names ("the Russian oil refinery") is
read before this, by the finder, and wins.

>>> from dossier.annotate import annotate
>>> doc = annotate("Gunmen attacked the offices of a local newspaper in Culiacan.")
>>> found = facility(doc[3])
>>> found.text, found.kind, found.entity
('offices of a local newspaper', 'facility', None)
>>> facility(doc[0]) is None
True
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.actors.codes import mention
from dossier.models import ActorMention

# Things an attack hits ("school", "refinery", "convoy"): buildings, sites, works
# and vehicles in a group, by their lemma.
FACILITY_TARGETS = frozenset(
    """
    airfield airport airbase base port harbour harbor plant refinery depot facility station
    bridge dam embassy consulate camp barracks hospital clinic school university college
    market marketplace mosque church temple synagogue shrine hotel bar nightclub restaurant
    cafe home house residence office offices headquarters building compound pipeline tower
    infrastructure grid substation warehouse factory mine checkpoint outpost prison jail
    courthouse convoy vessel ship tanker train bus
    """.split()
)


def facility(head: Token) -> ActorMention | None:
    """The facility a noun phrase headed by ``head`` names, with its "of" phrase ("the
    home of an opposition lawmaker"), without its determiner; None for other nouns."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in FACILITY_TARGETS:
        return None
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in ("det", "poss") or doc[start].is_punct):
        start += 1
    end = head.i + 1
    for prep in head.rights:  # "of a local newspaper", not what follows the newspaper
        if prep.dep_ == "prep" and prep.lower_ == "of":
            end = max([end] + [o.i + 1 for o in prep.children if o.dep_ == "pobj"])
    found = mention(doc, start, end, None, None)
    found.kind = "facility"
    return found
