"""Milliseconds per article in each of Dossier's own stages (a tool, not a test).

The benchmark's stitched articles (``bench/throughput.py``) are parsed once with
the pipeline, the time of each of our spaCy components measured on the way
(spaCy's own components are the floor); then each later stage is timed over the
parsed Docs, in the order ``dossier.pipeline.process`` runs them, and the
results stored as ``dossier ingest`` does (one transaction per batch)::

    python3 bench/stages.py --docs 200
    python3 bench/stages.py --docs 200 --profile /tmp/stages.prof  # cProfile of the stages
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import stitched  # noqa: E402

OURS = ("dossier_word_fixes", "dossier_line_sentences", "dossier_gazetteers", "dossier_surnames",
        "dossier_known_people", "dossier_speakers")


def timed(spent: dict[str, float], name: str, call: Callable) -> Callable:
    def run(*args: object, **kwargs: object) -> object:
        began = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - began

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the later stages here")
    args = parser.parse_args()

    from dossier.annotate import TEXT_KEY, load_pipeline
    from dossier.extract.rules import extract_mentions
    from dossier.ingest import Article, load_document
    from dossier.models import Result
    from dossier.pipeline import Resolver, masked_text, reference_for
    from dossier.store import Store
    from dossier.warm import warm_up

    articles = stitched(args.docs)
    warm_up()
    nlp = load_pipeline()
    spent: dict[str, float] = defaultdict(float)
    for name in OURS:
        index = nlp.component_names.index(name)
        component = nlp._components[index][1]  # noqa: SLF001
        nlp._components[index] = (name, timed(spent, name, component))  # noqa: SLF001
    began = time.perf_counter()
    documents = [load_document(Article(**a)) for a in articles]
    spent["load_document"] = time.perf_counter() - began
    began = time.perf_counter()
    texts = [masked_text(d) for d in documents]
    spent["masked_text"] = time.perf_counter() - began
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - began
    for doc, text in zip(docs, texts, strict=True):
        doc.user_data[TEXT_KEY] = text

    profile = cProfile.Profile() if args.profile else None
    results = []
    if profile:
        profile.enable()
    for document, doc in zip(documents, docs, strict=True):
        began = time.perf_counter()
        mentions = extract_mentions(doc)
        t1 = time.perf_counter()
        reference, year_hint = reference_for(document, doc.user_data[TEXT_KEY])
        t2 = time.perf_counter()
        resolver = Resolver(document, doc, reference, year_hint)
        t3 = time.perf_counter()
        events = resolver.events(mentions, political_only=False)
        t4 = time.perf_counter()
        results.append(Result(document=document, events=events))
        spent["extract_mentions"] += t1 - began
        spent["reference_for"] += t2 - t1
        spent["Resolver()"] += t3 - t2
        spent["Resolver.events"] += t4 - t3
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        for start in range(0, len(results), 32):
            began = time.perf_counter()
            store.add_many([(r, None) for r in results[start : start + 32]])
            spent["store.add_many"] += time.perf_counter() - began
    if profile:
        profile.disable()
        profile.dump_stats(str(args.profile))

    n = len(articles)
    ours_in_parse = sum(spent[name] for name in OURS)
    events = sum(len(r.events) for r in results)
    print(f"{n} articles, {events} events; parse with our components "
          f"{1000 * parse / n:.1f} ms/article, of which ours {1000 * ours_in_parse / n:.1f}")
    for name, seconds in spent.items():
        print(f"  {name:<24} {1000 * seconds / n:6.2f} ms/article")
    total = sum(spent.values())
    print(f"  {'total ours':<24} {1000 * total / n:6.2f} ms/article")


if __name__ == "__main__":
    main()
