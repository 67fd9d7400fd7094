"""Benchmark: time to fuse N synthetic event mentions (a benchmark, not a test).

Builds a SQLite database of synthetic articles, each reporting a few
synthetic events (types, states, dates, places and items drawn at random,
every real event reported by 1 to 9 articles, a third of them wire copies;
each report's evidence sentence carries its event's particulars, see
``synthetic_events``; written in bulk, a few thousand articles per transaction), then times
``dossier.fuse.fuse(store, rebuild=True)`` and one incremental run after
adding ``--new`` more mentions (1,000 by default), each fusion in a process
of its own so that its peak RSS is its own.  Prints a table, then one JSON
line.

    python3 bench/fuse.py                       # 100,000 mentions
    python3 bench/fuse.py --mentions 1000000    # a million
    python3 bench/fuse.py --mentions 20000 --seed 7 --dump fused.json

``--dump FILE`` writes every mention's fused event and every fused record,
after the rebuild and after the incremental run, to compare two versions
of the code on the same generated set: run this file with
``DOSSIER_CODE=/path/to/other/checkout`` (the package it imports; this
repository by default; it only uses ``Store``, ``fuse`` and the models) and
compare the two files, or give the first run's FILE as ``--compare FILE``
to the second, which then says whether its own dumps are the same.

``--cache DIR`` keeps the generated database (after the base step for
``--base generated``, before it for ``--base rebuild``, which depends on the
code being measured), its ground truth and the generator's state in DIR, and
copies them on the next run with the same ``--mentions --seed --days
--base``: a million mentions takes many minutes to generate.  Delete DIR's
files when the generator or the index tables change (``GENERATOR`` is part
of the name).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

# this repository's package, or the one DOSSIER_CODE names (child processes inherit it)
CODE = os.environ.get("DOSSIER_CODE") or str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, CODE)

from dossier import dialect  # noqa: E402
from dossier.fuse import fuse  # noqa: E402
from dossier.models import (  # noqa: E402
    Actor,
    DateValue,
    Document,
    Event,
    Item,
    Place,
    Result,
    Span,
)
from dossier.schema import documents as documents_table  # noqa: E402
from dossier.schema import event_actors  # noqa: E402
from dossier.schema import events as events_table  # noqa: E402
from dossier.store import Store  # noqa: E402
from dossier.store_rows import event_row  # noqa: E402

STATES = [
    "USA RUS CHN UKR PRK KOR JPN IND PAK IRN ISR SYR TUR DEU FRA GBR POL BLR SRB HUN",
    "SAU ARE EGY LBY SDN ETH SOM KEN NGA MLI BFA NER TCD COD ZAF BRA VEN COL MEX CUB",
    "AFG IRQ YEM LBN JOR QAT AZE ARM GEO KAZ UZB MMR THA VNM PHL IDN AUS TWN ITA ESP",
]
CODES = " ".join(STATES).split()
TYPES = ["AID", "ASSAULT", "MOBILIZE", "SANCTION", "THREATEN", "AGREE", "CONSULT", "ACCUSE"]
ITEMS = ["MiG-29", "Su-27", "Patriot", "IRIS-T", "Leopard 2", "HIMARS", "Shahed-136", "T-72"]
START = dt.date(2023, 1, 1)
GENERATOR = 2  # the version of synthetic_events and build: part of a --cache file's name


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """Made-up words for the particulars of events (place names, names, numbers)."""
    onsets, vowels = "b c d f g k l m n p r s t v z br kr st tr sh".split(), "a e i o u ia".split()
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.randint(2, 3)
        words.add("".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables)))
    return sorted(words)


def _sentence(kind: str, source: str, target: str, particulars: list[str], rng: random.Random,
              words: list[str]) -> str:  # fmt: skip
    """One outlet's own sentence about an event: its type and states, most of its
    particulars (each kept at 0.9), and a word of the outlet's own, in any order."""
    tokens = [kind, source, target, *(w for w in particulars if rng.random() < 0.9)]
    tokens.append(rng.choice(words))
    rng.shuffle(tokens)
    return " ".join(tokens)


