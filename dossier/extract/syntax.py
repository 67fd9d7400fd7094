"""Reading the dependency parse: subjects, objects, prepositions, clauses.

Small functions over spaCy tokens that every extraction stage uses: the
subject of a verb (through passives, open complements, participles and
gerunds), its direct object, its prepositional objects, and what kind of
clause a token heads.  They know no event types; the word classes the rules
read are in ``wordclasses.py``.

>>> from dossier.annotate import annotate
>>> doc = annotate("The jets were delivered to Russia by Iran.")
>>> [(word, o.text) for word, o in prep_objects(doc[3])]
[('to', 'Russia'), ('by', 'Iran')]
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, IDX, LENGTH
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from dossier import gazetteer
from dossier.annotate import doc_text
from dossier.docmemo import per_doc
from dossier.extract.wordclasses import (
    ACCUSING_VERBS,
    CONDITION_MARKERS,
    PLAN_NOUNS,
    QUANTITY_NOUNS,
)
from dossier.models import Span as TextSpan
from dossier.resolve.agents import noun_sector

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
# Prepositions that carry the parties of a transfer, wherever the parser hangs
# them in "the purchase of 24 jets from Russia by Egypt".
TRANSFER_PREPS = frozenset(["from", "to", "by"])


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    """The text and character offsets of tokens ``start`` to ``end``: ``doc[start:end]``'s,
    cut from the document's text (``Span.text`` joins every token's text anew).

    >>> from dossier.annotate import annotate
    >>> text_span(annotate("Iran sent drones to Russia."), 1, 3)
    Span(text='sent drones', start=5, end=16)
    """
    if end <= start:
        span = doc[start:end]
        return TextSpan(text=span.text, start=span.start_char, end=span.end_char)
    text, starts, stops = per_doc(doc, "offsets", _offsets)
    first, stop = starts[start], stops[end - 1]
    return TextSpan(text=text[first:stop], start=first, end=stop)


def _offsets(doc: Doc) -> tuple[str, list[int], list[int]]:
    """The document's text and where each token starts and ends in it, read once per
    Doc (``docmemo.per_doc``): ``text_span`` makes no Token; the tokens' text never
    changes after tokenizing."""
    if not len(doc):
        return doc_text(doc), [], []
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
    return doc_text(doc), starts, [i + n for i, n in zip(starts, lengths, strict=True)]


def sentence_span(sent: Span) -> TextSpan:
    """The sentence without surrounding whitespace, as character offsets (only the
    whitespace at its ends is looked at: a long sentence with many events is
    not read once per event)."""
    doc, start, end = sent.doc, sent.start, sent.end
    while start < end - 1 and doc[start].is_space:
        start += 1
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    return text_span(doc, start, end)


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of these dependency labels, in order (compared by
    the labels' ids: reading ``dep_`` makes a string for every child).

    >>> from dossier.annotate import annotate
    >>> [c.text for c in children(annotate("Russia sent jets to Korea.")[1], "nsubj", "dobj")]
    ['Russia', 'jets']
    """
    ids = _DEP_IDS.get(deps)
    if ids is None:
        ids = _DEP_IDS[deps] = frozenset(get_string_id(dep) for dep in deps)
    doc = token.doc
    return [doc[i] for i, dep in per_doc(doc, "tree", _tree)[token.i] if dep in ids]


_DEP_IDS: dict[tuple[str, ...], frozenset[int]] = {}


def _tree(doc: Doc) -> list[list[tuple[int, int]]]:
    """Each token's children as (index, dependency id), in order: read from the arrays
    once per Doc and kept on it (``docmemo.per_doc``), so that ``children`` makes Token
    objects only for the children it gives, not for every child as ``Token.children``
    does; the parse is never changed after the pipeline."""
    kids: list[list[tuple[int, int]]] = [[] for _ in range(len(doc))]
    if len(doc):
        heads, deps = doc.to_array([HEAD, DEP]).T
        for i, (head, dep) in enumerate(zip(heads.view(numpy.int64).tolist(), deps.tolist(),
                                            strict=True)):
            if head:
                kids[i + head].append((i, dep))
    return kids


