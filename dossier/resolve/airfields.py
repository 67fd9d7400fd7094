"""Airports, air bases and airfields as places, from the offline ``airportsdata`` table.

``resolve_airfield`` takes an airfield as written in news ("Toronto's Pearson
International Airport", "Engels air base", "Saki airfield", "RAF Lakenheath")
and returns a :class:`~dossier.models.Place` of kind ``airfield`` (ISO3
country, the airfield's coordinates, no GeoNames id), or None.

Matching is on the *distinctive* words of an airfield's name: its name without
generic words (International, Airport, Air Base, Field, Regional, RAF ...) and
without its city when the name starts with it ("London Heathrow Airport" is
"heathrow"), case and accents folded.  A shorter tail of them matches too
("Pearson" of "Toronto Pearson International Airport"), and so does the city of
an airport with an IATA code ("Kabul airport", "Springfield airport").  Of
several airfields so named, those whose name says the same kind of airfield
come first ("Saki airfield" is the "Saki Air Base", "Pearson International
Airport" not a "Pearson Field"), then those with an IATA code or a military
name before private strips, then those in the story's subdivisions
(``admin1``, GeoNames codes such as "US.TX") and countries (``context``, ISO3),
then those with an IATA code, then those named exactly.

A name without an airport word resolves only with ``bare=True`` and only for
the distinctive name of a big city's airport ("Heathrow", "Gatwick") whose
country the story names; ``lookup._or_airfield`` decides when such a name beats a town.
Generic phrases ("the airport", "an air base") and plurals ("London airports")
give None, and so does "<Place> airport" when no airfield so named lies near
that place: the place resolver handles those.

An airfield named after a place ("London airport", "Saratov's Engels air base")
needs to know what the story means by that place: the caller passes it in as
``Namesakes`` (``places.NAMESAKES``, the place stages' answer), so that this module,
a source of candidates, never imports the stages that rank them.

When ``airportsdata`` cannot be imported, everything here gives None and a
warning is logged once: places keep working without airfields.

``scan``, ``with_airport_word``, ``airfield_span`` and ``unlabelled_airfields``
find airfields in an annotated Doc for ``toponyms.find_toponyms``; a story with
no airport word and no big airport's name costs one scan of its tokens' hashes.

>>> from dossier.resolve.places import resolve_airfield  # with places.NAMESAKES
>>> p = resolve_airfield("Toronto's Pearson International Airport")
>>> (p.name, p.country, p.kind, round(p.lat), round(p.lon))
('Toronto Pearson International Airport', 'CAN', 'airfield', 44, -80)
>>> resolve_airfield("Engels air base").country, resolve_airfield("RAF Lakenheath").country
('RUS', 'GBR')
>>> resolve_airfield("the airport") is None, resolve_airfield("Heathrow") is None
(True, True)
>>> resolve_airfield("Heathrow", context=("GBR",), bare=True).name
'London Heathrow Airport'
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from dossier.entities import doc_ents
from dossier.models import Place
from dossier.resolve import index
from dossier.resolve.airfield_data import (  # noqa: F401 - _warned: tests forget the warning
    _Airfield,
    _distinctive,
    _fields,
    _Index,
    _tokens,
    _warned,
)
from dossier.resolve.records import distance_km

__all__ = ["AIRPORT_WORD", "Namesakes", "airfield_span", "bare_airfield_name", "bare_head",
           "has_airport_word", "resolve_airfield", "scan", "story_countries",
           "unlabelled_airfields", "warm_up", "with_airport_word"]

log = logging.getLogger(__name__)

# Words that make a phrase an airfield's name ("RAF" only in capitals).
AIRPORT_WORD = re.compile(
    r"(?i:\b(?:air(?:port|field|strip|base)s?|air\s+(?:base|field)s?|aerodromes?|air\s+force\s+base"
    r"|air\s+station)\b)|\bRAF\b"
)
_PLURAL = re.compile(r"(?i:\b(?:airports|airfields|airbases|air\s+bases|aerodromes)\b)")
# A town whose name is a big airport's only sometimes keeps its name (``lookup._or_airfield``).
SMALL_TOWN = 10_000
# "<Place> airport": the airfield must lie this close (km) to the place so named.
NEAR_PLACE_KM = 60.0


@dataclass(frozen=True)
class Namesakes:
    """What the place stages say about a place an airfield is named after (passed in by
    the caller: ``places.NAMESAKES``).

    ``known(text, common)``: whether ``text`` is a known place's primary name (with
    ``common``, even when a common word too); ``place(text, context, admin1)``: the
    place the story (ISO3 ``context``, admin-1 codes ``admin1``) means by ``text``.
    """

    known: Callable[[str, bool], bool]
    place: Callable[[str, tuple[str, ...], tuple[str, ...]], Place | None]



def _index() -> _Index | None:
    """The airfields by distinctive name, from the place index (None without airportsdata)."""
    return index.tables().airfields()



def warm_up() -> None:
    """Read the airfields' small tables now, for batch workers."""
    _scan_hashes()


