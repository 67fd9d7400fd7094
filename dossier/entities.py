"""The entities of a parsed Doc, built once while they stay the same.

spaCy makes every entity's Span anew, over every token, at each access of
``Doc.ents``; the toponym finder, the resolver, airfields and the extractors read
``doc_ents(doc)`` instead. Nothing of Dossier's is imported here (the resolver's
early stages and the annotator both use it).
"""

from __future__ import annotations

from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc, Span


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc while its entities stay the same (spaCy makes
    every entity's Span anew, over every token, at each access of ``Doc.ents``): the
    last Doc's are kept with the entity columns they were built from, checked at
    each call (one array read), so that a Doc whose entities changed is read again.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Russia struck Kharkiv.")
    >>> doc_ents(doc) == doc.ents and doc_ents(doc) is doc_ents(doc)
    True
    """
    global _LAST_ENTS
    columns = doc.to_array(_ENT_COLUMNS).tobytes() if len(doc) else b""
    last = _LAST_ENTS
    if last[0] is not doc or last[1] != columns:
        last = _LAST_ENTS = (doc, columns, doc.ents)
    return last[2]


_ENT_COLUMNS = [ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]
_LAST_ENTS: tuple[Doc | None, bytes, tuple[Span, ...]] = (None, b"", ())
