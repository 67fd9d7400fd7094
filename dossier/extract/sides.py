"""Which party of a signed order, or of a deal to buy, sells.

"Egypt signed a contract with Russia for 24 Su-35s" and "placed an order for 30 jets
with France" are read signer-buys (the receive frame: the signer receives, the
partner supplies). The signer sells instead when its own state makes the goods
("Russia signed a contract with Egypt for Su-35s": the Su-35 is Russian) or when
only the partner is a state (a firm signs with a government, which buys).

>>> from dossier.models import ActorMention, Item
>>> rus = ActorMention(text="Russia", start=0, end=6, entity="state:RUS")
>>> egy = ActorMention(text="Egypt", start=30, end=35, entity="state:EGY")
>>> jets = [Item(text="24 Su-35 jets", designation="Su-35", category="fighter aircraft")]
>>> seller, buyer = seller_and_buyer([egy], [rus], jets)  # as read: Egypt sells to Russia
>>> seller[0].text, buyer[0].text
('Russia', 'Egypt')
"""

from __future__ import annotations

import copy

from spacy.tokens import Token

from dossier import equipment, gazetteer
from dossier.models import ActorMention, EventMention, Item

# The events a purchase clause can be the content of: a deal reached, signed or agreed.
DEAL_TYPES = frozenset(["AGREE", "SUPPORT"])


def _states(side: list[ActorMention]) -> set[str]:
    return {a.entity.partition(":")[2] for a in side if (a.entity or "").startswith("state:")}


def _firms(side: list[ActorMention]) -> bool:
    """Whether every actor of the side is a company the tables know."""
    found = [gazetteer.lookup(a.text) if a.entity else None for a in side]
    return bool(side) and all(e is not None and e.kind == "company" for e in found)


def _makers(items: list[Item]) -> set[str]:
    found = (equipment.lookup(i.designation) for i in items if i.designation)
    return {e.origin for e in found if e is not None and e.origin}


def seller_and_buyer(seller: list[ActorMention], buyer: list[ActorMention],
                     items: list[Item]) -> tuple[list[ActorMention], list[ActorMention]]:
    """(seller, buyer) of an order read signer-buys: swapped when the buyer's state makes
    the goods and the seller's does not, or when the buyer is a firm and the seller a
    state."""
    makers = _makers(items)
    buyer_states, seller_states = _states(buyer), _states(seller)
    if makers and buyer_states & makers and not seller_states & makers:
        return buyer, seller
    if seller_states and _firms(buyer):
        return buyer, seller
    return seller, buyer


def makers_among(buyers: list[ActorMention], items: list[Item]
                 ) -> tuple[list[ActorMention], list[ActorMention]]:
    """(sellers, buyers) of an order whose parties were all read as buyers ("India and
    France signed a deal for 26 Rafale-M fighters"): a party whose state makes the goods
    sells (the Rafale is French), as ``seller_and_buyer`` reads it; ([], buyers) when
    none or all of them do.

    >>> ind = ActorMention(text="India", start=0, end=5, entity="state:IND")
    >>> fra = ActorMention(text="France", start=10, end=16, entity="state:FRA")
    >>> jets = [Item(text="26 Rafale-M fighters", designation="Rafale M")]
    >>> [[a.text for a in side] for side in makers_among([ind, fra], jets)]
    [['France'], ['India']]
    """
    makers = _makers(items)
    selling = [a for a in buyers if _states([a]) & makers]
    if not selling or len(selling) == len(buyers):
        return [], buyers
    return selling, [a for a in buyers if a not in selling]


def deal_partner(token: Token, by_trigger: dict[int, int], mentions: list[EventMention]
                 ) -> list[ActorMention]:
    """The other party of the deal a purchase clause is the content of: "signed an
    agreement with France to buy 18 Rafales", "agreed with Russia to buy Su-35s" (the
    partner sells); [] when the clause belongs to no deal told before it.
    ``by_trigger``: the extractor's trigger token index -> mention index."""
    head = token.head
    if token.dep_ not in ("acl", "xcomp", "advcl") or head.i == token.i:
        return []
    if token.dep_ == "acl" and head.dep_ == "dobj":
        head = head.head  # "an agreement ... to buy": the verb the deal is the object of
    index = by_trigger.get(head.i)
    if index is None or mentions[index].type not in DEAL_TYPES:
        return []
    return copy.deepcopy(mentions[index].target)
