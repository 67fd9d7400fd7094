"""The place a phrase names or is said to be in: "the government of Sindh province",
"the port of Odesa in southern Ukraine", "at the Vostochny Cosmodrome in Russia's
Amur region".

The finder keeps the place of an actor it cannot code by a state ("the government of
Sindh province"); the extractor's attachment and roles ask it for the place of a
phrase (``ActorFinder.place_in``). A place entity is ranked by whether it can be put
on a map, whether it is the phrase's own or where the phrase is said to be, and how
specific it is. A new rule for choosing among the places of one phrase goes here
(resolving a place to coordinates is ``resolve.places``').

>>> from dossier.annotate import annotate
>>> from dossier.extract.actors import ActorFinder
>>> doc = annotate("Ships left the port of Odesa in southern Ukraine.")
>>> place_in(ActorFinder(doc), doc[3]).text
'Odesa'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.entities import PLACE_LABELS
from dossier.extract.actors.phrases import where_objects
from dossier.extract.actors.reading import Reader
from dossier.resolve import index

# Facilities the place index has (airfields, from ``airportsdata``); another named
# facility ("the Vostochny Cosmodrome", "Naval Station Norfolk") is found on no map.
AIRFIELD_WORDS = frozenset(["airport", "airfield", "airbase", "base", "aerodrome", "airstrip"])
LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside"])
# People named by where they live: "residents of Kibera" are there.
INHABITANT_NOUNS = frozenset(["resident", "inhabitant", "villager", "local", "townspeople",
                              "dweller", "townsman", "townsfolk"])  # fmt: skip
PLACE_NOUNS = frozenset(
    "town city village province region district capital port area county state".split()
)


def place_of(reader: Reader, head: Token) -> Span | None:
    """The place in "<actor noun> in/of <place>": "the government of Sindh province"."""
    for obj in where_objects(head):
        place = place_in(reader, obj)
        if place is not None and place.ent_id_.startswith("place:"):
            return place
    return None


def place_in(reader: Reader, head: Token) -> Span | None:
    """A place entity headed at or inside ``head``'s phrase, most specific first;
    a place the phrase is said to be in comes after the phrase's own ("the port of
    Odesa in southern Ukraine" is Odesa)."""
    best: Span | None = None
    best_rank = (False, 0)
    for tok in [head, *head.subtree]:
        ent = reader.entity_at(tok) or _untagged_place(tok)
        if ent is None or (ent.label_ not in PLACE_LABELS and not _named_as_place(ent)
                           and not _person_placed(ent)):
            continue
        if _in_agent_phrase(tok, head):
            continue  # "a ceasefire brokered by Qatar": who brokered it, not where
        if cut_from_name(ent):  # "Kebbi" of "Mayo-Kebbi": another place's name, so the
            ent = whole_name(ent)  # whole name, for the resolver (or as written), unless
            if ent.root.dep_ == "compound" and not _place_noun(ent.root.head):
                continue  # it names a thing: "the Cano Limon-Covenas pipeline"
        rank = (findable(ent), not _located_within(tok, head), specificity(ent),
                ent.label_ in PLACE_LABELS)  # "the Danube port of Izmail": Izmail
        if best is None or rank > best_rank:
            best, best_rank = ent, rank
    return best


def finest(places: Iterable[Span]) -> Span | None:
    """Of places an event is said to be in, the one that says most precisely where: one
    that can be mapped, then the finest (``specificity``), then the longest name.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Militias clashed in central Mali, near Bankass.")
    >>> finest(e for e in doc.ents if e.label_ in PLACE_LABELS).text
    'Bankass'
    """
    return max(places, key=lambda e: (findable(e), specificity(e), e.label_ in PLACE_LABELS,
                                      len(e)), default=None)


def wider_place(reader: Reader, place: Span) -> Span | None:
    """A coarser place the text says ``place`` is in, for when ``place`` is found on no
    map: "Khyber Pakhtunkhwa" for "in the Kurram district of Khyber Pakhtunkhwa",
    "Chad" for "in Chad's Mayo-Kebbi region", "Mali" for "near Bankass in central Mali"
    (a place phrase beside it on the same word); none for a place that only shares
    the sentence with another.

    >>> from dossier.annotate import annotate
    >>> from dossier.extract.actors import ActorFinder
    >>> doc = annotate("A bomb exploded in the Kurram district of Khyber Pakhtunkhwa.")
    >>> wider_place(ActorFinder(doc), doc.ents[0]).text
    'Khyber Pakhtunkhwa'
    """
    head = place.root
    if head.dep_ in ("compound", "poss") and head.head.i >= place.end:
        head = head.head  # "the Kurram district", "Chad's region"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and _place_noun(head.head.head):
        head = head.head.head  # "the town of Paletwa in Chin state"
    words = [head, *head.subtree]
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        # "near Bankass in central Mali": the place phrases beside it
        words += [t for prep in head.head.head.children if prep.dep_ == "prep"
                  and prep.lower_ in LOCATIVE_PREPS for t in prep.subtree]  # fmt: skip
    level = specificity(place)
    seen = {place.start}
    coarser = []
    for tok in words:
        ent = reader.entity_at(tok)
        if ent is None or ent.start in seen or ent.label_ not in PLACE_LABELS or (
                cut_from_name(ent)):
            continue
        seen.add(ent.start)
        if findable(ent) and specificity(ent) < level:
            coarser.append(ent)
    return finest(coarser)


