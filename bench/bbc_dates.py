"""Benchmark: publication dates and event dates on a folder of undated articles.

Reads every article under FOLDER (files named README* are left out: a corpus's
description is not an article), loads it as ``dossier ingest`` does, runs the
whole pipeline with ``process_many`` and prints:

- documents with a publication date, by where it came from
  (``published_source``: text, html, given, mtime, none);
- documents whose reference date was guessed from the text, and the years
  guessed (the BBC News corpus holds stories from 2004 and 2005, so a guessed
  year outside those is wrong);
- events, events with a date, and events whose date was read against a guessed
  year (``date.guessed``).

Then one JSON line with the same figures.

    python3 bench/bbc_dates.py ../shared/data/news-bbc/bbc
    python3 bench/bbc_dates.py ../shared/data/news-bbc/bbc --limit 200
    python3 bench/bbc_dates.py FOLDER --published-from mtime   # as ``dossier ingest`` would
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

# the checkout this script is in, before any installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BATCH = 64


def load(
    folder: Path, limit: int | None, published: str | None, from_mtime: bool, encoding: str
) -> list:
    """The folder's documents (README files left out), with the run's fallback date."""
    from dossier.ingest import Article, IngestError, load_document, read_articles

    try:  # on a checkout without it, the documents keep what load_document found
        from dossier.published import fill_published
    except ImportError:
        fill_published = None
    documents, skipped = [], 0
    for item in read_articles([folder], encoding=encoding):
        if not isinstance(item, Article):
            skipped += 1
            continue
        if Path(item.origin).name.upper().startswith("README"):
            continue
        try:
            document = load_document(item)
        except IngestError:
            skipped += 1
            continue
        if fill_published is not None:
            fill_published(document, getattr(item, "modified", None), published=published,
                           from_mtime=from_mtime)  # fmt: skip
        documents.append(document)
        if limit and len(documents) >= limit:
            break
    if skipped:
        print(f"skipped {skipped} unreadable article(s)", file=sys.stderr)
    return documents


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.1%})" if whole else f"{part} of 0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of articles (.txt, .html)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--published", default=None, help="YYYY-MM-DD for undated documents")
    parser.add_argument("--published-from", choices=["mtime"], default=None)
    parser.add_argument("--encoding", default="auto", help="as dossier ingest (default: auto)")
    args = parser.parse_args()

    from dossier.pipeline import process_many

    started = time.perf_counter()
    documents = load(
        args.folder, args.limit, args.published, args.published_from == "mtime", args.encoding
    )
    sources: Counter[str] = Counter()
    references: Counter[str] = Counter()
    years: Counter[str] = Counter()
    events = dated = guessed = failed = 0
    for start in range(0, len(documents), BATCH):
        for document, result in process_many(documents[start : start + BATCH]):
            if isinstance(result, Exception):
                failed += 1
                continue
            sources[document.published_source or "none"] += 1
            reference = document.reference_date or {}
            kind = reference.get("source") or "none"
            references[kind] += 1
            if kind not in ("published", "none"):
                years[str(reference.get("value", ""))[:4]] += 1
            for event in result.events:
                events += 1
                if event.date is not None:
                    dated += 1
                    guessed += bool(getattr(event.date, "guessed", False))
    n = sum(sources.values())
    with_date = n - sources["none"]
    print(f"documents: {n} ({failed} failed)")
    print(f"with a publication date: {_share(with_date, n)}")
    for source, count in sources.most_common():
        print(f"  published_source {source}: {_share(count, n)}")
    for kind, count in references.most_common():
        print(f"  reference date from {kind}: {_share(count, n)}")
    print(f"  years guessed: {dict(sorted(years.items()))}")
    print(f"events: {events}; with a date: {_share(dated, events)}; "
          f"of which read against a guessed year: {guessed}")
    seconds = time.perf_counter() - started
    print(f"time: {seconds:.0f} s")
    print(json.dumps({
        "documents": n, "failed": failed, "with_published": with_date,
        "published_source": dict(sources), "reference_source": dict(references),
        "years_guessed": dict(sorted(years.items())), "events": events,
        "events_dated": dated, "events_dated_guessed": guessed, "seconds": round(seconds),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
