"""Resolve actors: a span of text to a canonical name, an ISO 3166-1 alpha-3 code and a sector.

States come from the gazetteer (names, aliases, demonyms, capitals: "North
Korean troops" -> North Korea, PRK, sector MIL); organisations keep their own
code; generic actors ("protesters", "police") get a sector and no code.

A named person resolves to the state and sector they served on the event's
day (``resolve.roles``: Phoenix's dated roles, then ``people.tsv``); a noun
the hand table lacks takes its sector from Phoenix's agents
(``resolve.agents``); an institution the gazetteer lacks, from Phoenix's
country dictionary ("Federal Security Service" -> RUS).

>>> from dossier.models import ActorMention
>>> a = resolve_actor(ActorMention("North Korean troops", 0, 19, "state:PRK", "troop"))
>>> (a.name, a.code, a.sector)
('North Korea', 'PRK', 'MIL')
>>> a = resolve_actor(ActorMention("Dick Cheney", 0, 11, "person:Dick Cheney"), "2003-03-20")
>>> (a.code, a.kind, a.sector)
('USA', 'person', 'GOV')
>>> a = resolve_actor(ActorMention("Iranian authorities", 0, 19, "state:IRN", "authorities"))
>>> (a.code, a.kind, a.sector)
('IRN', 'government', 'GOV')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from dossier import gazetteer
from dossier.lexicons import petrarch
from dossier.models import Actor, ActorMention
from dossier.resolve import places, roles
from dossier.resolve.agents import noun_sector

Day = dt.date | str | None


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


def _person(mention: ActorMention, day: Day, sector: str | None, kind: str | None) -> Actor | None:
    """A named person ("person:NAME"), as the state they served on ``day``; None when
    neither table gives them a state or organisation."""
    if not (mention.entity or "").startswith("person:"):
        return None
    served = roles.person_role(mention.entity.partition(":")[2], day)
    if served is None:
        return None
    return Actor(
        text=mention.text,
        name=served.name if mention.noun is None else gazetteer.code_name(served.code),
        code=served.code,
        kind=kind if mention.noun else "person",  # "the Biden administration": government
        sector=sector or served.sector,
        offsets=(mention.start, mention.end),
        country=served.country,
    )


def _institution(mention: ActorMention, sector: str | None, kind: str | None) -> Actor | None:
    """An institution of a state that only the Phoenix dictionaries list."""
    found = [a for a in petrarch.actors(mention.text) if a.kind == "institution" and a.iso3]
    if not found:
        return None
    code = found[0].code
    return Actor(
        text=mention.text,
        name=gazetteer.state_name(found[0].iso3),
        code=found[0].iso3,
        kind=kind or "government",
        sector=sector or petrarch.sector_of(code)[:3] or None,
        offsets=(mention.start, mention.end),
        country=found[0].iso3,
    )


# "the North", "the South's army": a state named by the point of the compass that opens
# its name, when the story names one such state ("North Korea ... the North said").
ELIDED = re.compile(r"(?:[Tt]he\s+)?(North|South|East|West)(?:'s|’s)?(?=\s|$)")


def elided_state(text: str, context: Sequence[str]) -> gazetteer.Entry | None:
    """The state "the North" (or "the South", ...) stands for in a story about
    ``context`` (state codes): the one state of the story whose name begins with
    that word; None when there is none, or more than one.

    >>> elided_state("the North's defence ministry", ["KOR", "PRK", "USA"]).code
    'PRK'
    >>> elided_state("the North", ["USA"]) is None, elided_state("Northern Command", ["PRK"])
    (True, None)
    """
    found = ELIDED.match(text)
    if found is None:
        return None
    word = found.group(1) + " "
    states = [e for code in dict.fromkeys(context)
              if (e := gazetteer.state(code)) is not None and e.name.startswith(word)]
    return states[0] if len(states) == 1 else None


def resolve_actor(mention: ActorMention, day: Day = None, context: Sequence[str] = ()) -> Actor:
    """Turn an actor mention into an ``Actor`` record; ``day`` (the event's date, else
    the article's) picks a person's role; ``context`` (the story's states, most named
    first) tells which state "the North" is."""
    sector = kind = None
    if mention.noun:
        found = noun_sector(mention.noun)
        if found:
            sector, kind = found
    person = _person(mention, day, sector, kind)
    if person is not None:
        return person
    entry = _entry_for(mention)
    if entry is None and mention.entity is None and mention.kind is None:
        institution = _institution(mention, sector, kind)
        if institution is not None:
            return institution
    if entry is None and mention.entity is None and context:
        elided = elided_state(mention.text, context)
        if elided is not None:  # "the North's defence ministry" in a story on North Korea
            return Actor(text=mention.text, name=elided.name, code=elided.code,
                         kind=kind or "state", sector=sector, offsets=(mention.start, mention.end),
                         country=elided.code)  # fmt: skip
    if entry is None or mention.kind == "organisation":
        country = None
        if mention.place is not None:  # "the government of Sindh province" -> PAK
            place = places.resolve_place(mention.place.text)
            country = place.country if place is not None else None
        return Actor(
            text=mention.text,
            name=None,
            code=None,
            kind=mention.kind
            or kind
            or ("person" if mention.entity is None and not mention.noun else kind),
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
    written = gazetteer.lookup(mention.text) if is_state and not mention.noun else None
    if written is not None and written.kind == "capital" and written.code == entry.code:
        entry = written  # "Tehran denied": the capital stands for the government
    return Actor(
        text=mention.text,
        name=entry.name if is_state or not entry.country else entry.name,
        code=entry.code,
        kind="state" if is_state and not mention.noun else (kind or entry.kind),
        sector=sector or entry.sector or ("GOV" if is_state and entry.kind == "capital" else None),
        offsets=(mention.start, mention.end),
        country=entry.code if is_state else entry.country,
    )


def resolve_actors(
    mentions: list[ActorMention], day: Day = None, context: Sequence[str] = ()
) -> list[Actor]:
    """Resolve a list, dropping repeats of the same actor."""
    out: list[Actor] = []
    seen: set[tuple[str | None, str]] = set()
    for mention in mentions:
        actor = resolve_actor(mention, day, context)
        key = (actor.code, actor.text if actor.code is None else "")
        if key in seen:
            continue
        seen.add(key)
        out.append(actor)
    return out
