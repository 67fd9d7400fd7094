"""Links between the events of a document: exchanges, parts and contents.

``Linker`` is the part of ``rules.Extractor`` that, once every sentence is
read, links events: "jets in exchange for troops" (``exchange``), the parts of
an agreement or a pledge (``part_of``), and an event that is the content of
another ("agreed to supply": ``content``/``content_of``; a clause of time,
condition or purpose: ``context``).  It reads ``self.doc``, ``self.mentions``
and ``self.by_trigger`` (trigger token index -> mention index).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract import lexicon
from dossier.extract.syntax import CONTENT_DEPS, clause_relation, prep_objects
from dossier.extract.threat_modes import threat_mode
from dossier.extract.wordclasses import EXCHANGE_NOUNS, GENERIC_RELATIONS
from dossier.models import EventMention


class Linker:
    """Links between the events of one document: for ``rules.Extractor``."""

    doc: Doc
    mentions: list[EventMention]
    by_trigger: dict[int, int]

    def link(self) -> None:
        self.link_contents()
        self.link_exchanges_and_parts()
        self.threat_modes()
        for mention in self.mentions:  # a specific relation wins over the generic ones
            specific = {i for rel, i in mention.links if rel not in GENERIC_RELATIONS}
            mention.links = [
                (rel, i) for rel, i in mention.links
                if rel not in GENERIC_RELATIONS or i not in specific
            ]

    def trigger_token(self, mention: EventMention) -> Token:
        return self.doc.char_span(mention.trigger.start, mention.trigger.end)[0]

    def link_exchanges_and_parts(self) -> None:
        """"supply jets in exchange for troops", "as part of the agreement", and
        what an agreement in the same sentence promises."""
        for index, mention in enumerate(self.mentions):
            token = self.trigger_token(mention)
            for word, obj in prep_objects(token):
                if word in ("in", "as") and obj.lemma_.lower() in EXCHANGE_NOUNS:
                    for inner_word, inner in prep_objects(obj):
                        if inner_word == "for":
                            other = self._mention_within(inner)
                            if other is not None and other != index:
                                mention.links.append(("in_exchange_for", other))
                                self.mentions[other].links.append(("in_exchange_for", index))
                if word == "as" and obj.lemma_.lower() == "part":
                    for inner_word, inner in prep_objects(obj):
                        if inner_word == "of" and inner.lemma_.lower() in (
                            "agreement",
                            "deal",
                            "accord",
                            "pact",
                            "treaty",
                        ):
                            agree = self._latest_of_type(("AGREE", "SUPPORT"), before=index)
                            if agree is not None:
                                mention.links.append(("part_of", agree))
            # an agreement and what it promises, in one sentence
            if mention.type == "AGREE":
                for other_index, other in enumerate(self.mentions):
                    if (
                        other_index != index
                        and other.sentence == mention.sentence
                        and other.type != "AGREE"
                        and other.factuality == "planned"
                    ):
                        mention.links.append(("promises", other_index))
                        other.links.append(("part_of", index))
                        self.inherit_counterpart(mention, other)

    def link_contents(self) -> None:
        """Events inside another event's clause, linked by how they relate:

        - content: "refused to meet X", "threatened to launch an offensive",
          "rejected a proposal" (the inner event is what is refused, ...);
        - condition: "will withdraw unless Israel rescinds the annexation";
        - purpose: "sent personnel to investigate";
        - time: "a day after a Serbian jet shot down a helicopter";
        - context: an event told of a participant ("return the helicopter that
          was captured last week").

        The outer event gets (relation, inner), the inner (relation + "_of", outer).
        """
        for index, mention in enumerate(self.mentions):
            token = self.trigger_token(mention)
            node = token
            relation = "content"
            while node.dep_ in CONTENT_DEPS | {"advcl", "relcl"} and node.head.i != node.i:
                if node.dep_ == "advcl":
                    relation = clause_relation(node)
                elif node.dep_ == "relcl":
                    relation = "context"  # "the helicopter that was captured last week"
                node = node.head
                outer = self.by_trigger.get(node.i)
                if outer is not None and outer != index:
                    self.mentions[outer].links.append((relation, index))
                    mention.links.append((f"{relation}_of", outer))
                    break

    def threat_modes(self) -> None:
        """A threat's mode is read from the act it threatens ("threatened to launch
        an offensive": violence; "the threat of sanctions": restrict), the event
        linked as its content or named by its "of" phrase (``threat_modes``)."""
        for mention in self.mentions:
            if mention.type != "THREATEN" or mention.mode:
                continue
            acts = [(self.mentions[i].type, self.mentions[i].mode)
                    for rel, i in mention.links if rel == "content"]
            # "the threat of sanctions", "threatened Minsk with sanctions": the noun's
            # own sense when it is no event of its own here
            acts += [(t.type, t.mode) for word, obj in prep_objects(self.trigger_token(mention))
                     if word in ("of", "with")
                     for t in lexicon.triggers_for(obj.lemma_.lower(), "NOUN")[:1]]
            modes = [m for etype, emode in acts if (m := threat_mode(etype, emode))]
            if modes:
                mention.mode = modes[0]

    def inherit_counterpart(self, agreement: EventMention, promised: EventMention) -> None:
        """"X struck a deal with Y, agreeing to supply jets": Y receives the jets."""
        if promised.target or not agreement.target:
            return
        sources = {a.entity for a in promised.source if a.entity}
        sources |= {a.entity for a in agreement.source if a.entity}
        counterpart = [a for a in agreement.target if a.entity not in sources]
        if counterpart and {a.entity for a in promised.source} <= sources:
            promised.target = list(counterpart)

    def _mention_within(self, head: Token) -> int | None:
        for tok in head.subtree:
            if tok.i in self.by_trigger:
                return self.by_trigger[tok.i]
        return None

    def _latest_of_type(self, types: tuple[str, ...], before: int) -> int | None:
        for i in range(before - 1, -1, -1):
            if self.mentions[i].type in types:
                return i
        return None
