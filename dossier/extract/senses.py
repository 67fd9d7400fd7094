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

from dossier import gazetteer
from dossier.extract.actors import agent_head, coordinated
from dossier.extract.factuality import is_to_infinitive
from dossier.extract.lexicon import LIGHT_VERBS, Trigger, is_materiel, object_word, triggers_for
from dossier.extract.participation import participant_verb
from dossier.extract.syntax import RELATIVE_PRONOUNS, antecedent, children, gerund_controller
from dossier.resolve.agents import noun_sector

SUBJECT_DEPS = ("nsubj", "csubj")
# the clauses that say what an event is for: "a march to commemorate", "a rally
# commemorating the victims", "rallied to demand"
PURPOSE_DEPS = ("acl", "relcl", "xcomp", "advcl")
# words of a measure or a group whose "of" phrase names what they are: "a dozen
# villages", "part of the city", "a crowd of protesters", "thousands of students"
GROUP_WORDS = frozenset(
    "dozen part parts control some number several most all crowd crowds group groups "
    "hundred hundreds thousand thousands tens scores throng band column total".split()
)
STANCE_PREFIXES = ("anti-", "pro-", "antiwar", "antigovernment")
# a participle or adverbial clause that adds what followed from its head verb
CLAUSE_DEPS = ("advcl", "xcomp", "conj")
# clauses that take their subject from the clause they hang off
INHERIT_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp")


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


def _children(token: Token, *deps: str) -> list[Token]:
    return children(token, *deps)


def features(token: Token) -> set[str]:
    """What a class can match in a word: its lemma and lower form, its entity label
    and gazetteer kind, and its actor-noun or organisation's sector ("police" ->
    "@actor", "@sector:COP"; "Hamas" -> "@sector:REB")."""
    out = {token.lemma_.lower(), token.lower_, "@any"}
    if token.ent_type_:
        out.add("@" + token.ent_type_)
        if token.ent_type_ in ("ORG", "GPE", "NORP") and token.pos_ == "PROPN" and (
            gazetteer.person(token.text) is not None
        ):
            out.add("@PERSON")  # the model took "Trump" for a firm: a person the tables know
        ent_id = token.ent_id_ or ""
        for prefix in ("state", "org", "place", "equip"):
            if ent_id.startswith(prefix + ":"):
                out.add("@" + prefix)
        org = gazetteer.lookup(ent_id[4:]) if ent_id.startswith("org:") else None
        if org is not None and org.sector:  # "the Taliban": an armed group (REB)
            out.add(f"@sector:{org.sector}")
    lemma = token.lemma_.lower()
    if len(lemma) > 6 and lemma.endswith(("ness", "ism")) and token.pos_ == "NOUN":
        out.add("@abstract")  # "homelessness", "extremism": a condition, not a force
    noun = gazetteer.actor_noun(token.lemma_.lower()) or gazetteer.actor_noun(token.lower_)
    if noun is None and token.tag_ == "NNS" and agent_head(token.lemma_.lower()):
        noun = noun_sector(token.lemma_.lower())  # Phoenix's agents: "thieves", "passengers"
    if noun is not None:
        out |= {"@actor", f"@sector:{noun[0]}"}
    return out


def _phrase_words(head: Token, *, compounds: bool = False) -> set[str]:
    """The features of a noun phrase's head and its conjuncts (and, with
    ``compounds``, of the nouns before it: "speaker phone"); of "of" phrases after
    a measure word ("a dozen villages", "part of the city" also gives "city")."""
    out: set[str] = set()
    for h in coordinated(head):
        out |= features(h)
        for child in h.children:
            if compounds and child.dep_ == "compound":
                out |= features(child)
            if child.dep_ == "prep" and child.lower_ == "of" and (
                h.pos_ == "NUM" or h.lemma_.lower() in GROUP_WORDS
            ):
                for obj in _children(child, "pobj"):
                    out |= features(obj)
    return out


