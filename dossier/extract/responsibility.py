"""Responsibility claimed for the attack before: "A bomb exploded at a market.
The Taliban claimed responsibility."  Who claims (or takes, admits ...)
responsibility, naming no event of its own (or only "it"), is the source of the
attacks of the nearest earlier sentence (at most ``told_before.REACH`` back) that
name none, or only the weapon that did it.  Owning up to an act is no event of its
own; "claimed responsibility for the bombing" names its event, whose own source
the roles give.

A mixin of ``discourse.Discourse``, which reads a document's mentions in order.

>>> from dossier.annotate import annotate
>>> from dossier.extract.rules import extract_mentions
>>> doc = annotate("A bomb exploded at a market in Kabul. The Taliban claimed responsibility.")
>>> [(m.type, [a.text for a in m.source]) for m in extract_mentions(doc)]
[('ASSAULT', ['Taliban'])]
"""

from __future__ import annotations

from spacy.symbols import VERB
from spacy.tokens import Span

from dossier import equipment
from dossier.extract.syntax import children, subject_of
from dossier.extract.tokens import token_table
from dossier.extract.told_before import REACH, Extraction
from dossier.extract.wordclasses import RESPONSIBILITY_VERBS
from dossier.models import ActorMention


class ClaimedAttacks:
    """Responsibility claimed for the attack before: the part of
    ``discourse.Discourse`` that gives the attack its source."""

    x: Extraction

    def claimed_attacks(self, sent: Span, index: int) -> None:
        """"A car bomb went off ... Al-Shabaab claimed responsibility.": who claims
        responsibility, naming no event of its own (or only "it"), is the source of
        the attacks of the nearest earlier sentence that name none."""
        table = token_table(sent.doc)
        for i in range(sent.start, sent.end):
            if table.pos[i] != VERB or table.lemma_lower(i) not in RESPONSIBILITY_VERBS:
                continue
            token = sent.doc[i]
            objects = children(token, "dobj")
            if not objects or objects[0].lemma_.lower() != "responsibility":
                continue
            named = [o for p in children(objects[0], "prep") for o in children(p, "pobj")]
            if any(o.i in self.x.by_trigger for o in named):
                continue  # "claimed responsibility for the bombing": that event's own
            subj, is_object = subject_of(token)
            actors = self.x.actors.in_phrase(subj) if subj is not None and not is_object else []
            if not actors:
                continue
            before = [m for m in self.x.mentions if index - REACH <= m.sentence < index
                      and m.type == "ASSAULT"]  # fmt: skip
            nearest = max((m.sentence for m in before), default=None)
            for mention in before:
                if mention.sentence == nearest and _unnamed(mention.source):
                    mention.source = list(actors)



def _unnamed(actors: list[ActorMention]) -> bool:
    """No actor, or only the weapon that did it ("a car bomb went off": the extractor
    lets a weapon stand for the force that used it)."""
    return all(
        a.entity is None and equipment.category_for_phrase(a.text.lower().split()[-1])
        for a in actors
    )
