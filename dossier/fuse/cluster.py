"""Cluster: group mentions of the same event, the same way whatever order they came in.

1. Blocking: a mention can only match one of the same type family
   (``match.TYPE_FAMILIES``) that shares an actor, a country where it
   happened, its article or its article's copies, so mentions are grouped
   into blocks by (family, role, actor), (family, country), (family,
   article) and (family, copies); within a block, sorted by date, only
   mentions whose time intervals overlap are compared (a sweep, not all
   pairs).  Mentions with no time at all (no date, no publication) are
   compared with the whole block, and copies of one article with each other
   whatever their dates.
2. Edges: each compatible, anchored pair (``match.conflict`` is None and
   ``match.anchored``) becomes an edge weighted by ``match.similarity``.
3. Merging: mentions of one type in one sentence go together first; then
   edges are taken strongest first (ties by mention id) and join
   two clusters only when no mention of one conflicts with a mention of the
   other (complete linkage on the hard constraints), so a chain of
   look-alikes never merges two events that contradict each other.

The result depends only on the set of mentions, never on their order, so a
database rebuilt from the same articles in any order gets the same clusters.
A cluster's id comes from its first report (earliest publication, then the
smallest mention id): it stays the same when later reports join.

>>> from dossier.fuse.match import Mention
>>> def m(id, pub, day=None, city=None):
...     date = {"start": day, "end": day, "granularity": "day"} if day else None
...     return Mention.from_record({"id": id, "type": "ASSAULT", "mode": None,
...         "source": [{"code": "RUS"}], "target": [{"code": "UKR"}], "items": [],
...         "factuality": "asserted", "date": date, "evidence": {"text": id},
...         "document": {"id": "doc_" + id, "published": pub}})
>>> groups = cluster([m("ev_1", "2025-03-05", "2025-03-04"), m("ev_3", "2025-03-06", "2025-03-04"),
...                   m("ev_2", "2025-03-07", "2025-03-06")])
>>> sorted(sorted(x.id for x in g) for g in groups)
[['ev_1', 'ev_3'], ['ev_2']]
>>> fused_id(groups[0]) if len(groups[0]) == 2 else fused_id(groups[1])
'fev_1'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from dossier.fuse.match import SYMMETRIC_TYPES, Mention, anchored, conflict, similarity

# A mention is compared with at most this many later neighbours of its block
# (by date); a bound on the work for very dense blocks (a war's daily strikes).
MAX_NEIGHBOURS = 200


def block_keys(mention: Mention) -> list[tuple[str, str]]:
    """The (role, key) blocks of a mention that the database index holds
    (``dossier.fuse.index``): its actors by role, and its country; the
    blocks of its article and its copies are not in the index."""
    if mention.type in SYMMETRIC_TYPES:
        keys = {("any", key) for key in mention.actors}
    else:
        keys = {("source", key) for key in mention.source}
        keys |= {("target", key) for key in mention.target}
    if mention.place and mention.place[0]:
        keys.add(("country", mention.place[0]))  # for reports that name no actor
    return sorted(keys)


def _blocks(mentions: Iterable[Mention]) -> dict[tuple[str, str, str], list[Mention]]:
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        keys = set(block_keys(mention))
        keys.add(("document", mention.document))
        if mention.copy != mention.document:
            keys.add(("copy", mention.copy))
        for role, key in keys:
            blocks[(mention.family, role, key)].append(mention)
    return blocks


def sweep(members: Iterable[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of one block worth comparing: sorted by (start, id), each
    mention with the later ones whose intervals overlap its own (at most
    ``MAX_NEIGHBOURS`` of them); mentions with no time with every other."""
    members = list(members)
    timed = sorted((m for m in members if m.start is not None), key=lambda m: (m.start, m.id))
    for i, a in enumerate(timed):
        for b in timed[i + 1 : i + 1 + MAX_NEIGHBOURS]:
            if b.start > a.end:  # type: ignore[operator]
                break
            yield a, b
    untimed = sorted((m for m in members if m.start is None), key=lambda m: m.id)
    for i, a in enumerate(untimed):  # no time at all: any time is possible
        for b in untimed[i + 1 :] + timed:
            yield a, b


def copy_pairs(members: Iterable[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of a block of copies of one article: any two from different
    documents, whatever their dates."""
    ordered = sorted(members, key=lambda m: m.id)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.document != b.document:
                yield a, b


def candidate_pairs(
    mentions: Iterable[Mention], involving: set[str] | None = None
) -> set[tuple[Mention, Mention]]:
    """Pairs (in id order) that share a block and whose time intervals overlap;
    with ``involving``, only pairs with at least one of those mention ids."""
    pairs: set[tuple[Mention, Mention]] = set()
    for (_family, role, _key), members in _blocks(mentions).items():
        if involving is not None and not any(m.id in involving for m in members):
            continue
        found = copy_pairs(members) if role == "copy" else sweep(members)
        for a, b in found:
            if a.id != b.id and (involving is None or a.id in involving or b.id in involving):
                pairs.add((a, b) if a.id < b.id else (b, a))
    return pairs


def edges(mentions: Iterable[Mention]) -> list[tuple[float, Mention, Mention]]:
    """Compatible, anchored pairs, strongest first (ties broken by ids)."""
    found = [
        (similarity(a, b), a, b)
        for a, b in candidate_pairs(mentions)
        if conflict(a, b) is None and anchored(a, b)
    ]
    found.sort(key=lambda e: (-e[0], e[1].id, e[2].id))
    return found


def _signature(m: Mention) -> tuple:
    """The fields ``conflict`` looks at: mentions with equal signatures never conflict."""
    return (m.type, m.mode, m.source, m.target, m.start, m.end, m.place, m.items, m.copy)


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Mentions grouped into events; each group sorted by (published, id)."""
    mentions = sorted(set(mentions), key=lambda m: m.id)
    parent = {m.id: m.id for m in mentions}
    members: dict[str, dict[tuple, Mention]] = {m.id: {_signature(m): m} for m in mentions}
    everyone: dict[str, list[Mention]] = {m.id: [m] for m in mentions}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # one sentence, one event of a type: "struck Kharkiv on Tuesday, killing five"
    # gives two mentions; they go together first, so the one knows the other's place
    by_sentence: dict[tuple[str, int, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.document, m.sentence, m.type)].append(m)
    same_sentence = [
        (0.0, a, b)
        for group in by_sentence.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if conflict(a, b) is None
    ]
    for _score, a, b in same_sentence + edges(mentions):
        ra, rb = root(a.id), root(b.id)
        if ra == rb:
            continue
        if any(
            conflict(x, y) is not None
            for x in members[ra].values()
            for y in members[rb].values()
        ):
            continue
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        parent[gone] = keep
        members[keep].update(members.pop(gone))
        everyone[keep].extend(everyone.pop(gone))
    return [sorted(group, key=first_key) for group in everyone.values()]


def first_key(mention: Mention) -> tuple[str, str]:
    """Order of reporting: publication date (unknown last), then id."""
    return (mention.published or "9999", mention.id)


def fused_id(group: list[Mention]) -> str:
    """The id of a fused event: from its first report's mention id."""
    anchor = min(group, key=first_key)
    return "fev_" + anchor.id.removeprefix("ev_")
