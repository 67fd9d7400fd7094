"""``dateparser`` as a guarded fallback of ``resolve_date``, for phrasings the rules do
not know ("a fortnight ago").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from dossier.models import DateValue
from dossier.resolve.dates.normalise import (
    Period,
    day_period,
    month_period,
    week_period,
    year_period,
)
from dossier.resolve.dates.tables import MONTH_NAMES, WEEKDAYS

_LEADING = re.compile(
    r"^\W*(?:(?:on|in|at|from|since|by|until|till|through|during|of|as\s+of|"
    r"beginning|starting|effective|dated)\s+)+",
    re.IGNORECASE,
)

# the fallback only sees expressions with one of these ("may" is not a month)
_FALLBACK_WORDS = re.compile(
    r"\b(?:(?i:ago|yesterday|today|tomorrow|fortnight|last|next)|"
    + "|".join(MONTH_NAMES + WEEKDAYS)
    + r")\b"
)

# "12/04", "10:30": not for dateparser to guess
_NUMERIC_DATE = re.compile(r"\d\s*[/:]\s*\d")
_DURATION_OR_SET = re.compile(r"\b(?:for|within|over|past|coming|every|each)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _parser(reference: dt.date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(reference.year, reference.month, reference.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def dateparser_fallback(expr: str, reference: dt.date) -> DateValue | None:
    core = _LEADING.sub("", expr).strip()
    if not core or not _FALLBACK_WORDS.search(core) or _NUMERIC_DATE.search(core):
        return None
    if _DURATION_OR_SET.search(core):
        return None  # durations and sets
    try:
        data = _parser(reference).get_date_data(core)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    p: Period
    if period == "week":
        p = week_period(day)
    elif period == "month":
        p = month_period(day.year, day.month)
    elif period == "year":
        p = year_period(day.year)
    else:
        p = day_period(day)
    return DateValue(expr, p.value, p.granularity, p.start.isoformat(), p.end.isoformat())
