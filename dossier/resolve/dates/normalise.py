"""Normalise: a period of the calendar (``Period``: a TimeML value, its granularity,
its first and last day) and the ``DateValue`` a found expression becomes
(``found_at``), narrowed by "early", "mid", "late" (``bounds``).

>>> quarter_period(2024, 3).value, month_period(2024, 2).end
('2024-Q3', datetime.date(2024, 2, 29))
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dossier.resolve.dates.tables import MOD_DAYS, MOD_MONTHS, MODS, MONTH_NUM, SEASON_FIRST_MONTH


@dataclass(frozen=True)
class Period:
    value: str
    granularity: str
    start: dt.date
    end: dt.date


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_period(d: dt.date, last: dt.date | None = None) -> Period:
    return Period(d.isoformat(), "day", d, last or d)


def make_day(year: int, month: int, day: int) -> Period | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return day_period(dt.date(year, month, day))
    except ValueError:  # February 30, February 29 of a common year
        return None


def week_period(d: dt.date) -> Period:
    iso_year, week, weekday = d.isocalendar()
    monday = d - dt.timedelta(days=weekday - 1)
    return Period(f"{iso_year}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def weekend_period(saturday: dt.date) -> Period:
    iso_year, week, _ = saturday.isocalendar()
    return Period(
        f"{iso_year}-W{week:02d}-WE", "weekend", saturday, saturday + dt.timedelta(days=1)
    )


def month_period(year: int, month: int) -> Period:
    start = dt.date(year, month, 1)
    return Period(
        f"{year:04d}-{month:02d}", "month", start, start.replace(day=_last_day(year, month))
    )


def _part(year: int, n: int, months: int, tag: str, granularity: str) -> Period:
    """The n-th block of ``months`` months of a year: quarters (3, "Q"), halves (6, "H")."""
    first = months * (n - 1) + 1
    last = first + months - 1
    return Period(
        f"{year:04d}-{tag}{n}",
        granularity,
        dt.date(year, first, 1),
        dt.date(year, last, _last_day(year, last)),
    )


def quarter_period(year: int, q: int) -> Period:
    return _part(year, q, 3, "Q", "quarter")


def half_period(year: int, h: int) -> Period:
    return _part(year, h, 6, "H", "half")


def season_period(year: int, code: str) -> Period:
    """Meteorological (northern) seasons; winter YYYY runs from December YYYY."""
    first = SEASON_FIRST_MONTH[code]
    start = dt.date(year, first, 1)
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, first + 2)
    end = dt.date(end_year, end_month, _last_day(end_year, end_month))
    return Period(f"{year:04d}-{code}", "season", start, end)


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def decade_period(first_year: int) -> Period:
    return Period(
        f"{first_year // 10:03d}",
        "decade",
        dt.date(first_year, 1, 1),
        dt.date(first_year + 9, 12, 31),
    )


def century_period(first_year: int) -> Period:
    return Period(
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


def bounds(p: Period, mod: str | None) -> tuple[dt.date, dt.date]:
    """First and last day of ``p`` narrowed by an early/mid/late modifier."""
    if mod not in MODS:
        return p.start, p.end
    s, e = p.start, p.end
    if p.granularity == "month":
        lo, hi = MOD_DAYS[mod]
        return s.replace(day=lo), s.replace(day=min(hi, e.day))
    if p.granularity == "year":
        m1, m2 = MOD_MONTHS[mod]
        return dt.date(s.year, m1, 1), dt.date(s.year, m2, _last_day(s.year, m2))
    if p.granularity in ("decade", "century"):
        y1, y2 = _thirds(s.year, e.year, mod)
        return dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    d1, d2 = _thirds(0, (e - s).days, mod)
    return s + dt.timedelta(days=d1), s + dt.timedelta(days=d2)


_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?|(?P<dec>\d{3})|(?P<cent>\d{2})"
)


def period_of(value: str) -> Period | None:
    """The period a value names (its time of day dropped), None for PRESENT_REF and the like.

    >>> [period_of(v).granularity for v in ("1998-02-06TMO", "1998-W10", "1998-Q3", "199")]
    ['day', 'week', 'quarter', 'decade']
    >>> period_of("PAST_REF") is None
    True
    """
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    if m.group("dec"):
        return decade_period(int(m.group("dec")) * 10)
    if m.group("cent"):
        return century_period(int(m.group("cent")) * 100)
    year = int(m.group("y"))
    if m.group("d"):
        return make_day(year, int(m.group("m")), int(m.group("d")))
    if m.group("m"):
        return month_period(year, int(m.group("m"))) if 1 <= int(m.group("m")) <= 12 else None
    if m.group("w"):
        try:
            monday = dt.date.fromisocalendar(year, int(m.group("w")), 1)
        except ValueError:
            return None
        if m.group("we"):
            return weekend_period(monday + dt.timedelta(days=5))
        return week_period(monday)
    if m.group("q"):
        return quarter_period(year, int(m.group("q")))
    if m.group("h"):
        return half_period(year, int(m.group("h")))
    if m.group("s"):
        return season_period(year, m.group("s"))
    return year_period(year)



def month_key(raw: str) -> str:
    key = raw.rstrip(".").lower()
    return key if key in MONTH_NUM else key[:3]


def number_in(raw: str) -> int:
    return int(re.sub(r"\D", "", raw))


def shifted(p: Period, n: int, unit: str) -> Period | None:
    """``p`` moved by ``n`` units, at the unit's granularity; None when ``p`` is too coarse.

    >>> [shifted(day_period(dt.date(1998, 3, 4)), n, u).value
    ...  for n, u in ((-1, "day"), (1, "week"), (-2, "month"), (1, "quarter"), (-1, "year"))]
    ['1998-03-03', '1998-W11', '1998-01', '1998-Q2', '1997']
    >>> shifted(month_period(1998, 3), 1, "day") is None
    True
    """
    fine = p.granularity == "day"
    if unit == "day":
        return day_period(p.start + dt.timedelta(days=n)) if fine else None
    if unit == "week":
        if not (fine or p.granularity == "week"):
            return None
        return week_period(p.start + dt.timedelta(days=7 * n))
    if unit == "weekend":
        if not (fine or p.granularity in ("week", "weekend")):
            return None
        saturday = p.start + dt.timedelta(days=5 - p.start.weekday() + 7 * n)
        return weekend_period(saturday)
    if unit == "month":
        if not (fine or p.granularity == "month"):
            return None
        index = p.start.year * 12 + p.start.month - 1 + n
        return month_period(index // 12, index % 12 + 1)
    if unit == "quarter":
        if not (fine or p.granularity in ("month", "quarter")):
            return None
        index = p.start.year * 4 + (p.start.month - 1) // 3 + n
        return quarter_period(index // 4, index % 4 + 1)
    if p.granularity in ("decade", "century"):
        return None
    return year_period(p.start.year + n)


def latest_quarter(ref: dt.date) -> Period:
    """The last quarter over by ``ref``: the one a report speaks of as "the quarter"."""
    index = ref.year * 4 + (ref.month - 1) // 3 - 1
    return quarter_period(index // 4, index % 4 + 1)

