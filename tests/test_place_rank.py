"""The rank stage's table: same-named places are compared by ``rank.FEATURES`` in
order, and the numbers are ``weights.WEIGHTS`` (changing either changes the choice)."""

from __future__ import annotations

from dataclasses import replace

from dossier.resolve import rank, weights
from dossier.resolve.candidates import _candidates


def test_the_features_decide_in_the_order_of_the_table(monkeypatch):
    paris = _candidates("Paris", False)
    # a story that names Texas: its subdivision comes before size
    assert rank._choose(paris, ("USA",), admins=("US.TX",)).country == "USA"
    monkeypatch.setattr(rank, "FEATURES", (("importance", rank._size),))
    assert rank._choose(paris, ("USA",), admins=("US.TX",)).country == "FRA"


def test_a_capital_counts_its_weight_times_its_people(monkeypatch):
    washington = _candidates("Washington", False)
    chosen = rank._choose(washington, ())
    assert chosen.kind == "city" and chosen.capital  # the capital before the state
    monkeypatch.setattr(weights, "WEIGHTS", replace(weights.WEIGHTS, capital=1.0))
    assert rank._choose(washington, ()).kind == "admin1"

