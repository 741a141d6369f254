"""An event needs a political actor; sport reports and attacks in words are read in their sense."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.model import Actor
from tacitus.stages.events.stage import political

DATE = "2005-01-01"
# Rules and roles are tested on sentences written without countries; their events are kept although no party has a
# code (the default, stages.confidence.keep_uncoded = false, drops them).
UNCODED = "stages.confidence.keep_uncoded=true"


def _types(text: str) -> list[str]:
    return [e.event for e in tacitus.code_text(text, date=DATE, overrides=(UNCODED,))]


@pytest.mark.parametrize(("actor", "expected"), [
    (Actor("Canada", 0, 6, "CAN", "CAN", None, "Canada", "country entry 'Canada' (countries.tsv:39)"), True),
    (Actor("Spanish eighth seed Fernando Verdasco", 0, 10, "ESP", "ESP", None, None, "adjective entry 'Spain'"), False),
    (Actor("Palestinians", 0, 12, "PSE", "PSE", None, None, "adjective entry 'Palestine'"), True),
    (Actor("4 Iraqis", 0, 8, "IRQ", "IRQ", None, None, "adjective entry 'Iraq'"), True),
    (Actor("one person in the forests of Romania", 0, 30, "ROU", "ROU", None, None, "country entry 'Romania'"), False),
    (Actor("rebels", 0, 6, None, None, "REB", None, "sector noun 'rebel'"), True),
    (Actor("100 people", 0, 10, None, None, "CVL", None, "sector noun 'people'"), False),
    (Actor("Wal-Mart", 0, 8, "USA", "USA", "BUS", None, "inferred"), False),
])
def test_what_counts_as_a_political_actor(actor, expected):
    assert political(actor) is expected


def test_natural_forces_and_animals_make_no_event():
    assert _types("A brown bear killed one hiker in the forests of Romania.") == []
    assert _types("A strong earthquake killed eight people in eastern Turkey.") == []


def test_athletes_in_their_sport_make_no_event():
    assert _types("Agassi beat the Spanish seed Tomas Ruiz 7-6, 6-3 in Stockholm.") == []
    assert _types("Liverpool's late attacks failed as the striker missed the penalty.") == []


def test_a_state_body_in_a_sport_report_still_makes_one():
    assert "ACCUSE" in _types("The British government criticised the football association over the match.")


def test_an_attack_over_an_issue_is_criticism():
    assert _types("The opposition leader attacked the government over the war.") == ["ACCUSE"]
    assert _types("Rebels attacked an army base near Goma.") == ["ASSAULT"]


def test_named_keeps_what_political_drops():
    text = "A stranger killed one hiker in the forests of Romania."
    named = tacitus.code_text(text, date=DATE, overrides=('stages.events.require_actor="named"',))
    assert [e.event for e in named] == ["ASSAULT"]


def test_an_award_report_is_read_as_a_contest():
    assert _types("The British comedy beat its American rival to the best comedy award at the ceremony.") == []
    assert "ACCUSE" in _types("The Chinese culture ministry criticised the film after it won the award.")


def test_a_target_inferred_from_a_companys_country_makes_no_event():
    # the US would be inferred as the target of a domestic act; it is no evidence of politics
    assert tacitus.code_text("Microsoft will allow its customers to read the source code of its software.", date="2005-01-01") == []


def test_a_named_body_given_the_actors_country_still_counts():
    events = tacitus.code_text("Croatian Serbs demanded guarantees from the government.", date="1995-04-01")
    assert [a.code for a in events[0].recipient] == ["HRV"]


def test_a_thing_named_after_a_capital_is_no_government():
    assert tacitus.code_text("The Lima International Jazz Festival is donating its takings to the flood relief fund.",
                             date="2005-01-01") == []
    (event,) = tacitus.code_text("The Kabul Government accused Pakistan of sheltering militants.", date="2005-01-01")
    assert [a.code for a in event.actor] == ["AFG"]


def test_a_noun_event_no_party_of_which_is_named_is_background():
    events = tacitus.code_text("The fighting near Falluja went on for a week.", date="2005-01-01")
    assert [e.event for e in events if e.event_text == "fighting"] == []


def test_an_attack_by_a_weapon_is_violence_with_no_attacker_named():
    (event,) = tacitus.code_text("A car bomb blast killed six people in Baghdad.", date="2005-01-01")
    assert event.event == "ASSAULT" and [a.code for a in event.recipient] == ["IRQ"]
    assert tacitus.code_text("A gas blast killed six people in Baghdad.", date="2005-01-01") == []


def test_a_person_from_a_place_is_no_state():
    assert tacitus.code_text("Jane Doyle, from Perth, Australia, admitted on Monday that she stole the paintings.",
                             date="2019-02-01") == []


@pytest.mark.parametrize("text", [
    "Wales captain Gareth Price has been ruled out of next week's Six Nations clash with Italy.",
    "The Premier League is continuing investigations into allegations that Chelsea officials approached the player.",
    "When Federer fires a backhand cross court shot long, Hewitt clenches his fist.",
    "The Kenyan runner beat Ethiopia's champion by ten metres.",
])
def test_more_sport_reads_as_sport(text):
    assert tacitus.code_text(text, date="2005-01-01") == []


def test_people_of_a_place_who_act_are_no_state():
    assert tacitus.code_text("Hollywood actors Tom Reyes and Ana Lind have signed up for a new comedy series.",
                             date="2005-01-01") == []
    events = tacitus.code_text("Basra residents protested against the British troops.", date="2005-01-01")
    assert [e.event for e in events] == ["PROTEST"]


def test_tributes_in_an_article_about_a_death_are_no_event():
    text = ("The former Welsh minister Lord Evans has died aged 88. "
            "Paying tribute, the British prime minister praised him as a tireless reformer.")
    assert [e for e in tacitus.code_text(text, date="2005-01-01") if e.event == "SUPPORT"] == []
    # praise in an article about something else is still support
    text = "The British prime minister praised the Irish government for its work on the peace process."
    assert [e.event for e in tacitus.code_text(text, date="2005-01-01")] == ["SUPPORT"]


def test_a_company_fighting_authorities_makes_no_attack():
    text = "A Russian oil company has been battling the Russian tax authorities for two years."
    assert "ASSAULT" not in [e.event for e in tacitus.code_text(text, date=DATE)]


def test_the_level_of_support_in_a_poll_is_no_act_of_support():
    text = "A poll found that support for the British government remained largely unchanged."
    assert "SUPPORT" not in [e.event for e in tacitus.code_text(text, date=DATE)]
    assert "SUPPORT" in [e.event for e in tacitus.code_text("Britain voiced support for the Iraqi government.", date=DATE)]


def test_a_quotation_left_open_does_not_swallow_the_reporters_next_sentence():
    from tacitus.stages.events.scene import quoted_spans

    text = ('Mr Lee said: "In 2004 the plan failed and it never came back. "We hope they act now." '
            'He urged Welsh politicians to back the bill. He added: "It is overdue."')
    spans = [text[a:b + 1] for a, b in quoted_spans(text)]
    assert not any("urged" in s for s in spans)
    assert spans[-1] == '"It is overdue."' and '"We hope they act now."' in spans


def test_a_suicide_bombing_that_killed_people_is_an_attack_with_no_attacker_named():
    # the place sits on the second of two coordinated verbs, and still says whose people the first one killed
    text = "A suicide bombing killed four people and wounded twenty more at a busy bus station in Haifa."
    (event,) = [e for e in tacitus.code_text(text, date="2005-01-01") if e.event_text == "killed"]
    assert event.event == "ASSAULT" and event.actor[0].code is None and [a.code for a in event.recipient] == ["ISR"]


def test_an_explosion_given_a_country_by_its_modifier_is_still_an_accident():
    assert tacitus.code_text("The explosion at the Iraqi oil refinery killed four workers.", date="2005-01-01") == []
    assert tacitus.code_text("A huge blast in Baghdad killed nine Iraqi soldiers.", date="2005-01-01") == []


def test_a_habit_is_no_event_at_a_time():
    assert tacitus.code_text("The Bolivian opposition has always called for an early election.", date="2005-01-01") == []
    assert tacitus.code_text("Bolivian police frequently detain striking miners.", date="2005-01-01") == []
    events = tacitus.code_text("Bolivian police detained striking miners on Monday.", date="2005-01-01")
    assert [e.event for e in events] == ["COERCE"]


def test_people_killed_with_no_one_named_and_no_accident_are_victims_of_violence():
    (event,) = tacitus.code_text("At least forty people were killed across Somalia on Friday.", date="2005-01-01")
    assert event.event == "ASSAULT" and event.actor == [] and [a.code for a in event.recipient] == ["SOM"]
    assert tacitus.code_text("Twelve people were killed when a bus overturned in Peru.", date="2005-01-01") == []
    text = "A powerful earthquake struck eastern Turkey on Monday. Three people were killed in Van."
    assert tacitus.code_text(text, date="2005-01-01") == []


def test_in_a_show_business_report_only_an_organised_political_actor_makes_an_event():
    text = "Hollywood actor Sam Reed has thrown his support behind an American film charity. The comedian praised the singer's new album."
    assert tacitus.code_text(text, date="2005-01-01") == []
    text = ("The Canadian singer, whose new album tops the charts, was arrested by Canadian police after a concert. "
            "The film star and the comedian were in Toronto.")
    assert "COERCE" in [e.event for e in tacitus.code_text(text, date="2005-01-01")]


def test_a_person_given_only_the_sentences_country_is_no_political_actor():
    # a private lawsuit: the plaintiff has no country of his own, only the court's
    assert tacitus.code_text("Thomas Marlow filed the suit in a US district court and is seeking damages.", date="2005-01-01") == []


def test_companies_acting_make_no_event_toward_whomever():
    text = "Toyota and four rival carmakers have sued to stop California's clean-air rule."
    assert tacitus.code_text(text, date="2005-01-01") == []
    assert tacitus.code_text("Microsoft sued the US government over the ruling.", date="2005-01-01") == []
    assert tacitus.code_text("A German steel company has sued the United States over the tariffs.", date="2005-01-01") == []
    (event,) = tacitus.code_text("America's Securities and Exchange Commission charged Microsoft with fraud.", date="2005-01-01")
    assert event.event == "ACCUSE" and [a.code for a in event.actor] == ["USA"]


def test_a_refusal_supposed_in_a_condition_stays_hypothetical():
    (event,) = tacitus.code_text("If the Dutch prime minister will not allow a referendum, the party will leave.", date="2005-01-01")[:1]
    assert event.event == "REJECT" and event.modality.hypothetical
    (event,) = tacitus.code_text("The Dutch prime minister will not allow a referendum.", date="2005-01-01")
    assert event.event == "REJECT" and not event.modality.hypothetical


def test_a_disaster_is_no_attacker():
    assert tacitus.code_text("Natural disasters have struck Haiti three times this year.", date="2005-01-01") == []
