"""Extract: event mentions from a parsed document, by trigger words and dependency rules.

For each sentence the extractor finds trigger words (``triggers.tsv``), then
reads the trigger's arguments off the dependency parse according to its frame:
who acts (source), on or for whom (target), with what (items), where, when,
how certain (``factuality.py``) and according to whom (``attribution.py``).
Triggers inside adverbial, open-complement, conjoined and relative clauses are
found too ("...struck a deal, agreeing to supply jets": advcl -> xcomp), and
clauses without their own subject take it from the clause they hang off.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia agreed to supply 20 MiG-29 jets to North Korea.")
>>> [(m.type, [a.text for a in m.source], [a.text for a in m.target], m.factuality)
...  for m in extract_mentions(doc)]  # doctest: +NORMALIZE_WHITESPACE
[('AGREE', ['Russia'], ['North Korea'], 'asserted'),
 ('AID', ['Russia'], ['North Korea'], 'planned')]
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from dossier import equipment
from dossier.extract import attachment, lexicon, petrarch_units, quantity, senses
from dossier.extract.actors import coordinated, entity_mention
from dossier.extract.attribution import ClaimFinder
from dossier.extract.discourse import Discourse, DiscourseActors
from dossier.extract.factuality import factuality
from dossier.models import ActorMention, EventMention, Item
from dossier.models import Span as TextSpan

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# clauses that take their subject from the clause they hang off
INHERIT_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp", "acomp")
NOMINAL_DEPS = frozenset(
    ["nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "ROOT", "appos", "npadvmod", "oprd"]
    + ["dative"]
)
# dependency steps from an event to the event whose content it is
CONTENT_DEPS = frozenset(["xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "compound", "pcomp"])
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
# Prepositions that carry the parties of a transfer, wherever the parser hangs
# them in "the purchase of 24 jets from Russia by Egypt".
TRANSFER_PREPS = frozenset(["from", "to", "by"])
MEASURE_NOUNS = frozenset(
    "tonne ton kg kilogram pound litre liter gallon barrel unit piece batch shipment "
    "consignment cargo load amount quantity number lot set package worth dozen hundred "
    "thousand million billion first last rest remainder tranche portion".split()
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
TARGET_PREPS = {
    "give": ("to", "for"),
    "receive": (),
    "act": ("against", "on", "at", "from"),
    "toward": ("with", "to", "against", "on", "at", "for", "between", "toward", "towards"),
    "move": ("against",),
    "self": ("against",),
}
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
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
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


def _text_span(doc: Doc, start: int, end: int) -> TextSpan:
    span = doc[start:end]
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)


def sentence_span(sent: Span) -> TextSpan:
    """The sentence without surrounding whitespace, as character offsets (only the
    whitespace at its ends is looked at: a long sentence with many events is
    not read once per event)."""
    doc, start, end = sent.doc, sent.start, sent.end
    while start < end - 1 and doc[start].is_space:
        start += 1
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    return _text_span(doc, start, end)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off ``token``, multi-word ones joined."""
    out: list[tuple[str, Token]] = []
    for prep in children(token, "prep", "agent", "dative"):
        objs = children(prep, "pobj", "pcomp")
        word = prep.lower_
        if not objs and prep.dep_ == "dative" and prep.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(("to", prep))
            continue
        for obj in objs:
            out.append((word, obj))
            for conj in children(obj, "conj"):
                out.append((word, conj))
        # "according to X", "because of X": a second preposition under the first
        for inner in children(prep, "prep"):
            for obj in children(inner, "pobj"):
                out.append((f"{word} {inner.lower_}", obj))
    return out


def transfer_preps(head: Token, *, with_: bool = False) -> list[tuple[str, Token]]:
    """The from/to/by phrases under a noun phrase, two levels deep: "24 jets from
    Russia", "jets to Ukraine from Denmark" (the parser hangs "from" off Ukraine);
    with ``with_`` also "with" ("an order for 30 jets with France")."""
    words = TRANSFER_PREPS | {"with"} if with_ else TRANSFER_PREPS
    out = []
    for word, obj in prep_objects(head):
        if word in words:
            out.append((word, obj))
            out.extend((w, o) for w, o in prep_objects(obj) if w in words)
    return out


def item_tokens(head: Token) -> list[Token]:
    """The words of an item's noun phrase: its left modifiers (with their own
    conjuncts, "MiG-29 and Su-27 fighter jets") and itself, without the clauses,
    prepositional phrases and conjuncts that follow it.  Unlike
    ``actors.phrase_tokens`` it keeps only the modifiers that name the thing."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "relcl", "acl"):
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("compound", "nummod", "amod") and child.i == head.i + 1:
            tokens.extend(child.subtree)
    return sorted(set(tokens), key=lambda t: t.i)


def _participle_clause(token: Token) -> bool:
    """A clause sharing its head's time and place: "struck Kharkiv on Tuesday, killing five"."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i != token.i


def direct_object(token: Token) -> Token | None:
    objs = children(token, "dobj", "obj")
    return objs[0] if objs else None


