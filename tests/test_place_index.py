"""The prebuilt place index (``dossier/resolve/index.py``) and the cached gazetteer pipe:
built once, reused, built again when stale, and giving what the tables built in memory
from the packages give."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from dossier.resolve import index, index_build, places


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache folder, and a stand-in for the (minute-long) real build."""
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path))
    builds: list[str] = []

    def fake_write(target: Path, key: str) -> None:
        builds.append(key)
        db = sqlite3.connect(target)
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
        db.commit()
        db.close()

    monkeypatch.setattr(index_build, "write", fake_write)
    index.key.cache_clear()
    yield tmp_path, builds
    index.key.cache_clear()


def test_index_is_built_once_then_reused(cache):
    folder, builds = cache
    assert index.stale()
    first = index.ensure()
    assert first.parent == folder and first.name.startswith("places-")
    assert len(builds) == 1 and not index.stale()
    assert index.ensure() == first
    assert len(builds) == 1  # the second load reads the file built by the first


def test_a_stale_index_is_built_again_and_unused_ones_removed(cache, monkeypatch):
    folder, builds = cache
    old = index.ensure()
    monkeypatch.setattr(index, "FORMAT", index.FORMAT + 1)  # as a new version of the code
    index.key.cache_clear()
    assert index.stale()
    new = index.ensure()
    assert new != old and len(builds) == 2
    assert old.exists() and new.exists()  # another installed version may still use it
    month_ago = time.time() - 30 * 86_400
    os.utime(old, (month_ago, month_ago))
    monkeypatch.setattr(index, "FORMAT", index.FORMAT + 1)
    index.key.cache_clear()
    newest = index.ensure()
    assert len(builds) == 3 and not old.exists()  # unused for a month: removed
    assert new.exists() and newest.exists()


def test_a_file_stamped_with_another_key_counts_as_stale(cache):
    folder, builds = cache
    file = index.ensure()
    db = sqlite3.connect(file)
    db.execute("UPDATE meta SET value = 'other' WHERE name = 'key'")
    db.commit()
    db.close()
    assert index.stale()
    index.ensure()
    assert len(builds) == 2 and not index.stale()


def test_the_key_follows_the_sources(cache, monkeypatch, tmp_path):
    before = index.key()
    source = tmp_path / "regions.tsv"
    source.write_text("# another table\n", encoding="utf-8")
    monkeypatch.setattr(index, "PACKAGE_DIR", tmp_path)
    monkeypatch.setattr(index, "SOURCES", ("regions.tsv",))
    index.key.cache_clear()
    assert index.key() != before


def test_without_a_writable_cache_the_tables_are_built_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(blocker / "dossier"))
    saved = index._active
    index.reset()
    try:
        assert isinstance(index.tables(), index_build.BuiltTables)
    finally:
        index.reset()
        index._active = saved


def test_the_gazetteer_pipe_is_compiled_once(tmp_path, monkeypatch):
    """The second pipeline load reads the compiled patterns from the cache."""
    from dossier.annotate import cached_gazetteers, load_pipeline
    from dossier.annotation import gazetteer_cache

    nlp = load_pipeline()
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(gazetteer_cache, "_gazetteer_file",
                        lambda: tmp_path / "gazetteers-test.marshal")
    calls = []
    patterns = [{"label": "GPE", "pattern": "Narnia Oblast", "id": "place:test"},
                {"label": "EQUIPMENT", "pattern": [{"LOWER": "zz-9"}], "id": "equip:ZZ-9"}]

    def fake_patterns() -> list[dict]:
        calls.append(1)
        return patterns

    monkeypatch.setattr(gazetteer_cache, "gazetteer_patterns", fake_patterns)
    first = cached_gazetteers(nlp)
    second = cached_gazetteers(nlp)
    assert len(calls) == 1
    assert second.phrases == first.phrases == {"Narnia Oblast": 0}
    assert second.entries == first.entries
    doc = second(nlp.make_doc("Troops left Narnia Oblast with a zz-9."))
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Narnia Oblast", "place:test"), ("zz-9", "equip:ZZ-9")]


def test_the_cached_pipe_equals_the_one_built_from_the_patterns():
    from dossier.annotate import Gazetteers, cached_gazetteers, gazetteer_patterns, load_pipeline

    nlp = load_pipeline()
    cached, built = cached_gazetteers(nlp), Gazetteers(nlp, gazetteer_patterns())
    assert cached.phrases == built.phrases
    assert cached.entries == built.entries
    assert cached.extension_values == built.extension_values
    assert cached.first_words == built.first_words and cached.window == built.window
    assert list(cached.token_keys.values()) == list(built.token_keys.values())


# Names that go through every table: countries, demonyms, regions, subdivisions by name,
# stem and abbreviation, cities, alternate names, small towns, counties, airfields.
SAMPLE = [
    "Paris", "Kiev", "Odessa", "Georgia", "Kursk Oblast", "Russia’s Kursk Oblast",
    "Tampa, Florida", "Heathrow", "Incirlik Air Base", "Springfield", "Laurel County", "Mecca",
    "St. Petersburg", "Quebec City", "Danville", "Harrodsburg", "Norfolk", "Woodbridge",
    "Dumfries", "Aleppo", "Gaza Strip", "Donbas", "Minnesotans", "LOUISVILLE, KY",
    "Engels air base", "White House", "Lebanon", "Myerstown", "Sao Paulo", "Hamilton County",
    "Gwinnett", "Saki airfield", "Pearson International Airport", "Henry County", "Crafton",
    "European", "Ky.", "Tenn.", "Idlib province", "the Kursk border region", "Narnia",
]


def _resolutions() -> list[str]:
    out = []
    for name in SAMPLE:
        for context in ((), ("USA",), ("UKR",), ("GBR",)):
            out.append(repr(places.resolve_place(name, context=context)))
    out.append(repr(places.resolve_places(
        SAMPLE[:14], document="PARIS, Tenn. -- Call (706) 555-0123 for details.")))
    out.append(repr(places.resolve_places(
        ["Danville", "Harrodsburg", "Springfield", "Norfolk", "Sioux City"])))
    out.append(repr(places.coherent_subdivisions(["Danville", "Harrodsburg", "Springfield"])))
    out.append(repr(places.phone_subdivisions("(212) 555-0100, (905) 555-0100, 800-555-0100")))
    out.append(repr([places._admin_point(c.key) for c in places._admin1().cands[::25]]))
    return out


def test_the_stored_index_resolves_as_the_tables_built_from_the_packages():
    stored = _resolutions()
    assert isinstance(index.tables(), index.StoredTables)
    with index.using(index_build.BuiltTables()):
        built = _resolutions()
    assert stored == built
