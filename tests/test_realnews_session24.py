"""Rules from session 24; every sentence here is written for the test."""

from __future__ import annotations

import functools

from coded import codes as _codes, events

DATE = "2005-03-01"
_events = functools.partial(events, date=DATE)


def _types(text: str) -> list[str]:
    return [e.event for e in _events(text)]


def test_a_warning_to_a_public_or_a_colleague_about_a_state_of_things_is_no_threat():
    # advice and forecasts, whoever is told them
    assert "THREATEN" not in _types("The central bank warned lenders that bad loans were rising.")
    assert "THREATEN" not in _types("The attorney general warned the prime minister in a memo that the invasion could be unlawful.")


def test_a_warning_to_another_state_or_of_an_act_to_come_stays_a_threat():
    threat = [e for e in _events("The United States warned North Korea that further tests would bring sanctions.") if e.event == "THREATEN"]
    assert threat and _codes(threat[0].actor) == ["USA"] and _codes(threat[0].recipient) == ["PRK"]
    assert "THREATEN" in _types("Police warned protesters that they would be arrested.")
    assert "THREATEN" in _types("Russia warned Georgia that its troops would respond to any provocation.")


def test_what_an_act_makes_possible_told_in_a_participle_is_no_concession():
    assert "CONCEDE" not in _types("The government was tackling street crime by allowing councils new powers to shut noisy bars.")
    # the permission granted as the act itself stays
    assert "CONCEDE" in _types("The government allowed opposition leaders to hold a rally on Sunday.")


def test_a_standing_position_said_of_someone_in_passing_is_no_act():
    assert "REJECT" not in _types("The Liberal party, which opposes the plan, will meet on Friday.")
    assert "REJECT" not in _types("All five candidates opposing the president walked out of the debate.")
    assert "SUPPORT" not in _types("The governor, who is supported by the army, refused to resign.")
    assert "SUPPORT" not in _types("The charity runs a school project backed by two ministries in the north.")


def test_a_relative_clause_telling_what_happened_on_an_occasion_keeps_its_act():
    rejected = [e for e in _events("It was a vote in which MPs opposed the bill by a large majority.") if e.event == "REJECT"]
    assert [e.event_text for e in rejected] == ["opposed"]
