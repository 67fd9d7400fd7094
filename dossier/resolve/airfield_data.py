"""The airfields table: built from ``airportsdata``, or read from the place index.

``build_index`` makes the tables ``airfields.resolve_airfield`` looks airfields up
in, by their *distinctive* words (an airfield's name without generic words such as
International, Airport, Air Base, Field; without its city when the name starts with
it: "London Heathrow Airport" is "heathrow"): ``index_build`` writes them into the
place index, and ``stored_index`` reads them back from it a key at a time. This
module imports no other stage: the index is built from it, and ``airfields``
resolves with it.

>>> _distinctive(_tokens("Toronto's Pearson International Airport"))
['toronto', 'pearson']
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from dossier.resolve.records import fold

log = logging.getLogger(__name__)

# Words no airfield is known by ("Pearson" of "Toronto Pearson International Airport").
GENERIC_WORDS = frozenset(
    """international intl airport airports air base bases airbase airfield airfields field
    regional municipal aerodrome airstrip airpark strip raf force station naval national
    county city heliport the an a of de del du la le el jetport""".split()
)
_MILITARY = re.compile(r"\b(?:Air Base|Airbase|AB|RAF|Air Force|Naval Air|Army Air|Military|"
                       r"Air Station|Joint Base|Airfield|Aerodrome)\b")
# Distinctive names of big cities' airports that are common words ("Beijing Capital").
NOT_BARE = frozenset("capital central executive love international regional chopin moi".split())
# A big city's airport may be named alone ("Heathrow"): a city of this many people.
BIG_CITY = 1_000_000
_TOKEN = re.compile(r"[a-z0-9]+")


class _Airfield(NamedTuple):  # a tuple of atoms: the cyclic GC stops tracking it
    name: str
    alpha2: str
    subd: str
    city: str
    lat: float
    lon: float
    iata: bool
    military: bool


@dataclass(frozen=True, slots=True)
class _Index:
    # _Airfield fields as plain tuples (see ``_packed``)
    exact: dict[str, tuple[tuple[Any, ...], ...]]  # whole distinctive names
    tails: dict[str, tuple[tuple[Any, ...], ...]]  # their shorter tails
    bare: dict[str, tuple[tuple[Any, ...], ...]]  # big cities' airports by their name alone
    cities: dict[str, tuple[tuple[Any, ...], ...]]  # airports with an IATA code by city
    heads: frozenset[str]  # the first words of ``bare``'s names
    head_words: frozenset[str]  # the same as written ("Heathrow", "O'Hare")


def _tokens(text: str) -> list[str]:
    text = re.sub(r"['’]s\b", "", text)
    return _TOKEN.findall(fold(text.replace("/", " ")))


def _distinctive(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in GENERIC_WORDS]


@cache
def _warned() -> bool:
    log.warning("airportsdata is not installed: airports and air bases are not resolved")
    return True


def build_index(big_city: Callable[[str, str, float], bool], stopwords: frozenset[str]
                ) -> _Index | None:
    """The airfields by distinctive name, built from ``airportsdata`` (for ``index_build``;
    None without airportsdata). ``big_city(name, alpha2, least)``: whether a city of
    ``least`` people or more of that country is so named; ``stopwords``: place names that
    are common words."""
    try:
        import airportsdata
    except ImportError:
        _warned()
        return None
    stop = stopwords | NOT_BARE

    exact: dict[str, list[_Airfield]] = {}
    tails: dict[str, list[_Airfield]] = {}
    bare: dict[str, list[_Airfield]] = {}
    cities: dict[str, list[_Airfield]] = {}
    head_words: set[str] = set()
    for row in airportsdata.load("ICAO").values():
        name, city = row["name"], row["city"] or ""
        try:
            field = _Airfield(name, row["country"], row["subd"] or "", city, float(row["lat"]),
                              float(row["lon"]), bool(row["iata"]), bool(_MILITARY.search(name)))
        except (TypeError, ValueError):
            continue
        words = _distinctive(_tokens(name))
        if not words:
            continue
        city_words = _tokens(city)
        if field.iata and city_words:
            cities.setdefault(" ".join(city_words), []).append(field)
        keys = [words]
        if city_words and words[: len(city_words)] == city_words and len(words) > len(city_words):
            own = words[len(city_words):]  # "London Heathrow" -> "heathrow"
            keys.append(own)
            if field.iata and own[-1] not in stop and big_city(city, field.alpha2, BIG_CITY):
                bare.setdefault(" ".join(own), []).append(field)
                if len(own) == 1:  # one word, as ``unlabelled_airfields`` reads them
                    head_words.update(w for w in re.findall(r"[\w'’]+", name)
                                      if _tokens(w) == own)
        for key in keys:
            exact.setdefault(" ".join(key), []).append(field)
        for n in range(1, len(words)):
            tail = words[n:]
            if tail[0] not in GENERIC_WORDS and len(tail[0]) > 2:
                tails.setdefault(" ".join(tail), []).append(field)
    return _Index(
        _packed(exact), _packed(tails), _packed(bare), _packed(cities),
        frozenset(k.split()[0] for k in bare), frozenset(head_words),
    )


def _packed(table: dict[str, list[_Airfield]]) -> dict[str, tuple[tuple[Any, ...], ...]]:
    """Plain tuples of atoms, which the cyclic GC stops tracking (28,000 airfields would
    otherwise add some 100,000 objects to every full collection)."""
    return {key: tuple(tuple(f) for f in fields) for key, fields in table.items()}


def _fields(table: dict[str, tuple[tuple[Any, ...], ...]], key: str) -> list[_Airfield]:
    return [_Airfield._make(f) for f in table.get(key, ())]


class _StoredTable:
    """One of the ``_Index`` tables read from the place index, a key at a time."""

    def __init__(self, store: Any, table: str) -> None:
        self.store, self.table = store, table

    @lru_cache(maxsize=5_000)  # noqa: B019 - one per stored index, which lives for good
    def get(self, key: str, default: Any = ()) -> tuple[tuple[Any, ...], ...]:
        found = tuple(tuple(row) for row in self.store.rows(
            "SELECT a.name, a.alpha2, a.subd, a.city, a.lat, a.lon, a.iata, a.military "
            "FROM airfield_keys k JOIN airfields a ON a.id = k.field "
            "WHERE k.tbl = ? AND k.key = ? ORDER BY k.seq", (self.table, key)))
        return tuple((*f[:6], bool(f[6]), bool(f[7])) for f in found) or default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))


def stored_index(store: Any) -> _Index | None:
    """The airfields' ``_Index`` over the place index ``store`` (``index.StoredTables``);
    None when it holds no airfields (built without airportsdata)."""
    words = store.rows("SELECT kind, word FROM airfield_words")
    if not words and not store.rows("SELECT 1 FROM airfields LIMIT 1"):
        _warned()
        return None
    tables = [_StoredTable(store, t) for t in ("exact", "tails", "bare", "cities")]
    return _Index(*tables,  # type: ignore[arg-type]
                  frozenset(w for k, w in words if k == "head"),
                  frozenset(w for k, w in words if k == "head_word"))

