"""Rules from the session-13 reading of real-news errors (annotation batch 8 and the dev split); every sentence here
is written for the test."""

from __future__ import annotations

import tacitus

DATE = "2005-03-01"
# Rules and roles are tested on sentences written without countries; their events are kept although no party has a
# code (the default, stages.confidence.keep_uncoded = false, drops them).
UNCODED = "stages.confidence.keep_uncoded=true"


def _codes(actors) -> set[str]:
    return {a.code for a in actors if a.code}


def test_it_after_an_organisation_no_dictionary_knows_is_that_organisation():
    text = "The United States says the retailer Kwikmart knew about the slur, since it had banned the word from its online store."
    events = tacitus.code_text(text, date=DATE)
    assert not any("USA" in _codes(e.actor) for e in events), "'it' is the retailer, not the country named first"
    text = "A US court fined Brondel Foods. Brondel Foods said it would appeal against the fine."
    events = tacitus.code_text(text, date=DATE)
    assert not any(e.event_text.startswith("appeal") and "USA" in _codes(e.actor) for e in events)


def test_it_still_refers_to_a_country_with_no_other_subject_between():
    events = tacitus.code_text("Japan said it would send troops to Iraq.", date=DATE)
    assert any(_codes(e.actor) == {"JPN"} for e in events), "the speaker is the country"
    events = tacitus.code_text("Peru recalled its envoy. It also urged Chile to apologise.", date=DATE)
    assert any(e.event == "REQUEST" and _codes(e.actor) == {"PER"} and _codes(e.recipient) == {"CHL"} for e in events)


def test_a_blast_set_near_a_convoy_targets_the_convoys_side():
    text = "A roadside bomb exploded near a Canadian army convoy in Kandahar on Friday, wounding two soldiers."
    blast = next(e for e in tacitus.code_text(text, date=DATE) if e.event_text == "exploded")
    assert _codes(blast.recipient) == {"CAN"}, "the convoy was the target, not Afghanistan where it happened"
    text = "A suicide bomber detonated explosives beside a British army checkpoint in Basra on Monday."
    blast = next(e for e in tacitus.code_text(text, date=DATE) if e.event_text == "detonated")
    assert _codes(blast.recipient) == {"GBR"}, "the checkpoint, not the car bomb or the city"


def test_a_blast_near_a_border_is_no_attack_on_that_state():
    events = tacitus.code_text("A bomb exploded near the Syrian border on Monday.", date=DATE)
    assert not any("SYR" in _codes(e.recipient) for e in events), "a border is a place, not a party"


def test_a_party_attacking_a_leader_attacks_in_words():
    e = next(e for e in tacitus.code_text("The Tories attacked Mr Blair in the Commons on Tuesday.", date=DATE, overrides=(UNCODED,))
             if e.event_text == "attacked")
    assert e.event == "ACCUSE", "a party's attack on a prime minister is criticism"
    text = "Seizing on a leaked memo, the opposition leader renewed his attack on the government."
    e = next(e for e in tacitus.code_text(text, date=DATE, overrides=(UNCODED,)) if e.event_text == "attack")
    assert e.event == "ACCUSE"


def test_an_armed_attack_stays_an_assault():
    e = next(e for e in tacitus.code_text("Israeli jets attacked Hamas positions in Gaza.", date=DATE) if e.event_text == "attacked")
    assert e.event == "ASSAULT"
    text = "Opposition militants attacked the ruling party's offices with grenades."
    assert all(e.event != "ACCUSE" for e in tacitus.code_text(text, date=DATE)), "a weapon is named"


def test_an_act_that_is_needed_or_required_has_not_happened():
    e = next(e for e in tacitus.code_text("A two-thirds majority of the Senate is needed to convict a president.", date=DATE, overrides=(UNCODED,)))
    assert e.modality.hypothetical
    e = next(e for e in tacitus.code_text("The army needs to withdraw its troops from the border.", date=DATE, overrides=(UNCODED,)))
    assert e.modality.hypothetical
    e = next(e for e in tacitus.code_text("Parliament voted to convict the former minister.", date=DATE, overrides=(UNCODED,)))
    assert not e.modality.hypothetical, "a vote to convict is the conviction"


def test_a_spokesman_for_a_body_no_dictionary_knows_is_no_state_body():
    events = tacitus.code_text("A spokesman for Brondel Foods said it would fight the lawsuit.", date=DATE, overrides=(UNCODED,))
    assert not events, "a company's spokesman talking of a private lawsuit: no state party"
    e = next(e for e in tacitus.code_text("A spokesman for the rebels rejected the offer.", date=DATE, overrides=(UNCODED,)))
    assert e.actor[0].sector == "REB", "a body the dictionaries know still gives its sector"
    e = next(e for e in tacitus.code_text("A spokesman said the government would appeal for calm.", date=DATE, overrides=(UNCODED,)))
    assert e.actor[0].sector == "GOV"


def test_a_company_given_a_country_is_no_state_party_to_a_lawsuit():
    text = "A US cable network is being sued for $2m by a viewer who says a stunt made him ill."
    assert not tacitus.code_text(text, date=DATE), "a private lawsuit against a company"
    text = "A group of farmers sued the French government over the new quotas."
    assert any(e.event == "ACCUSE" and _codes(e.recipient) == {"FRA"} for e in tacitus.code_text(text, date=DATE))


