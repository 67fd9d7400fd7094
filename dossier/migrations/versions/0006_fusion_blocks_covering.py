"""The fusion index's sweep index covers the columns the candidate query reads.

``dossier.fuse.index.candidates`` walks up to 200 block members before and
after a new mention in (block, day_start, event_id) order and reads each
one's interval end and actor keys.  With those in the index as well, the walk
reads the index alone, in order, instead of one table row per member (at a
million mentions: about 400 random row reads per block a new mention is in).

``events_political`` lists the political events in id order: an incremental
fuse asks which of them belong to no fused event yet, and walked the whole
``events`` table (with its JSON records) for that.  It is partial (political
rows only) and led by ``id``: an index led by ``political`` was chosen by
SQLite, without statistics, for "these documents' political events" too,
and scanned every political event (3.2 s at a million mentions).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COVERING = ["block", "day_start", "event_id", "day_end", "sources", "targets"]


def upgrade() -> None:
    op.drop_index("fusion_blocks_sweep", "fusion_blocks")
    op.create_index("fusion_blocks_sweep", "fusion_blocks", COVERING)
    op.create_index(
        "events_political",
        "events",
        ["id", "political"],
        sqlite_where=sa.text("political = 1"),
        postgresql_where=sa.text("political = 1"),
    )


def downgrade() -> None:
    op.drop_index("events_political", "events")
    op.drop_index("fusion_blocks_sweep", "fusion_blocks")
    op.create_index("fusion_blocks_sweep", "fusion_blocks", ["block", "day_start", "event_id"])
