"""What a name means on its own (``places._alone``, read by the context stage for each
name of every story) is remembered by its text, and forgotten when the tables change
(issue 16: resolution speed)."""

from __future__ import annotations

from dossier.resolve import index, places


def test_a_name_alone_is_remembered_by_its_text() -> None:
    places._alone.cache_clear()
    first = places._alone("Paris")
    assert places._alone("Paris") is first
    assert places._alone.cache_info().hits == 1
    assert first is not None and first.country == "FRA"


def test_a_story_does_not_change_what_a_name_means_alone() -> None:
    places._alone.cache_clear()
    texts = ["Paris", "Lamar County", "Texas", "Reno"]  # Paris, Texas, in this story
    found = places.resolve_places(
        texts, document="PARIS, Texas - Lamar County and Reno officials said.")
    assert found[0] is not None and found[0].country == "USA"
    alone = places._alone("Paris")
    assert alone is not None and alone.country == "FRA"


def test_what_a_name_means_alone_is_forgotten_when_the_tables_change() -> None:
    places._alone("Paris")
    assert places._alone.cache_info().currsize > 0
    with index.using(index.tables()):
        assert places._alone.cache_info().currsize == 0
    places._alone("Kursk")
    places.forget_lookups()
    assert places._alone.cache_info().currsize == 0
