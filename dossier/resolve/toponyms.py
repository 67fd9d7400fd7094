"""The places a story names: find them in an annotated Doc, then resolve them together.

Detection goes beyond the English model's GPE/LOC/FAC entities and the
gazetteer's ``place:``/``state:`` entities (``dossier.annotate``):

- places heading the names of organisations and officials ("the Madison
  County Health Department", "Laurel County Clerk Dean Johnson");
- adjectives of continents and regions ("European officials"), as the
  gazetteer's states already cover "Russian";
- entities the model mislabelled, when a locative preposition precedes a
  known place ("a home in Clinton") or the story names them as a place
  elsewhere (one sense per story);
- capitalised words outside every entity that do the same ("a fire in Winsted");
- datelines and lawmakers' homes ("ORLANDO, Fla. (AP) --", "D-N.D."), county
  lists ("Jackson and Barrow counties");
- airports and air bases (``airfields``): "Incirlik Air Base" labelled ORG,
  "Engels" with the "air base" after it, "Heathrow and Gatwick" labelled PERSON.

``resolve_toponyms`` resolves them all with ``places.resolve_places`` (each
by what the other places name). The extractor's ``Resolver`` and ``dossier
eval geo`` both use it, so the evaluation measures what the product does.

>>> from dossier.annotate import annotate
>>> doc = annotate("Firefighters from Gainesville and Buford, Ga., fought the blaze.")
>>> [(span.text, place.name, round(place.lat)) for span, place in resolve_toponyms(doc)]
[('Gainesville', 'Gainesville', 34), ('Buford', 'Buford', 34), ('Ga.', 'Georgia', 33)]

(Gainesville, Georgia, not the bigger Gainesville, Florida, at latitude 30.)
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from dossier.models import Place
from dossier.resolve import airfields
from dossier.resolve.places import (
    ABBREVIATIONS,
    REGION_DEMONYMS,
    county_list_places,
    dateline_places,
    embedded_place,
    known_place,
    place_context,
    resolve_places,
)

__all__ = ["find_toponyms", "resolve_toponyms"]

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities the model may have mislabelled that are places when they name one after a
# locative preposition ("a home in Clinton"), or elsewhere in the story.
OTHER_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EQUIPMENT")
LOCATIVES = frozenset(["in", "near", "outside", "across", "around", "throughout", "from"])


def _placed_before(doc: Doc, start: int) -> bool:
    """Whether the words before ``doc[start]`` put a place there: a locative preposition
    ("a home in Clinton", "a Republican from Florence") or a person's home ("Mindy
    Miller of Ravenel", "Rebecca Sears, 41, of Grovetown")."""
    before = doc[start - 1].text.lower() if start else ""
    if before in LOCATIVES:
        return True
    if before != "of" or start < 2:
        return False
    prev = doc[start - 2]
    if prev.text == "," and start >= 3:
        prev = doc[start - 3]
    aged = prev.text.isdigit() and doc[start - 2].text == ","  # "Sears, 41, of"
    return prev.ent_type_ == "PERSON" or aged


