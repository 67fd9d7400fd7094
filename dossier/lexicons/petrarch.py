"""The PETRARCH2 / Phoenix dictionaries as lookups an extractor needs (lazy, cached).

The tables in ``dossier/data/petrarch/`` are built from PETRARCH2's MIT-licensed
dictionaries by ``python3 -m dossier.lexicons.build_petrarch`` (see its
docstring and ``dossier/data/petrarch/LICENSE``).  Each is read once, on
first use.  Words and names are looked up lower-cased with single spaces.

Verbs: a verb belongs to one or more CAMEO blocks; each block has patterns
(object nouns, prepositional phrases) with a CAMEO code mapped to a PLOVER
type, mode and context.  ``verb_patterns`` gives the verb's own code first
(empty slots), then its blocks' patterns; a pattern with CAMEO code ``---``
(type ``None``) says "this use is no event" and should block the bare verb.

>>> [p.type for p in verb_patterns("consult")][:1]
['CONSULT']
>>> aid = [p for p in verb_patterns("provide") if "&weapon" in p.object]
>>> (aid[0].type, aid[0].context, aid[0].code)
('AID', 'military', '072')
>>> "rifles" in aid[0].object_words()
True

Actors: a name maps to actor records (a state, an institution, a person, an
armed group...), each with roles; a role with dates applies between them
(inclusive), an undated one is the default when no dated role applies.

>>> [(r.code, str(r.start), str(r.end)) for r in actor_roles("dick cheney")][:2]
[('USAELI', '1959-01-01', '1975-11-01'), ('USAGOV', '2001-01-20', '2009-01-20')]
>>> role_on("dick cheney", "2003-03-20"), role_on("dick cheney", "2012-05-01")
('USAGOV', 'USAELI')
>>> role_on("the Kremlin", "2020-01-01"), actor_kind("kremlin")
('RUSGOV', 'institution')
>>> role_on("no such actor anywhere", "2020-01-01") is None
True

Agents and discards:

>>> agent_sector("police"), agent_sector("troops"), agent_sector("rebels")
('COP', 'MIL', 'REB')
>>> discard_match("He won the silver medal in Tokyo").phrase
'silver medal'
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources

# CAMEO writes Kosovo KSV; this project (and ISO's user-assigned convention) XKX.
_CAMEO_TO_ISO3 = {"KSV": "XKX"}


@cache
def _iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def iso3_of(code: str) -> str | None:
    """The ISO 3166-1 alpha-3 code a CAMEO actor code starts with, if it does.

    >>> iso3_of("USAGOV"), iso3_of("KSVMIL"), iso3_of("IGOUNO"), iso3_of("SUN")
    ('USA', 'XKX', None, None)
    """
    head = _CAMEO_TO_ISO3.get(code[:3], code[:3])
    return head if len(code) >= 3 and head in _iso3_codes() else None


def sector_of(code: str) -> str:
    """What follows the country in a CAMEO actor code ("USAGOVMIL" -> "GOVMIL")."""
    return code[3:] if iso3_of(code) else code


# ---------------------------------------------------------------- table reading

def _rows(name: str) -> Iterator[dict[str, str]]:
    base = resources.files("dossier") / "data" / "petrarch"
    path = base / name
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    lines = (line for line in raw.decode("utf-8").split("\n") if line and line[0] != "#")
    header = next(lines).split("\t")
    for line in lines:  # plain tab-separated: no quoting, no tab inside a cell (the build checks)
        yield dict(zip(header, line.split("\t"), strict=True))


def _key(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").split())


def _as_date(day: date | str) -> date:
    return day if isinstance(day, date) else date.fromisoformat(str(day)[:10])


# ---------------------------------------------------------------- verbs

@dataclass(frozen=True)
class VerbPattern:
    """One CAMEO pattern of a verb: slots, CAMEO code(s), PLOVER type/mode/context.

    ``subject``/``object``: noun phrases before/after the verb (head word last;
    ``&label`` a synonym set; ``$`` source, ``+`` target, ``^`` any phrase).
    ``preps``/``subject_preps``: (preposition, noun phrases); a preposition
    may list alternatives ("to/for").  ``code2``/``type2``: the reciprocal
    event, target -> source ("visit" 042 has host 043).
    """

    verb: str
    block: str
    code: str
    type: str | None
    mode: str | None
    context: str | None
    subject: tuple[str, ...] = ()
    subject_preps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    object: tuple[str, ...] = ()
    preps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    code2: str | None = None
    type2: str | None = None
    found_with: str | None = None
    line: int = 0
    frame: str | None = None  # argument map of the coded event (cameo_frames.py)
    mode2: str | None = None
    explicit: bool = False  # a verb's own code written on its line (not its block's)

    @property
    def bare(self) -> bool:
        """True for the verb's own code (no slot to match)."""
        return not (self.subject or self.subject_preps or self.object or self.preps)

    def object_words(self) -> frozenset[str]:
        """Every phrase that fills the object slot, synonym sets expanded.

        >>> sorted(verb_patterns("rush")[2].object_words())[:2]
        ['aid']
        """
        return frozenset(w for np in self.object for w in expand(np))


