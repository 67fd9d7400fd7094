"""Fusion rules on handmade mentions: matching, clustering, sources, contradictions, ids."""

from __future__ import annotations

import itertools
import json

from typer.testing import CliRunner

from dossier.cli import app
from dossier.fuse import fuse
from dossier.fuse.cluster import cluster, fused_id
from dossier.fuse.match import Mention, claimant_key, conflict
from dossier.fuse.sources import contradictions, copy_groups, signature, source_groups
from dossier.models import Actor, Attribution, Document, Event, Item, Result, Span
from dossier.store import EventQuery, Store


def record(id, type="AID", source=("RUS",), target=("PRK",), day=None, published="2025-04-08",
           document=None, place=None, items=(), factuality="asserted", claimant=None,
           evidence="x", quantity=None):  # fmt: skip
    date = {"start": day, "end": day, "granularity": "day", "value": day} if day else None
    if day and len(day) == 7:
        date = {"start": day + "-01", "end": day + "-28", "granularity": "month", "value": day}
    return {
        "id": id, "type": type, "mode": None,
        "source": [{"code": c} for c in source], "target": [{"code": c} for c in target],
        "items": [{"text": i, "designation": i, "category": "air defence system",
                   "quantity": quantity} for i in items],
        "factuality": factuality, "date": date, "location": place,
        "attribution": {"claimant": claimant} if claimant else None,
        "evidence": {"text": evidence, "start": 0, "end": len(evidence)},
        "document": {"id": document or "doc_" + id, "published": published},
    }  # fmt: skip