def forget_lookups() -> None:
    """Forget every remembered lookup (``index.using`` swaps the tables)."""
    for func in (_resolve, _iso3, _admin1_code, _scan_hashes):
        func.cache_clear()


index.on_forget(forget_lookups)



def has_airport_word(text: str) -> bool:
    """Whether ``text`` has a word that makes it an airfield's name.

    >>> has_airport_word("Incirlik Air Base"), has_airport_word("Rafah")
    (True, False)
    """
    return AIRPORT_WORD.search(text) is not None


def bare_head(word: str) -> bool:
    """Whether a big city's airport's distinctive name starts with ``word`` ("Heathrow"):
    a cheap test before ``bare_airfield_name``."""
    index = _index()
    return index is not None and word.lower().replace("'", "").replace("’", "") in index.heads


def bare_airfield_name(text: str) -> bool:
    """Whether ``text`` alone is the distinctive name of a big city's airport ("Heathrow")."""
    index = _index()
    return index is not None and " ".join(_tokens(text)) in index.bare


@lru_cache(maxsize=1_000)
def _iso3(alpha2: str) -> str | None:
    country3 = index.tables().countries.get(alpha2)
    if country3 is not None and country3.country:
        return country3.country
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@lru_cache(maxsize=2_000)
def _admin1_code(alpha2: str, subd: str) -> str | None:
    """The GeoNames admin-1 code ("US.TX") of an airfield's subdivision name."""
    names = (subd, subd.replace("-", " "))
    for name in names:
        for cand in index.tables().admin1.index.get(name, True):
            if cand.alpha2 == alpha2:
                return cand.admin1  # a subdivision's own GeoNames code
    return None


# The kinds of airfield that a name's generic words say ("Saki airfield" and "Saki Air Base").
_KINDS = (
    ("military", re.compile(r"(?i)\b(?:air\s*bases?|airfields?|aerodromes?|air\s+force"
                            r"|air\s+station"
                            r"|naval\s+air|army\s+air|military)\b|\bRAF\b|\bAB\b")),
    ("airport", re.compile(r"(?i)\bairports?\b")),
    ("international", re.compile(r"(?i)\b(?:international|intl)\b")),
    ("field", re.compile(r"(?i)\bfield\b")),
    ("regional", re.compile(r"(?i)\b(?:regional|municipal|county)\b")),
)


@lru_cache(maxsize=50_000)
def _kinds(name: str) -> frozenset[str]:
    return frozenset(kind for kind, pattern in _KINDS if pattern.search(name))


def _rank(field: _Airfield, exact: bool, kinds: frozenset[str], context: Sequence[str],
          admin1: Sequence[str]) -> tuple[int, bool, bool, int, bool, bool, bool]:
    country = _iso3(field.alpha2)
    in_admin = bool(admin1) and _admin1_code(field.alpha2, field.subd) in admin1
    place = len(context) - context.index(country) if country in context else 0
    return (len(kinds & _kinds(field.name)), field.iata or field.military, in_admin, place,
            field.iata, field.military, exact)


def resolve_airfield(text: str, context: Sequence[str] = (), admin1: Sequence[str] = (),
                     *, bare: bool = False, namesakes: Namesakes) -> Place | None:
    """The airfield ``text`` names, or None (see the module docstring).

    ``context``: ISO3 codes of the story's countries, most named first; ``admin1``:
    GeoNames admin-1 codes of its subdivisions ("US.TX"); ``bare``: whether a big
    city's airport may be named without an airport word ("Heathrow"); ``namesakes``: what
    the story means by a place an airfield is named after.

    >>> from dossier.resolve.places import resolve_airfield  # with places.NAMESAKES
    >>> resolve_airfield("Springfield airport", context=("USA",), admin1=("US.MO",)).name
    'Springfield-Branson Ntl Airport'
    >>> resolve_airfield("Springfield airport", context=("USA",), admin1=("US.IL",)).name
    'Abraham Lincoln Capital Airport'
    >>> resolve_airfield("Saki airfield", context=("UKR",)).name
    'Saki Air Base'
    """
    return _resolve(text, tuple(c for c in context if c), tuple(admin1), bare, namesakes)


