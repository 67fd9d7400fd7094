"""The ACE (m2e2) evaluator: reading, scoring by hand on sentences written for the
tests (``tests/data/ace``), the command, and the figures on the shared VOA half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate import ace
from dossier.evaluate.ace import Found

DATA = Path(__file__).parent / "data" / "ace"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "m2e2-voa"
A, B, C = "TEST_EN_NW_2016.03.01.0001", "TEST_EN_NW_2016.05.10.0002", "TEST_EN_NW_2016.07.04.0003"


@pytest.fixture(scope="module")
def articles() -> list[ace.Article]:
    return ace.read_gold(DATA)


def test_reads_and_unites_both_files(articles):
    assert [a.id for a in articles] == [A, B, C]
    assert [a.published for a in articles] == ["2016-03-01", "2016-05-10", "2016-07-04"]
    assert [ace.half(a.id) for a in articles] == ["tune", "tune", "held_out"]
    a, b, _c = articles
    # in both files, with the same mention: counted once
    assert a.sentences[0].gold == {"COERCE/arrest": ["arrested"]}
    # text_only has the sentence without a mention, the multimedia file adds one
    assert b.sentences[2].gold == {"CONSULT": ["telephoned"]}
    # a sentence only in the multimedia file, in a gap of the text_only one
    assert b.sentences[3].id == f"{B}_3" and b.sentences[3].gold == {"PROTEST": ["protest"]}
    # unmapped ACE types are kept as context only
    assert b.sentences[0].gold == {"ASSAULT": ["attacked"]}
    assert b.sentences[0].other == ["Conflict:Attack", "Life:Die"]


def test_rebuilt_text_keeps_the_gold_offsets(articles):
    for article in articles:
        for s in article.sentences:
            assert article.text[s.start : s.start + len(s.text)] == s.text
            assert article.text[s.end] == "."  # the final stop, left out of "sentence"
    assert articles[0].text.startswith("Police arrested two opposition leaders in Harare on "
                                       "Monday. Thousands of teachers")  # fmt: skip
    assert "attack.\n" in articles[1].text  # a long gap is a line break and spaces


def _found() -> dict[str, list[Found]]:
    """Dossier's events as a hand-made prediction (offsets in the test articles)."""
    return {
        A: [
            Found("COERCE/arrest", "COERCE", "arrest", "arrested", 7, True),  # sentence 0
            Found("PROTEST", "PROTEST", "demo", "published", 140, True),  # sentence 2
        ],
        B: [
            Found("ASSAULT", "ASSAULT", None, "attacked", 7, True),  # sentence 0
            Found("CONSULT", "CONSULT", None, "met", 85, True),  # sentence 1
            Found(None, "COERCE", "seize", "ministers", 80, True),  # not an arrest
            Found("CONSULT", "CONSULT", None, "telephoned", 135, False),  # dropped
            Found("PROTEST", "PROTEST", None, "x", 200, True),  # between sentences 2 and 3
        ],
        C: [
            Found("ASSAULT", "ASSAULT", None, "fired", 9, False),  # dropped
            Found("ASSAULT", "ASSAULT", None, "denied", 50, True),  # sentence 1
        ],
    }


