"""The words of one argument slot of a trigger, as the word-sense rules read them
(``slot_words``): the slots ``data/senses.tsv``'s header lists (subject, object,
complement, modifier, governor, host, purpose, clause, use, prep, ...), each the
features (``word_features``) of the words found there (``arguments``).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.actors import coordinated
from dossier.extract.arguments import (
    activity_subject,
    habitual,
    host_verb,
    particles,
    patient,
    predicative,
    preposition_objects,
    subject,
    verdict_on_object,
)
from dossier.extract.factuality import is_to_infinitive
from dossier.extract.lexicon import is_materiel, object_word
from dossier.extract.participation import participant_verb
from dossier.extract.syntax import children
from dossier.extract.word_features import features, phrase_words

# the clauses that say what an event is for: "a march to commemorate", "a rally
# commemorating the victims", "rallied to demand"
PURPOSE_DEPS = ("acl", "relcl", "xcomp", "advcl")
# verbs whose infinitive says what a power was used for: "used its powers to arrest 20
# people" tells of arrests, "gave the police powers to arrest" does not
USE_VERBS = frozenset("use exercise invoke employ wield apply".split())
QUOTES = frozenset(['"', "“", "”", "'", "‘", "’", "``", "''"])
STANCE_PREFIXES = ("anti-", "pro-", "antiwar", "antigovernment")
# a participle or adverbial clause that adds what followed from its head verb
CLAUSE_DEPS = ("advcl", "xcomp", "conj")

# The prepositions that say what an attack or a fight is aimed at ("an attack on the
# plan", "the assault against the ruling"), not where it was ("near the market").
AIMED_AT = frozenset(["on", "upon", "against"])

# Times of day a preposition can take ("at dawn", "from dusk"), which the model does
# not always tag as times.
TIMES_OF_DAY = frozenset("dawn dusk daybreak nightfall sunrise sunset noon midday midnight".split())


def slot_words(token: Token, slot: str) -> set[str]:
    """The features of the words in one argument slot of a trigger."""
    if slot == "subject":
        subj = subject(token)
        if subj is None:
            return set()
        pair = {"@pair"} if len(coordinated(subj)) > 1 else set()  # "Putin and Xi talked"
        return phrase_words(subj) | pair
    if slot == "sole_subject":  # "nurses will strike": who acts, with nothing acted on
        if patient(token) is not None or subject(token) is None:
            return set()
        return phrase_words(subject(token))
    if slot == "object":
        obj = patient(token)
        return phrase_words(obj) if obj is not None else set()
    if slot == "complement":  # "@to" for a "to" clause, and that clause's verb
        out = set()
        for clause in children(token, "xcomp", "advcl"):
            if is_to_infinitive(clause):
                out.add("@to")
                out.add(clause.lemma_.lower())
        return out
    if slot == "modifier":
        out = set()
        doc = token.doc
        if token.i > 1 and doc[token.i - 1].text == "-" and doc[token.i - 2].head.i == token.i:
            out |= features(doc[token.i - 2])  # "test-fire": a prefix the parser split off
        for child in children(token, "amod", "compound", "nmod", "npadvmod"):
            out |= features(child)
            # a hyphenated modifier the parser split: "open-ended", "pro-Trump"
            joined = "".join(t.lower_ for t in child.subtree)
            out.add(joined)
            if joined.startswith(STANCE_PREFIXES):
                out.add("@stance")  # "an anti-India rally", "pro-democracy marches"
            for inner in children(child, "compound", "npadvmod", "amod"):
                out |= features(inner)
        return out
    if slot == "governor":  # not "took part in the protest": the "in" of taking part
        if token.dep_ != "pobj" or participant_verb(token) is not None:
            return set()
        return {token.head.lower_}
    if slot == "container":  # "a shipment of bombs": the noun an "of" phrase hangs off
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return set()
        return {prep.head.lemma_.lower()}
    if slot == "host":
        host = host_verb(token)
        if host is None:
            return set()
        # and the verb with its particle: "called off" the strike, not "called" it
        return features(host) | {f"{host.lemma_.lower()} {p.lower_}"
                                 for p in children(host, "prt")}
    if slot == "host_subject":  # who speaks at the rally: "the opposition leader addressed"
        host = host_verb(token)
        subj = subject(host) if host is not None else None
        if subj is None:
            return set()
        out = phrase_words(subj)
        for word in subj.subtree:  # "Opposition leader Alexei Navalny"
            if word.dep_ in ("compound", "amod") and word.head.i >= subj.left_edge.i:
                out |= features(word)
        return out
    if slot == "purpose":
        return {
            c.lemma_.lower() for c in token.children
            if c.dep_ in PURPOSE_DEPS and c.pos_ in ("VERB", "AUX")
        }
    if slot == "clause":  # "crashed into the sea, killing all 66": the verb it hangs off
        head = token.head
        return features(head) if token.dep_ in CLAUSE_DEPS and head.pos_ == "VERB" else set()
    if slot == "use":  # "the fighting groups": a participle that describes a noun
        if token.dep_ == "amod" and token.tag_ == "VBG":
            return {"@attributive"}
        if token.dep_ == "amod" and token.tag_ == "VBN":
            return {"@attributive_past"}  # "flood-hit villages", "a hit list"
        return {"@activity"} if activity_subject(token) else set()
    if slot == "determiner":  # "any future attack": the noun's determiners
        return {c.lower_ for c in children(token, "det")}
    if slot == "habit":  # "attacks are often claimed by ...": a kind of event, habitually
        return {"@habitual"} if habitual(token) else set()
    if slot == "prep":
        out = set()
        heads = [token, *children(token, "dobj", "prt")]
        for head in heads:
            for obj in preposition_objects(head):
                out |= phrase_words(obj, compounds=True)
        return out
    if slot == "aimed":  # "an attack on the plan": what it is aimed at, not where it was
        out = set()
        for prep in children(token, "prep"):
            if prep.lower_ in AIMED_AT:
                for obj in children(prep, "pobj"):
                    out |= phrase_words(obj, compounds=True)
        return out
    if slot == "particle":
        return particles(token)
    if slot == "object_modifier":  # "gave crucial support": "crucial", "crucial support"
        obj = patient(token)
        out = set()
        for child in children(obj, "amod", "compound", "nmod") if obj is not None else ():
            out |= features(child)
            out.add(f"{child.lower_} {obj.lemma_.lower()}")
        return out
    if slot == "as":
        return predicative(token)
    if slot == "predicate":  # "called the sanctions illegal", "described X as a provocation"
        return verdict_on_object(token)
    if slot == "onto":  # "added four entities to its sanctions list": the list's words
        return {w for obj in preposition_objects(token, "to")
                for w in phrase_words(obj, compounds=True)}
    if slot == "goods":  # "signed a contract with France for 26 jets": what a deal buys
        heads = [token, *children(token, "dobj")]
        objs = [o for head in heads for o in preposition_objects(head, "for")]
        return {"@materiel"} if any(is_materiel(object_word(o)) for o in objs) else set()
    if slot == "for":  # "attacked the council for dropping the scheme": a reason
        out = set()
        for prep in children(token, "prep"):
            if prep.lower_ == "for":
                for obj in children(prep, "pobj", "pcomp"):
                    out |= phrase_words(obj)
                    if obj.tag_ == "VBG":
                        out.add("@gerund")
        return out
    if slot == "back":  # "fired back at his critics, saying": who or what is answered
        if not any(c.lower_ == "back" for c in children(token, "advmod", "prt")):
            return set()
        out = {c.lemma_.lower() for c in children(token, "advcl", "xcomp", "conj")
               if c.pos_ == "VERB"}
        for obj in preposition_objects(token, "at") + preposition_objects(token, "with"):
            out |= phrase_words(obj)
        return out
    if slot == "slogan":  # 'chanted "don't shoot"': a quoted clause that a verb utters
        if token.dep_ in ("ccomp", "xcomp", "dobj", "conj") and any(
            c.dep_ == "punct" and c.lower_ in QUOTES for c in token.children
        ):
            return features(token.head)
        return set()
    if slot == "holder":  # "powers to arrest": the noun an infinitive clause qualifies
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return set()
        # word forms, not lemmas: "the authorities" are officials, "the authority" a power
        head = token.head
        if token.dep_ in ("acl", "relcl") and head.pos_ == "NOUN":
            return {head.lower_}
        if token.dep_ in ("advcl", "xcomp") and head.pos_ == "VERB" and (
            head.lemma_.lower() not in USE_VERBS
        ):  # "gave the police powers to arrest" (the parser hangs it off "gave")
            return {h.lower_ for obj in children(head, "dobj") for h in coordinated(obj)}
        return set()
    if slot in ("from", "to", "with", "between", "at"):
        out = set()
        heads = [token, *children(token, "dobj")]  # "raised concerns with China"
        if slot in ("with", "between") and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            heads.append(token.head)  # "held exercises with the Philippine navy"
        for head in heads:
            for obj in preposition_objects(head, slot):
                if slot == "at" and (obj.ent_type_ in ("DATE", "TIME")
                                     or obj.lemma_.lower() in TIMES_OF_DAY):
                    continue  # "launched a missile at dawn": a time, no one launched at
                out |= phrase_words(obj)
        return out
    raise ValueError(f"senses.tsv: unknown slot {slot!r}")
