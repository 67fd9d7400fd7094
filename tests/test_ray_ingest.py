"""Ray ingest (dossier ingest --engine ray) gives what the local engine gives, resumes
after being killed, and adds nothing when run again.

The corpus: the first 38 fusion test articles, each in 6 versions (a different
credit line), 228 articles in one JSON Lines file; and a few in every input
format, with bad items.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="Ray is not installed: pip install 'dossier[ray]'")
pytest.importorskip("pyarrow", reason="pyarrow is not installed")

FUSION = Path(__file__).parent / "data" / "fusion" / "articles.jsonl"
CREDITS = ["Northwire staff", "Desk editors", "Wire reporters", "Staff writers",
           "Our correspondents", "The newsroom"]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ray")
    articles = [json.loads(line) for line in FUSION.open(encoding="utf-8")][:38]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for credit in CREDITS:
            for article in articles:
                text = article["text"] + f"\n\nReporting by {credit}."
                out.write(json.dumps({**article, "text": text}) + "\n")
    return path


def dossier(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dossier", *args], capture_output=True, text=True, check=check,
        timeout=900,
    )  # fmt: skip


def events_json(db: Path | str) -> list[dict]:
    """The stored events, with where their article was read ("FILE:LINE" for a JSON
    Lines record): both engines read the inputs the same way."""
    return json.loads(dossier("events", "--db", str(db), "--format", "json").stdout)


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory) -> list[dict]:
    db = tmp_path_factory.mktemp("local") / "local.db"
    dossier("ingest", str(corpus), "--db", str(db), "--no-fuse")
    return events_json(db)


def count_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_ray_gives_the_same_events_and_a_rerun_adds_nothing(corpus, local, tmp_path):
    db = tmp_path / "ray.db"
    shards = tmp_path / "shards"
    first = dossier("ingest", str(corpus), "--db", str(db), "--engine", "ray", "--workers", "2",
                    "--no-fuse", "--shards", str(shards))  # fmt: skip
    assert "stored 228 document(s)" in first.stderr, first.stderr[-2000:]
    # no alarming Ray error line (core_worker.cc ... max_restarts), and the
    # progress bar knew its total ("228/228", not "228/?")
    assert "core_worker" not in first.stderr and "max_restarts" not in first.stderr
    assert "228/228" in first.stderr and "/?" not in first.stderr, first.stderr[-2000:]
    assert events_json(db) == local
    import pyarrow.parquet as pq

    rows = {t: sum(pq.read_metadata(f).num_rows for f in (shards / t).glob("*.parquet"))
            for t in ("documents", "events", "mentions")}  # fmt: skip
    assert rows["documents"] == 228 and rows["events"] == len(local) and rows["mentions"] > 0
    again = dossier("ingest", str(corpus), "--db", str(db), "--engine", "ray", "--no-fuse")
    assert "stored 0 document(s) with 0 event(s); 228 already stored" in again.stderr
    assert events_json(db) == local


def test_a_killed_ray_ingest_resumes_without_duplicates(corpus, local, tmp_path):
    db = tmp_path / "killed.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "dossier", "ingest", str(corpus), "--db", str(db),
         "--engine", "ray", "--no-fuse"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 600
        while count_documents(db) < 40 and time.monotonic() < deadline:
            assert process.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    stored = count_documents(db)
    assert 40 <= stored < 228, stored
    resumed = dossier("ingest", str(corpus), "--db", str(db), "--engine", "ray", "--no-fuse")
    assert f"{stored} already stored" in resumed.stderr, resumed.stderr[-2000:]
    assert count_documents(db) == 228
    assert events_json(db) == local


def test_ray_into_postgresql_gives_the_same_events(corpus, local, pg_url):
    first = dossier("ingest", str(corpus), "--db", pg_url, "--engine", "ray", "--no-fuse")
    assert "stored 228 document(s)" in first.stderr, first.stderr[-2000:]
    assert events_json(pg_url) == local
    again = dossier("ingest", str(corpus), "--db", pg_url, "--engine", "ray", "--no-fuse")
    assert "stored 0 document(s) with 0 event(s); 228 already stored" in again.stderr


def test_the_inputs_are_counted_as_the_driver_reads_them(tmp_path):
    """The progress bar's total is the items the driver sends the workers: every
    file in a folder but hidden ones (one of another type is skipped with its
    reason), the non-blank lines of JSON Lines, also compressed, and Parquet rows."""
    import gzip

    import pyarrow as pa
    import pyarrow.parquet as pq

    from dossier.distributed import input_batches
    from dossier.ingest import count_articles

    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.HTML", "sub/c.htm", "_notes.txt", ".hidden.txt", "d.csv"):
        (folder / name).write_text("Russia sent tanks to Belarus.", encoding="utf-8")
    lines = "".join(json.dumps({"text": f"Article {i}."}) + "\n" for i in range(5)) + "\n"
    plain = tmp_path / "a.jsonl"
    plain.write_text(lines, encoding="utf-8")
    packed = tmp_path / "b.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as out:
        out.write(lines + lines)
    table = tmp_path / "c.parquet"
    pq.write_table(pa.table({"text": ["one", "two", "three"]}), table)
    assert count_articles([folder]) == 5
    assert count_articles([plain]) == 5 and count_articles([packed]) == 10
    paths = [folder, plain, packed, table]
    assert count_articles(paths) == 5 + 5 + 10 + 3
    assert sum(len(batch) for batch in input_batches(paths, 8)) == count_articles(paths)


def skipped_lines(stderr: str) -> list[str]:
    lines = (line.strip() for line in stderr.splitlines())
    return sorted(line for line in lines if line.startswith("skipped "))


def test_every_format_with_bad_items_gives_the_same_on_ray_as_locally(tmp_path):
    """A folder of .txt/.html files, a .jsonl.gz with a line cut short and a Parquet
    file with a row without text: Ray stores what the local engine stores, with the
    same origins, and skips the same items for the same reasons (a bad JSON line
    used to stop the whole Ray run before anything was stored)."""
    import gzip

    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = [json.loads(line) for line in FUSION.open(encoding="utf-8")][38:46]
    folder = tmp_path / "northwire"
    folder.mkdir()
    (folder / "one.txt").write_text(articles[0]["text"], encoding="utf-8")
    (folder / "two.html").write_text(f"<html><body><p>{articles[1]['text']}</p></body></html>",
                                     encoding="utf-8")  # fmt: skip
    lines = [json.dumps(a) for a in articles[2:5]]
    lines.insert(1, '{"text": "The talks ended without')
    packed = tmp_path / "wire.jsonl.gz"
    packed.write_bytes(gzip.compress("".join(line + "\n" for line in lines).encode("utf-8")))
    rows = [{"text": a["text"], "url": a.get("url"), "published": a.get("published")}
            for a in articles[5:8]]  # fmt: skip
    rows.insert(2, {"text": None, "url": "https://news.example/empty", "published": None})
    table = tmp_path / "archive.parquet"
    pq.write_table(pa.Table.from_pylist(rows), table)
    inputs = [str(folder), str(packed), str(table)]
    here = dossier("ingest", *inputs, "--db", str(tmp_path / "local.db"), "--no-fuse")
    ray = dossier("ingest", *inputs, "--db", str(tmp_path / "ray.db"), "--engine", "ray",
                  "--no-fuse", check=False)  # fmt: skip
    assert ray.returncode == 0, ray.stderr[-2000:]
    assert "stored 8 document(s)" in ray.stderr and "2 skipped" in ray.stderr, ray.stderr[-2000:]
    assert skipped_lines(ray.stderr) == skipped_lines(here.stderr)
    assert events_json(tmp_path / "ray.db") == events_json(tmp_path / "local.db")


@pytest.fixture(scope="module")
def local_ray():
    """A small local Ray for the tests that use actors of their own."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def sleeper(ray, seconds: float, die_on: int = -1):
    """A worker (a Ray actor) that takes ``seconds`` over each batch and says when
    it began and ended; it dies (ends its process) on the batch numbered ``die_on``.
    (Made here, so that Ray sends the class itself: the workers cannot import tests.)"""
    from dossier.distributed import ACTOR_OPTIONS

    class Sleeper:
        def extract(self, batch: dict) -> dict:
            if batch["n"] == die_on:
                os._exit(1)
            began = time.time()
            time.sleep(seconds)
            return {"n": batch["n"], "began": began, "ended": time.time()}

    return ray.remote(**ACTOR_OPTIONS)(Sleeper).remote()


