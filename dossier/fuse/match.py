"""Match: can two event mentions be the same real-world event, and how alike are they?

A ``Mention`` is the part of a stored event record that fusion looks at.
``conflict`` names the hard reason two mentions cannot be one event (or
returns None); ``similarity`` scores compatible pairs, and ``anchored``
says whether a pair shares something specific enough to merge on (a date,
a place, a named weapon, the same claimant or near-identical wording):
two undated, unplaced "Russia attacked Ukraine" mentions are compatible
but not evidence of one event.

Types are compared by family (``TYPE_FAMILIES``): a troop deployment coded
AID/military in one report and MOBILIZE in another is one event when their
actors, items and time agree.  Dates are compared with their uncertainty:
a relative date ("on Tuesday", "last week") is widened by
``RELATIVE_DATES``, an undated report covers the ``undated_window`` days
before its publication, and a report with neither date nor publication has
no time at all (compatible with any, fused on its other anchors).  The same
sentence in two copies of one article (``Mention.copy``) is one report,
whatever dates the two were given.

>>> a = Mention.from_record({"id": "ev_a", "type": "AID", "mode": "military",
...     "source": [{"code": "RUS"}], "target": [{"code": "PRK"}],
...     "items": [{"text": "MiG-29", "designation": "MiG-29", "category": "fighter aircraft"}],
...     "factuality": "planned", "evidence": {"text": "x", "start": 0, "end": 1},
...     "document": {"id": "doc_1", "published": "2024-12-12"}})
>>> b = Mention.from_record({"id": "ev_b", "type": "AID", "mode": "military",
...     "source": [{"code": "RUS"}], "target": [{"code": "PRK"}],
...     "items": [{"text": "jets", "category": "fighter aircraft"}],
...     "factuality": "negated", "evidence": {"text": "y", "start": 0, "end": 1},
...     "document": {"id": "doc_2", "published": "2024-12-14"}})
>>> conflict(a, b) is None, anchored(a, b)
(True, True)
>>> c = Mention.from_record({"id": "ev_c", "type": "AID", "mode": "military",
...     "source": [{"code": "PRK"}], "target": [{"code": "RUS"}], "items": [],
...     "factuality": "asserted", "evidence": {"text": "z", "start": 0, "end": 1},
...     "document": {"id": "doc_3", "published": "2024-12-12"}})
>>> conflict(a, c)
'reversed direction'
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from dossier import gazetteer
from dossier.equipment import GENERIC_MILITARY
from dossier.extract.wordclasses import PERSONNEL_CATEGORIES
from dossier.provenance import outlet_of_url

# An undated mention is taken to be about something that happened in the
# UNDATED_WINDOW days up to its publication (the default of ``dossier fuse
# --undated-window``; or the UNDATED_AFTER days after it, for what is
# announced as coming): news is about recent events, and a retelling
# without a date is about one of them.
UNDATED_WINDOW = 30
UNDATED_BEFORE = UNDATED_WINDOW  # the name earlier versions used
UNDATED_AFTER = 7
# A relative date is read against the publication day, which can be later
# than the day the report was written (a story carried by another site or
# printed the next day, a weekly): "on Tuesday" in a story published the
# next Tuesday resolves to that day, a week late (a weekday: up to 7 days).
# A date whose text matches one of these (and names no month) is widened
# back by that many days and forward by one.  Absolute dates ("on March 4") are taken as written.
RELATIVE_DATES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I), 7),
    (re.compile(r"\b(?:last|this|past|previous) week\b|\bdays ago\b", re.I), 3),
    (re.compile(r"\b(?:yesterday|today|tonight|overnight|last night|this morning"
                r"|this afternoon|this evening|earlier today)\b", re.I), 1),
)  # fmt: skip
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d|\d{4}", re.I
)
# Reports typed differently that can tell of one happening: type -> family;
# a type not listed is a family of its own.  "North Korea sent 3,000
# soldiers to Russia" is coded AID/military and "North Korea deployed troops
# to Russia" MOBILIZE/troops.  Two mentions of one family but different
# types are one event only when their items agree too (a shared designation
# or category: troops and troops, not fighter jets and troops).
TYPE_FAMILIES: dict[str, str] = {
    "AID": "sending forces or arms",
    "MOBILIZE": "sending forces or arms",
}
# Places further apart than this are different places (cities within one
# oblast or province are still one place to a news report).
MAX_PLACE_KM = 250.0
# Types whose source and target are interchangeable ("A and B agreed",
# "A met B"): actors are compared as one set.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
POSITIVE = frozenset({"asserted", "planned", "likely", "possible"})
# Evidence texts this alike (rapidfuzz token_set_ratio, 0..100) are the same report.
SAME_WORDING = 85.0


# "about 50" allows this share either side (reports round: 48 and "about 50" agree)
ABOUT_TOLERANCE = 0.2


def quantity_bounds(item: dict) -> tuple[float, float]:
    """The least and most an item's quantity allows, read with its modifier and range
    (``extract/quantity.py``): "over 2 million" is 2,000,000 to no end, "up to 30"
    0 to 30, "several hundred" 300 to 900, "about 50" 40 to 60, "24" just 24.

    >>> quantity_bounds({"quantity": 24})
    (24, 24)
    >>> quantity_bounds({"quantity": 2000000, "quantity_mod": "more_than"})
    (2000000, inf)
    >>> quantity_bounds({"quantity": 300, "quantity_range": [300, 900]})
    (300, 900)
    >>> quantity_bounds({"quantity": 50, "quantity_mod": "about"})
    (40.0, 60.0)
    """
    number = item["quantity"]
    low_high = item.get("quantity_range")
    if low_high:
        return low_high[0], low_high[1]
    mod = item.get("quantity_mod")
    if mod in ("more_than", "at_least"):
        return number, math.inf
    if mod in ("up_to", "less_than"):
        return 0, number
    if mod == "about":
        return number * (1 - ABOUT_TOLERANCE), number * (1 + ABOUT_TOLERANCE)
    return number, number


@dataclass(frozen=True)
class Mention:
    """What fusion needs of one stored event mention."""

    id: str
    document: str
    type: str
    mode: str | None
    source: frozenset[str]
    target: frozenset[str]
    items: frozenset[str]  # designations and categories, lower case
    # (designation or category, least, most): what the report's number allows
    quantities: tuple[tuple[str, float, float], ...]
    start: int | None  # the interval the event happened in, as date ordinals
    end: int | None
    dated: bool  # the interval comes from a date in the text, not from publication
    granularity: str | None
    # (country, lat, lon, kind)
    place: tuple[str | None, float | None, float | None, str | None] | None
    factuality: str
    claimant: str | None  # a normalised claimant key, or None when vague or absent
    published: str | None
    outlet: str | None
    evidence: str
    sentence: int = 0  # where the evidence starts in its document
    actors: frozenset[str] = frozenset()  # source and target together
    family: str = ""  # see TYPE_FAMILIES
    day: int | None = None  # the day as resolved, before any widening (day granularity)
    copy: str = ""  # the article's group of copies (wire copies, reprints); its id when alone
    # a place the gazetteer does not know, as written (``unresolved_place``); ``place`` is
    # None then
    place_text: str | None = None

    @classmethod
    def from_record(
        cls, record: dict[str, Any], undated_window: int = UNDATED_WINDOW
    ) -> Mention:
        """A mention from an event record with its ``document`` (as ``Store.events`` gives).

        ``undated_window``: the days before publication an undated report may be about.
        """
        document = record.get("document") or {}
        published = document.get("published")
        date = record.get("date") or {}
        start, end = _day(date.get("start")), _day(date.get("end"))
        dated = start is not None and end is not None
        day = start if dated and start == end else None
        if dated:
            back = relative_tolerance(date.get("text"))
            start, end = start - back, end + min(back, 1)  # type: ignore[operator]
        else:
            start, end = None, None
            pub = _day(published)
            if pub is not None:
                start, end = pub - max(0, undated_window), pub + UNDATED_AFTER
        location = record.get("location") or None
        place = None
        place_text = unresolved_place(location)
        if location and place_text is None:
            place = (
                location.get("country"),
                location.get("lat"),
                location.get("lon"),
                location.get("kind"),
            )
        items: set[str] = set()
        quantities: list[tuple[str, float, float]] = []
        for item in record.get("items") or []:
            keys = [k.lower() for k in (item.get("designation"), item.get("category")) if k]
            items.update(keys)
            if item.get("quantity") is not None and keys:
                quantities.append((keys[0], *quantity_bounds(item)))
        claim = record.get("attribution") or {}
        # the stored one (from the URL, the page or the folder) first, else the URL's
        outlet = document.get("outlet") or outlet_of_url(document.get("url"))
        return cls(
            id=record["id"],
            document=document.get("id") or "",
            type=record["type"],
            mode=record.get("mode"),
            source=_actor_keys(record.get("source")),
            target=_actor_keys(record.get("target")),
            items=frozenset(items),
            quantities=tuple(sorted(quantities)),
            start=start,
            end=end,
            dated=dated,
            granularity=date.get("granularity"),
            place=place,
            factuality=record.get("factuality") or "asserted",
            claimant=claimant_key(claim.get("claimant")),
            published=published,
            outlet=outlet or None,
            evidence=(record.get("evidence") or {}).get("text", ""),
            sentence=(record.get("evidence") or {}).get("start", 0),
            actors=_actor_keys(record.get("source")) | _actor_keys(record.get("target")),
            family=TYPE_FAMILIES.get(record["type"], record["type"]),
            day=day,
            copy=document.get("id") or "",
            place_text=place_text,
        )


def unresolved_place(location: dict[str, Any] | None) -> str | None:
    """The text of a place the gazetteer did not resolve (no name, country or point),
    folded for comparison; None for a resolved place or none.

    Such a place neither identifies a mention nor conflicts with another's: without a
    country or a point nothing says whether "Paletwa" and "Paletwa township" are one
    place or "Paletwa" and "Kyauktaw" two, so fusion treats the mention as placed
    nowhere, as it did before the text was kept; only the same text in two mentions is
    the same place (``_same_place``).

    >>> unresolved_place({"text": "Paletwa  Township", "name": None, "lat": None})
    'paletwa township'
    >>> unresolved_place({"text": "Goma", "name": "Goma", "country": "COD"}) is None
    True
    """
    if not location or any(location.get(k) is not None
                           for k in ("name", "country", "lat", "lon", "kind")):
        return None
    return place_words(location.get("text") or "") or None


def place_words(text: str) -> str:
    """A place name as written, folded for comparison (case, runs of spaces).

    >>> place_words("Paletwa  Township")
    'paletwa township'
    """
    return " ".join(text.split()).casefold()


def relative_tolerance(text: str | None) -> int:
    """Days a date written this way may be resolved too late (``RELATIVE_DATES``).

    >>> [relative_tolerance(t) for t in ("Tuesday", "last week", "March 4")]
    [7, 3, 0]
    >>> relative_tolerance("Tuesday, March 4"), relative_tolerance("yesterday")
    (0, 1)
    """
    if not text or _MONTH.search(text):
        return 0
    return next((days for pattern, days in RELATIVE_DATES if pattern.search(text)), 0)



def _day(value: str | None) -> int | None:
    """An ISO date (or its first 10 characters) as a day ordinal."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _actor_keys(actors: list[dict[str, Any]] | None) -> frozenset[str]:
    """Actors by code; uncoded named organisations by name; generic nouns are left out."""
    keys = set()
    for actor in actors or []:
        if actor.get("code"):
            keys.add(actor["code"])
        elif actor.get("name"):
            keys.add("name:" + actor["name"].lower())
    return frozenset(keys)


