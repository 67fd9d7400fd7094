"""What passes between the stages.

* ``Context``: the text being read, its reference date and year hint (input of every
  reader);
* ``Found``: one expression a reader found: its span, its ``DateValue`` (or, for an
  anaphoric expression, ``read``: how to get it from the dates before it) and its
  ``kind``; ``find`` returns them, ``anchor.read_in_order`` fills in the deferred
  ones, ``infer_reference`` and ``find_dates`` take the values;
* ``Focus``: the dates read so far, which anaphoric expressions are read against;
* ``hit``: the ``Found`` for a period (``normalise.Period``) over a span.

>>> import datetime as dt
>>> from dossier.resolve.dates.normalise import month_period
>>> f = hit(Context("in early June 2024", None, None), 3, 18, month_period(2024, 6), "early")
>>> (f.value.text, f.value.value, f.value.start, f.value.end, f.kind)
('early June 2024', '2024-06', '2024-06-01', '2024-06-10', '')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.models import DateValue
from dossier.resolve.dates.normalise import Period, bounds, day_period, period_of


@dataclass(frozen=True)
class Context:
    """The text being read, its reference (publication) date and the year to use without one."""

    text: str
    reference: dt.date | None
    year_hint: int | None


@dataclass(frozen=True)
class Found:
    """One expression found in the text.

    ``kind`` says what ``infer_reference`` may take from it: "full" (a day with its
    year), "month" (a month, season, quarter or half with its year), "year",
    "weak-year" (a bare year in a weak context), "target-year" ("by 2030"), "decade",
    "reported" (a quarter whose results are reported: over), "block" (no date: a span
    no date is read inside, "12/04", "2,000"), "" (anything else).

    An anaphoric expression has no ``value`` yet but ``read``: given the ``Focus`` (the
    dates before it), the ``Found`` with its value, or None. ``moves_focus`` says
    whether that value becomes the new focus ("the following year" does; a comparison
    such as "a year earlier" does not).
    """

    start: int
    end: int
    value: DateValue | None = None
    kind: str = ""
    read: Callable[[Focus], Found | None] | None = None
    moves_focus: bool | Callable[[DateValue], bool] = True


# A rule's reader: its match in the context -> what it found, or None (no date there).
Reader = Callable[[re.Match[str], Context], Found | None]


@dataclass
class Focus:
    """What the text has last spoken of, for anaphoric expressions ("a year earlier").

    ``last`` is the last date written before (of any granularity), ``quarter``
    the last quarter named that was over by the reference: financial reports
    compare "the quarter" with "a year earlier" long after the quarter was
    named, and a quarter still running ("a fourth-quarter charge") is a forecast,
    unless its results are reported ("reported fourth-quarter earnings": a fiscal quarter).
    """

    reference: dt.date | None
    last: Period | None = None
    quarter: Period | None = None

    def see(self, value: DateValue, reported: bool = False) -> None:
        p = period_of(value.value)
        if p is None:
            return
        self.last = p
        over = reported or self.reference is None or p.end < self.reference
        if p.granularity == "quarter" and over:
            self.quarter = p  # a quarter reported on: over by the reference (or its results out)

    def base(self) -> Period | None:
        """The last date, else the reference day."""
        if self.last is not None:
            return self.last
        return day_period(self.reference) if self.reference else None


def hit(
    ctx: Context,
    start: int,
    end: int,
    p: Period | None,
    mod: str | None = None,
    kind: str = "",
    lo: dt.date | None = None,
    hi: dt.date | None = None,
    suffix: str = "",
) -> Found | None:
    """The ``Found`` for ``p`` over ``start:end``, its first and last day narrowed by
    ``mod`` (or given as ``lo``, ``hi``); ``suffix`` adds a time of day to a day ("TMO",
    "T22:00")."""
    if p is None:
        return None
    b_lo, b_hi = bounds(p, mod)
    value = DateValue(
        text=ctx.text[start:end],
        value=p.value + suffix,
        granularity=p.granularity,
        start=(lo or b_lo).isoformat(),
        end=(hi or b_hi).isoformat(),
        offsets=(start, end),
        mod=mod,
    )
    return Found(start, end, value, kind)


def ref_value(m: re.Match[str], value: str) -> Found:
    """A PRESENT_REF, PAST_REF or FUTURE_REF: no period, no first or last day."""
    date = DateValue(text=m.group(), value=value, granularity="ref", offsets=(m.start(), m.end()))
    return Found(m.start(), m.end(), date)
