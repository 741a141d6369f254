"""Rules from session 22; every sentence here is written for the test."""

from __future__ import annotations

import functools

from coded import codes as _codes, events, one
from tacitus.gazetteer import load_gazetteer

DATE = "2019-08-01"
_events = functools.partial(events, date=DATE)
_one = functools.partial(one, date=DATE, prefix=True)


def test_a_call_for_a_thing_with_a_purpose_clause_is_a_call_on_the_callers_own_country():
    # "urged reforms to curb graft": the object is a thing, not a party; the purpose clause does not make it a
    # reported clause ("denied that ..."), so the call is on the actor's own country, flagged as inferred
    call = _one("The Kenyan president urged sweeping reforms to curb graft in the civil service. "
                "Kenya has struggled with graft for years.", "urged")
    assert call.event == "REQUEST"
    assert _codes(call.recipient) == ["KEN"]
    assert "recipient" in call.modality.inferred
    # a call on a named party is still on that party, and a denial of a claim stays without a domestic target
    named = _one("The Kenyan president urged Uganda to reopen the border to curb smuggling. Kenya has long complained.", "urged")
    assert _codes(named.recipient) == ["UGA"]
    denial = [e for e in _events("The Kenyan minister denied the claim to calm the markets.") if e.event == "REJECT"]
    assert all(not _codes(e.recipient) or "recipient" not in e.modality.inferred for e in denial)


def test_the_dateline_reads_as_a_place_without_the_article_s_context():
    gazetteer = load_gazetteer()
    place, words, why = gazetteer.dateline_place("NAIROBI - The vice-president said on Monday ...")
    assert (place.country, words) == ("KEN", "NAIROBI")
    qualified = gazetteer.dateline_place("Kabul, Afghanistan, March 3 (Reuters) - A bomb ...")
    assert qualified[0].country == "AFG" and "qualified" in qualified[2]
    assert gazetteer.dateline_place("The minister said - as she left - that ...") is None  # a sentence, no dateline
    assert gazetteer.dateline_place("NOBODYKNOWSTHISTOWN - A man ...") is None


def test_an_article_naming_no_country_is_about_its_dateline_s_country():
    text = "NAIROBI - A retired teacher was arrested on fraud charges on Friday, officials said."
    arrest = _one(text, "arrested")
    assert arrest.event == "COERCE"
    assert _codes(arrest.actor) == ["KEN"] and _codes(arrest.recipient) == ["KEN"]
    assert "dateline 'NAIROBI'" in arrest.reasons["recipient"]
    assert {"actor", "recipient"} <= set(arrest.modality.inferred)
    assert arrest.reasons["actor"].count("that country's authorities") == 1  # a rule's reason is given once
    # without the dateline nothing says whose authorities made the arrest
    bare = [e for e in _events(text.removeprefix("NAIROBI - ")) if e.event == "COERCE"]
    assert all(not _codes(e.actor) for e in bare)
    # a country the article names outweighs the dateline: a story filed in Nairobi about Somalia
    filed = _one("NAIROBI - A Somali teacher was arrested in Mogadishu on fraud charges on Friday, officials said.", "arrested")
    assert _codes(filed.actor) == ["SOM"]


def test_what_is_asked_for_and_a_named_bill_are_things_not_parties():
    story = "Kenya's opposition is angry about the leaks. "
    demand = _one(story + "An opposition MP demanded an urgent ministerial statement on the leaks.", "demanded")
    assert demand.event == "REQUEST" and _codes(demand.recipient) == ["KEN"]
    vote = _one("Kenya's parliament met on Tuesday in Nairobi. Kenyan legislators voted in favour of the Anti-Corruption Bill after a "
                "long debate.", "voted in favour")
    assert vote.event == "SUPPORT" and _codes(vote.recipient) == ["KEN"]
    # another party's words stay that party's, not the actor's own country: a denial of a claim gets no domestic target
    denial = [e for e in _events(story + "The Kenyan minister dismissed the accusation on Monday.") if e.event == "REJECT"]
    assert denial and all("recipient" not in e.modality.inferred for e in denial)


