"""The ``dossier_word_fixes`` component: tags and lemmas the model gets wrong for known words.

Set between the attribute ruler and the lemmatizer: the hyphenated protest
nouns (``tokenizer.HYPHENATED_NOUNS``) the tagger takes for names, and verb forms
the rule lemmatizer takes to another stem (``data/lemma_exceptions.tsv``).

>>> from dossier.annotate import annotate
>>> [t.lemma_ for t in annotate("Rebels waged war.")]
['rebel', 'wage', 'war', '.']
"""

from __future__ import annotations

from pathlib import Path

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from dossier.annotation.tokenizer import HYPHENATED_NOUNS

VERB_TAGS = frozenset(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"])


def _lemma_exceptions() -> dict[str, str]:
    """The forms of ``data/lemma_exceptions.tsv`` and the verb each inflects."""
    path = Path(__file__).parent.parent / "data" / "lemma_exceptions.tsv"
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

    >>> from dossier.annotate import annotate
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
