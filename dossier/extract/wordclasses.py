"""Word classes the extraction rules read: small closed lists of English words.

Each list says in its comment what it is for.  The open vocabularies are
tables elsewhere: trigger words in ``data/triggers.tsv`` and PETRARCH2's verb
patterns (``lexicon.py``, ``petrarch_units.py``), word senses in
``data/senses.tsv``, actor nouns in ``data/actor_nouns.tsv``.
"""

from __future__ import annotations

# Nouns that count or group what their "of" phrase names: "hundreds of tanks",
# "thousands of Chilean students", "a batch of drones".
QUANTITY_NOUNS = frozenset(
    "thousand thousands hundred hundreds dozen dozens million millions group groups number "
    "crowd crowds handful majority delegation team band contingent batch unit member members"
    " fighter fighters".split()  # "fighters of the RSF" (alone, "fighters" may be jets)
)
# "in defiance of X", "in protest at X", "in solidarity with X": X is the target.
STANCE_NOUNS = frozenset(["defiance", "protest", "opposition", "solidarity", "retaliation"])
# Participles that state their subject's stance: "X is opposed to Y".
STATIVE_PASSIVES = frozenset(["oppose", "commit", "determine", "dedicate", "resolve"])
# Verbs that are aid only when what changes hands is material ("gave a speech" is not).
GENERIC_AID_VERBS = frozenset(
    "give send help provide receive buy sell assist deliver get offer obtain acquire purchase "
    "import export ship transfer lend loan equip aid rescue".split()
)
# Buyer-side words: what is bought is aid only when it is materiel; money is the
# price ("imported $20bn of goods from China" is trade).  A hand rule: PETRARCH2's
# CAMEO dictionary codes buy/purchase/import as 061 economic cooperation; PLOVER
# codes transfers of arms and equipment as AID whichever side the sentence takes.
BUYER_WORDS = frozenset(
    "buy purchase import order procure acquire acquisition procurement".split()
)
# Nouns of intent or agreement whose infinitive is done by their holder: "signed
# a contract to buy jets", "announced plans to sell tanks" (but "defended the right
# of troops to fire" is the troops' act).
PLAN_NOUNS = frozenset(
    "plan contract deal agreement decision bid offer proposal intention order talk talks "
    "negotiation".split()
)
MEASURE_NOUNS = frozenset(
    "tonne ton kg kilogram pound litre liter gallon barrel unit piece batch shipment "
    "consignment cargo load amount quantity number lot set package worth dozen hundred "
    "thousand million billion first last rest remainder tranche portion "
    # containers and loads of goods: "1,000 containers of munitions", "two shiploads of drones"
    "container crate box pallet truckload trainload planeload shipload boatload wagon "
    "carload stockpile".split()
)
AID_NOUNS = frozenset(
    "aid assistance support help relief funding fund loan grant credit asylum shelter "
    "protection intelligence".split()
)
# Objects that make a trigger verb mean something else: "meet a target".
NON_EVENT_OBJECTS = {
    "meet": frozenset(
        "target goal deadline requirement need expectation standard criterion cost "
        "obligation condition challenge threshold quota criteria end fate death reception "
        "response resistance approval success criticism opposition".split()
    ),
    "call": frozenset("election vote poll time halt name".split()),
    "hold": frozenset("lead advantage belief view record seat stake share title".split()),
}
NOT_TRIGGER_ENTITIES = frozenset(
    "DATE TIME PERSON GPE LOC NORP CARDINAL ORDINAL QUANTITY MONEY PERCENT".split()
)
GENERIC_RELATIONS = frozenset(["content", "content_of", "context", "context_of"])
CONDITION_MARKERS = frozenset(["if", "unless", "until", "provided"])
EXCHANGE_NOUNS = frozenset(["exchange", "return", "payment", "compensation"])
PURPOSE_AID_VERBS = frozenset(["aid", "help", "assist", "support", "reinforce", "bolster", "back"])
PERSONNEL_CATEGORIES = frozenset(["troops", "personnel"])
# Verbs that organise a protest or a strike and lend it their subject: "the union called
# a strike", "students organised a march" (as a light verb does: "staged a protest").
ORGANISING_VERBS = frozenset("call organise organize".split())
# A meeting or call "in", "during", "at" or "after" which one side tells the other
# something: the speaker and the one told are its parties ("In a phone call, Biden told
# Netanyahu ..."); the prepositions and the verbs of telling.
SETTING_PREPS = frozenset("in during at after following".split())
TELLING_VERBS = frozenset(
    "say tell assure urge ask press warn promise inform brief reassure stress".split())
