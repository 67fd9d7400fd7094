"""Find the actors a noun phrase names, from entities, demonyms and actor nouns.

"North Korean troops" names North Korea (the demonym modifies an actor noun);
"Russia and North Korea" names two states; "they" names whatever plural actor
was mentioned last.  The result is a list of ``ActorMention`` spans; turning
them into names and codes is the resolver's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dossier import equipment, gazetteer
from dossier.annotate import doc_ents
from dossier.extract import metonyms
from dossier.extract.syntax import children, text_span
from dossier.extract.wordclasses import QUANTITY_NOUNS
from dossier.models import ActorMention
from dossier.models import Span as TextSpan
from dossier.resolve import roles
from dossier.resolve.agents import noun_sector

ACTOR_LABELS = frozenset(["GPE", "NORP", "ORG", "PERSON"])
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
SINGULAR_PRONOUNS = frozenset(["it", "its", "itself"])
PRONOUNS = PLURAL_PRONOUNS | SINGULAR_PRONOUNS
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "his", "hers", "himself", "herself"])
# "the two countries", "both sides": the last two states named.
GROUP_NOUNS = frozenset(["country", "nation", "side", "state", "government", "neighbour", "ally"])
# Clauses inside a noun phrase that say something else about it.
ANAPHORIC_DETERMINERS = frozenset(["these", "those", "the", "this", "that"])
CLAUSE_DEPS = frozenset(["relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc"])


def entity_id(ent: Span) -> str | None:
    """The gazetteer id of an entity, or one looked up from its text."""
    if ent.ent_id_:
        return ent.ent_id_
    if ent.label_ in ("GPE", "NORP", "ORG"):
        entry = gazetteer.lookup(ent.text)
        if entry is None and ent.label_ == "GPE":
            entry = gazetteer.fuzzy_state(ent.text)  # "Afganistan"
        if entry is not None:
            return gazetteer.entity_id(entry)
    return None


def is_actor_entity(ent: Span) -> bool:
    eid = ent.ent_id_
    if eid.startswith(("state:", "org:")):
        return True
    if eid.startswith(("place:", "equip:")) or ent.label_ == "EQUIPMENT":
        return False
    return ent.label_ in ACTOR_LABELS


def _mention(doc: Doc, start: int, end: int, entity: str | None, noun: str | None) -> ActorMention:
    span = text_span(doc, start, end)
    return ActorMention(text=span.text, start=span.start, end=span.end, entity=entity, noun=noun)


def entity_mention(ent: Span, noun: str | None = None) -> ActorMention:
    """An actor mention covering a gazetteer or model entity; an organisation the
    gazetteer does not know is an organisation, not a person."""
    mention = _mention(ent.doc, ent.start, ent.end, entity_id(ent), noun)
    if mention.entity is None and ent.label_ == "ORG" and noun is None:
        mention.kind = "organisation"
    return mention


def _organisation(doc: Doc, start: int, end: int) -> ActorMention:
    """A name built on a state's ("UK Athletics", "Real Madrid"): no state."""
    while start < end - 1 and doc[start].dep_ == "det":
        start += 1
    mention = _mention(doc, start, end, None, None)
    mention.kind = "organisation"
    return mention


def actor_noun(token: Token) -> str | None:
    """The actor-noun lemma of a token ("troops" -> "troop"), compounds included."""
    lemma = token.lemma_.lower()
    for child in token.children:  # "coast guard", "armed men"
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            both = f"{child.lemma_.lower()} {lemma}"
            if gazetteer.actor_noun(both) or noun_sector(both):  # Phoenix: "defence secretary"
                return both
    if gazetteer.actor_noun(lemma):
        return lemma
    if token.tag_ == "NNS" and agent_head(lemma):
        # Phoenix's agents as a group: "passengers", "traders", "thieves"; one of them
        # alone is a private person ("the waiter asked", "the club's captain")
        return lemma
    return None


def agent_head(lemma: str) -> bool:
    """Whether a common noun is one of Phoenix's agents (people and groups by what
    they do: "trader" BUS, "thief" CRM, "passenger" CVL) that can head an actor on
    its own; its weapons and vehicles ("warplane", "MiG", "artillery") and its
    buildings ("school", "hospital") are things, not actors.

    >>> agent_head("passenger"), agent_head("thieves"), agent_head("warship"), agent_head("table")
    (True, True, False, False)
    """
    return noun_sector(lemma) is not None and lemma not in AGENT_THINGS and (
        equipment.category_for_phrase(lemma) is None
    )


