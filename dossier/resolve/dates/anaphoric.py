"""Readers of anaphoric expressions, read against the dates written before them
("two years later", "that day", "the quarter", "a year earlier", "year-ago results").

Each reader takes a rule's match and the ``Context`` and returns a ``Found`` without a value
but with ``read``: ``anchor.read_in_order`` reads it once the dates before it are known.
"""

from __future__ import annotations

import datetime as dt
import re

from dossier.models import DateValue
from dossier.resolve.dates.anchor import nearest, quarter_in_focus, year_back
from dossier.resolve.dates.cues import CLAUSE_END, mod_word, prev_word, spans_months
from dossier.resolve.dates.found import Context, Focus, Found, hit
from dossier.resolve.dates.normalise import (
    Period,
    day_period,
    latest_quarter,
    make_day,
    month_key,
    number_in,
    quarter_period,
    shifted,
    year_period,
)
from dossier.resolve.dates.patterns import DAY, MON, YEAR
from dossier.resolve.dates.tables import (
    ANAPHORIC_STEP,
    MONTH_NUM,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    WEEKDAY_NUM,
)


def quarter_reported(m: re.Match[str], ctx: Context, current: Period) -> Found | None:
    """"This quarter's loss" in a report on a quarter that is over: the quarter reported
    on, whose results are in; else the quarter running at the reference."""

    def read(focus: Focus) -> Found | None:
        quarter = quarter_in_focus(focus) or focus.quarter
        return hit(ctx, m.start(), m.end(), quarter or current)

    return Found(m.start(), m.end(), read=read)


def last_year_compared(m: re.Match[str], ctx: Context, year: Period) -> Found | None:
    """"Earnings of $6 million, compared with $4 million last year", "last year's $4
    million", "last year's results" in a report on a quarter: the same quarter of the
    year before, as "a year earlier" is; the year before when no quarter is in focus or
    the sentence compares spans of months."""

    def read(focus: Focus) -> Found | None:
        months = spans_months(ctx.text, m.start())
        quarter = quarter_in_focus(focus)
        if quarter is None or months:
            return hit(ctx, m.start(), m.end(), year)
        return hit(ctx, m.start(), m.end(), shifted(quarter, -4, "quarter"))

    def moves(value: DateValue) -> bool:
        return value.granularity != "quarter"  # a comparison does not; the year, as before

    return Found(m.start(), m.end(), read=read, moves_focus=moves)


def units_later(m: re.Match[str], ctx: Context) -> Found | None:
    """"Two years later", "a day earlier", "three weeks before": from the last date written."""
    word = m.group("dir").lower()
    if word in ("before", "after") and not CLAUSE_END.match(ctx.text, m.end()):
        return None  # "two days before the vote": anchored to an event
    raw = m.group("n").lower()
    n = (int(raw) if raw.isdigit() else NUMBER_WORDS[raw]) * ANAPHORIC_STEP[word]
    unit = m.group("u").lower()

    def read(focus: Focus) -> Found | None:
        base = focus.base()
        if base is None:
            return None
        if unit == "year" and n == -1:
            months = spans_months(ctx.text, m.start())
            return hit(ctx, m.start(), m.end(), year_back(focus, base, months=months))
        return hit(ctx, m.start(), m.end(), shifted(base, n, unit))

    return Found(m.start(), m.end(), read=read, moves_focus=n != -1 or unit != "year")


def that_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """"That year", "the following day", "the same month", "later that night": the
    period of the last date written, or the one after or before it."""
    det = " ".join((m.group("det") or "the").lower().split())
    word = (m.group("u") or m.group("u2")).lower()
    if det == "the" and m.group("det") and not m.group("mod"):
        if word in ("morning", "afternoon", "evening"):
            return _part_of_day_written(ctx, m.start(), m.end(), PARTS_OF_DAY[word])
        return None  # "in the year 2000", "in the week": only "later in the day" reads back
    before = prev_word(ctx.text, m.start())
    if det in ("the next", "the following", "the previous", "the prior") and (
        before in ("over", "for", "within", "throughout") or (before == "in" and det == "the next")
    ):
        return None  # "over the next year", "in the next year": a duration
    unit = "day" if word in PARTS_OF_DAY else word
    after = (m.group("after") or "").strip().lower()
    step = ANAPHORIC_STEP.get(after or det.split()[-1], 0)
    suffix = PARTS_OF_DAY.get(word, "")
    mod = mod_word(m.group("mod"))

    def read(focus: Focus) -> Found | None:
        base = focus.base()
        if base is None:
            return None
        p = shifted(base, step, unit)
        return hit(ctx, m.start(), m.end(), p, mod, suffix=suffix if p else "")

    return Found(m.start(), m.end(), read=read)


