"""The word and dependency-label lists the events stage's rules test tokens against (what a PLOVER type does is in data/event_types.tsv)."""

from __future__ import annotations

import re

from ..base import SPEECH_VERBS

# --- trigger matching ---------------------------------------------------------------------------
# Words a lexicon phrase may skip between two of its words ("imposed new and tougher sanctions").
MAX_GAP = 3
# Particles of phrasal verbs, which may follow the verb's object ("forced the agency out", "called the strike off").
PARTICLES = frozenset("out off up down back away over".split())
# Particles and prepositions that end a phrasal trigger ("give in", "back down", "hand over"): matched across a gap
# only when they depend on the word before them in the phrase.
PHRASE_PARTICLES = PARTICLES | frozenset("in on into through around".split())
# Of those, the ones that take no object of their own ("gave in", "handed over"): one that has one is a preposition
# ("gave $5m in aid"), unlike "called on X".
ADVERB_PARTICLES = PARTICLES | frozenset({"in"})

# --- arguments ----------------------------------------------------------------------------------
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# Clauses whose missing subject is the subject of the governing verb (control, coordination).
INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
# Prepositions that may introduce a target when the lexicon entry names none.
GENERIC_PREPS = ("against", "on", "with", "to", "toward", "towards", "into")
# Verbs whose subject is the actor of the event noun they govern ("X imposed an embargo", "X held talks").
LIGHT_VERBS = frozenset(
    "hold stage launch impose carry conduct declare express announce make give issue mount organize organise lead "
    "begin start continue resume take voice offer extend provide send deliver sign reach pledge promise threaten "
    "order approve authorize authorise call seek propose step escalate intensify tighten slap level file lodge "
    "open pursue wage fight go engage initiate unleash renew enter agree have be interested ready "
    "stag arrive complete undertake reimpose insist return travel fly head involve increase boost expand deepen "
    "strengthen step-up use deploy stand mastermind orchestrate perpetrate commit kick pay wrap conclude keep maintain "
    "sustain".split()
)
# Verbs whose object is the one to act in their infinitive ("urged Iran to halt ...", "allowed the refugees to stay").
OBJECT_CONTROL = frozenset(
    "ask urge order allow permit force compel invite persuade tell press encourage request instruct authorize "
    "authorise call help enable warn advise implore exhort forbid".split()
)
# Verbs by which a body makes a document its own ("approved a plan that ..."; not "supported a resolution that ...").
ISSUING_VERBS = frozenset("approve adopt pass issue release publish unveil draft present submit introduce sign enact".split())
# Documents, decisions and plans that "demand", "recognize", "ban" or "condemn" for whoever issued or adopted them.
DOCUMENT_NOUNS = frozenset(
    "declaration statement letter resolution law bill decree communique report message note memorandum motion "
    "ruling verdict order proclamation manifesto appeal petition plan proposal policy".split()
)
# Nouns of "in protest at X", "in defiance of X": X is what the act is against.
STANCE_NOUNS = frozenset({"protest", "defiance", "opposition", "retaliation", "revenge"})
# Nouns of "for a war against X": X is whom the act prepares for.
CONFLICT_NOUNS = frozenset({"war", "attack", "offensive", "invasion", "assault", "strike", "campaign", "operation"})
# Nouns of acts done to someone, whose possessor undergoes the act ("X's arrest drew condemnation": X is
# arrested, not the arrester) unless an "of" phrase names who does ("Kenya's arrest of the activist").
# Nouns whose clause subject undergoes the act: "he is on trial", "she will stand trial".
SUBJECT_UNDERGOES = frozenset({"trial", "charge"})
# verbs whose subject undergoes the act their object names ("faced charges", "faces criticism from the UN", "the raid
# drew condemnation"; not "sparked": what a cause sets off may name its own parties, "sparked clashes between ...")
UNDERGO_VERBS = frozenset({"face", "undergo", "draw", "attract", "earn", "incur", "settle", "contest", "win", "receive"})
# Acts of a state on the people it holds ("the detention of a journalist in Iran": Iran's authorities held them).
HELD_NOUNS = frozenset(
    "arrest detention jailing imprisonment incarceration deportation expulsion extradition execution sentencing "
    "internment indictment prosecution trial conviction eviction".split()
)
PATIENT_NOUNS = frozenset(
    "arrest detention killing murder assassination execution deportation expulsion extradition abduction kidnapping "
    "capture jailing imprisonment incarceration ouster removal dismissal sacking impeachment prosecution conviction "
    "sentencing torture beating shooting lynching massacre slaughter disappearance eviction exile banishment "
    "persecution indictment internment repatriation release trial".split()
)
# Acts that send people somewhere: their "to" object is where they are sent, never the target
# ("deported 300 migrants to Honduras", "Y's deportation to Z").
DESTINATION_LEMMAS = frozenset(
    "deport deportation expel expulsion extradite extradition repatriate repatriation exile banish banishment "
    "transfer evict eviction".split()
)
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})
# Nouns whose "from" object is what is left or removed from, not who acts ("withdrawal from Iraq"); after other
# nominal triggers, "from X" names the actor ("condemnation from the UN", "a request from the United States").
FROM_TARGET_NOUNS = frozenset(
    "withdrawal pullout pull-out retreat release expulsion exclusion suspension resignation departure defection "
    "escape exit evacuation removal ouster deportation extradition ban".split()
)
# Seats of government whose invitation a passive "invited to X" with no agent is ("was invited to the White House").
INVITE_CODES = frozenset({"036"})
# Passive forms that state the subject's stance ("is opposed to", "is committed to"), not an act done to it.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote"})