# Phoenix agent nouns that name places, buildings, vehicles, weapons or bodies of
# work rather than people ("the school was hit": no actor)
AGENT_THINGS = frozenset(
    "school schoolhouse kindergarten kindergarden preschool college university conservatory "
    "hospital infirmary sanatarium sanatorium sanitarium monastery prison barracks village "
    "settlement neighborhood neighbourhood chamber website blog tv television telecom "
    "magazine gazette tabloid publication newspaper airline airway airliner jetliner "
    "jumbojet containership supertanker tanker freighter oiler artillery warplane warship "
    "battleship battlewagon bomber carrier corvette cruiser destroyer frigate jetfighter "
    "humvee hmmwv industry religion rebellion revolt uprising insurgence insurgency "
    "governance bureaucracy polity kingdom archdiocese diocese chancery".split()
)


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses or conjuncts."""
    out = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "conj" or child.dep_ == "prep":
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def coordinated(head: Token) -> list[Token]:
    """``head`` and its conjuncts: "Russia and North Korea" -> [Russia, Korea]."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out.extend(coordinated(child))
    return out


@dataclass
class ActorMemory:
    """What was named so far in a document, for pronouns and "the two countries"."""

    singular: list[ActorMention] = field(default_factory=list)
    plural: list[list[ActorMention]] = field(default_factory=list)
    states: list[ActorMention] = field(default_factory=list)
    # people named so far, for "he" and "she"
    persons: list[ActorMention] = field(default_factory=list)
    # the last state named with each actor noun: "North Korean pilots" -> "these pilots"
    by_noun: dict[str, ActorMention] = field(default_factory=dict)

    def remember(self, mentions: list[ActorMention], plural: bool) -> None:
        if not mentions:
            return
        if plural or len(mentions) > 1:
            self.plural.append(mentions)
        else:
            self.singular.append(mentions[0])
        for m in mentions:
            if m.entity and m.noun:
                self.by_noun[m.noun.split()[-1]] = m
            if m.entity and m.entity.startswith("state:"):
                self.states = [s for s in self.states if s.entity != m.entity] + [m]