_NAME = re.compile(r"^[A-Z][\w'.-]*$")
_ORG_WORDS = frozenset(
    "ministry office council agency command army forces force government parliament"
    " department committee service union court police navy".split()
)


@lru_cache(maxsize=65536)
def claimant_key(claimant: str | None) -> str | None:
    """The identity of a claimant, or None when it names nobody in particular.

    A person is known by their surname; an institution by its state and kind
    (the gazetteer's organisations and actor nouns: "the Kremlin", "Russia" and
    "a Kremlin spokesman" are all the Russian government; South Korea's "spy
    agency" is its National Intelligence Service); a claimant that names no
    one ("a TV report", "the regional governor") identifies nobody, so two
    reports citing one are not counted as one source.

    >>> claimant_key("Admiral Samuel Paparo"), claimant_key("Paparo")
    ('paparo', 'paparo')
    >>> claimant_key("Kremlin spokesman Dmitry Peskov")
    'peskov'
    >>> claimant_key("the Kremlin"), claimant_key("Russia"), claimant_key("a Kremlin spokesman")
    ('RUS:government', 'RUS:government', 'RUS:government')
    >>> claimant_key("South Korea's spy agency"), claimant_key("lawmakers briefed by the NIS")
    ('KOR:intelligence', 'KOR:intelligence')
    >>> claimant_key("the Russian Defence Ministry")
    'RUS:military'
    >>> claimant_key("a South Korean TV report") is None
    True
    """
    if not claimant:
        return None
    words = [w.strip(".,;:\"") for w in claimant.replace("\u2019", "'").split()]
    words = [w.removesuffix("'s") for w in words if w]
    name: list[str] = []  # the trailing run of capitalised words that name no state or body
    for word in reversed(words):
        if not _NAME.match(word) or gazetteer.lookup(word):
            break
        name.insert(0, word)
    if name and not any(w.lower() in _ORG_WORDS for w in name):
        return name[-1].lower()  # a person: "Admiral Samuel Paparo", "spokesman Peskov"
    return _institution(words) or (" ".join(name).lower() or None)


