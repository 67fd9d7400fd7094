"""Export: event records as CSV, JSON Lines or GeoJSON, the formats analysts already use.

CSV has one row per event with flat columns (actors joined by ``;``);
JSON Lines has the full record per line; GeoJSON has one Point feature per
located event (events without coordinates are left out of GeoJSON only, and
the count of those is reported by the caller).  Fused events (``dossier.fuse``)
go through the same writers: JSON Lines keeps their ``mentions`` in full, CSV
and GeoJSON add ``FUSED_CSV_COLUMNS`` (sources, outlets, contradictions).
Every row ends with where its article comes from, ``PROVENANCE_COLUMNS``
(title, origin, outlet, publication date and its source; for a fused event,
its first report's).

>>> rec = {"id": "ev_1", "type": "AID", "source": [{"code": "RUS", "name": "Russia"}],
...        "target": [], "items": [], "evidence": {"text": "x", "start": 0, "end": 1}}
>>> flatten(rec)["source_codes"]
'RUS'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("csv", "jsonl", "geojson")
# where the event's article comes from (``document`` of the record), last in every row
PROVENANCE_COLUMNS = [
    "doc_title", "doc_origin", "doc_outlet", "doc_published", "doc_published_source",
]  # fmt: skip
_BASE_COLUMNS = [
    "id", "type", "mode", "factuality", "source_codes", "source_names", "target_codes",
    "target_names", "items", "categories", "date", "date_granularity", "date_start",
    "date_end", "place", "country", "lat", "lon", "claimant", "claimant_role", "claim_date",
    "evidence", "evidence_start", "evidence_end", "links", "document_id", "document_url",
    "published",
]  # fmt: skip
CSV_COLUMNS = _BASE_COLUMNS + PROVENANCE_COLUMNS
# fused events (``dossier.fuse``): the columns above with how they are sourced before
# the provenance of their first report
FUSED_CSV_COLUMNS = _BASE_COLUMNS + [
    "independent_sources", "mention_count", "contradicted", "contradictions", "outlets",
    "mention_ids",
] + PROVENANCE_COLUMNS  # fmt: skip


def _join(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row for CSV and tables."""
    date = record.get("date") or {}
    place = record.get("location") or {}
    claim = record.get("attribution") or {}
    evidence = record.get("evidence") or {}
    document = record.get("document") or {}
    items = record.get("items") or []
    mentions = record.get("mentions") or []
    if mentions:  # a fused event: claimants of all its reports, its first report's document
        first = record.get("first_reported") or {}
        lead = next((m for m in mentions if m.get("event") == first.get("event")), mentions[0])
        document = {"id": first.get("document"), "published": first.get("published"),
                    "url": lead.get("url"), "title": lead.get("title"),
                    "origin": lead.get("origin"), "outlet": lead.get("outlet")}  # fmt: skip
        claim = {
            "claimant": _join(dict.fromkeys(m.get("claimant") for m in mentions)),
            "claimant_role": _join(dict.fromkeys(m.get("claimant_role") for m in mentions)),
        }
    row = {
        "id": record.get("id"),
        "type": record.get("type"),
        "mode": record.get("mode"),
        "factuality": record.get("factuality"),
        "source_codes": _join(a.get("code") for a in record.get("source") or []),
        "source_names": _join(a.get("name") or a.get("text") for a in record.get("source") or []),
        "target_codes": _join(a.get("code") for a in record.get("target") or []),
        "target_names": _join(a.get("name") or a.get("text") for a in record.get("target") or []),
        "items": _join(i.get("designation") or i.get("text") for i in items),
        "categories": _join(dict.fromkeys(i.get("category") for i in items)),
        "date": date.get("value"),
        "date_granularity": date.get("granularity"),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "place": place.get("name") or place.get("text"),  # as written when unresolved
        "country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "claimant": claim.get("claimant"),
        "claimant_role": claim.get("claimant_role"),
        "claim_date": claim.get("claim_date"),
        "evidence": evidence.get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "links": _join(f"{link['relation']}:{link['event']}" for link in record.get("links") or []),
        "document_id": document.get("id"),
        "document_url": document.get("url"),
        "published": document.get("published"),
        "doc_title": document.get("title"),
        "doc_origin": document.get("origin"),
        "doc_outlet": document.get("outlet"),
        "doc_published": document.get("published"),
        "doc_published_source": document.get("published_source"),
    }
    if mentions:
        contradictions = record.get("contradictions") or []
        row |= {
            "independent_sources": record.get("independent_sources"),
            "mention_count": len(mentions),
            "contradicted": bool(contradictions),
            "contradictions": _join(c.get("detail") for c in contradictions),
            "outlets": _join(dict.fromkeys(m.get("outlet") for m in mentions)),
            "mention_ids": _join(m.get("event") for m in mentions),
        }
    return row


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One row per record; fused events get the ``FUSED_CSV_COLUMNS``."""
    writer = None
    n = 0
    for record in records:
        if writer is None:
            columns = FUSED_CSV_COLUMNS if "mentions" in record else CSV_COLUMNS
            writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flatten(record))
        n += 1
    if writer is None:
        csv.writer(out).writerow(CSV_COLUMNS)
    return n


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson(records: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """A FeatureCollection of located events, and how many events had no coordinates."""
    features = []
    unlocated = 0
    for record in records:
        place = record.get("location") or {}
        if place.get("lat") is None or place.get("lon") is None:
            unlocated += 1
            continue
        props = flatten(record)
        features.append(
            {
                "type": "Feature",
                "id": record.get("id"),
                "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}, unlocated


def write(records: Iterable[dict[str, Any]], out: TextIO, fmt: str) -> tuple[int, int]:
    """Write records in ``fmt``; returns (written, left out for lack of coordinates)."""
    if fmt == "csv":
        return write_csv(records, out), 0
    if fmt == "jsonl":
        return write_jsonl(records, out), 0
    if fmt == "geojson":
        collection, unlocated = geojson(records)
        json.dump(collection, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(collection["features"]), unlocated
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def to_string(records: Iterable[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    write(records, buf, fmt)
    return buf.getvalue()
