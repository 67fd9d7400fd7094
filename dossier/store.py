"""Store: documents and events in one SQLite file.

Each document is written in its own transaction, so an interrupted batch
keeps everything stored before the interruption.  A document's id is the hash
of its text: storing the same article again adds nothing.

Tables (query them with any SQLite tool):

- ``documents``: id, title, url, published, format, text, removed (JSON), ...
- ``events``: one row per event mention with the fields analysts filter on
  (type, mode, factuality, date, place, claimant) and ``record``, the full
  JSON record of ``design.md``.
- ``event_actors``: (event_id, role, code, name, text) for actor queries.
- ``fused_events``: one row per real-world event after fusion (``dossier.fuse``)
  with its full JSON ``record``; ``fusion_members`` maps each event mention
  to its fused event; ``fusion_log`` records every merge, split and renaming
  (old id -> new id, and why); ``document_signatures`` holds each article's
  MinHash, used to find wire copies.
- ``events_fts``: SQLite FTS5 full-text index of each event's evidence sentence.

>>> store = Store(":memory:")
>>> store.count("documents")
0
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.models import Event, Result

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    published TEXT,
    format TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL,
    reference_date TEXT,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL,
    mode TEXT,
    factuality TEXT NOT NULL,
    date_value TEXT,
    date_start TEXT,
    date_end TEXT,
    date_granularity TEXT,
    place TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    claimant TEXT,
    claim_date TEXT,
    evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id),
    role TEXT NOT NULL,
    code TEXT,
    name TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE TABLE IF NOT EXISTS fused_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    factuality TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    first_published TEXT,
    independent_sources INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    contradicted INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fusion_members (
    event_id TEXT PRIMARY KEY REFERENCES events(id),
    fused_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fusion_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    action TEXT NOT NULL,
    old_id TEXT NOT NULL,
    new_id TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    minhash BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS fusion_members_fused ON fusion_members(fused_id);
CREATE INDEX IF NOT EXISTS fusion_log_old ON fusion_log(old_id);
CREATE INDEX IF NOT EXISTS fused_events_date ON fused_events(date_start, first_published);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(event_id UNINDEXED, evidence);
"""


@dataclass
class EventQuery:
    """Filters for ``Store.events`` and ``Store.fused_events``; ``None`` means no filter."""

    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    document: str | None = None
    limit: int | None = None
    offset: int = 0
    factuality: str | None = None
    # (min lon, min lat, max lon, max lat): events located inside
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None  # words that must all occur in the evidence (FTS5)
    id: str | None = None
    # fused events only
    min_sources: int | None = None
    contradicted: bool = False


def fts_query(text: str) -> str | None:
    """Words as an FTS5 query that matches all of them, quoted so that no
    character of the input is read as FTS5 syntax.

    >>> fts_query('MiG-29 "jets" OR')
    '"MiG" "29" "jets" "OR"'
    """
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words) or None


