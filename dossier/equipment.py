"""Military equipment: named designations ("MiG-29") and generic nouns ("fighter jets").

Two tables, both written for Dossier (not extracted from any database):

- ``data/equipment.tsv``: one row per designation with its category (from
  :data:`CATEGORIES`), the ISO 3166-1 alpha-3 code of the producing state
  (empty for multinational programmes) and ``|``-separated aliases.
- ``data/equipment_nouns.tsv``: generic noun phrases and their category.

Each alias also matches the usual ways news copy writes it: with or without
the hyphen ("MiG-29", "MiG29", "MiG 29"), in capitals or title case ("MIG-29",
"Mig-29"), in the plural ("MiG-29s") and with a variant suffix ("MiG-29SMT",
"Leopard 2A6", "T-72B3").  Two prefixes change that:

- ``~`` marks an ordinary word ("Patriot", "Leopard", "Typhoon"): it counts
  only before a word of its category ("Patriot missiles", "Typhoon jets"),
  or for :func:`lookup` also as the whole text ("Patriot").
- ``=`` means exactly as written, letters and hyphens ("=TOW", "=CH-4").

>>> lookup("two Su-27s and a MiG 29")
Equipment(designation='Su-27', category='fighter aircraft', origin='RUS')
>>> lookup("Leopard 2A6").designation, lookup("Patriot missile").designation
('Leopard 2', 'Patriot')
>>> lookup("Sunday") is None
True
>>> category_for_phrase("advanced air defense systems")
'air defence system'
>>> category_for_phrase("ballistic missile reentry vehicles")
'ballistic missile'
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"

CATEGORIES: tuple[str, ...] = (
    "fighter aircraft",
    "attack aircraft",
    "bomber aircraft",
    "transport aircraft",
    "trainer aircraft",
    "reconnaissance aircraft",
    "tanker aircraft",
    "aircraft",
    "helicopter",
    "unmanned aerial vehicle",
    "loitering munition",
    "air defence system",
    "missile",
    "ballistic missile",
    "cruise missile",
    "anti-ship missile",
    "anti-tank missile",
    "air-to-air missile",
    "air-to-surface missile",
    "guided bomb",
    "torpedo",
    "rocket artillery",
    "artillery",
    "tank",
    "armoured vehicle",
    "vehicle",
    "ship",
    "submarine",
    "radar",
    "small arms",
    "ammunition",
    "mine",
    "nuclear weapon",
    "satellite",
    "engine",
    "military equipment",
    "technology",
    "troops",
    "money",
    "humanitarian aid",
    "food",
    "medicine",
    "fuel",
    "arms",
)
#: Categories of goods that are not military, whoever sends them: an AID event
#: with only these has no "military" mode, and they are never weapons.
CIVILIAN_CATEGORIES = frozenset(["money", "humanitarian aid", "food", "medicine", "fuel"])
#: Categories that name military goods of any kind ("weapons", "military equipment"):
#: a report of "weapons" may tell the same delivery as one of "air defence systems".
GENERIC_MILITARY = frozenset(["arms", "military equipment"])


def is_military(category: str | None) -> bool:
    """Whether goods of this category make an AID "military" (known and not civilian).

    >>> is_military("tank"), is_military("fuel"), is_military(None)
    (True, False, False)
    """
    return bool(category) and category not in CIVILIAN_CATEGORIES

LABEL = "EQUIPMENT"
#: Token extension holding the designation a single token spells (or "").
TOKEN_EXTENSION = "dossier_equipment"


@dataclass(frozen=True)
class Equipment:
    """A designation, its category and the ISO3 code of the state producing it."""

    designation: str
    category: str
    origin: str | None


@dataclass(frozen=True)
class _Alias:
    text: str
    equipment: Equipment
    ambiguous: bool  # "~": an ordinary word, tagged only before a category word
    exact: bool  # "=": letters and hyphens exactly as written


# --- spelling variants ------------------------------------------------------------

_PIECES = re.compile(r"[^\W\d_]+|\d+|[\W_]+")
_HYPHEN = "[-\u2010\u2011\u2012\u2013]"
# Two-letter prefixes that news copy also writes with a space ("Su 27", "Mk 48").
_SPACE_OK = frozenset({"su", "mi", "ka", "tu", "kh", "mk"})


def _boundary(prev: str, sep: str, nxt: str, exact: bool) -> tuple[str, ...]:
    """Ways the separator ``sep`` between two pieces of an alias may be written."""
    if exact:
        return (sep,)
    if sep == "":
        return ("", "-") if prev.isalpha() and nxt.isdigit() else ("",)
    if sep == " ":
        return (" ", "-")
    if sep != "-":
        return (sep,)
    if prev.isalpha() and nxt.isdigit():
        if len(prev) == 1:  # "F-16", "F16"; but only "B-2", never "B2"
            return ("-",) if len(nxt) == 1 else ("-", "")
        if len(prev) >= 3 or prev.lower() in _SPACE_OK:  # "MiG 29", "Shahed 136"
            return ("-", "", " ")
        return ("-", "")
    if prev.isdigit() and nxt.isdigit():  # "ZSU-23-4"
        return ("-",)
    return ("-", " ")  # "Iskander-M", "Kilo-class"


def _parts(alias: str, exact: bool) -> list[tuple[str, ...]]:
    """The alias as alternating pieces and separator variants (1-tuples for pieces)."""
    pieces = _PIECES.findall(alias)
    out: list[tuple[str, ...]] = []
    for i, piece in enumerate(pieces):
        if not piece[0].isalnum():
            if 0 < i < len(pieces) - 1:
                out.append(_boundary(pieces[i - 1], piece.strip() or " ", pieces[i + 1], exact))
            continue
        if out and len(out) % 2 == 1:  # two adjacent alphanumeric pieces: "M777", "2S19"
            out.append(_boundary(pieces[i - 1], "", piece, exact))
        out.append((piece,))
    return out


def _suffix(alias: str) -> str:
    """Regex for what may follow an alias: a variant suffix or a plural."""
    if alias[-1].isdigit():  # "T-72B3", "Su-30MKI", "Leopard 2A6", "F-16s", "S-300PMU-2"
        return "(?:[A-Za-z][A-Za-z0-9]{0,5}(?:-[A-Za-z0-9]{1,3})?)?"
    if any(c.isdigit() for c in alias):  # "Tu-22M3", "BTR-82As"
        return "[A-Za-z0-9]{0,4}"
    return "(?:e?s)?"  # "Patriots", "Javelins"


def _letters(piece: str, exact: bool) -> str:
    if exact or len(piece) == 1 or not piece.isalpha():
        return re.escape(piece)
    return re.escape(piece[0]) + "(?i:" + re.escape(piece[1:]) + ")"


def _separator(variants: tuple[str, ...]) -> str:
    written = {"-": _HYPHEN, " ": r"\s", "'": "['\u2019]"}
    options = [written.get(v, re.escape(v)) for v in variants if v]
    if not options:
        return ""
    body = "(?:" + "|".join(options) + ")"
    return body + "?" if "" in variants else body


def _body(text: str, exact: bool) -> str:
    """Regex for the written forms of ``text``, without suffix or boundaries."""
    pieces = _parts(text, exact)
    return "".join(_separator(p) if i % 2 else _letters(p[0], exact) for i, p in enumerate(pieces))


def _alias_regex(alias: _Alias) -> str:
    return _body(alias.text, alias.exact) + _suffix(alias.text) + r"(?!\w)"


def _key(text: str, start: int = 0) -> str | None:
    """First letter and next letter or digit (over one hyphen or slash), lowercased."""
    first = text[start : start + 1]
    if not first.isalnum():
        return None
    for nxt in text[start + 1 : start + 3]:
        if nxt.isalnum():
            return (first + nxt).lower()
        if nxt not in "-/\u2010\u2011\u2012\u2013":
            return None
    return None


# --- the tables -------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    equipment: tuple[Equipment, ...]
    aliases: tuple[_Alias, ...]
    groups: dict[str, tuple[_Alias, ...]]  # by _key, most specific alias first


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows[1:]  # header


@cache
def _table() -> _Table:
    equipment: list[Equipment] = []
    aliases: list[_Alias] = []
    for designation, category, origin, *rest in _rows(DATA_DIR / "equipment.tsv"):
        if category not in CATEGORIES:
            raise ValueError(f"equipment.tsv: unknown category {category!r} for {designation}")
        item = Equipment(designation, category, origin or None)
        equipment.append(item)
        listed = [a for a in (rest[0] if rest else "").split("|") if a]
        flagged = {a.lstrip("~="): a for a in listed}
        for raw in dict.fromkeys([flagged.get(designation, designation), *listed]):
            text = raw.lstrip("~=")
            aliases.append(_Alias(text, item, raw.startswith("~"), raw.startswith("=")))
    groups: dict[str, list[_Alias]] = defaultdict(list)
    for alias in aliases:
        key = _key(alias.text)
        if key is None:
            raise ValueError(f"equipment.tsv: alias {alias.text!r} needs two letters or digits")
        groups[key].append(alias)
    ordered = {
        key: tuple(sorted(group, key=lambda a: (-len(a.text), not a.exact, a.ambiguous)))
        for key, group in groups.items()
    }
    return _Table(tuple(equipment), tuple(aliases), ordered)


@cache
def _group_regex(key: str) -> re.Pattern[str]:
    """One alternation per two-letter key; group ``aN`` is the N-th alias of the group."""
    group = _table().groups[key]
    return re.compile("|".join(f"(?P<a{i}>{_alias_regex(a)})" for i, a in enumerate(group)))


def warm_up() -> None:
    """Read the tables and compile every group's alternation now (for batch workers;
    otherwise each is compiled the first time a word of its group is met)."""
    for key in _table().groups:
        _group_regex(key)
    _nouns()


@cache
def _first_pieces(key: str) -> tuple[tuple[str, ...], int]:
    """The lowercased first pieces ("mig" of "MiG-29") of the group's aliases and the
    longest one's length: text that starts with none of them cannot be one of them,
    so the group's alternation need not be compiled for it ("the", "that")."""
    pieces = tuple(sorted({_PIECES.match(a.text)[0].lower() for a in _table().groups[key]}))
    return pieces, max(map(len, pieces))


