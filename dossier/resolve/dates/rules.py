"""Find, the rule table: each date expression's pattern, the reader that turns its match
into a ``Found``, and the anchor group that says near which words it can match.

A new kind of expression is a new row of ``RULES`` (in priority order: it breaks
ties between overlapping matches of equal length) with its reader, and its anchor
words in ``ANCHORS``.
"""

from __future__ import annotations

import re

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
from dossier.resolve.dates.patterns import (
    ABBR,
    COUNT,
    DAY,
    DAY_N,
    FULL,
    IN_UNITS,
    MODPRE,
    MON,
    MON_FULL,
    RANGE,
    REL,
    SEASON_RE,
    SPELLED_YEAR,
    WD,
    WD_OPT,
    YEAR,
)
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

(_MONTH, DIGIT, _SEASON, _QUARTER, _UNIT, _RELDAY, _WEEKDAY, _HOLIDAY, _ERA, _VAGUE,
 _ANAPH, CLOCK, _SPELLED, _FROM, _AHEAD) = (1 << i for i in range(15))  # fmt: skip


GROUPS = (
    _MONTH, DIGIT, _SEASON, _QUARTER, _UNIT, _RELDAY, _WEEKDAY, _HOLIDAY, _ERA, _VAGUE, _ANAPH,
    CLOCK, _SPELLED, _FROM, _AHEAD,
)  # fmt: skip


CASED_ANCHORS = {
    **{f: _MONTH for w in MONTH_NAMES + MONTH_ABBRS for f in (w, w.upper())},
    **{f: _WEEKDAY for w in WEEKDAYS for f in (w, w.upper())},
}


ANCHORS = {
    **dict.fromkeys(SEASON_CODE, _SEASON),
    **dict.fromkeys(("half", "quarters", "q1", "q2", "q3", "q4", "h1", "h2"), _QUARTER),
    **dict.fromkeys(("week", "weekend", "month", "ago"), _UNIT),
    **dict.fromkeys(("yesterday", "tomorrow", "tonight", "morning", "afternoon"), _RELDAY),
    "today": _RELDAY | _FROM,  # "a week from today"
    **dict.fromkeys(("evening", "night"), _RELDAY),
    **dict.fromkeys(("christmas", "easter", "thanksgiving", "halloween", "boxing"), _HOLIDAY),
    **dict.fromkeys(("valentine", "friday", "election"), _HOLIDAY),
    "year": _UNIT | _HOLIDAY,
    "quarter": _QUARTER | _UNIT,
    **dict.fromkeys(DECADE_WORDS, _ERA),
    "century": _ERA,
    **dict.fromkeys(("currently", "current", "nowadays", "present", "moment"), _VAGUE),
    "now": _VAGUE | _FROM,  # "four years from now"
    **dict.fromkeys(("recently", "recent", "past", "future", "soon", "days"), _VAGUE),
    **dict.fromkeys(("day", "someday"), _VAGUE),
}


for _word in (
    "earlier later day period morning afternoon evening night week weekend month quarter year"
).split():
    ANCHORS[_word] = ANCHORS.get(_word, 0) | _ANAPH


ANCHORS["date"] = _VAGUE  # "at a later date"


for _word in "day days week weeks month months year years decade decades".split():
    ANCHORS[_word] = ANCHORS.get(_word, 0) | _AHEAD  # "in five years"


for _word in ("eighteen", "nineteen", "twenty", "thousand"):
    ANCHORS[_word] = ANCHORS.get(_word, 0) | _SPELLED


for _word in ("noon", "midnight", "midday"):
    ANCHORS[_word] = ANCHORS.get(_word, 0) | CLOCK


def _block(m: re.Match[str], ctx: Context) -> Found | None:
    """Designations, times, amounts: they occupy their span so no date is read inside."""
    return Found(m.start(), m.end(), kind="block")



_Rule = tuple[re.Pattern[str], Reader, int]


def _rule(pattern: str, reader: Reader, group: int) -> _Rule:
    return re.compile(pattern), reader, group


