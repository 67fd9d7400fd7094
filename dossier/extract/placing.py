"""Placing: where an event is, from the trigger's own clause and what the parse
leaves to the wrong event or to none (``rules.Extractor`` reads ``place_for``):

- of two places an event is said to be in, the finer wins (``places.specificity``);
- what the event verb governs names its place ("pulled out of the town of X",
  "on the outskirts of X"), and so do the event's parties ("Authorities in Kano
  imposed ..."), a bearing ("east of Kaduna") and a clause of the same time;
- a region phrase is a place of the event: "to occupied Kherson", "into
  northern Ukraine", "in the Russian-occupied south" (the parser often reads
  "to occupied X" as an infinitive, "to occupy X"; the words are read here as
  written: a preposition of place, region words, a place name);
- "to its border with Finland" is the border, not Finland (``beyond_border``).

The dates of an event are ``attachment.Anchoring``'s.

>>> from dossier.annotate import annotate
>>> doc = annotate("Russia deployed 2,000 soldiers to occupied Kherson.")
>>> region_place(doc[1]).text
'Kherson'
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dossier.annotate import doc_ents
from dossier.entities import PLACE_LABELS
from dossier.extract.actors import ActorFinder, places
from dossier.extract.actors.places import INHABITANT_NOUNS, finest
from dossier.extract.attachment import shares_clause_date, teaches
from dossier.extract.factuality import is_to_infinitive
from dossier.extract.syntax import (
    children,
    direct_object,
    governing_verb,
    participle_clause,
    prep_objects,
    shared_object,
    subtree_indices,
    text_span,
)
from dossier.extract.tokens import token_table
from dossier.extract.wordclasses import FACILITY_NOUNS, PLACE_NOUNS
from dossier.models import Span as TextSpan

# Nouns of holding a place: what they are "of" is where the event is ("took control of
# Timbuktu", "took possession of the airfield").
CONTROL_NOUNS = frozenset(["control", "possession"])
# Words that place an event in part of a place, between the preposition and the
# name: "to occupied Kherson", "in eastern Ukraine", "into Russian-held Donetsk".
REGION_WORDS = frozenset(
    """
    occupied annexed liberated besieged held controlled recaptured eastern western northern
    southern central north south east west northeastern northwestern southeastern
    southwestern north-eastern north-western south-eastern south-western far the of
    """.split()
)
PLACE_PREPS = frozenset(["in", "at", "near", "to", "into", "from", "across", "inside", "around"])
# What an attack noun's light verb is aimed at or done in: "launched strikes on a radar
# site in Hodeidah", "carried out raids in the north".
TARGET_PLACE_PREPS = frozenset(["on", "against", "in", "at", "near"])
# Clauses under a trigger that tell events of their own.
OWN_CLAUSES = frozenset(["ccomp", "parataxis", "relcl", "csubj"])
# Prepositions that say where something is or happens (``clause_place``), and how many
# arcs below the trigger it looks.
LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside", "around", "across", "through",
                            "throughout"])  # fmt: skip
CLAUSE_PLACE_DEPTH = 6
# Marks of a clause that happens at the time of the clause it hangs off.
SAME_TIME_MARKS = frozenset(["when", "as", "while", "whilst"])
# Bearings from a place: "east of Goma", "north-west of Kabul".
BEARINGS = frozenset(
    """
    north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west
    """.split()
)
# The edge of a place, said with "on": "on the outskirts of Goma", "on the fringes of".
EDGE_NOUNS = frozenset(["outskirts", "outskirt", "edge", "edges", "fringe", "fringes",
                        "periphery", "bank", "banks", "shore", "shores"])  # fmt: skip
_PLACE_PREP_IDS = frozenset(get_string_id(word) for word in PLACE_PREPS)


def purpose_clause(token: Token) -> bool:
    """``token`` heads a clause of purpose: "gathered in Brasilia [to protest]",
    "flew to Moscow [to meet] Putin" (not what a verb governs: "agreed to limit")."""
    return token.dep_ == "advcl" and is_to_infinitive(token)


def locates(word: str, obj: Token) -> bool:
    """Whether a preposition and its object say where something happens: "in X", "near
    X", "out of X" (what is left), "on the outskirts of X" (the edge of a place).

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Fighting raged on the outskirts of Goma on Monday.")
    >>> [locates("on", doc[i]) for i in (4, 8)]
    [True, False]
    """
    if word in LOCATIVE_PREPS or word == "out of":
        return True
    return word in ("on", "along") and obj.lemma_.lower() in EDGE_NOUNS


def same_time_clauses(verb: Token) -> list[Token]:
    """The clauses under ``verb`` that tell what happened at its time and so in its
    place: "when", "as", "while" clauses, and "after" clauses of the same actors (a
    participle, "after seizing Goma", or a pronoun subject, "after they seized Goma";
    not "expelled diplomats after Russia poisoned a spy in Salisbury").

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Police arrested 20 students as they marched through Dhaka.")
    >>> [t.text for t in same_time_clauses(doc[1])]
    ['marched']
    """
    out = []
    for clause in children(verb, "advcl"):
        marks = {m.lower_ for m in children(clause, "mark", "advmod")}
        if marks & SAME_TIME_MARKS or "after" in marks and _same_actors(verb, clause):
            out.append(clause)
    out += [o for word, o in prep_objects(verb)
            if word == "after" and o.dep_ == "pcomp" and o.tag_ == "VBG"]  # fmt: skip
    return out


def _same_actors(verb: Token, clause: Token) -> bool:
    """Whether a clause's subject is the verb's, or a pronoun that may stand for it."""
    subjects = children(clause, "nsubj", "nsubjpass")
    if not subjects:
        return True
    own = children(verb, "nsubj", "nsubjpass")
    return subjects[0].pos_ == "PRON" or bool(own) and own[0].lemma_ == subjects[0].lemma_


def bearing(word: Token) -> bool:
    """A compass word that places something by another place: "east of Goma", "40 km
    north-west of Kabul"."""
    return word.dep_ in ("advmod", "npadvmod", "amod", "appos") and word.lower_ in BEARINGS


