"""The time stage (tacitus.time.v2, the default): which date expressions date which act, and the editor's carry
rule (issue 19). Every sentence here is written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

import tacitus
from tacitus.dates import find_date_expressions, resolve_date, without_clock_time
from tacitus.errors import ConfigError

DATE = "2021-03-05"  # a Friday
BASE = dt.date(2021, 3, 5)


# The dating cases are written without countries ("Police arrested two men on Tuesday"); the events they date are
# kept although no party has a code (stages.confidence.keep_uncoded: the default drops them).
UNCODED = "stages.confidence.keep_uncoded=true"


def _code(text: str, *overrides: str) -> list[tacitus.Event]:
    return tacitus.code_text(text, date=DATE, overrides=(UNCODED, *overrides))


def _one(events: list[tacitus.Event], word: str) -> tacitus.Event:
    hits = [e for e in events if word in e.event_text]
    assert len(hits) == 1, [(e.event_text, e.date, e.date_reason) for e in events]
    return hits[0]


# -- clock times and counts are no years ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["The curfew starts at 1800 GMT.", "Police moved in at 1900 near the square.",
                                  "The vote closes at 2000 local time.", "The curfew runs from 1800 to 0600.",
                                  "Shops shut from 1900 to 2100 GMT."])
def test_clock_times_are_no_years(text):
    assert [without_clock_time(text, e) for e in find_date_expressions(text) if e.kind in ("year", "range")] == [None]


@pytest.mark.parametrize("text", ["The fort was built in 1800.", "The treaty of 1648 ended the war.", "By 2030 the plan ends.",
                                  "Between 1939 and 1945 the city was occupied.", "He was born in 1955."])
def test_years_stay_years(text):
    assert all(without_clock_time(text, e) == e for e in find_date_expressions(text))


def test_a_clock_time_after_a_day_and_month_leaves_the_day_and_month():
    text = "Polls close on 26 February, 1600 GMT."
    [expr] = find_date_expressions(text)
    short = without_clock_time(text, expr)
    assert short is not None and short.text == "26 February" and short.kind == "day_month"
    assert resolve_date(short, BASE).date == dt.date(2021, 2, 26)


def test_an_event_at_a_clock_time_keeps_the_article_date():
    e = _one(_code("Police arrested the opposition leader at 1800 GMT in the capital."), "arrested")
    assert e.date == BASE and not e.modality.historical


def test_a_count_that_looks_like_a_year_dates_nothing():
    e = _one(_code("Police arrested 1800 protesters in the capital."), "arrested")
    assert e.date == BASE and not e.modality.historical
    assert "counts protesters" in e.date_reason


# -- comparisons date nothing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Police arrested the opposition leader in the largest crackdown since the nineteenth century.",
    "Police arrested the opposition leader, the first such arrest since 1976.",
    "The army shelled the rebel town, a siege not seen since the 1930s.",
    "Protesters attacked the parliament, in scenes like the 1968 riots.",
])
def test_comparisons_date_nothing(text):
    events = _code(text)
    assert events
    for e in events:
        assert e.date == BASE and not e.modality.historical, (e.event_text, e.date_reason)


def test_a_century_in_the_events_clause_still_dates_it():
    e = _one(_code("In the nineteenth century, Britain invaded Afghanistan."), "invaded")
    assert e.modality.historical and e.date_granularity == "century" and e.date.year == 1801


# -- dates inside noun phrases, relative clauses and complements --------------------------------------------------

def test_a_dated_noun_is_not_the_time_of_the_act_on_it():
    e = _one(_code("Ukraine charged Russia with breaking the 2015 ceasefire agreement."), "charged")
    assert e.date == BASE and not e.modality.historical


def test_a_dated_noun_phrase_as_time_adjunct_dates_the_clause():
    e = _one(_code("In a 1997 treaty, Britain pledged military aid to Jordan."), "pledged")
    assert e.modality.historical and e.date == dt.date(1997, 1, 1)


def test_making_an_accord_is_at_or_before_the_date_its_relative_clause_gives():
    e = _one(_code("The envoy helped negotiate the accord that was signed in 2016."), "negotiate")
    assert e.modality.historical and e.date.year == 2016
    assert "at or before" in e.date_reason and "relative clause" in e.date_reason


def test_making_a_dated_deal_is_at_or_before_its_date():
    e = _one(_code("The envoy helped negotiate the 2015 nuclear deal with Iran."), "negotiate")
    assert e.modality.historical and e.date.year == 2015 and "at or before" in e.date_reason


def test_a_relative_clause_keeps_its_date_to_itself():
    events = _code("The president pardoned the former mayor, who was convicted of fraud in 1990, on Tuesday.")
    pardon = _one(events, "pardoned")
    assert pardon.date == dt.date(2021, 3, 2) and not pardon.modality.historical


# -- the editor's carry rule ------------------------------------------------------------------------------------

BACKGROUND = "In 1990, the rebels seized the capital."


def test_past_perfect_continues_the_background_and_names_its_sentence():
    e = _one(_code(f"{BACKGROUND} They had executed two ministers."), "executed")
    assert e.modality.historical and e.date == dt.date(1990, 1, 1) and e.date_text == "1990"
    assert "carried from sentence 0" in e.date_reason and "past perfect" in e.date_reason
    assert e.reasons["date_sentence"] == "0" and e.reasons["date"] == e.date_reason


def test_then_continues_the_background():
    e = _one(_code(f"{BACKGROUND} Then the rebels expelled the UN envoy."), "expelled")
    assert e.modality.historical and "'then'" in e.date_reason.lower()


def test_the_same_subject_in_the_simple_past_continues_the_background():
    e = _one(_code(f"{BACKGROUND} They executed the former governor."), "executed")
    assert e.modality.historical and "same subject" in e.date_reason


def test_a_year_later_moves_the_background_on():
    e = _one(_code(f"{BACKGROUND} A year later, the army expelled the French ambassador."), "expelled")
    assert e.date == dt.date(1991, 1, 1) and e.modality.historical and "carried from sentence 0" in e.date_reason


def test_another_subject_in_the_simple_past_keeps_the_article_time():
    e = _one(_code(f"{BACKGROUND} The army arrested the rebel leader."), "arrested")
    assert e.date == BASE and not e.modality.historical


def test_a_news_time_marker_keeps_the_article_time():
    e = _one(_code(f"{BACKGROUND} This week the rebels attacked the army again."), "attacked")
    assert not e.modality.historical and e.date >= BASE - dt.timedelta(days=7)


def test_a_statement_keeps_the_article_time():
    e = _one(_code(f"{BACKGROUND} The rebels condemned the government."), "condemned")
    assert e.date == BASE and not e.modality.historical


def test_the_background_ends_at_a_sentence_in_news_time():
    events = _code(f"{BACKGROUND} The rebels attacked the army on Tuesday. They had executed the governor.")
    assert _one(events, "executed").date == BASE


def test_the_background_ends_at_a_paragraph_break():
    e = _one(_code(f"{BACKGROUND}\n\nThey had executed the governor."), "executed")
    assert e.date == BASE and not e.modality.historical


def test_the_lead_sentence_keeps_the_article_time():
    events = _code("Rebels attacked the army base. In 1990, the rebels seized the capital.")
    assert _one(events, "attacked").date == BASE


def test_a_pardon_reported_now_is_not_dated_to_the_conviction():
    text = ("The governor pardoned a former rebel commander. The commander was convicted of treason in 1990. "
            "The governor praised the commander.")
    for e in _code(text):
        if "convicted" not in e.event_text:
            assert e.date == BASE and not e.modality.historical, (e.event_text, e.date_reason)


def test_a_century_sets_no_background():
    events = _code("In the nineteenth century, Britain invaded Afghanistan. Police had arrested the protesters.")
    assert _one(events, "arrested").date == BASE


def test_carry_none_never_carries():
    e = _one(_code(f"{BACKGROUND} They had executed two ministers.", "stages.time.carry=none"), "executed")
    assert e.date == BASE and not e.modality.historical


def test_carry_takes_editor_or_none():
    with pytest.raises(ConfigError, match=r"\[T311\] stages.time.carry"):
        _code("Rebels attacked the army base.", "stages.time.carry=always")


def test_v1_still_carries_to_any_later_past_clause():
    """tacitus.time.v1 keeps its published behaviour: the paragraph's last past time dates every later past clause."""
    e = _one(_code(f"{BACKGROUND} The army arrested the rebel leader.", "stages.time.factory=tacitus.time.v1"), "arrested")
    assert e.modality.historical and "carried from an earlier sentence" in e.date_reason


