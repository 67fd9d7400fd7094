"""Score event coding against PLOVER gold standard records (``dossier eval plover``).

A gold file is JSON: ``{"records": [...]}`` (or a bare list), each record with
``text``, ``date`` (used as the publication date), ``event`` (PLOVER type),
optional ``mode``, and ``source``/``target`` as lists of ``{"actorText",
"code"}``.  For each record Dossier extracts events from ``text`` and its
*main* event (the one whose trigger is highest in the sentence's parse, i.e.
nearest the root) is compared with the gold one.

Figures:

- type: accuracy, per-type precision/recall/F1, macro-F1 over the gold types
  present, confusion counts.  A sentence without events predicts ``NONE``.
- source/target: exact-set accuracy of state codes (ISO 3166-1 alpha-3), over
  the records whose gold has at least one state code in that role.  Actors
  are coded as PLOVER codes them (see ``predict``): organisations and people
  by their state, generic actors ("demonstrators", "the minister") by the
  event's place or the one state the text names, an untargeted event by its
  place, the governed event ("threatened to impose a curfew in Algiers") or,
  for coercion, concessions and protests, the source's own country.
- mode: accuracy over the records whose gold gives a mode.
- extra events: the share of records where Dossier reports an event of a
  type other than the gold one that is not linked, directly or through other
  events, to an event of the gold type (as its content, condition, purpose,
  time, promise or part).

Hash halves: every record falls in the "tune" or the "held_out" half by the
sha256 of its id (first byte even: tune).  ``score_halves`` gives the same
figures for each half; errors are looked at on the tune half only, so the
held-out half stays a check on rules that generalise (issue 15).

>>> half("1"), half("2")
('held_out', 'tune')
>>> gold = [Gold("1", "x", None, "AGREE", None, {"USA"}, {"JOR"}, True, True)]
>>> pred = [Prediction("AGREE", None, {"USA"}, {"JOR"}, extra=False)]
>>> score(gold, pred)["type_macro_f1"]
1.0
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier import gazetteer

# Types of the 2016 PLOVER draft used by the gold standard records, mapped to
# the types of PLOVER draft 0.8 (2021, see reference/CAMEO2PLOVER-2021.txt)
# that Dossier codes to.  Types not listed are the same in both.
OLD_TYPES = {
    "FIGHT": "ASSAULT",  # armed clashes are ASSAULT (mode: heavy-weapons, aerial, ...)
    "DEMAND": "REQUEST",  # demands are requests
    "DISAPPROVE": "ACCUSE",  # criticism is ACCUSE (mode disapprove)
    "INVESTIGATE": "ACCUSE",  # investigations are ACCUSE (mode investigate)
    "YIELD": "CONCEDE",
    "ENGAGE": "COOPERATE",
}
# Modes of the 2016 draft that distinguish organised from spontaneous action,
# mapped to the single modes Dossier uses.
OLD_MODES = {
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-org": "riot",
    "riot-spon": "riot",
    "strike-gen": "strike",
    "strike-hunger": "hunger",
    "confiscate": "seize",
    "assassinate": "assassinate",
}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.  Codes that name no
# state (IGO, NGO, IMG, ISM, ...) are left out of the state sets.
CAMEO_TO_ISO3 = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "GMY": "DEU",
    "KOS": "XKX",
    "SER": "SRB",
    "UK": "GBR",
    "BHM": "BHS",
    "ZAR": "COD",
    "TMP": "TLS",
    "PAL": "PSE",
}
NONE = "NONE"


@dataclass
class Gold:
    id: str
    text: str
    date: str | None
    event: str
    mode: str | None
    source: set[str]
    target: set[str]
    source_scored: bool  # the gold has a state code in that role
    target_scored: bool


@dataclass
class Prediction:
    event: str
    mode: str | None
    source: set[str]
    target: set[str]
    extra: bool = False
    events: list[dict[str, Any]] = field(default_factory=list)


def state_code(code: str | None) -> str | None:
    """The ISO3 code for a gold (CAMEO) code, or None when it names no state."""
    if not code:
        return None
    code = CAMEO_TO_ISO3.get(code.upper(), code.upper())
    return code if gazetteer.state(code) is not None else None


def _states(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {c for a in actors if isinstance(a, dict) and (c := state_code(a.get("code")))}


def read_gold(path: str | Path) -> list[Gold]:
    """The records of a PLOVER gold standard file, types mapped to current PLOVER."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    records = data["records"] if isinstance(data, dict) else data
    out = []
    for i, r in enumerate(records):
        if not r.get("text") or not r.get("event"):
            raise ValueError(f"{path}: record {i} has no text or no event")
        event = r["event"].upper()
        source, target = _states(r.get("source")), _states(r.get("target"))
        out.append(
            Gold(
                id=str(r.get("id", i)),
                text=r["text"],
                date=(r.get("date") or None),
                event=OLD_TYPES.get(event, event),
                mode=OLD_MODES.get(r.get("mode") or "", r.get("mode") or None),
                source=source,
                target=target,
                source_scored=bool(source),
                target_scored=bool(target),
            )
        )
    return out