def region_place(trigger: Token) -> Span | None:
    """A place named after a preposition and region words in ``trigger``'s clause,
    read as written: "to occupied Kherson", "into northern Ukraine"."""
    doc = trigger.doc
    own = children(trigger, *OWN_CLAUSES)
    skip = {i for c in own for i in subtree_indices(c)}
    lower = token_table(doc).lower
    for at in subtree_indices(trigger):
        if at in skip or lower[at] not in _PLACE_PREP_IDS:
            continue
        tok = doc[at]
        i = tok.i + 1
        region = False
        while i < len(doc) and (_region_word(doc[i]) or _joined(doc, i)):
            region = region or doc[i].lower_ not in ("the", "of")
            i += 1
        if not region or i >= len(doc) or i - 1 >= trigger.sent.end:
            continue
        ent = _entity_at(doc, i)
        if ent is not None and ent.label_ in PLACE_LABELS and ent.start == i:
            return ent
    return None


BORDER_NOUNS = frozenset(["border", "frontier", "boundary"])
BORDER_PREPS = frozenset(["to", "along", "on", "near", "at", "toward", "towards", "close"])


def _border_of(word: Token) -> Token | None:
    """The border noun ``word`` names the other side of: "border [with Finland]",
    "the [Syrian] border"."""
    if word.dep_ == "pobj" and word.head.lower_ == "with":
        word = word.head
        return word.head if word.head.lemma_.lower() in BORDER_NOUNS else None
    if word.dep_ in ("amod", "compound") and word.head.lemma_.lower() in BORDER_NOUNS:
        return word.head
    return None


def beyond_border(ent: Span) -> bool:
    """A place named as the other side of a border ("to its border with Finland", "on
    the Syrian border"): the event is at the border, not in that place."""
    return _border_of(ent.root) is not None


def facing(token: Token) -> list[Token]:
    """The words naming the side a deployment faces: "moved troops to its border with
    [Finland]", "massed tanks on the [Syrian] border"."""
    out = []
    heads = [token, *children(token, "dobj")]
    for head in heads:
        for word, obj in prep_objects(head):
            if word not in BORDER_PREPS or obj.lemma_.lower() not in BORDER_NOUNS:
                continue
            out += [c for c in obj.children if c.dep_ in ("amod", "compound")]
            out += [o for w, o in prep_objects(obj) if w == "with"]
    return out


def _region_word(tok: Token) -> bool:
    low = tok.lower_
    return low in REGION_WORDS or (  # "Russian-occupied", "Kyiv-controlled"
        "-" in low and low.rsplit("-", 1)[1] in REGION_WORDS
    )


def _joined(doc, i: int) -> bool:
    """"Russian - occupied" as the tokenizer splits it: a word, a hyphen, a region word."""
    if doc[i].text == "-":
        return i + 1 < len(doc) and doc[i + 1].lower_ in REGION_WORDS
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in REGION_WORDS


