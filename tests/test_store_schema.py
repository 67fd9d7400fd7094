"""The schema and its migrations.

Migrating an empty database gives exactly the tables of ``dossier.schema``
on SQLite and PostgreSQL, the migrations go down and up again, and SQLite
files written before migrations existed still open with the same results.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from dossier import dialect, migrations
from dossier.fuse import fuse
from dossier.ingest import load_document, read_articles
from dossier.pipeline import process
from dossier.schema import metadata
from dossier.store import EventQuery, Store

HERE = Path(__file__).parent
BEFORE_MIGRATIONS = HERE / "data" / "store-before-migrations.sql"
EXAMPLE = HERE.parent / "examples" / "rus-prk-jets-for-troops.txt"


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "schema.db")
    return request.getfixturevalue("pg_url")


# SQLite has no such index: its full-text search is an FTS5 table
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrations_give_the_tables_of_dossier_schema(target):
    with Store(target) as store, store.engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()
        context = MigrationContext.configure(
            conn, opts={"include_object": migrations.include_object}
        )
        assert compare_metadata(context, metadata) == []


def test_migrations_go_down_and_up_again(target):
    Store(target).close()
    engine = dialect.engine(target)
    try:
        with engine.begin() as conn:
            command.downgrade(migrations.config(conn), "base")
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == ["alembic_version"]
            assert migrations.current(conn) is None
    finally:
        engine.dispose()
    with Store(target) as store:
        assert store.count("documents") == 0
        assert list(store.events(EventQuery(text="jets"))) == []


@pytest.fixture(scope="module")
def current_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The example article stored and fused by the current Store."""
    path = tmp_path_factory.mktemp("current") / "current.db"
    with Store(path) as store:
        for item in read_articles([EXAMPLE]):
            store.add(process(load_document(item)), origin=item.origin)
        fuse(store)
        yield store


def _write_before_migrations(store: Store, path: Path, *, fts: bool) -> None:
    """The store's rows in a file with the schema from before migrations
    (and from before full-text search unless ``fts``)."""
    db = sqlite3.connect(path)
    db.executescript(BEFORE_MIGRATIONS.read_text(encoding="utf-8"))
    if not fts:
        db.execute("DROP TABLE events_fts")
    db.execute("ATTACH DATABASE ? AS current", (store.path,))
    with db:
        for table in ("documents", "events", "event_actors", "fused_events",
                      "fusion_members", "fusion_log", "document_signatures"):  # fmt: skip
            columns = ", ".join(row[1] for row in db.execute(f"PRAGMA main.table_info({table})"))
            db.execute(
                f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM current.{table}"
            )
        if fts:
            db.execute("INSERT INTO events_fts SELECT id, evidence FROM current.events")
    db.close()


@pytest.mark.parametrize("fts", [True, False], ids=["with-fts", "before-fts"])
def test_a_file_from_before_migrations_opens_with_the_same_results(current_store, tmp_path, fts):
    path = tmp_path / "old.db"
    _write_before_migrations(current_store, path, fts=fts)
    place = next(r["location"] for r in current_store.fused_events() if r.get("location"))
    near = (place["lon"] - 1, place["lat"] - 1, place["lon"] + 1, place["lat"] + 1)
    queries = [
        EventQuery(),
        EventQuery(text="fighter jets"),
        EventQuery(actor="PRK", type="AID"),
        EventQuery(bbox=near),
        EventQuery(since="2024-06", until="2024-06-30"),
    ]
    for _ in range(2):  # migrated on the first open, up to date on the second
        with Store(path) as old:
            for query in queries:
                assert list(old.events(query)) == list(current_store.events(query))
                assert list(old.fused_events(query)) == list(current_store.fused_events(query))
            assert old.count_fused(EventQuery(bbox=near)) > 0
            assert old.count_events(EventQuery(text="fighter jets")) > 0
            assert old.actors() == current_store.actors()
            assert old.fusion_members() == current_store.fusion_members()
            with old.engine.connect() as conn:
                assert migrations.current(conn) == migrations.head()
