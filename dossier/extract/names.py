"""Event words inside proper names: "the Inter-American Dialogue", "Human Rights Watch".

An organisation, a work or a law may be named with an event noun ("Dialogue",
"Conference", "Watch", "Attack"); the word then names the organisation and
reports no dialogue, conference or attack.  ``in_name`` says so for a
capitalised noun (a proper noun in title case, not at the start of its
sentence) when one of these holds:

- the parser's entity around it is an organisation, work of art, law, product
  or building, and spans more words than this one ("the Leadership Conference
  of Women Religious" ORG, "Human Rights Watch" ORG);
- a person holds a post in it or speaks for it: it is the object of "of", "at"
  or "from" after a post noun ("president of the Inter-American Dialogue",
  "a researcher at the Centre for Humanitarian Dialogue");
- it is said to be based somewhere ("the Washington-based Inter-American
  Dialogue"): places are where organisations are based, not events.

A named event stays an event: "the Women's March" (a possessor,
``senses.named_event``), "the Munich Security Conference" (no cue above).  A
headline in title case says nothing by its capitals, so its words are left to
the other rules.

>>> from dossier.annotate import annotate
>>> doc = annotate("Michael Shifter, president of the Inter-American Dialogue, said little.")
>>> in_name(doc[9])
True
>>> doc = annotate("Dialogue between the two Koreas resumed in May.")
>>> in_name(doc[0])
False
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NAME_LABELS = frozenset(["ORG", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"])
# nouns of a post held in an organisation: "president of X", "a fellow at X"
POST_NOUNS = frozenset(
    """
    president vice-president head director chairman chairwoman chair chairperson founder
    co-founder member members fellow fellows analyst analysts researcher researchers scholar
    scholars expert experts spokesman spokeswoman spokesperson executive ceo professor
    economist economists secretary secretary-general officer staff employee employees
    """.split()
)
POST_PREPS = frozenset(["of", "at", "from"])
HEADLINE_SHARE = 0.7  # capitalised words among a sentence's words of four letters or more


def in_name(token: Token) -> bool:
    """Whether a capitalised event noun is part of a proper name (module docstring)."""
    if token.pos_ != "PROPN" or not token.is_title or token.i == token.sent.start:
        return False
    if any(c.dep_ == "poss" for c in token.children) or headline(token.sent):
        return False  # "the Women's March": a named event
    if token.ent_type_ in NAME_LABELS and (
        token.ent_iob_ == "I"
        or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")
    ):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in POST_PREPS and (
        head.head.lemma_.lower() in POST_NOUNS or head.head.lower_ in POST_NOUNS
    ):
        return True
    return any(
        t.lower_ == "based" and t.i < token.i for c in token.lefts for t in c.subtree
    )


def headline(sent: Span) -> bool:
    """Whether a sentence is written in title case, as headlines are.

    >>> from dossier.annotate import annotate
    >>> headline(next(annotate("Taliban Attack on Pakistan School Kills 141").sents))
    True
    """
    words = [t for t in sent if t.is_alpha and len(t) >= 4]
    return bool(words) and sum(t.is_title for t in words) >= HEADLINE_SHARE * len(words)