# --- inferred participants ----------------------------------------------------------------------
# Prepositions by which a country mention says where the event happens (for the "only other country in the
# sentence" inference; narrower than actors.LOCATIVE_PREPS, which places an actor: "around X" is not "in X").
WHERE_PREPS = frozenset({"in", "inside", "at", "across", "throughout", "within", "near"})
# Words that make a participant with a sector foreign or international, never domestic.
NOT_DOMESTIC_WORDS = frozenset("international foreign world western global outside regional overseas".split())
# Sectors of a group noun with no country that takes the country the article is about ("the police", "protesters").
FOCUS_SECTORS = frozenset("GOV COP JUD LEG PTY REB OPP CVL LAB EDU REL UAF ELI".split())
# Nouns of another party's words: refusing or criticising them is no act on the actor's own country ("denied the
# accusation"), unlike a bill, plan or policy (home_target = thing).
CLAIM_NOUNS = frozenset(
    "accusation allegation claim charge report suggestion rumour rumor speculation criticism remark comment statement "
    "assertion question demand request call offer invitation proposal appeal idea notion talk concern fear worry "
    "view theory".split()
)
# Names of laws, a thing whatever entity type the parser gives the name ("the Prevention of Terror Bill": ORG).
LAW_NOUNS = frozenset("bill act law statute directive regulation ordinance amendment".split())
# What a "by" phrase measures, not who acts: "rejected the plans by a majority of 14", "won by a wide margin".
MARGIN_NOUNS = frozenset("majority margin vote votes percent point points total".split())
# Plural nouns for several countries, which the sentence's one country never stands for.
SEVERAL_STATES = frozenset("states countries nations governments neighbours neighbors powers".split())
# Sectors of the state, whose use of force in a one-country sentence is against its own people.
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "MIL", "LEG", "SPY"})
# Sectors of the bodies that arrest, charge and jail: one that reports such an act done in the passive did it.
REPORTING_AUTHORITIES = frozenset({"COP", "JUD", "MIL", "SPY"})
# Words that end a place name without being part of the gazetteer's name.
PLACE_KIND_WORDS = frozenset("state province region city district town county governorate prefecture".split())
# Nouns of a part of a country, through whose 'of' a place is named ("in a remote area of Nigeria").
AREA_NOUNS = PLACE_KIND_WORDS | frozenset("area part outskirts north south east west centre center heart interior capital "
                                          "suburb border coast village countryside zone".split())