class ActorFinder:
    """Finds actors in noun phrases of one document, remembering them for pronouns."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.memory = ActorMemory()
        self.entities = {i: ent for ent in doc_ents(doc) for i in range(ent.start, ent.end)}
        # pronouns resolved when first read, in reading order
        self.pronouns: dict[int, list[ActorMention]] = {}

    def _clause_antecedent(self, pronoun: Token) -> list[ActorMention]:
        """The subject of a clause the pronoun sits in, when that subject comes first
        and names an actor: "the ministry said its forces ...", "Russia moved its
        troops" (the first step of Hobbs's search, before the sentences told earlier).

        "its"/"it" takes a singular subject only; "their"/"they" either, as British
        usage refers to organisations in the plural.
        """
        node = pronoun
        for _ in range(8):
            if node.head is node:
                return []
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            for subj in children(node, "nsubj", "nsubjpass"):
                if subj.i >= pronoun.i or subj.lower_ in PRONOUNS:
                    continue
                if pronoun in subj.subtree:
                    continue
                if pronoun.lower_ in SINGULAR_PRONOUNS and (
                    subj.tag_ in ("NNS", "NNPS") or children(subj, "conj")
                ):
                    continue  # "Mali says the rebels attacked its troops": Mali's
                found = [m for m in self.in_phrase(subj, remember=False) if m.entity or m.noun]
                if found:
                    return found
        return []

    def entity_at(self, token: Token) -> Span | None:
        """The entity covering ``token``, if any."""
        return self.entities.get(token.i)

    def in_phrase(self, head: Token, *, remember: bool = True) -> list[ActorMention]:
        """Actors named by the noun phrase headed by ``head`` and its conjuncts."""
        heads = coordinated(head)
        each = [self._one(h) for h in heads]
        for n, h in enumerate(heads):
            # "Labour and the Conservatives": coordinated with an actor, a name the
            # model did not tag (or took for a person) is read from the gazetteer
            if any(each[:n] + each[n + 1 :]) and not any(m.entity or m.noun for m in each[n]):
                each[n] = self._named(h) or each[n]
        found = [m for ms in each for m in ms]
        plural = len(heads) > 1 or head.tag_ in ("NNS", "NNPS") or (
            head.lower_ in PLURAL_PRONOUNS
        )
        if remember and found and head.lower_ not in PRONOUNS:
            self.memory.remember(found, plural)
        return found

    def _one(self, head: Token) -> list[ActorMention]:
        doc = self.doc
        low = head.lower_
        if head.i in self.pronouns:
            return list(self.pronouns[head.i])
        if low in PRONOUNS:
            bound = self._clause_antecedent(head)
            if bound:  # "the ministry said its forces ...": the ministry's
                self.pronouns[head.i] = bound
                return list(bound)
        if low in PLURAL_PRONOUNS and self.memory.plural:
            self.pronouns[head.i] = list(self.memory.plural[-1])
            return list(self.memory.plural[-1])
        if low in SINGULAR_PRONOUNS and self.memory.singular:
            self.pronouns[head.i] = [self.memory.singular[-1]]
            return [self.memory.singular[-1]]
        if low in PERSON_PRONOUNS:
            if self.memory.persons:
                self.pronouns[head.i] = [self.memory.persons[-1]]
                return [self.memory.persons[-1]]
            return []
        if head.lemma_.lower() in GROUP_NOUNS and head.tag_ in ("NNS", "NNPS"):
            det = {c.lower_ for c in head.children}
            if det & {"two", "both"} and len(self.memory.states) >= 2:
                return list(self.memory.states[-2:])
        ent = self.entity_at(head)
        short = self._acronym(ent) if ent is not None and not ent.ent_id_ else None
        if short is not None:  # "TAI" after "Turkish Aerospace Industries (TAI)"
            return [short]
        if ent is not None and ent.label_ == "PERSON":
            found = self._person(head, ent)
            if found and (found[0].entity or found[0].noun):
                self.memory.persons.append(found[0])
            return found
        if ent is not None and ent.label_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
            # an ethnic group is coded by where it lives: "Bosnian Serbs",
            # "the Albanians of southern Serbia"
            home = self._state_of(head) or next(
                (
                    entity_id(sub)
                    for tok in phrase_tokens(head)
                    if tok.i < ent.start
                    and (sub := self.entity_at(tok)) is not None
                    and (entity_id(sub) or "").startswith("state:")
                ),
                None,
            )
            if home is not None and home != entity_id(ent):
                start = min(t.i for t in phrase_tokens(head))
                return [_mention(doc, start, ent.end, home, None)]
        if ent is not None and ent.ent_id_.startswith("state:"):
            club = metonyms.club_name(ent)
            if club is not None:  # "Real Madrid", "Dynamo Kyiv"
                return [_organisation(doc, club, ent.end)]
            if metonyms.audience(ent) or metonyms.venue(ent):  # "Berlin applauds a film",
                return []  # "the Vienna meeting": a festival's audience, a venue
        if ent is not None and ent.label_ == "ORG" and not ent.ent_id_:
            if _known_person(ent) and entity_id(ent) is None:
                return self._person(head, ent)  # the model took "Trump" for a firm
            organ = self._organ(head, ent)  # "Ukraine's Ministry of Foreign Affairs"
            if organ is not None:
                return [organ]
        if ent is not None and ent.label_ == "NORP" and len(ent) == 1 and (
            entity_id(ent) is None and actor_noun(head) is not None
        ):
            ent = None  # "Jihadists attacked": the model's NORP is an actor noun
        if ent is not None and ent.label_ in ("ORG", "GPE") and not entity_id(ent):
            owned = self._owned(ent)  # "Russia's Irkut", "Germany's KNDS Deutschland"
            if owned is not None:
                return [owned]
        if ent is not None and is_actor_entity(ent):
            return [entity_mention(ent)]
        if head.lemma_.lower() in QUANTITY_NOUNS or head.pos_ == "NUM":
            # "thousands of Chilean students", "a group of Moroccan diplomats"
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self._one(obj)
            for child in head.children:
                if child.dep_ == "poss":  # "its fighters", "the group's members"
                    found = self._one(child)
                    if found:
                        return found
                owner = actor_noun(child) if child.dep_ == "compound" else None
                if owner is not None and child.i == head.i - 1:  # "gang members"
                    return [_mention(doc, child.i, head.i + 1, self._state_of(head), owner)]
        noun = actor_noun(head)
        if noun is None and _is_agent(head) and is_weapon(head):
            noun = "military"  # "Syrian aircraft bombed ...": the weapon's military acts
        tokens = phrase_tokens(head)
        # A state or organisation inside the phrase: "North Korean troops",
        # "Russia's defence ministry", "US Indo-Pacific Command commander".
        for tok in tokens:
            if tok.i == head.i:
                continue
            sub = self.entity_at(tok)
            if sub is not None and _opposed(sub):
                continue  # "an anti-Syria journalist" is not Syrian
            if sub is not None and sub.ent_id_.startswith("state:") and (
                metonyms.names_other(sub, self.entities)
            ):  # "UK Athletics", "the London Marathon runner-up"
                if sub.root.head.i == head.i and metonyms.is_company_word(head):
                    start = min(tokens[0].i, sub.start)  # "Iran Air": Iran's business
                    while doc[start].dep_ == "det":
                        start += 1
                    return [_mention(doc, start, head.i + 1, entity_id(sub), "business")]
                if sub.root.head.i == head.i:
                    return [_organisation(doc, tokens[0].i, head.i + 1)]
                continue
            if (
                sub is not None
                and sub.label_ == "PERSON"
                and noun is not None
                and tok.head.i == head.i
                and tok.dep_ in ("compound", "poss")
                and roles.is_known(sub.text)
            ):  # "the Biden administration", "Putin's spokesman": whom they serve
                start = tokens[0].i
                while doc[start].dep_ == "det" or doc[start].is_punct:
                    start += 1
                return [_mention(doc, start, head.i + 1, f"person:{sub.text}", noun)]
            if sub is not None and is_actor_entity(sub) and sub.label_ != "PERSON":
                if noun is None and sub.ent_id_.startswith("state:"):
                    noun = _agent_noun(head)  # "Russian lawmakers": Phoenix's agents
                if noun is None and head.pos_ != "PROPN" and not _is_agent(head):
                    # "Russia's war" names Russia, "the al-Qaeda network" al-Qaeda;
                    # "training on Russian aircraft" names no actor, but "Swiss
                    # doctors handed over ..." does: the agent of an event
                    if sub.root.dep_ in ("poss", "compound"):
                        return [entity_mention(sub)]
                    continue
                start = min(tokens[0].i, sub.start)
                while doc[start].dep_ == "det" or doc[start].is_punct:
                    start += 1
                end = max(head.i + 1, sub.end)
                found = [_mention(doc, start, end, entity_id(sub), noun)]
                # "Hungarian and Romanian officials": one actor per coordinated state
                for conj in sub.root.conjuncts:
                    other = self.entity_at(conj)
                    if other is not None and is_actor_entity(other) and other.start != sub.start:
                        found.append(entity_mention(other, noun))
                return found
        if noun is None:
            for child in head.children:  # "its ally Belarus", "the neighbour, Poland"
                named = self.entity_at(child) if child.dep_ == "appos" else None
                if named is not None and (entity_id(named) or "").startswith(("state:", "org:")):
                    return [entity_mention(named)]
        if noun is not None:
            start = tokens[0].i
            while start < head.i and (doc[start].dep_ == "det" or doc[start].is_punct):
                start += 1
            entity = self._state_of(head)  # "opposition groups in Zimbabwe"
            end = head.i + 1
            chain = self._state_in_of_chain(head) if entity is None else None
            if chain is not None:  # "the Ministry of Foreign Affairs of Ukraine"
                entity, end = entity_id(chain), chain.end
            named = self._known_appos(head) if entity is None else None
            if named is not None:  # "the defence secretary, Dick Cheney,": whom he served
                entity, end = f"person:{named.text}", max(end, named.end)
            dets = {c.lower_ for c in head.children if c.dep_ == "det"}
            earlier = self.memory.by_noun.get(noun.split()[-1])
            if entity is None and dets & ANAPHORIC_DETERMINERS and earlier is not None:
                entity = earlier.entity  # "these pilots": the pilots named before
                start = tokens[0].i
            owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
            if entity is None and owners:  # "its forces": the forces of what "its" is
                whose = [m.entity for m in self._one(owners[0]) if m.entity]
                if len(whose) > 1:  # "Germany and France said their jets ..."
                    return [_mention(doc, start, end, e, noun) for e in whose]
                entity = whose[0] if whose else None
            mention = _mention(doc, start, end, entity, noun)
            place = self.place_of(head) if entity is None else None
            if place is not None:
                mention.place = TextSpan(place.text, place.start_char, place.end_char)
            return [mention]
        return []

    def _organ(self, head: Token, org: Span) -> ActorMention | None:
        """An organ of a state the model tagged as an organisation, with the state
        around it: "Ukraine's Ministry of Foreign Affairs", "the Ministry of Foreign
        Affairs of Ukraine", "Iran's Supreme National Security Council"; the whole
        phrase is kept.  None when no state is named or the name is no organ's."""
        words = org.text.lower().removeprefix("the ")
        noun = next(
            (n for n in (words, org.root.lemma_.lower(), org.root.lower_) if noun_sector(n)),
            None,
        )
        if noun is None and not metonyms.is_institution_word(org.root):
            return None
        tokens = [t for t in phrase_tokens(head) if not (org.start <= t.i < org.end)]
        state = None
        for tok in tokens:
            sub = self.entity_at(tok)
            if sub is not None and sub.ent_id_.startswith("state:") and not _opposed(sub):
                state = sub
                break
        end = max(org.end, head.i + 1)
        if state is None:
            found = self._state_in_of_chain(org.root)
            if found is None:  # "the Defence Ministry" alone: a sector, no state
                first = org.start + (self.doc[org.start].dep_ == "det" and len(org) > 1)
                return _mention(self.doc, first, org.end, None, noun) if noun else None
            state, end = found, max(end, found.end)
        start = min(org.start, state.start)
        while self.doc[start].dep_ == "det" or self.doc[start].is_punct:
            start += 1
        return _mention(self.doc, start, end, entity_id(state), noun or "government")

    def _owned(self, org: Span) -> ActorMention | None:
        """An organisation the text gives to a state by a possessive: "Russia's Irkut",
        "France's Naval Group" are coded by their state, as CAMEO codes a state's
        companies and bodies (the whole phrase is kept).

        >>> from dossier.annotate import annotate
        >>> doc = annotate("Astana bought four jets from Russia's Irkut.")
        >>> found = ActorFinder(doc)._one(doc[-2])
        >>> [(m.text, m.entity) for m in found]
        [("Russia's Irkut", 'state:RUS')]
        """
        for tok in org.root.children:
            sub = self.entity_at(tok) if tok.dep_ == "poss" and tok.i < org.start else None
            if sub is not None and sub.ent_id_.startswith("state:") and not _opposed(sub):
                return _mention(self.doc, sub.start, org.end, entity_id(sub), None)
        return None

    def _acronym(self, org: Span) -> ActorMention | None:
        """An organisation's initials coded as the name they were introduced after:
        "Turkish Aerospace Industries (TAI) ... TAI will train" is the company named first.

        >>> from dossier.annotate import annotate
        >>> doc = annotate("Turkish Aerospace Industries (TAI) won. Later TAI said it would build.")
        >>> [(m.text, m.entity) for m in ActorFinder(doc)._one(doc[9])]
        [('TAI', 'org:Turkish Aerospace')]
        """
        short = org.text
        if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
            return None
        doc = self.doc
        for tok in doc[: org.start]:
            if tok.text != short or tok.i < 2 or doc[tok.i - 1].text != "(":
                continue
            before = doc[tok.i - 2]  # the last word of the name the initials follow
            named = [m for m in self._one(before) if m.entity]
            if named:
                return _mention(doc, org.start, org.end, named[0].entity, named[0].noun)
        return None

    def _known_appos(self, head: Token) -> Span | None:
        """A person in apposition to a title whom people.tsv or Phoenix knows."""
        for child in head.children:
            named = self.entity_at(child) if child.dep_ == "appos" else None
            if named is not None and named.label_ in ("PERSON", "ORG") and _known_person(named):
                return named
        return None

    def _state_in_of_chain(self, token: Token, depth: int = 3) -> Span | None:
        """The state named at the end of "of" phrases: "Ministry of Foreign Affairs of
        Ukraine" -> Ukraine (the model attaches the last "of" to "Affairs")."""
        if depth == 0:
            return None
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                sub = self.entity_at(obj)
                if sub is not None and sub.ent_id_.startswith("state:"):
                    return sub
                deeper = self._state_in_of_chain(obj, depth - 1)
                if deeper is not None:
                    return deeper
        return None

    def _named(self, head: Token) -> list[ActorMention]:
        """The state or organisation that the capitalised words ending at ``head``
        name in the gazetteer, weak forms ("~Labour", "~Jordan") included; [] if
        none.  The model may tag such a name as a common noun or a person."""
        if not head.text[:1].isupper():
            return []
        start = head.i
        while start > head.left_edge.i and self.doc[start - 1].text[:1].isupper():
            start -= 1
        for first in range(start, head.i + 1):  # the longest name first
            entry = gazetteer.lookup(self.doc[first : head.i + 1].text)
            if entry is not None and entry.kind != "person":
                return [_mention(self.doc, first, head.i + 1, gazetteer.entity_id(entry), None)]
        return []

    def _person(self, head: Token, ent: Span) -> list[ActorMention]:
        """A named person: by title and state ("Israeli Prime Minister Ehud
        Barak"), as a leader the gazetteer knows ("Putin"), or as written."""
        titled = self._titled_person(head, ent)
        if titled is not None and titled.entity is not None:
            return [titled]
        known = gazetteer.person(ent.text)
        if known is not None or roles.is_known(ent.text):
            # the state they served is read on the event's day (resolve.roles)
            mention = titled or _mention(self.doc, ent.start, ent.end, None, None)
            mention.entity = f"person:{known.name if known is not None else ent.text}"
            return [mention]
        if titled is not None:
            return [titled]
        return [_mention(self.doc, ent.start, ent.end, None, None)]

    def _titled_person(self, head: Token, person: Span) -> ActorMention | None:
        """"Israeli Prime Minister Ehud Barak", "Jordan's King Abdullah": the
        person's state (or organisation) and title make a coded actor."""
        tokens = [t for t in phrase_tokens(head) if not (person.start <= t.i < person.end)]
        title = None
        for tok in [*tokens, *person]:  # "King Abdullah": the title may sit in the name
            noun = actor_noun(tok) if tok.is_title or tok.is_lower else None
            if noun is not None and tok.i < person.end - 1:
                title = noun
        for tok in tokens:
            sub = self.entity_at(tok)
            if sub is not None and sub.label_ == "PERSON" and tok.dep_ == "poss":
                # "Jordan's King Abdullah": the model took the state for a name
                entry = gazetteer.lookup(sub.text)
                if entry is not None and entry.kind in ("state", "capital"):
                    start = min(tokens[0].i, person.start)
                    end = max(person.end, head.i + 1)
                    return _mention(self.doc, start, end, f"state:{entry.code}", title or "leader")
            if sub is not None and is_actor_entity(sub) and sub.label_ != "PERSON":
                ident = entity_id(sub)
                if ident is None:
                    continue
                start = min(tokens[0].i, person.start)
                while self.doc[start].dep_ == "det" or self.doc[start].is_punct:
                    start += 1
                end = max(person.end, head.i + 1)
                return _mention(self.doc, start, end, ident, title or "leader")
        if title is not None:  # "President Bush": a government actor, state unknown
            start = min([t.i for t in tokens if actor_noun(t)] + [person.start])
            return _mention(self.doc, start, max(person.end, head.i + 1), None, title)
        return None

    def _state_of(self, head: Token) -> str | None:
        """The state in "<actor noun> in/of/from <state>": "opposition groups in
        Zimbabwe", "inhabitants of the Syrian Golan Heights"."""
        for obj in _where_objects(head):
            for tok in [obj, *phrase_tokens(obj)]:
                sub = self.entity_at(tok)
                if sub is not None and (entity_id(sub) or "").startswith("state:"):
                    return entity_id(sub)
        return None

    def place_of(self, head: Token) -> Span | None:
        """The place in "<actor noun> in/of <place>": "the government of Sindh province"."""
        for obj in _where_objects(head):
            place = self.place_in(obj)
            if place is not None and place.ent_id_.startswith("place:"):
                return place
        return None

    def place_in(self, head: Token) -> Span | None:
        """A place entity headed at or inside ``head``'s phrase, most specific first;
        a place the phrase is said to be in comes after the phrase's own ("the port of
        Odesa in southern Ukraine" is Odesa)."""
        best: Span | None = None
        best_rank = (False, 0)
        for tok in [head, *head.subtree]:
            ent = self.entity_at(tok)
            if ent is None or (ent.label_ not in PLACE_LABELS and not _named_as_place(ent)):
                continue
            rank = (_findable(ent), not _located_within(tok, head), _specificity(ent))
            if best is None or rank > best_rank:
                best, best_rank = ent, rank
        return best


