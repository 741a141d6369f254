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
    # the permission granted as the act itself stays, and so does a clause with a subject of its own
    assert "CONCEDE" in _types("The government allowed opposition leaders to hold a rally on Sunday.")
    refusal = [e for e in _events("The Kurdish militia said it had been given assurances from Washington that it would not "
                                  "allow any Turkish operations in the region.") if e.event_text == "allow"]
    assert refusal and _codes(refusal[0].actor) == ["USA"] and _codes(refusal[0].recipient) == ["TUR"]


def test_a_standing_position_said_of_someone_in_passing_is_no_act():
    assert "REJECT" not in _types("The Liberal party, which opposes the plan, will meet on Friday.")
    assert "REJECT" not in _types("All five candidates opposing the president walked out of the debate.")
    assert "SUPPORT" not in _types("The governor, who is supported by the army, refused to resign.")
    assert "SUPPORT" not in _types("The charity runs a school project backed by two ministries in the north.")


def test_a_relative_clause_telling_what_happened_on_an_occasion_keeps_its_act():
    rejected = [e for e in _events("It was a vote in which MPs opposed the bill by a large majority.") if e.event == "REJECT"]
    assert [e.event_text for e in rejected] == ["opposed"]


def test_people_described_by_what_they_seek_make_no_request():
    assert "REQUEST" not in _types("The number of workers seeking state unemployment help rose sharply in March.")


def test_a_habit_or_a_long_standing_stance_is_no_act_at_a_time():
    assert _types("Beijing routinely criticises foreign comment on its western provinces.") == []
    assert _types("Moscow has long backed the government in Damascus.") == []
    # a repeated act is still one reported
    assert "REQUEST" in _types("Germany and France have repeatedly called for the arms embargo to be lifted.")


def test_being_under_sanctions_is_a_standing_condition():
    assert _types("Syria remains under heavy US sanctions.") == []
    assert _types("Cuba has been under a trade embargo for decades.") == []
    imposed = [e for e in _events("The EU imposed sanctions on Belarus on Monday.") if e.event == "SANCTION"]
    assert imposed and _codes(imposed[0].recipient) == ["BLR"]


def test_a_strike_by_workers_is_a_labour_protest_not_an_attack():
    (strike,) = [e for e in _events("A strike by dock workers closed the port for a third day.") if e.event_text.startswith("strike")]
    assert strike.event == "PROTEST" and strike.cameo == "143"


def _assaults(text: str) -> list:
    return [e for e in _events(text) if e.event == "ASSAULT"]


def test_people_killed_in_an_attack_the_sentence_names_are_its_victims_one_event():
    (attack,) = _assaults("Four Afghan soldiers were killed in a Taliban ambush in Helmand province on Sunday.")
    assert _codes(attack.actor) == ["AFG"] and _codes(attack.recipient) == ["AFG"]
    assert "its victims" in attack.reasons["merged"]
    (attack,) = _assaults("Three Nepalese policemen were killed when Maoist rebels ambushed their convoy.")
    assert _codes(attack.actor) == ["NPL"] and _codes(attack.recipient) == ["NPL"]
    assert "inferred" in attack.reasons["actor"]


def test_victims_replace_the_place_an_attack_hit_but_not_a_target_it_names():
    (attack,) = _assaults("Six people, including two Spanish monks, were killed in a bomb attack in central Baghdad.")
    assert sorted(_codes(attack.recipient)) == ["ESP", "IRQ"] and attack.event_text == "bomb attack"
    (attack,) = _assaults("Three Iraqi guards were killed in a rocket attack on the American embassy.")
    assert _codes(attack.recipient) == ["USA", "IRQ"]


def test_a_capital_before_an_attack_noun_says_where_not_who():
    (attack,) = _assaults("Two British soldiers were killed in a Kabul mortar attack.")
    assert attack.actor == [] and _codes(attack.recipient) == ["GBR"]
    (attack,) = _assaults("A Hamas rocket attack wounded three Israeli civilians.")
    assert _codes(attack.actor) == ["PSE"]


