"""Store: documents and events in one database, a SQLite file or PostgreSQL.

``Store("news.db")`` opens (or creates) a SQLite file, ``Store(":memory:")``
a database that lives as long as the store, and
``Store("postgresql://user:password@host/dbname")`` a PostgreSQL database
that many users and servers can share.  Opening a database brings its schema
up to date (``dossier.migrations``).  The queries are the same on both; what
differs is in ``dossier.dialect``.

``add`` writes a document in its own transaction, ``add_many`` a batch in one
(one statement per table for the batch), so an interrupted ingest keeps
everything stored before the interruption.  A document's id is the hash
of its text: storing the same article again adds nothing.

Tables (``dossier.schema``; query them with any SQL tool):

- ``documents``: id, title, url, published, format, origin, outlet, text,
  removed (JSON), ...
- ``events``: one row per event mention with the fields analysts filter on
  (type, mode, factuality, date, place, claimant) and ``record``, the full
  JSON record (README.md, "The record").
- ``event_actors``: (event_id, role, code, name, text) for actor queries.
- ``fused_events``: one row per real-world event after fusion (``dossier.fuse``)
  with its full JSON ``record``; ``fusion_members`` maps each event mention
  to its fused event; ``fusion_log`` records every merge, split and renaming
  (old id -> new id, and why); ``document_signatures`` holds each article's
  MinHash, used to find wire copies, and its group of copies; the fusion
  index (``fusion_blocks``, ``document_bands``, ``fusion_state``) is
  ``dossier.fuse.index``'s.
- full-text search of each event's evidence sentence: the FTS5 table
  ``events_fts`` on SQLite, a GIN index on PostgreSQL.

>>> store = Store(":memory:")
>>> store.count("documents")
0
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, or_, select

from dossier import dialect, gazetteer, migrations
from dossier.dialect import fts_query
from dossier.models import Result
from dossier.schema import (
    COUNTED,
    document_signatures,
    documents,
    event_actors,
    events,
    fused_events,
    fusion_log,
    fusion_members,
)
from dossier.store_rows import DocumentRows, document_rows

__all__ = ["EventQuery", "Store", "fts_query"]

CHUNK = 500  # ids per IN (...) list
# where a document comes from: the ``document`` of every event record
PROVENANCE = (
    "id", "title", "url", "origin", "outlet", "outlet_source", "published", "published_source",
)  # fmt: skip


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
    text: str | None = None  # words that must all occur in the evidence (full-text search)
    id: str | None = None
    # True: events with a political actor or none named (the default); False: the
    # others ("Henson sent Luscombe away"); None: all.  Fused events are political.
    political: bool | None = True
    # fused events only
    min_sources: int | None = None
    contradicted: bool = False


def _shared_filters(
    q: EventQuery, type_: Any, factuality: Any, start: Any, end: Any, reported: Any,
    lat: Any, lon: Any,
) -> list[ColumnElement[bool]]:
    """The filters events and fused events share, over either table's columns.

    ``since``/``until`` compare with the date range, else with ``reported``
    (publication); "~" sorts after every ISO value starting with the day.
    """
    where: list[ColumnElement[bool]] = []
    if q.type:
        where.append(type_ == q.type.upper())
    if q.factuality:
        where.append(factuality == q.factuality)
    if q.since:
        where.append(func.coalesce(end, start, reported) >= q.since)
    if q.until:
        where.append(func.coalesce(start, reported) <= q.until + "~")
    if q.bbox:
        where.append(lon.between(q.bbox[0], q.bbox[2]))
        where.append(lat.between(q.bbox[1], q.bbox[3]))
    return where


class Store:
    """A Dossier database: a SQLite file, ``:memory:`` or a ``postgresql://`` URL."""

    def __init__(self, path: str | Path = "dossier.db", *, threads: bool = False) -> None:
        """Open (or create) the database and bring its schema up to date.

        ``threads=True`` lets other threads use an in-memory database (one at
        a time), as a web server's workers do; files and servers are used
        through a pool of connections, one per call.
        """
        self.path = str(path)
        self.engine = dialect.engine(path, threads=threads)
        self.backend = self.engine.dialect.name  # "sqlite" or "postgresql"
        try:
            migrations.upgrade(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _scalar(self, statement: Select) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(statement).scalar()

    def count(self, table: str) -> int:
        if table not in COUNTED:
            raise ValueError(f"unknown table {table!r}")
        return self._scalar(select(func.count()).select_from(COUNTED[table]))

    def document_ids(self) -> list[str]:
        """Every stored document's id."""
        with self.engine.connect() as conn:
            return list(conn.scalars(select(documents.c.id)))

    def has_document(self, document_id: str) -> bool:
        return self._scalar(select(documents.c.id).where(documents.c.id == document_id)) is not None

    def add(self, result: Result, origin: str | None = None) -> bool:
        """Store a document and its events; False when the document was already there.

        ``origin`` (where it was read from) defaults to the document's own.
        """
        with self.engine.begin() as conn:
            return self._write(conn, [document_rows(result, origin)])[0]

    def add_many(self, results: list[tuple[Result, str | None]]) -> list[bool]:
        """``add`` for each (result, origin) of a batch, in one transaction (one commit
        per batch, not per document). When one fails, the batch is stored again a
        document at a time: those before it are kept, and its error is raised."""
        batch = []
        for result, origin in results:
            try:
                batch.append(document_rows(result, origin))
            except Exception:
                self.add_rows(batch)  # those before it are kept
                raise
        return self.add_rows(batch)

    def add_rows(self, batch: list[DocumentRows]) -> list[bool]:
        """``add_many`` for rows built beforehand (``store_rows.document_rows``, e.g. by
        a Ray worker): one statement per table for the whole batch, in one transaction;
        whether each document was new. When the batch fails, it is stored again a
        document at a time: those before the failing one are kept, and its error is
        raised."""
        try:
            with self.engine.begin() as conn:
                return self._write(conn, batch)
        except Exception:  # noqa: BLE001 - redone one by one, which raises it again
            pass
        out = []
        for rows in batch:
            with self.engine.begin() as conn:
                out.append(self._write(conn, [rows])[0])
        return out

    def _write(self, conn: Any, batch: list[DocumentRows]) -> list[bool]:
        """Write the batch's new documents with their events, actors and evidence index
        (a document already stored, or met before in the batch, is left out: False)."""
        ids = list(dict.fromkeys(rows.document["id"] for rows in batch))
        taken = set(_existing(conn, documents.c.id, ids))
        added, new = [], []
        for rows in batch:
            doc_id = rows.document["id"]
            added.append(doc_id not in taken)
            if doc_id not in taken:
                taken.add(doc_id)
                new.append(rows)
        if not new:
            return added
        dialect.insert_missing(conn, documents, [rows.document for rows in new])
        found = [row for rows in new for row in rows.events]
        if not found:
            return added
        replaced = _existing(conn, events.c.id, [row["id"] for row in found])
        if replaced:  # stored before: their actors and index entries go too
            conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(replaced)))
            dialect.unindex_evidence(conn, replaced)
        dialect.upsert(conn, events, found)
        dialect.index_evidence(conn, [pair for rows in new for pair in rows.evidence])
        actors = [row for rows in new for row in rows.actors]
        if actors:
            conn.execute(insert(event_actors), actors)
        return added

    def _event_filters(self, q: EventQuery) -> list[ColumnElement[bool]]:
        e, d = events.c, documents.c
        where: list[ColumnElement[bool]] = []
        if q.actor:
            where.append(e.id.in_(_actor_events(q.actor)))
        where += _shared_filters(q, e.type, e.factuality, e.date_start, e.date_end, d.published,
                                 e.lat, e.lon)  # fmt: skip
        if q.document:
            where.append(e.document_id == q.document)
        if q.political is not None:
            where.append(e.political == int(q.political))
        if q.id:
            where.append(e.id == q.id)
        if q.text:
            where.append(dialect.evidence_matches(self.backend, q.text))
        return where

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Event records (README.md, "The record") plus ``document``: where each
        comes from (``PROVENANCE``: id, title, url, origin, outlet, published, ...).

        ``since``/``until`` compare against the event's date range when it has
        one, else the document's publication date.
        """
        q = query or EventQuery()
        e, d = events.c, documents.c
        statement = (
            select(e.record, *(d[name] for name in PROVENANCE))
            .join_from(events, documents, d.id == e.document_id)
            .where(*self._event_filters(q))
            .order_by(
                _undated_first(func.coalesce(e.date_start, d.published)),
                e.document_id,
                e.evidence_start,
                e.id,
            )
        )
        for row in self._stream(_page(statement, q)):
            record = json.loads(row.record)
            record["document"] = {name: row._mapping[name] for name in PROVENANCE}
            yield record

    def events_by_id(self, ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The records (as ``events`` gives them) of these event ids, in no set order."""
        e, d = events.c, documents.c
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), CHUNK):
            statement = (
                select(e.record, *(d[name] for name in PROVENANCE))
                .join_from(events, documents, d.id == e.document_id)
                .where(e.id.in_(wanted[i : i + CHUNK]))
            )
            with self.engine.connect() as conn:
                rows = conn.execute(statement).all()
            for row in rows:
                record = json.loads(row[0])
                record["document"] = dict(zip(PROVENANCE, row[1:], strict=True))
                yield record

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events ``events(query)`` gives, without limit and offset."""
        statement = (
            select(func.count())
            .select_from(events.join(documents, documents.c.id == events.c.document_id))
            .where(*self._event_filters(query or EventQuery()))
        )
        return self._scalar(statement)

    def _stream(self, statement: Select) -> Iterator[Any]:
        with self.engine.connect() as conn:
            yield from conn.execution_options(yield_per=1000).execute(statement)

    # --- fused events (written by dossier.fuse) -------------------------------

    def _fused_filters(self, q: EventQuery) -> list[ColumnElement[bool]]:
        f = fused_events.c
        where: list[ColumnElement[bool]] = []

        def mentions(condition: ColumnElement[bool]) -> ColumnElement[bool]:
            """Fused events with a mention (an event) meeting the condition."""
            found = select(fusion_members.c.fused_id).join_from(
                fusion_members, events, events.c.id == fusion_members.c.event_id
            )
            return f.id.in_(found.where(condition))

        if q.actor:
            where.append(mentions(events.c.id.in_(_actor_events(q.actor))))
        where += _shared_filters(q, f.type, f.factuality, f.date_start, f.date_end,
                                 f.first_published, f.lat, f.lon)  # fmt: skip
        if q.document:
            where.append(mentions(events.c.document_id == q.document))
        if q.min_sources:
            where.append(f.independent_sources >= q.min_sources)
        if q.contradicted:
            where.append(f.contradicted == 1)
        if q.id:
            where.append(f.id.in_([q.id, self.current_id(q.id)]))
        if q.text:
            where.append(mentions(dialect.evidence_matches(self.backend, q.text)))
        return where

    def fused_events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Fused event records, filtered like ``events`` plus ``min_sources``,
        ``contradicted`` and ``id`` (an old id is followed to the event it became)."""
        q = query or EventQuery()
        f = fused_events.c
        statement = (
            select(f.record)
            .where(*self._fused_filters(q))
            .order_by(_undated_first(func.coalesce(f.date_start, f.first_published)), f.id)
        )
        for row in self._stream(_page(statement, q)):
            yield json.loads(row.record)

    def count_fused(self, query: EventQuery | None = None) -> int:
        where = self._fused_filters(query or EventQuery())
        return self._scalar(select(func.count()).select_from(fused_events).where(*where))

    def document(self, document_id: str) -> dict[str, Any] | None:
        """A stored article: its provenance (``PROVENANCE``), format, text and
        removed (boilerplate spans)."""
        d = documents.c
        statement = select(*(d[name] for name in PROVENANCE), d.format, d.text, d.removed)
        with self.engine.connect() as conn:
            row = conn.execute(statement.where(d.id == document_id)).mappings().first()
        if row is None:
            return None
        return dict(row) | {"removed": json.loads(row["removed"])}

    def actors(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Actors with a code or a name, and in how many events each takes part.

        A code is named by the gazetteer (FRA is "France" even when the texts
        that carried it were "Jacques Chirac" or "the Elysee"); an actor
        without a code, or with one the gazetteer does not know, by its own name.
        """
        a = event_actors.c
        name = func.coalesce(func.max(a.name), func.max(a.text)).label("name")
        count = func.count(a.event_id.distinct()).label("events")
        statement = (
            # one code per group: the group is that code, or actors without one
            select(func.max(a.code).label("code"), name, count)
            .where(or_(a.code.is_not(None), a.name.is_not(None)))
            .group_by(func.coalesce(a.code, func.lower(a.name)))
            .order_by(count.desc(), name)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = [dict(row) for row in conn.execute(statement).mappings()]
        for row in rows:
            row["name"] = gazetteer.code_name(row["code"]) or row["name"]
        return sorted(rows, key=lambda row: (-row["events"], row["name"] or ""))

    def current_id(self, fused_id: str) -> str:
        """The id a fused event has now, following merges and renamings in ``fusion_log``.

        A mention id (``ev_...``) gives the fused event it belongs to. A fused event is
        named after its first report (``fev_X`` after mention ``ev_X``), so an old id
        gives the event that report belongs to now, whatever merged, renamed or split
        since; only when that report is gone is ``fusion_log`` followed.
        """
        m, f, log = fusion_members.c, fused_events.c, fusion_log.c
        with self.engine.connect() as conn:
            member = conn.execute(select(m.fused_id).where(m.event_id == fused_id)).scalar()
            if member is not None:
                return member
            if fused_id.startswith("fev_"):
                namesake = "ev_" + fused_id.removeprefix("fev_")
                member = conn.execute(select(m.fused_id).where(m.event_id == namesake)).scalar()
                if member is not None:
                    return member
            seen = {fused_id}
            while True:
                if conn.execute(select(f.id).where(f.id == fused_id)).first():
                    return fused_id
                # merged or renamed: the event it became; split (and gone): its first part
                became = conn.execute(
                    select(log.new_id)
                    .where(log.old_id == fused_id)
                    .order_by(log.action == "split", log.seq.desc())
                    .limit(1)
                ).scalar()
                if became is None or became in seen:
                    return fused_id
                fused_id = became
                seen.add(fused_id)

    def fusion_members(self) -> dict[str, str]:
        """Event mention id -> fused event id."""
        m = fusion_members.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(m.event_id, m.fused_id))
            return {row.event_id: row.fused_id for row in rows}

    def fusion_log(self, fused_id: str | None = None) -> list[dict[str, Any]]:
        log = fusion_log.c
        statement = select(log.seq, log.at, log.action, log.old_id, log.new_id, log.reason)
        if fused_id:
            statement = statement.where(or_(log.old_id == fused_id, log.new_id == fused_id))
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(statement.order_by(log.seq)).mappings()]

    def signatures(self, document_ids: list[str]) -> dict[str, bytes]:
        """Stored MinHash signatures (bytes) of these documents, where computed."""
        s = document_signatures.c
        found: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(document_ids), CHUNK):
                chunk = document_ids[i : i + CHUNK]
                statement = select(s.document_id, s.minhash).where(s.document_id.in_(chunk))
                rows = conn.execute(statement)
                found.update((row.document_id, bytes(row.minhash)) for row in rows)
        return found

    def document_texts(self, document_ids: list[str]) -> Iterator[tuple[str, str]]:
        d = documents.c
        for i in range(0, len(document_ids), CHUNK):
            chunk = document_ids[i : i + CHUNK]
            with self.engine.connect() as conn:
                rows = conn.execute(select(d.id, d.text).where(d.id.in_(chunk))).all()
            yield from ((row.id, row.text) for row in rows)

    def document_bodies(
        self, document_ids: list[str]
    ) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
        """(id, text, removed boilerplate spans) of these documents."""
        d = documents.c
        for i in range(0, len(document_ids), CHUNK):
            chunk = document_ids[i : i + CHUNK]
            with self.engine.connect() as conn:
                statement = select(d.id, d.text, d.removed).where(d.id.in_(chunk))
                rows = conn.execute(statement).all()
            yield from ((row.id, row.text, json.loads(row.removed or "[]")) for row in rows)

    def add_signatures(self, signatures: dict[str, bytes]) -> None:
        rows = [{"document_id": d, "minhash": m} for d, m in signatures.items()]
        with self.engine.begin() as conn:
            dialect.upsert(conn, document_signatures, rows)

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
        gone = sorted(removed)
        with self.engine.begin() as conn:
            for i in range(0, len(gone), CHUNK):
                conn.execute(delete(fused_events).where(fused_events.c.id.in_(gone[i : i + CHUNK])))
            dialect.upsert(conn, fused_events, [_fused_row(record) for record in records])
            dialect.upsert(
                conn, fusion_members, [{"event_id": m, "fused_id": f} for m, f in members.items()]
            )
            if log:
                rows = [dict(zip(("action", "old_id", "new_id", "reason"), entry, strict=True))
                        for entry in log]  # fmt: skip
                conn.execute(insert(fusion_log), rows)


def _existing(conn: Any, column: Any, keys: list[str], chunk: int = 500) -> list[str]:
    """Which of ``keys`` are in ``column`` (queried ``chunk`` at a time: SQLite limits
    the parameters of one statement)."""
    found: list[str] = []
    for start in range(0, len(keys), chunk):
        found += conn.scalars(select(column).where(column.in_(keys[start : start + chunk])))
    return found


def _fused_row(record: dict[str, Any]) -> dict[str, Any]:
    date = record.get("date") or {}
    place = record.get("location") or {}
    return {
        "id": record["id"],
        "type": record["type"],
        "factuality": record["factuality"],
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "first_published": record["first_reported"]["published"],
        "independent_sources": record["independent_sources"],
        "mention_count": len(record["mentions"]),
        "contradicted": int(bool(record["contradictions"])),
        "record": json.dumps(record, ensure_ascii=False),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
    }


def _page(statement: Select, q: EventQuery) -> Select:
    if q.limit:
        statement = statement.limit(q.limit)
    return statement.offset(q.offset) if q.offset else statement


def _undated_first(date: ColumnElement[Any]) -> ColumnElement[Any]:
    """Order by date, events without one first (SQLite's order; PostgreSQL's puts them last)."""
    return date.asc().nulls_first()


def _actor_events(actor: str) -> Select:
    """Events with this actor (an ISO3 code or a name) as source or target."""
    a = event_actors.c
    return select(a.event_id).where(
        or_(
            func.upper(a.code) == actor.upper(),
            func.lower(a.name) == actor.lower(),
            func.lower(a.text) == actor.lower(),
        )
    )
