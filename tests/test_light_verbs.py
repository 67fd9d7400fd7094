"""A light verb with its particle ("carry out", "step up") leaves the event to its
object noun: "carried out attacks" is one attack, told by the noun (its mode, its
"on"/"against" target); a particle verb whose object selects its sense ("called
off the talks") takes that object into the trigger, so the talks are no event.

The sentences are written for these tests; each failed before the change but
the suicide bombing, a guard (its noun was already the only trigger).
"""

from __future__ import annotations

import pytest

from dossier import analyze


def _events(text: str) -> list[tuple[str, str | None, str, list[str]]]:
    return [
        (e.type, e.mode, e.trigger.text, [a.code or a.text for a in e.target])
        for e in analyze(text, published="2024-05-02").events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels carried out attacks on Indian troops.",
         [("ASSAULT", None, "attacks", ["IND"])]),
        ("Hamas carried out an attack against Israel.", [("ASSAULT", None, "attack", ["ISR"])]),
        ("The group carried out a suicide bombing in Kabul.",
         [("ASSAULT", "suicide-attack", "bombing", [])]),
        ("Gunmen carried out a raid on a village near Maiduguri.",
         [("ASSAULT", None, "raid", [])]),
        ("Russia has stepped up its attacks on Ukraine.", [("ASSAULT", None, "attacks", ["UKR"])]),
    ],
)
def test_a_light_particle_verb_leaves_the_event_to_its_noun(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The junta called off the talks with the opposition.", "CONSULT"),
        ("Organisers called off the protest planned for Saturday.", "PROTEST"),
    ],
)
def test_what_is_called_off_is_no_event(text, kind):
    assert kind not in [t for t, _, _, _ in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not launch an attack on Kyiv.",
        "The parliament has not approved the purchase of the jets.",
        "Iran did not take part in the talks.",
        "The troops have not yet engaged in clashes with the rebels.",
    ],
)
def test_a_light_verbs_not_is_the_events(text):
    """The verb only lends the noun its tense and polarity."""
    found = analyze(text, published="2024-05-02").events
    assert found and all(e.factuality == "negated" for e in found), [
        (e.type, e.factuality) for e in found]
