"""What is derived from a parsed Doc, built once per Doc and kept on the Doc itself.

The extractor reads some things of a Doc over and over (its entities, each token's
children, the ids of its tokens' words); ``per_doc(doc, key, build)`` builds one of
them at its first use and keeps it in ``doc.user_data`` (a plain dict, one entry:
``MEMO_KEY``), so that it lives exactly as long as the Doc: no module keeps the last
Doc alive, and two Docs read in turns each keep their own. A new kind of derived data
is a new key and a ``build`` function next to its reader (``entities.doc_ents``,
``extract.syntax.children``, ``extract.tokens.token_table``).

Only what never changes after the pipeline is kept (a reader whose data can change,
such as the entities, checks what it kept and calls ``rebuild``). The memo is never
copied: ``copy``, ``deepcopy`` and ``pickle`` of a Doc (``Doc.copy``,
``Span.as_doc(copy_user_data=True)``, sending a Doc to another process) give an empty
one, which the next reader fills from the new Doc's own tokens. Dossier serialises no
Doc; whoever writes a processed Doc with ``Doc.to_bytes`` or a ``DocBin`` that keeps
user data must leave out ``user_data`` (msgpack cannot write what is kept here).
Nothing of Dossier's is imported here.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia struck Kharkiv.")
>>> per_doc(doc, "lengths", lambda d: [len(t) for t in d])
[6, 6, 7, 1]
>>> per_doc(doc, "lengths", lambda d: []) is per_doc(doc, "lengths", list)  # kept
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

MEMO_KEY = "dossier.memo"  # the one entry of ``Doc.user_data`` that holds the memo


class DocMemo(dict):
    """The derived data of one Doc, by key. Copies and pickles of it are empty (see the
    module's docstring); its ``repr`` names the keys only (spaCy's warnings print it)."""

    __slots__ = ()

    def __copy__(self) -> DocMemo:
        return DocMemo()

    def __deepcopy__(self, memo: dict[int, Any]) -> DocMemo:
        return DocMemo()

    def __reduce__(self) -> tuple[type[DocMemo], tuple[()]]:
        return DocMemo, ()

    def __repr__(self) -> str:
        return f"DocMemo({sorted(self)})"


def per_doc(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, built at the first call for this Doc and ``key`` and kept on the
    Doc."""
    try:
        return doc.user_data[MEMO_KEY][key]
    except KeyError:
        return rebuild(doc, key, build)


def rebuild(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, kept on the Doc under ``key`` in place of what was kept."""
    data = doc.user_data
    memo = data.get(MEMO_KEY)
    if memo is None:
        memo = data[MEMO_KEY] = DocMemo()
    found = memo[key] = build(doc)
    return found
