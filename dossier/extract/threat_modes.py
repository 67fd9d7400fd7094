"""The mode of a threat, read from the act it threatens.

PLOVER files threats by what is threatened (CAMEO2PLOVER-2021: a threat of
attack is THREATEN mode ``violence``, of a blockade or sanctions ``restrict``, of
occupation ``territory``).  The act is the event a threat's clause or "of" phrase
names, which ``links`` already ties to the threat (``content``); the table
``data/threat_modes.tsv`` maps its type and mode to the threat's mode.

>>> threat_mode("ASSAULT", None), threat_mode("SANCTION", "discontinue")
('violence', 'restrict')
>>> threat_mode("COERCE", "curfew"), threat_mode("AID", None) is None
('restrict', True)
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def _table() -> list[tuple[str, str, str]]:
    path = resources.files("dossier") / "data" / "threat_modes.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(row[0], row[1], row[2]) for row in rows if row]


def threat_mode(threatened_type: str, threatened_mode: str | None) -> str | None:
    """The THREATEN mode for a threat of an act of this type and mode (None when the
    table has no row for it)."""
    for etype, mode, out in _table():
        if etype == threatened_type and mode in ("*", threatened_mode or ""):
            return out
    return None
