"""The HTTP API (dossier.serve) through the ASGI test client: every endpoint, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.fuse import fuse
from dossier.ingest import Article, load_document
from dossier.pipeline import process
from dossier.serve import create_app
from dossier.store import Store

EXAMPLE = Path(__file__).parent.parent / "examples" / "rus-prk-jets-for-troops.txt"
FRENCH = (
    "Le gouvernement français a annoncé mardi une nouvelle aide militaire à l'Ukraine. "
    "Les livraisons de missiles et de canons commenceront dans les prochaines semaines, "
    "selon le ministère des Armées, qui n'a pas donné de détails sur les quantités."
)
HOSTILE = (
    "Russia will supply tanks to Serbia, the defence minister said on Monday. "
    '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
    "Read more at javascript:alert(3)."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.db"
    with Store(path) as store:
        text = EXAMPLE.read_text(encoding="utf-8")
        document = load_document(Article(text=text, published="2024-12-12"))
        store.add(process(document))
        fuse(store)
    return path


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def counts(db: Path) -> tuple[int, int, int]:
    with Store(db) as store:
        return store.count("documents"), store.count("events"), store.count("fused_events")


def test_list_filter_and_page(client):
    page = client.get("/api/events").json()
    assert page["total"] == 12 and len(page["items"]) == 12
    with_prk = [
        e for e in page["items"] if e["type"] == "AID"
        and "PRK" in {a["code"] for a in e["source"] + e["target"]}
    ]  # fmt: skip
    aid = client.get("/api/events", params={"type": "AID", "actor": "PRK"}).json()
    assert aid["total"] == len(with_prk) >= 3 and {e["type"] for e in aid["items"]} == {"AID"}
    planned = client.get("/api/events", params={"factuality": "planned"}).json()
    assert planned["total"] and all(e["factuality"] == "planned" for e in planned["items"])
    second = client.get("/api/events", params={"per_page": 5, "page": 2}).json()
    assert len(second["items"]) == 5 and second["total"] == 12
    assert second["items"][0]["id"] == page["items"][5]["id"]
    found = client.get("/api/events", params={"q": "MiG-29 Su-27"}).json()
    assert found["total"] >= 1 and all("MiG-29" in e["evidence"]["text"] for e in found["items"])
    kursk = client.get("/api/events", params={"bbox": "30,45,40,55"}).json()
    assert [e["location"]["name"] for e in kursk["items"]] == ["Kursk Oblast"]
    since = client.get("/api/events", params={"since": "2024-12", "until": "2024-12-31"}).json()
    assert 0 < since["total"] < 12


def test_fused_events(client):
    fused = client.get("/api/events", params={"fused": "true"}).json()
    assert fused["total"] >= 1 and all(e["id"].startswith("fev_") for e in fused["items"])
    assert all("mentions" in e for e in fused["items"])
    some = fused["items"][0]
    detail = client.get(f"/api/events/{some['id']}").json()
    assert detail["event"]["id"] == some["id"]
    assert detail["document"]["id"] == some["first_reported"]["document"]
    one_source = client.get("/api/events", params={"fused": "true", "min_sources": 1}).json()
    assert one_source["total"] == fused["total"]


def test_one_event_with_its_article(client):
    (aid,) = [
        e for e in client.get("/api/events", params={"type": "AID"}).json()["items"]
        if any(i.get("designation") == "MiG-29" for i in e["items"])
    ]
    detail = client.get(f"/api/events/{aid['id']}").json()
    text = detail["document"]["text"]
    evidence, claim = detail["event"]["evidence"], detail["event"]["attribution"]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert text[claim["offsets"][0] : claim["offsets"][1]] == "Samuel Paparo"
    assert client.get(f"/api/documents/{detail['document']['id']}").json()["text"] == text
    missing = client.get("/api/events/ev_0000000000000000")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no event 'ev_0000000000000000'"}
    assert client.get("/api/documents/doc_x").status_code == 404


def test_actors(client):
    actors = client.get("/api/actors").json()
    codes = {a["code"]: a["events"] for a in actors}
    assert codes["PRK"] >= 8 and codes["RUS"] >= 5


def test_exports(client):
    csv = client.get("/api/export", params={"format": "csv", "type": "AID"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("id,type,mode")
    aid = client.get("/api/events", params={"type": "AID"}).json()["total"]
    assert len(csv.text.strip().splitlines()) == 1 + aid
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 12 and json.loads(lines[0])["id"]
    geo = client.get("/api/export", params={"format": "geojson"}).json()
    assert {f["properties"]["place"] for f in geo["features"]} == {"Kursk Oblast", "Vladivostok"}
    fused = client.get("/api/export", params={"format": "jsonl", "fused": "true"}).text
    assert all("mentions" in json.loads(line) for line in fused.splitlines())
    assert "attachment" in csv.headers["content-disposition"]


# the messages of dossier.query, which the command line prints too (tests/test_cli.py)
BAD_FILTERS = [
    ({"type": "FLY"}, "type: unknown event type 'FLY'; expected one of AGREE, CONSULT"),
    ({"factuality": "sure"}, "factuality: unknown factuality 'sure'; expected one of asserted"),
    ({"since": "yesterday"}, "since: not a date: 'yesterday'; expected YYYY, YYYY-MM or"),
    ({"since": "2005-13"}, "since: no such date: '2005-13' (month 13)"),
    ({"until": "2024-02-30"}, "until: no such date: '2024-02-30' (February 2024 has 29 days)"),
    ({"since": "2024-12", "until": "2024-01"}, "since: 2024-12 is after until 2024-01"),
    ({"bbox": "1,2,3"}, "bbox: expected four numbers min_lon,min_lat,max_lon,max_lat"),
    ({"bbox": "40,45,30,55"}, "bbox: give min_lon,min_lat,max_lon,max_lat with min <= max"),
    ({"bbox": "nan,1,2,3"}, "bbox: expected four numbers"),
    ({"per_page": 501}, "per_page: must be a whole number from 1 to 500 (got 501)"),
    ({"page": 0}, "page: must be a whole number from 1 to 1000000 (got 0)"),
    ({"min_sources": 2}, "min_sources and contradicted apply to fused=true"),
    ({"min_sources": 0, "fused": "true"}, "min_sources: must be a whole number from 1"),
]


@pytest.mark.parametrize("params, message", BAD_FILTERS)
def test_bad_filters_get_a_clear_422(client, params, message):
    for url, extra in (("/api/events", {}), ("/api/export", {"format": "csv"})):
        if url == "/api/export" and set(params) & {"page", "per_page"}:
            continue
        response = client.get(url, params={**extra, **params})
        assert response.status_code == 422
        assert message in response.json()["detail"]
    response = client.get("/api/export", params={"format": "xls"})
    assert response.status_code == 422 and "format: Input should be" in response.json()["detail"]


def test_actors_limit_is_checked(client):
    assert len(client.get("/api/actors", params={"limit": 1}).json()) == 1
    response = client.get("/api/actors", params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["detail"] == "limit: must be a whole number from 1 to 10000 (got 0)"


def test_text_search_is_not_fts_syntax(client):
    for q in ['"', "AND OR NOT", "*", "NEAR(", "')--"]:
        response = client.get("/api/events", params={"q": q})
        assert response.status_code == 200, q


def test_post_a_document(tmp_path):
    db = tmp_path / "post.db"
    client = TestClient(create_app(db))
    body = {"text": "Germany will deliver two IRIS-T air defence systems to Ukraine, the defence "
            "ministry said on Monday.", "published": "2025-02-17",
            "url": "https://example.org/iris"}  # fmt: skip
    response = client.post("/api/documents", json=body)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["stored"] and stored["events"][0]["type"] == "AID"
    assert stored["document"]["url"] == "https://example.org/iris"
    again = client.post("/api/documents", json=body)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert counts(db)[0] == 1
    assert client.get("/api/events", params={"fused": "true"}).json()["total"] >= 1


def test_rejected_writes_leave_the_database_unchanged(db):
    before = counts(db)
    small = TestClient(create_app(db, max_bytes=1000))
    cases = [
        (small.post("/api/documents", json={"text": "Russia will supply jets. " * 100}), 413,
         "request body too large"),
        (small.post("/api/documents", content=b"{not json",
                    headers={"content-type": "application/json"}), 422, "JSON"),
        (small.post("/api/documents", content=b"\x00\xff\xfe binary",
                    headers={"content-type": "application/octet-stream"}), 422, ""),
        (small.post("/api/documents", json={"text": "Russia \x00 binary"}), 422, "binary"),
        (small.post("/api/documents", json={"text": "   "}), 422, "empty"),
        (small.post("/api/documents", json={"text": "a", "html": "<p>b</p>"}), 422,
         "exactly one of text and html"),
        (small.post("/api/documents", json={"text": "x", "published": "soon"}), 422, "published"),
        (small.post("/api/documents", json=["a list"]), 422, ""),
        (small.post("/api/documents", json={"text": FRENCH}), 422, "not English"),
    ]  # fmt: skip
    for response, status, message in cases:
        assert response.status_code == status, response.text
        assert message in response.json()["detail"]
    assert counts(db) == before


def test_writes_need_the_token_when_one_is_set(db):
    before = counts(db)
    guarded = TestClient(create_app(db, token="s3cret"))
    no_token = guarded.post("/api/documents", json={"text": "Russia sent jets to Iran."})
    assert no_token.status_code == 401 and "Bearer" in no_token.json()["detail"]
    wrong = guarded.post("/api/documents", json={"text": "Russia sent jets to Iran."},
                         headers={"Authorization": "Bearer nope"})  # fmt: skip
    assert wrong.status_code == 401
    closed = TestClient(create_app(db, writable=False))
    refused = closed.post("/api/documents", json={"text": "Russia sent jets to Iran."})
    assert refused.status_code == 403 and "--token" in refused.json()["detail"]
    assert counts(db) == before


def test_hostile_text_is_stored_as_text_and_pages_forbid_inline_scripts(tmp_path):
    client = TestClient(create_app(tmp_path / "h.db"))
    response = client.post("/api/documents", json={"text": HOSTILE, "published": "2025-03-03"})
    assert response.status_code == 201
    document = response.json()["document"]
    assert "<script>window.__pwned = 1</script>" in document["text"]
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_openapi_document(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/documents",
            "/api/documents/{document_id}", "/api/export"} <= set(spec["paths"])  # fmt: skip


def test_actors_are_named_after_their_code(tmp_path):
    """A person resolved to a state does not give the state its name."""
    path = tmp_path / "people.db"
    with Store(path) as store:
        for text in (
            "Jacques Chirac criticised the United States on Monday.",
            "France sent troops to Chad. NATO condemned Russia.",
        ):
            store.add(process(load_document(Article(text=text, published="2003-03-10"))))
    names = {a["code"]: a["name"] for a in TestClient(create_app(path)).get("/api/actors").json()}
    assert names["FRA"] == "France"
    assert names["USA"] == "United States"
    assert names["NATO"] == "North Atlantic Treaty Organization"
