"""Generic actor nouns ("troops", "authorities", "coast guard") -> sector and kind.

Dossier's own table (``dossier/data/actor_nouns.tsv``, read by the gazetteer)
comes first; a noun it lacks is looked up in the Phoenix agents dictionary
(``lexicons.petrarch.agent``: 3,302 nouns and plurals with CAMEO sector codes,
"ministry of foreign affairs" -> ``~GOV``).  A CAMEO sector with a subsector
("GOVMIL", a defence ministry) is given by its first part, as CAMEO's
hierarchy reads it; the kind is the sector's plain name.

>>> noun_sector("troops"), noun_sector("ministry of foreign affairs")
(('MIL', 'military'), ('GOV', 'government'))
>>> noun_sector("assailants"), noun_sector("table")
(('UAF', 'unidentified'), None)
"""

from __future__ import annotations

from functools import cache

from dossier import gazetteer
from dossier.lexicons import petrarch

# CAMEO's sector codes (CAMEO manual, "Domestic role codes") by plain name.
SECTOR_KINDS = {
    "GOV": "government", "MIL": "military", "REB": "rebel", "OPP": "opposition",
    "COP": "police", "JUD": "judiciary", "LEG": "legislature", "SPY": "intelligence",
    "PTY": "party", "CVL": "civilian", "BUS": "business", "CRM": "criminal",
    "MED": "media", "EDU": "education", "HLH": "health", "LAB": "labour",
    "AGR": "agriculture", "REL": "religion", "ENV": "environment", "REF": "refugee",
    "HRI": "rights", "DEV": "development", "ELI": "elite", "UAF": "unidentified",
    "IGO": "igo", "NGO": "ngo", "MNC": "company", "INS": "insurgent", "SEP": "separatist",
}  # fmt: skip


@cache
def noun_sector(noun: str) -> tuple[str, str] | None:
    """(sector, kind) of an actor noun, its plural or a multi-word agent; None if neither
    table lists it."""
    found = gazetteer.actor_noun(noun)
    if found is not None:
        return found
    agent = petrarch.agent(noun)
    if agent is None:
        return None
    sector = agent.sector[:3]
    kind = SECTOR_KINDS.get(sector)
    return (sector, kind) if kind is not None else None
