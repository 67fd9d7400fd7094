"""Index: where fusion finds the mentions a new one could join, in the database.

Fusion compares a mention only with those that share a block with it
(``cluster``: type family and actor by role, family and country, its
article, its article's copies) and, within a block sorted by (start, id),
only with its ``MAX_NEIGHBOURS`` neighbours whose time intervals overlap its
own.  This module keeps those blocks in the database (migration 0005), so
that an incremental ``fuse`` reads the candidates of its new mentions and
not every stored mention:

- ``fusion_blocks``: each mention under each of its family-and-actor and
  family-and-country blocks, with its interval (day ordinals) and its actor
  keys.  ``candidates`` asks, per new mention and block, for the up to
  ``MAX_NEIGHBOURS`` block members just before it (in (start, id) order)
  whose interval reaches its start, the up to ``MAX_NEIGHBOURS`` after it
  that start before its end, and those with no time at all: the same pairs
  ``cluster.sweep`` makes over the whole block.  Mentions whose actors
  cannot agree (another source, another target: ``match.conflict``) are
  left out in the query itself, on the stored actor keys.
- ``document_bands``: each article's MinHash bands (the LSH of
  ``sources.copy_groups``); a new article's candidate copies are the
  articles sharing a band, checked with ``sources.is_copy``; its group of
  copies (``document_signatures.copy_group``: the smallest document id in
  it) merges with theirs.
- ``fusion_state``: the undated window the intervals were computed with
  (another window indexes everything again) and the count of documents with
  no time at all.

>>> from dossier.fuse.match import Mention
>>> m = Mention.from_record({"id": "ev_1", "type": "ASSAULT", "source": [{"code": "RUS"}],
...     "target": [{"code": "UKR"}], "location": {"country": "UKR"},
...     "document": {"id": "doc_1", "published": "2025-03-05"}})
>>> [(r["block"].replace(SEP, "|"), r["day_end"] - r["day_start"]) for r in block_rows(m)]
[('ASSAULT|country|UKR', 37), ('ASSAULT|source|RUS', 37), ('ASSAULT|target|UKR', 37)]
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Row,
    Select,
    and_,
    bindparam,
    case,
    delete,
    except_,
    func,
    literal_column,
    or_,
    select,
    tuple_,
    union_all,
    update,
)

from dossier import dialect
from dossier.fuse.cluster import MAX_NEIGHBOURS, block_keys
from dossier.fuse.match import SYMMETRIC_TYPES, Mention
from dossier.fuse.sources import (
    Signature,
    _Groups,
    _lsh_params,
    copy_groups,
    from_bytes,
    is_copy,
    signature,
    to_bytes,
)
from dossier.schema import (
    document_bands,
    document_signatures,
    events,
    fusion_blocks,
    fusion_members,
    fusion_state,
)
from dossier.store import CHUNK, Store

SEP = "\x1f"  # between the parts of a block name and between actor keys
SLOTS = 3  # actor keys per role the query filters on (more: no filter on that role)
NOTHING = "\x1e\x1e"  # an unused slot: matches no stored actor keys
WINDOW = "undated_window"
TIMELESS = "timeless_documents"

Say = Callable[[str], None]


def _keys(keys: Iterable[str]) -> str:
    keys = sorted(keys)
    return SEP + SEP.join(keys) + SEP if keys else ""


def block_rows(mention: Mention) -> list[dict[str, Any]]:
    """The ``fusion_blocks`` rows of a mention."""
    if mention.type in SYMMETRIC_TYPES:
        sources, targets = _keys(mention.actors), ""
    else:
        sources, targets = _keys(mention.source), _keys(mention.target)
    return [
        {"block": SEP.join((mention.family, role, key)), "event_id": mention.id,
         "day_start": mention.start, "day_end": mention.end,
         "sources": sources, "targets": targets}
        for role, key in block_keys(mention)
    ]  # fmt: skip


def _slots(prefix: str, keys: frozenset[str], need: int = 1) -> dict[str, Any]:
    """Filter parameters: the keys (one must be in a stored row's, unless it has
    none), or no filter ("" matches every row) when there are none or too many;
    ``need``: how many of them a stored row with two or more keys must hold."""
    values = [SEP + k + SEP for k in sorted(keys)] if 0 < len(keys) <= SLOTS else [""]
    values += [NOTHING] * (SLOTS - len(values))
    return {f"{prefix}{i}": v for i, v in enumerate(values)} | {f"{prefix}need": need}


def _filter(mention: Mention) -> dict[str, Any]:
    if mention.type in SYMMETRIC_TYPES:
        # two parties on each side must be the same two ("different parties")
        need = 2 if 1 < len(mention.actors) <= SLOTS else 1
        return _slots("s", mention.actors, need) | _slots("t", frozenset())
    return _slots("s", mention.source) | _slots("t", mention.target)


def _agrees(columns: Any) -> Any:
    """Rows whose actors can agree with the mention's (see ``_filter``): as
    ``match.conflict`` reads them, a row with no keys for a role agrees, one
    with one key must share it, one with more must share ``need`` of them."""

    def role(column: Any, prefix: str) -> Any:
        one, zero = literal_column("1"), literal_column("0")
        shared = sum(
            (case((column.contains(bindparam(f"{prefix}{i}")), one), else_=zero)
             for i in range(SLOTS)),
            start=zero,
        )  # fmt: skip
        separators = func.length(column) - func.length(func.replace(column, SEP, ""))
        one_key = separators <= literal_column("2")
        return or_(column == "", shared >= case((one_key, one), else_=bindparam(f"{prefix}need")))

    return and_(role(columns.sources, "s"), role(columns.targets, "t"))


@functools.cache
def _timed_query() -> Any:
    """Block members ``cluster.sweep`` pairs with a mention that has a time."""
    b = fusion_blocks.c
    here = tuple_(bindparam("start"), bindparam("id"))
    before = (
        select(b.event_id, b.day_end, b.sources, b.targets)
        .where(b.block == bindparam("block"), tuple_(b.day_start, b.event_id) < here)
        .order_by(b.day_start.desc(), b.event_id.desc())
        .limit(MAX_NEIGHBOURS)
        .subquery()
    )
    after = (
        select(b.event_id, b.sources, b.targets)
        .where(
            b.block == bindparam("block"),
            tuple_(b.day_start, b.event_id) > here,
            b.day_start <= bindparam("end"),
        )
        .order_by(b.day_start, b.event_id)
        .limit(MAX_NEIGHBOURS)
        .subquery()
    )
    return union_all(
        select(before.c.event_id).where(before.c.day_end >= bindparam("start"),
                                        _agrees(before.c)),  # fmt: skip
        select(after.c.event_id).where(_agrees(after.c)),
        select(b.event_id).where(b.block == bindparam("block"), b.day_start.is_(None), _agrees(b)),
    )


@functools.cache
def _untimed_query() -> Any:
    """A mention with no time at all is compared with its whole block."""
    b = fusion_blocks.c
    return select(b.event_id).where(
        b.block == bindparam("block"), b.event_id != bindparam("id"), _agrees(b)
    )


def candidates(store: Store, new: Iterable[Mention]) -> dict[str, set[str]]:
    """For each new mention, the mentions it shares an indexed block with and
    that ``cluster.sweep`` would pair it with (the index must hold the new
    mentions already: they count among the neighbours)."""
    found: dict[str, set[str]] = defaultdict(set)
    with store.engine.connect() as conn:
        timed, untimed = _prepared(conn, _timed_query()), _prepared(conn, _untimed_query())
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            for mention in new:
                params: dict[str, Any] = {"id": mention.id, **_filter(mention)}
                if mention.start is None:
                    query = untimed
                else:
                    query = timed
                    params |= {"start": mention.start, "end": mention.end}
                for row in block_rows(mention):
                    query(cursor, params | {"block": row["block"]})
                    found[mention.id].update(r[0] for r in cursor.fetchall())
                found[mention.id].discard(mention.id)
        finally:
            cursor.close()
    return found


def _prepared(conn: Connection, query: Any) -> Callable[[Any, dict[str, Any]], None]:
    """The query compiled once for this database, run on a DB-API cursor (thousands
    of small queries: SQLAlchemy's work per execution would cost more than they do)."""
    compiled = query.compile(dialect=conn.dialect)
    sql, fixed = str(compiled), dict(compiled.params)  # fixed: the LIMIT
    order = compiled.positiontup if compiled.positional else None

    def run(cursor: Any, params: dict[str, Any]) -> None:
        values = fixed | params
        if order is not None:
            cursor.execute(sql, tuple(values[k] for k in order))
        else:
            cursor.execute(sql, values)

    return run


def add_mentions(conn: Connection, mentions: Iterable[Mention]) -> None:
    """Index these mentions (replacing what was indexed for them)."""
    mentions = list(mentions)
    ids = [m.id for m in mentions]
    b = fusion_blocks.c
    for i in range(0, len(ids), CHUNK):
        conn.execute(delete(fusion_blocks).where(b.event_id.in_(ids[i : i + CHUNK])))
    rows = [row for m in mentions for row in block_rows(m)]
    for i in range(0, len(rows), 10_000):
        dialect.bulk_insert(conn, fusion_blocks, rows[i : i + 10_000])


def bands(sig: Signature) -> list[bytes]:
    """The LSH bands of a signature: band number, then its hash values (big-endian)."""
    count, rows = _lsh_params()
    values = sig.minhash.hashvalues.astype(">u4")
    return [bytes([i]) + values[i * rows : (i + 1) * rows].tobytes() for i in range(count)]


# --- state ----------------------------------------------------------------------------


def state(store: Store, name: str) -> str | None:
    with store.engine.connect() as conn:
        statement = select(fusion_state.c.value).where(fusion_state.c.name == name)
        return conn.execute(statement).scalar()


def set_state(conn: Connection, values: Mapping[str, object]) -> None:
    dialect.upsert(conn, fusion_state, [{"name": k, "value": str(v)} for k, v in values.items()])


def window(store: Store) -> int | None:
    """The undated window the index was built with (None: not built)."""
    value = state(store, WINDOW)
    return int(value) if value is not None else None


def timeless(store: Store) -> int:
    return int(state(store, TIMELESS) or 0)


# --- documents: signatures, bands, groups of copies -----------------------------------


def signatures(store: Store, document_ids: list[str]) -> dict[str, Signature]:
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


def unindexed_documents(store: Store, document_ids: Iterable[str]) -> list[str]:
    """Those of these documents whose group of copies is not known yet."""
    ids = sorted(set(document_ids))
    s = document_signatures.c
    known: set[str] = set()
    with store.engine.connect() as conn:
        for i in range(0, len(ids), CHUNK):
            statement = select(s.document_id).where(
                s.document_id.in_(ids[i : i + CHUNK]), s.copy_group.is_not(None)
            )
            known.update(conn.scalars(statement))
    return [d for d in ids if d not in known]


def add_documents(store: Store, document_ids: list[str]) -> None:
    """Index new documents: their bands, and their groups of copies, merged with
    the groups of the stored articles they are copies of (as ``copy_groups``
    over every document would group them)."""
    if not document_ids:
        return
    sigs = signatures(store, document_ids)
    banded = {d: bands(sig) for d, sig in sigs.items()}
    s, db = document_signatures.c, document_bands.c
    rows = [{"band": band, "document_id": d} for d, found in banded.items() for band in found]
    with store.engine.begin() as conn:  # kept if interrupted: inserting them again adds nothing
        for i in range(0, len(rows), 10_000):
            dialect.bulk_insert(conn, document_bands, rows[i : i + 10_000], missing_only=True)
    pairs: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for d, found in banded.items():
            others = conn.scalars(select(db.document_id).where(db.band.in_(found)).distinct())
            pairs[d] = {o for o in others if o != d}
    others = sorted({o for found in pairs.values() for o in found} - set(sigs))
    known = {**signatures(store, others), **sigs}
    group_of: dict[str, str] = {}  # a stored document's group
    with store.engine.connect() as conn:
        for i in range(0, len(others), CHUNK):
            statement = select(s.document_id, s.copy_group).where(
                s.document_id.in_(others[i : i + CHUNK])
            )
            group_of.update((row.document_id, row.copy_group or row.document_id)
                            for row in conn.execute(statement))  # fmt: skip
    groups = _Groups(set(sigs) | set(group_of.values()))
    for d, found in sorted(pairs.items()):
        for other in sorted(found):
            if other in known and is_copy(sigs[d], known[other]):
                groups.union(d, group_of.get(other, other))
    with store.engine.begin() as conn:
        for node, root in sorted(groups.groups().items()):
            if node in sigs:  # a new document
                conn.execute(update(document_signatures).where(s.document_id == node)
                             .values(copy_group=root))  # fmt: skip
            elif node != root:  # a stored group merged into another
                conn.execute(update(document_signatures).where(s.copy_group == node)
                             .values(copy_group=root))  # fmt: skip


def copies(store: Store, document_ids: Iterable[str]) -> dict[str, str]:
    """Each of these documents that has copies, mapped to its group of copies."""
    ids = sorted(set(document_ids))
    s = document_signatures.c
    group_of: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), CHUNK):
            statement = select(s.document_id, s.copy_group).where(
                s.document_id.in_(ids[i : i + CHUNK]), s.copy_group.is_not(None)
            )
            group_of.update((row.document_id, row.copy_group) for row in conn.execute(statement))
        groups = sorted(set(group_of.values()))
        sizes: dict[str, int] = {}
        for i in range(0, len(groups), CHUNK):
            statement = (
                select(s.copy_group, func.count())
                .where(s.copy_group.in_(groups[i : i + CHUNK]))
                .group_by(s.copy_group)
            )
            sizes.update((row[0], row[1]) for row in conn.execute(statement))
    return {d: g for d, g in group_of.items() if sizes.get(g, 0) > 1}


