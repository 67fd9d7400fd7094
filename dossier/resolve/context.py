"""The *context* stage: what a story says about where it is.

The countries and first-level subdivisions its places name outright (``_evidence``,
``PlaceContext``), "City, Fla." and "CITY, KY" in its text, the states of its
telephone numbers' area codes (``phone_subdivisions``), the subdivision that holds
most of its ambiguous town names (``coherent_subdivisions``), the nearness of each
name's namesakes to those of its other places (``_nearness``), and the places it
writes as "City, State" (``_qualified``).  What a name means on its own is the rank
stage's to say: ``places`` passes it in as ``Readings`` (this module comes before
``rank`` and ``lookup`` and imports neither).

>>> [c.name for c in phone_subdivisions("Call (706) 555-0123 or 1-800-555-0199.")]
['Georgia']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dossier.resolve import index
from dossier.resolve.candidates import (
    ABBREVIATIONS,
    _admin1,
    _admin1_by_iso,
    _admin_code,
    _area_code_subdivision,
    _candidates,
    _Hint,
    _pool,
    _spelled_out,
)
from dossier.resolve.names import _clean, _related
from dossier.resolve.records import Candidate as _Cand
from dossier.resolve.records import distance_km
from dossier.resolve.weights import WEIGHTS, _importance


@dataclass(frozen=True)
class Readings:
    """What the rank stage says of a name on its own, which the context stage reads
    (passed in by ``places``: ``places.READINGS``)."""

    alone: Callable[[str], _Cand | None]  # the place a name is with no context
    hint: Callable[[str], _Hint | None]  # the state a qualifier names ("Fla.", "Russia")


# Postal codes of US states and Canadian provinces after a comma: "LOUISVILLE, KY --".
_POSTAL_AFTER_COMMA = re.compile(r",\s+([A-Z]{2})\b(?![.\w]|-\w)")
_ABBREVIATION_AFTER_COMMA = re.compile(
    r",\s+(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?!\w)"
)


@dataclass(frozen=True)
class PlaceContext:
    """What a document says about where it is: the states (ISO3) and first-level
    subdivisions (GeoNames admin-1 codes, "US.TN") it names, most often first."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()


def _evidence(texts: Sequence[str], document: str | None, readings: Readings
              ) -> list[_Evidence]:
    """What each place named outright says: countries, subdivisions (also "Georgia",
    which is first the country, counts for the US state), the qualifier of
    "City, State", and "City, Fla." / "CITY, KY" in ``document``."""
    found: list[_Evidence] = []
    for text in dict.fromkeys(texts):
        cand = readings.alone(text)
        if cand is not None and cand.kind in ("country", "admin1"):
            found.append(_Evidence.of(text, cand))
            if cand.kind == "country":
                found += [_Evidence(text, None, c.admin1) for c in _admin1().index.get(
                    _clean(text), False) if c.admin1]
        name = _clean(text)
        if ", " in name:
            qualifier = readings.alone(name.rpartition(", ")[2])
            if qualifier is not None and qualifier.kind in ("country", "admin1"):
                found.append(_Evidence.of(text, qualifier))
    if document:
        codes = [ABBREVIATIONS[m.group(1)] for m in _ABBREVIATION_AFTER_COMMA.finditer(document)]
        codes += [f"US-{m.group(1)}" for m in _POSTAL_AFTER_COMMA.finditer(document)]
        codes += [f"CA-{m.group(1)}" for m in _POSTAL_AFTER_COMMA.finditer(document)]
        by_iso = _admin1_by_iso()
        found += [_Evidence.of("", by_iso[code]) for code in codes if code in by_iso]
        if not any(item.admin1 for item in found):  # weak evidence, when nothing else
            found += [_Evidence.of("", cand) for cand in phone_subdivisions(document)]
    if not any(item.admin1 for item in found):  # weaker still: the names' namesakes
        found += [_Evidence.of("", cand) for cand in coherent_subdivisions(texts)]
    return found


