"""dossier eval geo: reading LGL/TR-News XML, matching found places to gold toponyms, figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate import geo

GEO = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo"

GOLD = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Russian missiles hit Kharkiv on Tuesday. \
Officials in Springfield said nothing.]]></text><toponyms>
<toponym><start>21</start><end>28</end><phrase>Kharkiv</phrase>
<gaztag geonameid="706483"><lat>49.98</lat><lon>36.25</lon></gaztag></toponym>
<toponym><start>54</start><end>65</end><phrase>Springfield</phrase>
<gaztag geonameid="4951788"><lat>-12.0</lat><lon>-50.0</lon></gaztag></toponym>
<toponym><start>0</start><end>7</end><phrase>Russian</phrase></toponym>
</toponyms></article></articles>
"""


@pytest.fixture
def gold_file(tmp_path) -> Path:
    path = tmp_path / "gold.xml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_reads_toponyms_with_coordinates_only(gold_file):
    (article,) = geo.read_gold(gold_file)
    assert [article.text[t.start : t.end] for t in article.toponyms] == ["Kharkiv", "Springfield"]


def test_found_and_resolved(gold_file):
    (article,) = geo.read_gold(gold_file)
    # Kharkiv is found and right; Springfield is found, but the gold puts it in Brazil
    assert geo.predict(article) == [(True, True), (True, False)]
    assert geo.score(geo.predict(article)) == {
        "toponyms": 2, "detected_recall": 1.0, "acc161": 0.5, "end_to_end_acc161": 0.5,
    }  # fmt: skip


def test_cli(gold_file, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "geo", str(gold_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["toponyms"] == 2
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles>", encoding="utf-8")
    result = runner.invoke(app, ["eval", "geo", str(bad)])
    assert result.exit_code == 1 and "cannot read gold toponyms" in result.output


@pytest.mark.parametrize(("name", "floor"), [("TR-News.xml", 0.90), ("lgl.xml", 0.81)])
def test_geo_figures(name: str, floor: float):
    path = GEO / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared geoparsing gold data is not on this machine")
    results = [r for article in geo.read_gold(path) for r in geo.predict(article)]
    figures = geo.score(results)
    print(f"\n{name}: {figures}")
    assert figures["end_to_end_acc161"] >= floor  # today's level; issue 7's bars: 0.80 / 0.90


def test_find_toponyms_beyond_the_model():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import find_toponyms

    text = (
        "ORLANDO, Fla. (AP) — The Laurel County Sheriff's Office said a man from Tampa, Fla. "
        "fled into Jackson and Barrow counties. European officials were told."
    )
    found = {span.text for span in find_toponyms(annotate(text))}
    assert {"ORLANDO", "Laurel County", "Barrow", "European"} <= found
    assert "Fla." in found


def test_words_that_put_a_place_after_them():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from dossier.resolve.toponyms import _placed_before

    words = "Jo Marsh , 41 , of Grovetown and a man from Lakeland met a friend of Dover".split()
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert _placed_before(doc, words.index("Grovetown"))  # a person's age, then home
    assert _placed_before(doc, words.index("Lakeland"))  # "from"
    assert not _placed_before(doc, words.index("Dover"))  # "a friend of" is no home
    doc = Doc(Vocab(), words="Jo Marsh of Ravenel".split())
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert _placed_before(doc, 3)


def test_a_place_takes_the_county_word_the_model_left_out():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from dossier.resolve.toponyms import _with_county

    doc = Doc(Vocab(), words="apartments in Seminole County , near Orlando".split())
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 6, 7, label="GPE")]
    assert _with_county(doc, doc.ents[0], ("US.FL",)).text == "Seminole County"
    assert _with_county(doc, doc.ents[1], ("US.FL",)) is None  # nothing after it
    doc = Doc(Vocab(), words="the Zzyzxq County fair".split())
    doc.ents = [Span(doc, 1, 2, label="GPE")]
    assert _with_county(doc, doc.ents[0], ()) is None  # no such county


def test_an_abbreviation_keeps_the_full_stop_the_tokenizer_split_off():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from dossier.resolve.toponyms import _with_period

    doc = Doc(Vocab(), words="in Wainwright , Alta . , by rail to Alta .".split(),
              spaces=[True, False, True, False, False, True, True, True, True, False, False])
    doc.ents = [Span(doc, 1, 2, label="GPE"), Span(doc, 3, 4, label="GPE"),
                Span(doc, 9, 10, label="GPE")]
    assert _with_period(doc, doc.ents[1]).text == "Alta."  # Alberta
    assert _with_period(doc, doc.ents[0]) is None  # a comma follows
    assert _with_period(doc, doc.ents[2]) is None  # "to Alta." ends a sentence