def _match_at(text: str, start: int, full: bool = False) -> tuple[_Alias, int] | None:
    """The alias written at ``start`` (the whole of ``text`` if ``full``) and its end."""
    key = _key(text, start)
    if key is None or key not in _table().groups:
        return None
    pieces, longest = _first_pieces(key)
    if not text[start : start + longest].lower().startswith(pieces):
        return None
    regex = _group_regex(key)
    m = regex.fullmatch(text) if full else regex.match(text, start)
    if m is None or m.lastgroup is None:
        return None
    return _table().groups[key][int(m.lastgroup[1:])], m.end()


_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
_NEXT_WORD = re.compile(r"\s*(-?[^\W\d_]+)")


def _in_context(alias: _Alias, text: str, start: int, end: int) -> bool:
    """An ordinary word is equipment on its own or before a word of its category."""
    if not alias.ambiguous or not re.search(r"\w", text[:start] + text[end:]):
        return True
    m = _NEXT_WORD.match(text, end)
    return m is not None and m[1].lower() in _context_set(alias.equipment.category)


@lru_cache(maxsize=100_000)  # a function of the text and the tables (read once)
def lookup(text: str) -> Equipment | None:
    """The first equipment designation written in ``text``, or None.

    An ordinary-word alias ("Patriot", "Lancet") counts only when it is the
    whole text or is followed by a word of its category ("Patriot missiles"),
    so "The Lancet" and "Tor network" are not equipment.
    """
    for m in _WORD_START.finditer(text):
        found = _match_at(text, m.start())
        if found is not None and _in_context(found[0], text, m.start(), found[1]):
            return found[0].equipment
    return None