# --- per-type rules -----------------------------------------------------------------------------
# Objects that make "mobilize" a mobilization of force (not of voters or supporters).
FORCE_NOUNS = frozenset(
    "troop force army soldier reservist reserve militia unit police division brigade battalion fighter guard navy "
    "tank warship jet aircraft man conscript recruit military".split()
)
# Words of military exercises: single-country ones are MOBILIZE, joint ones COOPERATE.
EXERCISE_WORDS = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre"})
# A verb that undoes or suppresses the event its object names changes what happened:
# "lifted the blockade" is a concession, "broke up the demonstration" is repression.
REVERSAL_VERBS = frozenset("lift ease end cancel remove relax scrap rescind revoke shorten loosen drop halt stop".split())
SUPPRESSION_VERBS = frozenset("prevent ban block disperse suppress prohibit outlaw forbid stop".split())

# --- whether a trigger is news of its own -------------------------------------------------------
# Prepositions whose object only sets the scene ("after the invasion", "amid protests").
BACKGROUND_PREPS = frozenset("after following before since amid despite over for during".split())
# Nouns of time whose 'of' object is an earlier act ("after three days of rioting", "in the aftermath of the coup").
TIME_NOUNS = frozenset("hour day week month year decade wake aftermath".split())
EARLIER_MARKS = frozenset({"after", "since", "before", "following"})
# Nouns whose 'of' names an event only referred to ("victims of the train bombings", "one of his campaign promises",
# "the anniversary of the invasion"), and prepositions of a topic ("a summit regarding sexual abuse").
REFERRING_NOUNS = frozenset("victim survivor family relative anniversary memory memorial legacy one history images "
                            "footage commemoration".split())
TOPIC_PREPS = frozenset({"regarding", "concerning", "about"})
# Verbs of talking about a topic: in the purpose of a meeting ("met X to discuss Syria") they are that meeting.
TOPIC_VERBS = frozenset({"discuss", "debate", "review", "address", "explore"})
# Deps through which a noun phrase hangs from the verb whose object (or topic) it is.
TOPIC_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "nsubjpass", "conj", "appos", "compound", "nmod", "poss", "amod", "oprd"})
# Deps by which an act sits in a clause or object another act governs.
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "advcl", "relcl"})  # not "conj": a separate act
# Prepositions that introduce the charge behind an arrest, accusation or sanction ("arrested for spying").
CHARGE_PREPS = frozenset({"for", "of", "with", "over"})

# --- sentence-level passes ----------------------------------------------------------------------
# Verbs and nouns of saying whose "X must ..." clause is a demand on X ("Russia said Sudan must return the
# helicopter", "a note to Chile that it should stop the drilling").
OBLIGATION_VERBS = frozenset(
    "say tell state announce insist assert stress argue contend maintain explain confirm add declare reiterate "
    "conclude remind warn emphasize emphasise underline repeat write".split()
)
OBLIGATION_NOUNS = frozenset("reminder warning statement message letter declaration resolution communique ultimatum".split())
# Modal of obligation -> CAMEO code of the demand (must: demand; should: appeal).
OBLIGATION_MODALS = {"must": "100", "should": "020", "ought": "020"}
OBLIGATION_RE = re.compile(r"\b(?:must|should|ought|ha(?:s|ve|d) to|needs? to)\b", re.IGNORECASE)
# Participles by which a sentence says its actor does what others did ("declared its support for Cuba, joining
# Russia, China, and Iran"): their objects did the same act.
COMPARISON_VERBS = frozenset({"join", "echo"})
# Clause links by which a demand made while protesting is part of the protest.
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "conj", "pcomp", "prep"})
# Orders whose content is coercion ("ordered the paper to close") are that coercion.
ORDER_VERBS = frozenset({"order", "force", "compel", "instruct", "direct"})

