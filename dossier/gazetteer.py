"""Gazetteer: states, demonyms, capitals, organisations and generic actor nouns.

Three hand-curated tables ship in ``dossier/data`` and are read once per process:

- ``states.tsv``: every ISO 3166-1 country or territory (plus Kosovo, XKX) with a
  short common English name, aliases ("DPRK", "U.S.", "Britain"), demonyms
  ("North Korean", "North Koreans") and capitals ("Pyongyang").
- ``organisations.tsv``: IGOs, NGOs, national bodies (the Kremlin, the
  Pentagon, the IRGC), armed non-state groups, parties, media and companies.
  ``code`` is an organisation's own short code ("NATO", "HAMAS") or, for an
  organ of a state, that state's ISO3 ("Kremlin" -> RUS); ``country`` is the
  state it belongs to.
- ``actor_nouns.tsv``: generic actor nouns ("troop", "rebel", "police") with a
  sector and a kind; plurals are derived.

A variant written ``~Variant`` in a table is looked up but gets no EntityRuler
pattern: the word is too often something else ("Georgia", "Jordan", "Chad",
"Wagner", "Congress"), so the statistical NER decides, and ``lookup`` resolves
what it tags.

>>> lookup("North Korean")  # doctest: +NORMALIZE_WHITESPACE
Entry(text='North Korean', name='North Korea', code='PRK', kind='demonym', sector=None,
      country=None)
>>> (lookup("the Pentagon").code, lookup("Pentagon").country, entity_id(lookup("Pentagon")))
('USA', 'USA', 'org:Pentagon')
>>> lookup("Russia’s").code, lookup("us"), lookup("US").name
('RUS', None, 'United States')
>>> state_name("PRK"), actor_noun("troops"), actor_noun("table")
('North Korea', ('MIL', 'military'), None)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
STATE_KINDS = frozenset({"state", "demonym", "capital"})

# Names that contain a state name or demonym but are not that state: ruler
# patterns only (longest match wins), so "Latin America" is not tagged USA.
REGIONS: tuple[tuple[str, str], ...] = (
    ("LOC", "Latin America"),
    ("LOC", "Central America"),
    ("NORP", "Latin American"),
    ("NORP", "Latin Americans"),
    ("NORP", "North American"),
    ("NORP", "North Americans"),
    ("NORP", "South American"),
    ("NORP", "South Americans"),
    ("NORP", "Central American"),
    ("NORP", "Central Americans"),
    ("NORP", "African American"),
    ("NORP", "African Americans"),
    ("NORP", "Native American"),
    ("NORP", "Native Americans"),
    ("NORP", "Asian American"),
    ("NORP", "Asian Americans"),
)


@dataclass(frozen=True)
class Entry:
    """One gazetteer record, as found for a surface form."""

    text: str
    name: str
    code: str | None
    kind: str
    sector: str | None
    country: str | None


@dataclass
class _Tables:
    exact: dict[str, Entry] = field(default_factory=dict)
    folded: dict[str, Entry] = field(default_factory=dict)
    states: dict[str, Entry] = field(default_factory=dict)
    org_ids: dict[str, str] = field(default_factory=dict)
    # an organisation's own code -> its name ("NATO" -> "North Atlantic Treaty Organization")
    org_names: dict[str, str] = field(default_factory=dict)
    patterns: dict[tuple[str, str, str], None] = field(default_factory=dict)


def _norm(text: str) -> str:
    """Straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def _is_acronym(text: str) -> bool:
    """"US", "U.S.", "NATO", "G7": matched with their exact case only."""
    return not any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)


def _rows(name: str) -> Iterator[list[str]]:
    """Data rows of a TSV in ``DATA`` (comment lines and the header skipped)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header, *rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    for row in rows:  # an editor may have dropped trailing empty columns
        yield row + [""] * (len(header) - len(row))


def _variants(cell: str) -> list[tuple[str, bool]]:
    """``"A|~B"`` -> ``[("A", True), ("B", False)]``: (surface, give it a ruler pattern)."""
    return [(v.lstrip("~"), not v.startswith("~")) for v in cell.split("|") if v.strip()]


def _add(tables: _Tables, surface: str, entry: Entry, label: str | None, pid: str) -> None:
    key = _norm(surface)
    tables.exact.setdefault(key, entry)
    if not _is_acronym(key):
        tables.folded.setdefault(key.casefold(), entry)
    if label is not None:
        tables.patterns[(label, surface, pid)] = None
        if "'" in surface:
            tables.patterns[(label, surface.replace("'", "’"), pid)] = None


@cache
def _tables() -> _Tables:
    t = _Tables()
    for code, name, aliases, demonyms, capitals in _rows("states.tsv"):
        pid = f"state:{code}"
        base = Entry(name, name, code, "state", None, None)
        t.states[code] = base
        named = _variants(aliases)
        quiet = {v for v, patterned in named if not patterned}
        for kind, label, cell in (
            ("state", "GPE", name),
            ("state", "GPE", aliases),
            ("demonym", "NORP", demonyms),
            ("capital", "GPE", capitals),
        ):
            entry = replace(base, kind=kind)
            for surface, patterned in _variants(cell):
                patterned = patterned and surface not in quiet
                _add(t, surface, entry, label if patterned else None, pid)
    for texts, name, code, kind, sector, country in _rows("organisations.tsv"):
        variants = _variants(texts)
        plain = [v for v, _ in variants]
        own = code and code != country and code in plain
        pid = f"org:{code if own else plain[0]}"
        entry = Entry(plain[0], name, code or None, kind, sector or None, country or None)
        t.org_ids[name] = pid
        if code and code != country:
            t.org_names.setdefault(code, name)
        for surface, patterned in variants:
            _add(t, surface, entry, "ORG" if patterned else None, pid)
    for label, text in REGIONS:
        t.patterns[(label, text, f"region:{text}")] = None
    return t


def _clean(text: str) -> str:
    """Drop a leading "the" and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    key = _norm(text)
    if key.endswith("'s") and len(key) > 2:
        key = key[:-2]
    elif key.endswith("s'"):
        key = key[:-1]
    if key[:4].lower() == "the ":
        key = key[4:].lstrip()
    return key


