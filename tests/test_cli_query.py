"""``dossier events``/``export``/``actors``/``stats``: the API's filters, checked the same way.

Every bad filter value the API answers with 422 ends the command with status 2
and the same message; the conveniences of the API (factuality, words, box,
pages, actors) are on the command line too, and ``stats`` counts by month and
type or by actor pair.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.fuse import fuse
from dossier.ingest import Article, load_document
from dossier.pipeline import process
from dossier.store import Store

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rus-prk-jets-for-troops.txt"
fastapi = pytest.importorskip("fastapi", reason="fastapi is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from dossier.serve import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-query") / "q.db"
    with Store(path) as store:
        text = EXAMPLE.read_text(encoding="utf-8")
        store.add(process(load_document(Article(text=text, published="2024-12-12"))))
        fuse(store)
    return path


@pytest.fixture(scope="module")
def api(db) -> TestClient:
    return TestClient(create_app(db))


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def listed(db: Path, *args: object) -> list[dict]:
    result = run("events", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# (command-line options, the same filter for the API)
BAD = [
    (["--type", "FOO"], {"type": "FOO"}),
    (["--factuality", "sure"], {"factuality": "sure"}),
    (["--since", "yesterday"], {"since": "yesterday"}),
    (["--since", "2005-13"], {"since": "2005-13"}),
    (["--until", "2024-02-30"], {"until": "2024-02-30"}),
    (["--since", "2024-12", "--until", "2024-01"], {"since": "2024-12", "until": "2024-01"}),
    (["--bbox", "1,2,3"], {"bbox": "1,2,3"}),
    (["--bbox", "40,45,30,55"], {"bbox": "40,45,30,55"}),
    (["--per-page", "501"], {"per_page": 501}),
    (["--page", "0"], {"page": 0}),
    (["--min-sources", "2"], {"min_sources": 2}),
]


@pytest.mark.parametrize(("options", "params"), BAD)
def test_a_bad_filter_exits_2_with_the_api_message(db, api, options, params):
    response = api.get("/api/events", params=params)
    assert response.status_code == 422
    result = run("events", "--db", db, *options)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: {response.json()['detail']}"
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["export", "stats"])
def test_export_and_stats_check_the_same_filters(db, command, tmp_path):
    head = ["export", tmp_path / "out.csv", "--format", "csv"] if command == "export" else [command]
    result = run(*head, "--db", db, "--since", "yesterday")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("error: since: not a date: 'yesterday'")
    assert not (tmp_path / "out.csv").exists()


FILTER_OPTIONS = ["--actor", "--type", "--factuality", "--since", "--until", "--bbox", "--q",
                  "--fused", "--min-sources", "--contradicted", "--political"]  # fmt: skip


def test_events_export_and_stats_take_the_same_filter_options():
    import typer.main

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]

    def filters(name: str) -> list[tuple[str, str | None, object]]:
        params = [p for p in commands[name].params if p.opts[0] in FILTER_OPTIONS]
        return [(p.opts[0], getattr(p, "help", None), p.default) for p in params]

    shared = filters("events")
    assert [name for name, _help, _default in shared] == FILTER_OPTIONS
    assert all(help_ for _name, help_, _default in shared)
    assert filters("export") == filters("stats") == shared


@pytest.mark.parametrize("limit", ["-1", "0"])
def test_a_negative_or_zero_limit_is_refused(db, limit):
    result = run("events", "--db", db, "--limit", limit)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: limit: must be a whole number 1 or more (got {limit})"
    assert len(listed(db, "--limit", "3")) == 3


def test_good_dates_in_every_form_are_taken(db):
    assert listed(db, "--since", "2024") == listed(db, "--since", "2024-01-01")
    assert listed(db, "--until", "2024-06") == listed(db, "--until", "2024-06-30")


def test_factuality_words_and_box_as_in_the_api(db, api):
    for options, params in [
        (["--factuality", "planned"], {"factuality": "planned"}),
        (["--q", "MiG-29 Su-27"], {"q": "MiG-29 Su-27"}),
        (["--bbox", "30,45,40,55"], {"bbox": "30,45,40,55"}),
        (["--type", "aid", "--actor", "PRK"], {"type": "AID", "actor": "PRK"}),
    ]:
        from_api = api.get("/api/events", params=params).json()
        ids = [e["id"] for e in listed(db, *options)]
        assert ids and ids == [e["id"] for e in from_api["items"]], options
    kursk = listed(db, "--bbox", "30,45,40,55")
    assert [e["location"]["name"] for e in kursk] == ["Kursk Oblast"]


def test_pages_as_in_the_api(db, api):
    everything = [e["id"] for e in listed(db)]
    second = listed(db, "--page", "2", "--per-page", "5")
    assert [e["id"] for e in second] == everything[5:10]
    from_api = api.get("/api/events", params={"page": 2, "per_page": 5}).json()
    assert [e["id"] for e in second] == [e["id"] for e in from_api["items"]]
    table = run("events", "--db", db, "--page", "3", "--per-page", "5")
    assert f"page 3 of 3: 11-{len(everything)} of {len(everything)}" in table.stdout
    both = run("events", "--db", db, "--page", "2", "--limit", "3")
    assert both.exit_code == 2 and "--per-page" in both.stderr


def test_actors_is_the_api_list(db, api):
    result = run("actors", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == api.get("/api/actors").json()
    rows = list(csv.reader(io.StringIO(run("actors", "--db", db, "-f", "csv").stdout)))
    assert rows[0] == ["code", "name", "events"] and rows[1][0] == "PRK"
    assert "North Korea" in run("actors", "--db", db, "--limit", "1").stdout
    refused = run("actors", "--db", db, "--limit", "0")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == "error: limit: must be a whole number from 1 to 10000 (got 0)"


def stats_rows(db: Path, *args: object) -> list[list[str]]:
    result = run("stats", "--db", db, "--format", "csv", *args)
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


def test_stats_by_month_and_type(db):
    records = listed(db)
    header, *rows = stats_rows(db)
    assert header[0] == "month" and header[-1] == "total"
    assert set(header[1:-1]) == {e["type"] for e in records}
    total = rows[-1]
    assert total[0] == "total" and int(total[-1]) == len(records)
    for row in rows:  # each row adds up
        assert sum(int(n) for n in row[1:-1]) == int(row[-1])
    for kind in header[1:-1]:  # each type's total is its number of events
        column = header.index(kind)
        assert int(total[column]) == sum(e["type"] == kind for e in records)
    june = [row for row in rows if row[0] == "2024-06"]
    assert june and int(june[0][-1]) == len(listed(db, "--since", "2024-06", "--until", "2024-06"))
    aid_only = stats_rows(db, "--type", "AID")
    assert aid_only[0] == ["month", "AID", "total"]
    assert int(aid_only[-1][-1]) == len(listed(db, "--type", "AID"))


def test_stats_by_actor_pair(db):
    header, *rows = stats_rows(db, "--by", "actor-pair")
    assert header == ["source", "target", "events"]
    counts = {(s, t): int(n) for s, t, n in rows}
    with_rus_to_prk = [
        e for e in listed(db)
        if "RUS" in {a["code"] for a in e["source"]} and "PRK" in {a["code"] for a in e["target"]}
    ]  # fmt: skip
    assert counts[("RUS", "PRK")] == len(with_rus_to_prk) > 0
    assert [int(n) for _s, _t, n in rows] == sorted((int(n) for _s, _t, n in rows), reverse=True)
    table = run("stats", "--db", db, "--by", "actor-pair")
    assert "RUS" in table.stdout and "PRK" in table.stdout


def test_stats_of_fused_events(db):
    fused = listed(db, "--fused")
    header, *rows = stats_rows(db, "--fused")
    assert int(rows[-1][-1]) == len(fused) < len(listed(db))