def _institution(words: list[str]) -> str | None:
    """ "STATE:kind" for a claimant that is an institution or a state, else None."""
    country = kind = None
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            entry = gazetteer.lookup(" ".join(words[i : i + size]))
            if entry is None:
                continue
            if entry.kind not in ("state", "demonym", "capital"):
                return f"{entry.country or entry.code}:{entry.kind}"
            country = country or entry.code
    for i, word in enumerate(words):
        for phrase in (" ".join(words[i : i + 2]), word):
            noun = gazetteer.actor_noun(phrase.lower())
            if noun:
                kind = noun[1]
                break
    if country and (kind or len(words) == 1):
        return f"{country}:{kind or 'government'}"
    return None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _distance(a: Mention, b: Mention) -> float | None:
    """Kilometres between two located mentions, None unless both are points (not countries)."""
    if a.place is None or b.place is None:
        return None
    (_, lata, lona, ka), (_, latb, lonb, kb) = a.place, b.place
    if "country" in (ka, kb) or lata is None or lona is None or latb is None or lonb is None:
        return None
    return _km((lata, lona), (latb, lonb))


def _place_conflict(a: Mention, b: Mention) -> bool:
    if a.place and b.place and a.place[0] and b.place[0] and a.place[0] != b.place[0]:
        return True  # different countries
    km = _distance(a, b)
    return km is not None and km > MAX_PLACE_KM