def test_a_police_force_army_or_prosecutor_reporting_an_arrest_or_charge_made_it():
    detained = _one("Three suspects were detained near the border, Turkish police said on Sunday.", "detained")
    assert detained.event == "COERCE" and _codes(detained.actor) == ["TUR"]
    assert detained.actor[0].sector == "COP" and "reported by" in detained.reasons["actor"]
    assert "actor" in detained.modality.inferred
    charged = _one("According to Egyptian prosecutors, the banker was charged with fraud on Monday.", "charged")
    assert _codes(charged.actor) == ["EGY"]
    # the reporting army's own country, not the country of the victim named in the charge
    soldiers = _one("Two soldiers are charged with the killing of an Afghan farmer in Kandahar, the Canadian army says.", "charged")
    assert _codes(soldiers.actor) == ["CAN"]
    # someone who is no such authority reporting it says nothing of who did it: the place's authorities did
    journalist = _one("A journalist was detained in Minsk on Friday, his editor said.", "detained")
    assert _codes(journalist.actor) == ["BLR"] and "reported by" not in journalist.reasons["actor"]


def test_who_settles_or_contests_charges_is_charged_and_who_brought_them_charged():
    settled = _one("A Kenyan bank has settled charges from Kenyan regulators that it misled savers.", "charges")
    assert settled.event == "ACCUSE"
    assert _codes(settled.actor) == ["KEN"] and [a.text for a in settled.recipient] == ["Kenyan bank"]
    contested = _one("The Kenyan minister is contesting fraud charges brought by the state.", "charges")
    assert [a.text for a in contested.actor] == ["state"] and [a.text for a in contested.recipient] == ["Kenyan minister"]
    # the agent of the participle may hang on the charge's 'of' object
    faced = _one("The Kenyan minister faces charges of fraud brought by prosecutors in Nairobi.", "charges")
    assert _codes(faced.actor) == ["KEN"] and "brought" in faced.reasons["actor"]


def test_the_pope_is_the_holy_see_wherever_he_is_and_the_coptic_pope_is_egyptian():
    met = _one("The Pope met the Iraqi president in Rome on Monday.", "met")
    assert _codes(met.actor) == ["VAT"]
    coptic = _one("The Coptic Pope condemned the attack on the church in Alexandria.", "condemned")
    assert _codes(coptic.actor) == ["EGY"]


def test_the_participle_after_a_nominal_act_names_its_target():
    for text in ("Sanctions imposed by the European Union on Zimbabwe were extended on Monday.",
                 "Sanctions imposed on Zimbabwe by the European Union were extended on Monday."):
        sanctions = _one(text, "Sanctions")
        assert sanctions.event == "SANCTION" and _codes(sanctions.recipient) == ["ZWE"]
        assert [a.text for a in sanctions.actor] == ["European Union"]


def test_a_state_body_reported_by_its_state_s_own_media_or_officials_is_of_that_state():
    seized = _one("Iranian state television said the navy had seized a British tanker in the Gulf.", "seized")
    assert _codes(seized.actor) == ["IRN"] and "reports" in seized.reasons["actor"]
    assert "actor" in seized.modality.inferred
    deployed = _one("According to Sudanese state media, government troops began deploying near the border.", "deploying")
    assert _codes(deployed.actor) == ["SDN"]
    # a broadcaster that is no state's own says nothing of whose police it reports on
    arrested = _one("The BBC said police arrested two men on Monday.", "arrested")
    assert "reports" not in arrested.reasons["actor"]


