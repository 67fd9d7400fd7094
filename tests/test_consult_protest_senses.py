"""Word-sense pieces behind the CONSULT and PROTEST sentence sets (issue 15), on
sentences and parses written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.annotate import annotate, load_pipeline
from dossier.extract import senses
from dossier.extract.triggers import match


def test_hyphenated_protest_nouns_are_one_noun() -> None:
    doc = annotate("Farmers staged sit-ins and a die-in outside the ministry.")
    words = {t.text: (t.pos_, t.lemma_) for t in doc}
    assert words["sit-ins"] == ("NOUN", "sit-in") and words["die-in"] == ("NOUN", "die-in")


def test_host_and_purpose_slots() -> None:
    doc = annotate("The senator spoke at a rally in Ohio.")
    rally = next(t for t in doc if t.text == "rally")
    assert "speak" in senses.slot_words(rally, "host")
    doc = annotate("Protests were banned in the capital.")
    assert "ban" in senses.slot_words(doc[0], "host")
    doc = annotate("A march to commemorate the victims set off from the main square.")
    march = next(t for t in doc if t.text == "march")
    assert "commemorate" in senses.slot_words(march, "purpose")


def test_a_split_stance_prefix_is_a_stance() -> None:
    doc = annotate("Thousands joined an anti-war rally in the capital.")
    rally = next(t for t in doc if t.text == "rally")
    assert senses.slot_words(rally, "modifier") & senses.table().classes["stance"]


def test_call_with_two_objects_names_rather_than_phones() -> None:
    """"Calling them heroes": a parse that gives "call" two direct objects is the
    naming construction, no phone call (the parser sometimes labels the second one
    dobj instead of oprd)."""
    nlp = load_pipeline()
    words = ["Calling", "them", "heroes", ",", "Putin", "thanked", "the", "crews", "."]
    doc = Doc(nlp.vocab, words=words, heads=[5, 0, 0, 5, 5, 5, 7, 5, 5],
              deps=["advcl", "dobj", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"],
              pos=["VERB", "PRON", "NOUN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
              lemmas=["call", "they", "hero", ",", "Putin", "thank", "the", "crew",
                      "."])  # fmt: skip
    assert match(doc[0], set()) is None
    doc = Doc(nlp.vocab, words=["Putin", "called", "Erdogan", "."], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "dobj", "punct"], pos=["PROPN", "VERB", "PROPN", "PUNCT"],
              lemmas=["Putin", "call", "Erdogan", "."])  # fmt: skip
    matched = match(doc[1], set())
    assert matched is not None and matched[0].type == "CONSULT"
