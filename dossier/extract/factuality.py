"""How certain an event is, from the words around its trigger.

Factuality values (strongest first when cues compete): ``negated`` ("have
not engaged", "denied sending", "denied that it had sent"), ``hypothetical``
("if ... ", "threatened to"), ``possible`` ("may", "could", "possibly"),
``likely`` ("likely", "expected to", "reportedly"), ``planned`` ("will",
"agreed to", "plans to"), else ``asserted``.  Cues are read on the trigger
and on the chain of clauses above it up to the reporting verb (a claim's own
verb does not change certainty: "X said Y happened" is asserted by X; who
says so is the attribution).  A cue counts only when it governs the event in
the parse (the event's own word, or a clause above it), never for merely
being in the sentence.  The rules, each a plain fact of English:

- a "to" clause is still to come ("a contract to supply", "forced Apple to
  lower"), unless its governor says it happened ("began to", "claims to",
  "fell 2% to close at", "the first woman to lead");
  a verb of telling with an addressee gives an order ("told residents to
  leave"), a word of trying leaves it possible ("an effort to calm markets"),
  and an ability or a permission under "will" makes it planned ("will be able
  to set prices");
- a plan may take a gerund ("plans on opening");
- a bare "would" in a main clause, with no condition, is a guess: likely
  ("two of the plants would be closed");
- what a forecast governs is likely ("expects to cut", "predicted that");
- what is hoped for or feared is possible ("fears of a recession"), and so
  is what is weighed or negotiated ("is considering sending");
- what is stopped is negated ("stopped selling"), and so is what a stopped
  plan was to do ("the cancelled deal to sell"), what is prevented ("to prevent
  a collapse", "avoided paying"), the object of "without" and a past verb after
  "nearly"; what "will continue" is already under way;
- a clause of time shares its main clause's future ("will resign when the
  inquiry is completed"); a clause of reason or concession keeps its own
  value ("because the rebels rejected the plan");
- an event noun reads its adjectives ("the upcoming update", "the alleged
  bribery") and the modal of its verb, but a modal's subject is taken as
  given and an object takes the future only after a light verb ("will hold
  talks", not "will cut 30,000 jobs");
- a joined verb with its own tense does not share the other's modal ("can
  fly ... and has been named").

>>> from dossier.annotate import annotate
>>> doc = annotate("North Korea is likely to receive air defence systems.")
>>> factuality(doc[5])
'likely'
>>> doc = annotate("Moscow denied that it had agreed to supply jets to Pyongyang.")
>>> factuality(doc[7])
'negated'
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract import lexicon
from dossier.extract.participation import PARTICIPATION_VERBS
from dossier.extract.wordclasses import MEETING_VERBS, TRAVEL_VERBS

RANK = {"asserted": 0, "planned": 1, "likely": 2, "possible": 3, "hypothetical": 4, "negated": 5}
CLIMB_DEPS = frozenset(["xcomp", "conj", "acomp", "advcl", "pcomp", "pobj", "prep", "relcl"])
INFINITIVE_DEPS = frozenset(["xcomp", "acl", "relcl", "advcl", "ccomp", "ROOT", "csubj"])


def _cues(token: Token, *, is_trigger: bool) -> list[str]:
    found: list[str] = []
    for child in token.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and is_trigger):
            found.append("negated")
        elif child.dep_ == "advmod" and low == "longer" and children_neg(child):
            found.append("negated")  # "will no longer import weapons"
        elif child.dep_ == "aux":
            if low in lexicon.FUTURE_MODALS:
                found.append("planned")
            elif low in lexicon.POSSIBLE_MODALS:
                found.append("possible")
            elif low == "would" and is_bare_would(token):
                found.append("likely")  # "two models would be dropped": a guess
            elif low in lexicon.CONDITIONAL_MODALS:
                found.append("planned")
        elif child.dep_ in ("advmod", "acomp") and low in lexicon.LIKELY_WORDS:
            found.append("likely")
        elif child.dep_ == "acomp" and is_near_certain(child):
            found.append("likely")  # "bankruptcy becomes almost certain"
        elif child.dep_ == "advmod" and low in lexicon.POSSIBLE_WORDS:
            found.append("possible")
        elif child.dep_ == "mark" and low in ("if", "unless", "whether"):
            found.append("hypothetical")  # "unclear whether Belarus will join" is open
        elif child.dep_ == "amod" and low in lexicon.NOUN_MODIFIERS and is_trigger:
            found.append(lexicon.NOUN_MODIFIERS[low])  # "the upcoming update"
        elif child.dep_ == "advmod" and low in ("nearly", "almost") and token.tag_ == "VBD":
            found.append("negated")  # "nearly broke the record": it did not
    if is_trigger and token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without":
        found.append("negated")  # "left without paying", "a flight without passengers"
    return found


def children_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def is_bare_would(verb: Token) -> bool:
    """ "would" in a main clause with no condition and no reporting verb above it
    is the writer's guess ("two models would be dropped", "that would hurt sales"),
    not a plan reported in the past ("said it would provide")."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ROOT":
        return False
    return not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                  for m in c.children)
        for c in node.children
    )


