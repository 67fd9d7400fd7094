"""What is derived from a Doc is kept on that Doc (``dossier.docmemo``), not in a module.

- a Doc the pipeline is done with is freed (nothing of Dossier's keeps the last one);
- two Docs read in turns each keep their own token table, children and entities;
- a copy or a pickle of a processed Doc starts with an empty memo, and what is read
  of the copy is the copy's own.
"""

from __future__ import annotations

import copy
import gc
import pickle
import weakref

from dossier.annotate import annotate, doc_ents
from dossier.docmemo import MEMO_KEY, DocMemo, per_doc
from dossier.extract.syntax import children, prep_objects, subtree_indices, text_span
from dossier.extract.tokens import token_table
from dossier.models import Document
from dossier.pipeline import process

FIRST = ("Officials said on Tuesday that Iran had shipped drones to Russia, "
         "and Moscow later paid for them.")
SECOND = "A convoy of Turkish trucks was stopped at the border by Greek police."


def test_a_processed_doc_is_freed() -> None:
    doc = annotate(FIRST)
    result = process(Document(id="memo-1", text=FIRST, published="2025-02-04"), doc)
    assert result.events  # the extractors read its tables, children and entities
    assert MEMO_KEY in doc.user_data
    alive = weakref.ref(doc)
    del doc
    gc.collect()
    assert alive() is None


def test_two_docs_read_in_turns_keep_their_own() -> None:
    one, two = annotate(FIRST), annotate(SECOND)
    tables = token_table(one), token_table(two)
    ents = doc_ents(one), doc_ents(two)
    for _ in range(2):
        assert token_table(one) is tables[0] and token_table(two) is tables[1]
        assert doc_ents(one) is ents[0] and doc_ents(two) is ents[1]
        for doc in (one, two):
            for token in doc:
                assert [c.i for c in children(token, "nsubj", "nsubjpass", "dobj", "prep")] == [
                    c.i for c in token.children
                    if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep")]
    assert [t.text for t in two if token_table(two).lower_is(t.i, "police")] == ["police"]


def test_copies_and_pickles_start_empty() -> None:
    doc = annotate(FIRST)
    process(Document(id="memo-2", text=FIRST, published="2025-02-04"), doc)
    assert sorted(doc.user_data[MEMO_KEY]) == ["ents", "offsets", "prep objects", "tokens", "tree"]
    for other in (doc.copy(), pickle.loads(pickle.dumps(doc))):
        assert not other.user_data[MEMO_KEY]
        assert [(e.text, e.label_) for e in doc_ents(other)] == [
            (e.text, e.label_) for e in doc.ents]
    part = doc[8:].as_doc(copy_user_data=True)  # a part of it, as a Doc of its own
    assert not part.user_data[MEMO_KEY]
    assert [t.i for t in part[2].subtree] == subtree_indices(part[2])
    assert [text_span(part, t.i, t.i + 2).text for t in part[:-1]] == [
        part[t.i : t.i + 2].text for t in part[:-1]]
    assert [[(w, o.i) for w, o in prep_objects(t)] for t in part] == [
        [(w, o.i) for w, o in prep_objects(t)] for t in doc[8:].as_doc()]
    assert copy.deepcopy(DocMemo(a=1)) == {} and repr(DocMemo(b=[1], a=2)) == "DocMemo(['a', 'b'])"


def test_what_is_kept_is_built_once() -> None:
    doc = annotate(SECOND)
    built: list[int] = []

    def build(d):
        built.append(len(d))
        return len(d)

    assert per_doc(doc, "length", build) == per_doc(doc, "length", build) == len(doc)
    assert built == [len(doc)]
