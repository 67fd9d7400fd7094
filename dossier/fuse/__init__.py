"""Fuse: one real-world event reported by many articles becomes one fused event.

Every stored event mention belongs to exactly one fused event.  The stages:

- ``match``: when two mentions can be the same event (type, actors, dates
  given their granularity, places, items) and how alike they are;
- ``cluster``: mentions grouped the same way whatever order they arrived in,
  each group named by its first report (a stable id);
- ``sources``: wire copies and reprints (MinHash over the article body)
  found first, so that one sentence carried by several sites is one report
  whatever its dates; every article counts as one independent source, all
  copies of it together as one; the best-supported factuality;
  contradictions.

``fuse(store, undated_window=DAYS)`` takes an undated report to be about
the DAYS before its publication (``match.UNDATED_WINDOW`` by default).

``fuse(store)`` runs after every ingest: it clusters the new mentions
together with the fused events they could join, and rewrites only those.
``fuse(store, rebuild=True)`` clusters everything again.  Either way, a
fused event whose id changes (merged into another, split, or renamed because
an earlier report arrived) leaves a row in ``fusion_log`` so that its old id
still leads to it (``Store.current_id``).

A fused event record has the fields of an event record (type, mode, source,
target, items, factuality, date, location, evidence of the first report,
links between fused events) and

- ``mentions``: every report of it: event, document, outlet, url, title, origin, published,
  claimant, factuality, evidence, ``copy_of`` (its group of near-duplicate
  articles) and ``source_group`` (its independent source);
- ``independent_sources``, ``factuality_support`` (sources per factuality),
  ``first_reported`` (event, document, outlet, published);
- ``contradictions``: [{"kind": "factuality" | "quantity", "mentions": [a, b],
  "detail"}].

>>> from dossier.store import Store
>>> fuse(Store(":memory:")).fused
0
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from dossier.fuse.cluster import candidate_pairs, cluster, fused_id
from dossier.fuse.match import UNDATED_WINDOW, Mention, anchored, conflict
from dossier.fuse.sources import (
    Signature,
    copy_groups,
    from_bytes,
    fused_record,
    signature,
    to_bytes,
)
from dossier.store import Store

__all__ = ["FuseSummary", "fuse"]


@dataclass
class FuseSummary:
    """What one fusion run did."""

    mentions: int = 0  # mentions (re)clustered in this run
    fused: int = 0  # fused events written
    total_fused: int = 0  # fused events in the database afterwards
    # articles with no publication date whose events have no date either:
    # their time is unknown, so they fuse only on wording, place and weapon
    timeless_documents: int = 0
    log: list[tuple[str, str, str, str]] = field(default_factory=list)


def _touched(new: list[Mention], everyone: list[Mention]) -> set[str]:
    """Ids of old mentions that a new mention could join (compatible and anchored)."""
    new_ids = {m.id for m in new}
    touched: set[str] = set()
    for a, b in candidate_pairs(everyone, involving=new_ids):
        if (a.id in new_ids) == (b.id in new_ids):
            continue
        if conflict(a, b) is None and anchored(a, b):
            touched.add(b.id if a.id in new_ids else a.id)
    return touched


def _diff(
    groups: list[list[Mention]], old_of: dict[str, str]
) -> tuple[list[tuple[str, str, str, str]], set[str]]:
    """Log rows for ids that change, and the old fused ids that are gone."""
    log: list[tuple[str, str, str, str]] = []
    new_ids = {fused_id(g) for g in groups}
    parts: dict[str, list[list[Mention]]] = defaultdict(list)
    for group in groups:
        for old in sorted({old_of[m.id] for m in group if m.id in old_of}):
            parts[old].append(group)
    for old, into in sorted(parts.items()):
        if len(into) > 1:
            for group in into:
                if fused_id(group) != old:
                    ids = ", ".join(m.id for m in group if old_of.get(m.id) == old)
                    log.append(("split", old, fused_id(group), f"mentions {ids} are another event"))
            continue
        group = into[0]
        new = fused_id(group)
        if new == old:
            continue
        olds = {old_of[m.id] for m in group if m.id in old_of}
        if old in new_ids:
            continue
        if len(olds) > 1:
            reason = f"merged with {', '.join(sorted(olds - {old}))}: reports of one event"
            log.append(("merged", old, new, reason))
        else:
            first = group[0]
            reason = f"an earlier report arrived: {first.id} published {first.published}"
            log.append(("renamed", old, new, reason))
    gone = set(parts) - new_ids
    return log, gone


def fuse(
    store: Store,
    rebuild: bool = False,
    progress: Callable[[str], None] | None = None,
    undated_window: int = UNDATED_WINDOW,
) -> FuseSummary:
    """Fuse the store's event mentions; incrementally unless ``rebuild``.

    ``undated_window``: the days before its publication an undated report
    may be about.
    """
    say = progress or (lambda _message: None)
    records = {r["id"]: r for r in store.events()}
    documents = sorted({(r.get("document") or {}).get("id") or "" for r in records.values()})
    say(f"reading {len(documents)} article signature(s)")
    copies = copy_groups(_signatures(store, documents))
    sizes = Counter(copies.values())
    mentions = {}
    for i, r in records.items():
        mention = Mention.from_record(r, undated_window=undated_window)
        group = copies.get(mention.document, mention.document)
        if sizes[group] > 1:  # an article with copies: named by its group
            mention = replace(mention, copy="copies:" + group)
        mentions[i] = mention
    old_of = store.fusion_members()
    summary = FuseSummary()
    summary.timeless_documents = len({m.document for m in mentions.values() if m.start is None})
    if rebuild:
        chosen = set(mentions)
    else:
        new = [m for i, m in mentions.items() if i not in old_of]
        if not new:
            summary.total_fused = store.count("fused_events")
            return summary
        say(f"matching {len(new)} new mention(s)")
        touched = _touched(new, list(mentions.values()))
        touched_fused = {old_of[i] for i in touched}
        chosen = {m.id for m in new} | {i for i, f in old_of.items() if f in touched_fused}
    say(f"clustering {len(chosen)} mention(s)")
    groups = cluster(mentions[i] for i in chosen)
    log, gone = _diff(groups, old_of)
    members = {m.id: fused_id(g) for g in groups for m in g}
    fused_of = {**old_of, **members}
    # fused events that link to a mention whose fused id changed get their links rewritten
    changed = {i for i, f in members.items() if old_of.get(i) != f}
    dirty = {
        old_of[i]
        for i, rec in records.items()
        if i in old_of and i not in members
        and any(link.get("event") in changed for link in rec.get("links") or [])
    }  # fmt: skip
    by_fused: dict[str, list[Mention]] = defaultdict(list)
    for i, f in old_of.items():
        if f in dirty and i in mentions:
            by_fused[f].append(mentions[i])
    groups += list(by_fused.values())
    say(f"writing {len(groups)} fused event(s)")
    leads = _leads(mentions.values(), fused_of)
    fused = [fused_record(g, records, copies, fused_of, leads) for g in groups]
    store.write_fusion(fused, members, gone, log)
    summary.mentions, summary.fused, summary.log = len(chosen), len(fused), log
    summary.total_fused = store.count("fused_events")
    return summary


def _leads(mentions: Iterable[Mention], fused_of: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each article's first event: (type, fused event), what the article is about."""
    first: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence, m.id), reverse=True):
        first[m.document] = m  # the earliest sentence is written last
    return {doc: (m.type, fused_of[m.id]) for doc, m in first.items()}


def _signatures(store: Store, document_ids: list[str]) -> dict[str, Signature]:
    """MinHash signatures of these documents, computed and stored where missing
    (or stored by an earlier version, without the boilerplate left out)."""
    found: dict[str, Signature] = {}
    for doc, data in store.signatures(document_ids).items():
        sig = from_bytes(data)
        if sig is not None:
            found[doc] = sig
    missing = [d for d in document_ids if d not in found]
    if missing:
        bodies = store.document_bodies(missing)
        computed = {d: signature(text, removed) for d, text, removed in bodies}
        store.add_signatures({d: to_bytes(sig) for d, sig in computed.items()})
        found.update(computed)
    return found
