"""A person an attack or an arrest falls on, named by a common noun: "a lawyer was
shot dead", "assaulted two schoolgirls", "the arrest of the rapper".  ACLED records
such a victim as the event's target; Dossier keeps it with no code, and with the
sector of its noun when Phoenix's agents or the actor nouns list it ("lawyer":
judiciary), else the kind "people" (a person or a group named by what they are, not
by name: the political filter counts them as it counts no one named, ``pipeline.
political_actors``).

A noun names a person when its most frequent WordNet sense is a person (the
lexicographer file ``noun.person``: ``data/wordnet/person_nouns.txt``, built by
``lexicons/build_person_nouns.py``) or Phoenix lists it as an agent that is not a
thing (``words.agent_head``).  The finder reads one of Phoenix's agents as an actor
only in the plural ("traders"), as one alone is a private person who does not act
for a group ("the waiter asked"); as the one an attack hits, a private person is
what the event is about.

>>> from dossier.annotate import annotate
>>> doc = annotate("Gunmen shot a prominent lawyer and two schoolgirls near the tower.")
>>> [(m.text, m.noun, m.kind) for m in (victim(doc[4]), victim(doc[7]))]
[('prominent lawyer', 'lawyer', None), ('two schoolgirls', None, 'people')]
>>> victim(doc[10]) is None
True
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.actors.codes import mention
from dossier.extract.actors.words import agent_head
from dossier.extract.wordclasses import QUANTITY_NOUNS
from dossier.lexicons import wordnet
from dossier.models import ActorMention
from dossier.resolve.agents import noun_sector

TABLE = wordnet.FOLDER / "person_nouns.txt"


def _person_nouns() -> frozenset[str]:
    return wordnet.words("person_nouns.txt")


def person_noun(lemma: str) -> bool:
    """Whether a common noun's lemma names a person.

    >>> person_noun("rapper"), person_noun("kidnapper"), person_noun("tower"), person_noun("office")
    (True, True, False, False)
    """
    return lemma in _person_nouns() or agent_head(lemma)


def victim(head: Token) -> ActorMention | None:
    """The person a noun phrase headed by ``head`` names, with its modifiers and a
    name in apposition ("the rapper, Jane Doe"), without its determiner; None when
    the head is no common noun naming a person."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or not person_noun(lemma):
        return None
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in ("det", "poss", "case") or doc[start].is_punct):
        start += 1
    end = head.i + 1
    for child in head.rights:  # "the rapper, Jane Doe", "relatives of missing persons"
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            end = max(end, child.right_edge.i + 1)
        if child.dep_ == "prep" and child.lower_ == "of":
            end = max([end] + [o.i + 1 for o in child.children if o.dep_ == "pobj"])
    noun = lemma if noun_sector(lemma) is not None else None
    found = mention(doc, start, end, None, noun)
    if noun is None:
        found.kind = "people"
    return found


def people_acting(head: Token) -> ActorMention | None:
    """A group of people named by a plural person noun, as the doer of an attack or a
    protest ("rioting supporters threw stones", "relatives of missing persons
    demonstrated"): ACLED records them as the actor; one person alone is a private
    person (as the finder reads Phoenix's agents), so None for a singular noun.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Supporters of the opposition clashed with a supporter of the mayor.")
    >>> people_acting(doc[0]).text, people_acting(doc[7])
    ('Supporters of the opposition', None)
    >>> doc = annotate("Hundreds of pensioners marched.")
    >>> people_acting(doc[0]).text
    'Hundreds of pensioners'
    """
    if head.lemma_.lower() in QUANTITY_NOUNS or head.pos_ == "NUM":  # "hundreds of pensioners"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    found = people_acting(obj) if obj.dep_ == "pobj" else None
                    if found is not None:
                        found.start = head.doc[head.left_edge.i].idx
                        found.text = head.doc.text[found.start : found.end]
                        return found
        return None
    return victim(head) if head.tag_ == "NNS" else None