def synthetic_events(n_mentions: int, rng: random.Random, days: int = 730) -> list[list[dict]]:
    """Real events, each a list of its reports (dicts describing one mention).

    Every event has three particulars (made-up words: where, who, how many),
    and its reports' evidence sentences carry them: a wire copy the wire's
    sentence word for word, an outlet's own report its type, its states, most
    of the particulars and a word of its own.  So two reports of one event
    read alike and two events of one type and pair of states do not, as in
    news: "Russian missiles hit a school in Kramatorsk" and "a strike on a
    Kharkiv power plant" are both ASSAULT RUS UKR.  (Until GENERATOR 2 every
    report of every event of one type and pair of states had the same
    evidence, "ASSAULT RUS UKR", so that events no reader could tell apart
    were anchored by their identical wording, and all of an article's reports
    started at character 0, as if in one sentence.)
    """
    words = _vocabulary(random.Random(0))
    events = []
    total = 0
    while total < n_mentions:
        source, target = rng.sample(CODES, 2)
        kind = rng.choice(TYPES)
        day = START + dt.timedelta(days=rng.randrange(days))
        dated = rng.random() < 0.6
        lat, lon = rng.uniform(-40, 60), rng.uniform(-80, 140)
        item = rng.choice(ITEMS) if kind == "AID" else None
        particulars = rng.sample(words, 3)
        wire_sentence = " ".join([kind, source, target, *particulars])
        reports = []
        wire_text = f"wire {len(events)} {kind} {source} {target} " + " ".join(
            rng.choice(CODES) for _ in range(60)
        )
        for _ in range(min(rng.randint(1, 9), n_mentions - total)):
            published = day + dt.timedelta(days=rng.randint(0, 3))
            copy = rng.random() < 0.33
            text = wire_text if copy else wire_text.replace("wire", f"own {rng.random()}")
            own = _sentence(kind, source, target, particulars, rng, words)
            reports.append({
                "type": kind, "source": source, "target": target,
                "date": day if dated and rng.random() < 0.8 else None,
                "published": published, "place": (lat, lon) if rng.random() < 0.5 else None,
                "item": item, "negated": rng.random() < 0.02, "text": text,
                "evidence": wire_sentence if copy else own,
            })  # fmt: skip
            total += 1
        events.append(reports)
    return events


def _event(doc_id: str, i: int, report: dict, start: int = 0) -> Event:
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
        evidence=Span(text=report["evidence"], start=start, end=start + len(report["evidence"])),
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
    batch: list[Result] = []
    with Store(db) as store:
        for n in range(0, len(reports), per_doc):
            chunk = reports[n : n + per_doc]
            doc_id = f"{prefix}{n // per_doc:08d}"
            text = "\n".join(r["text"] for _k, r in chunk)
            published = max(r["published"] for _k, r in chunk).isoformat()
            document = Document(id=doc_id, text=text, published=published,
                                url=f"https://outlet{n % 97}.example/{doc_id}")  # fmt: skip
            starts = [0]  # each report's line in the article
            for _k, r in chunk:
                starts.append(starts[-1] + len(r["text"]) + 1)
            found = [_event(doc_id, i, r, starts[i]) for i, (_k, r) in enumerate(chunk)]
            batch.append(Result(document, found))
            truth.update({e.id: k for e, (k, _r) in zip(found, chunk, strict=True)})
            if len(batch) >= 2000:
                _write(store, batch)
                batch = []
        _write(store, batch)
    return truth


def _write(store: Store, results: list[Result]) -> None:
    """Store new articles and their events in one transaction (what ``Store.add``
    writes for each, with one INSERT per table per batch)."""
    if not results:
        return
    documents = [{
        "id": r.document.id, "title": r.document.title, "url": r.document.url,
        "published": r.document.published, "published_source": r.document.published_source,
        "format": r.document.format, "origin": r.document.origin,
        # the outlet ingest would find in the URL (dossier.provenance)
        "outlet": urlparse(r.document.url).netloc, "outlet_source": "url",
        "text": r.document.text, "removed": "[]", "reference_date": None,
    } for r in results]  # fmt: skip
    rows = [event_row(r.document.id, e) for r in results for e in r.events]
    actors = [
        {"event_id": e.id, "role": role, "code": a.code, "name": a.name, "text": a.text}
        for r in results for e in r.events
        for role, group in (("source", e.source), ("target", e.target)) for a in group
    ]  # fmt: skip
    with store.engine.begin() as conn:
        dialect.bulk_insert(conn, documents_table, documents)
        dialect.bulk_insert(conn, events_table, rows)
        dialect.bulk_insert(conn, event_actors, actors)
        dialect.index_evidence(conn, [(e.id, e.evidence.text) for r in results for e in r.events])


