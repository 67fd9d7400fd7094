"""Readers for the PETRARCH2 / Phoenix dictionary formats and the CAMEO -> PLOVER table.

Each reader turns one original file into plain records; ``build_petrarch``
writes them as tables.  The formats are the TABARI/PETRARCH ones (PETRARCH2's
``docs/source/dictionaries.rst``); what each reader keeps and how it reads
the odd lines is said in its docstring.  Problems in the input (an undated
7-digit date, a line with no code) never stop a build: the item is skipped
and counted in ``Notes``, which the build prints.

>>> normalise_phrase("VICE-PRESIDENT_JOE_BIDEN_")
'vice-president joe biden'
>>> normalise_phrase("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_")
'aden abyan islamic army'
>>> parse_role("USAGOV 090120-130120")
('USAGOV', '2009-01-20', '2013-01-20')
>>> parse_role("IGOUNO >20070101")
('IGOUNO', '2007-01-01', '')
>>> parse_role("USAELI")
('USAELI', '', '')
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class Notes:
    """What a reader skipped or could not read, counted by reason (printed by the build)."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def skip(self, reason: str, example: str) -> None:
        self.counts[reason] += 1
        self.examples.setdefault(reason, example.strip()[:80])


def read_lines(path: Path) -> list[str]:
    """The file's lines, as UTF-8 (bad bytes replaced: the dictionaries are mostly ASCII)."""
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def strip_comment(line: str) -> str:
    """Drop a ``#`` comment and an XML-style ``<!-- -->`` comment on one line."""
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0]


# ---------------------------------------------------------------- phrases

_PAREN = re.compile(r"\([^)]*\)|\([^)]*$")


def normalise_phrase(text: str) -> str:
    """A dictionary phrase as the words a reader sees: lower case, ``_`` as space.

    A parenthesis is a note or an acronym in these files ("(ACTING", "(AAIA)"),
    never the phrase itself, so it is dropped.
    """
    # a control byte inside a name is noise ("Z\x1aROUAL"); other unprintables (NBSP) are spaces
    text = "".join("" if unicodedata.category(ch) in {"Cc", "Cf"} else ch if ch.isprintable()
                   else " " for ch in text)
    text = _PAREN.sub(" ", text.replace("_", " "))
    return " ".join(text.lower().split())


# ---------------------------------------------------------------- dates and roles

