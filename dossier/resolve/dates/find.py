"""Find: every date expression in a text, the longest where they overlap, in text order.

Rules run only near their anchor words (``segments``); each match is read by its
rule's reader; overlapping hits keep the longest (``scan``), then anaphoric ones are
read in text order (``anchor.read_in_order``).
"""

from __future__ import annotations

import re

from dossier.models import DateValue
from dossier.resolve.dates.anchor import read_in_order
from dossier.resolve.dates.found import Anaphor, Context
from dossier.resolve.dates.rules import ANCHORS, CASED_ANCHORS, CLOCK, DIGIT, GROUPS, RULES

# Chars around an anchor: more than any expression reaches from its anchor
# ("Wednesday, the 10th-12th of December": 28 before the month).
_MARGIN = 48


def _anchor_mask() -> dict[str, int]:
    """Every spelling a token may have -> the groups it anchors."""
    out: dict[str, int] = {}
    for word, mask in ANCHORS.items():
        for form in (word, word.capitalize(), word.upper()):
            out[form] = out.get(form, 0) | mask
    for form, mask in CASED_ANCHORS.items():
        out[form] = out.get(form, 0) | mask
    return out


_ANCHOR_MASK = _anchor_mask()


# Words that may be anchors: capitalised or digit-led words, and the lowercase anchors.
_LOWER_ANCHORS = "|".join(sorted(ANCHORS, key=len, reverse=True))


_TOKEN = re.compile(rf"(?<!\w)(?:[\dA-Z]\w*|(?:{_LOWER_ANCHORS})(?!\w))")


def _segments(text: str) -> dict[int, list[tuple[int, int]]]:
    """Per anchor group, the stretches of text around its anchor words, merged.

    Every rule's expression contains an anchor of its group (a month name, a
    digit, "summer", "week", ...), so rules run only near their anchors instead
    of over the whole text: most of an article holds no date at all.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    size = len(text)
    mask_of = _ANCHOR_MASK.get
    for m in _TOKEN.finditer(text):
        token = m.group()
        mask = mask_of(token)
        if mask is None:
            if not token[0].isdigit():
                continue
            mask = DIGIT | CLOCK
        lo, hi = max(0, m.start() - _MARGIN), min(size, m.end() + _MARGIN)
        for bit in GROUPS:
            if mask & bit:
                spans = out.setdefault(bit, [])
                if spans and lo <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], hi)
                else:
                    spans.append((lo, hi))
    return out


def scan(ctx: Context) -> list[tuple[DateValue, str]]:
    """All date expressions, the longest first where they overlap, in text order."""
    text = ctx.text
    segments = _segments(text)
    candidates: list[tuple[int, int, int, DateValue | Anaphor, str]] = []
    for priority, (pattern, handler, group) in enumerate(RULES):
        for lo, hi in segments.get(group, ()):
            for m in pattern.finditer(text, lo, hi):
                hit = handler(m, ctx)
                if hit is not None:
                    start, end, value, kind = hit
                    candidates.append((start, end, priority, value, kind))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int, DateValue | Anaphor, str]] = []
    for start, end, _priority, value, kind in candidates:
        if all(end <= s or start >= e for s, e, _v, _k in taken):
            taken.append((start, end, value, kind))
    taken.sort(key=lambda t: t[0])
    return read_in_order(ctx, taken)
