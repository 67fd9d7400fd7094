"""The per-document shortcuts taken for throughput (issue 16) give what the long way gave.

- ``warm.warm_up`` moves the tables it loaded out of the garbage collector's sight;
- ``triggers.possible_triggers`` marks every token ``match`` can find a trigger for;
- ``syntax.children`` (children read once per document) is ``Token.children`` filtered,
  ``syntax.subtree_indices`` the indices of ``Token.subtree``;
- ``annotate.doc_ents`` follows a Doc whose entities change;
- ``names.Relatives`` finds the names ``_related`` finds;
- ``syntax.text_span`` is the text and offsets of ``doc[start:end]``;
- ``places._resolve_all`` chooses what the pairwise reading of the evidence chose.
"""

from __future__ import annotations

import gc
from collections import Counter
from itertools import product

from spacy.tokens import Span

from dossier.annotate import annotate, doc_ents
from dossier.extract.syntax import children, subtree_indices, text_span
from dossier.extract.triggers import match, possible_triggers
from dossier.resolve import places
from dossier.resolve.context import _context_of
from dossier.resolve.names import Relatives, _related

TEXT = (
    "Kenyan police arrested twelve protesters outside parliament in Nairobi on Monday. "
    "Germany pledged 500 million euros in humanitarian aid to Sudan, its minister said.\n\n"
    "Talks between the two sides, which were held in Doha, ended without a deal. "
    "According to officials, the jets were delivered by Russia and were later used. "
    "The children smiled and sang while their parents cooked dinner."
)


def test_warm_up_freezes_what_it_loaded() -> None:
    from dossier.warm import warm_up

    warm_up()
    assert gc.get_freeze_count() > 0


def test_tokens_left_out_before_match_are_never_triggers() -> None:
    doc = annotate(TEXT)
    possible = possible_triggers(doc)
    assert len(possible) == len(doc)
    found = [token.i for token in doc if match(token, set()) is not None]
    assert found and all(possible[i] for i in found)
    assert not any(possible[token.i] for token in doc if token.text in ("smiled", "sang"))


def test_children_are_token_children_of_those_labels() -> None:
    doc = annotate(TEXT)
    labels = sorted({token.dep_ for token in doc})
    for token in doc:
        assert [c.i for c in children(token, *labels)] == [c.i for c in token.children]
        for label in ("nsubj", "prep", "dobj", "conj"):
            want = [c.i for c in token.children if c.dep_ == label]
            assert [c.i for c in children(token, label)] == want
    other = annotate("Iran sent drones to Russia.")  # the next document is read anew
    assert [c.text for c in children(other[1], "nsubj", "dobj")] == ["Iran", "drones"]


def test_subtree_indices_are_the_subtree_in_its_order() -> None:
    doc = annotate(TEXT)
    for token in doc:
        assert subtree_indices(token) == [t.i for t in token.subtree]


def test_doc_ents_follow_a_change_of_entities() -> None:
    doc = annotate("Russia struck Kharkiv on Monday.")
    first = doc_ents(doc)
    assert first == doc.ents and doc_ents(doc) is first
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert [(e.text, e.label_) for e in doc_ents(doc)] == [("Russia", "ORG")]


def test_relatives_are_the_related_names() -> None:
    names = ["Georgia", "Northeast Georgia", "Dublin", "Dublin City", "Paris", "Paris, Texas",
             "St. Louis", "Saint Louis", "Kursk Oblast", "Kursk", "New York", "York", ""]
    relatives = Relatives(names)
    for one in [*names, "South Georgia", "Dublin City Council"]:
        assert relatives.of(one) == {other for other in names if _related(other, one)}, one


def test_text_span_is_the_spans_text() -> None:
    doc = annotate(TEXT)
    for start, end in product(range(0, len(doc), 7), range(1, len(doc), 5)):
        span = doc[start:end]
        got = text_span(doc, start, end)
        assert (got.text, got.start, got.end) == (span.text, span.start_char, span.end_char)


def _resolve_all_pairwise(texts, evidence, context, qualified, nearness):  # type: ignore[no-untyped-def]
    """``_resolve_all`` as it was written first: every name against every other."""
    chosen = {}
    given = [c for c in context if c]
    said = list(dict.fromkeys(item.text for item in evidence))
    for text in dict.fromkeys(texts):
        unrelated = {other for other in said if not _related(other, text)}
        kept = [item for item in evidence if item.text in unrelated]
        support: Counter[str] = Counter(given)
        for item in kept:
            if item.country:
                support[item.country] += 1
            if item.admin1:
                support[item.admin1] += 1
        support.update(nearness.get(text, {}))
        found = _context_of(kept, None)
        ctx = tuple(dict.fromkeys([*given, *found.countries]))
        chosen[text] = places._resolve(qualified.get(text, text), ctx, found.admin1, support)
    return chosen


def test_resolve_all_chooses_what_the_pairwise_reading_chose() -> None:
    stories = [
        (["Paris", "Tennessee", "Henry County", "Georgia", "Atlanta"], "Paris, Tenn. -- news."),
        (["Georgia", "Tbilisi", "Russia", "Northeast Georgia"], None),
        (["Columbus", "Cleveland", "Springfield", "Danville", "Ohio"], "Columbus, Ohio --"),
        (["Dublin", "Dublin City", "Ireland", "Cork"], None),
    ]
    for texts, document in stories:
        evidence = places._evidence(texts, document, places.READINGS)
        qualified = places._qualified(texts, document, places.READINGS)
        nearness = places._nearness(texts)
        for context in ((), ("USA",), ("IRL", "GBR")):
            want = _resolve_all_pairwise(texts, evidence, context, qualified, nearness)
            assert places._resolve_all(texts, evidence, context, qualified, nearness) == want
