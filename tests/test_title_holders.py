"""A person's name in apposition to a title is the title-holder, wherever the parser
hangs it ("the head of the Ennahda party, Rached Ghannouchi": on the title or on the
party; a person's name is never apposed to an organisation), and a head word with
its holder named is that person, coded by the tables or else as the body they head
(``people.appositives``, ``noun_phrases.read``).  Sentences written for these tests;
each failed on main (the target was the party, or the title without the name)."""

from __future__ import annotations

import pytest

from dossier import analyze


def _targets(text: str) -> list[str]:
    return [a.text for e in analyze(text, published="2024-05-02").events
            if e.type == "COERCE" for a in e.target]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("Tunisian police arrested the head of the Ennahda party, Rached Ghannouchi, at his "
         "home.", "head", "Rached Ghannouchi"),
        ("The head of the farmers' union, Maria Lopez, was detained by soldiers on Monday.",
         "head", "Maria Lopez"),
        ("Soldiers reportedly detained the spokesman of the rebel group, Ali Musa.",
         "spokesman", "Ali Musa"),
        ("The arrest of the chief of the local militia, Omar Farah, angered residents.",
         "chief", "Omar Farah"),
    ],
)
def test_the_named_title_holder_is_the_target(text, title, name):
    found = _targets(text)
    assert any(title in t and name in t for t in found), found


def test_the_body_they_head_gives_the_kind():
    events = analyze("The arrest of the chief of the local militia, Omar Farah, angered "
                     "residents.", published="2024-05-02").events
    kinds = [a.kind for e in events for a in e.target]
    assert "rebel" in kinds, kinds