# --- the sense of a trigger in context ----------------------------------------------------------------
# Words of sport reports (and of awards and charts): in a sentence with one of them, or with a score ("7-6", "2-0"), or in an article with
# three or more different ones, "beat", "attack", "rally", "captured", "offer" and "loan" are sport, not politics,
# unless a party is an organised political actor (a state body, an armed or political group, an IGO).
SPORT_WORDS = frozenset(
    "match matches tournament semifinal semifinals semi-final semi-finals quarterfinal quarterfinals quarter-final "
    "quarter-finals seed seeded seeds striker strikers midfielder midfielders goalkeeper defender defenders "
    "footballer footballers goal goals league premiership championship championships playoff playoffs "
    "olympic olympics paralympic medal medals gold-medal cup fixture fixtures squad squads teammate teammates "
    "coach coaches referee referees innings wicket wickets batsman bowler try tries fly-half scrum rugby football "
    "soccer tennis cricket golf golfer athletics sprinter marathon grand-slam wimbledon stadium inning pitcher "
    "quarterback touchdown nba nfl nhl fifa uefa atp wta six-nations race races runner runners athlete athletes "
    "club clubs forehand backhand hockey baseball basketball volleyball birdie birdies bogey bogeys putt putts fairway "
    "boxer boxers boxing bout knockout featherweight lightweight welterweight middleweight heavyweight bantamweight "
    "flyweight cruiserweight wbo wba wbc ibf "
    # awards and charts, contests of another kind: "beat Sideways to the best film award", "battle it out for best actor"
    "award awards prize prizes nominee nominees nominated nomination nominations oscar oscars bafta baftas grammy "
    "grammys emmy emmys album albums box-office".split()
)
# Names of competitions written as several words ("the Six Nations clash", "a World Cup qualifier").
SPORT_PHRASES = re.compile(r"\b(?:six nations|world cup|grand slam|grand prix|premier league|champions league|davis cup|"
                           r"ryder cup|super bowl|tour de france|world series|fa cup|european tour|pga tour|"
                           r"(?:under|over)-par|\w+-stroke lead|pre-?season|(?:won|lost|beaten) by \d{1,3} points|"
                           r"(?:beat|beats|defeated|defeats|won|lost|edged|routed|thrashed|downed)\b[^.;]{0,40}?\b\d{1,3} to \d{1,3})\b",
                           re.IGNORECASE)  # "beat Miami 31 to 28", "beaten by 12 points in a preseason outing"
SCORE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
SPORT_ARTICLE_WORDS = 3  # different sport words that make a whole article a sport report
# Words of film, music, television and celebrity: three different ones make an article a show-business report, where,
# as in sport, only an organised political actor makes an event ("the stars signed up for the sitcom", "the band
# supported Franz Ferdinand on tour", "lawyers for the actor denied the allegations").
SHOW_WORDS = frozenset(
    "film films movie movies album albums song songs singer singers actor actors actress actresses sitcom sitcoms "
    "comedian comedians concert concerts chart charts musician musicians gig gigs hollywood bollywood oscar oscars "
    "grammy grammys bafta baftas box-office soap rapper rappers popstar pop-star screenplay cinema cinemas sequel "
    "premiere episode episodes starring starred showbiz celebrity celebrities guitarist drummer frontman band's "
    "record-breaking soundtrack novelist dvd dvds contestant contestants finalist finalists viewers presenter presenters "
    "comedy comedies drama dramas musical musicals theatre festival festivals awards nominated film-maker filmmaker "
    "film-makers filmmakers comic comics stand-up".split()
)
# Sectors whose presence keeps an event in a sport report ("the sports minister condemned FIFA").
ORGANISED_POLITICAL_SECTORS = frozenset({"GOV", "COP", "JUD", "MIL", "LEG", "REB", "PTY", "OPP", "IGO", "SPY", "UAF"})
# Verbs of attack that are also verbs of criticism, and what an attack in words is aimed at: "attacked the
# government over Iraq", "hit out at the plan", "attacked Labour's record" (attack_in_words).
WORD_ATTACK_VERBS = frozenset("attack hit slam blast lash savage clash".split())
# Verbs of fighting that politicians do in words ("lawmakers fought over the reforms").
FIGHT_VERBS = frozenset("fight battle clash wrangle spar feud".split())
# Sectors whose attacks are made in words: parties, legislators, the opposition.
WORDY_SECTORS = frozenset({"PTY", "LEG", "OPP"})
# Sectors that fight in the street, not in words: a clash with them is a clash ("supporters clashed with police").
FORCE_SECTORS = frozenset({"COP", "MIL", "REB", "UAF"})
# What a dispute in words is about: "clashed with the Commission on the issue" (not "clashed with police on Sunday").
ISSUE_NOUNS = frozenset("issue issues question questions matter matters subject policy policies plan plans proposal "
                        "proposals budget tax taxes law bill reform reforms strategy strategies".split())
