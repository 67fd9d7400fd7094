"""People whose surname is also a place: "Rear Admiral Roy Vincent Trinidad", "Colonel
Ben Jordan", "Chad said".

The gazetteer ruler (``annotation.gazetteers.Gazetteers``) tags states, capitals and places
wherever their names are written, and its matches replace the model's entities they
overlap.  A surname that is a place name would then turn a person into a state:
"navy spokesman Roy Vincent Trinidad said" would be Trinidad and Tobago speaking.
Two rules keep the person:

- ``person_ends_with``: a place match that only ends a longer PERSON entity of the
  model (the given names before it) is the person's surname, and the ruler keeps the
  person (``Gazetteers`` asks before it overwrites);
- ``SurnameReferences`` (the ``dossier_surnames`` component, after the ruler): the
  surname written alone later in the text ("..., Trinidad said.") is that person
  again, unless a preposition of place comes before it ("in Jordan", "to Chad").

>>> from dossier.annotate import annotate
>>> doc = annotate("Army spokesman Ben Jordan spoke. Rebels shelled the base, Jordan said. "
...                "Talks were held in Jordan.")
>>> [(e.text, e.label_) for e in doc.ents if "Jordan" in e.text]
[('Ben Jordan', 'PERSON'), ('Jordan', 'PERSON'), ('Jordan', 'GPE')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

# the ruler's place and state entities a surname can be mistaken for
from dossier.entities import PLACE_LABELS

# Words before a name that make it a place: "in Jordan", "to Chad", "from Georgia".
PLACE_PREPOSITIONS = frozenset(
    "in into to from at near across inside outside around toward towards via of".split()
)


def person_ends_with(people: list[Span], start: int, end: int) -> bool:
    """Whether tokens ``start:end`` end one of ``people`` (the model's PERSON entities)
    that begins before them with a capitalised given name: a surname, not a place."""
    for person in people:
        if person.start >= start or person.end != end:
            continue
        if not all(t.is_alpha and t.is_title for t in person):
            continue  # "Trump-Wisconsin": two names the model ran together
        after = person.doc[end] if end < len(person.doc) else None
        if after is not None and after.is_title:
            continue  # "George Washington Bridge": a place named after a person
        return True
    return False


class SurnameReferences:
    """Relabel as PERSON a one-word place entity that repeats the surname of a person
    named earlier in the document ("Colonel Ben Jordan ... Jordan said")."""

    def __call__(self, doc: Doc) -> Doc:
        surnames: set[str] = set()
        changed = False
        ents = list(doc.ents)
        for n, ent in enumerate(ents):
            if ent.label_ == "PERSON" and len(ent) > 1:
                surnames.add(ent[-1].text)
                continue
            if (
                ent.label_ in PLACE_LABELS
                and len(ent) == 1
                and ent.text in surnames
                and not (ent.start and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS)
            ):
                for token in ent:
                    token.ent_id_ = ""  # the state's id is kept on the tokens otherwise
                ents[n] = Span(doc, ent.start, ent.end, label="PERSON")
                changed = True
        if changed:
            doc.ents = ents
        return doc


@Language.factory("dossier_surnames")
def make_surnames(nlp: Language, name: str) -> SurnameReferences:
    return SurnameReferences()