def _subject(token: Token) -> Token | None:
    """Who acts: the subject (or a passive's by-phrase), climbing clauses that take
    their subject from the clause they hang off; for a noun, its possessor or "by"
    phrase, or the subject of the light verb it is the object of."""
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                objs = _children(child, "pobj")
                if objs:
                    return objs[0]
        if token.dep_ == "dobj":
            return _subject(token.head)
        return None
    node = token
    for _ in range(5):
        for agent in _children(node, "agent"):
            objs = _children(agent, "pobj")
            if objs:
                return objs[0]
        subj = _children(node, *SUBJECT_DEPS)
        if subj and subj[0].lower_ in RELATIVE_PRONOUNS:
            return antecedent(node) or subj[0]  # "the earthquake that killed eight"
        if subj:
            return None if _small_clause_passive(node) else subj[0]
        if _children(node, "nsubjpass", "csubjpass"):
            return None
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return None if _is_passive(node) else node.head
        controller = gerund_controller(node)
        if controller is not None:  # "were accused of killing": who is accused
            return controller
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # "protesters demanding ...": the protesters
        if node.dep_ in INHERIT_DEPS and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _small_clause_passive(verb: Token) -> bool:
    """A past participle with a subject, no auxiliary and no object is a passive:
    "saw a woman killed", "found him shot", "two policemen killed in Kabul" (a
    headline); an active perfect needs "have" ("rebels have killed"), so its
    subject is who suffered it, not who did it.  A direct object means an active
    past the parser tagged as a participle ("the attack killed 140 soldiers").

    >>> from dossier.annotate import annotate
    >>> doc = annotate("He saw a woman killed on the road.")
    >>> _small_clause_passive(doc[4]), _subject(doc[4]) is None
    (True, True)
    """
    return (
        verb.tag_ == "VBN"
        and bool(_children(verb, "nsubj"))
        and not _children(verb, "aux", "auxpass", "dobj")
    )


# verbs whose infinitive says what a power was used for: "used its powers to arrest 20
# people" tells of arrests, "gave the police powers to arrest" does not
USE_VERBS = frozenset("use exercise invoke employ wield apply".split())
QUOTES = frozenset(['"', "“", "”", "'", "‘", "’", "``", "''"])