CRITICISED_THINGS = frozenset(
    "plan plans policy policies record decision decisions proposal proposals comment comments remark remarks "
    "approach handling stance response budget manifesto bill law idea ideas scheme schemes claim claims "
    "statement statements speech view views strategy tactics leadership performance reform reforms pledge pledges "
    "promise promises measure measures programme programmes program programs lie lies allegation allegations rhetoric "
    "argument arguments".split()
)
# Natural forces, accidents and diseases: when one is the source, the event is no political act ("a strong
# earthquake killed eight people", "the blast injured three soldiers").
NATURAL_FORCES = frozenset(
    "earthquake earthquakes quake quakes tremor tremors aftershock aftershocks magnitude tsunami tsunamis storm storms "
    "hurricane hurricanes typhoon typhoons cyclone cyclones tornado tornadoes "
    "flood floods flooding landslide landslides mudslide avalanche wildfire wildfires fire fires blaze drought "
    "heatwave eruption volcano lightning crash crashes collision accident accidents explosion explosions blast disaster disasters "
    "disease diseases epidemic outbreak virus flu influenza measles cholera malaria ebola famine "
    # animals: "a bear mauled a hiker", "a shark bit a surfer"
    "bear bears shark sharks tiger tigers lion lions leopard elephant elephants crocodile crocodiles snake snakes "
    "dog dogs wolf wolves bull bulls hippo buffalo".split()
)

# Weapons of political violence: an attack by one ("a bomb hidden in a cart killed two men", "a car bomb blast")
# is an act of violence even with no attacker named, and is no accident.
WEAPONS = frozenset(
    "bomb bombs bomber bombers car-bomb explosive explosives grenade grenades rocket rockets mortar mortars missile "
    "missiles shell shells shelling gunfire sniper snipers landmine landmines ied ieds airstrike airstrikes "
    "air-strike air-strikes drone drones bombing bombings car-bombing shooting shootings".split()
)

# Verbs by which a weapon named as their subject strikes a place or people ("bomb blasts rocked southern Thailand",
# "a bomb hidden in a cart killed two men"): the attack is reported as it happened, not only named.
STRIKE_VERBS = frozenset("rock hit strike shake kill wound injure destroy damage target explode tear rip".split())
# Nouns that count acts and take the acts' place in the clause: "a string of bomb blasts rocked Assam".
QUANTITY_HEADS = frozenset("string series wave spate pair couple volley barrage number".split())

# What a blast (BLAST_LEMMAS) did to people ("exploded near the base, killing seven marines"): its target is them.
HARM_VERBS = frozenset("kill wound injure maim".split())

# A blast, and the prepositions that say where it was set: "exploded near a US convoy" aims at the convoy's side.
BLAST_LEMMAS = frozenset({"explode", "detonate", "blast", "blow"})
NEAR_PREPS = frozenset({"near", "outside", "beside", "next"})

