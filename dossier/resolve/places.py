"""Resolve place names to a canonical name, an ISO 3166-1 alpha-3 country and coordinates.

``resolve_place`` takes a place as written in news ("Russia’s Kursk Oblast",
"the Kursk region", "in Moscow", "Kiev", "Gaza Strip") and returns a
:class:`~dossier.models.Place` of kind ``country``, ``admin1``, ``city``,
``region``, ``airfield`` or (a county by its exact name, as a last resort)
``admin2``, or None; ``resolve_places`` resolves all the places of one story
together, each in the context the *others* give.  Everything is offline, read from
the prebuilt place index (``index``).

This module is the orchestration; the stages are modules of their own
(``dossier/resolve/README.md``), each importing only those before it:

- find: ``names`` (a place as written, cleaned), ``toponyms`` (the spans of a Doc)
  and the rules here that find places the model missed (``dateline_places``,
  ``embedded_place``, ``county_list_places``, ``known_place``, ``town_named``);
- candidates: ``candidates`` (every place a name may be), ``airfields``;
- context: ``context`` (the countries and subdivisions a story names, "City, Fla.",
  area codes, the subdivision its ambiguous names share, nearness);
- rank: ``rank`` (``_choose`` by ``FEATURES``, with the numbers of ``weights``) and
  ``lookup`` (one name to one candidate: its forms tried in turn, each ranked).

What the context stage needs of the rank stage (the place a name is on its own) is
passed in as ``READINGS``; what airfields need (the place "London airport" is named
after) as ``NAMESAKES``. ``place_patterns`` (``patterns``) gives the gazetteer
ruler's patterns.

>>> p = resolve_place("Russia’s Kursk Oblast", offsets=(10, 31))
>>> (p.name, p.country, p.kind, round(p.lat), round(p.lon), p.offsets)
('Kursk Oblast', 'RUS', 'admin1', 52, 36, (10, 31))
>>> resolve_place("Kiev").name, resolve_place("in Moscow").country
('Kyiv', 'RUS')
>>> resolve_place("Paris").country, resolve_place("Paris", context=("USA",)).country
('FRA', 'USA')
>>> resolve_place("Narnia") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from dossier.models import Place
from dossier.resolve import airfields, candidates, index, lookup, patterns
from dossier.resolve.candidates import (  # noqa: F401 - names tests and toponyms import
    ABBREVIATIONS,
    _admin1,
    _admin1_by_iso,
    _admin2,
    _admin_code,
    _admin_point,
    _alternate_index,
    _area_code_subdivision,
    _candidates,
    _cities,
    _countries,
    _country_name,
    _known,
    _pool,
    _regions,
    _spelled_out,
    _title,
    _towns_named,
)
from dossier.resolve.context import (  # noqa: F401 - names tests and the pipeline import
    _ABBREVIATION_AFTER_COMMA,
    _POSTAL_AFTER_COMMA,
    PlaceContext,
    Readings,
    Tallies,
    _context_of,
    _Evidence,
    _evidence,
    _nearness,
    _qualified,
    coherent_subdivisions,
    phone_subdivisions,
)
from dossier.resolve.context import place_context as _place_context
from dossier.resolve.lookup import (  # noqa: F401 - names tests and toponyms import
    NAMESAKES,
    _hint_for,
    _near_towns,
    _or_airfield,
    _place,
    _resolve,
    resolve_airfield,
    subdivision_demonym,
)
from dossier.resolve.names import (  # noqa: F401 - toponyms imports INSTITUTION_WORDS
    COMPASS,
    INSTITUTION_WORDS,
    Relatives,
    _clean,
    _fold_word,
    _related,
)
from dossier.resolve.patterns import place_patterns  # noqa: F401 - annotate imports it
from dossier.resolve.place_tables.common import _stopwords
from dossier.resolve.place_tables.world import REGION_DEMONYMS  # noqa: F401 - toponyms
from dossier.resolve.rank import _closer_namesakes
from dossier.resolve.records import Candidate as _Cand
from dossier.resolve.records import distance_km  # noqa: F401 - tests and evaluate import it


def warm_up() -> None:
    """Open the place index now (building it the first time) and read its small tables:
    for batch workers, so that the first articles are not the slow ones."""
    _countries(), _regions(), _cities(), _admin1()
    _alternate_index().get("Warm", folded=True)
    _towns_named("Vladivostok")
    _area_code_subdivision("212")
    airfields.warm_up()


def forget_lookups() -> None:
    """Forget every remembered lookup (``index.using`` swaps the tables: each module
    that remembers lookups registers its own with ``index.on_forget``)."""
    candidates.forget_lookups()
    lookup.forget_lookups()
    patterns.forget_lookups()
    airfields.forget_lookups()
    _alone.cache_clear()


@lru_cache(maxsize=20_000)
def _alone(text: str) -> _Cand | None:
    """The place ``text`` names with no context: a function of the name and the tables,
    remembered by its text (the context stage asks it of each name of every story)."""
    return _resolve(text, (), ())


index.on_forget(_alone.cache_clear)


# What the context stage reads of a name on its own (it comes before the rank stage).
READINGS = Readings(alone=_alone, hint=_hint_for)


def place_context(
    texts: Sequence[str], document: str | None = None, leave_out: str | None = None
) -> PlaceContext:
    """The countries and subdivisions a document names (see ``context.PlaceContext``).

    ``texts``: the places found in it, as written; ``document``: its text, read
    for "City, Fla." and "CITY, KY"; ``leave_out``: a text whose own evidence does
    not count (a name is not its own context: "Georgia" does not make a story
    about Georgia).

    >>> place_context(["Nashville", "Tennessee"], "PARIS, Tenn. -- A fire.")
    PlaceContext(countries=('USA',), admin1=('US.TN',))
    """
    return _place_context(texts, document, leave_out, readings=READINGS)


def resolve_place(
    text: str, *, context: Sequence[str] = (), offsets: tuple[int, int] | None = None,
    admin1: Sequence[str] = (),
) -> Place | None:
    """Resolve a place as written in news to a ``Place``, or None when unknown.

    ``context``: ISO3 codes of the states the document mentions, most frequent
    first; they break ties between same-named places.  ``admin1``: GeoNames
    admin-1 codes ("US.TN") of the subdivisions it names; a place in one of them
    comes first, down to towns of 500 people ("Paris" in a story that names
    Tennessee is Paris, Tennessee).  ``resolve_places`` finds both for a document.

    >>> resolve_place("Paris", context=("USA",), admin1=("US.TN",)).name
    'Paris'
    >>> round(resolve_place("Paris", context=("USA",), admin1=("US.TN",)).lon)
    -88
    """
    return lookup.place_named(text, context, admin1, offsets)


# A dateline: a line that opens with a place in capitals, then a dash or the source in
# brackets ("(AP)", a station's call sign), maybe after ", State": "BEIRUT —",
# "COLUMBUS, Ohio (AP) --", "LOUISVILLE, KY--", "EDMONTON, Ky. (WBKO) --".
_DATELINE = re.compile(
    r"(?m)(?:^|(?<=\. )|(?<=\d{4} ))[ \t]*(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})"
    r"(?:,\s+(?P<state>[A-Z][A-Za-z. ]{1,20}?))?\s*(?:\([A-Z][A-Za-z-]{1,12}\)\s*)?"
    r"(?:—|–|--|-|\x97|\x96|:(?=\s))"
)
# A story's first words in capitals before a sentence, with no dash: "DETROIT The U.S.
# Transportation Department ..." (a place only when it is a city or state, checked below).
_BARE_DATELINE = re.compile(r"\A\s*(?P<place>[A-Z]{3,}(?: [A-Z]{2,}){0,2})(?= [A-Z][a-z])")
# A lawmaker's party and home: "Sen. Byron Dorgan, D-N.D.", "Rep. Tom Bakk, DFL-Cook",
# "(R-Ocilla)".
_PARTY_HOME = re.compile(
    r"(?<![\w-])(?:D|R|I|DFL)-(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=[,);]|\s|$)"
)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Character offsets of the places in datelines, of state abbreviations after a
    comma ("Tampa, Fla.", "LOUISVILLE, KY") and of lawmakers' homes ("D-N.D."),
    known to the gazetteer.

    >>> text = "BEIRUT — A blast.\\nHOLLIDAY, Mo. — A man from Tampa, Fla. said."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['BEIRUT', 'HOLLIDAY', 'Mo.', 'Fla.']
    >>> text = "DETROIT The carmaker said. BREAKING NEWS Flights resumed."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['DETROIT']
    >>> text = "EDMONTON, Ky. (WBKO) -- A hunter was hurt."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['EDMONTON', 'Ky.']
    >>> text = "Sen. Byron Dorgan, D-N.D., and Rep. Tom Bakk, DFL-Cook, said."
    >>> [text[a:b] for a, b in dateline_places(text)]
    ['N.D.', 'Cook']
    """
    found: list[tuple[int, int]] = []
    for match in _DATELINE.finditer(text):
        place = match.group("place")
        state = match.group("state")
        admins = ()
        if state:
            hint = _hint_for(state)
            admins = (hint.admin1,) if hint and hint.admin1 else ()
        name = _title(place)  # a dateline is a place even when it is a word or name too
        if name.endswith(" Co."):  # "PLYMOUTH CO. -"
            name = name[:-3] + "County"
        spelled = _spelled_out(name)  # "ST. PARIS" is Saint Paris
        if (_candidates(name, False) or _towns_named(name) or _known(name, admins)
                or _towns_named(spelled)):  # "ISLE OF PALMS" is Isle of Palms
            found.append(match.span("place"))
    bare = _BARE_DATELINE.match(text)
    if bare and not found and any(c.kind in ("city", "admin1")
                                  for c in _candidates(bare.group("place").title(), False)):
        found.append(bare.span("place"))
    for match in _ABBREVIATION_AFTER_COMMA.finditer(text):
        found.append(match.span(1))
    for match in _PARTY_HOME.finditer(text):
        place = match.group("place")
        if (place in ABBREVIATIONS or f"{place}." in ABBREVIATIONS or _known(place)
                or _towns_named(place)):
            found.append(match.span("place"))
    for match in _POSTAL_AFTER_COMMA.finditer(text):
        if f"US-{match.group(1)}" in _admin1_by_iso():
            found.append(match.span(1))
    return sorted(set(found))


