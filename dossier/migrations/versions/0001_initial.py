"""The schema of the first Store (SQLite only, before migrations).

A SQLite file made by that Store already has these tables: every table and
index is created only when missing, so the file is adopted as it is, and an
FTS5 index created now (files from before full-text search) is filled from
the stored events.  PostgreSQL gets a GIN index on the evidence's words instead.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# bytewise comparison and order on PostgreSQL, as SQLite's default
TEXT = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
PUNCTUATION = r"[[:punct:]\u00a0\u00ab\u00b7\u00bb\u2010-\u2027\u2039\u203a]+"

INDEXES = [
    ("events_document", "events", ["document_id"]),
    ("events_type", "events", ["type"]),
    ("events_date", "events", ["date_start"]),
    ("event_actors_code", "event_actors", ["code"]),
    ("event_actors_event", "event_actors", ["event_id"]),
    ("fusion_members_fused", "fusion_members", ["fused_id"]),
    ("fusion_log_old", "fusion_log", ["old_id"]),
    ("fused_events_date", "fused_events", ["date_start", "first_published"]),
]


def upgrade() -> None:
    def table(name: str, *columns: sa.Column, **options: object) -> None:
        op.create_table(name, *columns, if_not_exists=True, **options)

    def column(name: str, type_: object = TEXT, *args: object, **options: object) -> sa.Column:
        return sa.Column(name, type_, *args, **options)

    table(
        "documents",
        column("id", primary_key=True),
        column("title"),
        column("url"),
        column("published"),
        column("format"),
        column("origin"),
        column("text", nullable=False),
        column("removed", nullable=False),
        column("reference_date"),
        column("ingested_at", nullable=False),
    )
    table(
        "events",
        column("id", primary_key=True),
        column("document_id", TEXT, sa.ForeignKey("documents.id"), nullable=False),
        column("type", nullable=False),
        column("mode"),
        column("factuality", nullable=False),
        column("date_value"),
        column("date_start"),
        column("date_end"),
        column("date_granularity"),
        column("place"),
        column("country"),
        column("lat", sa.Float),
        column("lon", sa.Float),
        column("claimant"),
        column("claim_date"),
        column("evidence", nullable=False),
        column("evidence_start", sa.Integer, nullable=False),
        column("evidence_end", sa.Integer, nullable=False),
        column("record", nullable=False),
    )
    table(
        "event_actors",
        column("event_id", TEXT, sa.ForeignKey("events.id"), nullable=False),
        column("role", nullable=False),
        column("code"),
        column("name"),
        column("text", nullable=False),
    )
    table(
        "fused_events",
        column("id", primary_key=True),
        column("type", nullable=False),
        column("factuality", nullable=False),
        column("date_start"),
        column("date_end"),
        column("first_published"),
        column("independent_sources", sa.Integer, nullable=False),
        column("mention_count", sa.Integer, nullable=False),
        column("contradicted", sa.Integer, nullable=False),
        column("record", nullable=False),
    )
    table(
        "fusion_members",
        column("event_id", TEXT, sa.ForeignKey("events.id"), primary_key=True),
        column("fused_id", nullable=False),
    )
    table(
        "fusion_log",
        column("seq", sa.Integer, primary_key=True, autoincrement=True),
        column("at", nullable=False),
        column("action", nullable=False),
        column("old_id", nullable=False),
        column("new_id", nullable=False),
        column("reason", nullable=False),
        sqlite_autoincrement=True,
    )
    table(
        "document_signatures",
        column("document_id", TEXT, sa.ForeignKey("documents.id"), primary_key=True),
        column("minhash", sa.LargeBinary, nullable=False),
    )
    for name, table_name, columns in INDEXES:
        op.create_index(name, table_name, columns, if_not_exists=True)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        had_fts = sa.inspect(bind).has_table("events_fts")
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(event_id UNINDEXED, evidence)"
        )
        if not had_fts:
            op.execute(
                "INSERT INTO events_fts (event_id, evidence) SELECT id, evidence FROM events"
            )
    else:  # words split at punctuation, as FTS5 splits them (see dossier.schema)
        words = f"regexp_replace(evidence, '{PUNCTUATION}', ' ', 'g')"
        op.create_index(
            "events_evidence_fts",
            "events",
            [sa.text(f"to_tsvector('simple', {words})")],
            postgresql_using="gin",
            if_not_exists=True,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS events_fts")
    for name in ("document_signatures", "fusion_log", "fusion_members", "fused_events",
                 "event_actors", "events", "documents"):  # fmt: skip
        op.drop_table(name)
