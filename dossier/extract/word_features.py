"""The features a word-sense class can match in a word or a noun phrase: lemma, lower
form, entity label and gazetteer kind, actor-noun or organisation sector
(``features``), for the phrase's head and conjuncts (``phrase_words``).  Read by
``extract/slots.py`` and ``extract/senses.py`` (``data/senses.tsv``'s classes).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier import gazetteer
from dossier.extract.actors import agent_head, coordinated
from dossier.extract.syntax import children
from dossier.resolve.agents import noun_sector

# words of a measure or a group whose "of" phrase names what they are: "a dozen
# villages", "part of the city", "a crowd of protesters", "thousands of students"
GROUP_WORDS = frozenset(
    "dozen part parts control some number several most all crowd crowds group groups "
    "hundred hundreds thousand thousands tens scores throng band column total".split()
)


def features(token: Token) -> set[str]:
    """What a class can match in a word: its lemma and lower form, its entity label
    and gazetteer kind, and its actor-noun or organisation's sector ("police" ->
    "@actor", "@sector:COP"; "Hamas" -> "@sector:REB")."""
    out = {token.lemma_.lower(), token.lower_, "@any"}
    if token.ent_type_:
        out.add("@" + token.ent_type_)
        if token.ent_type_ in ("ORG", "GPE", "NORP") and token.pos_ == "PROPN" and (
            gazetteer.person(token.text) is not None
        ):
            out.add("@PERSON")  # the model took "Trump" for a firm: a person the tables know
        ent_id = token.ent_id_ or ""
        for prefix in ("state", "org", "place", "equip"):
            if ent_id.startswith(prefix + ":"):
                out.add("@" + prefix)
        org = gazetteer.lookup(ent_id[4:]) if ent_id.startswith("org:") else None
        if org is not None and org.sector:  # "the Taliban": an armed group (REB)
            out.add(f"@sector:{org.sector}")
    lemma = token.lemma_.lower()
    if len(lemma) > 6 and lemma.endswith(("ness", "ism")) and token.pos_ == "NOUN":
        out.add("@abstract")  # "homelessness", "extremism": a condition, not a force
    noun = gazetteer.actor_noun(token.lemma_.lower()) or gazetteer.actor_noun(token.lower_)
    if noun is None and token.tag_ == "NNS" and agent_head(token.lemma_.lower()):
        noun = noun_sector(token.lemma_.lower())  # Phoenix's agents: "thieves", "passengers"
    if noun is not None:
        out |= {"@actor", f"@sector:{noun[0]}"}
    return out


def phrase_words(head: Token, *, compounds: bool = False) -> set[str]:
    """The features of a noun phrase's head and its conjuncts (and, with
    ``compounds``, of the nouns before it: "speaker phone"); of "of" phrases after
    a measure word ("a dozen villages", "part of the city" also gives "city")."""
    out: set[str] = set()
    for h in coordinated(head):
        out |= features(h)
        for child in h.children:
            if compounds and child.dep_ == "compound":
                out |= features(child)
            if child.dep_ == "prep" and child.lower_ == "of" and (
                h.pos_ == "NUM" or h.lemma_.lower() in GROUP_WORDS
            ):
                for obj in children(child, "pobj"):
                    out |= features(obj)
    return out

