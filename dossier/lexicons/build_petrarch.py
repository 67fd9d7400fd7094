"""Build the shipped PETRARCH2 / Phoenix tables from the original dictionaries.

One command rebuilds every file in ``dossier/data/petrarch/``::

    python3 -m dossier.lexicons.build_petrarch ../shared/reference/petrarch2

Inputs: the folder's ``CAMEO.2.0.txt``, ``Phoenix.{Countries,International,
MilNonState}.actors.txt``, ``Phoenix.agents.txt``, ``Phoenix.discards.txt``,
``LICENSE`` and ``SOURCE.txt``; and ``CAMEO2PLOVER-2021.txt`` beside the folder
(``--plover`` to give another path).  Options: ``--out DIR`` (default: the
package's table folder), ``--built YYYY-MM-DD`` (the date written in the
LICENSE file; default today, UTC).  The same inputs and date give
byte-identical files (sorted nothing that the files order; gzip without a
timestamp).  What was skipped in the inputs is printed, one line per reason.

Tables (tab-separated, a ``#`` line first, then a header row):

- ``verbs.tsv``: phrase, verb, prefix, particle, forms (listed forms, ``|``),
  block, code (the verb's own CAMEO code), code2 (reciprocal), type, mode,
  context (PLOVER), type2, line (in CAMEO.2.0.txt), frame (the argument map
  of the event the code names: ``dossier/lexicons/cameo_frames.py``), explicit
  (1 when the code is written on the verb's line, 0 when the block gives it).
- ``verb_patterns.tsv``: block, subject, subject_preps, object, preps, code,
  code2 (reciprocal), type, mode, context, type2, found_with, line, frame,
  mode2 (the reciprocal's PLOVER mode).  Noun phrases are ``|``-separated; a
  prepositional phrase is ``prep:np,np``.  A row coded only with a reciprocal
  (``[:072]``, "received tanks") is read as that event with the roles the
  other way round (frame ``receive``, type ``type2``).
- ``synsets.tsv``: label, words (plurals made as PETRARCH does).
- ``actors.tsv.gz``: name, record, kind, iso3, code, roles, source.  Roles are
  ``CODE@start/end`` (ISO dates, empty = open) or ``CODE`` (default), ``|``-separated.
- ``agents.tsv``: noun, plural, code (``~MIL`` or ``IGO~``).
- ``discards.tsv``: phrase, scope (sentence/story), whole_word.
- ``LICENSE``: PETRARCH2's MIT notice, the source commit, each input's
  SHA-256, each table's row count and the build date.

PLOVER type/mode/context come from CAMEO2PLOVER for the exact CAMEO code,
else its 3-digit, else its 2-digit root; codes with no entry there (CAMEO 01x
statements, 02x appeals) have none.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from dossier.lexicons.cameo_frames import frame_for
from dossier.lexicons.petrarch import iso3_of, sector_of
from dossier.lexicons.petrarch_readers import (
    ActorRecord,
    Notes,
    Plover,
    plover_for,
    read_actors,
    read_agents,
    read_cameo2plover,
    read_discards,
)
from dossier.lexicons.petrarch_verbfile import PatternRecord, read_verb_file

ACTOR_FILES = ("Countries", "International", "MilNonState")
TABLES = ("verbs.tsv", "verb_patterns.tsv", "synsets.tsv", "actors.tsv.gz", "agents.tsv",
          "discards.tsv")

_INSTITUTION = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"}
_ARMED = {"REB", "INS", "IMG", "UAF", "SEP"}
# head nouns of organisations' names: a record named so is no person even with dated roles
_ORG_WORDS = frozenset("""
    agency army association authority board brigade brigades bureau cabinet commission
    committee council court department directorate faction force forces front government
    group institute league ministry movement observatory office organisation organization
    parliament party politburo service state union
