"""Tests for dossier.gazetteer: lookups, states, ruler patterns, actor nouns, data sanity."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest
import spacy

from dossier import gazetteer
from dossier.gazetteer import Entry, actor_noun, entity_id, lookup, ruler_patterns, state

CONLL = Path(__file__).resolve().parents[2] / "shared" / "data" / "conll2003" / "eng.testa"


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Russia", "RUS", "state"),
        ("Russian", "RUS", "demonym"),
        ("Russians", "RUS", "demonym"),
        ("North Korea", "PRK", "state"),
        ("North Korean", "PRK", "demonym"),
        ("North Koreans", "PRK", "demonym"),
        ("DPRK", "PRK", "state"),
        ("Pyongyang", "PRK", "capital"),
        ("South Korean", "KOR", "demonym"),
        ("Seoul", "KOR", "capital"),
        ("the United States", "USA", "state"),
        ("U.S.", "USA", "state"),
        ("US", "USA", "state"),
        ("America", "USA", "state"),
        ("Washington", "USA", "capital"),
        ("Britain", "GBR", "state"),
        ("UK", "GBR", "state"),
        ("British", "GBR", "demonym"),
        ("Britons", "GBR", "demonym"),
        ("Kyiv", "UKR", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Chad", "TCD", "state"),
        ("Jordan", "JOR", "state"),
        ("Georgia", "GEO", "state"),
        ("Congolese", "COD", "demonym"),
        ("Burma", "MMR", "state"),
        ("Türkiye", "TUR", "state"),
        ("Emirati", "ARE", "demonym"),
        ("Saudis", "SAU", "demonym"),
        ("Palestinians", "PSE", "demonym"),
        ("Kosovo", "XKX", "state"),
        ("Taiwan", "TWN", "state"),
        ("Jerusalem", "ISR", "capital"),
        ("Côte d’Ivoire", "CIV", "state"),
        ("NORTH KOREA", "PRK", "state"),
        ("Russia’s", "RUS", "state"),
        ("Russia's", "RUS", "state"),
        ("NATO", "NATO", "igo"),
        ("Nato", "NATO", "igo"),
        ("the UN", "UN", "igo"),
        ("UN Security Council", "UNSC", "igo"),
        ("European Union", "EU", "igo"),
        ("IAEA", "IAEA", "igo"),
        ("Kremlin", "RUS", "government"),
        ("the Kremlin's", "RUS", "government"),
        ("Pentagon", "USA", "military"),
        ("Indo-Pacific Command", "USA", "military"),
        ("INDOPACOM", "USA", "military"),
        ("IRGC", "IRN", "military"),
        ("Korean People's Army", "PRK", "military"),
        ("KCNA", "PRK", "media"),
        ("Rosoboronexport", "RUS", "company"),
        ("Hamas", "HAMAS", "rebel"),
        ("Houthis", "HOUTHIS", "rebel"),
        ("the Houthis'", "HOUTHIS", "rebel"),
        ("Human Rights Watch", "HRW", "ngo"),
    ],
)
def test_lookup(text: str, code: str, kind: str) -> None:
    entry = lookup(text)
    assert entry is not None, text
    assert (entry.code, entry.kind) == (code, kind)


@pytest.mark.parametrize(
    "text",
    ["us", "Us", "who", "Korean", "Koreans", "china", "polish", "table", "", "the", "'s",
     "Latin America", "Arab", "European"],
)
def test_lookup_misses(text: str) -> None:
    assert lookup(text) is None


def test_lookup_entry_fields() -> None:
    assert lookup("the United States") == Entry(
        "United States", "United States", "USA", "state", None, None
    )
    pentagon = lookup("Pentagon")
    assert pentagon is not None
    assert (pentagon.code, pentagon.country, pentagon.sector) == ("USA", "USA", "MIL")
    assert entity_id(pentagon) == "org:Pentagon"
    nato = lookup("North Atlantic Treaty Organization")
    assert nato is not None
    assert (nato.name, nato.country, entity_id(nato)) == (
        "North Atlantic Treaty Organization", None, "org:NATO"
    )
    hamas = lookup("Hamas")
    assert hamas is not None and (hamas.sector, hamas.country) == ("REB", "PSE")
    eu = lookup("EU")
    assert eu is not None and eu.kind == "igo" and eu.country is None


def test_state_and_state_name() -> None:
    assert state("PRK") == Entry("North Korea", "North Korea", "PRK", "state", None, None)
    assert state("prk") == state("PRK")
    assert state("ZZZ") is None
    assert state("EU") is None
    names = {
        "RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea", "IRN": "Iran",
        "SYR": "Syria", "USA": "United States", "GBR": "United Kingdom", "VNM": "Vietnam",
        "TWN": "Taiwan", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "LAO": "Laos",
        "MDA": "Moldova", "CZE": "Czech Republic", "CIV": "Ivory Coast",
        "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
        "PSE": "Palestine", "XKX": "Kosovo",
    }
    assert {code: gazetteer.state_name(code) for code in names} == names
    assert gazetteer.state_name("ZZZ") is None


def test_every_iso_country_has_a_state_entry() -> None:
    missing = [c.alpha_3 for c in pycountry.countries if gazetteer._tables().states.get(c.alpha_3)
               is None]
    assert missing == []
    for country in pycountry.countries:
        entry = state(country.alpha_3)
        assert entry is not None and entry.kind == "state" and entry.code == country.alpha_3
        assert "," not in entry.name, entry.name  # no "Korea, Republic of"


def test_most_states_have_demonyms() -> None:
    tables = gazetteer._tables()
    with_demonym = {e.code for e in tables.exact.values() if e.kind == "demonym"}
    share = len(with_demonym & set(tables.states)) / len(tables.states)
    assert share >= 0.95, share


def test_ruler_patterns_are_unique_and_well_formed() -> None:
    patterns = ruler_patterns()
    keys = [(p["label"], p["pattern"], p["id"]) for p in patterns]
    assert len(keys) == len(set(keys))
    by_phrase: dict[str, set[str]] = {}
    for label, phrase, pid in keys:
        assert label in {"GPE", "NORP", "ORG", "LOC"}
        assert re.fullmatch(r"(state:[A-Z]{3}|org:.+|region:.+)", pid), pid
        assert phrase == phrase.strip() and phrase
        by_phrase.setdefault(phrase, set()).add(pid)
    assert {k: v for k, v in by_phrase.items() if len(v) > 1} == {}
    phrases = set(by_phrase)
    assert {"North Korean", "North Koreans", "U.S.", "US", "United States", "Kremlin",
            "Pentagon", "Pyongyang", "NATO"} <= phrases
    # ambiguous words are looked up, not forced on the NER
    assert not {"us", "Korean", "Georgia", "Jordan", "Chad", "Wagner", "Congress"} & phrases


def test_every_pattern_resolves_back_to_its_id() -> None:
    wrong = []
    for p in ruler_patterns():
        if p["id"].startswith("region:"):
            assert lookup(p["pattern"]) is None
            continue
        entry = lookup(p["pattern"])
        if entry is None or entity_id(entry) != p["id"]:
            wrong.append((p["pattern"], p["id"], entry))
    assert wrong == []
    # the key after "org:" is itself a lookup key (the resolver relies on it)
    for p in ruler_patterns():
        kind, _, key = p["id"].partition(":")
        if kind == "org":
            found = lookup(key)
            assert found is not None and entity_id(found) == p["id"], p


@pytest.fixture(scope="module")
def ruler_nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(ruler_patterns())
    return nlp


def test_ruler_tags_states_demonyms_and_capitals(ruler_nlp: spacy.language.Language) -> None:
    doc = ruler_nlp("Russia will supply jets to North Korea, said a North Korean official in "
                    "Pyongyang.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Russia", "GPE", "state:RUS"),
        ("North Korea", "GPE", "state:PRK"),
        ("North Korean", "NORP", "state:PRK"),
        ("Pyongyang", "GPE", "state:PRK"),
    ]


def test_ruler_organisations_and_case(ruler_nlp: spacy.language.Language) -> None:
    doc = ruler_nlp("Tell us what the US, the Kremlin, the Pentagon and US Indo-Pacific Command "
                    "think of Latin America.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("US", "state:USA"),
        ("Kremlin", "org:Kremlin"),
        ("Pentagon", "org:Pentagon"),
        ("US Indo-Pacific Command", "org:INDOPACOM"),
        ("Latin America", "region:Latin America"),
    ]
    doc = ruler_nlp("Côte d’Ivoire and the Korean People’s Army")
    assert [e.ent_id_ for e in doc.ents] == ["state:CIV", "org:Korean People's Army"]


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("troops", ("MIL", "military")),
        ("troop", ("MIL", "military")),
        ("soldiers", ("MIL", "military")),
        ("forces", ("MIL", "military")),
        ("force", ("MIL", "military")),
        ("pilot", ("MIL", "military")),
        ("air force", ("MIL", "military")),
        ("armed forces", ("MIL", "military")),
        ("special forces", ("MIL", "military")),
        ("security forces", ("MIL", "military")),
        ("coast guard", ("MIL", "military")),
        ("marines", ("MIL", "military")),
        ("navy", ("MIL", "military")),
        ("government", ("GOV", "government")),
        ("ministries", ("GOV", "government")),
        ("authorities", ("GOV", "government")),
        ("Diplomats", ("GOV", "government")),
        ("embassy", ("GOV", "government")),
        ("rebels", ("REB", "rebel")),
        ("guerrillas", ("REB", "rebel")),
        ("militias", ("REB", "rebel")),
        ("protesters", ("OPP", "protester")),
        ("police", ("COP", "police")),
        ("policemen", ("COP", "police")),
        ("court", ("JUD", "judiciary")),
        ("judge", ("JUD", "judiciary")),
        ("companies", ("BUS", "business")),
        ("firm", ("BUS", "business")),
        ("journalists", ("MED", "media")),
        ("media", ("MED", "media")),
        ("refugees", ("CVL", "civilian")),
        ("civilian", ("CVL", "civilian")),
        ("party", ("PTY", "party")),
        ("table", None),
        ("jet", None),
        ("", None),
    ],
)
def test_actor_noun(noun: str, expected: tuple[str, str] | None) -> None:
    assert actor_noun(noun) == expected


SECTORS = {"GOV", "MIL", "IGO", "REB", "NGO", "MED", "BUS", "PTY", "COP", "CRM", "JUD", "OPP",
           "CVL", "EDU", "REL", "LAB", "AGR", "UAF"}  # UAF: CAMEO's unidentified armed forces


def test_data_sanity() -> None:
    tables = gazetteer._tables()
    iso3 = set(tables.states)
    orgs = {e.name: e for e in tables.exact.values() if e.kind not in gazetteer.STATE_KINDS}
    assert len(orgs) >= 150
    for entry in orgs.values():
        assert entry.sector in SECTORS, entry
        assert entry.country is None or entry.country in iso3, entry
        if entry.code in iso3:  # an organ of a state carries that state's code
            assert entry.country == entry.code, entry
    assert len(gazetteer._nouns()) >= 120
    assert {s for s, _ in gazetteer._nouns().values()} <= SECTORS


def _conll_entities(path: Path) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    words: list[str] = []
    label = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        tag = parts[-1] if parts else "O"
        if words and not tag.startswith("I-"):
            found[(label, " ".join(words))] += 1
            words = []
        if tag.startswith("B-"):
            words, label = [parts[0]], tag[2:]
        elif tag.startswith("I-") and words:
            words.append(parts[0])
    return found


def test_conll_coverage_and_false_positives() -> None:
    if not CONLL.exists():
        pytest.skip(f"CoNLL-2003 dev set not found at {CONLL} (shared data absent)")
    ents = _conll_entities(CONLL)
    # country names the ISO table knows: all resolve to the same code
    agree = disagree = 0
    for (label, text), n in ents.items():
        if label != "LOC":
            continue
        try:
            iso = pycountry.countries.lookup(text).alpha_3
        except LookupError:
            continue
        entry = lookup(text)
        if entry is not None and entry.code == iso:
            agree += n
        else:
            disagree += n
    assert agree > 500 and disagree / (agree + disagree) < 0.01, (agree, disagree)
    # demonym-looking MISC entities ("Iraqi", "Dutch", "Palestinians") mostly resolve;
    # the rest are not states ("European", "Kurdish", "Jewish")
    shaped = re.compile(r"[A-Z][a-z]+(an|ans|ese|ish|i|is|ch)")
    hit = miss = 0
    for (label, text), n in ents.items():
        if label == "MISC" and shaped.fullmatch(text):
            if lookup(text) is not None:
                hit += n
            else:
                miss += n
    assert hit / (hit + miss) >= 0.75, (hit, miss)
    # ruler patterns rarely fire on people's names
    phrases = {p["pattern"] for p in ruler_patterns()}
    people = sum(n for (label, _), n in ents.items() if label == "PER")
    clash = sum(n for (label, text), n in ents.items() if label == "PER" and text in phrases)
    assert clash / people < 0.01, clash
