"""Resolve actors: a span of text to a canonical name, an ISO 3166-1 alpha-3 code and a sector.

States come from the gazetteer (names, aliases, demonyms, capitals: "North
Korean troops" -> North Korea, PRK, sector MIL); organisations keep their own
code; generic actors ("protesters", "police") get a sector and no code.

>>> from dossier.models import ActorMention
>>> a = resolve_actor(ActorMention("North Korean troops", 0, 19, "state:PRK", "troop"))
>>> (a.name, a.code, a.sector)
('North Korea', 'PRK', 'MIL')
"""

from __future__ import annotations

from dossier import gazetteer
from dossier.models import Actor, ActorMention
from dossier.resolve import places


def _entry_for(mention: ActorMention) -> gazetteer.Entry | None:
    if mention.entity:
        kind, _, key = mention.entity.partition(":")
        if kind == "state":
            entry = gazetteer.state(key)
            if entry is not None:
                return entry
        elif kind == "org":
            entry = gazetteer.lookup(key)
            if entry is not None:
                return entry
        elif kind == "person":
            entry = gazetteer.person(key)
            if entry is not None:
                return entry
    return gazetteer.lookup(mention.text)


def resolve_actor(mention: ActorMention) -> Actor:
    """Turn an actor mention into an ``Actor`` record."""
    sector = kind = None
    if mention.noun:
        found = gazetteer.actor_noun(mention.noun)
        if found:
            sector, kind = found
    entry = _entry_for(mention)
    if entry is None:
        country = None
        if mention.place is not None:  # "the government of Sindh province" -> PAK
            place = places.resolve_place(mention.place.text)
            country = place.country if place is not None else None
        return Actor(
            text=mention.text,
            name=None,
            code=None,
            kind=kind or ("person" if mention.entity is None and not mention.noun else kind),
            sector=sector,
            offsets=(mention.start, mention.end),
            country=country,
        )
    if entry.kind == "person":
        return Actor(
            text=mention.text,
            name=entry.name,
            code=entry.code,
            kind="person",
            sector=sector or entry.sector,
            offsets=(mention.start, mention.end),
            country=entry.country,
        )
    is_state = entry.kind in ("state", "demonym", "capital")
    return Actor(
        text=mention.text,
        name=entry.name if is_state or not entry.country else entry.name,
        code=entry.code,
        kind="state" if is_state and not mention.noun else (kind or entry.kind),
        sector=sector or entry.sector or ("GOV" if is_state and entry.kind == "capital" else None),
        offsets=(mention.start, mention.end),
        country=entry.code if is_state else entry.country,
    )


def resolve_actors(mentions: list[ActorMention]) -> list[Actor]:
    """Resolve a list, dropping repeats of the same actor."""
    out: list[Actor] = []
    seen: set[tuple[str | None, str]] = set()
    for mention in mentions:
        actor = resolve_actor(mention)
        key = (actor.code, actor.text if actor.code is None else "")
        if key in seen:
            continue
        seen.add(key)
        out.append(actor)
    return out
