"""Fusion on tests/data/fusion: 47 articles written for these tests about 13 invented events.

The corpus (see its README) has two wire stories with three copies each, a
Kremlin denial of a reported arms delivery, two Russian strikes on nearby
dates (Kharkiv on March 4, Odesa on March 6) that must stay apart, and
three events each retold by three outlets in their own words: a troop
deployment coded AID in one report and MOBILIZE in others (one an undated
retelling), a strike dated "on Tuesday" from two publication days, and an
arms delivery with its denial.
Gold mentions are labelled by article, type and a piece of their sentence.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from dossier.fuse import fuse
from dossier.ingest import Article, load_document
from dossier.models import Result
from dossier.pipeline import process
from dossier.store import Store

CORPUS = Path(__file__).parent / "data" / "fusion"


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], dict[str, Result], dict]:
    articles = [json.loads(line) for line in (CORPUS / "articles.jsonl").open(encoding="utf-8")]
    results = {
        a["id"]: process(load_document(Article(
            text=a["text"], url=a["url"], title=a["title"], published=a["published"]
        )))
        for a in articles
    }  # fmt: skip
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    return [a["id"] for a in articles], results, labels


def gold_mentions(results: dict[str, Result], labels: dict) -> dict[str, str]:
    """Extracted mention id -> gold event, for mentions matching a labelled sentence."""
    gold = {}
    for label in labels["mentions"]:
        for event in results[label["article"]].events:
            if event.type == label["type"] and label["sentence"] in event.evidence.text:
                gold[event.id] = label["event"]
    return gold


def fused_store(results: dict[str, Result], order: list[str], one_by_one: bool) -> Store:
    store = Store(":memory:")
    for article in order:
        store.add(results[article])
        if one_by_one:
            fuse(store)
    fuse(store)
    return store


def snapshot(store: Store) -> dict[str, dict]:
    return {record["id"]: record for record in store.fused_events()}


def pairs(counts: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def test_pairwise_precision_and_recall(corpus):
    order, results, labels = corpus
    gold = gold_mentions(results, labels)
    store = fused_store(results, order, one_by_one=False)
    members = store.fusion_members()
    agree = pairs(Counter((members[m], g) for m, g in gold.items()))
    precision = agree / pairs(Counter(members[m] for m in gold))
    recall = agree / pairs(Counter(gold.values()))
    print(
        f"\nfusion corpus: {len(gold)} of {len(labels['mentions'])} labelled sentences extracted;"
        f" pairwise precision {precision:.3f}, recall {recall:.3f}"
    )
    assert len(gold) >= 0.6 * len(labels["mentions"])
    assert len(set(gold.values())) == len(labels["events"])  # every event found at least once
    assert precision >= 0.9
    # 0.904 before the extraction round of 2026-12-06 (late); 0.889 once one more part
    # of the Pantsir delivery was extracted ("the systems ... were now positioned near
    # Pyongyang") that fusion kept apart: its "systems" (arms in general) were taken for
    # other items than "air defence systems", and a misparsed speaker ("to North Korea,
    # South Korea's NIS (NIS) told") placed the first report in South Korea.  0.920 since
    # 2026-12-07 (dossier/speakers.py; equipment.GENERIC_MILITARY), 0.924 with "the North"
    # read as North Korea in a story about it (resolve.actors.elided_state).  0.901 once
    # "a missile strike ... killed five" became one attack, not two (extract/folds.py):
    # six duplicate mentions of one fully fused event (E4) are gone, which weighs the
    # events fusion splits more; no pair was split that was not split before.
    assert recall >= 0.89


def test_nearby_strikes_with_the_same_actors_stay_apart(corpus):
    order, results, labels = corpus
    gold = gold_mentions(results, labels)
    members = fused_store(results, order, one_by_one=False).fusion_members()
    kharkiv = {members[m] for m, g in gold.items() if g == "E4"}
    odesa = {members[m] for m, g in gold.items() if g == "E5"}
    assert kharkiv and odesa and not kharkiv & odesa


def test_retellings_in_other_words_are_one_event(corpus):
    """E11 (a deployment coded AID and MOBILIZE, one report undated), E12 ("on Tuesday"
    read against two publication days a week apart) and E13 (a delivery and its denial)."""
    order, results, labels = corpus
    gold = gold_mentions(results, labels)
    members = fused_store(results, order, one_by_one=False).fusion_members()
    for event in ("E11", "E12", "E13"):
        fused = {members[m] for m, g in gold.items() if g == event}
        assert len(fused) == 1, (event, fused)


def test_every_wire_copy_counts_once(corpus):
    order, results, labels = corpus
    store = fused_store(results, order, one_by_one=False)
    for group in labels["wire_groups"].values():
        documents = {results[a].document.id for a in [group["original"], *group["copies"]]}
        gold = gold_mentions(results, labels)
        members = store.fusion_members()
        counts = Counter(members[m] for m, g in gold.items() if g == group["event"])
        # the fused event holding most of the group's labelled mentions (ties: the lower id)
        fused_id = min(counts, key=lambda f: (-counts[f], f))
        record = next(store.fused_events(_by_id(fused_id)))
        in_wire = [m for m in record["mentions"] if m["document"] in documents]
        assert {m["document"] for m in in_wire} == documents
        assert len({m["source_group"] for m in in_wire}) == 1, group
        assert len({m["copy_of"] for m in in_wire}) == 1, group
        assert record["independent_sources"] < len(
            {m["document"] for m in record["mentions"]}
        )


def test_independent_outlets_are_right_for_every_event(corpus):
    """Every article reporting the event counts once, all copies of one wire story
    together once; an article whose only mentions are unattributed passing ones in
    a story about another event (``not_counted``) does not count.  The labelled
    count (``outlets``) is compared over the articles where the extractor finds at
    least one labelled sentence of the event (we cannot count what it misses)."""
    order, results, labels = corpus
    gold = gold_mentions(results, labels)
    store = fused_store(results, order, one_by_one=False)
    members = store.fusion_members()
    article_of = {e.id: a for a in order for e in results[a].events}
    copy_of = {c: g["original"] for g in labels["wire_groups"].values() for c in g["copies"]}
    found = {}
    for event, spec in labels["events"].items():
        fused_id = Counter(members[m] for m, g in gold.items() if g == event).most_common(1)[0][0]
        (record,) = store.fused_events(_by_id(fused_id))
        articles = {article_of[m] for m, g in gold.items() if g == event}
        findable = {copy_of.get(a, a) for a in articles - set(spec["not_counted"])}
        found[event] = (spec["outlets"], len(findable), record["independent_sources"])
    print("\nindependent outlets (labelled, findable, ours):", found)
    assert all(ours == findable for _gold, findable, ours in found.values()), found
    assert sum(1 for g, f, _o in found.values() if g == f) >= len(found) - 4


def _by_id(fused_id: str):
    from dossier.store import EventQuery

    return EventQuery(id=fused_id)


def test_the_denials_are_the_only_contradictions(corpus):
    order, results, labels = corpus
    gold = gold_mentions(results, labels)
    store = fused_store(results, order, one_by_one=False)
    members = store.fusion_members()
    denied_events = [e for e, spec in labels["events"].items() if spec["contradicted"]]
    assert len(denied_events) == 2
    denied_ids = set()
    for denied in denied_events:
        fused_id = Counter(members[m] for m, g in gold.items() if g == denied).most_common(1)[0][0]
        denied_ids.add(fused_id)
        record = next(store.fused_events(_by_id(fused_id)))
        by_id = {m["event"]: m for m in record["mentions"]}
        kinds = [c for c in record["contradictions"] if c["kind"] == "factuality"]
        assert kinds, record["contradictions"]
        first, denial = (by_id[i] for i in kinds[0]["mentions"])
        assert first["factuality"] != "negated" and denial["factuality"] == "negated"
        assert first["document"] != denial["document"]
    # no other gold event is flagged
    flagged = {f["id"] for f in store.fused_events() if f["contradictions"]}
    others = {members[m] for m, g in gold.items() if g not in denied_events}
    assert not flagged & others
    contradicted = {f["id"] for f in store.fused_events(_contradicted())}
    assert denied_ids <= contradicted


def _contradicted():
    from dossier.store import EventQuery

    return EventQuery(contradicted=True)


def test_same_fused_events_whatever_the_order(corpus):
    order, results, _labels = corpus
    at_once = snapshot(fused_store(results, order, one_by_one=False))
    backwards = fused_store(results, order[::-1], one_by_one=True)
    shuffled = order[:]
    random.Random(7).shuffle(shuffled)
    assert snapshot(backwards) == at_once
    assert snapshot(fused_store(results, shuffled, one_by_one=True)) == at_once
    fuse(backwards, rebuild=True)
    assert snapshot(backwards) == at_once


def test_old_ids_still_find_their_event_as_reports_arrive(corpus):
    order, results, _labels = corpus
    late_first = sorted(order, key=lambda a: results[a].document.published or "", reverse=True)
    store = Store(":memory:")
    # fused id -> the report it is named after (its first report when it was made); an
    # event that later splits keeps that report's part, so the id still finds it
    seen: dict[str, str] = {}
    for article in late_first:
        store.add(results[article])
        fuse(store)
        for mention, fused_id in store.fusion_members().items():
            if mention == "ev_" + fused_id.removeprefix("fev_"):
                seen.setdefault(fused_id, mention)
    members = store.fusion_members()
    renamed = [f for f in seen if f not in snapshot(store)]
    assert renamed, "articles arrived latest first, so earlier reports must rename events"
    for old, mention in seen.items():
        assert store.current_id(old) == members[mention]
        (record,) = store.fused_events(_by_id(old))
        assert mention in {m["event"] for m in record["mentions"]}
    assert {row["action"] for row in store.fusion_log()} >= {"renamed"}
