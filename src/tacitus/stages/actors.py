"""The actors stage: find actor mentions and resolve them to codes as of the article date."""

from __future__ import annotations

import copy
import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..dictionaries import ActorDictionary, Entry
from ..model import Actor
from ..registry import register_stage
from ..user_dictionaries import load_actor_dictionary
from .base import SPEAKER_NOUNS, SPEECH_VERBS, Analysis, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ActorResolver", "ActorStage", "find_mentions"]

KIND_PRIORITY = {"person": 0, "org": 1, "metonym": 2, "capital": 3, "country": 4, "place": 4, "adjective": 5, "coref": 6}
# Dependencies that stay inside one noun phrase when collecting an argument's mentions.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "det", "case", "flat", "nummod", "npadvmod", "prep", "pobj", "punct", "quantmod"})
NP_PREPS = frozenset({"of", "for", "from", "in", "at", "across", "throughout"})
# Nouns that refer back to a country already named in the article.
COREF_NOUNS = {"country": None, "nation": None, "kingdom": "GOV", "regime": "GOV", "republic": None, "island": None, "state": None}
ISLAND_STATES = frozenset(
    "CUB JPN GBR IRL ISL LKA PHL IDN TWN MDG NZL CYP MLT JAM HTI DOM SGP BHR MUS CPV FJI BRN TTO BHS BRB COM MDV SYC TLS PNG SLB VUT WSM TON KIR MHL FSM PLW NRU TUV GRD LCA VCT ATG KNA DMA STP".split()
)
PRONOUNS = {"it": "thing", "its": "thing", "he": "person", "his": "person", "she": "person", "her": "person"}
PLURAL_COREF = frozenset({"country", "nation", "state", "republic", "government", "side", "neighbour", "neighbor", "power", "rival"})
SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they"})
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
# A city named like another country's capital stands for itself only when it is this big ("Tripoli", Lebanon).
OTHER_CITY_MIN_POPULATION = 100_000
# Words after a capital's name that make it part of a name in that country ("Dhaka University").
CAPITAL_AS_PLACE = frozenset({"state", "post", "university"})
# A place name shared by several countries' places means the biggest one when it is this many times bigger.
PLACE_DOMINANCE = 20
NAMED_PLACE_RATIO = 3  # a place in a country the article names must be at least a third of the biggest
# Nouns that count the people they are "of" ("hundreds of students").
QUANTITY_NOUNS = frozenset("score ten hundred thousand dozen million number group lot majority most some many".split())
# Nouns a country adjective can modify without naming an actor ("the Russian language").
NOT_ACTOR_NOUNS = frozenset("language cuisine literature accent alphabet dialect grammar".split())
# Words that make a country's name the name of one of its regions ("South Lebanon", "Western Cambodia"); countries
# named so ("South Korea", "East Timor") are longer dictionary names, matched first.
COMPASS_WORDS = frozenset("north south east west northern southern eastern western central northeastern northwestern "
                          "southeastern southwestern".split())
# Lower-case particles that open names ("al-Qaeda", "dos Santos", "van der Bellen", "bin Laden").
NAME_PARTICLES = frozenset("al el ad as ash ar an at ul de del della di da dos das du van von der den bin ibn abu".split())
# Prepositions that say where something happens ("marched through the centre of Minsk").
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "across", "throughout", "near", "around"})
# Sectors of actors that are usually of the country they act in (police, protesters, rebels, the opposition);
# soldiers and diplomats often are not, and IGOs and NGOs have no country.
# Not GOV ("officials met in Geneva"), BUS, JRN or REF ("refugees in Lebanon"), who are often foreign.
DOMESTIC_SECTORS = frozenset("COP JUD LEG PTY REB UAF CRM CVL OPP LAB EDU MED REL AGR SOC".split())
# Sector nouns that take the sector of the body they belong to ("leaders of the opposition", "a
# spokesman for the rebels", "members of parliament").
GENERIC_AGENTS = frozenset("leader spokesperson spokesman spokeswoman official member representative delegation delegate".split())
# "forces" are soldiers unless a modifier names another armed body ("rebel forces", "opposition forces").
PLURAL_ONLY_AGENTS = frozenset({"force"})
NOT_ARMED_FORCES = frozenset("outside external hostile dark evil political market progressive reactionary".split())
FORCE_MODIFIER_SECTORS = frozenset("REB OPP COP PRM UAF IGO".split())


