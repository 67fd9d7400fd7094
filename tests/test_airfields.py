"""Airports and air bases as places (dossier.resolve.airfields), with made-up sentences."""

from __future__ import annotations

import builtins
import logging

import pytest

from dossier.annotate import annotate
from dossier.resolve import airfields
from dossier.resolve.places import resolve_airfield, resolve_place, resolve_places
from dossier.resolve.toponyms import resolve_toponyms


@pytest.mark.parametrize(
    ("text", "country", "lat", "lon"),
    [
        ("Pearson International Airport", "CAN", 43.7, -79.6),
        ("Toronto Pearson International Airport", "CAN", 43.7, -79.6),
        ("Toronto's Pearson International Airport", "CAN", 43.7, -79.6),
        ("Macdonald-Cartier International Airport", "CAN", 45.3, -75.7),
        ("Montreal-Pierre Elliott Trudeau International Airport", "CAN", 45.5, -73.7),
        ("Incirlik Air Base", "TUR", 37.0, 35.4),
        ("Engels air base", "RUS", 51.5, 46.2),
        ("Engels airbase", "RUS", 51.5, 46.2),
        ("Saki airfield", "UKR", 45.1, 33.6),
        ("RAF Lakenheath", "GBR", 52.4, 0.6),
        ("Al Udeid Air Base", "QAT", 25.1, 51.3),
        ("Heathrow Airport", "GBR", 51.5, -0.5),
        ("Kabul airport", "AFG", 34.6, 69.2),
    ],
)
def test_names_with_an_airport_word(text, country, lat, lon):
    place = resolve_airfield(text)
    assert place is not None, text
    assert place.kind == "airfield" and place.country == country and place.geonameid is None
    assert abs(place.lat - lat) < 0.2 and abs(place.lon - lon) < 0.2


@pytest.mark.parametrize(
    "text", ["the airport", "an air base", "International Airport", "the airfield",
             "London airports", "New Jersey airport", "Heathrow", "Rafah"],
)
def test_generic_phrases_plurals_and_bare_names_give_none(text):
    assert resolve_airfield(text) is None


def test_the_story_picks_between_same_named_airports():
    missouri = resolve_airfield("Springfield airport", context=("USA",), admin1=("US.MO",))
    illinois = resolve_airfield("Springfield airport", context=("USA",), admin1=("US.IL",))
    assert missouri is not None and illinois is not None
    assert missouri.lon < -93 < -90 < illinois.lon


def test_an_airport_named_after_a_place_lies_near_the_place_the_story_means():
    # London, Ontario has an airport named "London": not in a story about England
    place = resolve_airfield("London airport", context=("GBR",))
    assert place is not None and place.country == "GBR"
    assert resolve_airfield("London airport", context=("USA",)) is None


def test_places_resolve_airfields_first():
    base = resolve_place("Incirlik Air Base", context=("USA", "SYR"))
    assert base is not None and base.kind == "airfield" and base.country == "TUR"
    assert resolve_place("the airport") is None


def test_a_bare_airport_name_needs_its_country_in_the_story():
    heathrow, london = resolve_places(["Heathrow", "London"])
    assert heathrow is not None and heathrow.kind == "airfield" and heathrow.country == "GBR"
    assert london is not None and london.name == "London"


def test_a_bare_name_stays_the_town_in_a_story_about_the_town():
    town, state = resolve_places(["Heathrow", "Florida"])
    assert town is not None and town.kind == "city" and town.country == "USA"
    assert state is not None and state.name == "Florida"
    # nor does a bare name override a city ("Luton" is the town, near its airport)
    luton, _london = resolve_places(["Luton", "London"])
    assert luton is not None and luton.kind == "city"


def test_toponyms_take_airfields_the_model_labels_otherwise():
    doc = annotate(
        "Flights were cancelled at Toronto's Pearson International Airport on Friday. "
        "In London, Heathrow and Gatwick reported delays. Ukrainian drones struck "
        "Engels air base in Russia overnight."
    )
    found = {span.text: place for span, place in resolve_toponyms(doc)}
    for text in ("Pearson International Airport", "Heathrow", "Gatwick", "Engels air base"):
        assert text in found, (text, list(found))
        place = found[text]
        assert place is not None and place.kind == "airfield", text
    assert found["Engels air base"].country == "RUS"


def test_without_airportsdata_places_keep_working(monkeypatch, caplog):
    """Tables built where airportsdata cannot be imported (the place index is then built
    without airfields: its key changes with the package's version) hold no airfields."""
    from dossier.resolve import index, index_build

    real_import = builtins.__import__

    def no_airportsdata(name, *args, **kwargs):
        if name == "airportsdata":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_airportsdata)
    airfields._warned.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="dossier.resolve.airfield_data"), \
                index.using(index_build.BuiltTables()):
            assert resolve_airfield("Incirlik Air Base") is None
            assert resolve_airfield("Engels air base") is None
            place = resolve_place("Incirlik Air Base in Turkey")
            assert resolve_place("Paris").country == "FRA"
        warnings = [r for r in caplog.records if "airportsdata" in r.getMessage()]
        assert len(warnings) == 1
        assert place is None or place.kind != "airfield"
    finally:
        monkeypatch.undo()
        airfields._warned.cache_clear()
    assert resolve_airfield("Incirlik Air Base") is not None
