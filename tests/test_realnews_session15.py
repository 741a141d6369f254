"""Rules from the session-15 reading of real-news errors (a fresh dev batch of sentences in which tacitus coded
an event, benchmarks/realnews/dev_events.jsonl); every sentence here is written for the test."""

from __future__ import annotations

import pytest

import tacitus

DATE = "2005-03-01"
# Rules and roles are tested on sentences written without countries; their events are kept although no party has a
# code (the default, stages.confidence.keep_uncoded = false, drops them).
UNCODED = "stages.confidence.keep_uncoded=true"


def _events(text: str) -> list:
    return tacitus.code_text(text, date=DATE, min_confidence=0, overrides=(UNCODED,))


def _types_at(text: str, word: str) -> list[str]:
    """The types of the events whose trigger is ``word``."""
    return [e.event for e in _events(text) if e.event_text == word]


def test_a_company_s_purchase_or_merger_is_no_political_agreement():
    for text in ("Denmark's Norvik Brewing has agreed to buy a fifth of a Polish brewer.",
                 "Taiwanese chipmaker Koyo and a Korean phone maker have signed an agreement to cooperate in making screens.",
                 "Harlow Media Inc said it would be bought by a rival publisher for $80m."):
        assert not [e for e in _events(text) if e.event in ("AGREE", "SUPPORT", "COOPERATE")], text


def test_a_state_s_purchase_stays_an_agreement():
    events = _events("Chile has agreed to buy four frigates from the Netherlands.")
    agree = [e for e in events if e.event == "AGREE"]
    assert agree and {a.code for a in agree[0].actor} == {"CHL"}
    events = _events("Egypt and Sudan agreed to resume talks on the Nile waters.")
    assert [e for e in events if e.event == "AGREE"], "no commerce in the deal: an agreement"


def test_refusing_to_discuss_a_topic_is_no_refused_meeting():
    for text in ("The minister refused to discuss newspaper reports about the loan.",
                 "The senator would not comment on the claims."):
        assert not [e for e in _events(text) if e.event == "REJECT"], text
    refused = [e for e in _events("Iran refused to talk with the European envoys.") if e.event == "REJECT"]
    assert refused and {a.code for a in refused[0].actor} == {"IRN"}, "a meeting refused with someone named stays REJECT"


def test_ministers_from_a_region_s_governments_are_not_of_the_article_s_country():
    text = ("The dollar fell again on Monday. The US Treasury said the US economy was strong. The US wants growth. "
            "Envoys from African and Arab governments urged the US to lift its new tariffs.")
    called = next(e for e in _events(text) if e.event == "REQUEST")
    assert not {a.code for a in called.actor if a.code}, "several regions' ministers: no country of their own"
    assert {a.code for a in called.recipient} == {"USA"}


def test_a_watchdog_is_a_state_body():
    events = _events("Britain's opposition asked the media watchdog to stop the calls.")
    asked = next(e for e in events if e.event == "REQUEST")
    assert [a.sector for a in asked.recipient] == ["GOV"]


def test_an_attack_on_a_party_with_no_weapon_is_criticism():
    text = "Party officials say the former councillor keeps attacking the party that once chose him."
    assert _types_at(text, "attacking") == ["ACCUSE"]
    assert _types_at("Gunmen attacked the party's offices in Kabul with grenades.", "attacked") == ["ASSAULT"]


def test_a_question_put_and_allowing_for_figures_are_no_events():
    assert not [e for e in _events("Asked if he would resign as leader, the minister said he had work to finish.")
                if e.event == "REQUEST"]
    assert not [e for e in _events("Allowing for changes in the statistics, unemployment in Germany was the highest since 1990.")
                if e.event == "CONCEDE"]
    assert [e for e in _events("The minister asked the council to drop the plan.") if e.event == "REQUEST"]


def test_an_act_wanted_of_another_party_is_no_announced_concession():
    events = _events("They want the ministry to withdraw its new pension rules.")
    withdraw = [e for e in events if e.event_text.startswith("withdraw")]
    assert withdraw and all(e.event == "RETREAT" and e.modality.hypothetical for e in withdraw), \
        "what someone wants of the government is not the government's announced concession"
    resign = [e for e in _events("The minister said he would resign.") if e.event_text == "resign"]
    assert [e.event for e in resign] == ["CONCEDE"], "one's own announced retreat stays a concession"


