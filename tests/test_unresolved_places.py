"""A place the text names that the gazetteer cannot resolve is kept as written: the
event's ``location`` has its text and offsets, and no name, country or point (the
project's rule: no data lost). GeoJSON leaves such an event out (no point); CSV shows
the text; fusion treats it as placed nowhere, except that the same text in two
mentions is the same place. Sentences written for these tests; each failed on main
before the change, except the guards (a resolved place, "the North")."""

from __future__ import annotations

import io

import pytest

from dossier import analyze
from dossier.export import flatten, write
from dossier.fuse.match import Mention, anchored, conflict, unresolved_place


def _located(text: str) -> list[tuple[str, dict | None]]:
    events = analyze(text, published="2024-05-10").events
    return [(e.type, e.location.to_dict() if e.location else None) for e in events]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # passive, the district named after the town
        ("Twelve protesters were detained by police in Kurram district on Friday.", "Kurram"),
        # an attack noun, the place in its phrase
        ("The army's assault on rebel positions in Paletwa drew condemnation.", "Paletwa"),
        # negated, with a reporting clause
        ("Police did not arrest anyone in Kurram, officials said.", "Kurram"),
        # the object of an attack verb, a name the model calls a place
        ("Junta troops shelled Ponnagyun overnight, residents said.", "Ponnagyun"),
        # an attack noun's "on" phrase
        ("The army launched an airstrike on Ponnagyun on Monday.", "Ponnagyun"),
    ],
)
def test_an_unresolved_place_is_kept_as_written(text, place):
    found = [loc for _type, loc in _located(text) if loc is not None]
    assert found, text
    loc = found[0]
    assert loc["text"] == place and text[slice(*loc["offsets"])] == place
    assert loc["name"] is None and loc["country"] is None and loc["lat"] is None


def test_resolved_places_and_parts_of_the_world_are_as_before():
    [(_type, loc)] = _located("Rebels attacked an army post near Bunia on Monday.")
    assert loc is not None and loc["name"] == "Bunia" and loc["country"] == "COD"
    located = _located("Insurgents ambushed a police patrol in the North, the ministry said.")
    assert all(loc is None for _type, loc in located)


EVIDENCE = {"a": "Crowds marched on the town hall.", "b": "Thousands rallied against the levy.",
            "c": "Students walked out of class.", "d": "Traders shut their stalls in anger.",
            "e": "Farmers blocked the main road."}


def _record(event_id: str, location: dict | None, source: list[dict] | None = None,
            document: str = "d1") -> dict:
    text = EVIDENCE.get(event_id, "Crowds marched.")
    return {"id": event_id, "type": "PROTEST", "source": source or [], "target": [],
            "location": location, "date": {"start": "2024-05-01", "end": "2024-05-31",
                                           "granularity": "month"},
            "document": {"id": document, "published": "2024-06-02"},
            "evidence": {"text": text, "start": 0, "end": len(text)}}


UNRESOLVED = {"text": "Paletwa", "name": None, "country": None, "lat": None, "lon": None,
              "kind": None, "geonameid": None, "offsets": [10, 17]}
RESOLVED = {"text": "Goma", "name": "Goma", "country": "COD", "lat": -1.68, "lon": 29.22,
            "kind": "city", "geonameid": 216281, "offsets": [10, 14]}


def test_export_keeps_the_text_and_geojson_leaves_out_what_has_no_point():
    records = [_record("e1", UNRESOLVED), _record("e2", RESOLVED)]
    assert flatten(records[0])["place"] == "Paletwa" and flatten(records[1])["place"] == "Goma"
    out = io.StringIO()
    assert write(records, out, "geojson") == (1, 1)
    assert '"Paletwa"' not in out.getvalue()


def test_fusion_reads_an_unresolved_place_as_no_place_but_its_own_text():
    assert unresolved_place(UNRESOLVED) == "paletwa" and unresolved_place(RESOLVED) is None
    one, two = (Mention.from_record(_record(i, UNRESOLVED, document=i)) for i in ("a", "b"))
    assert one.place is None
    # no actor and no known place: nothing tells which protest it is
    assert conflict(one, two) == "nothing to identify it"
    police = [{"code": "MMR", "text": "police", "sector": "police"}]
    three, four = (Mention.from_record(_record(i, UNRESOLVED, police, document=i))
                   for i in ("c", "d"))
    five = Mention.from_record(_record("e", {**UNRESOLVED, "text": "Kyauktaw"}, police, "e"))
    # the same text is the same place; another text is no conflict, and no anchor
    assert conflict(three, four) is None and conflict(three, five) is None
    assert anchored(three, four, same_article=False)
    assert not anchored(three, five, same_article=False)


def test_the_store_keeps_an_unresolved_place(tmp_path):
    from sqlalchemy import text as sql

    from dossier.store import Store

    result = analyze("Police did not arrest anyone in Kurram, officials said.",
                     published="2024-05-10")
    with Store(tmp_path / "e.db") as store:
        store.add(result)
        [record] = list(store.events())
        assert record["location"]["text"] == "Kurram" and record["location"]["lat"] is None
        with store.engine.connect() as conn:
            assert conn.execute(sql("SELECT place, lat FROM events")).one() == ("Kurram", None)