def is_near_certain(word: Token) -> bool:
    """ "almost certain", "nearly sure": short of certain, so likely."""
    return word.lower_ in ("certain", "sure") and any(
        c.dep_ == "advmod" and c.lower_ in ("almost", "nearly", "virtually") for c in word.children
    )


def is_prevented_by(verb: Token) -> bool:
    """``verb`` keeps its object from happening ("prevent a collapse", "averted a
    strike"), and is not itself denied ("might not prevent a recession")."""
    return verb.lemma_.lower() in lexicon.PREVENTING_VERBS and not any(
        c.dep_ == "neg" for c in verb.children
    )


def is_to_infinitive(token: Token) -> bool:
    """``token`` is the verb of a "to" clause: "agreed to [supply]", "is to be [delivered]"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def is_habitual_used(verb: Token) -> bool:
    """ "used to" of a past habit ("they used to sell cars"), not of a purpose
    ("the money is used to buy", "used the money to buy")."""
    return verb.lower_ == "used" and verb.tag_ == "VBD" and not any(
        c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in verb.children
    )


def infinitive_cue(node: Token) -> str | None:
    """A "to" clause tells of an event still to come, unless its governor says it
    happened: "a contract to supply" and "forced Apple to lower" are planned;
    "began to sell", "claims to own", "fell 2% to close at" are not."""
    if not is_to_infinitive(node) or node.dep_ not in INFINITIVE_DEPS:
        return None
    head = node.head
    lemma = head.lemma_.lower()
    if head.i == node.i:
        return "planned"  # a headline: "Ford to cut 30,000 jobs"
    if lemma in lexicon.REPORTING_VERBS and any(c.dep_ == "dobj" for c in head.children):
        return "planned"  # an order: "told residents to leave", "warned patients to avoid"
    if lemma in lexicon.IMPLICATIVE_VERBS or lemma in lexicon.REPORTING_VERBS:
        return None
    if is_habitual_used(head) or lemma in lexicon.CHANGE_VERBS:
        return None
    if any(c.dep_ == "amod" and c.lower_ in lexicon.ORDINAL_WORDS for c in head.children):
        return None  # "the first woman to lead a carmaker"
    if lemma in lexicon.TRYING_WORDS:
        return "possible"  # "an effort to pump money", "are working to restore power"
    return "planned"


def has_own_tense(verb: Token) -> bool:
    """A verb with its own auxiliary or tense does not share the modal of the verb
    it is joined to: "can fly ... and has been named", "was apparently normal and
    took place"; "will cut jobs and close plants" shares "will"."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children
    )