def known_place(text: str, admin1: Sequence[str] = ()) -> bool:
    """Whether ``text`` names a known place: a primary name of a city, subdivision,
    country or region, a county, or (with ``admin1``, the story's subdivisions) a town
    there; not a common word or first name ("Morgan") found only among small towns.

    >>> known_place("Chattanooga"), known_place("Morgan"), known_place("Laurel County")
    (True, False, True)
    """
    return _known(text, admin1)


def town_named(text: str, common: bool = True) -> bool:
    """Whether ``text`` is the primary name of a place anywhere, down to towns of 500
    people, with ``common`` even a common word or name ("Hamilton"): for names that
    the words around them show to be places ("a Crafton man", "the two Hamilton women",
    "a fire in Penacook").

    >>> town_named("Myerstown"), town_named("Hamilton"), town_named("Narnia")
    (True, True, False)
    >>> town_named("Hamilton", common=False)
    False
    """
    name = _spelled_out(_clean(text, strip=False))
    if len(name) < 3 or not name[:1].isupper():
        return False
    if not common and name.lower() in _stopwords():
        return False
    return _known(name, (), common=common) or bool(_towns_named(name))


def namesakes_near(one: str, other: str, km: float = 100.0) -> bool:
    """Whether a town or county named ``one`` lies within ``km`` of one named ``other``:
    for a name listed with a place ("Gainesville and Lindsay", both in Texas).

    >>> namesakes_near("Myerstown", "Lebanon"), namesakes_near("Myerstown", "Tulsa")
    (True, False)
    """
    ones, others = _pool(one), _pool(other)
    return any(distance_km(a.lat, a.lon, b.lat, b.lon) <= km  # type: ignore[arg-type]
               for a in ones for b in others)


