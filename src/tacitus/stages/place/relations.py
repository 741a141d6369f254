"""How a place relates to an event's act (tacitus.place.v3): a locative of the act's clause or of its participants,
the venue of a meeting or visit, the target of an attack on a place, the route of a march, the setting of the
clause the act depends on. Places that are only mentioned -- a topic ("talks on Kashmir"), an origin ("fled from
Syria"), a destination ("sent troops to Mali"), a comparison ("than in France"), a place in another clause -- are
never one.

``relations(scene, event)`` lists the candidate places of one event, each with a rank (0: the trigger's own phrase,
1: its clause and participants, 2: the clauses it is linked to, 3: where the one it acts on is held) and the words
that relate it; the stage takes the best.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from ...model import Event
from ..syntax import clause_verb
from .names import AREA_NOUNS, KIND_NOUNS, PlaceSpan, entity_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Capital", "Nationality", "Relation", "Scene", "Site", "act_or_topic", "place_in", "relations"]

# Prepositions that say where: "in Kabul", "near the border", "across the country", "into the hills".
# "during" leads to the place of the event it names: "during his White House meeting", "during the Iraq war".
LOCATIVE = frozenset("in at near inside outside across throughout around within along off into through beside behind during".split())
# Heads whose "in"/"into" object is a topic, not where: "interest in Iraq", "an inquiry into the killings".
TOPIC_HEADS = frozenset(
    "interest role involvement investment stake participation policy policies strategy confidence faith belief trust "
    "inquiry investigation probe look research study insight review change changes rise fall increase decrease "
    "cut cuts growth".split()
)
# Common nouns that name a site: walked through "of" ("the city of Homs", "the streets of Cairo") and read with the
# place or nationality that modifies them ("a Jenin camp", "Chad's desert", "Iraqi soil", "the Malian capital").
SITE_NOUNS = AREA_NOUNS | frozenset(
    "camp camps base bases prison prisons jail jails embassy consulate mosque church temple shrine cathedral market "
    "marketplace bazaar street road roads highway checkpoint airport airfield hospital school university campus "
    "headquarters compound palace square park station bridge border borders frontier crossing soil territory "
    "territories island islands peninsula valley desert jungle forest waters airspace site plant facility building "
    "hotel stadium settlement settlements enclave zone countryside hills mountains heartland stronghold villages "
    "towns cities districts provinces regions areas sidelines margins shore beach harbour harbor refinery mine "
    "office offices residence house houses home homes capitals range".split()
)
# Site nouns for land, which a country or nationality modifying them places ("Iraqi soil", "the Chad countryside"); a
# country before any other noun names its owner or nationality, not where it is ("a U.S. base", "an American ship").
LAND_NOUNS = AREA_NOUNS | frozenset(
    "soil territory territories countryside desert jungle forest hills mountains waters airspace heartland interior "
    "island islands peninsula valley coast shore towns cities villages provinces regions areas districts capitals".split()
)
# An attack on a place happens there: "the attack on Iraq", "shelled Homs", "the siege of Mariupol".
ATTACK_WORDS = frozenset(
    "attack strike airstrike raid assault offensive bombing bombardment bomb shell shelling invade invasion incursion "
    "siege besiege occupy occupation blockade ambush storm hit pound target capture seize overrun fire rocket "
    "torpedo liberate liberation recapture".split()
)
ATTACK_OF = frozenset("siege occupation invasion bombing bombardment shelling blockade capture seizure liberation recapture".split())
ATTACK_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose act is done in person to what it acts on: the object's place is the act's ("demolished homes in a village").
PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT"})
# Nouns for what causes an attack's harm, the subject of "killed" or "wounded": "a blast near Tikrit wounded four".
CAUSE_NOUNS = ATTACK_WORDS | frozenset("explosion blast bomber gunman gunmen fire clash clashes fighting violence".split())
# A visit's or a trip's destination is where the meeting is: "his visit to Moscow", "on their way to Moscow for talks".
VISIT_WORDS = frozenset("visit trip tour journey travel voyage stopover".split())
MOVE_WORDS = VISIT_WORDS | frozenset("fly head go come arrive return way flight jet sail drive".split())
MEETING_WORDS = frozenset(
    "meet meeting talk talks summit conference negotiation negotiations session consultation consultations "
    "discussion discussions gathering forum parley negotiate discuss confer".split()
)
# A missile test's or a launch's site is where it happened: "launched a rocket from a site near Sohae".
LAUNCH_WORDS = frozenset("test-fire fire launch test".split())
# Events a clause can be for: "gathered for a vigil in Accra", "arrived for talks in Geneva".
GATHERING_WORDS = frozenset("rally protest demonstration march meeting talks summit conference ceremony funeral vigil".split())
# A march's route is where it happened: "marched from the station to the parliament".
MARCH_WORDS = frozenset("march rally parade walk procession".split())
ROUTE_PREPS = frozenset("from to toward towards through along past".split())
# Participles that say where a participant is held or active: "a journalist held in Tehran was sentenced", "rebels
# active in Kivu were disarmed", "an agency working in Yemen said" (not "based": an attack's planners are based elsewhere).
HELD_WORDS = frozenset("detain hold jail imprison keep trap strand station deploy live hide operate work fight".split())
# Participles that say where a thing stands: "cut a pipeline running into Aleppo", "shelled a camp lying near Idlib".
STANDING_WORDS = frozenset("run lead stretch pass cross link connect lie sit stand locate situate house".split())
# Participles that say where a source spoke: "The minister, speaking in Geneva, rejected the plan".
SPEAKING_WORDS = frozenset("speak talk address say tell write brief".split())
# A withdrawal's or evacuation's "from" is where it happens: "withdrew from Kherson", "evacuated civilians from the port".
WITHDRAW_WORDS = frozenset("withdraw withdrawal evacuate evacuation pull pullout retreat ship expel".split())
# Blocking or occupying a place is done there: "blocked the Galata Bridge", "occupied the square".
BLOCK_WORDS = frozenset("block blockade barricade occupy storm picket surround besiege seal".split())
# Nouns for acts and topics whose place is their own, not a party's: "the crisis in Venezuela", "the war in Yemen".
ACT_NOUNS = ATTACK_WORDS | MEETING_WORDS | GATHERING_WORDS | CAUSE_NOUNS | frozenset(
    "crisis situation conflict issue question problem dispute matter case war violence unrest tension tensions plan "
    "policy programme program deal law bill election vote killing killings death deaths abuse abuses torture crime "
    "crimes situation shooting massacre fraud corruption".split()
)
CONTENT_PREPS = frozenset("of over about for".split())
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())


@dataclass(frozen=True)
class Site:
    """A named site the gazetteer lacks ("Evin Prison", "the Blue Mosque"): tokens [i, j) and the place
    the text puts it in, if it names one."""

    i: int
    j: int
    within: Target | None = None


@dataclass(frozen=True)
class Capital:
    """The capital of the country an adjective names: "the Sudanese capital"."""

    country: str
    i: int
    j: int


@dataclass(frozen=True)
class Nationality:
    """Somewhere in the country an adjective names: "on Iraqi soil", "in Afghan prisons"."""

    country: str
    i: int
    j: int


Target = Union[PlaceSpan, Site, Capital, Nationality]


@dataclass(frozen=True)
class Relation:
    """A place and how it relates to an event: rank (lower is closer to the act), distance from the trigger in
    tokens, the phrase quoted in the reason (tokens [start, end)) and the relation in words."""

    rank: int
    distance: int
    target: Target
    start: int
    end: int
    how: str


@dataclass
class Scene:
    """What ``relations`` needs of one article: its parse, its place names by token, and the country of a
    nationality adjective ("Sudanese" -> SDN)."""

    doc: Doc
    by_token: dict[int, PlaceSpan]
    adjective_country: Callable[[Token], str | None]


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _start(target: Target) -> int:
    return target.i


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through a second one ("inside of Saudi Arabia", "in front of the embassy")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        for inner in prep.children:
            if inner.dep_ == "prep" and inner.lower_ == "of":
                objs = [c for c in inner.children if c.dep_ == "pobj"]
    return objs


def _name_of_site(scene: Scene, tok: Token) -> tuple[int, int, Token] | None:
    """Tokens [i, j) of a site's name and its head: a multi-word facility or location entity ("Tahrir Square"), a
    proper name ending in a site noun ("Evin Prison"), or a capitalised site noun with its name ("the Bridge of
    Sighs")."""
    ent = entity_at(tok)
    if ent is not None and ent.label_ in ("FAC", "LOC", "ORG", "GPE"):
        words = [t for t in ent if t.lower_ != "the"]
        if any(t.i in scene.by_token for t in ent) or not words:
            return None
        if (len(words) >= 2 or ent.label_ == "FAC") and (ent.label_ in ("FAC", "LOC") or words[-1].lower_ in SITE_NOUNS):
            return words[0].i, words[-1].i + 1, ent.root
        return None
    if tok.pos_ != "PROPN" or tok.lower_ not in SITE_NOUNS or not tok.text[:1].isupper():
        return None
    start = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")])
    end = tok.i + 1
    for prep in tok.children:  # "Bridge of Sighs", "Church of the Nativity"
        if prep.dep_ == "prep" and prep.lower_ in ("of", "over", "on") and prep.i == end:
            tail = [t for obj in _objects(prep) for t in obj.subtree]
            if tail and all(t.pos_ == "PROPN" or t.lower_ == "the" for t in tail) and not any(t.i in scene.by_token for t in tail):
                end = max(t.i for t in tail) + 1
    if end - start < 2 or any(k in scene.by_token for k in range(start, end)):
        return None
    return start, end, tok


def _site(scene: Scene, tok: Token, depth: int) -> Site | None:
    """A named site the gazetteer lacks, and the place its phrase puts it in ("Tehran's ...", "... in northern Chad")."""
    named = _name_of_site(scene, tok)
    if named is None:
        return None
    start, end, root = named
    within: Target | None = None
    for child in root.children:
        if start <= child.i < end:
            continue
        if child.dep_ in ("poss", "compound", "nmod") and child.i in scene.by_token:
            within = scene.by_token[child.i]  # "Tehran's Evin prison"
            break
        if child.dep_ == "prep" and (child.lower_ in LOCATIVE or child.lower_ == "of"):
            for obj in _objects(child):
                within = place_in(scene, obj, depth + 1)
                if within is not None:
                    break
            if within is not None:
                break
    return Site(start, end, within)


def place_in(scene: Scene, tok: Token, depth: int = 0, *, attack: bool = False) -> Target | None:
    """The place a noun phrase in a place-like position names: the phrase itself ("in Kabul"), a site and where it is
    ("in Evin Prison", "in a town north of the city of Homs"), or what modifies a site noun ("a Jenin
    camp", "Chad's desert", "the Malian capital"). ``attack``: the phrase is an attack's object, so "on"
    and "against" lead on ("a raid on a camp in Idlib")."""
    if depth > 4:
        return None
    span = scene.by_token.get(tok.i)
    if span is not None:
        return span
    site = _site(scene, tok, depth)
    if site is not None:
        return site
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = _lemma(tok)
    site_noun = lemma in SITE_NOUNS or tok.lower_ in SITE_NOUNS
    attack = attack or lemma in ATTACK_WORDS
    children = list(tok.children)
    for child in children:  # "the Afghan capital, Kabul", "the capital city Washington DC"
        named = [t for t in child.subtree if t.i in scene.by_token] if child.dep_ == "appos" else []
        if named:
            return scene.by_token[min(named, key=lambda t: (_is_country(scene.by_token[t.i]), t.i)).i]
    if site_noun:
        for child in children:  # "the city of Homs", "the outskirts of Kabul"
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in _objects(child):
                    found = place_in(scene, obj, depth + 1)
                    if found is None and lemma in KIND_NOUNS and obj.pos_ == "PROPN" and obj.text[:1].isupper():
                        # "the Malian town of Kidal": a town the gazetteer lacks, in the country its noun names
                        start = min([obj.i, *(c.i for c in obj.children if c.dep_ == "compound")])
                        found = Site(start, obj.i + 1, _site_noun_place(scene, tok, depth))
                    if found is not None:
                        return found
    deps = ("compound", "nmod", "poss") if site_noun else ("compound", "nmod")
    land = lemma in LAND_NOUNS or tok.lower_ in LAND_NOUNS
    named = _modifiers(scene, children, deps, countries=land)
    if named is not None:  # "a Kharkiv airstrike", "Chad's desert"; of "a joint Kenya-U.S. base", the first
        return named
    if land:
        for child in children:
            country = scene.adjective_country(child) if child.dep_ in ("amod", "compound", "nmod") else None
            if country:
                if lemma == "capital":
                    return Capital(country, child.i, tok.i + 1)
                return Nationality(country, child.i, tok.i + 1)
    for child in children:
        if child.dep_ == "prep" and (child.lower_ in LOCATIVE and lemma not in TOPIC_HEADS
                                     or attack and child.lower_ in ("on", "against")
                                     or lemma in VISIT_WORDS and child.lower_ == "to"):
            for obj in _objects(child):  # "shops in a town", "a raid on a camp in Idlib"
                found = place_in(scene, obj, depth + 1, attack=attack and _lemma(obj) in ATTACK_WORDS)
                if found is not None:
                    return found
        if child.dep_ == "advmod" and child.lower_ in DIRECTIONS:  # "a town north of Homs"
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in _objects(prep):
                        found = place_in(scene, obj, depth + 1)
                        if found is not None:
                            return found
    if not site_noun:  # "in Peru's latest election" (but "in Israel's offensive in Gaza" is in Gaza, found above)
        return _modifiers(scene, children, ("poss",))
    return None


def _site_noun_place(scene: Scene, noun: Token, depth: int) -> Target | None:
    """What a site noun's own modifiers and locatives place it in: "the Bosnian town", "a town in Bosnia"."""
    children = list(noun.children)
    named = _modifiers(scene, children, ("compound", "nmod", "poss"), countries=True)
    if named is not None:
        return named
    for child in children:
        country = scene.adjective_country(child) if child.dep_ in ("amod", "compound", "nmod") else None
        if country:
            return Nationality(country, child.i, noun.i + 1)
    for child in children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE:
            for obj in _objects(child):
                found = place_in(scene, obj, depth + 1)
                if found is not None:
                    return found
    return None


def _modifiers(scene: Scene, children: list[Token], deps: tuple[str, ...], *, countries: bool = True) -> PlaceSpan | None:
    """The first place among the modifiers of a noun (and their own compounds): "a joint Kenya-U.S. base" -> Kenya.
    Without ``countries``, a country compound is its owner's nationality ("a U.S. vessel"), unless it is the first of
    a pair ("a Kenya-U.S. base" is in Kenya); a possessive country still places ("in Peru's latest election")."""
    named = [t for c in children if c.dep_ in deps for t in c.subtree
             if t.i in scene.by_token and (t.dep_ in ("compound", "nmod", "poss"))]
    if not countries:
        spans = {t.i: scene.by_token[t.i] for t in named}
        paired = len({id(span) for span in spans.values()}) > 1
        named = [t for t in named if t.dep_ == "poss" or not _is_country(spans[t.i]) or paired]
    if not named:
        return None
    # a city or region before a country ("the United States capital city Washington"), else the first
    return scene.by_token[min(named, key=lambda t: (_is_country(scene.by_token[t.i]), t.i)).i]


def _locatives(scene: Scene, head: Token, *, route: bool = False, topic: bool = True) -> Iterator[tuple[Token, Target]]:
    """(preposition, place) for each locative phrase attached to ``head``; with ``route``, also a march's "from",
    "to", "toward", "through"; with ``topic``, not the "in" of a head that takes a topic ("interest in Iraq")."""
    lemma = _lemma(head)
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        if word in LOCATIVE:
            if topic and word in ("in", "into") and lemma in TOPIC_HEADS:
                continue
        elif not (route and word in ROUTE_PREPS) and word != "on":
            continue
        for obj in _objects(prep):
            if word == "on" and not route and _lemma(obj) not in SITE_NOUNS:
                continue  # "on the outskirts", "on Iraqi soil", but not "talks on Kashmir"
            found = place_in(scene, obj)
            if found is not None:
                yield prep, found


def _arguments(verb: Token) -> Iterator[Token]:
    """The verb's subject and objects (and their conjuncts): "Protesters in Paris", "burned shops in a town"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "dative"):
            yield child
            yield from (c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def _body(target: Target) -> bool:
    """The target is a body of the state the actors stage read as a metonym ("the State Department", "the Duma")."""
    return isinstance(target, PlaceSpan) and target.mention is not None and target.mention.kind == "metonym"


def _is_country(target: Target) -> bool:
    return isinstance(target, PlaceSpan) and target.mention is not None and target.mention.kind == "country"


def _venue_modifier(scene: Scene, noun: Token, event: Event) -> Target | None:
    """The place that modifies an event noun: "a Brussels summit", "his White House meeting", "a Kharkiv airstrike",
    "the Iraq war"; not the parties of "the India-EU summit" or "US-China talks"."""
    named = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i in scene.by_token]
    if not named:
        return None
    first = min(named, key=lambda c: c.i)
    span = scene.by_token[first.i]
    doc = scene.doc
    paired = len(named) > 1 or any(doc[k].text in ("-", "/", "and") for k in (span.i - 1, span.j) if 0 <= k < len(doc)) or any(
        c.dep_ in ("compound", "conj") and c.i in scene.by_token and scene.by_token[c.i] is not span for c in first.subtree)
    if paired:
        return None
    if _is_country(span) and not (event.event in PHYSICAL_TYPES or _lemma(noun) in VISIT_WORDS):
        return None  # "the Iran talks" is about Iran
    start, end = doc[span.i].idx, doc[span.j - 1].idx + len(doc[span.j - 1])
    if _is_country(span) and any(a.start < end and start < a.end for a in event.actor):
        return None  # "Pakistan test-fires a missile": who acts, not where (but "a Brussels summit" is where)
    return span


def _own(scene: Scene, event: Event, trigger: Token) -> Iterator[tuple[Target, Token, str]]:
    """Rank 0: places the trigger's own phrase names."""
    lemma = _lemma(trigger)
    march = lemma in MARCH_WORDS
    for prep, found in _locatives(scene, trigger, route=march, topic=False):  # "an inquiry in Spain"
        if not _of_content(event, trigger, prep):
            yield found, prep, "the route of the march" if march and prep.lower_ in ROUTE_PREPS else "where the act is"
    with_object = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if event.event == "RETREAT" or lemma in WITHDRAW_WORDS:  # "withdrew from Kherson", "evacuated civilians from the port"
        # not a body one leaves ("resigned from the State Department", "walked out of the Duma"): a post, not a place
        yield from ((t, w, h) for t, w, h in _after(scene, with_object, ("from", "out"), "the place left") if not _body(t))
    if trigger.pos_ in ("NOUN", "PROPN"):
        venue = _venue_modifier(scene, trigger, event)
        if venue is not None:
            yield venue, trigger, "the venue of the act"
    attack = lemma in ATTACK_WORDS and event.event in ATTACK_TYPES or lemma in BLOCK_WORDS and event.event in PHYSICAL_TYPES
    visit = lemma in VISIT_WORDS
    for child in trigger.children:
        if child.dep_ == "prep" and (attack and (child.lower_ in ("on", "against", "into") or child.lower_ == "of" and lemma in ATTACK_OF)
                                     or visit and child.lower_ in ("to", "of")):
            for obj in _objects(child):
                found = place_in(scene, obj, attack=attack)
                if found is not None:
                    yield found, child, "the place attacked" if attack else "the place visited"
        elif child.dep_ == "dobj" and trigger.pos_ in ("VERB", "AUX") and (attack or lemma == "visit"):
            span = scene.by_token.get(child.i)
            found = span if span is not None else place_in(scene, child, attack=attack) if attack else None
            if found is not None:
                yield found, child, "the place attacked" if attack else "the place visited"
    for prep in trigger.children:  # "placed under arrest in Madrid", "gathered for a vigil in Accra"
        if prep.dep_ == "prep" and prep.lower_ in ("under", "for"):
            for obj in _objects(prep):
                if prep.lower_ == "under" or _lemma(obj) in GATHERING_WORDS:
                    for inner, found in _locatives(scene, obj, topic=False):
                        yield found, inner, "where the act is"
    if event.event == "MOBILIZE" and lemma in LAUNCH_WORDS | {"missile", "rocket"}:
        yield from _after(scene, with_object, ("from",), "the site of the launch")
    if trigger.pos_ in ("VERB", "AUX") and lemma in MOVE_WORDS and event.event == "CONSULT":
        yield from _after(scene, [trigger], ("to",), "the place visited")


def _of_content(event: Event, verb: Token, prep: Token) -> bool:
    """A locative after what a statement is about belongs to that ("accused the army of torture in Darfur", "criticised
    the police over the raids in Lyon"): for an act of words, a locative after an "of", "over", "about" or "for"
    phrase of the verb or its object."""
    if event.event in PHYSICAL_TYPES or event.event == "CONSULT" or verb.pos_ not in ("VERB", "AUX"):
        return False
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and c.i < prep.i for h in holders for c in h.children)