def copy_members(store: Store, groups: Iterable[str]) -> list[str]:
    """The documents of these groups of copies."""
    wanted = sorted(set(groups))
    s = document_signatures.c
    found: list[str] = []
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), CHUNK):
            statement = select(s.document_id).where(s.copy_group.in_(wanted[i : i + CHUNK]))
            found.extend(conn.scalars(statement))
    return found


# --- mentions and fused events --------------------------------------------------------


def unfused_query() -> CompoundSelect:
    """Ids of the political event mentions in no fused event, in id order (read
    from the ``events_political`` index, not the table of records)."""
    e, m = events.c, fusion_members.c
    political = e.political == literal_column("1")  # as written: the index is partial
    # both in id order: SQLite merges the two indexes (half the work of NOT EXISTS)
    unfused = except_(select(e.id).where(political), select(m.event_id))
    return unfused.order_by(unfused.selected_columns.id)


def unfused(store: Store) -> list[str]:
    """Ids of the event mentions that belong to no fused event yet (political ones:
    fused events are, as ``Store.events`` gives them to a rebuild)."""
    with store.engine.connect() as conn:
        return list(conn.scalars(unfused_query()))


def _chunked(store: Store, ids: list[str], query: Callable[[list[str]], Select]) -> Iterator[Row]:
    """The rows of ``query(chunk)`` for each chunk of ``ids`` (an IN list of at most
    ``CHUNK`` values), read on one connection."""
    with store.engine.connect() as conn:
        for i in range(0, len(ids), CHUNK):
            yield from conn.execute(query(ids[i : i + CHUNK]))