def _same_place(a: Mention, b: Mention) -> bool:
    """Within ``MAX_PLACE_KM`` of each other, or the same unresolved place text."""
    if a.place_text is not None and a.place_text == b.place_text:
        return True
    km = _distance(a, b)
    return km is not None and km <= MAX_PLACE_KM


def _identified(m: Mention) -> bool:
    """Whether the mention names something that tells its event: an actor or a place."""
    return bool(m.actors or m.place)


def same_wording(a: Mention, b: Mention) -> bool:
    """Whether the two evidence sentences are near-identical (``SAME_WORDING``)."""
    return fuzz.token_set_ratio(a.evidence, b.evidence) >= SAME_WORDING


def same_report(a: Mention, b: Mention) -> bool:
    """The same sentence in two copies of one article (a wire story and its reprint)."""
    return a.copy == b.copy and a.document != b.document and a.type == b.type and same_wording(a, b)


def conflict(a: Mention, b: Mention) -> str | None:
    """Why ``a`` and ``b`` cannot be one event, or None when they can."""
    if a.family != b.family:
        return "different type"
    if a.type != b.type and not (a.items & b.items):
        return "different type"  # one family, but nothing says it is the same thing
    if a.type == b.type and a.mode and b.mode and a.mode != b.mode:
        return "different mode"
    if not (_identified(a) and _identified(b)) and not same_report(a, b):
        # "protests were held", "an emergency summit": no actor and no place, so
        # nothing tells which event it is; it stays a fused event of its own
        # (but the same sentence in a copy of the article is the same report)
        return "nothing to identify it"
    if not (a.actors and b.actors):
        pass  # "two missiles hit Kharkiv": nobody named, so no actor can disagree
    elif a.type in SYMMETRIC_TYPES:
        shared = a.actors & b.actors
        if not shared:
            return "no shared actor"
        if len(a.actors) > 1 and len(b.actors) > 1 and len(shared) < 2:
            return "different parties"
    else:
        same_source, same_target = a.source & b.source, a.target & b.target
        if a.source and b.source and not same_source:
            return "different source" if not (a.source & b.target) else "reversed direction"
        if a.target and b.target and not same_target:
            return "different target"
        if not (same_source or same_target):
            return "no shared actor"
    if (
        a.start is not None and b.start is not None and (a.start > b.end or b.start > a.end)
        and not same_report(a, b)
    ):  # fmt: skip
        return "different dates"
    if _place_conflict(a, b):
        return "different places"
    # people (troops, guards killed) are not equipment; "weapons" may be any of them
    equipment_a = a.items - PERSONNEL_CATEGORIES - GENERIC_MILITARY
    equipment_b = b.items - PERSONNEL_CATEGORIES - GENERIC_MILITARY
    if equipment_a and equipment_b and not (equipment_a & equipment_b):
        return "different items"
    return None


