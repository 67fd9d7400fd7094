"""Fused events' coordinates as columns (lat, lon) for bounding-box queries.

They were read from the JSON record with SQLite's ``json_extract``; columns
work the same on PostgreSQL and can be indexed.  Existing rows are filled
from their records.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

fused = sa.table(
    "fused_events", sa.column("id"), sa.column("record"), sa.column("lat"), sa.column("lon")
)


def upgrade() -> None:
    op.add_column("fused_events", sa.Column("lat", sa.Float))
    op.add_column("fused_events", sa.Column("lon", sa.Float))
    bind = op.get_bind()
    fill = (
        fused.update()
        .where(fused.c.id == sa.bindparam("key"))
        .values(lat=sa.bindparam("new_lat"), lon=sa.bindparam("new_lon"))
    )
    last = ""
    while True:  # a thousand at a time, in id order
        rows = bind.execute(
            sa.select(fused.c.id, fused.c.record)
            .where(fused.c.id > last)
            .order_by(fused.c.id)
            .limit(1000)
        ).all()
        if not rows:
            return
        last = rows[-1].id
        places = [(row.id, json.loads(row.record).get("location") or {}) for row in rows]
        located = [
            {"key": key, "new_lat": place.get("lat"), "new_lon": place.get("lon")}
            for key, place in places
            if place.get("lat") is not None or place.get("lon") is not None
        ]
        if located:
            bind.execute(fill, located)


def downgrade() -> None:
    with op.batch_alter_table("fused_events") as batch:
        batch.drop_column("lon")
        batch.drop_column("lat")