def _after(scene: Scene, heads: list[Token], prepositions: tuple[str, ...], how: str) -> Iterator[tuple[Target, Token, str]]:
    """The places named after these prepositions of these heads, each with the preposition and ``how``."""
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in prepositions:
                for obj in _objects(prep):
                    found = place_in(scene, obj)
                    if found is not None:
                        yield found, prep, how


def _participant_heads(scene: Scene, event: Event, *, sources_only: bool = False, agents: bool = False) -> list[Token]:
    """The head words of the event's actors and recipients ("forces" of "Moslem forces"); with ``agents``, only those
    that name who acts or is acted on, not an act or a topic ("condemned the bombing in Split", "discussed the crisis
    in Venezuela": the place is the bombing's, the crisis's)."""
    heads = []
    for actor in (event.actor if sources_only else (*event.actor, *event.recipient)):
        span = scene.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and len(span) and not (agents and actor.sector is None and act_or_topic(span.root)):
            heads.append(span.root)
    return heads


def act_or_topic(tok: Token) -> bool:
    """A common noun that names an act or a topic, not a party: "bombing", "crisis", "investigation", "agreement"."""
    if tok.pos_ != "NOUN":
        return False
    lemma = _lemma(tok)
    return lemma in ACT_NOUNS or lemma.endswith(("ing", "tion", "sion", "ment", "ance", "ence"))


