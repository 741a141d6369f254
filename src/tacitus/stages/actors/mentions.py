"""An article's actor mentions: the longest dictionary names and sector nouns, left to right, each entry chosen as of the article date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ...dictionaries import ActorDictionary, Entry
from ..base import WATER_NOUNS, Mention
from .words import (
    CAPITAL_AS_PLACE,
    COMPASS_WORDS,
    EU_CODE,
    EU_SEAT,
    FEATURE_WORDS,
    KIND_PRIORITY,
    KINSHIP_WORDS,
    LEGISLATURE_WORDS,
    NAME_PARTICLES,
    NOT_ACTOR_NOUNS,
    NOT_ARMED_FORCES,
    OTHER_CITY_MIN_POPULATION,
    PARTY_ADJECTIVES,
    PARTY_MEMBER_NOUNS,
    PERSON_TITLES,
    PLACE_PREPS,
    PLAYING_COURTS,
    PLURAL_ONLY_AGENTS,
    SPEAKING_GUESTS,
    STATE_SECTORS,
    TITLE_ROLES,
    US_STATE_CUES,
    US_STATE_NAMESAKES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _choose(entries: list[Entry], day: dt.date) -> tuple[Entry, str] | None:
    """Pick the entry a text stands for on ``day`` and say why."""
    valid = [e for e in entries if e.valid_on(day)]
    people = [e for e in entries if e.kind == "person"]
    if valid:
        best = min(valid, key=lambda e: KIND_PRIORITY.get(e.kind, 9))
        if best.kind == "person":
            return best, f"person in office on {day.isoformat()} ({best.role}, {best.origin})"
        return best, f"{best.kind} entry {best.name!r} ({best.origin})"
    if people:
        past = [e for e in people if e.valid_to is not None and e.valid_to <= day]
        if past:
            last = max(past, key=lambda e: e.valid_to or dt.date.min)
            former = Entry("person", last.country or last.code, last.country, "ELI", last.name, role=f"former {last.role}", origin=last.origin)
            return former, f"person out of office on {day.isoformat()}: former {last.role} ({last.origin})"
        first = min(people, key=lambda e: e.valid_from or dt.date.max)
        later = Entry("person", first.country or first.code, first.country, None, first.name, role=None, origin=first.origin)
        return later, f"person not yet in office on {day.isoformat()} (later {first.role}, {first.origin})"
    # a dead state's or a dissolved body's name still means it (history); its capital or seat of power does not,
    # nor does the name of a body not yet founded ("FSA" in 2004 is no Free Syrian Army, founded in 2011)
    others = [e for e in entries if e.kind in ("country", "adjective") or (e.kind == "org" and not (e.valid_from and e.valid_from > day))]
    if others:
        best = min(others, key=lambda e: KIND_PRIORITY.get(e.kind, 9))
        return best, f"{best.kind} entry {best.name!r} outside its validity period ({best.origin})"
    return None


def _other_persons_name(doc: Doc, i: int, entry: Entry) -> str | None:
    """A one-word name of a known person inside another person's name: "Sharon Osbourne" (not Ariel Sharon), "Mark
    Blair" (not Tony Blair): the word is followed by a capitalised name, or preceded by a first name that is not the
    person's own, or by a word of kinship ("his wife Sharon")."""
    own = set(entry.name.split())
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    if nxt is not None and nxt.pos_ == "PROPN" and capitalised(nxt) and nxt.ent_type_ == "PERSON" and nxt.text not in own:
        return f"a first name, of '{doc[i].text} {nxt.text}'"
    if prev is not None and prev.lower_ in KINSHIP_WORDS:
        return f"a first name after '{prev.text}' (\"his wife Sharon\")"
    if prev is not None and prev.pos_ == "PROPN" and capitalised(prev) and prev.ent_type_ == "PERSON" \
            and prev.text not in own and prev.lower_ not in PERSON_TITLES and not prev.text.endswith("."):
        return f"inside another person's name, '{prev.text} {doc[i].text}'"
    return None


