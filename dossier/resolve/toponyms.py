"""The places a story names: find them in an annotated Doc, then resolve them together.

Detection goes beyond the English model's GPE/LOC/FAC entities and the
gazetteer's ``place:``/``state:`` entities (``dossier.annotate``):

- places heading the names of organisations and officials ("the Madison
  County Health Department", "Laurel County Clerk Dean Johnson"), and the states
  whose name or adjective opens an organisation's name ("the Syrian army");
- adjectives of continents and regions ("European officials"), as the
  gazetteer's states already cover "Russian", and the people of US states and
  Canadian provinces ("8,000 Minnesotans");
- entities the model mislabelled, when a locative preposition precedes a
  known place ("a home in Clinton") or any town that is not a common word or
  name, an institution or the surname of one of the story's people ("Sam Pike
  of Glen Allen"), or the story names them as a place elsewhere (one sense per
  story; so are the other mentions of a place found by the rules below);
- capitalised words outside every entity that do the same ("a fire in Winsted");
- towns before a noun for their people or officials, after an article or a number
  ("a Crafton man", "the two Hamilton women", "an Oxford police officer"), even small
  towns the story's states do not hold, and after "the City of", "the village of";
- towns listed with a place found ("and", "or", a comma) that have a namesake
  near one of its namesakes ("Gainesville and Lindsay", "Bicester and Kidlington");
- a place whose first word the gazetteer took for another place ("Guernsey
  County", "Lebanon County", "San Jose");
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

import re
from collections import Counter

from spacy.attrs import ENT_TYPE, IS_TITLE
from spacy.tokens import Doc, Span

from dossier import gazetteer
from dossier.annotate import doc_ents, doc_text
from dossier.entities import PLACE_LABELS
from dossier.models import Place
from dossier.resolve import airfields
from dossier.resolve.places import (
    ABBREVIATIONS,
    INSTITUTION_WORDS,
    NAMESAKES,
    REGION_DEMONYMS,
    county_list_places,
    dateline_places,
    embedded_place,
    known_place,
    namesakes_near,
    place_context,
    resolve_places,
    subdivision_demonym,
    town_named,
)

__all__ = ["find_toponyms", "resolve_toponyms"]

# Entities the model may have mislabelled that are places when they name one after a
# locative preposition ("a home in Clinton"), or elsewhere in the story.
OTHER_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EQUIPMENT")
LOCATIVES = frozenset(["in", "near", "outside", "across", "around", "throughout", "from"])


# Nouns for people that a town's name goes before ("a Crafton man", "the two Hamilton
# women", "a Lovejoy senior", "a Delta police officer"), after an article or a number.
RESIDENT_WORDS = frozenset(
    "man woman men women couple resident residents native natives teen teens teenager "
    "teenagers boy boys girl girls senior seniors student students homeowner homeowners "
    "motorist motorists motorcyclist driver drivers youth police officer officers official "
    "officials council mayor firefighters voters taxpayers".split()
)
MUNICIPALITIES = frozenset("city town village township borough hamlet".split())
DETERMINERS = frozenset("a an the two three four five several some".split())


def _resident_of(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` comes between an article and a noun for its people
    ("a Crafton man", "The Jordan resident"), or heads a headline so ("Clinton couple
    faces charges")."""
    after = doc[end].lower_ if end < len(doc) else ""
    if after not in RESIDENT_WORDS:
        return False
    return doc[start].is_sent_start or (start > 0 and doc[start - 1].lower_ in DETERMINERS)


