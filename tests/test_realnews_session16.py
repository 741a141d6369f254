"""Rules from the session-16 reading of real-news misses (criticism the coder did not see); every sentence here is
written for the test."""

from __future__ import annotations

import tacitus

DATE = "2005-02-14"
# Rules and roles are tested on sentences written without countries; their events are kept although no party has a
# code (the default, stages.confidence.keep_uncoded = false, drops them).
UNCODED = "stages.confidence.keep_uncoded=true"


def _events(text: str) -> list:
    return tacitus.code_text(text, date=DATE, min_confidence=0, overrides=(UNCODED,))


def _accusations(text: str) -> list:
    return [e for e in _events(text) if e.event == "ACCUSE"]


def test_a_failure_charged_in_reported_words_is_criticism_by_the_speaker():
    for text, speaker, target in (
            ("Senator Ruiz said the interior minister had failed to protect the border villages.", "Senator Ruiz", "interior minister"),
            ("The governor has failed to pay the teachers, the union leader claimed on Monday.", "union leader", "governor")):
        found = _accusations(text)
        assert len(found) == 1, text
        event = found[0]
        assert event.cameo == "111" and event.event_text.startswith("fail")
        assert [a.text for a in event.actor] == [speaker], text
        assert [a.text for a in event.recipient] == [target], text
        assert "charged in words" in event.reasons["event"]


def test_a_failure_coded_with_the_parties_countries():
    event = _accusations("Kenyan opposition leader Odhiambo said the Tanzanian government had failed to stop the smugglers.")[0]
    assert [a.code for a in event.actor] == ["KEN"] and [a.code for a in event.recipient] == ["TZA"]


def test_a_failure_not_charged_by_another_is_no_event():
    for text in ("The motion failed to win a majority in the assembly.",
                 "The talks between the two unions failed.",
                 "The party's leaders say they have failed to win over young voters.",
                 "We have failed the farmers, the minister admitted.",
                 "An aide confirmed that the ministry had failed to file the report on time."):
        assert not _accusations(text), text


def test_branding_a_plan_or_hitting_out_at_it_is_criticism():
    for text in ("The opposition spokesman branded the road scheme a costly mistake.",
                 "The plans were branded reckless by the Green Party.",
                 "The mayor hit out at the council over the closure of the library.",
                 "The senator lashed out at the governor for the cuts."):
        found = _accusations(text)
        assert found and found[0].cameo == "111", text


def test_a_brand_is_no_criticism():
    assert not _accusations("The carmaker said its luxury brand would enter the Chinese market next year.")


def test_a_damning_word_said_of_another_party_s_act_is_criticism_by_the_speaker():
    for text, speaker, target in (
            ("The Sudanese foreign minister said the Security Council resolution was unfair.", "SDN", "UNO"),
            ("Kenya's opposition leader said the Ugandan government's border closure was a disgrace.", "KEN", "UGA"),
            ("The Tanzanian government's plans are reckless, the Kenyan opposition leader said.", "KEN", "TZA"),
            ("The Kenyan president called the Ugandan decision a blunder.", "KEN", "UGA")):
        found = _accusations(text)
        assert len(found) == 1, text
        event = found[0]
        assert event.cameo == "111", text
        assert [a.code for a in event.actor] == [speaker] and [a.code for a in event.recipient] == [target], text


def test_a_damning_word_not_said_of_a_party_is_no_event():
    for text in ("The farmers complained of an unfair trial.",
                 "Kenya held an unfair election in the north, the report said.",
                 "The forecasts were wrong, the economist said.",
                 "The Ugandan court found the charges illegal."):
        assert not [e for e in _accusations(text) if e.cameo == "111" and e.event_text.lower() in
                    ("unfair", "wrong", "illegal")], text


def test_misconduct_charged_in_reported_words_is_criticism():
    found = _accusations("The Kenyan opposition said the Ugandan government was lying about the border.")
    assert len(found) == 1 and [a.code for a in found[0].actor] == ["KEN"] and [a.code for a in found[0].recipient] == ["UGA"]
    found = _accusations("The Conservative leader said the prime minister had misled parliament over the war.")
    assert len(found) == 1 and [a.text for a in found[0].recipient] == ["prime minister"]


def test_a_verb_of_misconduct_not_charged_is_no_event():
    for text in ("The problem lies with the Kenyan government, the report said.",
                 "The doctor said some patients had deceived him."):
        assert not _accusations(text), text


def test_an_appeal_the_parser_hung_on_the_reported_clause_is_the_speaker_s():
    text = "Kenya declared on Monday that the drought amounted to a national disaster and urged donors to send food."
    requests = [e for e in _events(text) if e.event == "REQUEST"]
    assert len(requests) == 1 and [a.code for a in requests[0].actor] == ["KEN"]
    assert "the parser hung on its clause" in requests[0].reasons["actor"]


def test_a_reported_attack_keeps_its_own_attacker():
    text = "Ugandan officials said rebel raids on the villages killed ten people and wounded twenty."
    for event in _events(text):
        if event.event == "ASSAULT":
            assert "officials" not in [a.text for a in event.actor], event.event_text


