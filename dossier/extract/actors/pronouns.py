"""What a pronoun or "the two countries" points back to.

A pronoun takes, in order: the subject of a clause it sits in when that subject
comes first ("the ministry said its forces ...": the first step of Hobbs's search);
else the last actor of its number named before ("they": the last plural actor, "it"
the last singular one, "he"/"she" the last person). "The two countries", "both
sides" are the last two states named. A pronoun is read once, when first met, and
keeps that reading (``Reader.pronouns``).

A new rule for what a pronoun or a group noun refers to goes here; reading "the
country" or "the two sides" back to the parties of an event told before is
``coreference``'s.

>>> from dossier.annotate import annotate
>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("The ministry said its forces would stay.")
>>> [m.text for m in ActorFinder(doc)._one(doc[3])]
['ministry']
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.entities import doc_ents
from dossier.extract.actors.reading import Reader
from dossier.extract.actors.words import (
    GROUP_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    SINGULAR_PRONOUNS,
)
from dossier.extract.syntax import children
from dossier.models import ActorMention


def pointed_to(reader: Reader, head: Token) -> list[ActorMention] | None:
    """The actors a pronoun or "the two countries" at ``head`` refers to ([] when a
    person pronoun has none); None when ``head`` is no such word or finds nothing
    before it to read it as."""
    low = head.lower_
    memory = reader.memory
    if head.i in reader.pronouns:
        return list(reader.pronouns[head.i])
    if low in PRONOUNS:
        bound = clause_antecedent(reader, head)
        if bound:  # "the ministry said its forces ...": the ministry's
            reader.pronouns[head.i] = bound
            return list(bound)
    if low in PLURAL_PRONOUNS and memory.plural:
        reader.pronouns[head.i] = list(memory.plural[-1])
        return list(memory.plural[-1])
    if low in SINGULAR_PRONOUNS and memory.singular:
        reader.pronouns[head.i] = [memory.singular[-1]]
        return [memory.singular[-1]]
    if low in PERSON_PRONOUNS:
        # "the Polish minister said his country", "X said he would": a possessive or a
        # subject may stand for its clause's subject, an object not ("X accused him")
        bound = clause_antecedent(reader, head) if head.dep_ in BINDABLE_DEPS else []
        if bound:
            reader.pronouns[head.i] = bound
            return list(bound)
        # the last person named; in a text that names none before, the last told by an
        # office with a state ("Germany's chancellor visited Kyiv. He said ...")
        last = memory.persons or ([] if person_named_before(reader, head) else (
            memory.office_holders))
        if last:
            reader.pronouns[head.i] = [last[-1]]
            return [last[-1]]
        return []
    if head.lemma_.lower() in GROUP_NOUNS and head.tag_ in ("NNS", "NNPS"):
        det = {c.lower_ for c in head.children}
        if det & {"two", "both"} and len(memory.states) >= 2:
            return list(memory.states[-2:])
    return None


# What a person pronoun is in its clause when it may stand for that clause's subject.
BINDABLE_DEPS = frozenset(["poss", "nsubj", "nsubjpass"])


def person_named_before(reader: Reader, head: Token) -> bool:
    """Whether a person's name (coded or not) comes before ``head`` in the text."""
    return any(ent.label_ == "PERSON" and ent.start < head.i for ent in doc_ents(reader.doc))


def names_a_person(reader: Reader, subj: Token) -> bool:
    """Whether a subject names one person: a person's name, or a singular noun of an
    office, rank or trade ("the Polish minister", "Poland's defence chief").

    >>> from dossier.annotate import annotate
    >>> from dossier.extract.actors import ActorFinder
    >>> doc = annotate("The Polish minister spoke. The Polish ministry spoke.")
    >>> names_a_person(ActorFinder(doc), doc[2]), names_a_person(ActorFinder(doc), doc[7])
    (True, False)
    """
    ent = reader.entity_at(subj)
    if ent is not None and ent.label_ == "PERSON":
        return True
    return subj.tag_ == "NN" and subj.lemma_.lower() in PERSON_NOUNS and not children(
        subj, "conj")


def clause_antecedent(reader: Reader, pronoun: Token) -> list[ActorMention]:
    """The subject of a clause the pronoun sits in, when that subject comes first
    and names an actor: "the ministry said its forces ...", "Russia moved its
    troops" (the first step of Hobbs's search, before the sentences told earlier).

    "its"/"it" takes a singular subject only; "their"/"they" either, as British
    usage refers to organisations in the plural; "his"/"her" one person, named or
    by the noun of an office or a trade ("the Polish minister said his country").
    """
    node = pronoun
    for _ in range(8):
        if node.head is node:
            return []
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        for subj in children(node, "nsubj", "nsubjpass"):
            if subj.i >= pronoun.i or subj.lower_ in PRONOUNS:
                continue
            if pronoun in subj.subtree:
                continue
            if pronoun.lower_ in SINGULAR_PRONOUNS and (
                subj.tag_ in ("NNS", "NNPS") or children(subj, "conj")
            ):
                continue  # "Mali says the rebels attacked its troops": Mali's
            if pronoun.lower_ in PERSON_PRONOUNS and not names_a_person(reader, subj):
                continue  # "his" is no ministry's
            found = [m for m in reader.in_phrase(subj, remember=False) if m.entity or m.noun]
            if found:
                return found
    return []
