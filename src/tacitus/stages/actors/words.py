"""The word lists and thresholds the actors stage tests tokens, names and places against."""

from __future__ import annotations

KIND_PRIORITY = {"person": 0, "org": 1, "metonym": 2, "capital": 3, "country": 4, "place": 4, "adjective": 5, "coref": 6}
# Dependencies that stay inside one noun phrase when collecting an argument's mentions.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "det", "case", "flat", "nummod", "npadvmod", "prep", "pobj", "punct", "quantmod"})
NP_PREPS = frozenset({"of", "for", "from", "in", "at", "across", "throughout"})
# Participles after a hyphen that make a country the backer of a group, not its own ("Turkish-backed rebels").
# Suffixes of a company's name ("Novell Inc.", "Titan Corp").
COMPANY_SUFFIXES = frozenset("Inc Corp Ltd plc PLC LLC GmbH Co Corporation Incorporated Limited".split())
BACKING_PARTICIPLES = frozenset("backed funded financed sponsored supported armed trained aligned allied equipped".split())
# Nouns that refer back to a country already named in the article.
COREF_NOUNS = {"country": None, "nation": None, "kingdom": "GOV", "regime": "GOV", "republic": None, "island": None, "state": None}
ISLAND_STATES = frozenset(
    "CUB JPN GBR IRL ISL LKA PHL IDN TWN MDG NZL CYP MLT JAM HTI DOM SGP BHR MUS CPV FJI BRN TTO BHS BRB COM MDV SYC TLS PNG SLB VUT WSM TON KIR MHL FSM PLW NRU TUV GRD LCA VCT ATG KNA DMA STP".split()
)
PRONOUNS = {"it": "thing", "its": "thing", "he": "person", "his": "person", "she": "person", "her": "person", "him": "person"}
PLURAL_COREF = frozenset({"country", "nation", "state", "republic", "government", "side", "neighbour", "neighbor", "power", "rival"})
SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they"})
# Pronouns that refer back to a plural group named just before them ("Protesters ... They asked ...").
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# Titles that name one office-holder of the country the article is about ("the president said").
TITLE_ROLES = {
    ("president",): ("head_of_state", "head_of_government"), ("prime", "minister"): ("head_of_government",),
    ("premier",): ("head_of_government",), ("chancellor",): ("head_of_government",),
    ("foreign", "minister"): ("foreign_minister",), ("secretary", "of", "state"): ("foreign_minister",),
    ("defence", "minister"): ("defence_minister",), ("defense", "minister"): ("defence_minister",),
    ("defense", "secretary"): ("defence_minister",), ("defence", "secretary"): ("defence_minister",),
    ("king",): ("monarch", "head_of_state"), ("queen",): ("monarch", "head_of_state"), ("emir",): ("monarch", "head_of_state"),
    ("supreme", "leader"): ("supreme_leader",),
}
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my", "me"})
# How many references one resolution may follow (pronoun -> speaker -> earlier speaker ...) before it stops.
MAX_REFERENCE_CHAIN = 12
# A proper noun the tagger does not mark as a place is read as one only for places this big.
UNTAGGED_PLACE_MIN_POPULATION = 100_000
# Nouns of an attack or a blast: a phrase they head names an act, not a party ("a wave of bombings in Baghdad").
ACT_NOUNS = frozenset("attack attacks bombing bombings bomb bombs blast blasts explosion explosions shelling raid raids "
                      "ambush ambushes strike strikes shooting shootings".split())
# Nouns of people a town's name may modify to say where they are from ("a Cheltenham man", "two Leeds students").
RESIDENT_NOUNS = frozenset("man woman boy girl teenager teen youth student resident pensioner couple father mother "
                           "businessman businesswoman family".split())
# A city named like another country's capital stands for itself only when it is this big ("Tripoli", Lebanon).
OTHER_CITY_MIN_POPULATION = 100_000
# Words after a capital's name that make it part of a name in that country ("Dhaka University").
# Words of kinship before a one-word name make it a first name: "his wife Sharon", "her son Tony".
KINSHIP_WORDS = frozenset("wife husband son daughter mother father brother sister girlfriend boyfriend partner widow "
                          "widower fiancee fiance cousin uncle aunt nephew niece grandson granddaughter".split())
CAPITAL_AS_PLACE = frozenset({"state", "post", "university"})
# The city that stands for the EU's institutions in an article that names the EU, and the EU's actor code.
EU_SEAT, EU_CODE = "Brussels", "EUR"
# Countries that share their name with a US state, and the words that, in the same sentence, make it the state
# ("Senator David Perdue of Georgia", "Atlanta, Georgia", "the Georgia governor"); case matters (not "democratic").
US_STATE_NAMESAKES = {"Georgia": "GEO"}
US_STATE_CUES = frozenset("Atlanta Savannah Republican Republicans Democrat Democrats Democratic Senator Sen. Senate "
                          "Congress congressman congresswoman Rep. governor Governor county County GOP".split())
