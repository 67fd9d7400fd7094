"""What the snapshot scripts share: the extract outputs both record, and how a
snapshot is written and compared with an earlier one.

``bench/dates_snapshot.py`` and ``bench/extract_snapshot.py`` each gather their
sections into one dict and end with ``return save_and_compare(data, args)``:
the snapshot is written as JSON, its section sizes printed, and with
``--compare`` the first differences per section printed (exit status 1 when
there are any).

>>> found: list[str] = []
>>> differences({"a": [1, 2], "b": "x"}, {"a": [1, 3], "c": "x"}, "s", found)
>>> found
['s/a[1]: 2 -> 3', "s/b: 'x' -> None", "s/c: None -> 'x'"]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# the checkout this script is in, before any installed copy
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
BBC = SHARED / "news-bbc" / "bbc"
EXAMPLE = ROOT / "examples" / "rus-prk-jets-for-troops.txt"


def bbc_files() -> list[Path]:
    return sorted(p for p in BBC.rglob("*.txt") if not p.name.upper().startswith("README"))


def extracts(per_category: int) -> dict[str, Any]:
    """``dossier extract``'s output for the example article (with and without its
    publication date) and for the first ``per_category`` BBC articles of each category."""
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


def parser(doc: str) -> argparse.ArgumentParser:
    """A script's arguments, with the ``--out`` and ``--compare`` of every snapshot."""
    parsed = argparse.ArgumentParser(description=doc.splitlines()[0])
    parsed.add_argument("--out", type=Path, required=True)
    parsed.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    return parsed


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


def save_and_compare(data: dict[str, Any], args: argparse.Namespace) -> int:
    """Write ``data`` to ``args.out`` and, with ``args.compare``, print how it differs
    from that earlier snapshot; the exit status: 1 when it differs, else 0."""
    data = json.loads(json.dumps(data))  # tuples as lists, as read back
    args.out.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    print(json.dumps({"out": str(args.out), **{k: len(v) for k, v in data.items()}}))
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
