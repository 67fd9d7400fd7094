"""dossier eval timeml: TimeML parsing, relaxed span and value matching, figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate import timeml

TIMEML = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml"

DOC = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-04"
functionInDocument="CREATION_TIME">03/04/1998</TIMEX3></DCT><TEXT>
Troops moved in on <TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3>
and stayed for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>;
talks resume <TIMEX3 tid="t3" type="DATE" value="1998-04">next month</TIMEX3>
and ended <TIMEX3 tid="t4" type="DATE" value="PAST_REF">recently</TIMEX3>.
</TEXT></TimeML>"""


def test_parse_keeps_dates_and_times_not_durations():
    text, dct, gold = timeml.parse_timeml(DOC)
    assert dct is not None and dct.isoformat() == "1998-03-04"
    assert [(g.text, g.value) for g in gold] == [
        ("Monday", "1998-03-02"), ("next month", "1998-04"), ("recently", "PAST_REF")
    ]
    assert all(text[g.start : g.end] == g.text for g in gold)


def test_counts_and_figures(tmp_path):
    text, dct, gold = timeml.parse_timeml(DOC)
    counts = timeml.compare(text, dct, gold)
    # Monday, next month and "recently" (PAST_REF) are found with the right values
    assert (counts["gold"], counts["matched"], counts["right"]) == (3, 3, 3)
    figures = timeml.score([counts])
    assert figures["timex"] == 3 and figures["value_accuracy"] == 1.0
    path = tmp_path / "doc.tml"
    path.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "timeml", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == figures


def test_canonical_values():
    assert timeml.canonical("1998-W7") == timeml.canonical("1998-W07") == "1998-W07"
    assert timeml.canonical("199X") == "199" and timeml.canonical("19XX") == "19"
    assert timeml.canonical("1998-XX") == "1998-XX"  # a month of 1998 is not the year 1998
    assert timeml.canonical("1998-W10") == "1998-W10"


def test_durations_and_sets_are_not_scored():
    doc = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-12"
functionInDocument="CREATION_TIME">02/12/1998</TIMEX3></DCT><TEXT>
Sales fell <TIMEX3 tid="t1" type="DURATION" value="P1W">last week</TIMEX3>, as they do
<TIMEX3 tid="t2" type="SET" value="XXXX-WXX-1">each Monday</TIMEX3>, and
<TIMEX3 tid="t3" type="DATE" value="1998-W7">this week</TIMEX3> too, on 1998 figures.
</TEXT></TimeML>"""
    text, dct, gold = timeml.parse_timeml(doc, timeml.TYPES + timeml.UNSCORED)
    assert [g.type for g in gold] == ["DURATION", "SET", "DATE"]
    counts = timeml.compare(text, dct, gold)
    # "last week" and "Monday" lie on unscored spans; "this week" is right as 1998-W07;
    # the bare "1998" is found where gold has nothing: a false positive
    assert (counts["gold"], counts["found"], counts["matched"], counts["right"]) == (
        1, 2, 1, 1
    )


# reached (value F1, spans paired one to one): TimeBank 0.864, AQUAINT 0.833; on the
# odd-numbered documents, held out while the rules were written: 0.847 and 0.842
@pytest.mark.parametrize(
    ("corpus", "half", "floor"),
    [("TimeBank", "all", 0.855), ("AQUAINT", "all", 0.825),
     ("TimeBank", "odd", 0.84), ("AQUAINT", "odd", 0.835)],
)
def test_timeml_figures(corpus: str, half: str, floor: float):
    folder = TIMEML / corpus
    if not folder.is_dir():
        pytest.skip(f"{corpus} not found at {folder} (shared data absent)")
    files = sorted(folder.glob("*.tml"))
    if half == "odd":
        files = files[1::2]
    figures = timeml.score(
        timeml.compare(text, dct, gold) for _n, text, dct, gold in timeml.read_corpus(files)
    )
    print(f"\n{corpus} ({half}): {figures}")
    assert figures["value_f1"] >= floor
