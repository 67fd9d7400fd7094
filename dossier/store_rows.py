"""The database rows of one extracted document, built apart from writing them.

``document_rows`` turns a ``Result`` into plain dicts for the ``documents``,
``events`` and ``event_actors`` tables and the evidence index; ``Store``
writes them (``Store.add_rows``, a batch at a time). A Ray worker builds them
where it extracted the document, so the driver that writes only writes.

>>> from dossier.models import Document
>>> rows = document_rows(Result(document=Document(id="d1", text="Talks ended."), events=[]))
>>> (rows.document["id"], rows.events, rows.found)
('d1', [], 0)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dossier.models import Event, Result


@dataclass
class DocumentRows:
    """One document's rows: ``events`` one per event id (the last of an id wins),
    ``found`` the number of events extracted (ids counted again included)."""

    document: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (event id, sentence)
    found: int = 0


def document_rows(result: Result, origin: str | None = None) -> DocumentRows:
    """The rows ``Store`` writes for ``result``; ``origin`` (where it was read from)
    defaults to the document's own."""
    doc = result.document
    row = {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "published_source": doc.published_source,
        "format": doc.format,
        "origin": origin if origin is not None else doc.origin,
        "outlet": doc.outlet,
        "outlet_source": doc.outlet_source,
        "text": doc.text,
        "removed": json.dumps([r.to_dict() for r in doc.removed]),
        "reference_date": json.dumps(doc.reference_date) if doc.reference_date else None,
    }
    found = list({e.id: e for e in result.events}.values())  # the last of an id wins
    actors = [
        {"event_id": e.id, "role": role, "code": a.code, "name": a.name, "text": a.text}
        for e in found
        for role, group in (("source", e.source), ("target", e.target))
        for a in group
    ]
    return DocumentRows(
        document=row,
        events=[event_row(doc.id, e) for e in found],
        actors=actors,
        evidence=[(e.id, e.evidence.text) for e in found],
        found=len(result.events),
    )


def event_row(document_id: str, event: Event) -> dict[str, Any]:
    """The ``events`` row of one event: the fields analysts filter on and the record."""
    date, place, claim = event.date, event.location, event.attribution
    return {
        "id": event.id,
        "document_id": document_id,
        "type": event.type,
        "mode": event.mode,
        "factuality": event.factuality,
        "date_value": date.value if date else None,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_granularity": date.granularity if date else None,
        "place": (place.name or place.text) if place else None,  # as written if unresolved
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "claimant": claim.claimant if claim else None,
        "claim_date": claim.claim_date if claim else None,
        "evidence": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
        "political": int(event.political),
    }