_NAME = r"[A-Z][a-z][\w'’.-]*(?: [A-Z][a-z][\w'’.-]*)?"
_LIST_SEP = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_COUNTY_LIST = re.compile(rf"({_NAME}(?:{_LIST_SEP}{_NAME})+)\s+(?:counties|Counties)\b")


def county_list_places(text: str) -> list[tuple[int, int]]:
    """Character offsets of the counties in "Jackson, Barrow and Madison counties".

    >>> text = "in Henry, Weakley and Carroll counties"
    >>> [text[a:b] for a, b in county_list_places(text)]
    ['Henry', 'Weakley', 'Carroll']
    """
    found = []
    for match in _COUNTY_LIST.finditer(text):
        for name in re.finditer(_NAME, match.group(1)):
            if _admin2(f"{name.group()} County"):
                found.append((match.start(1) + name.start(), match.start(1) + name.end()))
    return found


def embedded_place(text: str, admin1: Sequence[str] = (), people: bool = False
                   ) -> tuple[int, int] | None:
    """Character offsets of a place at the head of an organisation's name, or None.

    "Madison County Health Department" -> "Madison County"; "Georgia Public Service
    Commission" -> "Georgia".  The place must be a known primary name, a county or
    (with ``admin1``, the document's subdivisions) a town there, or any town before
    an institution word ("the Crestwood Police Department"); the rest of the name
    must go on in capitals.  With ``people`` (a person's name and title, "Laurel
    County Clerk Dean Johnson"), only a place before an institution word counts.

    >>> embedded_place("the Laurel County Sheriff's Office")
    (4, 17)
    >>> embedded_place("Apple Store") is None
    True
    """
    words = list(re.finditer(r"\S+", text))
    first = 1 if words and words[0].group().lower() == "the" else 0
    found = _place_heading(text, words, first, admin1, people)
    if found is None and len(words) > first + 2 and words[first].group().lower() in COMPASS:
        found = _place_heading(text, words, first + 1, admin1, people)  # "Northeast Georgia"
    if found is not None or people:
        return found
    for n, word in enumerate(words[:-1]):  # "the University of Georgia"
        if word.group() != "of":
            continue
        # after "City of" a common word is a town too ("City of Oxford residents")
        town = n > 0 and words[n - 1].group().lower() in ("city", "town", "village", "borough")
        for stop in range(len(words), n + 1, -1):
            start, end = words[n + 1].start(), words[stop - 1].end()
            name = text[start:end]
            if name[:1].isupper() and _known(name, admin1, common=town) and (
                not _country_name(name) or _admin1().index.get(name, False)
            ):  # not "Bank of America"; "the University of Georgia" (a state too)
                return start, end
    return None