def parse_date(text: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` as ISO ``YYYY-MM-DD``; ``YY`` <= 30 is 20YY (PETRARCH's rule).

    >>> parse_date("751101"), parse_date("18980101"), parse_date("250120")
    ('1975-11-01', '1898-01-01', '2025-01-20')
    """
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"not a YYMMDD or YYYYMMDD date: {text!r}")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return date(year, month, day).isoformat()  # raises ValueError on 20100931


def parse_role(inside: str) -> tuple[str, str, str]:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date`` -> (code, start, end).

    Limits are inclusive ("or equal to"); an empty start or end is open.
    Raises ValueError on a date that is not one.
    """
    parts = inside.split(None, 1)
    if not parts:
        raise ValueError("empty role")
    code = parts[0]
    if not re.fullmatch(r"[A-Z0-9]+|---", code):
        raise ValueError(f"not a CAMEO actor code: {code!r}")
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return code, "", ""
    if rest.startswith("<"):
        return code, "", parse_date(rest[1:])
    if rest.startswith(">"):
        return code, parse_date(rest[1:]), ""
    if "-" in rest:
        start, end = rest.split("-", 1)
        return code, parse_date(start), parse_date(end)
    raise ValueError(f"not a date restriction: {rest!r}")


# ---------------------------------------------------------------- actors

@dataclass
class ActorRecord:
    """One actor entry: its names (primary first) and roles in file order."""

    names: list[str]
    roles: list[tuple[str, str, str]]
    comment: str
    line: int


def read_actors(path: Path, notes: Notes) -> list[ActorRecord]:
    """Records of a Phoenix ``.actors`` file.

    A record is a primary phrase (optionally with ``[code]`` brackets on its
    line), ``+synonym`` lines, and indented ``[code date]`` role lines.  A
    record with no code at all is skipped (PETRARCH gives it a null code).
    Role ranges whose end comes before their start, and dates that are not
    dates, are skipped and counted.
    """
    records: list[ActorRecord] = []
    current: ActorRecord | None = None

    def add_roles(text: str, where: str) -> None:
        assert current is not None
        for inside in re.findall(r"\[([^\]]*)[\]}]", text):
            try:
                role = parse_role(inside.strip())
            except ValueError as err:
                notes.skip(f"actor role not readable ({err.__class__.__name__})", where)
                continue
            if role[1] and role[2] and role[2] < role[1]:
                notes.skip("actor role ends before it starts", where)
                continue
            current.roles.append(role)

    def close() -> None:
        if current is None:
            return
        if not current.roles:
            notes.skip("actor with no code", current.names[0] if current.names else "")
        elif current.names:
            records.append(current)

    contiguous = False  # no blank line since the current record's last line
    for number, raw in enumerate(read_lines(path), 1):
        if not raw.strip():
            contiguous = False
            continue
        if raw.startswith("#"):
            continue
        comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
        line = strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is None:
                notes.skip("role line before any actor", raw)
                continue
            add_roles(stripped, raw)
        elif stripped.startswith("+"):
            if current is None:
                notes.skip("synonym before any actor", raw)
                continue
            name = normalise_phrase(stripped[1:].split("[", 1)[0])
            if name:
                current.names.append(name)
            add_roles(stripped, raw)
        elif current is not None and not current.roles and contiguous and "[" not in stripped:
            # name lines written one under the other without '+' ("IVO_JOSIPOVIC_",
            # "PRESIDENT_JOSIPOVIC_", roles): one person's names, not codeless records
            notes.skip("name line without '+' read as a synonym (kept)", raw)
            name = normalise_phrase(stripped)
            if name:
                current.names.append(name)
        else:
            close()
            name = normalise_phrase(stripped.split("[", 1)[0])
            current = ActorRecord(names=[name] if name else [], roles=[], comment=comment,
                                  line=number)
            add_roles(stripped, raw)
        contiguous = True
    close()
    return records


# ---------------------------------------------------------------- agents

_MARKER_DEF = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def _regular_plural(word: str) -> str:
    """PETRARCH's plural of an agent phrase's last word: +S, Y -> IES, SS -> SSES."""
    if word.endswith("y"):
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"


def read_agents(path: Path, notes: Notes) -> list[tuple[str, str, str]]:
    """(noun phrase, plural, code) rows of ``Phoenix.agents.txt``.

    ``{PLURAL}`` gives the plural, ``{}`` says there is none, otherwise the
    regular plural is made.  A ``!MARKER!`` standing as a word is replaced by
    each item of its list (no plural made); glued inside a word
    ("AD!MINIST!RATION") it is the letters of its name, as the file was
    evidently produced by a search-and-replace of "MINIST".  Codes keep their
    ``~`` (``~MIL``: a sector added after the actor's code; ``IGO~``: before).
    """
    markers: dict[str, list[str]] = {}
    rows: list[tuple[str, str, str]] = []
    for raw in read_lines(path):
        line = strip_comment(raw).strip()
        if not line:
            continue
        found = _MARKER_DEF.match(line)
        if found:
            markers[found.group(1)] = [w.strip() for w in found.group(2).split(",")]
            continue
        code_match = re.search(r"\[([^\]}]*)[\]}]", line)
        if not code_match or not re.fullmatch(r"~[A-Z]+|[A-Z]+~", code_match.group(1).strip()):
            notes.skip("agent with no [~code]", raw)
            continue
        code = code_match.group(1).strip()
        head = line[: code_match.start()]
        plural_given: str | None = None
        brace = re.search(r"\{([^}]*)\}", head)
        if brace:
            plural_given = brace.group(1)
            head = head[: brace.start()] + head[brace.end():]
        for marker in markers:
            name = marker.strip("!")
            head = re.sub(rf"(?<=[A-Za-z]){re.escape(marker)}(?=[A-Za-z])", name, head)
        variants = [head]
        for marker, items in markers.items():
            if any(marker in v for v in variants):
                variants = [v.replace(marker, item) for v in variants for item in items]
        for variant in variants:
            noun = normalise_phrase(variant)
            if not noun:
                notes.skip("agent with an empty phrase", raw)
                continue
            if variant is not head:
                plural = ""
            elif plural_given is not None:
                plural = normalise_phrase(plural_given)
            else:
                *rest, last = noun.split(" ")
                plural = " ".join([*rest, _regular_plural(last)])
            rows.append((noun, plural, code))
    return rows


# ---------------------------------------------------------------- discards

def read_discards(path: Path, notes: Notes) -> list[tuple[str, str, bool]]:
    """(phrase, scope, whole word) rows of ``Phoenix.discards.txt``.

    A leading ``+`` discards the whole story, otherwise the sentence; a
    trailing ``_`` means the phrase must end at a word boundary (else it is a stem).
    """
    rows: list[tuple[str, str, bool]] = []
    for raw in read_lines(path):
        line = strip_comment(raw).strip()
        if not line:
            continue
        scope = "sentence"
        if line.startswith("+"):
            scope, line = "story", line[1:].strip()
        whole = line.endswith("_")
        phrase = " ".join(line.replace("_", " ").lower().split())
        if not phrase:
            notes.skip("discard with an empty phrase", raw)
            continue
        rows.append((phrase, scope, whole))
    return rows


# ---------------------------------------------------------------- CAMEO -> PLOVER

@dataclass(frozen=True)
class Plover:
    type: str
    mode: str
    context: str


def read_cameo2plover(path: Path, notes: Notes) -> dict[str, Plover]:
    """``CODE: TYPE, mode, context # description`` lines -> {CAMEO code: Plover}.

    Two-digit roots ("04: CONSULT") are kept too; where a root is listed twice
    with different types ("08: CONCEDE", "08: RETREAT") the first is kept.
    """
    table: dict[str, Plover] = {}
    for raw in read_lines(path):
        line = strip_comment(raw).strip()
        if not line or line.startswith("~"):
            continue
        found = re.fullmatch(r"(\d{2,4}):\s*(.*)", line)
        if not found:
            notes.skip("CAMEO2PLOVER line not read", raw)
            continue
        code, rest = found.groups()
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        # a context can be "crime; corruption": PLOVER's own separator is ';'
        value = Plover(parts[0], parts[1], ", ".join(p for p in parts[2:] if p))
        if not value.type:
            notes.skip("CAMEO2PLOVER line with no type", raw)
            continue
        table.setdefault(code, value)
    return _contexts_in_mode_column(table, notes)


def _contexts_in_mode_column(table: dict[str, Plover], notes: Notes) -> dict[str, Plover]:
    """A word the file uses as a context elsewhere, written in a row's mode column, is
    that row's context ("175: ASSAULT, pro_autocracy , military": ``pro_autocracy`` is
    a context of 1722-1724 and no PLOVER mode of ASSAULT).

    >>> t = {"175": Plover("ASSAULT", "pro_autocracy", "military"),
    ...      "1722": Plover("COERCE", "ban", "pro_autocracy")}
    >>> _contexts_in_mode_column(t, Notes())["175"]
    Plover(type='ASSAULT', mode='', context='pro_autocracy, military')
    """
    contexts = {c.strip() for v in table.values() for c in v.context.split(",") if c.strip()}
    out = {}
    for code, value in table.items():
        if value.mode in contexts:
            notes.skip("CAMEO2PLOVER context in the mode column, read as a context",
                       f"{code}: {value.type}, {value.mode}")
            value = Plover(value.type, "", ", ".join(p for p in (value.mode, value.context) if p))
        out[code] = value
    return out


def plover_for(code: str, table: dict[str, Plover]) -> Plover | None:
    """PLOVER type of a CAMEO event code: exact, else its 3-digit, else its 2-digit root.

    >>> t = {"04": Plover("CONSULT", "", ""), "042": Plover("CONSULT", "visit", "")}
    >>> plover_for("0421", t).mode, plover_for("045", t).mode, plover_for("---", t)
    ('visit', '', None)
    """
    if not code.isdigit():
        return None
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None
