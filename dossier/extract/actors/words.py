"""Which words name actors: pronouns, group nouns, actor nouns, agents and weapons.

A common noun names an actor when the gazetteer lists it as an actor noun
("troops", "coast guard") or Phoenix lists it as an agent ("traders", "thieves":
``resolve.agents``), unless it is a thing Phoenix files under agents (``AGENT_THINGS``:
"school", "warplane"). A weapon that acts ("Syrian aircraft bombed ...") stands for
its military (``is_weapon``).

A new word class the finder reads (a pronoun, a group noun, a noun that is a thing
and not an actor) goes here; the tables themselves are the gazetteer's
(``data/actor_nouns.tsv`` and friends) and PETRARCH2's.

>>> from dossier.annotate import annotate
>>> doc = annotate("The coast guard and armed men stopped the traders.")
>>> actor_noun(doc[2]), actor_noun(doc[5]), actor_noun(doc[8])
('coast guard', 'armed man', 'trader')
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier import equipment, gazetteer
from dossier.resolve.agents import noun_sector

PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
SINGULAR_PRONOUNS = frozenset(["it", "its", "itself"])
PRONOUNS = PLURAL_PRONOUNS | SINGULAR_PRONOUNS
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "his", "hers", "himself", "herself"])
# Nouns that name one person (an office, a rank, a trade), which "he", "his", "she" and
# "her" can stand for ("The Polish minister said his country ..."); the actor nouns of
# data/actor_nouns.tsv that are no body, group or institution (ministry, army,
# government, parliament), and the heads of posts ("chief", "head").
PERSON_NOUNS = frozenset(
    """
    soldier pilot sailor airman paratrooper commando sniper serviceman servicemember
    conscript reservist recruit mercenary commander officer admiral colonel sergeant
    lieutenant general operator minister president premier chancellor king queen monarch
    emir sultan leader official diplomat ambassador envoy counterpart negotiator lawmaker
    legislator senator congressman congresswoman spokesman spokeswoman spokesperson
    governor mayor dictator spy rebel insurgent militant separatist guerrilla jihadist
    extremist terrorist gunman militiaman warlord protester protestor demonstrator
    activist dissident policeman cop gendarme judge prosecutor businessman investor
    journalist reporter correspondent refugee civilian resident villager migrant seeker
    hostage prisoner worker peacekeeper student cleric imam priest bishop smuggler
    trafficker pirate hacker farmer inhabitant citizen observer inspector ruler prince
    princess attacker assailant raider man woman chief head secretary adviser advisor aide
    """.split()
)
# "the two countries", "both sides": the last two states named.
GROUP_NOUNS = frozenset(["country", "nation", "side", "state", "government", "neighbour", "ally"])
# "these pilots": the pilots named before
ANAPHORIC_DETERMINERS = frozenset(["these", "those", "the", "this", "that"])


def actor_noun(token: Token) -> str | None:
    """The actor-noun lemma of a token ("troops" -> "troop"), compounds included."""
    lemma = token.lemma_.lower()
    for child in token.children:  # "coast guard", "armed men"
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            both = f"{child.lemma_.lower()} {lemma}"
            if gazetteer.actor_noun(both) or noun_sector(both):  # Phoenix: "defence secretary"
                return both
    if gazetteer.actor_noun(lemma):
        return lemma
    if token.tag_ == "NNS" and agent_head(lemma):
        # Phoenix's agents as a group: "passengers", "traders", "thieves"; one of them
        # alone is a private person ("the waiter asked", "the club's captain")
        return lemma
    return None


def agent_head(lemma: str) -> bool:
    """Whether a common noun is one of Phoenix's agents (people and groups by what
    they do: "trader" BUS, "thief" CRM, "passenger" CVL) that can head an actor on
    its own; its weapons and vehicles ("warplane", "MiG", "artillery") and its
    buildings ("school", "hospital") are things, not actors.

    >>> agent_head("passenger"), agent_head("thieves"), agent_head("warship"), agent_head("table")
    (True, True, False, False)
    """
    return noun_sector(lemma) is not None and lemma not in AGENT_THINGS and (
        equipment.category_for_phrase(lemma) is None
    )


# Phoenix agent nouns that name places, buildings, vehicles, weapons or bodies of
# work rather than people ("the school was hit": no actor)
AGENT_THINGS = frozenset(
    "school schoolhouse kindergarten kindergarden preschool college university conservatory "
    "hospital infirmary sanatarium sanatorium sanitarium monastery prison barracks village "
    "settlement neighborhood neighbourhood chamber website blog tv television telecom "
    "magazine gazette tabloid publication newspaper airline airway airliner jetliner "
    "jumbojet containership supertanker tanker freighter oiler artillery warplane warship "
    "battleship battlewagon bomber carrier corvette cruiser destroyer frigate jetfighter "
    "humvee hmmwv industry religion rebellion revolt uprising insurgence insurgency "
    "governance bureaucracy polity kingdom archdiocese diocese chancery".split()
)


def agent_noun(token: Token) -> str | None:
    """A Phoenix agent noun ("lawmakers", "doctors"), for a phrase that names a state."""
    for word in (token.lemma_.lower(), token.lower_):
        if noun_sector(word) is not None:
            return word
    return None


def is_agent(token: Token) -> bool:
    """Whether the token is the doer of its verb: its subject, or the object of a
    passive's "by"."""
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def is_weapon(token: Token) -> bool:
    """Whether a noun names a weapon or armed platform ("missiles", "Iskanders")."""
    category = equipment.category_for_phrase(token.lower_)
    return category is not None and category not in NOT_WEAPONS


NOT_WEAPONS = equipment.CIVILIAN_CATEGORIES | {"troops", "technology"}
