"""The state and sector a named person served on a day.

Two sources, read in this order:

1. A **dated role** covering the day, from the hand table
   ``dossier/data/people.tsv`` (its ``roles`` column, for holders after 2015)
   or from the Phoenix dictionaries (``lexicons.petrarch``: "Dick Cheney" was
   ``USAGOV`` from 2001-01-20 to 2009-01-20).  Phoenix's people stop in 2015: a
   role it leaves open ("Obama ``USAGOV`` from 2009-01-20") is only taken as
   covering days up to ``PHOENIX_HORIZON``.
2. Otherwise the hand table's undated code and sector ("Zelensky" UKR GOV),
   then Phoenix's role still open at its horizon (the person's last known
   post), then its undated default (``USAELI``: a political figure out of
   office).

A CAMEO code gives the state (its first three letters, ``iso3_of``) and the
sector (the next three: ``USAGOVMIL`` -> GOV).  Roles in international
organisations (``IGOUNO``) give no state.

>>> cheney = person_role("Dick Cheney", "2003-03-20")
>>> (cheney.code, cheney.sector, cheney.source)
('USA', 'GOV', 'phoenix')
>>> person_role("Dick Cheney", "2012-05-01").sector
'ELI'
>>> trump = person_role("Donald Trump", "2025-03-01")
>>> (trump.code, trump.sector, trump.source)
('USA', 'GOV', 'hand')
>>> person_role("Donald Trump", "2022-06-01").sector
'ELI'
>>> person_role("Zelensky", "2024-01-01").code
'UKR'
>>> person_role("No Such Person", "2024-01-01") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from dossier import gazetteer
from dossier.lexicons import petrarch

# The last day the Phoenix dictionaries know about (their latest dated role
# begins 2015-02-17; README: "their people's roles stop in 2015").
PHOENIX_HORIZON = date(2015, 12, 31)


@dataclass(frozen=True)
class Served:
    """Whom a person acted for: a state (ISO3) or an organisation's code, and a sector."""

    code: str
    sector: str | None
    country: str | None
    source: str  # "phoenix" or "hand"
    name: str


def _from_cameo(role: petrarch.Role, name: str) -> Served | None:
    iso3 = role.iso3
    if iso3 is None:
        return None
    return Served(iso3, role.sector[:3] or None, iso3, "phoenix", name)


def _covers(role: petrarch.Role, day: date, horizon: date | None) -> bool:
    if not role.dated or not role.covers(day):
        return False
    return role.end is not None or horizon is None or day <= horizon


@cache
def _hand_roles(key: str) -> tuple[petrarch.Role, ...]:
    return petrarch._parse_roles(gazetteer.person_roles(key))


def _phoenix_people(name: str) -> list[petrarch.Actor]:
    return [a for a in petrarch.actors(name) if a.kind == "person"]


def is_known(name: str) -> bool:
    """Whether either table knows the name as a person ("Dick Cheney", "Zelensky")."""
    return gazetteer.person(name) is not None or bool(_phoenix_people(name))


def person_role(name: str, day: date | str | None) -> Served | None:
    """Whom ``name`` acted for on ``day`` (None: the hand table's, else the last known)."""
    when = petrarch._as_date(day) if day else None
    hand = gazetteer.person(name)
    phoenix = [r for a in _phoenix_people(name) for r in a.roles]
    label = hand.name if hand is not None else name
    if when is not None:
        if hand is not None:
            for role in _hand_roles(hand.name):
                if _covers(role, when, None):
                    served = _hand_served(role, hand)
                    if served is not None:
                        return served
        for role in phoenix:
            if _covers(role, when, PHOENIX_HORIZON):
                served = _from_cameo(role, label)
                if served is not None:
                    return served
    if hand is not None and hand.code:
        undated = next((r for r in _hand_roles(hand.name) if not r.dated), None)
        if undated is not None:
            served = _hand_served(undated, hand)
            if served is not None:
                return served
        return Served(hand.code, hand.sector, hand.country, "hand", hand.name)
    ordered = [r for r in phoenix if r.dated and r.end is None]
    ordered += [r for r in phoenix if not r.dated]
    for role in ordered:
        served = _from_cameo(role, label)
        if served is not None:
            return served
    return None


def _hand_served(role: petrarch.Role, hand: gazetteer.Entry) -> Served | None:
    iso3 = role.iso3
    if iso3 is None:
        return None
    return Served(iso3, role.sector[:3] or None, iso3, "hand", hand.name)
