"""Benchmark: time to fuse N synthetic event mentions (a benchmark, not a test).

Builds a SQLite database of synthetic articles, each reporting a few
synthetic events (types, states, dates, places and items drawn at random,
every real event reported by 1 to 9 articles, a third of them wire copies),
then times ``dossier.fuse.fuse(store, rebuild=True)`` and one incremental
run after adding 1% more articles.  Prints a table, then one JSON line.

    python3 bench/fuse.py                 # 100,000 mentions
    python3 bench/fuse.py --mentions 20000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from dossier.fuse import fuse
from dossier.models import (
    Actor,
    DateValue,
    Document,
    Event,
    Item,
    Place,
    Result,
    Span,
)
from dossier.store import Store

STATES = [
    "USA RUS CHN UKR PRK KOR JPN IND PAK IRN ISR SYR TUR DEU FRA GBR POL BLR SRB HUN",
    "SAU ARE EGY LBY SDN ETH SOM KEN NGA MLI BFA NER TCD COD ZAF BRA VEN COL MEX CUB",
    "AFG IRQ YEM LBN JOR QAT AZE ARM GEO KAZ UZB MMR THA VNM PHL IDN AUS TWN ITA ESP",
]
CODES = " ".join(STATES).split()
TYPES = ["AID", "ASSAULT", "MOBILIZE", "SANCTION", "THREATEN", "AGREE", "CONSULT", "ACCUSE"]
ITEMS = ["MiG-29", "Su-27", "Patriot", "IRIS-T", "Leopard 2", "HIMARS", "Shahed-136", "T-72"]
START = dt.date(2023, 1, 1)


def synthetic_events(n_mentions: int, rng: random.Random) -> list[list[dict]]:
    """Real events, each a list of its reports (dicts describing one mention)."""
    events = []
    total = 0
    while total < n_mentions:
        source, target = rng.sample(CODES, 2)
        kind = rng.choice(TYPES)
        day = START + dt.timedelta(days=rng.randrange(730))
        dated = rng.random() < 0.6
        lat, lon = rng.uniform(-40, 60), rng.uniform(-80, 140)
        item = rng.choice(ITEMS) if kind == "AID" else None
        reports = []
        wire_text = f"wire {len(events)} {kind} {source} {target} " + " ".join(
            rng.choice(CODES) for _ in range(60)
        )
        for _ in range(min(rng.randint(1, 9), n_mentions - total)):
            published = day + dt.timedelta(days=rng.randint(0, 3))
            copy = rng.random() < 0.33
            text = wire_text if copy else wire_text.replace("wire", f"own {rng.random()}")
            reports.append({
                "type": kind, "source": source, "target": target,
                "date": day if dated and rng.random() < 0.8 else None,
                "published": published, "place": (lat, lon) if rng.random() < 0.5 else None,
                "item": item, "negated": rng.random() < 0.02, "text": text,
            })  # fmt: skip
            total += 1
        events.append(reports)
    return events


def _event(doc_id: str, i: int, report: dict) -> Event:
    date = None
    if report["date"]:
        iso = report["date"].isoformat()
        date = DateValue(text=iso, value=iso, granularity="day", start=iso, end=iso)
    place = None
    if report["place"]:
        lat, lon = report["place"]
        place = Place(text="somewhere", name=f"P{lat:.1f}", country=None, lat=lat, lon=lon)
    items = [Item(text=report["item"], designation=report["item"])] if report["item"] else []
    return Event(
        id=f"ev_{doc_id[4:]}_{i}",
        type=report["type"],
        mode=None,
        source=[Actor(text=report["source"], code=report["source"])],
        target=[Actor(text=report["target"], code=report["target"])],
        items=items,
        factuality="negated" if report["negated"] else "asserted",
        date=date,
        location=place,
        attribution=None,
        evidence=Span(text=f"{report['type']} {report['source']} {report['target']}", start=0,
                      end=10),  # fmt: skip
    )


def build(
    db: Path, events: list[list[dict]], rng: random.Random, prefix: str = "doc_", per_doc: int = 5
) -> dict[str, int]:
    """Store the reports as articles of ``per_doc`` mentions published the same
    day or so; returns each mention id's real event (its index in ``events``)."""
    reports = [(k, r) for k, reports in enumerate(events) for r in reports]
    rng.shuffle(reports)
    reports.sort(key=lambda kr: kr[1]["published"])
    truth = {}
    with Store(db) as store:
        for n in range(0, len(reports), per_doc):
            chunk = reports[n : n + per_doc]
            doc_id = f"{prefix}{n // per_doc:08d}"
            text = "\n".join(r["text"] for _k, r in chunk)
            published = max(r["published"] for _k, r in chunk).isoformat()
            document = Document(id=doc_id, text=text, published=published,
                                url=f"https://outlet{n % 97}.example/{doc_id}")  # fmt: skip
            found = [_event(doc_id, i, r) for i, (_k, r) in enumerate(chunk)]
            store.add(Result(document, found))
            truth.update({e.id: k for e, (k, _r) in zip(found, chunk, strict=True)})
    return truth


def pairwise(store: Store, truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the fused events against the generated ones."""
    from collections import Counter

    members = store.fusion_members()
    both = Counter((members[m], truth[m]) for m in truth)
    fused = Counter(members[m] for m in truth)
    real = Counter(truth.values())

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    agree = pairs(both)
    return agree / max(1, pairs(fused)), agree / max(1, pairs(real))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        events = synthetic_events(args.mentions, rng)
        t0 = time.perf_counter()
        truth = build(db, events, rng)
        build_s = time.perf_counter() - t0
        with Store(db) as store:
            docs = store.count("documents")
            t0 = time.perf_counter()
            full = fuse(store, rebuild=True)
            full_s = time.perf_counter() - t0
            precision, recall = pairwise(store, truth)
        more = synthetic_events(args.mentions // 100, rng)
        extra = build(db, more, rng, prefix="doc_new_")
        with Store(db) as store:
            t0 = time.perf_counter()
            fuse(store)
            incremental_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("mentions", f"{args.mentions:,}"),
        ("articles", f"{docs:,}"),
        ("real events (generated)", f"{len(events):,}"),
        ("fused events", f"{full.total_fused:,}"),
        ("building the database", f"{build_s:.1f} s"),
        ("fuse --rebuild", f"{full_s:.1f} s"),
        ("mentions fused per second", f"{args.mentions / full_s:,.0f}"),
        ("pairwise precision / recall", f"{precision:.3f} / {recall:.3f}"),
        (f"incremental fuse of {len(extra):,} new mentions", f"{incremental_s:.1f} s"),
        ("peak RSS", f"{peak_mb:,.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value:>12}")
    print(json.dumps({
        "mentions": args.mentions, "articles": docs, "generated_events": len(events),
        "fused_events": full.total_fused, "fuse_seconds": round(full_s, 2),
        "pairwise_precision": round(precision, 4), "pairwise_recall": round(recall, 4),
        "incremental_mentions": len(extra), "incremental_seconds": round(incremental_s, 2),
        "peak_rss_mb": round(peak_mb),
    }))  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