def document_events_query(document_ids: list[str]) -> Select:
    """The political events of these documents (by the ``events_document`` index)."""
    e = events.c
    return select(e.id, e.document_id, e.type, e.evidence_start).where(
        e.document_id.in_(document_ids), e.political == 1
    )


def document_events(store: Store, document_ids: Iterable[str]) -> list[tuple[str, str, str, int]]:
    """(id, document, type, evidence start) of every event of these documents."""
    rows = _chunked(store, sorted(set(document_ids)), document_events_query)
    return [(r.id, r.document_id, r.type, r.evidence_start) for r in rows]


def fused_of(store: Store, event_ids: Iterable[str]) -> dict[str, str]:
    """The fused event of each of these mentions that has one."""
    m = fusion_members.c
    rows = _chunked(store, sorted(set(event_ids)),
                    lambda chunk: select(m.event_id, m.fused_id).where(m.event_id.in_(chunk)))
    return {r.event_id: r.fused_id for r in rows}


def members_of(store: Store, fused_ids: Iterable[str]) -> dict[str, str]:
    """Mention id -> fused id for every mention of these fused events."""
    m = fusion_members.c
    rows = _chunked(store, sorted(set(fused_ids)),
                    lambda chunk: select(m.event_id, m.fused_id).where(m.fused_id.in_(chunk)))
    return {r.event_id: r.fused_id for r in rows}


