"""Extraction rules on small sentences written for these tests (not from any gold set)."""

from __future__ import annotations

import pytest

from dossier import analyze


def events(text: str) -> list[tuple[str, set[str], set[str]]]:
    result = analyze(text, published="2022-03-01")
    return [
        (e.type, {a.code for a in e.source if a.code}, {a.code for a in e.target if a.code})
        for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appeal is the event; what it asks for is its content (tests/test_appeals.py)
        ("France called on Russia to withdraw its troops.", ("REQUEST", {"FRA"}, {"RUS"})),
        # object control: the object of an order does the inner event
        ("The Kremlin ordered Russian forces to withdraw from Kherson.",
         ("RETREAT", {"RUS"}, set())),
        # buyers receive, the demonym on the goods names the seller
        ("India will buy Russian S-400 systems.", ("AID", {"RUS"}, {"IND"})),
        # withdrawals target the state that is left
        ("The United States completed the withdrawal of its forces from Panama.",
         ("RETREAT", {"USA"}, {"PAN"})),
        # "he" is the last person named
        ("Vladimir Putin said he would visit Turkey next month.", ("CONSULT", {"RUS"}, {"TUR"})),
        # a titled person takes the state of the title
        ("Israeli Prime Minister Ehud Barak met Jordan's King Abdullah.",
         ("CONSULT", {"ISR"}, {"JOR"})),
        # a reported obligation is a request to its subject
        ("Japan said that North Korea must stop its missile tests.", ("REQUEST", {"JPN"}, {"PRK"})),
        # stance participles
        ("Greece is opposed to Turkish drilling near Cyprus.", ("REJECT", {"GRC"}, set())),
    ],
)
def test_rule(text, expected):
    etype, source, target = expected
    found = events(text)
    assert any(t == etype and source <= s and target <= g for t, s, g in found), found


def test_words_in_dates_are_not_triggers():
    assert [t for t, _, _ in events("Russia sent tanks to Belarus in March 2023.")] == ["AID"]


def test_meeting_a_target_is_not_a_meeting():
    assert events("Germany expects to meet its growth target this year.") == []


def test_generic_giving_is_not_aid():
    assert events("The French minister gave a speech in Paris on Monday.") == []
    assert ("AID", {"JPN"}, {"PHL"}) in events("Japan sent 500 tonnes of rice to the Philippines.")


def test_abbreviated_states_before_hyphens_are_tagged():
    from dossier.annotate import annotate

    doc = annotate("The U.S.-led coalition bombed Iraq.")
    assert ("U.S.", "state:USA") in [(e.text, e.ent_id_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the object's own place, not the wider place it is said to be in
        ("Russian missiles hit the port of Odesa in southern Ukraine.", "Odesa", "city"),
        # a facility named by a place is where the event is; here an air base
        ("Ukrainian drones struck Saki airfield in Crimea.", "Saki Air Base", "airfield"),
        ("Militants fired rockets at Incirlik Air Base in Turkey.", "Incirlik Air Base",
         "airfield"),
    ],
)
def test_an_event_is_located_at_its_most_specific_place(text: str, name: str, kind: str):
    (event,) = analyze(text, published="2022-03-01").events
    assert event.location is not None
    assert (event.location.name, event.location.kind) == (name, kind)


def actor_names(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(type, source names, target names) of each event; a name is the resolved
    name, else the text (parties have no code)."""
    return [
        (e.type, [a.name or a.text for a in e.source], [a.name or a.text for a in e.target])
        for e in analyze(text, published="2022-03-01").events
    ]


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Arms deal questioned", "Labour and the Conservatives accused Russia of arming Syria."),
        ("Energy talks in Delhi", "India and Russia agreed to build a gas pipeline."),
        ("Jets for Syria", "Russia and Iran sent fighter jets to Syria."),
    ],
)
def test_a_headline_without_a_full_stop_is_its_own_sentence(headline, body):
    """The parser may not cut "India | and Russia agreed ..." after the line that
    ends without punctuation: the evidence is the whole first sentence."""
    text = f"{headline}\n\n{body}"
    events = analyze(text, published="2022-03-01").events
    found = [e for e in events if e.evidence.end > len(headline)]
    assert found
    for event in found:
        assert event.evidence.text == body
        assert text[event.evidence.start : event.evidence.end] == body


def test_sentences_end_only_at_punctuation_or_a_line_break():
    from dossier.annotate import annotate

    doc = annotate("Energy talks in Delhi\n\nIndia and Russia agreed a deal. Oil prices fell")
    assert [s.text.strip() for s in doc.sents] == [
        "Energy talks in Delhi",
        "India and Russia agreed a deal.",
        "Oil prices fell",
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # subjects, active, two and three conjuncts; names the model does not tag
        # ("Labour") are read from the gazetteer when coordinated with an actor
        ("Labour and the Conservatives accused Russia of arming Syria.",
         ["Labour Party", "Conservatives"], ["Russia"]),
        ("Labour and the Tories criticised China.",
         ["Labour Party", "Conservative Party"], ["China"]),
        ("Labour, the Tories and Likud criticised China.",
         ["Labour Party", "Conservative Party", "Likud"], ["China"]),
        ("France, Germany and Italy agreed to send troops to Mali.",
         ["France", "Germany", "Italy"], ["Mali"]),
        # passive: the agent's conjuncts are the source
        ("The plan was criticised by Labour and the Tories.",
         ["Labour Party", "Conservative Party"], []),
        ("Troops were sent to Mali by France, Germany and Italy.",
         ["France", "Germany", "Italy"], ["Mali"]),
        ("Poland and Lithuania were attacked by Russia.", ["Russia"], ["Poland", "Lithuania"]),
        # objects
        ("Russia criticised Labour and the Tories.",
         ["Russia"], ["Labour Party", "Conservative Party"]),
        ("Russia threatened Poland, Latvia and Lithuania.",
         ["Russia"], ["Poland", "Latvia", "Lithuania"]),
        # "its ally Belarus": the apposition names the actor; "its ally" alone
        # keeps what resolves
        ("Russia and its ally Belarus threatened Poland.", ["Russia", "Belarus"], ["Poland"]),
        ("Poland was threatened by Russia and its ally Belarus.",
         ["Russia", "Belarus"], ["Poland"]),
        ("Russia and its ally threatened Poland.", ["Russia"], ["Poland"]),
    ],
)
def test_every_coordinated_actor_takes_part(text, source, target):
    found = actor_names(text)
    assert any(s == source and t == target for _type, s, t in found), found
