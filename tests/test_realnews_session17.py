"""Rules from the session-17 reading of real-news misses (sentences where the coder found nothing); every sentence
here is written for the test."""

from __future__ import annotations

import tacitus

DATE = "2005-02-14"
# Some rules are tested on sentences written without countries; their events are kept although no party has a code
# (the default, stages.confidence.keep_uncoded = false, drops them).
UNCODED = "stages.confidence.keep_uncoded=true"


def _events(text: str, *overrides: str) -> list:
    return tacitus.code_text(text, date=DATE, min_confidence=0, overrides=overrides)


def _of_type(text: str, kind: str, *overrides: str) -> list:
    return [e for e in _events(text, *overrides) if e.event == kind]


def test_a_killing_claimed_with_a_gerund_is_the_claimants():
    for text, actor in (
            ("The Kashmiri rebels claimed responsibility for killing three Indian soldiers near Srinagar.", "IND"),
            ("A Chechen rebel group claimed responsibility on Tuesday for slaughtering five Russian policemen.", "RUS")):
        found = _of_type(text, "ASSAULT")
        assert found, text
        assert found[0].actor and found[0].actor[0].code == actor, text
        assert "claimed responsibility" in found[0].reasons["actor"], text


def test_slaughter_is_a_killing():
    found = _of_type("Gunmen slaughtered twelve Algerian villagers overnight.", "ASSAULT")
    assert found and found[0].cameo == "1823" and [a.code for a in found[0].recipient] == ["DZA"]


def test_the_speakers_own_past_act_told_in_a_long_quotation_is_coded():
    text = ('"After that meeting I asked the finance minister for his resignation, and he gave it to me," the Peruvian '
            'president told reporters.')
    found = _of_type(text, "REQUEST")
    assert found and [a.code for a in found[0].actor] == ["PER"]


def test_someone_elses_act_in_a_long_quotation_is_still_an_account():
    text = ('"The finance minister asked the central bank for a loan before the vote last month," the Peruvian '
            'president told reporters.')
    assert not _of_type(text, "REQUEST")


def test_a_claim_about_another_partys_acts_is_an_accusation():
    for text, target in (
            ("The Brazilian president claimed that Argentina had broken the trade accord.", "ARG"),
            ("Japan claims China has sent survey ships into its waters.", "CHN")):
        found = _of_type(text, "ACCUSE")
        assert len(found) == 1, text
        assert found[0].cameo == "112" and [a.code for a in found[0].recipient] == [target], text
        assert "the claim is about" in found[0].reasons["recipient"], text


def test_other_claims_are_no_accusation():
    for text in ("The ruling party claimed victory in the Chilean election.",
                 "The Kenyan minister claimed he had been misled by his advisers.",
                 "The Irish government claimed its policies had cut unemployment.",
                 "A new book claims the Canadian prime minister wanted to resign in 2003.",
                 "The floods claimed the lives of forty Bangladeshi villagers."):
        assert not _of_type(text, "ACCUSE", UNCODED), text


def test_a_bomb_striking_a_place_is_an_attack_on_that_country():
    for text, country in (("Two bomb blasts rocked northern Nigeria on Sunday.", "NGA"),
                          ("A bomb hidden in a cart killed two men and wounded nine people in a market in Peshawar.", "PAK")):
        found = _of_type(text, "ASSAULT")
        assert found, text
        assert not any(a.code for a in found[0].actor) and [a.code for a in found[0].recipient] == [country], text
        assert "inferred" in found[0].reasons["recipient"], text


def test_an_explosion_or_fighting_no_one_is_named_for_is_no_attack():
    for text in ("An explosion rocked a chemical plant in northern Texas on Monday.",
                 "The fighting in eastern Congo went on for a third week."):
        assert not _of_type(text, "ASSAULT"), text


def test_the_one_met_at_home_or_called_visiting_is_the_visitor():
    for text, source, target in (
            ("The Japanese prime minister meets with Kenyan President Mwai Kibaki in Tokyo on Monday.", "KEN", "JPN"),
            ("The Chinese president met the visiting Omani foreign minister on Monday.", "OMN", "CHN"),
            ("The Chinese president met the Omani foreign minister in Muscat on Monday.", "CHN", "OMN")):
        found = _of_type(text, "CONSULT")
        assert len(found) == 1, text
        assert [a.code for a in found[0].actor] == [source] and [a.code for a in found[0].recipient] == [target], text