def _named_after_capital(doc: Doc, i: int, j: int, dictionary: ActorDictionary) -> bool:
    """Whether the capital at ``doc[i:j]`` begins a longer proper name ("Moscow State University", "the Lima
    International Jazz Festival"): a thing named after the city, not its government. A sector noun as the name's
    head ("the Kabul Government", "the Seoul High Court") keeps the capital an actor of that country."""
    if j >= len(doc):
        return False
    if doc[j].lower_ in CAPITAL_AS_PLACE:
        return True
    head = doc[j - 1].head
    if doc[j - 1].dep_ != "compound" or head.i < j or head.pos_ != "PROPN" or not capitalised(doc[j]) or doc[j].pos_ != "PROPN":
        return False
    if head.ent_type_ in ("PERSON", "GPE", "NORP", "LOC"):
        return False
    return (head.lemma_.lower(),) not in dictionary.agents and (head.lower_,) not in dictionary.agents


def _longer_name(doc: Doc, i: int, j: int) -> str:
    """The whole name a capital at ``doc[i:j]`` begins ("Moscow State University")."""
    head = doc[j - 1].head if doc[j - 1].dep_ == "compound" and doc[j - 1].head.i >= j else doc[j]
    return doc[i : head.i + 1].text


def _ambiguous(doc: Doc, i: int, j: int, entry: Entry, dictionary: ActorDictionary | None = None) -> str | None:
    """Reason to reject a country-like match in this context, or None."""
    if entry.kind == "person" and j - i == 1 and doc[i].text.isupper() and 0 < i and j < len(doc) \
            and doc[i - 1].text == "(" and doc[j].text == ")":
        return "an abbreviation the text defines in parentheses"
    if entry.kind == "person" and j - i == 1:
        return _other_persons_name(doc, i, entry)
    if entry.kind not in ("country", "capital", "adjective"):
        return None
    nxt = doc[j] if j < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.pos_ == "PROPN" and capitalised(nxt) \
            and not (dictionary is not None and any(e.kind == "adjective" for e in dictionary.names.get((nxt.lower_,), ()))):
        return "followed by a person's name"  # (not "Croatian Serbs", which the tagger may take for one)
    if prev is not None and prev.ent_type_ == "PERSON" and prev.pos_ == "PROPN" and capitalised(prev) and prev.lower_ != "the":
        return "preceded by a person's name"
    if entry.kind == "adjective" and nxt is not None and nxt.lemma_.lower() in NOT_ACTOR_NOUNS:
        return f"modifies '{nxt.text}', not an actor"
    if entry.kind == "country" and nxt is not None and nxt.lower_ in FEATURE_WORDS and capitalised(nxt):
        return f"part of the place name '{doc[i:j + 1].text}'"
    if entry.kind == "capital" and nxt is not None and nxt.lower_ in {"state", "post", "university"}:
        return f"part of '{doc[i:j + 1].text}'"
    if (prev is not None and prev.pos_ == "PROPN" and capitalised(prev) and prev.dep_ == "compound" and i <= prev.head.i < j
            and not (prev.is_sent_start and not prev.ent_type_)  # "Young Algerians ..." opening a sentence
            and not (entry.kind == "country" and prev.lower_ in COMPASS_WORDS  # "South Lebanon": a region, in it
                     and not (i >= 2 and doc[i - 2].pos_ == "PROPN" and capitalised(doc[i - 2]) and doc[i - 2].head.i == prev.head.i))):
        # (but "New South Wales" is a longer name)
        return f"inside the longer name '{prev.text} {doc[i:j].text}'"
    if prev is not None and i >= 2 and doc[i - 2].lower_ == "state" and prev.lower_ == "of":
        return "a US state ('state of ...')"
    return None


