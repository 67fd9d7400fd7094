"""Sources: which reports are independent, and what a fused event says.

Independent sources are independent documents: every article reporting the
event counts once, and all copies of one article (wire copies, reprints,
syndications) count once together.  People quoted inside one article are
not sources of their own: an article citing a minister and a spokesman is
one report.  Copies are found with MinHash signatures of word 5-gram
shingles of the article's body, its boilerplate (``document.removed``:
cross-links, newsletter and social lines) left out, and an LSH index
(datasketch): two articles are copies when their estimated Jaccard
similarity is at least ``COPY_JACCARD``, or when nearly all of the shorter
one is in the longer (containment of at least ``COPY_CONTAINMENT``: a copy
that drops paragraphs or adds a local one).

``independent_sources`` counts the groups left, leaving out passing mentions
in articles about another event of the same kind.  The fused event's
``factuality`` is the value backed by the most independent sources (ties:
the more certain value first, in ``FACTUALITY_ORDER``), and
``contradictions`` names pairs of mentions that disagree: one asserts (or
plans, or finds likely) what another negates, or two give different
quantities of the same item.

>>> wire = ("Russia will supply MiG-29 jets to North Korea, the US admiral said on Tuesday, "
...         "in a deal that would give Pyongyang its first modern fighters in decades.")
>>> a, b = signature(wire), signature("READ: Other news\\n" + wire + " Moscow did not comment.",
...                                   removed=[{"start": 0, "end": 16}])
>>> copy_groups({"doc_a": a, "doc_b": b, "doc_c": signature("Something else entirely.")})
{'doc_a': 'doc_a', 'doc_b': 'doc_a', 'doc_c': 'doc_c'}
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dossier.fuse.cluster import first_key, fused_id
from dossier.fuse.match import POSITIVE, Mention, anchored, place_words, same_wording

NUM_PERM = 128
SHINGLE = 5
COPY_JACCARD = 0.5
# Nearly all of the shorter article's shingles are in the longer one: a copy
# with lines dropped or added.  Only for articles of at least MIN_SHINGLES
# shingles (a two-line item is contained in many stories).
COPY_CONTAINMENT = 0.8
MIN_SHINGLES = 30
# The LSH finds candidate pairs above this Jaccard similarity (low enough for
# a copy half the length of its original); each is then checked as above.
CANDIDATE_JACCARD = 0.3
FACTUALITY_ORDER = ("asserted", "planned", "likely", "possible", "hypothetical", "negated")

_WORD = re.compile(r"\w+")


SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures name theirs


@dataclass(frozen=True)
class Signature:
    """An article's MinHash and how many distinct shingles it was made of."""

    minhash: MinHash
    shingles: int

    def jaccard(self, other: Signature) -> float:
        return float(self.minhash.jaccard(other.minhash))

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller article's shingles found in the other."""
        j = self.jaccard(other)
        smaller = min(self.shingles, other.shingles)
        if smaller == 0:
            return 0.0
        shared = j * (self.shingles + other.shingles) / (1.0 + j)
        return min(1.0, shared / smaller)


def body(text: str, removed: Iterable[Mapping[str, Any]] = ()) -> str:
    """The text with its boilerplate spans (``document.removed``) blanked out."""
    chars = list(text)
    for span in removed:
        start, end = int(span.get("start", 0)), int(span.get("end", 0))
        chars[start:end] = " " * max(0, min(end, len(text)) - start)
    return "".join(chars)


