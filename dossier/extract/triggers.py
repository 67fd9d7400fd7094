"""Finding triggers: the word (and the object it takes) that starts an event.

``match`` looks a token up in the trigger lexicon (``lexicon.triggers_for``:
the hand table ``data/triggers.tsv``, then PETRARCH2's verb patterns), with
its particle, preposition or object where the entry needs one ("called on X",
"struck a deal"), and leaves out the uses English gives another sense ("meet a
target", "called itself", "pleaded guilty").  The trigger's arguments are
read afterwards, by ``roles.py``.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia met the deadline. Russia met Iran.")
>>> [match(doc[1], set()), match(doc[6], set())[0].type]
[None, 'CONSULT']
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from dossier.entities import PLACE_LABELS
from dossier.extract import lexicon, names, petrarch_units, senses
from dossier.extract.factuality import is_to_infinitive
from dossier.extract.participation import event_taken_part_in
from dossier.extract.syntax import (
    NOMINAL_DEPS,
    children,
    direct_object,
    future_clause,
    obliged_clause,
    prep_objects,
    theme_of,
)
from dossier.extract.wordclasses import NON_EVENT_OBJECTS, NOT_TRIGGER_ENTITIES, QUANTITY_NOUNS

_NOMINAL_IDS = frozenset(get_string_id(dep) for dep in NOMINAL_DEPS)
_NOMINAL_ARRAY = numpy.array(sorted(_NOMINAL_IDS), dtype="uint64")
# (lemma id, lower-case form id, whether a verb) -> ``lexicon.may_trigger``'s answer
_MAY_TRIGGER: dict[tuple[int, int, bool], bool] = {}


def possible_triggers(doc: Doc) -> list[bool]:
    """For each token of ``doc``, whether ``match`` may find a trigger for it: the
    test ``match`` makes first (a verb, or a noun heading a nominal phrase, whose
    lemma or form can begin an entry: ``lexicon.may_trigger``), made once per
    document on the tokens' ids, with each word's answer remembered. ``match`` is
    None for every token marked False, so the extractor need not call it there.

    >>> from dossier.annotate import annotate
    >>> possible_triggers(annotate("The children smiled. Germany supplied tanks."))
    [False, False, False, False, False, True, False, False]
    """
    if not len(doc):
        return []
    strings = doc.vocab.strings
    out = [False] * len(doc)
    rows = doc.to_array([POS, DEP, LEMMA, LOWER])
    pos, dep = rows[:, 0], rows[:, 1]
    # a verb, or a noun or name in a nominal function: the only tokens looked at
    verbs = pos == VERB
    nouns = ((pos == NOUN) | (pos == PROPN)) & numpy.isin(dep, _NOMINAL_ARRAY)
    for i in numpy.flatnonzero(verbs | nouns).tolist():
        _pos, _dep, lemma, lower = rows[i].tolist()
        verb = bool(verbs[i])
        key = (lemma, lower, verb)
        found = _MAY_TRIGGER.get(key)
        if found is None:
            if len(_MAY_TRIGGER) > 200_000:  # bounded: forget and start again
                _MAY_TRIGGER.clear()
            found = _MAY_TRIGGER[key] = lexicon.may_trigger(
                strings[lemma].lower(), strings[lower], "VERB" if verb else "NOUN")
        out[i] = found
    return out


TIME_LABELS = ("DATE", "TIME")
TIME_OR_PLACE_LABELS = frozenset(TIME_LABELS) | PLACE_LABELS
ADVERB_PARTICLES = frozenset(["back", "out", "off", "away", "down"])


def to_clauses(verb: Token) -> list[Token]:
    """The verbs of the "to" clauses a verb governs: "urged Berlin [to send] tanks".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Kyiv urged Berlin to send tanks.")
    >>> [t.text for t in to_clauses(doc[1])]
    ['send']
    """
    return [clause for clause in children(verb, "xcomp") if is_to_infinitive(clause)]


def asked_for(verb: Token) -> list[int]:
    """The words of what an appeal asks for: its "to" clauses, the words they
    govern and the verbs joined to them, not the relative clauses inside ("urged
    Berlin to [send tanks and train crews]"): none is an event of its own."""
    out: list[int] = []
    for clause in to_clauses(verb):
        stack = [clause]
        while stack:
            word = stack.pop()
            out.append(word.i)
            stack.extend(c for c in word.children if c.dep_ not in ("relcl", "acl"))
    return out


def match(token: Token, consumed: set[int]) -> tuple[lexicon.Trigger, Token | None] | None:
    """The trigger a token starts, and the object noun it consumed if any."""
    pos = token.pos_
    if pos == "VERB" or (pos in ("NOUN", "PROPN") and token.dep_ in NOMINAL_DEPS):
        lemma = token.lemma_.lower()
        if not lexicon.may_trigger(lemma, token.lower_, "VERB" if pos == "VERB" else "NOUN"):
            return None  # no entry of either table can begin with this word
    else:
        return None  # neither a verb nor a noun that can name an event
    if token.i in consumed or (
        token.ent_type_ in NOT_TRIGGER_ENTITIES and not senses.named_event(token)
    ):
        return None  # "in March 2023", "Strike Force Smith"; not "the Women's March"
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and token.pos_ != "AUX":
        event = event_taken_part_in(token)
        if event is not None and (lexicon.triggers_for(event.lemma_.lower(), "NOUN")
                                  or lexicon.triggers_for(event.lower_, "NOUN")):
            return None  # "took part in the talks": the talks are the event
        obj = direct_object(token)
        theme = theme_of(token)
        if obj is None and theme is not None and any(
            lexicon.MATERIAL_OBJECT in t.objects
            for t in lexicon.triggers_for(lemma, "VERB", theme.lemma_.lower())
        ):
            obj = theme  # "24 jets were ordered", "the jets ordered from Russia"
        if obj is None and theme is None:
            obj = moved_subject(token, lemma)  # "Russian units moved to Belgorod"
        if obj is not None and obj.lemma_.lower() in QUANTITY_NOUNS:
            counted = [o for p, o in prep_objects(obj) if p == "of"]
            obj = counted[0] if counted else obj  # "ordered hundreds of tanks": tanks
        if obj is None:
            # "engage in fighting", "come into force"
            objs = [o for p, o in prep_objects(token)]
            obj = objs[0] if objs else None
        # "pulled back from": the parser may take the particle for an adverb
        # ("handed over 32 prisoners": or for a number's "over", which only counts when
        # the verb and the word make an entry of the tables)
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        particles = [c.lower_ for c in children(token, "prt")] + [
            c.lower_ for c in children(token, "advmod")
            if c.i == token.i + 1 and c.lower_ in ADVERB_PARTICLES
        ] + ([after.lower_] if after is not None and after.dep_ == "quantmod"
             and after.lower_ == "over" else [])
        # "called on X" is a request, "called on Tuesday" is not; a place is the one
        # called on only when asked to act: "called on Moscow to withdraw"
        not_called = TIME_LABELS if to_clauses(token) else TIME_OR_PLACE_LABELS
        preps = [
            c.lower_
            for c in children(token, "prep")
            if not any(o.ent_type_ in not_called for o in c.children)
        ]
        obj_lemma = lexicon.object_word(obj) if obj is not None else None
        # PETRARCH2's patterns test it (made only for a verb PETRARCH2 codes)
        # made once, when first asked for (a Context is frozen: shared by every ask)
        context = _Later(token, obj)
        for extra in particles + preps:
            found = petrarch_units.triggers_for(f"{lemma} {extra}", "VERB", obj_lemma, context)
            if found:  # "called off the talks": the object is part of the trigger
                return found[0], (obj if found[0].takes_object else None)
        if obj_lemma in NON_EVENT_OBJECTS.get(lemma, ()) or (obj_lemma or "").endswith("self"):
            return None  # "meet a target", "called itself ..."
        if lemma == "call" and (
            children(token, "oprd", "ccomp", "xcomp") or len(children(token, "dobj")) > 1
        ):
            # "called the sanctions illegal": what it is called decides (PETRARCH2's call
            # patterns name the word: "illegitimate", "criminal"); "called 2004 a success",
            # "calling them heroes" name no event
            said = children(token, "oprd", "xcomp", "ccomp") or children(token, "dobj")[1:]
            found = petrarch_units.units_for(lemma, petrarch_units.context_of(token, said[-1]))
            if found and found[0].objects:
                return found[0], None
            # "called the sanctions illegal", "a violation of its sovereignty": a word that
            # condemns (senses.tsv class "condemnation") makes it an accusation
            verdict = senses.slot_words(token, "predicate") & senses.table().classes[
                "condemnation"]  # fmt: skip
            return (CONDEMN, None) if verdict else None
        if lemma == "plead" and any(c.lower_ in ("guilty", "innocent") for c in token.children):
            return None  # a plea in court, not an appeal
        if lemma == "ask" and children(token, "auxpass") == [] and not children(
            token, "nsubj", "nsubjpass"
        ) and token.dep_ in ("advcl", "ROOT"):
            return None  # "When asked about ...": the asker is not said
        found = petrarch_units.triggers_for(lemma, "VERB", obj_lemma, context)
        if not found and lemma in lexicon.REPORTING_VERBS:
            clauses = children(token, "ccomp")
            if clauses and obliged_clause(clauses[0]):
                return DEMAND, None  # "Russia said that Sudan must return the helicopter"
        if not found:
            return None
        trig = found[0]
        if trig.takes_object:
            return trig, obj
        clauses = children(token, "ccomp")
        # "warned that ...": a claim, unless it announces what the speaker's
        # side will do ("warned that police will not tolerate rallies")
        if lemma in lexicon.REPORTING_VERBS and clauses and not (
            trig.type == "THREATEN" and future_clause(clauses[0])
        ):
            return None
        return trig, None
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOMINAL_DEPS:
        if token.pos_ == "PROPN" and (not token.is_title or names.in_name(token)):
            return None  # "the Inter-American Dialogue": a name, not a dialogue
        for child in children(token, "compound", "amod"):
            found = lexicon.triggers_for(f"{child.lemma_.lower()} {lemma}", "NOUN")
            if found:  # "war games", "general strike"
                return found[0], None
        # a plural with a sense of its own first: "talks" (negotiations), not "talk"
        found = lexicon.triggers_for(token.lower_, "NOUN") or lexicon.triggers_for(
            lemma, "NOUN"
        )
        if found:
            return found[0], None
    return None


class _Later:
    """``petrarch_units.context_of(token, obj)``, made on the first call and kept (a
    plain object: ``functools.cache`` of a partial cost more to make than most verbs'
    contexts, which are never asked for).

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Russia sent jets.")
    >>> later = _Later(doc[1], doc[2])
    >>> later() is later() and later() == petrarch_units.context_of(doc[1], doc[2])
    True
    """

    __slots__ = ("token", "obj", "made")

    def __init__(self, token: Token, obj: Token | None) -> None:
        self.token, self.obj = token, obj
        self.made: petrarch_units.Context | None = None

    def __call__(self) -> petrarch_units.Context:
        if self.made is None:
            self.made = petrarch_units.context_of(self.token, self.obj)
        return self.made


def moved_subject(verb: Token, lemma: str) -> Token | None:
    """The subject of an intransitive verb of motion whose entry moves forces.

    English lets "move", "redeploy" drop their object and make what is moved
    the subject (the causative alternation: "Russia moved units" / "units
    moved"); then the subject is the theme the entry's ``@forces`` selects.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Russian units moved to the border. The firm moved to Paris.")
    >>> moved_subject(doc[2], "move").text, moved_subject(doc[9], "move")
    ('units', None)
    >>> doc = annotate("Chinese warships arrived in Busan. The plane landed in Kabul.")
    >>> moved_subject(doc[2], "arrive").text, moved_subject(doc[8], "land")
    ('warships', None)
    >>> doc = annotate("Chinese warships are expected to arrive in Ream.")
    >>> moved_subject(doc[5], "arrive").text
    'warships'
    """
    if children(verb, "dobj"):
        return None
    subjects = children(verb, "nsubj")
    head = verb
    for _ in range(2):  # "the jets are expected / due to arrive": the raising verb's subject
        if subjects or head.dep_ not in ("xcomp", "acomp"):
            break
        head = head.head
        subjects = children(head, "nsubj", "nsubjpass")
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lemma_.lower() in QUANTITY_NOUNS:
        # "the first units of the 45th Brigade arrived", "hundreds of troops moved"
        counted = [o for p, o in prep_objects(subject) if p == "of"]
        subject = counted[0] if counted else subject
    if not _military(subject):
        return None
    entries = lexicon.triggers_for(lemma, "VERB", subject.lemma_.lower())
    if any(lexicon.FORCES_OBJECT in t.objects for t in entries):
        return subject
    return None


def _military(noun: Token) -> bool:
    """Whether a noun phrase names forces as such: people under arms ("instructors",
    "units"), or equipment a state or people is named with ("a US aircraft carrier",
    "Chinese warships"); "the plane landed" names no one's forces."""
    if not lexicon.is_materiel(noun.lemma_.lower()):
        return True  # troops and units; what is no force at all has no @forces entry
    return any(
        t.ent_type_ == "NORP" or t.ent_id_.startswith("state:")
        for t in noun.subtree
        if t.i < noun.i
    )


DEMAND = lexicon.Trigger("say", "VERB", "REQUEST", None, "toward", frozenset())
# "called the sanctions illegal": CAMEO 111 (PETRARCH2 brand, call "... a violation"),
# ACCUSE disapprove in CAMEO2PLOVER; its object is what is condemned.
CONDEMN = lexicon.Trigger("call", "VERB", "ACCUSE", "disapprove", "act", frozenset())
