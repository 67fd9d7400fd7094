"""Find, the rule table: each date expression's pattern, the reader that turns its match
into a ``Found``, and the group of key words it can match only near.

A new kind of expression is a new row of ``RULES`` (in priority order: it breaks
ties between overlapping matches of equal length) with its reader, and its key
words in ``KEY_WORDS``.
"""

from __future__ import annotations

import re

import dossier.resolve.dates.patterns as pattern
from dossier.resolve.dates.anaphoric import (
    that_unit,
    the_quarter,
    units_later,
    weekday_next_to_focus,
    year_ago_adjective,
)
from dossier.resolve.dates.deictic import (
    ago,
    clock,
    day_next_to_weekday,
    hour_in_part,
    in_units,
    part_of_day,
    rel_day,
    rel_unit,
    the_weekend,
    the_year,
    vague,
    vague_ago,
    weekday_rule,
)
from dossier.resolve.dates.found import Context, Found, Reader
from dossier.resolve.dates.spoken import holiday, spelled
from dossier.resolve.dates.tables import (
    DECADE_WORDS,
    MONTH_ABBRS,
    MONTH_NAMES,
    SEASON_CODE,
    WEEKDAYS,
)
from dossier.resolve.dates.written import (
    bare_month,
    bare_year,
    calendar_day,
    century_rule,
    decade_rule,
    decade_word,
    h_rule,
    half_rule,
    iso,
    month_rel_year,
    month_year,
    q_rule,
    quarter_rule,
    season_prep,
    season_rel,
    season_year,
    week_of,
    year_mod,
    year_quarter,
)


class Near:
    """Key-word groups: a rule runs only near a word of its group (``KEY_WORDS``), since every
    expression it matches holds one (a month name, a digit, "summer", "week", ...)."""

    (MONTH, DIGIT, SEASON, QUARTER, UNIT, RELDAY, WEEKDAY, HOLIDAY, ERA, VAGUE,
     ANAPH, CLOCK, SPELLED, FROM, AHEAD) = (1 << i for i in range(15))  # fmt: skip


GROUPS = (
    Near.MONTH, Near.DIGIT, Near.SEASON, Near.QUARTER, Near.UNIT, Near.RELDAY, Near.WEEKDAY,
    Near.HOLIDAY, Near.ERA, Near.VAGUE, Near.ANAPH, Near.CLOCK, Near.SPELLED, Near.FROM, Near.AHEAD,
)  # fmt: skip

CASED_KEY_WORDS = {
    **{f: Near.MONTH for w in MONTH_NAMES + MONTH_ABBRS for f in (w, w.upper())},
    **{f: Near.WEEKDAY for w in WEEKDAYS for f in (w, w.upper())},
}

KEY_WORDS = {
    **dict.fromkeys(SEASON_CODE, Near.SEASON),
    **dict.fromkeys(("half", "quarters", "q1", "q2", "q3", "q4", "h1", "h2"), Near.QUARTER),
    **dict.fromkeys(("week", "weekend", "month", "ago"), Near.UNIT),
    **dict.fromkeys(("yesterday", "tomorrow", "tonight", "overnight"), Near.RELDAY),
    **dict.fromkeys(("morning", "afternoon"), Near.RELDAY),
    "today": Near.RELDAY | Near.FROM,  # "a week from today"
    **dict.fromkeys(("evening", "night"), Near.RELDAY),
    **dict.fromkeys(("christmas", "easter", "thanksgiving", "halloween", "boxing"), Near.HOLIDAY),
    **dict.fromkeys(("valentine", "friday", "election"), Near.HOLIDAY),
    "year": Near.UNIT | Near.HOLIDAY,
    "quarter": Near.QUARTER | Near.UNIT,
    **dict.fromkeys(DECADE_WORDS, Near.ERA),
    "century": Near.ERA,
    **dict.fromkeys(("currently", "current", "nowadays", "present", "moment"), Near.VAGUE),
    "now": Near.VAGUE | Near.FROM,  # "four years from now"
    **dict.fromkeys(("recently", "recent", "past", "future", "soon", "days"), Near.VAGUE),
    **dict.fromkeys(("day", "someday"), Near.VAGUE),
}

for _word in (
    "earlier later day period morning afternoon evening night week weekend month quarter year"
).split():
    KEY_WORDS[_word] = KEY_WORDS.get(_word, 0) | Near.ANAPH

KEY_WORDS["date"] = Near.VAGUE  # "at a later date"

