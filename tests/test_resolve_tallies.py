"""Place resolution counts a story's evidence once (``context.Tallies``) and gives,
for each set of names left out, what counting the rest anew gives (issue 16)."""

from __future__ import annotations

from itertools import combinations

from dossier.resolve.context import Tallies, _Evidence, _ranked, _tallies

# a story naming Georgia the country and the state, Texas twice, a dateline's state
# with no text of its own (""), and places whose first naming is left out with them
EVIDENCE = [
    _Evidence("Georgia", "GEO", None), _Evidence("Georgia", None, "US.GA"),
    _Evidence("Atlanta", "USA", "US.GA"), _Evidence("Tbilisi", "GEO", "GE.51"),
    _Evidence("Ga.", "USA", "US.GA"), _Evidence("Texas", "USA", "US.TX"),
    _Evidence("", "USA", "US.TX"), _Evidence("Russia", "RUS", None),
    _Evidence("Kursk", "RUS", "RU.41"), _Evidence("Texas", "USA", "US.TX"),
    _Evidence("Tbilisi", "GEO", "GE.51"), _Evidence("Rostov", "RUS", "RU.61"),
]


def test_without_some_names_is_the_tally_of_the_others_in_the_same_order() -> None:
    names = sorted({item.text for item in EVIDENCE}) + ["Paris"]  # "Paris": no evidence
    tallies = Tallies(EVIDENCE)
    for size in range(len(names) + 1):
        for left_out in combinations(names, size):
            countries, admins = _tallies([e for e in EVIDENCE if e.text not in left_out])
            want = _ranked(countries, admins)
            got_countries, got_admins = tallies.without(set(left_out))
            assert tuple(got_countries) == want.countries, left_out
            assert tuple(got_admins) == want.admin1, left_out
            assert got_countries == dict(countries) and got_admins == dict(admins), left_out


def test_leaving_out_a_name_does_not_change_the_whole_story_tally() -> None:
    tallies = Tallies(EVIDENCE)
    whole = tallies.without(set())
    tallies.without({"Texas", "Kursk"})
    assert tallies.without(()) == whole
    assert list(whole[0]) == ["USA", "GEO", "RUS"] and whole[1]["US.TX"] == 3


def test_an_empty_story_tallies_nothing() -> None:
    assert Tallies([]).without({"Paris"}) == ({}, {})
