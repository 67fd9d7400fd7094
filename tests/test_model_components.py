"""The model's attribute ruler and lemmatizer as tables (``dossier/model_components.py``):
the same annotation as the stock components, and the stock ones kept where the
tables cannot stand for them."""

from __future__ import annotations

import pytest
import spacy

from dossier.annotate import MODEL
from dossier.model_components import AttributeTable, MemoLemmatizer, Unsupported, speed_up

# Written for these tests: the ruler's exceptions ("gonna", "ain't", "y'all", "let's",
# existential "there's"), tags of every kind, spaces, and words the lemmatizer meets
# in several tags ("attacks", "attacked", "attacking"; "saw" as noun and verb).
TEXTS = [
    "Y'all gonna see it. Let's go, c'mon! There's a war; ain't no peace. Gotta run.",
    "Russia attacked Kharkiv on Monday; the attacks, which were attacking power lines, "
    "killed 3 people.",
    "She saw the saw.  He gets what he got.\n\nThe U.S.-led coalition's jets were sold "
    "to Egypt for $2.5bn.",
    "Protesters aren't leaving: 'We won't go,' they said, as police fired tear gas.",
    "   ",
    "",
    "MiG-29s and Su-27s were being delivered by Russia to North Korea in exchange for "
    "troops, Adm. Paparo said.",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.Language, spacy.Language]:
    stock, fast = spacy.load(MODEL), spacy.load(MODEL)
    assert speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    return stock, fast


def _annotation(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_)
            for t in doc]


def test_same_annotation_as_the_stock_components(pipelines) -> None:
    stock, fast = pipelines
    for text in TEXTS:
        assert _annotation(fast(text)) == _annotation(stock(text)), text
    # in batches too, and twice (the second time from the lemma memo)
    for _ in range(2):
        got = [_annotation(d) for d in fast.pipe(TEXTS, batch_size=3)]
        assert got == [_annotation(d) for d in stock.pipe(TEXTS, batch_size=3)]


def test_the_swapped_components_are_the_tables(pipelines) -> None:
    _stock, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(fast.get_pipe("lemmatizer"), MemoLemmatizer)
    assert fast.pipe_names == spacy.load(MODEL).pipe_names


def test_a_ruler_the_table_cannot_read_stays() -> None:
    nlp = spacy.load(MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})  # an operator
    with pytest.raises(Unsupported):
        AttributeTable().load(ruler)
    assert speed_up(nlp) == ["lemmatizer"]
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_regex_and_in_tests_read_like_the_matcher() -> None:
    stock, fast = spacy.load(MODEL), spacy.load(MODEL)
    for nlp in (stock, fast):
        nlp.get_pipe("attribute_ruler").add(
            [[{"LOWER": {"REGEX": "^drone[sd]?$"}}, {"TAG": {"NOT_IN": ["NN", "NNS"]}}]],
            {"LEMMA": "DRONE"}, index=0)
        nlp.get_pipe("attribute_ruler").add(
            [[{"LOWER": {"IN": ["kyiv", "kiev"]}}]], {"TAG": "NNP", "POS": "PROPN"})
    speed_up(fast)
    text = "Drones hit Kiev. The drone strikes and drones struck Kyiv; it droned on."
    assert _annotation(fast(text)) == _annotation(stock(text))
    assert "DRONE" in {t.lemma_ for t in fast(text)}
