"""Every number place resolution weighs candidates by, in one table (``WEIGHTS``).

A rule that prefers one same-named place to another by how much of something it has
(people, nearness, how often the story names its subdivision) is a weight here, read
by the stages (``candidates``, ``context``, ``rank``, ``lookup``): change a number,
not a branch.  ``_importance`` is a candidate's size as the ranker compares it.

>>> WEIGHTS.capital, WEIGHTS.near_km
(10.0, 100.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.resolve.records import Candidate as _Cand


@dataclass(frozen=True)
class Weights:
    """The weights and thresholds of place ranking (see each field)."""

    # A national capital counts this many times its population when ranking same-named
    # places ("Washington" is the capital before the state).
    capital: float = 10.0
    # A subdivision whose towns hold this many times the people of a same-named city in
    # it is what the bare name means ("Quebec", "Guanajuato"); otherwise the city is
    # ("Aleppo").
    region_over_city: float = 10.0
    # A small town counts as a candidate by nearness alone when its namesakes among the
    # story's other places add up to this much (``context._nearness``: one within 30 km,
    # or two within 65 km) ...
    near_town: float = 0.7
    # ... and when no city of that name is this big (a regional centre, "Manchester").
    near_town_rival: float = 100_000
    # Coherence needs this many of a story's ambiguous names to share a subdivision;
    # names with a city this big (or a country, subdivision or capital) among their
    # namesakes stay out (``context.coherent_subdivisions``).
    coherent_min: int = 2
    coherent_max: float = 1_000_000
    # Places of one story this close (km) to each other's namesakes are likely the ones
    # meant: nearness falls from 1 at 0 km to nothing at this distance.
    near_km: float = 100.0
    # A town chosen this far (km) from all the story's other towns gives way to a
    # namesake this close (km) to one of them (``rank._closer_namesakes``).
    far_km: float = 400.0
    close_km: float = 200.0


WEIGHTS = Weights()


def _importance(cand: _Cand) -> float:
    """A candidate's size: its population (a subdivision counts its cities' people), a
    national capital's times ``WEIGHTS.capital``."""
    weight = cand.weight
    if cand.kind == "city" and cand.capital:
        weight *= WEIGHTS.capital
    return weight