def test_the_gulf_is_a_sea_and_the_niger_delta_is_in_nigeria():
    # "the Gulf" alone is never Papua New Guinea's Gulf province, whose country the navy would otherwise take
    seized = _one("The navy seized a British tanker in the Gulf on Friday.", "seized")
    assert "PNG" not in _codes(seized.actor) + _codes(seized.recipient)
    deal = _one("The Nigerian government signed a peace deal with militants in the Niger Delta.", "signed")
    assert _codes(deal.recipient) == ["NGA"]
    # the country itself, named alone, is still Niger
    expelled = _one("Niger expelled a French diplomat on Monday.", "expelled")
    assert _codes(expelled.actor) == ["NER"]


def test_clashing_with_police_is_a_clash_and_burning_villages_an_attack():
    clash = _one("Opposition supporters clashed with police in Caracas on Sunday.", "clashed")
    assert clash.event == "ASSAULT"
    # politicians clashing with one another over an issue still argue
    words = _one("Labour MPs clashed with the Tories over the budget.", "clashed")
    assert words.event == "ACCUSE"
    burned = _one("Myanmar soldiers burned villages in Rakhine state on Tuesday.", "burned")
    assert burned.event == "ASSAULT" and _codes(burned.actor) == ["MMR"]
    assert not [e for e in _events("Protesters burned tyres and an effigy of the president.") if e.event == "ASSAULT"]


def test_who_wins_or_receives_praise_criticism_or_aid_undergoes_it():
    praised = _one("Ethiopia's prime minister won praise from the UN for freeing political prisoners.", "praise")
    assert praised.event == "SUPPORT" and _codes(praised.actor) == ["UNO"] and _codes(praised.recipient) == ["ETH"]
    aided = _one("Kenya received military aid from the United States on Monday.", "military aid")
    assert aided.event == "AID" and _codes(aided.actor) == ["USA"] and _codes(aided.recipient) == ["KEN"]


def test_a_deployment_announced_to_help_another_state_is_no_threat():
    sent = [e for e in _events("Germany will send 30 more soldiers to Mali to train the local army, the ministry said.")
            if e.event_text.startswith("send")]
    assert sent and all(e.event == "MOBILIZE" and e.modality.hypothetical for e in sent)
    # a deployment on a condition, or one with no such purpose, is still a threat
    assert _one("Russia will send troops to the border if NATO expands.", "send").event == "THREATEN"
    assert _one("China will deploy warships near Taiwan.", "deploy").event == "THREATEN"


def test_ramming_a_vessel_is_an_attack_and_ramming_a_bill_through_is_not():
    rammed = _one("Chinese coast guard vessels rammed a Vietnamese fishing boat near the Paracel Islands.", "rammed")
    assert rammed.event == "ASSAULT" and _codes(rammed.actor) == ["CHN"] and _codes(rammed.recipient) == ["VNM"]
    assert not _events("The Kenyan government rammed the bill through parliament on Tuesday.")
    assert not _events("The Kenyan minister rammed home the message that taxes must rise.")


def test_who_is_called_on_to_act_in_a_for_clause_is_the_target():
    call = _one("Algeria's army chief called for the president to resign. Algeria has been in turmoil.", "called")
    assert call.event == "REQUEST" and [a.text for a in call.recipient] == ["president"]
    assert _codes(call.recipient) == ["DZA"]


def test_a_majority_a_vote_is_won_by_is_no_party():
    rejected = _one("Kenyan MPs rejected the government's plans for house arrest by a majority of 14.", "rejected")
    assert rejected.event == "REJECT"
    assert not any("majority" in a.text for a in rejected.recipient)


def test_the_north_and_the_south_of_the_koreas_and_no_province_of_a_common_word():
    aid = _one("South Korea offered to send food aid to the North.", "send food")
    assert _codes(aid.recipient) == ["PRK"]
    accused = _one("North Korea accused the South of provoking a war.", "accused")
    assert _codes(accused.recipient) == ["KOR"]
    attack = _one("Rebels in the North attacked a village in Mali.", "attacked")
    assert "CMR" not in _codes(attack.actor) + _codes(attack.recipient)


