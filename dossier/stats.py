"""Counts of events for ``dossier stats``: by month and type, and by actor pair.

Both read event records (or fused event records) as ``Store.events`` and
``Store.fused_events`` give them, so the same filters choose what is counted.

The month of an event is the month of its date when the date lies within
one month; a date that spans more (a year, a quarter, "the last two months")
is counted under its own value (``2024``, ``2024-Q2``, ...), and an event
without a date under its article's publication month, as the ``--since`` and
``--until`` filters read it; ``undated`` when there is neither.

>>> records = [
...     {"type": "AID", "date": {"value": "2024-06-05", "start": "2024-06-05",
...      "end": "2024-06-05"}, "source": [{"code": "RUS", "text": "Russia"}],
...      "target": [{"code": "PRK", "text": "North Korea"}]},
...     {"type": "AID", "date": None, "document": {"published": "2024-06-20"},
...      "source": [{"code": "RUS", "text": "Moscow"}], "target": []},
...     {"type": "MOBILIZE", "date": {"value": "2024", "start": "2024-01-01",
...      "end": "2024-12-31"}, "source": [{"code": "PRK", "text": "Pyongyang"}],
...      "target": [{"code": "RUS", "text": "Russia"}]},
... ]
>>> table = by_month_type(records)
>>> table.header
['month', 'AID', 'MOBILIZE', 'total']
>>> table.rows
[['2024', 0, 1, 1], ['2024-06', 2, 0, 2], ['total', 2, 1, 3]]
>>> by_actor_pair(records).rows
[['PRK', 'RUS', 1], ['RUS', 'PRK', 1], ['RUS', '-', 1]]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dossier.models import EVENT_TYPES

__all__ = ["Counts", "actor_label", "by_actor_pair", "by_month_type", "month_of"]

NOBODY = "-"  # an event that names no source, or no target


@dataclass
class Counts:
    """A table of counts: a header and rows, ready for CSV or a terminal table."""

    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def month_of(record: dict[str, Any]) -> str:
    """The month an event is counted under (YYYY-MM), or its date's value when that
    spans more than a month, else its article's publication month, else "undated"."""
    date = record.get("date") or {}
    start, end = date.get("start") or "", date.get("end") or ""
    if len(start) >= 7 and start[:7] == end[:7]:
        return start[:7]
    if date.get("value"):
        return str(date["value"])
    published = (record.get("document") or {}).get("published") or (
        record.get("first_reported") or {}
    ).get("published")
    return published[:7] if published else "undated"


def by_month_type(records: Iterable[dict[str, Any]]) -> Counts:
    """Events per month (rows) and type (columns), with totals."""
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        counts[month_of(record), record["type"]] += 1
    types = [t for t in EVENT_TYPES if any(kind == t for _m, kind in counts)]
    types += sorted({kind for _m, kind in counts} - set(types))
    months = sorted({month for month, _t in counts}, key=lambda m: (m == "undated", m))
    table = Counts(["month", *types, "total"])
    for month in months:
        row = [counts[month, kind] for kind in types]
        table.rows.append([month, *row, sum(row)])
    totals = [sum(counts[month, kind] for month in months) for kind in types]
    table.rows.append(["total", *totals, sum(totals)])
    return table


def actor_label(actor: dict[str, Any]) -> str:
    """An actor's code (RUS), else its name, else the words that name it."""
    return actor.get("code") or actor.get("name") or actor.get("text") or NOBODY


def by_actor_pair(records: Iterable[dict[str, Any]]) -> Counts:
    """Events per (source, target) pair, most frequent first.

    An event with two sources and one target counts once for each pair; a
    side that names nobody is "-".
    """
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        sources = sorted({actor_label(a) for a in record.get("source") or []}) or [NOBODY]
        targets = sorted({actor_label(a) for a in record.get("target") or []}) or [NOBODY]
        for pair in {(s, t) for s in sources for t in targets}:
            counts[pair] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], NOBODY in item[0], item[0]))
    return Counts(["source", "target", "events"], [[s, t, n] for (s, t), n in ordered])
