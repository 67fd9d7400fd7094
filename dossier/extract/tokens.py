"""What the extractor reads of every token, read once per document from spaCy's arrays.

Reading ``token.lower_`` or ``token.dep_`` makes a Token object and looks a string up
each time; the loops that pass over every token of every sentence for one word
("according", a denying verb) read these lists instead and make a Token only where
the word is.

>>> from dossier.annotate import annotate
>>> table = token_table(annotate("According to Kyiv, Russia denied it."))
>>> [i for i in range(6) if table.lower_is(i, "according")], table.lemma_lower(5)
([0], 'deny')
"""

from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dossier.docmemo import per_doc


class TokenTable:
    """The ids of each token's lower-case form, lemma, part of speech and dependency."""

    def __init__(self, doc: Doc) -> None:
        self.strings = doc.vocab.strings
        self.lower, self.lemma, self.pos, self.dep = (
            doc.to_array([LOWER, LEMMA, POS, DEP]).T.tolist() if len(doc) else ([], [], [], []))
        self._lemmas: dict[int, str] = {}

    def lower_is(self, i: int, word: str) -> bool:
        """Whether ``doc[i].lower_ == word``."""
        return self.lower[i] == get_string_id(word)

    def lemma_lower(self, i: int) -> str:
        """``doc[i].lemma_.lower()``."""
        key = self.lemma[i]
        found = self._lemmas.get(key)
        if found is None:
            found = self._lemmas[key] = self.strings[key].lower()
        return found


def token_table(doc: Doc) -> TokenTable:
    """The ``TokenTable`` of ``doc``, built once per Doc and kept on it
    (``docmemo.per_doc``); the tokens never change after the pipeline."""
    return per_doc(doc, "tokens", TokenTable)
