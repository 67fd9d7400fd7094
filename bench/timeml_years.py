"""Benchmark: the year guessed for a text without its publication date, against the
creation date TimeML gives it.

For every .tml file under the folders given (TimeBank, AQUAINT), the article text
(tags stripped) is read as an undated article: ``dossier.published.find_published``
looks for a date the text writes at its top, and ``dates.infer_reference`` guesses the
year from its dates.  Both are compared with the document creation time (DCT).
Prints counts: right, wrong, none (nothing taken); then one JSON line.

    python3 bench/timeml_years.py ../shared/data/timeml/TimeBank ../shared/data/timeml/AQUAINT
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

# the checkout this script is in, before any installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print N wrong guesses")
    args = parser.parse_args()

    from dossier.resolve.dates import infer_reference

    try:
        from dossier.published import find_published
    except ImportError:  # a checkout without it
        find_published = None
    years: Counter[str] = Counter()
    written: Counter[str] = Counter()
    wrong: list[str] = []
    for folder in args.folders:
        for path in sorted(folder.glob("*.tml")):
            raw = path.read_text(encoding="utf-8")
            dct = re.search(r"<DCT>.*?value=\"(\d{4})-(\d\d)-(\d\d)", raw, re.S)
            body = _TEXT.search(raw)
            if dct is None or body is None:
                continue
            year = int(dct.group(1))
            text = _TAG.sub("", body.group(1)).strip()
            ref = infer_reference(text)
            outcome = "none" if ref is None else "right" if ref.year == year else "wrong"
            years[outcome] += 1
            if outcome == "wrong":
                wrong.append(f"{path.name}: DCT {year}, guessed {ref.year} from {ref.text!r}")
            if find_published is not None:
                found = find_published(text)
                day = found.date if found is not None else None
                if day is None:
                    written["none"] += 1
                else:
                    same = day.isoformat() == "-".join(dct.groups())
                    written["right" if same else "wrong"] += 1
    total = sum(years.values())
    print(f"documents: {total}")
    print(f"year guessed from the text: right {years['right']}, wrong {years['wrong']}, "
          f"none {years['none']}")  # fmt: skip
    if written:
        print(f"publication date written in the text: right {written['right']}, "
              f"wrong {written['wrong']}, none {written['none']}")  # fmt: skip
    for line in wrong[: args.errors]:
        print("  " + line, file=sys.stderr)
    print(json.dumps({"documents": total, "year": dict(years), "written": dict(written)}))


if __name__ == "__main__":
    main()