""".split())


def default_out() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "petrarch"


def actor_kind(record: ActorRecord, file_label: str, state_codes: frozenset[str]) -> str:
    """state / institution / person / igo / ngo / armed_group / group / company.

    ``state_codes`` are the codes the Countries file gives to a state's name
    alone (AFG, SUN, YUG...).  A record with such a role is a state (a place
    that belonged to different states at different times); a person is a
    record with a dated role that CountryInfo or IGOrulers lists (its
    comment), or whose names are not headed by an organisation noun ("party",
    "council of", "state"...); an armed group is whatever the
    MilNonState file lists, or a code in REB/INS/IMG/UAF/SEP; a name coded with
    a country alone is a state (its names, adjectives, cities).
    """
    if any(r[0] in state_codes for r in record.roles):
        return "state"  # a place that belonged to different states at different times
    listed_person = any(word in record.comment for word in ("CountryInfo", "IGOrulers"))
    organisation = any(_names_organisation(name) for name in record.names)
    dated = any((r[1] or r[2]) and r[0] not in state_codes for r in record.roles)
    if dated and (listed_person or not organisation):
        return "person"
    if file_label == "MilNonState":
        return "armed_group"
    code = default_code(record)
    first = sector_of(code)[:3]
    if code.startswith("IGO") or first == "IGO":
        return "igo"
    if code.startswith(("NGO", "NGM")) or first in {"NGO", "NGM"}:
        return "ngo"
    if code.startswith("MNC") or first == "MNC":
        return "company"
    if code.startswith("IMG") or first in _ARMED:
        return "armed_group"
    if iso3_of(code) and not sector_of(code) or (len(code) == 3 and code.isalpha()):
        return "state"
    if first in _INSTITUTION:
        return "institution"
    return "group"


def _names_organisation(name: str) -> bool:
    """An organisation noun heads the name: last word, or before "of"/"for".

    >>> _names_organisation("syrian observatory for human rights")
    True
    >>> _names_organisation("secretary of state john kerry")
    False
    """
    words = name.split()
    return any(w in _ORG_WORDS and (i == len(words) - 1 or words[i + 1] in {"of", "for"})
               for i, w in enumerate(words))


def default_code(record: ActorRecord) -> str:
    """The undated role's code if there is one, else the latest role's (open end last)."""
    undated = next((r[0] for r in record.roles if not (r[1] or r[2])), None)
    if undated:
        return undated
    return max(record.roles, key=lambda r: (r[2] or "9999", r[1]))[0]


def _tsv(header: Sequence[str], rows: Iterable[Sequence[object]], comment: str) -> bytes:
    out = io.StringIO(newline="")
    out.write(f"# {comment}\n")
    out.write("\t".join(header) + "\n")
    for row in rows:
        cells = [str(c) for c in row]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"tab or newline in a cell: {cells}")
        out.write("\t".join(cells) + "\n")
    return out.getvalue().encode("utf-8")


def _plover_cells(code: str, table: dict[str, Plover]) -> list[str]:
    found = plover_for(code, table)
    return [found.type, found.mode, found.context] if found else ["", "", ""]


def _frame(code: str, code2: str, block: str, table: dict[str, Plover]) -> str:
    """The frame of a coded row; none for a code CAMEO2PLOVER gives no PLOVER type."""
    coded = code if code.isdigit() else code2 if not code else ""
    return frame_for(code, code2, block) if plover_for(coded, table) else ""


def _preps(preps: list[tuple[str, list[str]]]) -> str:
    return "|".join(f"{p}:{','.join(nps)}" for p, nps in preps)


def build_tables(src: Path, plover_path: Path, notes: Notes) -> dict[str, bytes]:
    """Every table's bytes, keyed by file name (no LICENSE)."""
    plover = read_cameo2plover(plover_path, notes)
    synsets, verbs, patterns = read_verb_file(src / "CAMEO.2.0.txt", notes)
    files: dict[str, bytes] = {}
    note = "from PETRARCH2 {} (MIT; see LICENSE in this folder)"

    files["verbs.tsv"] = _tsv(
        ["phrase", "verb", "prefix", "particle", "forms", "block", "code", "code2", "type",
         "mode", "context", "type2", "line", "frame", "explicit"],
        ([v.phrase, v.verb, v.prefix, v.particle, "|".join(v.forms), v.block, v.code, v.code2,
          *_plover_cells(v.code, plover), _plover_cells(v.code2, plover)[0], v.line,
          _frame(v.code, v.code2, v.block, plover), int(v.explicit)]
         for v in verbs),
        note.format("CAMEO.2.0.txt verbs; PLOVER from CAMEO2PLOVER-2021.txt"))

    def pattern_row(p: PatternRecord) -> list[object]:
        return ["|".join(p.subject), _preps(p.subject_preps), "|".join(p.object),
                _preps(p.preps), p.code, p.code2, *_plover_cells(p.code, plover),
                _plover_cells(p.code2, plover)[0], p.found_with, p.line,
                _frame(p.code, p.code2, p.block, plover), _plover_cells(p.code2, plover)[1]]

    files["verb_patterns.tsv"] = _tsv(
        ["block", "subject", "subject_preps", "object", "preps", "code", "code2", "type",
         "mode", "context", "type2", "found_with", "line", "frame", "mode2"],
        ([p.block, *pattern_row(p)] for p in patterns),
        note.format("CAMEO.2.0.txt patterns; PLOVER from CAMEO2PLOVER-2021.txt"))
    files["synsets.tsv"] = _tsv(
        ["label", "words"], ([label, "|".join(words)] for label, words in synsets.items()),
        note.format("CAMEO.2.0.txt synonym sets"))

    actor_rows = []
    record_id = 0
    by_file = {label: read_actors(src / f"Phoenix.{label}.actors.txt", notes)
               for label in ACTOR_FILES}
    state_codes = frozenset(
        code for record in by_file["Countries"]
        if len(code := default_code(record)) == 3 and code.isalpha()) | frozenset(
        r[0] for record in by_file["Countries"] for r in record.roles
        if len(r[0]) == 3 and iso3_of(r[0]))
    for label in ACTOR_FILES:
        for record in by_file[label]:
            record_id += 1
            code = default_code(record)
            roles = "|".join(f"{c}@{s}/{e}" if (s or e) else c for c, s, e in record.roles)
            kind = actor_kind(record, label, state_codes)
            for name in dict.fromkeys(record.names):
                actor_rows.append([name, record_id, kind, iso3_of(code) or "", code, roles,
                                   f"{label}:{record.line}"])
    files["actors.tsv.gz"] = _gzip(_tsv(
        ["name", "record", "kind", "iso3", "code", "roles", "source"], actor_rows,
        note.format("Phoenix.{Countries,International,MilNonState}.actors.txt")))
    files["agents.tsv"] = _tsv(
        ["noun", "plural", "code"], read_agents(src / "Phoenix.agents.txt", notes),
        note.format("Phoenix.agents.txt"))
    files["discards.tsv"] = _tsv(
        ["phrase", "scope", "whole_word"],
        ([p, s, int(w)] for p, s, w in read_discards(src / "Phoenix.discards.txt", notes)),
        note.format("Phoenix.discards.txt"))
    return files


