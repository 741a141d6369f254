"""Rules from session 20; every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt
import functools

import tacitus
from coded import events, one

DATE = "2019-08-01"  # a Thursday
_events = functools.partial(events, date=DATE)
_one = functools.partial(one, date=DATE)


def test_a_weekday_in_a_clause_still_to_come_is_the_next_one_not_the_last():
    # "would" reported by a statement verb is a future seen from the past
    assert _one("The Bolivian senate said on Thursday that it would meet Chilean envoys on Monday.", "meet").date == dt.date(2019, 8, 5)
    # "is to", "is due to": a plan for the coming days
    assert _one("The Chilean minister is to visit China on Tuesday.", "visit").date == dt.date(2019, 8, 6)
    assert _one("The Chilean minister is due to visit China on Tuesday.", "visit").date == dt.date(2019, 8, 6)
    assert "next Tuesday" in _one("The Chilean minister is due to visit China on Tuesday.", "visit").date_reason


def test_a_plan_told_in_the_past_or_an_act_done_keeps_the_last_weekday():
    # "were to meet" may be a plan that has passed; an act in the past tense is the latest such day
    assert _one("The Bolivian ministers were to meet on Monday but the talks collapsed.", "meet").date == dt.date(2019, 7, 29)
    assert _one("Bolivian police raided the opposition office on Monday.", "raided").date == dt.date(2019, 7, 29)


def test_a_conditional_would_is_no_future_of_a_report():
    # "would" heading its own sentence, not reported by anyone, dates nothing forward
    resigned = _events("The Peruvian minister would resign if the opposition won on Tuesday.")
    assert resigned and all(e.date <= dt.date(2019, 8, 1) for e in resigned)


def test_a_body_with_no_country_is_not_given_its_target_s_country_when_another_country_speaks():
    # the army China tells of is not Taiwan's own
    attack = _one("China said the army had attacked Taiwan on Monday.", "attacked")
    assert [a.code for a in attack.recipient] == ["TWN"]
    assert [a.code for a in attack.actor] != ["TWN"]
    # with no other country named, protests and repression in one country stay domestic
    protest = _one("Students in Jakarta protested against the Indonesian government.", "protested")
    assert [a.code for a in protest.actor] == ["IDN"]


def test_a_quotation_reopened_before_it_was_closed_costs_no_sentence():
    # the first quotation never closes: a new one opens after it, so it ends on the space before the new mark
    text = ('Peter Hain, the Welsh secretary, said: "We have asked Britain to help the town. "We condemn the Irish minister '
            'for his visit. "It shocks me that the party does not want to come here."')
    assert {e.event_text for e in _events(text)} >= {"asked Britain to help", "condemn"}


def test_a_meeting_is_compared_by_who_took_part_and_other_events_by_who_did_what_to_whom():
    from tacitus.evaluation import as_participants, match

    usa, jpn = frozenset({"USA"}), frozenset({"JPN"})
    none = frozenset()
    # "the US president met Japan's prime minister" against "Japan's prime minister visited the US president"
    gold, system = [("CONSULT", usa, jpn)], [("CONSULT", jpn, usa)]
    assert match(gold, system)[0] == 0
    assert match([as_participants(k) for k in gold], [as_participants(k) for k in system])[0] == 1
    assert as_participants(("CONSULT", usa | jpn, none)) == as_participants(("CONSULT", usa, jpn))
    # an accusation keeps its direction
    assert as_participants(("ACCUSE", usa, jpn)) == ("ACCUSE", usa, jpn) != as_participants(("ACCUSE", jpn, usa))


def test_a_middle_initial_written_without_its_full_stop_names_the_same_person():
    for name in ("George W Bush", "George W. Bush"):
        met = _one(f"The Pakistani prime minister met President {name} at the White House.", "met", date="2005-01-10")
        assert [a.code for a in met.recipient] == ["USA"], name
        assert "people.tsv" in met.recipient[0].reason


def test_a_state_body_threatening_a_country_named_as_a_state_is_not_that_country_s_own():
    for text, trigger in (("The government threatened sanctions against Sudan.", "threatened sanctions"),
                          ("The army threatened to attack Sudan.", "threatened to attack")):
        threat = _one(text, trigger)
        assert [a.code for a in threat.recipient] == ["SDN"] and [a.code for a in threat.actor] == [None], text
    # police threatening people in one country's capital are still that country's police
    police = _events("Police threatened to arrest protesters in Khartoum.")[0]
    assert [a.code for a in police.actor] == ["SDN"]


def test_a_refusal_supposed_in_a_condition_stays_supposed():
    # "failed to disarm" is a refusal; under "if" it has not happened
    (refusal,) = [e for e in _events("The Kenyan council threatened sanctions if Sudan failed to disarm the militias.")
                  if e.event == "REJECT"]
    assert refusal.modality.hypothetical and not refusal.modality.negated
    (done,) = [e for e in _events("Sudan failed to disarm the militias.") if e.event == "REJECT"]
    assert not done.modality.hypothetical and not done.modality.negated


def test_a_state_body_coerces_people_of_its_own_country_named_by_a_possessive():
    # "Venezuela's opposition leader" is a party of Venezuela, not the state named as such
    detained = _one("Venezuela's opposition leader was detained by intelligence agents on Monday.", "detained")
    assert [a.code for a in detained.actor] == ["VEN"] and detained.actor[0].sector == "SPY"
    assert "actor" in detained.modality.inferred


def test_who_made_an_arrest_named_after_its_object_and_who_condemned_it():
    # the tagger hangs "by Ugandan police" on the leader; "from the United States" on "drew"
    events = {e.event_text: e for e in _events(
        "The arrest of the opposition leader by Ugandan police drew condemnation from the United States.")}
    arrest, condemnation = events["arrest"], events["condemnation"]
    assert [a.code for a in arrest.actor] == ["UGA"] and arrest.recipient[0].text == "opposition leader"
    assert [a.code for a in condemnation.actor] == ["USA"] and [a.code for a in condemnation.recipient] == ["UGA"]
    criticism = _one("The Chinese plan attracted criticism from Japan.", "criticism")
    assert ([a.code for a in criticism.actor], [a.code for a in criticism.recipient]) == (["JPN"], ["CHN"])


def test_the_expelled_are_the_target_not_the_body_they_are_expelled_from():
    expelled = _one("The African Union expelled Mali from the bloc.", "expelled")
    assert [a.code for a in expelled.recipient] == ["MLI"]
    troops = _one("The Iraqi parliament voted to expel US troops from the country.", "expel")
    assert [a.code for a in troops.recipient] == ["USA"] and troops.recipient[0].text == "US troops"


def test_congo_alone_is_the_democratic_republic_and_the_other_is_named_in_full():
    ambush = _one("Rebels in eastern Congo ambushed a UN convoy near Goma.", "ambushed", date="2005-06-05")
    assert [a.code for a in ambush.actor] == ["COD"]
    accusation = _one("The Republic of Congo accused Rwanda of arming the rebels.", "accused", date="2005-06-05")
    assert [a.code for a in accusation.actor] == ["COG"]


def test_georgia_is_the_us_state_where_its_sentence_speaks_of_us_politics_or_places():
    collins = _one("Republican Doug Collins of Georgia accused the Democrats of staging a sham inquiry.", "accused")
    assert [a.code for a in collins.actor] == ["USA"] and "US state" in collins.actor[0].reason
    assert [a.code for a in _one("The governor of Georgia vetoed a bill on Tuesday.", "vetoed").actor] == ["USA"]
    # the country otherwise, and where its own words are used
    assert [a.code for a in _one("Russia accused Georgia of provoking the conflict in South Ossetia.", "accused").recipient] == ["GEO"]
    assert [a.code for a in _one("The Republic of Georgia held talks with the European Union.", "held talks").actor] == ["GEO"]


def test_a_month_opening_the_sentence_dates_its_clause():
    for text in ("In March, Venezuela expelled the German ambassador.", "Venezuela expelled the German ambassador in March."):
        expelled = _one(text, "expelled the German ambassador")
        assert (expelled.date, expelled.date_granularity) == (dt.date(2019, 3, 1), "month"), text
    arrested = _one("On the 3rd, Bolivian police arrested the opposition leader.", "arrested")
    assert (arrested.date, arrested.date_granularity) == (dt.date(2019, 7, 3), "day")  # past tense: the last 3rd


def test_with_no_agent_the_state_people_are_sent_away_from_sends_them():
    expelled = _one("Three Swedish journalists were expelled from Ethiopia on Tuesday.", "expelled")
    assert [a.code for a in expelled.actor] == ["ETH"] and "actor" in expelled.modality.inferred
    assert [a.code for a in expelled.recipient] == ["SWE"]
    # a body left, not a state, sends no one: no actor is made up
    assert _one("The Kenyan MP was expelled from the ruling party.", "expelled").actor == []


def test_the_party_called_on_to_act_is_who_is_to_act():
    events = {e.event_text: e for e in _events("The US called on Russia to stop shelling Ukrainian towns.")}
    assert [a.code for a in events["called on"].recipient] == ["RUS"]
    assert [a.code for a in events["shelling"].actor] == ["RUS"] and events["shelling"].modality.hypothetical
    upon = _one("The EU called upon Turkey to withdraw its troops from Syria.", "called upon")
    assert ([a.code for a in upon.actor], [a.code for a in upon.recipient]) == (["EUR"], ["TUR"])


def test_a_sea_named_after_a_country_is_no_party_and_no_province():
    fired = _one("The Iranian navy test-fired a cruise missile in the Gulf of Oman.", "test-fired")
    assert all(a.code != "OMN" for a in fired.recipient)
    seized = _one("The US Navy seized a ship in the Gulf of Mexico.", "seized")
    assert all(a.code not in ("MEX", "PNG") for a in seized.recipient)
    # the country named as such is still a party
    assert [a.code for a in _one("Oman accused Iran of attacking tankers.", "accused Iran of attacking").actor] == ["OMN"]