def pairwise(
    store: Store, truth: dict[str, int], involving: set[str] | None = None
) -> tuple[float, float]:
    """Pairwise precision and recall of the fused events against the generated ones;
    with ``involving``, over the pairs with at least one of those mentions."""
    from collections import Counter

    members = store.fusion_members()

    def pairs(labels: dict[str, object]) -> int:
        """Pairs of mentions with the same label (among those ``involving`` allows)."""
        total = Counter(labels.values())
        if involving is None:
            return sum(n * (n - 1) // 2 for n in total.values())
        new = Counter(label for m, label in labels.items() if m in involving)
        return sum(k * (k - 1) // 2 + k * (total[label] - k) for label, k in new.items())

    agree = pairs({m: (members[m], truth[m]) for m in truth})
    found = pairs({m: members[m] for m in truth})
    real = pairs(dict(truth))
    return agree / max(1, found), agree / max(1, real)


def seed_from_generated(db: Path, truth: dict[str, int]) -> None:
    """Write the generated events as the fused events (``--base generated``):
    each real event one fused event, its record made by ``fused_record`` from
    its mentions, and the fusion index built, as ``fuse --rebuild`` would
    leave them if it were perfect.  A state to time an incremental run on
    without paying for a rebuild of a million mentions; it says nothing of how
    well a rebuild fuses (the precision and recall printed then are those of
    the pairs with a new mention)."""
    from collections import Counter, defaultdict
    from dataclasses import replace

    from sqlalchemy import select

    from dossier.fuse import index
    from dossier.fuse.match import UNDATED_WINDOW, Mention
    from dossier.fuse.sources import copy_groups, fused_record

    e, d = events_table.c, documents_table.c
    with Store(db) as store:
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(e.id, e.document_id, d.published, e.type, e.evidence_start)
                .join_from(events_table, documents_table, d.id == e.document_id)
            ).all()
        by_event: dict[int, list] = defaultdict(list)
        for row in rows:
            by_event[truth[row.id]].append(row)
        fused_of = {}
        for found in by_event.values():
            anchor = min(found, key=lambda r: (r.published or "9999", r.id))
            fused_of.update((r.id, "fev_" + anchor.id.removeprefix("ev_")) for r in found)
        first: dict[str, tuple] = {}
        for row in rows:
            key = (row.evidence_start, row.id)
            if row.document_id not in first or key < first[row.document_id][0]:
                first[row.document_id] = (key, row.type, row.id)
        leads = {doc: (kind, fused_of[i]) for doc, (_key, kind, i) in first.items()}
        del rows
        signatures = index.signatures(store, sorted(first))
        groups = copy_groups(signatures)
        sizes = Counter(groups.values())
        index.reindex(store, [], groups, signatures, UNDATED_WINDOW)
        del signatures
        timeless: set[str] = set()

        def flush(ids: list[str]) -> None:
            records = {r["id"]: r for r in store.events_by_id(ids)}
            mentions = []
            for record in records.values():
                mention = Mention.from_record(record)
                group = groups.get(mention.document, mention.document)
                if sizes[group] > 1:
                    mention = replace(mention, copy="copies:" + group)
                mentions.append(mention)
            by_fused: dict[str, list] = defaultdict(list)
            for mention in mentions:
                by_fused[fused_of[mention.id]].append(mention)
            fused = [fused_record(g, records, groups, fused_of, leads) for g in by_fused.values()]
            store.write_fusion(fused, {i: fused_of[i] for i in ids}, set(), [])
            with store.engine.begin() as conn:
                index.add_mentions(conn, mentions)
            timeless.update(m.document for m in mentions if m.start is None)

        chunk: list[str] = []
        for k in sorted(by_event):
            chunk.extend(r.id for r in by_event[k])
            if len(chunk) >= 20_000:
                flush(chunk)
                chunk = []
        flush(chunk)
        with store.engine.begin() as conn:
            index.set_state(conn, {index.TIMELESS: len(timeless)})


def _child(db: Path, rebuild: bool, dump: str | None) -> None:
    """Fuse in this process and print its time and peak RSS as JSON (``--fuse-only``)."""
    with Store(db) as store:
        t0, cpu0 = time.perf_counter(), time.process_time()
        summary = fuse(store, rebuild=rebuild)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        if dump:
            members = store.fusion_members()
            records = sorted((r for r in store.fused_events()), key=lambda r: r["id"])
            with open(dump, "w", encoding="utf-8") as out:
                json.dump({"members": dict(sorted(members.items())), "fused": records}, out,
                          sort_keys=True)  # fmt: skip
    peak = _peak_rss_mb()
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak,
                      "mentions": summary.mentions, "total_fused": summary.total_fused}))


