"""Benchmark: ingest throughput (a benchmark, not a test).

For one corpus, in one run:

(a) spaCy parsing alone (the English model as it is installed, ``nlp.pipe``): the
    floor;
(a') the same model as Dossier runs it, alone: its attribute ruler and lemmatizer
    swapped for tables that give the same annotation faster
    (``dossier/model_components.py``), so that (b)/(a') is what Dossier's own work
    costs, apart from that gain;
(b) the whole pipeline in this process: loading, annotation (our gazetteer
    components included), extraction, resolution and storing in SQLite
    (one transaction per batch of 32);

(a), (a') and (b) are timed in turns, 32 articles of each at a time, so that all
see the same load on a shared machine;
(c) the whole pipeline on Ray with 2 workers (``dossier ingest --engine ray``),
    storing in SQLite from the driver.

Prints a table, then one JSON line with the keys floor_docs_per_s,
pipeline_docs_per_s, ray2_docs_per_s, pipeline_over_floor, pipeline_over_model,
ray2_over_pipeline, peak_rss_mb_per_worker, words_per_doc (and more).

The Ray rate "once up" counts from the moment the last worker was ready (its
pipeline and tables loaded: ``dossier.warm``) to the moment the last batch was
stored (``distributed.SteadyRate``); "with starting the workers" counts the
whole ingest call. (b) and (c) run one after the other, so on a shared machine
(c)/(b) also measures how the free cores changed between them:
``ray2_over_pipeline_cpu_bound`` is the ratio the CPU per article allows on
free cores (workers x one process's CPU per article over the Ray workers' and
driver's), for comparison.
The table also gives the cores the machine's other processes took during
(a)+(b) and during (c) (/proc/stat's busy time less our own): a run where they
took more during (c) than during (b) understates (c)/(b).

The corpus: a JSON Lines file given with --jsonl, or N articles of about 400
words stitched from the sentences of the bundled example, the fusion test
articles and, when ../shared is present, the PLOVER gold sentences.

    python3 bench/throughput.py                  # 400 stitched articles
    python3 bench/throughput.py --docs 1000 --skip-ray
    python3 bench/throughput.py --jsonl articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's code, not an installed copy
SHARED = ROOT.parent / "shared" / "data" / "plover-gsr-dev.json"
SENTENCE_END = re.compile(r"(?<=[.!?\"”’'])\s+(?=[A-Z\"“])")


def sentences() -> list[str]:
    texts = [(ROOT / "examples" / "rus-prk-jets-for-troops.txt").read_text(encoding="utf-8")]
    for line in (ROOT / "tests" / "data" / "fusion" / "articles.jsonl").open(encoding="utf-8"):
        texts.append(json.loads(line)["text"])
    if SHARED.exists():
        from dossier.evaluate.plover import read_gold

        texts += [gold.text for gold in read_gold(SHARED)]
    found = []
    for text in texts:
        for paragraph in text.splitlines():
            found += [s.strip() for s in SENTENCE_END.split(paragraph) if len(s.split()) >= 6]
    return found


def stitched(n: int, words: int = 400, seed: int = 1) -> list[dict]:
    """``n`` articles of about ``words`` words: paragraphs of sentences drawn at random."""
    rng = random.Random(seed)
    pool = sentences()
    articles = []
    for i in range(n):
        paragraphs, count = [], 0
        while count < words:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        day = 1 + i % 28
        articles.append({"text": "\n\n".join(paragraphs), "published": f"2025-03-{day:02d}",
                         "url": f"https://bench.example/{i}"})  # fmt: skip
    return articles


def floor(texts: list[str]) -> float:
    """Seconds for the English model alone to parse the texts."""
    return interleaved(texts, [], None)[0]


def pipeline(articles: list[dict], db: Path) -> tuple[float, float]:
    """(seconds, CPU seconds) for the whole pipeline in this process, storing into
    ``db`` every event, as ``dossier ingest`` does (``political_only=False``)."""
    _parse, seconds, cpu, _warm, _model = interleaved([], articles, db)
    return seconds, cpu


def interleaved(texts: list[str], articles: list[dict], db: Path | None,
                chunk: int = 32) -> tuple[float, float, float, float, float]:
    """(seconds for the English model alone to parse ``texts``, seconds and CPU seconds
    for the whole pipeline on ``articles``, storing into ``db`` every event as ``dossier
    ingest`` does: ``political_only=False``, one transaction per batch), measured in
    turns of ``chunk`` articles (one of each, then the next), so that both see the same
    load on a shared machine: the ratio of the two is what the benchmark reports. Then
    the CPU seconds of loading the pipeline and its tables first
    (``dossier.warm.warm_up``, as a batch worker does before its first article), and
    the seconds for the model as Dossier runs it (``model_components.speed_up``) to
    parse ``texts``, alone, in the same turns."""
    import spacy

    from dossier.annotate import MODEL
    from dossier.ingest import Article, load_document
    from dossier.model_components import speed_up
    from dossier.pipeline import process_many
    from dossier.store import Store
    from dossier.warm import warm_up

    models = []
    if texts:
        for fast in (False, True):
            nlp = spacy.load(MODEL)
            if fast:
                speed_up(nlp)
            nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
            list(nlp.pipe(texts[:8]))  # warm up
            models.append(nlp)
    store = None
    warm = 0.0
    if articles:
        warm = warm_up()  # one-time table loading, as a batch worker does before its first
        store = Store(db or ":memory:")
    parse = whole = cpu = model = 0.0
    try:
        for start in range(0, max(len(texts), len(articles)), chunk):
            for nlp in models:
                began = time.perf_counter()
                for _doc in nlp.pipe(texts[start:start + chunk], batch_size=32):
                    pass
                if nlp is models[0]:
                    parse += time.perf_counter() - began
                else:
                    model += time.perf_counter() - began
            if articles[start:start + chunk] and store is not None:
                began, cpu_began = time.perf_counter(), time.process_time()
                documents = [load_document(Article(**a)) for a in articles[start:start + chunk]]
                done = [(result, None) for _document, result
                        in process_many(documents, political_only=False)
                        if not isinstance(result, Exception)]
                store.add_many(done)  # one transaction per batch, as ``dossier ingest``
                whole += time.perf_counter() - began
                cpu += time.process_time() - cpu_began
    finally:
        if store is not None:
            store.close()
    return parse, whole, cpu, warm, model


def stored_events(db: Path) -> list[dict]:
    """Every stored event (political or not) as ``dossier events --format json`` gives
    it, without the document's origin (which says how each engine read it)."""
    from dossier.store import EventQuery, Store

    with Store(db) as store:
        records = list(store.events(EventQuery(political=None)))
    for record in records:
        record["document"].pop("origin", None)
    return records


