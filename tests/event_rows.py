"""What the rule tests compare: each event of a text as (type, source, target,
factuality), an actor by its code, else by its text."""

from __future__ import annotations

from dossier import analyze

Row = tuple[str, list[str], list[str], str]


def event_rows(text: str, published: str = "2024-05-02") -> list[Row]:
    return [(e.type, [a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             e.factuality)
            for e in analyze(text, published=published).events]  # fmt: skip
