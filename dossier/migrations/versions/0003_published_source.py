"""Where a document's publication date came from: ``documents.published_source``.

"given" (the command line or the record), "html" (the page's metadata),
"text" (a "Published:" line, a dateline, a date line at the top), "mtime"
(the file's time, when the user says so) or "none".  Documents stored before
have no publication date ("none") or one whose source was not kept (NULL).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# bytewise comparison and order on PostgreSQL, as SQLite's default
TEXT = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")

documents = sa.table("documents", sa.column("published"), sa.column("published_source"))


def upgrade() -> None:
    op.add_column("documents", sa.Column("published_source", TEXT))
    op.get_bind().execute(
        documents.update().where(documents.c.published.is_(None)).values(published_source="none")
    )


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("published_source")