# Small words inside hyphenated place names: "Sainte-Rose-du-Nord", "Ras al-Ain".
NAME_PARTICLES = frozenset("du de des la le les al el sur en au aux di da del ad as".split())


def cut_from_name(ent: Span) -> bool:
    """Whether a place the gazetteer matched is only a piece of a longer hyphenated name
    ("Kebbi" of "Mayo-Kebbi", "Limon" of "Cano Limon-Covenas"), so its id names another
    place: a name word is joined to it by a hyphen with no space, and is no entity of its
    own (two names each an entity are a pair: "the Kirkuk-Ceyhan pipeline"). A state's
    name or capital is not cut: "the Russia-Ukraine war", "Kyiv-controlled".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Gunmen struck a bus near Diffa-Bosso and in Kaya.")
    >>> [(e.text, cut_from_name(e)) for e in doc.ents if e.label_ in PLACE_LABELS]
    [('Diffa', True), ('Kaya', False)]
    """
    if not ent.ent_id_.startswith("place:"):
        return False
    doc = ent.doc
    before = ent.start - 2 >= 0 and _glued(doc[ent.start - 2], doc[ent.start - 1])
    after = ent.end + 1 < len(doc) and _glued(doc[ent.end + 1], doc[ent.end])
    return before or after


def whole_name(ent: Span) -> Span:
    """The hyphenated name a place matched inside it is cut from (``cut_from_name``),
    with no id: "Mayo-Kebbi" for "Kebbi", "Sainte-Rose-du-Nord" for "Nord".

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Floods hit villages in Mayo-Kebbi on Monday.")
    >>> [whole_name(e).text for e in doc.ents if cut_from_name(e)]
    ['Mayo-Kebbi']
    >>> doc = annotate("Police raided a house in Sainte-Rose-du-Nord.")
    >>> [whole_name(e).text for e in doc.ents if cut_from_name(e)]
    ['Sainte-Rose-du-Nord', 'Sainte-Rose-du-Nord']
    """
    doc = ent.doc
    start, end = ent.start, ent.end
    while start - 2 >= 0 and _joins(doc[start - 2], doc[start - 1]):
        start -= 2
    while end + 1 < len(doc) and _joins(doc[end - 1], doc[end]):
        end += 2
    return Span(doc, start, end, label=ent.label_)


def _joins(word: Token, hyphen: Token) -> bool:
    """``word`` and the word after ``hyphen`` are one name: a hyphen with no space on
    either side between name words (tagged or not: "Sainte-Rose" and "Nord" are two
    matches inside "Sainte-Rose-du-Nord")."""
    if hyphen.text != "-" or hyphen.i + 1 >= len(hyphen.doc) or word.whitespace_ or (
            hyphen.whitespace_):
        return False
    after = hyphen.doc[hyphen.i + 1]
    return all(w.text.istitle() or w.lower_ in NAME_PARTICLES for w in (word, after))


def _glued(word: Token, hyphen: Token) -> bool:
    """``word`` is a name word joined to its neighbour by ``hyphen``, written with no
    space on either side."""
    if hyphen.text != "-" or word.ent_type_:
        return False
    if word.i < hyphen.i:  # "Mayo-" before the place
        spaced = bool(word.whitespace_) or bool(hyphen.whitespace_)
    else:  # "-Covenas" after it
        spaced = bool(hyphen.nbor(-1).whitespace_) or bool(hyphen.whitespace_)
    return not spaced and (word.text.istitle() or word.lower_ in NAME_PARTICLES)


def findable(ent: Span) -> bool:
    """Whether a place entity can be put on the map: a named facility other than an
    airfield cannot, so "at the Vostochny Cosmodrome in Russia's Amur region" is
    placed by the region it is said to be in.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Kim met Putin at the Vostochny Cosmodrome in Russia's Amur region.")
    >>> [(e.text, findable(e)) for e in doc.ents if e.label_ in PLACE_LABELS]
    [('the Vostochny Cosmodrome', False), ('Russia', True), ('Amur region', True)]
    """
    return bool(ent.ent_id_) or ent.label_ != "FAC" or ent.root.lemma_.lower() in AIRFIELD_WORDS


