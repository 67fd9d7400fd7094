"""Benchmark: one long article, time and peak memory (a benchmark, not a test).

Builds articles of 1 MB and 5 MB (by default) by repeating the text of real
articles (the bundled example and the fusion test articles; with
``--source bbc`` the BBC articles of ``../shared/data/news-bbc``), runs
``python3 -m dossier extract`` on each in a subprocess under
``/usr/bin/time -v`` (Debian's ``time`` package; without it, the peak is read
with ``resource.getrusage(RUSAGE_CHILDREN)`` in a wrapper process), and prints
for each: size, words, events, wall and CPU seconds, CPU seconds per 1,000
words and peak RSS in MB; then the ratio of CPU seconds per word of the
largest article to the smallest (about 1 when time grows with the words),
also after taking off the start-up (loading the model and the gazetteers,
measured first on the bundled 2 KB example), and one JSON line with every
figure.

    python3 bench/long_article.py                 # 1 MB and 5 MB
    python3 bench/long_article.py --sizes 0.2 1   # quicker
    python3 bench/long_article.py --source bbc

The child runs with its address space limited to ``--limit-mb`` (8,000 by
default), so a regression fails with a MemoryError instead of filling a
shared machine. CPU seconds are the figure to compare on a busy machine;
wall seconds include waiting for a core.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "news-bbc" / "bbc"
TIME = "/usr/bin/time"
DEFAULT_MAX_BYTES = 5_000_000


def source_texts(source: str) -> list[str]:
    """The articles to repeat: 'bundled' (example + fusion test articles) or 'bbc'."""
    if source == "bbc":
        if not BBC.is_dir():
            sys.exit(f"{BBC} is absent: use --source bundled")
        return [p.read_text(encoding="latin-1").strip() for p in sorted(BBC.glob("*/*.txt"))]
    texts = [(ROOT / "examples" / "rus-prk-jets-for-troops.txt").read_text(encoding="utf-8")]
    with (ROOT / "tests" / "data" / "fusion" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return [text.strip() for text in texts]


def build(texts: list[str], size: int) -> str:
    """Whole articles, in turn and separated by a blank line, up to ``size`` bytes of UTF-8."""
    pieces: list[str] = []
    total, i = 0, 0
    while True:
        piece = texts[i % len(texts)] + "\n\n"
        n = len(piece.encode("utf-8"))
        if total + n > size:
            return "".join(pieces)
        pieces.append(piece)
        total += n
        i += 1


def _limit(megabytes: int):  # noqa: ANN202 - a preexec_fn
    def apply() -> None:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run(path: Path, out: Path, limit_mb: int, max_bytes: int) -> dict:
    """Run ``dossier extract`` on ``path``: wall and CPU seconds, peak RSS MB, exit status."""
    command = [
        sys.executable,
        "-m",
        "dossier",
        "extract",
        str(path),
        "--published",
        "2025-01-01",
        "--format",
        "json",
        "--max-bytes",
        str(max_bytes),
    ]
    if Path(TIME).exists():
        with out.open("w") as stdout:
            done = subprocess.run(
                [TIME, "-v", *command],
                cwd=ROOT,
                stdout=stdout,
                stderr=subprocess.PIPE,
                text=True,
                preexec_fn=_limit(limit_mb),
            )
        report = done.stderr

        def field(name: str) -> str:
            found = re.search(rf"^\s*{re.escape(name)}: (.+)$", report, re.MULTILINE)
            return found.group(1) if found else "0"

        wall = 0.0
        for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
            wall = wall * 60 + float(part)
        return {
            "wall_s": wall,
            "cpu_s": float(field("User time (seconds)")) + float(field("System time (seconds)")),
            "peak_rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
            "status": done.returncode,
            "error": report.strip().splitlines()[0] if done.returncode else None,
        }
    # no /usr/bin/time: a wrapper process whose only child is the extraction
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        f"with open({str(out)!r}, 'w') as stdout:\n"
        f"    done = subprocess.run({command!r}, cwd={str(ROOT)!r}, stdout=stdout)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'wall_s': time.perf_counter() - started,\n"
        "                  'cpu_s': usage.ru_utime + usage.ru_stime,\n"
        "                  'peak_rss_mb': usage.ru_maxrss / 1024, 'status': done.returncode}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, preexec_fn=_limit(limit_mb)
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["error"] = None if figures["status"] == 0 else "extract failed"
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=float,
        nargs="+",
        default=[1.0, 5.0],
        help="article sizes in MB of 1,000,000 bytes (default: 1 5)",
    )
    parser.add_argument("--source", choices=["bundled", "bbc"], default="bundled")
    parser.add_argument(
        "--limit-mb",
        type=int,
        default=8000,
        help="address-space limit of the child, MB (default 8000)",
    )
    args = parser.parse_args(argv)
    if not Path(TIME).exists():
        print(
            f"{TIME} is absent (Debian: apt-get install time); "
            "reading peak RSS with getrusage(RUSAGE_CHILDREN) instead"
        )
    texts = source_texts(args.source)
    example = ROOT / "examples" / "rus-prk-jets-for-troops.txt"
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        startup = run(example, out, args.limit_mb, DEFAULT_MAX_BYTES)
        print(
            f"start-up (the 2 KB example): {startup['wall_s']:.1f} s wall, "
            f"{startup['cpu_s']:.1f} s CPU, peak RSS {startup['peak_rss_mb']:.0f} MB",
            flush=True,
        )
        for mb in sorted(args.sizes):
            text = build(texts, int(mb * 1_000_000))
            path = Path(folder) / f"article-{mb:g}mb.txt"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size
            figures = run(path, out, args.limit_mb, max(DEFAULT_MAX_BYTES, size))
            events = None
            if figures["status"] == 0:
                with out.open(encoding="utf-8") as result:
                    events = len(json.load(result)["events"])
            words = len(text.split())
            row = {
                "mb": mb,
                "bytes": size,
                "words": words,
                "events": events,
                **figures,
                "cpu_ms_per_1000_words": 1e6 * figures["cpu_s"] / words,
            }
            rows.append(row)
            failed = f"  FAILED (exit {figures['status']}): {figures['error']}"
            print(
                f"{size / 1e6:5.2f} MB  {words:>9,} words  {events or 0:>6} events  "
                f"{figures['wall_s']:7.1f} s wall  {figures['cpu_s']:7.1f} s CPU  "
                f"{row['cpu_ms_per_1000_words'] / 1000:6.3f} CPU s/1000 words  "
                f"peak RSS {figures['peak_rss_mb']:7.0f} MB"
                + (failed if figures["status"] else ""),
                flush=True,
            )
    summary: dict = {"source": args.source, "startup": startup, "runs": rows}
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]

        def per_word(row: dict, key: str, less: float = 0.0) -> float:
            return (row[key] - less) / row["words"]

        summary |= {
            "cpu_per_word_ratio": per_word(large, "cpu_s") / per_word(small, "cpu_s"),
            "wall_per_word_ratio": per_word(large, "wall_s") / per_word(small, "wall_s"),
            "cpu_per_word_ratio_after_startup": per_word(large, "cpu_s", startup["cpu_s"])
            / per_word(small, "cpu_s", startup["cpu_s"]),
        }
        print(
            f"seconds per word, {large['mb']:g} MB / {small['mb']:g} MB: "
            f"CPU {summary['cpu_per_word_ratio']:.2f} "
            f"({summary['cpu_per_word_ratio_after_startup']:.2f} after start-up), "
            f"wall {summary['wall_per_word_ratio']:.2f}"
        )
    summary["max_peak_rss_mb"] = max(r["peak_rss_mb"] for r in rows)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
