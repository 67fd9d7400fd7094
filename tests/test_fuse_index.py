"""The fusion index (``dossier.fuse.index``): an incremental fuse reads the new
mentions and their candidates from the database, and finds the same
candidates, groups of copies and fused events as fusion over every mention."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import pytest

from dossier.fuse import _Pool, fuse, index
from dossier.fuse.cluster import MAX_NEIGHBOURS, candidate_pairs
from dossier.fuse.match import Mention, anchored, conflict
from dossier.fuse.sources import copy_groups
from dossier.models import Actor, DateValue, Document, Event, Place, Result, Span
from dossier.store import Store

CODES = ["RUS", "UKR", "BLR", "POL"]
PLACES = [("UKR", 49.98, 36.25), ("UKR", 46.48, 30.74), ("RUS", 51.5, 36.0), (None, 50.0, 30.0)]


def _report(rng: random.Random, n: int, doc: str, kind: str = "ASSAULT") -> Event:
    """A report of one of a few look-alike strikes (one block, many neighbours)."""
    day = f"2025-03-{rng.randint(1, 28):02d}"
    date = DateValue(text=day, value=day, granularity="day", start=day, end=day)
    country, lat, lon = rng.choice(PLACES)
    place = Place(text="x", name=f"P{lat}", country=country, lat=lat, lon=lon)
    source = [] if rng.random() < 0.1 else [Actor(text="s", code=rng.choice(CODES[:2]))]
    target = [] if rng.random() < 0.2 else [Actor(text="t", code=rng.choice(CODES))]
    words = " ".join(rng.choice(["strike", "missile", "drone", "port", "city"]) for _ in range(4))
    return Event(
        id=f"ev_{doc[4:]}_{n}", type=kind, mode=None, source=source, target=target, items=[],
        factuality="asserted", date=date if rng.random() < 0.6 else None,
        location=place if rng.random() < 0.7 else None, attribution=None,
        evidence=Span(text=f"Russian {words} on {day}", start=n * 10, end=n * 10 + 5),
    )  # fmt: skip


def _meeting(rng: random.Random, n: int, doc: str) -> Event:
    """A report of one of a few look-alike talks: one to four parties, on either side."""
    event = _report(rng, n, doc, kind=rng.choice(["AGREE", "CONSULT"]))
    parties = rng.sample(CODES, rng.choice([1, 2, 2, 3, 4]))
    cut = rng.randint(1, len(parties))
    source = [Actor(text="s", code=c) for c in parties[:cut]]
    target = [Actor(text="t", code=c) for c in parties[cut:]]
    return Event(**{**event.__dict__, "source": source, "target": target})


def _article(
    rng: random.Random, i: int, prefix: str = "doc_", report: Callable[..., Event] = _report
) -> Result:
    doc = f"{prefix}{i:05d}"
    published = f"2025-03-{rng.randint(2, 28):02d}" if rng.random() < 0.95 else None
    text = f"Story {i}: " + " ".join(rng.choice(CODES) for _ in range(40))
    events = [report(rng, n, doc) for n in range(rng.randint(1, 3))]
    return Result(Document(id=doc, text=text, published=published), events)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path) -> str:
    """A SQLite file, or a PostgreSQL database (skipped where there is no server)."""
    if request.param == "sqlite":
        return str(tmp_path / "dense.db")
    return request.getfixturevalue("pg_url")


def _dense_store(
    target: str, articles: int = 350, seed: int = 3, report: Callable[..., Event] = _report
) -> tuple[Store, random.Random]:
    rng = random.Random(seed)
    store = Store(target)
    for i in range(articles):
        store.add(_article(rng, i, report=report))
    fuse(store, rebuild=True)
    return store, rng


def _touched_over_everyone(new: list[Mention], everyone: list[Mention]) -> set[str]:
    """What fusion did before the index (main before issue 16): every mention read,
    blocks built in memory, the old mentions a new one could join."""
    new_ids = {m.id for m in new}
    touched = set()
    for a, b in candidate_pairs(everyone, involving=new_ids):
        if (a.id in new_ids) == (b.id in new_ids):
            continue
        if conflict(a, b) is None and anchored(a, b):
            touched.add(b.id if a.id in new_ids else a.id)
    return touched


@pytest.mark.parametrize("report", [_report, _meeting], ids=["directed", "symmetric"])
def test_candidates_from_the_index_are_those_of_the_sweep_over_everyone(target, report):
    """A block denser than MAX_NEIGHBOURS: the database gives each new mention the
    same compatible neighbours as sorting the whole block in memory did (talks:
    their parties compared as one set, two in common when both name two or more)."""
    store, rng = _dense_store(target, report=report)
    assert store.count("events") > 2 * MAX_NEIGHBOURS
    for i in range(40):
        store.add(_article(rng, i, prefix="doc_new_", report=report))
    new_ids = index.unfused(store)
    pool = _Pool(store, 30)
    documents = {r["document"]["id"] for r in store.events_by_id(new_ids)}
    index.add_documents(store, index.unindexed_documents(store, documents))
    new = pool.load(new_ids)
    with store.engine.begin() as conn:
        index.add_mentions(conn, new)
    everyone = pool.load([r["id"] for r in store.events()])
    expected = _touched_over_everyone(new, everyone)
    assert expected  # the new reports join old ones
    found = index.candidates(store, new)
    got = {
        other
        for n in new
        for other in found[n.id]
        if other not in set(new_ids)
        and conflict(*sorted((n, pool.mentions[other]), key=lambda m: m.id)) is None
        and anchored(n, pool.mentions[other])
    }
    assert got == expected


def test_talks_between_other_parties_are_not_candidates(tmp_path):
    """The query leaves out the talks whose parties cannot be those of the new one
    ("different parties", "no shared actor"), as it leaves out strikes by another
    state: what it returns is read and compared in Python, at a million mentions
    hundreds of talks per block and new mention."""
    store, rng = _dense_store(str(tmp_path / "talks.db"), report=_meeting)
    for i in range(40):
        store.add(_article(rng, i, prefix="doc_new_", report=_meeting))
    pool = _Pool(store, 30)
    new = pool.load(index.unfused(store))
    with store.engine.begin() as conn:
        index.add_mentions(conn, new)
    found = index.candidates(store, new)
    pool.load({other for n in new for other in found[n.id]})
    reasons = Counter(
        conflict(n, pool.mentions[other]) for n in new for other in found[n.id]
    )  # fmt: skip
    assert reasons[None] > 0
    assert reasons["different parties"] == reasons["no shared actor"] == 0


def test_an_incremental_fuse_reads_no_more_than_it_needs(target, monkeypatch):
    """Neither every event record nor every fused event is read; the result is the
    one a rebuild gives."""
    store, rng = _dense_store(target, articles=150, seed=5)
    for i in range(10):
        store.add(_article(rng, i, prefix="doc_new_"))

    def everything(*_args, **_kwargs):
        raise AssertionError("an incremental fuse read every mention")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "events", everything)
        patch.setattr(Store, "fusion_members", everything)
        summary = fuse(store)
    assert 0 < summary.mentions < store.count("events")
    members = store.fusion_members()
    fuse(store, rebuild=True)
    assert store.fusion_members() == members


def _copy_text(paragraphs: list[int]) -> str:
    return " ".join(
        f"Paragraph {n}: the ministry said the convoy number {n} crossed the border near the "
        f"river crossing at dawn and was met by officials of region {n} and their deputies."
        for n in paragraphs
    )


def test_groups_of_copies_merge_as_they_would_over_every_article(tmp_path):
    """A later article that copies two earlier, unrelated ones joins their groups."""
    store = Store(tmp_path / "copies.db")
    texts = {
        "doc_c": _copy_text([1, 2, 3, 4]),
        "doc_d": _copy_text([1, 2, 3, 4]) + " More.",  # a copy of doc_c
        "doc_e": _copy_text([5, 6, 7, 8]),  # another story
        "doc_a": _copy_text([1, 2, 3, 4, 5, 6, 7, 8]),  # both stories: contains c and e
        "doc_f": "An unrelated story about a football match in the rain. " * 5,
    }
    rng = random.Random(1)
    for doc, text in texts.items():
        event = _report(rng, 0, doc)
        store.add(Result(Document(id=doc, text=text, published="2025-03-10"), [event]))
        fuse(store)
        stored = index.copies(store, texts)
        everything = copy_groups(index.signatures(store, sorted(stored | {doc: doc})))
        sizes = {g: list(everything.values()).count(g) for g in everything.values()}
        assert stored == {d: g for d, g in everything.items() if sizes[g] > 1}, doc
    assert index.copies(store, texts) == {"doc_a": "doc_a", "doc_c": "doc_a", "doc_d": "doc_a",
                                          "doc_e": "doc_a"}  # fmt: skip


def test_another_undated_window_indexes_everything_again(tmp_path):
    store, rng = _dense_store(str(tmp_path / "w.db"), articles=40, seed=7)
    assert index.window(store) == 30
    store.add(_article(rng, 1, prefix="doc_new_"))
    fuse(store, undated_window=60)
    assert index.window(store) == 60
    members = store.fusion_members()
    assert len(members) == store.count("events")


def _plan(store: Store, query: object) -> list[str]:
    from sqlalchemy.dialects import sqlite

    compiled = query.compile(  # type: ignore[attr-defined]
        dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True}
    )
    sql = str(compiled)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, (None,) * sql.count("?"))
        return [row[-1] for row in rows]


def test_the_sweep_reads_the_index_alone(tmp_path):
    """SQLite answers the candidate query from the covering index (migration 0006):
    no table row is read per block member walked past."""
    plan = _plan(Store(str(tmp_path / "plan.db")), index._timed_query())
    sweeps = [step for step in plan if "fusion_blocks" in step]
    assert len(sweeps) == 3 and all("COVERING INDEX fusion_blocks_sweep" in s for s in sweeps)


def test_the_mentions_to_fuse_are_found_without_reading_the_records(tmp_path):
    """Which mentions are in no fused event yet: the political events' index, not a
    walk over the events table and its JSON records."""
    plan = _plan(Store(str(tmp_path / "plan.db")), index.unfused_query())
    assert any("COVERING INDEX events_political" in step for step in plan), plan


def test_the_events_of_new_articles_are_read_by_article(tmp_path):
    """The political events of a few articles are looked up by article, not found by
    walking the index of political events (SQLite picked that one once)."""
    plan = _plan(Store(str(tmp_path / "plan.db")), index.document_events_query(["a", "b"]))
    assert plan == ["SEARCH events USING INDEX events_document (document_id=?)"], plan