def _misspelt(doc: Doc, i: int, word: str, dictionary: ActorDictionary, day: dt.date) -> Mention | None:
    """A proper noun one letter away from exactly one country name, demonym, capital or (long)
    surname: "Venezuala", "Afganistan", "Netanyahou". Not a place the gazetteer knows
    under that spelling ("Indiana" is not "Indian"), and a country never from a person's name."""
    target = dictionary.correct(word)
    if target is None:
        return None
    token = doc[i]
    entries = dictionary.names[(target,)]
    adjective = token.pos_ == "ADJ" and any(e.kind == "adjective" for e in entries)  # "Ukranian drones"
    if (token.pos_ != "PROPN" and not adjective) or (i + 1 < len(doc) and doc[i + 1].text == "-"):
        return None
    chosen = _choose(dictionary.names[(target,)], day)
    if chosen is None:
        return None
    entry, why = chosen
    if entry.kind != "person":
        if token.ent_type_ == "PERSON" or _ambiguous(doc, i, i + 1, entry):
            return None
        from ...gazetteer import load_gazetteer

        if load_gazetteer().lookup([token.text]):
            return None
    return Mention(i, i + 1, entry.kind, entry.code, entry.country, entry.sector, entry.name,
                   f"read as a misspelling of {target.title()!r}; {why}")


def _party_adjective(doc: Doc, i: int, dictionary: ActorDictionary, day: dt.date, name_lengths: list[int] | None) -> Mention | None:
    """"Republican Senator Lindsey Graham", "two Democratic lawmakers": a capitalised party adjective (PARTY_ADJECTIVES)
    before a member of a party or a legislature names that party, unless a longer name starts there ("Democratic
    Unionist Party")."""
    party = PARTY_ADJECTIVES.get(doc[i].text)
    member = i + 3 if i + 3 < len(doc) and doc[i + 1].lower_ == "and" and doc[i + 2].text in PARTY_ADJECTIVES else i + 1
    if party is None or member >= len(doc) or doc[member].lemma_.lower() not in PARTY_MEMBER_NOUNS:
        return None  # (a member noun next, or after a second party: "Republican and Democratic leaders")
    words = [t.text for t in doc[i : i + max(name_lengths or [1])]]
    if any(length > 1 and dictionary.lookup(words[:length], key=tuple(w.lower() for w in words[:length])) for length in name_lengths or ()):
        return None
    chosen = _choose(dictionary.lookup(party.split(), key=tuple(party.lower().split())), day)
    if not chosen:
        return None
    e = chosen[0]
    return Mention(i, i + 1, "org", e.code, e.country, e.sector, e.name, f"party adjective {doc[i].text!r} before "
                   f"'{doc[member].text}': org entry {e.name!r} ({e.origin})")


