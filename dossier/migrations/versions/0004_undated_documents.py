"""Documents without a publication date say so: ``published_source`` "none".

Migration 0003 left the source of stored documents without a date empty;
new documents say "none" (``dossier.ingest.load_document``), and so do these
now, so that a database made before answers as a new one does.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

documents = sa.table("documents", sa.column("published"), sa.column("published_source"))


def upgrade() -> None:
    op.get_bind().execute(
        documents.update()
        .where(documents.c.published.is_(None), documents.c.published_source.is_(None))
        .values(published_source="none")
    )


def downgrade() -> None:
    op.get_bind().execute(
        documents.update()
        .where(documents.c.published.is_(None), documents.c.published_source == "none")
        .values(published_source=None)
    )
