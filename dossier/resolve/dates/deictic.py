"""Readers of expressions read against the time of writing: "yesterday", "last week",
"three days ago", "in five years", "on Monday", "10 p.m.", "this morning", "now".

They need the reference date and find nothing without it.
"""

from __future__ import annotations

import datetime as dt
import re

from dossier.resolve.dates.anaphoric import last_year_compared, on_day_in_focus, quarter_reported
from dossier.resolve.dates.anchor import end_told_as_past, nearest, weekday_date, year_back
from dossier.resolve.dates.cues import (
    AMOUNT_AFTER,
    CLAUSE_END,
    NAME_BEFORE,
    RESULTS_AFTER,
    SUDDENLY_AFTER,
    SUDDENLY_BEFORE,
    compared_amount,
    looks_future,
    mod_word,
    next_word,
    prev_word,
    rel_word,
    spans_months,
)
from dossier.resolve.dates.found import Context, Focus, Found, hit, ref_value
from dossier.resolve.dates.normalise import (
    Period,
    day_period,
    make_day,
    month_key,
    month_period,
    number_in,
    quarter_period,
    shifted,
    week_period,
    weekend_period,
    year_period,
)
from dossier.resolve.dates.tables import (
    CLOCK_BEFORE,
    DAY_SHIFT,
    MODALS,
    MONTH_NUM,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    REF_VALUES,
    REL_STEP,
    WEEKDAY_NOT_AFTER,
    WEEKDAY_NOT_BEFORE,
)


def rel_day(m: re.Match[str], ctx: Context) -> Found | None:
    ref = ctx.reference
    if ref is None:
        return None
    word = (m.group("w") or m.group("w3") or "").lower()
    if m.group("w") == "Today" and NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "USA Today", "Russia Today"
    if word == "overnight":
        return _overnight(m, ctx, ref)
    shift = DAY_SHIFT.get(word, 0)
    if m.group("pre"):
        shift += -1 if "before" in m.group("pre").lower() else 1
    night = "night" if word == "tonight" else ""
    part = (m.group("part") or m.group("part3") or night).lower()
    day = day_period(ref + dt.timedelta(days=shift))
    return hit(ctx, m.start(), m.end(), day, suffix=PARTS_OF_DAY.get(part, ""))


