"""Orders of weapons told as a signed contract or deal, and "ordered" with a
designation before an ambiguous noun ("Su-35 fighters" are aircraft, "fighters"
alone may be people).  The signer buys and the partner supplies, unless the signer's
own state makes the goods or the signer is a firm selling to a state.  Sentences
written for these tests; each failed before the change, except the guards."""

from __future__ import annotations

import pytest
from event_rows import event_rows

_events = event_rows


@pytest.mark.parametrize(
    ("text", "seller", "buyer", "factuality"),
    [
        ("Egypt signed a contract with Russia for 24 Su-35 fighter jets.", ["RUS"], ["EGY"],
         "asserted"),
        ("Poland signed a $10bn deal with South Korea for 180 K2 tanks.", ["KOR"], ["POL"],
         "asserted"),
        ("Serbia signed a contract for 12 Rafale fighters with France.", ["FRA"], ["SRB"],
         "asserted"),
        ("Russia signed a contract with Egypt for 24 Su-35 jets.", ["RUS"], ["EGY"], "asserted"),
        ("Lockheed Martin signed a contract with Poland for 32 F-35 jets.",
         ["Lockheed Martin"], ["POL"], "asserted"),
        ("India did not sign the contract with France for 26 Rafale-M fighters.", ["FRA"],
         ["IND"], "negated"),
        ("Poland is expected to sign a deal with South Korea for 180 K2 tanks next month.",
         ["KOR"], ["POL"], "likely"),
        ("Egypt has ordered 24 Su-35 fighters from Russia.", ["RUS"], ["EGY"], "asserted"),
    ],
)
def test_an_arms_contract_is_an_order_from_the_maker(text, seller, buyer, factuality):
    assert ("AID", seller, buyer, factuality) in _events(text), _events(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Colombia signed a peace deal with the rebels.", "SUPPORT"),
        ("Kenya signed a contract with China for a new railway.", "SUPPORT"),
        ("The army ordered fighters to the front.", "MOBILIZE"),  # people: deployed, not bought
    ],
)
def test_guard_other_deals_and_orders_stay_what_they_were(text, kind):
    assert [t for t, *_ in _events(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "seller", "buyer"),
    [
        ("Greece signed an agreement with France to buy 18 Rafale jets.", ["FRA"], ["GRC"]),
        ("India reached a deal with France to acquire 26 Rafale-M jets.", ["FRA"], ["IND"]),
        ("Egypt agreed with Russia to buy 24 Su-35 jets.", ["RUS"], ["EGY"]),
    ],
)
def test_the_partner_of_a_deal_to_buy_sells(text, seller, buyer):
    assert ("AID", seller, buyer, "planned") in _events(text), _events(text)


def test_guard_a_deal_to_buy_without_a_partner_names_no_seller():
    assert ("AID", [], ["TUR"], "planned") in _events("Turkey agreed to buy S-400 systems.")