def anchored(a: Mention, b: Mention, *, same_article: bool = True) -> bool:
    """Whether the pair shares something specific: not just type, actors and recency.

    Two mentions in one article are anchored by that alone (an article
    restating its event), unless ``same_article`` is False.  When one of the
    two has no time at all (no date, no publication), one shared place,
    weapon or claimant is not enough (attacks on Baghdad, or a minister's
    words, over the years): it takes near-identical wording or two of them.
    """
    if same_article and a.document == b.document:
        return True
    shared = [
        _same_place(a, b),
        bool(a.items & b.items),
        bool(a.claimant and a.claimant == b.claimant),
    ]
    if a.start is None or b.start is None:
        if sum(shared) >= 2:
            return True
    elif any(shared) or (a.day is not None and a.day == b.day):
        return True
    return same_wording(a, b)


def similarity(a: Mention, b: Mention) -> float:
    """How alike two compatible mentions are (higher merges first)."""
    score = float(len(a.source & b.source) + len(a.target & b.target))
    if a.type == b.type:
        score += 0.5
    if a.dated and b.dated:
        score += 1.0 if (a.start, a.end) == (b.start, b.end) else 0.5
    if _same_place(a, b):
        score += 1.0
    score += len(a.items & b.items)
    if a.claimant and a.claimant == b.claimant:
        score += 0.5
    return score + fuzz.token_set_ratio(a.evidence, b.evidence) / 100.0