# A verb that lends its subject to a meeting or call noun it takes as object, as a light
# verb does: "had talks with", "had a phone call with" (not to other events: "has troops").
MEETING_VERBS = frozenset(["have"])
# Verbs of travelling: who travels somewhere "for talks with" someone is a party to them
# ("flew to Kyiv for a meeting with Zelensky"), as who "took part in" them is.
TRAVEL_VERBS = frozenset("travel fly go come head arrive return journey visit leave".split())
# Nouns for a body sent to serve a state: a mission "in" a state serves it as one sent
# "to" it does (PETRARCH2 codes "send mission" 036 and "start peacekeeping mission" 074
# toward the state it goes to): "agreed to lead a security mission in Haiti".
MISSION_NOUNS = frozenset(["mission"])
TARGET_PREPS = {
    "give": ("to", "for"),
    "receive": (),
    "act": ("against", "on", "at", "from"),
    "toward": ("with", "to", "against", "on", "at", "for", "between", "toward", "towards"),
    "move": ("against",),
    "self": ("against",),
}
# Prepositions of a type's other party whatever the frame: PLOVER 3.2 CONSULT is between
# actors ("met with Erdogan", "consulted with Paris"); an attack "into" a place or state
# is aimed at it ("an incursion into Iraq", "fired rockets into Israel").
TARGET_PREPS_BY_TYPE = {"CONSULT": ("with",), "ASSAULT": ("into",)}
PLACE_PREPS = frozenset(["in", "at", "near", "to", "into", "from", "across", "inside", "around"])
# Nouns for a part of a place: "struck the port of Odesa", "a district of Kharkiv".
PLACE_NOUNS = frozenset(
    """
    city town village port district region province oblast outskirts suburb suburbs centre
    center capital area neighbourhood neighborhood settlement harbour harbor base airfield
    """.split()
)
# Words that give a time expression its day: "Tuesday night", "March 6 morning".
DAY_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight overnight
    january february march april may june july august september october november december
    """.split()
)
# Roles of dates said of a named agreement: "signed in June 2024", "came into force on December 4".
DATE_ROLE_VERBS = {
    "sign": "signed",
    "conclude": "signed",
    "ratify": "ratified",
    "come": "in_force",
    "enter": "in_force",
    "take": "in_force",
}
# Places made by people that a place name before them locates ("Saki airfield", "the
# Zaporizhzhia plant", "the Kerch bridge"): the event is there, not in the wider place.
FACILITY_NOUNS = frozenset(
    "airfield airport airbase base port harbour harbor plant refinery depot facility "
    "station bridge dam embassy consulate camp barracks hospital".split()
)
# Verbs that say who did an event named by their "of"/"for" noun: "blamed the rebels for
# the attack", "Russia was accused of a missile strike"; and verbs of owning up to one:
# "claimed responsibility for the bombing".
ACCUSING_VERBS = frozenset("accuse blame suspect charge convict implicate".split())
RESPONSIBILITY_VERBS = frozenset("claim take accept admit bear acknowledge".split())
# Verbs of appeal: "urged Berlin to send tanks" asks for an act; the act is what is
# asked for (the request's content), not an event of its own.  PETRARCH2 codes the
# appeal only (CAMEO 02: appeal, urge, ask, call on; 026 "urge others to meet"); a
# command to one's own forces ("ordered the army to deploy") or an invitation is not here.
APPEAL_VERBS = frozenset(
    "urge encourage call ask request press pressure push plead implore beg petition appeal "
    "demand insist exhort".split()
)
# Currencies: "500 million euros in aid" is a sum, not goods (``goods.is_measure``).
CURRENCY_WORDS = frozenset(
    "dollar euro pound rouble ruble yuan renminbi yen rupee franc won lira shekel dinar "
    "riyal dirham real peso hryvnia zloty krona krone".split()
)
# Verbs that tell what an attack did to its victims: "three soldiers were killed in a
# drone attack", "died in the strike" (the victims are the attack's target).
CASUALTY_VERBS = frozenset(
    "kill wound injure hurt maim die slay murder execute abduct kidnap".split()
)
# Types whose "on/against" object may be a thing a state owns: its owner is the target
# ("sanctions on Russian banks", "strikes on Iranian oil facilities": CAMEO codes the
# state whose property is sanctioned or hit).
OWNER_TARGET_TYPES = frozenset(["SANCTION", "ASSAULT", "COERCE", "THREATEN"])