# -- times of other clauses of the sentence ---------------------------------------------------------------------

def test_a_coordinated_clause_shares_its_time():
    e = _one(_code("Police arrested the opposition leader and charged him with treason on Monday."), "arrested")
    assert e.date == dt.date(2021, 3, 1) and "coordinated clause" in e.date_reason


def test_a_when_clause_dates_its_main_clause():
    e = _one(_code("When the army entered the capital in 1991, the rebels attacked the parliament."), "attacked")
    assert e.modality.historical and e.date == dt.date(1991, 1, 1)


def test_a_participle_clause_before_the_main_clause_dates_it():
    e = _one(_code("Speaking on Wednesday, the minister condemned the attack on the embassy."), "condemned")
    assert e.date == dt.date(2021, 3, 3)


def test_that_year_continues_the_background():
    e = _one(_code(f"{BACKGROUND} The same year, the rebels expelled the UN envoy."), "expelled")
    assert e.date == dt.date(1990, 1, 1) and e.modality.historical


def test_past_perfect_under_a_verb_of_saying_is_news_time():
    e = _one(_code(f"{BACKGROUND} The police said they had arrested the rebel leader."), "arrested")
    assert e.date == BASE and not e.modality.historical


def test_a_news_time_marker_blocks_even_the_past_perfect():
    e = _one(_code(f"{BACKGROUND} On Tuesday the rebels had attacked the army base."), "attacked")
    assert not e.modality.historical