# Facilities the place index has (airfields, from ``airportsdata``); another named
# facility ("the Vostochny Cosmodrome", "Naval Station Norfolk") is found on no map.
AIRFIELD_WORDS = frozenset(["airport", "airfield", "airbase", "base", "aerodrome", "airstrip"])


def _findable(ent: Span) -> bool:
    """Whether a place entity can be put on the map: a named facility other than an
    airfield cannot, so "at the Vostochny Cosmodrome in Russia's Amur region" is
    placed by the region it is said to be in.

    >>> from dossier.annotate import annotate
    >>> doc = annotate("Kim met Putin at the Vostochny Cosmodrome in Russia's Amur region.")
    >>> [(e.text, _findable(e)) for e in doc.ents if e.label_ in PLACE_LABELS]
    [('the Vostochny Cosmodrome', False), ('Russia', True), ('Amur region', True)]
    """
    return bool(ent.ent_id_) or ent.label_ != "FAC" or ent.root.lemma_.lower() in AIRFIELD_WORDS


LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside"])


def _located_within(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in a locative phrase under ``head`` ("Ukraine" of "the port
    of Odesa in southern Ukraine", heading at "port")."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in LOCATIVE_PREPS:
            return True
        tok = tok.head
    return False


def _where_objects(head: Token) -> list[Token]:
    """The objects of "in/of/from" phrases on a noun: where an actor is or comes from."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _opposed(ent: Span) -> bool:
    """"anti-Syria", "anti-American": the name is what the actor opposes."""
    doc, i = ent.doc, ent.start
    return (i >= 1 and doc[i - 1].lower_ in ("anti", "anti-")) or (
        i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"
    )


PLACE_NOUNS = frozenset(
    "town city village province region district capital port area county state".split()
)


def _named_as_place(ent: Span) -> bool:
    """"the town of Samarra": a name the model mislabelled, said to be a place."""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in PLACE_NOUNS
    )


def _known_person(ent: Span) -> bool:
    """Whether people.tsv knows the name, or Phoenix knows it as a person's full name
    (a surname alone in Phoenix is trusted only when the model tagged a person)."""
    if ent.label_ == "PERSON":
        return roles.is_known(ent.text)
    return gazetteer.person(ent.text) is not None or (" " in ent.text and roles.is_known(ent.text))


def _agent_noun(token: Token) -> str | None:
    """A Phoenix agent noun ("lawmakers", "doctors"), for a phrase that names a state."""
    for word in (token.lemma_.lower(), token.lower_):
        if noun_sector(word) is not None:
            return word
    return None


def _is_agent(token: Token) -> bool:
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def is_weapon(token: Token) -> bool:
    """Whether a noun names a weapon or armed platform ("missiles", "Iskanders")."""
    category = equipment.category_for_phrase(token.lower_)
    return category is not None and category not in NOT_WEAPONS


NOT_WEAPONS = equipment.CIVILIAN_CATEGORIES | {"troops", "technology"}


def _specificity(ent: Span) -> int:
    eid = ent.ent_id_
    if eid.startswith("place:city") or eid.startswith("place:admin1"):
        return 3
    if eid.startswith("place:"):
        return 2
    if eid.startswith("state:"):
        return 1
    return 2 if ent.label_ in ("LOC", "FAC") else 1
