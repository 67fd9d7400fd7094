"""Alembic environment: migrations run on the connection ``dossier.migrations``
passes, or on a database given as ``sqlalchemy.url``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from dossier import dialect
from dossier.migrations import include_object
from dossier.schema import metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_as_batch=True,  # SQLite alters tables by copying them
    )
    with context.begin_transaction():  # nothing new when the caller began one
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Dossier's migrations run on a database, not as SQL scripts")
given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    engine = dialect.engine(context.config.get_main_option("sqlalchemy.url") or "dossier.db")
    try:
        with engine.begin() as connection:
            run(connection)
    finally:
        engine.dispose()
