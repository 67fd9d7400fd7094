"""Benchmark: what the date and place resolvers cost per article (a benchmark, not a test).

Reads a folder of articles (by default the BBC sample in
``../shared/data/news-bbc/``), parses them once with Dossier's spaCy pipeline
(timed apart, as the floor everything else sits on), then times, article by
article:

- dates: the document's reference date (inferred from the text when no
  publication date is given, as for the BBC files) and ``find_dates`` over the
  whole text;
- places: finding the story's toponyms beyond the model's entities and
  resolving them together (``dossier.resolve.toponyms.resolve_toponyms``, as
  the extractor and ``dossier eval geo`` do).

The tables are loaded before timing starts (``places.warm_up()``, one
``find_dates`` call); their one-time cost is printed apart. Prints a table,
then one JSON line.

    python3 bench/resolvers.py                     # all 2,225 BBC articles
    python3 bench/resolvers.py --docs 300
    python3 bench/resolvers.py path/to/folder-or.jsonl
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "news-bbc" / "bbc"


def load(paths: list[Path], limit: int | None) -> list:
    """Documents from ``paths``, skipping (and counting) what cannot be read."""
    from dossier.ingest import Article, IngestError, load_document, read_articles

    documents, skipped = [], 0
    for item in read_articles(paths):
        if not isinstance(item, Article):
            skipped += 1
            continue
        try:
            documents.append(load_document(item))
        except IngestError:
            skipped += 1
        if limit and len(documents) >= limit:
            break
    if skipped:
        print(f"skipped {skipped} unreadable article(s)", file=sys.stderr)
    return documents


def resolve_dates(document, text: str) -> int:  # noqa: ANN001
    """The reference date and every date in ``text``; the number of dates."""
    from dossier.pipeline import reference_for
    from dossier.resolve import dates

    reference, year_hint = reference_for(document, text)
    return len(dates.find_dates(text, reference, year_hint=year_hint))


def resolve_places(doc) -> int:  # noqa: ANN001
    """Every place the story names, found and resolved together; the number resolved."""
    from dossier.resolve.toponyms import resolve_toponyms

    return sum(1 for _span, place in resolve_toponyms(doc) if place is not None)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help=f"articles (default {BBC})")
    parser.add_argument("--docs", type=int, help="only the first N articles")
    args = parser.parse_args(argv)
    paths = args.paths or [BBC]
    if not args.paths and not BBC.exists():
        sys.exit(f"bench/resolvers.py: {BBC} is absent; give a folder of articles instead")

    from dossier.annotate import annotate_many, load_pipeline
    from dossier.pipeline import masked_text
    from dossier.resolve import dates, places

    documents = load(paths, args.docs)
    if not documents:
        sys.exit("bench/resolvers.py: no readable articles")
    started = time.perf_counter()
    load_pipeline()
    places.warm_up()
    dates.find_dates("on 4 December 2024", None)
    tables_s = time.perf_counter() - started

    texts = [masked_text(d) for d in documents]
    started = time.perf_counter()
    docs = list(annotate_many(texts))
    parse_s = time.perf_counter() - started

    date_ms, place_ms, found_dates, found_places = [], [], 0, 0
    for document, text, doc in zip(documents, texts, docs, strict=True):
        t0 = time.perf_counter()
        found_dates += resolve_dates(document, text)
        t1 = time.perf_counter()
        found_places += resolve_places(doc)
        t2 = time.perf_counter()
        date_ms.append((t1 - t0) * 1000)
        place_ms.append((t2 - t1) * 1000)
    both = [a + b for a, b in zip(date_ms, place_ms, strict=True)]

    n = len(documents)
    words = sum(len(t.split()) for t in texts) / n
    print(f"{n} articles, {words:.0f} words each on average; tables loaded in {tables_s:.1f} s")
    print(f"{'per article':<22}{'mean ms':>9}{'median':>9}{'p95':>9}{'max':>9}  found")
    rows = [("dates", date_ms, found_dates), ("places", place_ms, found_places),
            ("dates + places", both, None)]  # fmt: skip
    for name, values, found in rows:
        print(f"{name:<22}{statistics.fmean(values):>9.2f}{statistics.median(values):>9.2f}"
              f"{percentile(values, 0.95):>9.2f}{max(values):>9.2f}  "
              f"{'' if found is None else f'{found / n:.1f} per article'}")  # fmt: skip
    print(f"{'spaCy parse (floor)':<22}{parse_s * 1000 / n:>9.2f}")
    print(json.dumps({
        "docs": n, "words_per_doc": round(words, 1),
        "dates_ms_per_doc": round(statistics.fmean(date_ms), 3),
        "places_ms_per_doc": round(statistics.fmean(place_ms), 3),
        "dates_and_places_ms_per_doc": round(statistics.fmean(both), 3),
        "dates_and_places_p95_ms": round(percentile(both, 0.95), 3),
        "parse_ms_per_doc": round(parse_s * 1000 / n, 3),
        "tables_load_s": round(tables_s, 2),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