def test_a_worker_that_dies_ends_the_run_with_one_clear_error(local_ray):
    """Workers are not restarted; a worker that dies ends the run with a message
    that says how to continue, after the batches it gave back."""
    from dossier.distributed import ACTOR_OPTIONS, RayRunError, RaySummary, extracted
    from dossier.distributed import _ray_failures as ray_failures

    assert ACTOR_OPTIONS["max_restarts"] == 0
    worker = sleeper(local_ray, 0.0, die_on=2)
    got = []
    stopped = pytest.raises(RayRunError, match="after storing 16 document.*run the same command")
    with stopped, ray_failures(RaySummary(stored=16)):
        for batch in extracted(iter([{"n": 1}, {"n": 2}, {"n": 3}]), [worker], queued=1):
            got.append(batch["n"])
    assert got == [1]


def test_a_worker_does_not_wait_for_the_driver_to_store(local_ray):
    """One worker takes 0.3 s a batch; the driver takes 0.25 s to store each. The
    next batch is already at the worker when it finishes one: it begins at once
    (sent only after the driver had stored, it would wait about 0.25 s each time)."""
    from dossier.distributed import extracted

    worker = sleeper(local_ray, 0.3)
    done = []
    for batch in extracted(iter([{"n": n} for n in range(6)]), [worker]):
        done.append(batch)
        time.sleep(0.25)  # storing
    assert [b["n"] for b in done] == list(range(6))
    pairs = zip(done[:-1], done[1:], strict=True)
    gaps = [after["began"] - before["ended"] for before, after in pairs]
    assert max(gaps) < 0.1, gaps


