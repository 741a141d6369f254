"""Rules from session 23; every sentence here is written for the test."""

from __future__ import annotations

import functools

from coded import codes as _codes, events, one

DATE = "2004-11-01"
_events = functools.partial(events, date=DATE)
_one = functools.partial(one, date=DATE, prefix=True)


def test_an_act_naming_no_target_in_a_sentence_naming_an_igo_is_toward_the_igo_not_domestic():
    # the request is put to the IMF, not to Ghana itself
    request = _one("Ghana will pay less on its debts this year. Last week, the IMF granted Ghana's request for a delay "
                   "in repayments. Ghana's finance ministry said the money would go to roads in Ghana.", "request")
    assert request.event == "REQUEST"
    assert _codes(request.actor) == ["GHA"] and _codes(request.recipient) == ["IGO"]
    assert "recipient" in request.modality.inferred
    assert "names 'the IMF'" in request.reasons["recipient"]
    call = _one("Germany is worried about the strong euro. German Finance Minister Hans Eichel called for the strong "
                "euro to be raised at the G20 meeting in Berlin. German exporters say the currency is hurting sales "
                "across Germany.", "called for")
    assert _codes(call.recipient) == ["IGO"]


def test_an_igo_in_a_relative_clause_about_something_else_leaves_the_act_domestic():
    order = _one("China is building dams on its rivers. In April, Chinese officials ordered a stop to the dam work on the "
                 "river, which lies inside a United Nations heritage area. China's government said the dams would go "
                 "ahead in China.", "ordered")
    assert order.event == "REQUEST"
    assert _codes(order.recipient) == ["CHN"]
    assert "a domestic act" in order.reasons["recipient"]


def test_a_noun_phrase_trigger_does_not_end_on_the_verb_of_another_clause():
    # "Secretary of State ... will visit" is no "state visit": the visit is the verb's, with its own trigger
    visit = [e for e in _events("The American Secretary of State Mike Pompeo will visit Japan and China next week.") if e.actor]
    assert [e.event_text for e in visit] == ["visit"]
    assert _codes(visit[0].actor) == ["USA"] and _codes(visit[0].recipient) == ["JPN", "CHN"]
    assert _one("The Chinese president began a state visit to France on Monday.", "state visit").event == "CONSULT"
    # a phrase whose first word is a common noun in the verb's subject still matches: a workers' strike
    strike = _one("Millions of British transport workers could strike if ministers cut their pensions.", "transport")
    assert strike.event_text == "transport workers could strike"
    assert _one("Kenyan teachers voted to strike over pay on Monday.", "teachers voted to strike").event == "PROTEST"
    assert _codes(strike.recipient) == ["GBR"]  # a labour strike is against the workers' own government


def test_trigger_words_in_senses_that_are_no_political_event():
    for text in ("Exports to Asia shot up 9% in the third quarter, the Indian trade ministry said.",
                 "Japanese officials were talking up the yen, traders said.",
                 "The French government battles to balance its budget, the minister said.",
                 "The Chinese central bank moved to curb inflation.",
                 "Hackers bombarded the Danish ministry's site with data from thousands of computers.",
                 'The British minister said: "I accept that the opposition will win some seats."',
                 "The Scottish first minister said she accepted her colleague's word."):
        assert not _events(text), text
    # the same words in their political senses are still events
    assert _one("Gunmen shot two Iraqi policemen in Basra on Monday.", "shot").event == "ASSAULT"
    assert _one("The Iranian minister talked with his Iraqi counterpart on Monday.", "talked").event == "CONSULT"
    assert _one("Britain accepted the French proposal for a summit.", "accepted").event == "AGREE"
    assert _one("The Chinese government curbed press freedom in Tibet.", "curbed").event == "COERCE"
    assert _one("Russian artillery bombarded the Georgian town of Gori.", "bombarded").event == "ASSAULT"


def test_a_country_word_that_only_places_a_border_names_no_party():
    # "near the Afghan border": the border runs on either side; the fighters killed are not thereby Afghan
    killing = _one("Pakistani troops raided militant camps near the Afghan border on Monday, killing twelve fighters.", "killing")
    assert killing.event == "ASSAULT"
    assert "AFG" not in _codes(killing.recipient)
    # Afghan villages are Afghan
    shelled = _one("Pakistani troops shelled Afghan villages on Monday, killing twelve fighters.", "shelled")
    assert _codes(shelled.recipient) == ["AFG"]


