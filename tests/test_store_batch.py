"""Storing a batch of results in one transaction (``Store.add_many``).

The batch stores what ``add`` stores one document at a time: the same rows, the
same answer for a document already there; when one document cannot be stored,
those before it are kept and the error is raised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from dossier.ingest import Article, load_document
from dossier.pipeline import process_many
from dossier.schema import documents, event_actors, events
from dossier.store import Store

TEXTS = [
    "Russia agreed on Monday to supply fighter jets to North Korea, officials said.",
    "Police in Kenya arrested twelve protesters outside parliament in Nairobi.",
    "The European Union imposed new sanctions on Iran over its drone deliveries.",
]


def _results() -> list:
    docs = [load_document(Article(text=t, published="2025-03-04", url=f"https://x.example/{n}"))
            for n, t in enumerate(TEXTS)]  # fmt: skip
    return [result for _doc, result in process_many(docs)]


def _rows(store: Store) -> dict[str, list[str]]:
    out = {}
    with store.engine.connect() as conn:
        for table in (documents, events, event_actors):
            out[table.name] = sorted(
                json.dumps({k: v for k, v in r._mapping.items() if k != "ingested_at"},
                           sort_keys=True, default=str)
                for r in conn.execute(select(table)))  # fmt: skip
    return out


def test_a_batch_stores_what_one_by_one_stores(tmp_path: Path) -> None:
    results = _results()
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "batch.db") as batch:
        assert [one.add(r) for r in results] == [True, True, True]
        assert batch.add_many([(r, None) for r in results]) == [True, True, True]
        assert _rows(batch) == _rows(one)
        assert batch.count("events") > 0
        # the same documents again, and one twice in a batch: already there
        assert batch.add_many([(results[0], None), (results[0], "again.txt")]) == [False, False]


def test_a_document_that_fails_keeps_those_before_it(tmp_path: Path) -> None:
    first, second, third = _results()
    broken = second.__class__(second.document, [*second.events, "not an event"])  # type: ignore[list-item]
    with Store(tmp_path / "b.db") as store:
        with pytest.raises(AttributeError):
            store.add_many([(first, None), (broken, None), (third, None)])
        assert store.document_ids() == [first.document.id]
