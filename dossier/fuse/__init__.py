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
together with the fused events they could join, and rewrites only those;
``index`` finds those in the database (blocks and MinHash bands in indexed
tables), so the run reads no other mention.
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

from dossier.fuse import index
from dossier.fuse.cluster import cluster, copy_pairs, fused_id, sweep
from dossier.fuse.match import UNDATED_WINDOW, Mention, anchored, conflict
from dossier.fuse.sources import copy_groups, fused_record
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
    may be about.  An incremental run reads only the new mentions, the
    candidates the index gives for them (``dossier.fuse.index``) and the
    fused events those join; ``rebuild`` reads everything and indexes it again.
    """
    say = progress or (lambda _message: None)
    if rebuild:
        return _rebuild(store, say, undated_window)
    if index.window(store) != undated_window:  # a database from before the index
        index.index_all(store, undated_window, say)
    return _incremental(store, say, undated_window)


class _Pool:
    """Records and mentions read from the store as fusion needs them, each
    mention with its group of copies."""

    def __init__(self, store: Store, undated_window: int) -> None:
        self.store, self.window = store, undated_window
        self.records: dict[str, dict] = {}
        self.mentions: dict[str, Mention] = {}
        self.copies: dict[str, str] = {}  # document -> its group, for documents with copies
        self._documents: set[str] = set()

    def load(self, ids: Iterable[str]) -> list[Mention]:
        ids = list(ids)
        missing = [i for i in ids if i not in self.mentions]
        found = list(self.store.events_by_id(missing))
        documents = {(r.get("document") or {}).get("id") or "" for r in found} - self._documents
        self.copies.update(index.copies(self.store, documents))
        self._documents |= documents
        for record in found:
            mention = Mention.from_record(record, undated_window=self.window)
            group = self.copies.get(mention.document)
            if group is not None:  # an article with copies: named by its group
                mention = replace(mention, copy="copies:" + group)
            self.records[mention.id], self.mentions[mention.id] = record, mention
        return [self.mentions[i] for i in ids if i in self.mentions]


def _incremental(store: Store, say: Callable[[str], None], undated_window: int) -> FuseSummary:
    summary = FuseSummary()
    new_ids = index.unfused(store)
    if not new_ids:
        summary.total_fused = store.count("fused_events")
        summary.timeless_documents = index.timeless(store)
        return summary
    say(f"matching {len(new_ids)} new mention(s)")
    pool = _Pool(store, undated_window)
    documents = {(r.get("document") or {}).get("id") or "" for r in store.events_by_id(new_ids)}
    unindexed = index.unindexed_documents(store, documents)
    say(f"reading {len(unindexed)} article signature(s)")
    index.add_documents(store, unindexed)
    new = pool.load(new_ids)
    timeless = {m.document for m in new if m.start is None and m.document in set(unindexed)}
    timeless_before = index.timeless(store)  # (not inside the transaction: one connection)
    with store.engine.begin() as conn:
        index.add_mentions(conn, new)
        index.set_state(conn, {index.TIMELESS: timeless_before + len(timeless)})
    chosen = set(new_ids) | set(index.members_of(store, _touched_fused(store, pool, new)))
    say(f"clustering {len(chosen)} mention(s)")
    groups = cluster(pool.load(sorted(chosen)))
    old_of = index.fused_of(store, chosen)
    log, gone = _diff(groups, old_of)
    members = {m.id: fused_id(g) for g in groups for m in g}
    # fused events that link to a mention whose fused id changed get their links
    # rewritten (links join mentions of one article)
    changed = {i for i, f in members.items() if old_of.get(i) != f}
    neighbours = [
        row[0]
        for row in index.document_events(store, {pool.mentions[i].document for i in changed})
        if row[0] not in members
    ]
    neighbour_fused = index.fused_of(store, neighbours)
    pool.load(neighbour_fused)
    dirty = {
        neighbour_fused[i]
        for i in neighbour_fused
        if any(link.get("event") in changed for link in pool.records[i].get("links") or [])
    }
    by_fused: dict[str, list[Mention]] = defaultdict(list)
    dirty_members = index.members_of(store, dirty)
    for mention in pool.load(sorted(dirty_members)):
        by_fused[dirty_members[mention.id]].append(mention)
    groups += list(by_fused.values())
    say(f"writing {len(groups)} fused event(s)")
    written = [m for g in groups for m in g]
    rows = index.document_events(store, {m.document for m in written})
    linked = {link.get("event") for m in written for link in pool.records[m.id].get("links") or []}
    wanted = {row[0] for row in rows} | {i for i in linked if i}
    fused_of = {**index.fused_of(store, wanted - set(members)), **members}
    first: dict[str, tuple[int, str, str]] = {}
    for event_id, document, kind, start in rows:
        key = (start or 0, event_id, kind)
        if document not in first or key < first[document]:
            first[document] = key
    leads = {doc: (kind, fused_of[i]) for doc, (_s, i, kind) in first.items() if i in fused_of}
    fused = [fused_record(g, pool.records, pool.copies, fused_of, leads) for g in groups]
    store.write_fusion(fused, members, gone, log)
    summary.mentions, summary.fused, summary.log = len(chosen), len(fused), log
    summary.total_fused = store.count("fused_events")
    summary.timeless_documents = index.timeless(store)
    return summary


def _touched_fused(store: Store, pool: _Pool, new: list[Mention]) -> set[str]:
    """The fused events a new mention could join: those of the stored mentions it
    is compared with (``cluster.candidate_pairs``) and compatible and anchored with."""
    new_ids = {m.id for m in new}
    found = index.candidates(store, new)
    pairs = {(n.id, other) for n in new for other in found.get(n.id, ())}
    # the blocks not in the index: each article, and each group of copies
    documents = {m.document for m in new}
    groups = {m.copy.removeprefix("copies:") for m in new if m.copy != m.document}
    documents |= set(index.copy_members(store, groups))
    local = pool.load(sorted({row[0] for row in index.document_events(store, documents)}))
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for m in local:
        blocks[(m.family, "document", m.document)].append(m)
        if m.copy != m.document:
            blocks[(m.family, "copy", m.copy)].append(m)
    for (_family, role, _key), block in blocks.items():
        if not any(m.id in new_ids for m in block):
            continue
        for a, b in copy_pairs(block) if role == "copy" else sweep(block):
            pairs.add((a.id, b.id))
    pool.load(sorted({i for pair in pairs for i in pair}))
    touched: set[str] = set()
    for x, y in pairs:
        if (x in new_ids) == (y in new_ids) or x not in pool.mentions or y not in pool.mentions:
            continue
        a, b = sorted((pool.mentions[x], pool.mentions[y]), key=lambda m: m.id)
        if conflict(a, b) is None and anchored(a, b):
            touched.add(b.id if a.id in new_ids else a.id)
    return set(index.fused_of(store, touched).values())


def _rebuild(store: Store, say: Callable[[str], None], undated_window: int) -> FuseSummary:
    """Cluster every mention again, and index everything again."""
    records = {r["id"]: r for r in store.events()}
    documents = sorted({(r.get("document") or {}).get("id") or "" for r in records.values()})
    say(f"reading {len(documents)} article signature(s)")
    signatures = index.signatures(store, documents)
    copies = copy_groups(signatures)
    sizes = Counter(copies.values())
    mentions = {}
    for i, r in records.items():
        mention = Mention.from_record(r, undated_window=undated_window)
        group = copies.get(mention.document, mention.document)
        if sizes[group] > 1:  # an article with copies: named by its group
            mention = replace(mention, copy="copies:" + group)
        mentions[i] = mention
    say("indexing every mention for fusion")
    index.reindex(store, mentions.values(), copies, signatures, undated_window)
    old_of = store.fusion_members()
    summary = FuseSummary()
    summary.timeless_documents = index.timeless(store)
    say(f"clustering {len(mentions)} mention(s)")
    groups = cluster(mentions.values())
    log, gone = _diff(groups, old_of)
    members = {m.id: fused_id(g) for g in groups for m in g}
    say(f"writing {len(groups)} fused event(s)")
    leads = _leads(mentions.values(), members)
    fused = [fused_record(g, records, copies, members, leads) for g in groups]
    store.write_fusion(fused, members, gone, log)
    summary.mentions, summary.fused, summary.log = len(mentions), len(fused), log
    summary.total_fused = store.count("fused_events")
    return summary


def _leads(mentions: Iterable[Mention], fused_of: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each article's first event: (type, fused event), what the article is about."""
    first: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence, m.id), reverse=True):
        first[m.document] = m  # the earliest sentence is written last
    return {doc: (m.type, fused_of[m.id]) for doc, m in first.items()}
