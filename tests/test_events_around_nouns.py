"""Events told by what is around a word: the force a modifier names ("a police raid"),
plural event nouns made specific by what they carry ("airstrikes launched from a
carrier"), crowds that gather to voice a demand, what fire is opened on, and who is
hurt when an attack is told in a "when" clause.  The sentences are written for these
tests; each pattern has sentences that must stay without the event.
"""

from __future__ import annotations

import pytest
from event_checks import absent, found, show

from dossier.pipeline import analyze

# --- 1. A force named as the event noun's modifier carried it out -----------------
# "a police raid", "an army raid", "a rebel attack": the modifier is a generic actor
# noun of a force (police, military, rebels, government, intelligence), read as the
# source as a state's demonym is ("an Israeli raid"); any group's noun for a protest
# ("a farmer protest").  A private person's noun there is left alone ("a journalist
# killing" may be of the journalist).
MODIFIER_AGENTS = [
    ("Special forces secured the area during a police raid in the northern district.",
     "COERCE", "police", None),  # a police raid is a search (senses.tsv, PLOVER 3.15)
    ("Two militants were killed in an army raid on a hideout.", "ASSAULT", "army", "militants"),
    ("The rebel attack on the garrison lasted all night.", "ASSAULT", "rebel", "garrison"),
    ("Residents fled during a militia assault on the village.", "ASSAULT", "militia", None),
    ("Shops closed for a farmer protest in the town centre.", "PROTEST", "farmer", None),
]


@pytest.mark.parametrize(("text", "etype", "source", "target"), MODIFIER_AGENTS)
def test_modifier_names_the_force(text, etype, source, target):
    found(text, etype, source, target)


def test_private_person_modifier_is_no_agent():
    events = analyze("A tourist attack on the old town was foiled.", published="2024-06-01")
    assert not any(a.text == "tourist" for e in events.events for a in e.source), show(
        events.events)


def test_kind_of_event_takes_no_force_from_its_modifier():
    # a bare plural said of in general names no event, whoever carries such events out
    absent("Village teachers are often the victims of militant attacks.", "ASSAULT")


# --- 3. People who gather to voice a demand protest (PLOVER 3.12) -------------------
# "gather" (and "assemble", "converge on") is a protest when protesters gather, or when
# people gather to voice a demand or their opposition, in a "to" clause or a participle;
# that clause is the protest's own topic, folded into it (no REQUEST or ACCUSE of its own).
GATHERINGS = [
    ("A crowd gathered outside the parliament to denounce the vote.", "PROTEST", "crowd"),
    ("Hundreds of people gathered in the main square on Sunday demanding the mayor's "
     "resignation.", "PROTEST", "people"),
    ("Residents assembled in front of the town hall to demand clean water.", "PROTEST",
     "Residents"),
    ("Angry taxi drivers converged on the ministry, denouncing the new fares.", "PROTEST",
     "drivers"),
    ("Dozens of mothers gathered outside the prison calling for the release of their sons.",
     "PROTEST", "mothers"),
]
NOT_GATHERINGS = [
    "Investigators gathered evidence to charge the suspects.",
    "Volunteers gathered signatures to demand a referendum.",
    "Officials gathered in Geneva to discuss the ceasefire.",
    "Families gathered at the cemetery to mourn the victims.",
    "Supporters gathered outside the court to cheer the verdict.",
    "The team assembled the engine in two days.",
    "Troops converged on the town.",
]


@pytest.mark.parametrize(("text", "etype", "source"), GATHERINGS)
def test_gathering_to_voice_a_demand_is_a_protest(text, etype, source):
    found(text, etype, source, None)


@pytest.mark.parametrize("text", NOT_GATHERINGS)
def test_other_gatherings_are_no_protest(text):
    absent(text, "PROTEST")


@pytest.mark.parametrize(("text", "voiced"), [
    ("Hundreds of people gathered in the main square on Sunday demanding the mayor's "
     "resignation.", "REQUEST"),
    ("A crowd gathered outside the parliament to denounce the vote.", "ACCUSE"),
])
def test_what_a_protest_voices_is_no_event_of_its_own(text, voiced):
    absent(text, voiced)


def test_chanting_while_rallying_is_the_same_protest():
    events = analyze("Several hundred people rallied outside the embassy, chanting slogans "
                     "against the war.", published="2024-06-01").events
    assert [e.trigger.text for e in events if e.type == "PROTEST"] == ["rallied"], show(events)


# --- 4. What fire is opened on is the attack's target ----------------------------
# Shots are fired on or at people, places, vehicles and buildings ("fired on the
# convoy": senses.tsv class fired_upon); a position or post that names no actor is
# the target through whoever holds it: its state or organisation, or a force's noun
# ("a rebel position": the rebels; parties.held_by).
FIRED_ON = [
    ("Soldiers were seen opening fire on a rebel position near the town.", "Soldiers", "rebel"),
    ("Witnesses said soldiers opened fire on militant positions at dawn.", "soldiers",
     "militant"),
    ("Government forces shelled rebel positions overnight.", "forces", "rebel"),
    ("The attack on insurgent positions lasted an hour.", None, "insurgent"),
    ("Troops fired on the convoy near the border.", "Troops", "convoy"),
    ("Gunmen fired at a passing boat off the coast.", "Gunmen", "boat"),
    ("The navy fired a warning shot at the trawler.", "navy", None),  # a shot is fired
    # image captions: a noun phrase with a participle, no finite verb
    ("Soldiers opening fire on a rebel position, in the eastern countryside", "Soldiers",
     "rebel"),
    ("Militants firing on a government position outside the town", "Militants", "government"),
]


