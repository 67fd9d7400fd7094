"""Lexical units from PETRARCH2's CAMEO verb dictionary (``dossier/data/petrarch/``).

The hand table (``triggers.tsv``) is read first; for a verb it does not list,
the converted PETRARCH2 table supplies the event type, mode and frame:

- a **pattern** whose object or prepositional phrase names a noun ("rush relief",
  "provide &weapon", "move troops to the border") is a lexical unit when the
  sentence's object (or the object of that preposition) is that noun: the
  pattern selects the sense (unless a light verb's object is an event noun of
  the hand table, "approved the purchase": the noun is the event).  Only the
  patterns written for the verb itself are used (the verb its comment names):
  PETRARCH2 applies a block's patterns to every verb of the block, a WordNet
  synonym set.  Patterns with a subject slot are not used (the extractor reads
  subjects as actors), nor patterns whose only slots are actor markers (``$``,
  ``+``, ``^``), which select nothing, nor slots PETRARCH2 codes twice with
  different types ("open borders" is 050 and 080): they select no sense.
- a verb's **own code** (no slot) is a lexical unit only when PETRARCH2's coders
  wrote it on the verb's line (``explicit``): codes a verb only inherits from
  its block are WordNet synonym sets ("die" 190, "think" 040, "increase" 060)
  that PETRARCH2 itself codes only between two actors.  Such a unit needs a
  source and a target (``Trigger.dyadic``), as PETRARCH2 does, and intent codes
  (CAMEO 03: "decide", "want", "expect") are left to the factuality cues.

The frame of each row was chosen by the converter from its CAMEO code
(``dossier/lexicons/cameo_frames.py``).

>>> from dossier.annotate import annotate
>>> doc = annotate("Kenya rushed food to Somalia.")
>>> [(t.type, t.mode, t.frame, t.origin) for t in units_for("rush", context_of(doc[1], doc[2]))]
[('AID', None, 'give', 'petrarch')]
>>> units_for("rush", Context()) == []
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from dossier.extract.lexicon import LIGHT_VERBS, Trigger
from dossier.extract.lexicon import triggers_for as lexicon_triggers_for
from dossier.extract.syntax import subtree_indices
from dossier.lexicons import petrarch

MARKERS = frozenset(["$", "+", "^", "%"])
# CAMEO families whose bare verbs are left to other readers: intent (03) is the
# factuality of the governed event ("decided to send" is a planned AID).
BARE_SKIPPED_FAMILIES = frozenset(["03"])
# Frames whose object is what changes hands or moves (kept as the event's items);
# elsewhere the pattern's object is part of the trigger ("expressed concern").
THEME_FRAMES = frozenset(["give", "receive", "move"])


@dataclass(frozen=True)
class Context:
    """The words around a verb that PETRARCH2's patterns test: the object phrase
    (lemmas and forms) with its head, and each preposition with its object's."""

    head: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    preps: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = field(default=())
    after: frozenset[str] = frozenset()  # the words just after the object phrase


