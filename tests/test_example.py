"""Acceptance on the seed article (a copy ships in examples/), as the core issue states it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from dossier.ingest import load_document, read_file
from dossier.pipeline import process

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rus-prk-jets-for-troops.txt"


def run(published: str | None) -> dict:
    article = read_file(EXAMPLE)
    article.published = published
    return process(load_document(article)).to_dict()


@pytest.fixture(scope="module", params=["2024-12-12", None], ids=["published", "no-published"])
def result(request) -> dict:
    return run(request.param)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def codes(actors: list[dict]) -> set[str]:
    return {a["code"] for a in actors if a["code"]}


def designations(event: dict) -> set[str]:
    return {i["designation"] for i in event["items"] if i["designation"]}


def text_of(event: dict) -> str:
    return " ".join(i["text"].lower() for i in event["items"])


def by_id(result: dict) -> dict[str, dict]:
    return {e["id"]: e for e in result["events"]}


def test_jets_for_troops(result):
    jets = [
        e for e in result["events"]
        if e["type"] == "AID" and {"MiG-29", "Su-27"} <= designations(e)
        and e["factuality"] == "planned"
    ]
    assert jets, "no planned AID event with MiG-29 and Su-27"
    event = jets[0]
    assert event["mode"] == "military"
    assert codes(event["source"]) == {"RUS"} and codes(event["target"]) == {"PRK"}
    cats = {i["designation"]: i["category"] for i in event["items"] if i["designation"]}
    assert cats["MiG-29"] == cats["Su-27"] == "fighter aircraft"
    claim = event["attribution"]
    assert claim and claim["claimant"] == "Samuel Paparo"
    assert "Indo-Pacific Command" in (claim["claimant_role"] or "")
    assert claim["claim_date"] == "2024-12-10"
    events = by_id(result)
    linked = [events[link["event"]] for link in event["links"]
              if link["relation"] == "in_exchange_for"]
    assert linked, "no in_exchange_for link"
    troops = linked[0]
    assert "PRK" in codes(troops["source"])
    assert "RUS" in codes(troops["target"]) | {(troops["location"] or {}).get("country")}
    assert "troop" in text_of(troops)


def test_likely_equipment(result):
    found = [
        e for e in result["events"]
        if e["type"] == "AID" and e["factuality"] == "likely"
        and codes(e["source"]) == {"RUS"} and codes(e["target"]) == {"PRK"}
    ]
    assert found
    items = text_of(found[0])
    for needle in ("reentry vehicle", "submarine technolog", "air defense system"):
        assert needle in items
    assert found[0]["mode"] == "military"


def test_troops_in_kursk(result):
    located = [
        e for e in result["events"]
        if "PRK" in codes(e["source"]) and e["location"]
        and "Kursk" in (e["location"]["name"] or "")
    ]
    assert located
    place = located[0]["location"]
    assert place["country"] == "RUS"
    assert km(place["lat"], place["lon"], 51.7, 36.2) < 100
    assert located[0]["factuality"] == "likely"
    assert "troop" in text_of(located[0]) or located[0]["mode"] == "troops"


def test_no_asserted_assault(result):
    for e in result["events"]:
        if e["type"] == "ASSAULT" and "PRK" in codes(e["source"]):
            assert e["factuality"] != "asserted"


def test_pilots_in_vladivostok(result):
    found = [
        e for e in result["events"]
        if e["location"] and e["location"]["name"] == "Vladivostok"
    ]
    assert found
    event = found[0]
    assert event["location"]["country"] == "RUS"
    assert km(event["location"]["lat"], event["location"]["lon"], 43.1, 131.9) < 50
    assert "PRK" in codes(event["source"])
    claim = event["attribution"]
    assert claim and "South Korean TV report" in claim["claimant"]
    assert claim["claim_date"] == "2024-10-21"


def test_treaty(result):
    found = [e for e in result["events"] if "Treaty" in e["evidence"]["text"]
             and e["date"] and e["date"]["value"] == "2024-06"]
    assert found
    treaty = found[0]
    assert treaty["date"]["granularity"] == "month"
    assert codes(treaty["source"]) | codes(treaty["target"]) == {"RUS", "PRK"}
    assert any(d["role"] == "in_force" and d["value"] == "2024-12-04"
               for d in treaty["other_dates"])


def test_nothing_from_boilerplate(result):
    text = result["document"]["text"]
    removed = result["document"]["removed"]
    assert len(removed) == 5
    for e in result["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        for span in removed:
            assert ev["end"] <= span["start"] or ev["start"] >= span["end"]
        lowered = ev["text"].lower()
        for word in ("zelenskyy", "trump", "lebanon", "donation"):
            assert word not in lowered


def test_every_offset_slices_the_text(result):
    text = result["document"]["text"]
    for e in result["events"]:
        for actor in e["source"] + e["target"]:
            s, t = actor["offsets"]
            assert text[s:t] == actor["text"]
        for item in e["items"]:
            s, t = item["offsets"]
            assert text[s:t] == item["text"]
        if e["date"]:
            s, t = e["date"]["offsets"]
            assert text[s:t] == e["date"]["text"]
        if e["location"]:
            s, t = e["location"]["offsets"]
            assert text[s:t] == e["location"]["text"]
        s, t = e["trigger"]["start"], e["trigger"]["end"]
        assert text[s:t] == e["trigger"]["text"]


def test_ids_are_stable():
    first, second = run("2024-12-12"), run("2024-12-12")
    assert [e["id"] for e in first["events"]] == [e["id"] for e in second["events"]]
    assert len({e["id"] for e in first["events"]}) == len(first["events"])


def test_year_inferred_without_published():
    result = run(None)
    ref = result["document"]["reference_date"]
    assert ref["value"].startswith("2024") and ref["text"] == "June 2024"
