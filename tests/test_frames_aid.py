"""AID frames on sentences written for these tests (``tests/data/sentences/aid.tsv``).

Each row names an event that must be found (type, trigger, source and target
states, an item's designation and quantity, factuality) or, with type "!AID",
that no AID event may be found.  Rows marked "xfail: reason" are known
failures, listed here and run as strict xfails: one that starts passing fails
the test until its mark is removed.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from dossier import analyze

ROWS = Path(__file__).resolve().parent / "data" / "sentences" / "aid.tsv"


def read_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def states(actors: Any) -> set[str]:
    return {a.country or a.code for a in actors if a.country or a.code}


def expected_states(cell: str) -> set[str] | None:
    if not cell:
        return None
    return set() if cell == "-" else set(cell.split("|"))


def describe(event: Any) -> str:
    items = [(i.designation, i.quantity) for i in event.items]
    return (f"{event.type} '{event.trigger.text if event.trigger else ''}' "
            f"{sorted(states(event.source))}->{sorted(states(event.target))} "
            f"{items} {event.factuality}")


def matches(event: Any, row: dict[str, str]) -> bool:
    if event.type != row["type"]:
        return False
    if row["trigger"] and (event.trigger is None or event.trigger.text != row["trigger"]):
        return False
    for role in ("source", "target"):
        want = expected_states(row[role])
        if want is not None and states(getattr(event, role)) != want:
            return False
    if row["designation"] and row["designation"] not in {i.designation for i in event.items}:
        return False
    if row["quantity"] and int(row["quantity"]) not in {i.quantity for i in event.items}:
        return False
    return not row["factuality"] or event.factuality == row["factuality"]


def check(row: dict[str, str]) -> None:
    events = analyze(row["text"], published="2024-06-01").events
    found = [describe(e) for e in events]
    if row["type"].startswith("!"):
        assert not any(e.type == row["type"][1:] for e in events), found
    else:
        assert any(matches(e, row) for e in events), found


ALL = read_rows(ROWS)


def params(rows: list[dict[str, str]]) -> list[Any]:
    out = []
    for row in rows:
        marks = []
        if row["status"].startswith("xfail"):
            marks.append(pytest.mark.xfail(reason=row["status"][6:].strip(), strict=True))
        out.append(pytest.param(row, marks=marks, id=row["text"][:60]))
    return out


def test_the_set_is_large_and_varied():
    assert len([r for r in ALL if r["type"] == "AID"]) >= 30
    known = [r["text"] for r in ALL if r["status"].startswith("xfail")]
    assert len(known) <= 3, known  # known failures stay few and listed in the TSV


@pytest.mark.parametrize("row", params(ALL))
def test_aid_sentence(row):
    check(row)
