"""Rules from session 21; every sentence here is written for the test."""

from __future__ import annotations

import tacitus

DATE = "2019-08-01"
KEEP_UNCODED = ("stages.confidence.keep_uncoded=true",)


def _events(text: str, date: str = DATE) -> list:
    return list(tacitus.code_text(text, date=date, min_confidence=0, overrides=KEEP_UNCODED))


def _one(text: str, trigger: str, date: str = DATE):
    return next(e for e in _events(text, date) if e.event_text == trigger)


def _codes(parties) -> list:
    return [a.code for a in parties]


def test_people_held_by_a_group_are_its_captives_not_the_group():
    freed = _one("Kenyan police freed twelve hostages held by al-Shabaab near Lamu on Sunday.", "freed")
    assert "al-Shabaab" not in " ".join(a.text for a in freed.recipient)
    assert "hostages" in " ".join(a.text for a in freed.recipient)
    # a thing held or taken by a party is still that party's: the town the rebels hold, the measures a state takes
    attack = _one("Armenian troops shelled the town held by Azerbaijani soldiers.", "shelled")
    assert _codes(attack.recipient) == ["AZE"]
    criticism = _one("Belarus criticised the measures taken by the Lithuanian government.", "criticised")
    assert _codes(criticism.recipient) == ["LTU"]


def test_refused_calls_or_offers_answer_whoever_made_them():
    rejected = _one("The Chadian president rejected calls from within the Sudanese government for a ceasefire.", "rejected calls")
    assert _codes(rejected.recipient) == ["SDN"]
    offer = _one("The Malian rebels rejected an offer of talks with the Algerian government.", "rejected an offer")
    assert _codes(offer.recipient) == ["DZA"]


def test_a_country_that_backs_a_group_is_not_the_group_s_country():
    shelled = _one("Armenian-backed militias shelled Azerbaijani villages on Monday.", "shelled")
    assert "ARM" not in _codes(shelled.actor)
    assert _codes(shelled.recipient) == ["AZE"]
    # a coalition a state leads is that state's, and a political actor
    bombed = _one("The Nigerian-led coalition bombed a rebel camp near the lake.", "bombed")
    assert _codes(bombed.actor) == ["NGA"]
