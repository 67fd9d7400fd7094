"""Reader for PETRARCH2's verb dictionary (``CAMEO.2.0.txt``).

The file has synonym sets (``&LABEL`` then ``+word`` lines), then verb blocks::

    ---  ACCELERATE   [---]  ---        block name and its code
    HURRY {HURRIES HURRYING HURRIED }   a verb, its listed forms, optionally [code]
    +ASK_FOR {+ASKED_FOR ...} [020]     a multi-word verb: '+' marks the verb word
    - * &WEAPON (FROM ^)   [194]  # RUSH
    - $ TROOP * TOWARD +   [154]  # MOVE

A pattern is ``pre-verb nouns * post-verb nouns`` with ``(PREP nouns)``
prepositional phrases and ``{modifier ... HEAD}`` noun phrases; ``$`` marks
the source, ``+`` the target, ``^`` any phrase (skipped), ``&LABEL`` a synonym
set.  ``[042:043]`` is a paired code: 042 for source -> target and 043 for the
reciprocal event target -> source (``[:173]``: only the reciprocal, "appear
before court" = the court acts on the source).  The comment names the verb the
pattern was first written for.  Transformations (``~`` lines) are not read.

>>> parse_side("{&MILITARY OPERATION} (IN ^) (AGAINST)")
(['&military operation'], [('in', ['^']), ('against', [])])
>>> parse_code("042:043"), parse_code(":173"), parse_code("---")
(('042', '043'), ('', '173'), ('---', ''))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dossier.lexicons.petrarch_readers import Notes, read_lines, strip_comment

MARKERS = {"$", "+", "^", "%"}
_CODE = re.compile(r"\d{2,4}|---|")


@dataclass
class VerbEntry:
    phrase: str  # "ask for", "arrest", "re arrest"
    verb: str  # the word the parser tags as the verb
    prefix: str  # words before it ("re")
    particle: str  # words after it ("for")
    forms: list[str]  # forms the file lists (irregular or all), as phrases
    block: str
    code: str
    code2: str  # the reciprocal event's code ("visit": 042, its host 043)
    line: int
    explicit: bool = False  # the code is written on the verb's own line, not the block's


@dataclass
class PatternRecord:
    block: str
    subject: list[str]
    subject_preps: list[tuple[str, list[str]]]
    object: list[str]
    preps: list[tuple[str, list[str]]]
    code: str
    code2: str
    found_with: str
    line: int


def _word(core: str) -> str:
    """One pattern token as text: synset labels kept, ``_`` joins words, markers kept."""
    if core.startswith("&"):
        return core.lower()
    if core in MARKERS:
        return core
    text = " ".join(core.replace("_", " ").lower().split())
    return text if re.search(r"[a-z0-9]", text) else ""


def parse_side(text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Noun phrases and prepositional phrases of one side of a pattern."""
    nps: list[str] = []
    preps: list[tuple[str, list[str]]] = []
    in_prep = False
    np_buffer: list[str] | None = None

    def finish(words: list[str]) -> None:
        phrase = " ".join(w for w in words if w)
        if phrase:
            (preps[-1][1] if in_prep else nps).append(phrase)

    for token in text.split():
        opens_p, closes_p = token.startswith("("), token.endswith(")")
        core = token.strip("()")
        if opens_p:
            name = _word(core.strip("{}"))
            preps.append((name, []))
            in_prep = True
            if closes_p:
                in_prep = False
            continue
        opens_b, closes_b = core.startswith("{"), core.endswith("}")
        word = _word(core.strip("{}"))
        if opens_b and not closes_b:
            np_buffer = [word]
        elif np_buffer is not None:
            np_buffer.append(word)
            if closes_b:
                finish(np_buffer)
                np_buffer = None
        else:
            finish([word])
        if closes_p:
            if np_buffer is not None:  # "(IN {A B)" : an unclosed phrase ends with its prep
                finish(np_buffer)
                np_buffer = None
            in_prep = False
    if np_buffer is not None:
        finish(np_buffer)
    return nps, preps


