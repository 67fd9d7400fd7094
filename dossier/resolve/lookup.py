"""One name to one candidate: the *candidates* of a name, widened by what the story
says, then *ranked* (``rank._choose``), trying the name's forms in turn.

``_resolve(text, ctx, admins, support)`` is the whole of it for one name as written
(remembered: a function of its arguments and the tables): an airfield first when the
name has an airport word; else ``_resolve_name``, which reads a possessive ("Russia’s
Kursk Oblast") or a qualifier ("Tampa, Florida") as a hint, then looks the name up
(``_lookup``: exact names, alternate names and small towns in the story's countries,
towns in its subdivisions, towns near its other places), then its stem without area
words, the place at the head of a longer name, a state abbreviation, a demonym.
``places`` calls it for every name of a story with that story's context.

>>> _resolve("Russia’s Kursk Oblast", (), ()).name
'Kursk Oblast'
>>> _resolve("Paris", ("USA",), ("US.TN",)).lon < -80
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from dossier.models import Place
from dossier.resolve import airfields, index
from dossier.resolve.candidates import (
    _SHORT_WORDS,
    ABBREVIATIONS,
    METROPOLIS,
    _admin1,
    _admin1_by_iso,
    _admin2,
    _admin_code,
    _admin_point,
    _alternate_index,
    _candidates,
    _countries,
    _fallbacks,
    _Hint,
    _in_admins,
    _known,
    _organisation,
    _regions,
    _spelled_cities,
    _spelled_out,
    _title,
    _towns_named,
    _typed,
)
from dossier.resolve.names import (
    _HYPHENED,
    _PART_OF_STATE,
    _POSSESSIVE,
    ADMIN_WORDS,
    DIRECTIONS,
    INSTITUTION_WORDS,
    _clean,
    _fold_word,
    _has_abbreviation,
    _untyped,
)
from dossier.resolve.place_tables.common import _stopwords
from dossier.resolve.rank import _choose, _support
from dossier.resolve.records import Candidate as _Cand
from dossier.resolve.records import fold
from dossier.resolve.weights import WEIGHTS, _importance


def forget_lookups() -> None:
    """Forget every remembered lookup (``index.using`` swaps the tables)."""
    for func in (_hint_for, _resolve_remembered):
        func.cache_clear()


index.on_forget(forget_lookups)


def place_named(text: str, context: Sequence[str] = (), admin1: Sequence[str] = (),
                offsets: tuple[int, int] | None = None) -> Place | None:
    """The ``Place`` ``text`` names in a story about ``context`` (ISO3) and ``admin1``
    (GeoNames admin-1 codes), or None: ``places.resolve_place``."""
    found = _resolve(text, tuple(c for c in context if c), tuple(admin1))
    return _place(found, text, offsets) if found is not None else None


def _in_context(text: str, ctx: Sequence[str], known: list[_Cand]) -> list[_Cand]:
    """Places in a context country named ``text`` that the primary names missed.

    "Odessa" is a Texan city by primary name; in a story about Ukraine the
    alternate name of Odesa counts too, then smaller towns of that exact name,
    then second-level subdivisions ("Suffolk" in a story about England is the
    county, not the Virginian city).
    """
    seen = {c.geonameid for c in known}
    alternates = [] if _organisation(text) else _alternate_index().get(text, False)
    extra = [c for c in alternates if c.country in ctx and c.geonameid not in seen]
    if extra:
        return extra
    extra = [c for c in _towns_named(text) if c.country in ctx and c.geonameid not in seen]
    if extra or not text[:1].isupper():
        return extra
    return [c for c in _admin2(text) if c.country in ctx and c.geonameid not in seen]


def _near_towns(text: str, known: list[_Cand], support: Mapping[str, float],
                ctx: Sequence[str] = ()) -> list[_Cand]:
    """Small towns named ``text`` close to the namesakes of the story's other places,
    when no candidate (in the story's countries ``ctx``, if any) is a state,
    subdivision, capital or big city ("Woodbridge" next to "Dumfries" is Woodbridge,
    Virginia; "Paris" next to "Henry County" in a US story is Paris, Tennessee)."""
    rivals = [c for c in known if (not ctx or c.country in ctx)
              and not (c.kind == "country" and not ctx)]  # a country the story names not
    if any(c.kind != "city" or c.capital or c.weight >= WEIGHTS.near_town_rival for c in rivals):
        return []
    seen = {c.geonameid for c in known}
    return [c for c in _towns_named(text)
            if c.geonameid not in seen and support.get(c.key, 0.0) >= WEIGHTS.near_town]


def _lookup(text: str, context: Sequence[str], hint: _Hint | None, admins: Sequence[str] = (),
            support: Mapping[str, float] | None = None) -> _Cand | None:
    if not text or not any(ch.isalpha() for ch in text):
        return None
    proper = any(ch.isupper() for ch in text)
    hint_admin = hint.admin1 if hint else None
    wanted = [hint_admin] if hint_admin else list(admins)
    for folded in (False, True):
        if folded and not proper:
            break
        cands = _candidates(text, folded)
        typed = _typed(text)
        if typed and not cands and text.endswith((" County", " Parish")):
            counties = _admin2(text)  # "Hamilton County", not Hamilton parish, Bermuda
            if counties:
                return _choose(counties, context, hint, admins, support)
        if typed and not cands:
            return _choose(typed, context, hint, admins, support)
        if cands:
            if not folded:  # "St. Petersburg" is Saint Petersburg as much as the Florida city
                cands += _spelled_cities(text, cands, METROPOLIS)
            ctx = [hint.country] if hint and hint.country else []
            ctx += [c for c in context if c]
            if ctx and not folded and not any(c.country in ctx for c in cands):
                cands += _in_context(text, ctx, cands)
            if wanted and not folded:  # towns in subdivisions named more than the others'
                weights = support if support is not None else _support(ctx, wanted)
                best = max((weights.get(_admin_code(c) or "", 0) for c in cands), default=0)
                more = [a for a in wanted if weights.get(a, 0) > best or a == hint_admin]
                cands += _in_admins(text, more, cands) if more else []
            if support and not folded:
                cands += _near_towns(text, cands, support, ctx)
            return _choose(cands, context, hint, admins, support)
    return _choose(_fallbacks(text), context, hint, admins, support)


def _place(cand: _Cand, text: str, offsets: tuple[int, int] | None) -> Place:
    lat, lon = cand.lat, cand.lon
    if cand.kind == "admin1" and lat is None:
        point = _admin_point(cand.key)
        if point is not None:
            lat, lon = round(point[0], 5), round(point[1], 5)
    return Place(
        text=text, name=cand.name, country=cand.country, lat=lat, lon=lon, kind=cand.kind,
        geonameid=cand.geonameid, offsets=offsets,
    )


@lru_cache(maxsize=20_000)
def _hint_for(qualifier: str) -> _Hint | None:
    """The country or subdivision a qualifier names ("Fla.", "Russia"), remembered (a
    ``_Hint`` is not changed by its users)."""
    found = _lookup(_clean(qualifier), (), None)
    if found is None or found.kind not in ("country", "admin1"):
        return None
    return _Hint(country=found.country, admin1=found.admin1 if found.kind == "admin1" else None)


def _resolve(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
             support: Mapping[str, float] | None = None) -> _Cand | None:
    """The candidate ``text`` names with the story's countries ``ctx``, subdivisions
    ``admins`` and ``support`` (weights by code), remembered: a function of these and
    the tables alone, asked again in the second pass of ``resolve_places`` and by
    every story that names the same place in the same context."""
    frozen = None if support is None else tuple(sorted(support.items()))
    return _resolve_remembered(text, ctx, admins, frozen)


@lru_cache(maxsize=50_000)
def _resolve_remembered(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                        support: tuple[tuple[str, float], ...] | None) -> _Cand | None:
    return _resolve_afresh(text, ctx, admins, None if support is None else dict(support))


def _resolve_afresh(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                    support: Mapping[str, float] | None = None) -> _Cand | None:
    if airfields.has_airport_word(text):  # "Incirlik Air Base", "Engels airbase"
        field = _airfield(text, ctx, admins)
        if field is not None:
            return field
    return _or_airfield(text, _resolve_name(text, ctx, admins, support), ctx, admins)


def _or_airfield(text: str, found: _Cand | None, ctx: tuple[str, ...], admins: tuple[str, ...]
                 ) -> _Cand | None:
    """A big city's airport named alone ("Heathrow") in a story that names its country,
    instead of nothing or of a small town the story does not place ("Heathrow", Florida)."""
    if not ctx or not airfields.bare_head(text.split(" ", 1)[0]) or found is not None and (
            found.kind != "city" or found.weight >= airfields.SMALL_TOWN
            or _admin_code(found) in admins or not airfields.bare_airfield_name(text)):
        return found
    field = _airfield(text, ctx, admins, bare=True)
    if field is not None and (found is None or ctx.index(field.country or "") <= (
            ctx.index(found.country) if found.country in ctx else len(ctx))):
        return field
    return found


def _airfield(text: str, ctx: tuple[str, ...], admins: tuple[str, ...], bare: bool = False
              ) -> _Cand | None:
    place = airfields.resolve_airfield(text, ctx, admins, bare=bare, namesakes=NAMESAKES)
    if place is None:
        return None
    return _Cand(kind="airfield", name=place.name or text, country=place.country, lat=place.lat,
                 lon=place.lon, geonameid=None, weight=0.0, key=f"airfield:{place.name}")


def resolve_airfield(text: str, context: Sequence[str] = (), admin1: Sequence[str] = (),
                     *, bare: bool = False) -> Place | None:
    """``airfields.resolve_airfield`` with what these stages know of the places airfields
    are named after (``NAMESAKES``): "London airport" in a story about England is not
    London, Ontario's.

    >>> resolve_airfield("London airport", context=("GBR",)).country
    'GBR'
    >>> resolve_airfield("London airport", context=("USA",)) is None
    True
    """
    return airfields.resolve_airfield(text, context, admin1, bare=bare, namesakes=NAMESAKES)


def _known_name(text: str, common: bool) -> bool:
    return _known(text, common=common)


def _namesake_place(text: str, context: tuple[str, ...], admin1: tuple[str, ...]
                    ) -> Place | None:
    return place_named(text, context, admin1)


# What an airfield named after a place ("London airport") asks of the place stages.
NAMESAKES = airfields.Namesakes(known=_known_name, place=_namesake_place)


def _resolve_name(text: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                  support: Mapping[str, float] | None = None) -> _Cand | None:
    name = _spelled_out(_clean(text))
    if "." in name[:-1] and not name.endswith(".") and f"{name}." in ABBREVIATIONS:
        name += "."  # "N.Y" cut before its last dot
    part = _PART_OF_STATE.match(name)
    state = f"{part.group(1).rstrip('.')}." if part else ""
    if state in ABBREVIATIONS and name not in ABBREVIATIONS:
        name = state  # "N.Va." (northern Virginia) is in Virginia
    if name.endswith((" Co.", " CO.", " Co", " CO")):  # "PLYMOUTH CO."
        name = name.rsplit(" ", 1)[0] + (" COUNTY" if name.isupper() else " County")
    if name.isupper() and len(name) > 4 and not _has_abbreviation(name):
        name = _title(name)  # "LAUREL COUNTY", "FALLS VILLAGE", "NEW MIAMI"
    elif name.isupper() and name.partition(" ")[0].title() in _SHORT_WORDS:
        name = _spelled_out(_title(name))  # "ST. PARIS"
    whole = _clean(text, strip=False)
    if whole != name and _candidates(whole, False):  # "The Hague", "St. John's", "In Salah"
        name = whole
    hint = rest = None
    match = _POSSESSIVE.match(name)
    if match and _fold_word(match.group("rest").rsplit(" ", 1)[-1]) not in INSTITUTION_WORDS:
        # "Russia’s Kursk Oblast": the owner is a hint when it is a place (not "St.
        # Michael's Hospital", named after a saint that is a parish of Barbados too)
        rest = _clean(match.group("rest"))
        hint = _hint_for(match.group("owner"))
        if hint is not None:
            name = rest
    if hint is None and ", " in name:  # "Tampa, Florida", "Kursk, Russia"
        head, _, qualifier = name.partition(", ")
        qualifier_hint = _hint_for(qualifier)
        if qualifier_hint is not None and _lookup(head, ctx, qualifier_hint):
            name, hint = head, qualifier_hint
    found = _lookup(name, ctx, hint, admins, support)
    if found is None and rest and hint is None:  # "Putin’s Russia"
        found = _lookup(rest, ctx, None, admins, support)
    stem = _untyped(name)
    if found is not None and ctx and found.country not in ctx and stem != name:
        inside = _lookup(stem, ctx, hint, admins, support)  # "Dublin City" in a US story
        found = inside if inside is not None and inside.country in ctx else found
    if found is None and stem != name:  # "the Kursk border region", "the Tampa Bay area"
        dropped = {w.lower() for w in name.split()[len(stem.split()):]}
        if dropped & ADMIN_WORDS:
            found = _choose(list(_admin1().stems.get(fold(stem), ())), ctx, hint, admins,
                            support)
        if found is None:
            found = _lookup(stem, ctx, hint, admins, support)
        if found is not None and found.kind != "city" and "city" in dropped:
            # "Quebec City" is the city, whatever "Quebec" alone is
            cities = [c for c in _candidates(stem, False) if c.kind == "city"]
            found = _choose(cities, ctx, hint, admins, support) or found
    if found is None:
        found = _resolve_part(name, ctx, admins, support)
    if found is None and not text.endswith("."):
        abbreviation = ABBREVIATIONS.get(name + ".")  # "W.Va" cut before its last dot
        if abbreviation:
            found = _admin1_by_iso().get(abbreviation)
    if found is None and len(name) == 2 and name.isupper():  # "LOUISVILLE, KY"
        found = _admin1_by_iso().get(f"US-{name}") or _admin1_by_iso().get(f"CA-{name}")
    if found is None:
        found = _demonym(name)
    if found is None and _HYPHENED.match(name):  # "Greenbrier-Pocahontas County"
        found = _first_of_pair(name, ctx, hint, admins, support)
    return found


def _first_of_pair(name: str, ctx: tuple[str, ...], hint: _Hint | None,
                   admins: tuple[str, ...], support: Mapping[str, float] | None
                   ) -> _Cand | None:
    """The first of two places of one country joined by a hyphen, as a pair of counties
    or a school district's towns are named ("Greenbrier-Pocahontas County" is Greenbrier
    County, "Lamar-Fannin" Lamar); not when the second part is no place of that country,
    for then the hyphen joins one name whose first part alone is another place
    ("Mayo-Kebbi" is a province of Chad, not Mayo in Ireland; "Al-Qaryatain" no "Al").

    >>> _first_of_pair("Henry-Weakley County", ("USA",), None, (), None).name
    'Henry County'
    >>> _first_of_pair("Mayo-Kebbi", (), None, (), None) is None
    True
    """
    first, _, rest = name.partition("-")
    kind = rest.rsplit(" ", 1)[1] if rest.endswith((" County", " Parish")) else ""
    found = _lookup(f"{first} {kind}".strip(), ctx, hint, admins, support)
    if found is None:
        return None
    other = _lookup(rest, (found.country,), None, admins, support)
    return found if other is not None and other.country == found.country else None


def _demonym(name: str) -> _Cand | None:
    """A country or region from a plural or adjective of its name: "Canadians",
    "Czechs", "South Ossetian" (South Ossetia)."""
    if not name[:1].isupper() or " " in name and not name.split()[-1][:1].isupper():
        return None
    forms = []
    if name.endswith("s"):
        forms.append(name[:-1])
    if name.endswith("ians") or name.endswith("ian"):
        forms.append(name[: name.rindex("ian") + 2])  # "Ossetian" -> "Ossetia"
    forms += _state_forms(name)
    for form in forms:
        for names in (_countries()[2], _countries()[1], _regions()[1], _admin1().index):
            found = names.get(form, False)
            if found:
                return max(found, key=_importance)
    return None


def _state_forms(name: str) -> list[str]:
    """What a plural or adjective of a state's people may come from: "Minnesotans"
    (Minnesota), "Ohioan" (Ohio), "Texans" (Texas), "Floridians" (Florida),
    "Kentuckians" (Kentucky), "New Yorkers" (New York)."""
    word = name.removesuffix("s")
    forms = []
    if word.endswith("n"):
        forms.append(word[:-1])  # "Minnesotan"
    if word.endswith("an"):
        forms += [word[:-2], word[:-2] + "as"]  # "Ohioan", "Texan"
    if word.endswith("ian"):
        forms += [word[:-3] + "a", word[:-3] + "y"]  # "Floridian", "Kentuckian"
    if word.endswith("er"):
        forms.append(word[:-2])  # "New Yorker"
    return [form for form in forms if len(form) > 2]


def subdivision_demonym(name: str) -> bool:
    """Whether ``name`` is a word for the people of a first-level subdivision of
    the United States or Canada ("Minnesotans", "Ohioan", "Texans", "Albertans").

    >>> subdivision_demonym("Minnesotans"), subdivision_demonym("Ohioan")
    (True, True)
    >>> subdivision_demonym("Democrats")
    False
    """
    if not name[:1].isupper():
        return False
    for form in _state_forms(name):
        if any(c.alpha2 in ("US", "CA") for c in _admin1().index.get(form, False)):
            return True
    return False


def _resolve_part(name: str, ctx: tuple[str, ...], admins: tuple[str, ...],
                  support: Mapping[str, float] | None = None) -> _Cand | None:
    """A place at the head of a longer name: "Northeast Georgia" (a capitalised
    direction first), "Titus County Sheriff's Office", "Norman to D.C", any town
    before an institution word ("Whitestown Town Hall")."""
    words = name.split()
    if _organisation(name):  # "White House" is not the town of White, Georgia
        return None
    if len(words) > 1 and words[0].lower() in DIRECTIONS:  # not "North Street"
        found = _lookup(" ".join(words[1:]), ctx, None, admins)
        if found is not None and found.kind in ("country", "admin1", "region"):
            return found
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head[:1].isupper() and (_known(head, admins) or (
            _fold_word(words[n]) in INSTITUTION_WORDS and head.lower() not in _stopwords()
            and _towns_named(head)
        )):  # "Whitestown Town Hall", not the town of University of "University Hospital"
            return _lookup(head, ctx, None, admins, support)
    return None
