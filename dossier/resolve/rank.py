"""The *rank* stage: of the candidates a name may be, the one the story means.

``_choose`` filters by a hint ("Tampa, Florida": in Florida), keeps a region, a
country or a city that stands for its subdivision by the rules below, then compares
the rest by ``FEATURES``, in priority order (the first feature that differs decides):

- ``named``: how often the story names the candidate's subdivision (a subdivision or
  capital of a story country, or a city of ``BIG_CITY`` people in a named subdivision,
  counts as named as the most named);
- ``near``: its closeness to the namesakes of the story's other places
  (``context._nearness``);
- ``in_story_country``: whether it lies in a country the story names;
- ``importance``: its size (``weights._importance``).

The story's evidence arrives as plain values (``context``: ISO3 codes, admin-1 codes,
``support`` weights by code or candidate key); ``_closer_namesakes`` is the story-wide
pass over the chosen towns ("Norfolk" next to "Sioux City" is Norfolk, Nebraska).
The numbers are in ``weights.WEIGHTS``.

>>> from dossier.resolve.candidates import _candidates
>>> _choose(_candidates("Paris", False), ()).country
'FRA'
>>> _choose(_candidates("Paris", False), ("USA",), admins=("US.TX",)).country
'USA'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dossier.resolve.candidates import BIG_CITY, METROPOLIS, _admin_code, _admin_point, _Hint, _pool
from dossier.resolve.names import _related
from dossier.resolve.records import Candidate as _Cand
from dossier.resolve.records import distance_km
from dossier.resolve.weights import WEIGHTS, _importance


@dataclass(frozen=True)
class _Story:
    """What the features read of the story: its countries, the weights of the codes and
    candidates it supports, and the best of those among the candidates."""

    countries: frozenset[str]
    weights: Mapping[str, float]
    top_admin: float
    top_near: float


def _state_of_story(c: _Cand, story: _Story) -> bool:
    return c.country in story.countries and (c.kind == "admin1" or c.capital)


def _named(c: _Cand, story: _Story) -> float:
    """How often the story names the place's subdivision: a town in a subdivision it
    names comes first ("Paris" near "Tenn."); a subdivision or a capital of a state it
    names counts as named ("Florida" is the state, not the town of Florida, New York),
    and so does a big city in a subdivision it names (Toronto, in a story naming Ontario)."""
    named = story.weights.get(_admin_code(c) or "", 0)
    if _state_of_story(c, story):
        return max(named, story.top_admin)
    if named and _importance(c) >= BIG_CITY:
        return story.top_admin
    return named


def _near(c: _Cand, story: _Story) -> float:
    """Closeness to the story's other places (a subdivision or capital of a story
    country counts as near as the nearest)."""
    near = story.weights.get(c.key, 0.0)
    return max(near, story.top_near) if _state_of_story(c, story) else near


def _in_story_country(c: _Cand, story: _Story) -> bool:
    return c.country in story.countries


def _size(c: _Cand, story: _Story) -> float:
    return _importance(c)


# The features that rank same-named candidates, in priority order: a new preference is
# a feature here (with a test of two stories that differ only in it), not a branch.
FEATURES: tuple[tuple[str, Callable[[_Cand, _Story], float]], ...] = (
    ("named", _named),
    ("near", _near),
    ("in_story_country", _in_story_country),
    ("importance", _size),
)


def _in_admin1(city: _Cand, admin: _Cand) -> bool:
    return bool(admin.admin1) and f"{city.alpha2}.{city.admin1}" == admin.admin1


def _choose(cands: list[_Cand], context: Sequence[str], hint: _Hint | None = None,
            admins: Sequence[str] = (), support: Mapping[str, float] | None = None
            ) -> _Cand | None:
    if len(cands) < 2:  # one candidate is the answer whatever the story says
        return cands[0] if cands else None
    if hint is not None:
        if hint.admin1:
            inside = [c for c in cands if c.admin1 == hint.admin1
                      or (c.kind == "city" and f"{c.alpha2}.{c.admin1}" == hint.admin1)]
            cands = inside or cands
        if hint.country:
            inside = [c for c in cands if c.country == hint.country]
            cands = inside or cands
            context = [hint.country, *context]
    for kind in ("region",):
        found = [c for c in cands if c.kind == kind]
        if found:
            return max(found, key=_importance)
    ctx = [c for c in context if c]
    countries = [c for c in cands if c.kind == "country"]
    others = [c for c in cands if c.kind != "country"]
    if countries:
        # a country name stays the country, unless the context is about another state
        # that has a subdivision of that name ("Georgia" in a US story); a subdivision
        # with no towns of its own is a claim, not a place ("Taiwan" is not China's
        # "Taiwan Sheng" in a story about China)
        country = max(countries, key=lambda c: c.weight)
        if not ctx and support:  # "Lebanon" a few miles from the story's other towns
            near = [c for c in others if support.get(c.key, 0.0) >= WEIGHTS.near_town]
            if near:
                return max(near, key=lambda c: (support.get(c.key, 0.0), _importance(c)))
        if not ctx or country.country in ctx:
            return country
        in_ctx = [c for c in others if c.kind == "admin1" and c.country in ctx]
        if not in_ctx and admins:  # "Palestine" in a story that names Texas
            in_ctx = [c for c in others if _about_its_subdivision(c, ctx, admins, support)]
        in_ctx = [c for c in in_ctx if c.kind != "admin1" or c.lat is not None
                  or _admin_point(c.key) is not None]
        return max(in_ctx, key=_importance) if in_ctx else country
    # a city inside a same-named region stands for it ("Aleppo", "New York", "Kursk"),
    # unless the region's towns hold many times its people ("Quebec" is the province)
    subdivisions = [c for c in cands if c.kind == "admin1"]
    cities = [c for c in cands if c.kind == "city"]
    if subdivisions and cities:
        cands = [c for c in cands if not (c.kind == "admin1" and any(
            _in_admin1(city, c) and c.weight < WEIGHTS.region_over_city * city.weight
            for city in cities))]
    if len(cands) == 1:  # one left (the hint's, or a city standing for its region)
        return cands[0]
    weights = support if support is not None else _support(ctx, admins)
    story = _Story(
        countries=frozenset(ctx), weights=weights,
        top_admin=max((weights.get(a, 0) for a in admins), default=0),
        top_near=max((weights.get(c.key, 0.0) for c in cands), default=0.0),
    )
    return max(cands, key=lambda c: tuple(feature(c, story) for _name, feature in FEATURES))


def _about_its_subdivision(town: _Cand, ctx: Sequence[str], admins: Sequence[str],
                           support: Mapping[str, float] | None) -> bool:
    """Whether a story is about the subdivision a town lies in, so that the town's name
    is the town and not the country of that name ("Palestine" in a story about East
    Texas): no other subdivision is named more, and the story is about the town's
    country or names that subdivision more than once. A story about Canada that also
    has one Texas town is not about Texas ("China" stays China)."""
    code = _admin_code(town)
    if code not in admins:
        return False
    if support is None:  # the subdivisions in order only, most named first
        return code == admins[0] and town.country == ctx[0]
    named = support.get(code or "", 0)
    if named < max((support.get(a, 0) for a in admins), default=0):
        return False
    return town.country == ctx[0] or named >= 2


def _support(ctx: Sequence[str], admins: Sequence[str]) -> dict[str, float]:
    """Weights for context given in order only (most named first): the first counts most."""
    weights = {code: len(ctx) - n for n, code in enumerate(ctx)}
    weights.update({code: len(admins) - n for n, code in enumerate(admins)})
    return weights


def _closer_namesakes(chosen: Mapping[str, _Cand | None], admins: Sequence[str]
                      ) -> dict[str, _Cand]:
    """Towns chosen by size alone, far from all the story's other towns, that have a
    namesake close to one of them ("Norfolk" in a story about Denison, Iowa, is
    Norfolk, Nebraska, not Virginia): a local story's places lie together.

    The smallest town moves first, and the others are then measured from where it
    moved, so that two towns never swap past each other ("Portland" and "Springfield"
    end up both in Oregon, not each next to the other's namesake).
    """
    towns = {text: cand for text, cand in chosen.items()
             if cand is not None and cand.kind in ("city", "admin2") and cand.lat is not None}
    out: dict[str, _Cand] = {}
    for text in sorted(towns, key=lambda t: _importance(towns[t])):
        cand = towns[text]
        if cand.capital or cand.weight >= METROPOLIS or _admin_code(cand) in admins:
            continue
        others = [other for name, other in towns.items() if not _related(name, text)]
        if not others:
            continue

        def gap(c: _Cand, others: list[_Cand] = others) -> float:
            return min(distance_km(c.lat, c.lon, o.lat, o.lon)  # type: ignore[arg-type]
                       for o in others)

        if gap(cand) <= WEIGHTS.far_km:
            continue
        close = [c for c in _pool(text) if c.country == cand.country and gap(c) <= WEIGHTS.close_km]
        if close:
            out[text] = towns[text] = min(close, key=gap)
    return out