def _capitalised(token: Token) -> bool:
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
        return later, f"person not yet in office on {day.isoformat()} ({first.origin})"
    # a dead state's name still means that state (history); its capital or seat of power does not
    others = [e for e in entries if e.kind in ("country", "adjective", "org")]
    if others:
        best = min(others, key=lambda e: KIND_PRIORITY.get(e.kind, 9))
        return best, f"{best.kind} entry {best.name!r} outside its validity period ({best.origin})"
    return None


def _against(doc: Doc, m: Mention) -> bool:
    """'anti-Syria', 'pro-Western', 'counter-US': what the actor is against or for, not who it is."""
    return m.i >= 2 and doc[m.i - 1].text == "-" and doc[m.i - 2].lower_ in ("anti", "pro", "counter")


def _ambiguous(doc: Doc, i: int, j: int, entry: Entry, dictionary: ActorDictionary | None = None) -> str | None:
    """Reason to reject a country-like match in this context, or None."""
    if entry.kind == "person" and j - i == 1 and doc[i].text.isupper() and 0 < i and j < len(doc) \
            and doc[i - 1].text == "(" and doc[j].text == ")":
        return "an abbreviation the text defines in parentheses"
    if entry.kind not in ("country", "capital", "adjective"):
        return None
    nxt = doc[j] if j < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.pos_ == "PROPN" and _capitalised(nxt) \
            and not (dictionary is not None and any(e.kind == "adjective" for e in dictionary.names.get((nxt.lower_,), ()))):
        return "followed by a person's name"  # (not "Croatian Serbs", which the tagger may take for one)
    if prev is not None and prev.ent_type_ == "PERSON" and prev.pos_ == "PROPN" and _capitalised(prev) and prev.lower_ != "the":
        return "preceded by a person's name"
    if entry.kind == "adjective" and nxt is not None and nxt.lemma_.lower() in NOT_ACTOR_NOUNS:
        return f"modifies '{nxt.text}', not an actor"
    if entry.kind == "capital" and nxt is not None and nxt.lower_ in {"state", "post", "university"}:
        return f"part of '{doc[i:j + 1].text}'"
    if (prev is not None and prev.pos_ == "PROPN" and _capitalised(prev) and prev.dep_ == "compound" and i <= prev.head.i < j
            and not (prev.is_sent_start and not prev.ent_type_)  # "Young Algerians ..." opening a sentence
            and not (entry.kind == "country" and prev.lower_ in COMPASS_WORDS)):  # "South Lebanon": a region, in it
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
        from ..gazetteer import load_gazetteer

        if load_gazetteer().lookup([token.text]):
            return None
    return Mention(i, i + 1, entry.kind, entry.code, entry.country, entry.sector, entry.name,
                   f"read as a misspelling of {target.title()!r}; {why}")


def find_mentions(doc: Doc, dictionary: ActorDictionary, day: dt.date) -> list[Mention]:
    """Longest dictionary matches, left to right: names by text, sector nouns by lemma."""
    mentions: list[Mention] = []
    n = len(doc)
    texts = [t.text for t in doc]
    lowers = [t.lower() for t in texts]
    lemmas = [t.lemma_.lower() for t in doc]
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
                    if chosen and chosen[0].kind == "capital" and i + length < n and lowers[i + length] in CAPITAL_AS_PLACE:
                        # "Dhaka University", "Moscow State University": in that country, not its government
                        e = chosen[0]
                        found = Mention(i, i + length, "place", e.code, e.country, None, e.name,
                                        f"'{texts[i + length]}' named after the capital of {e.name}: that country, not its government")
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
                        break
            else:
                agent = dictionary.agents.get(tuple(lemmas[i : i + length]))
                if agent is not None and length == 1 and lemmas[i] in PLURAL_ONLY_AGENTS and (
                        doc[i].tag_ != "NNS" or (i > 0 and lowers[i - 1] in NOT_ARMED_FORCES)):
                    agent = None  # "forces" are troops; "force" and "outside forces" (meddling) are not
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
    return mentions