def _object(token: Token) -> Token | None:
    """What is acted on: the direct object, a passive's subject, the noun a relative
    clause describes ("the conditions Tehran must meet"), a noun's "of" phrase."""
    if token.pos_ in ("NOUN", "PROPN"):
        for child in _children(token, "prep"):
            if child.lower_ == "of":
                objs = _children(child, "pobj")
                if objs:
                    return objs[0]
        return None
    objs = _children(token, "dobj", "obj")
    if objs and objs[0].lower_ in RELATIVE_PRONOUNS:  # "the targets that it hopes to meet"
        return _relative_gap(token, pronoun=True) or objs[0]
    if objs:
        return objs[0]
    passive = _children(token, "nsubjpass") or (
        _children(token, "nsubj") if _small_clause_passive(token) else []
    )
    if passive and any(c.dep_ == "prep" and not _children(c, "pobj", "pcomp")
                       for c in token.children):
        return None  # "the convoy was fired on": the subject is the preposition's object
    if passive:
        if passive[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
            return token.head  # "a woman who was beaten": the woman
        return passive[0]
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head  # "the villages captured by the army"
    relative = _relative_gap(token)
    if relative is not None:
        return relative
    for clause in _children(token, "ccomp"):  # "kill what is left of the revolution"
        if any(c.lower_ == "what" for c in _children(clause, "nsubj", "nsubjpass")):
            objs = _prep_objects(clause, "of")
            if objs:
                return objs[0]
    return None


def _relative_gap(verb: Token, pronoun: bool = False) -> Token | None:
    """The noun a relative clause describes when the verb is an infinitive inside it
    with no object of its own: "the conditions Tehran would have to meet", "the
    targets the army hopes to meet" (the clause's verb has no object either), or
    whose object is the relative pronoun (``pronoun``: "the targets that it hopes
    to meet")."""
    node = verb
    if pronoun and node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
        return node.head
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head
        if _children(node, "dobj", "obj") and not pronoun:
            return None
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
    return None


def _prep_objects(token: Token, word: str | None = None) -> list[Token]:
    out = []
    for prep in _children(token, "prep", "agent"):
        if word is not None and prep.lower_ != word:
            continue
        out.extend(_children(prep, "pobj"))
    return out


# Times of day a preposition can take ("at dawn", "from dusk"), which the model does
# not always tag as times.
TIMES_OF_DAY = frozenset("dawn dusk daybreak nightfall sunrise sunset noon midday midnight".split())


def slot_words(token: Token, slot: str) -> set[str]:
    """The features of the words in one argument slot of a trigger."""
    if slot == "subject":
        subj = _subject(token)
        if subj is None:
            return set()
        pair = {"@pair"} if len(coordinated(subj)) > 1 else set()  # "Putin and Xi talked"
        return _phrase_words(subj) | pair
    if slot == "object":
        obj = _object(token)
        return _phrase_words(obj) if obj is not None else set()
    if slot == "complement":  # "@to" for a "to" clause, and that clause's verb
        out = set()
        for clause in _children(token, "xcomp", "advcl"):
            if is_to_infinitive(clause):
                out.add("@to")
                out.add(clause.lemma_.lower())
        return out
    if slot == "modifier":
        out = set()
        doc = token.doc
        if token.i > 1 and doc[token.i - 1].text == "-" and doc[token.i - 2].head.i == token.i:
            out |= features(doc[token.i - 2])  # "test-fire": a prefix the parser split off
        for child in _children(token, "amod", "compound", "nmod", "npadvmod"):
            out |= features(child)
            # a hyphenated modifier the parser split: "open-ended", "pro-Trump"
            joined = "".join(t.lower_ for t in child.subtree)
            out.add(joined)
            if joined.startswith(STANCE_PREFIXES):
                out.add("@stance")  # "an anti-India rally", "pro-democracy marches"
            for inner in _children(child, "compound", "npadvmod", "amod"):
                out |= features(inner)
        return out
    if slot == "governor":  # not "took part in the protest": the "in" of taking part
        if token.dep_ != "pobj" or participant_verb(token) is not None:
            return set()
        return {token.head.lower_}
    if slot == "host":
        host = _host_verb(token)
        return features(host) if host is not None else set()
    if slot == "host_subject":  # who speaks at the rally: "the opposition leader addressed"
        host = _host_verb(token)
        subj = _subject(host) if host is not None else None
        if subj is None:
            return set()
        out = _phrase_words(subj)
        for word in subj.subtree:  # "Opposition leader Alexei Navalny"
            if word.dep_ in ("compound", "amod") and word.head.i >= subj.left_edge.i:
                out |= features(word)
        return out
    if slot == "purpose":
        return {
            c.lemma_.lower() for c in token.children
            if c.dep_ in PURPOSE_DEPS and c.pos_ in ("VERB", "AUX")
        }
    if slot == "clause":  # "crashed into the sea, killing all 66": the verb it hangs off
        head = token.head
        return features(head) if token.dep_ in CLAUSE_DEPS and head.pos_ == "VERB" else set()
    if slot == "use":  # "the fighting groups": a participle that describes a noun
        if token.dep_ == "amod" and token.tag_ == "VBG":
            return {"@attributive"}
        if token.dep_ == "amod" and token.tag_ == "VBN":
            return {"@attributive_past"}  # "flood-hit villages", "a hit list"
        return {"@activity"} if _activity_subject(token) else set()
    if slot == "determiner":  # "any future attack": the noun's determiners
        return {c.lower_ for c in _children(token, "det")}
    if slot == "habit":  # "attacks are often claimed by ...": a kind of event, habitually
        return {"@habitual"} if _habitual(token) else set()
    if slot == "prep":
        out = set()
        heads = [token, *_children(token, "dobj", "prt")]
        for head in heads:
            for obj in _prep_objects(head):
                out |= _phrase_words(obj, compounds=True)
        return out
    if slot == "particle":
        return _particles(token)
    if slot == "object_modifier":  # "gave crucial support": "crucial", "crucial support"
        obj = _object(token)
        out = set()
        for child in _children(obj, "amod", "compound", "nmod") if obj is not None else ():
            out |= features(child)
            out.add(f"{child.lower_} {obj.lemma_.lower()}")
        return out
    if slot == "as":
        return _predicative(token)
    if slot == "predicate":  # "called the sanctions illegal", "described X as a provocation"
        return _verdict_on_object(token)
    if slot == "onto":  # "added four entities to its sanctions list": the list's words
        return {w for obj in _prep_objects(token, "to") for w in _phrase_words(obj, compounds=True)}
    if slot == "goods":  # "signed a contract with France for 26 jets": what a deal buys
        heads = [token, *_children(token, "dobj")]
        objs = [o for head in heads for o in _prep_objects(head, "for")]
        return {"@materiel"} if any(is_materiel(object_word(o)) for o in objs) else set()
    if slot == "for":  # "attacked the council for dropping the scheme": a reason
        out = set()
        for prep in _children(token, "prep"):
            if prep.lower_ == "for":
                for obj in _children(prep, "pobj", "pcomp"):
                    out |= _phrase_words(obj)
                    if obj.tag_ == "VBG":
                        out.add("@gerund")
        return out
    if slot == "back":  # "fired back at his critics, saying": who or what is answered
        if not any(c.lower_ == "back" for c in _children(token, "advmod", "prt")):
            return set()
        out = {c.lemma_.lower() for c in _children(token, "advcl", "xcomp", "conj")
               if c.pos_ == "VERB"}
        for obj in _prep_objects(token, "at") + _prep_objects(token, "with"):
            out |= _phrase_words(obj)
        return out
    if slot == "slogan":  # 'chanted "don't shoot"': a quoted clause that a verb utters
        if token.dep_ in ("ccomp", "xcomp", "dobj", "conj") and any(
            c.dep_ == "punct" and c.lower_ in QUOTES for c in token.children
        ):
            return features(token.head)
        return set()
    if slot == "holder":  # "powers to arrest": the noun an infinitive clause qualifies
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return set()
        # word forms, not lemmas: "the authorities" are officials, "the authority" a power
        head = token.head
        if token.dep_ in ("acl", "relcl") and head.pos_ == "NOUN":
            return {head.lower_}
        if token.dep_ in ("advcl", "xcomp") and head.pos_ == "VERB" and (
            head.lemma_.lower() not in USE_VERBS
        ):  # "gave the police powers to arrest" (the parser hangs it off "gave")
            return {h.lower_ for obj in _children(head, "dobj") for h in coordinated(obj)}
        return set()
    if slot in ("from", "to", "with", "between", "at"):
        out = set()
        heads = [token, *_children(token, "dobj")]  # "raised concerns with China"
        if slot in ("with", "between") and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            heads.append(token.head)  # "held exercises with the Philippine navy"
        for head in heads:
            for obj in _prep_objects(head, slot):
                if slot == "at" and (obj.ent_type_ in ("DATE", "TIME")
                                     or obj.lemma_.lower() in TIMES_OF_DAY):
                    continue  # "launched a missile at dawn": a time, no one launched at
                out |= _phrase_words(obj)
        return out
    raise ValueError(f"senses.tsv: unknown slot {slot!r}")


def _particles(verb: Token) -> set[str]:
    """A phrasal or prepositional verb's particle: "hit out at", "kick out", "seized
    on the figures" (a preposition counts only when the verb has no direct object,
    so "seized weapons on Tuesday" has none).

    >>> from dossier.annotate import annotate
    >>> sorted(_particles(annotate("Unions seized on the figures.")[1]))
    ['on']
    >>> _particles(annotate("Police seized guns on Monday.")[1])
    set()
    """
    out = {c.lower_ for c in _children(verb, "prt")}
    if not _children(verb, "dobj", "obj"):
        out |= {c.lower_ for c in _children(verb, "prep")}
    return out


def _predicative(verb: Token) -> set[str]:
    """What an "as" phrase says the verb's object is: "attacked the pledges as
    vacuous", "was attacked as too little, too late", "attacked it as a waste of
    money": the features of the phrase's head, and ``@as_adj`` for an adjective.
    A clause ("as night fell") has no such phrase.

    >>> from dossier.annotate import annotate
    >>> sorted(_predicative(annotate("Critics attacked the pledges as vacuous.")[1]))
    ['@any', '@as_adj', 'vacuous']
    >>> _predicative(annotate("Rebels attacked the town as night fell.")[1])
    set()
    """
    out: set[str] = set()
    for prep in _children(verb, "prep"):
        if prep.lower_ != "as":
            continue
        for word in prep.children:
            if word.dep_ in ("pobj", "pcomp", "amod", "acomp", "advmod"):
                out |= features(word)
                if word.pos_ in ("ADJ", "ADV") or word.tag_ in ("JJ", "JJR", "JJS"):
                    out.add("@as_adj")
    return out


def _verdict_on_object(verb: Token) -> set[str]:
    """What a verb of naming says its object is: "called the sanctions illegal" (an
    object predicate), "branded the move a provocation" (a second object), "described
    the stationing of troops as a provocation" ("as" on the verb or on its object).

    >>> from dossier.annotate import annotate
    >>> sorted(_verdict_on_object(annotate("Tehran called the sanctions illegal.")[1]))
    ['@any', 'illegal']
    """
    out: set[str] = set()
    objects = _children(verb, "dobj")
    for word in [*_children(verb, "oprd"), *objects[1:]]:
        out |= features(word)
    for head in [verb, *objects[:1]]:
        for prep in _children(head, "prep"):
            if prep.lower_ == "as":
                for word in _children(prep, "pobj", "amod", "acomp"):
                    out |= features(word)
    return out


def _host_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is an argument of, directly or through a preposition:
    "spoke at a rally" -> spoke, "banned protests" -> banned, "protests were banned"
    -> banned."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass", "dative", "obj"):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None
