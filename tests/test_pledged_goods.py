"""Goods pledged, promised, offered or committed to a state are a promised transfer: the
AGREE (PLOVER 3.1 "agree to, offer, promise") and the AID it promises, not yet done
(``planned``, or less certain when the promise is: possible, likely, negated), with the
giver, the recipient and the goods; as "agreed to supply jets" gives both.  And the
passive of a double-object verb: "Kyiv was promised / sent tanks": Kyiv receives.
Sentences written for these tests; each failed on main before the change, except the
guards.
"""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str):
    return analyze(text, published="2024-05-02").events


def _aid(text: str) -> list[tuple[list[str], list[str], list[tuple[str | None, int | None]], str]]:
    return [([a.code or a.text for a in e.source], [a.code or a.text for a in e.target],
             [(i.designation, i.quantity) for i in e.items], e.factuality)
            for e in _events(text) if e.type == "AID"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Netherlands pledged 24 F-16s to Ukraine.",
         (["NLD"], ["UKR"], [("F-16", 24)], "planned")),
        ("Germany promised Ukraine 14 Leopard tanks.",
         (["DEU"], ["UKR"], [("Leopard 2", 14)], "planned")),
        ("Denmark offered 19 F-16 jets to Ukraine.",
         (["DNK"], ["UKR"], [("F-16", 19)], "planned")),
        ("Britain committed 14 Challenger 2 tanks to Ukraine.",
         (["GBR"], ["UKR"], [("Challenger 2", 14)], "planned")),
        ("31 Abrams tanks were pledged to Ukraine by the United States.",
         (["USA"], ["UKR"], [("M1 Abrams", 31)], "planned")),
        ("The Dutch pledge of 24 F-16s to Ukraine was welcomed in Kyiv.",
         (["NLD"], ["UKR"], [("F-16", 24)], "planned")),
        ("Belgium may pledge more F-16s to Ukraine.",
         (["BEL"], ["UKR"], [("F-16", None)], "possible")),
        ("The Netherlands is expected to pledge 18 F-16s to Ukraine.",
         (["NLD"], ["UKR"], [("F-16", 18)], "likely")),
        ("Italy has not pledged any fighter jets to Ukraine.",
         (["ITA"], ["UKR"], [(None, None)], "negated")),
        ("Ukraine has asked for more fighter jets. "
         "The Netherlands pledged 24 F-16s to the country on Monday.",
         (["NLD"], ["UKR"], [("F-16", 24)], "planned")),
    ],
)
def test_goods_pledged_are_a_promised_transfer(text, expected):
    assert expected in _aid(text), _aid(text)


def test_the_promise_stays_and_links_to_the_transfer():
    events = _events("Spain pledged six Leopard tanks to Ukraine.")
    assert [(e.type, e.factuality) for e in events] == [("AGREE", "asserted"),
                                                        ("AID", "planned")]
    assert ("promises", events[1].id) in [(link.relation, link.event) for link in events[0].links]


def test_a_state_promised_goods_in_the_passive_receives_them():
    assert _aid("Kyiv was promised more air defence systems.") == [
        ([], ["UKR"], [(None, None)], "planned")]


@pytest.mark.parametrize(
    "text", ["Ukraine was sent 31 Abrams tanks.", "Ukraine was given 31 Abrams tanks last year."])
def test_a_state_sent_goods_in_the_passive_receives_them(text):
    assert _aid(text) == [([], ["UKR"], [("M1 Abrams", 31)], "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Japan pledged support to Ukraine.",
        "The president pledged to fight corruption.",
        "Germany pledged 1,000 troops to the NATO battlegroup in Lithuania.",
        "The government pledged an extra £2bn for schools.",
        "The party has promised £5bn in tax cuts.",
    ],
)
def test_guard_promises_of_no_goods_promise_no_transfer(text):
    assert _aid(text) == []


def test_guard_a_promise_that_tells_its_aid_is_not_told_twice():
    assert len(_aid("Germany pledged 500 million euros in military aid to Ukraine.")) == 1
    assert len(_aid("Norway has promised to give six F-16s to Ukraine.")) == 1
