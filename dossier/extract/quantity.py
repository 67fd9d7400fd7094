"""Quantities of items as news copy writes them: magnitudes, approximations, ranges.

``parse`` reads the words of a number phrase; ``of_item`` finds them around an
item's head noun in the parse.  A quantity has three parts:

- ``value``: the best single number, the one ``Item.quantity`` keeps.  It is
  the number as written for comparatives ("over 2 million" -> 2000000, "up to
  30" -> 30) and the LOW end of a range ("several hundred" -> 300, "between 20
  and 30" -> 20): a count that is certainly reached, never an invented middle.
- ``mod``: how the number bounds the count: ``more_than`` ("over", "more
  than", "in excess of"), ``at_least`` ("at least", "no fewer than"),
  ``up_to`` ("up to", "as many as"), ``less_than`` ("nearly", "almost",
  "under", "fewer than"), ``about`` ("about", "some", "roughly", "an
  estimated"), or None.
- ``range``: (low, high) for vague or spanned counts.  Conventions, written
  for Dossier: "a few" is 2-5, "several" 3-9, a plural magnitude 2-9 of it
  ("dozens" 24-108, "hundreds" 200-900, "tens of thousands" 20,000-90,000).

No number (a battalion, some troops) gives None.  Plain code: the number
words of English news are few, and the PyPI number parsers (word2number,
numerizer, number-parser) read neither approximations nor vague magnitudes.

>>> parse("over 2 million".split())
Quantity(value=2000000, mod='more_than', range=None)
>>> parse("several hundred".split())
Quantity(value=300, mod=None, range=(300, 900))
>>> parse("between 20 and 30".split())
Quantity(value=20, mod=None, range=(20, 30))
>>> parse("two dozen".split()), parse("a battalion".split())
(Quantity(value=24, mod=None, range=None), None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Words that multiply what comes before them ("two dozen", "three hundred").
SCALES = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1_000,
          "million": 1_000_000, "billion": 1_000_000_000}  # fmt: skip
# Scales that close a group: "two hundred thousand" = (2 x 100) x 1000.
BIG_SCALES = frozenset(["thousand", "million", "billion"])
# Plural magnitudes with no count before them: 2-9 of the unit ("dozens", "tens").
PLURALS = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000,
           "millions": 1_000_000, "billions": 1_000_000_000}  # fmt: skip
VAGUE = {"several": (3, 9), "few": (2, 5)}
# Approximation words, longest first within each reading; matched at the start.
MODIFIERS: tuple[tuple[str, str], ...] = (
    ("in excess of", "more_than"), ("upwards of", "more_than"), ("more than", "more_than"),
    ("over", "more_than"), ("above", "more_than"), ("no fewer than", "at_least"),
    ("no less than", "at_least"), ("at least", "at_least"), ("a minimum of", "at_least"),
    ("up to", "up_to"), ("as many as", "up_to"), ("as much as", "up_to"),
    ("a maximum of", "up_to"), ("fewer than", "less_than"), ("less than", "less_than"),
    ("just under", "less_than"), ("nearly", "less_than"), ("almost", "less_than"),
    ("under", "less_than"), ("below", "less_than"), ("close to", "about"),
    ("an estimated", "about"), ("approximately", "about"), ("roughly", "about"),
    ("around", "about"), ("about", "about"), ("some", "about"), ("circa", "about"),
    ("approx", "about"),
)  # fmt: skip
MODIFIER_WORDS = frozenset(w for phrase, _ in MODIFIERS for w in phrase.split())
NUMBER = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|million|billion)?$")
SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
            "million": 1_000_000, "billion": 1_000_000_000}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    value: int
    mod: str | None = None
    range: tuple[int, int] | None = None


def _digits(word: str) -> float | None:
    match = NUMBER.match(word)
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    return number * SUFFIXES.get(match.group(2) or "", 1)


def _count(words: list[str]) -> tuple[float, float] | None:
    """(low, high) of a count without modifiers: "2 million", "several hundred".
    Other words are skipped ("24 F-16 jets": the designation is no number)."""
    total = [0.0, 0.0]
    group: list[float] | None = None
    seen = False
    for i, word in enumerate(words):
        digits = _digits(word)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in ("a", "an") and (nxt in SCALES or nxt in VAGUE):
            group = [1.0, 1.0]  # "a dozen", "a few hundred"; never "a battalion"
        elif digits is not None and group is not None:
            continue  # a second figure is no part of the first: "14 Leopard 2 tanks"
        elif digits is not None or word in UNITS:
            value = digits if digits is not None else float(UNITS[word])
            group = [value, value] if group is None else [group[0] + value, group[1] + value]
        elif word in VAGUE:
            group = [float(v) for v in VAGUE[word]]
        elif word in PLURALS:
            unit = PLURALS[word]
            group = [2.0 * unit, 9.0 * unit] if group is None else [g * unit for g in group]
        elif word in SCALES:
            scale = SCALES[word]
            group = [scale, scale] if group is None else [g * scale for g in group]
            if word in BIG_SCALES:
                total = [total[0] + group[0], total[1] + group[1]]
                group = None
        else:
            continue
        seen = True
    if not seen:
        return None
    if group is not None:
        total = [total[0] + group[0], total[1] + group[1]]
    return total[0], total[1]


def _fold_plural_of(words: list[str]) -> list[str]:
    """"tens of thousands" is read as plural x scale: drop the "of" and make the
    scale singular so it multiplies."""
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "of" and out and out[-1] in PLURALS and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt in PLURALS:
                words[i + 1] = nxt[:-1]  # thousands -> thousand
            continue
        out.append(word)
    return out


def parse(words: list[str]) -> Quantity | None:
    """The quantity a number phrase states, or None when it states no number."""
    words = [w.lower() for w in words if w.strip()]
    mod = None
    for phrase, reading in MODIFIERS:
        parts = phrase.split()
        if words[: len(parts)] == parts and len(words) > len(parts):
            mod, words = reading, words[len(parts) :]
            break
    if words[:1] in (["between"], ["from"]):
        words = words[1:]  # "between 20 and 30", "from 20 to 30"
    for i, joiner in enumerate(words[1:-1], start=1):
        if joiner in ("and", "to", "-", "or"):
            low, high = _count(words[:i]), _count(words[i + 1 :])
            if low and high and low[0] < high[1]:  # not "two hundred and fifty"
                return Quantity(int(low[0]), mod, (int(low[0]), int(high[1])))
    count = _count(_fold_plural_of(list(words)))
    if count is None:
        return None
    low, high = int(count[0]), int(count[1])
    if low <= 0:
        return None
    return Quantity(low, mod, (low, high) if high != low else None)


# Nouns that are counts themselves: "dozens of drones", "thousands of shells".
COUNT_NOUNS = frozenset(PLURALS) | frozenset(SCALES)


def _phrase_tokens(head: Token) -> list[Token]:
    """The number words that count ``head``: its numeric modifiers and their
    own modifiers, or the count noun it hangs off ("dozens of drones")."""
    tokens: list[Token] = []
    for child in head.children:
        if child.i > head.i:
            continue
        if child.dep_ in ("nummod", "quantmod") or (
            child.dep_ in ("amod", "advmod", "det")
            and child.lower_ in MODIFIER_WORDS | frozenset(VAGUE) | {"many", "much"}
        ):
            tokens.extend(t for t in child.subtree if t.i < head.i)
    if not tokens and head.dep_ == "pobj" and head.head.lower_ == "of":
        count = head.head.head
        if count.lower_ in COUNT_NOUNS or count.pos_ == "NUM":
            tokens = [t for t in count.subtree if t.i <= count.i]
    return sorted(set(tokens), key=lambda t: t.i)


def of_item(head: Token) -> Quantity | None:
    """The quantity of the item whose head noun is ``head``.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Iran has sent over 2 million rounds of ammunition to Russia.")
    >>> of_item(doc[6])
    Quantity(value=2000000, mod='more_than', range=None)
    """
    # a designation's own numbers are no count: "14 Leopard 2 tanks", "24 F-16 jets"
    tokens = [t for t in _phrase_tokens(head) if t.ent_type_ != "EQUIPMENT"]
    if not tokens:
        return None
    return parse([t.text for t in tokens])
