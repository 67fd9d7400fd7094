"""The filters of an event query, read and checked once for the command line and the API.

``dossier events``/``export``/``stats``/``actors`` and ``GET /api/events``,
``/api/export`` and ``/api/actors`` take the same filters; this module turns
their raw values into an ``EventQuery`` or raises ``QueryError`` with one
message, which the API answers as 422 ``{"detail": message}`` and the command
line prints before exiting with status 2.

>>> query = event_query(type="aid", since="2024-10", until="2024", factuality="Planned")
>>> (query.type, query.since, query.until, query.factuality)
('AID', '2024-10', '2024', 'planned')
>>> event_query(bbox="30,45,40,55.5").bbox
(30.0, 45.0, 40.0, 55.5)
>>> for bad in ({"type": "FOO"}, {"since": "yesterday"}, {"until": "2005-13"},
...             {"bbox": "1,2,3"}, {"min_sources": 0, "fused": True}):
...     try:
...         event_query(**bad)
...     except QueryError as error:
...         print(error)  # doctest: +ELLIPSIS
type: unknown event type 'FOO'; expected one of AGREE, CONSULT, SUPPORT, ..., ASSAULT
since: not a date: 'yesterday'; expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-10
until: no such date: '2005-13' (month 13)
bbox: expected four numbers min_lon,min_lat,max_lon,max_lat (got '1,2,3')
min_sources: must be a whole number from 1 to 1000000 (got 0)
>>> page(2, 50)
(50, 50)
"""

from __future__ import annotations

import calendar
import math
import re

from dossier.models import EVENT_TYPES, FACTUALITY_VALUES
from dossier.store import EventQuery

__all__ = [
    "MAX_ACTORS",
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "MAX_SOURCES",
    "POLITICAL_CHOICES",
    "QueryError",
    "bounded",
    "date_bound",
    "event_query",
    "page",
    "political_choice",
]

MAX_PER_PAGE = 500
MAX_PAGE = 1_000_000
MAX_SOURCES = 1_000_000
MAX_ACTORS = 10_000
MAX_ACTOR_LENGTH = 200
MAX_TEXT_LENGTH = 500
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-10"
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class QueryError(ValueError):
    """A filter value that cannot be used: ``field`` and what is wrong with it.

    >>> error = QueryError("limit", "must be 1 or more (got -1)")
    >>> (error.field, str(error))
    ('limit', 'limit: must be 1 or more (got -1)')
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _choice(field: str, value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    """``value`` as written in ``choices`` (compared without case), or None when not given."""
    if value is None or not value.strip():
        return None
    found = {choice.lower(): choice for choice in choices}.get(value.strip().lower())
    if found is None:
        raise QueryError(field, f"unknown {what} {value!r}; expected one of {', '.join(choices)}")
    return found


def date_bound(field: str, value: str | None) -> str | None:
    """A date filter: YYYY, YYYY-MM or YYYY-MM-DD that names a real year, month or day.

    >>> date_bound("since", "2024-02-29"), date_bound("until", None)
    ('2024-02-29', None)
    >>> try:
    ...     date_bound("since", "2023-02-29")
    ... except QueryError as error:
    ...     print(error)
    since: no such date: '2023-02-29' (February 2023 has 28 days)
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    match = _DATE.fullmatch(text)
    if match is None:
        raise QueryError(field, f"not a date: {value!r}; expected {DATE_FORMS}")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise QueryError(field, f"no such date: {value!r} (month {month})")
    if day is not None and month is not None:
        days = calendar.monthrange(year or 1, month)[1]
        if not 1 <= day <= days:
            name = calendar.month_name[month]
            raise QueryError(field, f"no such date: {value!r} ({name} {year} has {days} days)")
    return text


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    shape = "min_lon,min_lat,max_lon,max_lat"
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise QueryError("bbox", f"expected four numbers {shape} (got {value!r})")
    lon1, lat1, lon2, lat2 = numbers
    if not (-180 <= lon1 <= lon2 <= 180 and -90 <= lat1 <= lat2 <= 90):
        raise QueryError(
            "bbox", f"give {shape} with min <= max, within -180..180 and -90..90 (got {value!r})"
        )
    return lon1, lat1, lon2, lat2


