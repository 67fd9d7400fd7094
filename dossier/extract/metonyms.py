"""When a state's name, adjective or capital stands for the state, and when it is
only part of another name.

Capitals and seats of government stand for their state when they act or are
acted on ("Tehran denied", "Moscow sent", "the Kremlin said", "Downing Street
criticised"): the gazetteer tags capitals (``states.tsv``) and seats
(``organisations.tsv``), as PETRARCH2's Phoenix country dictionary codes a
country's cities and institutions (``kremlin`` RUSGOV, ``white house`` USAGOV,
``pentagon`` USAMIL).  A capital that is the place of an event ("a blast in
Kabul") is not read here: actors come from subjects and objects, places from
locative phrases.

A state's word is no state when it is part of another name:

- it modifies a capitalised name whose head is no actor or institution word:
  "UK Athletics", "British Airways", "the London Marathon runner-up" (a
  national federation, a company, a race: organisations and events that
  carry a country's name are organisations);
  A company is the exception: CAMEO and the Phoenix dictionaries code a firm by
  its country with sector BUS ("Phoenix.agents.txt": airline ~BUS), so "Iran
  Air", "British Airways", "Russian Railways" are their state's business actors;
- a capital follows a capitalised word of the same name: "Real Madrid",
  "Dynamo Kyiv", "Spartak Moscow" (clubs);
- a capital acts on a work shown to an audience: "Berlin applauds a film"
  (the Berlinale's audience, a metonym of the festival, not of Germany);
- a capital names an event it is the venue of: "the Vienna meeting", "the
  Geneva talks", "the Paris summit" (a noun modifier of an event noun says
  where it is held, as "the Vienna Congress" did; the parties are named
  elsewhere, "talks between X and Y").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.resolve.agents import noun_sector

# Head words of the names of states' organs that no actor-noun table lists:
# "the State Department", "the Federal Security Service", "Central Command".
INSTITUTION_HEADS = frozenset(
    "department agency office council commission committee bureau guard guards corps "
    "directorate assembly division unit service services bank command inspectorate "
    "chamber duma knesset house ministry forces navy army police embassy "
    "government administration authority authorities".split()
)
# Words that begin a capital's own name or a part of it: "East Jerusalem",
# "Greater London", "New Delhi" (the gazetteer lists the whole name when it is one).
PLACE_PREFIXES = frozenset(
    "north south east west northern southern eastern western central greater old new "
    "downtown inner outer upper lower metropolitan".split()
)
# Head words of company names (with Phoenix's agents of sector BUS): "Iran Air",
# "British Airways", "Russian Railways", "Saudi Aramco" is in organisations.tsv.
COMPANY_HEADS = frozenset(
    "air airways airline airlines railways railway rail petroleum oil gas telecom steel "
    "motors shipping aerospace energy".split()
)
PLACE_TYPES = frozenset(["GPE", "NORP", "LOC", "FAC"])
# Works shown to an audience: a capital that applauds, screens or honours one is
# the city's festival or public ("Berlin applauds a film").
WORKS = frozenset(
    "film movie documentary picture feature play opera ballet musical concert album song "
    "exhibition performance premiere screening novel drama comedy thriller".split()
)


def is_institution_word(token: Token) -> bool:
    """Whether ``token`` heads an actor's or an institution's name ("Ministry", "Army");
    a company's word ("Airlines") does not: "Turkish Airlines" is a company."""
    lemma = token.lemma_.lower()
    if lemma in INSTITUTION_HEADS or token.lower_ in INSTITUTION_HEADS:
        return True
    found = noun_sector(lemma) or noun_sector(token.lower_)
    return found is not None and found[0] != "BUS"


def is_company_word(token: Token) -> bool:
    """Whether ``token`` heads a company's name ("Airways", "Airlines")."""
    lemma = token.lemma_.lower()
    if lemma in COMPANY_HEADS or token.lower_ in COMPANY_HEADS:
        return True
    found = noun_sector(lemma) or noun_sector(token.lower_)
    return found is not None and found[0] == "BUS"


def is_name_word(token: Token) -> bool:
    """A capitalised word of a proper name that names no actor: "Athletics", "Marathon"."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not is_institution_word(token)
    )


def names_other(sub: Span, entities: dict[int, Span]) -> bool:
    """Whether the state entity ``sub`` only modifies another name ("UK" in "UK
    Athletics", "London" in "the London Marathon runner-up").

    ``entities`` maps token indexes to the document's entities: a name the
    gazetteer knows ("the State Department") is an organ, not another name.
    """
    root = sub.root
    if root.dep_ != "compound" or root.head.i < sub.end:
        return False
    named = root.head
    other = entities.get(named.i)
    if other is not None and other.ent_id_.startswith(("org:", "state:")):
        return False
    if other is not None and other.label_ == "PERSON":
        return False  # "Russian President Putin" is read as a person
    return is_name_word(named)


def is_capital(ent: Span) -> bool:
    """Whether the entity is a state's capital ("Tehran", "Madrid")."""
    entry = gazetteer.lookup(ent.text)
    return entry is not None and entry.kind == "capital"


def club_name(ent: Span) -> int | None:
    """Where a name built on a capital begins ("Real Madrid", "Dynamo Kyiv"), or None."""
    if not is_capital(ent):
        return None
    doc = ent.doc
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        if prev.dep_ != "compound" or prev.head.i < ent.start or not prev.text[:1].isupper():
            break
        if prev.lower_ in PLACE_PREFIXES or prev.ent_type_ in PLACE_TYPES:
            break
        if is_institution_word(prev):
            break
        start -= 1
    return start if start < ent.start else None


def audience(ent: Span) -> bool:
    """Whether a capital that acts on a work is its audience ("Berlin applauds a film")."""
    root = ent.root
    if root.dep_ != "nsubj" or not is_capital(ent):
        return False
    return any(
        child.dep_ in ("dobj", "attr") and child.lemma_.lower() in WORKS
        for child in root.head.children
    )


def venue(ent: Span) -> bool:
    """Whether a capital modifies an event noun it is the venue of ("the Vienna meeting").

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Days before the Vienna meeting, fighting resumed.")
    >>> venue(next(e for e in doc.ents if e.text == "Vienna"))
    True
    """
    from dossier.extract.lexicon import triggers_for

    root = ent.root
    if root.dep_ != "compound" or root.head.i < ent.end or not is_capital(ent):
        return False
    head = root.head
    return bool(triggers_for(head.lemma_.lower(), "NOUN") or triggers_for(head.lower_, "NOUN"))