def predict(gold: Gold) -> Prediction:
    """Run Dossier on one gold sentence and pick its main event."""
    from dossier.annotate import annotate
    from dossier.ingest import Article, load_document
    from dossier.pipeline import masked_text, process

    document = load_document(
        Article(text=gold.text, published=gold.date, origin=gold.id), check_language=False
    )
    doc = annotate(masked_text(document))
    events = [e.to_dict() for e in process(document, doc).events]
    events = [{**e, "type": plover_type(e)} for e in events]
    by_id = {e["id"]: e for e in events}
    if not events:
        return Prediction(NONE, None, set(), set())

    def depth(event: dict[str, Any]) -> tuple[int, int]:
        trigger = event["trigger"]
        span = doc.char_span(trigger["start"], trigger["end"], alignment_mode="expand")
        token, hops = span.root, 0
        while token.head.i != token.i and hops < 50:
            token, hops = token.head, hops + 1
        return hops, trigger["start"]

    def linked(event: dict[str, Any], *relations: str) -> list[dict[str, Any]]:
        return [by_id[link["event"]] for link in event["links"]
                if link["relation"] in relations and link["event"] in by_id]

    main = min(events, key=depth)
    ordered = linked(main, "content")
    is_order = main["trigger"]["text"].lower().startswith("order")
    if main["type"] == "REQUEST" and is_order and ordered:
        # "the government ordered patrols by police": PLOVER codes what was ordered
        main = {**main, "type": ordered[0]["type"], "mode": ordered[0]["mode"]}
    related = _linked_to(events, {e["id"] for e in events if e["type"] == gold.event})
    extra = any(e["type"] != gold.event and e["id"] not in related for e in events)
    place = (main.get("location") or {}).get("country")
    source = actor_states(main["source"])
    generic = main["source"] and not any(a["code"] for a in main["source"])
    if not source and generic and place:
        source = {place}  # "prisoners rioted at a jail in Dili": people of the place
    target = actor_states(main["target"])
    if not target and main["type"] == "THREATEN":
        # "... unless Baghdad accepts", "... if Hamas runs": who the condition is about
        target = _condition_states(main)
        for event in linked(main, "condition"):
            target = target or actor_states(event["source"])
    inner = linked(main, "content", "condition", "purpose")
    for event in inner:  # "threatened to ban voting if Hamas runs": Hamas is threatened
        if not target and main["type"] == "THREATEN":
            target = _condition_states(event)
    for event in inner:  # "threatened to impose a curfew in Algiers"
        if not target:
            target = actor_states(event["target"]) or (
                {(event.get("location") or {}).get("country")} - {None}
            )
    if not target and place:
        target = {place}  # PLOVER: where it happens is its target
    if not source and not main["source"] and place and main["type"] in UNATTRIBUTED_TYPES:
        source = {place}  # "a roadside bomb near Samarra killed ...": coded by where
    story = _story_countries(events) | _named_countries(doc)
    if not source and generic and len(story) == 1:
        source = set(story)  # "the Federal Minister ...": the one country the text is about
    if not target and len(story) == 1:
        target = set(story)  # a domestic event: the one country the text names
    if not target and len(source) == 1 and (main["target"] or main["type"] in DOMESTIC_TYPES):
        target = set(source)  # domestic: "the army arrested opposition activists"
    return Prediction(
        event=main["type"],
        mode=main["mode"],
        source=source,
        target=target,
        extra=extra,
        events=events,
    )


