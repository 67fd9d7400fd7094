"""Per-type sentence sets written for these tests (``tests/data/sentences/*.tsv``).

Each row is one sentence and what Dossier should find in it: an event of a
type (with mode, source and target code, factuality), or ``none``: no event of
the file's type.  The README in that folder explains the columns.  A row whose
note starts with ``xfail:`` is a known failure, marked strict (it must fail).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dossier.pipeline import analyze

FOLDER = Path(__file__).parent / "data" / "sentences"
FILES = {"assault.tsv": "ASSAULT", "protest.tsv": "PROTEST", "consult.tsv": "CONSULT",
         "coerce.tsv": "COERCE", "agree.tsv": "AGREE", "support.tsv": "SUPPORT",
         "concede.tsv": "CONCEDE", "cooperate.tsv": "COOPERATE", "retreat.tsv": "RETREAT",
         "request.tsv": "REQUEST", "accuse.tsv": "ACCUSE", "reject.tsv": "REJECT",
         "threaten.tsv": "THREATEN", "sanction.tsv": "SANCTION",
         "mobilize.tsv": "MOBILIZE"}  # fmt: skip


def _rows() -> list:
    params = []
    for name, file_type in FILES.items():
        with (FOLDER / name).open(encoding="utf-8") as handle:
            lines = (line for line in handle if line.strip() and not line.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t"):
                marks = []
                if row["note"].startswith("xfail:"):
                    marks.append(pytest.mark.xfail(reason=row["note"][6:].strip(), strict=True))
                params.append(pytest.param(file_type, row, marks=marks,
                                           id=f"{name[:-4]}:{row['text'][:50]}"))  # fmt: skip
    return params


def _codes_match(expected: str, actors: list) -> bool:
    codes = {a.code for a in actors if a.code}
    if expected == "*":
        return True
    if expected == "null":
        return not codes
    return expected in codes


def _matches(event, row: dict) -> bool:
    return (
        event.type == row["type"]
        and row["mode"] in ("*", event.mode)
        and _codes_match(row["source"], event.source)
        and _codes_match(row["target"], event.target)
        and row["factuality"] in ("*", event.factuality)
    )


def _show(events) -> list[tuple]:
    return [(e.type, e.mode, [a.code or a.kind for a in e.source],
             [a.code or a.kind for a in e.target], e.factuality,
             e.trigger.text if e.trigger else None) for e in events]  # fmt: skip


@pytest.mark.parametrize(("file_type", "row"), _rows())
def test_sentence(file_type: str, row: dict) -> None:
    events = analyze(row["text"], published="2016-06-01").events
    if row["type"] == "none":
        assert not [e for e in events if e.type == file_type], _show(events)
    else:
        assert any(_matches(e, row) for e in events), _show(events)


def test_every_file_has_enough_rows() -> None:
    counts = {name: 0 for name in FILES}
    for param in _rows():
        counts[param.id.split(":")[0] + ".tsv"] += 1
    assert counts["assault.tsv"] >= 30 and counts["mobilize.tsv"] >= 30, counts
    assert min(counts.values()) >= 10, counts