def parse_code(inside: str) -> tuple[str, str]:
    """``042:043`` -> ("042", "043"); a single code has no reciprocal."""
    first, _, second = inside.strip().partition(":")
    return first.strip(), second.strip()


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _verb_phrase(token: str) -> tuple[str, str, str, str]:
    """``RE_+ARREST`` -> (phrase, verb, prefix, particle)."""
    parts = [p for p in token.lower().split("_") if p]
    marked = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    return (" ".join(parts), parts[marked], " ".join(parts[:marked]),
            " ".join(parts[marked + 1:]))


def read_verb_file(path: Path, notes: Notes) -> tuple[
        dict[str, list[str]], list[VerbEntry], list[PatternRecord]]:
    """(synsets, verb entries, patterns) of the verb dictionary.

    Synset words get a regular plural unless the word or the label ends in
    ``_`` (PETRARCH's rule).  Identical patterns within a block are kept once.
    """
    synsets: dict[str, list[str]] = {}
    verbs: list[VerbEntry] = []
    patterns: list[PatternRecord] = []
    seen: set[tuple] = set()
    label: str | None = None
    block, block_code = "", "---"
    for number, raw in enumerate(read_lines(path), 1):
        if raw.startswith("#") or raw.startswith("~") or raw.startswith("<!"):
            label = None if raw.startswith("~") else label
            continue
        line = strip_comment(raw).rstrip()
        if not line.strip():
            label = None
            continue
        if line.startswith("&"):
            label = line.strip().lower()
            synsets.setdefault(label, [])
            continue
        if label is not None and line.startswith("+"):
            word = line[1:].strip()
            no_plural = word.endswith("_") or label.endswith("_")
            text = " ".join(word.replace("_", " ").lower().split())
            if text:
                synsets[label].append(text)
                if not no_plural:
                    *rest, last = text.split(" ")
                    synsets[label].append(" ".join([*rest, _plural(last)]))
            continue
        label = None
        if line.startswith("---"):
            found = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if not found:
                notes.skip("verb block header not read", raw)
                continue
            block, block_code = found.group(1).lower(), found.group(2).strip() or "---"
            continue
        if line.startswith("-"):
            body = line[1:]
            code_match = re.search(r"\[([^\]]*)\]\s*$", body)
            if not code_match:
                notes.skip("pattern with no [code]", raw)
                continue
            if "*" not in body:
                notes.skip("pattern with no verb position *", raw)
                continue
            code, code2 = parse_code(code_match.group(1))
            if not all(_CODE.fullmatch(c) for c in (code, code2)):
                notes.skip("pattern code with stray punctuation (read without it)", raw)
                code, code2 = (re.sub(r"[^0-9-]", "", c) for c in (code, code2))
            pre, _, post = body[: code_match.start()].partition("*")
            subject, subject_preps = parse_side(pre)
            obj, preps = parse_side(post)
            comment = raw.split("#", 1)[1].split() if "#" in raw else []
            found_with = comment[0].lower() if comment else ""
            key = (block, str(subject), str(subject_preps), str(obj), str(preps), code, code2)
            if key in seen:
                notes.skip("pattern repeated in its block (kept once)", raw)
                continue
            seen.add(key)
            patterns.append(PatternRecord(block, subject, subject_preps, obj, preps, code,
                                          code2, found_with.replace("_", " "), number))
            continue
        if not block:
            notes.skip("verb before any block", raw)
            continue
        text = line.split(";", 1)[0].strip()  # ';' starts a comment (TABARI legacy)
        own_code = re.search(r"\[([^\]]*)\]\s*$", text)
        code, code2 = parse_code(own_code.group(1) if own_code else block_code)
        if own_code:
            text = text[: own_code.start()].strip()
        forms: list[str] = []
        brace = re.search(r"\{([^}]*)\}", text)
        if brace:
            forms = [_verb_phrase(f)[0] for f in brace.group(1).split()]
            text = (text[: brace.start()] + text[brace.end():]).strip()
        tokens = text.split()
        if len(tokens) != 1:
            notes.skip("verb line not read", raw)
            continue
        phrase, verb, prefix, particle = _verb_phrase(tokens[0])
        verbs.append(VerbEntry(phrase, verb, prefix, particle, forms, block, code or "---",
                               code2, number, explicit=bool(own_code)))
    return synsets, verbs, patterns
