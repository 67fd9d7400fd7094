"""Score extraction on ACLED-style news snippets (``dossier eval snippets``).

A snippet file is tab-separated with a header (``tests/data/snippets/README.md``):
``id``, ``text``, ``acled_event_type``, ``acled_sub_event_type``, ``plover_type``,
``plover_mode``, ``source_text``, ``source_code``, ``target_text``,
``target_code``, ``roles`` (``either`` when the two sides may come in either
order) and ``place``.  Each snippet is extracted on its own, as
``dossier eval plover`` extracts a record (``plover.predict``: the same types
under PLOVER's conventions, the same *main* event nearest the root of the
parse).

Figures, for all snippets and for each hash half (``plover.half`` of the id:
first sha256 byte even is "tune", odd "held_out"):

- ``any_event``: the share of snippets with at least one event;
  ``any_political_event``: with at least one event ``dossier extract`` shows
  by default (its ``political`` field).
- ``type_accuracy``: the share whose expected PLOVER type is among the
  snippet's events.
- ``type_macro_f1`` (strict): one label per snippet, the type of its main
  event (``NONE`` without events), scored against the expected type: F1 per
  expected type, averaged.
- ``source_accuracy``/``target_accuracy``: over the snippets whose expected
  type was found and whose row names that actor, the share where an event of
  that type has a matching actor (``actor_matches``); ``roles: either``
  accepts the two sides swapped.
- ``place_accuracy``: likewise, the event's location text holds the row's place.

>>> actor_matches("Malian army", "MLI", {"text": "the army", "code": "MLI"})
True
>>> actor_matches("suspected jihadists", "", {"text": "jihadists", "code": None})
True
>>> actor_matches("Gunmen", "", {"text": "police", "code": "NGA"})
False
>>> score([Snippet("s1", "x", "Battles", "Armed clash", "ASSAULT")],
...       [Found("ASSAULT", ["ASSAULT"], True, {})])["type_macro_f1"]
1.0
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.evaluate import plover

COLUMNS = ("id", "text", "acled_event_type", "acled_sub_event_type", "plover_type",
           "plover_mode", "source_text", "source_code", "target_text", "target_code",
           "roles", "place")  # fmt: skip
HALVES = plover.HALVES
NONE = plover.NONE


@dataclass
class Snippet:
    id: str
    text: str
    acled_event_type: str
    acled_sub_event_type: str
    plover_type: str
    plover_mode: str = ""
    source_text: str = ""
    source_code: str = ""
    target_text: str = ""
    target_code: str = ""
    roles: str = "ordered"
    place: str = ""


@dataclass
class Found:
    main: str  # the main event's type, NONE without events
    types: list[str]  # the types of every event
    political: bool  # some event is political (shown by default)
    checks: dict[str, bool | None]  # source/target/place right, wrong or not checked
    events: list[dict[str, Any]] = field(default_factory=list)


def read_snippets(path: str | Path) -> list[Snippet]:
    """The rows of a snippet file; a row without id, text or type is an error."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out = []
    for n, row in enumerate(rows, start=2):
        if not row.get("id") or not row.get("text") or not row.get("plover_type"):
            raise ValueError(f"{path}: line {n} has no id, text or plover_type")
        fields = {k: (row.get(k) or "").strip() for k in COLUMNS}
        out.append(Snippet(**{**fields, "roles": fields["roles"] or "ordered"}))
    return out


_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.I)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ARTICLES.sub("", text.lower().replace("'s", "")))


def actor_matches(text: str, code: str, actor: dict[str, Any]) -> bool:
    """Whether a Dossier actor is the expected one: the same state code, or one
    text holds the other word for word ("suspected jihadists" / "jihadists")."""
    if code and actor.get("code") == code:
        return True
    want, got = _words(text), _words(actor.get("text") or "")
    if not want or not got:
        return False
    short, long = sorted((want, got), key=len)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _side(events: list[dict[str, Any]], role: str, text: str, code: str, either: bool) -> bool:
    roles = ("source", "target") if either else (role,)
    return any(actor_matches(text, code, a) for e in events for r in roles for a in e[r])


def check(snippet: Snippet, events: list[dict[str, Any]]) -> dict[str, bool | None]:
    """Source, target and place of the events of the expected type: right, wrong,
    or None when the row names none or no event has the expected type."""
    same = [e for e in events if e["type"] == snippet.plover_type]
    either = snippet.roles == "either"
    out: dict[str, bool | None] = {}
    for role, text, code in (("source", snippet.source_text, snippet.source_code),
                             ("target", snippet.target_text, snippet.target_code)):
        out[role] = _side(same, role, text, code, either) if same and text else None
    place = snippet.place.lower()
    out["place"] = (
        any(place in ((e.get("location") or {}).get("text") or "").lower() for e in same)
        if same and place else None
    )  # fmt: skip
    return out


