"""Schema migrations (Alembic), run by ``dossier.store.Store`` on every open.

``upgrade(engine)`` brings a database to the newest revision in ``versions/``:
an empty database gets the whole schema, an older one the changes it lacks.
It costs one query when the database is up to date.  On PostgreSQL an
advisory lock lets one process migrate at a time.

SQLite files made before migrations existed (no ``alembic_version`` table)
are upgraded like any other database: the first revision creates only the
tables and indexes that are missing, so it adopts such a file as it is.

To write a new revision, change ``dossier/schema.py`` and compare it with a
database at the newest revision::

    from alembic import command
    from dossier import migrations
    command.revision(migrations.config(url="sqlite:///dev.db"), "what changed",
                     autogenerate=True, rev_id="0003")

then edit the generated file: it must work on SQLite and PostgreSQL (batch
operations, ``op.get_bind().dialect.name`` for what differs).
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

HERE = Path(__file__).resolve().parent
LOCK = zlib.crc32(b"dossier.migrations")  # pg_advisory_xact_lock key


def config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic configuration over these scripts, for a connection or a URL."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head() -> str | None:
    """The newest revision."""
    return ScriptDirectory.from_config(config()).get_current_head()


def current(connection: Connection) -> str | None:
    """The revision of the database (None for an empty or pre-migration one)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # one migrating process at a time
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK})
        if current(conn) != head():
            command.upgrade(config(conn), "head")


def include_object(obj: Any, name: str | None, type_: str, *_args: Any) -> bool:
    """What autogenerate compares: not SQLite's FTS5 tables (absent from the metadata)."""
    return not (type_ == "table" and name is not None and name.startswith("events_fts"))