def _entity_at(doc, i: int) -> Span | None:
    for ent in doc_ents(doc):
        if ent.start <= i < ent.end:
            return ent
    return None


class Placing:
    """The place of a trigger's event: for ``rules.Extractor``."""

    doc: Doc
    actors: ActorFinder

    def places_for(self, token: Token, place: Token | None) -> list[TextSpan]:
        """Where the trigger's event is (``place_for``), then a coarser place the text
        puts it in (another of its place phrases, or what contains the place in its own
        phrase: ``places.wider_place``), for when the first is found on no map."""
        found = self.place_spans(token, place)
        if not found:
            return []
        best, level = found[0], places.specificity(found[0])
        wider = places.finest(e for e in [*found[1:], places.wider_place(self.actors, best)]
                              if e is not None and places.specificity(e) < level
                              and places.findable(e))  # fmt: skip
        return [text_span(self.doc, e.start, e.end) for e in (best, wider) if e is not None]

    def place_for(self, token: Token, place: Token | None) -> TextSpan | None:
        """Where the trigger's event is (``place_spans``' first)."""
        found = self.place_spans(token, place)
        return text_span(self.doc, found[0].start, found[0].end) if found else None

    def place_spans(self, token: Token, place: Token | None, *, borrow: bool = True,
                    own: bool = False) -> list[Span]:
        """Where the trigger's event is: the finest place of its own phrases (then the
        others), else one it borrows (with ``borrow``) from the clause it hangs off,
        from what its parties are doing, or from a clause of the same time ("when",
        "as", "after" the same actors did something). With ``own``, only the phrases
        of the word itself: not what it governs deeper ("as it seeks to build one of
        the largest armies in Europe" says where the army is, not the clause)."""
        candidates = [place] if place is not None else []
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
            # "remained on alert in the West Bank": the verb's place
            verb = token.head.head
            candidates += [o for word, o in prep_objects(verb) if word in ("in", "at", "near")]
        obj = direct_object(token) or shared_object(token)
        if obj is not None and obj.lemma_.lower() in CONTROL_NOUNS:
            held = [o for word, o in prep_objects(obj) if word == "of"]
            obj = held[0] if held else obj  # "took control of the town of Kidal": the town
        if obj is not None:
            ent = self.actors.entity_at(obj)
            # a place the gazetteer knows, or a name the model calls a place and no
            # gazetteer knows ("bombed Qaryatain": kept as written)
            is_place = ent is not None and (ent.ent_id_.startswith("place:") or (
                ent.label_ in ("GPE", "LOC") and not ent.ent_id_))
            named = obj.lemma_.lower() in FACILITY_NOUNS and any(  # "struck Saki airfield"
                (e := self.actors.entity_at(c)) is not None and e.ent_id_.startswith("place:")
                for c in obj.children if c.dep_ == "compound"
            )
            if named:  # a named facility is where the event is, whatever else is said
                candidates.insert(0, obj)
            elif is_place or obj.lemma_.lower() in PLACE_NOUNS:
                # "struck the port of Odesa in southern Ukraine", "shelled Kherson": the
                # object itself before the wider place it is in
                candidates.append(obj)
            # "reimposed blockades in the West Bank", "soldiers and staff in Lithuania"
            candidates += [o for part in (obj, *obj.conjuncts) for word, o in prep_objects(part)
                           if word in ("in", "at", "near")]  # fmt: skip
        if shares_clause_date(token):  # "launched strikes on a radar site in Hodeidah"
            candidates += [o for word, o in prep_objects(token.head) if word in TARGET_PLACE_PREPS]
        if teaches(token):  # "trained 21 marines to operate the missiles at a facility in X"
            candidates += [o for c in children(token, "xcomp") for word, o in prep_objects(c)
                           if word in ("in", "at", "near")]  # fmt: skip
        if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
            # "delivery of the first vessel took place in Kiel": where the noun's verb is
            candidates += [o for word, o in prep_objects(token.head) if word in ("in", "at")]
        if token.pos_ == "VERB":  # "attacked a market in X, killing nine"; "abducted in
            # Zamfara state, near Gusau": every place phrase of the verb, the finest wins
            candidates += [o for word, o in prep_objects(token) if locates(word, o)]
        # "a bombing near Samarra killed", "police in Abuja dispersed": where the subject is;
        # a noun the verb governs is done there too ("authorities in Kano imposed a curfew")
        clause = token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else token
        for subj in children(clause, "nsubj", "nsubjpass"):  # "residents of Kibera": there
            of = subj.lemma_.lower() in INHABITANT_NOUNS
            candidates += [o for word, o in prep_objects(subj)
                           if word in ("in", "at", "near") or of and word == "of"]
        for child in token.children:
            if child.dep_ in ("advmod", "npadvmod"):  # "50 km east of X": where
                candidates += [o for word, o in prep_objects(child)
                               if word in PLACE_PREPS or word == "of" and bearing(child)]
        if token.pos_ == "NOUN":  # "a strike on Kharkiv", "strikes on a radar site in Hodeidah"
            for word, o in prep_objects(token):
                ent = self.actors.place_in(o) if word in ("on", "against") else None
                if ent is not None and (ent.ent_id_.startswith("place:") or ent.label_ != "GPE"
                                        or not ent.ent_id_):
                    candidates.append(o)
        found = [self.actors.place_in(cand) for cand in candidates]
        # "to its border with Finland": the border, not Finland
        best = finest(e for e in found if e is not None and not beyond_border(e))
        if own:
            return [] if best is None else [best]
        region = region_place(token) if best is None else None  # "to occupied Kherson"
        if region is not None:  # "near Bankass in central Mali": the finer of the two
            best = finest(e for e in (region, self.clause_place(token)) if e is not None)
        if best is None and borrow and (participle_clause(token) or purpose_clause(token)):
            # "struck Odesa, killing two": the participle happens where its clause does;
            # so does a purpose ("gathered in Brasilia to protest")
            return self.place_spans(token.head, None, borrow=False)
        if best is None:
            best = self.clause_place(token)
        if best is None and borrow and token.dep_ == "acl" and token.tag_ == "VBG":
            # "police in Abuja dispersed workers protesting outside parliament": what a
            # participant of an event is doing, it does where that event is
            verb = governing_verb(token.head)
            if verb is not None:
                return self.place_spans(verb, None, borrow=False)
        if best is None:  # "fired on protesters blocking a road in X": where they are
            best = self.clause_place(token, participants=True)
        if best is None and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            best = self.clause_place(token.head)  # "fighting broke out between ... in X"
        if best is None and borrow and token.pos_ == "VERB":
            # "arrested students as they marched through Dhaka", "looted the market after
            # seizing Goma": a clause of the same time, or of the same actors just before
            for clause in same_time_clauses(token):
                then = self.place_spans(clause, None, borrow=False, own=True)
                if then:
                    return then
        if best is None:
            return []
        return [best, *(e for e in found if e is not None and e.start != best.start
                        and not beyond_border(e))]

    def clause_place(self, token: Token, *, participants: bool = False) -> Span | None:
        """The nearest place a phrase of location ("in", "at", "near", "outside") names
        anywhere in the trigger's own phrase or clause, when none of the rules above
        placed it: "killed six militants during an operation in North Waziristan",
        "was shot dead outside his home in Tegucigalpa", "fighting between the army and
        the RSF in El Obeid". Clauses that tell events of their own, and a reporting
        clause, are not entered; the nearest phrase (fewest arcs down) wins. With
        ``participants``, what a participant is said to be doing is entered ("fired on
        protesters [blocking a road in X]": a present participle, done then and there).

        >>> from dossier.annotate import annotate
        >>> from dossier.extract.rules import Extractor
        >>> doc = annotate("Police killed six militants during an operation in North Waziristan.")
        >>> Extractor(doc).clause_place(doc[1]).text
        'North Waziristan'
        """
        level = [token]
        for _depth in range(CLAUSE_PLACE_DEPTH):
            found: list[Span] = []
            below: list[Token] = []
            for node in level:
                for child in node.children:
                    doing = participants and child.dep_ == "acl" and child.tag_ == "VBG"
                    if child.dep_ in OWN_CLAUSES or child.dep_ in ("advcl", "acl") and not (
                        doing) or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
                        continue  # not a joined noun: "the army and the RSF in El Obeid"
                    objs = [] if child.dep_ != "prep" else [
                        o for o in children(child, "pobj") if locates(child.lower_, o)]
                    if bearing(child):  # "kidnapped missionaries east of X"
                        objs += [o for word, o in prep_objects(child) if word == "of"]
                    for obj in objs:
                        ent = self.actors.place_in(obj)
                        if ent is not None and not beyond_border(ent):
                            found.append(ent)
                    below.append(child)
            if found:
                return finest(found)
            level = below
        return None