def subtree_indices(token: Token) -> list[int]:
    """The indices of ``token.subtree``, in its order (the left children's subtrees, the
    token, the right children's), read off the children index without a Token each.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Iran sent drones to Russia.")
    >>> subtree_indices(doc[1]) == [t.i for t in doc[1].subtree]
    True
    """
    kids = per_doc(token.doc, "tree", _tree)
    out: list[int] = []

    def walk(i: int) -> None:
        below = kids[i]
        for j, _dep in below:
            if j < i:
                walk(j)
        out.append(i)
        for j, _dep in below:
            if j > i:
                walk(j)

    walk(token.i)
    return out
# a subject noun, name or pronoun (``token.dep``, ``token.pos``: ids, not strings)
SUBJECT_IDS = frozenset(get_string_id(dep) for dep in ("nsubj", "nsubjpass"))
SUBJECT_POS = frozenset([NOUN, PROPN, PRON])


def prep_objects(token: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off ``token``, multi-word ones joined: read
    once per token and Doc (``docmemo.per_doc``, as indices) and asked again by the
    roles, places and dates of each event."""
    doc = token.doc
    kept = per_doc(doc, "prep objects", _no_prep_objects)
    found = kept.get(token.i)
    if found is None:
        found = kept[token.i] = _prep_objects(doc, token.i)
    return [(word, doc[i]) for word, i in found]


def _no_prep_objects(doc: Doc) -> dict[int, list[tuple[str, int]]]:
    return {}


_PREP_IDS = frozenset(get_string_id(dep) for dep in ("prep", "agent", "dative"))
_OBJ_IDS = frozenset(get_string_id(dep) for dep in ("pobj", "pcomp"))
_DATIVE, _CONJ, _PREP, _POBJ = (get_string_id(dep) for dep in ("dative", "conj", "prep", "pobj"))


def _prep_objects(doc: Doc, i: int) -> list[tuple[str, int]]:
    kids = per_doc(doc, "tree", _tree)
    out: list[tuple[str, int]] = []
    for p, dep in kids[i]:
        if dep not in _PREP_IDS:
            continue
        prep = doc[p]
        objs = [o for o, d in kids[p] if d in _OBJ_IDS]
        word = prep.lower_
        if not objs and dep == _DATIVE and prep.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(("to", p))
            continue
        for o in objs:
            out.append((word, o))
            out.extend((word, c) for c, d in kids[o] if d == _CONJ)
        # "according to X", "because of X": a second preposition under the first
        for q, d in kids[p]:
            if d == _PREP:
                inner = f"{word} {doc[q].lower_}"
                out.extend((inner, o) for o, d2 in kids[q] if d2 == _POBJ)
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
    ``actors.phrases.phrase_tokens`` it keeps only the modifiers that name the thing."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "relcl", "acl"):
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("compound", "nummod", "amod") and child.i == head.i + 1:
            tokens.extend(child.subtree)
    return sorted(set(tokens), key=lambda t: t.i)


def participle_clause(token: Token) -> bool:
    """A clause sharing its head's time and place: "struck Kharkiv on Tuesday, killing five"."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i != token.i


def direct_object(token: Token) -> Token | None:
    objs = children(token, "dobj", "obj")
    return objs[0] if objs else None


def shared_object(token: Token) -> Token | None:
    """The object a verb shares with the verb coordinated after it, when it has none of
    its own: "attacked and burned a suspected thief" (English coordinates two
    transitive verbs over one object; the parser hangs it on the last).

    >>> from dossier.annotate import annotate
    >>> doc = annotate("A crowd attacked and burned a suspected thief.")
    >>> shared_object(doc[2]).text, shared_object(doc[4])
    ('thief', None)
    """
    if token.pos_ != "VERB" or children(token, "dobj", "obj", "ccomp", "xcomp", "prep"):
        return None
    for conj in children(token, "conj"):
        if conj.pos_ == "VERB" and any(c.lower_ in ("and", "or") for c in children(token, "cc")
                                       ) and not children(conj, "nsubj", "nsubjpass"):
            return direct_object(conj)  # not "the army withdrew and the rebels seized X"
    return None


RELATIVE_PRONOUNS = frozenset(["who", "whom", "which", "that"])


def antecedent(verb: Token) -> Token | None:
    """The noun a relative clause describes, for a verb in it or in a clause it
    governs: "the storm which killed 12", "an operation that he said would target".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("The earthquake that killed eight people struck at dawn.")
    >>> antecedent(doc[3]).text
    'earthquake'
    """
    node = verb
    for _ in range(4):
        if node.dep_ == "relcl":
            return node.head if node.head.pos_ in ("NOUN", "PROPN") else None
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


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
        if subj and subj[0].lower_ in RELATIVE_PRONOUNS and subj[0].tag_ in ("WP", "WDT"):
            return antecedent(node) or subj[0], False  # "the rebels who killed": the rebels
        if subj:
            return subj[0], False
        passive = children(node, *PASSIVE_SUBJECT_DEPS)
        if passive:
            if agent:
                return agent[0], False
            return passive[0], node is token  # inherited passives are no longer objects
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return node.head, is_passive(node)
        if node.dep_ == "xcomp":
            controller = object_controller(node.head)
            if controller is not None:
                return controller, False  # "urged Russia to withdraw": Russia withdraws
        gerund = gerund_controller(node)
        if gerund is not None:  # "accused Belarus of sending", "was suspected of sending"
            return gerund, False
        infinitive = node.tag_ == "VB" and node.head.lemma_.lower() in PLAN_NOUNS
        noun = node.head
        if node.dep_ == "acl" and infinitive and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            node = noun.head.head  # "Brazil is in talks to buy ...": Brazil buys
            continue
        if node.dep_ == "acl" and node.head.dep_ == "dobj" and (node.tag_ == "VBG" or infinitive):
            if node.tag_ == "VBG" and names_people(node.head):
                return node.head, False  # "detained demonstrators protesting": they protest
            # "issued a statement demanding ...": the one who issued it;
            # "signed a contract to buy ...": the one who signed it
            node = node.head.head
            continue
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head, False  # "leaders meeting in Brussels", "students marching"
        if node.dep_ == "acl" and node.tag_ == "VBD" and node.head.dep_ == "ROOT" and (
            node.head.pos_ in ("NOUN", "PROPN")
        ):  # "Saudi Arabia, which has ..., called for restraint": the parser left the
            return node.head, False  # sentence no verb root; the past verb is its predicate
        if node.dep_ == "advcl" and node.tag_ == "VBN" and node.head.i != node.i and not (
                children(node, "aux", "auxpass")):
            # a reduced passive clause: "would retaliate if attacked", "backed by Russia,
            # the rebels ...": the subject it shares is what it acts on
            shared, _ = subject_of(node.head)
            return shared, shared is not None and node is token
        result_of = result_clause_of(node)
        if result_of is not None:
            # "police fired on protesters blocking a road, killing one man": a
            # participle set off by a comma after a clause on a noun tells what
            # the main clause did, not what the noun's clause did
            node = result_of
            continue
        if node.dep_ in INHERIT_DEPS and node.head.i != node.i:
            node = node.head
            continue
        return None, False
    return None, False


def result_clause_of(node: Token) -> Token | None:
    """The main verb a comma-set participle belongs to when the parser hung it on a
    participle clause modifying a noun ("protesters [blocking a road], killing one
    man" -> "fired"); None otherwise."""
    if not (node.dep_ == "advcl" and node.tag_ == "VBG" and node.head.dep_ == "acl"
            and node.i > 0 and node.doc[node.left_edge.i - 1].text == ","):
        return None
    # the verb of the noun the clause modifies, when the noun is no subject of it
    return governing_verb(node.head.head, through=OBJECT_ARCS)


# The arcs from a noun up to the verb whose clause it is in (``governing_verb``).
OBJECT_ARCS = frozenset(["dobj", "pobj", "prep", "conj", "appos"])
CLAUSE_ARCS = OBJECT_ARCS | {"nsubj", "nsubjpass"}


def governing_verb(noun: Token, through: frozenset[str] = CLAUSE_ARCS) -> Token | None:
    """The verb whose clause a noun phrase is in: "dispersed" for "members" of "dispersed
    members of the union", through its prepositions (a few arcs up at most, each one of
    ``through``)."""
    node = noun
    for _ in range(4):
        if node.dep_ not in through:
            return None
        node = node.head
        if node.pos_ == "VERB":
            return node
    return None


# Prepositions whose gerund is done by the verb's object: "accused Belarus of
# sending", "thanked Germany for supplying", "stopped Iran from shipping",
# "charged him with smuggling"; other gerunds are done by the subject ("by sending").
OBJECT_CONTROL_PREPS = frozenset(["of", "for", "from", "against", "into", "with"])


def names_people(noun: Token) -> bool:
    """Whether a noun names people or a group of them (a name, an actor noun, one of
    Phoenix's agents, or "members of" one), not a thing such as a statement.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Police detained demonstrators and seized a statement.")
    >>> names_people(doc[2]), names_people(doc[6])
    (True, False)
    """
    if noun.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    lemma = noun.lemma_.lower()
    if lemma in QUANTITY_NOUNS:  # "thousands of students", "members of the union"
        return any(names_people(o) for p in children(noun, "prep") if p.lower_ == "of"
                   for o in children(p, "pobj"))  # fmt: skip
    return gazetteer.actor_noun(lemma) is not None or noun_sector(lemma) is not None


def accused_object(prep: Token) -> Token | None:
    """The object of an accusing verb that the parser hung a preposition on ("blamed
    Russia for the strike", "suspects Pyongyang of shipping"): the one accused."""
    verb = prep.head
    if verb.dep_ == "dobj" and verb.head.lemma_.lower() in ACCUSING_VERBS:
        return verb
    return None


def gerund_controller(node: Token) -> Token | None:
    """Who does a gerund after an object-control preposition: the verb's object,
    or its passive subject ("Belarus was accused of sending troops")."""
    prep = node.head
    if node.dep_ != "pcomp" or node.tag_ != "VBG" or prep.dep_ != "prep":
        return None
    verb = prep.head
    accused = accused_object(prep)
    if accused is not None and prep.lower_ in OBJECT_CONTROL_PREPS:
        return accused  # "suspects Pyongyang of shipping": "of" hung on the object
    if verb.pos_ not in ("VERB", "AUX") or prep.lower_ not in OBJECT_CONTROL_PREPS:
        return None
    objects = children(verb, "dobj") or children(verb, "nsubjpass")
    if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
        return objects[0]
    return None


def theme_of(verb: Token) -> Token | None:
    """What a verb without a direct object acts on: its passive subject ("24 jets
    were ordered") or the noun its participle modifies ("the jets ordered from Russia")."""
    passive = children(verb, "nsubjpass")
    if passive:
        return passive[0]
    if reduced_relative(verb):
        return verb.head
    return None


def reduced_relative(verb: Token) -> bool:
    """A past participle modifying a noun: "the jets bought from France" (the
    tagger often calls it VBD)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not children(verb, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
    )


def object_controller(verb: Token) -> Token | None:
    """The object that does what an object-control verb asks: "urged Russia to
    withdraw", "called on Iran to stop", "allowed the inspectors to return"."""
    objects = children(verb, "dobj")
    if not objects:
        objects = [o for p in children(verb, "prep") if p.lower_ == "on" for o in
                   children(p, "pobj")]
    if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
        return objects[0]
    return None


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def clause_relation(clause: Token) -> str:
    """How an adverbial clause relates to the clause it modifies."""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    if marks & CONDITION_MARKERS - {"until"}:
        return "condition"
    if marks & {"after", "before", "since", "until", "when", "while", "as"}:
        return "time"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return "purpose"
    return "context"



def obliged_clause(clause: Token) -> bool:
    """A clause that says what someone else must do: "Sudan must return ..."."""
    subjects = children(clause, "nsubj", "nsubjpass")
    return bool(subjects) and subjects[0].lower_ not in ("we", "i") and any(
        c.dep_ == "aux" and c.lower_ == "must" for c in clause.children
    )


def future_clause(clause: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "shall")
        for c in clause.children
    )
