"""Evaluate factuality on MEANTIME (NewsReader) event mentions: ``dossier eval factuality DIR``.

MEANTIME annotates every event mention of 120 Wikinews articles with
certainty, polarity and time. Each mention is mapped to one of our values by
this table (first matching row wins):

==============================  ============
MEANTIME                        Dossier
==============================  ============
polarity NEG                    negated
certainty POSSIBLE              possible
certainty PROBABLE              likely
time FUTURE                     planned
anything else                   asserted
==============================  ============

MEANTIME has no value for a conditional event. It marks the event of an
"if" or "unless" clause as time FUTURE with certainty and polarity
UNDERSPECIFIED ("unless the companies can reinvent themselves", "if a price
is not agreed on"), which the table above scores as ``planned``; so our
``hypothetical`` is scored as ``planned`` too (``scored_value``). Giving
UNDERSPECIFIED mentions a gold value of their own would not do: most of them
are not conditionals but events the annotators left open ("Penske was
selected to buy Saturn").

The article is rebuilt from its tokens (one sentence a line), parsed with
Dossier's pipeline, and ``dossier.extract.factuality.factuality`` is asked
about the token of each event mention: the same function that gives every
extracted event its factuality, scored on all annotated events whether or
not the extractor would code them.

>>> gold_value({"polarity": "NEG", "certainty": "CERTAIN", "time": "FUTURE"})
'negated'
>>> gold_value({"polarity": "POS", "certainty": "CERTAIN", "time": "FUTURE"})
'planned'
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'re", "'ve", "'ll", "'d",
                   "%", "'"}  # fmt: skip
NO_SPACE_AFTER = {"(", "[", "$"}


@dataclass
class GoldMention:
    start: int  # character offsets in the rebuilt text
    end: int
    value: str
    pred: str


@dataclass
class GoldDocument:
    name: str
    text: str
    mentions: list[GoldMention]


def gold_value(attributes: dict[str, str]) -> str:
    """Our factuality value for a MEANTIME event mention (see the table above)."""
    if attributes.get("polarity") == "NEG":
        return "negated"
    certainty = attributes.get("certainty")
    if certainty == "POSSIBLE":
        return "possible"
    if certainty == "PROBABLE":
        return "likely"
    if attributes.get("time") == "FUTURE":
        return "planned"
    return "asserted"


def scored_value(value: str) -> str:
    """Our factuality value as MEANTIME can grade it (see above: hypothetical -> planned).

    >>> scored_value("hypothetical"), scored_value("negated")
    ('planned', 'negated')
    """
    return "planned" if value == "hypothetical" else value


def read_document(path: Path) -> GoldDocument:
    """One MEANTIME CAT XML file: its text rebuilt from the tokens, and its event mentions."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    sentence = None
    previous = ""
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            pieces.append("\n")
            length += 1
        elif pieces and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            pieces.append(" ")
            length += 1
        offsets[token.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        sentence, previous = token.get("sentence"), word
    mentions = []
    markables = root.find("Markables")
    for mention in markables.iter("EVENT_MENTION") if markables is not None else ():
        anchors = [offsets[a.get("t_id", "")] for a in mention.iter("token_anchor")
                   if a.get("t_id") in offsets]  # fmt: skip
        if not anchors:
            continue
        mentions.append(GoldMention(
            start=min(a[0] for a in anchors), end=max(a[1] for a in anchors),
            value=gold_value(mention.attrib), pred=mention.get("pred", ""),
        ))  # fmt: skip
    return GoldDocument(name=path.stem, text="".join(pieces), mentions=mentions)


def read_corpus(paths: Iterable[Path | str]) -> Iterator[GoldDocument]:
    """MEANTIME documents under the given folders (or files), in name order."""
    for raw in paths:
        path = Path(raw)
        files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
        for file in files:
            yield read_document(file)


def predict(document: GoldDocument) -> list[str]:
    """Dossier's factuality for each gold mention of ``document``, in order."""
    from dossier.annotate import annotate
    from dossier.extract.factuality import factuality

    doc = annotate(document.text)
    values = []
    for mention in document.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        value = factuality(span.root) if span is not None and len(span) else "asserted"
        values.append(scored_value(value))
    return values


def score(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the gold values, and per-value figures."""
    labels = sorted(set(gold))
    per_value = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_value[label] = {"gold": tp + fn, "predicted": tp + fp, "precision": round(precision, 4),
                            "recall": round(recall, 4), "f1": round(f1, 4)}  # fmt: skip
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "mentions": len(gold),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per_value.values()) / len(labels), 4)
        if labels else 0.0,
        "per_value": per_value,
        "confusion": dict(Counter(f"{g}->{p}" for g, p in zip(gold, predicted, strict=True))),
    }