def coherent_subdivisions(texts: Sequence[str]) -> list[_Cand]:
    """The subdivision that best explains a story's ambiguous town and county names
    together, when the story names none: the one holding namesakes of the most names
    (at least ``WEIGHTS.coherent_min``), of those the one whose namesakes lie closest together.
    Nothing when the biggest namesakes already agree ("Columbus" and "Cleveland" are
    in Ohio) or when it is a draw.

    >>> [c.name for c in coherent_subdivisions(["Danville", "Harrodsburg", "Springfield"])]
    ['Kentucky']
    >>> coherent_subdivisions(["Columbus", "Cleveland"])
    []
    """
    pools: list[dict[str, list[_Cand]]] = []
    for name in dict.fromkeys(_spelled_out(_clean(t)) for t in texts):
        if not name[:1].isupper() or any(
            c.kind in ("country", "admin1", "region") or c.capital
            or c.weight >= WEIGHTS.coherent_max for c in _candidates(name, False)
        ):
            continue
        by_code: dict[str, list[_Cand]] = defaultdict(list)
        for cand in _pool(name):
            code = _admin_code(cand)
            if code:
                by_code[code].append(cand)
        if by_code:
            pools.append(by_code)
    counts = Counter(code for by_code in pools for code in by_code)
    most = max(counts.values(), default=0)
    if most < WEIGHTS.coherent_min:
        return []
    tied = [code for code, n in counts.items() if n == most]
    biggest = Counter(
        _admin_code(max((c for cands in by_code.values() for c in cands), key=_importance))
        for by_code in pools
    )
    if any(biggest[code] == most for code in tied):
        return []

    def spread(code: str) -> float:  # mean distance between the names' namesakes there
        groups = [by_code[code] for by_code in pools if code in by_code]
        gaps = [min(distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
                    for a in one for b in other)
                for n, one in enumerate(groups) for other in groups[n + 1:]]
        return sum(gaps) / len(gaps)

    ranked = sorted((spread(code), code) for code in tied)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return []
    return [c for c in _admin1().cands if c.admin1 == ranked[0][1]][:1]

# A North American telephone number: "(706) 555-0123", "706-555-0123", "706.555.0123".
_PHONE = re.compile(r"(?<![\w-])\(?([2-9]\d\d)\)?[-. ]?\s?([2-9]\d\d)[-. ](\d{4})(?![\w-])")


def phone_subdivisions(text: str) -> list[_Cand]:
    """US states and Canadian provinces of the area codes of the telephone numbers in
    ``text`` (from libphonenumber's offline geocoder; toll-free numbers say nothing):
    local news gives a number to call, seldom its own state.

    >>> [c.name for c in phone_subdivisions("Call (706) 555-0123 or 1-800-555-0199.")]
    ['Georgia']
    """
    found = []
    for match in _PHONE.finditer(text):
        cand = _area_code_subdivision(match.group(1))
        if cand is not None:
            found.append(cand)
    return found


@dataclass(frozen=True, slots=True)
class _Evidence:
    """A place named in a document: its text, country (ISO3) and admin-1 code."""

    text: str
    country: str | None
    admin1: str | None

    @classmethod
    def of(cls, text: str, cand: _Cand) -> _Evidence:
        return cls(text, cand.country, _admin_code(cand))


def place_context(
    texts: Sequence[str], document: str | None = None, leave_out: str | None = None, *,
    readings: Readings,
) -> PlaceContext:
    """The countries and subdivisions a document names (see ``PlaceContext``;
    ``places.place_context`` passes ``readings``).

    ``texts``: the places found in it, as written; ``document``: its text, read
    for "City, Fla." and "CITY, KY"; ``leave_out``: a text whose own evidence does
    not count (a name is not its own context: "Georgia" does not make a story
    about Georgia).
    """
    return _context_of(_evidence(texts, document, readings), leave_out)


def _context_of(evidence: Iterable[_Evidence], leave_out: str | None) -> PlaceContext:
    return _ranked(*_tallies(evidence, leave_out))


def _tallies(evidence: Iterable[_Evidence], leave_out: str | None = None
             ) -> tuple[Counter[str], Counter[str]]:
    """How often the evidence names each country and each subdivision, in the order
    first named (leaving out the evidence of ``leave_out`` and the names related to it)."""
    countries: Counter[str] = Counter()
    admins: Counter[str] = Counter()
    for item in evidence:
        if leave_out is not None and _related(item.text, leave_out):
            continue
        if item.country:
            countries[item.country] += 1
        if item.admin1:
            admins[item.admin1] += 1
    return countries, admins


