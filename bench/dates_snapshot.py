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

import dataclasses
import datetime as dt
import sys
from typing import Any

from snapshot import BBC, SHARED, bbc_files, extracts, parser, save_and_compare

TIMEML = [SHARED / "timeml" / "TimeBank", SHARED / "timeml" / "AQUAINT"]
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


def main() -> int:
    arguments = parser(__doc__)
    arguments.add_argument("--extract", type=int, default=10, help="BBC articles per category")
    args = arguments.parse_args()
    if not BBC.is_dir():
        print(f"skipped: no shared data at {SHARED}", file=sys.stderr)
        return 0
    return save_and_compare(snapshot(args.extract), args)


if __name__ == "__main__":
    raise SystemExit(main())
