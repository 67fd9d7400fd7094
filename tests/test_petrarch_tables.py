"""The shipped PETRARCH2 / Phoenix tables: counts, samples, and a byte-identical rebuild.

The counts are the build's exact figures (tolerance 0): a change to the
readers or the inputs must show up here.  The rebuild test needs
``../shared/reference/petrarch2`` and skips with a message without it; the
small-input tests build from dictionaries written here, so they always run.
"""

from __future__ import annotations

import gzip
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from dossier.lexicons import petrarch
from dossier.lexicons.build_petrarch import TABLES, build
from dossier.lexicons.petrarch_readers import Notes, parse_date, read_actors, read_agents

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCE = SHARED / "reference" / "petrarch2"
TABLE_DIR = Path(str(resources.files("dossier") / "data" / "petrarch"))

COUNTS = {
    "verbs.tsv": 1817,
    "verb_patterns.tsv": 4513,
    "synsets.tsv": 40,
    "actors.tsv.gz": 35533,
    "agents.tsv": 3302,
    "discards.tsv": 506,
}


def _rows(name: str) -> int:
    data = (TABLE_DIR / name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    lines = data.decode("utf-8").splitlines()
    assert lines[0].startswith("# ") and "\t" in lines[1]  # provenance line, then header
    return len(lines) - 2


@pytest.mark.parametrize("name", TABLES)
def test_shipped_counts(name: str) -> None:
    assert _rows(name) == COUNTS[name]


def test_license_names_source_counts_and_mit() -> None:
    text = (TABLE_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "The MIT License" in text and "Open Event Data" in text
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in text  # the PETRARCH2 commit
    for name, count in COUNTS.items():
        assert f"  {name}  {count}\n" in text
    assert re.search(r"^Built: \d{4}-\d{2}-\d{2}$", text, re.M)


def test_shipped_size_is_small() -> None:
    total = sum(p.stat().st_size for p in TABLE_DIR.iterdir())
    assert total < 2_000_000, total


# ---------------------------------------------------------------- people with dated roles

def test_secretary_of_state_dated_roles() -> None:
    roles = petrarch.actor_roles("Hillary Clinton")
    assert petrarch.Role("USAGOV", date(2009, 1, 21), date(2013, 2, 1)) in roles
    assert petrarch.Role("USAELI") in roles  # the default when no dated role applies
    assert petrarch.role_on("hillary clinton", "2010-06-01") == "USAGOV"
    assert petrarch.role_on("hillary clinton", date(2013, 2, 1)) == "USAGOV"  # inclusive
    assert petrarch.role_on("hillary clinton", "2015-06-01") == "USAELI"
    assert petrarch.actor_kind("hillary clinton") == "person"


def test_person_without_default_has_no_code_outside_roles() -> None:
    # John Kerry: senator (USAGOVLEG) 1985-2013, then Secretary of State; no default
    assert petrarch.role_on("john kerry", "1990-01-01") == "USAGOVLEG"
    assert petrarch.role_on("john kerry", "2014-03-01") == "USAGOV"
    assert petrarch.role_on("john kerry", "1970-01-01") is None
    role = next(r for r in petrarch.actor_roles("john kerry") if r.code == "USAGOV")
    assert (role.iso3, role.sector, role.end) == ("USA", "GOV", None)


def test_president_and_vice_president() -> None:
    assert petrarch.role_on("Dick Cheney", "2003-03-20") == "USAGOV"
    assert petrarch.role_on("dick cheney", "1991-01-17") == "USAGOVMIL"  # Secretary of Defense
    assert petrarch.role_on("barack obama", "2010-01-01") == "USAGOV"
    assert petrarch.role_on("barack obama", "2005-01-01") is None


def test_states_institutions_groups() -> None:
    assert petrarch.role_on("afghan", "2020-01-01") == "AFG"
    assert petrarch.actors("Kabul")[0].iso3 == "AFG"
    assert petrarch.role_on("pentagon", "2020-01-01") == "USAMIL"
    assert petrarch.actor_kind("white house") == "institution"
    assert petrarch.actor_kind("hezbollah") == "armed_group"
    assert petrarch.actor_kind("nato") == "igo"
    kosovo = petrarch.actors("kosovo")[0]
    assert (kosovo.kind, kosovo.iso3) == ("state", "XKX")


# ---------------------------------------------------------------- verbs and PLOVER

def test_consult_verb_is_consult() -> None:
    own = petrarch.verb_patterns("consult")[0]
    assert own.bare and (own.code, own.type, own.code2) == ("040", "CONSULT", "040")
    visit = petrarch.verb_patterns("visit")[0]
    assert (visit.code, visit.type, visit.mode, visit.code2) == ("042", "CONSULT", "visit", "043")


def test_fight_verb_is_assault() -> None:
    own = petrarch.verb_patterns("fight")[0]
    assert (own.code, own.type, own.context) == ("190", "ASSAULT", "military")
    assert petrarch.verb_patterns("shell")[0].type == "ASSAULT"


def test_provide_weapons_is_military_aid() -> None:
    found = [p for p in petrarch.verb_patterns("provide") if "&weapon" in p.object]
    assert found and all(p.code == "072" and p.type == "AID" for p in found)
    assert {"missile", "missiles"} <= found[0].object_words()
    relief = [p for p in petrarch.verb_patterns("rush") if p.object == ("relief",)]
    assert (relief[0].code, relief[0].type, relief[0].context) == ("073", "AID", "humanitarian")


def test_deploy_pattern_is_mobilize_with_prep_slot() -> None:
    found = [p for p in petrarch.verb_patterns("rush") if p.preps == (("to", ("border",)),)]
    assert [(p.object, p.type, p.mode) for p in found] == [
        (("police",), "MOBILIZE", "police"), ((), "MOBILIZE", "troops")]


def test_multiword_and_irregular_verbs() -> None:
    assert petrarch.verb_entries("ask for")[0]["particle"] == "for"
    assert petrarch.verb_entries("asked for")[0]["phrase"] == "ask for"
    assert petrarch.verb_patterns("sped")[0].verb == "speed"
    assert petrarch.verb_patterns("no such verb") == []


def test_patterns_record_their_frame() -> None:
    """The converter records the argument map of each pattern's event (cameo_frames.py)."""
    aid = [p for p in petrarch.verb_patterns("provide") if "&weapon" in p.object]
    assert {p.frame for p in aid} == {"give"}
    # coded only with a reciprocal ("received tanks"): the event the other way round
    tanks = [p for p in petrarch.verb_patterns("receive") if p.object == ("tanks",)]
    assert [(p.code, p.code2, p.type2, p.mode2, p.frame) for p in tanks] == [
        ("", "072", "AID", None, "receive")]
    rush = [p for p in petrarch.verb_patterns("rush") if p.preps == (("to", ("border",)),)]
    assert {p.frame for p in rush} == {"move"}
    ties = [p for p in petrarch.verb_patterns("sever") if p.object == ("diplomatic ties",)]
    assert [(p.code, p.type, p.frame) for p in ties] == [("161", "SANCTION", "toward")]
    assert [p.frame for p in petrarch.verb_patterns("elect") if p.code == "---"][0] is None
    own = petrarch.verb_patterns("loot")[0]  # "LOOT [145]": a coder's own code
    assert (own.code, own.type, own.frame, own.explicit) == ("145", "PROTEST", "self", True)
    assert not petrarch.verb_patterns("die")[0].explicit  # the DIE block's code only


def test_null_code_patterns_are_kept_as_blocks() -> None:
    nulls = [p for p in petrarch.verb_patterns("elect") if p.code == "---" and not p.bare]
    assert nulls and all(p.type is None for p in nulls)


# ---------------------------------------------------------------- agents and discards

def test_agent_sectors() -> None:
    assert petrarch.agent_sector("police") == "COP"
    assert petrarch.agent_sector("troops") == "MIL"  # the plural, made by PETRARCH's rule
    assert petrarch.agent_sector("Rebels") == "REB"
    assert petrarch.agent_sector("ministry of defence") == "GOVMIL"  # !MINIST! expanded
    assert petrarch.agent_sector("congresswoman") == "LEG"
    assert petrarch.agent_sector("teapot") is None


def test_discards() -> None:
    found = petrarch.discard_match("She took the bronze medal in the final")
    assert found is not None and found.scope in {"sentence", "story"}
    assert petrarch.discard_match("Troops shelled the town overnight") is None


# ---------------------------------------------------------------- the build itself

def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    if not (SOURCE / "CAMEO.2.0.txt").is_file():
        pytest.skip(f"PETRARCH2 dictionaries not found at {SOURCE} (../shared absent)")
    shipped_license = (TABLE_DIR / "LICENSE").read_text(encoding="utf-8")
    built = re.search(r"^Built: (\S+)$", shipped_license, re.M).group(1)
    counts = build(SOURCE, tmp_path, built=built, report=lambda _line: None)
    assert counts == COUNTS
    for path in sorted(TABLE_DIR.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in TABLE_DIR.iterdir())


MINI_VERBS = """\
####### SYNONYM SETS #######
&WEAPON
+RIFLE
+AMMUNITION_

####### VERB PATTERNS #######
---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING GIVES}
+HAND_OVER {+HANDED_OVER +HANDING_OVER} [071]
- * &WEAPON (TO +)                [072]  # GIVE
- * &WEAPON (TO +)                [072]  # GIVE
- $ * {BEST WISHES}               [---]  # GIVE
- * (BEFORE COURT)                [:173] # APPEAR
- * NO CODE HERE
- * DOWN (FROM)                   [070!] # BACK
SCRAP {SCRAPS} ;legacy comment

"""

MINI_ACTORS = """\
# a comment
FREEDONIA_  [FRE]
+FREEDONIAN_

RUFUS_T._FIREFLY_  # CountryInfo.txt
PRESIDENT_FIREFLY_
	[FREGOV 330101-331231]
	[FREELI]
	[FREMIL 9008223-911221]
	[FREGOV 20121207-20120802]

LOOSE_NAME_WITHOUT_CODE
"""


def _mini_source(tmp_path: Path) -> Path:
    src = tmp_path / "petrarch2"
    src.mkdir()
    (src / "CAMEO.2.0.txt").write_text(MINI_VERBS)
    (src / "Phoenix.Countries.actors.txt").write_text(MINI_ACTORS)
    (src / "Phoenix.International.actors.txt").write_text("UN_ [IGOUNO]\n")
    (src / "Phoenix.MilNonState.actors.txt").write_text("RED_BRIGADE_ [ITAREB]\n")
    (src / "Phoenix.agents.txt").write_text(
        "!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\nSPY [~SPY}\n"
        "NO_CODE_AGENT\n")
    (src / "Phoenix.discards.txt").write_text("+WORLD_CUP_\nSILVER MEDAL\n")
    (src / "LICENSE").write_text("The MIT License (MIT)\nCopyright (c) 2014 Open Event Data\n")
    (src / "SOURCE.txt").write_text("Repository: example, commit 0000\n")
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(
        "07: AID\n070: AID,   ,  # Provide aid\n072: AID,   ,   military # arms\n"
        "17: COERCE\n173: COERCE, arrest, legal # Arrest\n")
    return src


def test_mini_build_reads_every_format_and_skips_bad_items(tmp_path: Path) -> None:
    src = _mini_source(tmp_path)
    lines: list[str] = []
    counts = build(src, tmp_path / "out", built="2000-01-01", report=lines.append)
    assert counts == {"verbs.tsv": 4, "verb_patterns.tsv": 4, "synsets.tsv": 1,
                      "actors.tsv.gz": 6, "agents.tsv": 4, "discards.tsv": 2}
    report = "\n".join(lines)
    assert "1 x pattern repeated in its block" in report
    assert "1 x pattern with no [code]" in report
    assert "1 x pattern code with stray punctuation" in report
    assert "1 x actor role not readable" in report  # the 7-digit date
    assert "1 x actor role ends before it starts" in report
    assert "1 x actor with no code" in report
    assert "1 x agent with no [~code]" in report
    out = tmp_path / "out"
    verbs = (out / "verbs.tsv").read_text().splitlines()
    assert ("hand over\thand\t\tover\thanded over|handing over\tgrant\t071\t\tAID\t\t\t\t10"
            "\tgive\t1") in verbs  # the code on the verb's line: explicit
    assert any(v.startswith("scrap\tscrap\t\t\tscraps\tgrant\t070") for v in verbs)  # ';' comment
    patterns = (out / "verb_patterns.tsv").read_text().splitlines()
    assert "grant\t\t\t&weapon\tto:+\t072\t\tAID\t\tmilitary\t\tgive\t11\tgive\t" in patterns
    # only a reciprocal code: the event the other way round, its subject the target
    assert ("grant\t\t\t\tbefore:court\t\t173\t\t\t\tCOERCE\tappear\t14\treceive\tarrest"
            in patterns)
    assert "grant\t\t\tdown\tfrom:\t070\t\tAID\t\t\t\tback\t16\tgive\t" in patterns
    synsets = (out / "synsets.tsv").read_text().splitlines()
    assert "&weapon\trifle|rifles|ammunition" in synsets
    actors = gzip.decompress((out / "actors.tsv.gz").read_bytes()).decode().splitlines()
    assert ("rufus t. firefly\t2\tperson\t\tFREELI\tFREGOV@1933-01-01/1933-12-31|FREELI"
            "\tCountries:5") in actors
    assert any(a.startswith("president firefly\t2\t") for a in actors)  # no '+': a synonym
    assert any(a.startswith("red brigade\t4\tarmed_group\tITA\tITAREB") for a in actors)
    agents = (out / "agents.tsv").read_text().splitlines()
    assert {"police\t\t~COP", "congressman\t\t~LEG", "congresswoman\t\t~LEG",
            "spy\tspies\t~SPY"} <= set(agents)
    discards = (out / "discards.tsv").read_text().splitlines()
    assert discards[2:] == ["world cup\tstory\t1", "silver medal\tsentence\t0"]
    assert "Built: 2000-01-01" in (out / "LICENSE").read_text()


def test_mini_build_is_deterministic(tmp_path: Path) -> None:
    src = _mini_source(tmp_path)
    build(src, tmp_path / "a", built="2000-01-01", report=lambda _line: None)
    build(src, tmp_path / "b", built="2000-01-01", report=lambda _line: None)
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_two_digit_years_follow_petrarch() -> None:
    assert parse_date("300101") == "2030-01-01"
    assert parse_date("310101") == "1931-01-01"
    with pytest.raises(ValueError):
        parse_date("20100931")


def test_readers_never_raise_on_junk(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("\t[NOT A ROLE\n+synonym first\n[]\n\x00\x01 weird [~]\n")
    notes = Notes()
    assert read_actors(junk, notes) == []
    assert read_agents(junk, notes) == []
    assert sum(notes.counts.values()) >= 3