@lru_cache(maxsize=5_000)
def _resolve(text: str, context: tuple[str, ...], admin1: tuple[str, ...], bare: bool,
             namesakes: Namesakes) -> Place | None:
    index = _index()
    if index is None or not text:
        return None
    worded = has_airport_word(text)
    if not worded and not bare or _PLURAL.search(text):
        return None
    words = [w for w in re.findall(r"[\w'’.-]+", text) if _distinctive(_tokens(w))]
    if not words or not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None  # "the airport", "an air base", "International Airport"
    key = _distinctive(_tokens(text))
    kinds = _kinds(text)
    if not worded:
        found = _fields(index.bare, " ".join(key))
        found = tuple(f for f in found if _iso3(f.alpha2) in context)
        return _place(max(found, key=lambda f: _rank(f, True, kinds, context, admin1)), text) \
            if found else None
    for start in range(len(key)):  # "Toronto Pearson", then "Pearson"
        phrase = " ".join(key[start:])
        if start and not namesakes.known(" ".join(key[:start]).title(), False):
            continue  # "Saratov's Engels air base", not "Jersey" of "New Jersey airport"
        cands = [(f, True) for f in _fields(index.exact, phrase)]
        cands += [(f, False) for f in _fields(index.tails, phrase)]
        cands += [(f, False) for f in _fields(index.cities, phrase)]  # "Kabul airport"
        if not cands:
            continue
        place = _namesake(phrase, context, admin1, namesakes)
        cands = [c for c in cands if _near(c[0], phrase, place, context)]
        if not cands:
            return None
        field, _exact = max(cands, key=lambda c: _rank(c[0], c[1], kinds, context, admin1))
        return _place(field, text)
    return None


def _namesake(phrase: str, context: tuple[str, ...], admin1: tuple[str, ...],
              namesakes: Namesakes) -> Place | None:
    """The place the story means by an airfield's distinctive name, when it is a known
    place's ("London" of "London airport")."""
    if not namesakes.known(phrase.title(), True):
        return None
    place = namesakes.place(phrase.title(), context, admin1)
    return place if place is not None and place.lat is not None else None


def _near(field: _Airfield, phrase: str, place: Place | None, context: tuple[str, ...]) -> bool:
    """Whether an airfield named like a place lies near the place the story means by
    that name (not London, Ontario's airport in a story about England)."""
    if place is None or place.lat is None or place.lon is None:
        return True
    country = _iso3(field.alpha2)
    if place.kind in ("country", "admin1", "region"):
        return country == place.country
    if distance_km(place.lat, place.lon, field.lat, field.lon) <= NEAR_PLACE_KM:
        return True
    # the airfield's own town, when the place resolver chose a namesake elsewhere that the
    # story does not name ("Saki airfield": not Saki, Nigeria); a civil airport only in a
    # story that names its country
    if " ".join(_tokens(field.city)) != phrase or place.country in context:
        return False
    return field.military or country in context


# --- airfields in an annotated Doc (for ``toponyms.find_toponyms``) ---------------


def airfield_span(doc: Doc, ent: Span, countries: tuple[str, ...], admin1: tuple[str, ...],
                  hits: frozenset[int], namesakes: Namesakes) -> Span | None:
    """An entity of another label that names an airfield ("Incirlik Air Base" as ORG), or
    ``ent`` extended by the airport word after it ("Engels" + "air base"); ``hits``:
    ``scan(doc)``."""
    if not hits.intersection(range(ent.start, ent.end + 1)):
        return None
    if len(ent) == 1 and bare_head(ent.text):  # "Heathrow and Gatwick" as PERSON
        found = resolve_airfield(ent.text, countries, admin1, bare=True, namesakes=namesakes)
        return Span(doc, ent.start, ent.end, label="FAC") if found is not None else None
    if ent.label_ not in ("ORG", "FAC") and not _airport_word_after(doc, ent.end):
        return None
    if has_airport_word(ent.text):
        if resolve_airfield(ent.text, countries, admin1, namesakes=namesakes) is not None:
            return Span(doc, ent.start, ent.end, label="FAC")
        return None
    return with_airport_word(doc, ent, countries, hits, namesakes)