# "Warned against the changes": what a warning against is criticism of (CRITICISED_THINGS and more); a warning about
# another party's state ("warned the party was ...") is no threat.
WARNED_AGAINST = CRITICISED_THINGS | frozenset("change changes cut cuts move moves rise increase complacency".split())
WARNER_PRONOUNS = frozenset({"it", "they", "we", "i", "he", "she"})
WARNING_MODALS = frozenset({"will", "would", "'ll", "could", "may", "might", "shall", "must", "should"})
# Verbs of a state or a risk, not of an act: a warning that something is so ("warned it was running short of money") tells
# no act to come.
STATE_LEMMAS = frozenset("be have see risk head fail face lack seem remain become".split())
# What someone says something in: "in a statement condemning ...", "with a speech criticising ...".
SPOKEN_NOUNS = DOCUMENT_NOUNS | frozenset("speech interview address article tweet post message remarks".split())
# Crimes named in a trigger phrase: their 'of' object is the victim ("charged with the murder of X").
CRIME_NOUNS = frozenset("murder killing assassination death abduction kidnapping rape torture abuse beating "
                        "manslaughter shooting stabbing".split())

# Damning words (lemmas) whose lexicon rows code criticism only when said of something in reported words or by a
# verb of calling (rule evaluation_in_words): "the minister said the ruling was unfair", "called the plan a shambles".
DAMNING_WORDS = frozenset(
    "unfair unjust unacceptable irresponsible reckless outrageous appalling disgraceful shameful scandalous abhorrent "
    "absurd ridiculous ludicrous flawed incompetent dishonest hypocritical illegal unlawful unconstitutional "
    "undemocratic deplorable despicable disastrous arrogant cynical callous inept shambolic farcical unworkable divisive "
    "discriminatory deceitful misleading inexcusable unforgivable wrong unwarranted foolish juvenile "
    "naive scurrilous terrible catastrophic cowardly "
    "disgrace scandal shamble fiasco farce betrayal insult sham travesty whitewash gimmick stunt nonsense blunder lie calamity negligence "
    "breach violation mistake outrage mess catastrophe joke".split()
)
# Verbs of failure or misconduct (lemmas) whose lexicon rows code criticism only when one party charges another with
# them in reported words (rule misconduct_in_words): "the senator said the ministers had misled voters".
MISCONDUCT_VERBS = frozenset("fail mislead deceive betray smear squander lie".split())
# Types of acts done in words (a view, a demand, a threat): a commentator's is no act; a speaker's next act is one.
SPOKEN_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "REJECT"})
# Head nouns of an organisation's name: "the Muslim Council of Britain" is a body of that country, not someone placed there.
ORGANISATION_HEADS = frozenset("council association federation confederation union league party front movement committee "
                               "commission alliance congress society church chamber board institute assembly conference "
                               "coalition forum organisation organization".split())
# Nouns of asking whose 'of' names the asker in "at the request of X" (X asked whoever acted).
ASKING_NOUNS = frozenset("request behest urging insistence".split())
# People in business (their mention's last word): one suing a state is a person's grievance, not a company's business.
BUSINESS_PEOPLE = frozenset("businessman businessmen businesswoman businesswomen tycoon tycoons magnate magnates entrepreneur "
                            "entrepreneurs billionaire billionaires".split())
