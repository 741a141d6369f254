"""Participants the sentence implies when the parse names none: the country of the place, its authorities, the domestic side, unnamed protesters (each flagged as inferred)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...event_types import EventType
from ...gazetteer import Context, Place, load_gazetteer
from ...model import Actor, Span
from ..base import HONORIFICS, REGION_ADJECTIVES, SPEECH_VERBS, UNKNOWN_WORDS, Analysis, Mention, unnamed_attacker, water_name
from ..syntax import GENERIC_NAMES, clause_verb
from .grammar import child, filled_slot, prep_objects, verbal
from .words import (
    AREA_NOUNS, DESTINATION_LEMMAS, REGION_NAMES, FOCUS_SECTORS, NATURAL_FORCES, NOT_DOMESTIC_WORDS, PLACE_KIND_WORDS, REPORTING_AUTHORITIES, SEVERAL_STATES,
    STATE_SECTORS, STRIKE_VERBS,
    TAKEN_PEOPLE, WEAPONS, WHERE_PREPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "attribution_tokens", "authority_from_place", "authority_in_focus", "authority_of_target", "country_from_sentence", "country_in_focus",
    "host_of_invitation", "place_country", "reporters", "reporting_authority", "state_of_reporter", "target_from_place",
    "unattributed",
]


def attribution_tokens(sent: SpacySpan) -> list[Token]:
    """"according" and speech verbs set off from the clause they report ("..., a spokesman said")."""
    return [t for t in sent if t.lower_ == "according" or (t.dep_ == "parataxis" and t.lemma_.lower() in SPEECH_VERBS)]


def sentence_countries(named: list[Mention], attributions: list[Token], anchor: Token | None) -> set[str]:
    """Countries named in the sentence (``named``: its country mentions), leaving out the source it is attributed
    to ("aid workers based in Amman said", "according to a Kenyan radio station"): they say nothing about who
    the event involves."""
    return {m.country for m in unattributed(named, attributions, anchor) if m.country}


def unattributed(named: list[Mention], attributions: list[Token], anchor: Token | None) -> list[Mention]:
    """The mentions of ``named`` outside the part of the sentence that says who reports it."""
    if not named:
        return []
    skip: set[int] = set()
    if anchor is not None:
        tok = anchor
        while tok.head.i != tok.i:
            tok = tok.head
            if tok.lemma_.lower() in SPEECH_VERBS:
                for c in tok.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        skip.update(t.i for t in c.subtree)
        chain = {anchor.i, *(t.i for t in anchor.ancestors)}
        for t in attributions:
            if t.lower_ == "according" and not t.left_edge.i <= anchor.i <= t.right_edge.i:
                skip.update(x.i for x in t.subtree)
            if t.lower_ != "according" and t.head.i in chain:
                # "X accused Y of ..., an aid official from Kenya said"
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        skip.update(x.i for x in c.subtree)
    return [m for m in named if m.i not in skip]


def in_place(anchor: Token, m: Mention) -> bool:
    """Whether a country mention names where something is: it is, or modifies, the object of a locative
    preposition ("in Chile", "in several Pakistani cities", "in the capital Kabul", "in a remote area of Nigeria")."""
    return place_prep(anchor, m) in WHERE_PREPS


def place_prep(anchor: Token, m: Mention) -> str | None:
    """The locative preposition whose object a country mention is or modifies (through 'of': "in a remote area of
    northeastern Nigeria"), or None."""
    tok = anchor.doc[m.j - 1]
    for _ in range(8):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj" and tok.head.head.lemma_.lower() in AREA_NOUNS:
            tok = tok.head.head  # "area of Nigeria": the area's preposition (not "in the loss of a French pilot")
            continue
        if tok.dep_ == "pobj":
            return tok.head.lower_ if tok.head.lower_ in WHERE_PREPS else None
        if tok.dep_ not in ("compound", "amod", "nmod", "appos", "poss", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest north-east north-west south-east "
                       "south-west outside".split())


def _place_spots(tok: Token, depth: int = 2) -> list[Token]:
    """The words of a noun phrase that may name its place: the noun, its compounds and appositions, its 'of' object
    ("the port of Aden", "the outskirts of Mosul"), and the 'of' object of a direction on it ("a village south of the
    city of Falluja"), followed that far down twice."""
    spots = [tok, *[c for c in tok.children if c.dep_ in ("compound", "appos")]]
    ofs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    ofs += [p for d in tok.children if d.dep_ in ("advmod", "amod", "npadvmod") and d.lower_ in DIRECTIONS
            for p in d.children if p.dep_ == "prep" and p.lower_ == "of"]
    for prep in ofs:
        for g in prep.children:
            if g.dep_ == "pobj":
                spots += _place_spots(g, depth - 1) if depth > 1 else [g]
    return spots


def place_country(analysis: Analysis, tok: Token) -> tuple[str, str, str, Span] | None:
    """(country, name, rule, span) of the place a noun names: a country or capital mention in it, its
    compound or apposition ("Kosovo province", "the capital Tripoli", "the port of Aden"), else a
    city or region of the gazetteer ("in Jericho", "shelled Juba"; the actors' countries are no evidence of
    where it happened)."""
    spots = _place_spots(tok)
    m = next((m for t in spots for m in analysis.mentions_at(t.i) if m.kind in ("country", "capital")), None)
    if m is not None and m.country:
        span = analysis.doc[m.i : m.j]
        return m.country, m.name or m.country, m.reason, Span(span.start_char, span.end_char)
    if any(analysis.mentions_at(t.i) for t in spots):
        return None  # a person's or an organisation's name
    doc = analysis.doc
    for t in spots:
        if t.pos_ != "PROPN" or t.dep_ == "compound" or t.ent_type_ in ("DATE", "TIME"):
            continue  # (not "in March 2003": a month, not the town of March)
        first = _name_start(t)
        names = [doc[first.i : t.i + 1]]
        if t.lower_ in PLACE_KIND_WORDS and t.i > first.i:
            names.append(doc[first.i : t.i])  # "West Darfur State" -> "West Darfur"
        found = next((hit for name in names if (hit := _gazetteer_place([w.text for w in name])) is not None), None)
        if found is None:
            continue
        place, why = found
        return place.country, place.name, f"gazetteer {place.origin} ({why})", Span(first.idx, t.idx + len(t.text))
    return None


def target_from_place(analysis: Analysis, anchor: Token, actor: list[Actor], recipient: list[Actor],
                      rule: str, visit: bool = False) -> tuple[list[Actor], str, list[str]]:
    """"Turkey set up new checkpoints in northern Syria": with no named target, a conflict event
    acts on the country where it happens (the actor's own, for a curfew or a protest at home), or on
    the city it strikes ("shelled Goma"); a visit ("flew into Lima for a state visit") is to the country of
    the place, when that is not the actor's. Flagged as inferred."""
    verb = clause_verb(anchor)
    own = {a.country for a in actor if a.country}
    candidates = []
    if not visit and verbal(anchor):
        obj = child(anchor, ("dobj",))
        if obj is not None:
            candidates.append((obj, f"'{anchor.text}' acts on"))
    slot = filled_slot(anchor)
    if not visit and slot.dep_ == "nsubj" and slot.head.lemma_.lower() in STRIKE_VERBS:
        obj = child(slot.head, ("dobj",))  # "bomb blasts rocked southern Thailand": what the blast strikes
        if obj is not None:
            candidates.append((obj, f"'{anchor.text}' {slot.head.text}"))
    # the clause's verb, and with no actor named those coordinated with it ("a bomb killed a guard and wounded four
    # people in the market in Quetta")
    verbs = {verb.i, *(v.i for v in verb.conjuncts if v.pos_ == "VERB" and not actor)}
    for tok in analysis.sentence_of(anchor)[1]:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at", "inside", "across", "throughout", "near", "into", "on") \
                or (tok.head.lower_ == "on" and (tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME"))):
            continue  # ("killed in air strikes on Idlib": a place struck; not "on Monday")
        if clause_verb(tok.head.head).i not in verbs and tok.head.head.i != anchor.i or water_name(tok):
            continue  # (not "in the Gulf of Mexico": the sea, not Papua New Guinea's Gulf province)
        candidates.append((tok, f"'{tok.head.text}'"))
    for tok, how in candidates:
        found = place_country(analysis, tok)
        if found is None:
            continue
        country, name, source, span = found
        if visit and country in own:
            continue
        text = analysis.article.text[span.start : span.end]
        if visit:
            why = f"inferred: a visit to {name} ({how} {text!r}) names no other host"
        elif country in own:
            why = f"inferred: a domestic event in the actor's own country, {name} ({how} {text!r}), with no other target"
        else:
            why = f"inferred: the event happens in {name} ({how} {text!r}) and names no other target"
        named = [a for a in recipient if a.code is None and (a.sector or (a.text.lower().split() or [""])[-1] in TAKEN_PEOPLE)
                 and not UNKNOWN_WORDS.intersection(a.text.lower().split())]  # (and "arrested two men in Manchester")
        if named and not visit:  # "gunmen killed two soldiers in Thailand": the soldiers, of the place's country
            for a in named:
                a.code = a.country = country
                a.reason = f"inferred: {name}, where the event happens ({how} {text!r}), is the country of {a.text!r}; {a.reason}"
            return recipient, rule, ["recipient"]
        return [Actor(text, span.start, span.end, country, country, None, name, f"{why}; {source}")], why, ["recipient"]
    return recipient, rule, []