# Material event types a statement of intent can be about.
INTENT_TYPES = frozenset("AID RETREAT CONCEDE CONSULT COOPERATE SUPPORT".split())
# Cooperative types whose refusal or failure PLOVER codes as REJECT.
COOPERATIVE_TYPES = INTENT_TYPES | {"AGREE"}


def plover_type(event: dict[str, Any]) -> str:
    """The PLOVER type of a Dossier record under PLOVER's coding conventions.

    Dossier keeps the material event and says how certain it is; PLOVER codes
    intent and conditions as their own types (CAMEO 03 "express intent to" is
    AGREE, an action made conditional on the target's behaviour is THREATEN):

    - "X will withdraw its troops unless Y ..." -> THREATEN
    - "X will evacuate the settlements", "X is ready to contribute troops" -> AGREE
    - "X failed to reach agreement", "X will not accept refugees" -> REJECT
    - "the government ordered patrols by police" -> the ordered event (in ``predict``)
    """
    if event["type"] in COOPERATIVE_TYPES and event["factuality"] == "negated":
        return "REJECT"  # "failed to reach agreement", "will not accept refugees"
    condition = event.get("condition") or {}
    if condition.get("marker") in ("unless", "until") and event["factuality"] in (
        "planned",
        "hypothetical",
    ):
        return "THREATEN"
    if event["type"] in INTENT_TYPES and event["factuality"] == "planned":
        governed = any(link["relation"] == "content_of" for link in event["links"])
        if not governed:
            return "AGREE"
    return event["type"]


# Types whose target, when none is named, is the source's own country
# ("Sudan lifted the state of emergency").
DOMESTIC_TYPES = frozenset("COERCE CONCEDE PROTEST".split())
# Types whose perpetrator, when the text names none, is coded by the place.
UNATTRIBUTED_TYPES = frozenset("ASSAULT COERCE PROTEST".split())


def actor_states(actors: list[dict[str, Any]]) -> set[str]:
    """State codes of actors as PLOVER codes them: a state, or the state an
    organisation or person belongs to (Hamas -> PSE, the Kremlin -> RUS)."""
    out = set()
    for actor in actors:
        code = state_code(actor.get("code")) or state_code(actor.get("country"))
        if code:
            out.add(code)
    return out


def _condition_states(event: dict[str, Any]) -> set[str]:
    """States of the actors an event's condition is about."""
    return actor_states((event.get("condition") or {}).get("actors") or [])


def _story_countries(events: list[dict[str, Any]]) -> set[str]:
    """Every state the events of a text name, as actors or places."""
    out: set[str] = set()
    for event in events:
        out |= actor_states(event["source"]) | actor_states(event["target"])
        place = (event.get("location") or {}).get("country")
        if place:
            out.add(place)
    return out


def _named_countries(doc: Any) -> set[str]:
    """States a parsed text names: states, demonyms, capitals, and places' countries."""
    from dossier.resolve.places import resolve_place

    out: set[str] = set()
    for ent in doc.ents:
        if ent.ent_id_.startswith("state:"):
            out.add(ent.ent_id_.split(":", 1)[1])
        elif ent.ent_id_.startswith("place:"):
            place = resolve_place(ent.text)
            if place is not None and place.country:
                out.add(place.country)
    return out


