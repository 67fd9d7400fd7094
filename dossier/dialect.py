"""What differs between SQLite and PostgreSQL, kept to these small helpers.

``dossier.store`` writes one SQLAlchemy Core query for both; here are

- ``engine``: a file path, ``:memory:`` or a URL (``postgresql://...``) to an engine;
- ``insert_new`` and ``upsert``: inserts that skip or replace an existing row
  (``INSERT ... ON CONFLICT``, which both dialects have);
- full-text search over event evidence (``evidence_matches``): an FTS5 table
  on SQLite, written by ``index_evidence``, and on PostgreSQL
  ``to_tsvector('simple', <evidence, punctuation made spaces>) @@
  plainto_tsquery('simple', words)`` over a GIN index on that expression
  (``dossier.schema.EVIDENCE_TSVECTOR``).  Both match events whose evidence has
  every word of the query, whatever their case, and split words at every
  punctuation mark as FTS5 does ("MiG-29" is "MiG" and "29", "Russia’s" is
  "Russia" and "s").  What still differs, on rarer input: FTS5 ignores
  diacritics ("Kyiv" finds "Kyïv"), and on a server whose LC_CTYPE is C,
  PostgreSQL folds the case of ASCII letters only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    literal_column,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from dossier.schema import EVIDENCE_TSVECTOR, events, events_fts

Row = Mapping[str, Any]


def is_url(target: str | Path) -> bool:
    """A database URL (``postgresql://...``) rather than a SQLite file name."""
    return "://" in str(target)


def url(target: str | Path) -> URL:
    """The SQLAlchemy URL of a file name, ``:memory:`` or URL; ``postgresql://``
    means psycopg (version 3).

    >>> url("news.db").render_as_string(), url("postgresql://u@db/news").drivername
    ('sqlite:///news.db', 'postgresql+psycopg')
    """
    if not is_url(target):
        return URL.create("sqlite", database=str(target))
    parsed = make_url(str(target))
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def shown(target: str | Path) -> str:
    """The database for messages: a URL without its password.

    >>> shown("postgresql://dossier:s3cret@db.example/news")
    'postgresql://dossier:***@db.example/news'
    """
    if not is_url(target):
        return str(target)
    return make_url(str(target)).render_as_string(hide_password=True)


def engine(target: str | Path, *, threads: bool = False) -> Engine:
    """An engine for the database; ``threads`` lets other threads use an
    in-memory SQLite database (files and servers have a connection pool)."""
    address = url(target)
    if address.get_backend_name() != "sqlite":
        return create_engine(address)
    memory = address.database in (None, "", ":memory:")
    if memory:  # one connection holds the whole database
        made = create_engine(
            address, poolclass=StaticPool, connect_args={"check_same_thread": not threads}
        )
    else:
        made = create_engine(address)

    @event.listens_for(made, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    return made


def _insert(dialect: str, table: Table) -> Any:
    """``INSERT`` with ``ON CONFLICT`` clauses (``sqlite.Insert`` or ``postgresql.Insert``)."""
    return (sqlite if dialect == "sqlite" else postgresql).insert(table)


@functools.cache
def _insert_new(dialect: str, table: Table) -> Any:
    statement = _insert(dialect, table).on_conflict_do_nothing()
    return statement.returning(*table.primary_key.columns)  # rowcount is not reliable


@functools.cache
def _upsert(dialect: str, table: Table) -> Any:
    statement = _insert(dialect, table)
    keys = [c.name for c in table.primary_key.columns]
    changed = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    return statement.on_conflict_do_update(index_elements=keys, set_=changed)


def insert_new(conn: Connection, table: Table, row: Row) -> bool:
    """Insert the row unless its primary key is taken; whether it was inserted."""
    return conn.execute(_insert_new(conn.dialect.name, table), row).first() is not None


def upsert(conn: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Insert the rows, replacing those with the same primary key."""
    if rows:
        conn.execute(_upsert(conn.dialect.name, table), rows)


@functools.cache
def _insert_missing(dialect: str, table: Table) -> Any:
    return _insert(dialect, table).on_conflict_do_nothing()


def insert_missing(conn: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Insert the rows whose primary key is not taken yet."""
    if rows:
        conn.execute(_insert_missing(conn.dialect.name, table), rows)


def bulk_insert(
    conn: Connection, table: Table, rows: Sequence[Row], missing_only: bool = False
) -> None:
    """Insert many rows (all with the same keys) through the driver's
    ``executemany``, without SQLAlchemy's per-row work: for large batches.
    ``missing_only``: leave out the rows whose primary key is taken (``insert_missing``)."""
    if not rows:
        return
    defaults = {  # columns with a default in Python (ingested_at), once per batch
        c.name: c.default.arg(None) if callable(c.default.arg) else c.default.arg
        for c in table.columns
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar is not None
    }
    keys = [*rows[0], *defaults]
    statement = _insert_missing(conn.dialect.name, table) if missing_only else insert(table)
    compiled = statement.compile(dialect=conn.dialect, column_keys=keys)
    full = [{**row, **defaults} for row in rows] if defaults else rows
    if compiled.positional:
        order = compiled.positiontup or []
        conn.exec_driver_sql(str(compiled), [tuple(row[k] for k in order) for row in full])
    else:
        conn.exec_driver_sql(str(compiled), [dict(row) for row in full])


def index_evidence(conn: Connection, rows: Sequence[tuple[str, str]]) -> None:
    """Index new (event id, evidence) for ``evidence_matches``: SQLite's FTS5
    table is written here; PostgreSQL's index follows the ``events`` table itself."""
    if conn.dialect.name == "sqlite" and rows:
        conn.execute(insert(events_fts), [{"event_id": i, "evidence": t} for i, t in rows])


def unindex_evidence(conn: Connection, event_ids: Sequence[str]) -> None:
    """Take these events out of SQLite's FTS5 table (a full scan: ``event_id``
    is not indexed), before they are indexed again."""
    if conn.dialect.name == "sqlite" and event_ids:
        conn.execute(delete(events_fts).where(events_fts.c.event_id.in_(event_ids)))


def words(text: str) -> list[str]:
    """The words of a search, as both dialects' tokenizers split plain words."""
    return re.findall(r"\w+", text)


def fts_query(text: str) -> str | None:
    """Words as an FTS5 query that matches all of them, quoted so that no
    character of the input is read as FTS5 syntax.

    >>> fts_query('MiG-29 "jets" OR')
    '"MiG" "29" "jets" "OR"'
    """
    return " ".join(f'"{w}"' for w in words(text)) or None


def evidence_matches(dialect: str, text: str) -> ColumnElement[bool]:
    """Events (a condition on the ``events`` table) whose evidence has every word of ``text``."""
    if not words(text):
        return false()
    if dialect == "sqlite":
        found = events_fts.select().with_only_columns(events_fts.c.event_id)
        return events.c.id.in_(found.where(events_fts.c.evidence.match(fts_query(text))))
    query = func.plainto_tsquery(literal_column("'simple'"), " ".join(words(text)))
    return EVIDENCE_TSVECTOR.op("@@")(query)