def test_a_present_act_is_not_dated_to_the_past_its_clause_names():
    e = _one(_code("The rebels have since been charged with treason by the government in 2000."), "charged")
    assert e.date == BASE and not e.modality.historical and "tells of the present" in e.date_reason


def test_a_time_inside_the_subjects_description_is_not_the_acts():
    e = _one(_code("Okafor, third in Lagos four years ago, beat the defending senator."), "beat")
    assert e.date == BASE


def test_a_time_of_a_noun_after_which_the_act_came_dates_nothing():
    e = _one(_code("The singer has been fined by the court after a fight in a hotel two years ago."), "fined")
    assert e.date == BASE and not e.modality.historical


def test_unlike_in_is_a_comparison():
    e = _one(_code("The opposition welcomed the quick count, unlike in 2000."), "welcomed")
    assert e.date == BASE and "compares" in e.date_reason


def test_a_present_clause_on_a_dated_noun_is_not_dated_by_it():
    e = _one(_code("Russia agreed to the 1951 convention, which obliges states to protect refugees."), "agreed")
    assert not e.modality.historical


def test_later_leaves_the_governing_clauses_time():
    e = _one(_code("In 2001 the rebels seized the capital, but they later attacked the embassy."), "attacked")
    assert e.date == BASE and not e.modality.historical


def test_a_time_set_off_after_a_participle_clause_is_the_main_clauses():
    e = _one(_code("The mayor was convicted of fraud, stemming from his years in office, in 2011."), "convicted")
    assert e.modality.historical and e.date == dt.date(2011, 1, 1) and "event's clause" in e.date_reason


def test_a_participle_after_a_dated_clause_goes_on_from_it():
    text = "Following the vote, the premier appointed her finance minister, which she served as until 2016, resigning in protest over the budget."
    e = _one(_code(text), "resigning")
    assert e.modality.historical and e.date == dt.date(2016, 1, 1) and "participle clause" in e.date_reason


def test_a_participle_after_a_clause_in_news_time_keeps_it():
    e = _one(_code("Police arrested twelve men on Monday, charging three of them with arson."), "arrested")
    assert e.date == dt.date(2021, 3, 1) and not e.modality.historical


def test_a_clause_coordinated_with_a_governing_clause_shares_its_time():
    e = _one(_code("The former minister founded the party to oppose the junta, but was arrested in 1971."), "oppose")
    assert e.modality.historical and e.date == dt.date(1971, 1, 1) and "coordinated clause" in e.date_reason


def test_an_attempt_shares_the_time_of_what_was_attempted():
    e = _one(_code("The last government attempted to cut fuel subsidies in 2003, yet had to back down."), "back down")
    assert e.modality.historical and e.date == dt.date(2003, 1, 1) and "complement of 'attempted'" in e.date_reason


def test_an_attempt_then_later_keeps_the_article_time():
    e = _one(_code("The government attempted to cut fuel subsidies in 2003 but later backed down after protests."), "backed down")
    assert e.date == BASE and not e.modality.historical


@pytest.mark.parametrize(("text", "word", "year"), [
    ("The rebels seized the town in 1998 and the following year attacked the capital.", "attacked", 1999),
    ("The rebels seized the town in 1998 and that year attacked the capital.", "attacked", 1998),
    ("The troops left the country in 2011, then at the government's request came back three years later.", "request", 2014),
])
def test_a_time_named_from_an_earlier_one_in_the_sentence(text, word, year):
    e = _one(_code(text), word)
    assert e.modality.historical and e.date == dt.date(year, 1, 1) and "earlier in the sentence" in e.date_reason
    assert "date_sentence" not in e.reasons  # not carried from another sentence


