"""Word sense: the subjects, objects and complements that select or block a trigger's sense.

The rules are a table, ``dossier/data/senses.tsv`` (its header explains the
columns): classes of words (natural hazards, jobs, plans and elections,
figures and videos, ...) and, for a trigger (lemma, part of speech, type),
the argument slot whose words decide: ``none`` (no event: "an earthquake
killed eight"), another type or mode ("a diplomatic protest" is ACCUSE),
or ``require`` (the trigger is an event only when one of its ``require``
rules holds: "target" with a weapon).  A second table in the same file says
which types stand without a named actor ("the attack", "were arrested").

PETRARCH2's CAMEO dictionary also lists uses of a verb that are no event
(code ``---``: "fight corruption", "release a report"); ``refine`` applies
those to the object and prepositional objects too.

>>> from dossier.annotate import annotate
>>> from dossier.extract import lexicon
>>> doc = annotate("An earthquake killed eight people.")
>>> refine(doc[2], lexicon.triggers_for("kill", "VERB")[0]) is None
True
>>> doc = annotate("Rebels killed eight people.")
>>> refine(doc[1], lexicon.triggers_for("kill", "VERB")[0]).type
'ASSAULT'
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token

from dossier.extract.actors import is_weapon
from dossier.extract.arguments import activity_subject, patient
from dossier.extract.lexicon import LIGHT_VERBS, Trigger, triggers_for
from dossier.extract.slots import slot_words
from dossier.extract.syntax import children
from dossier.extract.wordclasses import CASUALTY_VERBS


@dataclass(frozen=True)
class Rule:
    lemma: str  # "*" for any lemma of the type
    pos: str
    type: str
    slot: str
    cls: str
    effect: str  # "none", "require", or "TYPE" / "TYPE/mode" / "TYPE/mode:frame"


@dataclass(frozen=True)
class Table:
    classes: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    alone: dict[tuple[str, str], frozenset[str]]  # (type, mode or "*") -> parts of speech
    setting: dict[str, frozenset[str]]  # type -> prepositions that make it an occasion


@cache
def table() -> Table:
    """The sense table, read once."""
    classes: dict[str, frozenset[str]] = {}
    rules: list[Rule] = []
    alone: dict[tuple[str, str], frozenset[str]] = {}
    setting: dict[str, frozenset[str]] = {}
    path = resources.files("dossier") / "data" / "senses.tsv"
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.reader(lines, delimiter="\t"):
            kind = row[0]
            if kind == "class":
                if row[1] in classes:  # a second class of one name would replace the first
                    raise ValueError(f"senses.tsv: class {row[1]!r} is defined twice")
                classes[row[1]] = frozenset(w.strip() for w in row[2].split("|") if w.strip())
            elif kind == "rule":
                lemma, pos, etype = row[1].split("/")
                rules.append(Rule(lemma, pos, etype, row[2], row[3], row[4]))
            elif kind == "alone":
                etype, _, mode = row[1].partition("/")
                alone[(etype, mode or "*")] = frozenset(row[2].split("|"))
            elif kind == "setting":
                setting[row[1]] = frozenset(row[2].split("|"))
            else:
                raise ValueError(f"senses.tsv: unknown row kind {kind!r}")
    for rule in rules:
        if rule.cls not in classes:
            raise ValueError(f"senses.tsv: rule for {rule.lemma} names no class {rule.cls!r}")
    return Table(classes, tuple(rules), alone, setting)


def _rules_for(trig: Trigger) -> tuple[Rule, ...]:
    return _rules_of(trig.lemma, trig.pos, trig.type)


@cache
def _rules_of(lemma: str, pos: str, etype: str) -> tuple[Rule, ...]:
    """The sense rules of a trigger, in table order, found once per (lemma, part of
    speech, type) and process (``refine`` runs for every trigger token)."""
    return tuple(
        r for r in table().rules if r.pos == pos and r.type == etype and r.lemma in (lemma, "*")
    )


def _retyped(trig: Trigger, effect: str) -> Trigger:
    """The trigger with the effect's type and mode, and its frame after ":" if one is
    given ("AID/military:receive": a deal signed for jets is their purchase)."""
    effect, _, frame = effect.partition(":")
    etype, _, mode = effect.partition("/")
    return dataclasses.replace(trig, type=etype, mode=mode or None, frame=frame or trig.frame)


def refine(token: Token, trig: Trigger) -> Trigger | None:
    """The trigger in the sense its arguments select, or None when they say it is
    no event.  See the module docstring and ``senses.tsv``."""
    rules = _rules_for(trig)
    if petrarch_discards(token, trig):
        return None
    requires = [r for r in rules if r.effect == "require"]
    classes = table().classes
    read: dict[str, set[str]] = {}  # each slot's words, read once for all the rules

    def words(slot: str) -> set[str]:
        found = read.get(slot)
        if found is None:
            found = read[slot] = slot_words(token, slot)
        return found

    for rule in rules:
        if rule.effect == "require":
            continue
        if words(rule.slot) & classes[rule.cls]:
            if rule.effect == "none":
                return None
            return refine(token, _retyped(trig, rule.effect)) if (
                rule.effect.partition("/")[0] != trig.type
            ) else _retyped(trig, rule.effect)
    if requires and not any(words(r.slot) & classes[r.cls] for r in requires):
        return None
    return trig


def petrarch_discards(token: Token, trig: Trigger) -> bool:
    """Whether PETRARCH2's dictionary lists this use of the verb as no event (CAMEO
    ``---``): its object, or a prepositional object under the listed preposition,
    is the head noun of a discarded pattern ("fight corruption", "released the report")."""
    if trig.pos != "VERB" or token.pos_ != "VERB":
        return False
    discarded = _discarded(token.lemma_.lower())
    if discarded is None:
        return False
    object_heads, prep_heads = discarded
    obj = patient(token)
    if obj is not None and (obj.lemma_.lower() in object_heads or obj.lower_ in object_heads):
        return True
    return bool(prep_heads) and any(
        (prep.lower_, o.lemma_.lower()) in prep_heads
        for prep in children(token, "prep")
        for o in children(prep, "pobj")
    )


@lru_cache(maxsize=8192)
def _discarded(lemma: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]] | None:
    """What PETRARCH2 discards for a verb (its ``---`` patterns without a subject slot),
    read once per lemma and process: the head nouns of one-phrase objects, and the
    (preposition, head noun) pairs of patterns with prepositions only; None when the
    verb has no ``---`` pattern."""
    from dossier.lexicons import petrarch

    patterns = [p for p in petrarch.verb_patterns(lemma) if p.code == "---"]
    if not patterns:
        return None
    object_heads: set[str] = set()
    prep_heads: set[tuple[str, str]] = set()
    for pattern in patterns:
        if pattern.subject or pattern.subject_preps:
            continue
        if pattern.object and not pattern.preps and len(pattern.object) == 1:
            object_heads |= {w.split()[-1] for w in pattern.object_words() if w and w[0].isalpha()}
        if pattern.preps and not pattern.object:
            for prep, nps in pattern.preps:
                heads = {w.split()[-1] for np in nps for w in petrarch.expand(np) if w}
                prep_heads |= {(p, head) for p in prep.split("/") for head in heads}
    return frozenset(object_heads), frozenset(prep_heads)


def stands_alone(token: Token, trig: Trigger, earlier: frozenset[str] = frozenset()) -> bool:
    """Whether an event of this type is kept though it names no actor ("the attack
    on the base", "protests were held", "three men were arrested").

    ``earlier`` holds the types of the events already found in the document: a bare
    "the attack" after one was reported is that event again (coreference), not a new
    one, and adds nothing to it."""
    if trig.origin == "petrarch":
        return False  # PETRARCH2 codes no event without actors
    alone = table().alone
    pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB"
    if pos == "NOUN" and trig.type in earlier and _anaphoric(token):
        return False
    if pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in table().setting.get(
        trig.type, ()
    ):
        return False  # "rioting during a G8 summit": the occasion of another event
    if pos == "NOUN" and token.dep_ == "attr":
        return False  # "this was a deliberate attack": says what an event already told was
    if pos == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and any(
        t.type == trig.type for t in triggers_for(token.head.lemma_.lower(), "VERB")
    ):
        return False  # "a car bomb exploded", "the attack killed 20": the verb's event
    if pos == "NOUN" and not specific(token):
        return False  # "groups claim only one in seven attacks": no one event
    for key in ((trig.type, trig.mode or ""), (trig.type, "*")):
        if pos in alone.get(key, ()):
            return True
    return False


SPECIFIC_DETERMINERS = frozenset(["the", "this", "that", "these", "those"])
NAMING_LABELS = frozenset(["GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "ORG", "EVENT", "PERSON"])


def _anaphoric(noun: Token) -> bool:
    """"the attack", "that attack", "the strikes": a definite noun with nothing of
    its own (no date, place, number, name or argument)."""
    kids = [c for c in noun.children if c.dep_ not in ("punct",)]
    return bool(kids) and all(
        c.dep_ == "det" and c.lower_ in SPECIFIC_DETERMINERS for c in kids
    )


def specific(noun: Token) -> bool:
    """Whether an event noun names one event (or a known set of them), not a kind of
    event: "the attack", "Monday's protests", "two strikes", "the Brussels attacks",
    "an attack on a checkpoint", "protests were held", "addressed a rally"; not "claim
    credit for attacks", "that kind of an attack"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "NUM":
        return False  # "one in seven attacks": a share of such events, none of them told
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    if noun.tag_ == "NNS" and (told_by_clause(noun) or clause_date(noun) is not None):
        return True  # "airstrikes launched from a carrier", "mass protests in 2011"
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in SPECIFIC_DETERMINERS:
            return True
        if child.dep_ in ("poss", "nummod"):
            return True
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in NAMING_LABELS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "on", "against", "of",
                                                     "by", "outside", "inside", "across",
                                                     "over"):
            return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
        noun.head.head.pos_ == "NUM" or noun.head.head.lemma_.lower() in COUNT_NOUNS
    ):
        return True  # "scores of arrests", "a wave of strikes"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and (
        noun.head.head.lemma_.lower() in CASUALTY_VERBS
    ):
        return True  # "killed in fighting", "died in clashes": the clashes that killed them
    if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
        # "addressed a rally", "wounded in an IED attack": one event, not yet told; not
        # "that type of an attack" (a kind) or "claiming an attack is a way to ..." (an
        # act said of in general)
        kind = (noun.dep_ == "pobj" and noun.head.lower_ == "of"
                and noun.head.head.lemma_.lower() in KIND_NOUNS)
        # "police seized weapons in a raid": the way the subject's own act was done
        manner = noun.dep_ == "pobj" and noun.head.lower_ == "in" and (
            noun.head.head.pos_ == "VERB" and bool(children(noun.head.head, "nsubj")))
        return not (kind or manner) and not (noun.dep_ == "dobj" and activity_subject(noun.head))
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS


def told_by_clause(noun: Token) -> bool:
    """Whether a plural event noun carries a clause that tells what was done in those
    events: a past participle ("airstrikes launched from a carrier", "protests organised
    by students") or a relative clause in a past tense ("raids that destroyed three
    homes", "clashes that have killed 20"); not a present one ("attacks that target
    civilians are war crimes": what such events are).

    >>> from dossier.annotate import annotate
    >>> told_by_clause(annotate("They fled airstrikes launched from a carrier.")[2])
    True
    >>> told_by_clause(annotate("Attacks that target civilians are crimes.")[0])
    False
    """
    if is_weapon(noun):
        return False  # "bombs which have been planted": what was done with a weapon
    for clause in children(noun, "acl", "relcl"):
        if clause.tag_ == "VBD" and clause.dep_ == "relcl":
            return True
        if clause.tag_ == "VBN" and (clause.dep_ == "acl" or any(
            a.lemma_ == "have" for a in children(clause, "aux")
        )):
            return True
    return False


def clause_date(noun: Token) -> Token | None:
    """A date said of the clause an event noun belongs to (on the first verb above
    it): "was the centre of mass protests in 2011", "saw clashes on Sunday"; not a date
    of a clause further up ("In 2011, police learned how to deal with protests")."""
    head = noun
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for child in head.children:
        inner = [child] if child.dep_ in ("npadvmod", "advmod") else [
            o for o in children(child, "pobj") if child.dep_ == "prep"]
        for word in inner:
            if word.ent_type_ == "DATE" and not (
                noun.left_edge.i <= word.i <= noun.right_edge.i or word.is_ancestor(noun)
            ):  # not "after weeks of talks": a time the noun is in, not the clause's
                return word
    return None


COUNT_NOUNS = frozenset(
    "score dozen hundred thousand series wave spate string number handful round".split()
)
INDEFINITE = frozenset(["a", "an"])
KIND_NOUNS = frozenset("type kind sort form variety".split())  # "a kind of attack"


def named_event(token: Token) -> bool:
    """A capitalised event noun with a possessor that is no date: "the Women's March"
    (which the parser may label a date: a month takes no possessor)."""
    return token.pos_ == "PROPN" and token.is_title and any(
        child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME")
        for child in token.children
    )