def authority_from_place(analysis: Analysis, matched: list[Token], recipient: list[Actor]) -> tuple[list[Actor], str, list[str]]:
    """"An aid worker was detained in Yemen": an arrest, charge or expulsion in the passive with no agent
    is the act of the authorities of the country where it happens. Flagged as inferred."""
    targets = {a.country for a in recipient if a.country}
    anchor = matched[0]
    for c in (c for t in matched for c in t.children):
        if c.dep_ != "prep" or c.lower_ not in ("in", "at", "inside"):
            continue
        obj = child(c, ("pobj",))
        if obj is None:
            continue
        spots = [obj, *[g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"],
                 *[x for x in obj.children if x.dep_ in ("compound", "amod", "nmod") and x.i < obj.i]]  # "in a US military court"
        m = next((m for t in spots for m in analysis.mentions_at(t.i) if m.kind in ("country", "capital", "adjective")), None)
        if m is None or not m.country or m.country in targets:
            continue
        span = analysis.doc[m.i : m.j]
        why = f"inferred: '{anchor.text}' in the passive with no agent, in {m.name} ('{c.text} {span.text}'): its authorities"
        return [Actor(span.text, span.start_char, span.end_char, m.country, m.country, "GOV", m.name, why)], why, ["actor"]
    return [], "", []


def reporters(attributions: list[Token], anchor: Token) -> list[Token]:
    """Who reports the act: the subject of a speech verb set off from its clause ("..., police said"), the object of
    "according to", or the subject of the speech verb whose complement the act's clause is ("police said that ...")."""
    chain = {anchor.i, *(t.i for t in anchor.ancestors)}
    speakers = [c for t in attributions if t.lower_ != "according" and t.head.i in chain for c in t.children if c.dep_ == "nsubj"]
    speakers += [g for t in attributions if t.lower_ == "according" and t.head.i in chain for p in t.children if p.lower_ == "to"
                 for g in p.children if g.dep_ == "pobj"]
    verb = clause_verb(anchor)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS:
        speakers += [c for c in verb.head.children if c.dep_ == "nsubj"]
    return speakers


def state_of_reporter(actors_of: Callable[[Token], list[Actor]], attributions: list[Token], anchor: Token,
                      actor: list[Actor], recipient: list[Actor]) -> list[str]:
    """"Iranian state television said the navy had seized a tanker", "according to Sudanese state media, army units moved
    in": a body of the state with no country, in an act a state body or the state's own media reports, is
    that state's. Flagged as inferred."""
    bare = [(role, a) for role, actors in (("actor", actor), ("recipient", recipient)) for a in actors
            if a.code is None and a.sector in STATE_SECTORS]
    if not bare:
        return []
    states = {r.country: r for tok in reporters(attributions, anchor) for r in actors_of(tok) if r.country
              and (r.sector in STATE_SECTORS or (r.sector == "JRN" and "state" in r.text.lower().split()))}
    if len(states) != 1:
        return []
    ((country, by),) = states.items()
    for _role, a in bare:
        a.code = a.country = country
        a.reason = f"inferred: a body of the state, in an act {by.text!r} reports: {country}'s; {a.reason}"
    return list(dict.fromkeys(role for role, _a in bare))


def reporting_authority(actors_of: Callable[[Token], list[Actor]], attributions: list[Token], anchor: Token) -> tuple[list[Actor], str, list[str]]:
    """"Three suspects were detained near the border, Turkish police said", "according to prosecutors, he was charged":
    an arrest, charge or jailing in the passive with no agent, reported by a police force, army, court or prosecutor,
    is that body's own act. Flagged as inferred."""
    for tok in reporters(attributions, anchor):
        bodies = [a for a in actors_of(tok) if a.code and a.country and a.sector in REPORTING_AUTHORITIES]
        if bodies:
            why = f"inferred: '{anchor.text}' in the passive with no agent, reported by {bodies[0].text!r}: that body's act"
            return [Actor(a.text, a.start, a.end, a.code, a.country, a.sector, a.name, f"{why}; {a.reason}") for a in bodies], why, ["actor"]
    return [], "", []


def authority_of_target(named: list[Mention], attributions: list[Token], anchor: Token, matched: list[Token],
                        recipient: list[Actor]) -> tuple[list[Actor], str, list[str]]:
    """"Nine men from Leeds have been arrested", "he was jailed in 1996": an arrest, charge or jailing in the passive,
    with no agent and no place named, in a sentence that names no country but the target's, is the act of the
    authorities of the target's country. Not a deportation or expulsion, whose people are foreigners where they are
    sent away from. Flagged as inferred."""
    targets = {a.country for a in recipient if a.country}
    if len(targets) != 1 or _sends_away(anchor, matched):
        return [], "", []
    (country,) = targets
    if not sentence_countries(named, attributions, anchor) <= targets:
        return [], "", []
    who = next(a for a in recipient if a.country)
    why = f"inferred: '{anchor.text}' with no agent or place, of {who.text!r} ({country}): that country's authorities"
    start, end = min(t.idx for t in matched), max(t.idx + len(t.text) for t in matched)
    return [Actor(anchor.doc.text[start:end], start, end, country, country, "GOV", None, why)], why, ["actor"]


def expelling_state(anchor: Token, actors_of: Callable[[Token], list[Actor]]) -> tuple[list[Actor], str, list[str]]:
    """"Three journalists were expelled from Ethiopia": with no agent, the state people are sent away from sends them
    away (its government). Flagged as inferred."""
    if anchor.lemma_.lower() not in DESTINATION_LEMMAS:
        return [], "", []
    origin = prep_objects([anchor], ("from",))[0]
    states = [a for a in actors_of(origin) if a.code and a.country and a.sector is None] if origin is not None else []
    if len(states) != 1:
        return [], "", []
    why = f"inferred: sent away from {origin.text!r} with no agent named: its government"
    state = states[0]
    state.sector, state.reason = "GOV", f"{why}; {state.reason}"
    return [state], why, ["actor"]


def _sends_away(anchor: Token, matched: list[Token]) -> bool:
    """A deportation or expulsion: its people are foreigners where they are sent away from."""
    return any(t.lemma_.lower() in DESTINATION_LEMMAS for t in (anchor, *matched))


def authority_in_focus(analysis: Analysis, named: list[Mention], attributions: list[Token], anchor: Token,
                       matched: list[Token], recipient: list[Actor]) -> tuple[list[Actor], str, list[str]]:
    """"Police said two suspects were arrested", in a story about Indonesia: an arrest, charge or conviction with no
    agent, whose target has no country, in a sentence that names no country but the one the article is about, is the
    act of that country's authorities; a target with a sector but no country is of that country too. Not a
    deportation or expulsion. Flagged as inferred."""
    if any(a.country for a in recipient) or _sends_away(anchor, matched):
        return [], "", []
    in_focus = getattr(analysis.resolution, "country_in_focus", None)
    focus = in_focus(anchor) if in_focus is not None else None
    if focus is None or not sentence_countries(named, attributions, anchor) <= {focus[0]}:
        return [], "", []
    country = focus[0]
    why = f"inferred: '{anchor.text}' with no agent, of someone with no country: the authorities of {country}, {focus[1].removeprefix('inferred: ')}"
    implied = ["actor"]
    for a in recipient:
        if a.code is None and a.sector and not UNKNOWN_WORDS.intersection(a.text.lower().split()):
            a.code = a.country = country
            a.reason = f"inferred: held by the authorities of {country}; {a.reason}"
            if "recipient" not in implied:
                implied.append("recipient")
    start, end = min(t.idx for t in matched), max(t.idx + len(t.text) for t in matched)
    return [Actor(anchor.doc.text[start:end], start, end, country, country, "GOV", None, why)], why, implied


def host_of_invitation(c_actors: Callable[[Token], list[Actor]], anchor: Token) -> tuple[list[Actor], str, list[str]]:
    """"The Polish president was invited to the White House": an invitation in the passive with no agent is the
    host's, the government of the seat, capital or country the guest is invited to. Flagged as inferred."""
    to = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    place = child(to, ("pobj",)) if to is not None else None
    if place is None:
        return [], "", []
    hosts = [a for a in c_actors(place) if a.code and a.country and a.sector in (None, "GOV")]
    if not hosts:
        return [], "", []
    why = f"inferred: invited to {place.text!r} with no inviter named: its government"
    for a in hosts:
        a.sector, a.reason = "GOV", f"{why}; {a.reason}"
    return hosts, why, ["actor"]


def _cities_where(anchor: Token, named: list[Mention], *, anywhere: bool = False) -> set[str]:
    """The countries of the gazetteer cities and regions that the event's clause, or its object, says it happens in
    ("attacked a convoy in Gwadar"), or with ``anywhere`` any clause of its sentence; not a name the actors stage read
    (a country, a person, a body)."""
    verb = clause_verb(anchor)
    taken = {k for m in named for k in range(m.i, m.j)}
    out = set()
    for tok in anchor.sent:
        if tok.dep_ != "pobj" or tok.pos_ != "PROPN" or tok.head.lower_ not in WHERE_PREPS or tok.i in taken \
                or tok.ent_type_ in ("DATE", "TIME"):  # (not "in March 2003")
            continue
        host = tok.head.head
        if not anywhere and host.i not in (verb.i, anchor.i) and not (host.head.i == verb.i and host.dep_ in ("dobj", "nsubjpass")):
            continue
        found = _gazetteer_place([w.text for w in tok.doc[_name_start(tok).i : tok.i + 1]])
        if found is not None and not water_name(tok):
            out.add(found[0].country)
    return out


def _name_start(t: Token) -> Token:
    """The first word of the proper name ``t`` ends: its proper-noun compounds before it ("West Darfur")."""
    doc, first = t.doc, t
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == t.i:
        first = doc[first.i - 1]
    return first


def _gazetteer_place(words: list[str]) -> tuple[Place, str] | None:
    """The gazetteer city or region ``words`` name, the likeliest of its namesakes, and why (the actors' countries
    are no evidence of which one is meant); None if it knows none, or if the name is one common word ("a tanker in the
    Gulf", "rebels in the North": no province of Papua New Guinea or Cameroon)."""
    if len(words) == 1 and words[0].lower() in GENERIC_NAMES:
        return None
    places = [p for p in load_gazetteer().lookup(words) if p.kind in ("city", "admin1")]
    return load_gazetteer().resolve(places, Context()) if places else None


def _place_of(text: str) -> Place | None:
    """The gazetteer place a participant's capitalised words name ("Gaza"), else None."""
    words = text.split()
    found = _gazetteer_place(words) if words and words[0][:1].isupper() else None
    return found[0] if found else None


def _owned_thing(a: Actor) -> bool:
    """A thing a nationality is said of ("a Chinese convoy", "the US flag"): no party of that country, so no sign
    that whoever attacks it is of that country too (not "Kenyan soldiers", "the Iraqi government", "a Nigerian man")."""
    words = a.text.lower().split()
    return a.sector is None and a.reason.startswith(("adjective entry", "country entry")) and len(words) > 1 \
        and words[-1] not in TAKEN_PEOPLE and a.text.split()[-1][:1].islower()


def country_from_sentence(named: list[Mention], attributions: list[Token], actor: list[Actor], recipient: list[Actor],
                          kind: EventType, anchor: Token | None = None) -> list[str]:
    """A participant with a sector or a name but no country takes the sentence's one other country
    where something happens ("Judge Rivera opened investigations ... in Chile"; not "burned U.S. flags",
    "a war against Iraq", "an area the size of Switzerland"). In a sentence that names only the actor's
    country, a target with a sector is domestic ("Egyptian police dispersed demonstrators") -- except
    for attacks by armed groups, whose victims are as often the other side. Flagged as inferred. Which
    types take a domestic actor, and which a domestic target only from state actors, is in the per-type
    table (``home_actor``, ``home_sector_target``).
    """
    used = {a.country for a in actor + recipient if a.country}
    countries = sentence_countries(named, attributions, anchor)
    located = sentence_countries([m for m in named if in_place(anchor, m)], attributions, anchor) if anchor is not None else countries
    if anchor is not None and not located:  # "Baloch militants attacked a Chinese convoy in Gwadar": where, a city names
        located = _cities_where(anchor, named)
    if anchor is not None and len(located) > 1:  # "in northern Nigeria near the Cameroon border": in, not near
        inside = sentence_countries([m for m in named if place_prep(anchor, m) not in (None, "near")], attributions, anchor)
        located = inside or located
    others = located - used
    home = {a.country for a in actor if a.country}
    if len(others) == 1:
        (country,) = others
        why = f"inferred: the only other country named in the sentence is {country}"
        sides = (("actor", actor), ("recipient", recipient))
    elif not others and not home and len(located) == 1 and kind.home_actor != "no" \
            and any(a.code is None and a.sector and a.sector not in STATE_SECTORS for a in actor):
        # "rebels attacked a police patrol and took hostages in northern Nigeria": a group with no country of its own,
        # acting where the target's country is too, is of the one country where it happens (not an army: "the army
        # began an offensive in Gaza" may be another state's)
        (country,) = located
        why = f"inferred: the event happens in {country}, the one country named where it happens"
        sides = (("actor", actor),)
    elif not others and len(home) == 1 and countries <= home and (
            kind.home_sector_target == "any" or all(a.sector in STATE_SECTORS for a in actor if a.country)) \
            and not (anchor is not None and _cities_where(anchor, named, anywhere=True) - home):  # (not "in Abidjan")
        # "Egyptian police dispersed demonstrators": the sentence is about one country only,
        # so a target with a sector but no country of its own is domestic.
        (country,) = home
        why = f"inferred: the sentence names no country but the actor's, {country}: a domestic target"
        sides = (("recipient", recipient),)
    elif not others and not home and kind.home_actor != "no" and len(targets := {a.country for a in recipient if a.country}) == 1 \
            and {m.country for m in named} <= targets and (kind.home_actor == "any" or all(a.sector in STATE_SECTORS for a in actor)) \
            and not (kind.home_actor == "state" and any(a.sector is None and a.reason.startswith("country entry") for a in recipient)) \
            and not (kind.name == "ASSAULT" and any(_owned_thing(a) for a in recipient)):
        # "Students in Jakarta protested against the Indonesian government": protests (and, by state
        # bodies, repression and threats) in a one-country sentence are by its own people and authorities;
        # a speaker of another country counts here ("China said the army attacked Taiwan": not Taiwan's army), and
        # a state's bodies do not threaten or coerce their own country named as a state ("the government threatened
        # sanctions against Sudan" is another government)
        (country,) = targets
        why = f"inferred: the sentence names no country but the target's, {country}: a domestic actor"
        sides = (("actor", actor),)
    else:
        return []
    roles = []
    for role, actors in sides:
        for a in actors:
            if _of_no_one_country(a, role, why):
                continue
            if a.code is None and a.sector is None and why.endswith("domestic target") and (place := _place_of(a.text)) is not None \
                    and place.country != country:  # "Israeli troops withdrew from Gaza": the place's country, not the actor's
                a.code = a.country = place.country
                a.reason = f"inferred: gazetteer place {place.name!r} of {place.country}, not the actor's country; {a.reason}"
                if role not in roles:
                    roles.append(role)
                continue
            if a.code is None and (a.sector or (a.text[:1].isupper() and a.text.lower() not in ("it", "they", "he", "she", "we", "i", "you"))):
                a.code = a.country = country
                a.reason = f"{why}; {a.reason}"
                if role not in roles:
                    roles.append(role)
    return roles



def _of_no_one_country(a: Actor, role: str, why: str) -> bool:
    """Whether a participant takes no country from the sentence (``country_from_sentence``)."""
    words = a.text.lower().split()
    if why.endswith(("domestic target", "domestic actor")) and NOT_DOMESTIC_WORDS.intersection(words):
        return True  # "the international community" is no one's domestic public
    if words and words[-1] in SEVERAL_STATES:
        return True  # "Arab states", "neighbouring countries": several others, not one country
    if UNKNOWN_WORDS.intersection(words) or (role == "actor" and unnamed_attacker(a.text, a.sector)):
        return True  # "unknown gunmen", "a gunman opened fire": whose they are is not known
    if a.code is None and REGION_ADJECTIVES.intersection(words[:2]):
        return True  # "African leaders", "a European envoy": of several states
    if a.code is None and " ".join(words[1:] if words[:1] == ["the"] else words) in REGION_NAMES:
        return True  # "sent troops to the Middle East": a region of several states
    if a.sector is None and WEAPONS.union(NATURAL_FORCES).intersection(w.strip(".,'") for w in words):
        return True  # "Drones struck two Saudi oil plants": an instrument or a force, of no country the sentence gives
    # "alleged the two firms were overcharging customers in the French market": where a company trades does not make
    # it that country's, nor a political party
    return a.sector == "BUS"


def _regional_nouns(head: Token) -> list[Token]:
    """The words whose adjectives may name a region for ``head``: its own children and those of the noun of its
    'from' phrase ("envoys from African and Arab states")."""
    out = list(head.children)
    for prep in out[:]:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            out += [x for o in prep.children if o.dep_ == "pobj" for x in (*o.children, *(y for c in o.conjuncts for y in c.children))]
    return out


def country_in_focus(analysis: Analysis, anchor: Token, actor: list[Actor], recipient: list[Actor]) -> list[str]:
    """"The attorney general denied ...", "Police detained him": a group noun with a sector of the state or of civil
    society (``FOCUS_SECTORS``) and no country, in a sentence that gave it none, takes the country the article is
    about, when one dominates it (``Resolution.country_in_focus``). Not "the international community" or "Arab
    states". Flagged as inferred, with the counts."""
    in_focus = getattr(analysis.resolution, "country_in_focus", None)  # (an actors stage of a user's may not answer it)
    if in_focus is None:
        return []
    roles = []
    focus = None
    for role, actors in (("actor", actor), ("recipient", recipient)):
        for a in actors:
            if a.code is not None or (a.sector not in FOCUS_SECTORS and not _unknown_person(analysis, a, titled=role == "actor")):
                continue
            words = a.text.lower().split()
            if NOT_DOMESTIC_WORDS.intersection(words) or UNKNOWN_WORDS.intersection(words) or (words and words[-1] in SEVERAL_STATES) \
                    or (role == "actor" and unnamed_attacker(a.text, a.sector)):
                continue
            span = analysis.doc.char_span(a.start, a.end, alignment_mode="expand")
            if REGION_ADJECTIVES.intersection(words[:2]) or (span is not None and any(
                    c.dep_ == "amod" and c.lower_ in REGION_ADJECTIVES for c in _regional_nouns(span.root))):
                continue  # "African leaders", "a European envoy", "ministers from Asian governments": of several
                # states, not the article's
            focus = focus or in_focus(anchor)
            if focus is None:
                return roles
            a.code = a.country = focus[0]
            a.reason = f"{focus[1]}; {a.reason}"
            if role not in roles:
                roles.append(role)
    return roles


def _unknown_person(analysis: Analysis, actor: Actor, *, titled: bool = False) -> bool:
    """A person's name the dictionaries do not know ("Hotak alleged ...", "a judge sentenced Manafort"), or a personal
    pronoun the resolver could not tie to one; with ``titled``, also a name after a title whatever entity type the
    model gives it (an actor: a target with a title is left to the state that holds it to account, if any)."""
    if actor.sector is not None or not actor.reason.startswith("no dictionary entry"):
        return False
    if actor.text.lower() in ("he", "she", "him", "her"):
        return True  # a person the article does not name where the pronoun stands ("before he was shot by police")
    span = analysis.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" for t in span):
        return False
    if all(t.ent_type_ == "PERSON" for t in span if t.pos_ == "PROPN"):
        return True
    if titled and span[0].lower_.rstrip(".") in HONORIFICS and len(span) > 1 and all(t.pos_ == "PROPN" or t.is_punct for t in span[1:]):
        return True  # "Mr Kilroy-Silk", a name the model took for an organisation's
    # the small model tags the same surname a person in one sentence and an organisation in the next ("Paul
    # Manafort ... a judge sentenced Manafort"): a name the article gives a person elsewhere is that person's
    people = {t.text for ent in analysis.doc.ents if ent.label_ == "PERSON" for t in ent}
    return all(t.text in people for t in span if t.pos_ == "PROPN")
