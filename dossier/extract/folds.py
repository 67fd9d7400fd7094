"""Two triggers of one sentence that tell one event, folded into one:

- a "to" clause or participle that says what a protest was for, when it names a
  protest, a demand or a denunciation: "gathered outside parliament to protest the
  law", "took to the streets to protest against the government", "rallied, demanding
  his resignation" are one protest, not a protest and a planned one or a request;
- an attack noun that is the subject of a verb of casualties or impact: "an Israeli
  airstrike killed a Hamas commander", "a missile strike hit a hospital" are one
  attack (the noun's, which says how), not an attack and a killing.

The folded trigger's event gives its target to the one it is folded into when that
names none (``Extractor.fold``).

>>> from dossier.annotate import annotate
>>> from dossier.extract.lexicon import triggers_for
>>> doc = annotate("Thousands marched in Belgrade to protest against the government.")
>>> kinds = [(doc[i], triggers_for(doc[i].lemma_, "VERB")[0]) for i in (1, 5)]
>>> folded(kinds)
{5: 1}
>>> doc = annotate("An Israeli airstrike killed a Hamas commander.")
>>> folded([(doc[2], triggers_for("airstrike", "NOUN")[0]),
...         (doc[3], triggers_for("kill", "VERB")[0])])
{3: 2}
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dossier.extract.factuality import is_to_infinitive
from dossier.extract.lexicon import Trigger
from dossier.extract.syntax import children
from dossier.extract.wordclasses import CASUALTY_VERBS

# The clause relations a purpose "to" clause has to its event's verb.
PURPOSE_DEPS = frozenset(["advcl", "xcomp"])
# Verbs that tell what an attack did to what it hit: "an airstrike hit a hospital".
IMPACT_VERBS = frozenset("hit strike target".split())
# The verbs an attack noun subject is folded into: casualties or impact.
FOLDING_VERBS = CASUALTY_VERBS | IMPACT_VERBS
# The types whose purpose clause of the same type is the same event.
FOLDED_TYPES = frozenset(["PROTEST"])
# What a protest's "to" clause or participle voices is that protest: "rallied ... chanting
# slogans", "gathered to denounce the vote", "marched demanding his resignation" (PLOVER
# 3.12: what protesters demand is their protest's topic, not a REQUEST of its own).
VOICED_TYPES = frozenset(["PROTEST", "REQUEST", "ACCUSE"])


def folded(candidates: Sequence[tuple[Token, Trigger]]) -> dict[int, int]:
    """Trigger index of each folded trigger -> trigger index of the one it is folded
    into, among one sentence's candidate triggers."""
    types = {token.i: trig.type for token, trig in candidates}
    out: dict[int, int] = {}
    for token, trig in candidates:
        head = token.head
        if token.dep_ in PURPOSE_DEPS and head.i != token.i and (
            types.get(head.i) in FOLDED_TYPES and trig.type in VOICED_TYPES
            and (is_to_infinitive(token) or token.tag_ == "VBG")
            and not children(token, "nsubj", "nsubjpass")
        ):
            out[token.i] = head.i  # "gathered ... to protest the law", "... demanding"
        if trig.type == "ASSAULT" and token.pos_ == "VERB" and (
            token.lemma_.lower() in FOLDING_VERBS
        ):
            for subj in children(token, "nsubj"):
                if types.get(subj.i) == "ASSAULT" and subj.pos_ == "NOUN":
                    out[token.i] = subj.i  # "an airstrike killed a commander"
    return out


# Verbs whose object is what they ask for ("demanded the resignation", "urged the release")
# and verbs that ask "for" it ("called for the withdrawal", "pressed for the delivery"):
# the event noun asked for has not happened; it is the content of the request (as a "to"
# clause is: "urged Russia to withdraw", ``triggers.asked_for``).
DEMANDING_VERBS = frozenset("demand urge seek request".split())
ASKING_FOR_VERBS = frozenset("call ask press push appeal plead lobby".split())


def demanded(candidates: Sequence[tuple[Token, Trigger]]) -> dict[int, int]:
    """Event nouns asked for, among one sentence's candidate triggers -> the verb that
    asks for them.

    >>> from dossier.annotate import annotate
    >>> from dossier.extract.lexicon import triggers_for
    >>> doc = annotate("The opposition called for the withdrawal of Russian troops.")
    >>> demanded([(doc[2], triggers_for("call for", "VERB")[0]),
    ...           (doc[5], triggers_for("withdrawal", "NOUN")[0])])
    {5: 2}
    """
    out: dict[int, int] = {}
    for token, _trig in candidates:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "for":
            head = head.head  # "called for the withdrawal"
            asks = head.lemma_.lower() in ASKING_FOR_VERBS | DEMANDING_VERBS
        else:
            asks = token.dep_ == "dobj" and head.lemma_.lower() in DEMANDING_VERBS
        if asks:  # (when the verb is no event of its own, the noun is none either)
            out[token.i] = head.i
    return out