def test_a_habit_does_not_continue_the_background():
    # a habit is no event at a time at all (and so takes no date from the background)
    assert not [e for e in _code("The Kenyan senator joined the committee in 1950. He frequently met the foreign minister.")
                if e.event_text == "met"]
    e = _one(_code("The Kenyan senator joined the committee in 1950. He met the foreign minister."), "met")
    assert e.date == dt.date(1950, 1, 1) and e.reasons["date_sentence"] == "0"


@pytest.mark.parametrize("text", [
    "Police arrested forty deserters, the most the army has seen since the nineteenth century.",
    "Police arrested the activist at 1800 GMT, the first such case since the 1950s.",
])
def test_centuries_and_clock_times_date_no_act(text):
    e = _one(_code(text), "arrested")
    assert e.date.year == 2021 and not e.modality.historical


def test_a_year_long_period_counts_from_its_middle_for_the_historical_flag():
    import tacitus

    late = tacitus.code_text("The Peruvian president resigned in 2018 after a vote in the Peruvian congress.", date="2019-07-24")
    early = tacitus.code_text("The Peruvian president resigned in 2018 after a vote in the Peruvian congress.", date="2019-01-20")
    assert any(e.modality.historical for e in late) and not any(e.modality.historical for e in early)


def test_the_day_of_the_news_dates_the_past_clauses_that_go_on_telling_it():
    text = ("On Tuesday a gunman opened fire on a bus in Lagos, killing six. The attacker was arrested by police. "
            "Police said Boko Haram had attacked an army base. The governor condemned the attack the same day.")
    events = {e.event_text: e for e in _code(text)}
    tuesday = dt.date(2021, 3, 2)
    arrested = events["arrested"]
    assert arrested.date == tuesday and "the day of the news" in arrested.date_reason
    assert arrested.reasons["date_sentence"] == "0"
    assert events["condemned"].date == tuesday
    assert events["attacked"].date != tuesday, "a past perfect is before the news day, not on it"


def test_the_news_day_does_not_cross_a_paragraph_or_reach_a_present_clause():
    text = ("On Tuesday a gunman opened fire on a bus in Lagos.\n\nThe attacker was arrested by police. "
            "The governor condemns the attack.")
    events = {e.event_text: e for e in _code(text)}
    assert events["arrested"].date == dt.date(2021, 3, 5)
    assert events["condemns"].date == dt.date(2021, 3, 5)


def test_a_day_and_month_without_a_year_takes_the_year_of_the_narrative():
    text = ("Troops surrounded the palace on 14 November 2017. The general detained the president on 16 November. "
            "Lawyers have until 20 March to appeal.")
    events = _code(text)
    detained = _one(events, "detained")
    assert detained.date == dt.date(2017, 11, 16) and detained.modality.historical
    assert "the year 2017 of the narrative" in detained.date_reason
    assert all(e.date.year != 2017 for e in events if "appeal" in e.event_text), "a present clause is not in the narrative"


def test_a_day_of_the_news_ends_the_narrative_year():
    text = ("Troops surrounded the palace on 14 November 2017. On Tuesday the new president pardoned him. "
            "Rebels attacked a base on 2 March.")
    events = _code(text)
    assert _one(events, "attacked").date == dt.date(2021, 3, 2)


def test_a_dated_scene_sets_the_background_and_a_leading_participle_follows_its_clause():
    text = ("The president ruled for decades.\n\nAt the elections in 2008, the opposition won a majority, and Mugabe "
            "claimed victory. Refusing to step aside, Mugabe agreed to a power-sharing deal with Tsvangirai.")
    events = tacitus.code_text(text, date="2019-09-09")
    for word in ("Refusing", "agreed"):
        e = _one(events, word)
        assert e.modality.historical and e.date.year == 2008 and "carried from sentence 1" in e.date_reason


def test_in_the_story_of_a_life_that_has_ended_the_past_tense_carries_the_life_s_years():
    text = ("The former Zambian president Joseph Banda died aged 91, his family said on Tuesday.\n\n"
            "Banda founded the United Front in 1962 and was jailed by the colonial authorities in 1963. "
            "After independence Western governments praised his courage.")
    events = tacitus.code_text(text, date="2019-09-10", overrides=(UNCODED,))
    praised = [e for e in events if e.event_text.startswith("praised")]
    assert praised and praised[0].modality.historical and praised[0].date.year == 1963
    assert "the life of an article about a death" in praised[0].date_reason