def test_a_titled_name_the_model_misreads_is_still_a_person_of_the_article_s_country():
    # "Mr" + a hyphenated surname: the small model calls it an organisation; a title says it is a person
    text = ("Britain's Liberal Democrats are divided over taxes. Mr Hollingworth-Vane criticised the party leadership "
            "over its tax plans. Britain will vote in May.")
    criticism = _one(text, "criticised")
    assert criticism.event == "ACCUSE"
    assert _codes(criticism.actor) == ["GBR"] and "actor" in criticism.modality.inferred
    assert "the country the article is about" in criticism.actor[0].reason


def test_a_party_founded_later_does_not_take_an_older_article_s_namesake():
    # the Economic Freedom Fighters were founded in 2013: "the EFF" of 2005 is someone else (a US digital-rights group)
    text = "The EFF leader criticised the ANC government on Monday."
    recent = _one(text, "criticised", date="2019-05-01")
    assert _codes(recent.actor) == ["ZAF"] and "Economic Freedom Fighters" in recent.actor[0].reason
    older = [e for e in _events(text, date="2005-05-01") if e.event_text == "criticised"]
    assert all("Economic Freedom Fighters" not in a.reason for e in older for a in e.actor)


def test_a_state_s_protest_is_a_diplomatic_one_aimed_where_its_summons_is():
    # the PLOVER manual: diplomatic protests are ACCUSE 'disapprove', not PROTEST; the protest a summons is made for
    # is aimed at the envoy's country, not at the soldiers whose killing it is about
    events = _events("India summoned Pakistan's envoy to protest against the killing of two Indian soldiers in Kashmir.")
    assert [(e.event, _codes(e.actor), _codes(e.recipient)) for e in events] == [("ACCUSE", ["IND"], ["PAK"])]
    protest = _one("Iran protested to Britain over the seizure of an Iranian tanker.", "protested")
    assert (protest.event, protest.cameo) == ("ACCUSE", "114")
    assert "diplomatic protest" in protest.reasons["event"]
    # people in the street still protest
    street = _one("Thousands of Iranian students protested against the government in Tehran.", "protested")
    assert street.event == "PROTEST" and _codes(street.recipient) == ["IRN"]


def test_a_vow_to_keep_up_strikes_is_a_threat_by_whoever_keeps_them_up():
    # the subject of 'keep up' is the one who strikes, and a vow of force is a threat, not a promise
    vow = _one("Israel's prime minister vowed to keep up air strikes against Iranian targets in Syria.", "vowed")
    assert vow.event == "THREATEN"
    assert _codes(vow.actor) == ["ISR"] and _codes(vow.recipient) == ["IRN"]
    strikes = _one("Israel's prime minister vowed to keep up air strikes against Iranian targets in Syria.", "air strikes")
    assert strikes.event == "ASSAULT" and _codes(strikes.actor) == ["ISR"] and strikes.modality.hypothetical
    blockade = _one("Israel maintained its blockade of Gaza.", "blockade")
    assert _codes(blockade.actor) == ["ISR"]


def test_missiles_fired_into_the_sea_are_a_show_of_force_not_an_attack():
    test = _one("North Korea fired two short-range missiles into the sea off its east coast, South Korea's military said.", "fired")
    assert (test.event, test.cameo) == ("MOBILIZE", "150")
    assert _codes(test.actor) == ["PRK"] and not test.recipient
    assert _one("Hamas fired rockets into southern Israel.", "fired").event == "ASSAULT"


def test_warships_holding_drills_near_a_country_mobilize_against_it():
    drills = _one("Chinese warships held drills near Taiwan on Tuesday, Taiwan's defence ministry said.", "held drills")
    assert (drills.event, _codes(drills.actor), _codes(drills.recipient)) == ("MOBILIZE", ["CHN"], ["TWN"])
    assert not _events("The school held a fire drill on Monday.")


def test_a_discussion_a_meeting_is_held_for_is_that_meeting_not_talks_with_the_topic():
    events = _events("Russian President Vladimir Putin met his Turkish counterpart in Moscow to discuss Syria.")
    assert [(e.event, _codes(e.actor), _codes(e.recipient)) for e in events] == [("CONSULT", ["RUS"], ["TUR"])]


