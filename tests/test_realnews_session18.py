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
    "The British chancellor expects to meet his fiscal rule with room to spare.",
    "The Welsh deputy minister said the Labour government had met most of its pledges.",
])
def test_struggles_and_targets_met_are_no_event(text):
    assert _types(text) == [], text


@pytest.mark.parametrize("text", [
    "The Tory spokesman said the Labour plan would be profoundly wrong.",
    "The new Dutch farm plan could be disastrous, the Dutch farmers' union said.",
])
def test_a_judgement_of_a_plan_in_the_conditional_is_criticism_made_now(text):
    events = [e for e in _events(text) if e.event == "ACCUSE"]
    assert events, text
    assert not events[0].modality.hypothetical
    assert "the speaker's judgement" in events[0].reasons["modality"]


def test_a_conditional_judgement_nobody_is_reported_to_make_stays_hypothetical():
    events = tacitus.code_text("The Tory leader asked whether the Labour plan would be wrong.", date=DATE, min_confidence=0)
    assert all(e.modality.hypothetical or e.modality.hedged or e.event != "ACCUSE" for e in events)


@pytest.mark.parametrize(("text", "target"), [
    ("The Dutch MP said the government's reshuffle was a mistake.", "NLD"),
    ("The British foreign secretary was naive beyond belief, the Tory leader said.", "GBR"),
    ("The Canadian senator called the Liberal government's conduct a breach of its duties.", "CAN"),
])
def test_more_damning_words_said_of_a_party_are_criticism(text, target):
    events = [e for e in _events(text) if e.event == "ACCUSE"]
    assert events and target in {a.code for a in events[0].recipient}, text


@pytest.mark.parametrize("text", [
    "The rebels admitted mistakes in the fighting near the Congolese border.",
    "A breach of the ceasefire was reported in Gaza on Monday.",
    "The Chilean minister made a terrible mistake, critics say.",
])
def test_damning_words_in_the_narrative_are_no_event(text):
    assert "ACCUSE" not in _types(text), text


def test_he_goes_on_with_the_person_subject_of_the_sentence_before_over_an_older_listed_name():
    text = ("In Beijing the British foreign secretary and Chinese Foreign Minister Li Zhaoxing held talks. "
            "Tory spokesman Michael Ancram warned that ending the embargo was a grave error. "
            "He said the foreign secretary was naive beyond belief.")
    events = [e for e in _events(text) if e.event_text == "naive"]
    assert events and [a.code for a in events[0].actor] == ["GBR"]
    assert "continues the subject 'Michael Ancram'" in events[0].reasons["actor"] or "Ancram" in events[0].reasons["actor"]


def test_he_after_a_listed_person_named_last_still_refers_to_that_person():
    text = "Chinese Foreign Minister Li Zhaoxing met a British envoy in Beijing. He criticised the European Union's arms embargo."
    criticised = [e for e in _events(text) if e.event_text == "criticised"]
    assert criticised and [a.code for a in criticised[0].actor] == ["CHN"]


@pytest.mark.parametrize(("text", "kind"), [
    ("The Spanish cabinet decided to support the French plan on Tuesday.", "SUPPORT"),
    ("Spain decides to back the French plan.", "SUPPORT"),
])
def test_a_decision_taken_to_act_is_the_act(text, kind):
    events = _events(text)
    assert [e.event for e in events] == [kind], text
    assert not events[0].modality.hypothetical and "decision taken" in events[0].reasons["modality"]


def test_a_decision_still_to_be_taken_is_not_the_act():
    events = _events("The Spanish cabinet will decide next week whether to support the French plan.")
    assert events and all(e.modality.hypothetical or e.modality.hedged for e in events)


@pytest.mark.parametrize(("text", "target"), [
    ("China lent Russia $6bn to help the Russian government buy the oil unit.", "RUS"),
    ("Japan gave Indonesia $500m in aid after the tsunami.", "IDN"),
])
def test_the_indirect_object_is_who_gets_it_not_the_money(text, target):
    aid = [e for e in _events(text) if e.event == "AID"]
    assert aid and [a.code for a in aid[0].recipient] == [target], text


