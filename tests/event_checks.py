"""Checks the sentence tests share: ``found`` asserts an event of a type whose source
and target hold the given words ("" for none, None for any), ``absent`` that there is
no event of a type; a failure shows every event of the text."""

from __future__ import annotations

from dossier.pipeline import analyze


def show(events) -> list[tuple]:
    return [(e.type, e.mode, [a.text for a in e.source], [a.text for a in e.target],
             e.trigger.text if e.trigger else None) for e in events]  # fmt: skip


def _holds(actors, words: str | None) -> bool:
    if words is None:
        return True
    if words == "":
        return not actors
    return any(words.lower() in a.text.lower() for a in actors)


def found(text: str, etype: str, source: str | None, target: str | None) -> None:
    events = analyze(text, published="2024-06-01").events
    assert any(
        e.type == etype and _holds(e.source, source) and _holds(e.target, target) for e in events
    ), show(events)


def absent(text: str, etype: str) -> None:
    events = analyze(text, published="2024-06-01").events
    assert not [e for e in events if e.type == etype], show(events)
