"""Rules from session 19; every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

import tacitus

DATE = "2019-06-01"
KEEP_UNCODED = ("stages.confidence.keep_uncoded=true",)


def _by_trigger(text: str) -> dict[str, object]:
    return {e.event_text: e for e in tacitus.code_text(text, date=DATE, min_confidence=0, overrides=KEEP_UNCODED)}


def test_a_relative_clause_in_the_past_keeps_its_own_time_not_the_day_of_the_clause_above():
    events = _by_trigger("The former Israeli envoy, who helped negotiate the accord with Egypt that was signed in 2016, "
                         "criticised the Israeli government on Friday.")
    negotiated, criticised = events["negotiate"], events["criticised"]
    assert negotiated.modality.historical and negotiated.date == dt.date(2016, 1, 1)
    assert "at or before this time" in negotiated.date_reason
    assert criticised.date == dt.date(2019, 5, 31) and not criticised.modality.historical


def test_a_relative_clause_the_tagger_hangs_on_the_wrong_word_still_dates_what_was_negotiated():
    # the tagger makes "that was signed in 2015" a complement of "helped", after "with Iran"
    negotiated = _by_trigger("The American senator helped negotiate the nuclear deal with Iran that was signed in 2015.")["negotiate"]
    assert negotiated.modality.historical and negotiated.date == dt.date(2015, 1, 1)
    assert "'deal', which 'negotiate' made" in negotiated.date_reason


def test_a_when_clause_on_a_year_is_dated_by_that_year():
    expelled = _by_trigger("The British minister stayed in the cabinet until 2005, when the British government expelled "
                           "him.")["expelled"]
    assert expelled.date.year == 2005 and expelled.modality.historical


def _coded(text: str, date: str = "2004-11-02") -> list:
    return [(e.event, [a.code for a in e.actor], [a.code for a in e.recipient])
            for e in tacitus.code_text(text, date=date, min_confidence=0)]


def test_people_a_participle_says_were_acted_on_are_its_target_not_its_agent():
    # the noun undergoes the act; the agent of the participle is who did it
    assert _coded("Hundreds of Kurdish civilians killed by Iraqi troops were buried on Monday.") == [
        ("ASSAULT", ["IRQ"], ["IRQ"])]
    assert _coded("Protesters arrested by Egyptian police were released on Tuesday.") == [("COERCE", ["EGY"], ["EGY"])]


def test_measures_taken_by_a_government_still_stand_for_that_government():
    assert ("ACCUSE", ["USA"], ["CUB"]) in _coded("Measures taken by the Cuban government were criticised by the United States.")


def test_legislators_fighting_or_a_fight_over_an_issue_is_no_armed_clash():
    assert _coded("Ukrainian lawmakers fought over the reforms on Tuesday.") == []
    assert _coded("The Labour MPs battled over the budget for hours.") == []
    assert _coded("Labour MPs clashed with Tory MPs over the budget.") == [("ACCUSE", ["GBR"], ["GBR"])]


def test_troops_fighting_over_ground_is_still_fighting():
    assert _coded("Israeli troops fought over the ridge with Hezbollah fighters.") == [("ASSAULT", ["ISR"], ["LBN"])]


def test_a_weekday_with_a_time_of_day_dates_the_clause():
    on = _by_trigger("The Mexican governor announced his resignation on Wednesday night.")["resignation"]
    bare = _by_trigger("The Mexican president resigned Wednesday night.")["resigned"]
    for event in (on, bare):
        assert event.date == dt.date(2019, 5, 29) and event.date_text == "Wednesday"
    assert "'Wednesday night' is a time of the clause" in bare.date_reason


def test_a_time_of_day_in_the_reported_clause_beats_the_day_of_the_report():
    asked = _by_trigger("On Friday, the American president announced he had asked for the Mexican envoy's resignation "
                        "Thursday night.")["asked"]
    assert asked.date == dt.date(2019, 5, 30)


def test_a_dated_thing_talked_on_is_still_no_time_of_the_talks():
    # "on" before a dated noun that is no time of day is a topic, not a time
    talks = _by_trigger("Indian and Pakistani officials held talks on the 2004 budget on Friday.")
    assert talks and all(e.date == dt.date(2019, 5, 31) for e in talks.values())


def test_brussels_as_a_party_stands_for_the_eu_in_an_article_that_names_it():
    text = ("EU trade ministers met in Luxembourg on Monday. Britain clashed with Brussels over the rebate. "
            "Belgian police arrested five Dutch men in Brussels on Tuesday.")
    coded = _coded(text, "2005-02-14")
    assert ("ACCUSE", ["GBR"], ["EUR"]) in coded
    assert ("COERCE", ["BEL"], ["NLD"]) in coded  # where, not who


def test_brussels_is_belgium_where_the_article_names_no_eu():
    assert _coded("The Dutch prime minister criticised Brussels on Monday.", "2005-02-14") == [("ACCUSE", ["NLD"], ["BEL"])]


def test_troops_a_speaker_of_the_same_sector_tells_of_are_its_own():
    assert ("ASSAULT", ["ISR"], []) in [(t, s, [c for c in r if c]) for t, s, r in _coded(
        "Troops killed two gunmen near the border with Lebanon, the Israeli army said.")]


def test_a_speaker_of_another_sector_lends_no_country():
    # rebels are not the army's own
    attacked = _by_trigger("Rebels attacked the town on Monday, the Ugandan army said.")["attacked"]
    assert [a.code for a in attacked.actor] == [None]


def test_half_decoded_entities_are_read_as_their_characters_at_the_same_offsets():
    from tacitus.stages.parse import masked_body

    text = 'Iraq #39;s caretaker government called it  quot;utter rubbish quot; on radio, AT amp;T said.'
    read = masked_body(text)
    assert len(read) == len(text)
    assert read.startswith("Iraq's ") and '"utter rubbish"' in read and "AT &T" in read
    assert read.index("caretaker") == text.index("caretaker")  # every word keeps its offset


def test_a_possessive_written_as_an_entity_is_still_a_possessive():
    rejected = _coded("Iraq #39;s caretaker government rejected the demand on Monday.")
    assert rejected == [("REJECT", ["IRQ"], [])]
    actor = tacitus.code_text("Iraq #39;s caretaker government rejected the demand on Monday.", date="2004-11-02",
                              min_confidence=0)[0].actor[0]
    assert actor.text == "Iraq #39;s caretaker government" and actor.sector == "GOV"  # the article's own text


def test_a_relative_clause_under_a_historical_time_is_history_too():
    events = _by_trigger("In 1990 the Nigerian general, who had attacked the Nigerian parliament, was jailed by the "
                         "Nigerian government.")
    assert events["attacked"].modality.historical and events["attacked"].date.year == 1990


def test_encoded_markup_is_blanked_and_whole_entities_read_too():
    from tacitus.stages.parse import masked_body

    text = "Acme Corp. &lt;ACME.N&gt; said on Monday that AT&amp;T and Iraq&#39;s oil ministry signed."
    read = masked_body(text)
    assert len(read) == len(text) and "ACME.N" not in read and "AT&T" in read and "Iraq's" in read


def test_a_no_break_space_inside_a_name_is_a_space():
    assert _coded("The United\xa0States condemned the Iranian government on Monday.") == [("ACCUSE", ["USA"], ["IRN"])]


def test_numbers_that_stand_for_no_character_a_feed_meant_are_left_alone():
    from tacitus.stages.parse import masked_body

    for text in ("Resolution #12; passed.", "the #2004; draft"):
        assert masked_body(text) == text


def test_a_vehicle_that_crashed_is_no_attacker():
    assert _coded("Rescuers searched the remains of a Kenyan cargo plane that crashed in heavy rain, killing nine people.") == []
    assert ("ASSAULT", ["IDN"], ["IDN"]) in _coded("An Indonesian military plane bombed rebel positions in Aceh, killing 12 rebels.")


def test_a_result_told_as_points_is_sport():
    assert _coded("Against the odds, the Wildcats beat Ohio State 24 to 21 on Saturday.") == []
    assert _coded("Beaten by 12 points in a preseason outing in Denver, the Bulls played better a day later.") == []
    assert _coded("Between 20 to 30 Iraqi civilians were killed by US troops in Falluja on Monday.") == [
        ("ASSAULT", ["USA"], ["IRQ"])]


@pytest.mark.parametrize("text", [
    "The Welsh minister said she was standing by her remarks about the Scottish government.",
    "Two Spanish footballers signed four-year contracts with an English club on Friday.",
    "The Canadian prime minister defended his budget plans in parliament.",
])
def test_keeping_to_ones_own_words_or_signing_a_contract_is_no_support(text):
    assert [t for t, _, _ in _coded(text)] == []


def test_an_agreement_signed_with_another_state_is_still_one():
    assert ("SUPPORT", ["USA"], ["PER"]) in _coded("The American president signed a trade agreement with Peru on Tuesday.")


def test_a_warning_that_something_is_needed_is_advice_and_a_passive_to_come_is_a_threat():
    assert _coded("The Scottish health minister warned that more hospital funding was still required.") == []
    assert ("THREATEN", ["CHN"], ["CHN"]) in _coded("The Chinese government warned that protesters would be arrested.")
    assert ("THREATEN", ["USA"], ["IRN"]) in _coded("The American president warned Iran that it would face sanctions.")


def test_agreeing_that_something_is_so_is_a_view_and_agreeing_on_an_act_is_an_agreement():
    assert _coded("The American senator agrees with other critics that the press has lost its way.") == []
    assert _coded("The British minister said he accepted that the polls were against the government.") == []
    assert ("AGREE", ["ISR", "EGY"], []) in _coded("Israel and Egypt agreed that their troops would leave the border zone.")


def test_the_greens_are_no_misspelt_greeks_and_a_conditional_offer_is_no_concession():
    allowed = _by_trigger("The Scottish Greens would allow crofters to sell their land to the state at a fixed price.")["allow"]
    assert [a.code for a in allowed.actor] != ["GRC"]
    assert allowed.modality.hypothetical  # an offer in the narrative's conditional, not an announced act
    resign = _by_trigger("The Welsh minister said he would resign on Friday.")["resign"]
    assert not resign.modality.hypothetical and resign.event == "CONCEDE"
