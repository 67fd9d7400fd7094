"""Taking part: "Iran took part in the talks", "students participated in the
protest", "the navy engaged in fighting with pirates".

A verb of taking part says its subject is a party to the event its "in" phrase
names; the event is that noun's (its type, mode and other party), and the
verb's subject is its source, as after a light verb ("launched an attack").
The verb is no event of its own: PETRARCH2 codes "take part" CAMEO 030
(intent to cooperate) when its pattern names no event, which reads "took part
in the march" as an agreement.

>>> from dossier.annotate import annotate
>>> doc = annotate("Iran will take part in the talks.")
>>> event_taken_part_in(doc[2]).text, participant_verb(doc[6]).text
('talks', 'take')
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs whose "in" phrase names what their subject is a party to ("take" with the
# object "part").  "engage" also reads "engaged in talks"; "join" takes the event
# as its object and is coded by its own patterns.
PARTICIPATION_VERBS = frozenset(["participate", "partake", "engage", "take"])


def _in_objects(verb: Token) -> list[Token]:
    heads = [verb]
    if verb.lemma_.lower() == "take":  # "took part in", "took an active part in"
        parts = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"]
        if not parts:
            return []
        heads += parts
    return [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def event_taken_part_in(verb: Token) -> Token | None:
    """The noun of what a verb of taking part says its subject is a party to."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PARTICIPATION_VERBS:
        return None
    found = _in_objects(verb)
    return found[0] if found else None


def participant_verb(noun: Token) -> Token | None:
    """The verb of taking part whose "in" phrase is ``noun``: "took part [in the
    talks]", "participated [in the protest]"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    verb = prep.head
    if verb.lower_ == "part" and verb.dep_ == "dobj":
        verb = verb.head
    found = event_taken_part_in(verb)
    return verb if found is not None and found.i == noun.i else None
