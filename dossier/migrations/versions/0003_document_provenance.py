"""Documents say where they come from: ``outlet`` (and how it was found,
``outlet_source``) and ``published_source`` (where the publication date came from).

Documents stored before get what can be read from their rows: the outlet of
their URL, else the name of the folder of the file they were read from (the
folder named on the command line was not recorded), and, for plain text
without a title, the first line when it reads as a headline
(``dossier.provenance``).  Their ``published_source`` is "given" when they
have a date (the only way one was set for text), else "none", as a
document stored now without a date says.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import re
from pathlib import PurePath

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dossier.provenance import headline, outlet_of_url

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

documents = sa.table(
    "documents",
    sa.column("id"), sa.column("title"), sa.column("url"), sa.column("format"),
    sa.column("origin"), sa.column("text"), sa.column("published"), sa.column("outlet"),
    sa.column("outlet_source"), sa.column("published_source"),
)  # fmt: skip
# bytewise comparison and order on PostgreSQL, as SQLite's default (as in 0001)
TEXT = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
_LINE = re.compile(r":\d+$")  # "file.jsonl:17"


def _filled(row: sa.Row) -> dict[str, object]:
    values: dict[str, object] = {"key": row.id, "new_title": row.title}
    outlet, source = outlet_of_url(row.url), "url"
    origin = row.origin or ""
    if outlet is None and origin and not origin.startswith("<") and not _LINE.search(origin):
        outlet, source = PurePath(origin).parent.name or None, "folder"
    values["new_outlet"], values["new_outlet_source"] = outlet, source if outlet else None
    if row.title is None and row.format == "text":
        values["new_title"] = headline(row.text)
    values["new_published_source"] = "given" if row.published else "none"
    return values


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("outlet", TEXT))
        batch.add_column(sa.Column("outlet_source", TEXT))
        batch.add_column(sa.Column("published_source", TEXT))
    bind = op.get_bind()
    fill = (
        documents.update()
        .where(documents.c.id == sa.bindparam("key"))
        .values(
            title=sa.bindparam("new_title"),
            outlet=sa.bindparam("new_outlet"),
            outlet_source=sa.bindparam("new_outlet_source"),
            published_source=sa.bindparam("new_published_source"),
        )
    )
    d = documents.c
    last = ""
    while True:  # a thousand at a time, in id order
        rows = bind.execute(
            sa.select(d.id, d.title, d.url, d.format, d.origin, d.text, d.published)
            .where(d.id > last)
            .order_by(d.id)
            .limit(1000)
        ).all()
        if not rows:
            return
        last = rows[-1].id
        bind.execute(fill, [_filled(row) for row in rows])


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("published_source")
        batch.drop_column("outlet_source")
        batch.drop_column("outlet")