def subject_of(token: Token) -> tuple[Token | None, bool]:
    """The token's subject and whether it is the logical object (passive).

    Clauses without a subject inherit one: "agreeing to supply" takes the
    subject of the clause it hangs off; a relative clause takes its noun.
    """
    seen = 0
    node = token
    while seen < 6:
        seen += 1
        agent = [o for p in children(node, "agent") for o in children(p, "pobj")]
        subj = children(node, *SUBJECT_DEPS)
        if subj:
            return subj[0], False
        passive = children(node, *PASSIVE_SUBJECT_DEPS)
        if passive:
            if agent:
                return agent[0], False
            return passive[0], node is token  # inherited passives are no longer objects
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return node.head, _is_passive(node)
        if node.dep_ == "xcomp":
            controller = _object_controller(node.head)
            if controller is not None:
                return controller, False  # "urged Russia to withdraw": Russia withdraws
        gerund = _gerund_controller(node)
        if gerund is not None:  # "accused Belarus of sending", "was suspected of sending"
            return gerund, False
        infinitive = node.tag_ == "VB" and node.head.lemma_.lower() in PLAN_NOUNS
        noun = node.head
        if node.dep_ == "acl" and infinitive and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            node = noun.head.head  # "Brazil is in talks to buy ...": Brazil buys
            continue
        if node.dep_ == "acl" and node.head.dep_ == "dobj" and (node.tag_ == "VBG" or infinitive):
            # "issued a statement demanding ...": the one who issued it;
            # "signed a contract to buy ...": the one who signed it
            node = node.head.head
            continue
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head, False  # "leaders meeting in Brussels", "students marching"
        if node.dep_ in INHERIT_DEPS and node.head.i != node.i:
            node = node.head
            continue
        return None, False
    return None, False


# Prepositions whose gerund is done by the verb's object: "accused Belarus of
# sending", "thanked Germany for supplying", "stopped Iran from shipping",
# "charged him with smuggling"; other gerunds are done by the subject ("by sending").
OBJECT_CONTROL_PREPS = frozenset(["of", "for", "from", "against", "into", "with"])


def _gerund_controller(node: Token) -> Token | None:
    """Who does a gerund after an object-control preposition: the verb's object,
    or its passive subject ("Belarus was accused of sending troops")."""
    prep = node.head
    if node.dep_ != "pcomp" or node.tag_ != "VBG" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.lower_ not in OBJECT_CONTROL_PREPS:
        return None
    objects = children(verb, "dobj") or children(verb, "nsubjpass")
    if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
        return objects[0]
    return None


def _theme(verb: Token) -> Token | None:
    """What a verb without a direct object acts on: its passive subject ("24 jets
    were ordered") or the noun its participle modifies ("the jets ordered from Russia")."""
    passive = children(verb, "nsubjpass")
    if passive:
        return passive[0]
    if _reduced_relative(verb):
        return verb.head
    return None


def _reduced_relative(verb: Token) -> bool:
    """A past participle modifying a noun: "the jets bought from France" (the
    tagger often calls it VBD)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not children(verb, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
    )


def _object_controller(verb: Token) -> Token | None:
    """The object that does what an object-control verb asks: "urged Russia to
    withdraw", "called on Iran to stop", "allowed the inspectors to return"."""
    objects = children(verb, "dobj")
    if not objects:
        objects = [o for p in children(verb, "prep") if p.lower_ == "on" for o in
                   children(p, "pobj")]
    if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
        return objects[0]
    return None


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


# Places made by people that a place name before them locates ("Saki airfield", "the
# Zaporizhzhia plant", "the Kerch bridge"): the event is there, not in the wider place.
FACILITY_NOUNS = frozenset(
    "airfield airport airbase base port harbour harbor plant refinery depot facility "
    "station bridge dam embassy consulate camp barracks hospital".split()
)