# Speakers who include themselves: "we have failed" is an admission, not a charge against another.
SELF_PRONOUNS = frozenset("i we me us".split())
# Verbs that report a failure or a judgement as a charge; not those that only report it ("an official confirmed that
# the plan fails").
CHARGING_SPEECH = SPEECH_VERBS - frozenset("confirm admit acknowledge announce report reveal quote testify".split())
# Verbs of saying whose content a speaker calls wrong: "was wrong to suggest that ..." rebuts a claim (REJECT).
REBUTTED_SAYING = frozenset("say suggest claim allege imply argue assert insist".split())
# Verbs that link a subject to what it is called ("the plan is unfair", "the law seems unworkable").
COPULAS = frozenset("be seem look remain become sound appear prove".split())
# Verbs by which a speaker calls something what it is ("called the plan a disgrace", "found the policy abhorrent").
CALLING_VERBS = frozenset("call describe label term dub find consider deem brand".split())
# Dependents of a noun that name whose it is ("Labour's plans", "the government plan", "the policies of the party").
OWNER_DEPS = ("poss", "compound", "nmod", "amod")
# Words that title a named storm ("Hurricane Ivan", "Typhoon Haiyan"): such a name is no actor.
STORM_TITLES = frozenset("hurricane typhoon cyclone storm tornado".split())
# Nouns of people who may be taken: a seizure or capture of them is an abduction.
TAKEN_PEOPLE = frozenset("man men woman women person people child children hostage hostages journalist journalists "
                         "reporter reporters driver drivers engineer engineers worker workers contractor contractors "
                         "tourist tourists national nationals citizen citizens civilian civilians soldier soldiers "
                         "officer officers lieutenant commander leader official officials aide aides member members "
                         "fighter fighters militant militants rebel rebels suspect suspects activist activists minister".split())
# Participles of acts done to people: "hostages held by X", "tourists kidnapped by X" are X's captives, not X's own
# (unlike "the measures taken by X" or "the town held by rebels", a thing that is X's).
CAPTIVE_PARTICIPLES = frozenset(
    "hold kidnap abduct capture seize take detain arrest jail imprison kill wound injure shoot torture trap rescue free "
    "release deport expel evict displace attack target".split()
)
# Nouns of a meeting, whose "with" object is the other side ("an offer of talks with the government").
MEETING_NOUNS = frozenset("talk talks negotiation negotiations dialogue meeting meetings summit".split())
# Prepositions after "from" that still name where words came from ("calls from within his cabinet").
FROM_WITHIN = frozenset({"within", "inside", "among"})
# What a warning may say will happen to things, with no one doing it ("jobs could be lost"): a forecast; other
# passives after a warning are the warner's act to come ("anyone who protests will be arrested").
HAPPENINGS = frozenset(
    "lose affect damage harm hurt delay jeopardise jeopardize undermine weaken derail miss endanger overwhelm wipe "
    "disrupt destabilise destabilize strain stretch squeeze leave".split()
)
# People named by a role in a market (buyers, users, clients): they act as no civil society ("shoppers shrugged off
# rising prices"), and they are no firm a state acts on ("whether investors were misled").
MARKET_ROLES = frozenset(
    "shopper shoppers consumer consumers customer customers buyer buyers passenger passengers motorist motorists borrower "
    "borrowers saver savers viewer viewers reader readers subscriber subscribers user users fan fans investor investors "
    "shareholder shareholders client clients depositor depositors policyholder policyholders".split()
)

# Regions of several states ("sent troops to the Middle East"): a place of no one country, so no domestic side either.
REGION_NAMES = frozenset({
    "middle east", "near east", "far east", "europe", "eastern europe", "western europe", "central europe", "asia",
    "central asia", "south asia", "east asia", "southeast asia", "south-east asia", "asia-pacific", "africa",
    "north africa", "west africa", "east africa", "southern africa", "central africa", "horn of africa", "sahel",
    "latin america", "south america", "central america", "north america", "americas", "caribbean", "balkans",
    "caucasus", "gulf", "persian gulf", "arabian peninsula", "levant", "maghreb", "pacific", "arctic", "antarctica",
    "mediterranean", "baltic", "baltics", "scandinavia", "oceania",
})
# What a call for a state of things asks ("urged calm", "called for restraint"): a place it names is where it is asked.
CALM_NOUNS = frozenset("calm restraint ceasefire truce peace stability order dialogue reconciliation".split())
# What forces sent for relief go to do ("to help with relief efforts", "to rescue flood victims"): aid, not a build-up.
RELIEF_WORDS = frozenset("relief rescue aid humanitarian victim survivor evacuate evacuation reconstruction tsunami "
                         "earthquake flood hurricane famine".split())
