"""End to end on articles written for the tests (tests/data/articles/README.md).

Two sets, scored separately: ``articles`` (the first, written before this round's
frames) and ``articles_unseen`` (tests/data/articles_unseen/README.md: written
later without reading the rules, and measured once).  Each article goes through
``dossier extract`` as an analyst would run it, and each event coded by hand in
``expected.tsv`` is looked for among Dossier's events of the same type (AID and
MOBILIZE count as one family, as fusion counts them) whose evidence sentence
holds the row's cue word.  Printed with ``-s``, for each set: the share of
expected events found and, of those found, with the right source, target, date
and place, as issue 15 measures on real articles; then each miss.  The floors
are what the code reached when each set was written (see the notes by FLOORS),
so that a change that loses events fails.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate.plover import half  # sha256(article id), first byte even: tune

DATA = Path(__file__).parent / "data"
FAMILIES = {"MOBILIZE": "AID"}  # a deployment coded AID in one report, MOBILIZE in another
SYMMETRIC = frozenset(["CONSULT", "AGREE", "COOPERATE"])  # "X and Y met": no direction
FIELDS = ("source", "target", "date", "place")


@dataclass
class Row:
    article: str
    published: str
    type: str
    source: str
    target: str
    date: str
    place: str
    cue: str


def expected(folder: Path) -> list[Row]:
    with (folder / "expected.tsv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [Row(**row) for row in csv.DictReader(lines, delimiter="\t")]


def codes(actors: list[dict]) -> set[str]:
    return {a["code"] for a in actors if a.get("code")}


def checks(row: Row, event: dict) -> dict[str, bool | None]:
    """Each field right (True), wrong (False) or not checked (None)."""
    source, target = codes(event["source"]), codes(event["target"])
    if row.type in SYMMETRIC:
        source = target = source | target
    out: dict[str, bool | None] = {}
    for field, want, got in (("source", row.source, source), ("target", row.target, target)):
        out[field] = None if want == "*" else (not got if want == "-" else want in got)
    value = (event.get("date") or {}).get("value") or ""
    out["date"] = None if row.date == "*" else (not value if row.date == "-" else
                                                value.startswith(row.date))  # fmt: skip
    country = (event.get("location") or {}).get("country")
    out["place"] = None if row.place == "*" else (country is None if row.place == "-" else
                                                  country == row.place)  # fmt: skip
    return out


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def best(row: Row, events: list[dict]) -> dict[str, bool | None] | None:
    """The checks of the candidate that gets most fields right, or None when none."""
    cue = row.cue.lower()
    candidates = [
        checks(row, e) for e in events
        if family(e["type"]) == family(row.type) and cue in e["evidence"]["text"].lower()
    ]  # fmt: skip
    if not candidates:
        return None
    return max(candidates, key=lambda c: sum(v is True for v in c.values()))


def figures(outcomes: list[dict[str, bool | None] | None]) -> dict:
    """Share found and, of those found, the share right per checked field."""
    right: dict[str, list[bool]] = defaultdict(list)
    for got in outcomes:
        for field in FIELDS:
            if got is not None and got[field] is not None:
                right[field].append(bool(got[field]))
    found = sum(got is not None for got in outcomes)
    out = {
        "expected": len(outcomes),
        "found": round(found / len(outcomes), 3) if outcomes else None,
    }
    return out | {f: round(sum(v) / len(v), 3) if v else None for f, v in right.items()}


@cache
def scores(name: str) -> dict:
    """Run every article of ``tests/data/NAME`` and score it against its expected.tsv.

    The figures are for the whole set, with the same figures per hash half under
    ``halves``; each miss is printed with its article's half."""
    folder = DATA / name
    rows = expected(folder)
    events: dict[str, list[dict]] = {}
    runner = CliRunner()
    for article, published in sorted({(r.article, r.published) for r in rows}):
        path = folder / f"{article}.txt"
        result = runner.invoke(app, ["extract", str(path), "--published", published])
        assert result.exit_code == 0, result.output
        events[article] = json.loads(result.stdout)["events"]
    outcomes, misses = [], []
    for row in rows:
        got = best(row, events[row.article])
        outcomes.append(got)
        tag = f"[{half(row.article)}] "
        if got is None:
            misses.append(f"{tag}not found: {row.article} {row.type} ({row.cue})")
            continue
        misses += [f"{tag}{f} wrong: {row.article} {row.type} ({row.cue})" for f in FIELDS
                   if got[f] is False]  # fmt: skip
    result = figures(outcomes)
    result["halves"] = {
        h: figures([o for o, r in zip(outcomes, rows, strict=True) if half(r.article) == h])
        for h in ("tune", "held_out")
    }
    print(f"\nend-to-end {name}:", json.dumps(result))
    print("\n".join(misses))
    return result


# What main reached when the articles were written (2026-12-06, before this round's
# frames were merged: found 0.794, source 0.808, target 0.636, date 0.714, place
# 0.75), a little lower: a change that loses events fails.  No rule was written
# while looking at these articles; they are a held-out check, not a tuning set.
FLOORS = {"found": 0.7, "source": 0.72, "target": 0.55, "date": 0.6, "place": 0.65}
# The second set, measured once on 2026-12-06 after its articles and rows were
# committed (found 0.644 of 73, source 0.795, target 0.735, date 0.727, place 0.438;
# tests/data/articles_unseen/README.md): each floor is that less 0.05, rounded down,
# so that a later change that loses events fails.  Never tune rules on this set.
FLOORS_UNSEEN = {"found": 0.59, "source": 0.74, "target": 0.68, "date": 0.67, "place": 0.38}
# The third set (tests/data/articles_unseen2/README.md), measured blind on 2026-12-06
# (found 0.56 of 84, source 0.698, target 0.767, date 0.552, place 0.30), then tuned on
# its "tune" hash half only (branch articles2); at the end of that work found 0.69,
# source 0.852, target 0.833, date 0.676, place 0.571 (held-out half 0.625 / 0.793 /
# 0.793 / 0.50 / 0.20).  Each floor is the final figure less about 0.05.  On 2026-12-07
# found rose to 0.726 (held out 0.646) and place, read over the events found, fell to
# 0.588: two more deployments and trainings are found, one at a base (Rukla) the place
# index lacks; the place floor follows (0.55), the found floor rises (0.68).
FLOORS_UNSEEN2 = {"found": 0.68, "source": 0.8, "target": 0.78, "date": 0.62, "place": 0.55}
SETS = {"articles": FLOORS, "articles_unseen": FLOORS_UNSEEN, "articles_unseen2": FLOORS_UNSEEN2}


@pytest.mark.parametrize(("name", "measure"), [(n, m) for n in SETS for m in sorted(SETS[n])])
def test_end_to_end_floor(name, measure):
    figures = scores(name)
    assert figures[measure] >= SETS[name][measure], figures


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_row_is_well_formed(name):
    from dossier.models import EVENT_TYPES

    folder = DATA / name
    for row in expected(folder):
        assert (folder / f"{row.article}.txt").exists(), row.article
        assert row.type in EVENT_TYPES, row
        assert row.cue.lower() in (folder / f"{row.article}.txt").read_text().lower(), row