def _participant(event: Event, tok: Token, *, sources: bool = False) -> bool:
    start, end = tok.idx, tok.idx + len(tok)
    return any(a.start < end and start < a.end for a in (event.actor if sources else (*event.actor, *event.recipient)))


def _purpose_destination(scene: Scene, event: Event, trigger: Token, verb: Token) -> Iterator[tuple[Target, Token, str]]:
    """A meeting's venue from the trip it is the purpose of: "flew to Moscow for talks", "on their way to Moscow for
    talks", "travelled to Beijing to meet Xi"."""
    if not (event.event == "CONSULT" or _lemma(trigger) in MEETING_WORDS):
        return
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "for":
        head = trigger.head.head
    elif verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
    else:
        return
    holders = [head] + [obj for prep in head.children if prep.dep_ == "prep" for obj in _objects(prep)
                        if _lemma(obj) in MOVE_WORDS]
    if head.pos_ in ("VERB", "AUX") and _lemma(head) not in MOVE_WORDS and len(holders) == 1:
        return
    yield from _after(scene, holders, ("to",), "the destination of the trip the meeting is for")


def _clause(scene: Scene, event: Event, trigger: Token, verb: Token) -> Iterator[tuple[Target, Token, str]]:
    """Rank 1: the locatives of the trigger's clause and of the event's participants."""
    if verb.i != trigger.i:  # a march's route is where it was ("marched from the park to the square in a protest")
        march = _lemma(verb) in MARCH_WORDS
        for prep, found in _locatives(scene, verb, route=march):
            if _of_content(event, verb, prep):
                continue
            yield found, prep, "the route of the march" if march and prep.lower_ in ROUTE_PREPS else "where the act's clause is"
    physical = event.event in PHYSICAL_TYPES
    heads = [t for t in _participant_heads(scene, event, agents=True) if t.i != trigger.i and clause_verb(t).i == verb.i]
    if physical:  # what the act is done to, or what did the harm: "burned shops in a town", "a blast near Tikrit"
        heads += [arg for arg in _arguments(verb) if arg.i != trigger.i and (arg.dep_ == "dobj" or _lemma(arg) in CAUSE_NOUNS)]
    for head in dict.fromkeys(heads):
        for prep, found in _locatives(scene, head):
            yield found, prep, "where a participant is"
    yield from _purpose_destination(scene, event, trigger, verb)