def test_a_diplomatic_protest_over_another_state_s_doings_targets_that_state():
    protest = _one("The Philippines lodged a diplomatic protest over the presence of Chinese ships near Thitu.", "lodged")
    assert protest.event == "ACCUSE" and _codes(protest.recipient) == ["CHN"]


def test_driving_out_is_an_attack_and_an_offensive_s_aim_is_not_yet_done():
    driven = _one("The rebels were driven out of Baga by Nigerian troops on Sunday.", "driven out")
    assert driven.event == "ASSAULT" and _codes(driven.actor) == ["NGA"]
    assert not _events("She drove out of the city on Sunday.")
    aim = _one("The Nigerian army launched an offensive to drive Boko Haram out of Baga.", "drive")
    assert aim.modality.hypothetical


def test_victims_in_a_city_of_another_country_are_not_the_attacker_s_own_people():
    events = _events("French troops fired on crowds of protesters in Abidjan, killing several people, witnesses said.")
    assert events and all("FRA" not in _codes(e.recipient) for e in events if e.event == "ASSAULT")
    # with no other place named the sentence is about one country: its police disperse its own people
    dispersed = _one("Egyptian police dispersed demonstrators in Cairo on Friday.", "dispersed")
    assert _codes(dispersed.recipient) == ["EGY"]


def test_refusing_to_return_to_talks_is_a_refusal():
    refusal = _one("North Korea will not return to six-party talks until the US drops its hostile policy, state media said.", "return")
    assert refusal.event == "REJECT" and _codes(refusal.actor) == ["PRK"]
    back = _one("North Korea returned to the six-party talks in Beijing on Monday.", "returned")
    assert back.event == "CONSULT" and not back.modality.negated


def test_the_by_phrase_the_parser_hangs_on_the_charge_names_the_accuser():
    accused = _one("Microsoft has been accused of abusing its dominance by the European Commission.", "accused")
    assert [a.text for a in accused.actor] == ["European Commission"]
    # "by" with a verb is how it was done, not who accuses
    manner = [e for e in _events("The Kenyan firm was accused of cheating customers by overcharging them.") if e.event == "ACCUSE"]
    assert all(not any("overcharging" in a.text for a in e.actor) for e in manner)


def test_a_vote_to_strike_is_a_labour_strike_and_striking_a_clause_is_no_event():
    strike = _one("Kenyan teachers voted to strike over pay on Monday.", "teachers voted to strike")
    assert strike.event == "PROTEST"
    assert not _events("The Kenyan Senate voted to strike the clause from the bill.")


def test_who_is_fined_an_amount_is_the_target_not_the_amount():
    fined = _one("Kenyan regulators fined the bank $50m for failing to stop money laundering.", "fined")
    assert [a.text for a in fined.recipient] == ["bank"] and _codes(fined.recipient) == ["KEN"]


def test_the_parties_between_whom_a_mediated_or_welcomed_thing_is_are_its_targets():
    mediated = _one("Qatar mediated talks between the Taliban and the United States.", "mediated")
    assert mediated.event == "CONSULT" and set(_codes(mediated.recipient)) == {"AFG", "USA"}
    welcomed = _one("The US welcomed the ceasefire between Israel and Hamas.", "welcomed")
    assert set(_codes(welcomed.recipient)) == {"ISR", "PSE"}


def test_the_agent_of_an_as_clause_participle_asks_and_the_main_subject_is_asked():
    called = _one("Kenya has not freed the detainees as called for by African Union envoys.", "called for")
    assert called.event == "REQUEST" and [a.text for a in called.actor] == ["African Union envoys"] and _codes(called.recipient) == ["KEN"]


def test_a_partner_s_with_on_the_object_of_the_verb_is_the_target_not_the_topic():
    shared = _one("Kenya agreed to share intelligence with Ethiopia on al-Shabaab.", "agreed")
    assert _codes(shared.recipient) == ["ETH"]
