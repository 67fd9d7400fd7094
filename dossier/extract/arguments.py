"""The arguments of a trigger that the word-sense rules read: who acts (``subject``),
what is acted on (``patient``), a preposition's objects, a phrasal verb's particle,
what a verb calls its object ("called the sanctions illegal"), the verb a noun is
hosted by ("held a rally"), and whether a noun tells a habit.  Read by
``extract/slots.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.syntax import (
    RELATIVE_PRONOUNS,
    antecedent,
    children,
    gerund_controller,
    result_clause_of,
)
from dossier.extract.word_features import features

SUBJECT_DEPS = ("nsubj", "csubj")
# clauses that take their subject from the clause they hang off
INHERIT_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp")


def subject(token: Token) -> Token | None:
    """Who acts: the subject (or a passive's by-phrase), climbing clauses that take
    their subject from the clause they hang off; for a noun, its possessor or "by"
    phrase, or the subject of the light verb it is the object of."""
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                objs = children(child, "pobj")
                if objs:
                    return objs[0]
        if token.dep_ == "dobj":
            return subject(token.head)
        return None
    node = token
    for _ in range(5):
        held = hands_of(node)  # "killed at the hands of the militia"
        if held is not None:
            return held
        for agent in children(node, "agent"):
            objs = children(agent, "pobj")
            if objs:
                return objs[0]
        subj = children(node, *SUBJECT_DEPS)
        if subj and subj[0].lower_ in RELATIVE_PRONOUNS:
            return antecedent(node) or subj[0]  # "the earthquake that killed eight"
        if subj:
            return None if small_clause_passive(node) else subj[0]
        if children(node, "nsubjpass", "csubjpass"):
            return None
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return None if is_passive(node) else node.head
        controller = gerund_controller(node)
        if controller is not None:  # "were accused of killing": who is accused
            return controller
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # "protesters demanding ...": the protesters
        result_of = result_clause_of(node)
        if result_of is not None:  # "fired on protesters blocking a road, killing one"
            node = result_of
            continue
        if node.dep_ in INHERIT_DEPS and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def hands_of(verb: Token) -> Token | None:
    """Who did it, told as "at the hands of X" (or "in the hands of X"), as a passive's
    "by" phrase tells it: "killed at the hands of security forces".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Ten men were killed at the hands of the militia.")
    >>> hands_of(doc[3]).text
    'militia'
    """
    for prep in children(verb, "prep"):
        if prep.lower_ not in ("at", "in"):
            continue
        for hands in children(prep, "pobj"):
            if hands.lower_ != "hands":
                continue
            for of in children(hands, "prep"):
                if of.lower_ == "of":
                    objs = children(of, "pobj")
                    if objs:
                        return objs[0]
    return None


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def small_clause_passive(verb: Token) -> bool:
    """A past participle with a subject, no auxiliary and no object is a passive:
    "saw a woman killed", "found him shot", "two policemen killed in Kabul" (a
    headline); an active perfect needs "have" ("rebels have killed"), so its
    subject is who suffered it, not who did it.  A direct object means an active
    past the parser tagged as a participle ("the attack killed 140 soldiers").

    >>> from dossier.annotate import annotate
    >>> doc = annotate("He saw a woman killed on the road.")
    >>> small_clause_passive(doc[4]), subject(doc[4]) is None
    (True, True)
    """
    return (
        verb.tag_ == "VBN"
        and bool(children(verb, "nsubj"))
        and not children(verb, "aux", "auxpass", "dobj")
    )


def patient(token: Token) -> Token | None:
    """What is acted on: the direct object, a passive's subject, the noun a relative
    clause describes ("the conditions Tehran must meet"), a noun's "of" phrase."""
    if token.pos_ in ("NOUN", "PROPN"):
        for child in children(token, "prep"):
            if child.lower_ == "of":
                objs = children(child, "pobj")
                if objs:
                    return objs[0]
        return None
    objs = children(token, "dobj", "obj")
    if objs and objs[0].lower_ in RELATIVE_PRONOUNS:  # "the targets that it hopes to meet"
        return relative_gap(token, pronoun=True) or objs[0]
    if objs:
        return objs[0]
    passive = children(token, "nsubjpass") or (
        children(token, "nsubj") if small_clause_passive(token) else []
    )
    if passive and any(c.dep_ == "prep" and not children(c, "pobj", "pcomp")
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
    relative = relative_gap(token)
    if relative is not None:
        return relative
    for clause in children(token, "ccomp"):  # "kill what is left of the revolution"
        if any(c.lower_ == "what" for c in children(clause, "nsubj", "nsubjpass")):
            objs = preposition_objects(clause, "of")
            if objs:
                return objs[0]
    return None


def relative_gap(verb: Token, pronoun: bool = False) -> Token | None:
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
        if children(node, "dobj", "obj") and not pronoun:
            return None
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
    return None


def preposition_objects(token: Token, word: str | None = None) -> list[Token]:
    out = []
    for prep in children(token, "prep", "agent"):
        if word is not None and prep.lower_ != word:
            continue
        out.extend(children(prep, "pobj"))
    return out


def particles(verb: Token) -> set[str]:
    """A phrasal or prepositional verb's particle: "hit out at", "kick out", "seized
    on the figures" (a preposition counts only when the verb has no direct object,
    so "seized weapons on Tuesday" has none).

    >>> from dossier.annotate import annotate
    >>> sorted(particles(annotate("Unions seized on the figures.")[1]))
    ['on']
    >>> particles(annotate("Police seized guns on Monday.")[1])
    set()
    """
    out = {c.lower_ for c in children(verb, "prt")}
    if not children(verb, "dobj", "obj"):
        out |= {c.lower_ for c in children(verb, "prep")}
    return out


def predicative(verb: Token) -> set[str]:
    """What an "as" phrase says the verb's object is: "attacked the pledges as
    vacuous", "was attacked as too little, too late", "attacked it as a waste of
    money": the features of the phrase's head, and ``@as_adj`` for an adjective.
    A clause ("as night fell") has no such phrase.

    >>> from dossier.annotate import annotate
    >>> sorted(predicative(annotate("Critics attacked the pledges as vacuous.")[1]))
    ['@any', '@as_adj', 'vacuous']
    >>> predicative(annotate("Rebels attacked the town as night fell.")[1])
    set()
    """
    out: set[str] = set()
    for prep in children(verb, "prep"):
        if prep.lower_ != "as":
            continue
        for word in prep.children:
            if word.dep_ in ("pobj", "pcomp", "amod", "acomp", "advmod"):
                out |= features(word)
                if word.pos_ in ("ADJ", "ADV") or word.tag_ in ("JJ", "JJR", "JJS"):
                    out.add("@as_adj")
    return out


def verdict_on_object(verb: Token) -> set[str]:
    """What a verb of naming says its object is: "called the sanctions illegal" (an
    object predicate), "branded the move a provocation" (a second object), "described
    the stationing of troops as a provocation" ("as" on the verb or on its object).

    >>> from dossier.annotate import annotate
    >>> sorted(verdict_on_object(annotate("Tehran called the sanctions illegal.")[1]))
    ['@any', 'illegal']
    """
    out: set[str] = set()
    objects = children(verb, "dobj")
    for word in [*children(verb, "oprd"), *objects[1:]]:
        out |= features(word)
    for head in [verb, *objects[:1]]:
        for prep in children(head, "prep"):
            if prep.lower_ == "as":
                for word in children(prep, "pobj", "amod", "acomp"):
                    out |= features(word)
    return out


def host_verb(noun: Token) -> Token | None:
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
def activity_subject(verb: Token) -> bool:
    """A gerund clause that is the subject of "is" or of a modal "be": "shelling
    civilians is a war crime", "fighting IS could be a common cause": what such an
    act is, said of the act in general ("fighting in Aleppo was intense" has a
    noun subject and a past verb, and stays an event).

    >>> from dossier.annotate import annotate
    >>> activity_subject(annotate("Shelling civilians is a war crime.")[0])
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


def habitual(noun: Token) -> bool:
    """A bare plural event noun ("attacks", no determiner, possessor or number) in
    a present-tense clause said to hold often, usually, by nature: "attacks on
    military targets are often claimed by ...", "lone wolf attacks are by nature
    conducted alone": what such events are like, not one that happened.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Two attacks were claimed within days.")
    >>> habitual(doc[1])
    False
    >>> doc = annotate("Attacks on convoys are usually claimed within days.")
    >>> habitual(doc[0])
    True
    """
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if children(noun, "det", "poss", "nummod"):
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
            o.lower_ == "nature" for o in children(child, "pobj")
        ):
            return True
    return False

