"""The rank stage does not weigh features when there is only one candidate left:
the answer is the same whatever the story says (issue 16: resolution speed)."""

from __future__ import annotations

import pytest

from dossier.resolve import rank
from dossier.resolve.candidates import _candidates, _Hint
from dossier.resolve.rank import _choose


@pytest.fixture
def features_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the candidates the features were asked about."""
    asked: list[str] = []

    def noted(cand: rank._Cand, story: rank._Story) -> float:
        asked.append(cand.name)
        return 0.0

    monkeypatch.setattr(rank, "FEATURES", (("noted", noted), *rank.FEATURES))
    return asked


def _towns(name: str) -> list[rank._Cand]:
    return [c for c in _candidates(name, False) if c.kind == "city"]


def test_a_lone_town_is_chosen_without_weighing_the_story(features_counted: list[str]) -> None:
    texan = [c for c in _towns("Paris") if c.country == "USA"]
    assert len(texan) == 1
    for context, admins in [((), ()), (("FRA",), ("FR.11",)), (("USA",), ("US.TN", "US.TX"))]:
        assert _choose(texan, context, admins=admins) is texan[0]
    assert features_counted == []


def test_the_one_town_a_hint_leaves_is_chosen_without_weighing(features_counted: list[str]
                                                                ) -> None:
    towns = _towns("Paris")
    assert len(towns) > 1
    found = _choose(towns, ("FRA",), hint=_Hint(country="USA", admin1="US.TX"))
    assert (found.country, found.admin1) == ("USA", "TX")
    assert features_counted == []


def test_a_city_standing_for_its_region_is_chosen_without_weighing(features_counted: list[str]
                                                                    ) -> None:
    cands = _candidates("Aleppo", False)
    assert {c.kind for c in cands} == {"admin1", "city"}
    assert _choose(cands, ("SYR",)).kind == "city"
    assert features_counted == []


def test_two_towns_are_still_weighed(features_counted: list[str]) -> None:
    towns = _towns("Paris")
    assert _choose(towns, ("USA",), admins=("US.TX",)).country == "USA"
    assert _choose(towns, ()).country == "FRA"
    assert sorted(set(features_counted)) == ["Paris"] and len(features_counted) == 4
