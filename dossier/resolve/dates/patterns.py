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

# --- the expressions, one per rule (``rules.RULES`` pairs each with its reader) ---
# 2024-12-04
ISO_DAY = r"(?<![\d-])(?P<year>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"

# (Tuesday,) December 10(-12)(, 2024)
MONTH_DAY = rf"\b{WD_OPT}{MON}\s*{DAY}{RANGE}(?:(?:,\s*|\s+)(?:of\s+)?{YEAR})?"

# the week of March 6(, 2000)
WEEK_OF = rf"\b(?i:the\s+week\s+of)\s+{MON}\s*{DAY}(?:,?\s+{YEAR})?"

# (Tuesday,) 10(-12) (of) December( 2024)
DAY_MONTH = rf"\b{WD_OPT}(?<![\w$£€.,/-]){DAY}{RANGE}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?"

# June last year, (early) February this year
MONTH_REL_YEAR = rf"\b{MODPRE}{MON},?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b"

# (early) June( of) 2024
MONTH_YEAR = rf"\b{MODPRE}{MON}(?:,\s*|\s+of\s+|\s+){YEAR}"

# October, early October, last October
BARE_MONTH = rf"\b(?:{REL}\s+|{MODPRE}){MON_FULL}"

# (the) summer (of) 2024
SEASON_YEAR = rf"\b{MODPRE}(?:(?i:the)\s+)?{SEASON_RE}(?:\s+of)?\s+{YEAR}"

# last summer, early this spring
SEASON_REL = rf"\b(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?{REL}\s+{SEASON_RE}\b"

# in the summer, during (the) winter
SEASON_PREP = (
    r"(?i:\b(?:in|during|since|until|till|by|through|throughout|over|for|into|of|from)\s+"
    r"(?P<body>(?P<the>the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
    r"(?P<s>spring|summer|autumn|fall|winter))\b)"
)

# the third quarter (of 2024), third-quarter
QUARTER = (
    r"(?i:\b(?:the\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    r"[\s-]+quarter\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>[12]\d{3})\b|"
    r"(?P<yrel>this|last|next)\s+year\b|the\s+year\b))?)"
)

# the 1988 second quarter, the year-ago third quarter
YEAR_QUARTER = (
    r"(?i:\b(?:the\s+)?(?:(?P<year>[12]\d{3})(?:['’]s)?|year[\s-]+(?:ago|earlier)|"
    r"(?P<yrel>last|this|next)\s+year['’]s)\s+(?:fiscal\s+)?"
    r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter\b)"
)

# Q3 (2024)
Q_QUARTER = r"\bQ(?P<q>[1-4])(?:\s+(?P<year>[12]\d{3}))?(?![\w-])"

# the first half of 2024, the last two quarters of 1990
HALF = (
    r"(?i:\b(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+(?:half|two\s+quarters)\s+of\s+"
    r"(?:(?P<year>[12]\d{3})\b|(?P<yrel>this|last|next)\s+year\b|the\s+year\b))"
)

# H1 2024
H_HALF = r"\bH(?P<h>[12])\s+(?P<year>[12]\d{3})\b"

# mid-2023, late 2022, the end of 1990
YEAR_MOD = (
    r"\b(?P<mod>(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of))"
    r"(?:\s*-\s*|\s+)(?:(?i:the\s+year)\s+)?(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,]\d)"
)

# the (early) 1990s, the '90s
DECADE = r"(?:\b(?P<cent>1[0-9]|20)(?P<dd>\d)0|['’](?P<d2>\d)0)['’]?s(?!\w)"

# the nineties, the early nineteen-sixties
DECADE_WORD = (
    r"(?i:\bthe\s+(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?(?:nineteen[\s-]+)?"
    r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
)

# the 20th century
CENTURY = (
    r"(?i:\b(?:the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
    r"(?P<n>1[1-9]th|20th|21st|22nd|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)"
    r"[\s-]+century\b)"
)

# 2024
BARE_YEAR = (
    r"(?:(?<![\w$£€¥#@/.,:'’-])|(?<=\b(?i:pre)-)|(?<=\b(?i:post)-))"
    r"(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,:/]\d)"
)