@cache
def _permutations() -> Any:
    """The permutations of seed 1, made once (each MinHash would make them again)."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str, removed: Iterable[Mapping[str, Any]] = ()) -> Signature:
    """A MinHash of the body's word 5-grams (lower case), boilerplate left out."""
    words = _WORD.findall(body(text, removed).lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(s.encode("utf-8") for s in shingles)
    return Signature(minhash, len(shingles))


def to_bytes(sig: Signature) -> bytes:
    """The hash values, then the shingle count (one more uint32)."""
    values = np.append(sig.minhash.hashvalues.astype(np.uint32), np.uint32(sig.shingles))
    return values.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> Signature | None:
    """A stored signature, read back (a LeanMinHash: no permutations to rebuild);
    None for one stored by an earlier version (no shingle count, boilerplate in)."""
    values = np.frombuffer(data, dtype=np.uint32)
    if len(values) != NUM_PERM + 1:
        return None
    minhash = LeanMinHash(seed=1, hashvalues=values[:NUM_PERM], scheme=SCHEME)
    return Signature(minhash, int(values[NUM_PERM]))


class _Groups:
    """Union-find over string keys; a group is named by its smallest key."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, str]:
        return {k: self.find(k) for k in self.parent}


@cache
def _lsh_params() -> tuple[int, int]:
    """datasketch's (bands, rows) for our threshold: computed once, not per index."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def is_copy(a: Signature, b: Signature) -> bool:
    """Whether two articles are copies of one (see the module's docstring)."""
    if a.jaccard(b) >= COPY_JACCARD:
        return True
    return min(a.shingles, b.shingles) >= MIN_SHINGLES and a.containment(b) >= COPY_CONTAINMENT


def copy_groups(signatures: Mapping[str, Signature]) -> dict[str, str]:
    """Each document id mapped to its group of copies (the smallest id in it)."""
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params())
    for doc_id in sorted(signatures):
        lsh.insert(doc_id, signatures[doc_id].minhash)
    groups = _Groups(signatures)
    for doc_id in sorted(signatures):
        for other in lsh.query(signatures[doc_id].minhash):
            if other > doc_id and is_copy(signatures[doc_id], signatures[other]):
                groups.union(doc_id, other)
    return groups.groups()


def source_groups(mentions: list[Mention], copies: Mapping[str, str]) -> dict[str, str]:
    """Each mention id mapped to its independent source: its article's group of copies.

    >>> from dossier.fuse.match import Mention
    >>> def m(i, doc, claimant):
    ...     return Mention.from_record({"id": i, "type": "AID", "document": {"id": doc},
    ...                                 "attribution": {"claimant": claimant}})
    >>> source_groups([m("ev_1", "doc_1", "Peskov"), m("ev_2", "doc_1", "Zakharova"),
    ...                m("ev_3", "doc_2", "Peskov")], {"doc_2": "doc_1"})
    {'ev_1': 'doc_1', 'ev_2': 'doc_1', 'ev_3': 'doc_1'}
    """
    return {m.id: copies.get(m.document, m.document) for m in mentions}


def independent_sources(
    mentions: list[Mention], sources: dict[str, str], leads: dict[str, tuple[str, str]]
) -> int:
    """How many independent sources report the event.

    A passing, unattributed mention in an article about another event of the
    same kind ("the attack came two days after a strike on Kharkiv", in a
    story about Odesa) repeats what others reported and is not a source of
    its own; ``leads`` gives each article's first event (type, fused id).
    An event known only from such mentions has one source.
    """
    counted = set()
    for m in mentions:
        lead_type, lead_event = leads.get(m.document, (None, None))
        background = lead_type == m.type and lead_event != fused_id(mentions)
        if m.claimant or not background:
            counted.add(sources[m.id])
    return max(1, len(counted))