def _located_within(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in a locative phrase under ``head`` ("Ukraine" of "the port
    of Odesa in southern Ukraine", heading at "port")."""
    return any(t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS for t in _path_up(tok, head))


def _in_agent_phrase(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in the "by" phrase of a passive or participle under ``head``
    (the agent: "a ceasefire brokered by Qatar")."""
    return any(t.dep_ == "agent" for t in _path_up(tok, head))


def _path_up(tok: Token, head: Token) -> Iterator[Token]:
    """``tok`` and its heads up to ``head`` (or the root), ``head`` itself left out."""
    while tok.i != head.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _named_as_place(ent: Span) -> bool:
    """"the town of Samarra", "the Kurram district": a name the model mislabelled, said
    to be a place by the place noun it names (a common noun: "Islamic State" is none)."""
    return _called_place(ent.root)


def _person_placed(ent: Span) -> bool:
    """"near Gao", "villagers of Kajuru": a name the model took for a person, where only
    a place can be (the whole object of a preposition of location, or of "of" after a
    word for the people who live somewhere; "in Smith's house" is a house). The
    resolver decides whether a place has that name."""
    root = ent.root
    prep = root.head
    placed = prep.lower_ in LOCATIVE_PREPS or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in INHABITANT_NOUNS)
    return (ent.label_ == "PERSON" and root.dep_ == "pobj" and placed
            and all(c.dep_ == "compound" for c in root.children))


def _called_place(name: Token) -> bool:
    """A name (the root word of it) said to be a place by a place noun: before it ("the
    Kurram district") or with "of" ("the town of Samarra")."""
    head = name.head
    if name.dep_ == "compound" and head.i > name.i:
        return _place_noun(head)
    return name.dep_ == "pobj" and head.lower_ == "of" and _place_noun(head.head)


def _place_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.text.islower() and token.lemma_ in PLACE_NOUNS


def _untagged_place(tok: Token) -> Span | None:
    """A proper name the model tagged as nothing, said to be a place by the place noun
    it names: "the Bajaur district", "the village of Nondo"."""
    if tok.pos_ != "PROPN" or tok.ent_type_ or not _called_place(tok):
        return None
    head = tok.head
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ and (
            doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in (tok.i, head.i)):
        start -= 1
    return Span(doc, start, tok.i + 1, label="LOC")


# How fine a place is, from the whole world to one site (``specificity``).
WORLD_REGION, COUNTRY, PROVINCE, DISTRICT, TOWN, SITE = range(6)
# Nouns that say a name is a settlement: "the town of Paletwa", "Ann township".
TOWN_NOUNS = frozenset("town city village township hamlet settlement".split())


def specificity(ent: Span) -> int:
    """How fine a place entity is: a site, a town, a district, a province or region of
    one country, a country, a region of several (``SITE`` ... ``WORLD_REGION``); of
    two places an event is said to be in, the finer says where ("near Bankass in
    central Mali" is at Bankass). A capital is a town, whatever state it stands for;
    a name the gazetteer lacks is ranked as a district, finer than the provinces and
    countries it lists, or a town when a word says so ("the town of Paletwa").

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Troops fought near Bankass and in Abuja, in Kursk Oblast and in Mali.")
    >>> [(e.text, specificity(e)) for e in doc.ents if e.label_ in PLACE_LABELS]
    [('Bankass', 4), ('Abuja', 4), ('Kursk Oblast', 2), ('Mali', 1)]
    """
    eid = ent.ent_id_
    if eid.startswith("place:city"):
        return TOWN
    if eid.startswith("place:region"):
        return PROVINCE if _country_region(eid) else WORLD_REGION
    if eid.startswith("place:"):
        return PROVINCE
    if eid.startswith("state:"):
        entry = gazetteer.lookup(ent.text)
        return TOWN if entry is not None and entry.kind == "capital" else COUNTRY
    if eid:
        return COUNTRY  # an organisation's seat or an institution
    if ent.label_ == "FAC":
        return SITE
    return TOWN if _called_town(ent) else DISTRICT


def _called_town(ent: Span) -> bool:
    """"the town of Qaryatain", "Ann township", "the Syrian town of Atarib"."""
    root = ent.root
    if any(t.lemma_.lower() in TOWN_NOUNS for t in ent):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in TOWN_NOUNS
    return root.dep_ in ("compound", "appos") and head.lemma_.lower() in TOWN_NOUNS


def _country_region(eid: str) -> bool:
    """Whether a gazetteer region lies in one country ("the Donbas", not "the Sahel")."""
    regions = index.tables().regions
    key = (id(regions), len(regions))
    if _COUNTRY_REGIONS.get("key") != key:
        _COUNTRY_REGIONS.clear()
        _COUNTRY_REGIONS.update(key=key, ids=frozenset(
            f"place:{c.key}" for c in regions if c.country))
    return eid in _COUNTRY_REGIONS["ids"]


_COUNTRY_REGIONS: dict = {}  # the ids of ``_country_region``, for one set of tables
