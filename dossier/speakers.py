"""The speaker after a comma: "X did Y to Z, W told lawmakers".

A spaCy component (``dossier_speakers``, last in the pipeline) that mends one
error the small English parser makes: when the speaker named after a claim
carries a parenthesis or a long name ("South Korea's National Intelligence
Service (NIS) told lawmakers"), the parser may join it to the last noun of the
claim as a conjunct ("to North Korea, [and] South Korea's ... Service") and
leave the reporting verb with no subject.  The speaker then reads as a second
recipient and a place, and the claim has no claimant.

The repair: a reporting verb with no subject, whose claim (a ``ccomp``) comes
before it, and a conjunct that ends right before the verb (a parenthesis may
close it), joined with a comma and no "and"/"or", inside that claim: the
conjunct is the verb's subject.  Nothing else is changed.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia has delivered air defence systems to North Korea, "
...                "South Korea's National Intelligence Service (NIS) told lawmakers.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "Service"]
[('Service', 'nsubj', 'told')]
"""

from __future__ import annotations

import numpy
from spacy.attrs import POS
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

# Verbs that introduce what is said, as ``dossier.extract.lexicon.REPORTING_VERBS`` has
# them; only those that take their claim before them after a comma ("..., X said").
SPEAKING_VERBS = frozenset(
    "say tell report announce state add confirm claim allege warn write disclose "
    "acknowledge admit estimate assess conclude".split()
)
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass", "csubj", "expl"])
COORDINATORS = frozenset(["and", "or", "nor", "but", "&"])


def _speaker(verb: Token) -> Token | None:
    """The conjunct that should be ``verb``'s subject, or None."""
    if verb.lemma_.lower() not in SPEAKING_VERBS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    claims = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not claims:
        return None
    claim = claims[0]
    doc = verb.doc
    end = verb.i - 1  # the word before the verb, a closing parenthesis skipped
    if end >= 0 and doc[end].text == ")":
        while end > claim.i and doc[end].text != "(":
            end -= 1
        end -= 1
    if end <= claim.i:
        return None
    word = doc[end]
    head = word
    while head.dep_ in ("appos", "compound", "flat") and head.head.i > head.i:
        head = head.head
    if head.dep_ != "conj" or head.right_edge.i not in (end, end + 1, verb.i - 1):
        return None
    first = head.head
    if not (claim.left_edge.i <= first.i <= claim.right_edge.i):
        return None
    between = doc[first.i + 1 : head.left_edge.i]
    if any(t.lower_ in COORDINATORS for t in between) or not any(t.text == "," for t in between):
        return None
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head


@Language.component("dossier_speakers")
def speakers(doc: Doc) -> Doc:
    """Make the speaker after a comma the subject of its reporting verb."""
    if not len(doc):
        return doc
    for i in numpy.flatnonzero(doc.to_array(POS) == VERB).tolist():
        verb = doc[i]
        speaker = _speaker(verb)
        if speaker is not None:
            speaker.head = verb
            speaker.dep_ = "nsubj"
    return doc
