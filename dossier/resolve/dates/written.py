"""Readers of calendar dates written out: days, months, seasons, quarters, halves,
years, decades and centuries ("December 10", "June 2024", "the third quarter",
"mid-2023", "the 1990s", "the 20th century").

Each reader takes a rule's match and the ``Context`` and returns a ``Found`` or None
(the match is no date: "Theresa May", "Resolution 2254", "2,000 troops").
"""

from __future__ import annotations

import datetime as dt
import re

from dossier.resolve.dates.anchor import nearest, relative
from dossier.resolve.dates.cues import (
    NAME_BEFORE,
    REPORTED_RESULTS,
    RESULT_NOUN,
    mod_word,
    next_word,
    prev_word,
    rel_word,
    sentence_before,
)
from dossier.resolve.dates.found import Context, Found, hit
from dossier.resolve.dates.normalise import (
    Period,
    century_period,
    decade_period,
    half_period,
    make_day,
    month_key,
    month_period,
    number_in,
    quarter_period,
    season_period,
    week_period,
    year_period,
)
from dossier.resolve.dates.tables import (
    AMBIGUOUS_MONTHS,
    CENTURY_WORDS,
    DECADE_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    MONTH_CONTEXT,
    MONTH_NUM,
    NOT_YEAR_BEFORE,
    OFFICE_NOUNS,
    ORDINALS,
    QUALIFIERS,
    QUANTITY_NOUNS,
    REL_STEP,
    SEASON_CODE,
    TARGET_WORDS,
    YEAR_CONTEXT,
)


def _day_range(m: re.Match[str], ctx: Context) -> tuple[int, int | None, int]:
    """First day, last day of a range (or None) and the end offset of the expression."""
    day = number_in(m.group("day"))
    end = m.end()
    if m.group("day2") is None:
        return day, None, end
    day2 = number_in(m.group("day2"))
    conn = m.group("conn")
    lone = m.group("year") is None and conn.isalpha()
    after = next_word(ctx.text, m.end())
    if day2 <= day or (lone and after.islower() and after not in FUNCTION_WORDS):
        # "December 4 and 5 people": not a range; the date ends at the first day
        return day, None, m.end("day")
    return day, day2, end


def calendar_day(m: re.Match[str], ctx: Context) -> Found | None:
    month = MONTH_NUM[month_key(m.group("mon"))]
    day, day2, end = _day_range(m, ctx)
    start = m.start()
    if m.group("year") is not None:
        p = make_day(int(m.group("year")), month, day)
        kind = "full"
    else:
        p = nearest(ctx, lambda y: make_day(y, month, day), at=start)
        kind = ""
    if p is None:
        return None
    last = None
    if day2 is not None:
        try:
            last = p.start.replace(day=day2)
        except ValueError:
            last = None
    return hit(ctx, start, end, p, kind=kind, hi=last)


def week_of(m: re.Match[str], ctx: Context) -> Found | None:
    """"The week of March 6": the (ISO) week that holds the day."""
    month, day = MONTH_NUM[month_key(m.group("mon"))], number_in(m.group("day"))
    if m.group("year") is not None:
        p = make_day(int(m.group("year")), month, day)
    else:
        p = nearest(ctx, lambda y: make_day(y, month, day), at=m.start())
    return hit(ctx, m.start(), m.end(), week_period(p.start) if p else None)