def _gzip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buffer.getvalue()


def _rows_of(data: bytes, name: str) -> int:
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.count(b"\n") - 2  # the '#' line and the header


def license_text(src: Path, plover_path: Path, files: dict[str, bytes], built: str) -> str:
    inputs = [src / "CAMEO.2.0.txt", *(src / f"Phoenix.{f}.actors.txt" for f in ACTOR_FILES),
              src / "Phoenix.agents.txt", src / "Phoenix.discards.txt", plover_path]
    source = (src / "SOURCE.txt").read_text(encoding="utf-8").splitlines()
    where = next((line for line in source if "commit" in line), "").strip()
    lines = [
        "Tables in this folder are converted from the PETRARCH2 dictionaries of the Open",
        "Event Data Alliance (github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/)",
        f"{where}",
        "and from CAMEO2PLOVER-2021.txt (Philip Schrodt, PLOVER manual draft 0.8).",
        "Rebuild: python3 -m dossier.lexicons.build_petrarch ../shared/reference/petrarch2"
        f" --built {built}",
        f"Built: {built}",
        "",
        "Inputs (SHA-256):",
        *(f"  {p.name}  {hashlib.sha256(p.read_bytes()).hexdigest()}" for p in inputs),
        "",
        "Tables (rows):",
        *(f"  {name}  {_rows_of(files[name], name)}" for name in TABLES),
        "",
        "PETRARCH2's licence, which covers these tables:",
        "",
        (src / "LICENSE").read_text(encoding="utf-8").rstrip(),
        "",
    ]
    return "\n".join(lines)


def build(src: Path, out: Path, plover_path: Path | None = None, built: str | None = None,
          report: Callable[[str], object] = print) -> dict[str, int]:
    """Write every table and LICENSE into ``out``; return rows per table."""
    plover_path = plover_path or src.parent / "CAMEO2PLOVER-2021.txt"
    built = built or datetime.now(timezone.utc).date().isoformat()  # noqa: UP017
    notes = Notes()
    files = build_tables(src, plover_path, notes)
    files["LICENSE"] = license_text(src, plover_path, files, built).encode("utf-8")
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    counts = {name: _rows_of(files[name], name) for name in TABLES}
    for name, rows in counts.items():
        report(f"{name}: {rows} rows, {len(files[name]):,} bytes")
    for reason, count in sorted(notes.counts.items()):
        report(f"skipped or noted: {count} x {reason} (e.g. {notes.examples[reason]!r})")
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="the petrarch2 dictionaries folder")
    parser.add_argument("--plover", type=Path, default=None,
                        help="CAMEO2PLOVER-2021.txt (default: beside the folder)")
    parser.add_argument("--out", type=Path, default=default_out())
    parser.add_argument("--built", default=None, help="build date for LICENSE (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    missing = [n for n in ("CAMEO.2.0.txt", "LICENSE", "SOURCE.txt")
               if not (args.src / n).is_file()]
    if missing:
        print(f"error: {args.src} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    build(args.src, args.out, args.plover, args.built)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