def test_talent_show_judges_are_no_court():
    text = ("The talent contest drew ten million viewers on Saturday, and its three finalists will perform again. "
            "The contestants said the vote had been close. "
            "Judges Pella Marr and Tom Ruddle are in discussions with the network about the next series.")
    assert not tacitus.code_text(text, date=DATE), "show-business judges in talks with a network: no politics"


def test_republicans_and_democrats_are_the_us_parties_unless_another_country_owns_them():
    text = "Worried Republicans urged President Bush on Monday to set out a bold agenda before the war in Iraq dominates."
    e = next(e for e in tacitus.code_text(text, date=DATE) if e.event == "REQUEST")
    assert _codes(e.actor) == {"USA"} and e.actor[0].sector == "PTY", "not Iraq, the other country named"
    e = next(e for e in tacitus.code_text("Italy's Democrats attacked the government over the budget.", date=DATE))
    assert _codes(e.actor) == {"ITA"}


def test_talks_with_kidnappers_are_not_with_their_victims_country():
    text = "Pakistani tribal elders have negotiated for days with the kidnappers of three Chinese surveyors."
    e = next(e for e in tacitus.code_text(text, date=DATE) if e.event == "CONSULT")
    assert "CHN" not in _codes(e.recipient), "the engineers are the kidnappers' victims, not the other side of the talks"


def test_a_bare_capitalised_city_before_the_story_is_a_dateline():
    from tacitus.stages.parse import masked_body

    text = "BAGHDAD US warplanes struck targets in a Shiite district on Thursday."
    assert masked_body(text).startswith(" " * 8 + "US warplanes"), "the offsets stay those of the article"
    events = tacitus.code_text(text, date=DATE)
    assert any(_codes(e.actor) == {"USA"} for e in events), "the dateline is no part of the attacker"
    text = "Reuters - NAIROBI, Kenya (AP) - Police detained two reporters on Monday."
    assert masked_body(text).lstrip().startswith("Police"), "a wire credit, then a dateline: both blanked"
    for text in ("NATO troops fired on the rebels.", "YASSER Arafat urged reforms.", "THE government fell."):
        assert masked_body(text) == text, "an acronym or a first word in capitals is no dateline"


def test_aid_threat_or_coercion_toward_no_one_named_is_no_event():
    text = "A research scheme funded by the European Union will study new ways to edit films."
    assert not any(e.event == "AID" for e in tacitus.code_text(text, date=DATE)), "no recipient: a grant, no aid event"
    text = "Lawmakers passed a spending bill that provides funding for the new wall."
    assert not any(e.event == "AID" for e in tacitus.code_text(text, date=DATE))


def test_acts_toward_someone_are_kept_when_a_party_is_there():
    text = "Tokyo gave Sri Lanka three million dollars in emergency grant aid for food on Tuesday."
    assert any(e.event == "AID" for e in tacitus.code_text(text, date=DATE)), "another country is named"
    text = "Turkish police prevented the rally held by students in Sivas."
    assert any(e.event == "COERCE" for e in tacitus.code_text(text, date=DATE)), "a state body acting at home"
    text = "Jordan said it would not admit further refugees from the camps."
    assert any(e.event == "REJECT" for e in tacitus.code_text(text, date=DATE)), "a refusal needs no target"


def test_a_town_before_a_person_noun_says_where_they_are_from():
    text = "The sculpture, a golden seat named America, is by an American artist. Police arrested a Cheltenham man on Friday."
    e = next(e for e in tacitus.code_text(text, date=DATE) if e.event == "COERCE")
    assert _codes(e.recipient) == {"GBR"} and _codes(e.actor) == {"GBR"}, "an English town: English police, not American"


def test_comedy_festival_and_awards_words_make_a_show_business_report():
    text = ("The Scottish comedy won two awards at the festival in Edinburgh. "
            "Its writer, Ann Pell, praised Scotland for its support of young writers.")
    assert not tacitus.code_text(text, date=DATE), "a writer's praise in an arts report is no political support"


def test_a_dateline_after_a_photo_caption_is_blanked():
    from tacitus.stages.parse import masked_body

    text = "Boys sift through rubble in Mosul, March 2. AP. MOSUL (AFP) - Turkey's foreign minister paid a visit to Iraq."
    masked = masked_body(text)
    assert len(masked) == len(text) and "MOSUL" not in masked and "Turkey's foreign minister" in masked


def test_a_place_inside_a_phrase_naming_an_attack_gives_it_no_country():
    text = "A wave of car bombings in Baghdad on Thursday killed one American soldier."
    e = next(e for e in tacitus.code_text(text, date=DATE) if e.event == "ASSAULT")
    assert not _codes(e.actor) and _codes(e.recipient) == {"USA"}, "the bombings happened in Baghdad; Iraq did not bomb"
    e = next(e for e in tacitus.code_text("An Israeli air strike in Gaza killed two militants.", date=DATE))
    assert _codes(e.actor) == {"ISR"}, "a nationality on the attack still names its side"


def test_what_someone_tends_or_used_to_do_is_a_habit():
    assert not tacitus.code_text("He tended to defy the whips on every vote.", date=DATE, overrides=(UNCODED,))
    assert not tacitus.code_text("Rebels used to attack the convoys at night.", date=DATE, overrides=(UNCODED,))
    events = tacitus.code_text("Troops used tear gas to disperse the protesters.", date=DATE, overrides=(UNCODED,))
    # (the dispersal by tear gas is one use of force, ASSAULT 'crowd-control', since session 23)
    assert any(e.event == "ASSAULT" and e.mode == "crowd-control" for e in events), "a means used for an act is no habit"