def designations() -> tuple[Equipment, ...]:
    """Every designation in the table, in file order."""
    return _table().equipment


# --- generic equipment nouns ------------------------------------------------------

_SPELLING = {
    "defense": "defence",
    "armored": "armoured",
    "armor": "armour",
    "antiaircraft": "anti aircraft",
    "antitank": "anti tank",
    "antiship": "anti ship",
    "antimissile": "anti missile",
    "reentry": "re entry",
    "programme": "program",
    "advisor": "adviser",
    "aeroplane": "airplane",
    "refueling": "refuelling",
}
# Heads naming a part or kind of what precedes them: "submarine technologies"
# is about submarines, "missile components" about missiles.
_TRANSPARENT = frozenset(
    {"technology", "component", "part", "system", "equipment", "supply", "package",
     "shipment", "delivery", "consignment", "launcher", "kit", "program", "deployment"}
)  # fmt: skip
_CURRENCY = re.compile(r"[$€£¥₽]|\b(?:USD|EUR|GBP|RUB|CNY)\b")


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


def _words(text: str) -> tuple[str, ...]:
    """Lowercased, singular, British-spelt words of a phrase, numbers dropped."""
    words = []
    for word in re.findall(r"[^\W_]+", text.lower()):
        if word.isdigit():
            continue
        words.extend(_singular(w) for w in _SPELLING.get(word, word).split())
    return tuple(words)