def _peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM where there is /proc (ru_maxrss
    of a child also counts its parent's memory when it was started)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fuse_in_child(db: Path, rebuild: bool, dump: str | None) -> dict:
    command = [sys.executable, __file__, "--fuse-only", str(db)]
    if rebuild:
        command.append("--rebuild")
    if dump:
        command += ["--dump", dump]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"fusion failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_dumps(mine: str, other: str) -> str:
    """Whether two runs' dumps (``--dump``) hold the same fused state: "identical",
    or how many mentions and fused records differ."""
    with open(mine, encoding="utf-8") as a, open(other, encoding="utf-8") as b:
        x, y = json.load(a), json.load(b)
    if x == y:
        return "identical"
    members = sum(x["members"].get(k) != y["members"].get(k)
                  for k in set(x["members"]) | set(y["members"]))  # fmt: skip
    records = {r["id"]: r for r in x["fused"]}, {r["id"]: r for r in y["fused"]}
    fused = sum(records[0].get(k) != records[1].get(k) for k in set(records[0]) | set(records[1]))
    return f"differ: {members:,} mentions, {fused:,} fused records"


def _checkpoint(db: Path) -> None:
    """Fold the write-ahead log into the database file, so that copying the file copies it all."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000, help="mentions added before the "
                        "incremental run (default 1,000)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=730, help="the days the events fall "
                        "in (730; 73 gives 100,000 mentions the density of a million)")  # fmt: skip
    parser.add_argument("--base", choices=["rebuild", "generated"], default="rebuild",
                        help="the fused state before the incremental run: fuse --rebuild, "
                        "or the generated events themselves (see seed_from_generated)")  # fmt: skip
    parser.add_argument("--dump", help="write the fused state to FILE.rebuild.json and "
                        "FILE.incremental.json")  # fmt: skip
    parser.add_argument("--compare", metavar="FILE", help="with --dump: compare this "
                        "run's dumps with those another run wrote with --dump FILE")  # fmt: skip
    parser.add_argument("--cache", metavar="DIR", help="keep the generated base in DIR "
                        "and reuse it (see above)")  # fmt: skip
    parser.add_argument("--fuse-only", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--rebuild", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fuse_only:
        _child(Path(args.fuse_only), args.rebuild, args.dump)
        return
    rng = random.Random(args.seed)
    dumps = (f"{args.dump}.rebuild.json", f"{args.dump}.incremental.json") if args.dump else (
        None, None)  # fmt: skip
    cached = None
    if args.cache:
        Path(args.cache).mkdir(parents=True, exist_ok=True)
        name = f"fuse-g{GENERATOR}-{args.mentions}-{args.seed}-{args.days}-{args.base}"
        cached = Path(args.cache) / name
    with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
        db = Path(tmp) / "bench.db"
        if cached is not None and cached.with_suffix(".db").exists():
            t0 = time.perf_counter()
            shutil.copyfile(cached.with_suffix(".db"), db)
            with cached.with_suffix(".pickle").open("rb") as saved:
                truth, generated, build_s, full, state = pickle.load(saved)
            rng.setstate(state)
            print(f"(base copied from {cached}.db in {time.perf_counter() - t0:.0f} s)")
            if args.base == "rebuild":
                full = _fuse_in_child(db, rebuild=True, dump=dumps[0])
        else:
            events = synthetic_events(args.mentions, rng, args.days)
            t0 = time.perf_counter()
            truth = build(db, events, rng)
            build_s = time.perf_counter() - t0
            generated = len(events)
            del events
            full = None
            if args.base == "generated":
                t0 = time.perf_counter()
                seed_from_generated(db, truth)
                full = {"seconds": time.perf_counter() - t0, "peak_rss_mb": None,
                        "total_fused": generated}  # fmt: skip
            if cached is not None:
                _checkpoint(db)
                shutil.copyfile(db, cached.with_suffix(".db"))
                with cached.with_suffix(".pickle").open("wb") as out:
                    pickle.dump((truth, generated, build_s, full, rng.getstate()), out)
            if full is None:
                full = _fuse_in_child(db, rebuild=True, dump=dumps[0])
        with Store(db) as store:
            docs = store.count("documents")
            precision, recall = pairwise(store, truth)
        more = synthetic_events(args.new, rng, args.days)
        extra = build(db, more, rng, prefix="doc_new_")
        step = _fuse_in_child(db, rebuild=False, dump=dumps[1])
        with Store(db) as store:
            truth.update({m: k + 10**9 for m, k in extra.items()})  # other events
            precision2, recall2 = pairwise(store, truth)
            precision_new, recall_new = pairwise(store, truth, involving=set(extra))
    rows = [
        ("mentions", f"{args.mentions:,}"),
        ("articles", f"{docs:,}"),
        ("real events (generated)", f"{generated:,}"),
        ("fused events", f"{full['total_fused']:,}"),
        ("building the database", f"{build_s:.1f} s"),
        (f"base: {args.base}", f"{full['seconds']:.1f} s"),
        ("base: mentions per second", f"{args.mentions / full['seconds']:,.0f}"),
        ("base: peak RSS", f"{full['peak_rss_mb'] or 0:,.0f} MB"),
        ("pairwise precision / recall", f"{precision:.3f} / {recall:.3f}"),
        (f"incremental fuse of {len(extra):,} new mentions", f"{step['seconds']:.2f} s"),
        ("  CPU time of that process", f"{step['cpu_seconds']:.2f} s"),
        ("incremental fuse peak RSS", f"{step['peak_rss_mb']:,.0f} MB"),
        ("mentions (re)clustered incrementally", f"{step['mentions']:,}"),
        ("pairwise precision / recall after it", f"{precision2:.3f} / {recall2:.3f}"),
        ("  of the pairs with a new mention", f"{precision_new:.3f} / {recall_new:.3f}"),
    ]
    if args.dump and args.compare:
        for stage in ("rebuild", "incremental"):
            if Path(f"{args.dump}.{stage}.json").exists():
                verdict = same_dumps(f"{args.dump}.{stage}.json", f"{args.compare}.{stage}.json")
                rows.append((f"{stage}: fused state vs {Path(args.compare).name}", verdict))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value:>14}")
    print(json.dumps({
        "mentions": args.mentions, "base": args.base, "articles": docs,
        "generated_events": generated,
        "fused_events": full["total_fused"], "build_seconds": round(build_s, 1),
        "base_seconds": round(full["seconds"], 2),
        "base_peak_rss_mb": round(full["peak_rss_mb"] or 0),
        "pairwise_precision": round(precision, 4), "pairwise_recall": round(recall, 4),
        "incremental_mentions": len(extra), "incremental_seconds": round(step["seconds"], 2),
        "incremental_cpu_seconds": round(step["cpu_seconds"], 2),
        "incremental_peak_rss_mb": round(step["peak_rss_mb"]),
        "incremental_reclustered": step["mentions"],
        "pairwise_precision_after": round(precision2, 4),
        "pairwise_recall_after": round(recall2, 4),
        "pairwise_precision_new": round(precision_new, 4),
        "pairwise_recall_new": round(recall_new, 4),
    }))  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