def _after_municipality(doc: Doc, start: int) -> bool:
    """Whether "City of", "the village of" comes before ``doc[start]``."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in MUNICIPALITIES


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
    if _after_municipality(doc, start):  # "the City of Oxford", "the village of Penacook"
        return True
    if prev.text == "," and start >= 3:
        prev = doc[start - 3]
    aged = prev.text.isdigit() and doc[start - 2].text == ","  # "Sears, 41, of"
    return prev.ent_type_ == "PERSON" or aged


def find_toponyms(doc: Doc) -> list[Span]:
    """The places Dossier finds in ``doc``: the model's GPE/LOC/FAC entities, the
    gazetteer's states and places, and places at the head of organisations' names
    ("the Madison County Health Department")."""
    ents = doc_ents(doc)  # spaCy builds ``doc.ents`` anew, over every token, at each access
    spans = [
        _completed(doc, ent) for ent in ents
        if ent.label_ in PLACE_LABELS or ent.ent_id_.startswith(("place:", "state:"))
    ]  # fmt: skip
    text = doc_text(doc)  # spaCy joins every token's text anew at each access of doc.text
    context = place_context([ent.text for ent in spans], text)
    admin1 = context.admin1
    hits = airfields.scan(doc)  # airport words, big airports' names: most stories have none
    countries = airfields.story_countries(doc, context.countries) if hits else ()
    spans = [_with_period(doc, ent)  # "County" after a place: see _completed
             or airfields.with_airport_word(doc, ent, countries, hits, NAMESAKES)
             or ent for ent in spans]
    named = {ent.text for ent in spans}
    people = _people(ents)
    for ent in ents:
        if ent.label_ not in OTHER_LABELS or ent.ent_id_.startswith(("place:", "state:")):
            continue
        county = _with_county(doc, ent, admin1)
        if county is not None:  # "Black Hawk County": the gazetteer took a helicopter
            spans.append(county)
            continue
        if ent.label_ == "ORG" and (state := _leading_state(doc, ent)) is not None:
            spans.append(state)  # "the Syrian Observatory", "Russian Foreign Ministry"
            continue
        if ent.ent_id_:
            continue
        field = airfields.airfield_span(doc, ent, countries, admin1, hits, NAMESAKES)
        if field is not None:  # "Incirlik Air Base" labelled ORG, "Gatwick" labelled PERSON
            spans.append(field)
            continue
        bare = ent[:-1] if len(ent) > 1 and ent[-1].text in ("’s", "'s") else ent
        if bare.text in named:  # one sense per story: "Oxford" is a place elsewhere in it
            spans.append(bare)  # ("Clark County’s", a PERSON to the model)
            continue
        if ent.label_ == "NORP" and (
            ent.text in REGION_DEMONYMS or subdivision_demonym(ent.text)
        ):  # "European officials", "8,000 Minnesotans"
            spans.append(ent)
            continue
        if _placed_before(doc, ent.start):  # "a home in Clinton", "a fire in Penacook"
            end = _town_end(doc, ent, admin1, people, _after_municipality(doc, ent.start))
            if end:
                spans.append(Span(doc, ent.start, end, label="GPE"))
                continue
        if _resident_of(doc, ent.start, ent.end) and town_named(ent.text):  # "a Crafton man"
            spans.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        found = embedded_place(ent.text, admin1, people=ent.label_ == "PERSON")
        part = found and doc.char_span(ent.start_char + found[0], ent.start_char + found[1])
        if part is not None:
            spans.append(Span(doc, part.start, part.end, label="GPE"))
    taken = {i for span in spans for i in range(span.start, span.end)}
    for span in _unlabelled_places(doc, named, admin1, people, institutions=True):
        if not taken.intersection(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    # "Saki airfield", "Heathrow and Gatwick"
    for span in airfields.unlabelled_airfields(doc, taken, countries, hits, NAMESAKES):
        spans.append(span)
        taken.update(range(span.start, span.end))
    counties = county_list_places(text)
    for start, end in [*dateline_places(text), *counties]:
        part = doc.char_span(start, end, alignment_mode="expand")
        if part is None:
            continue
        within = [s for s in spans if s.start < part.end and part.start < s.end]
        if within and all(part.start <= s.start and s.end <= part.end and len(s) < len(part)
                          for s in within):  # the model's "ST" of "ST. PAUL --"
            spans = [s for s in spans if s not in within]
            taken.difference_update(range(part.start, part.end))
        if not taken.intersection(range(part.start, part.end)):
            county = "county" if (start, end) in counties else ""  # "Barrow" of "... counties"
            spans.append(Span(doc, part.start, part.end, label="GPE", kb_id=county))
            taken.update(range(part.start, part.end))
    spans += _listed_with(doc, spans, taken, people)
    spans += _named_again(doc, ents, {span.text for span in spans} - named - people, taken)
    return sorted((s for s in spans if not _cardinal_region(doc, s)), key=lambda s: s.start)


# A point of the compass with "the" is a part of the world, not a town of that name.
CARDINAL_WORDS = frozenset("north south east west midwest".split())


def names_cardinal_region(text: str, start: int, end: int) -> bool:
    """The characters ``text[start:end]`` are a point of the compass after "the" ("to
    the North"): a part of the world or of a country, no place (``_cardinal_region``).

    >>> names_cardinal_region("arms sent to the North", 17, 22)
    True
    >>> names_cardinal_region("a blast in West, Texas", 11, 15)
    False
    """
    before = text[max(0, start - 5) : start].lower().split()
    return text[start:end].lower() in CARDINAL_WORDS and bool(before) and before[-1] == "the"


def _cardinal_region(doc: Doc, span: Span) -> bool:
    """ "the West", "the North", "the Midwest": a part of the world or of a country
    named by a point of the compass, never the town called West or North (a town
    takes no article); no point on a map, so no place and no place context.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Chile sells as much as we do in the West.")
    >>> _cardinal_region(doc, doc[9:10]), _cardinal_region(doc, doc[0:1])
    (True, False)
    """
    return len(span) == 1 and names_cardinal_region(doc_text(doc), span.start_char, span.end_char)


def _leading_state(doc: Doc, ent: Span) -> Span | None:
    """The state's name or adjective that opens an organisation's name ("Syrian" of "the
    Syrian Observatory for Human Rights", "the Syrian army"), or None. It counts as a
    place, as the same word alone does; more of the name must follow it."""
    start = ent.start + (doc[ent.start].lower_ == "the")
    for end in (start + 2, start + 1):
        if end >= ent.end:
            continue
        entry = gazetteer.lookup(doc[start:end].text)
        if entry is not None and entry.kind in ("state", "demonym"):
            return Span(doc, start, end, label="GPE")
    return None


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


LIST_WORDS = frozenset(["and", "or", ","])
STREETS = frozenset("street streets road roads avenue avenues drive lane boulevard".split())


def _listed_with(doc: Doc, spans: list[Span], taken: set[int], people: frozenset[str]
                 ) -> list[Span]:
    """Names joined by "and", "or" or a comma to a place found, that name a town near
    one of that place's namesakes ("Gainesville and Lindsay", "Bicester and Kidlington")."""
    found = []
    for span in spans:
        for start in (span.end + 1, span.start - 2):  # the name after, or before
            if not 0 <= start < len(doc) or doc[start - 1 if start > span.start else start + 1
                                                ].text not in LIST_WORDS:
                continue
            end = start
            if start < span.start:  # back to the name's first word
                while start > 0 and doc[start - 1].is_title and span.start - start < 3:
                    start -= 1
                end = span.start - 1
            else:
                while end < len(doc) and doc[end].is_title and end - start < 3:
                    end += 1
            last = max(end, span.end)
            if end <= start or taken.intersection(range(start, end)) or (
                last < len(doc) and doc[last].lower_ in STREETS
            ):  # "Lakeview and Harrison streets"
                continue
            if any(t.ent_type_ and t.ent_type_ not in OTHER_LABELS for t in doc[start:end]):
                continue
            text = doc[start:end].text
            if _small_town(text, people, common=True) and namesakes_near(text, span.text):
                found.append(Span(doc, start, end, label="GPE"))
                taken.update(range(start, end))
    return found


def _named_again(doc: Doc, ents: tuple[Span, ...], names: set[str], taken: set[int]
                 ) -> list[Span]:
    """Other mentions of ``names``, the places found by their surroundings ("a Crafton
    man"), that the model took for something else or left out (one sense per story)."""
    if not names:
        return []
    found = []
    for ent in ents:
        if ent.text in names and ent.label_ in OTHER_LABELS and not ent.ent_id_ and not (
            taken.intersection(range(ent.start, ent.end))
        ):
            found.append(Span(doc, ent.start, ent.end, label="GPE"))
            taken.update(range(ent.start, ent.end))
    for span in _unlabelled_places(doc, names, (), frozenset()):
        if span.text in names and not taken.intersection(range(span.start, span.end)):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def _completed(doc: Doc, ent: Span) -> Span:
    """The place with the words after it, when together they name a place the
    gazetteer knows: "County" or "Parish" ("Guernsey County", whose first word the
    gazetteer took for the island), or capitalised words outside every entity ("San
    Jose", whose first word it took for the town of San, Mali)."""
    end = ent.end
    while end < len(doc) and end - ent.end < 2 and (
        (word := doc[end]).text in ("County", "Parish") or word.is_title and not word.ent_type
    ):
        end += 1
    if end == ent.end or not doc[ent.start].text[:1].isupper():
        return ent  # no word to add, or a place written in lower case
    for stop in range(end, ent.end, -1):
        if known_place(doc[ent.start:stop].text):
            return Span(doc, ent.start, stop, label="GPE")
    return ent


# Institutions written like a one-word place name after "in" ("in Congress").
INSTITUTIONS = frozenset(["Congress", "Parliament", "Senate", "Legislature", "Assembly"])


def _people(ents: tuple[Span, ...]) -> frozenset[str]:
    """The surnames of the story's people ("Jones" of "Ricky Jones")."""
    return frozenset(ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1)


def _town_end(doc: Doc, ent: Span, admin1: tuple[str, ...], people: frozenset[str],
              common: bool = False) -> int | None:
    """Where the town that ``ent`` names ends, with the capitalised words after it
    outside every entity ("of Glen Allen", the model's "Glen"), or None: not a town
    that only begins the name ("Meadow" of "Meadow Grove", a village too small to know).
    With ``common`` ("City of Oxford"), a common word or name is a town too."""
    end = _title_run(doc, ent.end, 2)
    text = doc[ent.start:end].text
    return end if known_place(text, admin1) or _small_town(text, people, common) else None


def _title_run(doc: Doc, start: int, most: int) -> int:
    """Where the capitalised words outside every entity from ``doc[start]`` end, after at
    most ``most`` of them."""
    end = start
    while end < len(doc) and end - start < most and doc[end].is_title and not doc[end].ent_type_:
        end += 1
    return end


def _small_town(text: str, people: frozenset[str], common: bool = False) -> bool:
    """Whether ``text``, after a locative preposition, is a town anywhere ("a fire in
    Penacook"): not a common word or name (unless ``common``), nor one of the story's
    people or institutions."""
    return text not in people and text not in INSTITUTIONS and town_named(text, common=common)


def _unlabelled_places(doc: Doc, named: set[str], admin1: tuple[str, ...],
                       people: frozenset[str], institutions: bool = False) -> list[Span]:
    """Capitalised words outside every entity that name a place the story names
    elsewhere, or a known place after "in"/"near" ("a fire in Winsted"): a known
    city, county or town of the story's states, or any town that is all the
    capitalised words there are ("in Penacook", not "Meadow" of "Meadow Grove");
    with ``institutions``, also towns opening an institution's name
    (``_heading_institution``)."""
    found = []
    size = len(doc)
    # a capitalised word outside every entity begins each; the others are skipped on
    # the token arrays, without a Token object
    title, entity = doc.to_array([IS_TITLE, ENT_TYPE]).T.tolist() if size else ([], [])
    i = 0
    while i < size:
        if not title[i] or entity[i]:
            i += 1
            continue  # neither ``_heading_institution`` nor the rest begins here
        token = doc[i]
        head = _heading_institution(doc, i, admin1) if institutions else None
        if head is not None:  # "the Byesville Volunteer Fire Department"
            found.append(head)
            i = head.end
            continue
        if token.ent_type_ or not token.is_title or token.is_sent_start:
            i += 1
            continue
        end = _title_run(doc, i + 1, 2)
        placed = _placed_before(doc, i)
        for stop in range(end, i, -1):
            text = doc[i:stop].text
            if text in named or (placed and (
                known_place(text, admin1) or (stop == end and _small_town(text, people))
            )) or (
                _resident_of(doc, i, stop) and town_named(text)
            ):
                found.append(Span(doc, i, stop, label="GPE"))
                end = stop
                break
        i = end
    return found


# A dash or bracket that the tokenizer left inside a dateline's place ("KY--(Marketwire").
_DASHED = re.compile(r"\s*(?:--|—|\()")


def _heading_institution(doc: Doc, i: int, admin1: tuple[str, ...]) -> Span | None:
    """A town opening the name of an institution outside every entity, also at a
    sentence's start ("the Byesville Volunteer Fire Department", "Chiefland Police
    Chief Robert Douglas said"), or None."""
    if doc[i].ent_type_ or not doc[i].is_title or (i and doc[i - 1].is_title
                                                   and not doc[i - 1].ent_type_):
        return None
    end = _title_run(doc, i, 5)
    if end - i < 2 or not any(doc[k].lower_ in INSTITUTION_WORDS for k in range(i + 1, end)):
        return None
    run = doc[i:end]
    found = embedded_place(run.text, admin1)
    part = found and found[0] == 0 and doc.char_span(run.start_char, run.start_char + found[1])
    if not part or part.end >= end or doc[part.end].lower_ not in INSTITUTION_WORDS:
        return None
    return Span(doc, part.start, part.end, label="GPE")


def resolve_toponyms(doc: Doc) -> list[tuple[Span, Place | None]]:
    """Every toponym ``find_toponyms`` finds, with the place it resolves to (or None).

    States named other than as a place ("Russian") are context before the
    places' own; a county of a county list is looked up as "<name> County".
    """
    spans = find_toponyms(doc)
    texts = [f"{ent.text} County" if ent.kb_id_ == "county" else _DASHED.split(ent.text)[0]
             for ent in spans]
    others = Counter(
        ent.ent_id_.split(":", 1)[1] for ent in doc_ents(doc)
        if ent.ent_id_.startswith("state:") and ent.label_ not in PLACE_LABELS
    )  # fmt: skip
    resolved = resolve_places(
        texts, document=doc_text(doc), context=[code for code, _n in others.most_common()]
    )
    return list(zip(spans, resolved, strict=True))