KHARKIV = {"name": "Kharkiv", "country": "UKR", "lat": 49.98, "lon": 36.25, "kind": "city"}
ODESA = {"name": "Odesa", "country": "UKR", "lat": 46.48, "lon": 30.74, "kind": "city"}
KYIV = {"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "kind": "city"}


def m(*args, **kwargs) -> Mention:
    return Mention.from_record(record(*args, **kwargs))


def test_conflicts_name_the_reason():
    base = m("ev_1", items=["Pantsir"])
    assert conflict(base, m("ev_2", items=["Pantsir"])) is None
    assert conflict(base, m("ev_2", type="SANCTION")) == "different type"
    assert conflict(base, m("ev_2", source=("PRK",), target=("RUS",))) == "reversed direction"
    assert conflict(base, m("ev_2", target=("IRN",))) == "different target"
    assert conflict(base, m("ev_2", items=["Leopard 2"])) is None  # same category
    strike = m("ev_3", type="ASSAULT", target=("UKR",), day="2025-03-04", place=KHARKIV)
    other_day = m("ev_4", type="ASSAULT", target=("UKR",), day="2025-03-06")
    assert conflict(strike, other_day) == "different dates"
    odesa = m("ev_5", type="ASSAULT", target=("UKR",), place=ODESA, published="2025-03-05")
    assert conflict(strike, odesa) == "different places"
    month = m("ev_6", type="ASSAULT", target=("UKR",), day="2025-03")
    assert conflict(strike, month) is None  # a day inside the month


def test_weapons_in_general_may_be_any_weapons():
    """"the systems" (generic arms) can tell the same delivery as "air defence systems";
    tanks cannot."""
    def with_category(id, category):
        rec = record(id, items=["x"])
        rec["items"][0].update(category=category, designation=None)  # "the systems"
        return Mention.from_record(rec)

    pantsir = m("ev_1", items=["Pantsir"])
    assert conflict(pantsir, with_category("ev_2", "arms")) is None
    assert conflict(pantsir, with_category("ev_3", "military equipment")) is None
    assert conflict(pantsir, with_category("ev_4", "tank")) == "different items"


def test_undated_mentions_fall_in_a_window_before_publication():
    old = m("ev_1", day="2024-10-01", items=["Pantsir"])
    assert conflict(old, m("ev_2", items=["Pantsir"], published="2025-04-08")) == "different dates"
    assert conflict(old, m("ev_2", items=["Pantsir"], published="2024-10-15")) is None


def test_symmetric_types_compare_both_parties():
    meeting = m("ev_1", type="CONSULT", source=("TUR",), target=("EGY",))
    assert conflict(meeting, m("ev_2", type="CONSULT", source=("EGY", "TUR"), target=())) is None
    assert (
        conflict(meeting, m("ev_3", type="CONSULT", source=("TUR",), target=("GRC",)))
        == "different parties"
    )


def test_claimants_are_known_by_name_not_by_vague_description():
    assert claimant_key("Kremlin spokesman Dmitry Peskov") == claimant_key("Peskov") == "peskov"
    assert claimant_key("the Kremlin") == claimant_key("Kremlin spokesman") == "RUS:government"
    assert claimant_key("Poland's defence ministry") == "POL:government"
    assert claimant_key("Ukraine's air force") == "UKR:military"
    assert claimant_key("officials") is None  # whose?
    assert claimant_key("a South Korean TV report") is None


def test_clusters_do_not_depend_on_order():
    mentions = [
        m("ev_a", type="ASSAULT", target=("UKR",), day="2025-03-04", place=KHARKIV),
        m("ev_b", type="ASSAULT", target=("UKR",), place=KHARKIV, published="2025-03-05"),
        m("ev_c", type="ASSAULT", target=("UKR",), day="2025-03-06", place=ODESA),
        m("ev_d", type="ASSAULT", target=("UKR",), place=ODESA, published="2025-03-07"),
        m("ev_e", type="ASSAULT", target=("UKR",), day="2025-03-06", place=KYIV),
        m("ev_f", type="ASSAULT", target=("UKR",), published="2025-03-05",
          evidence="Russian missiles hit Kharkiv on Tuesday"),  # fmt: skip
    ]
    results = {
        frozenset(frozenset(x.id for x in g) for g in cluster(list(perm)))
        for perm in itertools.permutations(mentions)
    }
    assert len(results) == 1
    (groups,) = results
    assert frozenset({"ev_a", "ev_b"}) in groups
    assert frozenset({"ev_c", "ev_d"}) in groups


def test_a_chain_of_look_alikes_does_not_join_conflicting_events():
    # b is compatible with a and with c, but a and c happened on different days
    a = m("ev_a", type="ASSAULT", target=("UKR",), day="2025-03-04", evidence="strike on Kharkiv")
    b = m("ev_b", type="ASSAULT", target=("UKR",), published="2025-03-06",
          evidence="strike on Kharkiv")  # fmt: skip
    c = m("ev_c", type="ASSAULT", target=("UKR",), day="2025-03-06", evidence="strike on Kharkiv")
    groups = cluster([a, b, c])
    assert len(groups) == 2
    assert not any({"ev_a", "ev_c"} <= {x.id for x in g} for g in groups)


def test_the_id_comes_from_the_first_report():
    early = m("ev_z", items=["Pantsir"], published="2025-04-08")
    late = m("ev_a", items=["Pantsir"], published="2025-04-10")
    (group,) = cluster([late, early])
    assert fused_id(group) == "fev_z"


def test_wire_copies_are_one_source_and_articles_are_independent():
    wire = (
        "SEOUL, April 8 (Northwire) - Russia has delivered Pantsir air defence systems to North "
        "Korea, South Korea's spy agency told lawmakers on Tuesday, in the first known transfer "
        "of a complete Russian weapon system to Pyongyang since the two signed a defence pact."
    )
    signatures = {
        "doc_1": signature(wire),
        "doc_2": signature(wire.replace("(Northwire)", "(Northwire) via Daily Ledger") + " More."),
        "doc_3": signature("Moscow supplied Pyongyang with short-range air defences, a US "
                           "official said, citing intelligence seen by Washington."),  # fmt: skip
        "doc_4": signature("The Kremlin denied it. Peskov said no systems were delivered."),
    }
    copies = copy_groups(signatures)
    assert copies["doc_1"] == copies["doc_2"] != copies["doc_3"]
    mentions = [
        m("ev_1", document="doc_1"), m("ev_2", document="doc_2"),
        m("ev_3", document="doc_3", claimant="Dmitry Peskov"),
        m("ev_4", document="doc_4", claimant="Kremlin spokesman Dmitry Peskov"),
        m("ev_5", document="doc_4", claimant="Maria Zakharova"),
    ]  # fmt: skip
    groups = source_groups(mentions, copies)
    assert groups["ev_1"] == groups["ev_2"]
    # independent documents, whoever they quote; people quoted in one article are one source
    assert len({groups["ev_1"], groups["ev_3"], groups["ev_4"]}) == 3
    assert groups["ev_4"] == groups["ev_5"]


def test_quantities_that_can_both_hold_are_no_contradiction():
    """'over 2 million' and '2.1 million' agree, 'several hundred' and 400 too; 24 and 30 not."""

    def with_quantity(id: str, published: str, **quantity: object) -> object:
        r = record(id, items=["Pantsir"], published=published)
        r["items"][0].update(quantity)
        return Mention.from_record(r)

    mentions = [
        with_quantity("ev_1", "2025-04-08", quantity=2000000, quantity_mod="more_than"),
        with_quantity("ev_2", "2025-04-09", quantity=2100000),
        with_quantity("ev_3", "2025-04-10", quantity=1000000, quantity_mod="up_to"),
    ]
    found = contradictions(mentions, {x.id: x.id for x in mentions})
    assert [c["mentions"] for c in found] == [["ev_1", "ev_3"]]
    assert found[0]["detail"] == "pantsir: 2,000,000 or more in one report, 0-1,000,000 in another"
    several = [
        with_quantity("ev_4", "2025-04-08", quantity=300, quantity_range=[300, 900]),
        with_quantity("ev_5", "2025-04-09", quantity=400),
        with_quantity("ev_6", "2025-04-10", quantity=50, quantity_mod="about"),
    ]
    found = contradictions(several, {x.id: x.id for x in several})
    assert [c["mentions"] for c in found] == [["ev_4", "ev_6"]]


def test_contradictions_name_the_two_mentions():
    mentions = [
        m("ev_1", items=["Pantsir"], quantity=2, published="2025-04-08"),
        m("ev_2", items=["Pantsir"], factuality="negated", published="2025-04-10"),
        m("ev_3", items=["Pantsir"], quantity=4, published="2025-04-09"),
    ]
    found = contradictions(mentions, {x.id: x.id for x in mentions})
    assert {"kind": "factuality", "mentions": ["ev_1", "ev_2"],
            "detail": "asserted in one report, negated in another"} in found  # fmt: skip
    assert [c["mentions"] for c in found if c["kind"] == "quantity"] == [["ev_1", "ev_3"]]
    # quantities in one source are its own business; a denial in it is still a disagreement
    (found,) = contradictions(mentions, {x.id: "one" for x in mentions})
    assert found["kind"] == "factuality"


# --- through the store and the command line ----------------------------------------------


def _result(doc_id: str, published: str, text: str, event_id: str, **kwargs) -> Result:
    document = Document(id=doc_id, text=text, published=published,
                        url=f"https://{doc_id}.example/story")  # fmt: skip
    items = kwargs.get(
        "items", [Item(text="Pantsir", designation="Pantsir", category="air defence system")]
    )
    event = Event(
        id=event_id, type="AID", mode="military",
        source=[Actor(text="Russia", name="Russia", code="RUS")],
        target=[Actor(text="North Korea", name="North Korea", code="PRK")],
        items=items,
        factuality=kwargs.get("factuality", "asserted"), date=None,
        location=kwargs.get("location"),
        attribution=Attribution(claimant=kwargs["claimant"]) if "claimant" in kwargs else None,
        evidence=Span(text=text, start=0, end=len(text)),
    )  # fmt: skip
    return Result(document, [event])


REPORTS = [
    ("doc_b", "2025-04-08", "Russia delivered Pantsir systems to North Korea, Seoul said.", "ev_b"),
    ("doc_c", "2025-04-09", "A US official said Russia sent Pantsir units to Pyongyang.", "ev_c"),
    ("doc_a", "2025-04-07", "Pantsir systems reached North Korea from Russia last week.", "ev_a"),
]


def test_ids_are_stable_and_old_ids_resolve(tmp_path):
    store = Store(tmp_path / "f.db")
    store.add(_result(*REPORTS[0]))
    fuse(store)
    (first,) = store.fused_events()
    assert first["id"] == "fev_b"
    store.add(_result(*REPORTS[1]))
    fuse(store)
    assert [r["id"] for r in store.fused_events()] == ["fev_b"]  # a later report joins
    store.add(_result(*REPORTS[2]))
    summary = fuse(store)
    (event,) = store.fused_events()
    assert event["id"] == "fev_a"  # an earlier report arrived
    assert summary.log == [("renamed", "fev_b", "fev_a",
                            "an earlier report arrived: ev_a published 2025-04-07")]  # fmt: skip
    assert store.current_id("fev_b") == "fev_a"
    assert [r["id"] for r in store.fused_events(EventQuery(id="fev_b"))] == ["fev_a"]
    assert event["first_reported"]["published"] == "2025-04-07"
    assert event["independent_sources"] == 3
    assert len(event["mentions"]) == 3


def test_merges_are_logged_and_the_old_id_resolves(tmp_path):
    store = Store(tmp_path / "f.db")
    # two undated reports with no weapon, place or claimant in common: kept apart
    store.add(_result("doc_1", "2025-04-08", "Moscow armed Pyongyang, Peskov hinted.", "ev_1",
                      claimant="Peskov", items=[]))  # fmt: skip
    store.add(_result("doc_2", "2025-04-09", "Russia has given North Korea new weapons.",
                      "ev_2", claimant="Zakharova", items=[]))  # fmt: skip
    fuse(store)
    assert store.count("fused_events") == 2
    # a third shares Peskov with the first and its wording with the second
    store.add(_result("doc_3", "2025-04-10", "Russia has given North Korea new weapons!",
                      "ev_3", claimant="Dmitry Peskov", items=[]))  # fmt: skip
    summary = fuse(store)
    assert store.count("fused_events") == 1
    assert [(a, old, new) for a, old, new, _why in summary.log] == [("merged", "fev_2", "fev_1")]
    assert store.current_id("fev_2") == "fev_1"
    assert store.fusion_log("fev_2")[0]["reason"] == "merged with fev_1: reports of one event"


def test_splits_are_logged():
    from dossier.fuse import _diff

    a, b, c = m("ev_a", published="2025-04-07"), m("ev_b"), m("ev_c", published="2025-04-09")
    old_of = {"ev_a": "fev_a", "ev_b": "fev_a", "ev_c": "fev_a"}
    log, gone = _diff([[a, b], [c]], old_of)
    assert log == [("split", "fev_a", "fev_c", "mentions ev_c are another event")]
    assert gone == set()
    # the first report left: the old id is gone, both parts are logged
    log, gone = _diff([[b], [c]], {"ev_a": "fev_a", "ev_b": "fev_a", "ev_c": "fev_a"})
    assert [(action, new) for action, _old, new, _why in log] == [("split", "fev_b"),
                                                                ("split", "fev_c")]  # fmt: skip
    assert gone == {"fev_a"}


def _cli_db(tmp_path):
    db = tmp_path / "cli.db"
    store = Store(db)
    for report in REPORTS:
        store.add(_result(*report))
    store.add(_result("doc_d", "2025-04-10", "The Kremlin denied sending Pantsir systems.",
                      "ev_d", factuality="negated", claimant="Kremlin"))  # fmt: skip
    store.close()
    return db


def test_cli_fuse_and_query_fused_events(tmp_path):
    db = _cli_db(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["fuse", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "fused 4 mention(s) into 1 event(s)" in result.output
    result = runner.invoke(app, ["events", "--db", str(db), "--fused", "--format", "json"])
    (event,) = json.loads(result.stdout)
    assert event["independent_sources"] == 4 and event["contradictions"]
    assert event["factuality"] == "asserted"
    assert event["factuality_support"] == {"asserted": 3, "negated": 1}
    for flags, expected in ((["--min-sources", "4"], 1), (["--min-sources", "5"], 0),
                            (["--contradicted"], 1), (["--id", "ev_c"], 1)):  # fmt: skip
        result = runner.invoke(app, ["events", "--db", str(db), "--fused", "-f", "json", *flags])
        assert len(json.loads(result.stdout)) == expected, flags
    result = runner.invoke(app, ["events", "--db", str(db), "--id", "fev_a", "-f", "json"])
    assert [r["id"] for r in json.loads(result.stdout)] == ["fev_a"]  # --fused implied
    table = runner.invoke(app, ["events", "--db", str(db), "--fused"]).stdout
    assert "contradiction" in table and "4 independent source(s)" in table
    result = runner.invoke(app, ["events", "--db", str(db), "--min-sources", "2"])
    assert result.exit_code == 2 and "add --fused" in result.output
    result = runner.invoke(app, ["fuse", "--db", str(db), "--rebuild"])
    assert result.exit_code == 0 and "fused 4 mention(s) into 1 event(s)" in result.output


def test_cli_exports_fused_events_with_their_mentions(tmp_path):
    db = _cli_db(tmp_path)
    runner = CliRunner()
    runner.invoke(app, ["fuse", "--db", str(db)])
    out = tmp_path / "fused.jsonl"
    result = runner.invoke(app, ["export", str(out), "-f", "jsonl", "--fused", "--db", str(db)])
    assert result.exit_code == 0, result.output
    (line,) = out.read_text().splitlines()
    assert len(json.loads(line)["mentions"]) == 4
    result = runner.invoke(app, ["export", "-", "-f", "csv", "--fused", "--db", str(db)])
    header, row = result.stdout.splitlines()[:2]
    assert "independent_sources" in header and "mention_ids" in header
    assert "ev_a; ev_b; ev_c; ev_d" in row


# --- issue 14: undated reports, independent documents, families, relative dates, copies --


def _fused_sets(store: Store) -> list[tuple[str, tuple[str, ...]]]:
    """Each fused event as (type, its evidence sentences), to compare across databases."""
    return sorted(
        (r["type"], tuple(sorted(m["evidence"]["text"] for m in r["mentions"])))
        for r in store.fused_events()
    )


def _ingest_text(store: Store, text: str, origin: str) -> None:
    from dossier.ingest import Article, load_document
    from dossier.pipeline import process

    store.add(process(load_document(Article(text=text, origin=origin))), origin=origin)
    fuse(store)


def test_undated_seed_and_a_copy_with_other_boilerplate_fuse(tmp_path):
    """No date, no publication date: the copy joins every event of the original."""
    from pathlib import Path

    seed = (Path(__file__).parent.parent / "examples" / "rus-prk-jets-for-troops.txt").read_text()
    assert "significant" in seed
    copy = seed.replace("significant", "major", 1).replace(
        "READ: Zelenskyy", "READ: Pentagon Reviews Its Budget Plans; Zelenskyy"
    ) + "\nSubscribe to our newsletter for daily updates.\nFollow us on Twitter.\n"
    store = Store(tmp_path / "seed.db")
    _ingest_text(store, seed, "seed.txt")
    before = _fused_sets(store)
    (seed_doc,) = {m["document"] for r in store.fused_events() for m in r["mentions"]}
    _ingest_text(store, copy, "copy.txt")
    after = list(store.fused_events())
    # the same events, each now told by both files, one independent source
    seed_only = sorted(
        (r["type"], tuple(sorted(m["evidence"]["text"] for m in r["mentions"]
                                 if m["document"] == seed_doc)))
        for r in after
    )  # fmt: skip
    assert seed_only == before
    for record in after:
        documents = [m["document"] for m in record["mentions"]]
        assert len(set(documents)) == 2, record["mentions"]
        assert documents.count(seed_doc) * 2 == len(documents)  # as many in each
        assert record["independent_sources"] == 1


def _bbc_story() -> str:
    from pathlib import Path

    folder = Path(__file__).parent.parent.parent / "shared" / "data" / "news-bbc" / "bbc"
    story = folder / "politics" / "001.txt"
    if not story.exists():
        import pytest

        pytest.skip(f"BBC corpus not found at {folder}")
    return story.read_text(encoding="latin-1")


STORY = """Germany to send air defence systems to Lithuania

Germany will send two Patriot air defence systems to Lithuania, the German defence ministry
said, in a move to strengthen NATO's eastern flank after repeated airspace violations.
The systems will be stationed near Vilnius and operated by German crews, a ministry
spokeswoman told reporters in Berlin. Lithuania's defence minister welcomed the decision
and said his country would pay for the fuel and the housing of the German soldiers.
"""


def test_two_copies_of_an_undated_story_fuse(tmp_path):
    store = Store(tmp_path / "story.db")
    _ingest_text(store, STORY, "a/story.txt")
    _ingest_text(store, STORY + "\nShare this article on Facebook.\n", "b/story.txt")
    records = list(store.fused_events())
    assert records and all(len({m["document"] for m in r["mentions"]}) == 2 for r in records)
    assert all(r["independent_sources"] == 1 for r in records)


def test_two_copies_of_a_bbc_story_fuse(tmp_path):
    text = _bbc_story()
    store = Store(tmp_path / "bbc.db")
    _ingest_text(store, text, "bbc/politics/001.txt")
    _ingest_text(store, text + "\nShare this page on Twitter.\n", "mirror/politics/001.txt")
    records = list(store.fused_events())
    assert records
    assert all(len({m["document"] for m in r["mentions"]}) == 2 for r in records)


def test_people_quoted_in_one_article_are_one_source(tmp_path):
    store = Store(tmp_path / "one.db")
    text = "Seoul said Russia sent Pantsir systems to North Korea; a US official agreed."
    document = Document(id="doc_1", text=text, published="2025-04-08")
    events = [
        Event(id=f"ev_{n}", type="AID", mode="military",
              source=[Actor(text="Russia", name="Russia", code="RUS")],
              target=[Actor(text="North Korea", name="North Korea", code="PRK")],
              items=[Item(text="Pantsir", designation="Pantsir", category="air defence system")],
              factuality="asserted", date=None, location=None,
              attribution=Attribution(claimant=who),
              evidence=Span(text=text, start=0, end=len(text)))
        for n, who in ((1, "South Korea's spy agency"), (2, "a senior US official"))
    ]  # fmt: skip
    store.add(Result(document, events))
    fuse(store)
    (record,) = store.fused_events()
    assert record["independent_sources"] == 1
    assert not list(store.fused_events(EventQuery(min_sources=2)))


def test_a_denial_by_the_claimant_of_the_report_is_a_contradiction(tmp_path):
    """Support planned 1 / negated 1 from one claimant in two articles: listed as contradicted."""
    store = Store(tmp_path / "deny.db")
    store.add(_result("doc_1", "2025-04-08", "Peskov said Russia would send Pantsir units.",
                      "ev_1", claimant="Dmitry Peskov", factuality="planned"))  # fmt: skip
    store.add(_result("doc_2", "2025-04-10", "Peskov denied Russia had sent Pantsir units.",
                      "ev_2", claimant="Peskov", factuality="negated"))  # fmt: skip
    fuse(store)
    (record,) = store.fused_events()
    assert record["factuality_support"] == {"planned": 1, "negated": 1}
    assert [r["id"] for r in store.fused_events(EventQuery(contradicted=True))] == [record["id"]]


def test_a_deployment_typed_aid_in_one_report_and_mobilize_in_another_is_one_event():
    troops = {"text": "3,000 soldiers", "designation": None, "category": "troops", "quantity": None}
    sent = record("ev_1", source=("PRK",), target=("RUS",), day="2025-05-13",
                  evidence="North Korea sent 3,000 soldiers to Russia on Tuesday")  # fmt: skip
    sent["mode"], sent["items"] = "military", [troops]
    deployed = record("ev_2", type="MOBILIZE", source=("PRK",), target=(), day="2025-05-13",
                      evidence="Pyongyang deployed troops to Russia's Kursk region")  # fmt: skip
    deployed["mode"], deployed["items"] = "troops", [dict(troops, text="troops")]
    deployed["date"]["text"] = sent["date"]["text"] = "Tuesday"
    a, b = Mention.from_record(sent), Mention.from_record(deployed)
    assert conflict(a, b) is None
    assert len(cluster([a, b])) == 1
    jets = dict(troops, text="jets", category="fighter aircraft")
    arms = Mention.from_record(dict(sent, id="ev_3", items=[jets]))
    assert conflict(arms, b) == "different type"  # fighter jets are not the troops deployed


def test_relative_days_read_against_different_publication_days_can_agree():
    # "on Tuesday" in a story published the next Tuesday resolves to that day, a week late
    first = record("ev_1", type="ASSAULT", target=("UKR",), day="2025-03-04", place=KHARKIV,
                   published="2025-03-05", evidence="Missiles hit Kharkiv on Tuesday")  # fmt: skip
    late = record("ev_2", type="ASSAULT", target=("UKR",), day="2025-03-11", place=KHARKIV,
                  published="2025-03-11", evidence="The strike on Kharkiv on Tuesday")  # fmt: skip
    first["date"]["text"] = late["date"]["text"] = "Tuesday"
    assert conflict(Mention.from_record(first), Mention.from_record(late)) is None
    # written out, the days are what they say
    first["date"]["text"], late["date"]["text"] = "March 4", "March 11"
    assert conflict(Mention.from_record(first), Mention.from_record(late)) == "different dates"


def test_the_undated_window_is_a_parameter(tmp_path):
    store = Store(tmp_path / "w.db")
    store.add(_result("doc_1", "2025-02-01", "Russia sent Pantsir systems to North Korea.", "ev_1"))
    store.add(_result("doc_2", "2025-04-01", "Russia's Pantsir systems reached North Korea.",
                      "ev_2"))  # fmt: skip
    assert fuse(store, rebuild=True).total_fused == 2  # 59 days apart: beyond 30
    assert fuse(store, rebuild=True, undated_window=90).total_fused == 1
    result = CliRunner().invoke(app, ["fuse", "--db", str(tmp_path / "w.db"), "--rebuild",
                                      "--undated-window", "10"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Database: 2 fused events" in result.output


def test_wire_copies_with_other_boilerplate_or_fewer_lines_are_copies():
    body = " ".join(
        f"Paragraph {n}: the ministry said the {w} convoy crossed the border near the river "
        f"crossing at dawn and was met by officials from the {w} region."
        for n, w in enumerate(["northern", "southern", "eastern", "western", "central"])
    )
    links = " ".join(f"READ: Headline number {n} about something else entirely today" for n in
                     range(12))  # fmt: skip
    text = links + "\n" + body
    removed = [{"start": 0, "end": len(links), "reason": "cross-link"}]
    other = "Subscribe to our daily newsletter and follow us everywhere for more. " * 8
    copy = body + "\n" + other
    copy_removed = [{"start": len(body) + 1, "end": len(copy), "reason": "newsletter"}]
    short = body[: len(body) * 2 // 5]  # the first two paragraphs only
    groups = copy_groups({
        "doc_a": signature(text, removed),
        "doc_b": signature(copy, copy_removed),
        "doc_c": signature(short),
        "doc_d": signature("An unrelated story about a football match in the rain. " * 5),
    })  # fmt: skip
    assert groups["doc_a"] == groups["doc_b"] == groups["doc_c"] != groups["doc_d"]