def _other_city_of_capital_name(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Tripoli" in an article that names Lebanon, and never Libya: the city in Lebanon, not Libya's
    government. A capital's name stands for another country's city of that name when that country is
    named in the article and the capital's own country is not."""
    named = {m.country for m in mentions if m.kind in ("country", "adjective") and m.country}
    out = []
    for m in mentions:
        if m.kind == "capital" and m.country not in named and named:
            from ..gazetteer import load_gazetteer

            others = {p.country for p in load_gazetteer().lookup([t.text for t in doc[m.i : m.j]])
                      if p.kind == "city" and p.country != m.country and p.country in named
                      and p.population >= OTHER_CITY_MIN_POPULATION}  # not Moscow, Idaho
            if len(others) == 1:
                (country,) = others
                m = Mention(m.i, m.j, "place", country, country, None, country,
                            f"a city of {country}, named in the article, rather than the capital of {m.name}, which is not")
        out.append(m)
    return out


class ActorResolver:
    """Turns an argument token into the actors it names (one per conjunct)."""

    def __init__(self, analysis: Analysis, dictionary: ActorDictionary) -> None:
        self.analysis = analysis
        self.doc = analysis.doc
        self.dictionary = dictionary
        self.by_token: dict[int, Mention] = {}
        self._resolved: dict[int, list[Actor]] = {}  # by head token: the event stage asks for most heads more than once
        self._active: set[int] = set()  # heads being resolved now (see ``one``)
        self._by_kind: dict[str, tuple[list[int], list[int]]] | None = None  # kind -> (starts, positions), for recent_of
        for m in analysis.mentions:
            for k in range(m.i, m.j):
                self.by_token[k] = m

    # noun-phrase tokens of a head, with the number of prepositions crossed to reach each
    def _np(self, head: Token) -> dict[int, int]:
        seen = {head.i: 0}
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ not in NP_DEPS or child.i in seen:
                    continue
                if child.dep_ == "prep" and child.lower_ not in NP_PREPS:
                    continue
                seen[child.i] = seen[tok.i] + (1 if child.dep_ == "prep" else 0)
                stack.append(child)
        return seen

    def _actor(self, text_tokens: Iterable[int], **fields: object) -> Actor:
        tokens = set(text_tokens)
        doc = self.doc
        # the contiguous run of noun-phrase tokens around the first one
        lo = hi = min(tokens, key=lambda k: (doc[k].dep_ in ("det", "punct"), k)) if len(tokens) > 1 else next(iter(tokens))
        lo = hi = min(tokens) if min(tokens) + len(tokens) - 1 == max(tokens) else lo
        while lo - 1 in tokens:
            lo -= 1
        while hi + 1 in tokens:
            hi += 1
        while lo < hi and (doc[lo].dep_ in ("det", "punct") or doc[lo].is_space):
            lo += 1
        while hi > lo and (doc[hi].dep_ == "punct" or doc[hi].is_space or doc[hi].dep_ == "case"):
            hi -= 1
        span = doc[lo : hi + 1]
        return Actor(text=span.text, start=span.start_char, end=span.end_char, **fields)  # type: ignore[arg-type]

    def recent_country(self, before: int, *, island: bool = False) -> Mention | None:
        best = None
        for m in self.analysis.mentions:
            if m.i >= before:
                break
            if m.kind in ("country", "adjective", "capital", "metonym") and m.country:
                if island and m.country not in ISLAND_STATES:
                    continue
                best = m
        if best is None and island:  # "the island nation" before the island is named: look ahead
            best = next((m for m in self.analysis.mentions if m.country in ISLAND_STATES and m.kind != "agent"), None)
        if best is None and island:
            return self.recent_country(before)
        return best

    def recent_countries(self, before: int, n: int) -> list[Mention]:
        """The last ``n`` distinct countries named as such (not in "US-aligned"-type modifiers)."""
        out: list[Mention] = []
        for m in reversed(self.analysis.mentions):
            if m.i >= before or m.kind not in ("country", "adjective") or not m.country:
                continue
            if m.j < len(self.doc) and self.doc[m.j].text == "-":
                continue
            if all(o.country != m.country for o in out):
                out.append(m)
            if len(out) == n:
                break
        return list(reversed(out))

    def recent_of(self, before: int, kinds: set[str]) -> Mention | None:
        """The last mention of one of ``kinds`` that starts before token ``before`` (by bisection per kind)."""
        if self._by_kind is None:
            self._by_kind = {}
            for position, m in enumerate(self.analysis.mentions):
                starts, positions = self._by_kind.setdefault(m.kind, ([], []))
                starts.append(m.i)
                positions.append(position)
        best = -1
        for kind in kinds:
            starts, positions = self._by_kind.get(kind, ([], []))
            k = bisect_left(starts, before)
            if k:
                best = max(best, positions[k - 1])
        return self.analysis.mentions[best] if best >= 0 else None

    def one(self, head: Token) -> Actor:
        """The actor ``head`` names, resolved as of the article's date.

        Resolution may follow a reference to another token (a pronoun to its speaker, "the statement" to the
        last speaker before it). A chain that comes back to a token it is still resolving, or that runs past
        ``MAX_REFERENCE_CHAIN`` links, stops there with the token unresolved: an article is never lost to it.
        """
        if head.i in self._active or len(self._active) >= MAX_REFERENCE_CHAIN:
            return self._actor([head.i], code=None, country=None, sector=None, name=None,
                               reason="a chain of references that does not end in a name; kept unresolved")
        self._active.add(head.i)
        try:
            return self._one(head)
        finally:
            self._active.discard(head.i)

    def _one(self, head: Token) -> Actor:
        if head.lower_ in ("which", "who", "that") and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            actor = self.one(head.head.head)  # relative pronoun: the noun the clause modifies
            actor.reason = f"relative pronoun {head.text!r} refers to {actor.text!r}; {actor.reason}"
            return actor
        np = self._np(head)
        found: dict[int, Mention] = {}
        for k in np:
            m = self.by_token.get(k)
            if m is not None:
                found[m.i] = m
        # "an anti-Iran cleric" is not Iranian (the modifier itself, resolved alone, is still Iran)
        entities = [m for m in found.values() if m.kind != "agent" and not (_against(self.doc, m) and not m.i <= head.i < m.j)]
        agents = [m for m in found.values() if m.kind == "agent"]
        agent = min(agents, key=lambda m: (np.get(m.j - 1, 9), abs(m.j - 1 - head.i))) if agents else None
        if agent is not None and agent.name == "force" and len(agents) > 1:
            body = next((m for m in agents if m is not agent and m.sector in FORCE_MODIFIER_SECTORS and np.get(m.j - 1, 9) <= 1), None)
            if body is not None:
                agent = Mention(agent.i, agent.j, "agent", None, None, body.sector, agent.name, f"{body.reason}; {agent.reason}")
        if agent is not None and agent.name in GENERIC_AGENTS and len(agents) > 1:
            body = min((m for m in agents if m is not agent and m.name not in GENERIC_AGENTS),
                       key=lambda m: (np.get(m.j - 1, 9), abs(m.j - 1 - head.i)), default=None)
            if body is not None:
                agent = Mention(agent.i, agent.j, "agent", None, None, body.sector, agent.name,
                                f"{agent.reason}, of {body.name!r}: {body.reason}")
        if entities:
            # a person's name first; then the name the phrase's head is part of over a name modifying it
            # ("NATO-member Norway": Norway)
            main = min(entities, key=lambda m: (min(np.get(k, 9) for k in range(m.i, m.j)), m.kind != "person",
                                                not m.i <= head.i < m.j, KIND_PRIORITY.get(m.kind, 9)))
            sector = main.sector
            reason = main.reason
            home = self._homeland(head, main, entities)
            if home is not None:
                main, reason = home
            if agent is not None and (main.kind in ("country", "adjective", "place") or (main.kind == "capital" and np.get(main.i, 0) > 0)):
                sector = agent.sector
                reason += f"; {agent.reason}"
            tokens = list(np) if len(np) <= 15 else list(range(main.i, main.j))
            return self._actor(tokens, code=main.code, country=main.country, sector=sector, name=main.name, reason=reason)
        lemma = head.lower_ if head.pos_ == "PRON" else head.lemma_.lower()
        if head.pos_ == "PRON" and lemma in SPEAKER_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            # "Syria says it will ...": the pronoun subject of reported speech is the speaker
            clause = head.head
            while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS:
                speaker = self.speaker_of(clause.head)
                if speaker is not None and speaker.code is not None:
                    return self._actor([head.i], code=speaker.code, country=speaker.country, sector=speaker.sector,
                                       name=speaker.name, reason=f"pronoun {head.text!r} in reported speech: the speaker {speaker.text!r}; {speaker.reason}")
        if head.pos_ == "PRON" and lemma in PRONOUNS:
            kinds = {"person"} if PRONOUNS[lemma] == "person" else {"country", "org", "capital", "metonym"}
            ref = self.recent_of(head.i, kinds)
            if ref is not None:
                return self._actor([head.i], code=ref.code, country=ref.country, sector=ref.sector, name=ref.name,
                                   reason=f"pronoun {head.text!r} refers to {ref.name!r}; {ref.reason}")
            if PRONOUNS[lemma] == "person":
                earlier = self._earlier_person(head)
                if earlier is not None:
                    return self._actor([head.i], code=earlier.code, country=earlier.country, sector=earlier.sector,
                                       name=earlier.name, reason=f"pronoun {head.text!r} refers to {earlier.text!r}; {earlier.reason}")
        if head.pos_ == "PRON" and lemma in FIRST_PERSON:
            speaker = self.speaker_of(head)
            if speaker is not None and speaker.code is not None:
                return self._actor([head.i], code=speaker.code, country=speaker.country, sector=speaker.sector,
                                   name=speaker.name, reason=f"first person in a quote: the speaker {speaker.text!r}; {speaker.reason}")
        for child in head.children:  # "measures taken by the Cuban government": the agent
            if child.dep_ == "acl":
                by = next((g for c in child.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
                if by is not None:
                    actor = self.one(by)
                    if actor.code is not None:
                        actor.reason = f"agent of '{child.text}' modifying '{head.text}'; {actor.reason}"
                        return actor
        if lemma in PLURAL_COREF and any(c.lower_ in ("two", "both") for c in head.children):
            pair = self.recent_countries(head.i, 2)
            if len(pair) == 2:
                first, second = pair
                actor = self._actor(list(np), code=first.country, country=first.country, sector=None, name=first.name,
                                    reason=f"'{head.text}' refers to the two countries last named, {first.name} and {second.name}")
                actor.pair = Actor(actor.text, actor.start, actor.end, second.country, second.country, None, second.name, actor.reason)  # type: ignore[attr-defined]
                return actor
        if lemma in COREF_NOUNS and any(c.lower_ in ("the", "this", "that") for c in head.children):
            island = lemma == "island" or any(c.lower_ == "island" for c in head.children)
            ref = self.recent_country(head.i, island=island)
            if ref is not None:
                sector = COREF_NOUNS[lemma]
                return self._actor(list(np), code=ref.country, country=ref.country, sector=sector, name=ref.name,
                                   reason=f"'{head.text}' refers to the country last named, {ref.name}")
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if agent is not None and poss is not None:
            owner = self._owner(poss)
            if owner is not None and owner.code is not None:
                return self._actor(list(np), code=owner.code, country=owner.country, sector=agent.sector, name=owner.name,
                                   reason=f"'{poss.text} {head.text}': {owner.text!r}'s; {owner.reason}; {agent.reason}")
        if agent is not None:
            holder = self._title_holder(head, agent)
            if holder is None:
                place = self._place_in(np)
                if place is not None:
                    country, why = place
                    return self._actor(list(np), code=country, country=country, sector=agent.sector, name=None,
                                       reason=f"{why}; {agent.reason}")
            if holder is not None:
                entry, country_reason = holder
                return self._actor(list(np), code=entry.code, country=entry.country, sector=entry.sector, name=entry.name,
                                   reason=f"title '{agent.name}' read as the office-holder of {entry.country} on "
                                          f"{self.analysis.article.date.isoformat()}, {entry.name} ({entry.origin}); {country_reason}")
            return self._actor(list(np), code=None, country=None, sector=agent.sector, name=None, reason=agent.reason)
        if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and len(np) > 1):  # "near Donetsk", "a village in Sagaing"
            place = self._place_in(np if head.pos_ == "PROPN" else {k: d for k, d in np.items() if k != head.i})
            if place is not None:  # "a village in Sagaing region"
                return self._actor(list(np), code=place[0], country=place[0], sector=None, name=None, reason=place[1])
        return self._actor(list(np), code=None, country=None, sector=None, name=None, reason="no dictionary entry; kept unresolved")

    def _owner(self, poss: Token) -> Actor | None:
        """Whose "its"/"their" is: the speaker in reported speech ("Iraqi Kurds said their leaders ..."),
        else the subject of the clause when the phrase is not the subject itself ("Israel reimposed its
        blockade")."""
        holder = poss.head
        clause = holder.head if holder.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else holder
        while clause.dep_ == "prep" or clause.dep_ == "pobj":
            clause = clause.head
        up = clause
        while up.dep_ in ("xcomp", "conj", "acomp") and up.head.i != up.i:
            up = up.head
        if up.dep_ == "ccomp" and up.head.lemma_.lower() in SPEECH_VERBS:
            return self.speaker_of(up.head)
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i != holder.i and subj.pos_ != "PRON":
            return self.one(subj)
        return None

    def _homeland(self, head: Token, main: Mention, entities: list[Mention]) -> tuple[Mention, str] | None:
        """"Croatian Serbs", "the Hungarians of southern Slovakia": people named by a demonym, with the country
        they live in as a modifier or an "of" phrase, are of that country."""
        if main.kind != "adjective" or not main.i <= head.i < main.j or head.tag_ not in ("NNS", "NNPS"):
            return None
        for m in entities:
            if m is main or m.kind not in ("adjective", "country") or m.country == main.country:
                continue
            tok = self.doc[m.j - 1]
            if tok.dep_ in ("amod", "compound") and tok.head.i == head.i:
                return m, f"{self.doc[m.i:m.j].text} {head.text}: people of that group living in {m.name}; {m.reason}"
            if m.kind == "country" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == head.i:
                return m, f"{head.text} of {m.name}: people of that group living there; {m.reason}"
        return None

    def _place_in(self, np: dict[int, int]) -> tuple[str, str] | None:
        """"the government of Oromia region", "police in Lagos": a region or city the gazetteer
        knows, named in the noun phrase, gives the country when all places of that name are in one
        country (or one of them is in a country the article names)."""
        from ..gazetteer import load_gazetteer
        from .syntax import GENERIC_NAMES as GENERIC_PLACE_WORDS

        doc = self.doc
        gazetteer = load_gazetteer()
        for k in sorted(np):
            tok = doc[k]
            tagged = tok.ent_type_ in ("GPE", "LOC")
            if not _capitalised(tok) or not (tagged or (tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "NORP")
                                                         and tok.dep_ != "compound")):
                continue  # not "the Metro Bus Syndicate" (a word of a longer name)
            if k > 0 and doc[k - 1].ent_type_ in ("GPE", "LOC") and doc[k - 1].i in np:
                continue  # matched from the first word of the name
            found = gazetteer.match_at([t.text for t in doc[k : k + 4]], 0)
            if found is None:
                continue
            end, places = found
            if end == 1 and tok.lower_ in GENERIC_PLACE_WORDS:
                continue  # "its Gulf war", "Central region": not the province of that name
            if not tagged:  # a proper noun the tagger did not take for a place ("in Ryazan"): only a big one,
                run = k          # named by the whole run of proper nouns (not "Metro" of "Metro Bus Syndicate")
                while run + 1 < len(doc) and doc[run + 1].pos_ == "PROPN":
                    run += 1
                if k + end - 1 != run or (k > 0 and doc[k - 1].pos_ == "PROPN"):
                    continue
                places = [p for p in places if p.population >= UNTAGGED_PLACE_MIN_POPULATION]
            local = [p for p in places if p.kind != "country"]
            size: dict[str, int] = {}
            for p in local:
                size[p.country] = max(size.get(p.country, 0), p.population)
            countries = set(size)
            if len(countries) > 1:
                # "Lagos": the Nigerian city, not the Portuguese town; "Geneva" is not the Illinois town because
                # the article names the United States. A country the article names wins only among places of a size.
                top = max(size, key=lambda c: size[c])
                named = {m.country for m in self.analysis.mentions if m.country} & countries
                if all(size[top] >= PLACE_DOMINANCE * size[c] for c in countries if c != top):
                    countries = {top}
                else:
                    countries = {c for c in named if size[c] * NAMED_PLACE_RATIO >= size[top]}
            if len(countries) == 1:
                (country,) = countries
                place = max((p for p in places if p.country == country), key=lambda p: p.population)
                return country, f"place named in the phrase: {place.describe()}"
        return None

    def _located(self, head: Token) -> tuple[str, str] | None:
        """The one country where the clause of ``head`` happens: "union leaders agreed to call off the
        march in Minsk", "inmates staged a hunger strike at a prison in Lima". Only places attached to the clause's
        verb, to the argument itself or to objects and infinitives below the verb (not to reported speech)."""
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "agent") else head
        if verb.dep_ == "prep" or verb.dep_ == "agent":
            verb = verb.head
        allowed = {head.i, verb.i}
        frontier = [verb, *(c for c in head.children if c.dep_ in ("acl", "relcl"))]  # "demonstrators protesting ... in X"
        allowed.update(c.i for c in frontier)
        while frontier:  # objects, infinitive complements and their objects
            tok = frontier.pop()
            for child in tok.children:
                if child.dep_ in ("dobj", "xcomp", "attr", "oprd") and child.i not in allowed:
                    allowed.add(child.i)
                    frontier.append(child)
        countries: dict[str, Mention] = {}
        for tok in self.analysis.sentence_of(head)[1]:
            if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS or tok.head.head.i not in allowed:
                continue
            for sub in tok.subtree:
                m = self.by_token.get(sub.i)
                if m is not None and m.kind in ("country", "capital") and m.country:
                    countries.setdefault(m.country, m)
            if not any(self.by_token.get(sub.i) for sub in tok.subtree):
                place = self._place_in({sub.i: 0 for sub in tok.subtree})
                if place is not None:
                    countries.setdefault(place[0], Mention(tok.i, tok.i + 1, "place", place[0], place[0], None, place[0], place[1]))
        if len(countries) != 1:
            return None
        (m,) = countries.values()
        span = self.doc[m.i : m.j]
        return m.country, f"inferred: a domestic actor of the one country where the clause happens, {m.name} ({span.text!r})"

    def _coordinated_modifiers(self, head: Token, actor: Actor) -> list[Actor]:
        """"Hungarian and Romanian officials": one actor per coordinated country modifier."""
        extra = []
        np = self._np(head)  # also inside the phrase: "dozens of Sudanese and Eritrean migrants"
        for child in (self.doc[k] for k in sorted(np) if np[k] <= 1):
            if child.dep_ not in ("amod", "compound", "nmod") or child.i == head.i:
                continue
            for conj in child.conjuncts:
                m = self.by_token.get(conj.i)
                if (m is not None and m.kind in ("adjective", "country") and m.country and m.country != actor.country
                        and all(e.country != m.country for e in extra)):
                    span = self.doc[m.i : m.j]
                    extra.append(Actor(span.text, span.start_char, span.end_char, m.code, m.country, actor.sector, m.name,
                                       f"coordinated with {actor.text!r}; {m.reason}"))
        return extra

    def _title_holder(self, head: Token, agent: Mention) -> tuple[Entry, str] | None:
        """"the president", "the foreign minister": the holder of that office, on the article's date, in
        the country the article has named most so far."""
        roles = TITLE_ROLES.get(tuple(agent.name.split()) if agent.name else ())
        if roles is None or not any(c.lower_ == "the" for c in head.children) or head.tag_ == "NNS":
            return None
        counts: dict[str, tuple[int, int]] = {}  # country -> (mentions, position of the last one)
        for m in self.analysis.mentions:
            if m.i >= head.i:
                break
            if m.kind in ("country", "adjective", "capital", "person") and m.country:
                counts[m.country] = (counts.get(m.country, (0, 0))[0] + 1, m.i)
        if not counts:
            return None
        country = max(counts, key=lambda c: counts[c])
        day = self.analysis.article.date
        for role in roles:
            holders = [e for e in self.dictionary.office_holders(country, role) if e.valid_on(day)]
            if len(holders) == 1:
                return holders[0], f"{country} is the country the article names most (and last) before it"
        return None

    def speaker_of(self, token: Token) -> Actor | None:
        """Who says the clause ``token`` is in: the subject of the speech verb above it.

        "The statement continued" or "according to the source" stand for the last speaker named
        before them in the article.
        """
        verb = token
        while True:
            while verb.lemma_.lower() not in SPEECH_VERBS and verb.lower_ != "according":
                if verb.head.i == verb.i:
                    return None
                verb = verb.head
            first = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if first is None or first.pos_ != "PRON" or first.lower_ not in FIRST_PERSON:
                break
            # '"We said we would," the minister said': a speech verb inside a quote says nothing of who
            # speaks; the speaker is the subject of the speech verb the quote hangs from.
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        if verb.lower_ == "according":
            subj = next((g for c in verb.children for g in c.children if g.dep_ == "pobj"), None)
        else:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            climb = verb
            for _ in range(3):  # "X was quoted as saying", "X went on, saying": the subject of the verb above
                if subj is not None or climb.dep_ not in ("pcomp", "prep", "advcl", "xcomp", "conj") or climb.head.i == climb.i:
                    break
                climb = climb.head
                subj = next((c for c in climb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        actor = self.one(subj)
        if actor.code is None and subj.lemma_.lower() in SPEAKER_NOUNS:
            earlier = self._earlier_speaker(self.analysis.sentence_of(verb)[1].start)
            if earlier is not None:
                earlier.reason = f"'{subj.text}' stands for the last speaker, {earlier.text!r}; {earlier.reason}"
                return earlier
        return actor

    def _earlier_person(self, pronoun: Token) -> Actor | None:
        """"he"/"she" with no known person before it: the last subject before it in its sentence that
        names a person by name or title ("the Sultan of Brunei was cited as saying he ...", "the
        Chilean president, who met X, said he ..."). Not across sentences: with no gender known, the
        last person named there is too often someone else."""
        sent = self.analysis.sentence_of(pronoun)[1]
        for tok in reversed(self.doc[sent.start : pronoun.i]):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS"):
                continue
            m = self.by_token.get(tok.i)
            person = tok.ent_type_ == "PERSON" or (m is not None and m.kind == "agent" and m.name is not None
                                                    and tuple(m.name.split()) in TITLE_ROLES)
            if not person:
                continue
            actor = self.one(tok)
            if actor.code is not None:
                return actor
        return None

    def _earlier_speaker(self, before: int) -> Actor | None:
        for tok in reversed(self.doc[:before]):
            if tok.lemma_.lower() in SPEECH_VERBS:
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    actor = self.one(subj)
                    if actor.code is not None:
                        return actor
        return None

    def __call__(self, head: Token) -> list[Actor]:
        """The actors ``head`` names, as fresh copies (callers amend theirs: inferred codes, reasons)."""
        resolved = self._resolved.get(head.i)
        if resolved is None:
            resolved = self._resolved[head.i] = self._resolve(head)
        return [copy.copy(a) for a in resolved]

    def actors_for(self, token: Token) -> list[Actor]:
        """``Resolution.actors_for``: the actors an argument token stands for (see ``__call__``)."""
        return self(token)

    def _resolve(self, head: Token) -> list[Actor]:
        if head.lemma_.lower() in QUANTITY_NOUNS:  # "dozens of Sudanese and Eritrean migrants": the migrants
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if inner is not None and inner.conjuncts:
                head = inner
        heads = [head, *[c for c in head.conjuncts if c.i > head.i]]
        actors = []
        for h in heads:
            actor = self.one(h)
            if actor.code is None and actor.sector in DOMESTIC_SECTORS and h.pos_ != "PRON":
                located = self._located(h)
                if located is not None:
                    actor.code = actor.country = located[0]
                    actor.reason = f"{located[1]}; {actor.reason}"
            actors.append(actor)
            actors.extend(self._coordinated_modifiers(h, actor))
            pair = getattr(actor, "pair", None)
            if pair is not None:  # "the two countries": both
                del actor.pair  # type: ignore[attr-defined]
                actors.append(pair)
        # "the Cuban government and people": a conjunct with only a sector takes the country of the first.
        if any(a.code for a in actors):  # "all efforts and measures taken by the Cuban government"
            actors = [a for a in actors if a.code or a.sector]
        first = actors[0]
        for actor in actors[1:]:
            if actor.code is None and actor.sector is not None and first.country:
                actor.code, actor.country = first.country, first.country
                actor.reason += f"; country shared with conjunct {first.text!r}"
        return actors


@register_stage(
    "tacitus.actors.v1",
    role="actors",
    reads=("Article", "doc.sents", "token.lemma_", "token.dep_", "doc.ents"),
    writes=("Analysis.mentions", "Analysis.resolution"),
    defaults={"dictionaries": []},
)
class ActorStage:
    """Dictionary actor mentions (countries, capitals, seats of power, IGOs, groups, people, sectors) resolved as of the article date."""

    version = "tacitus.actors.v1"

    def __init__(self, *, dictionaries: list[str] | tuple[str, ...] = ()) -> None:
        self.dictionary = load_actor_dictionary(tuple(str(p) for p in dictionaries))

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.mentions = find_mentions(analysis.doc, self.dictionary, analysis.article.date)
        resolver = ActorResolver(analysis, self.dictionary)
        analysis.resolution = resolver
        return analysis