def test_a_blast_that_killed_people_of_a_country_is_an_attack_on_them():
    found = _of_type("A roadside bomb exploded in southern Afghanistan, killing four Canadian soldiers.", "ASSAULT")
    assert len(found) == 1
    assert [a.code for a in found[0].recipient] == ["CAN"]


def test_dismissing_an_idea_or_a_concern_has_no_domestic_target():
    for words in ("dismissed the talk of splits", "rejected the concern that elections would be delayed"):
        text = ("Kenyan opposition leaders said on Sunday that the Kenyan cabinet was divided over the budget. "
                f"The Kenyan president {words} on Monday.")
        found = _of_type(text, "REJECT")
        assert found and [a.code for a in found[0].actor] == ["KEN"], text
        assert not any(a.code for a in found[0].recipient), text


def test_a_company_takes_no_country_from_the_market_it_trades_in():
    text = "The European Commission alleged that the two firms were overcharging customers in the French telecoms market."
    found = _of_type(text, "ACCUSE")
    assert found and [a.code for a in found[0].actor] == ["EUR"]
    assert not any(a.code for a in found[0].recipient)


def test_it_goes_on_with_the_subject_an_it_before_went_on_with():
    text = ("Gazprom called the sale unlawful and went to courts in the US to win the field back. "
            "It has also promised to pursue any buyer in court. In March it filed suit against the Russian government.")
    assert not [e for e in _events(text, UNCODED) if any(a.code == "USA" for a in e.actor)]


def test_an_airline_named_after_its_country_is_a_company():
    for text in ("British Airways asked the government to cut the fuel tax.",
                 "The ailing carrier US Airways wants a bankruptcy judge to order pay cuts."):
        assert not _events(text), text


def test_a_mobile_phone_call_is_a_service_not_a_consultation():
    assert not _of_type("Finland's first mobile phone call went through a state network in 1991.", "CONSULT")
    found = _of_type("The Finnish president had a phone call with the Russian president on Monday.", "CONSULT")
    assert found and [a.code for a in found[0].recipient] == ["RUS"]


def test_companies_often_in_the_news_are_companies():
    assert not _of_type("Rival Sony opened its assault on the Japanese market with a new games console in Tokyo.", "ASSAULT")
    text = "Russia's tax ministry froze the assets of Yukos. Yukos asked a court in Texas to send its dispute with Russia to arbitration."
    assert not [e for e in _of_type(text, "REQUEST") if any(a.text == "Yukos" for a in e.actor)]


def test_national_agencies_often_in_the_news_are_their_states():
    for text, code in (("The National Audit Office criticised the Ministry of Defence over its spending.", "GBR"),
                       ("NASA asked Congress for more money for the shuttle.", "USA")):
        found = _events(text)
        assert found and [a.code for a in found[0].actor] == [code], text


def test_a_string_of_blasts_and_one_bomb_told_twice_are_each_one_attack():
    found = _of_type("A string of bomb blasts rocked southern Nigeria on Sunday.", "ASSAULT")
    assert len(found) == 1 and [a.code for a in found[0].recipient] == ["NGA"]
    found = _of_type("A bomb hidden in a cart killed two men and wounded nine people in a market in Peshawar.", "ASSAULT")
    assert len(found) == 1


def test_the_agent_of_a_coordinated_participle_is_the_passives_too():
    found = _of_type("The Kenyan editor was acquitted and released by an appeals court on Thursday.", "CONCEDE")
    assert found and [a.text for a in found[0].actor] == ["appeals court"]


def test_an_english_county_is_in_england():
    found = _of_type("Two men were arrested in Kent on suspicion of plotting an attack.", "COERCE")
    assert found and [a.code for a in found[0].actor] == ["GBR"]
    assert found[0].location is not None and found[0].location.country == "GBR"