# In priority order (it breaks ties between overlapping matches of equal length).
RULES: list[_Rule] = [
    # 2024-12-04
    _rule(
        r"(?<![\d-])(?P<year>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
        iso,
        DIGIT,
    ),
    # (Tuesday,) December 10(-12)(, 2024)
    _rule(
        rf"\b{WD_OPT}{MON}\s*{DAY}{RANGE}(?:(?:,\s*|\s+)(?:of\s+)?{YEAR})?",
        calendar_day,
        _MONTH,
    ),
    # the week of March 6(, 2000)
    _rule(rf"\b(?i:the\s+week\s+of)\s+{MON}\s*{DAY}(?:,?\s+{YEAR})?", week_of, _MONTH),
    # (Tuesday,) 10(-12) (of) December( 2024)
    _rule(
        rf"\b{WD_OPT}(?<![\w$£€.,/-]){DAY}{RANGE}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?",
        calendar_day,
        _MONTH,
    ),
    # June last year, (early) February this year
    _rule(
        rf"\b{MODPRE}{MON},?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b",
        month_rel_year,
        _MONTH,
    ),
    # (early) June( of) 2024
    _rule(rf"\b{MODPRE}{MON}(?:,\s*|\s+of\s+|\s+){YEAR}", month_year, _MONTH),
    # October, early October, last October
    _rule(rf"\b(?:{REL}\s+|{MODPRE}){MON_FULL}", bare_month, _MONTH),
    # (the) summer (of) 2024
    _rule(rf"\b{MODPRE}(?:(?i:the)\s+)?{SEASON_RE}(?:\s+of)?\s+{YEAR}", season_year, _SEASON),
    # last summer, early this spring
    _rule(
        rf"\b(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?{REL}\s+{SEASON_RE}\b",
        season_rel,
        _SEASON,
    ),
    # in the summer, during (the) winter
    _rule(
        r"(?i:\b(?:in|during|since|until|till|by|through|throughout|over|for|into|of|from)\s+"
        r"(?P<body>(?P<the>the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
        r"(?P<s>spring|summer|autumn|fall|winter))\b)",
        season_prep,
        _SEASON,
    ),
    # the third quarter (of 2024), third-quarter
    _rule(
        r"(?i:\b(?:the\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"
        r"[\s-]+quarter\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>[12]\d{3})\b|"
        r"(?P<yrel>this|last|next)\s+year\b|the\s+year\b))?)",
        quarter_rule,
        _QUARTER,
    ),
    # the 1988 second quarter, the year-ago third quarter
    _rule(
        r"(?i:\b(?:the\s+)?(?:(?P<year>[12]\d{3})(?:['’]s)?|year[\s-]+(?:ago|earlier)|"
        r"(?P<yrel>last|this|next)\s+year['’]s)\s+(?:fiscal\s+)?"
        r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter\b)",
        year_quarter,
        _QUARTER,
    ),
    # Q3 (2024)
    _rule(r"\bQ(?P<q>[1-4])(?:\s+(?P<year>[12]\d{3}))?(?![\w-])", q_rule, _QUARTER),
    # the first half of 2024, the last two quarters of 1990
    _rule(
        r"(?i:\b(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+(?:half|two\s+quarters)\s+of\s+"
        r"(?:(?P<year>[12]\d{3})\b|(?P<yrel>this|last|next)\s+year\b|the\s+year\b))",
        half_rule,
        _QUARTER,
    ),
    # H1 2024
    _rule(r"\bH(?P<h>[12])\s+(?P<year>[12]\d{3})\b", h_rule, _QUARTER),
    # mid-2023, late 2022, the end of 1990
    _rule(
        r"\b(?P<mod>(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of))"
        r"(?:\s*-\s*|\s+)(?:(?i:the\s+year)\s+)?(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,]\d)",
        year_mod,
        DIGIT,
    ),
    # the (early) 1990s, the '90s
    _rule(
        r"(?:\b(?P<cent>1[0-9]|20)(?P<dd>\d)0|['’](?P<d2>\d)0)['’]?s(?!\w)",
        decade_rule,
        DIGIT,
    ),
    # the nineties, the early nineteen-sixties
    _rule(
        r"(?i:\bthe\s+(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?(?:nineteen[\s-]+)?"
        r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
        decade_word,
        _ERA,
    ),
    # the 20th century
    _rule(
        r"(?i:\b(?:the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
        r"(?P<n>1[1-9]th|20th|21st|22nd|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
        r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)"
        r"[\s-]+century\b)",
        century_rule,
        _ERA,
    ),
    # 2024
    _rule(
        r"(?:(?<![\w$£€¥#@/.,:'’-])|(?<=\b(?i:pre)-)|(?<=\b(?i:post)-))"
        r"(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,:/]\d)",
        bare_year,
        DIGIT,
    ),
    # yesterday (morning), today, the day before yesterday, last night
    _rule(
        r"(?i:\b(?:(?P<pre>the\s+day\s+(?:before|after)\s+)?(?P<w>yesterday|today|tomorrow|"
        r"tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?"
        r"|(?P<w3>this|last)\s+(?P<part3>morning|afternoon|evening|night))\b)",
        rel_day,
        _RELDAY,
    ),
    # last week, earlier this year, next month
    _rule(
        r"(?i:\b(?:(?P<mod>early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle)"
        r"\s+of)(?:\s*-\s*|\s+)(?:in\s+)?)?"
        r"(?P<rel>this\s+past|this\s+coming|the\s+(?:past|last)|last|this|next|(?:the\s+)?current"
        r"|(?<=of\s)the)\s+(?P<u>weekend|week|month|quarter|year)(?![\w-]))",
        rel_unit,
        _UNIT,
    ),
    # over the weekend
    _rule(r"(?i:\b(?:over|during|at|on|through)\s+(?P<body>the\s+weekend)\b)", the_weekend, _UNIT),
    # three days ago, a decade ago
    _rule(
        rf"(?i:\b(?P<n>\d{{1,3}}|{COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+ago\b)",
        ago,
        _UNIT,
    ),
    # four years from now, a week from today
    _rule(
        rf"(?i:\b(?P<n>\d{{1,3}}|{COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+"
        r"(?P<fwd>from\s+(?:now|today))\b)",
        ago,
        _FROM,
    ),
    # (will be repaid) in five years
    _rule(IN_UNITS.pattern, in_units, _AHEAD),
    # a few years from now
    _rule(
        r"(?i:\b(?:several|a\s+few|a\s+couple\s+of|many|some)\s+"
        r"(?:days|weeks|months|years|decades)\s+(?P<fwd>from\s+(?:now|today))\b)",
        vague_ago,
        _FROM,
    ),
    # several years ago, a few days ago
    _rule(
        r"(?i:\b(?:several|a\s+few|a\s+couple\s+of|many|some)\s+"
        r"(?:days|weeks|months|years|decades)\s+ago\b)",
        vague_ago,
        _UNIT,
    ),
    # (on|last|next) Monday (morning)
    _rule(
        rf"\b(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|on))\s+)?"
        rf"(?P<wd>{WD})(?![A-Za-z])(?:\s+(?i:morning|afternoon|evening|night)\b)?",
        weekday_rule,
        _WEEKDAY,
    ),
    # the day before last Tuesday, the day after Monday
    _rule(
        rf"\b(?i:(?:the\s+)?day\s+(?P<dir>before|after)\s+)"
        rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<wd>{WD})(?![A-Za-z])",
        day_next_to_weekday,
        _WEEKDAY,
    ),
    # (at) 4 in the morning, 9 o'clock in the evening
    _rule(
        r"(?i:\b(?P<h>1[0-2]|[1-9])(?::(?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)\b)",
        hour_in_part,
        _RELDAY,
    ),
    # the previous Friday, the following Monday
    _rule(
        rf"\b(?i:the\s+(?P<dir>previous|preceding|following))\s+(?P<wd>{WD})(?![A-Za-z])",
        weekday_next_to_focus,
        _WEEKDAY,
    ),
    # mid-afternoon yesterday, by mid-morning
    _rule(
        r"(?i:\b(?:(?P<mod>early|late|mid)[\s-]?)(?P<part>morning|afternoon|evening)"
        r"(?:\s+(?P<w>yesterday|today|tomorrow)\b|(?<=afternoon)\b|(?<=morning)\b))",
        part_of_day,
        _RELDAY,
    ),
    # 10 p.m. Wednesday, 5 p.m. EST Nov. 9, noon Thursday, 7:15 p.m.
    _rule(
        rf"(?:\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.m\b\.?|[ap]m\b))"
        rf"|\b(?P<named>(?i:noon|midnight|midday))\b)"
        rf"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|(?i:local\s+time))\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WD})\b|(?P<w>(?i:yesterday|today|tomorrow))\b"
        rf"|{MON}\s*{DAY}|(?P<dm>{DAY_N})\s+(?:of\s+)?(?P<dmon>{FULL}|{ABBR}\.?)(?![A-Za-z])))?",
        clock,
        CLOCK,
    ),
    # Christmas Day, New Year's Eve, Easter 2024, Thanksgiving week
    _rule(
        r"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?P<h>Christmas\s+(?:Day|Eve)|"
        r"New\s+Year['’]s(?:\s+(?:Day|Eve))?|Boxing\s+Day|Easter(?:\s+(?:Sunday|Monday))?|"
        r"Good\s+Friday|Thanksgiving(?:\s+Day)?|Halloween|Valentine['’]s\s+Day|Christmas|"
        r"Election\s+Day)"
        r"(?![\w'’])(?P<wk>\s+(?i:week)(?![\w'’-]))?(?:,?\s+(?P<year>[12]\d{3})(?![\w%]))?",
        holiday,
        _HOLIDAY,
    ),
    # nineteen ninety-six, January nineteen ninety-seven, the year two thousand
    _rule(
        rf"(?i:\b(?:(?P<mon>{FULL})\s+(?:of\s+)?|the\s+(?P<s>spring|summer|autumn|fall|winter)"
        rf"\s+of\s+|(?P<yr>the\s+year\s+))?{SPELLED_YEAR}(?![\w-]))",
        spelled,
        _SPELLED,
    ),
    # the current year, the full year, for the year, by year-end
    _rule(
        r"\b(?:(?i:the\s+(?:current\s+|full\s+|whole\s+|entire\s+)?"
        r"(?:fiscal\s+|financial\s+|tax\s+|calendar\s+)?)"
        r"year(?![\w-])(?!\s+(?i:ago|earlier|later|before|after|of|to|ended|ending)\b)"
        r"|(?P<end>(?i:year[\s-]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+year))\b)",
        the_year,
        _ANAPH,
    ),
    # now, currently, recently, in the past, in recent years, the future
    _rule(
        r"(?i:\b(?:(?P<now>(?:right\s+)?now|currently|nowadays|these\s+days|at\s+present"
        r"|at\s+the\s+moment|(?<=at\s)this\s+(?:(?:crucial|critical|difficult|present|very)\s+)?moment"
        r"|current(?!\s+(?:(?:fiscal|financial|tax)\s+year|fiscal|year|quarter|month|week|period"
        r"|account|assets|liabilities|budget|expenditure|spending|ratio)\b))"
        r"|(?P<past>(?:more\s+|until\s+|only\s+)?recently"
        r"|(?:recent|past)\s+(?:years|decades)|the\s+past)"
        r"|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|a\s+later\s+date"
        r"|(?<!as\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)"
        r"|(?P<someday>one\s+day|some\s*day)))(?![\w-]))",
        vague,
        _VAGUE,
    ),
    # two years later, a day earlier
    _rule(
        rf"(?i:\b(?P<n>\d{{1,2}}|{COUNT})\s+(?P<u>day|week|month|quarter|year)s?\s+"
        r"(?P<dir>earlier|later|before|after)"
        r"(?![\w-]))",
        units_later,
        _ANAPH,
    ),
    # that year, the following day, the same month, later that night, the day before
    _rule(
        r"(?i:\b(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?"
        r"(?P<det>the\s+(?:following|next|previous|preceding|prior|same|very\s+same)|that"
        r"(?:\s+same)?|(?<=in\s)the)\s+"
        r"(?P<u>day|week|weekend|month|quarter|year|morning|afternoon|evening|night)(?![\w-])"
        r"|\bthe\s+(?P<u2>day|week|month|year)\s+(?P<after>before|after)(?=\s*(?:[,.;:!?)]|$)))",
        that_unit,
        _ANAPH,
    ),
    # the quarter, the latest period, the year-ago quarter, the 1988 period, last year's quarter
    _rule(
        r"(?i:\b(?:the|that|(?P<ly>last\s+year['’]s))\s+(?P<adj>(?:(?:latest|most\s+recent|recent|just[\s-]ended|same|"
        r"comparable|corresponding|year[\s-]ago|year[\s-]earlier|prior[\s-]year|"
        r"previous[\s-]year|(?:1[89]|20)\d\d|fiscal)\s+)*)(?P<u>quarter|period)(?![\w-])"
        r"(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|"
        r"of\s+the\s+(?:previous|prior)\s+year))?)",
        the_quarter,
        _ANAPH,
    ),
    # year-ago results, year-earlier profit
    _rule(r"(?<![\w-])(?i:year-(?:ago|earlier))(?![\w-])", year_ago_adjective, _ANAPH),
    # blockers: "12/04/2024", "10:30", "2,000", "$2024", "3.2024" ("MiG-29", "Su-27": no rule
    # reads digits right after a hyphen)
    _rule(
        r"\d+(?:[/:]\d+)+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[$£€¥#]\s?\d[\d,.]*|\d+\.\d+",
        _block,
        DIGIT,
    ),
]
