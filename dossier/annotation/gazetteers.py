"""The gazetteer entity ruler: states, organisations, equipment and places.

The small model misses or mislabels many of these (it tags MiG-29 as PERSON and
Kursk Oblast as PRODUCT). ``Gazetteers`` tags them from ``gazetteer_patterns``
(``dossier/gazetteer.py``, ``dossier/equipment.py``, the places of
``dossier/resolve/patterns.py``), each match carrying an id ("state:PRK",
"equip:MiG-29", "place:admin1:RU-KRS") in ``ent.ent_id_``. ``compile_patterns``
turns the patterns into plain tables, which ``gazetteer_cache`` keeps on disk.

>>> from dossier.annotate import load_pipeline
>>> nlp = load_pipeline()
>>> ruler = Gazetteers(nlp, [{"label": "GPE", "id": "state:PRK", "pattern": "North Korea"}])
>>> doc = ruler(nlp.make_doc("Troops left North Korea."))
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]
[('North Korea', 'GPE', 'state:PRK')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dossier import surnames


def gazetteer_patterns() -> list[dict]:
    """All gazetteer patterns, in EntityRuler format, by priority: equipment,
    then actors, then places.  Longer matches win; for the same words the
    pattern of higher priority wins."""
    from dossier import equipment, gazetteer
    from dossier.resolve import places

    return [*equipment.ruler_patterns(), *gazetteer.ruler_patterns(), *places.place_patterns()]


class Gazetteers:
    """An entity ruler over phrase and token patterns, built for ~70k phrases.

    It behaves like spaCy's ``EntityRuler`` with ``overwrite_ents`` (matches
    replace the model's entities they overlap; longer matches win, then the
    pattern listed first) but looks phrases up by the text of token windows
    instead of tokenizing every phrase into the vocabulary first, so the
    pipeline starts in about a second instead of ten.
    """

    def __init__(self, nlp: Language, patterns: list[dict]) -> None:
        self._load(nlp, compile_patterns(patterns))

    @classmethod
    def from_state(cls, nlp: Language, state: dict) -> Gazetteers:
        """The ruler of ``compile_patterns``' output (read back from the cache)."""
        ruler = cls.__new__(cls)
        ruler._load(nlp, state)
        return ruler

    def _load(self, nlp: Language, state: dict) -> None:
        self.entries = [tuple(e) for e in state["entries"]]  # (label, id), in priority order
        self.phrases = state["phrases"]  # whitespace-normalised text -> entry
        # {"_": {name: value}} one-token patterns: name -> value -> entry, read with
        # one getter call per token (the Matcher would call it once per pattern)
        self.extension_values = state["extension_values"]
        # the lower-case first words of the token patterns ("project 636"): the
        # Matcher runs only on texts that have one (its regexes cost per token)
        self.first_words = state["first_words"]
        self._first: frozenset[int] | None = None
        self.window = state["window"]
        self.tokens = Matcher(nlp.vocab)
        self.token_keys: dict[int, int] = {}  # Matcher key -> entry
        # the most tokens a token pattern spans when none repeats a token ("OP"): the
        # Matcher then runs on that many tokens from each first word, not the whole Doc
        fixed = all("OP" not in t for _n, p in state["token_patterns"] for t in p)
        self.longest = max((len(p) for _n, p in state["token_patterns"]), default=0) \
            if fixed and self.first_words is not None else None
        for n, pattern in state["token_patterns"]:
            key = nlp.vocab.strings.add(f"dossier_gazetteer_{n}")
            self.token_keys[key] = n
            self.tokens.add(key, [pattern])
        # the first two characters of every phrase (and the first one): a window
        # whose first token does not begin like a phrase is not looked at
        self.phrase_heads = (
            {text[:2] for text in self.phrases},
            {text[:1] for text in self.phrases},
        )
        # the phrases in order: a window stops growing once no phrase begins with its
        # text (one bisection), instead of going on to ``window`` tokens
        self.ordered = sorted(self.phrases)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(entry, start, end) for every phrase and token pattern found in ``doc``."""
        found: list[tuple[int, int, int]] = []
        if not len(doc):
            return found
        # the tokens' texts and flags from one array read (creating Token objects is
        # what costs); the extensions' getters with the token's text when they read
        # nothing else (``of_text``), else called on each token
        strings = doc.vocab.strings
        orths, lowers, spaced, blank, punct = (
            doc.to_array([ORTH, LOWER, SPACY, IS_SPACE, IS_PUNCT]).T.tolist())
        texts = [strings[orth] for orth in orths]
        spaces = [" " if ws else "" for ws in spaced]
        if self.first_words is None:
            matcher_needed, starts = True, []
        else:  # tokens that are the first word of a token pattern
            first = self._first_ids(strings)
            starts = [i for i, lower in enumerate(lowers) if lower in first]
            matcher_needed = bool(starts)
        for name, values in self.extension_values.items():
            get = _getter(name)
            of_text = getattr(get, "of_text", None)
            if of_text is not None:
                found += [(n, i, i + 1) for i, word in enumerate(texts)
                          if (n := values.get(of_text(word))) is not None]
            else:
                found += [(n, token.i, token.i + 1) for token in doc
                          if (n := values.get(get(token))) is not None]
        if matcher_needed and self.longest is None:
            found += [(self.token_keys[k], s, e) for k, s, e in self.tokens(doc)]
        elif matcher_needed:  # the same matches, each looked for where it can begin
            size = len(texts)
            for i in starts:
                found += [(self.token_keys[k], i + s, i + e)
                          for k, s, e in self.tokens(doc[i : min(size, i + self.longest)])
                          if s == 0]  # one that begins later has a window of its own
        size = len(texts)
        heads, singles = self.phrase_heads
        phrases, ordered = self.phrases, self.ordered
        last = len(ordered)
        for start in range(size):
            if blank[start] or punct[start]:
                continue
            head = texts[start]
            if (head[:2] not in heads) if len(head) > 1 else (head not in singles):
                continue  # no phrase begins like this token
            text = ""
            for end in range(start + 1, min(start + self.window, size) + 1):
                text += texts[end - 1]
                n = phrases.get(text)
                if n is not None:
                    found.append((n, start, end))
                if blank[end - 1]:
                    break
                text += spaces[end - 1]
                at = bisect_left(ordered, text)
                if at == last or not ordered[at].startswith(text):
                    break  # no phrase begins with these words
        return found

    def _first_ids(self, strings: object) -> frozenset[int]:
        """The ids of ``first_words`` (the lower-case forms' hashes)."""
        if self._first is None:
            self._first = frozenset(get_string_id(w) for w in self.first_words or ())
        return self._first

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        found.sort(key=lambda m: (m[1] - m[2], m[0], m[1]))  # longest, first listed, leftmost
        taken: set[int] = set()
        new: list[Span] = []
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        for n, start, end in found:
            if taken.intersection(range(start, end)):
                continue
            label, ident = self.entries[n]
            if label in surnames.PLACE_LABELS and surnames.person_ends_with(people, start, end):
                continue  # "Roy Vincent Trinidad": a surname, not the state
            new.append(Span(doc, start, end, label=label, span_id=ident))
            taken.update(range(start, end))
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted(kept + new, key=lambda e: e.start)
        return doc


def _getter(name: str) -> Callable[[Token], object]:
    """A function giving ``token._.<name>``: the extension's getter itself when it has
    one, else a read through ``token._``."""
    getter = Token.get_extension(name)[2]
    if getter is not None:
        return getter
    return lambda token: token._.get(name)


def compile_patterns(patterns: list[dict]) -> dict:
    """The ``Gazetteers``' tables for ``patterns``, as plain values (``marshal`` keeps
    them in the cache: ``cached_gazetteers``)."""
    entries: list[tuple[str, str]] = []
    phrases: dict[str, int] = {}
    extension_values: dict[str, dict[str, int]] = {}
    token_patterns: list[tuple[int, list[dict]]] = []
    first_words: set[str] | None = set()
    window = 1
    index: dict[tuple[str, str], int] = {}
    for pattern in patterns:
        entry = (pattern["label"], pattern.get("id", ""))
        n = index.setdefault(entry, len(index))
        if n == len(entries):
            entries.append(entry)
        extension = _single_extension(pattern["pattern"])
        if isinstance(pattern["pattern"], str):
            text = _normalise(pattern["pattern"])
            phrases.setdefault(text, n)
            window = max(window, len(_ROUGH_TOKENS.findall(text)))
        elif extension is not None:  # one token whose extension has this value
            name, value = extension
            extension_values.setdefault(name, {}).setdefault(value, n)
        else:
            token_patterns.append((n, pattern["pattern"]))
            first = pattern["pattern"][0]
            if first_words is not None and list(first) == ["LOWER"]:
                first_words.add(first["LOWER"])
            else:  # a pattern that can begin anywhere: always run the Matcher
                first_words = None
    return {"entries": entries, "phrases": phrases, "extension_values": extension_values,
            "token_patterns": token_patterns, "first_words": first_words,
            "window": min(window, 16)}


_WHITESPACE = re.compile(r"\s+")
_ROUGH_TOKENS = re.compile(r"\w+|[^\w\s]")


def _single_extension(pattern: object) -> tuple[str, str] | None:
    """(name, value) for a one-token pattern [{"_": {name: value}}], else None."""
    if isinstance(pattern, list) and len(pattern) == 1 and list(pattern[0]) == ["_"]:
        (name, value), *rest = pattern[0]["_"].items()
        if not rest and isinstance(value, str):
            return name, value
    return None


def _normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text.strip())