class Tallies:
    """A story's evidence counted once, then recounted without a few names for each
    name in turn (a name is not its own context): ``without`` gives what ``_tallies``
    of the rest would, most named first, then first named (as ``_ranked`` orders them).
    Only the codes the left-out evidence names are recounted.

    >>> items = [_Evidence("Georgia", "GEO", None), _Evidence("Atlanta", "USA", "US.GA"),
    ...          _Evidence("Ga.", "USA", "US.GA")]
    >>> Tallies(items).without({"Georgia"})
    ({'USA': 2}, {'US.GA': 2})
    >>> Tallies(items).without({"Atlanta", "Ga."})
    ({'GEO': 1}, {})
    """

    def __init__(self, evidence: Sequence[_Evidence]) -> None:
        self._items_of: dict[str, list[int]] = defaultdict(list)  # text -> where in evidence
        self._codes = [(item.country, item.admin1) for item in evidence]
        # for the countries, then the subdivisions: code -> where in evidence it is named
        self._named: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        for n, item in enumerate(evidence):
            self._items_of[item.text].append(n)
            for named, code in zip(self._named, self._codes[n], strict=True):
                if code:
                    named.setdefault(code, []).append(n)
        # (-times named, where first named, code): sorted, the ranking of the whole story
        self._rows = [sorted((-len(at), at[0], code) for code, at in named.items())
                      for named in self._named]

    def without(self, texts: Iterable[str]) -> tuple[dict[str, int], dict[str, int]]:
        """How often the evidence of the names other than ``texts`` names each country
        and each subdivision, most named first, then first named."""
        left_out = {n for text in texts for n in self._items_of.get(text, ())}
        tallies = []
        for kind, (named, rows) in enumerate(zip(self._named, self._rows, strict=True)):
            changed = {self._codes[n][kind] for n in left_out} - {None}
            if changed:
                rows = [row for row in rows if row[2] not in changed]
                for code in changed:
                    at = [n for n in named[code] if n not in left_out]
                    if at:
                        rows.append((-len(at), at[0], code))
                rows.sort()
            tallies.append({code: -times for times, _first, code in rows})
        return tallies[0], tallies[1]


def _ranked(countries: Counter[str], admins: Counter[str]) -> PlaceContext:
    """The ``PlaceContext`` of ``_tallies``: most named first, then first named."""
    return PlaceContext(
        tuple(c for c, _n in countries.most_common()), tuple(a for a, _n in admins.most_common())
    )


def _nearness(texts: Sequence[str]) -> dict[str, dict[str, float]]:
    """For each text, its namesakes' closeness to the namesakes of the story's other
    places: "Paris" next to "Henry County" is Paris, Tennessee, the county seat.
    Each other place adds up to 1 (at 0 km), nothing from ``WEIGHTS.near_km`` on."""
    pools = {text: _pool(text) for text in dict.fromkeys(texts)}
    pools = {text: pool for text, pool in pools.items() if pool}
    out: dict[str, dict[str, float]] = {}
    for text, pool in pools.items():
        if len(pool) < 2:
            continue
        rows = [_closeness(text, other, WEIGHTS.near_km) for other in pools if other != text]
        scores: dict[str, float] = {}
        for n, cand in enumerate(pool):
            score = 0.0
            for row in rows:
                score += row[n]
            if score:
                scores[cand.key] = round(score, 1)
        out[text] = scores
    return out


@lru_cache(maxsize=50_000)
def _closeness(text: str, other: str, near_km: float) -> tuple[float, ...]:
    """For each of ``text``'s namesakes (``_pool``), the closeness of the nearest of
    ``other``'s: 1 at 0 km, nothing from ``near_km`` on. Remembered: a function of the
    two names and the tables (stories that name the same places ask it again)."""
    others = _pool(other)
    return tuple(
        max(0.0, 1.0 - min(distance_km(cand.lat, cand.lon, o.lat, o.lon)  # type: ignore[arg-type]
                           for o in others) / near_km)
        for cand in _pool(text)
    )


index.on_forget(_closeness.cache_clear)


def _qualified(texts: Sequence[str], document: str | None, readings: Readings
               ) -> dict[str, str]:
    """The places that ``document`` writes with a state or country after a comma, itself
    one of ``texts``, as "City, State" ("Richmond, Virginia" in a list that names
    Kentucky too): the first such writing of each."""
    if not document:
        return {}
    names = list(dict.fromkeys(texts))
    states = [q for q in names if readings.hint(q) is not None]  # "Virginia", "Fla."
    out: dict[str, str] = {}
    for text in names:
        if ", " in text or text in states or not text[:1].isupper() or text.isupper():
            continue  # a dateline's "EDMONTON, Ky." has the state as context already
        if f"{text}, " not in document:
            continue  # never written with anything after a comma (one search, not one a state)
        at = [(i, q) for q in states if (i := document.find(f"{text}, {q}")) >= 0]
        if at:
            out[text] = f"{text}, {min(at)[1]}"
    return out
