"""The shape of a noun phrase that may name an actor: its words, its conjuncts, and
the "in/of/from" phrases that say where it is or comes from.

A new rule about which dependents belong to an actor's phrase (and which are
clauses that say something else about it) goes here.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia and North Korea signed a pact, which angered Seoul.")
>>> [t.text for t in coordinated(doc[0])], [t.text for t in phrase_tokens(doc[6])]
(['Russia', 'Korea'], ['a', 'pact'])
"""

from __future__ import annotations

from spacy.tokens import Token

# Clauses inside a noun phrase that say something else about it.
CLAUSE_DEPS = frozenset(["relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc"])


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses or conjuncts."""
    out = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "conj" or child.dep_ == "prep":
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def coordinated(head: Token) -> list[Token]:
    """``head`` and its conjuncts: "Russia and North Korea" -> [Russia, Korea]."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out.extend(coordinated(child))
    return out


def where_objects(head: Token) -> list[Token]:
    """The objects of "in/of/from" phrases on a noun: where an actor is or comes from."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
