"""Profile of the whole pipeline on the benchmark's stitched articles (a tool, not a test).

Loads the pipeline and every table first (``dossier.warm``, as ``bench/throughput.py`` does),
then runs ``dossier.pipeline.process_many`` over ``--docs`` stitched articles
under cProfile, storing each result into a throw-away SQLite file, and prints
the functions with the most cumulative and own time::

    python3 bench/profile_pipeline.py --docs 115
    python3 bench/profile_pipeline.py --docs 115 --out /tmp/pipeline.prof --top 40
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import stitched  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=115)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--out", type=Path, help="also write the raw profile here")
    parser.add_argument("--no-store", action="store_true", help="do not store the results")
    args = parser.parse_args()

    from dossier.ingest import Article, load_document
    from dossier.pipeline import process_many
    from dossier.store import Store
    from dossier.warm import warm_up

    articles = stitched(args.docs)
    warm_up()
    documents = [load_document(Article(**a)) for a in articles]
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.db") as store:
        started = time.perf_counter()
        profile.enable()
        results = [r for _d, r in process_many(documents)]
        if not args.no_store:
            if hasattr(store, "add_many"):
                store.add_many([(r, None) for r in results if not isinstance(r, Exception)])
            else:
                for result in results:
                    if not isinstance(result, Exception):
                        store.add(result)
        profile.disable()
        seconds = time.perf_counter() - started
    print(f"{len(documents)} documents in {seconds:.1f} s under the profiler")
    if args.out:
        profile.dump_stats(str(args.out))
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