def bounded(field: str, value: int | None, maximum: int | None = None) -> int | None:
    """A count from 1 to ``maximum`` (a limit, page, page size), or None when not given.

    >>> bounded("per_page", 50, 500)
    50
    >>> try:
    ...     bounded("limit", -1, 10_000)
    ... except QueryError as error:
    ...     print(error)
    limit: must be a whole number from 1 to 10000 (got -1)
    """
    if value is None:
        return None
    whole = isinstance(value, int) and not isinstance(value, bool)
    if not whole or value < 1 or (maximum is not None and value > maximum):
        allowed = f"from 1 to {maximum}" if maximum is not None else "1 or more"
        raise QueryError(field, f"must be a whole number {allowed} (got {value!r})")
    return value


def _text(field: str, value: str | None, max_length: int) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > max_length:
        raise QueryError(field, f"at most {max_length} characters (got {len(value)})")
    return value.strip()


def page(number: int | None, per_page: int | None) -> tuple[int, int]:
    """(limit, offset) of page ``number`` (from 1) of ``per_page`` events (default 50)."""
    number = bounded("page", number, MAX_PAGE) or 1
    size = bounded("per_page", per_page, MAX_PER_PAGE) or 50
    return size, (number - 1) * size


POLITICAL_CHOICES = ("yes", "no", "any")


def political_choice(value: str | bool | None) -> bool | None:
    """The ``political`` filter: "yes" (the default) the events with a political actor
    or none named, "no" the others, "any" all of them.

    >>> [political_choice(v) for v in (None, "no", "ANY", False)]
    [True, False, None, False]
    >>> try:
    ...     political_choice("maybe")
    ... except QueryError as error:
    ...     print(error)
    political: unknown choice 'maybe'; expected one of yes, no, any
    """
    if value is None or isinstance(value, bool):
        return True if value is None else value
    chosen = _choice("political", value, POLITICAL_CHOICES, "choice") or "yes"
    return {"yes": True, "no": False, "any": None}[chosen]


def event_query(
    *,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002 - the filter's name in the API
    factuality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    bbox: str | None = None,
    q: str | None = None,
    fused: bool = False,
    min_sources: int | None = None,
    contradicted: bool = False,
    id: str | None = None,  # noqa: A002
    limit: int | None = None,
    political: str | bool | None = None,
) -> EventQuery:
    """The ``EventQuery`` of these filters, as given on the command line or in the API.

    Raises ``QueryError`` for the first value that cannot be used.
    """
    first, last = date_bound("since", since), date_bound("until", until)
    if first and last and first > last + "~":  # "~" sorts after any day of ``until``
        raise QueryError("since", f"{first} is after until {last}")
    if (min_sources is not None or contradicted) and not fused:
        raise QueryError(
            "fused",
            "min_sources and contradicted apply to fused=true (on the command line: add --fused)",
        )
    chosen = political_choice(political)
    if fused and chosen is False:
        raise QueryError("political", "fused events are all political; 'no' applies to events")
    return EventQuery(
        actor=_text("actor", actor, MAX_ACTOR_LENGTH),
        type=_choice("type", type, EVENT_TYPES, "event type"),
        factuality=_choice("factuality", factuality, FACTUALITY_VALUES, "factuality"),
        since=first,
        until=last,
        bbox=_bbox(bbox),
        text=_text("q", q, MAX_TEXT_LENGTH),
        min_sources=bounded("min_sources", min_sources, MAX_SOURCES),
        contradicted=contradicted,
        id=_text("id", id, MAX_ACTOR_LENGTH),
        limit=bounded("limit", limit),
        political=chosen,
    )
