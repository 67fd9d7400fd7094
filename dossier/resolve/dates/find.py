"""Find: every date expression in a text, the longest where they overlap, in text order.

Rules run only near their key words (``_segments``); each match is read by its
rule's reader; overlapping hits keep the longest (``scan``), then anaphoric ones are
read in text order (``anchor.read_in_order``).
"""

from __future__ import annotations

import re

from dossier.resolve.dates.anchor import read_in_order
from dossier.resolve.dates.found import Context, Found
from dossier.resolve.dates.rules import CASED_KEY_WORDS, GROUPS, KEY_WORDS, RULES, Near

# Chars around a key word: more than any expression reaches from its key word
# ("Wednesday, the 10th-12th of December": 28 before the month).
_MARGIN = 48


def _key_mask() -> dict[str, int]:
    """Every spelling a token may have -> the groups it is a key word of."""
    out: dict[str, int] = {}
    for word, mask in KEY_WORDS.items():
        for form in (word, word.capitalize(), word.upper()):
            out[form] = out.get(form, 0) | mask
    for form, mask in CASED_KEY_WORDS.items():
        out[form] = out.get(form, 0) | mask
    return out


_KEY_MASK = _key_mask()

# Words that may be key words: capitalised or digit-led words, and the lowercase key words.
_LOWER_KEY_WORDS = "|".join(sorted(KEY_WORDS, key=len, reverse=True))
_TOKEN = re.compile(rf"(?<!\w)(?:[\dA-Z]\w*|(?:{_LOWER_KEY_WORDS})(?!\w))")


def _segments(text: str) -> dict[int, list[tuple[int, int]]]:
    """Per key-word group, the stretches of text around its key words, merged.

    Every rule's expression contains a key word of its group (a month name, a
    digit, "summer", "week", ...), so rules run only near their key words instead
    of over the whole text: most of an article holds no date at all.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    size = len(text)
    mask_of = _KEY_MASK.get
    for m in _TOKEN.finditer(text):
        token = m.group()
        mask = mask_of(token)
        if mask is None:
            if not token[0].isdigit():
                continue
            mask = Near.DIGIT | Near.CLOCK
        lo, hi = max(0, m.start() - _MARGIN), min(size, m.end() + _MARGIN)
        for bit in GROUPS:
            if mask & bit:
                spans = out.setdefault(bit, [])
                if spans and lo <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], hi)
                else:
                    spans.append((lo, hi))
    return out


def scan(ctx: Context) -> list[Found]:
    """All date expressions, the longest first where they overlap, in text order."""
    text = ctx.text
    segments = _segments(text)
    candidates: list[tuple[int, Found]] = []
    for priority, (pattern, reader, group) in enumerate(RULES):
        for lo, hi in segments.get(group, ()):
            for m in pattern.finditer(text, lo, hi):
                found = reader(m, ctx)
                if found is not None:
                    candidates.append((priority, found))
    candidates.sort(key=lambda c: (c[1].start - c[1].end, c[1].start, c[0]))
    taken: list[Found] = []
    for _priority, found in candidates:
        if all(found.end <= t.start or found.start >= t.end for t in taken):
            taken.append(found)
    taken.sort(key=lambda t: t.start)
    return read_in_order(ctx, taken)
