"""Find the actors a noun phrase names, from entities, demonyms and actor nouns.

"North Korean troops" names North Korea (the demonym modifies an actor noun);
"Russia and North Korea" names two states; "they" names whatever plural actor
was mentioned last.  The result is a list of ``ActorMention`` spans; turning
them into names and codes is the resolver's job (``resolve.actors``).

The modules, each importing only the ones before it (``tests/test_import_cycles.py``),
and where a new rule goes:

1. ``words``: which words name actors (pronouns, group nouns, actor nouns, Phoenix
   agents, weapons that stand for their military);
2. ``phrases``: a noun phrase's words, conjuncts and "in/of/from" phrases;
3. ``reading``: what the others share: ``ActorMemory`` (what was named so far) and
   ``Reader`` (what they read of the finder);
4. ``codes``: an entity's gazetteer id and the ``ActorMention`` over it;
5. ``facilities``: a building, site or convoy an attack hits, kept as its target
   when no actor is named ("struck a school"); ``victims`` likewise a person named
   by a common noun ("shot a lawyer", "arrested the rapper");
6. ``places``: the place a phrase names or is said to be in;
7. ``people``: named people, by title and state or as leaders the tables know;
8. ``possession``: whose an organisation or group is ("Russia's Irkut", "the
   Ministry of Foreign Affairs of Ukraine", "opposition groups in Zimbabwe", "the
   leader of Hamas");
9. ``pronouns``: what a pronoun or "the two countries" points back to;
10. ``noun_phrases``: an actor named by a common noun and its modifiers ("North
    Korean troops", "these pilots", "its forces");
11. ``finder``: ``ActorFinder``, which reads a phrase head by head, in the order
    its ``_one`` gives, and remembers what it found.

This package's names are imported from here (``from dossier.extract.actors import
ActorFinder``).

>>> from dossier.annotate import annotate
>>> doc = annotate("North Korean troops and Russia's Irkut arrived. They left.")
>>> finder = ActorFinder(doc)
>>> [(m.text, m.entity) for m in finder.in_phrase(doc[2])]
[('North Korean troops', 'state:PRK'), ("Russia's Irkut", 'state:RUS')]
>>> [m.entity for m in finder.in_phrase(doc[9])]
['state:PRK', 'state:RUS']
"""

from __future__ import annotations

from dossier.extract.actors.codes import (
    ACTOR_LABELS,
    entity_id,
    entity_mention,
    is_actor_entity,
    other_than,
)
from dossier.extract.actors.facilities import FACILITY_TARGETS, facility, place_target
from dossier.extract.actors.finder import ActorFinder
from dossier.extract.actors.phrases import CLAUSE_DEPS, coordinated, phrase_tokens
from dossier.extract.actors.places import (
    AIRFIELD_WORDS,
    LOCATIVE_PREPS,
    PLACE_LABELS,
    PLACE_NOUNS,
)
from dossier.extract.actors.reading import ActorMemory
from dossier.extract.actors.victims import people_acting, person_noun, victim
from dossier.extract.actors.words import (
    AGENT_THINGS,
    ANAPHORIC_DETERMINERS,
    GROUP_NOUNS,
    NOT_WEAPONS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    SINGULAR_PRONOUNS,
    actor_noun,
    agent_head,
    is_weapon,
)

__all__ = [
    "ACTOR_LABELS", "AGENT_THINGS", "AIRFIELD_WORDS", "ANAPHORIC_DETERMINERS", "CLAUSE_DEPS",
    "FACILITY_TARGETS", "GROUP_NOUNS", "LOCATIVE_PREPS", "NOT_WEAPONS", "PERSON_PRONOUNS",
    "PLACE_LABELS", "PLACE_NOUNS", "PLURAL_PRONOUNS", "PRONOUNS", "SINGULAR_PRONOUNS",
    "ActorFinder", "ActorMemory", "actor_noun", "agent_head", "coordinated", "entity_id",
    "entity_mention", "facility", "is_actor_entity", "is_weapon", "other_than", "phrase_tokens",
    "people_acting", "person_noun", "place_target", "victim",
]  # fmt: skip
