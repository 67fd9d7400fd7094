"""Evaluate place detection and resolution on geo-tagged news: ``dossier eval geo FILE``.

The gold files (LGL, TR-News, GeoWebNews, GeoVirus, WikToR; see
``read_gold``) give each toponym's characters and coordinates. Each article
is annotated, and its places are found and resolved together by
``dossier.resolve.toponyms.resolve_toponyms``, the function the extractor
uses.  Only recall is scored: the gold does not say which other spans are
not places.

- ``toponyms``: gold toponyms that have coordinates;
- ``detected_recall``: the share of them overlapped by a place Dossier found;
- ``acc161``: of those found, the share resolved within 161 km (100 miles) of gold;
- ``end_to_end_acc161``: found and within 161 km, over all gold toponyms.

>>> score([(True, True), (True, False), (False, False)])["end_to_end_acc161"]
0.3333
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from dossier.models import Place


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]


def _number(element: ET.Element, *names: str) -> float | None:
    """The first of ``names`` that ``element`` has as a child holding a number."""
    for name in names:
        raw = (element.findtext(name) or "").strip()
        if raw:
            try:
                return float(raw)
            except ValueError:
                return None
    return None


def _point(element: ET.Element, fallback: ET.Element) -> tuple[float, float] | None:
    """A toponym's gold coordinates: its own, its ``gaztag``'s, or (WikToR) its page's."""
    for holder in (element, element.find("gaztag"), fallback):
        if holder is None:
            continue
        lat = _number(holder, "lat", "latitude")
        lon = _number(holder, "lon", "longitude")
        if lat is not None and lon is not None:
            return lat, lon
    return None


def _aligned(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int]:
    """The offsets, moved onto the nearest occurrence of the phrase the gold names,
    within ``ALIGN_WINDOW`` characters, where they do not hold it: GeoVirus and some
    TR-News articles count from 1, and in other TR-News articles the offsets drift
    further behind the text with each paragraph (ten characters by the end of one).

    >>> _aligned("in Pandi, Bulacan", 4, 9, "Pandi")
    (3, 8)
    >>> _aligned("Edmonton said. In Alberta, Edmonton grew.", 34, 42, "Edmonton")
    (27, 35)
    """
    if not phrase or text[start:end] == phrase:
        return start, end
    nearest = None
    low, high = max(0, start - ALIGN_WINDOW), start + ALIGN_WINDOW
    found = text.find(phrase, low, high + len(phrase))
    while found != -1:
        if nearest is None or abs(found - start) < abs(nearest - start):
            nearest = found
        found = text.find(phrase, found + 1, high + len(phrase))
    if nearest is None:
        return start, end
    return nearest, nearest + len(phrase)


# How far (characters) a gold toponym's offsets may be from the phrase it names.
ALIGN_WINDOW = 64


def read_gold(path: Path | str) -> Iterator[GoldArticle]:
    """Articles and their toponyms with coordinates (others are left out).

    Reads the usual geoparsing gold formats: LGL and TR-News (``<article>``,
    ``<toponym>`` with ``<gaztag><lat><lon>``), GeoWebNews (``<toponym>`` with
    ``<latitude><longitude>``), GeoVirus (``<location>`` with ``<lat><lon>``)
    and WikToR (``<page>`` with its one place's ``<lat><lon>`` and
    ``<toponymIndices>``). Offsets index the article's ``<text>``; where they
    do not hold the phrase the gold names, they are moved onto its nearest
    occurrence (``_aligned``).

    >>> import io
    >>> xml = ("<articles><article><text>Floods hit Dhaka.</text><locations><location>"
    ...        "<name>Dhaka</name><start>11</start><end>16</end><lat>23.7</lat>"
    ...        "<lon>90.4</lon></location></locations></article></articles>")
    >>> [(t.phrase, t.lat) for a in read_gold(io.StringIO(xml)) for t in a.toponyms]
    [('Dhaka', 23.7)]
    """
    root = ET.parse(path).getroot()
    for article in root.iter():
        if article.tag not in ("article", "page") or article.find("text") is None:
            continue  # GeoVirus's <page> is a location's Wikipedia page
        text = article.findtext("text") or ""
        toponyms = []
        for t in (*article.iter("toponym"), *article.iter("location")):
            point = _point(t, article)
            start, end = _number(t, "start"), _number(t, "end")
            if point is None or start is None or end is None:
                continue
            named = next(
                (t.findtext(n) for n in ("phrase", "extractedName", "name") if t.findtext(n)), None
            )
            first, last = _aligned(text, int(start), int(end), named)
            toponyms.append(GoldToponym(
                start=first, end=last, phrase=named or text[first:last], lat=point[0], lon=point[1],
            ))  # fmt: skip
        yield GoldArticle(
            id=article.get("docid") or article.get("number") or "", text=text, toponyms=toponyms
        )


def predict(article: GoldArticle) -> list[tuple[bool, bool]]:
    """For each gold toponym: (found by Dossier, resolved within 161 km)."""
    from dossier.annotate import annotate

    return predict_doc(article, annotate(article.text))[0]


def predict_doc(
    article: GoldArticle, doc: Doc
) -> tuple[list[tuple[bool, bool]], list[Span], list[Place | None]]:
    """``predict`` over an annotated ``doc`` of the article's text; also returns the
    place spans and what each resolved to (for error analysis)."""
    from dossier.resolve.places import distance_km
    from dossier.resolve.toponyms import resolve_toponyms

    pairs = resolve_toponyms(doc)
    spans = [span for span, _place in pairs]
    resolved = [place for _span, place in pairs]
    out = []
    for gold in article.toponyms:
        hits = [
            place for ent, place in pairs
            if ent.start_char < gold.end and gold.start < ent.end_char
        ]  # fmt: skip
        near = any(
            p is not None and p.lat is not None and p.lon is not None
            and distance_km(p.lat, p.lon, gold.lat, gold.lon) <= 161
            for p in hits
        )  # fmt: skip
        out.append((bool(hits), near))
    return out, spans, resolved


def score(results: list[tuple[bool, bool]]) -> dict[str, Any]:
    """The figures for (found, within 161 km) per gold toponym."""
    total = len(results)
    found = sum(1 for f, _ in results if f)
    near = sum(1 for f, n in results if f and n)
    return {
        "toponyms": total,
        "detected_recall": round(found / total, 4) if total else 0.0,
        "acc161": round(near / found, 4) if found else 0.0,
        "end_to_end_acc161": round(near / total, 4) if total else 0.0,
    }