def predict(snippet: Snippet) -> Found:
    """Extract one snippet as ``dossier eval plover`` extracts a record."""
    gold = plover.Gold(snippet.id, snippet.text, None, snippet.plover_type,
                       snippet.plover_mode or None, set(), set(), False, False)  # fmt: skip
    prediction = plover.predict(gold)
    events = prediction.events
    return Found(
        main=prediction.event,
        types=[e["type"] for e in events],
        political=any(e.get("political", True) for e in events),
        checks=check(snippet, events),
        events=events,
    )


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score(snippets: list[Snippet], found: list[Found]) -> dict[str, Any]:
    """All figures for paired snippets and predictions."""
    pairs = list(zip(snippets, found, strict=True))
    confusion: Counter[tuple[str, str]] = Counter((s.plover_type, f.main) for s, f in pairs)
    per_type: dict[str, dict[str, Any]] = {}
    for t in sorted({s.plover_type for s in snippets}):
        tp = confusion[(t, t)]
        fp = sum(n for (g, p), n in confusion.items() if p == t and g != t)
        fn = sum(n for (g, p), n in confusion.items() if g == t and p != t)
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        found_in = sum(s.plover_type == t and t in f.types for s, f in pairs)
        per_type[t] = {"gold": tp + fn, "predicted": tp + fp, "precision": precision,
                       "recall": recall, "f1": f1, "among_events": found_in}  # fmt: skip
    by_acled: dict[str, dict[str, Any]] = {}
    for name in sorted({s.acled_event_type for s in snippets}):
        rows = [(s, f) for s, f in pairs if s.acled_event_type == name]
        by_acled[name] = {
            "snippets": len(rows),
            "any_event": _ratio(sum(bool(f.types) for _, f in rows), len(rows)),
            "type_accuracy": _ratio(sum(s.plover_type in f.types for s, f in rows), len(rows)),
        }
    figures: dict[str, Any] = {
        "snippets": len(pairs),
        "any_event": _ratio(sum(bool(f.types) for _, f in pairs), len(pairs)),
        "any_political_event": _ratio(sum(f.political for _, f in pairs), len(pairs)),
        "type_accuracy": _ratio(sum(s.plover_type in f.types for s, f in pairs), len(pairs)),
        "type_macro_f1": round(sum(v["f1"] for v in per_type.values()) / len(per_type), 4)
        if per_type else 0.0,
    }  # fmt: skip
    for key in ("source", "target", "place"):
        scored = [f.checks[key] for _, f in pairs if f.checks.get(key) is not None]
        figures[f"{key}_accuracy"] = _ratio(sum(bool(v) for v in scored), len(scored))
        figures[f"{key}_scored"] = len(scored)
    figures["per_type"] = per_type
    figures["by_acled_event_type"] = by_acled
    figures["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}
    return figures


def score_halves(snippets: list[Snippet], found: list[Found]) -> dict[str, Any]:
    """``score`` for each hash half ("tune", "held_out") of the snippet ids."""
    out: dict[str, Any] = {}
    for name in HALVES:
        pairs = [(s, f) for s, f in zip(snippets, found, strict=True) if plover.half(s.id) == name]
        out[name] = score([s for s, _ in pairs], [f for _, f in pairs]) if pairs else {
            "snippets": 0}  # fmt: skip
    return out


def _actors(actors: list[dict[str, Any]]) -> list[str]:
    return [f"{a.get('text')}/{a.get('code') or '-'}" for a in actors]


def errors(snippets: list[Snippet], found: list[Found], limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` snippets of the tune half that miss the expected type or
    get an actor or place wrong, with what Dossier found (the held-out half is
    never listed)."""
    rows = []
    for s, f in zip(snippets, found, strict=True):
        if plover.half(s.id) != "tune":
            continue
        wrong = [k for k, v in f.checks.items() if v is False]
        if s.plover_type in f.types and f.main == s.plover_type and not wrong:
            continue
        rows.append({
            "id": s.id, "text": s.text, "acled": f"{s.acled_event_type}: {s.acled_sub_event_type}",
            "expected": f"{s.plover_type} {s.source_text or '-'}/{s.source_code or '-'} -> "
                        f"{s.target_text or '-'}/{s.target_code or '-'} @ {s.place or '-'}",
            "main": f.main, "wrong": wrong,
            "events": [f"{e['type']}/{e.get('mode') or '-'} {_actors(e['source'])} -> "
                       f"{_actors(e['target'])} trigger={e['trigger']['text']!r} "
                       f"at={(e.get('location') or {}).get('text')!r}" for e in f.events],
        })  # fmt: skip
    return rows[:limit]
