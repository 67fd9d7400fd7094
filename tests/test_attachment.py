"""Dates, places, parties and claimants on the right event (issue 15, pattern 7).

Sentences written for these tests (``dossier/extract/attachment.py``,
``dossier/extract/attribution.py``, ``rules.subject_of``).  Each case failed
before these changes.
"""

from __future__ import annotations

from typing import Any

import pytest

from dossier import analyze


def events(text: str) -> list[Any]:
    return analyze(text, published="2024-06-01").events


def codes(actors: list[Any]) -> set[str]:
    return {a.code for a in actors if a.code}


def find(found: list[Any], etype: str, trigger: str) -> Any:
    hits = [e for e in found if e.type == etype and e.trigger and e.trigger.text == trigger]
    shown = [(e.type, e.trigger.text if e.trigger else None, [a.text for a in e.source],
              [a.text for a in e.target], e.date and e.date.value,
              e.location and e.location.name) for e in found]  # fmt: skip
    assert hits, shown
    return hits[0]


# --- a date belongs to the clause of its event --------------------------------
@pytest.mark.parametrize(("text", "etype", "trigger", "value"), [
    ("The defence minister ordered the deployment of 500 troops to Estonia on Friday.",
     "MOBILIZE", "deployment", "2024-05-31"),
    ("Russia launched an attack on Kharkiv on Tuesday.", "ASSAULT", "attack", "2024-05-28"),
    ("The Pentagon authorised the transfer of 31 Abrams tanks to Ukraine on Monday.",
     "AID", "transfer", "2024-05-27"),
    ("Israeli forces carried out a raid on the Jenin camp on Wednesday.",
     "ASSAULT", "raid", "2024-05-29"),
])  # fmt: skip
def test_an_event_noun_takes_the_date_of_its_clause(text, etype, trigger, value) -> None:
    event = find(events(text), etype, trigger)
    assert event.date is not None and event.date.value == value


# --- "overnight" dates the event to the night before the report (articles2) -----
@pytest.mark.parametrize(("text", "etype", "trigger"), [
    ("Ukrainian drones hit an oil depot in the Bryansk region overnight, its governor said.",
     "ASSAULT", "hit"),
    # one attack, told by its noun (the place shelled is its target: test_attack_nouns.py)
    ("The overnight shelling of Kherson killed three civilians.", "ASSAULT", "shelling"),
    ("Overnight, American warplanes bombed militia sites near the Syrian border.",
     "ASSAULT", "bombed"),
    ("Washington and London launched strikes overnight on rebel radar sites in Yemen.",
     "ASSAULT", "strikes"),
])  # fmt: skip
def test_overnight_is_the_night_before_publication(text, etype, trigger) -> None:
    event = find(events(text), etype, trigger)
    assert event.date is not None and event.date.value == "2024-05-31TNI"


# --- a place inside the object phrase is the event's place (articles2) ----------
@pytest.mark.parametrize(("text", "etype", "trigger", "country"), [
    ("Gunmen attacked a market in the village of Tera, killing nine people.",
     "ASSAULT", "killing", "NER"),
    ("Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome in Russia's Amur region.",
     "CONSULT", "met", "RUS"),
    ("The two envoys held talks at the Baikonur Cosmodrome in Kazakhstan.",
     "CONSULT", "held", "KAZ"),
    ("The United States launched strikes on a radar site in the port city of Aden.",
     "ASSAULT", "strikes", "YEM"),
    ("Israel carried out raids against a weapons depot in the Syrian city of Homs.",
     "ASSAULT", "raids", "SYR"),
    ("Germany will station 4,800 soldiers and 200 civilian employees in Lithuania.",
     "MOBILIZE", "station", "LTU"),
])  # fmt: skip
def test_a_place_inside_the_object_phrase(text, etype, trigger, country) -> None:
    event = find(events(text), etype, trigger)
    assert event.location is not None and event.location.country == country


@pytest.mark.parametrize(("text", "etype", "trigger", "country"), [
    ("Singapore bought four submarines from Germany. Delivery of the first vessel took "
     "place in Kiel in 2021.", "AID", "Delivery", "DEU"),
    ("The bombing happened in Kandahar on Friday.", "ASSAULT", "bombing", "AFG"),
])  # fmt: skip
def test_an_event_noun_subject_is_where_its_verb_says(text, etype, trigger, country) -> None:
    event = find(events(text), etype, trigger)
    assert event.location is not None and event.location.country == country


@pytest.mark.parametrize(("text", "trigger", "value"), [
    ("The Philippines bought three BrahMos batteries from India in 2022. The remaining two "
     "batteries are due to be handed over by the end of 2025.", "handed", "2025"),
    ("France will sell 12 Rafale jets to Serbia. They will be delivered by 2028.",
     "delivered", "2028"),
])  # fmt: skip
def test_a_deadline_after_by_dates_a_passive_transfer(text, trigger, value) -> None:
    event = find(events(text), "AID", trigger)
    assert event.date is not None and event.date.value.startswith(value)


@pytest.mark.parametrize(("text", "value", "country"), [
    ("India trained 21 Filipino marines to operate the missiles at a facility in Nagpur "
     "earlier this year.", "2024", "IND"),
    ("France trained Indian pilots to fly the Rafale at a base near Bordeaux in March.",
     "2024-03", "FRA"),
])  # fmt: skip
def test_a_training_takes_the_date_and_place_of_its_to_clause(text, value, country) -> None:
    event = next(e for e in events(text) if e.type == "AID")
    assert event.date is not None and event.date.value.startswith(value)
    assert event.location is not None and event.location.country == country