def contradictions(mentions: list[Mention], sources: dict[str, str]) -> list[dict[str, Any]]:
    """Pairs of mentions that disagree, first report first.

    A denial (a negated report) contradicts a positive report of the same
    fused event that it shares something specific with (date, place,
    weapon, claimant, wording; ``match.anchored``), preferably one from
    another source, else one in its own article ("Seoul said Russia sent
    Pantsir systems; the Kremlin denied sending them"); a general denial
    ("Moscow denies targeting civilians") contradicts no report of a
    strike, and a sentence that denies one thing and asserts another
    ("denies targeting civilians, saying it strikes military sites") does
    not contradict itself, nor its copies.  Quantities of the same item that
    cannot both hold ("24" and "30"; not "over 2 million" and "2.1 million")
    count only between different sources.
    """
    found: list[dict[str, Any]] = []
    ordered = sorted(mentions, key=first_key)
    positive = [m for m in ordered if m.factuality in POSITIVE]
    for denial in (m for m in ordered if m.factuality == "negated"):
        denied = [
            m for m in positive
            if anchored(m, denial, same_article=False)
            and not (m.copy == denial.copy and same_wording(m, denial))  # one sentence
        ]  # fmt: skip
        # another source first; first report first within each (a stable sort)
        denied.sort(key=lambda m: sources[m.id] == sources[denial.id])
        if denied:
            found.append({
                "kind": "factuality",
                "mentions": [denied[0].id, denial.id],
                "detail": f"{denied[0].factuality} in one report, negated in another",
            })  # fmt: skip
    quantities: dict[str, tuple[float, float, Mention]] = {}
    for m in ordered:
        for key, low, high in m.quantities:
            if key not in quantities:
                quantities[key] = (low, high, m)
                continue
            first_low, first_high, first = quantities[key]
            # "over 2 million" and "2.1 million" agree; 24 and 30 do not
            disjoint = high < first_low or low > first_high
            if disjoint and sources[first.id] != sources[m.id]:
                found.append({
                    "kind": "quantity",
                    "mentions": [first.id, m.id],
                    "detail": f"{key}: {_said(first_low, first_high)} in one report, "
                    f"{_said(low, high)} in another",
                })  # fmt: skip
    return found


def _said(low: float, high: float) -> str:
    """A quantity's bounds as a report gives them: "24", "2,000,000 or more", "300-900"."""
    if low == high:
        return f"{low:,.0f}"
    if high == math.inf:
        return f"{low:,.0f} or more"
    return f"{low:,.0f}-{high:,.0f}"


def best_factuality(mentions: list[Mention], sources: dict[str, str]) -> tuple[str, dict]:
    """The factuality backed by the most independent sources, and the support of each."""
    support: dict[str, set[str]] = {}
    for m in mentions:
        support.setdefault(m.factuality, set()).add(sources[m.id])
    counts = {value: len(groups) for value, groups in support.items()}
    best = min(
        counts,
        key=lambda v: (-counts[v], FACTUALITY_ORDER.index(v) if v in FACTUALITY_ORDER else 99),
    )
    ordered = {v: counts[v] for v in FACTUALITY_ORDER if v in counts}
    return best, ordered