def _split_nps(text: str) -> tuple[str, ...]:
    return tuple(filter(None, text.split("|")))


def _split_preps(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for item in filter(None, text.split("|")):
        prep, _, nps = item.partition(":")
        out.append((prep, tuple(filter(None, nps.split(",")))))
    return tuple(out)


@cache
def _synsets() -> dict[str, tuple[str, ...]]:
    return {row["label"]: tuple(row["words"].split("|")) for row in _rows("synsets.tsv")}


def synset(label: str) -> tuple[str, ...]:
    """The words of a synonym set ("&currency"), plurals included; () if undefined."""
    return _synsets().get(label.lower(), ())


def expand(phrase: str) -> tuple[str, ...]:
    """A pattern noun phrase with its synonym sets spelled out.

    >>> expand("&ceasefire talk")[:2]
    ('truce talk', 'truces talk')
    """
    options = [""]
    for word in phrase.split(" "):
        alts = synset(word) if word.startswith("&") and synset(word) else (word,)
        options = [f"{o} {a}".strip() for o in options for a in alts]
    return tuple(options)


@cache
def _verbs() -> tuple[dict[str, list[dict[str, str]]], dict[str, list[dict[str, str]]]]:
    """The verb rows by lemma, form and phrase, and the pattern rows by block (read
    as rows; a block's ``VerbPattern``s are built when a verb of it is first met)."""
    by_word: dict[str, list[dict[str, str]]] = {}
    for row in _rows("verbs.tsv"):
        keys = {row["phrase"], *filter(None, row["forms"].split("|"))}
        if not row["prefix"] and not row["particle"]:
            keys.add(row["verb"])
        for key in keys:
            by_word.setdefault(key, []).append(row)
    by_block: dict[str, list[dict[str, str]]] = {}
    for row in _rows("verb_patterns.tsv"):
        by_block.setdefault(row["block"], []).append(row)
    return by_word, by_block


@cache
def _block_patterns(block: str) -> tuple[VerbPattern, ...]:
    return tuple(VerbPattern(
        verb="", block=row["block"], code=row["code"], type=row["type"] or None,
        mode=row["mode"] or None, context=row["context"] or None,
        subject=_split_nps(row["subject"]), subject_preps=_split_preps(row["subject_preps"]),
        object=_split_nps(row["object"]), preps=_split_preps(row["preps"]),
        code2=row["code2"] or None, type2=row["type2"] or None,
        found_with=row["found_with"] or None, line=int(row["line"]),
        frame=row["frame"] or None, mode2=row["mode2"] or None)
        for row in _verbs()[1].get(block, ()))


def verb_entries(word: str) -> list[dict[str, str]]:
    """The verb-table rows for a lemma, a listed form ("sped") or a phrase ("ask for").

    >>> [(e["phrase"], e["block"]) for e in verb_entries("sped")]
    [('speed', 'accelerate')]
    """
    return list(_verbs()[0].get(_key(word), []))


def verb_phrases() -> frozenset[str]:
    """Every verb, multi-word verb and listed form the dictionary codes.

    >>> {"ask for", "call off", "sped"} <= verb_phrases()
    True
    """
    return frozenset(_verbs()[0])


def verb_patterns(lemma: str) -> list[VerbPattern]:
    """The verb's own code, then the patterns of each block it belongs to."""
    return list(_verb_patterns(lemma))


@lru_cache(maxsize=8192)
def _verb_patterns(lemma: str) -> tuple[VerbPattern, ...]:
    """``verb_patterns`` built once per lemma and process (the extractor asks for
    the same verbs in every sentence)."""
    out: list[VerbPattern] = []
    blocks_done: set[str] = set()
    for entry in verb_entries(lemma):
        out.append(VerbPattern(
            verb=entry["phrase"], block=entry["block"], code=entry["code"],
            type=entry["type"] or None, mode=entry["mode"] or None,
            context=entry["context"] or None, code2=entry["code2"] or None,
            type2=entry["type2"] or None, line=int(entry["line"]),
            frame=entry["frame"] or None, explicit=entry["explicit"] == "1"))
        if entry["block"] in blocks_done:
            continue
        blocks_done.add(entry["block"])
        out.extend(VerbPattern(**{**p.__dict__, "verb": entry["phrase"]})
                   for p in _block_patterns(entry["block"]))
    return tuple(out)


# ---------------------------------------------------------------- actors

@dataclass(frozen=True)
class Role:
    """A CAMEO actor code, applying from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def iso3(self) -> str | None:
        return iso3_of(self.code)

    @property
    def sector(self) -> str:
        return sector_of(self.code)

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    """One dictionary record: its kind, default code and roles, where it came from."""

    record: int
    kind: str
    iso3: str | None
    code: str
    role_text: str  # "USAGOV@2001-01-20/2009-01-20|USAELI", parsed when first read
    source: str

    @property
    def roles(self) -> tuple[Role, ...]:
        return _parse_roles(self.role_text)


@cache
def _parse_roles(text: str) -> tuple[Role, ...]:
    roles = []
    for item in filter(None, text.split("|")):
        code, _, span = item.partition("@")
        start, _, end = span.partition("/")
        roles.append(Role(code, date.fromisoformat(start) if start else None,
                          date.fromisoformat(end) if end else None))
    return tuple(roles)


@cache
def _actors() -> dict[str, list[str]]:
    """Each name's rows, unparsed ("record<TAB>kind<TAB>..."): a name's ``Actor``s
    are made when it is looked up (the table has some 35,000 names; reading them
    all into objects would cost every process a fifth of a second at start)."""
    base = resources.files("dossier") / "data" / "petrarch"
    text = gzip.decompress((base / "actors.tsv.gz").read_bytes()).decode("utf-8")
    lines = (line for line in text.split("\n") if line and line[0] != "#")
    header = next(lines).split("\t")
    if header != ["name", *_ACTOR_COLUMNS]:
        raise ValueError(f"actors.tsv.gz: unexpected columns {header}")
    table: dict[str, list[str]] = {}
    for line in lines:
        name, _, rest = line.partition("\t")
        table.setdefault(name, []).append(rest)
    return table


_ACTOR_COLUMNS = ("record", "kind", "iso3", "code", "roles", "source")


@cache
def _actor(row: str) -> Actor:
    record, kind, iso3, code, roles, source = row.split("\t")
    return Actor(int(record), kind, iso3 or None, code, roles, source)


def actors(name: str) -> list[Actor]:
    """Every record that lists the name (a name can belong to more than one).

    The dictionaries list some names with "the" and some without; a name not
    found one way is looked up the other way. They write some hyphenated names with a
    space (FRANK_WALTER_STEINMEIER) and keep others (NURI_AL-MALIKI): a name with a
    hyphen not found as written is looked up with a space.

    >>> [a.code for a in actors("The Kremlin")], [a.code for a in actors("the united nations")]
    (['RUSGOV'], ['IGOUNO'])
    >>> [a.code for a in actors("Frank-Walter Steinmeier")]
    ['DEUGOV']
    """
    key = _key(name)
    found = _actors().get(key)
    if found is None:
        other = key[4:] if key.startswith("the ") else f"the {key}"
        found = _actors().get(other)
    if found is None and "-" in key:
        return actors(key.replace("-", " "))
    return [_actor(row) for row in found or []]


def actor_names() -> frozenset[str]:
    """Every actor name (lower case), e.g. to build a phrase matcher."""
    return frozenset(_actors())


def actor_kind(name: str) -> str | None:
    """state / institution / person / igo / ngo / armed_group / group / company."""
    found = actors(name)
    return found[0].kind if found else None


def actor_roles(name: str) -> list[Role]:
    """The roles of the name's records, in dictionary order."""
    return [role for actor in actors(name) for role in actor.roles]


def role_on(name: str, day: date | str) -> str | None:
    """The CAMEO code the name had on that day (PETRARCH's rule), or None.

    The first dated role covering the day wins; otherwise the first undated
    (default) role; a code ``---`` means "no actor".
    """
    when = _as_date(day)
    roles = actor_roles(name)
    chosen = next((r for r in roles if r.dated and r.covers(when)), None)
    if chosen is None:
        chosen = next((r for r in roles if not r.dated), None)
    if chosen is None or chosen.code == "---":
        return None
    return chosen.code


# ---------------------------------------------------------------- agents

@dataclass(frozen=True)
class Agent:
    noun: str
    code: str  # "~MIL" (added after the actor's code) or "IGO~" (before)

    @property
    def sector(self) -> str:
        return self.code.strip("~")


@cache
def _agents() -> dict[str, Agent]:
    table: dict[str, Agent] = {}
    for row in _rows("agents.tsv"):
        agent = Agent(row["noun"], row["code"])
        for key in filter(None, (row["noun"], row["plural"])):
            table.setdefault(key, agent)  # the first listing wins, as in the file
    return table


def agent_nouns() -> frozenset[str]:
    """Every agent noun and plural (lower case)."""
    return frozenset(_agents())


def agent(noun: str) -> Agent | None:
    return _agents().get(_key(noun))


def agent_sector(noun: str) -> str | None:
    """The CAMEO sector of an agent noun or its plural ("troops" -> "MIL")."""
    found = agent(noun)
    return found.sector if found else None


# ---------------------------------------------------------------- discards

@dataclass(frozen=True)
class Discard:
    phrase: str
    scope: str  # "sentence" or "story": what is not coded when the phrase occurs
    whole_word: bool


@cache
def _discard_regex() -> tuple[re.Pattern[str], dict[str, Discard]]:
    found = {row["phrase"]: Discard(row["phrase"], row["scope"], row["whole_word"] == "1")
             for row in _rows("discards.tsv")}
    parts = [re.escape(d.phrase) + (r"\b" if d.whole_word else "")
             for d in sorted(found.values(), key=lambda d: -len(d.phrase))]
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE), found


def discard_match(text: str) -> Discard | None:
    """The first discard phrase in the text (sports, entertainment, history), or None."""
    regex, found = _discard_regex()
    hit = regex.search(" ".join(text.split()))
    return found.get(_key(hit.group(0))) if hit else None
