"""What the discourse modules share (``tranches``, ``denials``, ``responsibility``,
composed by ``discourse.Discourse``): how far back a sentence may lean, the
determiners that point back to something told before, and what the pass reads of
its extractor (``Extraction``).

>>> REACH, "these" in DEFINITE, "a" in DEFINITE
(2, True, False)
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from dossier.extract.attribution import ClaimFinder
from dossier.extract.coreference import DiscourseActors
from dossier.models import EventMention, Item

# How many sentences back an event may be continued or denied.
REACH = 2
DEFINITE = frozenset(["the", "these", "those", "this", "that"])


class Extraction(Protocol):
    """What the discourse pass reads of its extractor (``rules.Extractor``, which
    imports the discourse pass)."""

    doc: Doc
    mentions: list[EventMention]
    by_trigger: dict[int, int]
    claims: ClaimFinder
    actors: DiscourseActors

    def items_in(self, head: Token, *, only_head: bool = False) -> list[Item]: ...
    def trigger_token(self, mention: EventMention) -> Token: ...