@lru_cache(maxsize=50_000)
def lookup(text: str) -> Entry | None:
    """The state or organisation a surface form names, or None.

    Case-insensitive for names ("NORTH KOREA"), exact for acronyms ("US" is the
    United States, "us" is nothing); a lowercase single word ("china", "polish")
    never matches.  ``Entry.text`` is the cleaned input. Remembered (an ``Entry`` is
    frozen; the tables are read once per process).
    """
    key = _clean(text)
    if not key:
        return None
    t = _tables()
    entry = t.exact.get(key)
    if entry is None and not (key.islower() and " " not in key):
        entry = t.folded.get(key.casefold())
    return replace(entry, text=key) if entry is not None else None


def state(code: str) -> Entry | None:
    """The state with this ISO 3166-1 alpha-3 code ("PRK" -> North Korea), or None."""
    code = code.strip().upper()
    found = _tables().states.get(code)
    if found is not None:
        return found
    import pycountry  # fallback for codes newer than the table

    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    return Entry(name, name, code, "state", None, None)


@cache
def _people() -> dict[str, Entry]:
    people: dict[str, Entry] = {}
    for row in _rows("people.tsv"):
        if row[0] == "names":
            continue
        names, code, sector = row[0].split("|"), row[1], row[2]
        country = code if len(code) == 3 and code.isupper() and state(code) else None
        entry = Entry(names[0], names[0], code, "person", sector, country)
        for name in names:
            people.setdefault(name, entry)
    return people


@cache
def _people_roles() -> dict[str, str]:
    roles: dict[str, str] = {}
    for row in _rows("people.tsv"):
        if row[0] != "names" and row[3]:
            for name in row[0].split("|"):
                roles.setdefault(name, row[3])
    return roles


def person_roles(text: str) -> str:
    """The dated roles people.tsv gives a person, in the Phoenix table's notation
    ("USAGOV@2017-01-20/2021-01-20|USAELI"), or "" (read by ``resolve.roles``)."""
    return _people_roles().get(_clean(text), "")


def person(text: str) -> Entry | None:
    """A well-known leader by full name or distinctive surname ("Putin" -> RUS), or None.

    >>> person("Putin").code
    'RUS'
    """
    key = _clean(text)
    entry = _people().get(key)
    if entry is not None and " " not in key:
        entry = replace(entry, text=key, name=key)  # "Bush": which Bush is not known
    return entry


@cache
def _state_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, entry in _tables().states.items():
        if len(entry.name) >= 6:
            names[entry.name] = code
    return names


def fuzzy_state(text: str, *, cutoff: float = 90.0) -> Entry | None:
    """A state whose name ``text`` misspells ("Afganistan" -> Afghanistan), or None.

    Only for names of six letters or more, and only close matches: a typo, not
    a guess.

    >>> fuzzy_state("Afganistan").code
    'AFG'
    >>> fuzzy_state("Austin") is None
    True
    """
    from rapidfuzz import fuzz, process

    key = _clean(text)
    if len(key) < 6 or not key[:1].isupper():
        return None
    found = process.extractOne(key, list(_state_names()), scorer=fuzz.ratio, score_cutoff=cutoff)
    if found is None:
        return None
    return state(_state_names()[found[0]])


def state_name(code: str) -> str | None:
    """Short common English name of a state: "PRK" -> "North Korea"."""
    found = state(code)
    return found.name if found is not None else None


def code_name(code: str | None) -> str | None:
    """The canonical name of an actor code: the state's name for an ISO3 code, the
    organisation's name for its own code; None for a code neither has.

    >>> code_name("FRA"), code_name("NATO"), code_name("XYZ")
    ('France', 'North Atlantic Treaty Organization', None)
    """
    if not code:
        return None
    if code in _tables().states:
        return _tables().states[code].name
    return _tables().org_names.get(code) or state_name(code)


def entity_id(entry: Entry) -> str:
    """The ruler id for an entry: "state:PRK", "org:NATO", "org:Pentagon"."""
    if entry.kind in STATE_KINDS:
        return f"state:{entry.code}"
    return _tables().org_ids.get(entry.name, f"org:{entry.code or entry.name}")


def ruler_patterns() -> list[dict]:
    """spaCy EntityRuler phrase patterns (ORTH) for states, demonyms, capitals and orgs.

    Labels: GPE for names and capitals, NORP for demonyms, ORG for organisations;
    ids ``state:<ISO3>``, ``org:<code or primary name>`` and, for a few regions
    that only contain a state's name ("Latin America"), ``region:<name>``.
    """
    return [{"label": label, "pattern": pattern, "id": pid}
            for label, pattern, pid in _tables().patterns]


def _plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith(("x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


@cache
def _nouns() -> dict[str, tuple[str, str]]:
    nouns: dict[str, tuple[str, str]] = {}
    for noun, sector, kind in _rows("actor_nouns.tsv"):
        nouns.setdefault(noun, (sector, kind))
    for noun, value in list(nouns.items()):
        if not noun.endswith("s"):
            nouns.setdefault(_plural(noun), value)
    return nouns


def actor_noun(lemma: str) -> tuple[str, str] | None:
    """(sector, kind) of a generic actor noun, lemma or plural: "troops" -> ("MIL", "military")."""
    return _nouns().get(" ".join(lemma.lower().split()))
