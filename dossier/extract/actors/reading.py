"""What the actor finder's modules share: the memory of what a document named so far,
and ``Reader``, what they may read of the finder (``finder.ActorFinder``).

The modules that code a phrase (``possession``, ``people``, ``places``, ``pronouns``,
``noun_phrases``) are functions of a ``Reader``; they read a nested phrase through
``reader._one`` and ``reader.in_phrase``, so that a finder that reads more
(``coreference.DiscourseActors``: "the country", "the two sides") is asked again.
A new thing to remember across sentences goes in ``ActorMemory``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dossier.models import ActorMention


@dataclass
class ActorMemory:
    """What was named so far in a document, for pronouns and "the two countries"."""

    singular: list[ActorMention] = field(default_factory=list)
    plural: list[list[ActorMention]] = field(default_factory=list)
    states: list[ActorMention] = field(default_factory=list)
    # people named so far, for "he" and "she"
    persons: list[ActorMention] = field(default_factory=list)
    # people told by an office with a state's word ("Germany's chancellor"), for "he"
    # and "she" in a text that names no person
    office_holders: list[ActorMention] = field(default_factory=list)
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


class Reader(Protocol):
    """What the coding modules read of the finder."""

    doc: Doc
    entities: dict[int, Span]  # token index -> the entity covering it
    memory: ActorMemory
    pronouns: dict[int, list[ActorMention]]  # pronouns resolved when first read

    def entity_at(self, token: Token) -> Span | None: ...

    def in_phrase(self, head: Token, *, remember: bool = True) -> list[ActorMention]: ...

    def _one(self, head: Token) -> list[ActorMention]: ...