_YEAR_BEFORE = re.compile(r"\b(?:year[\s-](?:ago|earlier)|prior[\s-]year|previous[\s-]year)\b")
_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def the_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    """"The quarter", "the latest period", "the year-ago quarter", "last year's quarter":
    the quarter a financial report is about (the last one named, else the last one over),
    or that quarter a year before."""
    adj = " ".join(m.group("adj").lower().split())
    back = bool(m.group("tail") or m.group("ly") or _YEAR_BEFORE.search(adj))
    year = _A_YEAR.search(adj)
    period = m.group("u").lower() == "period"
    bare = not adj.replace("fiscal", "").strip() and not m.group("tail")
    ref = ctx.reference
    ended = _ENDED.match(ctx.text, m.end()) if not back and year is None else None

    def read(focus: Focus) -> Found | None:
        quarter = focus.quarter
        if quarter is None and ended is not None:
            return _quarter_ended(m, ended, ctx)
        if period and bare and quarter is None:
            return None  # "the period": of anything
        if quarter is None:
            if ref is None:
                return None
            quarter = latest_quarter(ref)
        if year is not None:
            p: Period | None = quarter_period(int(year.group()), int(quarter.value[-1]))
            if focus.quarter is None or spans_months(ctx.text, m.start()):
                p = year_period(int(year.group()))  # "for the nine months, ... in the 1988 period"
        else:
            p = shifted(quarter, -4, "quarter") if back else quarter
        return hit(ctx, m.start(), m.end(), p)

    def moves(value: DateValue) -> bool:
        """The quarter in focus moves on; "the 1988 period" read as a whole year does too."""
        return not back and (year is None or value.granularity == "year")

    return Found(m.start(), m.end(), read=read, moves_focus=moves)


_ENDED = re.compile(rf"\s+(?i:ended|ending)\s+{MON}\s*{DAY}(?:,?\s+{YEAR})?")


def _quarter_ended(m: re.Match[str], ended: re.Match[str], ctx: Context) -> Found | None:
    """"The quarter ended Sept. 30" when no quarter was named before (one named is the
    report's own, fiscal, count): the calendar quarter that holds most of the three
    months before that day (a quarter ended July 31 is mostly the second)."""
    month, day = MONTH_NUM[month_key(ended.group("mon"))], number_in(ended.group("day"))
    if ended.group("year"):
        last = make_day(int(ended.group("year")), month, day)
    else:
        last = nearest(ctx, lambda y: make_day(y, month, day), at=m.start(), past_first=True)
    if last is None:
        return None
    middle = last.start - dt.timedelta(days=45)
    return hit(ctx, m.start(), m.end(), quarter_period(middle.year, (middle.month - 1) // 3 + 1))


def year_ago_adjective(m: re.Match[str], ctx: Context) -> Found | None:
    """"year-ago results", "year-earlier profit": the quarter in focus a year before, else
    the year before the reference."""
    today = day_period(ctx.reference) if ctx.reference else None

    def read(focus: Focus) -> Found | None:
        months = spans_months(ctx.text, m.start())
        return hit(ctx, m.start(), m.end(), year_back(focus, today, months=months))

    return Found(m.start(), m.end(), read=read, moves_focus=False)


def on_day_in_focus(ctx: Context, start: int, end: int, suffix: str) -> Found:
    """A time of day on the last day written, else on the reference day."""
    ref = ctx.reference

    def read(focus: Focus) -> Found | None:
        base = focus.base()
        if base is None or base.granularity != "day":
            base = day_period(ref) if ref else None
        return hit(ctx, start, end, base, suffix=suffix)

    return Found(start, end, read=read, moves_focus=False)


def weekday_next_to_focus(m: re.Match[str], ctx: Context) -> Found | None:
    """"The previous Friday", "the following Monday": the named weekday before or after
    the last day written (else the reference day)."""
    ref = ctx.reference
    if ref is None:
        return None
    target = WEEKDAY_NUM[m.group("wd").lower()]
    after = m.group("dir").lower() == "following"

    def read(focus: Focus) -> Found | None:
        base = focus.base()
        day = base.start if base is not None and base.granularity == "day" else ref
        if after:
            day += dt.timedelta(days=(target - day.weekday()) % 7 or 7)
        else:
            day -= dt.timedelta(days=(day.weekday() - target) % 7 or 7)
        return hit(ctx, m.start(), m.end(), day_period(day))

    return Found(m.start(), m.end(), read=read)


def _part_of_day_written(ctx: Context, start: int, end: int, suffix: str) -> Found:
    """"(In) the morning" of the last date written, when that is a day: without one
    before it, "they train in the morning" is a habit, not a date."""

    def read(focus: Focus) -> Found | None:
        base = focus.last
        if base is None or base.granularity != "day":
            return None
        return hit(ctx, start, end, base, suffix=suffix)

    return Found(start, end, read=read, moves_focus=False)