def test_a_body_named_after_its_country_is_a_political_actor():
    requests = [e for e in tacitus.code_text("The Law Society of Kenya urged that the detained men should see a lawyer.", date=DATE,
                                             min_confidence=0) if e.event == "REQUEST"]
    assert requests and [a.code for a in requests[0].actor] == ["KEN"]


def test_an_act_done_by_way_of_another_is_its_subject_s():
    events = _events("The Ghanaian president opened a four-day visit to Togo by calling on both armies to disarm.")
    by_type = {e.event: e for e in events}
    assert [a.code for a in by_type["REQUEST"].actor] == ["GHA"]
    assert [a.code for a in by_type["CONSULT"].actor] == ["GHA"] and [a.code for a in by_type["CONSULT"].recipient] == ["TGO"]


def test_at_the_request_of_names_who_asked_and_whom():
    events = _events("The Kenyan army withdrew from the town at the request of the Somali government.")
    request = next(e for e in events if e.event == "REQUEST")
    assert [a.code for a in request.actor] == ["SOM"] and [a.code for a in request.recipient] == ["KEN"]


def test_a_date_s_preposition_is_no_particle_of_a_phrase():
    events = _events("The Ugandan cabinet called an emergency session on Monday.")
    assert not [e for e in events if e.event == "REQUEST"], [(e.event, e.event_text) for e in events]


def test_mr_and_a_surname_is_the_person_named_in_full_earlier_whatever_the_entity_tagger_says():
    text = ("Foreign Secretary Jack Straw told MPs the ban on arms sales to China was out of date.\n\n"
            "Mr Straw, touring Beijing on Tuesday, noted that bans on weapons sales also covered Burma.")
    visits = [e for e in tacitus.code_text(text, date="2005-01-10", min_confidence=0) if e.event == "CONSULT"]
    assert visits and [a.code for a in visits[0].actor] == ["GBR"]
    assert "named in full earlier" in visits[0].actor[0].reason


def test_an_object_put_after_what_the_verb_calls_it_is_the_target():
    accuse = [e for e in _events("Sudan has condemned as unjust a fresh UN motion calling on Khartoum to disarm the militias.")
              if e.event == "ACCUSE"]
    assert accuse and [a.code for a in accuse[0].recipient] == ["UNO"]
    reject = [e for e in _events("The Kenyan minister dismissed as nonsense the claims by the Ugandan government.") if e.event == "REJECT"]
    assert reject and [a.code for a in reject[0].recipient] == ["UGA"]


def test_an_office_named_in_a_quote_before_any_country_is_the_speaker_s_country_s():
    text = '"The prime minister must call the election now," Tory leader Michael Howard told reporters.'
    requests = [e for e in tacitus.code_text(text, date="2005-01-10", min_confidence=0) if e.event == "REQUEST"]
    assert requests and [a.code for a in requests[0].recipient] == ["GBR"]
    assert "whose words name the office" in requests[0].recipient[0].reason


def test_we_in_a_quotation_of_several_sentences_is_the_speaker_named_where_it_opens_or_closes():
    for text in ('Kenyan Foreign Minister Chirau Mwakwere said: "The report is thorough and fair to all sides. '
                 'We will ask the regulator to act on it."',
                 '"The report is thorough and fair to all sides. We will ask the regulator to act on it. It is time," '
                 'Kenyan Foreign Minister Chirau Mwakwere said.'):
        requests = [e for e in tacitus.code_text(text, date="2005-01-10", min_confidence=0) if e.event == "REQUEST"]
        assert requests and [a.code for a in requests[0].actor] == ["KEN"], text
        assert "first person in a quote" in requests[0].actor[0].reason


def test_a_state_body_of_no_country_in_an_act_the_dateline_places_is_of_the_dateline_s_country():
    (event,) = tacitus.code_text("JERUSALEM (Reuters) - Police arrested two men on Monday.", date="2004-10-10", min_confidence=0)
    assert [a.code for a in event.actor] == ["ISR"] and "actor" in event.modality.inferred
    assert event.actor[0].reason.startswith("inferred:") and "dateline" in event.actor[0].reason
    (event,) = tacitus.code_text("Police arrested two men in Nairobi on Monday.", date="2004-10-10", min_confidence=0)
    assert [a.code for a in event.actor] == ["KEN"] and not event.actor[0].reason.startswith("inferred: a state body in an act")


def test_a_policy_called_wrong_is_criticism_with_no_target_named():
    text = "The Kenyan foreign minister said it was wrong to keep Uganda on the same list as Sudan."
    found = [e for e in _events(text) if e.event == "ACCUSE"]
    assert len(found) == 1 and [a.code for a in found[0].actor] == ["KEN"] and found[0].recipient == []


def test_calling_a_claim_wrong_rebuts_it():
    text = "The Kenyan interior minister said the Ugandan president was wrong to suggest that the border was closed."
    found = [e for e in _events(text) if e.event_text == "wrong"]
    assert len(found) == 1 and found[0].event == "REJECT" and [a.code for a in found[0].recipient] == ["UGA"]


def test_a_named_storm_is_no_actor_whatever_country_is_glued_to_it():
    text = "ST. JOHN #39;S, Antigua - Hurricane Lenny took aim yesterday at Dominica after battering the coast."
    assert not [e for e in tacitus.code_text(text, date="1999-11-18", min_confidence=0) if e.event == "ACCUSE"]
