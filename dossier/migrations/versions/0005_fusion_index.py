"""The fusion index: candidate retrieval in the database (``dossier.fuse.index``).

``fusion_blocks`` holds every event mention under each of its blocks (type
family and actor, or family and country) with its time interval;
``document_bands`` each article's MinHash bands; ``document_signatures``
gains ``copy_group`` (the article's group of copies); ``fusion_state``
records the undated window the index was built with.  The tables start
empty: the next ``fuse`` fills them from the stored mentions (once), then
only new mentions are added.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# bytewise comparison and order on PostgreSQL, as SQLite's default (as in 0001)
TEXT = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("document_signatures") as batch:
        batch.add_column(sa.Column("copy_group", TEXT))
        batch.create_index("document_signatures_copy_group", ["copy_group"])
    op.create_table(
        "fusion_blocks",
        sa.Column("block", TEXT, nullable=False),
        sa.Column("event_id", TEXT, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("day_start", sa.Integer),
        sa.Column("day_end", sa.Integer),
        sa.Column("sources", TEXT, nullable=False),
        sa.Column("targets", TEXT, nullable=False),
        sa.PrimaryKeyConstraint("block", "event_id"),
    )
    op.create_index("fusion_blocks_sweep", "fusion_blocks", ["block", "day_start", "event_id"])
    op.create_index("fusion_blocks_event", "fusion_blocks", ["event_id"])
    op.create_table(
        "document_bands",
        sa.Column("band", sa.LargeBinary, nullable=False),
        sa.Column("document_id", TEXT, sa.ForeignKey("documents.id"), nullable=False),
        sa.PrimaryKeyConstraint("band", "document_id"),
    )
    op.create_table(
        "fusion_state",
        sa.Column("name", TEXT, primary_key=True),
        sa.Column("value", TEXT, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fusion_state")
    op.drop_table("document_bands")
    op.drop_index("fusion_blocks_event", "fusion_blocks")
    op.drop_index("fusion_blocks_sweep", "fusion_blocks")
    op.drop_table("fusion_blocks")
    with op.batch_alter_table("document_signatures") as batch:
        batch.drop_index("document_signatures_copy_group")
        batch.drop_column("copy_group")
