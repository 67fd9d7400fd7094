"""Snapshot of the pipeline's output, to check that a speed-up changes nothing.

Writes one JSON file holding:

- ``extract``: ``dossier extract``'s output (``process(...).to_dict()``) for the
  example article (with and without its publication date) and for the first
  ``--bbc`` BBC articles of each category (read in place from ../shared);
- ``batch``: ``process_many`` over ``--stitched`` of the benchmark's stitched
  articles (the throughput benchmark's path), each result's ``to_dict()``;
- ``store``: every row of the documents, events and event_actors tables after
  storing those results into a new SQLite file.

Run it before and after a change, then compare::

    python3 bench/extract_snapshot.py --out /tmp/before.json
    python3 bench/extract_snapshot.py --out /tmp/after.json --compare /tmp/before.json

``--compare`` prints the first differences per section and exits 1 when there are any.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from snapshot import BBC, extracts, parser, save_and_compare  # noqa: E402
from throughput import stitched  # noqa: E402

VARYING = {"ingested_at"}  # columns that differ between two runs


def batch_and_store(n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    from sqlalchemy import select

    from dossier.ingest import Article, load_document
    from dossier.pipeline import process_many
    from dossier.schema import documents, event_actors, events
    from dossier.store import Store

    docs = [load_document(Article(**a)) for a in stitched(n)]
    results = [r for _d, r in process_many(docs)]
    batch = {d.id: (r.to_dict() if not isinstance(r, Exception) else repr(r))
             for d, r in zip(docs, results, strict=True)}  # fmt: skip
    stored: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        kept = [r for r in results if not isinstance(r, Exception)]
        if hasattr(store, "add_many"):
            store.add_many([(r, None) for r in kept])
        else:
            for result in kept:
                store.add(result)
        with store.engine.connect() as conn:
            for table in (documents, event_actors, events):
                rows = [json.dumps({k: v for k, v in r._mapping.items() if k not in VARYING},
                                   sort_keys=True, default=str)
                        for r in conn.execute(select(table))]  # fmt: skip
                stored[table.name] = sorted(rows)
    return batch, stored


def main() -> int:
    arguments = parser(__doc__)
    arguments.add_argument("--bbc", type=int, default=10, help="BBC articles per category")
    arguments.add_argument("--stitched", type=int, default=60, help="stitched articles")
    args = arguments.parse_args()
    data: dict[str, Any] = {}
    if BBC.is_dir():
        data["extract"] = extracts(args.bbc)
    else:
        print(f"no shared data at {BBC}: only the stitched articles", file=sys.stderr)
    data["batch"], data["store"] = batch_and_store(args.stitched)
    return save_and_compare(data, args)


if __name__ == "__main__":
    raise SystemExit(main())
