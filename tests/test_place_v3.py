"""tacitus.place.v3: a place only in a place-like position, related to the act; the dateline for the lead; a state
body's home country, flagged as inferred. Hand-built parses test the rules; the model tests the issue's phrases
(sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from tacitus.gazetteer import load_gazetteer
from tacitus.model import Actor, Article, Event, Span
from tacitus.registry import get_stage
from tacitus.stages.base import Analysis, Mention
from tacitus.stages.place import RelationalPlaceStage
from tacitus.stages.place.names import part_of_longer_name, place_names
from parses import parse

DAY = dt.date(2021, 7, 16)


@pytest.fixture(scope="module")
def stage():
    return RelationalPlaceStage()


def m(i: int, j: int, kind: str, country: str | None, name: str | None = None, sector: str | None = None) -> Mention:
    return Mention(i, j, kind, country, country, sector, name, f"{kind} entry (test)")


def party(doc: Doc, i: int, j: int, country: str | None, sector: str | None = None, reason: str = "dictionary") -> Actor:
    span = doc[i:j]
    return Actor(span.text, span.start_char, span.end_char, code=country, country=country, sector=sector, reason=reason)


def run(stage, doc: Doc, anchor: int, mentions=(), *, kind: str = "COERCE", actor=(), recipient=(), text: str | None = None,
        lead: bool = True) -> Event:
    body = text or doc.text
    if not lead:  # the event's sentence is not the article's lead
        body = body + "\nA second paragraph.\nA third."
    analysis = Analysis(Article(id="a", date=DAY, text=body), doc, mentions=list(mentions))
    tok = doc[anchor]
    event = Event("a", 0, doc.text, kind, "", "173", -5.0, 4, Span(tok.idx, tok.idx + len(tok)), tok.text,
                  actor=list(actor), recipient=list(recipient), anchor=anchor)
    analysis.events = [event]
    stage(analysis)
    return event


# --- registration -------------------------------------------------------------------------------------------------

def test_v3_is_registered_and_the_default():
    import tomllib
    from pathlib import Path

    info = get_stage("tacitus.place.v3")
    assert info.factory is RelationalPlaceStage and info.defaults == {"infer_home": True}
    assert "Event.modality.inferred" in info.writes
    config = tomllib.loads((Path(__file__).resolve().parents[1] / "src" / "tacitus" / "default.toml").read_text(encoding="utf-8"))
    assert config["stages"]["place"]["factory"] == "tacitus.place.v3"


# --- where a place is: the act's clause ------------------------------------------------------------------------------

def test_locative_of_the_act(stage):
    doc = parse("Police/NOUN/nsubj/1 detained/VERB/ROOT/1 two/NUM/nummod/3 men/NOUN/dobj/1 in/ADP/prep/1 Herat/PROPN/pobj/4/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1)
    assert (event.location.name, event.location.country) == ("Herat", "AFG")
    assert event.reasons["location"].startswith("'in Herat', where the act is:")
    assert "location" not in event.modality.inferred


def test_a_place_in_another_clause_is_not_the_acts(stage):
    # "Officials who met in Geneva condemned the raid ."
    doc = parse("Officials/NOUN/nsubj/5 who/PRON/nsubj/2 met/VERB/relcl/0 in/ADP/prep/2 Geneva/PROPN/pobj/3/GPE "
                "condemned/VERB/ROOT/5 the/DET/det/7 raid/NOUN/dobj/5 ./PUNCT/punct/5")
    assert run(stage, doc, 5, kind="ACCUSE", lead=False).location is None


def test_the_base_of_an_attacks_planners_is_not_where_it_happened(stage):
    # "Gunmen based in Herat attacked a convoy in Kandahar ."
    doc = parse("Gunmen/NOUN/nsubj/4 based/VERB/acl/0 in/ADP/prep/1 Herat/PROPN/pobj/2/GPE attacked/VERB/ROOT/4 "
                "a/DET/det/6 convoy/NOUN/dobj/4 in/ADP/prep/4 Kandahar/PROPN/pobj/7/GPE ./PUNCT/punct/4")
    gunmen = party(doc, 0, 1, None)
    assert run(stage, doc, 4, kind="ASSAULT", actor=[gunmen]).location.name == "Kandahar"
    doc = parse("Gunmen/NOUN/nsubj/4 based/VERB/acl/0 in/ADP/prep/1 Herat/PROPN/pobj/2/GPE attacked/VERB/ROOT/4 "
                "a/DET/det/6 convoy/NOUN/dobj/4 ./PUNCT/punct/4")
    assert run(stage, doc, 4, kind="ASSAULT", actor=[party(doc, 0, 1, None)], lead=False).location is None


@pytest.mark.parametrize(("spec", "anchor", "kind"), [
    # a topic: "Ministers discussed security in Mali ."
    ("Ministers/NOUN/nsubj/1 discussed/VERB/ROOT/1 security/NOUN/dobj/1 in/ADP/prep/2 Mali/PROPN/pobj/3/GPE ./PUNCT/punct/1", 1, "CONSULT"),
    # a topic of a meeting noun: "talks on Kashmir"
    ("Leaders/NOUN/nsubj/1 held/VERB/ROOT/1 talks/NOUN/dobj/1 on/ADP/prep/2 Kashmir/PROPN/pobj/3/GPE ./PUNCT/punct/1", 2, "CONSULT"),
    # an origin: "Refugees fled from Syria ."
    ("Refugees/NOUN/nsubj/1 fled/VERB/ROOT/1 from/ADP/prep/1 Syria/PROPN/pobj/2/GPE ./PUNCT/punct/1", 1, "MOBILIZE"),
    # a destination: "France sent troops to Mali ."
    ("France/PROPN/nsubj/1/GPE sent/VERB/ROOT/1 troops/NOUN/dobj/1 to/ADP/prep/1 Mali/PROPN/pobj/3/GPE ./PUNCT/punct/1", 1, "MOBILIZE"),
    # a comparison: "Police arrested more people than in France ."
    ("Police/NOUN/nsubj/1 arrested/VERB/ROOT/1 more/ADJ/amod/3 people/NOUN/dobj/1 than/ADP/prep/2 in/ADP/prep/4 "
     "France/PROPN/pobj/5/GPE ./PUNCT/punct/1", 1, "COERCE"),
    # an interest: "The envoy defended his role in Iraq ."
    ("The/DET/det/1 envoy/NOUN/nsubj/2 defended/VERB/ROOT/2 his/PRON/poss/4 role/NOUN/dobj/2 in/ADP/prep/4 "
     "Iraq/PROPN/pobj/5/GPE ./PUNCT/punct/2", 2, "SUPPORT"),
])
def test_topics_origins_destinations_and_comparisons_are_not_the_place(stage, spec, anchor, kind):
    doc = parse(spec)
    mentions = [m(t.i, t.i + 1, "country", {"Mali": "MLI", "Syria": "SYR", "France": "FRA", "Iraq": "IRQ"}[t.text])
                for t in doc if t.text in ("Mali", "Syria", "France", "Iraq")]
    assert run(stage, doc, anchor, mentions, kind=kind, lead=False).location is None


def test_the_place_of_an_act_or_topic_a_party_names_is_not_the_events(stage):
    # "The minister condemned the bombing in Split ." -- the bombing's place, not the condemnation's
    doc = parse("The/DET/det/1 minister/NOUN/nsubj/2 condemned/VERB/ROOT/2 the/DET/det/4 bombing/NOUN/dobj/2 "
                "in/ADP/prep/4 Split/PROPN/pobj/5/GPE ./PUNCT/punct/2")
    event = run(stage, doc, 2, kind="ACCUSE", actor=[party(doc, 1, 2, None, "GOV")], recipient=[party(doc, 4, 7, "HRV")], lead=False)
    assert event.location is None
    # "Ministers discussed the crisis in Mali ."
    doc = parse("Ministers/NOUN/nsubj/1 discussed/VERB/ROOT/1 the/DET/det/3 crisis/NOUN/dobj/1 in/ADP/prep/3 "
                "Mali/PROPN/pobj/4/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(5, 6, "country", "MLI")], kind="CONSULT", recipient=[party(doc, 3, 6, "MLI")], lead=False)
    assert event.location is None
    # a party that is a person keeps its place: "The president met the premier in Tbilisi ."
    doc = parse("The/DET/det/1 president/NOUN/nsubj/2 met/VERB/ROOT/2 the/DET/det/4 premier/NOUN/dobj/2 "
                "in/ADP/prep/4 Tbilisi/PROPN/pobj/5/GPE ./PUNCT/punct/2")
    event = run(stage, doc, 2, kind="CONSULT", recipient=[party(doc, 4, 7, "GEO", "GOV")], lead=False)
    assert event.location.name == "Tbilisi"


def test_a_locative_after_what_a_statement_is_about_is_not_its_place(stage):
    # "Observers accused the army of abuses in Darfur ." -- "in Darfur" hung on the verb by the parser
    doc = parse("Observers/NOUN/nsubj/1 accused/VERB/ROOT/1//accuse the/DET/det/3 army/NOUN/dobj/1 of/ADP/prep/3 "
                "abuses/NOUN/pobj/4 in/ADP/prep/1 Darfur/PROPN/pobj/6/GPE ./PUNCT/punct/1")
    assert run(stage, doc, 1, kind="ACCUSE", lead=False).location is None
    # an act done in person keeps it: "Troops searched the homes of activists in Darfur ."
    doc = parse("Troops/NOUN/nsubj/1 searched/VERB/ROOT/1//search the/DET/det/3 homes/NOUN/dobj/1 of/ADP/prep/3 "
                "activists/NOUN/pobj/4 in/ADP/prep/1 Darfur/PROPN/pobj/6/GPE ./PUNCT/punct/1")
    assert run(stage, doc, 1, kind="COERCE", lead=False).location.name == "Darfur"


def test_where_what_the_act_is_done_to_stands_but_not_where_it_is_based(stage):
    # "Rebels blew up a pipeline running into Aleppo ."
    doc = parse("Rebels/NOUN/nsubj/1 cut/VERB/ROOT/1 a/DET/det/3 pipeline/NOUN/dobj/1 running/VERB/acl/3//run "
                "into/ADP/prep/4 Aleppo/PROPN/pobj/5/GPE ./PUNCT/punct/1")
    assert run(stage, doc, 1, kind="ASSAULT", lead=False).location.name == "Aleppo"
    # "A judge sentenced a doctor based in Richmond ." -- where he works, not where the court sat
    doc = parse("A/DET/det/1 judge/NOUN/nsubj/2 sentenced/VERB/ROOT/2 a/DET/det/4 doctor/NOUN/dobj/2 based/VERB/acl/4//base "
                "in/ADP/prep/5 Richmond/PROPN/pobj/6/GPE ./PUNCT/punct/2")
    assert run(stage, doc, 2, kind="COERCE", lead=False).location is None


def test_local_officials_are_of_the_one_town_their_sentence_names(stage):
    # "The house in Leeds closed and local officials objected ."
    spec = ("The/DET/det/1 house/NOUN/nsubj/4 in/ADP/prep/1 Leeds/PROPN/pobj/2/GPE closed/VERB/ROOT/4 and/CCONJ/cc/4 "
            "{w}/ADJ/amod/7 officials/NOUN/nsubj/8 objected/VERB/conj/4 ./PUNCT/punct/4")
    doc = parse(spec.format(w="local"))
    event = run(stage, doc, 8, kind="REJECT", actor=[party(doc, 6, 8, None, "GOV")], lead=False)
    assert event.location.name == "Leeds" and event.reasons["location"].startswith("'local officials'")
    doc = parse(spec.format(w="senior"))  # no 'local': where the officials are is not said
    assert run(stage, doc, 8, kind="REJECT", actor=[party(doc, 6, 8, None, "GOV")], lead=False).location is None


def test_locative_of_a_participant(stage):
    doc = parse("Protesters/NOUN/nsubj/3 in/ADP/prep/0 Lyon/PROPN/pobj/1/GPE blocked/VERB/ROOT/3 roads/NOUN/dobj/3 ./PUNCT/punct/3")
    event = run(stage, doc, 3, kind="PROTEST", actor=[party(doc, 0, 1, None)])
    assert (event.location.name, event.location.country) == ("Lyon", "FRA")
    assert "where a participant is" in event.reasons["location"]


def test_a_site_noun_leads_to_its_place(stage):
    # "Troops shelled a town north of the city of Homs ."
    doc = parse("Troops/NOUN/nsubj/1 shelled/VERB/ROOT/1//shell a/DET/det/3 town/NOUN/dobj/1 north/ADV/advmod/3 of/ADP/prep/4 "
                "the/DET/det/7 city/NOUN/pobj/5 of/ADP/prep/7 Homs/PROPN/pobj/8/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, kind="ASSAULT")
    assert (event.location.name, event.location.country) == ("Homs", "SYR")


def test_the_capital_a_nationality_names(stage):
    # "The convoy stopped in the Malian capital ."
    doc = parse("The/DET/det/1 convoy/NOUN/nsubj/2 stopped/VERB/ROOT/2 in/ADP/prep/2 the/DET/det/6 Malian/ADJ/amod/6/NORP "
                "capital/NOUN/pobj/3 ./PUNCT/punct/2")
    event = run(stage, doc, 2, kind="MOBILIZE")
    assert (event.location.name, event.location.country) == ("Bamako", "MLI")


def test_a_site_the_gazetteer_lacks_is_placed_by_the_place_after_it(stage):
    # "Gunmen opened fire near the Green Hill Mosque in Christchurch ."
    doc = parse("Gunmen/NOUN/nsubj/1 opened/VERB/ROOT/1 fire/NOUN/dobj/1 near/ADP/prep/1 the/DET/det/7 Green/PROPN/compound/7/FAC "
                "Hill/PROPN/compound/7/FAC Mosque/PROPN/pobj/3/FAC in/ADP/prep/7 Christchurch/PROPN/pobj/8/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, kind="ASSAULT")
    assert (event.location.name, event.location.country) == ("Green Hill Mosque", "NZL")
    assert "a site the gazetteer lacks, in Christchurch" in event.reasons["location"]


# --- the venue of a meeting or visit, the target of an attack ---------------------------------------------------------

def test_venue_compound_of_a_meeting(stage):
    # "The Geneva summit ended on Friday ."
    doc = parse("The/DET/det/2 Geneva/PROPN/compound/2/GPE summit/NOUN/nsubj/3 ended/VERB/ROOT/3 on/ADP/prep/3 "
                "Friday/PROPN/pobj/4/DATE ./PUNCT/punct/3")
    event = run(stage, doc, 2, kind="CONSULT")
    assert (event.location.name, event.location.country) == ("Geneva", "CHE")
    assert "the venue of the act" in event.reasons["location"]


def test_the_parties_of_a_summit_are_not_its_venue(stage):
    # "the India - EU summit": India takes part; it is not where the summit was
    doc = parse("Leaders/NOUN/nsubj/1 attended/VERB/ROOT/1 the/DET/det/6 India/PROPN/compound/5/GPE -/PUNCT/punct/5 "
                "EU/PROPN/compound/6/ORG summit/NOUN/dobj/1 ./PUNCT/punct/1")
    assert run(stage, doc, 6, [m(3, 4, "country", "IND", "India")], kind="CONSULT", lead=False).location is None


def test_a_seat_of_power_is_a_venue(stage):
    # "Obama praised the plan during his White House meeting ."
    doc = parse("Obama/PROPN/nsubj/1/PERSON praised/VERB/ROOT/1 the/DET/det/3 plan/NOUN/dobj/1 during/ADP/prep/1 his/PRON/poss/8 "
                "White/PROPN/compound/7/ORG House/PROPN/compound/8/ORG meeting/NOUN/pobj/4 ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(6, 8, "metonym", "USA", "United States", "GOV")], kind="SUPPORT")
    assert (event.location.name, event.location.country) == ("Washington", "USA")
    assert "White House, a seat of power in city Washington" in event.reasons["location"]


def test_a_body_one_resigns_from_is_no_place(stage):
    # "The adviser resigned from the State Department ." -- a post left, not a place; "withdrew from Kherson" is one
    doc = parse("The/DET/det/1 adviser/NOUN/nsubj/2 resigned/VERB/ROOT/2 from/ADP/prep/2 the/DET/det/6 "
                "State/PROPN/compound/6/ORG Department/PROPN/pobj/3/ORG ./PUNCT/punct/2")
    assert run(stage, doc, 2, [m(5, 7, "metonym", "USA", "United States", "GOV")], kind="RETREAT", lead=False).location is None
    doc = parse("Troops/NOUN/nsubj/1 withdrew/VERB/ROOT/1 from/ADP/prep/1 Kherson/PROPN/pobj/2/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, kind="RETREAT", lead=False)
    assert event.location.name == "Kherson" and "the place left" in event.reasons["location"]


def test_the_route_of_the_march_a_protest_noun_is_in(stage):
    # "Students marched from Lyon in the third week of protests ." (the trigger: "protests")
    doc = parse("Students/NOUN/nsubj/1 marched/VERB/ROOT/1//march from/ADP/prep/1 Lyon/PROPN/pobj/2/GPE "
                "in/ADP/prep/1 the/DET/det/7 third/ADJ/amod/7 week/NOUN/pobj/4 of/ADP/prep/7 "
                "protests/NOUN/pobj/8 ./PUNCT/punct/1")
    event = run(stage, doc, 9, kind="PROTEST", lead=False)
    assert event.location.name == "Lyon" and "the route of the march" in event.reasons["location"]
    # a clause whose verb is no march keeps "from" for an origin: "Students came from Lyon for the protests ."
    doc = parse("Students/NOUN/nsubj/1 came/VERB/ROOT/1//come from/ADP/prep/1 Lyon/PROPN/pobj/2/GPE for/ADP/prep/1 "
                "the/DET/det/6 protests/NOUN/pobj/4 ./PUNCT/punct/1")
    assert run(stage, doc, 6, kind="PROTEST", lead=False).location is None


def test_the_destination_of_a_trip_for_talks(stage):
    # "The ministers were on their way to Moscow for talks ."
    doc = parse("The/DET/det/1 ministers/NOUN/nsubj/2 were/AUX/ROOT/2 on/ADP/prep/2 their/PRON/poss/5 way/NOUN/pobj/3 "
                "to/ADP/prep/5 Moscow/PROPN/pobj/6/GPE for/ADP/prep/2 talks/NOUN/pobj/8 ./PUNCT/punct/2")
    event = run(stage, doc, 9, [m(7, 8, "capital", "RUS", "Russia")], kind="CONSULT")
    assert (event.location.name, event.location.country) == ("Moscow", "RUS")
    assert "the destination of the trip the meeting is for" in event.reasons["location"]


def test_the_target_of_an_attack_on_a_place(stage):
    # "the attack on Iraq"
    doc = parse("They/PRON/nsubj/1 planned/VERB/ROOT/1 the/DET/det/3 attack/NOUN/dobj/1 on/ADP/prep/3 Iraq/PROPN/pobj/4/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 3, [m(5, 6, "country", "IRQ", "Iraq")], kind="ASSAULT")
    assert (event.location.name, event.location.country) == ("Iraq", "IRQ")
    assert "the place attacked" in event.reasons["location"]


def test_an_attack_on_a_base_named_by_two_countries_is_in_the_first(stage):
    # "an attack on a joint Kenya - U.S. base"
    doc = parse("They/PRON/nsubj/1 claimed/VERB/ROOT/1 an/DET/det/3 attack/NOUN/dobj/1 on/ADP/prep/3 a/DET/det/10 "
                "joint/ADJ/amod/10 Kenya/PROPN/compound/9/GPE -/PUNCT/punct/9 U.S./PROPN/compound/10/GPE base/NOUN/pobj/4 ./PUNCT/punct/1")
    event = run(stage, doc, 3, [m(7, 8, "country", "KEN", "Kenya"), m(9, 10, "country", "USA", "United States")], kind="ASSAULT")
    assert event.location.country == "KEN"


def test_the_setting_of_the_clause_an_act_depends_on(stage):
    # "Chile came to a standstill as miners struck ."
    doc = parse("Chile/PROPN/nsubj/1/GPE came/VERB/ROOT/1 to/ADP/prep/1 a/DET/det/4 standstill/NOUN/pobj/2 as/SCONJ/mark/7 "
                "miners/NOUN/nsubj/7 struck/VERB/advcl/1 ./PUNCT/punct/1")
    event = run(stage, doc, 7, [m(0, 1, "country", "CHL", "Chile")], kind="PROTEST", actor=[party(doc, 6, 7, None, "LAB")])
    assert (event.location.name, event.location.country) == ("Chile", "CHL")
    assert "the setting of the clause it depends on" in event.reasons["location"]


def test_a_region_the_actors_read_as_a_country_is_the_region(stage):
    doc = parse("Troops/NOUN/nsubj/1 raided/VERB/ROOT/1 homes/NOUN/dobj/1 in/ADP/prep/1 the/DET/det/6 Gaza/PROPN/compound/6/GPE "
                "Strip/PROPN/pobj/3/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(4, 7, "country", "PSE", "Palestine")], kind="ASSAULT")
    assert (event.location.name, event.location.country, event.location.admin1) == ("Gaza Strip", "PSE", "Gaza Strip")


# --- the dateline, for the lead ---------------------------------------------------------------------------------------

DATELINE = ("KABUL/PROPN/npadvmod/6/GPE ,/PUNCT/punct/6 March/PROPN/npadvmod/6/DATE 3/NUM/nummod/2/DATE -/PUNCT/punct/6 "
            "Police/NOUN/nsubj/6 arrested/VERB/ROOT/6 ten/NUM/nummod/8 men/NOUN/dobj/6 ./PUNCT/punct/6")


def test_dateline_places_the_lead(stage):
    event = run(stage, parse(DATELINE), 6, [m(0, 1, "capital", "AFG", "Afghanistan")])
    assert (event.location.name, event.location.country) == ("Kabul", "AFG")
    assert event.reasons["location"].startswith("dateline 'KABUL'") and "the article's lead" in event.reasons["location"]


def test_dateline_with_a_colon(stage):
    doc = parse("SYDNEY/PROPN/npadvmod/3/GPE :/PUNCT/punct/3 Ministers/NOUN/nsubj/3 met/VERB/ROOT/3 ./PUNCT/punct/3")
    event = run(stage, doc, 3, kind="CONSULT")
    assert (event.location.name, event.location.country) == ("Sydney", "AUS")


def test_dateline_does_not_place_a_statement_of_another_country(stage):
    # "WASHINGTON - Iran rejected the offer ." : Iran's rejection is not placed in Washington
    doc = parse("WASHINGTON/PROPN/npadvmod/3/GPE -/PUNCT/punct/3 Iran/PROPN/nsubj/3/GPE rejected/VERB/ROOT/3 the/DET/det/5 "
                "offer/NOUN/dobj/3 ./PUNCT/punct/3")
    iran = party(doc, 2, 3, "IRN", "GOV")
    assert run(stage, doc, 3, [m(2, 3, "country", "IRN", "Iran")], kind="REJECT", actor=[iran]).location is None


def test_dateline_does_not_place_events_after_the_lead(stage):
    doc = parse(DATELINE)
    text = doc.text + "\n\n" + "\n\n".join(f"Paragraph {k}." for k in range(3))
    analysis = Analysis(Article(id="a", date=DAY, text=text), doc, mentions=[m(0, 1, "capital", "AFG", "Afghanistan")])
    late = Event("a", 0, doc.text, "COERCE", "", "173", -5.0, 4, Span(len(text) - 3, len(text) - 1), "x", anchor=6)
    analysis.events = [late]
    stage(analysis)
    assert late.location is None


# --- a state body at home, inferred -----------------------------------------------------------------------------------

POLICE = "Italian/ADJ/amod/1/NORP police/NOUN/nsubj/2 arrested/VERB/ROOT/2 ten/NUM/nummod/4 protesters/NOUN/dobj/2 ./PUNCT/punct/2"


def test_police_at_home_get_their_country_flagged_as_inferred(stage):
    doc = parse(POLICE)
    police = party(doc, 0, 2, "ITA", "COP")
    event = run(stage, doc, 2, actor=[police], recipient=[party(doc, 3, 5, None, "CVL")], lead=False)
    assert (event.location.name, event.location.country) == ("Italy", "ITA")
    assert "location" in event.modality.inferred
    assert event.reasons["location"].startswith("inferred: no place named; 'Italian police' (COP of ITA)")


def test_no_home_inference_when_switched_off():
    doc = parse(POLICE)
    event = run(RelationalPlaceStage(infer_home=False), doc, 2, actor=[party(doc, 0, 2, "ITA", "COP")], lead=False)
    assert event.location is None and "location" not in event.modality.inferred


def test_a_government_acting_abroad_gets_no_home(stage):
    # a government acting on another country's people, or on no one, is not placed at home
    doc = parse(POLICE)
    government = party(doc, 0, 2, "ITA", "GOV")
    assert run(stage, doc, 2, actor=[government], recipient=[party(doc, 3, 5, "FRA", "CVL")], lead=False).location is None
    assert run(stage, doc, 2, actor=[government], lead=False).location is None
    event = run(stage, doc, 2, actor=[government], recipient=[party(doc, 3, 5, "ITA", "CVL")], lead=False)
    assert event.location.country == "ITA" and "acting on 'ten protesters' of its own country" in event.reasons["location"]


def test_a_government_speaking_of_an_act_at_home_gets_no_home(stage):
    # "The French president condemned the attack in Nice ." -- the attack's place names the country, not the speaker's
    doc = parse("The/DET/det/2 French/ADJ/amod/2 president/NOUN/nsubj/3 condemned/VERB/ROOT/3 the/DET/det/5 attack/NOUN/dobj/3 "
                "in/ADP/prep/5 Nice/PROPN/pobj/6/GPE ./PUNCT/punct/3")
    president = party(doc, 1, 3, "FRA", "GOV")
    event = run(stage, doc, 3, kind="ACCUSE", actor=[president], recipient=[party(doc, 5, 8, "FRA")], lead=False)
    assert event.location is None


def test_where_a_source_spoke(stage):
    # "The minister , speaking in Geneva , rejected the plan ."
    doc = parse("The/DET/det/1 minister/NOUN/nsubj/7 ,/PUNCT/punct/1 speaking/VERB/acl/1//speak in/ADP/prep/3 "
                "Geneva/PROPN/pobj/4/GPE ,/PUNCT/punct/1 rejected/VERB/ROOT/7 the/DET/det/9 plan/NOUN/dobj/7 ./PUNCT/punct/7")
    event = run(stage, doc, 7, kind="REJECT", actor=[party(doc, 1, 2, None, "GOV")], lead=False)
    assert event.location.name == "Geneva" and "where the speaker spoke" in event.reasons["location"]


def test_a_body_whose_country_was_inferred_gets_no_home(stage):
    doc = parse(POLICE)
    police = party(doc, 0, 2, "ITA", "COP", reason="inferred: a domestic actor of the one country where the clause happens")
    assert run(stage, doc, 2, actor=[police], lead=False).location is None


# --- what is a place name ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "word"), [
    ("the/DET/det/3/LAW Green/PROPN/compound/3/LAW New/PROPN/compound/3/LAW Deal/PROPN/dobj/4/LAW passed/VERB/ROOT/4", "Deal"),
    ("the/DET/det/2/ORG Vaccine/PROPN/compound/2/ORG Alliance/PROPN/nsubj/3/ORG shipped/VERB/ROOT/3", "Alliance"),
    ("the/DET/det/2/LOC Northern/PROPN/compound/2/LOC District/PROPN/pobj/3/LOC of/ADP/prep/2 Texas/PROPN/pobj/3/GPE", "Northern"),
    ("Georgia/PROPN/compound/1/ORG Tech/PROPN/nsubj/2/ORG won/VERB/ROOT/2", "Georgia"),
])
def test_a_word_cut_out_of_a_longer_name_is_no_place(spec, word):
    doc = parse(spec)
    spans = place_names(doc, load_gazetteer(), [])
    assert not any(doc[s.i].text == word for s in spans)


def test_a_capitalised_word_read_as_a_noun_is_a_place_only_in_place_context():
    # "Members marched in Reading ." -- the tagger read "Reading" as a noun; after "in" it is the town
    doc = parse("Members/NOUN/nsubj/1 marched/VERB/ROOT/1 in/ADP/prep/1 Reading/NOUN/pobj/2 ./PUNCT/punct/1")
    assert [doc[s.i].text for s in find_spans(doc)] == ["Reading"]
    # no place context: "Reading the report , members marched ." and "Members marched in March ."
    doc = parse("Reading/VERB/advcl/5 the/DET/det/2 report/NOUN/dobj/0 ,/PUNCT/punct/5 members/NOUN/nsubj/5 marched/VERB/ROOT/5 ./PUNCT/punct/5")
    assert find_spans(doc) == []
    doc = parse("Members/NOUN/nsubj/1 marched/VERB/ROOT/1 in/ADP/prep/1 March/NOUN/pobj/2 ./PUNCT/punct/1")
    assert find_spans(doc) == []
    # a capitalised common word as subject or object is no place: "Members backed Deal ."
    doc = parse("Members/NOUN/nsubj/1 backed/VERB/ROOT/1 Deal/NOUN/dobj/1 ./PUNCT/punct/1")
    assert find_spans(doc) == []


def test_a_whole_name_with_its_kind_word_is_a_place():
    doc = parse("in/ADP/ROOT/0 Helmand/PROPN/compound/2/GPE Province/PROPN/pobj/0/GPE")
    spans = find_spans(doc)
    assert [(doc[s.i].text, part_of_longer_name(doc, s)) for s in spans] == [("Helmand", None)]


def find_spans(doc: Doc):
    return place_names(doc, load_gazetteer(), [])


def test_seats_of_power_of_the_government_are_places_and_agencies_are_not():
    doc = parse("at/ADP/ROOT/0 the/DET/det/3 White/PROPN/compound/3 House/PROPN/pobj/0 and/CCONJ/cc/3 the/DET/det/6 CIA/PROPN/conj/3")
    spans = place_names(doc, load_gazetteer(), [m(2, 4, "metonym", "USA", "United States", "GOV"), m(6, 7, "metonym", "USA", "United States", "SPY")])
    assert [(s.i, s.j) for s in spans] == [(2, 4)]


# --- with the model: the phrases, in sentences written for these tests -----------------------------------------

END_TO_END = [
    ("Obama praised the plan during his White House meeting with Netanyahu.", "SUPPORT", "Washington", "USA"),
    ("The two foreign ministers were on their way to Moscow for talks with Russian officials.", "CONSULT", "Moscow", "RUS"),
    ("Al-Shabaab fighters claimed the attack on a joint Kenya-U.S. base on Sunday.", "ASSAULT", "Kenya", "KEN"),
    ("The attack on Iraq began in March 2003.", "ASSAULT", "Iraq", "IRQ"),
    ("The Central African Republic descended into violence when rebels seized the capital.", "COERCE", "Central African Republic", "CAF"),
    ("The bombing in Mumbai was carried out by militants based in Pakistan.", "ASSAULT", "Mumbai", "IND"),
    ("Police in Hyderabad arrested ten militants, Pakistan's interior ministry said.", "COERCE", "Hyderabad", "PAK"),
    ("Refugees who fled Syria protested on Monday in camps in Jordan.", "PROTEST", "Jordan", "JOR"),
    ("Rebels shelled the Syrian city of Aleppo on Monday.", "ASSAULT", "Aleppo", "SYR"),
    # an ambiguous name read by the article's countries and by the dateline
    ("Pakistan's interior ministry announced new security measures on Sunday. Police arrested two men in Hyderabad on Monday.",
     "COERCE", "Hyderabad", "PAK"),
    ("KARACHI, March 3 - Police arrested two men in Hyderabad on Monday.", "COERCE", "Hyderabad", "PAK"),
    ("Union members marched in Reading on Saturday.", "PROTEST", "Reading", "GBR"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "name", "country"), END_TO_END)
def test_end_to_end(code, text, kind, name, country):
    events = [e for e in code(text) if e.event == kind]
    assert events, f"no {kind} event in {text!r}"
    location = events[0].location
    assert location is not None and (location.name, location.country) == (name, country), events[0].reasons.get("location")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Foreign ministers met on Tuesday to discuss piracy in the Gulf of Guinea.",
    "Police arrested a man from Leicester on Friday.",
    "France sent troops to Mali on Monday.",
    "The president invited Hollywood celebrities to a dinner.",
    "The minister condemned the bombing in Split, Croatia.",
    "Ministers met on Monday to discuss the crisis in Venezuela.",
    "Amnesty International accused the army of torture in Darfur.",
    "The adviser resigned from the State Department on Monday.",
])
def test_end_to_end_no_place(code, text):
    assert all(e.location is None for e in code(text)), [(e.event, e.location) for e in code(text)]


@pytest.mark.model
def test_end_to_end_inferred_home(code):
    events = [e for e in code("Italian police arrested ten protesters on Monday.") if e.event == "COERCE"]
    assert events and events[0].location.country == "ITA" and "location" in events[0].modality.inferred