# Prepositions after which a place name says where, not who ("talks in Brussels", "flew to Brussels").
PLACE_PREPS = frozenset("in at to from into through across near outside inside around via".split())
# A place name shared by several countries' places means the biggest one when it is this many times bigger.
PLACE_DOMINANCE = 20
NAMED_PLACE_RATIO = 3  # a place in a country the article names must be at least a third of the biggest
# Nouns that count the people they are "of" ("hundreds of students").
QUANTITY_NOUNS = frozenset("score ten hundred thousand dozen million number group lot majority most some many".split())
# Nouns a country adjective can modify without naming an actor ("the Russian language").
NOT_ACTOR_NOUNS = frozenset("language cuisine literature accent alphabet dialect grammar".split())
# Words of nature that, after a country's name, make the name a place's ("the Niger Delta", "the Congo Basin").
FEATURE_WORDS = frozenset("delta river basin valley".split())
# Words that make a country's name the name of one of its regions ("South Lebanon", "Western Cambodia"); countries
# named so ("South Korea", "East Timor") are longer dictionary names, matched first.
COMPASS_WORDS = frozenset("north south east west northern southern eastern western central northeastern northwestern "
                          "southeastern southwestern".split())
# Lower-case particles that open names ("al-Qaeda", "dos Santos", "van der Bellen", "bin Laden").
# Capitalised party adjectives before a member of a party or a legislature ("Republican Senator Lindsey Graham",
# "Democratic lawmakers", "Conservative MP"): the party named by the dictionary entry given here ("Irish Republican ..." is Ireland's:
# namesakes.generic_party).
PARTY_ADJECTIVES = {"Republican": "Republican Party", "Democratic": "Democratic Party", "Democrat": "Democratic Party",
                    "Conservative": "Conservative Party"}
PARTY_MEMBER_NOUNS = frozenset(
    "senator representative congressman congresswoman lawmaker legislator leader member candidate nominee chairman "
    "chairwoman chair governor colleague caucus strategist official presidential congressional senate house committee "
    "mp mep peer councillor activist spokesman spokeswoman frontbencher backbencher minister".split()
)
NAME_PARTICLES = frozenset("al el ad as ash ar an at ul de del della di da dos das du van von der den bin ibn abu".split())
# Prepositions that say where something happens ("marched through the centre of Minsk").
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "across", "throughout", "near", "around"})
# Sectors of actors that are usually of the country they act in (police, protesters, rebels, the opposition);
# soldiers and diplomats often are not, and IGOs and NGOs have no country.
# Not GOV ("officials met in Geneva"), BUS, JRN or REF ("refugees in Lebanon"), who are often foreign.
# Sectors of a body a speaker of the same sector tells of as its own ("troops ..., the army said").
SPOKEN_FOR_SECTORS = frozenset({"MIL", "COP"})
DOMESTIC_SECTORS = frozenset("COP JUD LEG PTY REB UAF CRM CVL OPP LAB EDU MED REL AGR SOC".split())
# Sector nouns that take the sector of the body they belong to ("leaders of the opposition", "a
# spokesman for the rebels", "members of parliament").
GENERIC_AGENTS = frozenset("leader spokesperson spokesman spokeswoman official member representative delegation delegate".split())
# "forces" are soldiers unless a modifier names another armed body ("rebel forces", "opposition forces").
PLURAL_ONLY_AGENTS = frozenset({"force"})
NOT_ARMED_FORCES = frozenset("outside external hostile dark evil political market progressive reactionary".split())
# Words before "court" that make it a place of play ("a cross court shot", "on centre court"), not a court of law.
PLAYING_COURTS = frozenset("cross centre center clay grass hard indoor outdoor tennis basketball squash show".split())
FORCE_MODIFIER_SECTORS = frozenset("REB OPP COP PRM UAF IGO".split())
# Words before a known person's surname that are titles, not another first name ("President Bush", "Mr Blair").
PERSON_TITLES = frozenset(
    "mr mrs ms miss dr sir dame lord lady president premier chancellor minister secretary senator governor general "
    "king queen prince princess emir sheikh ayatollah pope rev leader chairman chief judge justice mayor speaker "
    "ambassador envoy commander colonel major captain admiral marshal prime vice deputy former late".split()
)
# A group noun with no country takes the country the article is about ("the police", "the attorney general") when
# one dominates it (ActorResolver.country_in_focus; the sectors that may: events/words.py FOCUS_SECTORS): a country
# dominates an article when named at least this often (or it is the only country named), and this many times as often
# as the next.
FOCUS_MIN_MENTIONS = 2
FOCUS_DOMINANCE = 1.5
# Group nouns whose own clause, aimed at a government, says whose people they are ("demonstrations accusing the
# island nation's governing Communists" are Cuban).
CLAUSE_GROUP_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU"})
# Nouns of relation whose possessor is the other side, not the group's country ("Britain's allies").
RELATION_NOUNS = frozenset("ally allies enemy enemies rival rivals neighbour neighbours neighbor neighbors partner partners "
                           "critic critics opponent opponents foe foes adversary adversaries friend friends".split())
# Modifiers that make a possessed group its country's government ("the island nation's governing Communists").
GOVERNING_WORDS = frozenset({"governing", "ruling"})
# Names of chambers whose office-holders are the state's ("House Speaker", "Senate President"); and words that make a
# "speaker" one at an event, not a legislature's ("fellow speaker", "guest speaker").
LEGISLATURE_WORDS = frozenset("house senate assembly parliament congress chamber council duma knesset".split())
SPEAKING_GUESTS = frozenset("fellow guest keynote main other".split())
# Sectors of a body whose office-holders hold an office of the state ("Cabinet secretary", "Army chief").
STATE_SECTORS = frozenset("GOV LEG JUD MIL COP SPY".split())
