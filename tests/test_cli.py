"""The ``dossier`` command end to end: extract, ingest, events, export, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rus-prk-jets-for-troops.txt"
FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
    "agriculteurs, qui manifestent depuis plusieurs semaines dans tout le pays contre la "
    "baisse de leurs revenus et la hausse des coûts de production."
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "image.txt",
        "html": tmp_path / "broken.html",
        "huge": tmp_path / "huge.txt",
        "latin1": tmp_path / "latin1.txt",
        "french": tmp_path / "french.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    files["html"].write_text("<html><head><script>var x = 1;</script></head><body><div></html>")
    line = b"Officials said the talks would continue next week in the capital.\n"
    files["huge"].write_bytes(line * (20_000_000 // len(line) + 1))
    files["latin1"].write_bytes(
        "The minister visited the café in Paris on Monday, officials said.".encode("latin-1")
    )
    files["french"].write_text(FRENCH, encoding="utf-8")
    return files


def test_extract_json_prints_the_record_contract(runner):
    result = invoke(runner, "extract", EXAMPLE, "--published", "2024-12-12")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) == {"document", "events"}
    assert {"id", "title", "url", "published", "text", "removed"} <= set(record["document"])
    for event in record["events"]:
        assert {
            "id", "type", "mode", "source", "target", "items", "factuality", "date",
            "location", "attribution", "evidence", "links",
        } <= set(event)


def test_extract_table(runner):
    result = invoke(runner, "extract", EXAMPLE, "--format", "table")
    assert result.exit_code == 0, result.output
    assert "AID" in result.stdout and "MiG-29" in result.stdout


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty", "empty"),
        ("binary", "binary"),
        ("html", "no article text"),
        ("huge", "too large"),
        ("latin1", "UTF-8"),
        ("french", "not English"),
    ],
)
def test_extract_bad_input_fails_with_one_line_reason(runner, bad_inputs, name, reason):
    result = invoke(runner, "extract", bad_inputs[name])
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert reason.lower() in message.lower(), message
    assert str(bad_inputs[name].name) in message
    assert "Traceback" not in result.output


def test_max_bytes_can_be_raised(runner, tmp_path):
    # 20 MB is refused above; parsing 20 MB would take minutes, so the flag is
    # shown on a text of 120 kB, long enough to be parsed in chunks.
    article = tmp_path / "long.txt"
    line = "Russia sent 20 T-72 tanks to Belarus in March 2023, officials said.\n"
    article.write_text(line * (120_000 // len(line)))
    refused = invoke(runner, "extract", article, "--max-bytes", "100000")
    assert refused.exit_code == 1 and "too large" in refused.stderr
    result = invoke(runner, "extract", article, "--max-bytes", "150000", "--format", "json")
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert len(events) == 120_000 // len(line)
    assert events[-1]["items"][0]["designation"] == "T-72"


def test_ingest_skips_bad_items_and_stores_the_rest(runner, bad_inputs, tmp_path):
    db = tmp_path / "batch.db"
    result = invoke(runner, "ingest", EXAMPLE, *bad_inputs.values(), "--db", db)
    assert result.exit_code == 0, result.stderr
    for path in bad_inputs.values():
        assert f"skipped {path}" in result.stderr
    assert "stored 1 document(s)" in result.stderr
    strict = invoke(runner, "ingest", bad_inputs["empty"], "--db", db, "--strict")
    assert strict.exit_code == 1


def test_ingest_twice_stores_once_and_queries_agree(runner, tmp_path):
    db = tmp_path / "dossier.db"
    first = invoke(runner, "ingest", EXAMPLE, "--db", db)
    assert first.exit_code == 0, first.stderr
    second = invoke(runner, "ingest", EXAMPLE, "--db", db)
    assert "stored 0 document(s)" in second.stderr and "1 already stored" in second.stderr

    listed = invoke(runner, "events", "--db", db, "--actor", "PRK", "--format", "json")
    records = json.loads(listed.stdout)
    ids = [r["id"] for r in records]
    assert ids and len(ids) == len(set(ids))
    for record in records:
        actors = record["source"] + record["target"]
        assert "PRK" in {a["code"] for a in actors}

    out = tmp_path / "events.geojson"
    exported = invoke(runner, "export", out, "--db", db, "--format", "geojson")
    assert exported.exit_code == 0, exported.stderr
    features = json.loads(out.read_text())["features"]
    feature_ids = [f["properties"]["id"] for f in features]
    assert feature_ids and len(feature_ids) == len(set(feature_ids))
    all_ids = {r["id"] for r in json.loads(
        invoke(runner, "events", "--db", db, "--format", "json").stdout)}
    assert set(feature_ids) <= all_ids
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_ingest_jsonl_and_export_csv(runner, tmp_path):
    articles = tmp_path / "articles.jsonl"
    lines = [
        {"text": "Iran delivered Shahed-136 drones to Russia, US officials said on Monday.",
         "published": "2024-03-05", "url": "https://example.org/a"},
        {"html": "<html><head><title>Deal</title></head><body><p>Germany agreed to send "
                 "Leopard 2 tanks to Ukraine, the chancellor said on Wednesday.</p></body></html>",
         "published": "2023-01-25"},
        "not json",
    ]
    articles.write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines))
    db = tmp_path / "j.db"
    result = invoke(runner, "ingest", articles, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "stored 2 document(s)" in result.stderr
    assert f"skipped {articles}:3" in result.stderr
    csv_out = tmp_path / "events.csv"
    assert invoke(runner, "export", csv_out, "--db", db, "--format", "csv").exit_code == 0
    text = csv_out.read_text()
    assert text.splitlines()[0].startswith("id,")
    assert "UKR" in text and "RUS" in text


def test_events_without_database_says_how_to_make_one(runner, tmp_path):
    result = invoke(runner, "events", "--db", tmp_path / "none.db")
    assert result.exit_code == 2  # a value the command cannot use, as for a bad filter
    assert "dossier ingest" in result.stderr


def test_an_unreachable_database_url_fails_without_showing_its_password(runner):
    db = "postgresql://nobody:s3cret@127.0.0.1:1/nothing"
    result = invoke(runner, "events", "--db", db)
    assert result.exit_code == 1
    assert "postgresql://nobody:***@127.0.0.1:1/nothing: cannot open the database" in result.stderr
    assert "s3cret" not in result.stderr


def test_events_filters(runner, tmp_path):
    db = tmp_path / "f.db"
    invoke(runner, "ingest", EXAMPLE, "--db", db)

    def listed(*args: str) -> list[dict]:
        result = invoke(runner, "events", "--db", db, "--format", "json", *args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    everything = listed()
    mobilize = listed("--type", "mobilize")
    assert mobilize and {e["type"] for e in mobilize} == {"MOBILIZE"}
    assert len(mobilize) < len(everything)
    treaty = listed("--since", "2024-06", "--until", "2024-06-30")
    assert treaty and all(e["date"]["value"].startswith("2024-06") for e in treaty)
    assert listed("--actor", "USA") == []
    csv_text = invoke(runner, "events", "--db", db, "--format", "csv").stdout
    assert len(csv_text.strip().splitlines()) == len(everything) + 1
