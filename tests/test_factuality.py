"""dossier.extract.factuality: one made-up sentence per rule of English it applies."""

from __future__ import annotations

import pytest

from dossier.annotate import annotate
from dossier.extract.factuality import factuality


def value(sentence: str, word: str) -> str:
    """The factuality of the first token ``word`` of ``sentence``."""
    doc = annotate(sentence)
    token = next(t for t in doc if t.text == word)
    return factuality(token)


CASES = [
    # plain statements, negation, modals, conditionals, denial, hedges (as before)
    ("The minister said the army had sent troops.", "sent", "asserted"),
    ("The army did not attack the town.", "attack", "negated"),
    ("The troops may withdraw next month.", "withdraw", "possible"),
    ("If the talks fail, the army will attack.", "fail", "hypothetical"),
    ("The army will attack unless the rebels withdraw.", "withdraw", "hypothetical"),
    ("Russia denied that it had sent troops.", "sent", "negated"),
    ("North Korea is likely to receive air defence systems.", "receive", "likely"),
    # a "to" clause is still to come ...
    ("The ministry signed a contract to deliver ten helicopters.", "deliver", "planned"),
    ("The court forced the company to lower its prices.", "lower", "planned"),
    ("Officials said the ministry wants to buy new tanks.", "buy", "planned"),
    ("Greece to buy 24 fighter jets", "buy", "planned"),  # a headline
    ("The money was used to buy weapons.", "buy", "planned"),
    # ... unless its governor says it happened
    ("The army began to withdraw its troops last week.", "withdraw", "asserted"),
    ("The rebels continue to shell the city.", "shell", "asserted"),
    ("The group claims to hold the town.", "hold", "asserted"),
    ("The index fell 3 percent to close at 7,114 points.", "close", "asserted"),
    ("She was the first woman to lead the agency.", "lead", "asserted"),
    ("They used to sell weapons to the rebels.", "sell", "asserted"),
    # ... but a verb of telling with an addressee gives an order, still to come
    ("The police told residents to leave their homes.", "leave", "planned"),
    ("Doctors warned patients to avoid the drug.", "avoid", "planned"),
    # a plan may take a gerund: "plans on", "is committed to"
    ("The company plans on opening three new stores.", "opening", "planned"),
    ("The firm is committed to cutting its emissions.", "cutting", "planned"),
    ("Shares rose on hopes of reaching a deal.", "reaching", "possible"),
    # forecasts are likely
    ("The company expects to cut 4,000 jobs.", "cut", "likely"),
    ("Analysts predicted that the company would lose money.", "lose", "likely"),
    # a clause of reason is not reached by the main clause's cues
    ("Analysts expect that talks will stall because the rebels rejected the plan.",
     "rejected", "asserted"),
    # what is hoped for or feared is possible
    ("Markets fell on fears of a recession.", "recession", "possible"),
    ("Investors are worried about a default.", "default", "possible"),
    ("Traders voiced hopes that the bank would cut rates.", "cut", "possible"),
    # a clause of time shares the future of its main clause
    ("The minister will resign when the inquiry is completed.", "completed", "planned"),
    ("The minister resigned when the inquiry was completed.", "completed", "asserted"),
    # what is stopped did not go on
    ("The company stopped selling the device.", "selling", "negated"),
    ("The army will cease firing at midnight.", "firing", "negated"),
    # ... and so is what a stopped plan was to do
    ("The government scrapped its plan to build a new dam.", "build", "negated"),
    ("Critics welcomed the cancelled deal to sell the jets.", "sell", "negated"),
    # adjectives on event nouns
    ("Apple announced an upcoming update.", "update", "planned"),
    ("Police are investigating the alleged bribery.", "bribery", "likely"),
    ("Both sides discussed a possible merger.", "merger", "possible"),
    # what is weighed or negotiated is possible
    ("The government is considering sending troops.", "sending", "possible"),
    ("The two countries negotiated the purchase of 20 jets.", "purchase", "possible"),
    # event nouns and the modal of their verb
    ("Recent moves might not prevent a recession.", "moves", "asserted"),
    ("The move could trigger a recession.", "recession", "possible"),
    ("The government will cut 3,000 jobs.", "jobs", "asserted"),
    ("The two leaders will hold talks on Monday.", "talks", "planned"),
    # ... but what "will continue" is already under way
    ("The fighting will continue through the winter.", "fighting", "asserted"),
    ("The shortage will persist for months.", "shortage", "asserted"),
    # a bare "would" in a main clause is a guess; reported or with a condition, a plan
    ("Two of the plants would be closed.", "closed", "likely"),
    ("The company said it would close two plants.", "close", "planned"),
    ("The firm would lose money if prices fell.", "lose", "planned"),
    # a joined verb shares the modal only without a tense of its own
    ("The army will close two bases and withdraw its troops.", "withdraw", "planned"),
    ("The company will sell cars and has opened a new plant.", "opened", "asserted"),
    # the condition itself is hypothetical, negated or not; the main clause keeps "not"
    ("If Russia does not withdraw its troops, the sanctions will stay.", "withdraw",
     "hypothetical"),
    ("Russia will not withdraw its troops unless the talks succeed.", "withdraw", "negated"),
    # short of certain is likely
    ("The deal is almost certain to collapse.", "collapse", "likely"),
    ("The deal is certain to collapse.", "collapse", "planned"),
    ("Bankruptcy becomes almost certain after the talks failed.", "becomes", "likely"),
    # an ability or a permission under "will" is a plan; without it, only possible
    ("Farmers will be able to sell their grain abroad.", "sell", "planned"),
    ("The new law will allow banks to lend more money.", "lend", "planned"),
    ("The rebels were allowed to leave the city.", "leave", "possible"),
    # what one tries to do may or may not come about
    ("Engineers are working to restore power to the city.", "restore", "possible"),
    ("The banks made a joint effort to calm the markets.", "calm", "possible"),
    # what is prevented or avoided does not happen, unless the prevention is denied
    ("The central bank acted to prevent a collapse of the banks.", "collapse", "negated"),
    ("The company avoided paying its taxes.", "paying", "negated"),
    ("The guards prevented the crowd from entering the palace.", "entering", "negated"),
    ("New rules might not prevent a recession.", "recession", "possible"),
    # "nearly" and "without"
    ("The team nearly broke the record.", "broke", "negated"),
    ("The convoy left without an escort.", "escort", "negated"),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), CASES,
                         ids=[f"{w}:{e}" for _, w, e in CASES])  # fmt: skip
def test_rule(sentence: str, word: str, expected: str) -> None:
    assert value(sentence, word) == expected