def test_a_statement_about_an_act_is_aimed_at_whoever_did_or_made_it():
    (condemned,) = [e for e in _events("The Foreign Office condemned the execution of two Britons by Saudi authorities.") if e.event == "ACCUSE"]
    assert _codes(condemned.recipient) == ["SAU"]
    assert "who did or made the 'execution'" in condemned.reasons["recipient"]
    (rejected,) = [e for e in _events("Iran rejected a proposal by France, Germany and Britain to halt enrichment.") if e.event == "REJECT"]
    assert _codes(rejected.recipient) == ["FRA", "DEU", "GBR"]
    # a 'by' that names no party leaves the object's own reading
    (rejected,) = [e for e in _events("Turkey rejected the Greek plan by a wide margin.") if e.event == "REJECT"]
    assert _codes(rejected.recipient) == ["GRC"]


def test_a_call_for_calm_in_a_place_is_put_to_that_place():
    def request(text: str):
        return next(e for e in _events(text) if e.event == "REQUEST")
    assert _codes(request("The UN Security Council called for an immediate ceasefire in Darfur.").recipient) == ["SDN"]
    assert _codes(request("Beijing appealed for calm in Hong Kong.").recipient) == ["HKG"]
    called = request("Moscow urged restraint in Georgia after the clashes.")
    assert _codes(called.recipient) == ["GEO"] and "recipient" in called.modality.inferred
    # a party named as asked stays the target
    assert _codes(request("The UN urged Israel to show restraint in Gaza.").recipient) == ["ISR"]


def test_attackers_of_a_thing_a_nationality_is_said_of_take_no_country_from_it():
    text = "Pakistan and Afghanistan held talks on trade on Monday. Separately, militants attacked a Chinese convoy, police said."
    (attack,) = _assaults(text)
    assert _codes(attack.recipient) == ["CHN"] and _codes(attack.actor) == [None]
    # rebels who ambush the army of the one country named are that country's
    (attack,) = _assaults("Pakistan and Afghanistan held talks on trade on Monday. Separately, rebels ambushed a Kenyan army patrol.")
    assert _codes(attack.actor) == ["KEN"]


def test_a_rejection_of_the_claims_just_reported_is_aimed_at_the_accuser():
    text = ("The opposition Labor party accused the Australian government of hiding the cost of the war. "
            "The defence ministry rejected the claims on Tuesday.")
    (rejected,) = [e for e in _events(text) if e.event == "REJECT"]
    assert _codes(rejected.recipient) == ["AUS"] and "its accuser" in rejected.reasons["recipient"]
    assert "recipient" in rejected.modality.inferred
    # claims made long before, or no accusation at all: no accuser to answer
    text = "The defence ministry of Australia rejected the claims on Tuesday."
    (rejected,) = [e for e in _events(text) if e.event == "REJECT"]
    assert "its accuser" not in rejected.reasons.get("recipient", "")


def test_forces_sent_for_relief_are_humanitarian_aid_to_where_they_go():
    (aid,) = [e for e in _events("The United States sent two warships to help with relief efforts in Indonesia.") if e.event_text.startswith("sent")]
    assert (aid.event, aid.cameo) == ("AID", "073")
    assert _codes(aid.actor) == ["USA"] and _codes(aid.recipient) == ["IDN"]
    # troops sent to fight stay a deployment
    sent = [e for e in _events("India sent troops to help fight the insurgency in Kashmir.") if e.event_text.startswith("sent")]
    assert [e.event for e in sent] == ["MOBILIZE"]
    # aid flown in is aid; troops flown in are a deployment
    (aid,) = _events("Australia airlifted food and medicine to Aceh province.")
    assert (aid.event, aid.cameo) == ("AID", "073") and _codes(aid.recipient) == ["IDN"]
    (moved,) = _events("The US airlifted 2,000 troops to Kuwait.")
    assert moved.event == "MOBILIZE"


def test_the_one_a_court_finds_guilty_is_the_target():
    (verdict,) = _events("A Turkish court found the newspaper editor guilty of insulting the state.")[:1]
    assert verdict.event == "SANCTION" and _codes(verdict.recipient) == ["TUR"]
