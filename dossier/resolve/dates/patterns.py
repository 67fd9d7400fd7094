"""Regular-expression building blocks of date expressions, built from ``tables``.

``MON`` (a month name or abbreviation, group ``mon``), ``DAY`` (a day of the month,
group ``day``), ``YEAR`` (a four-digit year, group ``year``), ``MODPRE`` ("early",
"the end of", group ``mod``) and the like; the rule table (``rules.RULES``) writes
each expression with them.
"""

from __future__ import annotations

import re

from dossier.resolve.dates.tables import (
    MONTH_ABBRS,
    MONTH_NAMES,
    NUMBER_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
)

# The same, as a regular expression's alternatives: "(?P<n>\d{1,3}|" + COUNT + ")".
COUNT = "|".join(NUMBER_WORDS)


def _alts(words: tuple[str, ...] | list[str]) -> str:
    forms = {f for w in words for f in (w, w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


FULL = _alts(MONTH_NAMES)


ABBR = _alts(MONTH_ABBRS)


WD = _alts(WEEKDAYS)


MON = rf"(?P<mon>(?:{FULL})(?![A-Za-z])|(?:{ABBR})(?![A-Za-z])\.?)"


MON_FULL = rf"(?P<mon>(?:{FULL})(?![A-Za-z]))"


DAY_N = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?(?![A-Za-z\d]|[.:/]\d)"


DAY = rf"(?P<day>{DAY_N})"


RANGE = rf"(?:\s*(?P<conn>-|–|—|to|through|and)\s*(?P<day2>{DAY_N}))?"


YEAR = r"(?P<year>[12]\d{3})(?![\w%]|[.,]\d)"


WD_OPT = rf"(?:(?P<wd>{WD})\.?,?\s+(?:the\s+)?)?"


MODPRE = (
    r"(?:(?P<mod>(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of))"
    r"(?:\s*-\s*|\s+))?"
)


REL = r"(?P<rel>(?i:this\s+past|this\s+coming|last|this|next))"


SEASON_RE = r"(?P<s>(?i:spring|summer|autumn|fall|winter))"


# What a period's results are reported as: "fourth-quarter earnings", "last year's loss".
RESULTS = "earnings|profit|results|loss|income|sales|revenue"


IN_UNITS = re.compile(
    rf"(?i:\bin\s+(?P<n>\d{{1,3}}|{COUNT})\s+(?P<u>day|week|month|year|decade)s?(?![\w-])"
    r"(?!\s+or\b))"
)


# The start of a sentence, for a date that opens it ("On Friday, ...", "In May, ...").
OPENING = r"(?:^|[.!?\n][\"'”’)]*\s+)"


_UNITS_RE = "|".join(UNIT_WORDS)


_TEENS_RE = "|".join(TEEN_WORDS)


_TENS_RE = "|".join(TENS_WORDS)


_UNDER_100 = rf"(?:(?:{_TENS_RE})(?:[\s-]+(?:{_UNITS_RE}))?|{_TEENS_RE})"


# nineteen ninety-six, nineteen oh five, two thousand (and) one
SPELLED_YEAR = (
    rf"(?P<sy>(?P<hi>eighteen|nineteen|twenty)[\s-]+(?P<lo>{_UNDER_100}|(?:oh|o)[\s-]+(?:{_UNITS_RE})"
    rf"|hundred)|(?P<k>two[\s-]+thousand)(?:(?:\s+and)?[\s-]+(?P<klo>{_UNDER_100}|{_UNITS_RE}))?)"
)
