"""dossier eval factuality: reading MEANTIME, the value table, scoring, and the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate import factuality as evaluation

MEANTIME = (Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime"
            / "intra-doc_annotation")  # fmt: skip

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="test" lang="en">
<token number="0" sentence="0" t_id="1">Russia</token>
<token number="1" sentence="0" t_id="2">did</token>
<token number="2" sentence="0" t_id="3">not</token>
<token number="3" sentence="0" t_id="4">sign</token>
<token number="4" sentence="0" t_id="5">the</token>
<token number="5" sentence="0" t_id="6">deal</token>
<token number="6" sentence="0" t_id="7">.</token>
<token number="7" sentence="1" t_id="8">Iran</token>
<token number="8" sentence="1" t_id="9">will</token>
<token number="9" sentence="1" t_id="10">deliver</token>
<token number="10" sentence="1" t_id="11">drones</token>
<token number="11" sentence="1" t_id="12">,</token>
<token number="12" sentence="1" t_id="13">officials</token>
<token number="13" sentence="1" t_id="14">said</token>
<token number="14" sentence="1" t_id="15">.</token>
<Markables>
<EVENT_MENTION m_id="20" certainty="CERTAIN" polarity="NEG" time="NON_FUTURE" pred="sign">
<token_anchor t_id="4"/></EVENT_MENTION>
<EVENT_MENTION m_id="21" certainty="CERTAIN" polarity="POS" time="FUTURE" pred="deliver">
<token_anchor t_id="10"/></EVENT_MENTION>
<EVENT_MENTION m_id="22" certainty="CERTAIN" polarity="POS" time="NON_FUTURE" pred="say">
<token_anchor t_id="14"/></EVENT_MENTION>
</Markables></Document>
"""


@pytest.fixture
def cat_file(tmp_path) -> Path:
    path = tmp_path / "meantime" / "one.xml"
    path.parent.mkdir()
    path.write_text(CAT, encoding="utf-8")
    return path


def test_reads_text_offsets_and_gold_values(cat_file):
    document = evaluation.read_document(cat_file)
    expected = "Russia did not sign the deal.\nIran will deliver drones, officials said."
    assert document.text == expected
    words = [document.text[m.start : m.end] for m in document.mentions]
    assert words == ["sign", "deliver", "said"]
    assert [m.value for m in document.mentions] == ["negated", "planned", "asserted"]


def test_predicts_and_scores(cat_file):
    (document,) = evaluation.read_corpus([cat_file.parent])
    predicted = evaluation.predict(document)
    assert predicted == ["negated", "planned", "asserted"]
    figures = evaluation.score([m.value for m in document.mentions], predicted)
    assert figures["accuracy"] == 1.0 and figures["macro_f1"] == 1.0
    half = evaluation.score(["negated", "asserted"], ["asserted", "asserted"])
    # negated: F1 0; asserted: precision 0.5, recall 1, F1 2/3 -> macro 1/3
    assert half["accuracy"] == 0.5 and half["macro_f1"] == pytest.approx(1 / 3, abs=1e-4)


def test_cli_json_and_errors(cat_file, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "factuality", str(cat_file.parent), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["mentions"] == 3
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["eval", "factuality", str(empty)])
    assert result.exit_code == 1 and "no MEANTIME .xml files" in result.output


def test_hypothetical_is_scored_as_planned():
    # MEANTIME has no conditional value: it marks an "if" clause's event FUTURE
    assert evaluation.scored_value("hypothetical") == "planned"
    for value in ("asserted", "planned", "likely", "possible", "negated"):
        assert evaluation.scored_value(value) == value


@pytest.mark.skipif(
    not MEANTIME.is_dir(), reason=f"MEANTIME not found at {MEANTIME} (shared data absent)"
)
def test_meantime_figures():
    documents = list(evaluation.read_corpus([MEANTIME]))
    predicted = [evaluation.predict(d) for d in documents]
    gold = [[m.value for m in d.mentions] for d in documents]
    figures = evaluation.score(sum(gold, []), sum(predicted, []))
    print(f"\nMEANTIME: {figures['mentions']} event mentions, accuracy {figures['accuracy']:.3f},"
          f" macro-F1 {figures['macro_f1']:.3f}")  # fmt: skip
    assert figures["mentions"] > 2000
    # floors at today's level less a margin (issue 7: from accuracy 0.837, macro-F1 0.537)
    assert figures["accuracy"] >= 0.84
    assert figures["macro_f1"] >= 0.64
    # the rules were written looking at the even-numbered documents only (in name
    # order); the odd-numbered ones are the held-out half
    held_out = evaluation.score(sum(gold[1::2], []), sum(predicted[1::2], []))
    print(f"held-out half: accuracy {held_out['accuracy']:.3f},"
          f" macro-F1 {held_out['macro_f1']:.3f}")  # fmt: skip
    assert held_out["accuracy"] >= 0.84
    assert held_out["macro_f1"] >= 0.60
