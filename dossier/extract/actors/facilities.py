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

A place an attack or a raid is aimed at ("shelled Kharkiv", "struck the city of
Kharkiv", "an attack on the Belgorod region") is kept as the target with the kind
"place"; the resolver codes it as the state the place is in, as PETRARCH2's Phoenix
dictionaries list cities and regions among their state's names (KHARKIV_, ODESA_
and DONBAS_ are Ukraine's, MOSUL_ Iraq's).

>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("Russian forces shelled the city of Kharkiv.")
>>> found = place_target(ActorFinder(doc), doc[4])
>>> found.text, found.kind
('Kharkiv', 'place')
>>> place_target(ActorFinder(doc), doc[1]) is None
True
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.entities import PLACE_LABELS
from dossier.extract.actors.codes import entity_id, mention
from dossier.extract.actors.reading import Reader
from dossier.extract.lexicon import is_materiel
from dossier.extract.wordclasses import PLACE_NOUNS
from dossier.lexicons import wordnet
from dossier.models import ActorMention

# Things an attack hits, by their lemma: the nouns WordNet files first as a structure,
# facility, establishment, conveyance or vessel (``data/wordnet/facility_nouns.txt``,
# built by ``dossier.lexicons.build_facility_nouns``: "stadium", "supermarket",
# "minibus"), and this list, which also holds what WordNet files first under another
# sense ("school" and "church" an institution and a group, "market" an activity,
# "home" a dwelling's idea, "convoy" a group, "pipeline" a channel, "port" a place).
FACILITY_TARGETS = frozenset(
    """
    airfield airport airbase base port harbour harbor plant refinery depot facility station
    bridge dam embassy consulate camp barracks hospital clinic school university college
    market marketplace mosque church temple synagogue shrine hotel bar nightclub restaurant
    cafe home house residence office offices headquarters building compound pipeline tower
    infrastructure grid substation warehouse factory mine checkpoint outpost prison jail
    courthouse convoy vessel ship boat tanker train bus
    """.split()
)


TABLE = wordnet.FOLDER / "facility_nouns.txt"


def _wordnet_facilities() -> frozenset[str]:
    return wordnet.words("facility_nouns.txt")


def facility_noun(lemma: str) -> bool:
    """Whether a common noun's lemma names a building, site or vehicle an attack can
    hit; weapons and military vehicles ("tank", "drone", "missile") are the
    equipment's reading, not this one.

    >>> facility_noun("stadium"), facility_noun("minibus"), facility_noun("school")
    (True, True, True)
    >>> facility_noun("tank"), facility_noun("lawyer"), facility_noun("city")
    (False, False, False)
    """
    return lemma in FACILITY_TARGETS or (
        lemma in _wordnet_facilities() and not is_materiel(lemma))


def facility(head: Token) -> ActorMention | None:
    """The facility a noun phrase headed by ``head`` names, with its "of" phrase ("the
    home of an opposition lawmaker"), without its determiner; None for other nouns."""
    if head.pos_ != "NOUN" or not facility_noun(head.lemma_.lower()):
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


def place_target(reader: Reader, head: Token) -> ActorMention | None:
    """The place a noun phrase headed by ``head`` names, when it names no actor: a place
    entity at the head ("Kharkiv", "the Belgorod region"), or after "of" a settlement
    noun ("the city of Kharkiv"); None otherwise (a state, a person, an organisation)."""
    heads = [head]
    if head.pos_ == "NOUN" and head.lemma_.lower() in PLACE_NOUNS:  # "the port of Odesa"
        heads += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
    for word in heads:
        ent = reader.entity_at(word)
        ident = entity_id(ent) if ent is not None else None
        if ent is None or ent.label_ not in PLACE_LABELS or (
                ident is not None and not ident.startswith("place:")):
            continue  # no place, or a state or organisation the finder reads
        found = mention(word.doc, ent.start, ent.end, ident, None)
        found.kind = "place"
        return found
    return None
