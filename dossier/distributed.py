"""Distributed ingest on Ray (``dossier ingest --engine ray``).

The driver reads the inputs as the local engine does (``ingest.read_articles``:
folders of .txt/.html files, JSON Lines, also gzip- or zstd-compressed, and
Parquet files with the same columns as JSON Lines), a batch at a time as the
workers ask for them, and sends each batch of articles to a worker: reading
is light next to extracting, and no Ray process of its own takes CPU from
the workers. Ray actors, one per worker (``ray.remote``), each load the NLP
pipeline and every table once (``dossier.warm``) and extract batches of
articles, building their database rows (``store_rows.document_rows``)
themselves; the driver keeps two batches queued at each actor (``ray.wait``),
so that none waits for the next while the driver stores.  The driver
otherwise only writes: it takes the rows as they come, writes each batch as
Parquet shards (``--shards``: ``documents``, ``events``, ``mentions``) and
loads it into the database, one transaction and one statement per table for
each batch.

Resumable: documents already in the database are skipped by the workers
before any parsing (their ids are sent to every worker), so a run that was
interrupted continues where it stopped, and running it again adds nothing.

Without ``address`` a local Ray is started with one CPU per worker (plus one
for the driver); with ``address`` ("ray://host:10001" or "auto") it joins that
cluster (the driver reads the inputs: they are where it runs).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import pickle
import resource
import time
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.ingest import (
    DEFAULT_MAX_BYTES,
    Article,
    IngestError,
    Skipped,
    load_document,
    read_articles,
)
from dossier.models import Result
from dossier.store import Store
from dossier.store_rows import DocumentRows, document_rows


@dataclass
class RaySummary:
    """What a Ray ingest did."""

    stored: int = 0
    events: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    startup_seconds: float = 0.0
    peak_rss_mb_per_worker: float = 0.0
    shards: int = 0
    # articles per second once the workers were up (from the first batch back)
    steady_docs_per_s: float = 0.0
    # CPU seconds: the workers' on their batches (not their start), the driver's on all
    worker_cpu_seconds: float = 0.0
    driver_cpu_seconds: float = 0.0


def input_batches(
    paths: Iterable[Path | str], batch_size: int, *, encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[list[Article | Skipped]]:  # fmt: skip
    """What ``read_articles`` reads under ``paths``, in batches of ``batch_size``
    items, read as they are asked for (never more than a batch at a time).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "x"}\\n{"url": "u"}\\n{"text": "y"}\\n')
    >>> [[type(item).__name__ for item in batch] for batch in input_batches([folder], 2)]
    [['Article', 'Skipped'], ['Article']]
    """
    items = read_articles(paths, encoding=encoding, max_bytes=max_bytes)
    while batch := list(itertools.islice(items, batch_size)):
        yield batch


class Extractor:
    """A Ray actor: loads the pipeline once, then extracts batches of articles."""

    def __init__(self, known: set[str], max_bytes: int, results: bool = False) -> None:
        from dossier.warm import warm_up

        warm_up()  # every table now, not in the first batches
        self.known = known
        self.max_bytes = max_bytes
        self.results = results  # send the Result too (for the Parquet shards)
        self.ready = time.time()  # when this worker could take its first batch

    def __call__(self, batch: list[Article | Skipped]) -> dict[str, list]:
        """Each item's outcome (extracted, with its database rows; a duplicate;
        skipped, with the reason), and this batch's CPU time and RSS."""
        from dossier.pipeline import process_many

        began, cpu_started = time.time(), time.process_time()
        out: dict[str, list] = {
            "origin": [], "status": [], "reason": [], "rows": [], "result": [], "rss": []
        }  # fmt: skip

        def emit(
            origin: str, status: str, reason: str = "", rows: bytes = b"", result: bytes = b""
        ) -> None:
            out["origin"].append(origin)
            out["status"].append(status)
            out["reason"].append(reason)
            out["rows"].append(rows)
            out["result"].append(result)
            out["rss"].append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

        documents, origins = [], {}
        for item in batch:
            origin = item.origin
            if isinstance(item, Skipped):
                emit(origin, "skipped", item.reason)
                continue
            try:
                document = load_document(item, max_bytes=self.max_bytes)
            except IngestError as error:
                emit(origin, "skipped", error.reason)
                continue
            if document.id in self.known or document.id in origins:
                emit(origin, "duplicate")
                continue
            origins[document.id] = origin
            documents.append(document)
        for document, result in process_many(documents, political_only=False):
            origin = origins[document.id]
            if isinstance(result, Exception):
                emit(origin, "skipped", f"extraction failed: {result!r}")
            else:
                # the database rows are built here, so the driver only writes them
                rows = pickle.dumps(document_rows(result, origin))
                emit(origin, "extracted", rows=rows,
                     result=pickle.dumps(result) if self.results else b"")  # fmt: skip
        # this batch's CPU seconds, shared out over its rows (their sum is the batch's)
        share = (time.process_time() - cpu_started) / max(1, len(out["origin"]))
        out["cpu"] = [share] * len(out["origin"])
        out["began"] = [began] * len(out["origin"])  # for the rate once the workers are up
        out["ready"] = [self.ready] * len(out["origin"])
        return out

    def extract(self, batch: list[Article | Skipped]) -> dict[str, list]:
        """The actor method: ``self(batch)``."""
        return self(batch)

    def ready_at(self) -> float:
        """When this worker had loaded everything (epoch seconds)."""
        return self.ready


