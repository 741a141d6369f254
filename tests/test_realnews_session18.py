"""Rules from the session-18 reading of trigger rows that were seldom right on the development news; every sentence
here is written for the test."""

from __future__ import annotations

import pytest

import tacitus

DATE = "2005-02-14"


def _events(text: str) -> list:
    return tacitus.code_text(text, date=DATE, min_confidence=0)


def _types(text: str) -> list[str]:
    return [e.event for e in _events(text)]


@pytest.mark.parametrize("text", [
    "The Labour leader clashed with the Tory leader over taxes in the Commons.",
    "The European Parliament has again clashed with the European Commission on the issue.",
])
def test_a_clash_between_politicians_or_over_an_issue_is_a_dispute_in_words(text):
    events = _events(text)
    assert [e.event for e in events] == ["ACCUSE"], text
    assert events[0].cameo == "111" and "criticism" in events[0].reasons["event"]


@pytest.mark.parametrize("text", [
    "Supporters of the sacked Afghan governor clashed with police in Herat.",
    "Kenyan protesters clashed with police on Sunday in Nairobi.",
])
def test_a_clash_with_the_police_stays_a_fight(text):
    assert "ASSAULT" in _types(text) and "ACCUSE" not in _types(text), text


@pytest.mark.parametrize("text", [
    "The Dutch police said they would fight terror and crime.",
    "The British chancellor will meet his golden rule with a margin to spare.",
    "The Labour government has met all of its promises, the British deputy prime minister said.",
])
def test_struggles_and_targets_met_are_no_event(text):
    assert _types(text) == [], text
