"""Provenance: every event and fused mention says which article it comes from.

Title (a text's headline line, HTML <title>, a record's "title"), origin (the
path or URL read), outlet (the URL's registered domain, a record's
"outlet"/"site"/"source", else the folder named) and publication date, in
``dossier extract``, ``dossier events`` (JSON and table), CSV, GeoJSON, fused
events and the HTTP API.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dossier.cli import app
from dossier.ingest import Article, load_document, read_articles
from dossier.provenance import headline, outlet_of_url
from dossier.serve import create_app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rus-prk-jets-for-troops.txt"
HEADLINE = "Russia to arm North Korea with fighter jets"
STORY = HEADLINE + "\n\n" + EXAMPLE.read_text(encoding="utf-8")


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


# --- the rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Labour plans maternity pay rise\n\nPay is to rise.", "Labour plans maternity pay rise"),
        ("'My memories of Marley...'\n\nHis widow wrote a book.", "'My memories of Marley...'"),
        ("Ukraine war: Russia sends jets\nThe Kremlin said so.", "Ukraine war: Russia sends jets"),
        # the first line is a sentence, a wrapped sentence, a byline or a date: no title
        (EXAMPLE.read_text(encoding="utf-8"), None),
        ("Russia agreed on Monday to supply the\nNorth Korean army with jets.", None),
        ("Russia agreed on Monday to supply jets\nto the North Korean army.", None),
        ("By Jane Smith, defence correspondent\nRussia sent jets.", None),
        ("12 December 2024\nRussia sent jets.", None),
        ("Russia sent jets to North Korea", None),  # nothing follows it
        (" ".join(["word"] * 21) + "\nMore.", None),
    ],
)  # fmt: skip
def test_headline_rule(text, title):
    assert headline(text) == title


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.reuters.com/world/europe/x-2024-12-12/", "reuters.com"),
        ("http://news.bbc.co.uk/1/hi/world/4.stm", "bbc.co.uk"),
        ("https://edition.cnn.com/2024/12/12/x", "cnn.com"),
        ("https://WWW.Example.ORG:8443/a", "example.org"),
        ("http://localhost:8000/a", "localhost"),
        ("javascript:alert(1)", None),
        ("http://[::1", None),
    ],
)
def test_outlet_of_url_works_offline(url, outlet):
    assert outlet_of_url(url) == outlet


# --- loading documents -------------------------------------------------------------


def test_a_text_file_gets_its_headline_origin_and_folder(tmp_path):
    folder = tmp_path / "corpus" / "bbc" / "politics"
    folder.mkdir(parents=True)
    (folder / "001.txt").write_text(STORY, encoding="utf-8")
    [article] = read_articles([tmp_path / "corpus" / "bbc"])
    document = load_document(article)
    assert document.title == HEADLINE
    assert document.origin == str(folder / "001.txt")
    # the folder named, not the file's own folder ("politics" is a section)
    assert (document.outlet, document.outlet_source) == ("bbc", "folder")
    # a file named on its own: its folder
    [alone] = read_articles([folder / "001.txt"])
    assert load_document(alone).outlet == "politics"


def test_html_title_and_outlet_from_its_canonical_url():
    html = (
        "<html><head><title>Russia to arm North Korea | Reuters</title>"
        '<meta property="og:title" content="Russia to arm North Korea">'
        '<link rel="canonical" href="https://www.reuters.com/world/asia/russia-jets/">'
        "</head><body><article><p>" + "</p><p>".join(EXAMPLE.read_text().splitlines()[:3])
        + "</p></article></body></html>"
    )  # fmt: skip
    document = load_document(Article(html=html, origin="page.html", folder="downloads"))
    assert document.title and "Russia to arm North Korea" in document.title
    assert document.url == "https://www.reuters.com/world/asia/russia-jets/"
    assert (document.outlet, document.outlet_source) == ("reuters.com", "url")


def test_json_lines_outlet_fields(tmp_path):
    lines = [
        {"text": STORY, "source": "Reuters", "url": "https://www.yahoo.com/news/x"},
        {"text": EXAMPLE.read_text(), "title": "Jets for troops", "site": "Tampa Free Press"},
        {"text": EXAMPLE.read_text() + " More.", "source": {"id": None, "name": "AP"}},
        {"text": EXAMPLE.read_text() + " Again.", "url": "https://www.bbc.co.uk/news/x"},
        {"text": EXAMPLE.read_text() + " Once more.", "source": 17},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    documents = [load_document(a) for a in read_articles([path])]
    assert [(d.outlet, d.outlet_source) for d in documents] == [
        ("Reuters", "given"), ("Tampa Free Press", "given"), ("AP", "given"),
        ("bbc.co.uk", "url"), (None, None),  # a JSON Lines file is no outlet's folder
    ]  # fmt: skip
    assert [d.title for d in documents[:2]] == [HEADLINE, "Jets for troops"]
    assert documents[0].origin == f"{path}:1"


# --- on every event ------------------------------------------------------------------


def test_extract_puts_the_document_on_every_event(tmp_path):
    folder = tmp_path / "tampa"
    folder.mkdir()
    (folder / "jets.txt").write_text(STORY, encoding="utf-8")
    result = invoke("extract", folder / "jets.txt", "--published", "2024-12-12")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["document"]["title"] == HEADLINE
    assert record["document"]["origin"] == str(folder / "jets.txt")
    assert record["document"]["outlet"] == "tampa"
    assert record["events"]
    for event in record["events"]:
        assert event["document"] == {
            "id": record["document"]["id"], "title": HEADLINE, "url": None,
            "origin": str(folder / "jets.txt"), "outlet": "tampa", "outlet_source": "folder",
            "published": "2024-12-12", "published_source": "given",
        }  # fmt: skip


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A database of one folder, ``tampa/``, holding the story and a copy of it."""
    root = tmp_path_factory.mktemp("provenance")
    folder = root / "tampa"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "jets.txt").write_text(STORY, encoding="utf-8")
    copy = STORY.replace("significant military deal", "major military deal")
    (folder / "2024" / "jets-copy.txt").write_text(copy, encoding="utf-8")
    db = root / "p.db"
    result = invoke("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "stored 2 document(s)" in result.stderr
    yield folder, db


def _check(document: dict, folder: Path) -> None:
    assert document["title"] == HEADLINE
    assert document["outlet"] == "tampa"
    assert document["origin"] in {str(folder / "2024" / n) for n in ("jets.txt", "jets-copy.txt")}


def test_events_json_csv_and_geojson_say_where_each_event_comes_from(ingested, tmp_path):
    folder, db = ingested
    result = invoke("events", "--db", db, "--format", "json")
    records = json.loads(result.stdout)
    assert records
    for record in records:
        _check(record["document"], folder)

    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert rows
    assert all((row["doc_title"], row["doc_outlet"]) == (HEADLINE, "tampa") for row in rows)
    assert {row["doc_origin"] for row in rows} == {
        str(folder / "2024" / "jets.txt"), str(folder / "2024" / "jets-copy.txt")
    }

    out = tmp_path / "events.geojson"
    assert invoke("export", out, "--db", db, "--format", "geojson").exit_code == 0
    features = json.loads(out.read_text())["features"]
    assert features
    for feature in features:
        props = feature["properties"]
        assert (props["doc_title"], props["doc_outlet"]) == (HEADLINE, "tampa")
        assert props["doc_origin"].startswith(str(folder))

    table = invoke("events", "--db", db, "--format", "table").stdout
    assert f"from: tampa: {HEADLINE}" in table


def test_fused_mentions_name_their_outlet_title_and_origin(ingested, tmp_path):
    folder, db = ingested
    fused = json.loads(invoke("events", "--db", db, "--fused", "--format", "json").stdout)
    mentions = [m for record in fused for m in record["mentions"]]
    assert mentions
    for mention in mentions:
        assert mention["outlet"] == "tampa"
        _check(mention, folder)
    assert all(record["first_reported"]["outlet"] == "tampa" for record in fused)
    table = invoke("events", "--db", db, "--fused").stdout
    assert " tampa" in table and "doc_" not in table

    out = tmp_path / "fused.csv"
    assert invoke("export", out, "--db", db, "--fused", "--format", "csv").exit_code == 0
    rows = list(csv.DictReader(out.open()))
    assert rows and all(row["outlets"] == "tampa" and row["doc_title"] == HEADLINE for row in rows)


def test_the_api_gives_the_provenance_of_events_and_documents(ingested):
    folder, db = ingested
    client = TestClient(create_app(db))
    items = client.get("/api/events", params={"per_page": 500}).json()["items"]
    assert items
    for item in items:
        _check(item["document"], folder)
    detail = client.get(f"/api/events/{items[0]['id']}").json()
    _check(detail["document"], folder)
    fused = client.get("/api/events", params={"fused": "true"}).json()["items"]
    assert fused and all(m["outlet"] == "tampa" for f in fused for m in f["mentions"])
    exported = client.get("/api/export", params={"format": "csv"}).text
    assert all(row["doc_outlet"] == "tampa" for row in csv.DictReader(io.StringIO(exported)))


def test_a_posted_article_gets_the_outlet_of_its_url(tmp_path):
    client = TestClient(create_app(tmp_path / "post.db"))
    body = {"text": STORY, "url": "https://www.tampafp.com/russia-jets/", "published": "2024-12-12"}
    answer = client.post("/api/documents", json=body)
    assert answer.status_code == 201, answer.text
    stored = answer.json()
    assert stored["document"]["outlet"] == "tampafp.com"
    assert stored["document"]["title"] == HEADLINE
    assert stored["document"]["origin"] == body["url"]
    assert all(e["document"]["outlet"] == "tampafp.com" for e in stored["events"])
    given = client.post("/api/documents", json={"text": STORY + " More.", "outlet": "TFP"})
    assert given.json()["document"]["outlet"] == "TFP"


def test_documents_stored_before_get_their_outlet_and_title(tmp_path):
    """Migration 0003 fills what the stored rows tell: the URL's outlet, else the
    folder of the file read, and the headline of a text without a title."""
    from alembic import command
    from sqlalchemy import text

    from dossier import dialect, migrations
    from dossier.store import Store

    path = tmp_path / "old.db"
    Store(path).close()
    engine = dialect.engine(path)
    rows = [
        ("doc_a", None, "https://www.reuters.com/x", "text", "corpus/x/a.txt", STORY, "2024-12-12"),
        ("doc_b", None, None, "text", "corpus/tampa/b.txt", STORY + " More.", None),
        ("doc_c", "Given", None, "text", "c.jsonl:3", STORY + " Again.", None),
    ]
    try:
        with engine.begin() as conn:
            command.downgrade(migrations.config(conn), "0002")
            for row in rows:
                conn.execute(
                    text("INSERT INTO documents (id, title, url, format, origin, text, published,"
                         " removed, ingested_at) VALUES (:id, :title, :url, :format, :origin,"
                         " :text, :published, '[]', '2025-01-01T00:00:00Z')"),
                    dict(zip(("id", "title", "url", "format", "origin", "text", "published"), row,
                             strict=True)),
                )  # fmt: skip
    finally:
        engine.dispose()
    with Store(path) as store:
        found = {i: store.document(i) for i in ("doc_a", "doc_b", "doc_c")}
    assert [(d["outlet"], d["outlet_source"]) for d in found.values()] == [
        ("reuters.com", "url"), ("tampa", "folder"), (None, None)
    ]
    assert [d["title"] for d in found.values()] == [HEADLINE, HEADLINE, "Given"]
    assert [d["published_source"] for d in found.values()] == ["given", "none", "none"]


def test_ray_workers_give_files_the_outlet_of_the_folder_named(tmp_path):
    """``--engine ray``: the driver reads folders as the local engine does, and the
    folder named reaches the workers with each file."""
    import pickle

    from dossier.distributed import Extractor, input_batches

    path = tmp_path / "tampa" / "2024" / "jets.txt"
    path.parent.mkdir(parents=True)
    path.write_text(STORY, encoding="utf-8")
    (batch,) = input_batches([tmp_path / "tampa"], 8)
    out = Extractor(set(), 5_000_000)(batch)
    assert out["status"] == ["extracted"], out["reason"]
    # the workers send the database rows they built (the Result only for --shards)
    document = pickle.loads(out["rows"][0]).document
    assert (document["title"], document["origin"], document["outlet"]) == (
        HEADLINE, str(path), "tampa"
    )  # fmt: skip