def _linked(scene: Scene, event: Event, verb: Token) -> Iterator[tuple[Target, Token, str]]:
    """Rank 2: the clauses the trigger's clause is linked to (not reported speech or relative clauses): "arrived in
    Oslo to attend the talks", "forced the plane down in Minsk before arresting him"; and the setting a place
    subject gives ("Chile came to a standstill as miners walked out")."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):  # "a vigil in Accra to mourn ..."
        for prep, found in _locatives(scene, verb.head):
            yield found, prep, "where what the clause describes is"
    up = verb
    for _ in range(2):
        if up.dep_ not in ("xcomp", "advcl", "conj", "pcomp") or up.head.i == up.i:
            break
        was = up
        up = clause_verb(up.head)
        for prep, found in _locatives(scene, up):
            yield found, prep, "where the clause it depends on is"
        if was.dep_ == "advcl":
            subject = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            span = scene.by_token.get(subject.i) if subject is not None else None
            if (span is not None and span.places and not _participant(event, subject)
                    and not any(c.dep_ == "dobj" for c in up.children)):
                yield span, subject, "the setting of the clause it depends on"
    physical = event.event in PHYSICAL_TYPES
    below = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.pos_ in ("VERB", "AUX")]
    below += [g for c in below if c.dep_ == "conj" for g in c.children if g.dep_ in ("advcl", "xcomp") and g.pos_ in ("VERB", "AUX")]
    for child in below:  # "killed two and wounded nine people in Sindh", "detained after she crossed into Belarus"
        heads = [child, *(c for c in child.children if physical and c.dep_ == "dobj")]
        for head in heads:
            for prep, found in _locatives(scene, head):
                yield found, prep, "where a linked clause is"


def _held(scene: Scene, event: Event) -> Iterator[tuple[Target, Token, str]]:
    """Rank 3: where a participant of an act done in person, or the source of any act, is held or active ("the journalist,
    held in Tehran, was sentenced", "rebels active in Kivu were disarmed", "an agency working in Yemen said")."""
    physical = event.event in PHYSICAL_TYPES
    heads = _participant_heads(scene, event) if physical else _participant_heads(scene, event, sources_only=True)
    for head in heads:
        for child in (head, *head.children):
            if (child is head or child.dep_ == "acl") and _lemma(child) in HELD_WORDS:
                for prep, found in _locatives(scene, child):
                    yield found, prep, "where a participant is held or active"
            elif child.dep_ == "acl" and _lemma(child) in SPEAKING_WORDS and not physical and _participant(event, head, sources=True):
                for prep, found in _locatives(scene, child):  # "The minister, speaking in Geneva, rejected the plan"
                    yield found, prep, "where the speaker spoke"
    if physical:  # what the act is done to, and where it stands: "cut a pipeline running into Aleppo"
        trigger = scene.doc[event.anchor]
        for obj in (c for c in clause_verb(trigger).children if c.dep_ == "dobj"):
            for child in obj.children:
                if child.dep_ == "acl" and _lemma(child) in HELD_WORDS | STANDING_WORDS:  # not "a doctor based in ..."
                    for prep, found in _locatives(scene, child):
                        yield found, prep, "where what the act is done to is"


def _phrase(word: Token, target: Target) -> tuple[int, int]:
    """The tokens quoted in the reason: the relating word ("in", "attack") and the place, with the noun a preposition
    governs when it follows the place closely ("on a joint Kenya-U.S. base"); the place alone when they are far apart."""
    start, end = target.i, target.j
    if abs(target.i - word.i) <= 8:
        start, end = min(start, word.i), max(end, word.i + 1)
    if word.dep_ == "prep":
        end = max([end, *(obj.i + 1 for obj in _objects(word) if end <= obj.i < end + 4)])
    return start, end


def relations(scene: Scene, event: Event) -> list[Relation]:
    """The places related to ``event``'s act, best first (lowest rank, then nearest the trigger)."""
    doc = scene.doc
    trigger = doc[event.anchor]
    verb = clause_verb(trigger)
    found: list[Relation] = []
    for rank, pairs in enumerate((_own(scene, event, trigger), _clause(scene, event, trigger, verb),
                                  _linked(scene, event, verb), _held(scene, event))):
        for target, word, how in pairs:
            start, end = _phrase(word, target)
            found.append(Relation(rank, abs(_start(target) - trigger.i), target, start, end, how))
        if found:
            break
    return sorted(found, key=lambda r: (r.rank, r.distance))