def _forms(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def _phrase(token: Token) -> tuple[frozenset[str], frozenset[str]]:
    head: set[str] = set()
    for h in [token, *[c for c in token.children if c.dep_ == "conj"]]:
        head |= _forms(h)
    words = set(head)
    doc, last = token.doc, token.i + 3
    for i in subtree_indices(token):
        if i <= last and (t := doc[i]).dep_ not in ("relcl", "acl"):
            words |= _forms(t)
    return frozenset(head), frozenset(words)


def context_of(token: Token, obj: Token | None) -> Context:
    """The context of a verb token; ``obj`` is its object (or theme) if found."""
    head, words = _phrase(obj) if obj is not None else (frozenset(), frozenset())
    after: set[str] = set()
    if obj is not None:
        end = max(subtree_indices(obj))
        for t in obj.doc[end + 1 : end + 4]:
            after |= _forms(t)
    preps = []
    for nodes in (token, obj):
        if nodes is None:
            continue
        for prep in nodes.children:
            if prep.dep_ not in ("prep", "agent", "dative"):
                continue
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    preps.append((prep.lower_, *_phrase(pobj)))
    return Context(head, words, tuple(preps), frozenset(after))


@cache
def _options(np: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A pattern noun phrase with its synonym sets spelled out: (head word, other words)."""
    return tuple((parts[-1], tuple(parts[:-1]))
                 for option in petrarch.expand(np) if (parts := option.split()))


@cache
def _heads(np: str) -> frozenset[str]:
    return frozenset(head for head, _ in _options(np))


def _np_matches(np: str, head: frozenset[str], words: frozenset[str]) -> bool:
    """A pattern noun phrase (synonym sets spelled out) against a phrase: its last
    word is the phrase's head, its other words are in the phrase."""
    if _heads(np).isdisjoint(head):
        return False
    return any(last in head and all(w in words for w in rest) for last, rest in _options(np))


def _slots(pattern: petrarch.VerbPattern) -> tuple[list[str], list[tuple[str, list[str]]]]:
    nps = [np for np in pattern.object if np not in MARKERS]
    preps = [(p, [np for np in nps_ if np not in MARKERS]) for p, nps_ in pattern.preps]
    return nps, preps


def _pattern_matches(pattern: petrarch.VerbPattern, context: Context) -> bool:
    nps, preps = _slots(pattern)
    if not nps and not any(np for _, np in preps):
        return False  # only actor markers or a bare preposition: selects nothing
    if nps and not _np_matches(nps[0], context.head, context.words):
        return False
    rest = context.words | context.after
    if not all(_np_matches(np, rest, rest) for np in nps[1:]):
        return False  # later words of the object side ("- * TROOP TOWARD +") must be there
    for prep, prep_nps in preps:
        alternatives = set(prep.split("/"))
        found = [(h, w) for p, h, w in context.preps if p in alternatives]
        if not found:
            return False
        if prep_nps and not any(_np_matches(np, h, w) for np in prep_nps for h, w in found):
            return False
    return True


def _trigger(verb: str, pattern: petrarch.VerbPattern, words: frozenset[str]) -> Trigger | None:
    reversed_only = not pattern.code and pattern.code2
    etype = pattern.type2 if reversed_only else pattern.type
    mode = pattern.mode2 if reversed_only else pattern.mode
    if not etype or not pattern.frame:
        return None
    objects = words if pattern.object and pattern.frame not in THEME_FRAMES else frozenset()
    # "lodged a protest with Britain", "issued an ultimatum to Ukraine": a verb and its
    # object noun are one predicate, whose target is in the prepositions
    frame = "toward" if objects and pattern.frame == "act" else pattern.frame
    return Trigger(verb, "VERB", etype, mode or None, frame, objects, origin="petrarch",
                   dyadic=pattern.bare)


def _typed(pattern: petrarch.VerbPattern) -> str | None:
    return pattern.type2 if not pattern.code and pattern.code2 else pattern.type


@cache
def _ambiguous(phrase: str, pattern: petrarch.VerbPattern) -> bool:
    """Whether the verb's blocks code the pattern's slots with another type too."""
    return any(
        (p.object, p.preps) == (pattern.object, pattern.preps) and _typed(p) != _typed(pattern)
        for p in petrarch.verb_patterns(phrase) if not p.bare
    )


@cache
def _patterns(phrase: str) -> tuple[petrarch.VerbPattern, ...]:
    entries = petrarch.verb_entries(phrase)
    own = {phrase} | {e["phrase"] for e in entries}
    own |= {form for e in entries for form in e["forms"].split("|") if form}
    usable = []
    for p in petrarch.verb_patterns(phrase):
        if p.subject or p.subject_preps:
            continue
        if not p.bare and not _written_for(p, own):
            continue
        usable.append(p)
    return tuple(usable)


@cache
def _index(phrase: str) -> tuple[dict[str, tuple[petrarch.VerbPattern, ...]],
                                  list[petrarch.VerbPattern]]:
    """The verb's slot patterns by the head words their object can have, and those
    with no object noun (prepositions only)."""
    by_head: dict[str, list[petrarch.VerbPattern]] = {}
    prep_only = []
    for p in _patterns(phrase):
        if p.bare:
            continue
        nps, _ = _slots(p)
        if not nps:
            prep_only.append(p)
            continue
        for head in _heads(nps[0]):
            by_head.setdefault(head, []).append(p)
    return {k: tuple(v) for k, v in by_head.items()}, prep_only


def _written_for(pattern: petrarch.VerbPattern, forms: set[str]) -> bool:
    """Whether the pattern's comment names this verb (``# STEP_UP , STEPPED_UP``):
    a block's patterns were written for one of its verbs, and PETRARCH2's blocks are
    WordNet synonym sets ("procrastinate a trip" is not "postpone a trip")."""
    named = (pattern.found_with or "").replace(",", " ")
    return named in forms or any(word in forms for word in named.split())


def warm_up() -> None:
    """Select the usable patterns of every verb the dictionary codes now (about half a
    second and 30 MB), for batch workers; otherwise each verb's are selected the first
    time it is met."""
    for phrase in petrarch.verb_phrases():
        _index(phrase.lower())


def triggers_for(lemma: str, pos: str, obj: str | None = None,
                 context: Context | Callable[[], Context] | None = None) -> list[Trigger]:
    """``lexicon.triggers_for``, then, for a verb the hand table does not list and with a
    ``context`` (the verb's object and prepositional phrases: ``context_of``, or a
    function that makes it), PETRARCH2's units (``units_for``).

    >>> [t.origin for t in triggers_for("supply", "VERB", None, Context())]
    ['hand']
    """
    found = lexicon_triggers_for(lemma, pos, obj)
    if found or pos != "VERB" or context is None:
        return found
    return units_for(lemma, context)


def units_for(phrase: str, context: Context | Callable[[], Context]) -> list[Trigger]:
    """The PETRARCH2 lexical units of a verb (lemma or multi-word phrase) in a context
    (or a function that makes it, called only for a verb PETRARCH2 codes): the
    patterns its object and prepositions select, else its explicit own code."""
    patterns = _patterns(phrase.lower())
    if not patterns:
        return []
    if callable(context):
        context = context()
    by_head, prep_only = _index(phrase.lower())
    candidates = [p for word in context.head for p in by_head.get(word, ())] + prep_only
    matched = [p for p in dict.fromkeys(candidates) if _pattern_matches(p, context)]
    matched.sort(key=patterns.index)  # dictionary order, then by specificity below
    if phrase.split(" ", 1)[0] in LIGHT_VERBS and (
        any(lexicon_triggers_for(word, "NOUN") for word in context.head)
        or any(lexicon_triggers_for(f"{word} {head}", "NOUN")  # "an aid package"
               for head in context.head for word in context.words if word not in context.head)
    ):
        # "approved the purchase", "filed a lawsuit", "carried out attacks": after a light
        # verb (with its particle) the object noun is the event (its own frame, with the
        # verb's subject: rules.nominal_roles)
        matched = [p for p in matched if not p.object]
    # the most specific first: more slots, then dictionary order
    matched.sort(key=lambda p: -(len(p.object) + len(p.preps)))
    if matched and _ambiguous(phrase.lower(), matched[0]):
        return []  # the same slots coded twice over ("open borders" 050 and 080): no sense
    for pattern in matched:
        if pattern.code == "---":
            return []  # PETRARCH2 says this use is no event
        trig = _trigger(phrase, pattern, context.head if pattern.object else frozenset())
        if trig is not None:
            return [trig]
    own = [p for p in patterns if p.bare and p.explicit and p.code[:2] not in BARE_SKIPPED_FAMILIES]
    out = [t for p in own[:1] if (t := _trigger(phrase, p, frozenset())) is not None]
    return out
