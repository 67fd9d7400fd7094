"""Build ``dossier/data/lemma_exceptions.tsv``: inflections of Dossier's verbs that
spaCy's rule lemmatizer gets wrong.

English drops a stem's final "e" before "-ed" and "-ing" ("wage" -> "waged",
"waging").  spaCy's rule lemmatizer strips the suffix and, when both the bare
stem and the stem with "e" are verbs it knows ("wag", "wage"), takes the first
("waged" -> "wag", "staged" -> "stag").  A one-syllable stem ending in one
vowel and one consonant doubles that consonant instead ("wag" -> "wagged"), so
"waged" can only be "wage".  This script lists, for every verb Dossier's
trigger tables name (the hand table ``triggers.tsv``, PETRARCH2's verbs
``petrarch/verbs.tsv``) and the light and reporting verbs, the "-d", "-s" and
"-ing" forms the lemmatizer does not take back to that verb, when the verb is
among the candidates it offers and the one it picks is not itself one of
Dossier's verbs (no ambiguity is resolved by the table).  ``annotation.word_fixes.WordFixes``
gives these forms, when tagged as verbs, their verb as lemma before the
lemmatizer runs (it keeps a lemma already set; the lemmatizer's own exception
table cannot reorder candidates it also found).

Run it again after changing the trigger tables::

    python3 -m dossier.lexicons.build_lemmas

>>> sorted(inflections("wage"))
[('waged', 'VBD'), ('wages', 'VBZ'), ('waging', 'VBG')]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
OUT = DATA / "lemma_exceptions.tsv"
HEADER = """\
# Verb forms spaCy's rule lemmatizer takes to the wrong stem ("waged" -> "wag"),
# with the verb they inflect.  Built by dossier/lexicons/build_lemmas.py from the
# verbs of triggers.tsv, petrarch/verbs.tsv and dossier.extract.lexicon; do not edit.
form\tlemma
"""


def inflections(verb: str) -> set[tuple[str, str]]:
    """The regular "-d", "-s" and "-ing" forms of a verb ending in a silent "e"."""
    if not verb.isalpha() or not verb.endswith("e") or verb.endswith(("ee", "ie", "ye", "oe")):
        return set()
    return {(verb + "d", "VBD"), (verb + "s", "VBZ"), (verb[:-1] + "ing", "VBG")}


def dossier_verbs() -> set[str]:
    """The one-word verbs Dossier's tables and word lists name."""
    from dossier.extract import lexicon

    verbs: set[str] = set(lexicon.LIGHT_VERBS) | set(lexicon.REPORTING_VERBS)
    with (DATA / "triggers.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        verbs |= {r["lemma"].split()[0] for r in rows if r["pos"] == "VERB"}
    with (DATA / "petrarch" / "verbs.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        verbs |= {r["verb"].lower() for r in rows if r["verb"]}
    return {v for v in verbs if v.isalpha()}


def exceptions(verbs: Iterable[str]) -> list[tuple[str, str]]:
    """(form, verb) pairs the model's lemmatizer gets wrong, sorted."""
    import spacy
    from spacy.tokens import Doc

    from dossier.annotate import MODEL

    nlp = spacy.load(MODEL, exclude=["parser", "ner", "senter"])
    lemmatizer = nlp.get_pipe("lemmatizer")
    known = set(verbs)
    # verbs with an irregular past the model lists ("rode" -> "ride") have no "-d" form
    irregular = {
        lemma for form, lemmas in lemmatizer.lookups.get_table("lemma_exc")["verb"].items()
        for lemma in lemmas if not form.endswith(("d", "s", "ing"))
    }  # fmt: skip
    out = []
    for verb in sorted(known):
        for form, tag in sorted(inflections(verb)):
            if tag == "VBD" and verb in irregular:
                continue
            doc = Doc(nlp.vocab, words=[form])
            doc[0].tag_, doc[0].pos_ = tag, "VERB"
            found = lemmatizer.rule_lemmatize(doc[0])
            if found and found[0] != verb and verb in found and found[0] not in known:
                out.append((form, verb))
    return out


def main(argv: list[str] | None = None) -> int:
    rows = exceptions(dossier_verbs())
    OUT.write_text(HEADER + "".join(f"{f}\t{v}\n" for f, v in rows), encoding="utf-8")
    print(f"wrote {len(rows)} verb forms to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