class Extractor:
    """Extracts event mentions from one parsed document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[EventMention] = []
        self.actors = DiscourseActors(doc, self.mentions)
        self.claims = ClaimFinder(doc, self.actors)
        self.discourse = Discourse(self)
        self.by_trigger: dict[int, int] = {}  # trigger token index -> mention index
        self.consumed: set[int] = set()

    # --- triggers ---------------------------------------------------------
    def match(self, token: Token) -> tuple[lexicon.Trigger, Token | None] | None:
        """The trigger a token starts, and the object noun it consumed if any."""
        if token.i in self.consumed or (
            token.ent_type_ in NOT_TRIGGER_ENTITIES and not senses.named_event(token)
        ):
            return None  # "in March 2023", "Strike Force Smith"; not "the Women's March"
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and token.pos_ != "AUX":
            obj = direct_object(token)
            theme = _theme(token)
            if obj is None and theme is not None and any(
                lexicon.MATERIAL_OBJECT in t.objects
                for t in lexicon.triggers_for(lemma, "VERB", theme.lemma_.lower())
            ):
                obj = theme  # "24 jets were ordered", "the jets ordered from Russia"
            if obj is None:
                # "engage in fighting", "come into force"
                objs = [o for p, o in prep_objects(token)]
                obj = objs[0] if objs else None
            particles = [c.lower_ for c in children(token, "prt")]
            preps = [  # "called on X" is a request, "called on Tuesday" is not
                c.lower_
                for c in children(token, "prep")
                if not any(o.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for o in c.children)
            ]
            obj_lemma = obj.lemma_.lower() if obj is not None else None
            # PETRARCH2's patterns test it (made only for a verb PETRARCH2 codes)
            context = functools.partial(petrarch_units.context_of, token, obj)
            for extra in particles + preps:
                found = lexicon.triggers_for(f"{lemma} {extra}", "VERB", obj_lemma, context)
                if found:
                    return found[0], None
            obj_lemma = obj.lemma_.lower() if obj is not None else None
            if obj_lemma in NON_EVENT_OBJECTS.get(lemma, ()) or (obj_lemma or "").endswith("self"):
                return None  # "meet a target", "called itself ..."
            if lemma == "call" and (
                children(token, "oprd", "ccomp", "xcomp") or len(children(token, "dobj")) > 1
            ):
                return None  # "called 2004 an outstanding success", "calling them heroes"
            if lemma == "plead" and any(c.lower_ in ("guilty", "innocent") for c in token.children):
                return None  # a plea in court, not an appeal
            if lemma == "ask" and children(token, "auxpass") == [] and not children(
                token, "nsubj", "nsubjpass"
            ) and token.dep_ in ("advcl", "ROOT"):
                return None  # "When asked about ...": the asker is not said
            found = lexicon.triggers_for(lemma, "VERB", obj_lemma, context)
            if not found and lemma in lexicon.REPORTING_VERBS:
                clauses = children(token, "ccomp")
                if clauses and _obliged(clauses[0]):
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
                trig.type == "THREATEN" and _future(clauses[0])
            ):
                return None
            return trig, None
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOMINAL_DEPS:
            if token.pos_ == "PROPN" and not token.is_title:
                return None
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

    def run(self) -> list[EventMention]:
        for index, sent in enumerate(self.doc.sents):
            if sum(t.is_alpha for t in sent) < 3:
                continue
            self.claims.start_sentence(sent)
            candidates: list[tuple[Token, lexicon.Trigger]] = []
            for token in sent:
                # Register actors in reading order, for pronouns.
                if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in (
                    "NOUN",
                    "PROPN",
                    "PRON",
                ):
                    self.actors.in_phrase(token)
                matched = self.match(token)
                if matched is None:
                    continue
                trig, obj = matched
                refined = senses.refine(token, trig)  # "an earthquake killed": no attack
                if refined is None:
                    continue
                if obj is not None:
                    self.consumed.add(obj.i)
                candidates.append((token, refined))
            for token, trig in candidates:
                if token.i in self.consumed or self.restates_agreement(token, trig):
                    continue
                mention = self.build(token, trig, sent, index)
                if mention is not None:
                    self.by_trigger[token.i] = len(self.mentions)
                    self.mentions.append(mention)
            self.inherit_targets(sent)
            self.claims.finish_sentence(sent, self.mentions)
            self.discourse.finish_sentence(sent, index)  # "Minsk denies this."
        self.link()
        return self.mentions

    def inherit_targets(self, sent: Span) -> None:
        """"refused to meet X", "agreed to help X": the governed event's target
        is the governing event's target too."""
        for token in sent:
            index = self.by_trigger.get(token.i)
            if index is None or self.mentions[index].target:
                continue
            for child in children(token, "xcomp", "ccomp"):
                inner = self.by_trigger.get(child.i)
                if inner is not None and self.mentions[inner].target:
                    mention = self.mentions[index]
                    keys = {(a.start, a.end) for a in mention.source}
                    mention.target = [
                        a for a in self.mentions[inner].target if (a.start, a.end) not in keys
                    ]
                    break

    def restates_agreement(self, token: Token, trig: lexicon.Trigger) -> bool:
        """"struck a deal, agreeing to ...": the second AGREE is the first one again."""
        if trig.type != "AGREE" or token.dep_ not in ("advcl", "conj", "xcomp"):
            return False
        head = self.by_trigger.get(token.head.i)
        return head is not None and self.mentions[head].type == "AGREE"

    # --- arguments --------------------------------------------------------
    def build(
        self, token: Token, trig: lexicon.Trigger, sent: Span, index: int
    ) -> EventMention | None:
        if trig.pos == "NOUN" or token.pos_ in ("NOUN", "PROPN"):
            roles = self.nominal_roles(token, trig)
        else:
            roles = self.verbal_roles(token, trig)
        source, target, items, place = roles
        etype, mode = trig.type, trig.mode
        if items and all(i.category in PERSONNEL_CATEGORIES for i in items):
            beneficiary = self.purpose_beneficiary(token)
            if beneficiary:
                etype, mode, target = "AID", "military", beneficiary
            elif etype == "AID" and not any(self.is_state(t) for t in target):
                etype, mode = "MOBILIZE", "troops"
        if etype == "AID" and mode is None and any(i.category for i in items):
            mode = "military" if any(_military(i) for i in items) else None
        if etype == "MOBILIZE" and items and not any(
            i.category in PERSONNEL_CATEGORIES for i in items
        ):
            mode = "weapons"
        if not source and items:
            # "North Korean troops were deployed": the demonym names the mover;
            # "receipt of Russian aircraft": the demonym names the supplier.
            if trig.frame == "receive":
                source = self.origin_in_items(items)
            else:  # "the deployment of US missiles": the demonym names the mover
                source = [a for a in self.origin_of_items(token) if a] or (
                    self.origin_in_items(items) if trig.pos == "NOUN" else [])
        if etype == "RETREAT" and not target:
            target = self.withdrawn_from(token)  # "withdrew its troops from Panama"
        earlier = frozenset(m.type for m in self.mentions)
        whole = None  # "The first two are to be delivered": a part of an event told before
        if not source and not target:
            part = self.discourse.continuation(token, etype, items, index)
            if part is not None:
                whole, source, target, items = part.whole, part.source, part.target, part.items
                etype, mode = part.type, mode or part.mode
        if not source and not target and not senses.stands_alone(token, trig, earlier):
            return None  # an attack, a protest, an arrest may name no actor
        if trig.dyadic and not (source and target):
            return None  # PETRARCH2 codes a verb's own code only between two actors
        if etype == "AID" and not self.names_aid(token, trig, items, target):
            return None  # "gave a press conference", "sold shares"
        if etype == "MOBILIZE" and items and not any(i.category for i in items):
            return None  # "dispatched inspectors": people sent, no forces moved
        source_keys = {(a.start, a.end) for a in source}
        target = [a for a in target if (a.start, a.end) not in source_keys]
        mention = EventMention(
            type=etype,
            mode=mode,
            trigger=_text_span(self.doc, token.i, token.i + 1),
            evidence=sentence_span(sent),
            source=source,
            target=target,
            items=items,
            factuality=factuality(token),
            dates=self.dates_for(token),
            place=self.place_for(token, place),
            claim=self.claims.claim_for(token),
            sentence=index,
            condition=self.condition_of(token),
            condition_actors=self.condition_actors(token),
        )
        if whole is not None:
            self.discourse.attach_part(mention, whole)
        return mention

    def condition_of(self, token: Token) -> tuple[str, TextSpan] | None:
        """"will withdraw unless X arranges a ceasefire": ("unless", the clause)."""
        for clause in children(token, "advcl"):
            for mark in children(clause, "mark"):
                if mark.lower_ in CONDITION_MARKERS:
                    tokens = sorted(clause.subtree, key=lambda t: t.i)
                    return mark.lower_, _text_span(self.doc, tokens[0].i, tokens[-1].i + 1)
        return None

    def condition_actors(self, token: Token) -> list[ActorMention]:
        """Who the condition is about: "... unless Baghdad accepts" -> Baghdad."""
        for clause in children(token, "advcl"):
            if any(m.lower_ in CONDITION_MARKERS for m in children(clause, "mark")):
                subj = children(clause, "nsubj", "nsubjpass")
                if subj:
                    return self.actors.in_phrase(subj[0], remember=False)
        return []

    def withdrawn_from(self, token: Token) -> list[ActorMention]:
        """The state a withdrawal leaves: "from Panama" on the trigger or its object."""
        heads = [token, *children(token, "dobj")]
        heads += [o for word, o in prep_objects(token) if word == "of"]
        for head in heads:
            for word, obj in prep_objects(head):
                if word == "from":
                    found = self.actors.in_phrase(obj, remember=False)
                    if found:
                        return found
        return []

    def names_aid(
        self, token: Token, trig: lexicon.Trigger, items: list[Item], target: list[ActorMention]
    ) -> bool:
        """Whether a give/receive verb is aid: something material changes hands
        (an item with a category: arms, troops, money, food ...), or a state or
        organisation is helped ("help", "assist").  Buyer-side words need
        materiel ("bought jets", not "bought $20bn of goods")."""
        if trig.frame == "receive" and token.lemma_.lower() in BUYER_WORDS:
            return any(i.category and i.category not in lexicon.NOT_MATERIEL for i in items)
        if trig.pos != "VERB" or token.lemma_.lower() not in GENERIC_AID_VERBS:
            return True
        if any(i.category for i in items):
            return True
        obj = direct_object(token)
        if obj is not None and any(o.lemma_.lower() in AID_NOUNS for o in coordinated(obj)):
            return True
        helping = token.lemma_.lower() in ("help", "assist", "aid", "rescue")
        return helping and any(self.is_state(a) for a in target)

    def is_state(self, actor: ActorMention) -> bool:
        return bool(actor.entity and actor.entity.startswith(("state:", "org:")))

    def verbal_roles(self, token: Token, trig: lexicon.Trigger):
        subj, subj_is_object = subject_of(token)
        obj = direct_object(token)
        preps = prep_objects(token)
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        items: list[Item] = []
        place: Token | None = None
        patient = subj if subj_is_object else obj
        agent = None if subj_is_object else subj
        passive = children(token, "nsubjpass")
        if passive and subj_is_object and token.lemma_.lower() in STATIVE_PASSIVES:
            # "Israel is opposed to ...": a stance, its subject holds it
            agent, patient = passive[0], None
        if patient is None and passive and (agent is None or agent.i != passive[0].i):
            patient = passive[0]  # "a camp was attacked by militiamen": the camp
        if trig.frame in ("give", "receive") and _reduced_relative(token):
            # "the jets bought from France by Greece", "drones supplied by Iran":
            # the noun is what changes hands, the "by" phrase the agent
            patient = token.head
            by = [o for p in children(token, "agent") for o in children(p, "pobj")]
            agent = by[0] if by else None
        if trig.takes_object:
            # "struck a deal with X": the object is part of the trigger, its
            # prepositions are the trigger's
            if obj is not None:
                preps = preps + prep_objects(obj)
            patient = None
            if trig.frame in ("give", "receive"):
                # "took delivery of its first jets from France", "placed an order
                # for 30 jets with France": the goods and their parties
                goods = [o for word, o in preps if word in ("of", "for")]
                items = [i for o in goods for i in self.items_in(o)]
                goods += [  # "the first of 36 fighters from the US"
                    o for g in goods if g.lemma_.lower() in MEASURE_NOUNS
                    for word, o in prep_objects(g) if word == "of"
                ]
                preps = preps + [wo for o in goods for wo in transfer_preps(o, with_=True)]
                if trig.frame == "receive":  # "placed an order with France"
                    preps = [("from" if w == "with" else w, o) for w, o in preps]
        if trig.frame == "receive":
            if agent is not None:
                target = self.actors.in_phrase(agent)
            patient_preps = prep_objects(patient) if patient is not None else []
            for word, o in preps + patient_preps:
                if word == "from" and not source:
                    found = self.actors.in_phrase(o)
                    if found and not self._only_places(found):
                        source = found
            if patient is not None:
                items = self.items_in(patient)
                for word, o in transfer_preps(patient):  # "24 jets from Russia"
                    if word == "from" and not source:
                        found = self.actors.in_phrase(o)
                        if found and not self._only_places(found):
                            source = found
        else:
            if agent is not None:
                source = self.actors.in_phrase(agent)
            if trig.frame in ("give", "move") and patient is not None:
                items = self.items_in(patient)
                if not items and trig.frame == "give":
                    target = self.actors.in_phrase(patient)
            if trig.frame == "give" and passive and obj is not None and not target:
                target = self.actors.in_phrase(passive[0])  # "Ukraine was sent 31 tanks"
            elif trig.frame == "act" and patient is not None:
                target = self.actors.in_phrase(patient)
                if not target:
                    items = self.items_in(patient)
                    target = self.actors_around(patient)
                    if attachment.moves_goods(patient):
                        # "ordered the deployment of 500 troops": the troops are
                        # moved, not ordered; a state named there is a party
                        target = [a for a in target if a.entity]
                for word, o in preps:
                    if word == "to" and items and not target:  # "cut aid to the rebels"
                        target = self.actors.in_phrase(o)
            if trig.frame == "move" and not target:
                for word, o in preps:
                    if word == "for" and not target:  # "reservists for a war against Iraq"
                        target = self.actors_around(o)
            if trig.frame == "toward" and patient is not None and not target:
                # "promised Sudan", "rejected an Indian proposal", "threatened action
                # against Russia"
                found = [a for a in self.actors.in_phrase(patient) if self.is_state(a)]
                target = found or self.actors_around(patient)
            if trig.frame in ("act", "toward") and not target:
                for clause in children(token, "ccomp"):
                    subj = children(clause, "nsubj", "nsubjpass")
                    if subj:  # "demanded that President X resign"
                        target = self.actors.in_phrase(subj[0], remember=False)
            if trig.frame in ("give", "move") and patient is not None and not target:
                preps = preps + prep_objects(patient)  # "delivered drones to Russia"
            for word, o in preps:
                if word == "in" and o.lemma_.lower() in STANCE_NOUNS and not target:
                    # "blocked streets in defiance of Chinese authorities"
                    for inner_word, inner in prep_objects(o):
                        found = self.actors.in_phrase(inner)
                        if inner_word in ("of", "against", "at", "to", "with") and found:
                            target = found
                            break
                if word in TARGET_PREPS.get(trig.frame, ()) and not target:
                    found = self.actors.in_phrase(o)
                    if found and not self._only_places(found):
                        target = found
                if word in PLACE_PREPS and place is None:
                    ent = self.actors.place_in(o)
                    if ent is not None and not (target and ent.start_char == target[0].start):
                        place = o
        if trig.takes_object and obj is not None and not target and trig.frame == "toward":
            # "accepted a proposal from Ethiopia", "rejected Iran's offer"
            keys = {(a.start, a.end) for a in source}
            target = [a for a in self.actors_around(obj) if (a.start, a.end) not in keys]
        return source, target, items, place

    def actors_around(self, head: Token) -> list[ActorMention]:
        """States and organisations a non-actor phrase points to: its demonym or
        possessor ("an Indian proposal", "Saddam Hussein's offer") or an actor
        in its prepositions ("an offer from Kabul", "links with Serbia")."""
        for child in head.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                found = [
                    a for a in self.actors.in_phrase(child, remember=False) if a.entity
                ]
                if found:
                    return found
        for word, obj in prep_objects(head):
            if word in ("of", "from", "by", "with", "against", "to", "for", "on", "toward"):
                found = self.actors.in_phrase(obj, remember=False)
                if found and not self._only_places(found):
                    return found
        for clause in children(head, "acl"):  # "crimes committed by Croat forces"
            for agent in children(clause, "agent"):
                for obj in children(agent, "pobj"):
                    found = self.actors.in_phrase(obj, remember=False)
                    if found:
                        return found
        return []

    def _only_places(self, found: list[ActorMention]) -> bool:
        return all(a.entity and a.entity.startswith("place:") for a in found)

    def nominal_roles(self, token: Token, trig: lexicon.Trigger):
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        items: list[Item] = []
        place: Token | None = None
        for child in token.children:
            if child.dep_ == "poss":
                found = self.actors.in_phrase(child)
                if trig.frame == "receive":
                    target = found
                else:
                    source = found
            elif child.dep_ in ("amod", "compound", "nmod"):
                found = self.actors.in_phrase(child, remember=False)
                found = [a for a in found if self.is_state(a)]
                if found and not source:
                    source = found
                if child.dep_ == "compound":
                    items.extend(self.items_in(child, only_head=True))
        preps = prep_objects(token)
        if trig.frame in ("give", "receive"):
            # "deliveries of F-16 jets to Ukraine from Denmark": the parties may
            # hang off the goods
            preps = preps + [
                wo for w, o in preps if w in ("of", "to") for wo in transfer_preps(o)
            ]
        for word, o in preps:
            if word == "by" and trig.frame == "receive" and not target:
                target = self.actors.in_phrase(o)  # "the acquisition of S-400s by Turkey"
                continue
            if word == "of":
                if trig.frame in ("give", "receive", "move"):
                    items.extend(self.items_in(o))
                elif not target:
                    target = self.actors.in_phrase(o) or self.actors_around(o)
                    if not target and place is None and self.actors.place_in(o) is not None:
                        place = o  # "the invasion of South Lebanon"
            elif word == "by" and not source:
                source = self.actors.in_phrase(o)
            elif word == "from" and not source and trig.type != "RETREAT":
                found = self.actors.in_phrase(o)
                if found and not self._only_places(found):
                    source = found
            elif word == "between":
                found = self.actors.in_phrase(o)
                if found and not target:
                    source, target = found[:1], found[1:]
            elif word in TARGET_PREPS.get(trig.frame, ()) + ("into",) and not target:
                # "an investigation into crimes committed by Croat forces", but not
                # "training on Russian aircraft": equipment is not a target
                around = [] if equipment.category_for_phrase(o.lower_) else self.actors_around(o)
                found = self.actors.in_phrase(o) or around
                if found and not self._only_places(found):
                    target = found
            if word in PLACE_PREPS and place is None and self.actors.place_in(o) is not None:
                place = o
        # A light verb lends its subject: "launched an attack", "struck a deal".
        noun, head = token, token.head
        collective = trig.frame == "self" or trig.type == "PROTEST"
        if not source and collective and noun.dep_ == "pobj" and head.dep_ == "prep":
            # "converged for a rally", "remained on alert", "stopped work in a strike"
            verb = head.head
            if verb.pos_ in ("VERB", "AUX"):
                subj, is_obj = subject_of(verb)
                if subj is not None and not is_obj:
                    source = self.actors.in_phrase(subj)
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj":
            # "launched 10 days of war games": the measure noun is the object
            noun, head = head.head, head.head.head
        buyer = trig.frame == "receive"  # "Egypt approved the purchase": Egypt receives
        if not (target if buyer else source) and noun.dep_ in ("dobj", "nsubjpass") and (
            head.lemma_.lower() in lexicon.LIGHT_VERBS or noun.i in self.consumed
        ):
            subj, is_obj = subject_of(head)
            if subj is not None and not is_obj:
                if buyer:
                    target = self.actors.in_phrase(subj)
                else:
                    source = self.actors.in_phrase(subj)
            for word, o in prep_objects(head):
                if word in TARGET_PREPS.get(trig.frame, ()) and not target:
                    found = self.actors.in_phrase(o)
                    if found and not self._only_places(found):
                        target = found
        return source, target, items, place

    # --- items ------------------------------------------------------------
    def items_in(self, head: Token, *, only_head: bool = False) -> list[Item]:
        """Equipment, personnel and other things named by a noun phrase and its conjuncts."""
        out: list[Item] = []
        heads = [head] if only_head else coordinated(head)
        for prep_word, obj in ([] if only_head else prep_objects(head)):
            if prep_word == "including":
                heads.extend(coordinated(obj))
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "including":
                for obj in children(child, "pobj"):
                    heads.extend(coordinated(obj))
        for h in list(heads):
            if h.lemma_.lower() in MEASURE_NOUNS or h.pos_ == "NUM":
                # "500 tonnes of food aid", "a batch of drones": the goods
                heads.extend(o for word, o in prep_objects(h) if word == "of")
        seen: set[int] = set()
        heads = list(dict.fromkeys(heads))
        for h in heads:
            tokens = [h] if only_head else item_tokens(h)
            before = self.actors.entity_at(self.doc[tokens[0].i - 1]) if tokens[0].i else None
            if before is not None and before.ent_id_.startswith("equip:"):
                # a designation the parser left outside the phrase: "Shahed-136 drones"
                tokens = [*before, *tokens]
            designations = []
            for tok in tokens:
                ent = self.actors.entity_at(tok)
                if ent is not None and ent.ent_id_.startswith("equip:") and ent.start not in seen:
                    seen.add(ent.start)
                    designations.append(ent)
            words = [t for t in tokens if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
            phrase = " ".join(t.lower_ for t in words if t.i <= h.i)
            category = equipment.category_for_phrase(phrase) if phrase else None
            counted = quantity.of_item(h)
            count = {
                "quantity": counted.value if counted else None,
                "quantity_mod": counted.mod if counted else None,
                "quantity_range": counted.range if counted else None,
            }
            for ent in designations:
                eq = equipment.lookup(ent.text)
                out.append(
                    Item(
                        text=ent.text,
                        designation=eq.designation if eq else ent.text,
                        category=(eq.category if eq else None) or category,
                        offsets=(ent.start_char, ent.end_char),
                        **(count if len(designations) == 1 else {}),
                    )
                )
            if designations or category is None:
                continue
            start = next((t.i for t in words if t.dep_ not in ("det",)), h.i)
            start = min(start, h.i)
            span = self.doc[start : h.i + 1]
            out.append(
                Item(
                    text=span.text,
                    designation=None,
                    category=category,
                    offsets=(span.start_char, span.end_char),
                    **count,
                )
            )
        return out

    def origin_of_items(self, token: Token) -> list[ActorMention]:
        subj, _ = subject_of(token)
        heads = [subj] if subj is not None else []
        heads += [c for c in token.children if c.dep_ in ("amod", "compound", "dobj")]
        for h in heads:
            found = [a for a in self.actors.in_phrase(h, remember=False) if self.is_state(a)]
            if found:
                return found
        return []

    def origin_in_items(self, items: list[Item]) -> list[ActorMention]:
        """States named inside item phrases ("Russian fighter aircraft" -> Russia)."""
        for item in items:
            if item.offsets is None:
                continue
            span = self.doc.char_span(*item.offsets, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            while head.dep_ in ("compound", "nmod", "amod", "dep") and head.head.i != head.i:
                head = head.head  # "Russian S-400 systems": the phrase around the item
            for tok in [*span, *item_tokens(head)]:
                ent = self.actors.entity_at(tok)
                if ent is not None and ent.ent_id_.startswith("state:"):
                    return [entity_mention(ent)]
        return []

    def purpose_beneficiary(self, token: Token) -> list[ActorMention]:
        """"troops to aid Russia": a purpose clause right after the phrase names who gains."""
        end = max(t.i for t in token.subtree) + 1
        for clause in self.doc[token.i : min(end + 3, len(self.doc))]:
            if clause.dep_ in ("advcl", "relcl", "acl", "xcomp") and (
                clause.lemma_.lower() in PURPOSE_AID_VERBS
            ) and abs(clause.i - end) <= 2:
                obj = direct_object(clause)
                if obj is None:
                    continue
                owners = [c for c in obj.children if c.dep_ == "poss"]
                found = self.actors.in_phrase(owners[0] if owners else obj, remember=False)
                found = [a for a in found if self.is_state(a)]
                if found:
                    self.consumed.add(clause.i)
                    return found
        return []

    # --- when and where ---------------------------------------------------
    def dates_for(self, token: Token) -> list[tuple[str, TextSpan]]:
        """Date spans tied to the trigger: its own modifiers and those of its clauses."""
        out: list[tuple[str, TextSpan]] = []
        seen: set[int] = set()

        def collect(node: Token, role: str, depth: int) -> None:
            for child in node.children:
                if child.dep_ in ("ccomp", "advcl", "parataxis") and node.i == token.i:
                    continue
                ent = self.actors.entity_at(child)
                if ent is not None and ent.label_ == "TIME" and not any(
                    t.lower_ in DAY_WORDS for t in ent
                ):  # "2 a.m. on March 6", "Tuesday morning": the day is elsewhere
                    collect(child, role, depth + 1)
                    continue
                if ent is not None and ent.label_ in ("DATE", "TIME") and ent.start not in seen:
                    seen.add(ent.start)
                    out.append((role, _text_span(self.doc, ent.start, ent.end)))
                    continue
                if self.is_event_noun(child):
                    continue  # "before the deployment of troops in October": its own date
                if child.dep_ in ("prep", "pobj", "npadvmod", "pcomp") and depth < 5:
                    collect(child, role, depth + 1)
                elif child.dep_ in ("relcl", "conj", "acl") and depth < 4:
                    verb = child.lemma_.lower()
                    collect(child, DATE_ROLE_VERBS.get(verb, role), depth + 1)

        collect(token, "date", 0)
        if not out and (token.dep_ in ("xcomp", "conj") or _participle_clause(token)):
            collect(token.head, "date", 1)
        elif not out and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            collect(token.head, "date", 1)  # "in May 2024, a strike on a store killed 19"
        elif not out and attachment.shares_clause_date(token):
            collect(token.head, "date", 1)  # "launched an attack on Kharkiv on Tuesday"
        return out

    def is_event_noun(self, token: Token) -> bool:
        """A noun that names an event of its own ("deployment", "attack")."""
        if token.pos_ != "NOUN" or token.dep_ != "pobj":
            return False
        return bool(lexicon.triggers_for(token.lemma_.lower(), "NOUN"))

    def place_for(self, token: Token, place: Token | None) -> TextSpan | None:
        candidates = [place] if place is not None else []
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
            # "remained on alert in the West Bank": the verb's place
            verb = token.head.head
            candidates += [o for word, o in prep_objects(verb) if word in ("in", "at", "near")]
        obj = direct_object(token)
        if obj is not None:
            ent = self.actors.entity_at(obj)
            is_place = ent is not None and ent.ent_id_.startswith("place:")
            named = obj.lemma_.lower() in FACILITY_NOUNS and any(  # "struck Saki airfield"
                (e := self.actors.entity_at(c)) is not None and e.ent_id_.startswith("place:")
                for c in obj.children if c.dep_ == "compound"
            )
            if named:  # a named facility is where the event is, whatever else is said
                candidates.insert(0, obj)
            elif is_place or obj.lemma_.lower() in PLACE_NOUNS:
                # "struck the port of Odesa in southern Ukraine", "shelled Kherson": the
                # object itself before the wider place it is in
                candidates.append(obj)
            # "reimposed blockades in the West Bank"
            candidates += [o for word, o in prep_objects(obj) if word in ("in", "at", "near")]
        for subj in children(token, "nsubj", "nsubjpass"):  # "a bombing near Samarra killed"
            candidates += [o for word, o in prep_objects(subj) if word in ("in", "at", "near")]
        for child in token.children:
            if child.dep_ in ("advmod", "npadvmod"):
                for word, o in prep_objects(child):
                    if word in PLACE_PREPS:
                        candidates.append(o)
        if token.pos_ == "NOUN":  # "a strike on Kharkiv", "the attack against Odesa"
            for word, o in prep_objects(token):
                ent = self.actors.entity_at(o)
                if word in ("on", "against") and ent is not None and ent.ent_id_.startswith(
                    "place:"
                ):
                    candidates.append(o)
        best = None
        for cand in candidates:
            ent = self.actors.place_in(cand)
            if ent is not None and (best is None or len(ent) > len(best)):
                best = ent
        if best is None:
            best = attachment.region_place(token)  # "sent troops to occupied Kherson"
        if best is None:
            # "struck Odesa, killing two": the participle happens where its clause does
            return self.place_for(token.head, None) if _participle_clause(token) else None
        return _text_span(self.doc, best.start, best.end)

    # --- links between events --------------------------------------------
    def link(self) -> None:
        self.link_contents()
        self.link_exchanges_and_parts()
        for mention in self.mentions:  # a specific relation wins over the generic ones
            specific = {i for rel, i in mention.links if rel not in GENERIC_RELATIONS}
            mention.links = [
                (rel, i) for rel, i in mention.links
                if rel not in GENERIC_RELATIONS or i not in specific
            ]

    def trigger_token(self, mention: EventMention) -> Token:
        return self.doc.char_span(mention.trigger.start, mention.trigger.end)[0]

    def link_exchanges_and_parts(self) -> None:
        """"supply jets in exchange for troops", "as part of the agreement", and
        what an agreement in the same sentence promises."""
        for index, mention in enumerate(self.mentions):
            token = self.trigger_token(mention)
            for word, obj in prep_objects(token):
                if word in ("in", "as") and obj.lemma_.lower() in EXCHANGE_NOUNS:
                    for inner_word, inner in prep_objects(obj):
                        if inner_word == "for":
                            other = self._mention_within(inner)
                            if other is not None and other != index:
                                mention.links.append(("in_exchange_for", other))
                                self.mentions[other].links.append(("in_exchange_for", index))
                if word == "as" and obj.lemma_.lower() == "part":
                    for inner_word, inner in prep_objects(obj):
                        if inner_word == "of" and inner.lemma_.lower() in (
                            "agreement",
                            "deal",
                            "accord",
                            "pact",
                            "treaty",
                        ):
                            agree = self._latest_of_type(("AGREE", "SUPPORT"), before=index)
                            if agree is not None:
                                mention.links.append(("part_of", agree))
            # an agreement and what it promises, in one sentence
            if mention.type == "AGREE":
                for other_index, other in enumerate(self.mentions):
                    if (
                        other_index != index
                        and other.sentence == mention.sentence
                        and other.type != "AGREE"
                        and other.factuality == "planned"
                    ):
                        mention.links.append(("promises", other_index))
                        other.links.append(("part_of", index))
                        self.inherit_counterpart(mention, other)

    def link_contents(self) -> None:
        """Events inside another event's clause, linked by how they relate:

        - content: "refused to meet X", "threatened to launch an offensive",
          "rejected a proposal" (the inner event is what is refused, ...);
        - condition: "will withdraw unless Israel rescinds the annexation";
        - purpose: "sent personnel to investigate";
        - time: "a day after a Serbian jet shot down a helicopter";
        - context: an event told of a participant ("return the helicopter that
          was captured last week").

        The outer event gets (relation, inner), the inner (relation + "_of", outer).
        """
        for index, mention in enumerate(self.mentions):
            token = self.trigger_token(mention)
            node = token
            relation = "content"
            while node.dep_ in CONTENT_DEPS | {"advcl", "relcl"} and node.head.i != node.i:
                if node.dep_ == "advcl":
                    relation = _clause_relation(node)
                elif node.dep_ == "relcl":
                    relation = "context"  # "the helicopter that was captured last week"
                node = node.head
                outer = self.by_trigger.get(node.i)
                if outer is not None and outer != index:
                    self.mentions[outer].links.append((relation, index))
                    mention.links.append((f"{relation}_of", outer))
                    break

    def inherit_counterpart(self, agreement: EventMention, promised: EventMention) -> None:
        """"X struck a deal with Y, agreeing to supply jets": Y receives the jets."""
        if promised.target or not agreement.target:
            return
        sources = {a.entity for a in promised.source if a.entity}
        sources |= {a.entity for a in agreement.source if a.entity}
        counterpart = [a for a in agreement.target if a.entity not in sources]
        if counterpart and {a.entity for a in promised.source} <= sources:
            promised.target = list(counterpart)

    def _mention_within(self, head: Token) -> int | None:
        for tok in head.subtree:
            if tok.i in self.by_trigger:
                return self.by_trigger[tok.i]
        return None

    def _latest_of_type(self, types: tuple[str, ...], before: int) -> int | None:
        for i in range(before - 1, -1, -1):
            if self.mentions[i].type in types:
                return i
        return None


def _clause_relation(clause: Token) -> str:
    """How an adverbial clause relates to the clause it modifies."""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    if marks & CONDITION_MARKERS - {"until"}:
        return "condition"
    if marks & {"after", "before", "since", "until", "when", "while", "as"}:
        return "time"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return "purpose"
    return "context"


DEMAND = lexicon.Trigger("say", "VERB", "REQUEST", None, "toward", frozenset())


def _obliged(clause: Token) -> bool:
    """A clause that says what someone else must do: "Sudan must return ..."."""
    subjects = children(clause, "nsubj", "nsubjpass")
    return bool(subjects) and subjects[0].lower_ not in ("we", "i") and any(
        c.dep_ == "aux" and c.lower_ == "must" for c in clause.children
    )


def _future(clause: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "shall")
        for c in clause.children
    )


def _military(item: Item) -> bool:
    return item.category not in (None, "money", "humanitarian aid", "food", "medicine")


def extract_mentions(doc: Doc) -> list[EventMention]:
    """All event mentions in a parsed document, in reading order."""
    return Extractor(doc).run()