@pytest.mark.parametrize(("text", "source", "target"), FIRED_ON)
def test_what_fire_is_opened_on_is_the_target(text, source, target):
    found(text, "ASSAULT", source, target)


@pytest.mark.parametrize("text", [
    "The company fired the manager after the audit.",
    "Investors fired questions at the board.",
    "She fired off a letter to the mayor.",  # Oxford "fire off": send rapidly
    "The minister fired off a warning to rival parties.",
])
def test_other_firing_is_no_attack(text):
    absent(text, "ASSAULT")


# --- 2. A bare plural event noun is specific by what it carries -------------------
# "attacks", "protests" without a determiner name a kind of event ("groups claim credit
# for only one in seven attacks") unless they carry what only events that took place
# have: a past participle or past relative clause ("airstrikes launched from a
# carrier", "protests organised by the opposition", "airstrikes that destroyed their
# homes"), or a date of their own clause ("the centre of mass protests in 2011").
SPECIFIC_PLURALS = [
    ("Rebels are bearing the brunt of airstrikes launched from a carrier.", "ASSAULT", None),
    ("The square was the centre of mass protests in 2011.", "PROTEST", None),
    ("Villagers described airstrikes that destroyed their homes.", "ASSAULT", None),
    ("The town was shaken by protests organised by the opposition.", "PROTEST", "opposition"),
    ("Residents still recall raids carried out by soldiers in the valley.", "ASSAULT",
     "soldiers"),
]
GENERIC_PLURALS = [
    ("Groups claim credit for only one in seven attacks.", "ASSAULT"),
    ("Police said they knew how to deal with protests.", "PROTEST"),
    ("In 2011, police learned how to deal with protests.", "PROTEST"),
    ("Iraqi troops fear roadside bombs, which have been planted along the main roads.",
     "ASSAULT"),
    ("After weeks of talks, the council decided against the plan.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "etype", "source"), SPECIFIC_PLURALS)
def test_plural_event_noun_with_its_own_clause_or_date(text, etype, source):
    found(text, etype, source, None)


@pytest.mark.parametrize(("text", "etype"), GENERIC_PLURALS)
def test_plural_event_noun_said_in_general(text, etype):
    absent(text, etype)


# --- 5. Who was hurt when an attack happened is its target -------------------------
# "X were hurt when Y threw rocks": the casualty verb's subject is whom the attack in
# its "when" (or "as") clause fell on, as "killed in the attack" names them for a noun.
HURT_WHEN = [
    ("About 20 officers were hurt when the crowd threw rocks.", "ASSAULT", "crowd", "officers"),
    ("Two guards died as gunmen stormed the bank.", "ASSAULT", "gunmen", "guards"),
    ("Three soldiers were killed when militants ambushed their patrol.", "ASSAULT",
     "militants", "soldiers"),
    ("A policeman was injured when protesters hurled stones near the station.", "PROTEST",
     "protesters", "policeman"),
]


@pytest.mark.parametrize(("text", "etype", "source", "target"), HURT_WHEN)
def test_casualties_of_a_when_clause_are_its_target(text, etype, source, target):
    found(text, etype, source, target)


@pytest.mark.parametrize("text", [
    "Two workers were hurt when the roof collapsed.",
    "Several people were injured when the crowd stampeded.",
])
def test_casualties_of_an_accident_make_no_attack(text):
    absent(text, "ASSAULT")


# --- An attack near a market is an attack; an attack on a plan is criticism --------
# "market", "plan", "record" are abstract only as what an attack is aimed at ("on",
# "upon", "against": senses.tsv slot aimed), not as where it happened.
@pytest.mark.parametrize(("text", "target"), [
    ("Three civilians died in a car bomb attack near the market.", "civilians"),
    ("Five people were wounded during an attack near the market on Friday.", "people"),
    ("Shops stayed shut after a grenade attack beside the fish market.", None),
    ("A bomb attack outside the market left two dead.", None),
])
def test_attack_near_an_abstract_word_is_an_attack(text, target):
    found(text, "ASSAULT", None, target)


@pytest.mark.parametrize("text", [
    "The senator's attack on the plan drew criticism.",
    "The assault on his record continued all week.",
])
def test_attack_on_an_abstract_thing_is_no_assault(text):
    absent(text, "ASSAULT")


# --- Shelling and bombing hit places and things, whatever else their word names ------
@pytest.mark.parametrize(("text", "source"), [
    ("Five villagers were wounded when rebels shelled the market.", "rebels"),
    ("Warplanes bombed the central market on Tuesday.", "Warplanes"),
])
def test_shelling_a_market_is_an_attack(text, source):
    found(text, "ASSAULT", source, None)


def test_attacking_a_plan_stays_no_assault():
    absent("Critics attacked the plan for its cost.", "ASSAULT")
