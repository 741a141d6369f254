"""Real-news precision: trigger senses that are no event, phrasal particles, natural forces and animals, companies,
futures that state nobody's intent, and the wire dateline that names no actor. Sentences written for these tests."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.errors import DictionaryError
from tacitus.stages.events.senses import load_senses
from tacitus.stages.parse import masked_body

DATE = "2005-01-01"


def _events(text: str) -> list[tacitus.Event]:
    return tacitus.code_text(text, date=DATE)


def _types(text: str) -> list[str]:
    return [e.event for e in _events(text)]


def _asserted(text: str) -> list[str]:
    return [e.event for e in _events(text) if not (e.modality.hypothetical or e.modality.negated or e.modality.hedged)]


@pytest.mark.parametrize(("text", "absent"), [
    ("The former Serbian army general pleaded not guilty to the charges at the tribunal.", "REQUEST"),
    ("Armed with machetes, Sudanese militiamen raided the village.", "AID"),
    ("The Chinese oil company is in merger talks with a Russian rival.", "CONSULT"),
    ("The French minister refused to answer questions from Reuters about the deal.", "REJECT"),
    ("Serbia's top tennis player captured her first title in Canberra.", "COERCE"),
    ("The Iraqi minister said the images demonstrated Iran's intention to build weapons.", "PROTEST"),
    ("Kenyan firefighters battled the blaze for three days.", "ASSAULT"),
])
def test_a_sense_that_is_no_event(text, absent):
    assert absent not in _types(text)


@pytest.mark.parametrize(("text", "present"), [
    ("Iran armed the Houthi rebels in Yemen last year.", "AID"),
    ("Thousands of students demonstrated against the Iraqi government.", "PROTEST"),
    ("North Korea held talks with South Korea on Monday.", "CONSULT"),
    ("Russia refused to withdraw its troops from Moldova.", "REJECT"),
])
def test_the_same_words_in_their_political_sense_still_code(text, present):
    assert present in _types(text)


def test_the_senses_file_loads_and_a_bad_row_names_file_and_line(tmp_path):
    rows = load_senses()
    assert any(s.trigger == "plead" for s in rows["plead"])
    bad = tmp_path / "senses.tsv"
    bad.write_text("trigger\tpos\trelation\twords\tnote\nplead\tX\tacomp\tguilty\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        load_senses(str(bad))
    assert caught.value.line == 2 and "pos" in str(caught.value)


def test_a_particle_after_a_gap_belongs_to_the_verb():
    assert "CONCEDE" in _types("The rebels finally gave in to the Ugandan government's demands.")
    text = "A report by Israel's foreign ministry paints a gloomy picture, giving warning that in the coming decade Israel could suffer."
    assert "CONCEDE" not in _types(text)


@pytest.mark.parametrize("text", [
    "Tropical Storm Jeanne killed at least 250 people in northern Haiti, the United Nations said.",
    "A brown bear killed one hiker in the forests of Romania.",
    "A shark attacked an Australian swimmer off Sydney.",
])
def test_natural_forces_and_animals_are_no_actor(text):
    assert _types(text) == []


def test_a_country_word_inside_a_company_name_is_not_the_state():
    assert _types("The parents are suing US supermarket giant Wal-Mart over a CD.") == []


@pytest.mark.parametrize("text", [
    "Tony Blair said Mr Jackson would be warmly welcomed by Labour MPs.",
    "The protests began over a proposed law that would have allowed the Chinese government to extradite suspects.",
])
def test_a_future_that_states_nobodys_intent_is_no_agreement(text):
    assert "AGREE" not in _asserted(text)


def test_a_stated_future_act_is_still_intent():
    assert "AGREE" in _asserted("Russia will allow the Dalai Lama to visit a Buddhist region, the Russian foreign ministry said.")


@pytest.mark.parametrize(("text", "blanked"), [
    ("GAZA (Reuters) - Israeli soldiers shot two men.", "GAZA (Reuters) - "),
    ("KABUL, Afghanistan, Dec 9 (AFP) -- A bomb exploded.", "KABUL, Afghanistan, Dec 9 (AFP) -- "),
    ("NEW DELHI, Nov 26: India test fired a missile.", "NEW DELHI, Nov 26: "),
    ("AFP - A cleric was arrested.", "AFP - "),
    ("Friday, January 4, 2019\n\nA building collapsed.", "Friday, January 4, 2019\n"),
])
def test_the_dateline_is_blanked_with_offsets_kept(text, blanked):
    masked = masked_body(text)
    assert len(masked) == len(text)
    assert masked[:len(blanked)].strip() == "" and masked[len(blanked):] == text[len(blanked):]


@pytest.mark.parametrize("text", [
    "David Blunkett - the former home secretary - spoke on Monday.",
    "The fate of the oil unit - and its staff - is unclear.",
    "Mr Wallace said: we will act.",
])
def test_a_sentence_with_a_dash_is_no_dateline(text):
    assert masked_body(text) == text


def test_the_dateline_city_is_not_the_actor():
    events = _events("GAZA (Reuters) - Israeli soldiers shot dead five Palestinians in north Gaza on Tuesday.")
    shot = next(e for e in events if e.event == "ASSAULT")
    assert [a.code for a in shot.actor] == ["ISR"]
    assert "GAZA" not in " ".join(a.text for a in shot.actor)


def test_a_wire_credit_is_not_a_party():
    events = _events("AFP - Pakistani police arrested a radical cleric in Lahore on Monday.")
    assert all(a.code != "FRA" for e in events for a in e.actor + e.recipient)
    arrest = next(e for e in events if e.event == "COERCE")
    assert [a.code for a in arrest.actor] == ["PAK"]


def test_an_opinion_in_a_direct_quotation_is_no_event():
    text = ('The Texas senator said: "For too long the members of the US Congress have ignored the will of the '
            'American people and abused their power."')
    assert _types(text) == []


def test_quoted_words_in_the_reporters_sentence_still_code():
    assert "ACCUSE" in _types('North Korea "condemns and rejects" the United States over its policy on Cuba.')


def test_a_first_person_speech_act_in_a_quotation_still_codes():
    text = '"We condemn the attack on the Iraqi embassy in the strongest terms," the Jordanian foreign minister said.'
    assert "ACCUSE" in _types(text)


def test_a_forecast_in_a_quotation_is_kept_as_hypothetical():
    events = _events('"We are convinced that the Cuban army will attack any American force that lands on the island," the statement said.')
    assert events and all(e.modality.hypothetical for e in events if e.event == "ASSAULT")


@pytest.mark.parametrize(("text", "event"), [
    ("The US House of Representatives impeached the American president on Wednesday.", "ACCUSE"),
    ("The Yemeni government attributed the bombing to Houthi rebels.", "ACCUSE"),
    ("Russian police have opened a criminal case against the Ukrainian driver.", "ACCUSE"),
])
def test_accusations_the_lexicon_now_knows(text, event):
    assert event in _types(text)


def test_a_warning_against_a_plan_is_criticism_and_a_warning_of_action_a_threat():
    assert _types("Labour MP Karen Buck warned against the proposed changes in benefits.") == ["ACCUSE"]
    assert "THREATEN" in _types("Iran warned Israel of a crushing response.")
    assert "THREATEN" in _types("The European Union warned it would counter any US challenge.")


@pytest.mark.parametrize("text", [
    "The US transport safety board began an investigation into the crash of the plane.",
    "French police are investigating the cause of the fire at the factory.",
    "Diplomats visited the site of a huge explosion in North Korea last week.",
])
def test_an_accident_and_its_inquiry_are_no_event(text):
    assert "ACCUSE" not in _types(text) and "ASSAULT" not in _types(text)


def test_an_inquiry_into_an_attack_is_still_an_investigation():
    assert "ACCUSE" in _types("Pakistani police are investigating the bombing of the Indian embassy.")


def test_talking_about_a_topic_is_no_consultation():
    assert "CONSULT" not in _types("The British prime minister talked about the Labour manifesto on Monday.")
    assert "CONSULT" in _types("The British prime minister talked with the US president about Iraq.")


def test_is_to_act_is_a_plan():
    events = _events("The Israeli prime minister is to meet a group of Palestinian leaders on Sunday.")
    assert events and all(e.modality.hypothetical for e in events if e.event == "CONSULT")


@pytest.mark.parametrize("text", [
    "Judges Simon Cowell and Sharon Osbourne criticised the Israeli government.",
    "The British referee said Mark Blair criticised the French government.",
])
def test_a_known_surname_inside_another_persons_name_is_not_that_person(text):
    events = _events(text)
    names = {a.text: a.code for e in events for a in e.actor}
    assert all(code not in ("ISR", "GBR") for name, code in names.items() if "Osbourne" in name or "Mark" in name)


def test_a_title_before_the_surname_still_names_the_person():
    events = _events("Prime Minister Blair met President Bush in Washington.")
    assert [a.code for a in events[0].actor] == ["GBR"]
