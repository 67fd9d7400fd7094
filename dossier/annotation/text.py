"""Text of a parsed Doc, and long texts cut into windows the parser can take.

``doc_text`` is ``doc.text`` joined once per Doc; ``windows`` cuts a text
longer than ``WINDOW_CHARS`` at paragraph, line or sentence ends
(``dossier.annotate.annotate_windows`` parses them one at a time).

>>> [end - start for start, end in windows("x" * 120_000)]
[50000, 50000, 20000]
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

# texts longer than this are parsed in windows of whole paragraphs (``windows``)
WINDOW_CHARS = 50_000

TEXT_KEY = "dossier.text"  # where ``doc_text`` keeps a Doc's text, in ``Doc.user_data``


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins every token's text again at each
    access of ``Doc.text``); the tokens' text never changes after tokenizing. Kept in
    ``Doc.user_data`` once the Doc is parsed (never in a component: ``Doc.from_docs``
    warns about a key it does not know).

    >>> from dossier.annotate import load_pipeline
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
