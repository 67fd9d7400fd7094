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

The stages (each module imports only the ones before it; ``dossier/resolve/README.md``
says where a new rule goes):

1. data: ``tables`` (month and weekday names, number words, word lists, holidays,
   weights such as ``FUTURE_WEIGHT``) and ``patterns`` (one regular expression per
   kind of expression, built from the tables);
2. normalise: ``normalise`` (``Period``: a TimeML value with its granularity and
   first and last day; "early"/"mid"/"late"; shifting by units);
3. ``found``: what passes between the stages, ``Found`` (span, ``DateValue`` or a
   deferred ``read``, kind), with ``Context`` (text, reference, year hint) and
   ``Focus`` (the dates read so far);
4. anchor: ``cues`` (the sentence around a date: tense, future, nearby words) and
   ``anchor`` (the year nearest the reference, "last"/"next", the previous date);
5. readers, one per kind of expression, match -> ``Found``: ``written`` (calendar
   dates written out), ``spoken`` (holidays, years in words), ``anaphoric`` (against
   the previous date), ``deictic`` (against the time of writing);
6. find: ``rules`` (the table of pattern, reader and key words) and ``find``
   (run the rules near their key words, keep the longest, read in text order);
7. ``reference`` (``infer_reference``) and ``fallback`` (``dateparser``, for
   ``resolve_date`` only).

Expressions without a year take it from ``reference`` (the year that puts the
date nearest to it; a date ahead of the reference counts as
``FUTURE_WEIGHT`` times farther than one behind it, since news mostly reports
the past, unless the date's clause speaks of the future: "will", "would", "is
due to", not behind a comma nor in a possessive, see ``cues.looks_future``; a date
after "in"/"on" governed by a verb in the simple past, "bought it in February",
is not ahead of the reference, see ``cues.past_event_date``) or,
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

import datetime as dt
import re

from dossier.models import DateValue
from dossier.resolve.dates.fallback import dateparser_fallback
from dossier.resolve.dates.find import scan
from dossier.resolve.dates.found import Context
from dossier.resolve.dates.normalise import day_period, year_period
from dossier.resolve.dates.reference import Reference, infer_reference

__all__ = ["Reference", "find_dates", "infer_reference", "resolve_date"]


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
    found = [f.value for f in scan(Context(text, reference, year_hint)) if f.value is not None]
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
        p = day_period(last)
    elif value.granularity == "year" and re.fullmatch(r"\d{4}", value.value):
        if value.end[:4] <= value.value:
            return []
        p = year_period(int(value.end[:4]))
    else:
        return []
    m = _RANGE_END.match(value.text)
    if m is None:
        return []
    start = value.offsets[0] + m.start(2)
    end = value.offsets[0] + m.end(2)
    return [DateValue(text=m.group(2), value=p.value, granularity=p.granularity,
                      start=p.start.isoformat(), end=p.end.isoformat(), offsets=(start, end))]


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
    found = [f.value for f in scan(Context(expr, reference, year_hint)) if f.value is not None]
    if found:
        best = max(found, key=lambda value: len(value.text))
        best.text = expr
        best.offsets = None
        return best
    if reference is not None:
        return dateparser_fallback(expr, reference)
    return None
