"""The work the pipeline leaves out or does once, for throughput (issue 16).

- the extractor does not read the arguments of a word that no trigger entry can
  begin with (``lexicon.may_trigger``);
- a batch is stored with one statement per table, not five per document
  (``Store.add_rows``), the rows built apart (``store_rows.document_rows``);
- ``warm.warm_up`` loads the tables a first article would otherwise load;
- ``Record.to_dict`` gives what ``asdict`` did.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy import event

from dossier.annotate import annotate
from dossier.extract import triggers
from dossier.ingest import Article, load_document
from dossier.models import _clean
from dossier.pipeline import process_many
from dossier.store import Store

TEXTS = [
    "Kenyan police arrested twelve protesters outside parliament in Nairobi on Monday.",
    "Germany pledged 500 million euros in humanitarian aid to Sudan, its minister said.",
    "Turkish drones struck positions near Kobani, killing four fighters.",
]


def _results() -> list:
    docs = [load_document(Article(text=t, published="2025-05-06", url=f"https://t.example/{n}"))
            for n, t in enumerate(TEXTS)]  # fmt: skip
    return [result for _doc, result in process_many(docs, political_only=False)]


def test_words_no_trigger_can_begin_are_not_read_for_arguments(monkeypatch) -> None:
    doc = annotate("The children smiled and sang while their parents cooked dinner.")
    read = []
    monkeypatch.setattr(triggers, "direct_object", lambda token: read.append(token) or None)
    assert [triggers.match(token, set()) for token in doc] == [None] * len(doc)
    assert read == []  # none of "smiled", "sang", "cooked" begins a verb entry
    # a verb that does begin one is still read, and found
    doc = annotate("Germany supplied tanks to Ukraine.")
    found = triggers.match(doc[1], set())
    assert found is not None and found[0].type == "AID" and read == [doc[1]]


def test_a_batch_is_stored_with_one_statement_per_table(tmp_path: Path) -> None:
    results = _results()
    assert sum(len(r.events) for r in results) >= 3
    with Store(tmp_path / "b.db") as store:
        statements: list[str] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))  # fmt: skip
        assert store.add_many([(r, None) for r in results]) == [True, True, True]
        writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "DELETE"))]
        # documents, events, the evidence index, actors: once each for the batch
        assert len(writes) == 4, writes
        assert store.count("documents") == 3
        assert store.count("events") == len({e.id for r in results for e in r.events})


def test_warm_up_loads_what_the_first_article_would() -> None:
    from dossier import equipment
    from dossier.lexicons import petrarch
    from dossier.warm import warm_up

    warm_up()
    compiled = equipment._group_regex.cache_info().currsize
    assert compiled == len(equipment._table().groups)
    actors = petrarch._actors.cache_info()
    _results()  # nothing left to load: no new table, no new alternation
    assert equipment._group_regex.cache_info().currsize == compiled
    assert petrarch._actors.cache_info().misses == actors.misses


def test_to_dict_is_what_asdict_gave() -> None:
    for result in _results():
        for record in result.events:
            assert record.to_dict() == _clean(asdict(record))
        assert result.document.to_dict() == _clean(asdict(result.document))


def test_the_rate_once_up_starts_when_the_last_worker_was_ready() -> None:
    """One worker is ready at t=95 and begins a batch then; the other is ready only at
    t=105. From t=105 three batches of 16 begin, the last stored at t=121: 48
    articles in 16 s. The batch begun at t=95 counts neither its articles nor its
    time before t=105 (counted from t=95, one worker alone would lower the rate)."""
    from dossier.distributed import SteadyRate

    rate = SteadyRate()
    for began, ready in ((95.0, 95.0), (105.0, 105.0), (110.0, 95.0), (110.0, 105.0)):
        rate.add(16, began, ready)
    assert rate.docs_per_s(now=121.0) == 48 / 16