def test_an_event_subject_of_a_verb_trigger_gives_its_date() -> None:
    """One attack ("a raid ... wounded", extract/folds.py), dated by the raid's day."""
    found = events("A Tuesday raid on the camp wounded nine people.")
    assert [e.trigger.text for e in found if e.type == "ASSAULT"] == ["raid"]
    event = find(found, "ASSAULT", "raid")
    assert event.date is not None and event.date.value == "2024-05-28"


def test_what_is_deployed_is_not_whom_the_order_targets() -> None:
    found = events("The defence minister ordered the deployment of 500 troops to Estonia on "
                   "Friday.")
    order = find(found, "REQUEST", "ordered")
    assert [a.text for a in order.target] == []
    deployment = find(found, "MOBILIZE", "deployment")
    assert deployment.location is not None and deployment.location.country == "EST"
    assert [i.quantity for i in deployment.items] == [500]


# --- region phrases are places of the event -----------------------------------
@pytest.mark.parametrize(("text", "etype", "trigger", "place"), [
    ("Russia deployed 2,000 soldiers to occupied Kherson.", "MOBILIZE", "deployed", "Kherson"),
    ("Russian troops were sent to occupied Zaporizhzhia in March.",
     "MOBILIZE", "sent", "Zaporizhzhia"),
    ("Moscow has sent paratroopers to occupied Melitopol.", "MOBILIZE", "sent", "Melitopol"),
])  # fmt: skip
def test_a_region_phrase_is_the_place_of_the_event(text, etype, trigger, place) -> None:
    event = find(events(text), etype, trigger)
    assert event.location is not None and place in event.location.text


def test_units_moved_to_a_region() -> None:
    event = find(events("Russian units moved to the Belgorod region last week."),
                 "MOBILIZE", "moved")  # fmt: skip
    assert event.location is not None and "Belgorod" in event.location.text


# --- claimants come from speech, denial, acknowledgment and accusation --------
@pytest.mark.parametrize(("text", "etype", "trigger", "claimant", "factuality"), [
    ("Iran denied having supplied drones to Russia.", "AID", "supplied", "Iran", "negated"),
    ("Tehran has repeatedly denied sending missiles to Moscow.",
     "AID", "sending", "Tehran", "negated"),
    ("Germany confirmed the delivery of Leopard tanks to Ukraine.",
     "AID", "delivery", "Germany", "asserted"),
    ("Moscow admitted the strike on the hospital.", "ASSAULT", "strike", "Moscow", "asserted"),
    ("The Kremlin has denied the strike on the hospital.",
     "ASSAULT", "strike", "Kremlin", "negated"),
    ("Kyiv acknowledged the delivery of Swedish Gripen jets to Ukraine.",
     "AID", "delivery", "Kyiv", "asserted"),
    ("The Kremlin confirmed Russia's deployment of troops to Belarus.",
     "MOBILIZE", "deployment", "Kremlin", "asserted"),
    ("Seoul reported the shipment of North Korean shells to Russia.",
     "AID", "shipment", "Seoul", "asserted"),
    ("Ukraine accused Belarus of sending troops to the border.",
     "MOBILIZE", "sending", "Ukraine", None),
    ("The US blamed Iran for supplying drones to Russia.", "AID", "supplying", "US", None),
])  # fmt: skip
def test_the_subject_of_a_claim_verb_is_the_claimant(text, etype, trigger, claimant,
                                                     factuality) -> None:  # fmt: skip
    event = find(events(text), etype, trigger)
    assert event.attribution is not None and claimant in event.attribution.claimant
    if factuality:
        assert event.factuality == factuality


@pytest.mark.parametrize(("text", "etype", "trigger", "source"), [
    ("Ukraine accused Belarus of sending troops to the border.", "MOBILIZE", "sending", "BLR"),
    ("Belarus was accused of sending troops to Russia.", "AID", "sending", "BLR"),
    ("Britain accused China of supplying drones to Russia.", "AID", "supplying", "CHN"),
    ("The US blamed Iran for supplying drones to Russia.", "AID", "supplying", "IRN"),
])  # fmt: skip
def test_the_accused_does_what_they_are_accused_of(text, etype, trigger, source) -> None:
    event = find(events(text), etype, trigger)
    assert codes(event.source) == {source}
    if event.attribution is not None:  # the accuser claims it, never the accused
        assert event.attribution.claimant not in ("Belarus", "China", "Iran")


# --- a place phrase deeper in the event's clause ---------------------------------
@pytest.mark.parametrize(("text", "etype", "trigger", "country"), [
    ("Police killed six militants during an operation in North Waziristan on Sunday.",
     "ASSAULT", "killed", "PAK"),
    ("A journalist was shot dead by gunmen outside his home in Tegucigalpa.",
     "ASSAULT", "shot", "HND"),
    ("Rebels ambushed an army convoy on a road near Beni, the army said.",
     "ASSAULT", "ambushed", "COD"),
])  # fmt: skip
def test_a_place_phrase_deeper_in_the_clause_places_the_event(text, etype, trigger, country):
    event = find(events(text), etype, trigger)
    assert event.location is not None and event.location.country == country


def test_a_reported_clause_does_not_lend_its_place() -> None:  # a guard
    found = events("The ministry condemned the attack, which killed four people in Kabul.")
    condemn = [e for e in found if e.trigger and e.trigger.text == "condemned"]
    assert all(e.location is None for e in condemn)