def _place_heading(text: str, words: list[re.Match[str]], first: int, admin1: Sequence[str],
                   people: bool) -> tuple[int, int] | None:
    """The place that ``words[first:]`` open with, the rest of the name in capitals
    (``embedded_place``)."""
    for n in range(len(words) - 1, first, -1):
        start, end = words[first].start(), words[n - 1].end()
        head, following = text[start:end], words[n].group()
        if not following[:1].isupper() or not head[:1].isupper():
            continue
        kind = _fold_word(following)
        if kind in ("county", "parish") and _admin2(f"{head} {kind.title()}"):
            return start, words[n].start() + len(kind)  # "Clark County’s": the county
        # before "Police", "City Council", "Superior Court" a common word is a place too
        common = kind in INSTITUTION_WORDS
        if (common or not people) and _known(head, admin1, common):
            return start, end
        if common and n - first <= 3 and (
            _towns_named(_spelled_out(head))
            or head.lower() not in _stopwords() and _admin2(f"{head} County")
        ):  # "Crestwood Police", "the Byesville Volunteer Fire", "Gwinnett Medical Center"
            return start, end
    return None


def resolve_places(
    texts: Sequence[str], *, document: str | None = None,
    offsets: Sequence[tuple[int, int] | None] | None = None, context: Sequence[str] = (),
) -> list[Place | None]:
    """Resolve all the places of one document together (one ``Place`` or None each).

    Each is resolved with the countries and subdivisions that the *other* places
    and ``document`` name (``place_context``), after the states in ``context``:
    "Paris" is in France, but in a story that also names Tennessee it is Paris,
    Tennessee; "Georgia" next to "Atlanta, Ga." is the US state.

    >>> [p.country for p in resolve_places(["Georgia", "Atlanta", "Tbilisi"])]
    ['GEO', 'USA', 'GEO']
    >>> [p.name for p in resolve_places(["Georgia", "Columbus"], document="Columbus, Ga.")]
    ['Georgia', 'Columbus']
    """
    evidence = _evidence(texts, document, READINGS)
    qualified = _qualified(texts, document, READINGS)
    nearness = _nearness(texts)  # the same in both passes
    chosen = _resolve_all(texts, evidence, context, qualified, nearness)
    # the towns chosen are context too ("Gainesville" near "Georgia"), where they
    # confirm what the story names rather than bring in a new state ("Saint Paul"
    # in a story about Egypt's churches)
    named = _context_of(evidence, None)
    evidence += [
        _Evidence.of(text, cand) for text, cand in chosen.items()
        if cand is not None and cand.kind in ("city", "admin2") and (
            not named.countries or cand.country in named.countries
            or _admin_code(cand) in named.admin1)
    ]
    chosen = _resolve_all(texts, evidence, context, qualified, nearness)
    chosen.update(_closer_namesakes(chosen, named.admin1))
    story = tuple(dict.fromkeys([*context, *(c.country for c in chosen.values() if c)]))
    for text, cand in chosen.items():  # "Heathrow" in a story that names London
        if airfields.bare_head(text.split(" ", 1)[0]):
            chosen[text] = _or_airfield(text, cand, tuple(c for c in story if c),
                                        _context_of(evidence, text).admin1)
    out: list[Place | None] = []
    for n, text in enumerate(texts):
        cand = chosen[text]
        span = offsets[n] if offsets is not None else None
        out.append(_place(cand, text, span) if cand is not None else None)
    return out


