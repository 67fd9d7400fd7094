"""Readers of dates named in words: holidays ("Christmas Day", "last Thanksgiving",
"Easter 2024") and years in words ("nineteen ninety-six").
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from dossier.resolve.dates.anchor import nearest, relative
from dossier.resolve.dates.cues import next_word, prev_word, rel_word
from dossier.resolve.dates.found import Context, Found, hit
from dossier.resolve.dates.normalise import (
    Period,
    day_period,
    month_period,
    season_period,
    week_period,
    year_period,
)
from dossier.resolve.dates.tables import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    HOLIDAY_CONTEXT,
    MONTH_NUM,
    QUANTITY_NOUNS,
    SEASON_CODE,
    SPELLED_CENTURY,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    WEEKDAY_HOLIDAYS,
    YEAR_CONTEXT,
)


def _holiday_date(name: str, year: int) -> dt.date | None:
    name = " ".join(name.lower().replace("’", "'").split())
    if year < 1583:
        return None
    if name in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])
    if name in WEEKDAY_HOLIDAYS:
        month, weekday, n, after = WEEKDAY_HOLIDAYS[name]
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1) + after)
    return None


def holiday(m: re.Match[str], ctx: Context) -> Found | None:
    """A holiday ("Christmas Day", "last Thanksgiving", "Easter 2024"); "Easter week",
    "Thanksgiving week" are the (ISO) week it falls in."""
    name = m.group("h")
    text = ctx.text
    week = m.group("wk") is not None  # "Easter week": the week the holiday falls in
    if m.group("year") is None and not week:
        if (
            " " not in name
            and m.group("rel") is None
            and prev_word(text, m.start()) not in HOLIDAY_CONTEXT
        ):
            return None  # "Christmas shopping", "Easter Island"; "last Thanksgiving" is a date
        after = next_word(text, m.end())
        if after[:1].isupper():
            return None

    def make(year: int) -> Period | None:
        day = _holiday_date(name, year)
        return None if day is None else week_period(day) if week else day_period(day)

    if m.group("year") is not None:
        return hit(ctx, m.start(), m.end(), make(int(m.group("year"))), kind="full")
    rel = rel_word(m.group("rel"))
    if rel is not None:
        if ctx.reference is None:
            return None
        return hit(ctx, m.start(), m.end(), relative(ctx.reference, make, rel))
    return hit(ctx, m.start(), m.end(), nearest(ctx, make, at=m.start()))


def _spelled_number(words: str) -> int:
    """The value of a number under 100 in words: "ninety-six" -> 96, "oh five" -> 5."""
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in UNIT_WORDS:
            total += UNIT_WORDS.index(word) + 1
        elif word in TEEN_WORDS:
            total += TEEN_WORDS.index(word) + 10
        elif word in TENS_WORDS:
            total += (TENS_WORDS.index(word) + 2) * 10
    return total


def _spelled_year(m: re.Match[str]) -> int:
    """The year of a ``SPELLED_YEAR`` match: "nineteen ninety-six" -> 1996."""
    if m.group("k"):
        return 2000 + _spelled_number(m.group("klo") or "")
    century = SPELLED_CENTURY[m.group("hi").lower()]
    return century + _spelled_number(m.group("lo"))


def spelled(m: re.Match[str], ctx: Context) -> Found | None:
    """A year in words, alone or after a month or a season: "January nineteen ninety-seven"."""
    year = _spelled_year(m)
    start, end = m.start(), m.end()
    if m.group("mon"):
        month = MONTH_NUM[m.group("mon").lower()]
        return hit(ctx, start, end, month_period(year, month), kind="month")
    if m.group("s"):
        code = SEASON_CODE[m.group("s").lower()]
        return hit(ctx, start, end, season_period(year, code), kind="month")
    after = next_word(ctx.text, end).lower()
    if after in QUANTITY_NOUNS or after in ("dollars", "dollar", "and", "of"):
        return None  # "two thousand years", "nineteen twenty-dollar bills"
    framed = m.group("yr") or prev_word(ctx.text, start) in YEAR_CONTEXT
    if m.group("k") and not framed:
        return None  # "two thousand" is a number more often than a year
    return hit(ctx, start, end, year_period(year), kind="year" if framed else "weak-year")