def _merge_actors(records: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        for actor in record.get(role) or []:
            key = actor.get("code") or (actor.get("name") or actor.get("text") or "").lower()
            if key and key not in merged:
                merged[key] = {k: actor.get(k) for k in ("text", "name", "code", "kind", "country")}
    return list(merged.values())


def _merge_items(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        for item in record.get("items") or []:
            key = (item.get("designation") or item.get("text") or "").lower()
            if key and key not in merged:
                fields = ("text", "designation", "category", "quantity")
                merged[key] = {k: item.get(k) for k in fields}
    return list(merged.values())


def _most_precise(values: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The date with the narrowest range (a day beats a month), first report first."""
    dated = [v for v in values if v and v.get("start") and v.get("end")]
    if not dated:
        return None
    return min(dated, key=lambda v: (v["end"] > v["start"], v["end"], v["start"]))


def _most_common_place(values: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    """The place most reports give; a place the gazetteer does not know (its text only)
    when no report's place is known, so that what the reports said is not lost.

    >>> _most_common_place([None, {"text": "Paletwa", "name": None}])["text"]
    'Paletwa'
    >>> _most_common_place([{"text": "Paletwa"}, {"text": "Goma", "name": "Goma"}])["name"]
    'Goma'
    """
    places = [v for v in values if v and v.get("name")]
    if not places:
        written = [v for v in values if v and v.get("text")]
        counts = Counter(place_words(p["text"]) for p in written)
        return max(written, key=lambda p: counts[place_words(p["text"])], default=None)
    counts = Counter(p["name"] for p in places)
    # ties: the first place reported; coordinates beat none
    return max(places, key=lambda p: (counts[p["name"]], p.get("lat") is not None))


def _main_type(group: list[Mention]) -> str:
    """The type most reports give (a family can mix AID and MOBILIZE); ties: the
    type of the earliest sentence in its article, then the first in the alphabet."""
    counts = Counter(m.type for m in group)
    earliest = {}
    for m in sorted(group, key=lambda m: (m.sentence, m.type)):
        earliest.setdefault(m.type, m.sentence)
    return min(counts, key=lambda t: (-counts[t], earliest[t], t))


def fused_record(
    group: list[Mention],
    records: dict[str, dict[str, Any]],
    copies: Mapping[str, str],
    fused_of: dict[str, str],
    leads: dict[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """The public record of one fused event (see ``dossier.fuse``).

    ``records`` holds the event records by mention id, ``copies`` each
    article's group of copies (``copy_groups``), ``fused_of`` the fused event of
    every mention (to turn links between mentions into links between fused events),
    ``leads`` each article's first event (see ``independent_sources``;
    without it every report counts).
    """
    leads = leads or {}
    group = sorted(group, key=first_key)
    # a group of copies is named by its earliest article (the original, as far as we know)
    earliest: dict[str, str] = {}
    for m in group:  # first report first
        earliest.setdefault(copies.get(m.document, m.document), m.document)
    copies = {
        m.document: earliest.get(copies.get(m.document, m.document), m.document) for m in group
    }
    sources = source_groups(group, copies)
    factuality, support = best_factuality(group, sources)
    recs = [records[m.id] for m in group]
    first = group[0]
    mentions = []
    for m, rec in zip(group, recs, strict=True):
        claim = rec.get("attribution") or {}
        mentions.append({
            "event": m.id,
            "document": m.document,
            "outlet": m.outlet,
            "url": (rec.get("document") or {}).get("url"),
            "title": (rec.get("document") or {}).get("title"),
            "origin": (rec.get("document") or {}).get("origin"),
            "published": m.published,
            "claimant": claim.get("claimant"),
            "claimant_role": claim.get("claimant_role"),
            "factuality": m.factuality,
            "evidence": rec.get("evidence"),
            "copy_of": copies.get(m.document, m.document),  # itself unless a copy
            "source_group": sources[m.id],
        })  # fmt: skip
    links = {}
    for rec in recs:
        for link in rec.get("links") or []:
            target = fused_of.get(link.get("event"))
            if target and target != fused_id(group):
                links[(link["relation"], target)] = {"relation": link["relation"], "event": target}
    kind = _main_type(group)
    return {
        "id": fused_id(group),
        "type": kind,
        "types": sorted({m.type for m in group}),
        "mode": next((m.mode for m in group if m.mode and m.type == kind), None),
        "source": _merge_actors(recs, "source"),
        "target": _merge_actors(recs, "target"),
        "items": _merge_items(recs),
        "factuality": factuality,
        "factuality_support": support,
        "date": _most_precise([r.get("date") for r in recs]),
        "location": _most_common_place([r.get("location") for r in recs]),
        "independent_sources": independent_sources(group, sources, leads),
        "first_reported": {
            "event": first.id,
            "document": first.document,
            "outlet": first.outlet,
            "published": first.published,
        },
        "evidence": recs[0].get("evidence"),
        "mentions": mentions,
        "contradictions": contradictions(group, sources),
        "links": sorted(links.values(), key=lambda x: (x["relation"], x["event"])),
    }
