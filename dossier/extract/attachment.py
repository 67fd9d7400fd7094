"""Attachment: which event of a sentence a date or a phrase belongs to.

``rules.Extractor`` reads dates off each trigger's own clause (``dates_for``; the
place is ``placing.Placing``); these helpers cover what the parse alone leaves to
the wrong event or to none:

- an event noun that is the object of a light or directive verb shares that
  verb's clause, so its date: "launched an attack on Kharkiv on Tuesday",
  "ordered the deployment of 500 troops to Estonia on Friday" (the deployment
  is on Friday too, as far as the text says);
- what a transfer or deployment noun moves is no party to the verb governing
  it: "ordered the deployment of 500 troops" orders no one named "500 troops".

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia ordered the deployment of 500 troops to Estonia on Friday.")
>>> shares_clause_date(doc[3])
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract import lexicon
from dossier.extract.actors import ActorFinder
from dossier.extract.syntax import (
    children,
    participle_clause,
    text_span,
)
from dossier.extract.wordclasses import DATE_ROLE_VERBS, DAY_WORDS
from dossier.models import Span as TextSpan

# Verbs whose object event happens as and when they say: the light verbs of
# ``lexicon.LIGHT_VERBS`` ("launched an attack") and verbs that order or allow
# the event ("ordered the deployment", "authorised the transfer", "approved the
# sale").  Verbs that only report an event ("announced the deployment on
# Friday") are not here: the date is the report's.
DIRECTIVE_VERBS = frozenset(["order", "authorize", "authorise", "approve", "command"])
# Words that date an event to a day which the parser often leaves without a DATE or
# TIME entity ("struck overnight", "the overnight shelling"); dates.find_dates reads them.
UNTAGGED_DAY_WORDS = frozenset(["overnight"])
# Frames whose noun names goods or forces moved from one party to another.
MOVING_FRAMES = frozenset(["give", "receive", "move"])
# Verbs of training: their "to" clause is the training itself (its date and place).
TEACHING_VERBS = frozenset(["train", "teach", "instruct", "drill", "school"])


def shares_clause_date(noun: Token) -> bool:
    """Whether an event noun takes the date of the verb it is the object of.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Russia launched an attack on Kharkiv on Tuesday.")
    >>> shares_clause_date(doc[3])
    True
    """
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = noun.head.lemma_.lower()
    return verb in lexicon.LIGHT_VERBS or verb in DIRECTIVE_VERBS


def moves_goods(noun: Token) -> bool:
    """Whether a noun names a transfer or a deployment ("the deployment of 500 troops").

    >>> from dossier.annotate import annotate
    >>> doc = annotate("He ordered the deployment of troops.")
    >>> moves_goods(doc[3]), moves_goods(doc[5])
    (True, False)
    """
    return noun.pos_ == "NOUN" and moves_things(noun)


def sent_to_place(place: Token | None) -> bool:
    """Whether a transfer's place is where it was sent, and names no recipient: "sent an
    aircraft carrier to the eastern Mediterranean" moves the ship there (a deployment);
    "sent tanks to Ukraine" gives them to a state (its target, read before this); only a
    place the gazetteer knows counts ("a transfer to the North" may be to a state)."""
    return place is not None and place.dep_ == "pobj" and place.head.lower_ in (
        "to", "into", "toward", "towards") and place.ent_id_.startswith("place:")


def moves_things(token: Token) -> bool:
    """Whether the word's trigger entry moves goods or forces from one party to another
    ("sent", "delivered", "the deployment"), as a tranche of a transfer or deployment
    does; "trained" acts on its object and moves nothing (a verb is looked up as a
    verb, any other word as a noun)."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
    lemma = token.lemma_.lower()
    # a verb whose entry moves forces ("arrive", "land") moves what it is said of
    entries = lexicon.triggers_for(lemma, pos) + lexicon.triggers_for(
        lemma, pos, lexicon.FORCES_OBJECT)
    return any(t.frame in MOVING_FRAMES for t in entries)


NOW_WORDS = frozenset(["today", "now", "tonight", "currently", "this"])


def _present_governor(noun: Token) -> Token | None:
    """The verb in the present that a noun phrase hangs off ("is examining debris
    [from a strike]", "says [the attack]"), when it names no event of its own."""
    node = noun
    for _ in range(4):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    present = node.tag_ in ("VBZ", "VBP") or node.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in node.children)
    if not present or lexicon.triggers_for(node.lemma_.lower(), "VERB"):
        return None
    return node


def teaches(verb: Token) -> bool:
    """A verb of training whose "to" clause says what is learnt, where and when:
    "trained 21 marines to operate the missiles at a facility in Nagpur"."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in TEACHING_VERBS


class Anchoring:
    """The dates of a trigger's own clause: for ``rules.Extractor``."""

    doc: Doc
    actors: ActorFinder

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
                    out.append((role, text_span(self.doc, ent.start, ent.end)))
                    continue
                if ent is None and child.lower_ in UNTAGGED_DAY_WORDS and child.i not in seen:
                    seen.add(child.i)  # "hit a depot overnight", "the overnight strike"
                    out.append((role, text_span(self.doc, child.i, child.i + 1)))
                    continue
                if self.is_event_noun(child):
                    continue  # "before the deployment of troops in October": its own date
                if child.dep_ in ("prep", "pobj", "npadvmod", "pcomp", "agent") and depth < 5:
                    # "agent": "to be handed over by the end of 2025" (a date, not who)
                    collect(child, role, depth + 1)
                elif child.dep_ == "xcomp" and node.i == token.i and teaches(token):
                    collect(child, role, depth + 1)  # "trained marines to fly jets in May"
                elif child.dep_ in ("relcl", "conj", "acl") and depth < 4:
                    verb = child.lemma_.lower()
                    collect(child, DATE_ROLE_VERBS.get(verb, role), depth + 1)

        collect(token, "date", 0)
        if not out and (token.dep_ in ("xcomp", "conj") or participle_clause(token)):
            collect(token.head, "date", 1)
        elif not out and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            collect(token.head, "date", 1)  # "in May 2024, a strike on a store killed 19"
        elif not out and shares_clause_date(token):
            collect(token.head, "date", 1)  # "launched an attack on Kharkiv on Tuesday"
        if not out and token.pos_ == "NOUN" and token.dep_ in ("pobj", "dobj"):
            verb = _present_governor(token)
            if verb is not None:  # "is examining debris from a strike on Kharkiv on 2
                collect(verb, "date", 1)  # January": a date is no time of what is now
                out = [(r, d) for r, d in out if not NOW_WORDS & set(d.text.lower().split())]
        if not out and token.pos_ == "VERB":
            for subj in children(token, "nsubj"):  # "the overnight strike on Kharkiv killed"
                if subj.pos_ == "NOUN" and lexicon.triggers_for(subj.lemma_.lower(), "NOUN"):
                    collect(subj, "date", 1)
        return out

    def is_event_noun(self, token: Token) -> bool:
        """A noun that names an event of its own ("deployment", "attack")."""
        if token.pos_ != "NOUN" or token.dep_ != "pobj":
            return False
        return bool(lexicon.triggers_for(token.lemma_.lower(), "NOUN"))
