"""Lifting a veto is a concession, like lifting a ban or sanctions (triggers.tsv's
"lift" row), not the veto itself. Sentences written for this test."""

from __future__ import annotations

from event_rows import event_rows


def test_a_lifted_veto_is_a_concession() -> None:
    rows = event_rows("Turkey lifted its veto on Sweden's NATO membership.")
    assert rows == [("CONCEDE", ["TUR"], ["SWE"], "asserted")], rows


def test_a_veto_not_lifted() -> None:
    rows = event_rows("Turkey will not lift its veto on Sweden's bid.")
    assert ("CONCEDE", ["TUR"], ["SWE"], "negated") in rows, rows
    assert not [r for r in rows if r[0] == "REJECT"], rows


def test_guard_a_veto_cast_is_a_rejection() -> None:
    assert [r[0] for r in event_rows("Russia vetoed the resolution on Syria.")] == ["REJECT"]