def iso(m: re.Match[str], ctx: Context) -> Found | None:
    p = make_day(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return hit(ctx, m.start(), m.end(), p, kind="full")


def month_year(m: re.Match[str], ctx: Context) -> Found | None:
    month = MONTH_NUM[month_key(m.group("mon"))]
    return hit(
        ctx,
        m.start(),
        m.end(),
        month_period(int(m.group("year")), month),
        mod_word(m.group("mod")),
        kind="month",
    )


def bare_month(m: re.Match[str], ctx: Context) -> Found | None:
    name = m.group("mon").lower()
    month = MONTH_NUM[name]
    rel, mod = rel_word(m.group("rel")), mod_word(m.group("mod"))
    text = ctx.text
    if rel is None and mod is None:
        before = prev_word(text, m.start())
        if before not in MONTH_CONTEXT or (name in AMBIGUOUS_MONTHS and before in ("and", "or")):
            if name in AMBIGUOUS_MONTHS and not _month_as_modifier(text, m.start(), m.end()):
                return None
            after = next_word(text, m.end())
            if after[:1].isupper() and after.lower() not in MONTH_NUM:
                return None  # "June Carter", "April Ryan"
    if rel is not None:
        if ctx.reference is None:
            return None
        p = relative(ctx.reference, lambda y: month_period(y, month), rel)
    else:
        p = nearest(ctx, lambda y: month_period(y, month), mod, at=m.start())
    return hit(ctx, m.start(), m.end(), p, mod)


def _month_as_modifier(text: str, start: int, end: int) -> bool:
    """"The March accession", "a May deadline": an ambiguous month name, capitalised,
    between a determiner and a common noun, is the month ("the March of Dimes", "the
    May government" are not).

    >>> _month_as_modifier("The March accession", 4, 9), _month_as_modifier("the march on", 4, 9)
    (True, False)
    """
    if not text[start].isupper() or prev_word(text, start).lower() not in DETERMINERS:
        return False
    after = next_word(text, end)
    return (
        after.isalpha() and after.islower()
        and after not in FUNCTION_WORDS and after not in OFFICE_NOUNS
        and after not in ("of", "for", "against", "into", "through")
    )


def month_rel_year(m: re.Match[str], ctx: Context) -> Found | None:
    """A month of the reference's year or the one before or after: "June last year"."""
    if ctx.reference is None:
        return None
    month = MONTH_NUM[month_key(m.group("mon"))]
    year = ctx.reference.year + REL_STEP.get(m.group("yrel").lower(), 0)
    return hit(ctx, m.start(), m.end(), month_period(year, month), mod_word(m.group("mod")))


def season_year(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASON_CODE[m.group("s").lower()]
    p = season_period(int(m.group("year")), code)
    return hit(ctx, m.start(), m.end(), p, mod_word(m.group("mod")), kind="month")


def season_rel(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.reference is None:
        return None
    code = SEASON_CODE[m.group("s").lower()]
    rel = rel_word(m.group("rel")) or "this"
    p = relative(ctx.reference, lambda y: season_period(y, code), rel)
    return hit(ctx, m.start(), m.end(), p, mod_word(m.group("mod")))


_OF_NO_YEAR = re.compile(r"\s+of\s+(?![12]\d{3})")


def season_prep(m: re.Match[str], ctx: Context) -> Found | None:
    word = m.group("s").lower()
    if word == "fall" and not (m.group("the") or m.group("mod")):
        return None
    if _OF_NO_YEAR.match(ctx.text[m.end() : m.end() + 12]):
        return None  # "in the fall of Aleppo"
    code = SEASON_CODE[word]
    mod = mod_word(m.group("mod"))
    p = nearest(ctx, lambda y: season_period(y, code), mod, at=m.start())
    return hit(ctx, m.start("body"), m.end(), p, mod)


def _year_of(m: re.Match[str], ctx: Context) -> tuple[int | None, bool]:
    """The year of "of 2024" / "of this year"; (None, False) when none is written."""
    if m.group("year") is not None:
        return int(m.group("year")), True
    rel = m.group("yrel")
    if rel is None:
        return None, False
    if ctx.reference is None:
        return None, True
    return ctx.reference.year + REL_STEP.get(rel.lower(), 0), True


def quarter_rule(m: re.Match[str], ctx: Context) -> Found | None:
    q = ORDINALS[m.group("q").lower()]
    year, written = _year_of(m, ctx)
    if year is not None:
        p: Period | None = quarter_period(year, q)
    elif written:
        return None
    else:
        p = nearest(ctx, lambda y: quarter_period(y, q), at=m.start(), past_first=True)
        if REPORTED_RESULTS.search(sentence_before(ctx.text, m.start(), 160)) and (
            RESULT_NOUN.match(ctx.text, m.end())
        ):
            return hit(ctx, m.start(), m.end(), p, kind="reported")
    return hit(ctx, m.start(), m.end(), p, kind="month" if m.group("year") else "")


def year_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    """A quarter of a named year: "the 1988 second quarter", "the year-ago third quarter"."""
    q = ORDINALS[m.group("q").lower()]
    if m.group("year"):
        return hit(ctx, m.start(), m.end(), quarter_period(int(m.group("year")), q), kind="month")
    if ctx.reference is None:
        return None
    raw = (m.group("yrel") or "last").lower()
    year = ctx.reference.year + REL_STEP.get(raw, 0)
    return hit(ctx, m.start(), m.end(), quarter_period(year, q))


def q_rule(m: re.Match[str], ctx: Context) -> Found | None:
    q = int(m.group("q"))
    if m.group("year"):
        return hit(ctx, m.start(), m.end(), quarter_period(int(m.group("year")), q), kind="month")
    p = nearest(ctx, lambda y: quarter_period(y, q), at=m.start(), past_first=True)
    return hit(ctx, m.start(), m.end(), p)


def half_rule(m: re.Match[str], ctx: Context) -> Found | None:
    word = m.group("h").lower()
    h = 2 if word == "last" else ORDINALS[word]
    year, _ = _year_of(m, ctx)
    if year is None:
        return None
    kind = "month" if m.group("year") else ""
    return hit(ctx, m.start(), m.end(), half_period(year, h), kind=kind)


def h_rule(m: re.Match[str], ctx: Context) -> Found | None:
    p = half_period(int(m.group("year")), int(m.group("h")))
    return hit(ctx, m.start(), m.end(), p, kind="month")


def year_mod(m: re.Match[str], ctx: Context) -> Found | None:
    p = year_period(int(m.group("year")))
    return hit(ctx, m.start(), m.end(), p, mod_word(m.group("mod")), kind="year")


_DECADE_LEAD = re.compile(r"(?:\b(?i:the)\s+)?(?:\b(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?$")


def decade_rule(m: re.Match[str], ctx: Context) -> Found | None:
    lead = _DECADE_LEAD.search(ctx.text, max(0, m.start() - 30), m.start())
    start = lead.start() if lead else m.start()
    mod = mod_word(lead.group("mod")) if lead else None
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
    return hit(ctx, start, m.end(), decade_period(first), mod, kind="decade")


def decade_word(m: re.Match[str], ctx: Context) -> Found | None:
    """A spelled-out decade of the 1900s: "the nineties", "the early nineteen-sixties"."""
    first = 1900 + DECADE_WORDS[m.group("w").lower()]
    mod = mod_word(m.group("mod"))
    return hit(ctx, m.start(), m.end(), decade_period(first), mod, kind="decade")


def century_rule(m: re.Match[str], ctx: Context) -> Found | None:
    raw = m.group("n").lower()
    n = number_in(raw) if raw[0].isdigit() else CENTURY_WORDS[raw]
    mod = mod_word(m.group("mod"))
    return hit(ctx, m.start(), m.end(), century_period((n - 1) * 100), mod, kind="decade")


# a year before these is a length: "2000-year-old", "2000 years"
_AGE_AFTER = re.compile(r"\s*(?:-\s*(?:year|month|day|week)|(?:years|months)\b)")


def bare_year(m: re.Match[str], ctx: Context) -> Found | None:
    text = ctx.text
    before = prev_word(text, m.start())
    if before in NOT_YEAR_BEFORE:
        return None
    after = next_word(text, m.end())
    after_l = after.lower()
    if after_l in QUANTITY_NOUNS:
        return None
    if before in QUALIFIERS and after and after_l not in FUNCTION_WORDS:
        return None  # "some 1990 refugees"
    if _AGE_AFTER.match(text[m.end() :][:12]):
        return None  # "2000-year-old"
    tail = text[m.end() : m.end() + 2]
    ends_clause = not tail or (not tail[0].isalnum() and tail[0] != " ")
    named = NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
    # "in 2023", "(...) 2023." count; "Orion 1980," and "Vision 2030" are names
    strong = before in YEAR_CONTEXT or (ends_clause and not named)
    kind = "year" if strong else "weak-year"
    if before in TARGET_WORDS:
        kind = "target-year"
    year, end, last = int(m.group("year")), m.end(), None
    later = _YEAR_RANGE.match(text, end)
    if later:  # "2014-2015", "2014-15": the first year, ``end`` at the last
        raw = later.group(1)
        to = int(raw) if len(raw) == 4 else year // 100 * 100 + int(raw)
        if year < to <= year + 99:
            end, last = later.end(), dt.date(to, 12, 31)
    return hit(ctx, m.start(), end, year_period(year), kind=kind, hi=last)


_YEAR_RANGE = re.compile(r"[-–](\d{4}|\d{2})(?![\w%]|[.,]\d)")