for _word in "day days week weeks month months year years decade decades".split():
    KEY_WORDS[_word] = KEY_WORDS.get(_word, 0) | Near.AHEAD  # "in five years"

for _word in ("eighteen", "nineteen", "twenty", "thousand"):
    KEY_WORDS[_word] = KEY_WORDS.get(_word, 0) | Near.SPELLED

for _word in ("noon", "midnight", "midday"):
    KEY_WORDS[_word] = KEY_WORDS.get(_word, 0) | Near.CLOCK


def _block(m: re.Match[str], ctx: Context) -> Found | None:
    """Designations, times, amounts: they occupy their span so no date is read inside."""
    return Found(m.start(), m.end(), kind="block")



_Rule = tuple[re.Pattern[str], Reader, int]


def _rule(regex: str, reader: Reader, group: int) -> _Rule:
    return re.compile(regex), reader, group


# In priority order (it breaks ties between overlapping matches of equal length).
RULES: list[_Rule] = [
    _rule(pattern.ISO_DAY, iso, Near.DIGIT),
    _rule(pattern.MONTH_DAY, calendar_day, Near.MONTH),
    _rule(pattern.WEEK_OF, week_of, Near.MONTH),
    _rule(pattern.DAY_MONTH, calendar_day, Near.MONTH),
    _rule(pattern.MONTH_REL_YEAR, month_rel_year, Near.MONTH),
    _rule(pattern.MONTH_YEAR, month_year, Near.MONTH),
    _rule(pattern.BARE_MONTH, bare_month, Near.MONTH),
    _rule(pattern.SEASON_YEAR, season_year, Near.SEASON),
    _rule(pattern.SEASON_REL, season_rel, Near.SEASON),
    _rule(pattern.SEASON_PREP, season_prep, Near.SEASON),
    _rule(pattern.QUARTER, quarter_rule, Near.QUARTER),
    _rule(pattern.YEAR_QUARTER, year_quarter, Near.QUARTER),
    _rule(pattern.Q_QUARTER, q_rule, Near.QUARTER),
    _rule(pattern.HALF, half_rule, Near.QUARTER),
    _rule(pattern.H_HALF, h_rule, Near.QUARTER),
    _rule(pattern.YEAR_MOD, year_mod, Near.DIGIT),
    _rule(pattern.DECADE, decade_rule, Near.DIGIT),
    _rule(pattern.DECADE_WORD, decade_word, Near.ERA),
    _rule(pattern.CENTURY, century_rule, Near.ERA),
    _rule(pattern.BARE_YEAR, bare_year, Near.DIGIT),
    _rule(pattern.REL_DAY, rel_day, Near.RELDAY),
    _rule(pattern.REL_UNIT, rel_unit, Near.UNIT),
    _rule(pattern.THE_WEEKEND, the_weekend, Near.UNIT),
    _rule(pattern.UNITS_AGO, ago, Near.UNIT),
    _rule(pattern.UNITS_FROM_NOW, ago, Near.FROM),
    _rule(pattern.IN_UNITS.pattern, in_units, Near.AHEAD),
    _rule(pattern.VAGUE_FROM_NOW, vague_ago, Near.FROM),
    _rule(pattern.VAGUE_AGO, vague_ago, Near.UNIT),
    _rule(pattern.WEEKDAY, weekday_rule, Near.WEEKDAY),
    _rule(pattern.DAY_NEXT_TO_WEEKDAY, day_next_to_weekday, Near.WEEKDAY),
    _rule(pattern.HOUR_IN_PART, hour_in_part, Near.RELDAY),
    _rule(pattern.WEEKDAY_NEXT_TO_FOCUS, weekday_next_to_focus, Near.WEEKDAY),
    _rule(pattern.PART_OF_DAY, part_of_day, Near.RELDAY),
    _rule(pattern.CLOCK_TIME, clock, Near.CLOCK),
    _rule(pattern.HOLIDAY, holiday, Near.HOLIDAY),
    _rule(pattern.SPELLED, spelled, Near.SPELLED),
    _rule(pattern.THE_YEAR, the_year, Near.ANAPH),
    _rule(pattern.VAGUE, vague, Near.VAGUE),
    _rule(pattern.UNITS_LATER, units_later, Near.ANAPH),
    _rule(pattern.THAT_UNIT, that_unit, Near.ANAPH),
    _rule(pattern.THE_QUARTER, the_quarter, Near.ANAPH),
    _rule(pattern.YEAR_AGO, year_ago_adjective, Near.ANAPH),
    _rule(pattern.BLOCKED, _block, Near.DIGIT),
]