@cache
def _nouns() -> dict[tuple[str, ...], str]:
    nouns = {}
    for phrase, category in _rows(DATA_DIR / "equipment_nouns.tsv"):
        if category not in CATEGORIES:
            raise ValueError(f"equipment_nouns.tsv: unknown category {category!r}")
        nouns[_words(phrase)] = category
    return nouns


def _classify(words: tuple[str, ...]) -> str | None:
    nouns = _nouns()
    start = next((i for i in range(len(words)) if words[i:] in nouns), None)
    if start is not None and start < len(words) - 1:  # a multi-word entry: most specific
        return nouns[words[start:]]
    if len(words) > 1 and words[-1] in _TRANSPARENT:
        inner = _classify(words[:-1])
        if inner is not None:
            return inner
    return nouns[words[start:]] if start is not None else None


@lru_cache(maxsize=100_000)  # a function of the text and the tables (read once)
def category_for_phrase(text: str) -> str | None:
    """Category of a generic equipment noun phrase ("fighter jets"), or None."""
    words = _words(text)
    category = _classify(words) if words else None
    if category is None and _CURRENCY.search(text):
        return "money"
    return category


# --- spaCy EntityRuler patterns ---------------------------------------------------

_CONTEXT = {
    "aircraft": "aircraft jet jets fighter fighters plane planes warplane warplanes bomber bombers",
    "helicopter": "helicopter helicopters gunship gunships chopper choppers",
    "drone": "drone drones UAV UAVs munition munitions",
    "air defence": "missile missiles system systems battery batteries launcher launchers "
    "interceptor interceptors air-defence air-defense SAM SAMs",
    "missile": "missile missiles rocket rockets launcher launchers system systems bomb bombs "
    "torpedo torpedoes warhead warheads Block",
    "artillery": "howitzer howitzers gun guns system systems artillery rocket rockets "
    "launcher launchers MLRS",
    "vehicle": "tank tanks vehicle vehicles IFV IFVs APC APCs",
    "ship": "class -class ship ships frigate frigates destroyer destroyers corvette corvettes "
    "submarine submarines sub subs carrier carriers warship warships vessel vessels",
    "other": "system systems radar radars satellite satellites engine engines rifle rifles "
    "pod pods",
}
# Written forms the tokenizer splits into several tokens: spaces, slashes,
# apostrophes, a hyphen before a letter or between digits, a unit-like ending
# ("A400M" -> "A400", "M").
_SPLIT = re.compile(r"[^\w-]|\w-[^\W\d_]|\d-\d|\d(?!s$)[A-Za-z]{1,2}$")
# Two-word context: "Patriot air defence system".
_CONTEXT_PHRASES = ("air defence", "air defense", "air defence system", "air defense system")


def _context_words(category: str) -> tuple[str, ...]:
    if category.endswith("aircraft"):
        group = "aircraft"
    elif category in ("unmanned aerial vehicle", "loitering munition"):
        group = "drone"
    elif category == "air defence system":
        return (*_CONTEXT["air defence"].split(), *_CONTEXT_PHRASES)
    elif "missile" in category or category in ("guided bomb", "torpedo", "nuclear weapon"):
        group = "missile"
    elif category in ("artillery", "rocket artillery"):
        group = "artillery"
    elif category in ("tank", "armoured vehicle", "vehicle"):
        group = "vehicle"
    elif category in ("ship", "submarine"):
        group = "ship"
    else:
        group = category if category in _CONTEXT else "other"
    return tuple(_CONTEXT[group].split())


@cache
def _context_set(category: str) -> frozenset[str]:
    """First words of the context words of a category, lowercased ("air" of "air defence")."""
    return frozenset(w.split()[0].lower() for w in _context_words(category))