# yesterday (morning), today, the day before yesterday, last night, overnight
REL_DAY = (
    r"(?i:\b(?:(?P<pre>the\s+day\s+(?:before|after)\s+)?(?P<w>yesterday|today|tomorrow|"
    r"tonight|overnight)(?:\s+(?P<part>morning|afternoon|evening|night))?"
    r"|(?P<w3>this|last)\s+(?P<part3>morning|afternoon|evening|night))\b)"
)

# last week, earlier this year, next month
REL_UNIT = (
    r"(?i:\b(?:(?P<mod>early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle)"
    r"\s+of)(?:\s*-\s*|\s+)(?:in\s+)?)?"
    r"(?P<rel>this\s+past|this\s+coming|the\s+(?:past|last)|last|this|next|(?:the\s+)?current"
    r"|(?<=of\s)the)\s+(?P<u>weekend|week|month|quarter|year)(?![\w-]))"
)

# over the weekend
THE_WEEKEND = r"(?i:\b(?:over|during|at|on|through)\s+(?P<body>the\s+weekend)\b)"

# three days ago, a decade ago
UNITS_AGO = rf"(?i:\b(?P<n>\d{{1,3}}|{COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+ago\b)"

# four years from now, a week from today
UNITS_FROM_NOW = (
    rf"(?i:\b(?P<n>\d{{1,3}}|{COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+"
    r"(?P<fwd>from\s+(?:now|today))\b)"
)

# a few years from now
VAGUE_FROM_NOW = (
    r"(?i:\b(?:several|a\s+few|a\s+couple\s+of|many|some)\s+"
    r"(?:days|weeks|months|years|decades)\s+(?P<fwd>from\s+(?:now|today))\b)"
)

# several years ago, a few days ago
VAGUE_AGO = (
    r"(?i:\b(?:several|a\s+few|a\s+couple\s+of|many|some)\s+"
    r"(?:days|weeks|months|years|decades)\s+ago\b)"
)

# (on|last|next) Monday (morning)
WEEKDAY = (
    rf"\b(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|on))\s+)?"
    rf"(?P<wd>{WD})(?![A-Za-z])(?:\s+(?i:morning|afternoon|evening|night)\b)?"
)

# the day before last Tuesday, the day after Monday
DAY_NEXT_TO_WEEKDAY = (
    rf"\b(?i:(?:the\s+)?day\s+(?P<dir>before|after)\s+)"
    rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<wd>{WD})(?![A-Za-z])"
)

# (at) 4 in the morning, 9 o'clock in the evening
HOUR_IN_PART = (
    r"(?i:\b(?P<h>1[0-2]|[1-9])(?::(?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+in\s+the\s+"
    r"(?P<part>morning|afternoon|evening)\b)"
)

# the previous Friday, the following Monday
WEEKDAY_NEXT_TO_FOCUS = (
    rf"\b(?i:the\s+(?P<dir>previous|preceding|following))\s+(?P<wd>{WD})(?![A-Za-z])"
)

# mid-afternoon yesterday, by mid-morning
PART_OF_DAY = (
    r"(?i:\b(?:(?P<mod>early|late|mid)[\s-]?)(?P<part>morning|afternoon|evening)"
    r"(?:\s+(?P<w>yesterday|today|tomorrow)\b|(?<=afternoon)\b|(?<=morning)\b))"
)

# 10 p.m. Wednesday, 5 p.m. EST Nov. 9, noon Thursday, 7:15 p.m.
CLOCK_TIME = (
    rf"(?:\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.m\b\.?|[ap]m\b))"
    rf"|\b(?P<named>(?i:noon|midnight|midday))\b)"
    rf"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|(?i:local\s+time))\b)?"
    rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WD})\b|(?P<w>(?i:yesterday|today|tomorrow))\b"
    rf"|{MON}\s*{DAY}|(?P<dm>{DAY_N})\s+(?:of\s+)?(?P<dmon>{FULL}|{ABBR}\.?)(?![A-Za-z])))?"
)