def test_scores_by_hand(articles):
    sentences = [s for a in articles for s in a.sentences]
    figures = ace.score(sentences, _found(), political_only=True)
    per = figures["per_type"]
    # ASSAULT: tp B0, fp C1, fn C0 (its event is dropped) -> P 1/2, R 1/2
    assert (per["ASSAULT"]["tp"], per["ASSAULT"]["fp"], per["ASSAULT"]["fn"]) == (1, 1, 1)
    assert per["ASSAULT"]["f1"] == 0.5
    # PROTEST: fp A2, fn A1 and B3 (the event between sentences is in none)
    assert (per["PROTEST"]["predicted"], per["PROTEST"]["gold"], per["PROTEST"]["f1"]) == (1, 2, 0)
    # CONSULT: tp B1, fn B2 (dropped) -> P 1, R 1/2, F1 2/3
    assert per["CONSULT"]["precision"] == 1.0 and per["CONSULT"]["recall"] == 0.5
    assert per["CONSULT"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert per["COERCE/arrest"]["f1"] == 1.0
    assert figures["macro_f1"] == pytest.approx((0.5 + 0 + 2 / 3 + 1) / 4, abs=1e-4)
    assert figures["outside_sentences"] == 1
    assert (figures["articles"], figures["sentences"]) == (3, 9)


def test_headline_counts_every_event_and_political_only_beside_it(articles):
    """ACE scores detection: the headline counts every event, political or not; the
    political ones alone (what ``dossier events`` shows by default) are beside it."""
    figures = ace.evaluate(articles, _found())
    assert "every detected event" in figures["headline"]
    # ASSAULT: tp B0, C0; fp C1 -> P 2/3, R 1, F1 0.8; CONSULT: tp B1, B2 -> 1
    assert figures["per_type"]["ASSAULT"]["f1"] == 0.8
    assert figures["per_type"]["CONSULT"]["f1"] == 1.0
    assert figures["macro_f1"] == pytest.approx((0.8 + 0 + 1 + 1) / 4, abs=1e-4)
    assert figures["with_nonpolitical"]["macro_f1"] == figures["macro_f1"]  # the earlier key
    political = figures["political_only"]
    assert political["per_type"]["ASSAULT"]["f1"] == 0.5  # C0's event is not political
    assert political["per_type"]["CONSULT"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert political["macro_f1"] == pytest.approx((0.5 + 0 + 2 / 3 + 1) / 4, abs=1e-4)
    tune, held_out = figures["halves"]["tune"], figures["halves"]["held_out"]
    assert (tune["articles"], held_out["articles"]) == (2, 1)
    assert tune["macro_f1"] == pytest.approx((1 + 0 + 1 + 1) / 4, abs=1e-4)
    assert political["halves"]["tune"]["macro_f1"] == pytest.approx((1 + 0 + 2 / 3 + 1) / 4,
                                                                    abs=1e-4)  # fmt: skip
    # the held-out article has only ASSAULT gold and predictions: the mean is over it alone
    assert held_out["per_type"]["ASSAULT"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert political["halves"]["held_out"]["macro_f1"] == 0.0


def test_errors_come_from_the_tune_half_only(articles):
    listed = ace.errors(articles, _found(), 10)
    assert listed["half"] == "tune" and listed["counts"] == "every event"
    assert [(e["sentence"], e["type"]) for e in listed["false_positives"]] == [
        (f"{A}_2", "PROTEST")
    ]
    assert [(e["sentence"], e["type"]) for e in listed["false_negatives"]] == [
        (f"{A}_1", "PROTEST"), (f"{B}_3", "PROTEST")]  # fmt: skip
    assert listed["false_negatives"][0]["trigger"] == ["marched"]
    # political events only: the CONSULT of B2 is not political, so it is missed
    political = ace.errors(articles, _found(), 10, political_only=True)
    assert [(e["sentence"], e["type"]) for e in political["false_negatives"]] == [
        (f"{A}_1", "PROTEST"), (f"{B}_2", "CONSULT"), (f"{B}_3", "PROTEST")]  # fmt: skip
    assert political["false_negatives"][1]["dropped_nonpolitical"] == ["telephoned"]
    assert len(ace.errors(articles, _found(), 2)["false_negatives"]) == 2
    row = next(r for r in ace.errors(articles, _found(), 10)["false_positives"])
    assert row["dossier"] == ["PROTEST/demo 'published'"]


def _die_row(sid: str, start: int, text: str, roles: list[tuple[str, int, str | None]]) -> dict:
    """A sentence whose last word triggers a Life:Die with the given (role, word, entity type)."""
    words = text.split()
    spans, at = [], start
    for w in words:
        spans.append([str(at), str(at + len(w) - 1)])
        at += len(w) + 1
    n = len(words) - 1
    return {"sentence_id": sid, "sentence_start": start, "sentence_end": at - 1,
            "sentence": text, "words": words + ["."], "index": spans + [[str(at - 1)] * 2],
            "golden-entity-mentions": [{"start": i, "end": i + 1, "entity-type": t,
                                        "text": words[i]} for _, i, t in roles if t],
            "golden-event-mentions": [{"event_type": "Life:Die",
                                       "trigger": {"start": n, "end": n + 1, "text": words[n]},
                                       "arguments": [{"role": r, "start": i, "end": i + 1,
                                                      "text": words[i]} for r, i, _ in roles]}]}


def test_a_killing_with_a_killer_or_weapon_counts_as_assault(tmp_path):
    """ACE annotates a killing as Life:Die, not Attack (guidelines: Attack covers what
    Die and Injure do not); with a killer (Agent) or a weapon (Instrument typed WEA)
    it is an ASSAULT for PLOVER. A death with only a victim, or a vehicle, is not."""
    rows = [
        _die_row("X_0", 0, "Gunmen shot a guard who was killed", [("Agent", 0, "PER")]),
        _die_row("X_1", 40, "A rifle round left one soldier killed", [("Instrument", 1, "WEA")]),
        _die_row("X_2", 80, "A bus crash left nine passengers killed", [("Instrument", 1, "VEH")]),
        _die_row("X_3", 120, "The old man finally died", [("Victim", 2, "PER")]),
    ]
    (tmp_path / "text_only_event.json").write_text(json.dumps(rows))
    [article] = ace.read_gold(tmp_path)
    assert [s.killings for s in article.sentences] == [["killed"], ["killed"], [], []]
    assert article.sentences[0].labels() == {"ASSAULT"}
    assert article.sentences[0].labels(killings=False) == set()
    found = {"X": [Found("ASSAULT", "ASSAULT", None, "shot", 7, True),
                   Found("ASSAULT", "ASSAULT", None, "crash", 86, True)]}  # fmt: skip
    now = ace.score(article.sentences, found)["per_type"]["ASSAULT"]
    before = ace.score(article.sentences, found, guidelines=False)["per_type"]["ASSAULT"]
    assert (now["tp"], now["fp"], now["fn"]) == (1, 1, 1)
    assert (before["tp"], before["fp"], before["fn"]) == (0, 2, 0)
    figures = ace.evaluate([article], found)
    assert figures["plain_mapping"]["per_type"]["ASSAULT"]["fp"] == 2
    assert figures["per_type"]["ASSAULT"]["tp"] == 1


def test_a_sentencing_is_not_scored_as_an_arrest(articles):
    """ACE has its own Justice:Sentence (not annotated in m2e2); PLOVER codes a prison
    sentence as COERCE arrest, so that event is left out, as the guidelines say."""
    sentences = [s for a in articles for s in a.sentences]
    found = {A: [Found("COERCE/arrest", "COERCE", "arrest", "arrested", 7, True),  # gold
                 Found("COERCE/arrest", "COERCE", "arrest", "sentenced", 140, True)]}  # A2
    now = ace.score(sentences, found)["per_type"]["COERCE/arrest"]
    plain = ace.score(sentences, found, guidelines=False)["per_type"]["COERCE/arrest"]
    assert (now["tp"], now["fp"]) == (1, 0) and (plain["tp"], plain["fp"]) == (1, 1)


def test_a_trial_or_conviction_is_not_scored_as_an_arrest(articles):
    """ACE files trials, convictions and charges under Justice subtypes m2e2 does not
    annotate; PETRARCH2 codes them CAMEO 173, which PLOVER maps to COERCE arrest."""
    sentences = [s for a in articles for s in a.sentences]
    for trigger, words in (("go", "go on trial on Monday"), ("convicted", "convicted a man"),
                           ("stood", "stood trial in Cairo"), ("indicted", "indicted him")):
        found = {A: [Found("COERCE/arrest", "COERCE", "arrest", trigger, 140, True, words)]}
        now = ace.score(sentences, found)["per_type"]["COERCE/arrest"]
        plain = ace.score(sentences, found, guidelines=False)["per_type"]["COERCE/arrest"]
        assert (now["fp"], plain["fp"]) == (0, 1), trigger
    kept = {A: [Found("COERCE/arrest", "COERCE", "arrest", "detained", 140, True,
                      "detained before his trial")]}  # fmt: skip
    assert ace.score(sentences, kept)["per_type"]["COERCE/arrest"]["fp"] == 1


def test_a_visit_is_not_scored_as_a_meeting(articles):
    """ACE files a visit under Movement:Transport and keeps Contact:Meet for a
    face-to-face meeting; PLOVER's CONSULT includes visits (mode ``visit``)."""
    sentences = [s for a in articles for s in a.sentences]
    found = {A: [Found("CONSULT", "CONSULT", "visit", "visited", 140, True)]}
    now = ace.score(sentences, found)["per_type"]["CONSULT"]
    plain = ace.score(sentences, found, guidelines=False)["per_type"]["CONSULT"]
    assert (now["fp"], plain["fp"]) == (0, 1)
    met = {A: [Found("CONSULT", "CONSULT", None, "met", 140, True)]}
    assert ace.score(sentences, met)["per_type"]["CONSULT"]["fp"] == 1


def test_labels_dates_and_halves():
    assert ace.label_of("COERCE", "arrest") == "COERCE/arrest"
    assert ace.label_of("COERCE", "deport") is None and ace.label_of("AID", None) is None
    assert ace.published("VOA_EN_NW_2015.11.26.3074855") == "2015-11-26"
    assert ace.published("no date here") is None


def test_command_json_on_the_test_articles():
    result = CliRunner().invoke(app, ["eval", "ace", str(DATA), "--format", "json",
                                      "--errors", "3"])  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert (figures["articles"], figures["sentences"]) == (3, 9)
    assert {k: v["gold"] for k, v in figures["per_type"].items()} == {
        "ASSAULT": 2, "PROTEST": 2, "CONSULT": 2, "COERCE/arrest": 1}  # fmt: skip
    assert set(figures["halves"]) == {"tune", "held_out"}
    assert figures["failed_articles"] == {}
    for row in figures["errors"]["false_positives"] + figures["errors"]["false_negatives"]:
        assert not row["sentence"].startswith(C)  # the held-out article is never listed


def test_command_table_and_bad_input(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "ace", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "COERCE/arrest" in result.stdout and "macro" in result.stdout
    result = runner.invoke(app, ["eval", "ace", str(tmp_path)])
    assert result.exit_code == 1 and "cannot read m2e2 sentences" in result.output
    (tmp_path / "text_only_event.json").write_text('{"not": "a list"}')
    result = runner.invoke(app, ["eval", "ace", str(tmp_path)])
    assert result.exit_code == 1 and "expected a list of sentences" in result.output
    (tmp_path / "text_only_event.json").write_text('[{"sentence_id": "X_0"}]')
    result = runner.invoke(app, ["eval", "ace", str(tmp_path)])
    assert result.exit_code == 1 and "sentence 0 has no sentence" in result.output


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"m2e2 VOA not found at {SHARED} "
                                                "(shared data absent)")  # fmt: skip
def test_shared_voa_figures():
    articles = ace.read_gold(SHARED)
    found, failed = ace.predict(articles)
    figures = ace.evaluate(articles, found)
    assert not failed
    assert figures["articles"] == 113 and figures["sentences"] == 3060
    for name, part in [("all", figures), *figures["halves"].items(),
                       ("political only", figures["political_only"])]:  # fmt: skip
        per = ", ".join(f"{k} {v['f1']:.2f}" for k, v in part["per_type"].items())
        print(f"\nm2e2 VOA {name}: macro-F1 {part['macro_f1']:.3f} ({per})")
    # floors a little under the figures measured (README has the current ones). The
    # headline counts every detected event (political or not): macro-F1 0.576 (tune 0.647,
    # held out 0.493; plain mapping 0.557); political events only 0.571 (tune 0.642,
    # held out 0.488). Before branch ace3 (its word senses, names, program code): 0.565
    # (tune 0.625, held out 0.490) counting every event, 0.561 political only.
    assert figures["macro_f1"] >= 0.56
    assert figures["halves"]["tune"]["macro_f1"] >= 0.63
    assert figures["halves"]["held_out"]["macro_f1"] >= 0.48
    assert figures["political_only"]["macro_f1"] >= 0.555
    assert figures["halves"]["tune"]["per_type"]["ASSAULT"]["f1"] >= 0.57
    assert figures["halves"]["held_out"]["per_type"]["ASSAULT"]["f1"] >= 0.43
    assert figures["plain_mapping"]["macro_f1"] >= 0.54
    # per type, measured: PROTEST 0.592 (tune 0.672, held out 0.468), CONSULT 0.408
    # (tune 0.469, held out 0.349), COERCE/arrest 0.774 (tune 0.850, held out 0.705)
    floors = {"PROTEST": (0.57, 0.64, 0.44), "CONSULT": (0.39, 0.44, 0.33),
              "COERCE/arrest": (0.75, 0.82, 0.68)}  # fmt: skip
    for label, (whole, tune, held_out) in floors.items():
        assert figures["per_type"][label]["f1"] >= whole, label
        assert figures["halves"]["tune"]["per_type"][label]["f1"] >= tune, label
        assert figures["halves"]["held_out"]["per_type"][label]["f1"] >= held_out, label