def _spellings(alias: _Alias, plural: bool = True) -> list[str]:
    """Every written form of an alias: separators x letter case (x plural)."""
    forms: dict[str, None] = {}
    for combo in product(*_parts(alias.text, alias.exact)):
        spelt = "".join(combo)
        cased = [spelt]
        if not alias.exact:  # "Mig-29", and "IRIS-T" but not "STORM SHADOW"
            cased.append(re.sub(r"[^\W\d_]+", lambda m: m[0].capitalize(), spelt))
            if " " not in spelt:
                cased.append(spelt.upper())
        for form in cased:
            forms[form] = None
            if plural and not form.endswith(("s", "S")):
                forms[form + "s"] = None
    return list(forms)


@lru_cache(maxsize=100_000)
def _token_designation(text: str) -> str:
    """Designation one whole token spells ("MiG-29s", "T-72B3"), or ""."""
    text = text.removesuffix(".")  # "A400M." is one token
    found = _match_at(text, 0, full=True) if len(text) > 1 else None
    return "" if found is None or found[0].ambiguous else found[0].equipment.designation


def _register_extension() -> None:
    from spacy.tokens import Token

    if not Token.has_extension(TOKEN_EXTENSION):
        Token.set_extension(TOKEN_EXTENSION, getter=_designation_of)


def _designation_of(token: Any) -> str:
    """``Token._.dossier_equipment``: a function of the token's text alone, as its
    ``of_text`` says (the gazetteer ruler calls that with the text it has read)."""
    return _token_designation(token.text)


_designation_of.of_text = _token_designation  # type: ignore[attr-defined]


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns labelled ``EQUIPMENT`` with ids ``equip:<designation>``.

    A single token that spells a designation written with digits ("MiG-29s",
    "Su-30MKI") is matched through the token extension
    ``Token._.dossier_equipment``, registered here: one pattern per
    designation, whatever the spelling.  Other forms ("MiG 29", "Iskander-M",
    "Storm Shadow", "Javelins") are phrase patterns, and so are ordinary words
    followed by a word of their category ("Patriot missiles").  Load the
    patterns with ``phrase_matcher_attr="ORTH"``, in the process that calls
    this function (the extension must exist there).
    """
    _register_extension()
    aliases = _table().aliases
    # Token patterns cost time on every token: only designations written with digits,
    # whose variants ("T-72B3") cannot all be listed, get one.
    variable = {a.equipment for a in aliases if not a.ambiguous and re.search(r"\d", a.text)}
    patterns: list[dict] = []
    phrases: dict[tuple[str, str], None] = {}
    for alias in aliases:
        ident = f"equip:{alias.equipment.designation}"
        if alias.ambiguous:
            for form in _spellings(alias, plural=False):
                for word in _context_words(alias.equipment.category):
                    phrases[(form + word if word[0] == "-" else f"{form} {word}", ident)] = None
            continue
        for form in _spellings(alias):
            if alias.equipment not in variable or _SPLIT.search(form):
                phrases[(form, ident)] = None
        if _SUFFIXED.search(alias.text):
            patterns.append({"label": LABEL, "pattern": _suffixed(alias), "id": ident})
    for item in _table().equipment:
        if item in variable:
            ext = [{"_": {TOKEN_EXTENSION: item.designation}}]
            patterns.append({"label": LABEL, "pattern": ext, "id": f"equip:{item.designation}"})
    patterns.extend({"label": LABEL, "pattern": text, "id": ident} for text, ident in phrases)
    return patterns


# Several tokens, the last ending in digits: "Leopard 2", "F/A-18", "Bell 412".
_SUFFIXED = re.compile(r"[\s/].*\d$")


def _suffixed(alias: _Alias) -> list[dict]:
    """Token pattern for a variant of a multi-token alias: "Leopard 2A6", "F/A-18E"."""
    tokens = re.findall(r"/|[^\s/]+", alias.text)
    pattern: list[dict] = [{"ORTH": t} if t == "/" else {"LOWER": t.lower()} for t in tokens[:-1]]
    last = _body(tokens[-1], alias.exact)
    return [*pattern, {"TEXT": {"REGEX": f"^{last}[A-Za-z][A-Za-z0-9]{{0,5}}$"}}]
