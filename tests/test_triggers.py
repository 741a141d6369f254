"""Multi-word triggers of the built-in lexicon code the right PLOVER type (hand-written sentences)."""

from __future__ import annotations

import pytest

import tacitus

DATE = "2020-01-01"
# Rules and roles are tested on sentences written without countries; their events are kept although no party has a
# code (the default, stages.confidence.keep_uncoded = false, drops them).
UNCODED = "stages.confidence.keep_uncoded=true"

CASES = [
    # light-verb nominal forms; 'staged' is lemmatized 'stag' by the small spaCy model
    ("Students staged a protest in Jakarta.", "PROTEST", "stag protest"),
    ("Greek unions held a 24-hour general strike on Wednesday.", "PROTEST", None),
    ("Farmers blocked a bridge near Strasbourg on Monday.", "PROTEST", "block bridge"),
    ("Qatar launched a mediation effort between Hamas and Israel.", "CONSULT", "mediation effort"),
    ("India and Australia upgraded their ties on Monday.", "SUPPORT", "upgrade tie"),
    ("Britain and France shared intelligence on the smuggling networks.", "COOPERATE", "share intelligence"),
    ("The United States sent arms to Ukraine last month.", "AID", "send arm"),
    ("The Tunisian union called off a planned two-day strike.", "CONCEDE", None),
    ("The Thai government shortened the curfew in Bangkok.", "CONCEDE", "shorten curfew"),
    ("The United States accelerated the withdrawal of troops from Afghanistan.", "RETREAT", "accelerate withdrawal"),
    ("The UN ordered an investigation into the killing of the journalist.", "ACCUSE", "order investigation"),
    ("Pakistan refused to deploy troops to Yemen.", "REJECT", "refuse deploy"),
    ("Russia threatened to launch a new offensive against Ukraine.", "THREATEN", "threaten launch offensive"),
    ("China amassed troops near the Indian border.", "MOBILIZE", "amass troop"),
    ("Canada recalled its envoy from Riyadh.", "SANCTION", "recall envoy"),
    ("The Iranian authorities ordered the arrest of three activists.", "COERCE", "order arrest"),
    ("Turkey outlawed the pro-Kurdish party.", "COERCE", "outlaw"),
    ("Syrian government forces pounded rebel positions in Idlib.", "ASSAULT", "pound"),
    ("Government troops recaptured the airport from the rebels.", "ASSAULT", "recapture"),
    ("The regime forced the Swiss charity out of the country.", "SANCTION", "force out"),
    ("Oman said it was willing to help Yemen.", "AGREE", "willing"),
    ("Kenya's high court ruled against the government's plan to close the refugee camp.", "SANCTION", "rule against"),
    ("A Turkish court ruled the ban illegal.", "SANCTION", "rule illegal"),
]


@pytest.mark.parametrize(("text", "event", "trigger"), CASES)
def test_trigger_codes_type(text, event, trigger):
    events = tacitus.code_text(text, date=DATE, overrides=(UNCODED,))
    found = [e for e in events if e.event == event]
    assert found, f"{text!r}: expected {event}, got {[(e.event, e.event_text) for e in events]}"
    if trigger is not None:
        assert any(f"trigger '{trigger}'" in e.reasons["event"] for e in found), [e.reasons["event"] for e in found]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the embedded word would otherwise code a second, wrong event
        ("Turkey offered to negotiate with Armenia.", "CONSULT"),
        ("The government agreed to lift the embargo on Cuba.", "RETREAT"),
        ("Hamas rejected the appeal by Egypt to release the hostages.", "REQUEST"),
        ("Iran threatened to hold a general strike over the decision.", "PROTEST"),
        ("Russia threatened to launch a new offensive against Ukraine.", "ASSAULT"),
    ],
)
def test_phrase_suppresses_embedded_trigger(text, wrong):
    events = tacitus.code_text(text, date=DATE, overrides=(UNCODED,))
    assert events and wrong not in {e.event for e in events}, [(e.event, e.event_text) for e in events]