def _resolve_all(texts: Sequence[str], evidence: list[_Evidence], context: Sequence[str],
                 qualified: Mapping[str, str], nearness: Mapping[str, Mapping[str, float]]
                 ) -> dict[str, _Cand | None]:
    chosen: dict[str, _Cand | None] = {}
    given = [c for c in context if c]
    given_counts = Counter(given)
    said = list(dict.fromkeys(item.text for item in evidence))
    relatives = Relatives(said)
    tallies = Tallies(evidence)  # counted once; each name's relatives left out in turn
    # the support, countries and subdivisions of the evidence of the places other than
    # a set of related names, worked out once per set and only read (the towns the
    # evidence does not name leave out none of it)
    told: dict[frozenset[str], tuple[dict[str, float], tuple[str, ...], tuple[str, ...]]] = {}
    everyone = frozenset(said)
    for text in dict.fromkeys(texts):
        related = everyone.intersection(relatives.of(text))
        if related not in told:
            countries, admins = tallies.without(related)
            counts: dict[str, float] = dict(given_counts)
            for code, times in [*countries.items(), *admins.items()]:
                counts[code] = counts.get(code, 0) + times
            told[related] = counts, tuple(dict.fromkeys([*given, *countries])), tuple(admins)
        support, ctx, found_admins = told[related]
        near = nearness.get(text)
        if near:  # a copy: the counts are shared by the names told alike
            support = dict(support)
            for key, closeness in near.items():
                support[key] = support.get(key, 0) + closeness
        chosen[text] = _resolve(qualified.get(text, text), ctx, found_admins, support)
    return chosen
