"""People the tables know, whatever label the model gives their names.

The small English model tags many a statesman's name as an organisation or a place
("Olaf Scholz" ORG, "Peer Steinbrueck" GPE). A full name (two words or more) that
``data/people.tsv`` or the Phoenix actor dictionaries (``dossier/data/petrarch/``)
list as a person is that person: ``KnownPeople`` (the ``dossier_known_people``
component, after ``dossier_surnames``) relabels such an entity PERSON, so every later
stage reads a person, coded by the role held on the event's date
(``resolve/roles.py``), remembered for "he" and "his". An entity the gazetteer ruler
identified (a state, a place, an organisation: it has an id) keeps its reading, and so
does one word alone ("Jordan", "Chad"). A possessive the model took into the name
("Olaf Scholz's") is left out of it.

>>> from dossier.annotate import annotate
>>> doc = annotate("Olaf Scholz's government sent tanks.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Olaf Scholz', 'PERSON')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.resolve import roles

POSSESSIVES = frozenset(["'s", "’s", "'"])


def person_name(ent: Span) -> Span | None:
    """The part of an entity not labelled PERSON that is the full name of a person
    the tables know (its possessive ending left out), or None."""
    if ent.label_ == "PERSON" or any(t.ent_id_ for t in ent):
        return None
    end = ent.end - 1 if ent[-1].lower_ in POSSESSIVES else ent.end
    words = [t for t in ent.doc[ent.start : end] if not t.is_punct]
    if len(words) < 2 or not all(t.is_alpha and t.is_title for t in words):
        return None  # one word, or not written as a name ("Oxford Street 10")
    name = ent.doc[ent.start : end]
    return Span(ent.doc, ent.start, end, label="PERSON") if roles.is_known(name.text) else None


class KnownPeople:
    """Relabel PERSON the entities that name a person the tables know."""

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for n, ent in enumerate(ents):
            if ent.label_ == "PERSON" or len(ent) < 2:
                continue
            person = person_name(ent)
            if person is not None:
                ents[n] = person
                changed = True
        if changed:
            doc.ents = ents
        return doc


@Language.factory("dossier_known_people")
def make_known_people(nlp: Language, name: str) -> KnownPeople:
    return KnownPeople()
