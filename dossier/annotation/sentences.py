"""Sentence starts the parser cannot see: the ``dossier_line_sentences`` component.

Added before the parser (``dossier.annotate.load_pipeline``): a line break
always starts a new sentence, so a headline or a boilerplate line never fuses
with the paragraph after it; so does the text after a wire dateline ("MOSCOW,
Dec 12 (Reuters) - "), so the city is not read as the subject of the lead.

>>> from dossier.annotate import annotate
>>> [s.text for s in annotate("Talks collapse\\nLabour and the Conservatives met.").sents]
['Talks collapse\\n', 'Labour and the Conservatives met.']
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Token

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

    >>> from dossier.annotate import load_pipeline
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


def _runs_on(token: Token) -> bool:
    """Whether the sentence cannot end after ``token``: a word or number not
    ending in a full stop ("U.S." and "Jr." may end one), or a comma.

    >>> from dossier.annotate import load_pipeline
    >>> doc = load_pipeline().make_doc("Labour, and the U.S. agreed")
    >>> [_runs_on(t) for t in doc]
    [True, True, True, True, False, True]
    """
    return _runs_on_text(token.text)


def _runs_on_text(text: str) -> bool:
    return text == "," or text[-1].isalnum()
