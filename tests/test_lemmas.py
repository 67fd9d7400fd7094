"""Verb forms spaCy's rule lemmatizer takes to another stem ("waged" -> "wag"):
the shipped table, how it is built, and that the pipeline uses it."""

from __future__ import annotations

import pytest

from dossier.annotate import annotate
from dossier.lexicons import build_lemmas


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("Russia has waged war on Ukraine.", "waged", "wage"),
    ("The rebels are waging a guerrilla war.", "waging", "wage"),
    ("Iran staged war games in the Gulf.", "staged", "stage"),
    ("A court fined the company.", "fined", "fine"),
    ("Snipers were sniping at the checkpoint.", "sniping", "snipe"),
])  # fmt: skip
def test_e_dropping_verb_forms_get_their_own_verb(text: str, word: str, lemma: str) -> None:
    token = next(t for t in annotate(text) if t.text == word)
    assert token.lemma_ == lemma


def test_the_same_words_as_nouns_keep_the_models_lemma() -> None:
    doc = annotate("Wages rose while the stages were built.")
    assert [t.lemma_ for t in doc if t.pos_ == "NOUN"] == ["wage", "stage"]


def test_the_table_is_what_the_builder_writes() -> None:
    rows = build_lemmas.exceptions(build_lemmas.dossier_verbs())
    written = build_lemmas.HEADER + "".join(f"{f}\t{v}\n" for f, v in rows)
    assert build_lemmas.OUT.read_text(encoding="utf-8") == written
    assert ("waged", "wage") in rows and ("hoped", "hope") not in rows  # hope: no trigger