def find_toponyms(doc: Doc) -> list[Span]:
    """The places Dossier finds in ``doc``: the model's GPE/LOC/FAC entities, the
    gazetteer's states and places, and places at the head of organisations' names
    ("the Madison County Health Department")."""
    spans = [
        ent for ent in doc.ents
        if ent.label_ in PLACE_LABELS or ent.ent_id_.startswith(("place:", "state:"))
    ]  # fmt: skip
    context = place_context([ent.text for ent in spans], doc.text)
    admin1 = context.admin1
    hits = airfields.scan(doc)  # airport words, big airports' names: most stories have none
    countries = airfields.story_countries(doc, context.countries) if hits else ()
    spans = [_with_county(doc, ent, admin1) or _with_period(doc, ent)
             or (airfields.with_airport_word(doc, ent, countries, hits) if hits else None)
             or ent for ent in spans]
    named = {ent.text for ent in spans}
    for ent in doc.ents:
        if ent.label_ not in OTHER_LABELS or ent.ent_id_.startswith(("place:", "state:")):
            continue
        county = _with_county(doc, ent, admin1)
        if county is not None:  # "Black Hawk County": the gazetteer took a helicopter
            spans.append(county)
            continue
        if ent.ent_id_:
            continue
        field = airfields.airfield_span(doc, ent, countries, admin1, hits) if hits else None
        if field is not None:  # "Incirlik Air Base" labelled ORG, "Gatwick" labelled PERSON
            spans.append(field)
            continue
        if ent.text in named:  # one sense per story: "Oxford" is a place elsewhere in it
            spans.append(ent)
            continue
        if ent.label_ == "NORP" and ent.text in REGION_DEMONYMS:  # "European officials"
            spans.append(ent)
            continue
        if _placed_before(doc, ent.start) and known_place(ent.text, admin1):  # "in Clinton"
            spans.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        found = embedded_place(ent.text, admin1, people=ent.label_ == "PERSON")
        part = found and doc.char_span(ent.start_char + found[0], ent.start_char + found[1])
        if part is not None:
            spans.append(Span(doc, part.start, part.end, label="GPE"))
    taken = {i for span in spans for i in range(span.start, span.end)}
    for span in _unlabelled_places(doc, named, admin1):
        if not taken.intersection(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    for span in airfields.unlabelled_airfields(doc, taken, countries, hits):  # "Saki airfield"
        spans.append(span)
        taken.update(range(span.start, span.end))
    counties = county_list_places(doc.text)
    for start, end in [*dateline_places(doc.text), *counties]:
        part = doc.char_span(start, end, alignment_mode="expand")
        if part is not None and not taken.intersection(range(part.start, part.end)):
            county = "county" if (start, end) in counties else ""  # "Barrow" of "... counties"
            spans.append(Span(doc, part.start, part.end, label="GPE", kb_id=county))
    return sorted(spans, key=lambda span: span.start)


def _with_period(doc: Doc, ent: Span) -> Span | None:
    """``ent`` with the full stop the tokenizer split off an abbreviation after a place
    and a comma ("Wainwright, Alta., ..." gives "Alta", a town in Norway; "Alta." is
    Alberta)."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or after.text != "." or doc[ent.end - 1].whitespace_:
        return None
    if ent.start == 0 or doc[ent.start - 1].text != ",":
        return None
    if f"{ent.text}." not in ABBREVIATIONS:
        return None
    return Span(doc, ent.start, ent.end + 1, label=ent.label_)


def _with_county(doc: Doc, ent: Span, admin1: tuple[str, ...]) -> Span | None:
    """``ent`` with the "County" or "Parish" after it that the model left out, when
    the two name a known county ("in Seminole County)", where the model took
    "Seminole")."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or after.text not in ("County", "Parish") or after.ent_type_:
        return None
    if not known_place(f"{ent.text} {after.text}", admin1):
        return None
    return Span(doc, ent.start, ent.end + 1, label="GPE")


def _unlabelled_places(doc: Doc, named: set[str], admin1: tuple[str, ...]) -> list[Span]:
    """Capitalised words outside every entity that name a place the story names
    elsewhere, or a known place after "in"/"near" ("a fire in Winsted")."""
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not token.is_title or token.is_sent_start:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        placed = _placed_before(doc, i)
        for stop in range(end, i, -1):
            text = doc[i:stop].text
            if text in named or (placed and known_place(text, admin1)):
                found.append(Span(doc, i, stop, label="GPE"))
                end = stop
                break
        i = end
    return found


def resolve_toponyms(doc: Doc) -> list[tuple[Span, Place | None]]:
    """Every toponym ``find_toponyms`` finds, with the place it resolves to (or None).

    States named other than as a place ("Russian") are context before the
    places' own; a county of a county list is looked up as "<name> County".
    """
    spans = find_toponyms(doc)
    texts = [f"{ent.text} County" if ent.kb_id_ == "county" else ent.text for ent in spans]
    others = Counter(
        ent.ent_id_.split(":", 1)[1] for ent in doc.ents
        if ent.ent_id_.startswith("state:") and ent.label_ not in PLACE_LABELS
    )  # fmt: skip
    resolved = resolve_places(
        texts, document=doc.text, context=[code for code, _n in others.most_common()]
    )
    return list(zip(spans, resolved, strict=True))