# One-word airport nouns as written after a name ("Saki airfield"); "air" starts "air base".
_AIRPORT_NOUNS = ("airport", "airbase", "airfield", "aerodrome", "airstrip")
_LOWER_WORDS = (*_AIRPORT_NOUNS, "air")


def _airport_word_after(doc: Doc, end: int) -> int:
    """How many tokens from ``doc[end]`` make a lowercase airport word ("air base": 2)."""
    word = doc[end].text if end < len(doc) else ""
    if word in _AIRPORT_NOUNS:
        return 1
    if word == "air" and end + 1 < len(doc) and doc[end + 1].text == "base":
        return 2
    return 0


def with_airport_word(doc: Doc, ent: Span, countries: tuple[str, ...], hits: frozenset[int],
                      namesakes: Namesakes) -> Span | None:
    """``ent`` with the lowercase airport word after it, when the two name an airfield
    ("Engels air base", "Saki airfield"); ``hits``: ``scan(doc)``."""
    if ent.end not in hits:
        return None
    n = _airport_word_after(doc, ent.end)
    if not n or doc[ent.end].ent_type_:
        return None
    span = doc[ent.start:ent.end + n]
    if resolve_airfield(span.text, countries, namesakes=namesakes) is None:
        return None
    return Span(doc, ent.start, ent.end + n, label="FAC")


@cache
def _scan_hashes() -> frozenset[int]:
    """The spaCy hashes of the lowercase airport words and of the bare names' words."""
    from spacy.strings import hash_string

    index = _index()
    heads = index.head_words if index is not None else ()
    return frozenset(hash_string(w) for w in {*_LOWER_WORDS, *(w.lower() for w in heads)})


def scan(doc: Doc) -> frozenset[int]:
    """The tokens of ``doc`` that are lowercase airport words ("airfield", "air") or a
    big city's airport's name ("Heathrow"), found by their hashes in some 20 µs: most
    stories have none, and then nothing else here runs."""
    from spacy.attrs import LOWER

    if _index() is None or not len(doc):
        return frozenset()
    wanted, lowers = _scan_hashes(), doc.to_array(LOWER).tolist()
    if wanted.isdisjoint(lowers):
        return frozenset()
    return frozenset(i for i, word in enumerate(lowers) if word in wanted)


def story_countries(doc: Doc, countries: Sequence[str]) -> tuple[str, ...]:
    """``countries`` and those the gazetteer's states name ("London" is Britain's)."""
    states = [ent.ent_id_[6:] for ent in doc_ents(doc) if ent.ent_id_.startswith("state:")]
    return tuple(dict.fromkeys([*countries, *states]))


def unlabelled_airfields(doc: Doc, taken: set[int], countries: tuple[str, ...],
                         hits: frozenset[int], namesakes: Namesakes) -> list[Span]:
    """Airfields outside every entity: a capitalised name before a lowercase airport word
    ("Saki airfield"), or a big city's airport named alone in a story that names its
    country ("Heathrow and Gatwick"); ``hits``: ``scan(doc)``."""
    starts = set()
    for i in hits:
        if doc[i].is_title:
            starts.add(i)
        elif i > 0:
            starts.add(i - 1)
    found = []
    for i in sorted(starts):
        token = doc[i]
        if token.i in taken or token.ent_type_ or not token.is_title:
            continue
        n = _airport_word_after(doc, token.i + 1)
        if n and not doc[token.i + 1].ent_type_ and not token.is_sent_start:
            span = doc[token.i:token.i + 1 + n]
            if resolve_airfield(span.text, countries, namesakes=namesakes) is not None:
                found.append(Span(doc, span.start, span.end, label="FAC"))
            continue
        if bare_head(token.text) and resolve_airfield(token.text, countries, bare=True,
                                                      namesakes=namesakes):
            found.append(Span(doc, token.i, token.i + 1, label="FAC"))
    return found


def _place(field: _Airfield, text: str) -> Place:
    return Place(text=text, name=field.name, country=_iso3(field.alpha2), lat=field.lat,
                 lon=field.lon, kind="airfield", geonameid=None)