# Christmas Day, New Year's Eve, Easter 2024, Thanksgiving week
HOLIDAY = (
    r"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?P<h>Christmas\s+(?:Day|Eve)|"
    r"New\s+Year['’]s(?:\s+(?:Day|Eve))?|Boxing\s+Day|Easter(?:\s+(?:Sunday|Monday))?|"
    r"Good\s+Friday|Thanksgiving(?:\s+Day)?|Halloween|Valentine['’]s\s+Day|Christmas|"
    r"Election\s+Day)"
    r"(?![\w'’])(?P<wk>\s+(?i:week)(?![\w'’-]))?(?:,?\s+(?P<year>[12]\d{3})(?![\w%]))?"
)

# nineteen ninety-six, January nineteen ninety-seven, the year two thousand
SPELLED = (
    rf"(?i:\b(?:(?P<mon>{FULL})\s+(?:of\s+)?|the\s+(?P<s>spring|summer|autumn|fall|winter)"
    rf"\s+of\s+|(?P<yr>the\s+year\s+))?{SPELLED_YEAR}(?![\w-]))"
)

# the current year, the full year, for the year, by year-end
THE_YEAR = (
    r"\b(?:(?i:the\s+(?:current\s+|full\s+|whole\s+|entire\s+)?"
    r"(?:fiscal\s+|financial\s+|tax\s+|calendar\s+)?)"
    r"year(?![\w-])(?!\s+(?i:ago|earlier|later|before|after|of|to|ended|ending)\b)"
    r"|(?P<end>(?i:year[\s-]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+year))\b)"
)

# now, currently, recently, in the past, in recent years, the future
VAGUE = (
    r"(?i:\b(?:(?P<now>(?:right\s+)?now|currently|nowadays|these\s+days|at\s+present"
    r"|at\s+the\s+moment|(?<=at\s)this\s+(?:(?:crucial|critical|difficult|present|very)\s+)?moment"
    r"|current(?!\s+(?:(?:fiscal|financial|tax)\s+year|fiscal|year|quarter|month|week|period"
    r"|account|assets|liabilities|budget|expenditure|spending|ratio)\b))"
    r"|(?P<past>(?:more\s+|until\s+|only\s+)?recently"
    r"|(?:recent|past)\s+(?:years|decades)|the\s+past)"
    r"|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|a\s+later\s+date"
    r"|(?<!as\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)"
    r"|(?P<someday>one\s+day|some\s*day)))(?![\w-]))"
)

# two years later, a day earlier
UNITS_LATER = (
    rf"(?i:\b(?P<n>\d{{1,2}}|{COUNT})\s+(?P<u>day|week|month|quarter|year)s?\s+"
    r"(?P<dir>earlier|later|before|after)"
    r"(?![\w-]))"
)

# that year, the following day, the same month, later that night, the day before
THAT_UNIT = (
    r"(?i:\b(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?"
    r"(?P<det>the\s+(?:following|next|previous|preceding|prior|same|very\s+same)|that"
    r"(?:\s+same)?|(?<=in\s)the)\s+"
    r"(?P<u>day|week|weekend|month|quarter|year|morning|afternoon|evening|night)(?![\w-])"
    r"|\bthe\s+(?P<u2>day|week|month|year)\s+(?P<after>before|after)(?=\s*(?:[,.;:!?)]|$)))"
)

# the quarter, the latest period, the year-ago quarter, the 1988 period, last year's quarter
THE_QUARTER = (
    r"(?i:\b(?:the|that|(?P<ly>last\s+year['’]s))\s+(?P<adj>(?:(?:latest|most\s+recent|recent|just[\s-]ended|same|"
    r"comparable|corresponding|year[\s-]ago|year[\s-]earlier|prior[\s-]year|"
    r"previous[\s-]year|(?:1[89]|20)\d\d|fiscal)\s+)*)(?P<u>quarter|period)(?![\w-])"
    r"(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|"
    r"of\s+the\s+(?:previous|prior)\s+year))?)"
)

# year-ago results, year-earlier profit
YEAR_AGO = r"(?<![\w-])(?i:year-(?:ago|earlier))(?![\w-])"

# blockers: "12/04/2024", "10:30", "2,000", "$2024", "3.2024" ("MiG-29", "Su-27": no rule
# reads digits right after a hyphen)
BLOCKED = r"\d+(?:[/:]\d+)+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[$£€¥#]\s?\d[\d,.]*|\d+\.\d+"