def test_a_preposition_with_its_own_object_is_not_the_particle_of_a_phrase():
    events = _events("Japan gave $500m in aid to Indonesia after the tsunami.")
    assert [e.event for e in events] == ["AID"]  # not also CONCEDE 'gave ... in' (to give in)
    assert "CONCEDE" in _types("The Kenyan government finally gave in to the strikers' demands.")


@pytest.mark.parametrize("text", [
    "The Dutch government easily beat its 2004 savings target.",
    "Hopes grew that Japan's retreat back into recession was over.",
    "The Democrats said the US president cut spending only to meet his aim of a smaller deficit.",
    # market language: supported or threatened by prices, a stock rally, cracking down on output
    "The euro kept its early gain, supported by a dip in oil prices and cheerful remarks by US officials.",
    "Seoul's main index rose 1.8 percent on Friday as chipmakers such as Hynix followed a rally by their American peers.",
    "U.S. crude prices climbed on talk that OPEC would crack down on surplus output.",
])
def test_business_senses_and_market_language_are_no_event(text):
    assert _types(text) == [], text


def test_a_named_place_of_another_country_is_not_a_domestic_target():
    events = _events("Israeli troops withdrew from Gaza on Monday.")
    assert [(e.event, [a.code for a in e.recipient]) for e in events] == [("RETREAT", ["PSE"])]
    assert "gazetteer place" in events[0].reasons["recipient"]
    # a place of the actor's own country stays domestic
    events = _events("The Russian army pulled out of Grozny.")
    assert [a.code for a in events[0].recipient] == ["RUS"]


def test_joining_a_rally_is_a_protest():
    events = _events("Thousands of Ukrainian students joined a rally against the government in Kiev.")
    assert [(e.event, [a.code for a in e.actor]) for e in events] == [("PROTEST", ["UKR"])]


@pytest.mark.parametrize("text", [
    "Republican Senator Lindsey Graham criticised the Turkish offensive.",
    "Democratic Representative Adam Schiff accused the White House of a cover-up.",
    "Republican and Democratic leaders agreed on Monday to renew the tax breaks the White House wanted.",
])
def test_a_capitalised_us_party_adjective_before_a_member_names_the_party(text):
    events = tacitus.code_text(text, date="2019-10-01", min_confidence=0)
    assert events and [a.code for a in events[0].actor] == ["USA"], text
    assert "party adjective" in events[0].reasons["actor"]


def test_a_party_adjective_yields_to_a_longer_name_and_to_a_nationality():
    events = tacitus.code_text("The Irish Republican leader criticised the British government.", date="2005-01-01", min_confidence=0)
    assert [a.code for a in events[0].actor] == ["IRL"]
    events = tacitus.code_text("The Democratic Republic of Congo accused Rwanda of sending troops.", date="2005-01-01", min_confidence=0)
    assert [a.code for a in events[0].actor] == ["COD"]


def test_one_attack_told_twice_in_a_sentence_is_one_event_with_all_its_targets():
    events = _events("At least nine people, including two French aid workers, were killed when a car bomb exploded in central Kabul.")
    assert [e.event for e in events] == ["ASSAULT"]
    assert {a.code for a in events[0].recipient} == {"AFG", "FRA"}
    assert "'killed': its victims" in events[0].reasons["merged"]


def test_a_conservative_mp_is_of_the_party_and_a_shared_party_name_of_a_country_is_that_countrys():
    events = _events("Conservative MP John Bercow criticised the Labour government.")
    assert [a.code for a in events[0].actor] == ["GBR"]
    events = _events("The Conservative Party of Canada accused the Liberal government of corruption.")
    assert [a.code for a in events[0].actor] == ["CAN"]