def test_taking_control_of_a_thing_is_no_abduction():
    assert _types_at("Rebels seized the army's base near the town of Goma.", "seized") == ["COERCE"]
    assert _types_at("Gunmen seized two Hamas members in Gaza.", "seized") == ["ASSAULT"]


def test_standing_positions_pleas_and_canvassing_calls_are_no_events():
    assert not _events("The coalition is firmly committed to lowering fuel duty next year.")
    committing = [e for e in _events("France condemned the raid, committing to send two more frigates to Somalia.")
                  if e.event == "AGREE"]
    assert committing, "a commitment made (not 'is committed to') stays an agreement"
    assert not [e for e in _events("The former finance director of the firm has admitted his guilt in court.") if e.event == "CONCEDE"]
    assert not [e for e in _events("Labour and the Conservatives are telephoning millions of voters this week.") if e.event == "CONSULT"]
    assert [e for e in _events("President Bush telephoned the Russian president on Monday.") if e.event == "CONSULT"]


def test_an_event_with_no_coded_party_and_no_place_is_dropped_unless_asked_for():
    text = "Negotiators met again on Monday to discuss the draft."
    assert not tacitus.code_text(text, date=DATE, min_confidence=0), "no dyad and no place: nothing an analyst can use"
    kept = tacitus.code_text(text, date=DATE, min_confidence=0, overrides=(UNCODED,))
    assert [e.event for e in kept] == ["CONSULT"]
    located = tacitus.code_text("Union members marched in Reading on Saturday.", date=DATE, min_confidence=0)
    assert [e.event for e in located] == ["PROTEST"] and located[0].location.country == "GBR", "a located event is kept"


def test_keep_uncoded_must_be_a_boolean():
    from tacitus.errors import ConfigError

    with pytest.raises(ConfigError, match="keep_uncoded") as caught:
        tacitus.code_text("Negotiators met.", date=DATE, overrides=('stages.confidence.keep_uncoded="yes"',))
    assert caught.value.code == "T343"


def test_a_warning_that_something_is_so_is_no_threat():
    for text in ("The toy maker Brickwell warned that it was short of cash.",
                 "The party chairman has warned that in the marginal seats he has seen signs of apathy among voters."):
        assert not [e for e in _events(text) if e.event == "THREATEN"], text
    assert [e for e in _events("Iran warned that it would retaliate against any attack.") if e.event == "THREATEN"]


def test_policy_aims_pleas_and_rhetoric_are_no_events():
    for text in ("The mayor's campaign was about fighting corruption in the city hall.",
                 "The Welsh councillor denies fraud but admits other offences.",
                 "Japan's finance ministry says it supports a stable yen.",
                 "Delegates cheered the speech and its appeal to the party's founding values."):
        assert not _events(text), text
    assert [e.event for e in _events("Serbia denied the accusations.")] == ["REJECT"]


def test_a_body_s_resolution_speaks_for_that_body_not_for_who_criticises_it():
    text = "Mali rejected as biased a new UN resolution urging Bamako to hold elections within a year."
    calling = [e for e in _events(text) if e.event == "REQUEST"]
    assert calling and {a.code for a in calling[0].actor} == {"UNO"}, "the UN's resolution urges, not Mali"


def test_a_first_person_speaker_is_no_domestic_actor_of_the_country_named():
    events = _events("I will totally destroy the economy of Turkey.")
    assert not [e for e in events if "TUR" in {a.code for a in e.actor}], "'I' is the speaker, not a Turkish actor"


def test_the_victim_of_a_crime_charged_is_not_whom_the_charge_is_against():
    for text in ("Two Kenyan policemen were charged with the killing of a Somali student.",
                 "Three prison guards were charged with the killing of a Ugandan trader."):
        charged = [e for e in _events(text) if e.event == "ACCUSE"]
        assert charged and all(not {"SOM", "UGA"} & {a.code for a in e.recipient} for e in charged), text


def test_what_is_said_in_a_speech_or_statement_is_the_speaker_s_act():
    text = "In a statement condemning the raid, the Iranian foreign ministry said the attack was illegal."
    condemning = [e for e in _events(text) if e.event_text == "condemning"]
    assert condemning and {a.code for a in condemning[0].actor} == {"IRN"}
    text = "The Danish foreign minister opened the debate with a speech criticising the Kenyan government."
    criticising = [e for e in _events(text) if e.event_text == "criticising"]
    assert criticising and {a.code for a in criticising[0].actor} == {"DNK"}