def find_mentions(doc: Doc, dictionary: ActorDictionary, day: dt.date) -> list[Mention]:
    """Longest dictionary matches, left to right: names by text, sector nouns by lemma."""
    mentions: list[Mention] = []
    shared: dict[int, list[Entry]] = {}  # a name several countries' organisations share ("BNP"): by token
    n = len(doc)
    texts = [t.text for t in doc]
    lowers = [t.lower() for t in texts]
    lemmas = [_lemma(t, dictionary) for t in doc]
    caps = [bool(t) and (t[0].isupper() or t[0].isdigit()) for t in texts]
    i = 0
    while i < n:
        found = None
        name_lengths = dictionary.name_lengths.get(lowers[i])
        if name_lengths and not (caps[i] or (lowers[i] == "the" and i + 1 < n and caps[i + 1])):
            # names start with a capital ("the" may precede one), or with a particle before one ("al-Qaeda")
            nxt = i + 2 if i + 2 < n and texts[i + 1] == "-" else i + 1
            if nxt < n and caps[nxt] and lowers[i] in NAME_PARTICLES:
                name_lengths = [length for length in name_lengths if length > nxt - i]
            else:
                name_lengths = None
        agent_lengths = dictionary.agent_lengths.get(lemmas[i])
        if texts[i] == "House" and i > 0 and lowers[i - 1] == "the" and (i + 1 == n or lowers[i + 1] != "of"):
            # "the House" (capitalised, alone): the lower house of the legislature the article is about
            mentions.append(Mention(i, i + 1, "agent", None, None, "LEG", "house",
                                    "sector noun 'the House' (capitalised: a chamber of the legislature)"))
            i += 1
            continue
        party = _party_adjective(doc, i, dictionary, day, name_lengths)
        if party is not None:
            mentions.append(party)
            i += 1
            continue
        if not name_lengths and not agent_lengths:
            corrected = _misspelt(doc, i, texts[i], dictionary, day) if caps[i] and len(texts[i]) > 5 and lowers[i] not in dictionary.name_lengths else None
            if corrected is not None:
                mentions.append(corrected)
            i += 1
            continue
        candidates = sorted(
            {(length, "name") for length in name_lengths or ()} | {(length, "agent") for length in agent_lengths or ()},
            key=lambda c: (-c[0], c[1] != "name"),
        )
        for length, kind in candidates:
            if i + length > n:
                continue
            if kind == "name":
                if lowers[i] == "the" and length == 1:
                    continue
                entries = dictionary.lookup(texts[i : i + length], key=tuple(lowers[i : i + length]))
                if entries:
                    chosen = _choose(entries, day)
                    if chosen and chosen[0].kind == "capital" and _named_after_capital(doc, i, i + length, dictionary):
                        # "Dhaka University", "the Lima International Jazz Festival": in that country, not its government
                        e = chosen[0]
                        found = Mention(i, i + length, "place", e.code, e.country, None, e.name,
                                        f"place: '{_longer_name(doc, i, i + length)}' is named after the capital of {e.name}: "
                                        "in that country, not its government")
                        break
                    if chosen and not _ambiguous(doc, i, i + length, chosen[0], dictionary):
                        e, why = chosen
                        if e.kind in ("country", "adjective") and i > 0 and lowers[i - 1] == "ethnic":
                            # "ethnic Hungarians in Slovakia": people of that ethnicity, not the state
                            found = Mention(i - 1, i + length, "agent", None, None, "CVL", f"ethnic {e.name}",
                                            f"ethnic group 'ethnic {texts[i]}': civilians, not the state of {e.name}")
                            mentions = [m for m in mentions if m.j <= i - 1]
                        else:
                            found = Mention(i, i + length, e.kind, e.code, e.country, e.sector, e.name, why)
                            others = [x for x in entries if x.kind == e.kind == "org" and x.country != e.country and x.valid_on(day)]
                            if others:
                                shared[i] = [e, *others]
                        break
            else:
                agent = dictionary.agents.get(tuple(lemmas[i : i + length]))
                if agent is not None and length == 1 and lemmas[i] in PLURAL_ONLY_AGENTS and (
                        doc[i].tag_ != "NNS" or (i > 0 and lowers[i - 1] in NOT_ARMED_FORCES)):
                    agent = None  # "forces" are troops; "force" and "outside forces" (meddling) are not
                if agent is not None and length == 1 and agent.sector in ("GOV", "LEG") and _office_of_another_body(doc, i, mentions, dictionary):
                    agent = None  # "Academy president Frank Pierson", "fellow speaker": no office of the state
                if agent is not None and length == 1 and (_names_a_thing(doc, i) or (lemmas[i] == "court" and i > 0 and lowers[i - 1] in PLAYING_COURTS)):
                    agent = None  # "the Premier League", "General Motors", "a cross court shot": no sector of society
                if agent is not None and doc[i + length - 1].pos_ in ("NOUN", "PROPN"):
                    found = Mention(i, i + length, "agent", None, None, agent.sector, agent.name, f"sector noun {agent.name!r} ({agent.origin})")
                    break
        if found is None:
            i += 1
        else:
            mentions.append(found)
            i = found.j
    if any(m.kind == "capital" for m in mentions):
        mentions = _other_city_of_capital_name(doc, mentions)
        mentions = _seat_of_the_union(doc, mentions)
    if shared:
        mentions = _by_article_countries(mentions, shared)
    return _korean_halves(doc, _drop_future_namesakes(doc, _us_state_namesakes(doc, [m for m in mentions if not _names_waters(doc, m)])))


KOREAS = {"north": ("PRK", "North Korea"), "south": ("KOR", "South Korea")}


