"""Evaluate date finding and normalisation on TimeML: ``dossier eval timeml PATH...``.

TempEval-3 style: the gold TIMEX3 expressions of type DATE and TIME in each
document's ``<TEXT>`` (tags stripped, offsets kept), values relative to the
document creation time. Dossier's ``find_dates`` runs over the same text with
the creation date as reference.

- ``timex``: gold expressions;
- ``span_f1``: relaxed span match, F1 of found against gold; spans are paired
  one to one as TempEval-3's scorer pairs them (``match_pairs``: any overlap,
  in text order, a span paired already is not paired again);
- ``value_f1``: F1 counting a pair right when both sides have the same value;
  with one-to-one pairs this is TempEval-3's "value F1" (value accuracy times
  the relaxed span F1), ``2 * right / (found + gold)``;
- ``value_accuracy``: right values among the pairs.

Expressions TimeML types DURATION or SET ("for two days", "each July") are
outside the task: gold has none of them, and what ``find_dates`` finds over one
of their spans (and no DATE or TIME) is neither credited nor counted as a
false positive; ``read_corpus`` keeps them in the gold list for that, and
``compare`` sets them apart by type.

Values are compared in one notation (``canonical``): TimeML writes the same
value two ways in places, a week as ``2000-W7`` or ``2000-W07``, a decade as
``199`` or ``199X``, an hour as ``T17`` or ``T17:00``; both sides are brought to
one form (``2000-W07``, ``199``, ``T17:00``).

>>> text, dct, gold = parse_timeml('<TIMEX3 tid="t0" type="DATE" value="1998-03-02" '
...     'functionInDocument="CREATION_TIME">March 2, 1998</TIMEX3><TEXT>It fell on '
...     '<TIMEX3 tid="t1" type="DATE" value="1998-03-01">Sunday</TIMEX3>.</TEXT>')
>>> (text, dct.isoformat(), [(g.text, g.value) for g in gold])
('It fell on Sunday.', '1998-03-02', [('Sunday', '1998-03-01')])
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
TYPES = ("DATE", "TIME")
UNSCORED = ("DURATION", "SET")


_SHORT_WEEK = re.compile(r"-W(\d)(?=$|-)")
_TRAILING_X = re.compile(r"^(\d{2,3})X+$")
_HOUR = re.compile(r"T(\d\d)$")


def canonical(value: str) -> str:
    """One spelling for values TimeML writes two ways with the same meaning.

    >>> [canonical(v) for v in ("2000-W7", "2000-W7-WE", "199X", "19XX", "1998-XX", "1998-W10")]
    ['2000-W07', '2000-W07-WE', '199', '19', '1998-XX', '1998-W10']
    >>> canonical("1989-11-06T17"), canonical("1989-11-06T17:30"), canonical("1989-11-06TNI")
    ('1989-11-06T17:00', '1989-11-06T17:30', '1989-11-06TNI')
    """
    value = _SHORT_WEEK.sub(r"-W0\1", value)
    value = _HOUR.sub(r"T\1:00", value)
    return _TRAILING_X.sub(r"\1", value)


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    value: str
    type: str


def parse_timeml(
    raw: str, types: tuple[str, ...] = TYPES
) -> tuple[str, dt.date | None, list[GoldTimex]]:
    """The text of <TEXT> (tags stripped), the creation date, and its timexes of ``types``."""
    dct = None
    tag = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    if tag:
        value = dict(ATTR.findall(tag.group(0))).get("value", "")[:10]
        try:
            dct = dt.date.fromisoformat(value)
        except ValueError:
            dct = None
    start_tag, end_tag = raw.find("<TEXT>"), raw.find("</TEXT>")
    body = raw[start_tag + len("<TEXT>") : end_tag] if start_tag >= 0 <= end_tag else raw
    parts: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    opened: tuple[int, dict[str, str]] | None = None
    position = 0
    for match in TAG.finditer(body):
        chunk = html.unescape(body[position : match.start()])
        parts.append(chunk)
        length += len(chunk)
        position = match.end()
        if match.group(2) != "TIMEX3":
            continue
        if not match.group(1):
            opened = (length, dict(ATTR.findall(match.group(3))))
        elif opened is not None:
            begin, attrs = opened
            if attrs.get("type") in types:
                gold.append(GoldTimex(begin, length, "", attrs.get("value", ""), attrs["type"]))
            opened = None
    parts.append(html.unescape(body[position:]))
    text = "".join(parts)
    for timex in gold:
        timex.text = text[timex.start : timex.end]
    return text, dct, gold


def read_corpus(paths: Iterable[Path | str]) -> Iterator[tuple[str, str, dt.date | None,
                                                              list[GoldTimex]]]:  # fmt: skip
    """(name, text, creation date, gold) for each .tml file under the paths.

    Gold holds the DURATION and SET timexes too, for ``compare`` to leave unscored.
    """
    for raw_path in paths:
        path = Path(raw_path)
        files = sorted(path.rglob("*.tml")) if path.is_dir() else [path]
        for file in files:
            text, dct, gold = parse_timeml(file.read_text(encoding="utf-8"), TYPES + UNSCORED)
            yield file.name, text, dct, gold


def compare(text: str, dct: dt.date | None, gold: list[GoldTimex]) -> dict[str, int]:
    """Counts for one document: gold, found, spans paired one to one, values right.

    Gold timexes of an ``UNSCORED`` type only mark spans where what is found is not scored.
    """
    from dossier.resolve.dates import find_dates

    def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    marked = [((g.start, g.end), canonical(g.value)) for g in gold if g.type in TYPES]
    aside = [(g.start, g.end) for g in gold if g.type not in TYPES]
    found = [
        (d.offsets, canonical(d.value))
        for d in find_dates(text, dct)
        if d.offsets is not None
        and (
            any(overlaps(d.offsets, span) for span, _v in marked)
            or not any(overlaps(d.offsets, span) for span in aside)
        )
    ]

    pairs = match_pairs([span for span, _v in marked], [offsets for offsets, _v in found])
    right = sum(marked[g][1] == found[f][1] for g, f in pairs)
    return {"gold": len(marked), "found": len(found), "matched": len(pairs), "right": right}


def match_pairs(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching of spans, as TempEval-3's scorer pairs them.

    Going through the spans of both sides in order of their start, one that
    starts inside a span of the other side (or where it starts) is paired with
    it, unless that span is paired already; so one found span over two gold
    ones matches only the first, and one gold span over two found ones only
    the first found. Returns (gold index, found index) pairs.

    >>> match_pairs([(0, 10), (12, 20)], [(5, 15)])
    [(0, 0)]
    >>> match_pairs([(0, 20)], [(0, 4), (6, 9)])
    [(0, 0)]
    >>> match_pairs([(10, 14), (20, 24)], [(0, 12), (22, 30)])
    [(0, 0), (1, 1)]
    """
    events = sorted(
        [(start, 0, i) for i, (start, _end) in enumerate(gold)]
        + [(start, 1, i) for i, (start, _end) in enumerate(found)]
    )
    sides = (gold, found)
    paired: tuple[set[int], set[int]] = (set(), set())
    pairs: list[tuple[int, int]] = []
    for start, side, i in events:
        if i in paired[side]:
            continue
        other = 1 - side
        for j, (o_start, o_end) in enumerate(sides[other]):
            if o_start <= start < o_end and j not in paired[other]:
                paired[side].add(i)
                paired[other].add(j)
                pairs.append((i, j) if side == 0 else (j, i))
                break
    return sorted(pairs)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(counts: Iterable[dict[str, int]]) -> dict[str, Any]:
    """The figures over all documents' counts."""
    total = {k: 0 for k in ("gold", "found", "matched", "right")}
    for c in counts:
        for key in total:
            total[key] += c[key]
    gold, found, matched, right = total["gold"], total["found"], total["matched"], total["right"]
    span_p = matched / found if found else 0.0
    span_r = matched / gold if gold else 0.0
    value_p = right / found if found else 0.0
    value_r = right / gold if gold else 0.0
    return {
        "timex": gold,
        "span_f1": round(_f1(span_p, span_r), 4),
        "value_f1": round(_f1(value_p, value_r), 4),
        "value_accuracy": round(right / matched, 4) if matched else 0.0,
        "found": found,
    }