def machine_busy() -> float | None:
    """CPU seconds every process of the machine has used so far (all cores, from
    /proc/stat: everything but idle and I/O wait); None where there is no /proc."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields[:8]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def others_cores(busy_before: float | None, own_cpu: float | None, seconds: float) -> float | None:
    """Cores the machine's other processes took over the last ``seconds`` (the
    machine's busy CPU time since ``busy_before`` less ``own_cpu``, ours)."""
    busy_after = machine_busy()
    if busy_before is None or busy_after is None or own_cpu is None or seconds <= 0:
        return None
    return round(max(0.0, busy_after - busy_before - own_cpu) / seconds, 2)


class TreeCPU:
    """CPU seconds used by this process and all its descendants (Ray's own
    processes, the workers, their start) while it runs: /proc read every
    second, so processes that end in between keep their last reading. Linux
    only; elsewhere ``seconds`` is None."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.base: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.available = Path("/proc/self/stat").exists()

    @staticmethod
    def _tree() -> dict[int, float]:
        tick = os.sysconf("SC_CLK_TCK")
        parents, cpu = {}, {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
        mine, grown = {os.getpid()}, True
        while grown:
            found = {pid for pid, parent in parents.items() if parent in mine} - mine
            mine |= found
            grown = bool(found)
        return {pid: cpu[pid] for pid in mine if pid in cpu}

    def _run(self) -> None:
        while not self.stop.wait(1.0):
            self.seen.update(self._tree())

    def __enter__(self) -> TreeCPU:
        if self.available:
            self.base = self._tree()
            self.seen = dict(self.base)
            self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.available:
            self.stop.set()
            self.thread.join()
            self.seen.update(self._tree())

    @property
    def seconds(self) -> float | None:
        if not self.available:
            return None
        return sum(cpu - self.base.get(pid, 0.0) for pid, cpu in self.seen.items())


def on_ray(
    articles: list[dict], db: Path, workers: int
) -> tuple[float, Any, float | None, float | None]:
    """(Ray start-up seconds, the ``RaySummary``, CPU seconds of the driver and all
    Ray processes during the corpus's ingest, cores the machine's other processes
    took meanwhile) for Ray ingest into ``db``.

    Ray itself is started by a first ingest of one article (its time is the
    start-up); then the corpus is ingested: ``summary.seconds`` includes starting
    the workers (each loads the pipeline), ``summary.steady_docs_per_s`` counts
    from the first batch back."""
    import ray

    from dossier import distributed
    from dossier.store import Store

    folder = db.parent
    warm = folder / "warm.jsonl"
    warm.write_text(json.dumps(articles[0]) + "\n", encoding="utf-8")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    started = time.perf_counter()
    with Store(folder / "warm.db") as store:  # starts Ray once
        distributed.ingest([warm], store, workers=workers)
    startup = time.perf_counter() - started
    busy = machine_busy()
    with Store(db) as store, TreeCPU() as cpu:
        summary = distributed.ingest([corpus], store, workers=workers)
    others = others_cores(busy, cpu.seconds, summary.seconds)
    ray.shutdown()
    return startup, summary, cpu.seconds, others


def cpu_text(seconds: float | None, n: int) -> str:
    return "?" if seconds is None else f"{1000 * seconds / n:.0f} ms"


def rate(docs_per_s: float, words: float) -> str:
    return f"{docs_per_s:,.1f} docs/s  {docs_per_s * words:,.0f} words/s"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400, help="stitched articles (default 400)")
    parser.add_argument("--jsonl", type=Path, help="use these articles instead")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args(argv)
    if args.jsonl:
        articles = [json.loads(line) for line in args.jsonl.open(encoding="utf-8") if line.strip()]
        articles = [{k: a.get(k) for k in ("text", "html", "url", "title", "published")}
                    for a in articles]  # fmt: skip
    else:
        articles = stitched(args.docs)
    texts = [a.get("text") or a.get("html") or "" for a in articles]
    n = len(articles)
    words = sum(len(t.split()) for t in texts) / n

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        busy, own, began = machine_busy(), time.process_time(), time.perf_counter()
        a, b, b_cpu, warm, a_model = interleaved(texts, articles, Path(tmp) / "one.db")
        others_ab = others_cores(busy, time.process_time() - own, time.perf_counter() - began)
        rss_local = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        startup, ray, ray_cpu, others_c = None, None, None, None
        if not args.skip_ray:
            startup, ray, ray_cpu, others_c = on_ray(articles, Path(tmp) / "ray.db",
                                                     args.workers)  # fmt: skip
            local_events = stored_events(Path(tmp) / "one.db")
            same = stored_events(Path(tmp) / "ray.db") == local_events
    load_after = os.getloadavg()[0]

    floor_rate, pipe_rate, model_rate = n / a, n / b, n / a_model
    ray_rate = ray.steady_docs_per_s if ray else None
    # what (c)/(b) would be with a free core per worker and nothing else running: one
    # process's CPU per article over the Ray workers' and driver's, times the workers
    cpu_bound = (args.workers * b_cpu / (ray.worker_cpu_seconds + ray.driver_cpu_seconds)
                 if ray else None)  # fmt: skip
    rows = [
        ("articles", f"{n:,}"),
        ("words per article", f"{words:,.0f}"),
        ("(a) spaCy parse alone", rate(floor_rate, words)),
        ("(b) whole pipeline, 1 process", rate(pipe_rate, words)),
        ("(b)/(a)", f"{pipe_rate / floor_rate:.2f}"),
        ("(a') the model as Dossier runs it, alone", rate(model_rate, words)),
        ("(b)/(a'): Dossier's own work", f"{pipe_rate / model_rate:.2f}"),
        ("    CPU per article", f"{1000 * b_cpu / n:.0f} ms"),
        ("    cores it got", f"{b_cpu / b:.2f}"),
        ("    loading its tables first", f"{warm:.1f} s CPU, not counted"),
        ("peak RSS, 1 process", f"{rss_local:,.0f} MB"),
    ]  # fmt: skip
    if ray:
        rows += [
            (f"(c) Ray, {args.workers} workers, once up", rate(ray_rate, words)),
            ("(c)/(b)", f"{ray_rate / pipe_rate:.2f}"),
            ("    with starting the workers", rate(n / ray.seconds, words)),
            ("    CPU per article, workers", f"{1000 * ray.worker_cpu_seconds / n:.0f} ms"),
            ("    CPU per article, driver", f"{1000 * ray.driver_cpu_seconds / n:.0f} ms"),
            ("    CPU per article, every process", cpu_text(ray_cpu, n)),
            ("    cores it got", f"{ray_cpu / ray.seconds:.2f}" if ray_cpu else "?"),
            ("(c)/(b) from CPU per article", f"{cpu_bound:.2f} (on {args.workers} free cores)"),
            ("Ray start-up (once)", f"{startup:.1f} s"),
            ("peak RSS per Ray worker", f"{ray.peak_rss_mb_per_worker:,.0f} MB"),
            ("events, (c) same as (b)", f"{'yes' if same else 'NO'} ({len(local_events):,})"),
        ]  # fmt: skip
    rows.append(("other processes' cores, (a)+(b)", "?" if others_ab is None else others_ab))
    if ray:
        rows.append(("other processes' cores, (c)", "?" if others_c is None else others_c))
    rows.append(("load average, start/end", f"{load_before:.1f} / {load_after:.1f}"))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    rss_ray = ray.peak_rss_mb_per_worker if ray else 0.0
    print(json.dumps({
        "docs": n, "words_per_doc": round(words, 1),
        "floor_docs_per_s": round(floor_rate, 2), "pipeline_docs_per_s": round(pipe_rate, 2),
        "ray2_docs_per_s": round(ray_rate, 2) if ray else None,
        "pipeline_over_floor": round(pipe_rate / floor_rate, 3),
        "model_docs_per_s": round(model_rate, 2),
        "pipeline_over_model": round(pipe_rate / model_rate, 3),
        "ray2_over_pipeline": round(ray_rate / pipe_rate, 3) if ray else None,
        "ray2_over_pipeline_cpu_bound": round(cpu_bound, 3) if cpu_bound else None,
        "peak_rss_mb_per_worker": round(max(rss_local, rss_ray)),
        "peak_rss_mb_local": round(rss_local), "peak_rss_mb_ray_worker": round(rss_ray),
        "ray_startup_s": round(startup, 1) if ray else None,
        "ray2_docs_per_s_with_worker_start": round(n / ray.seconds, 2) if ray else None,
        "pipeline_cpu_ms_per_doc": round(1000 * b_cpu / n, 1),
        "pipeline_warm_up_cpu_s": round(warm, 2),
        "ray2_worker_cpu_ms_per_doc": round(1000 * ray.worker_cpu_seconds / n, 1) if ray else None,
        "ray2_driver_cpu_ms_per_doc": round(1000 * ray.driver_cpu_seconds / n, 1) if ray else None,
        "ray2_all_cpu_ms_per_doc": round(1000 * ray_cpu / n, 1) if ray_cpu else None,
        "pipeline_cores": round(b_cpu / b, 2),
        "ray2_cores": round(ray_cpu / ray.seconds, 2) if ray_cpu else None,
        "ray2_events_equal": same if ray else None,
        "others_cores_ab": others_ab, "others_cores_c": others_c,
        "load_average": [round(load_before, 2), round(load_after, 2)],
    }))  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