def _overnight(m: re.Match[str], ctx: Context, ref: dt.date) -> Found | None:
    """"Overnight": the night before the last day written ("closed lower Friday ...
    overnight losses" is Thursday night, as TimeBank annotates it), else the night
    before the report; nothing when it means "suddenly" ("almost overnight", "an
    overnight success")."""
    if SUDDENLY_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()) or (
        SUDDENLY_AFTER.match(ctx.text, m.end())
    ):
        return None

    def read(focus: Focus) -> Found | None:
        last = focus.last
        anchor = last.start if last is not None and last.granularity == "day" else ref
        day = day_period(anchor - dt.timedelta(days=1))
        return hit(ctx, m.start(), m.end(), day, suffix=PARTS_OF_DAY["night"])

    return Found(m.start(), m.end(), read=read)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def rel_unit(m: re.Match[str], ctx: Context) -> Found | None:
    ref = ctx.reference
    if ref is None:
        return None
    before = ctx.text[max(0, m.start() - 5) : m.start()]
    if not m.group("mod") and _THE_BEFORE.search(before):
        return None  # "over the next year": a duration
    if m.group("rel").lower().startswith("the") and next_word(ctx.text, m.end()) in (
        "of", "or", "and"
    ):
        return None  # "the last year of the war", "the past year or two"
    if m.group("u")[0].isupper():
        return None  # "This Week" (a programme), "Next Year" (a title)
    rel = rel_word(m.group("rel")) or "this"
    step = REL_STEP.get(rel, 0)
    unit = m.group("u").lower()
    if unit == "year" and m.group("rel").lower() == "the" and mod_word(m.group("mod")) == "late":
        step -= end_told_as_past(ctx, year_period(ref.year), m.start())
    p: Period
    if unit == "week":
        p = week_period(ref + dt.timedelta(days=7 * step))
    elif unit == "weekend":
        saturday = ref + dt.timedelta(days=5 - ref.weekday())
        p = weekend_period(saturday + dt.timedelta(days=7 * step))
    elif unit == "month":
        index = ref.year * 12 + ref.month - 1 + step
        p = month_period(index // 12, index % 12 + 1)
    elif unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + step
        p = quarter_period(index // 4, index % 4 + 1)
        if rel == "this" and RESULTS_AFTER.match(ctx.text, m.end()):
            return quarter_reported(m, ctx, p)
    else:
        p = year_period(ref.year + step)
        if step == -1 and not m.group("mod") and (
            compared_amount(ctx.text, m.start())
            or RESULTS_AFTER.match(ctx.text, m.end())
            or AMOUNT_AFTER.match(ctx.text, m.end())
        ):
            return last_year_compared(m, ctx, p)
    raw_mod = (m.group("mod") or "").lower()
    lo = hi = None
    if raw_mod == "earlier" and step == 0:
        hi = min(p.end, ref)
    elif raw_mod == "later" and step == 0:
        lo = max(p.start, ref)
    mod = mod_word(raw_mod)
    return hit(ctx, m.start(), m.end(), p, mod, lo=lo, hi=hi)


def the_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    """The weekend of "over the weekend": the latest one on or before the reference."""
    ref = ctx.reference
    if ref is None:
        return None
    saturday = ref + dt.timedelta(days=5 - ref.weekday())
    if ref < saturday:
        saturday -= dt.timedelta(days=7)
    return hit(ctx, m.start("body"), m.end(), weekend_period(saturday))


def ago(m: re.Match[str], ctx: Context) -> Found | None:
    """"Three days ago" (a day), "two weeks ago" (a week), "a year ago"; "four years from
    now" the same ahead of the reference, "a week from today" the day a week ahead."""
    ref = ctx.reference
    if ref is None:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = m.group("u").lower()
    today = day_period(ref)
    if unit == "decade":
        unit, n = "year", 10 * n
    if m.groupdict().get("fwd"):
        if unit in ("day", "week") and m.group("fwd").lower().endswith("today"):
            days = n * (7 if unit == "week" else 1)  # "a week from today": a day
            return hit(ctx, m.start(), m.end(), day_period(ref + dt.timedelta(days=days)))
        return hit(ctx, m.start(), m.end(), shifted(today, n, unit))
    if unit == "year":

        def read(focus: Focus) -> Found | None:
            months = spans_months(ctx.text, m.start())
            return hit(ctx, m.start(), m.end(), year_back(focus, today, n, months))

        return Found(m.start(), m.end(), read=read, moves_focus=False)
    return hit(ctx, m.start(), m.end(), shifted(today, -n, unit))


def in_units(m: re.Match[str], ctx: Context) -> Found | None:
    """"(It will be repaid) in five years": the time that far ahead of the reference, as
    TimeML annotates it (the span without "in"), when the clause speaks of the future;
    otherwise "in two weeks" is how long something took ("the first rise in a year").

    >>> ctx = Context("The bonds will be repaid in five years.", dt.date(2024, 12, 12), None)
    >>> from dossier.resolve.dates.patterns import IN_UNITS
    >>> m = IN_UNITS.search(ctx.text)
    >>> in_units(m, ctx).value.value
    '2029'
    """
    ref = ctx.reference
    if ref is None or not looks_future(ctx.text, m.start()):
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = m.group("u").lower()
    if unit == "decade":
        unit, n = "year", 10 * n
    return hit(ctx, m.start("n"), m.end(), shifted(day_period(ref), n, unit))


def vague_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """"Several years ago", "a few days ago": some time in the past (PAST_REF); "a few
    years from now" in the future (FUTURE_REF)."""
    value = "FUTURE_REF" if m.groupdict().get("fwd") else "PAST_REF"
    return ref_value(m, value)


_MAIL_ON = re.compile(r"\bMail\s+on\s+$")


def weekday_rule(m: re.Match[str], ctx: Context) -> Found | None:
    ref = ctx.reference
    if ref is None:
        return None
    text = ctx.text
    rel = rel_word(m.group("rel"))
    start = m.start("wd") if rel in (None, "on") else m.start()
    if prev_word(text, m.start("wd")) in WEEKDAY_NOT_AFTER:
        return None
    if next_word(text, m.end("wd")) in WEEKDAY_NOT_BEFORE:
        return None
    if _MAIL_ON.search(text[max(0, m.start("wd") - 9) : m.start("wd")]):
        return None  # "the Mail on Sunday"
    day = weekday_date(ctx, ref, m.group("wd"), rel, start)
    # "Friday night" keeps the Friday's value: TimeML annotators mostly give a named day
    # with a part of it the day's value, where "this morning" gets TMO
    return hit(ctx, start, m.end(), day_period(day))


def day_next_to_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    """"The day before last Tuesday": a day next to a named weekday."""
    if ctx.reference is None:
        return None
    day = weekday_date(ctx, ctx.reference, m.group("wd"), rel_word(m.group("rel")), m.start())
    shift = -1 if m.group("dir").lower() == "before" else 1
    return hit(ctx, m.start(), m.end(), day_period(day + dt.timedelta(days=shift)))


def part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    """"Mid-afternoon yesterday"; "by mid-afternoon" on the last day written, else the
    reference day (TimeML's TMO, TAF, TEV). A plain "in the morning" is left alone."""
    ref = ctx.reference
    if ref is None:
        return None
    start, end = m.start(), m.end()
    suffix = PARTS_OF_DAY[m.group("part").lower()]
    if m.group("w"):
        shift = DAY_SHIFT.get(m.group("w").lower(), 0)
        return hit(ctx, start, end, day_period(ref + dt.timedelta(days=shift)), suffix=suffix)
    if prev_word(ctx.text, start) not in CLOCK_BEFORE:
        return None  # "early morning raids", "a late afternoon meeting"
    return on_day_in_focus(ctx, start, end, suffix)


def hour_in_part(m: re.Match[str], ctx: Context) -> Found | None:
    """"4 in the morning" (T04:00), "9 in the evening" (T21:00), on the day in focus."""
    if ctx.reference is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    part = m.group("part").lower()
    if part != "morning" and hour < 12:
        hour += 12
    elif part == "morning" and hour == 12:
        hour = 0
    return on_day_in_focus(ctx, m.start(), m.end(), f"T{hour:02d}:{minute:02d}")


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


def clock(m: re.Match[str], ctx: Context) -> Found | None:
    """A time of day, on the day written after it ("10 p.m. Wednesday", "noon Friday"),
    else on the last day written, else on the reference day."""
    suffix = _clock_suffix(m)
    ref = ctx.reference
    if suffix is None or ref is None:
        return None
    start, end = m.start(), m.end()
    if m.group("wd"):
        day = weekday_date(ctx, ref, m.group("wd"), None, start)
        return hit(ctx, start, end, day_period(day), suffix=suffix)
    if m.group("w"):
        shift = DAY_SHIFT.get(m.group("w").lower(), 0)
        return hit(ctx, start, end, day_period(ref + dt.timedelta(days=shift)), suffix=suffix)
    if m.group("mon") or m.group("dmon"):
        month = MONTH_NUM[month_key(m.group("mon") or m.group("dmon"))]
        day_n = number_in(m.group("day") or m.group("dm"))
        p = nearest(ctx, lambda y: make_day(y, month, day_n), at=start)
        return hit(ctx, start, end, p, suffix=suffix)
    if m.group("named") and prev_word(ctx.text, start) not in CLOCK_BEFORE:
        return None  # "High Noon", "the midnight sun"

    def read(focus: Focus) -> Found | None:
        base = focus.base()
        if base is None or base.granularity != "day":
            base = day_period(ref)  # a time of day on no day written: the news day
        return hit(ctx, start, end, base, suffix=suffix)

    return Found(start, end, read=read, moves_focus=False)


# what may follow "the year" that ends its phrase: "the year was", "the year and"
_YEAR_ENDS_PHRASE = re.compile(
    r"\s+(?:was|were|is|are|has|had|will|would|and|but|with|as|by|that|amid|because)\b"
)


def the_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"The current year", "the full year", "for the year", "by year-end": the
    reference's year (the year before for "since year-end")."""
    ref = ctx.reference
    if ref is None:
        return None
    if m.group("end"):
        back = prev_word(ctx.text, m.start()) == "since" or end_told_as_past(
            ctx, year_period(ref.year), m.start()
        )
        return hit(ctx, m.start(), m.end(), year_period(ref.year - back), "late")
    if not CLAUSE_END.match(ctx.text, m.end()) and not _YEAR_ENDS_PHRASE.match(
        ctx.text[m.end() : m.end() + 12]
    ):
        return None  # "the year ended June 30", "the year before the war"
    return hit(ctx, m.start(), m.end(), year_period(ref.year))


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:\n][\s\"'“‘`]*|^[\s\"'“‘`]+)$")

# "Now, he says", "Now for the weather": a discourse marker
_DISCOURSE_AFTER = re.compile(r",|\s+for\b")
_WORD_NEXT = re.compile(r"\s*(?:[-\w]+)")

# words that open the next phrase after "the past", "the future"
_PHRASE_OPENS = re.compile(
    r"\s+(?:that|which|is|was|will|would|and|or|but|when|as|if|for|in|at|on|to"
    r"|it|he|she|we|they|I|you|there|the|a|an|its|his|her|their|our|this|these|those)\b"
)


def vague(m: re.Match[str], ctx: Context) -> Found | None:
    """The present, the past, the future: TimeML's PRESENT_REF, PAST_REF, FUTURE_REF.

    They name no period: ``start`` and ``end`` stay empty.  "The past" and
    "the future" followed by a number or a noun are durations or names ("the
    past two years", "the future king").
    """
    kind = "now" if m.group("now") else "past" if m.group("past") else "future"
    if kind == "now" and prev_word(ctx.text, m.start()) == "then":
        return None  # "the then current price": the present of another time
    if (
        kind == "future"
        and "foreseeable" in m.group().lower()
        and prev_word(ctx.text, m.start()).lower() == "for"
    ):
        return None  # "(stay) for the foreseeable future": how long, a duration
    if m.group().lower() == "recently" and prev_word(ctx.text, m.start()) in ("most", "as"):
        return None  # "most recently last October", "as recently as 1995": the date says when
    if (
        m.group() == "Now"
        and _DISCOURSE_AFTER.match(ctx.text[m.end() : m.end() + 4])
        and _SENTENCE_OPENING.search(ctx.text, max(0, m.start() - 3), m.start())
    ):
        return None  # "Now, he says, ...", "Now for the weather": a discourse marker
    if m.group().lower().startswith("the") and kind != "now":
        after = ctx.text[m.end() : m.end() + 20]
        if _WORD_NEXT.match(after) and not _PHRASE_OPENS.match(after):
            # a pronoun or determiner opens the next phrase: "in the past it sold"
            return None
    if m.group().lower() == "soon" and not _SOON_AHEAD.search(
        ctx.text[max(0, m.start() - 40) : m.end() + 12]
    ):
        return None  # "he soon left": shortly after a time in the past, not ahead of now
    if m.group("someday") and prev_word(ctx.text, m.start()).lower() not in MODALS:
        return None  # "one day later", "for one day": only "will one day be" is the future
    value = REF_VALUES[kind]
    return ref_value(m, value)


_SOON_AHEAD = re.compile(
    r"(?i:\b(?:will|would|shall|may|might|could|can|should|must|to|be)\s+(?:\w+\s+)?soon\b"
    r"|['’]ll\s+soon\b|\bsoon\s+(?:will|would|may|might|could|to|be)\b)"
)
