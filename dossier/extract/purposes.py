"""A "to" clause that says what an event was for, when it names the same kind of event:
"gathered outside parliament to protest the law", "took to the streets to protest
against the government" are one protest, not a protest and a planned one.  The
clause's event is folded into the event it is the purpose of, which takes its
target when it names none.

>>> from dossier.annotate import annotate
>>> from dossier.extract.lexicon import triggers_for
>>> doc = annotate("Thousands marched in Belgrade to protest against the government.")
>>> kinds = [(doc[i], triggers_for(doc[i].lemma_, "VERB")[0]) for i in (1, 5)]
>>> purposes_of(kinds)
{5: 1}
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dossier.extract.factuality import is_to_infinitive
from dossier.extract.lexicon import Trigger

# The clause relations a purpose "to" clause has to its event's verb.
PURPOSE_DEPS = frozenset(["advcl", "xcomp"])
# The types whose purpose clause of the same type is the same event.
FOLDED_TYPES = frozenset(["PROTEST"])


def purposes_of(candidates: Sequence[tuple[Token, Trigger]]) -> dict[int, int]:
    """Trigger index of each purpose clause -> trigger index of the event it is the
    purpose of, among one sentence's candidate triggers."""
    types = {token.i: trig.type for token, trig in candidates}
    out: dict[int, int] = {}
    for token, trig in candidates:
        head = token.head
        if trig.type in FOLDED_TYPES and token.dep_ in PURPOSE_DEPS and head.i != token.i and (
            types.get(head.i) == trig.type and is_to_infinitive(token)
        ):
            out[token.i] = head.i
    return out