def _shard_rows(results: list[tuple[Result, str]]) -> dict[str, list[dict[str, Any]]]:
    documents, events, mentions = [], [], []
    for result, origin in results:
        doc = result.document
        documents.append({
            "id": doc.id, "title": doc.title, "url": doc.url, "published": doc.published,
            "format": doc.format, "origin": origin, "outlet": doc.outlet, "text": doc.text,
            "removed": json.dumps([r.to_dict() for r in doc.removed]),
        })  # fmt: skip
        for event in result.events:
            events.append({"id": event.id, "document_id": doc.id, "type": event.type,
                           "factuality": event.factuality,
                           "record": json.dumps(event.to_dict(), ensure_ascii=False)})  # fmt: skip
            for role, actors in (("source", event.source), ("target", event.target)):
                mentions.extend({"event_id": event.id, "role": role, "code": a.code,
                                 "name": a.name, "text": a.text} for a in actors)  # fmt: skip
    return {"documents": documents, "events": events, "mentions": mentions}


def write_shards(results: list[tuple[Result, str]], folder: Path, run: str, number: int) -> None:
    """One Parquet file per table for this batch: folder/TABLE/RUN-NUMBER.parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table, rows in _shard_rows(results).items():
        if not rows:
            continue
        (folder / table).mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows), folder / table / f"{run}-{number:06d}.parquet")


class SteadyRate:
    """Articles per second once the workers are up.

    When the workers say when they were ready (``ready``, epoch seconds: after loading
    the pipeline and its tables), the window starts when the last of them was: the
    articles of the batches that began from then on, over the time from then to
    ``now``, when the last was stored. A batch begun before counts no article but
    its remaining time counts: the rate errs low, never high. Without ``ready``
    (or when no batch began after it), the window starts when the first batch began
    in a worker, and every article handled counts.

    Two workers that each take 10 s over a batch of 16, from t=100, and 1 s for
    the driver to store the last:

    >>> rate = SteadyRate()
    >>> for began in (100.0, 100.0, 110.0, 110.0):
    ...     rate.add(16, began)
    >>> round(rate.docs_per_s(now=121.0), 2)  # 64 articles in 21 s
    3.05

    (Counting from the first batch back instead, at t=110, would count the
    other worker's first batch too, with none of its time: 48 / 11 s = 4.4.)
    One worker ready at t=95, the other only at t=105, after which one batch
    begins at t=105 and two at t=110:

    >>> rate = SteadyRate()
    >>> for began, ready in ((95.0, 95.0), (105.0, 105.0), (110.0, 95.0), (110.0, 105.0)):
    ...     rate.add(16, began, ready)
    >>> round(rate.docs_per_s(now=121.0), 2)  # 48 articles in the 16 s from t=105
    3.0
    """

    def __init__(self) -> None:
        self.handled = 0
        self.first_began: float | None = None
        self.batches: list[tuple[int, float]] = []
        self.last_ready: float | None = None

    def add(self, articles: int, began: float, ready: float | None = None) -> None:
        """A batch of ``articles`` came back; its worker began it at ``began`` (epoch s),
        having been ready since ``ready``."""
        self.handled += articles
        self.first_began = began if self.first_began is None else min(self.first_began, began)
        self.batches.append((articles, began))
        if ready is not None:
            self.last_ready = ready if self.last_ready is None else max(self.last_ready, ready)

    def docs_per_s(self, now: float) -> float:
        if self.last_ready is not None and now > self.last_ready:
            after = sum(n for n, began in self.batches if began >= self.last_ready)
            if after:
                return after / (now - self.last_ready)
        if self.first_began is None or now <= self.first_began:
            return 0.0
        return self.handled / (now - self.first_began)


class RayRunError(RuntimeError):
    """The Ray run stopped (a worker died, the cluster went away): what was
    stored stays stored, and running the same command again continues."""


# One CPU each; never restarted: a worker that dies ends the run (``RayRunError``),
# which resumes when started again (stored documents are skipped).
ACTOR_OPTIONS: dict[str, Any] = {"num_cpus": 1, "max_restarts": 0}
QUEUED = 2  # batches waiting at each worker


def extracted(
    batches: Iterator[Any], actors: list[Any], queued: int = QUEUED
) -> Iterator[dict[str, list]]:
    """Each batch extracted by one of ``actors`` (``Extractor``), as they come back.

    Every actor holds up to ``queued`` batches: the next is already there when it
    finishes one, and the next after that is sent before the finished one is handed
    on (to be stored), so no worker waits for the driver.
    """
    import ray

    pending: dict[Any, Any] = {}
    free = [actor for _ in range(queued) for actor in actors]  # round robin
    more = True

    def send() -> None:
        nonlocal more
        while more and free:
            batch = next(batches, None)
            if batch is None:
                more = False
                return
            actor = free.pop(0)
            pending[actor.extract.remote(batch)] = actor

    send()
    while pending:
        [done], _ = ray.wait(list(pending), num_returns=1)
        free.append(pending.pop(done))
        send()
        yield ray.get(done)


@contextlib.contextmanager
def _ray_failures(summary: RaySummary) -> Iterator[None]:
    """A Ray failure inside (a worker died, the cluster went away) becomes a
    ``RayRunError`` that says what was stored and how to continue."""
    import ray.exceptions

    try:
        yield
    except ray.exceptions.RayError as error:
        cause = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise RayRunError(
            f"the Ray run stopped after storing {summary.stored} document(s) "
            f"({type(error).__name__}: {cause[:200]}); run the same command again "
            "to continue (stored documents are skipped)"
        ) from error


def _start_workers(workers: int, known: set[str], options: tuple[Any, ...]) -> list[Any]:
    """``workers`` Extractor actors (each begins loading the pipeline at once)."""
    import ray

    actor = ray.remote(**ACTOR_OPTIONS)(Extractor)
    shared = ray.put(known)  # once in the object store, not once per worker
    return [actor.remote(shared, *options) for _ in range(workers)]


def ingest(
    paths: list[Path],
    store: Store,
    *,
    workers: int = 2,
    address: str | None = None,
    shards: Path | None = None,
    batch_size: int = 8,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str = "utf-8",
    progress: Callable[[int], None] | None = None,
) -> RaySummary:
    """Extract the articles under ``paths`` on Ray and store them in ``store``.

    ``progress`` is called with the number of articles handled after each batch.
    """
    import ray

    summary = RaySummary()
    started, cpu_started = time.perf_counter(), time.process_time()
    logging.getLogger("ray").setLevel(logging.ERROR)  # our own progress bar says how it goes
    warnings.filterwarnings("ignore", category=UserWarning, module=r"ray\..*")
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
        else:  # one CPU per worker, and one for the driver (reading, storing)
            ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=False,
                     configure_logging=False)  # fmt: skip
    known = set(store.document_ids())
    actors = _start_workers(workers, known, (max_bytes, shards is not None))
    try:
        with _ray_failures(summary):
            batches = input_batches(paths, batch_size, encoding=encoding, max_bytes=max_bytes)
            # the first batches read while the workers load; each worker loaded
            # before the first is sent, so that they begin together
            first = list(itertools.islice(batches, QUEUED * workers))
            ray.get([actor.ready_at.remote() for actor in actors])
            summary.startup_seconds = time.perf_counter() - started
            _store_all(extracted(itertools.chain(first, batches), actors), store, summary,
                       shards, progress)  # fmt: skip
    finally:
        for actor in actors:  # their CPUs free for the next run in this Ray
            ray.kill(actor)
    summary.seconds = time.perf_counter() - started
    summary.driver_cpu_seconds = time.process_time() - cpu_started
    return summary


def _store_all(
    batches: Iterator[dict[str, Any]],
    store: Store,
    summary: RaySummary,
    shards: Path | None,
    progress: Callable[[int], None] | None,
) -> None:
    """Store the extracted batches as they come (and write their shards)."""
    run = uuid.uuid4().hex[:8]
    peak = 0.0
    steady = SteadyRate()
    for batch in batches:
        readies = batch.get("ready")
        steady.add(len(batch["origin"]), min(batch["began"], default=time.time()),
                   float(max(readies)) if readies is not None and len(readies) else None)
        rows: list[DocumentRows] = []
        results: list[tuple[Result, str]] = []
        summary.worker_cpu_seconds += float(sum(batch["cpu"]))
        for origin, status, reason, payload, result, rss in zip(
            batch["origin"], batch["status"], batch["reason"], batch["rows"], batch["result"],
            batch["rss"], strict=True,
        ):  # fmt: skip
            peak = max(peak, float(rss))
            if status == "skipped":
                summary.skipped.append(Skipped(str(origin), str(reason)))
            elif status == "duplicate":
                summary.duplicates += 1
            else:
                rows.append(pickle.loads(payload))
                if shards is not None:
                    results.append((pickle.loads(result), str(origin)))
        if shards is not None and results:
            write_shards(results, shards, run, summary.shards)
            summary.shards += 1
        for document, added in zip(rows, store.add_rows(rows), strict=True):
            if added:  # the batch in one transaction
                summary.stored += 1
                summary.events += document.found
            else:
                summary.duplicates += 1
        if progress:
            progress(len(batch["origin"]))
    summary.peak_rss_mb_per_worker = peak
    summary.steady_docs_per_s = steady.docs_per_s(time.time())
