"""Calendar dates in news text: find them, resolve them, infer the year they are in.

Three entry points:

* ``find_dates(text, reference)`` finds every calendar date expression in a
  text ("December 10", "10 Dec. 2024", "in June 2024", "early October",
  "last week", "on Monday", "the 1990s", "2024-12-04") and resolves it to a
  ``DateValue`` with TimeML-style ``value``, ``granularity``, the first and last
  day it covers, and its character offsets;
* ``resolve_date(expr, reference)`` resolves one expression the extractor has
  already isolated ("on December 4", "from October 21");
* ``infer_reference(text)`` infers the year (and day, when one is written in
  full) of a document that has no publication date.

Expressions without a year take it from ``reference`` (the year that puts the
date nearest to it; a date ahead of the reference counts as
``_FUTURE_WEIGHT`` times farther than one behind it, since news mostly reports
the past, unless the date's clause speaks of the future: "will", "would", "is
due to", not behind a comma nor in a possessive, see ``_looks_future``; a date
after "in"/"on" governed by a verb in the simple past, "bought it in February",
is not ahead of the reference, see ``_past_event_date``) or,
without a reference, from ``year_hint``.  Deictic expressions ("yesterday",
"last week", "on Monday") need ``reference`` and are skipped without it.
Nothing is invented: when neither is known, a yearless expression is skipped.
Durations ("for two years", "10 days", "over the next
year") and numbers that are quantities or designations ("2,000 troops",
"MiG-29", "Su-27", "Resolution 2254") are not dates.

Values follow TimeML (TIMEX3 ``value``), so that they can be scored on TimeML
corpora (``dossier eval timeml``):

* "now", "currently", "current", "these days", "recently", "the past", "the
  future", "soon" (with a modal: "may soon rule"), "will one day", "at a later date", "several
  years ago" are ``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``, with
  granularity ``ref`` and no first or last day;
* parts of the reference day and the days next to it carry TMO, TAF, TEV, TNI
  ("this morning" -> ``2024-12-12TMO``, "last night" -> ``2024-12-11TNI``); a
  clock time carries its hour ("10 p.m. Wednesday" -> ``2024-12-11T22:00``),
  on the day written with it, else the last day written, else the reference
  day; the granularity stays ``day``; so does a modified part of the day after
  a preposition ("by mid-afternoon") or with "yesterday" ("mid-afternoon
  yesterday" -> ``2024-12-11TAF``);
* a range with both ends written ("April 24 and 25", "2009-2010") is found
  whole (its first end's value, its last day as ``end``) and its last end again
  as an expression of its own, as TimeML annotates the two apart;
* "(by) the end of (the) year" while the end of the reference's year is ahead
  is the year before when the nearest verb before it is past ("it peaked by the
  end of the year" in March), not after "until";
* "the past year", "the last week" are the unit before the reference's (TimeML
  annotates them as dates; "the last year of the war" is none);
* "the week of March 6" is that day's week (``2000-W10``); "the day before
  last Tuesday" the day next to the weekday; "the previous Friday" the Friday
  before the last day written; "the first two quarters of 1990" a half
  (``1990-H1``); "post-1959", "pre-1990" the year;
* "in the morning" is the morning of the last date written when that is a day
  (without one it is a habit: "they train in the morning"); "4 in the morning"
  a clock time;
* anaphoric expressions are read against the last date written before them,
  as TimeML annotates them, not against the reference: "two years later",
  "that day", "the following month", "later that night"; in a financial report
  "the quarter", "the latest period" are the last quarter named (else the last
  one over by the reference) and "a year earlier", "the year-ago quarter",
  "year-earlier profit" that quarter a year before (the year before, when the
  sentence compares a span of months: "for the nine months");
* years in words: "nineteen ninety-six", "January nineteen ninety-seven".

The grammar is our own set of regular expressions, compiled once;
``dateparser`` is only a guarded fallback of ``resolve_date`` for phrasings the
grammar does not know ("a fortnight ago").

>>> import datetime as dt
>>> text = "Paparo spoke on December 10; pilots arrived in early October."
>>> [(d.text, d.value, d.mod) for d in find_dates(text, dt.date(2024, 12, 12))]
[('December 10', '2024-12-10', None), ('early October', '2024-10', 'early')]
>>> d = resolve_date("in June 2024", None)
>>> (d.value, d.granularity, d.start, d.end)
('2024-06', 'month', '2024-06-01', '2024-06-30')
>>> find_dates("MiG-29 and Su-27 jets", dt.date(2024, 12, 12))
[]
>>> ref = infer_reference("It was signed in June 2024 and came into force on December 4.")
>>> (ref.year, ref.text, ref.date)
(2024, 'June 2024', None)
>>> text = "The plant opened in 1995; two years later it closed. It is now a museum."
>>> [(d.text, d.value) for d in find_dates(text, dt.date(2024, 12, 12))]
[('1995', '1995'), ('two years later', '1997'), ('now', 'PRESENT_REF')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateutil.easter import easter

from dossier.models import DateValue

__all__ = ["Reference", "find_dates", "infer_reference", "resolve_date"]

# A date ahead of the reference counts this many times farther than one behind it.
_FUTURE_WEIGHT = 2.0
_MODS = ("early", "mid", "late")


@dataclass(frozen=True)
class Reference:
    """The date inferred from a text without a publication date."""

    date: dt.date | None  # a full date written in the text (used as anchor), else None
    year: int  # the inferred year
    text: str  # the expression it was inferred from ("June 2024")
    offsets: tuple[int, int]
    rule: str  # short human-readable reason: "latest explicit year in text", ...


# --- periods -----------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    value: str
    granularity: str
    start: dt.date
    end: dt.date


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day(d: dt.date, last: dt.date | None = None) -> _Period:
    return _Period(d.isoformat(), "day", d, last or d)


def _make_day(year: int, month: int, day: int) -> _Period | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return _day(dt.date(year, month, day))
    except ValueError:  # February 30, February 29 of a common year
        return None


def _week(d: dt.date) -> _Period:
    iso_year, week, weekday = d.isocalendar()
    monday = d - dt.timedelta(days=weekday - 1)
    return _Period(f"{iso_year}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def _weekend(saturday: dt.date) -> _Period:
    iso_year, week, _ = saturday.isocalendar()
    return _Period(
        f"{iso_year}-W{week:02d}-WE", "weekend", saturday, saturday + dt.timedelta(days=1)
    )


def _month(year: int, month: int) -> _Period:
    start = dt.date(year, month, 1)
    return _Period(
        f"{year:04d}-{month:02d}", "month", start, start.replace(day=_last_day(year, month))
    )


def _part(year: int, n: int, months: int, tag: str, granularity: str) -> _Period:
    """The n-th block of ``months`` months of a year: quarters (3, "Q"), halves (6, "H")."""
    first = months * (n - 1) + 1
    last = first + months - 1
    return _Period(
        f"{year:04d}-{tag}{n}",
        granularity,
        dt.date(year, first, 1),
        dt.date(year, last, _last_day(year, last)),
    )


def _quarter(year: int, q: int) -> _Period:
    return _part(year, q, 3, "Q", "quarter")


def _half(year: int, h: int) -> _Period:
    return _part(year, h, 6, "H", "half")


_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(year: int, code: str) -> _Period:
    """Meteorological (northern) seasons; winter YYYY runs from December YYYY."""
    first = _SEASON_FIRST_MONTH[code]
    start = dt.date(year, first, 1)
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, first + 2)
    end = dt.date(end_year, end_month, _last_day(end_year, end_month))
    return _Period(f"{year:04d}-{code}", "season", start, end)


def _year(year: int) -> _Period:
    return _Period(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _decade(first_year: int) -> _Period:
    return _Period(
        f"{first_year // 10:03d}",
        "decade",
        dt.date(first_year, 1, 1),
        dt.date(first_year + 9, 12, 31),
    )


def _century(first_year: int) -> _Period:
    return _Period(
        f"{first_year // 100:02d}",
        "century",
        dt.date(first_year, 1, 1),
        dt.date(first_year + 99, 12, 31),
    )


def _thirds(lo: int, hi: int, mod: str) -> tuple[int, int]:
    """Split lo..hi (inclusive) into early/mid/late thirds."""
    n = hi - lo + 1
    a, b = lo + round(n / 3), lo + round(2 * n / 3)
    return {"early": (lo, a - 1), "mid": (a, b - 1), "late": (b, hi)}[mod]


def _bounds(p: _Period, mod: str | None) -> tuple[dt.date, dt.date]:
    """First and last day of ``p`` narrowed by an early/mid/late modifier."""
    if mod not in _MODS:
        return p.start, p.end
    s, e = p.start, p.end
    if p.granularity == "month":  # 1-10, 11-20, 21-end
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, e.day)}[mod]
        return s.replace(day=lo), s.replace(day=hi)
    if p.granularity == "year":  # Jan-Apr, May-Aug, Sep-Dec
        m1, m2 = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[mod]
        return dt.date(s.year, m1, 1), dt.date(s.year, m2, _last_day(s.year, m2))
    if p.granularity in ("decade", "century"):
        y1, y2 = _thirds(s.year, e.year, mod)
        return dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    d1, d2 = _thirds(0, (e - s).days, mod)
    return s + dt.timedelta(days=d1), s + dt.timedelta(days=d2)


# --- context -----------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    text: str
    reference: dt.date | None
    year_hint: int | None


def _cost(lo: dt.date, hi: dt.date, ref: dt.date, ahead: float, behind: float) -> float:
    """Distance in days from ``ref`` to lo..hi, weighted by the side it lies on."""
    if lo <= ref <= hi:
        return 0.0
    if hi < ref:
        return (ref - hi).days * behind
    return (lo - ref).days * ahead


def _nearest(
    ctx: _Ctx,
    make: Callable[[int], _Period | None],
    mod: str | None = None,
    at: int | None = None,
    past_first: bool = False,
) -> _Period | None:
    """The period for a yearless expression: nearest the reference, else in ``year_hint``.

    A period ahead of the reference counts ``_FUTURE_WEIGHT`` times its distance;
    when the clause before ``at`` speaks of the future ("will", "is to", "as
    soon as"), one behind it counts that much instead.  ``past_first`` (quarters:
    reported once they are over) takes the latest period begun by the reference.
    """
    ref = ctx.reference
    if ref is None:
        return make(ctx.year_hint) if ctx.year_hint is not None else None
    scheduled = at is not None and _SCHEDULED_PRESENT.search(ctx.text, max(0, at - 40), at)
    future = at is not None and (_looks_future(ctx.text, at) or scheduled)
    # "will", "is due to" (not "would"), "takes effect" governing "in/on/by" it: not a
    # period over by the reference ("a third-quarter loss" names a noun's time, not the verb's)
    firm = (
        future
        and at is not None
        and _prev_word(ctx.text, at).lower() in ("in", "on", "by", "until", "till")
        and (scheduled or _looks_future(ctx.text, at, firm=True))
    )
    past = at is not None and not future and _past_event_date(ctx.text, at)
    ahead, behind = (1.0, _FUTURE_WEIGHT) if future else (_FUTURE_WEIGHT, 1.0)
    best: _Period | None = None
    best_cost = float("inf")
    for year in (ref.year - 1, ref.year, ref.year + 1):
        p = make(year)
        if p is None:
            continue
        lo, hi = _bounds(p, mod)
        if past and lo > ref:
            continue  # "bought it in February", told in the past: not a February ahead
        if firm and hi < ref:
            continue  # "elections are due in November", in March: not a November gone
        if past_first and not future:
            cost = float((ref - lo).days) if lo <= ref else float("inf")
        else:
            cost = _cost(lo, hi, ref, ahead, behind)
        if cost < best_cost:
            best, best_cost = p, cost
    return best


def _relative(ref: dt.date, make: Callable[[int], _Period | None], rel: str) -> _Period | None:
    """``last``/``this``/``next`` + a yearly period (a month, a season, a holiday)."""
    found = [p for y in range(ref.year - 2, ref.year + 3) if (p := make(y)) is not None]
    if rel == "last":
        past = [p for p in found if p.end < ref]
        return past[-1] if past else None
    if rel == "next":
        future = [p for p in found if p.start > ref]
        return future[0] if future else None
    for p in found:  # this
        if p.start <= ref <= p.end:
            return p
    return make(ref.year)


def _rel_word(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw in ("last", "this past", "the past", "the last"):
        return "last"
    if raw in ("next", "this coming"):
        return "next"
    return "this" if raw in ("the", "current", "the current") else raw  # "this", "on"


def _mod_word(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw.startswith("early") or raw in ("the beginning of", "the start of"):
        return "early"
    if raw.startswith("mid") or raw == "the middle of":
        return "mid"
    if raw.startswith("late") or raw == "the end of":
        return "late"
    return None


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)[\s,]*$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z][\w'’-]*)")


def _prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).rstrip(".").lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end : end + 40])
    return m.group(1) if m else ""


# --- vocabulary --------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_MONTH_NUM = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTH_NUM.update({name.lower()[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTH_NUM["sept"] = 9
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NUM = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# The same, as a regular expression's alternatives: "(?P<n>\d{1,3}|" + _COUNT + ")".
_COUNT = "|".join(_NUMBER_WORDS)
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "latter": 2,
}  # fmt: skip
_CENTURY_WORDS = {
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Bare month names need one of these before them to count ("in May", not "Theresa May").
_MONTH_CONTEXT = _words(
    "in since until till by from through during of before after early mid late last this "
    "next throughout between around and or to"
)
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
# A year written after these is a designation, not a date: "Resolution 2254", "Flight 1990".
_NOT_YEAR_BEFORE = _words(
    "resolution resolutions no nos number flight route article articles section room chapter "
    "page pages paragraph item unit code model type class series squadron battalion brigade "
    "regiment division highway road bus line platform gate door apartment suite box vol volume "
    "issue catalog serial tail hull id ticket account case docket bill order directive decree "
    "standard iso version rule law act protocol form patch build release exit junction "
    "interstate sr hr hb sb mark mk"
)
# ... and before these, a quantity: "1990 troops", "2000 people".
_QUANTITY_NOUNS = _words(
    "troops soldiers servicemen people persons civilians refugees migrants men women children "
    "residents fighters militants rebels insurgents police officers prisoners hostages "
    "detainees workers jobs members votes voters seats cases deaths dead killed wounded injured "
    "casualties victims dollars euros pounds rubles roubles yen yuan won rupees tons tonnes "
    "kilograms kg km kilometers kilometres miles meters metres feet ft acres hectares barrels "
    "units vehicles tanks missiles drones rockets shells rounds bombs jets aircraft planes "
    "helicopters ships vessels boats homes houses buildings apartments percent points "
    "hours hrs minutes seconds days weeks months years decades gmt utc bst est cet msk "
    "students pupils patients doctors staff employees families households villages towns "
    "shares copies pieces items dollar euro pound ton tonne km2 sq square mw gw kw"
)
_QUALIFIERS = _words(
    "about some nearly around approximately roughly over almost only just least most than estimated"
)
_FUNCTION_WORDS = _words(
    "the a an and or but when as after before to in on at he she it they we i there this that "
    "was were is has had with while until since its his her their"
)
# Strong date context for a bare year (used by infer_reference).
_YEAR_CONTEXT = _words(
    "in since during from until till through of before after early mid late by between around "
    "year fiscal and to circa"
)
_TARGET_WORDS = frozenset({"by", "until", "till", "through", "before"})
_WEEKDAY_NOT_AFTER = _words(
    "bloody palm good ash easter black cyber super holy maundy shrove whit giving manic"
)
_WEEKDAY_NOT_BEFORE = _words(
    "Times Telegraph Express Mirror Post Herald Tribune Independent Mail Star Sport Business "
    "Review Magazine Edition Night Lights Observer People Sun World Show"
)
_HOLIDAY_CONTEXT = _words(
    "on at by before after since until till over during for around near of ahead from "
    "through last this next"
)


def _alts(words: tuple[str, ...] | list[str]) -> str:
    forms = {f for w in words for f in (w, w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_FULL = _alts(_MONTH_NAMES)
_ABBR = _alts(_MONTH_ABBRS)
_WD = _alts(_WEEKDAYS)
_MON = rf"(?P<mon>(?:{_FULL})(?![A-Za-z])|(?:{_ABBR})(?![A-Za-z])\.?)"
_MON_FULL = rf"(?P<mon>(?:{_FULL})(?![A-Za-z]))"
_DAY_N = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?(?![A-Za-z\d]|[.:/]\d)"
_DAY = rf"(?P<day>{_DAY_N})"
_RANGE = rf"(?:\s*(?P<conn>-|–|—|to|through|and)\s*(?P<day2>{_DAY_N}))?"
_YEAR = r"(?P<year>[12]\d{3})(?![\w%]|[.,]\d)"
_WD_OPT = rf"(?:(?P<wd>{_WD})\.?,?\s+(?:the\s+)?)?"
_MODPRE = (
    r"(?:(?P<mod>(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of))"
    r"(?:\s*-\s*|\s+))?"
)
_REL = r"(?P<rel>(?i:this\s+past|this\s+coming|last|this|next))"
_SEASON_RE = r"(?P<s>(?i:spring|summer|autumn|fall|winter))"


# --- rules -------------------------------------------------------------------

@dataclass
class _Focus:
    """What the text has last spoken of, for anaphoric expressions ("a year earlier").

    ``last`` is the last date written before (of any granularity), ``quarter``
    the last quarter named that was over by the reference: financial reports
    compare "the quarter" with "a year earlier" long after the quarter was
    named, and a quarter still running ("a fourth-quarter charge") is a forecast,
    unless its results are reported ("reported fourth-quarter earnings": a fiscal quarter).
    """

    reference: dt.date | None
    last: _Period | None = None
    quarter: _Period | None = None

    def see(self, value: DateValue, reported: bool = False) -> None:
        p = _period_of(value.value)
        if p is None:
            return
        self.last = p
        over = reported or self.reference is None or p.end < self.reference
        if p.granularity == "quarter" and over:
            self.quarter = p  # a quarter reported on: over by the reference (or its results out)

    def base(self) -> _Period | None:
        """The last date, else the reference day."""
        if self.last is not None:
            return self.last
        return _day(self.reference) if self.reference else None


@dataclass(frozen=True)
class _Anaphor:
    """A hit whose value depends on the dates before it: ``read`` resolves it in text order.

    ``moves_focus``: whether what it resolves to becomes the new focus ("the
    following year" does; a comparison such as "a year earlier" does not).
    """

    read: Callable[[_Focus], _Hit | None]
    moves_focus: bool | Callable[[DateValue], bool] = True


_Hit = tuple[int, int, DateValue | _Anaphor, str]  # start, end, value, kind (infer_reference)
_Handler = Callable[[re.Match[str], _Ctx], _Hit | None]

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?|(?P<dec>\d{3})|(?P<cent>\d{2})"
)


def _period_of(value: str) -> _Period | None:
    """The period a value names (its time of day dropped), None for PRESENT_REF and the like.

    >>> [_period_of(v).granularity for v in ("1998-02-06TMO", "1998-W10", "1998-Q3", "199")]
    ['day', 'week', 'quarter', 'decade']
    >>> _period_of("PAST_REF") is None
    True
    """
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    if m.group("dec"):
        return _decade(int(m.group("dec")) * 10)
    if m.group("cent"):
        return _century(int(m.group("cent")) * 100)
    year = int(m.group("y"))
    if m.group("d"):
        return _make_day(year, int(m.group("m")), int(m.group("d")))
    if m.group("m"):
        return _month(year, int(m.group("m"))) if 1 <= int(m.group("m")) <= 12 else None
    if m.group("w"):
        try:
            monday = dt.date.fromisocalendar(year, int(m.group("w")), 1)
        except ValueError:
            return None
        return _weekend(monday + dt.timedelta(days=5)) if m.group("we") else _week(monday)
    if m.group("q"):
        return _quarter(year, int(m.group("q")))
    if m.group("h"):
        return _half(year, int(m.group("h")))
    if m.group("s"):
        return _season(year, m.group("s"))
    return _year(year)


def _hit(
    ctx: _Ctx,
    start: int,
    end: int,
    p: _Period | None,
    mod: str | None = None,
    kind: str = "",
    lo: dt.date | None = None,
    hi: dt.date | None = None,
    suffix: str = "",
) -> _Hit | None:
    """The hit for ``p``; ``suffix`` adds a time of day to a day ("TMO", "T22:00")."""
    if p is None:
        return None
    b_lo, b_hi = _bounds(p, mod)
    value = DateValue(
        text=ctx.text[start:end],
        value=p.value + suffix,
        granularity=p.granularity,
        start=(lo or b_lo).isoformat(),
        end=(hi or b_hi).isoformat(),
        offsets=(start, end),
        mod=mod,
    )
    return start, end, value, kind


def _month_key(raw: str) -> str:
    key = raw.rstrip(".").lower()
    return key if key in _MONTH_NUM else key[:3]


def _int(raw: str) -> int:
    return int(re.sub(r"\D", "", raw))


def _day_range(m: re.Match[str], ctx: _Ctx) -> tuple[int, int | None, int]:
    """First day, last day of a range (or None) and the end offset of the expression."""
    day = _int(m.group("day"))
    end = m.end()
    if m.group("day2") is None:
        return day, None, end
    day2 = _int(m.group("day2"))
    conn = m.group("conn")
    lone = m.group("year") is None and conn.isalpha()
    after = _next_word(ctx.text, m.end())
    if day2 <= day or (lone and after.islower() and after not in _FUNCTION_WORDS):
        # "December 4 and 5 people": not a range; the date ends at the first day
        return day, None, m.end("day")
    return day, day2, end


def _calendar_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month = _MONTH_NUM[_month_key(m.group("mon"))]
    day, day2, end = _day_range(m, ctx)
    start = m.start()
    if m.group("year") is not None:
        p = _make_day(int(m.group("year")), month, day)
        kind = "full"
    else:
        p = _nearest(ctx, lambda y: _make_day(y, month, day), at=start)
        kind = ""
    if p is None:
        return None
    last = None
    if day2 is not None:
        try:
            last = p.start.replace(day=day2)
        except ValueError:
            last = None
    return _hit(ctx, start, end, p, kind=kind, hi=last)


def _week_of(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"The week of March 6": the (ISO) week that holds the day."""
    month, day = _MONTH_NUM[_month_key(m.group("mon"))], _int(m.group("day"))
    if m.group("year") is not None:
        p = _make_day(int(m.group("year")), month, day)
    else:
        p = _nearest(ctx, lambda y: _make_day(y, month, day), at=m.start())
    return _hit(ctx, m.start(), m.end(), _week(p.start) if p else None)


def _iso(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    p = _make_day(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return _hit(ctx, m.start(), m.end(), p, kind="full")


def _month_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month = _MONTH_NUM[_month_key(m.group("mon"))]
    return _hit(
        ctx,
        m.start(),
        m.end(),
        _month(int(m.group("year")), month),
        _mod_word(m.group("mod")),
        kind="month",
    )


def _bare_month(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    name = m.group("mon").lower()
    month = _MONTH_NUM[name]
    rel, mod = _rel_word(m.group("rel")), _mod_word(m.group("mod"))
    text = ctx.text
    if rel is None and mod is None:
        before = _prev_word(text, m.start())
        if before not in _MONTH_CONTEXT or (name in _AMBIGUOUS_MONTHS and before in ("and", "or")):
            if name in _AMBIGUOUS_MONTHS and not _month_as_modifier(text, m.start(), m.end()):
                return None
            after = _next_word(text, m.end())
            if after[:1].isupper() and after.lower() not in _MONTH_NUM:
                return None  # "June Carter", "April Ryan"
    if rel is not None:
        if ctx.reference is None:
            return None
        p = _relative(ctx.reference, lambda y: _month(y, month), rel)
    else:
        p = _nearest(ctx, lambda y: _month(y, month), mod, at=m.start())
    return _hit(ctx, m.start(), m.end(), p, mod)


_DETERMINERS = _words("the a an its his her their our")
# nouns after which "May" is the British prime minister: "the May government"
_OFFICE_NOUNS = _words("government cabinet administration ministry premiership era team camp")


def _month_as_modifier(text: str, start: int, end: int) -> bool:
    """"The March accession", "a May deadline": an ambiguous month name, capitalised,
    between a determiner and a common noun, is the month ("the March of Dimes", "the
    May government" are not).

    >>> _month_as_modifier("The March accession", 4, 9), _month_as_modifier("the march on", 4, 9)
    (True, False)
    """
    if not text[start].isupper() or _prev_word(text, start).lower() not in _DETERMINERS:
        return False
    after = _next_word(text, end)
    return (
        after.isalpha() and after.islower()
        and after not in _FUNCTION_WORDS and after not in _OFFICE_NOUNS
        and after not in ("of", "for", "against", "into", "through")
    )


def _month_rel_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """A month of the reference's year or the one before or after: "June last year"."""
    if ctx.reference is None:
        return None
    month = _MONTH_NUM[_month_key(m.group("mon"))]
    year = ctx.reference.year + {"last": -1, "next": 1}.get(m.group("yrel").lower(), 0)
    return _hit(ctx, m.start(), m.end(), _month(year, month), _mod_word(m.group("mod")))


def _season_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    code = _SEASON_CODE[m.group("s").lower()]
    p = _season(int(m.group("year")), code)
    return _hit(ctx, m.start(), m.end(), p, _mod_word(m.group("mod")), kind="month")


def _season_rel(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if ctx.reference is None:
        return None
    code = _SEASON_CODE[m.group("s").lower()]
    rel = _rel_word(m.group("rel")) or "this"
    p = _relative(ctx.reference, lambda y: _season(y, code), rel)
    return _hit(ctx, m.start(), m.end(), p, _mod_word(m.group("mod")))


def _season_prep(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    word = m.group("s").lower()
    if word == "fall" and not (m.group("the") or m.group("mod")):
        return None
    if re.match(r"\s+of\s+(?![12]\d{3})", ctx.text[m.end() : m.end() + 12]):
        return None  # "in the fall of Aleppo"
    code = _SEASON_CODE[word]
    mod = _mod_word(m.group("mod"))
    p = _nearest(ctx, lambda y: _season(y, code), mod, at=m.start())
    return _hit(ctx, m.start("body"), m.end(), p, mod)


def _year_of(m: re.Match[str], ctx: _Ctx) -> tuple[int | None, bool]:
    """The year of "of 2024" / "of this year"; (None, False) when none is written."""
    if m.group("year") is not None:
        return int(m.group("year")), True
    rel = m.group("yrel")
    if rel is None:
        return None, False
    if ctx.reference is None:
        return None, True
    return ctx.reference.year + {"last": -1, "next": 1}.get(rel.lower(), 0), True


def _quarter_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    q = _ORDINALS[m.group("q").lower()]
    year, written = _year_of(m, ctx)
    if year is not None:
        p: _Period | None = _quarter(year, q)
    elif written:
        return None
    else:
        p = _nearest(ctx, lambda y: _quarter(y, q), at=m.start(), past_first=True)
        if _REPORTED_RESULTS.search(_sentence_before(ctx.text, m.start(), 160)) and (
            _RESULT_NOUN.match(ctx.text, m.end())
        ):
            return _hit(ctx, m.start(), m.end(), p, kind="reported")
    return _hit(ctx, m.start(), m.end(), p, kind="month" if m.group("year") else "")


# "X reported a 47% decline in fourth-quarter earnings": the quarter's results are out, so
# it is over, a fiscal quarter, even when the calendar quarter of that name is still running
_REPORTED_RESULTS = re.compile(r"\b(?:reported|posted|announced)\b", re.IGNORECASE)
# What a period's results are reported as: "fourth-quarter earnings", "last year's loss".
_RESULTS = "earnings|profit|results|loss|income|sales|revenue"
_RESULT_NOUN = re.compile(
    rf"(?:\s+(?:net|operating|pretax|pre-tax))?\s+(?:{_RESULTS})\b", re.IGNORECASE
)


def _year_quarter(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """A quarter of a named year: "the 1988 second quarter", "the year-ago third quarter"."""
    q = _ORDINALS[m.group("q").lower()]
    if m.group("year"):
        return _hit(ctx, m.start(), m.end(), _quarter(int(m.group("year")), q), kind="month")
    if ctx.reference is None:
        return None
    raw = (m.group("yrel") or "last").lower()
    year = ctx.reference.year + {"last": -1, "next": 1}.get(raw, 0)
    return _hit(ctx, m.start(), m.end(), _quarter(year, q))


def _q_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    q = int(m.group("q"))
    if m.group("year"):
        return _hit(ctx, m.start(), m.end(), _quarter(int(m.group("year")), q), kind="month")
    p = _nearest(ctx, lambda y: _quarter(y, q), at=m.start(), past_first=True)
    return _hit(ctx, m.start(), m.end(), p)


def _half_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    word = m.group("h").lower()
    h = 2 if word == "last" else _ORDINALS[word]
    year, _ = _year_of(m, ctx)
    if year is None:
        return None
    return _hit(ctx, m.start(), m.end(), _half(year, h), kind="month" if m.group("year") else "")


def _h_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    p = _half(int(m.group("year")), int(m.group("h")))
    return _hit(ctx, m.start(), m.end(), p, kind="month")


def _year_mod(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    p = _year(int(m.group("year")))
    return _hit(ctx, m.start(), m.end(), p, _mod_word(m.group("mod")), kind="year")


_DECADE_LEAD = re.compile(r"(?:\b(?i:the)\s+)?(?:\b(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?$")


def _decade_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    lead = _DECADE_LEAD.search(ctx.text, max(0, m.start() - 30), m.start())
    start = lead.start() if lead else m.start()
    mod = _mod_word(lead.group("mod")) if lead else None
    if m.group("cent") is not None:
        first = int(m.group("cent")) * 100 + int(m.group("dd")) * 10
    else:
        digit = int(m.group("d2"))
        anchor = ctx.reference.year if ctx.reference else ctx.year_hint
        if anchor is None:
            return None
        first = (anchor // 100) * 100 + digit * 10
        if first > anchor:  # "the '90s" said in 2024
            first -= 100
    return _hit(ctx, start, m.end(), _decade(first), mod, kind="decade")


_DECADE_WORDS = {
    w: 10 * i
    for i, w in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split(), 2
    )
}


def _decade_word(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """A spelled-out decade of the 1900s: "the nineties", "the early nineteen-sixties"."""
    first = 1900 + _DECADE_WORDS[m.group("w").lower()]
    return _hit(ctx, m.start(), m.end(), _decade(first), _mod_word(m.group("mod")), kind="decade")


def _century_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    raw = m.group("n").lower()
    n = _int(raw) if raw[0].isdigit() else _CENTURY_WORDS[raw]
    return _hit(
        ctx, m.start(), m.end(), _century((n - 1) * 100), _mod_word(m.group("mod")), kind="decade"
    )


def _bare_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    text = ctx.text
    before = _prev_word(text, m.start())
    if before in _NOT_YEAR_BEFORE:
        return None
    after = _next_word(text, m.end())
    after_l = after.lower()
    if after_l in _QUANTITY_NOUNS:
        return None
    if before in _QUALIFIERS and after and after_l not in _FUNCTION_WORDS:
        return None  # "some 1990 refugees"
    if re.match(r"\s*(?:-\s*(?:year|month|day|week)|(?:years|months)\b)", text[m.end() :][:12]):
        return None  # "2000-year-old"
    tail = text[m.end() : m.end() + 2]
    ends_clause = not tail or (not tail[0].isalnum() and tail[0] != " ")
    named = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
    # "in 2023", "(...) 2023." count; "Orion 1980," and "Vision 2030" are names
    strong = before in _YEAR_CONTEXT or (ends_clause and not named)
    kind = "year" if strong else "weak-year"
    if before in _TARGET_WORDS:
        kind = "target-year"
    year, end, last = int(m.group("year")), m.end(), None
    later = _YEAR_RANGE.match(text, end)
    if later:  # "2014-2015", "2014-15": the first year, ``end`` at the last
        raw = later.group(1)
        to = int(raw) if len(raw) == 4 else year // 100 * 100 + int(raw)
        if year < to <= year + 99:
            end, last = later.end(), dt.date(to, 12, 31)
    return _hit(ctx, m.start(), end, _year(year), kind=kind, hi=last)


_YEAR_RANGE = re.compile(r"[-–](\d{4}|\d{2})(?![\w%]|[.,]\d)")


_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]* +$")


def _rel_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    ref = ctx.reference
    if ref is None:
        return None
    word = (m.group("w") or m.group("w3") or "").lower()
    if m.group("w") == "Today" and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "USA Today", "Russia Today"
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    if m.group("pre"):
        shift += -1 if "before" in m.group("pre").lower() else 1
    part = (m.group("part") or m.group("part3") or ("night" if word == "tonight" else "")).lower()
    day = _day(ref + dt.timedelta(days=shift))
    return _hit(ctx, m.start(), m.end(), day, suffix=_PARTS_OF_DAY.get(part, ""))


def _rel_unit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    ref = ctx.reference
    if ref is None:
        return None
    before = ctx.text[max(0, m.start() - 5) : m.start()]
    if not m.group("mod") and re.search(r"\bthe\s+$", before, re.IGNORECASE):
        return None  # "over the next year": a duration
    if m.group("rel").lower().startswith("the") and _next_word(ctx.text, m.end()) in (
        "of", "or", "and"
    ):
        return None  # "the last year of the war", "the past year or two"
    if m.group("u")[0].isupper():
        return None  # "This Week" (a programme), "Next Year" (a title)
    rel = _rel_word(m.group("rel")) or "this"
    step = {"last": -1, "next": 1}.get(rel, 0)
    unit = m.group("u").lower()
    if unit == "year" and m.group("rel").lower() == "the" and _mod_word(m.group("mod")) == "late":
        step -= _end_told_as_past(ctx, _year(ref.year), m.start())
    p: _Period
    if unit == "week":
        p = _week(ref + dt.timedelta(days=7 * step))
    elif unit == "weekend":
        saturday = ref + dt.timedelta(days=5 - ref.weekday())
        p = _weekend(saturday + dt.timedelta(days=7 * step))
    elif unit == "month":
        index = ref.year * 12 + ref.month - 1 + step
        p = _month(index // 12, index % 12 + 1)
    elif unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + step
        p = _quarter(index // 4, index % 4 + 1)
        if rel == "this" and _RESULTS_AFTER.match(ctx.text, m.end()):
            return _quarter_reported(m, ctx, p)
    else:
        p = _year(ref.year + step)
        if step == -1 and not m.group("mod") and (
            _compared_amount(ctx.text, m.start())
            or _RESULTS_AFTER.match(ctx.text, m.end())
            or _AMOUNT_AFTER.match(ctx.text, m.end())
        ):
            return _last_year_compared(m, ctx, p)
    raw_mod = (m.group("mod") or "").lower()
    lo = hi = None
    if raw_mod == "earlier" and step == 0:
        hi = min(p.end, ref)
    elif raw_mod == "later" and step == 0:
        lo = max(p.start, ref)
    mod = _mod_word(raw_mod)
    return _hit(ctx, m.start(), m.end(), p, mod, lo=lo, hi=hi)


_RESULTS_AFTER = re.compile(
    rf"['’]s\s+(?:net\s+|operating\s+|pretax\s+)?(?:{_RESULTS}|losses|charges?)\b",
    re.IGNORECASE,
)


def _quarter_reported(m: re.Match[str], ctx: _Ctx, current: _Period) -> _Hit | None:
    """"This quarter's loss" in a report on a quarter that is over: the quarter reported
    on, whose results are in; else the quarter running at the reference."""

    def read(focus: _Focus) -> _Hit | None:
        quarter = _quarter_in_focus(focus) or focus.quarter
        return _hit(ctx, m.start(), m.end(), quarter or current)

    return m.start(), m.end(), _Anaphor(read), ""


_AMOUNT_AFTER = re.compile(r"['’]s\s+(?:\$|US\$|C\$|£|€|#)?\s*\d")
_AMOUNT_BEFORE = re.compile(
    r"(?:\d(?:\s*(?:%|percent|cents?|(?:m|b|tr)illion))?|\ba\s+share)\s*,?\s*$", re.IGNORECASE
)
_COMPARISON = re.compile(r"\b(?:compared\s+with|compared\s+to|from|against|versus)\b", re.I)


def _compared_amount(text: str, start: int) -> bool:
    """Whether "last year" closes a comparison of amounts: "compared with a loss of $3
    million last year", "down from $21 million last year"."""
    before = _sentence_before(text, start, 120)
    if not _AMOUNT_BEFORE.search(before):
        return False
    return _COMPARISON.search(before) is not None


def _last_year_compared(m: re.Match[str], ctx: _Ctx, year: _Period) -> _Hit | None:
    """"Earnings of $6 million, compared with $4 million last year", "last year's $4
    million", "last year's results" in a report on a quarter: the same quarter of the
    year before, as "a year earlier" is; the year before when no quarter is in focus or
    the sentence compares spans of months."""

    def read(focus: _Focus) -> _Hit | None:
        months = _spans_months(ctx.text, m.start())
        quarter = _quarter_in_focus(focus)
        if quarter is None or months:
            return _hit(ctx, m.start(), m.end(), year)
        return _hit(ctx, m.start(), m.end(), _shift(quarter, -4, "quarter"))

    def moves(value: DateValue) -> bool:
        return value.granularity != "quarter"  # a comparison does not; the year, as before

    return m.start(), m.end(), _Anaphor(read, moves_focus=moves), ""


def _the_weekend(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """The weekend of "over the weekend": the latest one on or before the reference."""
    ref = ctx.reference
    if ref is None:
        return None
    saturday = ref + dt.timedelta(days=5 - ref.weekday())
    if ref < saturday:
        saturday -= dt.timedelta(days=7)
    return _hit(ctx, m.start("body"), m.end(), _weekend(saturday))


def _shift(p: _Period, n: int, unit: str) -> _Period | None:
    """``p`` moved by ``n`` units, at the unit's granularity; None when ``p`` is too coarse.

    >>> [_shift(_day(dt.date(1998, 3, 4)), n, u).value
    ...  for n, u in ((-1, "day"), (1, "week"), (-2, "month"), (1, "quarter"), (-1, "year"))]
    ['1998-03-03', '1998-W11', '1998-01', '1998-Q2', '1997']
    >>> _shift(_month(1998, 3), 1, "day") is None
    True
    """
    fine = p.granularity == "day"
    if unit == "day":
        return _day(p.start + dt.timedelta(days=n)) if fine else None
    if unit == "week":
        if not (fine or p.granularity == "week"):
            return None
        return _week(p.start + dt.timedelta(days=7 * n))
    if unit == "weekend":
        if not (fine or p.granularity in ("week", "weekend")):
            return None
        saturday = p.start + dt.timedelta(days=5 - p.start.weekday() + 7 * n)
        return _weekend(saturday)
    if unit == "month":
        if not (fine or p.granularity == "month"):
            return None
        index = p.start.year * 12 + p.start.month - 1 + n
        return _month(index // 12, index % 12 + 1)
    if unit == "quarter":
        if not (fine or p.granularity in ("month", "quarter")):
            return None
        index = p.start.year * 4 + (p.start.month - 1) // 3 + n
        return _quarter(index // 4, index % 4 + 1)
    if p.granularity in ("decade", "century"):
        return None
    return _year(p.start.year + n)


def _latest_quarter(ref: dt.date) -> _Period:
    """The last quarter over by ``ref``: the one a report speaks of as "the quarter"."""
    index = ref.year * 4 + (ref.month - 1) // 3 - 1
    return _quarter(index // 4, index % 4 + 1)


def _quarter_in_focus(focus: _Focus) -> _Period | None:
    """The quarter a financial report is about: the last one named, when the last date
    written lies in it (or is it)."""
    q, last = focus.quarter, focus.last
    if q is None or last is None:
        return None
    return q if q.start <= last.start and last.end <= q.end else None


_MONTHS_SPAN = re.compile(
    r"\b(?:\d{1,2}|two|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]months?\b",
    re.IGNORECASE,
)


def _spans_months(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` speaks of a span of months ("the nine months")."""
    return _MONTHS_SPAN.search(_sentence_before(text, start, 200)) is not None


def _year_back(
    focus: _Focus, base: _Period | None, n: int = 1, months: bool = False
) -> _Period | None:
    """``n`` years before ``base``; before the quarter in focus, as a quarter, when there is one.

    "Net income rose in the third quarter from $2 million a year earlier": the
    year-earlier period is the third quarter of the year before. When the
    sentence compares a span of months instead ("for the nine months, ... a year
    earlier"), no quarter is meant: the year before, as a year.
    """
    quarter = _quarter_in_focus(focus)
    if quarter is not None:
        if months:
            return _year(quarter.start.year - n)
        return _shift(quarter, -4 * n, "quarter")
    return _shift(base, -n, "year") if base is not None else None


def _ago(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"Three days ago" (a day), "two weeks ago" (a week), "a year ago"; "four years from
    now" the same ahead of the reference, "a week from today" the day a week ahead."""
    ref = ctx.reference
    if ref is None:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m.group("u").lower()
    today = _day(ref)
    if unit == "decade":
        unit, n = "year", 10 * n
    if m.groupdict().get("fwd"):
        if unit in ("day", "week") and m.group("fwd").lower().endswith("today"):
            days = n * (7 if unit == "week" else 1)  # "a week from today": a day
            return _hit(ctx, m.start(), m.end(), _day(ref + dt.timedelta(days=days)))
        return _hit(ctx, m.start(), m.end(), _shift(today, n, unit))
    if unit == "year":

        def read(focus: _Focus) -> _Hit | None:
            months = _spans_months(ctx.text, m.start())
            return _hit(ctx, m.start(), m.end(), _year_back(focus, today, n, months))

        return m.start(), m.end(), _Anaphor(read, moves_focus=False), ""
    return _hit(ctx, m.start(), m.end(), _shift(today, -n, unit))


def _in_units(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"(It will be repaid) in five years": the time that far ahead of the reference, as
    TimeML annotates it (the span without "in"), when the clause speaks of the future;
    otherwise "in two weeks" is how long something took ("the first rise in a year").

    >>> ctx = _Ctx("The bonds will be repaid in five years.", dt.date(2024, 12, 12), None)
    >>> m = _IN_UNITS.search(ctx.text)
    >>> _in_units(m, ctx)[2].value
    '2029'
    """
    ref = ctx.reference
    if ref is None or not _looks_future(ctx.text, m.start()):
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m.group("u").lower()
    if unit == "decade":
        unit, n = "year", 10 * n
    return _hit(ctx, m.start("n"), m.end(), _shift(_day(ref), n, unit))


def _vague_ago(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"Several years ago", "a few days ago": some time in the past (PAST_REF); "a few
    years from now" in the future (FUTURE_REF)."""
    value = "FUTURE_REF" if m.groupdict().get("fwd") else "PAST_REF"
    return m.start(), m.end(), _ref_value(m, value), ""


_IN_UNITS = re.compile(
    rf"(?i:\bin\s+(?P<n>\d{{1,3}}|{_COUNT})\s+(?P<u>day|week|month|year|decade)s?(?![\w-])"
    r"(?!\s+or\b))"
)
_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
_ANAPHORIC_STEP = {
    "following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1,
    "after": 1, "earlier": -1, "later": 1,
}  # fmt: skip
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"'’”]|--|$)")


def _later(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"Two years later", "a day earlier", "three weeks before": from the last date written."""
    word = m.group("dir").lower()
    if word in ("before", "after") and not _CLAUSE_END.match(ctx.text, m.end()):
        return None  # "two days before the vote": anchored to an event
    raw = m.group("n").lower()
    n = (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]) * _ANAPHORIC_STEP[word]
    unit = m.group("u").lower()

    def read(focus: _Focus) -> _Hit | None:
        base = focus.base()
        if base is None:
            return None
        if unit == "year" and n == -1:
            months = _spans_months(ctx.text, m.start())
            return _hit(ctx, m.start(), m.end(), _year_back(focus, base, months=months))
        return _hit(ctx, m.start(), m.end(), _shift(base, n, unit))

    return m.start(), m.end(), _Anaphor(read, moves_focus=n != -1 or unit != "year"), ""


def _that_unit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"That year", "the following day", "the same month", "later that night": the
    period of the last date written, or the one after or before it."""
    det = " ".join((m.group("det") or "the").lower().split())
    word = (m.group("u") or m.group("u2")).lower()
    if det == "the" and m.group("det") and not m.group("mod"):
        if word in ("morning", "afternoon", "evening"):
            return _part_of_day_written(ctx, m.start(), m.end(), _PARTS_OF_DAY[word])
        return None  # "in the year 2000", "in the week": only "later in the day" reads back
    before = _prev_word(ctx.text, m.start())
    if det in ("the next", "the following", "the previous", "the prior") and (
        before in ("over", "for", "within", "throughout") or (before == "in" and det == "the next")
    ):
        return None  # "over the next year", "in the next year": a duration
    unit = "day" if word in _PARTS_OF_DAY else word
    after = (m.group("after") or "").strip().lower()
    step = _ANAPHORIC_STEP.get(after or det.split()[-1], 0)
    suffix = _PARTS_OF_DAY.get(word, "")
    mod = _mod_word(m.group("mod"))

    def read(focus: _Focus) -> _Hit | None:
        base = focus.base()
        if base is None:
            return None
        p = _shift(base, step, unit)
        return _hit(ctx, m.start(), m.end(), p, mod, suffix=suffix if p else "")

    return m.start(), m.end(), _Anaphor(read), ""


_YEAR_BEFORE = re.compile(r"\b(?:year[\s-](?:ago|earlier)|prior[\s-]year|previous[\s-]year)\b")


def _the_quarter(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"The quarter", "the latest period", "the year-ago quarter", "last year's quarter":
    the quarter a financial report is about (the last one named, else the last one over),
    or that quarter a year before."""
    adj = " ".join(m.group("adj").lower().split())
    back = bool(m.group("tail") or m.group("ly") or _YEAR_BEFORE.search(adj))
    year = re.search(r"\b(?:1[89]|20)\d\d\b", adj)
    period = m.group("u").lower() == "period"
    bare = not adj.replace("fiscal", "").strip() and not m.group("tail")
    ref = ctx.reference
    ended = _ENDED.match(ctx.text, m.end()) if not back and year is None else None

    def read(focus: _Focus) -> _Hit | None:
        quarter = focus.quarter
        if quarter is None and ended is not None:
            return _quarter_ended(m, ended, ctx)
        if period and bare and quarter is None:
            return None  # "the period": of anything
        if quarter is None:
            if ref is None:
                return None
            quarter = _latest_quarter(ref)
        if year is not None:
            p: _Period | None = _quarter(int(year.group()), int(quarter.value[-1]))
            if focus.quarter is None or _spans_months(ctx.text, m.start()):
                p = _year(int(year.group()))  # "for the nine months, ... in the 1988 period"
        else:
            p = _shift(quarter, -4, "quarter") if back else quarter
        return _hit(ctx, m.start(), m.end(), p)

    def moves(value: DateValue) -> bool:
        """The quarter in focus moves on; "the 1988 period" read as a whole year does too."""
        return not back and (year is None or value.granularity == "year")

    return m.start(), m.end(), _Anaphor(read, moves_focus=moves), ""


_ENDED = re.compile(rf"\s+(?i:ended|ending)\s+{_MON}\s*{_DAY}(?:,?\s+{_YEAR})?")


def _quarter_ended(m: re.Match[str], ended: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"The quarter ended Sept. 30" when no quarter was named before (one named is the
    report's own, fiscal, count): the calendar quarter that holds most of the three
    months before that day (a quarter ended July 31 is mostly the second)."""
    month, day = _MONTH_NUM[_month_key(ended.group("mon"))], _int(ended.group("day"))
    if ended.group("year"):
        last = _make_day(int(ended.group("year")), month, day)
    else:
        last = _nearest(ctx, lambda y: _make_day(y, month, day), at=m.start(), past_first=True)
    if last is None:
        return None
    middle = last.start - dt.timedelta(days=45)
    return _hit(ctx, m.start(), m.end(), _quarter(middle.year, (middle.month - 1) // 3 + 1))


def _year_ago_adjective(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"year-ago results", "year-earlier profit": the quarter in focus a year before, else
    the year before the reference."""
    today = _day(ctx.reference) if ctx.reference else None

    def read(focus: _Focus) -> _Hit | None:
        months = _spans_months(ctx.text, m.start())
        return _hit(ctx, m.start(), m.end(), _year_back(focus, today, months=months))

    return m.start(), m.end(), _Anaphor(read, moves_focus=False), ""


_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|won't|going\s+to|(?:is|are)\s+(?:to|due|set)|"
    r"(?:expected|due|set|slated|plans?|planning|intends?|hopes?|aims?)\s+to|"
    r"scheduled|planned\s+(?:to|for|an?)|postponed|adjourned|as\s+(?:soon|early)\s+as|"
    r"upcoming|next)\b|['’]ll\b",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.!?\n][\"'”’)]*\s+(?=\S)[^.!?\n]*$")
# The start of a sentence, for a date that opens it ("On Friday, ...", "In May, ...").
_OPENING = r"(?:^|[.!?\n][\"'”’)]*\s+)"


def _sentence_before(text: str, start: int, most: int = 80) -> str:
    """The words of ``start``'s sentence before it (at most ``most`` characters back).

    >>> text = "Sales fell. Then they rose in May"
    >>> _sentence_before(text, text.index("May"))
    ' Then they rose in '
    """
    window = text[max(0, start - most) : start]
    cut = _SENTENCE_START.search(window)
    return window[cut.start() + 1 :] if cut else window


_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[A-Za-z]+\.?\s*\d{0,2}['’]s\b")


def _looks_future(text: str, start: int, firm: bool = False) -> bool:
    """Whether the clause before ``start`` speaks of the future ("will", "is due to").

    The cue must be in the date's clause: not behind a comma ("they would appeal
    the decision, announced Friday"), and a date in the possessive names the time
    of a noun, not of the clause ("would get around Wednesday's ruling"). "Would"
    is the future seen from the past: "he said the father would travel Thursday"; with
    ``firm``, only a cue that speaks from the present counts ("will", "is due to", not
    "would").
    A plan in the past perfect was the past's future, not ours: "it had been due to
    expire Friday" (since extended) speaks of the Friday gone by.

    >>> _looks_future("The ban will end Friday", 17)
    True
    >>> _looks_future("It had been due to end Friday", 23)
    False
    >>> _looks_future("They would appeal the ruling, announced Friday", 40)
    False
    """
    if _POSSESSIVE.match(text, start):
        return False
    window = _sentence_before(text, start)
    return any(
        "," not in window[cue.end() :]
        and not _PAST_PERFECT.search(window, 0, cue.start())
        and not (firm and cue.group().lower() in ("would", "next", "upcoming"))
        for cue in _FUTURE_CUE.finditer(window)
    )


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    ref = ctx.reference
    if ref is None:
        return None
    text = ctx.text
    rel = _rel_word(m.group("rel"))
    start = m.start("wd") if rel in (None, "on") else m.start()
    if _prev_word(text, m.start("wd")) in _WEEKDAY_NOT_AFTER:
        return None
    if _next_word(text, m.end("wd")) in _WEEKDAY_NOT_BEFORE:
        return None
    if re.search(r"\bMail\s+on\s+$", text[max(0, m.start("wd") - 9) : m.start("wd")]):
        return None
    day = _weekday_date(ctx, ref, m.group("wd"), rel, start)
    # "Friday night" keeps the Friday's value: TimeML annotators mostly give a named day
    # with a part of it the day's value, where "this morning" gets TMO
    return _hit(ctx, start, m.end(), _day(day))


def _day_next_to_weekday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"The day before last Tuesday": a day next to a named weekday."""
    if ctx.reference is None:
        return None
    day = _weekday_date(ctx, ctx.reference, m.group("wd"), _rel_word(m.group("rel")), m.start())
    shift = -1 if m.group("dir").lower() == "before" else 1
    return _hit(ctx, m.start(), m.end(), _day(day + dt.timedelta(days=shift)))


def _part_of_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"Mid-afternoon yesterday"; "by mid-afternoon" on the last day written, else the
    reference day (TimeML's TMO, TAF, TEV). A plain "in the morning" is left alone."""
    ref = ctx.reference
    if ref is None:
        return None
    start, end = m.start(), m.end()
    suffix = _PARTS_OF_DAY[m.group("part").lower()]
    if m.group("w"):
        shift = {"yesterday": -1, "tomorrow": 1}.get(m.group("w").lower(), 0)
        return _hit(ctx, start, end, _day(ref + dt.timedelta(days=shift)), suffix=suffix)
    if _prev_word(ctx.text, start) not in _CLOCK_BEFORE:
        return None  # "early morning raids", "a late afternoon meeting"
    return _on_day_in_focus(ctx, start, end, suffix)


def _on_day_in_focus(ctx: _Ctx, start: int, end: int, suffix: str) -> _Hit:
    """A time of day on the last day written, else on the reference day."""
    ref = ctx.reference

    def read(focus: _Focus) -> _Hit | None:
        base = focus.base()
        if base is None or base.granularity != "day":
            base = _day(ref) if ref else None
        return _hit(ctx, start, end, base, suffix=suffix)

    return start, end, _Anaphor(read, moves_focus=False), ""


def _weekday_next_to_focus(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"The previous Friday", "the following Monday": the named weekday before or after
    the last day written (else the reference day)."""
    ref = ctx.reference
    if ref is None:
        return None
    target = _WEEKDAY_NUM[m.group("wd").lower()]
    after = m.group("dir").lower() == "following"

    def read(focus: _Focus) -> _Hit | None:
        base = focus.base()
        day = base.start if base is not None and base.granularity == "day" else ref
        if after:
            day += dt.timedelta(days=(target - day.weekday()) % 7 or 7)
        else:
            day -= dt.timedelta(days=(day.weekday() - target) % 7 or 7)
        return _hit(ctx, m.start(), m.end(), _day(day))

    return m.start(), m.end(), _Anaphor(read), ""


def _part_of_day_written(ctx: _Ctx, start: int, end: int, suffix: str) -> _Hit:
    """"(In) the morning" of the last date written, when that is a day: without one
    before it, "they train in the morning" is a habit, not a date."""

    def read(focus: _Focus) -> _Hit | None:
        base = focus.last
        if base is None or base.granularity != "day":
            return None
        return _hit(ctx, start, end, base, suffix=suffix)

    return start, end, _Anaphor(read, moves_focus=False), ""


def _hour_in_part(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"4 in the morning" (T04:00), "9 in the evening" (T21:00), on the day in focus."""
    if ctx.reference is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    part = m.group("part").lower()
    if part != "morning" and hour < 12:
        hour += 12
    elif part == "morning" and hour == 12:
        hour = 0
    return _on_day_in_focus(ctx, m.start(), m.end(), f"T{hour:02d}:{minute:02d}")


def _weekday_date(ctx: _Ctx, ref: dt.date, name: str, rel: str | None, at: int) -> dt.date:
    """The day a weekday name refers to: the last one by ``ref``, or the next one when
    the clause speaks of the future; "last", "next" and "this" as they say."""
    target = _WEEKDAY_NUM[name.lower()]
    back = (ref.weekday() - target) % 7  # days back to the most recent such day
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel == "next":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    if rel == "this":
        return ref + dt.timedelta(days=target - ref.weekday())
    if back and (_looks_future(ctx.text, at) or _ahead_by_syntax(ctx.text, at)):
        return ref + dt.timedelta(days=7 - back)
    return ref - dt.timedelta(days=back)


_FRONTED_DAY = re.compile(rf"{_OPENING}(?:(?i:on)\s+)?$")
_FUTURE_VERB = re.compile(
    r"\b(?:will|shall|going\s+to|(?:is|are)\s+(?:to|due|set|expected|scheduled|slated)|"
    r"(?:plans?|intends?|aims?)\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)


# a present or progressive of a scheduled event right before the day: "the trial
# begins Monday", "the envoy is flying to Cairo on Friday"
_SCHEDULED_PRESENT = re.compile(
    r"\b(?:(?:begin|start|open|resume|end|close|meet|leave|arrive|return|travel|visit|"
    r"expire|convene)s|takes\s+effect|goes|(?:is|are)\s+(?!being\b)[a-z]{2,}ing(?:\s+(?:to|for|in)\s+"
    r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?)\s+(?:on\s+|in\s+)?$"
)


def _ahead_by_syntax(text: str, at: int) -> bool:
    """A weekday still ahead by the sentence's syntax rather than a cue before it: one
    opening its sentence whose first verb speaks of the future ("On Tuesday, the league
    plans to ..."), or a time granted "until" it in a clause not told in the past ("has
    given them until Tuesday"; "it was not until Tuesday that" is the past), or one a
    scheduled event is told for in the present ("the trial begins Monday", "she is flying
    to Oslo on Friday").

    >>> _ahead_by_syntax("On Friday, the league plans to vote.", 3)
    True
    >>> _ahead_by_syntax("On Friday, the league voted to expand.", 3)
    False
    >>> _ahead_by_syntax("The court has given them until Friday to reply.", 31)
    True
    """
    if _SCHEDULED_PRESENT.search(text, max(0, at - 40), at):
        return True
    if _prev_word(text, at).lower() in ("until", "till"):
        verb = _clause_verb(text, at)  # none: "Until Friday, they had ..." opens a sentence
        return verb is not None and verb.group("past") is None
    if not _FRONTED_DAY.search(text, max(0, at - 12), at):
        return False
    sentence = text[at : _sentence_end(text, at)]
    cue = _FUTURE_VERB.search(sentence)
    if cue is None:
        return False
    verb = _TENSE.search(sentence)
    return verb is None or cue.start() <= verb.start()


def _clock_suffix(m: re.Match[str]) -> str | None:
    """"T22:00" for "10 p.m.", "T12:00" for noon, "T24:00" for midnight (TimeML)."""
    named = (m.group("named") or "").lower()
    if named:
        return "T24:00" if named == "midnight" else "T12:00"
    hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    if not 1 <= hour <= 12:
        return None
    pm = m.group("ap").lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return f"T{hour:02d}:{minute:02d}"


_CLOCK_BEFORE = _words("at by until till after before around about from since past toward towards")


def _clock(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """A time of day, on the day written after it ("10 p.m. Wednesday", "noon Friday"),
    else on the last day written, else on the reference day."""
    suffix = _clock_suffix(m)
    ref = ctx.reference
    if suffix is None or ref is None:
        return None
    start, end = m.start(), m.end()
    if m.group("wd"):
        day = _weekday_date(ctx, ref, m.group("wd"), None, start)
        return _hit(ctx, start, end, _day(day), suffix=suffix)
    if m.group("w"):
        shift = {"yesterday": -1, "tomorrow": 1}.get(m.group("w").lower(), 0)
        return _hit(ctx, start, end, _day(ref + dt.timedelta(days=shift)), suffix=suffix)
    if m.group("mon") or m.group("dmon"):
        month = _MONTH_NUM[_month_key(m.group("mon") or m.group("dmon"))]
        day_n = _int(m.group("day") or m.group("dm"))
        p = _nearest(ctx, lambda y: _make_day(y, month, day_n), at=start)
        return _hit(ctx, start, end, p, suffix=suffix)
    if m.group("named") and _prev_word(ctx.text, start) not in _CLOCK_BEFORE:
        return None  # "High Noon", "the midnight sun"

    def read(focus: _Focus) -> _Hit | None:
        base = focus.base()
        if base is None or base.granularity != "day":
            base = _day(ref)  # a time of day on no day written: the news day
        return _hit(ctx, start, end, base, suffix=suffix)

    return start, end, _Anaphor(read, moves_focus=False), ""


def _holiday_date(name: str, year: int) -> dt.date | None:
    name = " ".join(name.lower().replace("’", "'").split())
    if year < 1583:
        return None
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
        "boxing day": (12, 26), "halloween": (10, 31), "valentine's day": (2, 14),
    }  # fmt: skip
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("easter") or name == "good friday":
        shift = {"easter monday": 1, "good friday": -2}.get(name, 0)
        return easter(year) + dt.timedelta(days=shift)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
    if name.startswith("thanksgiving"):  # fourth Thursday of November (US)
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def _holiday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """A holiday ("Christmas Day", "last Thanksgiving", "Easter 2024"); "Easter week",
    "Thanksgiving week" are the (ISO) week it falls in."""
    name = m.group("h")
    text = ctx.text
    week = m.group("wk") is not None  # "Easter week": the week the holiday falls in
    if m.group("year") is None and not week:
        if (
            " " not in name
            and m.group("rel") is None
            and _prev_word(text, m.start()) not in _HOLIDAY_CONTEXT
        ):
            return None  # "Christmas shopping", "Easter Island"; "last Thanksgiving" is a date
        after = _next_word(text, m.end())
        if after[:1].isupper():
            return None

    def make(year: int) -> _Period | None:
        day = _holiday_date(name, year)
        return None if day is None else _week(day) if week else _day(day)

    if m.group("year") is not None:
        return _hit(ctx, m.start(), m.end(), make(int(m.group("year"))), kind="full")
    rel = _rel_word(m.group("rel"))
    if rel is not None:
        if ctx.reference is None:
            return None
        return _hit(ctx, m.start(), m.end(), _relative(ctx.reference, make, rel))
    return _hit(ctx, m.start(), m.end(), _nearest(ctx, make, at=m.start()))


_UNIT_WORDS = ("one two three four five six seven eight nine").split()
_TEEN_WORDS = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS_WORDS = ("twenty thirty forty fifty sixty seventy eighty ninety").split()
_UNITS_RE = "|".join(_UNIT_WORDS)
_TEENS_RE = "|".join(_TEEN_WORDS)
_TENS_RE = "|".join(_TENS_WORDS)
_UNDER_100 = rf"(?:(?:{_TENS_RE})(?:[\s-]+(?:{_UNITS_RE}))?|{_TEENS_RE})"
# nineteen ninety-six, nineteen oh five, two thousand (and) one
_SPELLED_YEAR = (
    rf"(?P<sy>(?P<hi>eighteen|nineteen|twenty)[\s-]+(?P<lo>{_UNDER_100}|(?:oh|o)[\s-]+(?:{_UNITS_RE})"
    rf"|hundred)|(?P<k>two[\s-]+thousand)(?:(?:\s+and)?[\s-]+(?P<klo>{_UNDER_100}|{_UNITS_RE}))?)"
)


def _spelled_number(words: str) -> int:
    """The value of a number under 100 in words: "ninety-six" -> 96, "oh five" -> 5."""
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in _UNIT_WORDS:
            total += _UNIT_WORDS.index(word) + 1
        elif word in _TEEN_WORDS:
            total += _TEEN_WORDS.index(word) + 10
        elif word in _TENS_WORDS:
            total += (_TENS_WORDS.index(word) + 2) * 10
    return total


def _spelled_year(m: re.Match[str]) -> int:
    """The year of a ``_SPELLED_YEAR`` match: "nineteen ninety-six" -> 1996."""
    if m.group("k"):
        return 2000 + _spelled_number(m.group("klo") or "")
    century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[m.group("hi").lower()]
    return century + _spelled_number(m.group("lo"))


def _spelled(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """A year in words, alone or after a month or a season: "January nineteen ninety-seven"."""
    year = _spelled_year(m)
    start, end = m.start(), m.end()
    if m.group("mon"):
        month = _MONTH_NUM[m.group("mon").lower()]
        return _hit(ctx, start, end, _month(year, month), kind="month")
    if m.group("s"):
        code = _SEASON_CODE[m.group("s").lower()]
        return _hit(ctx, start, end, _season(year, code), kind="month")
    after = _next_word(ctx.text, end).lower()
    if after in _QUANTITY_NOUNS or after in ("dollars", "dollar", "and", "of"):
        return None  # "two thousand years", "nineteen twenty-dollar bills"
    framed = m.group("yr") or _prev_word(ctx.text, start) in _YEAR_CONTEXT
    if m.group("k") and not framed:
        return None  # "two thousand" is a number more often than a year
    return _hit(ctx, start, end, _year(year), kind="year" if framed else "weak-year")


_TENSE = re.compile(
    r"\b(?:(?P<past>was|were|had|did|\w{2,}ed|rose|fell|grew|began|came|went|saw|took|made|"
    r"said|told|left|met|won|lost|held|ran|sank|spread|struck|became|got|gave|fought|bought|"
    r"sold|paid|sent|built|brought|found|led|wrote|spoke|broke|chose|flew|stood|heard|knew)"
    r"|is|are|has|have|am|will|would|shall|should|can|could|may|might|must|to\s+(?!(?:the|an?|its|his|her|their|our|this|that|be)\b)[a-z]+)\b",
    re.IGNORECASE,
)


def _end_told_as_past(ctx: _Ctx, year: _Period, start: int) -> bool:
    """"(It peaked) by the end of the year" in March: the end of the reference's year
    is still ahead, so when the verb nearest before it is in the past tense the
    year before is meant ("said it expects to finish by the end of the year" is not).

    >>> ctx = _Ctx("Cases peaked by the end of the year.", dt.date(2013, 3, 22), None)
    >>> _end_told_as_past(ctx, _year(2013), 18)
    True
    """
    ref = ctx.reference
    if ref is None or _bounds(year, "late")[0] <= ref or _looks_future(ctx.text, start):
        return False
    if _prev_word(ctx.text, start).lower() in ("until", "till", "through"):
        return False  # "suspended until the end of the year": a time still ahead
    return _told_in_past(ctx.text, start)


_WEEKDAY_FIRST = re.compile(rf"(?:{_WD})\b")
_FORWARD_PARTICIPLE = re.compile(
    r"(?i:expected|anticipated|proposed|planned|scheduled|earmarked|slated|intended|hoped)"
)
_PARTICIPLE_AFTER = _words("be been being is are was were to has have had")


def _past_event_date(text: str, start: int) -> bool:
    """A date said of an event told in the simple past: "bought it in February",
    "the year ended Jan. 31"; a deadline ("extended to Nov. 20", "by Jan. 14") or a
    participle ("to be published in May", "was resolved in May") is not one.

    >>> _past_event_date("Sales rose in March", 14), _past_event_date("It was extended to May", 19)
    (True, False)
    """
    before = _prev_word(text, start).lower()
    if _WEEKDAY_FIRST.match(text, start):
        return False  # "Saturday, April 25": the weekday tells the year
    if before in ("in", "on", "the") and _FRONTED.search(text, max(0, start - 12), start):
        return _fronted_in_past(text, start)
    if not _told_in_past(text, start):
        return False
    window = text[max(0, start - 80) : start]
    verb = list(_TENSE.finditer(window))[-1]
    if before not in ("in", "on", "since", "during") and before != verb.group().lower():
        return False  # "to/by Nov. 20" (a deadline), "the Jan. 14 deadline"
    return _simple_past(window, verb)


_FRONTED = re.compile(rf"{_OPENING}(?i:in|on|the)\s+$")


# a full stop ending a sentence, not an abbreviation's: "vs. Wade", "U.S. officials", "a.m.",
# "Feb. 3"
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\.[a-z])(?<!\b(?:vs|Mr|Ms|Dr|St|Jr|Sr|No|Co|Mt|Ft))"
    r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec))"
    r"(?<!\b(?:Corp|Sept))[.!?]\s"
)


def _sentence_end(text: str, start: int, most: int = 200) -> int:
    """Where the sentence around ``start`` ends (at most ``most`` characters on).

    >>> text = "In May, Roe vs. Wade was argued. It ended."
    >>> text[: _sentence_end(text, 0)]
    'In May, Roe vs. Wade was argued.'
    """
    end = _SENTENCE_END.search(text, start, start + most + 1)
    return end.start() + 1 if end else min(len(text), start + most)


def _fronted_in_past(text: str, start: int) -> bool:
    """"In January, the bank bought ...", "The Dec. 7 raid killed ...": a date opening its
    sentence is told in the tense of the first verb after it."""
    sentence = text[start : _sentence_end(text, start)]
    verb = _TENSE.search(sentence)
    return verb is not None and verb.group("past") is not None and _simple_past(sentence, verb)


def _simple_past(window: str, verb: re.Match[str]) -> bool:
    """The past-tense ``verb`` found in ``window`` is a simple past, not a participle."""
    if _FORWARD_PARTICIPLE.fullmatch(verb.group()):
        return False  # "the election, widely expected in May"
    words = window[: verb.start()].lower().split()[-2:]
    return not any(w in _PARTICIPLE_AFTER for w in words)  # "was then published on"


def _told_in_past(text: str, start: int) -> bool:
    """Whether the verb nearest before ``start`` in its clause is in the past tense.

    >>> _told_in_past("Sales rose in March", 14), _told_in_past("He says it ended", 17)
    (True, True)
    >>> _told_in_past("He said it is due in March", 23)
    False
    """
    verb = _clause_verb(text, start)
    return verb is not None and verb.group("past") is not None


def _clause_verb(text: str, start: int) -> re.Match[str] | None:
    """The verb nearest before ``start`` in its clause, if any."""
    window = _sentence_before(text, start)
    verbs = list(_TENSE.finditer(re.split(r"[,;]", window)[-1]))
    return verbs[-1] if verbs else None


def _the_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"The current year", "the full year", "for the year", "by year-end": the
    reference's year (the year before for "since year-end")."""
    ref = ctx.reference
    if ref is None:
        return None
    if m.group("end"):
        back = _prev_word(ctx.text, m.start()) == "since" or _end_told_as_past(
            ctx, _year(ref.year), m.start()
        )
        return _hit(ctx, m.start(), m.end(), _year(ref.year - back), "late")
    if not _CLAUSE_END.match(ctx.text, m.end()) and not re.match(
        r"\s+(?:was|were|is|are|has|had|will|would|and|but|with|as|by|that|amid|because)\b",
        ctx.text[m.end() : m.end() + 12],
    ):
        return None  # "the year ended June 30", "the year before the war"
    return _hit(ctx, m.start(), m.end(), _year(ref.year))


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:\n][\s\"'“‘`]*|^[\s\"'“‘`]+)$")


def _vague(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """The present, the past, the future: TimeML's PRESENT_REF, PAST_REF, FUTURE_REF.

    They name no period: ``start`` and ``end`` stay empty.  "The past" and
    "the future" followed by a number or a noun are durations or names ("the
    past two years", "the future king").
    """
    kind = "now" if m.group("now") else "past" if m.group("past") else "future"
    if kind == "now" and _prev_word(ctx.text, m.start()) == "then":
        return None  # "the then current price": the present of another time
    if (
        kind == "future"
        and "foreseeable" in m.group().lower()
        and _prev_word(ctx.text, m.start()).lower() == "for"
    ):
        return None  # "(stay) for the foreseeable future": how long, a duration
    if m.group().lower() == "recently" and _prev_word(ctx.text, m.start()) in ("most", "as"):
        return None  # "most recently last October", "as recently as 1995": the date says when
    if (
        m.group() == "Now"
        and re.match(r",|\s+for\b", ctx.text[m.end() : m.end() + 4])
        and _SENTENCE_OPENING.search(ctx.text, max(0, m.start() - 3), m.start())
    ):
        return None  # "Now, he says, ...", "Now for the weather": a discourse marker
    if m.group().lower().startswith("the") and kind != "now":
        after = ctx.text[m.end() : m.end() + 20]
        if re.match(r"\s*(?:[-\w]+)", after) and not re.match(
            r"\s+(?:that|which|is|was|will|would|and|or|but|when|as|if|for|in|at|on|to"
            r"|it|he|she|we|they|I|you|there|the|a|an|its|his|her|their|our|this|these|those)\b",
            after,
        ):  # a pronoun or determiner opens the next phrase: "in the past it sold"
            return None
    if m.group().lower() == "soon" and not _SOON_AHEAD.search(
        ctx.text[max(0, m.start() - 40) : m.end() + 12]
    ):
        return None  # "he soon left": shortly after a time in the past, not ahead of now
    if m.group("someday") and _prev_word(ctx.text, m.start()).lower() not in _MODALS:
        return None  # "one day later", "for one day": only "will one day be" is the future
    value = {"now": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}[kind]
    return m.start(), m.end(), _ref_value(m, value), ""


_MODALS = _words("will would shall may might could can should must")


_SOON_AHEAD = re.compile(
    r"(?i:\b(?:will|would|shall|may|might|could|can|should|must|to|be)\s+(?:\w+\s+)?soon\b"
    r"|['’]ll\s+soon\b|\bsoon\s+(?:will|would|may|might|could|to|be)\b)"
)


def _ref_value(m: re.Match[str], value: str) -> DateValue:
    """A PRESENT_REF, PAST_REF or FUTURE_REF: no period, no first or last day."""
    return DateValue(text=m.group(), value=value, granularity="ref", offsets=(m.start(), m.end()))


# --- anchors: which rules can match near a word --------------------------------

(_MONTH, _DIGIT, _SEASON, _QUARTER, _UNIT, _RELDAY, _WEEKDAY, _HOLIDAY, _ERA, _VAGUE,
 _ANAPH, _CLOCK, _SPELLED, _FROM, _AHEAD) = (1 << i for i in range(15))  # fmt: skip
_GROUPS = (
    _MONTH, _DIGIT, _SEASON, _QUARTER, _UNIT, _RELDAY, _WEEKDAY, _HOLIDAY, _ERA, _VAGUE, _ANAPH,
    _CLOCK, _SPELLED, _FROM, _AHEAD,
)  # fmt: skip
# Chars around an anchor: more than any expression reaches from its anchor
# ("Wednesday, the 10th-12th of December": 28 before the month).
_MARGIN = 48
_CASED_ANCHORS = {
    **{f: _MONTH for w in _MONTH_NAMES + _MONTH_ABBRS for f in (w, w.upper())},
    **{f: _WEEKDAY for w in _WEEKDAYS for f in (w, w.upper())},
}
_ANCHORS = {
    **dict.fromkeys(_SEASON_CODE, _SEASON),
    **dict.fromkeys(("half", "quarters", "q1", "q2", "q3", "q4", "h1", "h2"), _QUARTER),
    **dict.fromkeys(("week", "weekend", "month", "ago"), _UNIT),
    **dict.fromkeys(("yesterday", "tomorrow", "tonight", "morning", "afternoon"), _RELDAY),
    "today": _RELDAY | _FROM,  # "a week from today"
    **dict.fromkeys(("evening", "night"), _RELDAY),
    **dict.fromkeys(("christmas", "easter", "thanksgiving", "halloween", "boxing"), _HOLIDAY),
    **dict.fromkeys(("valentine", "friday", "election"), _HOLIDAY),
    "year": _UNIT | _HOLIDAY,
    "quarter": _QUARTER | _UNIT,
    **dict.fromkeys(_DECADE_WORDS, _ERA),
    "century": _ERA,
    **dict.fromkeys(("currently", "current", "nowadays", "present", "moment"), _VAGUE),
    "now": _VAGUE | _FROM,  # "four years from now"
    **dict.fromkeys(("recently", "recent", "past", "future", "soon", "days"), _VAGUE),
    **dict.fromkeys(("day", "someday"), _VAGUE),
}
for _word in (
    "earlier later day period morning afternoon evening night week weekend month quarter year"
).split():
    _ANCHORS[_word] = _ANCHORS.get(_word, 0) | _ANAPH
_ANCHORS["date"] = _VAGUE  # "at a later date"
for _word in "day days week weeks month months year years decade decades".split():
    _ANCHORS[_word] = _ANCHORS.get(_word, 0) | _AHEAD  # "in five years"
for _word in ("eighteen", "nineteen", "twenty", "thousand"):
    _ANCHORS[_word] = _ANCHORS.get(_word, 0) | _SPELLED
for _word in ("noon", "midnight", "midday"):
    _ANCHORS[_word] = _ANCHORS.get(_word, 0) | _CLOCK


def _anchor_mask() -> dict[str, int]:
    """Every spelling a token may have -> the groups it anchors."""
    out: dict[str, int] = {}
    for word, mask in _ANCHORS.items():
        for form in (word, word.capitalize(), word.upper()):
            out[form] = out.get(form, 0) | mask
    for form, mask in _CASED_ANCHORS.items():
        out[form] = out.get(form, 0) | mask
    return out


_ANCHOR_MASK = _anchor_mask()
# Words that may be anchors: capitalised or digit-led words, and the lowercase anchors.
_LOWER_ANCHORS = "|".join(sorted(_ANCHORS, key=len, reverse=True))
_TOKEN = re.compile(rf"(?<!\w)(?:[\dA-Z]\w*|(?:{_LOWER_ANCHORS})(?!\w))")


def _block(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """Designations, times, amounts: they occupy their span so no date is read inside."""
    return m.start(), m.end(), _BLOCKED, "block"


_BLOCKED = DateValue(text="", value="", granularity="")

_Rule = tuple[re.Pattern[str], _Handler, int]


def _rule(pattern: str, handler: _Handler, group: int) -> _Rule:
    return re.compile(pattern), handler, group


# In priority order (it breaks ties between overlapping matches of equal length).
_RULES: list[_Rule] = [
    # 2024-12-04
    _rule(
        r"(?<![\d-])(?P<year>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
        _iso,
        _DIGIT,
    ),
    # (Tuesday,) December 10(-12)(, 2024)
    _rule(
        rf"\b{_WD_OPT}{_MON}\s*{_DAY}{_RANGE}(?:(?:,\s*|\s+)(?:of\s+)?{_YEAR})?",
        _calendar_day,
        _MONTH,
    ),
    # the week of March 6(, 2000)
    _rule(rf"\b(?i:the\s+week\s+of)\s+{_MON}\s*{_DAY}(?:,?\s+{_YEAR})?", _week_of, _MONTH),
    # (Tuesday,) 10(-12) (of) December( 2024)
    _rule(
        rf"\b{_WD_OPT}(?<![\w$£€.,/-]){_DAY}{_RANGE}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?",
        _calendar_day,
        _MONTH,
    ),
    # June last year, (early) February this year
    _rule(
        rf"\b{_MODPRE}{_MON},?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b",
        _month_rel_year,
        _MONTH,
    ),
    # (early) June( of) 2024
    _rule(rf"\b{_MODPRE}{_MON}(?:,\s*|\s+of\s+|\s+){_YEAR}", _month_year, _MONTH),
    # October, early October, last October
    _rule(rf"\b(?:{_REL}\s+|{_MODPRE}){_MON_FULL}", _bare_month, _MONTH),
    # (the) summer (of) 2024
    _rule(rf"\b{_MODPRE}(?:(?i:the)\s+)?{_SEASON_RE}(?:\s+of)?\s+{_YEAR}", _season_year, _SEASON),
    # last summer, early this spring
    _rule(
        rf"\b(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?{_REL}\s+{_SEASON_RE}\b",
        _season_rel,
        _SEASON,
    ),
    # in the summer, during (the) winter
    _rule(
        r"(?i:\b(?:in|during|since|until|till|by|through|throughout|over|for|into|of|from)\s+"
        r"(?P<body>(?P<the>the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
        r"(?P<s>spring|summer|autumn|fall|winter))\b)",
        _season_prep,
        _SEASON,
    ),
    # the third quarter (of 2024), third-quarter
    _rule(
        r"(?i:\b(?:the\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"
        r"[\s-]+quarter\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>[12]\d{3})\b|"
        r"(?P<yrel>this|last|next)\s+year\b|the\s+year\b))?)",
        _quarter_rule,
        _QUARTER,
    ),
    # the 1988 second quarter, the year-ago third quarter
    _rule(
        r"(?i:\b(?:the\s+)?(?:(?P<year>[12]\d{3})(?:['’]s)?|year[\s-]+(?:ago|earlier)|"
        r"(?P<yrel>last|this|next)\s+year['’]s)\s+(?:fiscal\s+)?"
        r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter\b)",
        _year_quarter,
        _QUARTER,
    ),
    # Q3 (2024)
    _rule(r"\bQ(?P<q>[1-4])(?:\s+(?P<year>[12]\d{3}))?(?![\w-])", _q_rule, _QUARTER),
    # the first half of 2024, the last two quarters of 1990
    _rule(
        r"(?i:\b(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+(?:half|two\s+quarters)\s+of\s+"
        r"(?:(?P<year>[12]\d{3})\b|(?P<yrel>this|last|next)\s+year\b|the\s+year\b))",
        _half_rule,
        _QUARTER,
    ),
    # H1 2024
    _rule(r"\bH(?P<h>[12])\s+(?P<year>[12]\d{3})\b", _h_rule, _QUARTER),
    # mid-2023, late 2022, the end of 1990
    _rule(
        r"\b(?P<mod>(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of))"
        r"(?:\s*-\s*|\s+)(?:(?i:the\s+year)\s+)?(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,]\d)",
        _year_mod,
        _DIGIT,
    ),
    # the (early) 1990s, the '90s
    _rule(
        r"(?:\b(?P<cent>1[0-9]|20)(?P<dd>\d)0|['’](?P<d2>\d)0)['’]?s(?!\w)",
        _decade_rule,
        _DIGIT,
    ),
    # the nineties, the early nineteen-sixties
    _rule(
        r"(?i:\bthe\s+(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?(?:nineteen[\s-]+)?"
        r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
        _decade_word,
        _ERA,
    ),
    # the 20th century
    _rule(
        r"(?i:\b(?:the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
        r"(?P<n>1[1-9]th|20th|21st|22nd|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
        r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)"
        r"[\s-]+century\b)",
        _century_rule,
        _ERA,
    ),
    # 2024
    _rule(
        r"(?:(?<![\w$£€¥#@/.,:'’-])|(?<=\b(?i:pre)-)|(?<=\b(?i:post)-))"
        r"(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,:/]\d)",
        _bare_year,
        _DIGIT,
    ),
    # yesterday (morning), today, the day before yesterday, last night
    _rule(
        r"(?i:\b(?:(?P<pre>the\s+day\s+(?:before|after)\s+)?(?P<w>yesterday|today|tomorrow|"
        r"tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?"
        r"|(?P<w3>this|last)\s+(?P<part3>morning|afternoon|evening|night))\b)",
        _rel_day,
        _RELDAY,
    ),
    # last week, earlier this year, next month
    _rule(
        r"(?i:\b(?:(?P<mod>early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle)"
        r"\s+of)(?:\s*-\s*|\s+)(?:in\s+)?)?"
        r"(?P<rel>this\s+past|this\s+coming|the\s+(?:past|last)|last|this|next|(?:the\s+)?current"
        r"|(?<=of\s)the)\s+(?P<u>weekend|week|month|quarter|year)(?![\w-]))",
        _rel_unit,
        _UNIT,
    ),
    # over the weekend
    _rule(r"(?i:\b(?:over|during|at|on|through)\s+(?P<body>the\s+weekend)\b)", _the_weekend, _UNIT),
    # three days ago, a decade ago
    _rule(
        rf"(?i:\b(?P<n>\d{{1,3}}|{_COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+ago\b)",
        _ago,
        _UNIT,
    ),
    # four years from now, a week from today
    _rule(
        rf"(?i:\b(?P<n>\d{{1,3}}|{_COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+"
        r"(?P<fwd>from\s+(?:now|today))\b)",
        _ago,
        _FROM,
    ),
    # (will be repaid) in five years
    _rule(_IN_UNITS.pattern, _in_units, _AHEAD),
    # a few years from now
    _rule(
        r"(?i:\b(?:several|a\s+few|a\s+couple\s+of|many|some)\s+"
        r"(?:days|weeks|months|years|decades)\s+(?P<fwd>from\s+(?:now|today))\b)",
        _vague_ago,
        _FROM,
    ),
    # several years ago, a few days ago
    _rule(
        r"(?i:\b(?:several|a\s+few|a\s+couple\s+of|many|some)\s+"
        r"(?:days|weeks|months|years|decades)\s+ago\b)",
        _vague_ago,
        _UNIT,
    ),
    # (on|last|next) Monday (morning)
    _rule(
        rf"\b(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|on))\s+)?"
        rf"(?P<wd>{_WD})(?![A-Za-z])(?:\s+(?i:morning|afternoon|evening|night)\b)?",
        _weekday,
        _WEEKDAY,
    ),
    # the day before last Tuesday, the day after Monday
    _rule(
        rf"\b(?i:(?:the\s+)?day\s+(?P<dir>before|after)\s+)"
        rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<wd>{_WD})(?![A-Za-z])",
        _day_next_to_weekday,
        _WEEKDAY,
    ),
    # (at) 4 in the morning, 9 o'clock in the evening
    _rule(
        r"(?i:\b(?P<h>1[0-2]|[1-9])(?::(?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)\b)",
        _hour_in_part,
        _RELDAY,
    ),
    # the previous Friday, the following Monday
    _rule(
        rf"\b(?i:the\s+(?P<dir>previous|preceding|following))\s+(?P<wd>{_WD})(?![A-Za-z])",
        _weekday_next_to_focus,
        _WEEKDAY,
    ),
    # mid-afternoon yesterday, by mid-morning
    _rule(
        r"(?i:\b(?:(?P<mod>early|late|mid)[\s-]?)(?P<part>morning|afternoon|evening)"
        r"(?:\s+(?P<w>yesterday|today|tomorrow)\b|(?<=afternoon)\b|(?<=morning)\b))",
        _part_of_day,
        _RELDAY,
    ),
    # 10 p.m. Wednesday, 5 p.m. EST Nov. 9, noon Thursday, 7:15 p.m.
    _rule(
        rf"(?:\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.m\b\.?|[ap]m\b))"
        rf"|\b(?P<named>(?i:noon|midnight|midday))\b)"
        rf"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|(?i:local\s+time))\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WD})\b|(?P<w>(?i:yesterday|today|tomorrow))\b"
        rf"|{_MON}\s*{_DAY}|(?P<dm>{_DAY_N})\s+(?:of\s+)?(?P<dmon>{_FULL}|{_ABBR}\.?)(?![A-Za-z])))?",
        _clock,
        _CLOCK,
    ),
    # Christmas Day, New Year's Eve, Easter 2024, Thanksgiving week
    _rule(
        r"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?P<h>Christmas\s+(?:Day|Eve)|"
        r"New\s+Year['’]s(?:\s+(?:Day|Eve))?|Boxing\s+Day|Easter(?:\s+(?:Sunday|Monday))?|"
        r"Good\s+Friday|Thanksgiving(?:\s+Day)?|Halloween|Valentine['’]s\s+Day|Christmas|"
        r"Election\s+Day)"
        r"(?![\w'’])(?P<wk>\s+(?i:week)(?![\w'’-]))?(?:,?\s+(?P<year>[12]\d{3})(?![\w%]))?",
        _holiday,
        _HOLIDAY,
    ),
    # nineteen ninety-six, January nineteen ninety-seven, the year two thousand
    _rule(
        rf"(?i:\b(?:(?P<mon>{_FULL})\s+(?:of\s+)?|the\s+(?P<s>spring|summer|autumn|fall|winter)"
        rf"\s+of\s+|(?P<yr>the\s+year\s+))?{_SPELLED_YEAR}(?![\w-]))",
        _spelled,
        _SPELLED,
    ),
    # the current year, the full year, for the year, by year-end
    _rule(
        r"\b(?:(?i:the\s+(?:current\s+|full\s+|whole\s+|entire\s+)?"
        r"(?:fiscal\s+|financial\s+|tax\s+|calendar\s+)?)"
        r"year(?![\w-])(?!\s+(?i:ago|earlier|later|before|after|of|to|ended|ending)\b)"
        r"|(?P<end>(?i:year[\s-]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+year))\b)",
        _the_year,
        _ANAPH,
    ),
    # now, currently, recently, in the past, in recent years, the future
    _rule(
        r"(?i:\b(?:(?P<now>(?:right\s+)?now|currently|nowadays|these\s+days|at\s+present"
        r"|at\s+the\s+moment|(?<=at\s)this\s+(?:(?:crucial|critical|difficult|present|very)\s+)?moment"
        r"|current(?!\s+(?:(?:fiscal|financial|tax)\s+year|fiscal|year|quarter|month|week|period"
        r"|account|assets|liabilities|budget|expenditure|spending|ratio)\b))"
        r"|(?P<past>(?:more\s+|until\s+|only\s+)?recently"
        r"|(?:recent|past)\s+(?:years|decades)|the\s+past)"
        r"|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|a\s+later\s+date"
        r"|(?<!as\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)"
        r"|(?P<someday>one\s+day|some\s*day)))(?![\w-]))",
        _vague,
        _VAGUE,
    ),
    # two years later, a day earlier
    _rule(
        rf"(?i:\b(?P<n>\d{{1,2}}|{_COUNT})\s+(?P<u>day|week|month|quarter|year)s?\s+"
        r"(?P<dir>earlier|later|before|after)"
        r"(?![\w-]))",
        _later,
        _ANAPH,
    ),
    # that year, the following day, the same month, later that night, the day before
    _rule(
        r"(?i:\b(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?"
        r"(?P<det>the\s+(?:following|next|previous|preceding|prior|same|very\s+same)|that"
        r"(?:\s+same)?|(?<=in\s)the)\s+"
        r"(?P<u>day|week|weekend|month|quarter|year|morning|afternoon|evening|night)(?![\w-])"
        r"|\bthe\s+(?P<u2>day|week|month|year)\s+(?P<after>before|after)(?=\s*(?:[,.;:!?)]|$)))",
        _that_unit,
        _ANAPH,
    ),
    # the quarter, the latest period, the year-ago quarter, the 1988 period, last year's quarter
    _rule(
        r"(?i:\b(?:the|that|(?P<ly>last\s+year['’]s))\s+(?P<adj>(?:(?:latest|most\s+recent|recent|just[\s-]ended|same|"
        r"comparable|corresponding|year[\s-]ago|year[\s-]earlier|prior[\s-]year|"
        r"previous[\s-]year|(?:1[89]|20)\d\d|fiscal)\s+)*)(?P<u>quarter|period)(?![\w-])"
        r"(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|"
        r"of\s+the\s+(?:previous|prior)\s+year))?)",
        _the_quarter,
        _ANAPH,
    ),
    # year-ago results, year-earlier profit
    _rule(r"(?<![\w-])(?i:year-(?:ago|earlier))(?![\w-])", _year_ago_adjective, _ANAPH),
    # blockers: "12/04/2024", "10:30", "2,000", "$2024", "3.2024" ("MiG-29", "Su-27": no rule
    # reads digits right after a hyphen)
    _rule(
        r"\d+(?:[/:]\d+)+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[$£€¥#]\s?\d[\d,.]*|\d+\.\d+",
        _block,
        _DIGIT,
    ),
]


def _segments(text: str) -> dict[int, list[tuple[int, int]]]:
    """Per anchor group, the stretches of text around its anchor words, merged.

    Every rule's expression contains an anchor of its group (a month name, a
    digit, "summer", "week", ...), so rules run only near their anchors instead
    of over the whole text: most of an article holds no date at all.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    size = len(text)
    mask_of = _ANCHOR_MASK.get
    for m in _TOKEN.finditer(text):
        token = m.group()
        mask = mask_of(token)
        if mask is None:
            if not token[0].isdigit():
                continue
            mask = _DIGIT | _CLOCK
        lo, hi = max(0, m.start() - _MARGIN), min(size, m.end() + _MARGIN)
        for bit in _GROUPS:
            if mask & bit:
                spans = out.setdefault(bit, [])
                if spans and lo <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], hi)
                else:
                    spans.append((lo, hi))
    return out


def _scan(ctx: _Ctx) -> list[tuple[DateValue, str]]:
    """All date expressions, the longest first where they overlap, in text order."""
    text = ctx.text
    segments = _segments(text)
    candidates: list[tuple[int, int, int, DateValue | _Anaphor, str]] = []
    for priority, (pattern, handler, group) in enumerate(_RULES):
        for lo, hi in segments.get(group, ()):
            for m in pattern.finditer(text, lo, hi):
                hit = handler(m, ctx)
                if hit is not None:
                    start, end, value, kind = hit
                    candidates.append((start, end, priority, value, kind))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int, DateValue | _Anaphor, str]] = []
    for start, end, _priority, value, kind in candidates:
        if all(end <= s or start >= e for s, e, _v, _k in taken):
            taken.append((start, end, value, kind))
    taken.sort(key=lambda t: t[0])
    return _read_in_order(ctx, taken)


def _read_in_order(
    ctx: _Ctx, taken: list[tuple[int, int, DateValue | _Anaphor, str]]
) -> list[tuple[DateValue, str]]:
    """The values in text order, anaphoric ones read against the dates before them."""
    focus = _Focus(ctx.reference)
    out: list[tuple[DateValue, str]] = []
    for _start, _end, found, kind in taken:
        if kind == "block":
            continue
        moves_focus = True
        if isinstance(found, _Anaphor):
            hit = found.read(focus)
            if hit is None or isinstance(hit[2], _Anaphor):
                continue
            value, kind = hit[2], hit[3]
            moves = found.moves_focus
            moves_focus = moves(value) if callable(moves) else moves
        else:
            value = found
        if moves_focus:
            focus.see(value, reported=kind == "reported")
        out.append((value, kind))
    return out


# --- public API --------------------------------------------------------------


def find_dates(
    text: str, reference: dt.date | None, *, year_hint: int | None = None
) -> list[DateValue]:
    """All calendar date expressions in ``text``, in text order, with offsets into it.

    >>> import datetime as dt
    >>> [(d.text, d.value) for d in find_dates("last week and on Monday", dt.date(2024, 12, 12))]
    [('last week', '2024-W49'), ('Monday', '2024-12-09')]
    >>> [d.value for d in find_dates("on December 4", None, year_hint=2024)]
    ['2024-12-04']
    >>> find_dates("on December 4", None)
    []
    """
    found = [value for value, _kind in _scan(_Ctx(text, reference, year_hint))]
    return [part for value in found for part in (value, *_second_end(value))]


_RANGE_END = re.compile(r"^(\D*\d+\s*(?:-|–|—|to|through|and)\s*)(\d+)")


def _second_end(value: DateValue) -> list[DateValue]:
    """The last day or year of a range written with both ends ("April 24 and 25",
    "2009-2010") as an expression of its own, which TimeML annotates apart; the range
    itself comes first, so that a lookup by offsets finds it.

    >>> d = DateValue(text="April 24 and 25", value="1999-04-24", granularity="day",
    ...               start="1999-04-24", end="1999-04-25", offsets=(10, 25))
    >>> [(e.text, e.value, e.offsets) for e in _second_end(d)]
    [('25', '1999-04-25', (23, 25))]
    """
    if value.offsets is None or value.mod is not None or not value.start or not value.end:
        return []
    if value.granularity == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", value.value):
        if value.end <= value.start:
            return []
        last = dt.date.fromisoformat(value.end)
        p = _day(last)
    elif value.granularity == "year" and re.fullmatch(r"\d{4}", value.value):
        if value.end[:4] <= value.value:
            return []
        p = _year(int(value.end[:4]))
    else:
        return []
    m = _RANGE_END.match(value.text)
    if m is None:
        return []
    start = value.offsets[0] + m.start(2)
    end = value.offsets[0] + m.end(2)
    return [DateValue(text=m.group(2), value=p.value, granularity=p.granularity,
                      start=p.start.isoformat(), end=p.end.isoformat(), offsets=(start, end))]


_LEADING = re.compile(
    r"^\W*(?:(?:on|in|at|from|since|by|until|till|through|during|of|as\s+of|"
    r"beginning|starting|effective|dated)\s+)+",
    re.IGNORECASE,
)
# the fallback only sees expressions with one of these ("may" is not a month)
_FALLBACK_WORDS = re.compile(
    r"\b(?:(?i:ago|yesterday|today|tomorrow|fortnight|last|next)|"
    + "|".join(_MONTH_NAMES + _WEEKDAYS)
    + r")\b"
)


def resolve_date(
    expr: str, reference: dt.date | None, *, year_hint: int | None = None
) -> DateValue | None:
    """Resolve one isolated expression ("on December 4", "in June 2024"); offsets are None.

    ``text`` is ``expr`` as given.  Same rules as ``find_dates``; phrasings the
    grammar does not know fall back to ``dateparser`` when there is a reference.

    >>> import datetime as dt
    >>> d = resolve_date("from October 21", dt.date(2024, 12, 12))
    >>> (d.value, d.granularity)
    ('2024-10-21', 'day')
    >>> resolve_date("early October", None, year_hint=2024).end
    '2024-10-10'
    >>> resolve_date("for two years", dt.date(2024, 12, 12)) is None
    True
    """
    found = _scan(_Ctx(expr, reference, year_hint))
    if found:
        best, _kind = max(found, key=lambda f: len(f[0].text))
        best.text = expr
        best.offsets = None
        return best
    if reference is not None:
        return _dateparser_fallback(expr, reference)
    return None


@functools.lru_cache(maxsize=64)
def _parser(reference: dt.date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(reference.year, reference.month, reference.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_fallback(expr: str, reference: dt.date) -> DateValue | None:
    core = _LEADING.sub("", expr).strip()
    if not core or not _FALLBACK_WORDS.search(core) or re.search(r"\d\s*[/:]\s*\d", core):
        return None
    if re.search(r"\b(?:for|within|over|past|coming|every|each)\b", core, re.IGNORECASE):
        return None  # durations and sets
    try:
        data = _parser(reference).get_date_data(core)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    p: _Period
    if period == "week":
        p = _week(day)
    elif period == "month":
        p = _month(day.year, day.month)
    elif period == "year":
        p = _year(day.year)
    else:
        p = _day(day)
    return DateValue(expr, p.value, p.granularity, p.start.isoformat(), p.end.isoformat())


_SPECIFIC = {"full": 3, "month": 2, "year": 1, "weak-year": 0, "target-year": 0}

# the time of writing named in the sentence: a year in it is a time gone by ("in 2019 ...
# now"), not the year of writing
_NOW_WORDS = re.compile(
    r"\b(?:now|nowadays|currently|today|at\s+present|these\s+days|so\s+far|to\s+date|"
    r"this\s+(?:year|month|week)|so\s+far\s+this\s+year)\b",
    re.IGNORECASE,
)
# a date after these is a point the sentence measures from or against, in its past
_PAST_OF_SENTENCE = re.compile(
    r"\b(?:since|than(?:\s+(?:in|on|at))?|compared\s+(?:with|to)|up\s+from|down\s+from)\s+"
    r"(?:(?:early|mid|late|the\s+(?:end|start|middle|beginning)\s+of)[\s-]+)?$",
    re.IGNORECASE,
)
# a deadline or term ahead: "debentures due March 1, 2011", "the year ending June 30, 1990",
# "until the restriction expires on Dec. 31, 1990"
_AHEAD_BEFORE = re.compile(
    r"\b(?:due|ending|expiring|maturing|(?:expires?|matures?|runs?\s+out|ends?)\s+(?:on|in))\s+$",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(r"\b(?:next|the\s+coming)\s+(?:year|month|season)\b", re.IGNORECASE)
_FUTURE_AFTER = re.compile(
    r"^[\s,]*(?:will|is\s+(?:set|due|expected|likely)\s+to|could|may)\b", re.IGNORECASE
)


def _year_source_problem(text: str, value: DateValue, kind: str) -> str | None:
    """Why a written date cannot give the year of writing, or None when it can.

    The year of writing is never taken from a date the sentence puts ahead ("by
    2007", "until June 2006", "will open in 2030", "2008 will see", a sentence
    about "next year"), nor from one it puts behind the time of writing or behind
    a point it measures from ("since 2019", "higher than in 2022", "in 2019 ...
    now").  (The present perfect is no such sign: "prices have broken records in
    2004" is said in 2004.)

    >>> text = "Paid leave would be increased to nine months by 2007, she said."
    >>> _year_source_problem(text, find_dates(text, None)[0], "target-year")
    'a target ("by 2007")'
    >>> text = "Prices have fallen since mid-2022."
    >>> _year_source_problem(text, find_dates(text, None)[0], "year")
    'a point in the past ("since mid-2022")'
    >>> text = "Sales fell in 2004."
    >>> print(_year_source_problem(text, find_dates(text, None)[0], "year"))
    None
    """
    start, end = value.offsets or (0, 0)
    quoted = f'"{_prev_word(text, start)} {value.text}"'
    if kind == "target-year" or _prev_word(text, start) in _TARGET_WORDS:
        return f"a target ({quoted})"
    if _AHEAD_BEFORE.search(text, max(0, start - 30), start):
        return f"a term ahead ({quoted})"
    sentence = _sentence_before(text, start, most=300) + text[start : _sentence_end(text, end)]
    if (
        _looks_future(text, start)
        or _FUTURE_AFTER.match(text, end)
        or _NEXT_WORDS.search(sentence)
    ):
        return f"in the future ({quoted})"
    if _PAST_OF_SENTENCE.search(text, max(0, start - 40), start):
        return f"a point in the past ({quoted})"
    now = _NOW_WORDS.search(sentence)
    if now is not None:
        return f'before "{now.group()}" in its sentence ({quoted})'
    return None


def infer_reference(text: str) -> Reference | None:
    """The year (and day, when written in full) of a text without a publication date.

    Prefers the latest full date with a year ("10 December 2024"); else the
    latest month, season or quarter with a year ("June 2024"); else the latest
    year written in a date context ("in 2023"); bare years in weaker contexts
    ("the 2024 elections") count only when there is nothing else.  A date the
    text puts in the future ("by 2030", "will open in 2030") or in the past of
    the time of writing or of another date in its sentence ("since 2019", "in
    2019 ... now") never gives the year (``_year_source_problem``).  None when no
    year can be taken.

    >>> r = infer_reference("Talks on 4 December 2024 followed a deal in 2023.")
    >>> (r.date, r.year, r.text, r.rule)
    (datetime.date(2024, 12, 4), 2024, '4 December 2024', 'latest full date in text')
    >>> infer_reference("Signed on December 4.") is None
    True
    >>> print(infer_reference("Leave will rise to nine months by 2007, she said."))
    None
    """
    found = [
        (v, kind)
        for v, kind in _scan(_Ctx(text, None, None))
        if kind in _SPECIFIC and _year_source_problem(text, v, kind) is None
    ]
    if not found:
        return None
    pool = (
        [(v, k) for v, k in found if k == "full"]
        or [(v, k) for v, k in found if k in ("month", "year")]
        or found
    )

    def key(item: tuple[DateValue, str]) -> tuple[int, int, str, int]:
        v, k = item
        return (int(v.value[:4]), _SPECIFIC[k], v.end or "", (v.offsets or (0, 0))[0])

    value, kind = max(pool, key=key)
    rule = {"full": "latest full date in text", "month": "latest month and year in text"}.get(
        kind, "latest explicit year in text"
    )
    offsets = value.offsets or (0, 0)
    day = dt.date.fromisoformat(value.start or "") if kind == "full" else None
    return Reference(day, int(value.value[:4]), value.text, offsets, rule)
