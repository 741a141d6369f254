"""The built-in actor data as of an article's date: former states (Yugoslavia in 1999 is YUG, not SCG),
dependent territories coded as their sovereign (Guam -> USA), and the rows built from public data
(tools/build_actors.py) resolving inside their dates and not outside them. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.api import get_pipeline
from tacitus.stages.actors import find_mentions
from tacitus.user_dictionaries import load_actor_dictionary


def _parse(text: str):
    return get_pipeline().parser.nlp(text)


def _mentions(text: str, day: str) -> list[tuple[str, str | None, str | None]]:
    doc = _parse(text)
    return [(doc[m.i : m.j].text, m.code, m.sector)
            for m in find_mentions(doc, load_actor_dictionary(()), dt.date.fromisoformat(day))]


def _code_of(text: str, name: str, day: str) -> tuple[str | None, str | None]:
    found = [(code, sector) for words, code, sector in _mentions(text, day) if words == name]
    assert found, f"{name!r} not found in {_mentions(text, day)}"
    return found[0]


@pytest.mark.parametrize("day, code", [
    ("1985-06-01", "YUG"), ("1999-04-10", "YUG"), ("2002-12-31", "YUG"),  # the Federal Republic kept the name and code
    ("2004-05-01", "YUG"),  # the former state, named in history, after its end
])
def test_yugoslavia_as_of_the_article_date(day, code):
    assert _code_of("Yugoslavia rejected the ultimatum.", "Yugoslavia", day)[0] == code


@pytest.mark.parametrize("day, code", [("1999-04-10", "YUG"), ("2004-05-01", "SCG"), ("2010-05-01", "SRB")])
def test_belgrade_is_the_government_of_its_day(day, code):
    assert _code_of("Belgrade rejected the ultimatum.", "Belgrade", day) == (code, "GOV")


def test_serbia_and_montenegro_only_from_2003():
    assert _code_of("Serbia and Montenegro signed the accord.", "Serbia and Montenegro", "2004-05-01")[0] == "SCG"
    assert _code_of("Milosevic rejected the ultimatum.", "Milosevic", "1999-04-10") == ("YUG", "GOV")


@pytest.mark.parametrize("text, name, code", [
    ("North Korea threatened to strike Guam.", "Guam", "USA"),
    ("Protesters marched in the Falklands.", "the Falklands", "GBR"),
    ("Voters in New Caledonia rejected independence.", "New Caledonia", "FRA"),
    ("The Faroese government signed a fishing deal.", "Faroese", "DNK"),
    ("The Puerto Rican legislature approved the budget.", "Puerto Rican", "USA"),
])
def test_territories_are_their_sovereign(text, name, code):
    assert _code_of(text, name, "2021-07-16")[0] == code


def test_every_territory_names_a_known_sovereign():
    dictionary = load_actor_dictionary(())
    territories = [e for entries in dictionary.names.values() for e in entries if (e.role or "").startswith("territory ")]
    assert len({e.name for e in territories}) >= 40
    assert all(e.code in dictionary.countries for e in territories)


@pytest.mark.parametrize("text, name, day, code", [
    ("The FSA fined the insurer on Monday.", "The FSA", "2004-06-01", ("GBR", "GOV")),  # the UK regulator (2001-2013)
    ("The FSA shelled the army's positions.", "The FSA", "2019-06-01", ("SYR", "REB")),  # the Free Syrian Army (from 2011)
    ("SDF troops left the base on Monday.", "SDF", "2004-06-01", ("JPN", "MIL")),  # Japan's Self-Defense Forces
    ("SDF fighters took the town.", "SDF", "2019-06-01", ("SYR", "REB")),  # the Syrian Democratic Forces (from 2015)
])
def test_an_acronym_means_the_body_of_the_article_s_day(text, name, day, code):
    assert _code_of(text, name, day) == code


def test_a_group_is_not_found_before_it_was_founded():
    assert not [m for m in _mentions("Wagner was praised by the critics.", "1995-06-01") if m[1]]
    assert _code_of("Wagner fighters crossed the border.", "Wagner", "2023-06-01")[0] == "RUS"