def _activity_subject(verb: Token) -> bool:
    """A gerund clause that is the subject of "is" or of a modal "be": "shelling
    civilians is a war crime", "fighting IS could be a common cause": what such an
    act is, said of the act in general ("fighting in Aleppo was intense" has a
    noun subject and a past verb, and stays an event).

    >>> from dossier.annotate import annotate
    >>> _activity_subject(annotate("Shelling civilians is a war crime.")[0])
    True
    """
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "csubj" or head.lemma_ != "be":
        return False
    return head.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in head.children
    )


FREQUENCY_ADVERBS = frozenset(
    "often usually typically generally normally rarely seldom commonly frequently "
    "sometimes always routinely traditionally".split()
)


def _habitual(noun: Token) -> bool:
    """A bare plural event noun ("attacks", no determiner, possessor or number) in
    a present-tense clause said to hold often, usually, by nature: "attacks on
    military targets are often claimed by ...", "lone wolf attacks are by nature
    conducted alone": what such events are like, not one that happened.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Two attacks were claimed within days.")
    >>> _habitual(doc[1])
    False
    >>> doc = annotate("Attacks on convoys are usually claimed within days.")
    >>> _habitual(doc[0])
    True
    """
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if _children(noun, "det", "poss", "nummod"):
        return False
    verb = noun.head
    while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )
    if not present:
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in FREQUENCY_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ == "by" and any(
            o.lower_ == "nature" for o in _children(child, "pobj")
        ):
            return True
    return False


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
    obj = _object(token)
    if obj is not None and (obj.lemma_.lower() in object_heads or obj.lower_ in object_heads):
        return True
    return bool(prep_heads) and any(
        (prep.lower_, o.lemma_.lower()) in prep_heads
        for prep in _children(token, "prep")
        for o in _children(prep, "pobj")
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
    if pos == "NOUN" and not _specific(token):
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


def _specific(noun: Token) -> bool:
    """Whether an event noun names one event (or a known set of them), not a kind of
    event: "the attack", "Monday's protests", "two strikes", "the Brussels attacks",
    "an attack on a checkpoint", "protests were held"; not "claim credit for attacks"."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
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
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS


COUNT_NOUNS = frozenset(
    "score dozen hundred thousand series wave spate string number handful round".split()
)


def named_event(token: Token) -> bool:
    """A capitalised event noun with a possessor that is no date: "the Women's March"
    (which the parser may label a date: a month takes no possessor)."""
    return token.pos_ == "PROPN" and token.is_title and any(
        child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME")
        for child in token.children
    )