class Store:
    """A Dossier database in one SQLite file."""

    def __init__(self, path: str | Path = "dossier.db", *, threads: bool = False) -> None:
        """Open (or create) the database; ``threads=True`` lets other threads use
        this connection (one at a time), as a web server's workers do."""
        self.path = str(path)
        self.db = sqlite3.connect(self.path, check_same_thread=not threads)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        had_fts = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'events_fts'"
        ).fetchone()
        self.db.executescript(SCHEMA)
        if not had_fts:  # a database from before the index: fill it once
            with self.db:
                self.db.execute(
                    "INSERT INTO events_fts (event_id, evidence) SELECT id, evidence FROM events"
                )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count(self, table: str) -> int:
        if table not in ("documents", "events", "event_actors", "fused_events", "fusion_log"):
            raise ValueError(f"unknown table {table!r}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def document_ids(self) -> list[str]:
        """Every stored document's id."""
        return [row[0] for row in self.db.execute("SELECT id FROM documents")]

    def has_document(self, document_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def add(self, result: Result, origin: str | None = None) -> bool:
        """Store a document and its events; False when the document was already there."""
        doc = result.document
        with self.db:
            cur = self.db.execute(
                "INSERT OR IGNORE INTO documents (id, title, url, published, format, origin,"
                " text, removed, reference_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    doc.title,
                    doc.url,
                    doc.published,
                    doc.format,
                    origin,
                    doc.text,
                    json.dumps([r.to_dict() for r in doc.removed]),
                    json.dumps(doc.reference_date) if doc.reference_date else None,
                ),
            )
            if cur.rowcount == 0:
                return False
            for event in result.events:
                self._add_event(doc.id, event)
        return True

    def _add_event(self, document_id: str, event: Event) -> None:
        date, place, claim = event.date, event.location, event.attribution
        self.db.execute(
            "INSERT OR REPLACE INTO events (id, document_id, type, mode, factuality, date_value,"
            " date_start, date_end, date_granularity, place, country, lat, lon, claimant,"
            " claim_date, evidence, evidence_start, evidence_end, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.id,
                document_id,
                event.type,
                event.mode,
                event.factuality,
                date.value if date else None,
                date.start if date else None,
                date.end if date else None,
                date.granularity if date else None,
                place.name if place else None,
                place.country if place else None,
                place.lat if place else None,
                place.lon if place else None,
                claim.claimant if claim else None,
                claim.claim_date if claim else None,
                event.evidence.text,
                event.evidence.start,
                event.evidence.end,
                json.dumps(event.to_dict(), ensure_ascii=False),
            ),
        )
        self.db.execute("DELETE FROM events_fts WHERE event_id = ?", (event.id,))
        self.db.execute(
            "INSERT INTO events_fts (event_id, evidence) VALUES (?, ?)",
            (event.id, event.evidence.text),
        )
        self.db.execute("DELETE FROM event_actors WHERE event_id = ?", (event.id,))
        for role, actors in (("source", event.source), ("target", event.target)):
            for actor in actors:
                self.db.execute(
                    "INSERT INTO event_actors (event_id, role, code, name, text)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (event.id, role, actor.code, actor.name, actor.text),
                )

    def _event_filters(self, q: EventQuery) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if q.actor:
            where.append(f"e.id IN ({_ACTOR_EVENTS})")
            params += [q.actor.upper(), q.actor.lower(), q.actor.lower()]
        if q.type:
            where.append("e.type = ?")
            params.append(q.type.upper())
        if q.factuality:
            where.append("e.factuality = ?")
            params.append(q.factuality)
        if q.since:
            where.append("coalesce(e.date_end, e.date_start, d.published) >= ?")
            params.append(q.since)
        if q.until:
            where.append("coalesce(e.date_start, d.published) <= ?")
            params.append(q.until + "~")  # include every ISO value starting with the day
        if q.document:
            where.append("e.document_id = ?")
            params.append(q.document)
        if q.id:
            where.append("e.id = ?")
            params.append(q.id)
        if q.bbox:
            where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params += [q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]]
        match = fts_query(q.text) if q.text else None
        if q.text:
            where.append(f"e.id IN ({_TEXT_EVENTS})")
            params.append(match or '""')
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Event records (the JSON of ``design.md``) plus ``document`` metadata.

        ``since``/``until`` compare against the event's date range when it has
        one, else the document's publication date.
        """
        q = query or EventQuery()
        where, params = self._event_filters(q)
        sql = (
            "SELECT e.record, e.document_id, d.title, d.url, d.published FROM events e"
            " JOIN documents d ON d.id = e.document_id" + where
        )
        sql += (
            " ORDER BY coalesce(e.date_start, d.published), e.document_id,"
            " e.evidence_start, e.id"
        )
        sql, params = _page(sql, params, q)
        for row in self.db.execute(sql, params):
            record = json.loads(row["record"])
            record["document"] = {
                "id": row["document_id"],
                "title": row["title"],
                "url": row["url"],
                "published": row["published"],
            }
            yield record

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events ``events(query)`` gives, without limit and offset."""
        where, params = self._event_filters(query or EventQuery())
        sql = "SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id" + where
        return self.db.execute(sql, params).fetchone()[0]

    # --- fused events (written by dossier.fuse) -------------------------------

    def _fused_filters(self, q: EventQuery) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []

        def mentions(condition: str) -> str:
            return f"f.id IN (SELECT fused_id FROM fusion_members WHERE event_id IN ({condition}))"

        if q.actor:
            where.append(mentions(_ACTOR_EVENTS))
            params += [q.actor.upper(), q.actor.lower(), q.actor.lower()]
        if q.type:
            where.append("f.type = ?")
            params.append(q.type.upper())
        if q.factuality:
            where.append("f.factuality = ?")
            params.append(q.factuality)
        if q.since:
            where.append("coalesce(f.date_end, f.date_start, f.first_published) >= ?")
            params.append(q.since)
        if q.until:
            where.append("coalesce(f.date_start, f.first_published) <= ?")
            params.append(q.until + "~")
        if q.document:
            where.append(mentions("SELECT id FROM events WHERE document_id = ?"))
            params.append(q.document)
        if q.min_sources:
            where.append("f.independent_sources >= ?")
            params.append(q.min_sources)
        if q.contradicted:
            where.append("f.contradicted = 1")
        if q.id:
            where.append("f.id IN (?, ?)")
            params += [q.id, self.current_id(q.id)]
        if q.bbox:
            where.append(
                "json_extract(f.record, '$.location.lon') BETWEEN ? AND ?"
                " AND json_extract(f.record, '$.location.lat') BETWEEN ? AND ?"
            )
            params += [q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]]
        if q.text:
            where.append(mentions(_TEXT_EVENTS))
            params.append(fts_query(q.text) or '""')
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def fused_events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Fused event records, filtered like ``events`` plus ``min_sources``,
        ``contradicted`` and ``id`` (an old id is followed to the event it became)."""
        q = query or EventQuery()
        where, params = self._fused_filters(q)
        sql = "SELECT f.record FROM fused_events f" + where
        sql += " ORDER BY coalesce(f.date_start, f.first_published), f.id"
        sql, params = _page(sql, params, q)
        for row in self.db.execute(sql, params):
            yield json.loads(row["record"])

    def count_fused(self, query: EventQuery | None = None) -> int:
        where, params = self._fused_filters(query or EventQuery())
        return self.db.execute("SELECT count(*) FROM fused_events f" + where, params).fetchone()[0]

    def document(self, document_id: str) -> dict[str, Any] | None:
        """A stored article: id, title, url, published, text, removed (boilerplate spans)."""
        row = self.db.execute(
            "SELECT id, title, url, published, format, text, removed FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            return None
        return dict(row) | {"removed": json.loads(row["removed"])}

    def actors(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Actors with a code or a name, and in how many events each takes part."""
        rows = self.db.execute(
            "SELECT code, coalesce(max(name), max(text)) AS name,"
            " count(DISTINCT event_id) AS events FROM event_actors"
            " WHERE code IS NOT NULL OR name IS NOT NULL"
            " GROUP BY coalesce(code, lower(name)) ORDER BY events DESC, name LIMIT ?",
            (limit,),
        )
        return [dict(row) for row in rows]

    def current_id(self, fused_id: str) -> str:
        """The id a fused event has now, following merges and renamings in ``fusion_log``.

        A mention id (``ev_...``) gives the fused event it belongs to.
        """
        row = self.db.execute(
            "SELECT fused_id FROM fusion_members WHERE event_id = ?", (fused_id,)
        ).fetchone()
        if row:
            return row[0]
        seen = {fused_id}
        while True:
            if self.db.execute("SELECT 1 FROM fused_events WHERE id = ?", (fused_id,)).fetchone():
                return fused_id
            # merged or renamed: the event it became; split (and gone): its first part
            row = self.db.execute(
                "SELECT new_id FROM fusion_log WHERE old_id = ?"
                " ORDER BY action = 'split', seq DESC LIMIT 1",
                (fused_id,),
            ).fetchone()
            if row is None or row[0] in seen:
                return fused_id
            fused_id = row[0]
            seen.add(fused_id)

    def fusion_members(self) -> dict[str, str]:
        """Event mention id -> fused event id."""
        return dict(self.db.execute("SELECT event_id, fused_id FROM fusion_members"))

    def fusion_log(self, fused_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT seq, at, action, old_id, new_id, reason FROM fusion_log"
        rows = (
            self.db.execute(sql + " WHERE old_id = ? OR new_id = ? ORDER BY seq", (fused_id,) * 2)
            if fused_id
            else self.db.execute(sql + " ORDER BY seq")
        )
        return [dict(row) for row in rows]

    def signatures(self, document_ids: list[str]) -> dict[str, bytes]:
        """Stored MinHash signatures (bytes) of these documents, where computed."""
        found: dict[str, bytes] = {}
        for i in range(0, len(document_ids), 500):
            chunk = document_ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.db.execute(
                    "SELECT document_id, minhash FROM document_signatures"
                    f" WHERE document_id IN ({marks})",
                    chunk,
                )
            )
        return found

    def document_texts(self, document_ids: list[str]) -> Iterator[tuple[str, str]]:
        for i in range(0, len(document_ids), 500):
            chunk = document_ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(
                f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk
            )

    def add_signatures(self, signatures: dict[str, bytes]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO document_signatures (document_id, minhash) VALUES (?, ?)",
                signatures.items(),
            )

    def write_fusion(
        self,
        records: list[dict[str, Any]],
        members: dict[str, str],
        removed: set[str],
        log: list[tuple[str, str, str, str]],
    ) -> None:
        """Replace fused events in one transaction.

        ``records`` are the new or changed fused events, ``members`` the
        mention -> fused id of their mentions, ``removed`` the fused ids that
        no longer exist, and ``log`` (action, old id, new id, reason) rows.
        """
        with self.db:
            for fused_id in removed:
                self.db.execute("DELETE FROM fused_events WHERE id = ?", (fused_id,))
            for record in records:
                date = record.get("date") or {}
                self.db.execute(
                    "INSERT OR REPLACE INTO fused_events (id, type, factuality, date_start,"
                    " date_end, first_published, independent_sources, mention_count,"
                    " contradicted, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record["id"],
                        record["type"],
                        record["factuality"],
                        date.get("start"),
                        date.get("end"),
                        record["first_reported"]["published"],
                        record["independent_sources"],
                        len(record["mentions"]),
                        int(bool(record["contradictions"])),
                        json.dumps(record, ensure_ascii=False),
                    ),
                )
            self.db.executemany(
                "INSERT OR REPLACE INTO fusion_members (event_id, fused_id) VALUES (?, ?)",
                members.items(),
            )
            self.db.executemany(
                "INSERT INTO fusion_log (action, old_id, new_id, reason) VALUES (?, ?, ?, ?)",
                log,
            )


def _page(sql: str, params: list[Any], q: EventQuery) -> tuple[str, list[Any]]:
    if q.limit:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, q.limit, q.offset]
    elif q.offset:
        sql += " LIMIT -1 OFFSET ?"
        params = [*params, q.offset]
    return sql, params


_TEXT_EVENTS = "SELECT event_id FROM events_fts WHERE events_fts MATCH ?"
_ACTOR_EVENTS = (
    "SELECT event_id FROM event_actors WHERE upper(code) = ? OR lower(name) = ? OR lower(text) = ?"
)
