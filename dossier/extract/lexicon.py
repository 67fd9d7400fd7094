"""Word lists the extractor reads: event triggers, hedges, modals, reporting verbs.

Triggers come from two tables: ``dossier/data/triggers.tsv`` (one row per lemma,
part of speech and meaning, written for this project: what PETRARCH2 lacks or
codes otherwise, its header says which) and, for verbs it does not list,
PETRARCH2's CAMEO verb dictionary converted into ``dossier/data/petrarch/``
(``dossier/extract/petrarch_units.py``: object patterns, then coders' own codes;
``petrarch_units.triggers_for`` reads both). The short closed-class lists are here.

>>> triggers_for("supply", "VERB")[0].type
'AID'
>>> [t.type for t in triggers_for("strike", "VERB", "deal")]
['AGREE']
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token

from dossier import equipment
from dossier.entities import PLACE_LABELS


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    frame: str
    objects: frozenset[str]
    origin: str = "hand"  # "hand" (triggers.tsv) or "petrarch" (the CAMEO verb dictionary)
    dyadic: bool = False  # an event only with a source and a target (PETRARCH2's bare codes)

    @property
    def takes_object(self) -> bool:
        """The object is part of the trigger ("struck a deal"), not its theme
        ("ordered 24 jets": the jets are what changes hands)."""
        return bool(self.objects) and not self.objects & THEME_CLASSES


@cache
def _table() -> dict[tuple[str, str], list[Trigger]]:
    table: dict[tuple[str, str], list[Trigger]] = {}
    path = resources.files("dossier") / "data" / "triggers.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            trig = Trigger(
                lemma=row["lemma"],
                pos=row["pos"],
                type=row["type"],
                mode=row["mode"] or None,
                frame=row["frame"],
                objects=_with_singulars(filter(None, (row.get("objects") or "").split("|"))),
            )
            table.setdefault((trig.lemma, trig.pos), []).append(trig)
    return table


def _with_singulars(words: Iterable[str]) -> frozenset[str]:
    """Object words and their singulars: the parser gives lemmas ("supplies" -> "supply")."""
    out = set()
    for word in words:
        out.add(word)
        if word.endswith("ies"):
            out.add(word[:-3] + "y")  # supplies -> supply
        if word.endswith("s") and not word.endswith("ss"):
            out.add(word[:-1])  # ties -> tie, sanctions -> sanction
    return frozenset(out)


# An ``objects`` entry that matches any military equipment ("ordered 24 jets").
MATERIAL_OBJECT = "@materiel"
# An ``objects`` entry that matches forces: troops and units, or military equipment
# ("moved 300 troops", "moved its missiles"); what is moved is the event's item.
FORCES_OBJECT = "@forces"
# An ``objects`` entry that matches a named place ("left Niger", "left Bakhmut"): the
# place is part of the trigger's sense, what the event leaves or reaches.
PLACE_OBJECT = "@place"
# Classes whose object is the trigger's theme (an item), not part of the trigger.
THEME_CLASSES = frozenset([MATERIAL_OBJECT, FORCES_OBJECT])
# Equipment categories that are no materiel: people, money, relief goods.
NOT_MATERIEL = equipment.CIVILIAN_CATEGORIES | {"troops", "personnel"}
# How a designation hangs off the noun it names ("Su-35 fighters", "the F-16 jets").
MODIFIER_DEPS = frozenset(["compound", "amod", "nmod"])


@lru_cache(maxsize=100_000)  # a function of the word and the equipment tables
def is_materiel(word: str) -> bool:
    """Whether a noun (lemma or designation) names military equipment.

    >>> is_materiel("jet"), is_materiel("Rafales"), is_materiel("troops"), is_materiel("goods")
    (True, True, False, False)
    """
    category = equipment.category_for_phrase(word)
    if category is None:
        found = equipment.lookup(word) or equipment.lookup(word.title())  # lemma "rafale"
        category = found.category if found else None
    return category is not None and category not in NOT_MATERIEL


def object_word(obj: Token) -> str:
    """The word a trigger's object entries are tested on: the noun's lemma, or the
    designation of military equipment that modifies it when the noun alone names no
    materiel ("24 Su-35 fighters" are aircraft; "fighters" alone may be people); for
    a place's name, the class ``PLACE_OBJECT`` (no row lists a place by name).

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Egypt ordered Su-35 fighters and fighters.")
    >>> object_word(doc[3]), object_word(doc[5])
    ('su-35', 'fighter')
    >>> object_word(annotate("French troops left Niger.")[3])
    '@place'
    """
    if obj.pos_ == "PROPN" and obj.ent_type_ in PLACE_LABELS:
        return PLACE_OBJECT
    lemma = obj.lemma_.lower()
    if is_materiel(lemma):
        return lemma
    for word in obj.doc[obj.left_edge.i : obj.i]:  # "26 Rafale-M fighters": any word before
        designation = word.ent_id_.partition(":")[2] if word.ent_id_.startswith(
            "equip:") else ""  # fmt: skip
        if word.dep_ in MODIFIER_DEPS and designation and is_materiel(designation):
            return designation.lower()
    return lemma


def is_force(word: str) -> bool:
    """Whether a noun names troops or military equipment.

    >>> is_force("brigades"), is_force("tanks"), is_force("meeting")
    (True, True, False)
    """
    return equipment.category_for_phrase(word) in ("troops", "personnel") or is_materiel(word)


def triggers_for(lemma: str, pos: str, obj: str | None = None) -> list[Trigger]:
    """Triggers for a lemma in the hand table; entries that require an object win when
    it matches.

    Entries with an ``objects`` list apply only when ``obj`` (the lemma of
    the direct or prepositional object) is in it.  A verb the hand table does not
    list is looked up in PETRARCH2's table by ``petrarch_units.triggers_for``, which
    reads this table first.
    """
    entries = _table().get((lemma.lower(), pos), [])
    conditioned = [
        t for t in entries
        if t.objects and obj and (
            obj.lower() in t.objects
            or (MATERIAL_OBJECT in t.objects and is_materiel(obj))
            or (FORCES_OBJECT in t.objects and is_force(obj))
        )
    ]
    if conditioned:
        return conditioned
    return [t for t in entries if not t.objects]


def may_trigger(lemma: str, lower: str, pos: str) -> bool:
    """Whether ``triggers_for`` can find anything for a token with this lemma and lower
    form (``pos`` "VERB", or "NOUN" for a noun): the verb's lemma begins a verb entry of
    either table or is a reporting verb; the noun's lemma or form is a word of a noun
    entry. False lets the extractor skip the token before reading its arguments (most
    tokens are no trigger); a word with whitespace (or, for a verb, "_") in it is never
    skipped.

    >>> may_trigger("supply", "supplied", "VERB"), may_trigger("smile", "smiled", "VERB")
    (True, False)
    >>> may_trigger("attack", "attacks", "NOUN"), may_trigger("weather", "weather", "NOUN")
    (True, False)
    """
    verbs, nouns = _trigger_words()
    if pos == "VERB":
        return lemma in verbs or "_" in lemma or len(lemma.split()) != 1
    return lemma in nouns or lower in nouns or len(lemma.split()) != 1 or (
        len(lower.split()) != 1)


@cache
def _trigger_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the first words of every verb entry, hand table and PETRARCH2's, and the
    reporting verbs; every word of the hand table's noun entries), lower-cased."""
    from dossier.lexicons import petrarch

    verbs = {lemma.lower().split()[0] for lemma, pos in _table() if pos == "VERB" and lemma.split()}
    verbs |= {phrase.split()[0] for phrase in petrarch.verb_phrases() if phrase.split()}
    verbs |= REPORTING_VERBS
    nouns = {word for lemma, pos in _table() if pos == "NOUN" for word in lemma.lower().split()}
    return frozenset(verbs), frozenset(nouns)


