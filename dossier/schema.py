"""The database schema, once for SQLite and PostgreSQL (SQLAlchemy Core tables).

This is the schema at the newest migration (``dossier/migrations/versions``);
``tests/test_store_schema.py`` checks that migrating an empty database gives
exactly these tables.  Dialect-specific parts:

- text columns compare and sort bytewise on both: SQLite's default (BINARY)
  and ``COLLATE "C"`` on PostgreSQL, so that ISO dates and ids order the same
  way whatever the server's locale;
- full-text search over ``events.evidence``: an FTS5 table ``events_fts`` on
  SQLite (not part of ``metadata``: a virtual table), a GIN index on
  ``to_tsvector('simple', evidence)`` on PostgreSQL (see ``dossier.dialect``).
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    func,
    literal_column,
    text,
)
from sqlalchemy.dialects import postgresql

# bytewise comparison and order on PostgreSQL, as SQLite's default
TEXT = Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def utc_now() -> str:
    """The time of a write, as SQLite's old ``strftime('%Y-%m-%dT%H:%M:%SZ', 'now')`` gave it."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", TEXT, primary_key=True),
    Column("title", TEXT),
    Column("url", TEXT),
    Column("published", TEXT),
    Column("format", TEXT),
    Column("origin", TEXT),
    Column("text", TEXT, nullable=False),
    Column("removed", TEXT, nullable=False),  # JSON list of boilerplate spans
    Column("reference_date", TEXT),  # JSON
    Column("ingested_at", TEXT, nullable=False, default=utc_now),
    # who published it and how that was found (dossier.provenance); where the
    # publication date came from (migration 0003)
    Column("outlet", TEXT),
    Column("outlet_source", TEXT),  # given, url, html, folder
    Column("published_source", TEXT),  # given, html, text, mtime, none (Document)
)

events = Table(
    "events",
    metadata,
    Column("id", TEXT, primary_key=True),
    Column("document_id", TEXT, ForeignKey("documents.id"), nullable=False),
    Column("type", TEXT, nullable=False),
    Column("mode", TEXT),
    Column("factuality", TEXT, nullable=False),
    Column("date_value", TEXT),
    Column("date_start", TEXT),
    Column("date_end", TEXT),
    Column("date_granularity", TEXT),
    Column("place", TEXT),
    Column("country", TEXT),
    Column("lat", Float),
    Column("lon", Float),
    Column("claimant", TEXT),
    Column("claim_date", TEXT),
    Column("evidence", TEXT, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("record", TEXT, nullable=False),  # the JSON record (README.md, "The record")
    # 1 when the event has a political actor or no named actor (Event.political), else 0
    Column("political", Integer, nullable=False, server_default="1"),
    Index("events_document", "document_id"),
    Index("events_type", "type"),
    Index("events_date", "date_start"),
    # the political events in id order, for fusion's "which are not fused yet" (0006);
    # partial, and led by id, so that no query filtering on political uses it for that
    Index(
        "events_political",
        "id",
        "political",
        sqlite_where=text("political = 1"),
        postgresql_where=text("political = 1"),
    ),
)

# PostgreSQL's full-text index (SQLite has the FTS5 table events_fts instead).
# Punctuation becomes spaces first so that words split as FTS5 splits them:
# PostgreSQL's parser would read "MiG-29" as "mig" and "-29", and with a C
# locale take "Russia’s" for one word.
PUNCTUATION = r"[[:punct:]\u00a0\u00ab\u00b7\u00bb\u2010-\u2027\u2039\u203a]+"
EVIDENCE_TSVECTOR = func.to_tsvector(
    text("'simple'"),
    func.regexp_replace(
        events.c.evidence,
        literal_column(f"'{PUNCTUATION}'"),
        literal_column("' '"),
        literal_column("'g'"),
    ),
)
Index("events_evidence_fts", EVIDENCE_TSVECTOR, postgresql_using="gin").ddl_if(dialect="postgresql")

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", TEXT, ForeignKey("events.id"), nullable=False),
    Column("role", TEXT, nullable=False),
    Column("code", TEXT),
    Column("name", TEXT),
    Column("text", TEXT, nullable=False),
    Index("event_actors_code", "code"),
    Index("event_actors_event", "event_id"),
)

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", TEXT, primary_key=True),
    Column("type", TEXT, nullable=False),
    Column("factuality", TEXT, nullable=False),
    Column("date_start", TEXT),
    Column("date_end", TEXT),
    Column("first_published", TEXT),
    Column("independent_sources", Integer, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("contradicted", Integer, nullable=False),  # 0 or 1
    Column("record", TEXT, nullable=False),
    Column("lat", Float),  # the record's location, for bounding-box queries
    Column("lon", Float),
    Index("fused_events_date", "date_start", "first_published"),
)

fusion_members = Table(
    "fusion_members",
    metadata,
    Column("event_id", TEXT, ForeignKey("events.id"), primary_key=True),
    Column("fused_id", TEXT, nullable=False),
    Index("fusion_members_fused", "fused_id"),
)

fusion_log = Table(
    "fusion_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", TEXT, nullable=False, default=utc_now),
    Column("action", TEXT, nullable=False),
    Column("old_id", TEXT, nullable=False),
    Column("new_id", TEXT, nullable=False),
    Column("reason", TEXT, nullable=False),
    Index("fusion_log_old", "old_id"),
    sqlite_autoincrement=True,
)

document_signatures = Table(
    "document_signatures",
    metadata,
    Column("document_id", TEXT, ForeignKey("documents.id"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
    # the article's group of copies: the smallest document id in it (its own id
    # when it has no copy); NULL until fusion has indexed it (migration 0005)
    Column("copy_group", TEXT),
    Index("document_signatures_copy_group", "copy_group"),
)

# The fusion index (migration 0005, ``dossier.fuse.index``): where fusion finds
# the mentions a new one could join without reading every mention.
# Each mention under each of its blocks (type family and actor, or family and
# country), with its time interval as day ordinals (NULL: no time at all) and
# its actor keys ("\x1f"-separated) for a first compatibility filter.
fusion_blocks = Table(
    "fusion_blocks",
    metadata,
    Column("block", TEXT, nullable=False),
    Column("event_id", TEXT, ForeignKey("events.id"), nullable=False),
    Column("day_start", Integer),
    Column("day_end", Integer),
    Column("sources", TEXT, nullable=False),
    Column("targets", TEXT, nullable=False),
    PrimaryKeyConstraint("block", "event_id"),
    # covering: the candidate query reads the index alone (migration 0006)
    Index("fusion_blocks_sweep", "block", "day_start", "event_id", "day_end", "sources", "targets"),
    Index("fusion_blocks_event", "event_id"),
)

# Each article's MinHash bands (band number, then its hash values): two
# articles sharing a band are candidate copies (the LSH of ``fuse.sources``).
document_bands = Table(
    "document_bands",
    metadata,
    Column("band", LargeBinary, nullable=False),
    Column("document_id", TEXT, ForeignKey("documents.id"), nullable=False),
    PrimaryKeyConstraint("band", "document_id"),
)

# What the fusion index was built with (the undated window) and running counts.
fusion_state = Table(
    "fusion_state",
    metadata,
    Column("name", TEXT, primary_key=True),
    Column("value", TEXT, nullable=False),
)

# SQLite only: the FTS5 virtual table, created by the migrations
events_fts = Table("events_fts", MetaData(), Column("event_id", TEXT), Column("evidence", TEXT))

COUNTED = {t.name: t for t in (documents, events, event_actors, fused_events, fusion_log)}
