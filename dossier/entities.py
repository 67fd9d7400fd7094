"""The entities of a parsed Doc, built once while they stay the same.

spaCy makes every entity's Span anew, over every token, at each access of
``Doc.ents``; the toponym finder, the resolver, airfields and the extractors read
``doc_ents(doc)`` instead. Nothing of Dossier's but ``docmemo`` is imported here (the
resolver's early stages and the annotator both use it).
"""

from __future__ import annotations

from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc, Span

from dossier.docmemo import per_doc, rebuild

# The labels of place entities, the model's and the gazetteer's.
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc while its entities stay the same (spaCy makes
    every entity's Span anew, over every token, at each access of ``Doc.ents``): kept
    on the Doc (``docmemo.per_doc``) with the entity columns they were built from,
    checked at each call (one array read), so that a Doc whose entities changed is
    read again.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Russia struck Kharkiv.")
    >>> doc_ents(doc) == doc.ents and doc_ents(doc) is doc_ents(doc)
    True
    """
    columns = doc.to_array(_ENT_COLUMNS).tobytes() if len(doc) else b""

    def build(doc: Doc) -> tuple[bytes, tuple[Span, ...]]:
        return columns, doc.ents

    kept = per_doc(doc, "ents", build)
    if kept[0] != columns:
        kept = rebuild(doc, "ents", build)
    return kept[1]


_ENT_COLUMNS = [ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]
