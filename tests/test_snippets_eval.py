"""The snippet scorer (dossier/evaluate/snippets.py) on handmade cases, and the
figures on the ACLED-style snippets written for the tests (tests/data/snippets).

The floors sit a little under what the code measured (see FLOORS), so a change
that loses events or actors on news no rule was written for fails here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate.snippets import (
    Found,
    Snippet,
    actor_matches,
    check,
    read_snippets,
    score,
    score_halves,
)

DATA = Path(__file__).parent / "data" / "snippets" / "snippets.tsv"


def snippet(type_: str, **kw: str) -> Snippet:
    return Snippet(kw.pop("id", "s1"), "text", "Battles", "Armed clash", type_, **kw)


def found(main: str, *types: str, checks: dict | None = None) -> Found:
    return Found(main, list(types) or ([] if main == "NONE" else [main]), main != "NONE",
                 checks or {"source": None, "target": None, "place": None})  # fmt: skip


def test_strict_macro_f1_by_hand():
    rows = [snippet("ASSAULT"), snippet("ASSAULT"), snippet("PROTEST")]
    # the second snippet has ASSAULT among its events, but its main event is COERCE
    figures = score(rows, [found("ASSAULT"), found("COERCE", "COERCE", "ASSAULT"), found("NONE")])
    # ASSAULT: tp 1, fn 1, fp 0 -> F1 2/3; PROTEST: tp 0 -> F1 0
    assert figures["per_type"]["ASSAULT"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["type_macro_f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert figures["type_accuracy"] == pytest.approx(2 / 3, abs=1e-4)  # among the events
    assert figures["any_event"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["confusion"]["PROTEST->NONE"] == 1


def test_actor_match_by_code_or_words():
    assert actor_matches("Sudanese army", "SDN", {"text": "the military", "code": "SDN"})
    assert actor_matches("Islamic State-linked militants", "", {"text": "militants"})
    assert not actor_matches("Gunmen", "", {"text": "Nigerian police", "code": "NGA"})
    assert not actor_matches("Russia", "RUS", {"text": "Russian-speaking", "code": None})


def test_symmetric_sides_may_come_swapped():
    events = [{"type": "ASSAULT", "source": [{"text": "rebels", "code": None}],
               "target": [{"text": "Colombian troops", "code": "COL"}], "location": None}]
    row = snippet("ASSAULT", source_text="Colombian troops", source_code="COL",
                  target_text="rebels", roles="either")  # fmt: skip
    assert check(row, events) == {"source": True, "target": True, "place": None}
    row.roles = "ordered"
    assert check(row, events) == {"source": False, "target": False, "place": None}


def test_halves_follow_the_hash_of_the_id():
    rows = [snippet("ASSAULT", id="1"), snippet("ASSAULT", id="2")]  # 1: held out, 2: tune
    halves = score_halves(rows, [found("NONE"), found("ASSAULT")])
    assert halves["tune"]["type_accuracy"] == 1.0
    assert halves["held_out"]["type_accuracy"] == 0.0


def test_a_row_without_a_type_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("id\ttext\tplover_type\ns1\tSoldiers fired.\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_snippets(path)
    result = CliRunner().invoke(app, ["eval", "snippets", str(path)])
    assert result.exit_code != 0 and "cannot read snippets" in result.output


def test_the_snippet_file_is_well_formed():
    rows = read_snippets(DATA)
    assert len(rows) == 200 and len({r.id for r in rows}) == 200
    assert {r.acled_event_type for r in rows} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians",
        "Protests", "Riots", "Strategic developments"}  # fmt: skip
    assert len({r.acled_sub_event_type for r in rows}) == 23
    assert all(r.roles in ("either", "ordered") for r in rows)


# Measured on this branch (all / tune / held out). First measurement, before any fix:
# any event 0.835 / 0.827 / 0.843, type accuracy 0.695 / 0.704 / 0.686, strict
# macro-F1 0.7605 / 0.6953 / 0.745, source 0.748 / 0.714 / 0.781, target 0.49 / 0.44 /
# 0.54. The floors are a little under the figures after this round's fixes (below).
FLOORS = {  # measured 2026-12-07 (all / tune / held out)
    "any_event": 0.90,  # 0.935 / 0.9796 / 0.8922 (0.93 / 0.9694 / 0.8922 earlier that day)
    "type_accuracy": 0.80,  # 0.835 / 0.898 / 0.7745 (0.815 before the riot rule)
    "type_macro_f1": 0.84,  # 0.8664 / 0.8622 / 0.8041
    "source_accuracy": 0.85,  # 0.8839 / 0.9146 / 0.8493
    "target_accuracy": 0.60,  # 0.6271 / 0.6557 / 0.5965 (0.5508 / 0.541 / 0.5614 before a
    # facility hit was kept as the target, extract/actors/facilities.py)
    "place_accuracy": 0.58,  # 0.609 / 0.6386 / 0.5753 (0.447 before clause_place, 0.553
    # before it entered joined nouns, read purpose clauses and looked six phrases down)
}


@cache
def measured() -> dict:
    result = CliRunner().invoke(app, ["eval", "snippets", str(DATA), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    print("\nsnippets:", json.dumps({k: figures[k] for k in FLOORS}),
          {n: {k: h[k] for k in FLOORS} for n, h in figures["halves"].items()})  # fmt: skip
    return figures


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_snippet_figures_keep_their_floor(key):
    assert measured()[key] >= FLOORS[key]
