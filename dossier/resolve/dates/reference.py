"""The year (and day, when written in full) of a text without a publication date:
``infer_reference``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.models import DateValue
from dossier.resolve.dates.cues import looks_future, prev_word, sentence_before, sentence_end
from dossier.resolve.dates.find import scan
from dossier.resolve.dates.found import Context
from dossier.resolve.dates.tables import SPECIFIC, TARGET_WORDS


@dataclass(frozen=True)
class Reference:
    """The date inferred from a text without a publication date."""

    date: dt.date | None  # a full date written in the text (used as anchor), else None
    year: int  # the inferred year
    text: str  # the expression it was inferred from ("June 2024")
    offsets: tuple[int, int]
    rule: str  # short human-readable reason: "latest explicit year in text", ...


# the time of writing named in the sentence: a year in it is a time gone by ("in 2019 ...
# now"), not the year of writing
_NOW_WORDS = re.compile(
    r"\b(?:now|nowadays|currently|today|at\s+present|these\s+days|so\s+far|to\s+date|"
    r"this\s+(?:year|month|week)|so\s+far\s+this\s+year)\b",
    re.IGNORECASE,
)

# a date after these is a point the sentence measures from or against, in its past
_PAST_OF_SENTENCE = re.compile(
    r"\b(?:since|than(?:\s+(?:in|on|at))?|compared\s+(?:with|to)|up\s+from|down\s+from)\s+"
    r"(?:(?:early|mid|late|the\s+(?:end|start|middle|beginning)\s+of)[\s-]+)?$",
    re.IGNORECASE,
)

# a deadline or term ahead: "debentures due March 1, 2011", "the year ending June 30, 1990",
# "until the restriction expires on Dec. 31, 1990"
_AHEAD_BEFORE = re.compile(
    r"\b(?:due|ending|expiring|maturing|(?:expires?|matures?|runs?\s+out|ends?)\s+(?:on|in))\s+$",
    re.IGNORECASE,
)

_NEXT_WORDS = re.compile(r"\b(?:next|the\s+coming)\s+(?:year|month|season)\b", re.IGNORECASE)

_FUTURE_AFTER = re.compile(
    r"^[\s,]*(?:will|is\s+(?:set|due|expected|likely)\s+to|could|may)\b", re.IGNORECASE
)


def _year_source_problem(text: str, value: DateValue, kind: str) -> str | None:
    """Why a written date cannot give the year of writing, or None when it can.

    The year of writing is never taken from a date the sentence puts ahead ("by
    2007", "until June 2006", "will open in 2030", "2008 will see", a sentence
    about "next year"), nor from one it puts behind the time of writing or behind
    a point it measures from ("since 2019", "higher than in 2022", "in 2019 ...
    now").  (The present perfect is no such sign: "prices have broken records in
    2004" is said in 2004.)

    >>> from dossier.resolve.dates import find_dates
    >>> text = "Paid leave would be increased to nine months by 2007, she said."
    >>> _year_source_problem(text, find_dates(text, None)[0], "target-year")
    'a target ("by 2007")'
    >>> text = "Prices have fallen since mid-2022."
    >>> _year_source_problem(text, find_dates(text, None)[0], "year")
    'a point in the past ("since mid-2022")'
    >>> text = "Sales fell in 2004."
    >>> print(_year_source_problem(text, find_dates(text, None)[0], "year"))
    None
    """
    start, end = value.offsets or (0, 0)
    quoted = f'"{prev_word(text, start)} {value.text}"'
    if kind == "target-year" or prev_word(text, start) in TARGET_WORDS:
        return f"a target ({quoted})"
    if _AHEAD_BEFORE.search(text, max(0, start - 30), start):
        return f"a term ahead ({quoted})"
    sentence = sentence_before(text, start, most=300) + text[start : sentence_end(text, end)]
    if (
        looks_future(text, start)
        or _FUTURE_AFTER.match(text, end)
        or _NEXT_WORDS.search(sentence)
    ):
        return f"in the future ({quoted})"
    if _PAST_OF_SENTENCE.search(text, max(0, start - 40), start):
        return f"a point in the past ({quoted})"
    now = _NOW_WORDS.search(sentence)
    if now is not None:
        return f'before "{now.group()}" in its sentence ({quoted})'
    return None


def infer_reference(text: str) -> Reference | None:
    """The year (and day, when written in full) of a text without a publication date.

    Prefers the latest full date with a year ("10 December 2024"); else the
    latest month, season or quarter with a year ("June 2024"); else the latest
    year written in a date context ("in 2023"); bare years in weaker contexts
    ("the 2024 elections") count only when there is nothing else.  A date the
    text puts in the future ("by 2030", "will open in 2030") or in the past of
    the time of writing or of another date in its sentence ("since 2019", "in
    2019 ... now") never gives the year (``_year_source_problem``).  None when no
    year can be taken.

    >>> r = infer_reference("Talks on 4 December 2024 followed a deal in 2023.")
    >>> (r.date, r.year, r.text, r.rule)
    (datetime.date(2024, 12, 4), 2024, '4 December 2024', 'latest full date in text')
    >>> infer_reference("Signed on December 4.") is None
    True
    >>> print(infer_reference("Leave will rise to nine months by 2007, she said."))
    None
    """
    found = [
        (f.value, f.kind)
        for f in scan(Context(text, None, None))
        if f.value is not None
        and f.kind in SPECIFIC
        and _year_source_problem(text, f.value, f.kind) is None
    ]
    if not found:
        return None
    pool = (
        [(v, k) for v, k in found if k == "full"]
        or [(v, k) for v, k in found if k in ("month", "year")]
        or found
    )

    def key(item: tuple[DateValue, str]) -> tuple[int, int, str, int]:
        v, k = item
        return (int(v.value[:4]), SPECIFIC[k], v.end or "", (v.offsets or (0, 0))[0])

    value, kind = max(pool, key=key)
    rule = {"full": "latest full date in text", "month": "latest month and year in text"}.get(
        kind, "latest explicit year in text"
    )
    offsets = value.offsets or (0, 0)
    day = dt.date.fromisoformat(value.start or "") if kind == "full" else None
    return Reference(day, int(value.value[:4]), value.text, offsets, rule)