def test_an_act_in_a_relative_clause_on_an_act_is_by_that_act_s_actor():
    # "a suicide bombing that killed eight soldiers": one attack, by the Taliban, on the soldiers
    events = _events("The Taliban claimed responsibility for a suicide bombing that killed eight soldiers in Helmand.")
    assert [(e.event, _codes(e.actor), _codes(e.recipient)) for e in events] == [("ASSAULT", ["AFG"], ["AFG"])]
    assert "whom 'killed' names" in events[0].reasons["recipient"]


def test_a_region_of_several_states_is_no_domestic_target():
    send = _one("The Pentagon said it would send 1,500 additional troops to the Middle East.", "send")
    assert not _codes(send.recipient) or "USA" not in _codes(send.recipient)
    border = _one("The Pentagon sent 1,500 troops to the Syrian border.", "sent")
    assert _codes(border.recipient) == ["SYR"]


def test_a_question_reports_no_act():
    for text, trigger in (("Will Russia attack Ukraine?", "attack"),
                          ("Would the government really invade Iraq without UN backing, he asked.", "invade"),
                          ('"Why did the Egyptian police arrest him?" the senator asked.', "arrest")):
        event = _one(text, trigger)
        assert event.modality.hedged and "a question" in event.reasons["modality"], text
    # a statement is no question, nor is a clause that a speech verb reports
    assert not _one("Egyptian police arrested him, the senator said.", "arrested").modality.hedged


def test_an_envoy_summoned_in_the_passive_is_the_target_of_a_diplomatic_protest():
    summons = _one("The US ambassador to Germany was summoned by the German foreign ministry.", "ambassador")
    assert (summons.event, summons.cameo) == ("ACCUSE", "114")
    assert _codes(summons.actor) == ["DEU"] and _codes(summons.recipient) == ["USA"]
    assert not _events("The ambassador summoned reporters to his residence.")


def test_a_dispersal_by_tear_gas_is_one_use_of_force_on_whom_it_disperses():
    events = _events("Bolivian police fired tear gas to disperse supporters of former President Evo Morales.")
    assert [(e.event, e.mode, _codes(e.actor), _codes(e.recipient)) for e in events] == [("ASSAULT", "crowd-control", ["BOL"], ["BOL"])]
    # with no weapon named a dispersal is a restriction (PLOVER manual)
    assert _one("Belarusian police dispersed the protesters in Minsk.", "dispersed").event == "COERCE"


def test_an_amount_of_a_country_s_goods_is_that_country_s():
    tariffs = _one("The US imposed tariffs on $300 billion of Chinese goods.", "imposed tariffs")
    assert tariffs.event == "SANCTION" and _codes(tariffs.recipient) == ["CHN"]
    aid = _one("Japan gave $5 million of aid to Nepal.", "aid")
    assert _codes(aid.recipient) == ["NPL"]


def test_a_condemned_detention_targets_the_authorities_that_hold_the_detainee():
    detention = _one("Britain condemned the detention of a British journalist in Iran.", "condemned")
    assert detention.event == "ACCUSE" and _codes(detention.recipient) == ["IRN"]
    assert "the authorities of 'Iran'" in detention.reasons["recipient"]
    # with no place named, the people a state jails are its own (the state holds its own people)
    jailing = _one("The EU criticised the jailing of the Russian opposition leader.", "criticised")
    assert _codes(jailing.recipient) == ["RUS"]


def test_an_act_someone_is_accused_of_is_alleged():
    killing = _one("Israeli forces demolished the homes of two Palestinians accused of killing a soldier.", "killing")
    assert killing.modality.hedged and "an allegation" in killing.reasons["modality"]
    demolition = _one("Israeli forces demolished the homes of two Palestinians accused of killing a soldier.", "demolished")
    assert not demolition.modality.hedged


def test_a_participle_modifying_a_noun_starts_no_verb_phrase_trigger():
    # "the accused soldier attacked": no 'accuse ... attack'; "a banned militant group": no ban reported
    attack = _one("The accused soldier attacked a guard in Gaza.", "attacked")
    assert attack.event == "ASSAULT"
    assert not [e for e in _events("The PKK has long been a banned armed organization in Turkey.") if e.event == "COERCE"]
