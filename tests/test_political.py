"""Events between private persons are stored and marked, not dropped (issue 15,
"the political filter becomes a field on the event (shown, filterable)").

The sentences are written for this test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.store import EventQuery, Store

TEXT = (
    "John Smith attacked Peter Jones outside a pub in Leeds on Tuesday.\n\n"
    "Russia sent 40 tanks to Serbia on Wednesday.\n"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("political")
    article = folder / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = folder / "news.db"
    result = runner.invoke(app, ["ingest", str(article), "--db", str(path),
                                 "--published", "2024-05-01"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


def types(db: Path, *options: str) -> list[tuple[str, bool]]:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return sorted((e["type"], e["political"]) for e in json.loads(result.stdout))


def test_both_events_are_stored(db):
    with Store(db) as store:
        assert store.count("events") == 2
        every = list(store.events(EventQuery(political=None)))
    assert sorted(e["political"] for e in every) == [False, True]


def test_queries_show_political_events_unless_asked(db):
    assert types(db) == [("AID", True)]
    assert types(db, "--political", "no") == [("ASSAULT", False)]
    assert types(db, "--political", "any") == [("AID", True), ("ASSAULT", False)]


def test_a_bad_choice_exits_2(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--political", "maybe"])
    assert result.exit_code == 2
    assert "political: unknown choice 'maybe'; expected one of yes, no, any" in result.output


def test_fused_events_are_political(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--fused", "--political", "no"])
    assert result.exit_code == 2
    assert "fused events are all political" in result.output
    fused = runner.invoke(app, ["events", "--db", str(db), "--fused", "--format", "json"])
    assert [e["type"] for e in json.loads(fused.stdout)] == ["AID"]


def test_extract_filters_the_same_way(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    shown = {}
    for choice in ("yes", "no", "any"):
        result = runner.invoke(app, ["extract", str(article), "--published", "2024-05-01",
                                     "--political", choice])  # fmt: skip
        assert result.exit_code == 0, result.output
        shown[choice] = sorted(e["type"] for e in json.loads(result.stdout)["events"])
    assert shown == {"yes": ["AID"], "no": ["ASSAULT"], "any": ["AID", "ASSAULT"]}


def test_the_api_takes_the_same_filter(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dossier.serve import create_app

    client = TestClient(create_app(str(db)))
    got = client.get("/api/events", params={"political": "no"}).json()
    assert [e["type"] for e in got["items"]] == ["ASSAULT"]
    assert client.get("/api/events", params={"political": "x"}).status_code == 422