def is_aside(node: Token) -> bool:
    """A clause of reason or concession is asserted on its own ("although some
    studios want ...", "because the deal had favoured Boeing"): what governs
    its main clause does not reach it."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lexicon.ASIDE_MARKERS for c in node.children
    )


def is_prospect(node: Token) -> bool:
    """``node`` says what is hoped for or feared: "fears [of a recession]",
    "hopes [that the economy would recover]", "afraid [of panic selling]"."""
    if node.head.lemma_.lower() not in lexicon.PROSPECT_WORDS:
        return False
    if node.dep_ == "prep":
        return node.lower_ in ("of", "for", "about", "over")
    return node.dep_ in ("acl", "ccomp")


def is_time_clause(node: Token) -> bool:
    """A clause of time: "[when] the deal is signed", "[after] it lands"."""
    return node.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in lexicon.TIME_MARKERS for c in node.children
    )


def governor_cue(node: Token) -> str | None:
    """The cue a governing verb or adjective gives the clause ``node`` heads:
    "agreed to [supply]", "is expected to [receive]", "refused to [pay]"."""
    head = node.head
    lemma = head.lemma_.lower()
    if lemma in lexicon.PREDICTING_VERBS or is_near_certain(head):
        return "likely"  # "expects to cut jobs", "is almost certain to collapse"
    if lemma in lexicon.PLANNING_WORDS:
        return "planned"
    if lemma in lexicon.LIKELY_WORDS or lemma == "likely":
        return "likely"
    if lemma in lexicon.NEGATING_VERBS:
        return "negated"
    if lemma in lexicon.HYPOTHETICAL_WORDS:
        return "hypothetical"
    if lemma in lexicon.ENABLING_HEADS and is_future(head):
        return "planned"  # "will be able to set", "will allow users to control"
    if lemma in lexicon.POSSIBLE_HEADS or lemma in lexicon.DELIBERATING_VERBS:
        return "possible"
    if lemma in lexicon.HEARSAY_VERBS and any(c.dep_ == "auxpass" for c in head.children):
        return "likely"  # "is believed to be", "are said to be"
    return None


def is_future(word: Token) -> bool:
    """``word`` (a verb, or an adjective after "be") is under "will": "will allow",
    "will be able"."""
    verb = word.head if word.dep_ == "acomp" else word
    return any(c.dep_ == "aux" and c.lower_ in lexicon.FUTURE_MODALS for c in verb.children)


def clause_cues(trigger: Token) -> list[str]:
    """Cues on the chain of clauses above ``trigger``, up to a reporting verb."""
    found: list[str] = []
    node = trigger
    own_clause = True  # still on the trigger's own clause (climbed through "and" only)
    for _ in range(6):
        dep = node.dep_
        head = node.head
        lemma = head.lemma_.lower()
        if own_clause and (cue := infinitive_cue(node)):
            found.append(cue)
        own_clause = own_clause and dep == "conj"
        if dep == "ccomp" and lemma in lexicon.DENYING_VERBS:
            found.append("negated")  # "denied that it had sent jets"
            break
        if dep == "acl" and lemma in lexicon.CLAIMED_NOUNS and head.dep_ == "dobj" and (
            head.head.lemma_.lower() in lexicon.CLAIM_DENYING_VERBS
        ):
            found.append("negated")  # "rejected claims that it had deployed nuclear arms"
            break
        if dep == "dobj" and node.i == trigger.i and node.pos_ == "NOUN" and (
            lemma in lexicon.DENYING_VERBS
        ):
            found.append("negated")  # "Moscow denied the attack", "denied any shipment"
            break
        if dep == "ccomp" and lemma in lexicon.PREDICTING_VERBS:
            found.append("likely")  # "predicted that it would be profitable"
            break
        if argued_against(node):
            found.append("hypothetical")  # "warned against sending long-range missiles"
            break
        if node.tag_ == "VBG" and (
            dep == "xcomp" and is_prevented_by(head)
            or dep == "pcomp" and head.lower_ == "from" and is_prevented_by(head.head)
        ):
            found.append("negated")  # "avoided paying", "prevented the army from advancing"
            break
        if dep == "xcomp" and node.tag_ == "VBG" and lemma in lexicon.STOPPING_VERBS:
            found.append("negated")  # "stopped selling the device", "would cease looking"
            break
        if dep == "xcomp" and node.tag_ == "VBG" and lemma in lexicon.POSTPONING_VERBS:
            found.append("planned")  # "delayed sending the jets": still to come
            break
        if is_prospect(node):
            found.append("possible")  # "fears of a recession", "hopes that it would recover"
            break
        if (dep == "pcomp" and node.tag_ == "VBG" and head.dep_ == "prep"
                and head.head.lemma_.lower() in lexicon.PLANNING_WORDS - lexicon.PROSPECT_WORDS):
            found.append("planned")  # "plans on reviving", "is committed to helping"
            break
        if dep in ("acl", "relcl") and is_to_infinitive(node) and is_stopped(head):
            found.append("negated")  # "the cancelled deal to sell", "scrapped a plan to build"
            break
        if dep in ("acl", "relcl") and is_to_infinitive(node) and is_postponed(head):
            found.append("planned")  # "postponed a plan to build": still to come
            break
        if dep == "acl" and node.tag_ == "VB" and lemma in lexicon.PLANNING_WORDS:
            found.append("planned")  # "plans to import", "a deal to supply jets"
            break
        if head.i == node.i or dep not in CLIMB_DEPS or is_aside(node):
            break
        if lemma in lexicon.REPORTING_VERBS and dep not in ("xcomp",):
            break
        governed = dep in ("xcomp", "acomp", "pcomp") or (dep == "advcl" and node.tag_ == "VB")
        if governed and (cue := governor_cue(node)):
            found.append(cue)
        if dep in ("xcomp", "acomp") or dep == "conj" and not has_own_tense(node):
            cues = _cues(head, is_trigger=False)
            found.extend(c for c in cues if c != "negated" or dep != "conj")
        elif is_time_clause(node):
            # "will step down when the proceedings are finalized"
            found.extend(c for c in _cues(head, is_trigger=False) if c == "planned")
        if dep == "xcomp" and lemma == "be":
            for child in head.children:
                if child.dep_ == "acomp" and child.lower_ in lexicon.LIKELY_WORDS | {"likely"}:
                    found.append("likely")
        node = head
    return found


def is_stopped(noun: Token) -> bool:
    """A stopped event: "the flight was delayed", "scrapped the deal", "a cancelled deal"."""
    return any(
        c.dep_ == "amod" and c.lemma_.lower() in lexicon.STOPPING_VERBS for c in noun.children
    ) or (noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in lexicon.STOPPING_VERBS)


def is_postponed(noun: Token) -> bool:
    """An event put off, still to come: "delayed the delivery", "the summit was
    postponed", "a deferred sale".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Germany delayed the delivery. The summit was cancelled.")
    >>> is_postponed(doc[3]), is_postponed(doc[6])
    (True, False)
    """
    return any(
        c.dep_ == "amod" and c.lemma_.lower() in lexicon.POSTPONING_VERBS for c in noun.children
    ) or (noun.dep_ in ("nsubjpass", "dobj")
          and noun.head.lemma_.lower() in lexicon.POSTPONING_VERBS)


def argued_against(node: Token) -> bool:
    """``node`` (a gerund or an event noun) is what a warning or a vote is against:
    "warned the West against [sending] missiles", "voted against the [deployment]"."""
    prep = node.head
    return (node.dep_ in ("pcomp", "pobj") and prep.lower_ == "against"
            and prep.head.lemma_.lower() in lexicon.ARGUING_AGAINST_VERBS)


def noun_cues(trigger: Token) -> list[str]:
    """Cues for an event noun from the verb it depends on."""
    found: list[str] = []
    if argued_against(trigger):
        found.append("hypothetical")  # "voted against the deployment of troops"
    if is_stopped(trigger):
        found.append("negated")
    elif is_postponed(trigger):
        found.append("planned")  # "delayed the delivery": still to come, not negated
    if trigger.dep_ in ("dobj", "nsubjpass") and is_prevented_by(trigger.head):
        found.append("negated")  # "to prevent a collapse", "the strike was averted"
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in lexicon.DELIBERATING_VERBS:
        found.append("possible")  # "negotiated the purchase of 22 jets"
    if trigger.dep_ in ("dobj", "nsubjpass") and (
            trigger.head.lemma_.lower() in lexicon.PREDICTING_VERBS):
        found.append("likely")  # "a phone call is expected next week", "expect protests"
    # an event noun takes the modality of its clause: "could trigger a recession",
    # "the recovery is likely to be slow"; but a modal verb's subject is taken as
    # given ("recent moves might not prevent a recession").  It takes the clause's
    # future as the subject ("the delivery ... would") or as what a light verb makes
    # happen ("will hold talks"), not when the verb acts on what already is ("will
    # cut 30,000 jobs").
    verb = trigger.head
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 4:
        verb, hops = verb.head, hops + 1
    if verb.pos_ in ("VERB", "AUX") and verb.i != trigger.i:
        subject = trigger.dep_ in ("nsubj", "nsubjpass")
        # what "will continue" or "will persist" is already under way
        ongoing = subject and verb.lemma_.lower() in lexicon.CONTINUING_VERBS
        lent = verb.lemma_.lower() in lexicon.LIGHT_VERBS | PARTICIPATION_VERBS | MEETING_VERBS or (
            trigger.dep_ == "pobj" and trigger.head.lower_ == "for"
            and verb.lemma_.lower() in TRAVEL_VERBS)  # "will fly to Kyiv for talks"
        future = not ongoing and (subject or lent)
        for cue in _cues(verb, is_trigger=False):
            if cue == "planned" and future or cue in ("likely", "hypothetical") or (
                cue == "possible" and not subject
            ) or cue == "negated" and lent and not subject:
                # "did not launch an attack", "have not engaged in fighting": the verb
                # only lends the noun its tense, so its "not" is the event's
                found.append(cue)
        if lent and not subject:
            # "threatened to carry out attacks", "denied that it had carried out attacks":
            # the light verb's clause is the event's
            found.extend(clause_cues(verb))
        if subject and happens(verb):
            # "the rally did not take place", "the summit never happened"
            found.extend(c for c in _cues(verb, is_trigger=False) if c == "negated")
        if verb.lemma_.lower() in lexicon.PLANNING_WORDS:
            found.append("planned")
    return found


def happens(verb: Token) -> bool:
    """Whether a verb says its subject event happened: "took place", "happened",
    "occurred", "went ahead", "materialised".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("The rally did not take place. The rally drew crowds.")
    >>> happens(doc[4]), happens(doc[9])
    (True, False)
    """
    lemma = verb.lemma_.lower()
    if lemma in lexicon.HAPPENING_VERBS:
        return True
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if lemma == "go":
        return any(c.lower_ == "ahead" for c in verb.children)
    return False


def factuality(trigger: Token) -> str:
    """The factuality of the event whose trigger is ``trigger``."""
    found = _cues(trigger, is_trigger=True)
    if "hypothetical" in found:
        # the condition itself: "if a price is not agreed" says nothing happened or not
        found = [c for c in found if c != "negated"]
    found += clause_cues(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        found += noun_cues(trigger)
    if not found:
        return "asserted"
    return max(found, key=RANK.__getitem__)
