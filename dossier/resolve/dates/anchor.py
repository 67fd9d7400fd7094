"""Anchor: what a date is read against.

* the reference (publication) date, or a year hint: a yearless expression takes the
  year that puts it nearest the reference (``nearest``), a period ahead counting
  ``FUTURE_WEIGHT`` times farther unless its clause speaks of the future;
  "last"/"this"/"next" count from it (``relative``, ``weekday_date``);
* the previous date written (``Focus``): anaphoric expressions ("two years later",
  "the quarter") are read in text order against it (``read_in_order``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dossier.resolve.dates.cues import (
    SCHEDULED_PRESENT,
    ahead_by_syntax,
    looks_future,
    past_event_date,
    prev_word,
    since_date,
    told_in_past,
)
from dossier.resolve.dates.found import Context, Focus, Found
from dossier.resolve.dates.normalise import (
    Period,
    bounds,
    shifted,
    year_period,
)
from dossier.resolve.dates.tables import FUTURE_WEIGHT, WEEKDAY_NUM


def _cost(lo: dt.date, hi: dt.date, ref: dt.date, ahead: float, behind: float) -> float:
    """Distance in days from ``ref`` to lo..hi, weighted by the side it lies on."""
    if lo <= ref <= hi:
        return 0.0
    if hi < ref:
        return (ref - hi).days * behind
    return (lo - ref).days * ahead


def nearest(
    ctx: Context,
    make: Callable[[int], Period | None],
    mod: str | None = None,
    at: int | None = None,
    past_first: bool = False,
) -> Period | None:
    """The period for a yearless expression: nearest the reference, else in ``year_hint``.

    A period ahead of the reference counts ``FUTURE_WEIGHT`` times its distance;
    when the clause before ``at`` speaks of the future ("will", "is to", "as
    soon as"), one behind it counts that much instead.  ``past_first`` (quarters:
    reported once they are over) takes the latest period begun by the reference.
    """
    ref = ctx.reference
    if ref is None:
        return make(ctx.year_hint) if ctx.year_hint is not None else None
    scheduled = at is not None and SCHEDULED_PRESENT.search(ctx.text, max(0, at - 40), at)
    future = at is not None and (looks_future(ctx.text, at) or scheduled)
    # "will", "is due to" (not "would"), "takes effect" governing "in/on/by" it: not a
    # period over by the reference ("a third-quarter loss" names a noun's time, not the verb's)
    firm = (
        future
        and at is not None
        and prev_word(ctx.text, at).lower() in ("in", "on", "by", "until", "till")
        and (scheduled or looks_future(ctx.text, at, firm=True))
    )
    past = at is not None and (
        since_date(ctx.text, at) or (not future and past_event_date(ctx.text, at))
    )
    ahead, behind = (1.0, FUTURE_WEIGHT) if future else (FUTURE_WEIGHT, 1.0)
    best: Period | None = None
    best_cost = float("inf")
    for year in (ref.year - 1, ref.year, ref.year + 1):
        p = make(year)
        if p is None:
            continue
        lo, hi = bounds(p, mod)
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


def relative(ref: dt.date, make: Callable[[int], Period | None], rel: str) -> Period | None:
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



def quarter_in_focus(focus: Focus) -> Period | None:
    """The quarter a financial report is about: the last one named, when the last date
    written lies in it (or is it)."""
    q, last = focus.quarter, focus.last
    if q is None or last is None:
        return None
    return q if q.start <= last.start and last.end <= q.end else None


def year_back(
    focus: Focus, base: Period | None, n: int = 1, months: bool = False
) -> Period | None:
    """``n`` years before ``base``; before the quarter in focus, as a quarter, when there is one.

    "Net income rose in the third quarter from $2 million a year earlier": the
    year-earlier period is the third quarter of the year before. When the
    sentence compares a span of months instead ("for the nine months, ... a year
    earlier"), no quarter is meant: the year before, as a year.
    """
    quarter = quarter_in_focus(focus)
    if quarter is not None:
        if months:
            return year_period(quarter.start.year - n)
        return shifted(quarter, -4 * n, "quarter")
    return shifted(base, -n, "year") if base is not None else None


def weekday_date(ctx: Context, ref: dt.date, name: str, rel: str | None, at: int) -> dt.date:
    """The day a weekday name refers to: the last one by ``ref``, or the next one when
    the clause speaks of the future; "last", "next" and "this" as they say."""
    target = WEEKDAY_NUM[name.lower()]
    back = (ref.weekday() - target) % 7  # days back to the most recent such day
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel == "next":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    if rel == "this":
        return ref + dt.timedelta(days=target - ref.weekday())
    if back and (looks_future(ctx.text, at) or ahead_by_syntax(ctx.text, at)):
        return ref + dt.timedelta(days=7 - back)
    return ref - dt.timedelta(days=back)


def end_told_as_past(ctx: Context, year: Period, start: int) -> bool:
    """"(It peaked) by the end of the year" in March: the end of the reference's year
    is still ahead, so when the verb nearest before it is in the past tense the
    year before is meant ("said it expects to finish by the end of the year" is not).

    >>> ctx = Context("Cases peaked by the end of the year.", dt.date(2013, 3, 22), None)
    >>> end_told_as_past(ctx, year_period(2013), 18)
    True
    """
    ref = ctx.reference
    if ref is None or bounds(year, "late")[0] <= ref or looks_future(ctx.text, start):
        return False
    if prev_word(ctx.text, start).lower() in ("until", "till", "through"):
        return False  # "suspended until the end of the year": a time still ahead
    return told_in_past(ctx.text, start)


def read_in_order(ctx: Context, taken: list[Found]) -> list[Found]:
    """The expressions in text order with their values, anaphoric ones read against the
    dates before them; blocks left out."""
    focus = Focus(ctx.reference)
    out: list[Found] = []
    for found in taken:
        if found.kind == "block":
            continue
        moves_focus: bool = True
        if found.read is not None:
            done = found.read(focus)
            if done is None or done.value is None:
                continue
            moves = found.moves_focus
            moves_focus = moves(done.value) if callable(moves) else moves
            found = done
        assert found.value is not None
        if moves_focus:
            focus.see(found.value, reported=found.kind == "reported")
        out.append(found)
    return out