def reindex(
    store: Store,
    mentions: Iterable[Mention],
    groups: Mapping[str, str],
    signatures_: Mapping[str, Signature],
    undated_window: int,
) -> None:
    """Index everything again: every mention's blocks, every document's bands and
    group of copies (``groups``: ``copy_groups`` over all of them).

    ``mentions`` may be read from the store as they are indexed: they are
    written a batch at a time, and the index counts as built (its window
    recorded) only once all are.
    """
    s = document_signatures.c
    with store.engine.begin() as conn:
        conn.execute(delete(fusion_state).where(fusion_state.c.name == WINDOW))
        conn.execute(delete(fusion_blocks))
        conn.execute(delete(document_bands))
        conn.execute(update(document_signatures).values(copy_group=None))
        rows = [{"band": band, "document_id": d}
                for d, sig in signatures_.items() for band in bands(sig)]  # fmt: skip
        for i in range(0, len(rows), 10_000):
            dialect.bulk_insert(conn, document_bands, rows[i : i + 10_000])
        del rows
        grouped = [{"key": d, "group": groups.get(d, d)} for d in signatures_]
        statement = (
            update(document_signatures)
            .where(s.document_id == bindparam("key"))
            .values(copy_group=bindparam("group"))
        )
        for i in range(0, len(grouped), 10_000):
            conn.execute(statement, grouped[i : i + 10_000])
    timeless_docs: set[str] = set()
    batch: list[Mention] = []
    for mention in mentions:
        if mention.start is None:
            timeless_docs.add(mention.document)
        batch.append(mention)
        if len(batch) >= 10_000:
            rows = [row for m in batch for row in block_rows(m)]
            batch = []
            with store.engine.begin() as conn:
                dialect.bulk_insert(conn, fusion_blocks, rows)
    with store.engine.begin() as conn:
        if batch:
            dialect.bulk_insert(conn, fusion_blocks, [row for m in batch for row in block_rows(m)])
        set_state(conn, {WINDOW: undated_window, TIMELESS: len(timeless_docs)})


def index_all(store: Store, undated_window: int, say: Say) -> None:
    """Build the index from every stored mention (a database from before the
    index, or another undated window)."""
    say("indexing every mention for fusion")
    with store.engine.connect() as conn:
        documents = sorted(conn.scalars(
            select(events.c.document_id).where(events.c.political == 1).distinct()
        ))  # fmt: skip
    sigs = signatures(store, documents)
    groups = copy_groups(sigs)

    with store.engine.connect() as conn:
        ids = list(conn.scalars(
            select(events.c.id).where(events.c.political == 1).order_by(events.c.id)
        ))  # fmt: skip

    def mentions() -> Iterable[Mention]:  # blocks do not depend on the copies
        for i in range(0, len(ids), 10_000):  # read a chunk, then let it be written
            records = list(store.events_by_id(ids[i : i + 10_000]))
            yield from (Mention.from_record(r, undated_window=undated_window) for r in records)

    reindex(store, mentions(), groups, sigs, undated_window)
