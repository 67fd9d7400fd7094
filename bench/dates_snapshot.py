"""Snapshot of everything the date resolver gives, to check a refactoring changes nothing.

Writes one JSON file holding, for a fixed set of texts:

- ``find_dates`` on every TimeML document (against its creation date and against
  none, with the year hint of its creation date) and on every BBC article
  (against a fixed reference and against none);
- ``infer_reference`` and ``find_published`` on every BBC article;
- ``resolve_date`` on every expression found in the BBC articles, read again alone;
- the whole ``dossier extract`` output (``process(...).to_dict()``) for the example
  article (with and without its publication date) and for the first ``--extract``
  BBC articles of each category.

Run it before and after a change, then compare::

    python3 bench/dates_snapshot.py --out /tmp/dates-before.json
    python3 bench/dates_snapshot.py --out /tmp/dates-after.json --compare /tmp/dates-before.json

``--compare`` prints the first differences per section and exits 1 when there are any.
The shared data (``../shared/data``) is read in place, never copied.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

# the checkout this script is in, before any installed copy
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
TIMEML = [SHARED / "timeml" / "TimeBank", SHARED / "timeml" / "AQUAINT"]
BBC = SHARED / "news-bbc" / "bbc"
EXAMPLE = ROOT / "examples" / "rus-prk-jets-for-troops.txt"
REFERENCE = dt.date(2005, 3, 15)


def plain(value: Any) -> Any:
    """A JSON-able copy of a dataclass, date, tuple or list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def bbc_files() -> list[Path]:
    return sorted(p for p in BBC.rglob("*.txt") if not p.name.upper().startswith("README"))


def snapshot(extract_per_category: int) -> dict[str, Any]:
    from dossier.evaluate.timeml import read_corpus
    from dossier.published import find_published
    from dossier.resolve.dates import find_dates, infer_reference, resolve_date

    out: dict[str, Any] = {"timeml": {}, "bbc": {}, "resolve": {}, "extract": {}}
    for name, text, dct, _gold in read_corpus(TIMEML):
        out["timeml"][name] = {
            "dct": plain(find_dates(text, dct)),
            "hint": plain(find_dates(text, None, year_hint=dct.year if dct else None)),
            "none": plain(find_dates(text, None)),
            "infer": plain(infer_reference(text)),
        }
    expressions: set[str] = set()
    for path in bbc_files():
        text = path.read_text(encoding="latin-1")
        found = find_dates(text, REFERENCE)
        expressions.update(d.text for d in found)
        out["bbc"][str(path.relative_to(BBC))] = {
            "ref": plain(found),
            "none": plain(find_dates(text, None)),
            "infer": plain(infer_reference(text)),
            "published": plain(find_published(text)),
        }
    for expr in sorted(expressions):
        out["resolve"][expr] = [
            plain(resolve_date(expr, REFERENCE)),
            plain(resolve_date(expr, None, year_hint=2004)),
        ]
    out["extract"] = extracts(extract_per_category)
    return out


def extracts(per_category: int) -> dict[str, Any]:
    from dossier.ingest import load_document, read_file
    from dossier.pipeline import process

    results: dict[str, Any] = {}
    for published in ("2024-12-12", None):
        article = read_file(EXAMPLE)
        article.published = published
        results[f"example/{published}"] = process(load_document(article)).to_dict()
    by_category: dict[str, list[Path]] = {}
    for path in bbc_files():
        by_category.setdefault(path.parent.name, []).append(path)
    for category in sorted(by_category):
        for path in by_category[category][:per_category]:
            article = read_file(path, encoding="latin-1")
            results[str(path.relative_to(BBC))] = process(load_document(article)).to_dict()
    return results


def differences(before: Any, after: Any, where: str, out: list[str]) -> None:
    """Paths at which two JSON values differ."""
    if type(before) is not type(after):
        out.append(f"{where}: {before!r} -> {after!r}")
    elif isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if key not in after or key not in before:
                out.append(f"{where}/{key}: {before.get(key)!r} -> {after.get(key)!r}")
            else:
                differences(before[key], after[key], f"{where}/{key}", out)
    elif isinstance(before, list):
        if len(before) != len(after):
            out.append(f"{where}: {len(before)} items -> {len(after)} items")
        for i, (b, a) in enumerate(zip(before, after, strict=False)):
            differences(b, a, f"{where}[{i}]", out)
    elif before != after:
        out.append(f"{where}: {before!r} -> {after!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    parser.add_argument("--extract", type=int, default=10, help="BBC articles per category")
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"skipped: no shared data at {SHARED}", file=sys.stderr)
        return 0
    data = json.loads(json.dumps(snapshot(args.extract)))  # tuples as lists, as read back
    args.out.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    counts = {k: len(v) for k, v in data.items()}
    print(json.dumps({"out": str(args.out), **counts}))
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    found = 0
    for section in sorted(set(before) | set(data)):
        diffs: list[str] = []
        differences(before.get(section), data.get(section), section, diffs)
        found += len(diffs)
        print(f"{section}: {len(diffs)} differences")
        for line in diffs[:10]:
            print("  " + line[:300])
    print("identical" if not found else f"{found} differences")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
