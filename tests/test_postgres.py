"""PostgreSQL as the shared database: the same results as SQLite.

The example article and the fusion corpus are stored and fused in a SQLite
file and in a PostgreSQL database, and every query must give the same answer
on both: events, counts and fused events under each filter, actors, fusion
members and log.  Then the command line and the HTTP API over a
``postgresql://`` URL.

These tests need a PostgreSQL server (see ``tests/conftest.py``): they skip,
saying why, where none can be started or reached.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from dossier.cli import app
from dossier.fuse import fuse
from dossier.ingest import load_document, read_articles
from dossier.models import Result
from dossier.pipeline import process
from dossier.serve import create_app
from dossier.store import EventQuery, Store

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "examples" / "rus-prk-jets-for-troops.txt"
CORPUS = HERE / "data" / "fusion" / "articles.jsonl"

Stored = list[tuple[Result, str]]
# words the evidence of some events has, split by punctuation (ASCII or not)
WORDS = [
    "Kharkiv", "fighter jets", "MiG-29", "mig 29", "Russia’s Kursk", "Korean People’s Army",
    "Pantsir-S1", "IRIS-T", "0.25 percent", "F-16s", "Ukraine's second", "10 a.m.",
]  # fmt: skip


@pytest.fixture(scope="module")
def results() -> Stored:
    """The example article and the fusion corpus, extracted once."""
    return [
        (process(load_document(item)), item.origin)
        for item in read_articles([EXAMPLE, CORPUS])
    ]  # fmt: skip


def fill(store: Store, results: Stored) -> None:
    """Store and fuse the results in two batches, latest first, so that fusion
    renames and merges events (and logs it) when earlier reports arrive."""
    half = len(results) // 2
    for batch in (results[half:], results[:half]):
        for result, origin in reversed(batch):
            store.add(result, origin=origin)
        fuse(store)


@pytest.fixture()
def both(pg_url: str, tmp_path: Path, results: Stored) -> Iterator[tuple[Store, Store]]:
    """(SQLite store, PostgreSQL store) holding the same articles."""
    with Store(tmp_path / "same.db") as lite, Store(pg_url) as pg:
        fill(lite, results)
        fill(pg, results)
        yield lite, pg


def queries(store: Store) -> list[EventQuery]:
    """Each filter alone, some together, and paging."""
    log = store.fusion_log()
    return [
        EventQuery(),
        EventQuery(actor="RUS"),
        EventQuery(actor="north korea"),
        EventQuery(type="assault"),
        EventQuery(factuality="negated"),
        EventQuery(since="2024-03"),
        EventQuery(until="2024-03-05"),
        EventQuery(since="2024-01", until="2024-06-30"),
        EventQuery(bbox=(30.0, 44.0, 40.0, 56.0)),  # Ukraine and western Russia
        *(EventQuery(text=words) for words in WORDS),
        EventQuery(text='MiG-29 "jets" OR'),
        EventQuery(text="!!!"),
        EventQuery(document=next(store.events())["document"]["id"]),
        EventQuery(actor="RUS", type="ASSAULT", since="2024", limit=5, offset=3),
        EventQuery(limit=10, offset=20),
        EventQuery(offset=200),
        EventQuery(min_sources=2),
        EventQuery(contradicted=True),
        EventQuery(id=log[0]["old_id"]),  # an old id leads to the event it became
    ]


def test_the_same_results_on_sqlite_and_postgresql(both):
    lite, pg = both
    assert lite.fusion_log(), "fusing in two batches should rename or merge events"
    total = lite.count_events()
    nonempty = 0
    for query in queries(lite):
        events = list(lite.events(query))
        assert list(pg.events(query)) == events, query
        assert pg.count_events(query) == lite.count_events(query), query
        assert list(pg.fused_events(query)) == list(lite.fused_events(query)), query
        assert pg.count_fused(query) == lite.count_fused(query), query
        nonempty += bool(events)
    assert nonempty >= 15  # the filters select something
    for words in WORDS:
        assert 0 < lite.count_events(EventQuery(text=words)) < total, words
    located = lite.count_fused(EventQuery(bbox=(30.0, 44.0, 40.0, 56.0)))
    assert 0 < located < lite.count("fused_events")
    assert pg.actors() == lite.actors()
    assert pg.actors(limit=3) == lite.actors(limit=3)
    assert pg.fusion_members() == lite.fusion_members()

    def log(store: Store, fused_id: str | None = None) -> list[dict[str, Any]]:
        return [{k: v for k, v in row.items() if k != "at"} for row in store.fusion_log(fused_id)]

    assert log(pg) == log(lite)
    old = lite.fusion_log()[0]["old_id"]
    assert log(pg, old) == log(lite, old)
    assert pg.current_id(old) == lite.current_id(old)
    for table in ("documents", "events", "event_actors", "fused_events", "fusion_log"):
        assert pg.count(table) == lite.count(table)
    ids = [record["document"]["id"] for record in lite.events()]
    assert pg.document(ids[0]) == lite.document(ids[0])
    assert pg.signatures(ids) == lite.signatures(ids) != {}
    assert sorted(pg.document_texts(ids[:3])) == sorted(lite.document_texts(ids[:3]))


def test_storing_again_adds_nothing(both, results):
    lite, pg = both
    for store in (lite, pg):
        counts = {t: store.count(t) for t in ("documents", "events", "event_actors")}
        assert not any(store.add(result, origin=origin) for result, origin in results)
        assert all(store.has_document(result.document.id) for result, _origin in results)
        assert {t: store.count(t) for t in counts} == counts
        assert fuse(store).mentions == 0


def test_a_document_that_fails_to_store_leaves_nothing_behind(pg_url, results):
    (first, _), (second, _) = results[:2]
    broken_event = dataclasses.replace(second.events[-1], type=None)
    broken = Result(second.document, [*second.events[:-1], broken_event])
    for target in (":memory:", pg_url):
        with Store(target) as store:
            assert store.add(first)
            with pytest.raises(IntegrityError):
                store.add(broken)
            assert not store.has_document(second.document.id)
            assert store.count("documents") == 1
            assert store.count_events() == len(first.events)
            assert store.add(second)  # the failed write left nothing in the way


def test_the_command_line_on_postgresql(pg_url, tmp_path):
    runner = CliRunner()

    def run(*args: object) -> Any:
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    listed = {}
    for db in (tmp_path / "cli.db", pg_url):
        stored = run("ingest", EXAMPLE, "--db", db)
        assert "stored 1 document(s)" in stored.stderr
        again = run("ingest", EXAMPLE, "--db", db)
        assert "1 already stored" in again.stderr
        run("fuse", "--db", db, "--rebuild")
        listed[db] = [
            json.loads(run("events", "--db", db, "--format", "json").stdout),
            json.loads(run("events", "--db", db, "--format", "json", "--actor", "PRK").stdout),
            json.loads(run("events", "--db", db, "--format", "json", "--fused").stdout),
            run("export", "-", "--db", db, "--format", "geojson").stdout,
        ]
    assert listed[pg_url] == listed[tmp_path / "cli.db"]
    assert listed[pg_url][0] and listed[pg_url][1] and listed[pg_url][2]


def test_the_api_on_postgresql(pg_url, tmp_path, results):
    lite = tmp_path / "api.db"
    for target in (lite, pg_url):
        with Store(target) as store:
            fill(store, results[:8])
    answers = []
    for target in (lite, pg_url):
        client = TestClient(create_app(target))
        answers.append([
            client.get("/api/events", params={"per_page": 500}).json(),
            client.get("/api/events", params={"q": "jets", "actor": "RUS"}).json(),
            client.get("/api/events", params={"fused": True, "bbox": "20,40,45,60"}).json(),
            client.get("/api/actors").json(),
        ])  # fmt: skip
    assert answers[0] == answers[1]
    assert answers[0][0]["total"] > 0