def _linked_to(events: list[dict[str, Any]], ids: set[str]) -> set[str]:
    """``ids`` and every event connected to them by links, directly or through others."""
    neighbours: dict[str, set[str]] = {e["id"]: set() for e in events}
    for event in events:
        for link in event["links"]:
            if link["event"] in neighbours:
                neighbours[event["id"]].add(link["event"])
                neighbours[link["event"]].add(event["id"])
    seen, todo = set(ids), list(ids)
    while todo:
        for other in neighbours.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(golds: list[Gold], predictions: list[Prediction]) -> dict[str, Any]:
    """All figures for paired gold records and predictions."""
    pairs = list(zip(golds, predictions, strict=True))
    types = sorted({g.event for g in golds})
    confusion: Counter[tuple[str, str]] = Counter((g.event, p.event) for g, p in pairs)
    per_type = {}
    for t in types:
        tp = confusion[(t, t)]
        fp = sum(n for (g, p), n in confusion.items() if p == t and g != t)
        fn = sum(n for (g, p), n in confusion.items() if g == t and p != t)
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
        per_type[t] = {
            "gold": tp + fn,
            "predicted": tp + fp,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    sources = [(g, p) for g, p in pairs if g.source_scored]
    targets = [(g, p) for g, p in pairs if g.target_scored]
    modes = [(g, p) for g, p in pairs if g.mode]
    return {
        "records": len(pairs),
        "type_accuracy": round(_ratio(sum(g.event == p.event for g, p in pairs), len(pairs)), 4),
        "type_macro_f1": round(sum(v["f1"] for v in per_type.values()) / len(per_type), 4)
        if per_type
        else 0.0,
        "source_accuracy": round(
            _ratio(sum(g.source == p.source for g, p in sources), len(sources)), 4
        ),
        "source_records": len(sources),
        "target_accuracy": round(
            _ratio(sum(g.target == p.target for g, p in targets), len(targets)), 4
        ),
        "target_records": len(targets),
        "mode_accuracy": round(_ratio(sum(g.mode == p.mode for g, p in modes), len(modes)), 4),
        "mode_records": len(modes),
        "extra_event_rate": round(_ratio(sum(p.extra for _, p in pairs), len(pairs)), 4),
        "per_type": per_type,
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
    }


HALVES = ("tune", "held_out")


def half(record_id: str) -> str:
    """The hash half of a record: "tune" when the first byte of the sha256 of
    its id is even, else "held_out".  Stable across runs and machines."""
    first = hashlib.sha256(record_id.encode("utf-8")).digest()[0]
    return HALVES[first % 2]


def score_halves(golds: list[Gold], predictions: list[Prediction]) -> dict[str, Any]:
    """``score`` for each hash half, keyed "tune" and "held_out" (an empty half
    gives ``{"records": 0}``)."""
    out: dict[str, Any] = {}
    for name in HALVES:
        pairs = [(g, p) for g, p in zip(golds, predictions, strict=True) if half(g.id) == name]
        if pairs:
            out[name] = score([g for g, _ in pairs], [p for _, p in pairs])
        else:
            out[name] = {"records": 0}
    return out


def disagreements(golds: list[Gold], predictions: list[Prediction]) -> list[dict[str, Any]]:
    """Records where Dossier and the gold disagree, worst first (type, then actors)."""
    rows = []
    for g, p in zip(golds, predictions, strict=True):
        badness = 2 * (g.event != p.event)
        badness += g.source_scored and g.source != p.source
        badness += g.target_scored and g.target != p.target
        badness += p.extra
        if badness:
            rows.append(
                {
                    "badness": int(badness),
                    "id": g.id,
                    "text": g.text,
                    "gold": {
                        "event": g.event,
                        "source": sorted(g.source),
                        "target": sorted(g.target),
                    },
                    "predicted": {
                        "event": p.event,
                        "source": sorted(p.source),
                        "target": sorted(p.target),
                        "all": [
                            f"{e['type']} {[a['code'] or a['text'] for a in e['source']]}"
                            f"->{[a['code'] or a['text'] for a in e['target']]}"
                            for e in p.events
                        ],
                    },
                }
            )
    rows.sort(key=lambda r: -r["badness"])
    return rows
