"""Events between no political actor are stored, marked ``political = 0``.

Before, such events ("Henson sent Luscombe away": named actors, none of them a
state, organisation or official) were dropped at extraction; now every event is
stored and queries show the political ones unless asked (``--political``,
``political=``).  Every event stored before was political, so existing rows get 1.

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


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("political", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("political")