def test_the_rate_once_up_counts_every_batch_over_the_time_since_the_first_began():
    """Two workers each begin a batch of 16 at t=100 and another at t=110; the
    last is stored at t=121. 64 articles in 21 s, not 48 in the 11 s after the
    first batch came back (the other worker's first batch did its work before)."""
    from dossier.distributed import SteadyRate

    rate = SteadyRate()
    assert rate.docs_per_s(now=5.0) == 0.0
    for began in (100.0, 110.0, 100.0, 110.0):  # in the order they come back
        rate.add(16, began)
    assert rate.docs_per_s(now=121.0) == pytest.approx(64 / 21)
    assert rate.docs_per_s(now=100.0) == 0.0


def test_a_ray_summary_counts_cpu_and_its_rate_is_no_faster_than_the_workers_went(tmp_path):
    """On 40 articles (5 batches, 2 workers) the rate once up is bounded by the
    workers' own CPU time (two workers, each at most a core or so), and the
    workers' and the driver's CPU seconds are reported."""
    from dossier.distributed import ingest
    from dossier.store import Store

    corpus = tmp_path / "small.jsonl"
    lines = FUSION.read_text(encoding="utf-8").splitlines()[:40]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "small.db") as store:
        summary = ingest([corpus], store, workers=2)
    import ray

    ray.shutdown()
    assert "ray.data" not in sys.modules  # the driver reads: no Ray Data, no actors of its own
    assert summary.stored == 40
    assert summary.worker_cpu_seconds > 0 and summary.driver_cpu_seconds > 0
    assert 40 / summary.seconds <= summary.steady_docs_per_s
    # the window holds all the workers' batch work: at most ~2 cores' worth
    assert summary.steady_docs_per_s <= 1.5 * 2 * 40 / summary.worker_cpu_seconds
