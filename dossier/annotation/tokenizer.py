"""Exceptions to the English tokenizer: words it splits that Dossier reads whole or apart.

- "U.S.-led", "U.N.-backed": the hyphen after an abbreviation is split off, so
  the state can be tagged (spaCy keeps such words whole);
- the protest nouns written with a hyphen (``HYPHENATED_NOUNS``: "sit-in",
  "die-ins") are kept as one word, which the infix rules would split into
  "sit", "-", "in", so the trigger table can name them.

>>> from dossier.annotate import load_pipeline
>>> [t.text for t in load_pipeline().make_doc("A U.S.-led sit-in")]
['A', 'U.S.', '-', 'led', 'sit-in']
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex

# Protest nouns written with a hyphen, kept as one word so the trigger table can name
# them (Merriam-Webster: "sit-in", "die-in", "teach-in"), singular and plural.
HYPHENATED_NOUNS = ("sit-in", "sit-ins", "die-in", "die-ins", "teach-in", "teach-ins")


def adapt_tokenizer(nlp: Language) -> None:
    """Split "U.S.-led" after the abbreviation and keep ``HYPHENATED_NOUNS`` whole
    (as typed, capitalised and upper-case), in ``nlp``'s tokenizer."""
    # "U.S.-led", "U.N.-backed": split the hyphen after an abbreviation so the
    # state can be tagged (spaCy keeps such words whole)
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # hyphenated event nouns the infix rules would split ("a sit-in" -> "sit", "-", "in")
    for word in HYPHENATED_NOUNS:
        for form in (word, word.capitalize(), word.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