# Verbs that introduce reported speech or a claim: their subject is the claimant.
REPORTING_VERBS = frozenset(
    """
    say tell claim reveal report note outline announce state add stress explain confirm
    allege assert insist suggest indicate warn write disclose acknowledge admit argue
    declare estimate believe think assess conclude testify brief maintain mention
    observe point remark reiterate show signal highlight
    """.split()
)
# Nouns for a claim, used in "the revelation was made by X" and "X's report".
CLAIM_NOUNS = frozenset(
    """
    revelation claim report statement announcement assessment disclosure remark remarks
    comment comments testimony briefing estimate finding findings
    """.split()
)
# Markers of uncertainty, by the factuality value they give.
LIKELY_WORDS = frozenset(
    """
    likely probably presumably apparently reportedly allegedly seemingly believed
    thought expected suspected understood
    """.split()
)
POSSIBLE_WORDS = frozenset(["possibly", "perhaps", "maybe", "potentially", "conceivably"])
# Passive reporting verbs whose "to" clause is likely, not asserted: "is believed
# to be worth", "are said to be faster", "was reported to have sent".
HEARSAY_VERBS = frozenset("believe say think suspect report understand rumour allege".split())
# Modal auxiliaries.
FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo"])
POSSIBLE_MODALS = frozenset(["may", "might", "could", "can", "ca"])  # "ca" as in "ca n't"
# Governing verbs and adjectives that make their "to" clause possible, not done:
# "attempted to land", "appears to be running", "allowed to bid", "able to strike".
POSSIBLE_HEADS = frozenset("attempt try appear seem allow permit able enable".split())
# Verbs and nouns of trying: their "to" clause may or may not succeed ("an effort
# to pump money into markets", "engineers are working to restore power").
TRYING_WORDS = frozenset("attempt try effort work strive struggle endeavour endeavor".split())
# Of these, the words of an ability or a permission: under "will" their "to" clause
# is a plan ("will be able to set prices", "will allow users to control").
ENABLING_HEADS = frozenset("allow permit able enable".split())
CONDITIONAL_MODALS = frozenset(["would", "should"])
# Governing verbs, adjectives and nouns that make the event they govern planned
# ("agreed to supply", "plans to deploy", "ready to send").
PLANNING_WORDS = frozenset(
    """
    agree plan intend promise pledge vow offer decide aim seek prepare want hope
    propose commit schedule set ready willing deal agreement plans intention
    bid proposal
    """.split()
)
# Verbs of a forecast: what they govern is likely ("expects to cut jobs",
# "predicted that it would be profitable", "analysts forecast losses to be ...").
PREDICTING_VERBS = frozenset("expect predict forecast anticipate project foresee".split())
# Conjunctions of a clause of reason or concession, asserted on its own.
ASIDE_MARKERS = frozenset("although though because whereas since".split())
# Nouns and adjectives of hope and fear: what they are about may or may not come
# ("fears of a recession", "hopes that the economy would recover").
PROSPECT_WORDS = frozenset(
    """
    hope fear worry concern prospect risk possibility chance threat danger speculation
    rumour rumor doubt uncertainty afraid hopeful worried fearful concerned
    """.split()
)
# Conjunctions of a clause of time, which shares the future of its main clause.
TIME_MARKERS = frozenset("when after before until till once as".split())
# Adjectives that give an event noun its factuality: "the upcoming update",
# "a possible merger", "the alleged bribery".
NOUN_MODIFIERS: dict[str, str] = {
    **dict.fromkeys(
        """
        upcoming planned proposed future forthcoming impending prospective scheduled
        intended coming
        """.split(),
        "planned",
    ),
    **dict.fromkeys("possible potential".split(), "possible"),
    **dict.fromkeys(
        "likely probable expected anticipated alleged suspected presumed apparent".split(),
        "likely",
    ),
}
# Verbs of weighing a course of action: what they are about may or may not be
# done ("is considering using", "negotiated the purchase of 22 jets").
DELIBERATING_VERBS = frozenset(
    "consider negotiate discuss weigh mull explore contemplate debate study".split()
)
HYPOTHETICAL_WORDS = frozenset(["threaten", "if", "unless", "whether"])
# Verbs whose "against" names an act still to be decided: "warned against sending
# missiles", "voted against the deployment" (the act has not happened).
ARGUING_AGAINST_VERBS = frozenset("warn caution advise counsel vote lobby argue campaign".split())
NEGATING_VERBS = frozenset(["deny", "refuse", "decline", "fail", "reject", "dismiss"])
# Verbs that stop the event they govern: "the deal was cancelled", "a now-cancelled
# deal", "brought production to an end".
STOPPING_VERBS = frozenset(
    """
    cancel scrap abandon halt suspend kill block stop end drop shelve cease
    quit discontinue
    """.split()
)
# Verbs that move the event they govern later: "delayed the delivery", "the summit was
# postponed".  A delay is no negation: the event is still to come (factuality "planned"),
# and the one who delays it is its actor, as after a light verb.
POSTPONING_VERBS = frozenset("delay postpone defer reschedule".split())
# Verbs that say their subject event happened ("the summit never happened"; also "took
# place", "went ahead": factuality.happens): their "not" is the event's.
HAPPENING_VERBS = frozenset("happen occur materialise materialize".split())
# Verbs that keep their object from happening: "to prevent a collapse", "averted
# a strike", "avoided paying", "prevented the army from advancing".
PREVENTING_VERBS = frozenset("prevent avert avoid forestall preclude".split())
# Verbs that claim a clause is untrue: "the Kremlin denied that it had sent
# jets": the event is negated, and the denier is its claimant.
DENYING_VERBS = frozenset(["deny", "dismiss", "refute", "rebut", "dispute"])
# Verbs that deny a claim noun ("rejected the allegations", "denied reports that ...");
# "reject" refuses requests and offers too, so it denies only a claim noun.
CLAIM_DENYING_VERBS = DENYING_VERBS | {"reject"}
# Nouns for what was claimed ("denied the reports", "rejected the allegations").
CLAIMED_NOUNS = frozenset(
    """
    claim report allegation accusation charge assertion suggestion story account rumour
    rumor statement
    """.split()
)
NEGATION_WORDS = frozenset(["not", "n't", "never", "no", "neither", "nor", "without"])
# Verbs whose object noun is the real event: "launched an attack",
# "imposed sanctions", "carried out strikes".  The noun takes the verb's subject; so it
# does from verbs of degree ("tightened sanctions", "ramped up attacks").
LIGHT_VERBS = frozenset(
    """
    launch carry conduct stage mount hold impose make begin start continue resume step
    intensify escalate announce order approve undertake initiate sign conclude reach
    strike complete finalize finalise speed accelerate expand extend open finish
    lodge issue file declare fight clear authorize authorise pledge
    tighten toughen broaden widen strengthen renew ramp increase
    """.split()
)
# Verbs that say their subject goes on: "the downturn will continue", "the
# fighting will persist" tell of an event already under way.
CONTINUING_VERBS = frozenset("continue persist remain last linger endure".split())
# Verbs whose "to" clause did happen (or is happening): "began to sell",
# "managed to land", "continues to fall", "tends to repeat itself".
IMPLICATIVE_VERBS = frozenset(
    """
    begin start continue keep proceed resume manage happen tend come get dare
    remember bother
    """.split()
)
# Verbs of a rise or fall whose "to" clause tells the result: "fell 2% to close at 7,114".
CHANGE_VERBS = frozenset(
    """
    rise fall gain lose drop climb jump slide slip sink surge soar tumble plunge rebound
    rally decline advance retreat close end finish open dip edge sag skid shed add
    """.split()
)
# "the first woman to lead", "the only airline to fly": the clause states a fact.
ORDINAL_WORDS = frozenset(["first", "last", "only", "second", "third"])