def _korean_halves(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"South Korea offered food aid to the North": in an article that names either Korea, "the North" alone is North
    Korea and "the South" South Korea, as Korean news writes them."""
    if not any(m.code in ("KOR", "PRK") for m in mentions):
        return mentions
    taken = {k for m in mentions for k in range(m.i, m.j)}
    halves = [Mention(t.i, t.i + 1, "country", KOREAS[t.lower_][0], KOREAS[t.lower_][0], None, KOREAS[t.lower_][1],
                      f"'the {t.text}' in an article about the Koreas: {KOREAS[t.lower_][1]}")
              for t in doc if t.lower_ in KOREAS and t.text[:1].isupper() and t.i not in taken and t.i > 0
              and doc[t.i - 1].lower_ == "the" and t.dep_ not in ("compound", "amod")
              and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")]
    return sorted(mentions + halves, key=lambda m: m.i) if halves else mentions


def _by_article_countries(mentions: list[Mention], shared: dict[int, list[Entry]]) -> list[Mention]:
    """A name several countries' organisations share ("BNP": Bangladesh's or Britain's party) is the one of the
    country the article names most (its places, people and organisations whose name is not shared, "the British
    National Party" spelt out); the first entry where none of them is named more."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.country and m.i not in shared and m.kind in ("country", "adjective", "capital", "place", "person", "metonym", "org"):
            counts[m.country] = counts.get(m.country, 0) + 1
    out = []
    for m in mentions:
        entries = shared.get(m.i)
        best = max(entries, key=lambda e: counts.get(e.country or "", 0)) if entries else None
        if best is not None and counts.get(best.country or "", 0) > counts.get(m.country or "", 0):
            m = Mention(m.i, m.j, best.kind, best.code, best.country, best.sector, best.name,
                        f"{best.kind} entry {best.name!r} ({best.origin}): of the {len(entries)} of that name, the one of "
                        f"{best.country}, the country the article names most of theirs")
        out.append(m)
    return out


def _lemma(token: Token, dictionary: ActorDictionary) -> str:
    """The token's lemma; a plural the small model took for a name, or left unlemmatised, keeps its lemma too
    ("Insurgents continued ...", "MPs backed ..." at the start of a sentence, "a vote in which MPs backed ...":
    'insurgent', 'mp')."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("PROPN", "NOUN") or lemma != token.lower_ or not lemma.endswith("s") or (lemma,) in dictionary.agents:
        return lemma
    for singular in (lemma[:-1], lemma[:-2], lemma[:-3] + "y"):
        if (singular,) in dictionary.agents:
            return singular
    return lemma


def _names_a_thing(doc: Doc, i: int) -> bool:
    """A title that begins the name of an organisation, place or event ("Premier League", "General Motors"), not a
    title before a person's name ("President Bush")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (doc[i].lower_ in PERSON_TITLES and capitalised(doc[i]) and not doc[i].is_sent_start and nxt is not None
            and nxt.pos_ == "PROPN" and capitalised(nxt)
            and nxt.ent_type_ in ("ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART") and doc[i].ent_type_ == nxt.ent_type_)


# Bodies whose officers hold no office of the state ("a team official", "the club president").
NON_STATE_BODY_WORDS = frozenset("team club league company firm industry bank festival studio airline corporate".split())


def _office_of_another_body(doc: Doc, i: int, mentions: list[Mention], dictionary: ActorDictionary) -> bool:
    """An office word of the state held in another body: after a capitalised name the dictionaries do not know and
    the tagger does not call a place or people ("Academy president", "Wal-Mart chairman"; not "House Speaker",
    "Texas governor", "Labour leader"), a body of sport or business ("team official", "bank official"), or a
    speaker at an event ("fellow speaker", "guest speaker")."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in SPEAKING_GUESTS and doc[i].lower_ == "speaker":
        return True
    if prev.lower_ in NON_STATE_BODY_WORDS and prev.dep_ in ("compound", "nmod", "amod") and prev.head.i == i:
        return True  # "a team official", "the club president", "a bank official"
    covered = bool(mentions) and mentions[-1].j > i - 1
    return (prev.dep_ == "compound" and prev.head.i == i and prev.pos_ in ("PROPN", "NOUN") and prev.text[:1].isupper()
            and not covered and prev.ent_type_ not in ("GPE", "LOC", "NORP") and prev.lower_ not in LEGISLATURE_WORDS
            and getattr(dictionary.agents.get((prev.lemma_.lower(),)), "sector", None) not in STATE_SECTORS)


def _drop_future_namesakes(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A surname alone of a person who takes office only after the article ("Marrero" in 2019, Cuba's prime minister
    from 2019-12-21) is someone else of that name, unless the article names that person's country too, or the title
    of that office comes before it ("President Marrero": the text calls them by the office they will hold, so the
    article's date is the one in doubt)."""
    later = [m for m in mentions if m.kind == "person" and m.j - m.i == 1 and m.reason.startswith("person not yet in office")]
    if not later:
        return mentions
    named = {m.country for m in mentions if m.country and m.kind != "agent" and m not in later}
    return [m for m in mentions if m not in later or m.country in named or _titled_for_office(doc, m)]


def _titled_for_office(doc: Doc, m: Mention) -> bool:
    """Whether the words before a surname are the title of the office its person holds later ("President Obama")."""
    before = tuple(t.lower_ for t in doc[max(0, m.i - 3) : m.i])
    return any(before[-len(title):] == title and any(f"(later {role}," in m.reason for role in roles)
               for title, roles in TITLE_ROLES.items() if len(title) <= len(before))


def _other_city_of_capital_name(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Tripoli" in an article that names Lebanon, and never Libya: the city in Lebanon, not Libya's
    government. A capital's name stands for another country's city of that name when that country is
    named in the article and the capital's own country is not."""
    named = {m.country for m in mentions if m.kind in ("country", "adjective") and m.country}
    out = []
    for m in mentions:
        if m.kind == "capital" and m.country not in named and named:
            from ...gazetteer import load_gazetteer

            others = {p.country for p in load_gazetteer().lookup([t.text for t in doc[m.i : m.j]])
                      if p.kind == "city" and p.country != m.country and p.country in named
                      and p.population >= OTHER_CITY_MIN_POPULATION}  # not Moscow, Idaho
            if len(others) == 1:
                (country,) = others
                m = Mention(m.i, m.j, "place", country, country, None, country,
                            f"a city of {country}, named in the article, rather than the capital of {m.name}, which is not")
        out.append(m)
    return out


def _seat_of_the_union(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Clashed with Brussels over the rebate", "a complaint against Brussels": in an article that names the EU,
    "Brussels" as a party stands for the EU's institutions, not Belgium's government ("talks in Brussels",
    "marched through Brussels", "a Brussels summit" stay the city)."""
    union = next((m for m in mentions if m.code == EU_CODE and m.kind == "org"), None)
    if union is None:
        return mentions

    def seat(m: Mention) -> bool:
        tok = doc[m.j - 1]
        return (m.kind == "capital" and doc[m.i:m.j].text == EU_SEAT and tok.dep_ != "compound"  # "a Brussels summit"
                and not (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS))

    return [Mention(m.i, m.j, "metonym", EU_CODE, None, union.sector, union.name,
                    f"'{doc[m.i:m.j].text}' stands for the EU, which the article names ({union.name}); the capital of Belgium")
            if seat(m) else m for m in mentions]


def _us_state_namesakes(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Senator David Perdue of Georgia", "police in Atlanta, Georgia": a country's name that a US state shares is
    the state, so the United States, where its sentence speaks of US politics or places (``US_STATE_CUES``)."""
    out = []
    for m in mentions:
        name = doc[m.i:m.j].text
        if m.kind == "country" and US_STATE_NAMESAKES.get(name) == m.code:
            sentence = doc[m.i].sent if doc.has_annotation("SENT_START") else doc[:]
            cues = sorted({t.text for t in sentence if t.text in US_STATE_CUES})
            if cues:
                m = Mention(m.i, m.j, "country", "USA", "USA", None, "United States",
                            f"'{name}' is the US state here (the sentence says {', '.join(repr(c) for c in cues[:3])}): the United States")
        out.append(m)
    return out


def _names_waters(doc: Doc, m: Mention) -> bool:
    """"in the Gulf of Oman", "through the Sea of Japan": a country's name in the name of a sea or a strait is a
    place at sea, not the country as a party."""
    return m.kind in ("country", "capital") and m.i >= 2 and doc[m.i - 1].lower_ == "of" \
        and doc[m.i - 2].lower_ in WATER_NOUNS and doc[m.i - 2].text[:1].isupper()
