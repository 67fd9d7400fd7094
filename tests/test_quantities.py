"""Item quantities on sentences written for these tests
(``tests/data/sentences/quantities.tsv``) and the number-phrase reader on its own."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from dossier import analyze
from dossier.extract.quantity import Quantity, parse

ROWS = Path(__file__).resolve().parent / "data" / "sentences" / "quantities.tsv"


def read_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


ALL = read_rows(ROWS)


def params() -> list[Any]:
    out = []
    for row in ALL:
        marks = []
        if row["status"].startswith("xfail"):
            marks.append(pytest.mark.xfail(reason=row["status"][6:].strip(), strict=True))
        out.append(pytest.param(row, marks=marks, id=row["text"][:60]))
    return out


def test_the_set_is_large_enough():
    assert len(ALL) >= 15


@pytest.mark.parametrize("row", params())
def test_item_quantity(row):
    events = analyze(row["text"], published="2024-06-01").events
    items = [i for e in events for i in e.items]
    found = [(i.text, i.quantity, i.quantity_mod, i.quantity_range) for i in items]
    assert items, f"no item in {[e.type for e in events]}"
    want_range = (int(row["low"]), int(row["high"])) if row["low"] else None
    want = (int(row["quantity"]) if row["quantity"] else None, row["mod"] or None, want_range)
    assert any(
        (i.quantity, i.quantity_mod, tuple(i.quantity_range) if i.quantity_range else None)
        == want
        for i in items
    ), found


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("over 2 million", Quantity(2_000_000, "more_than")),
        ("in excess of 500", Quantity(500, "more_than")),
        ("no fewer than 12", Quantity(12, "at_least")),
        ("an estimated 3,500", Quantity(3500, "about")),
        ("hundreds of thousands", Quantity(200_000, None, (200_000, 900_000))),
        ("two hundred and fifty", Quantity(250)),
        ("20 to 30", Quantity(20, None, (20, 30))),
        ("2m", Quantity(2_000_000)),
        ("a few", Quantity(2, None, (2, 5))),
        ("a battalion", None),
        ("some", None),
    ],
)
def test_number_phrases(words, expected):
    assert parse(words.split()) == expected
