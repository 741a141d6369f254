"""``ActorResolver``: an argument token turned into the actors it names as of the article date, through names, pronouns, references, titles and places."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...dictionaries import ActorDictionary
from ...model import Actor
from ..base import (REGION_ADJECTIVES, SPEAKER_NOUNS, SPEECH_VERBS, STANCE_PARTICIPLES, UNKNOWN_WORDS, VENUE_NOUNS, VICTIM_OF_LEMMAS, Analysis,
                    Mention, unnamed_attacker)
from .focus import against, count_focus
from .namesakes import body_of_generic_agent, earlier_namesake, generic_party, included_members, shallow_copy, title_holder
from .pronouns import earlier_person, nearer_person_subject, not_own_subject, plural_antecedent, quote_speaker, subject_before, subject_country, unknown_subject_between
from .places import country_of_clause, names_an_act, place_in
from .words import (
    COMPANY_SUFFIXES,
    CLAUSE_GROUP_SECTORS,
    COREF_NOUNS,
    DOMESTIC_SECTORS,
    FIRST_PERSON,
    FORCE_MODIFIER_SECTORS,
    GENERIC_AGENTS,
    GOVERNING_WORDS,
    ISLAND_STATES,
    KIND_PRIORITY,
    MAX_REFERENCE_CHAIN,
    NP_DEPS,
    NP_PREPS,
    PLURAL_COREF,
    PLURAL_PRONOUNS,
    PRONOUNS,
    QUANTITY_NOUNS,
    RELATION_NOUNS,
    SPEAKER_PRONOUNS,
    SPOKEN_FOR_SECTORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _venue_of(doc: Doc, m: Mention, head: Token) -> bool:
    """"a Brussels summit", "the Geneva talks": a city or capital modifying a meeting or pact is where it is held."""
    return m.kind in ("capital", "place") and doc[m.j - 1].head.i == head.i and doc[m.j - 1].dep_ in ("compound", "nmod") \
        and (head.lemma_.lower() in VENUE_NOUNS or head.lower_ in VENUE_NOUNS)


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
        self._focus: tuple[str, str, int | None] | None | bool = False  # country_in_focus, once counted (False: not yet)
        for m in analysis.mentions:
            for k in range(m.i, m.j):
                self.by_token[k] = m

    # noun-phrase tokens of a head, with the number of prepositions crossed to reach each
    def _np(self, head: Token) -> dict[int, int]:
        seen = {head.i: 0}
        stack = [head]
        if head.dep_ == "compound":  # "a Saudi-led coalition air strike": the X-led modifier of the whole compound
            stack += [s for s in head.head.children if s.i < head.i and s.dep_ == "amod" and any(c.dep_ == "npadvmod" for c in s.children)]
        seen.update({s.i: 0 for s in stack})
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ not in NP_DEPS or child.i in seen:
                    continue
                if child.dep_ == "prep" and (child.lower_ not in NP_PREPS or (child.lower_ == "of" and tok.lemma_ in VICTIM_OF_LEMMAS)):
                    continue
                seen[child.i] = seen[tok.i] + (1 if child.dep_ == "prep" else 0)
                stack.append(child)
        return seen

    def _actor(self, text_tokens: Iterable[int], **fields: object) -> Actor:
        tokens = set(text_tokens)
        doc = self.doc
        # a run of spaces inside the phrase (where the parse stage freed a half-decoded entity) joins its words
        tokens |= {k for k in range(min(tokens), max(tokens)) if doc[k].is_space and k - 1 in tokens and k + 1 in tokens}
        # the contiguous run of noun-phrase tokens around the first one
        lo = hi = min(tokens, key=lambda k: (doc[k].dep_ in ("det", "punct"), k)) if len(tokens) > 1 else next(iter(tokens))
        lo = hi = min(tokens) if min(tokens) + len(tokens) - 1 == max(tokens) else lo
        while lo - 1 in tokens:
            lo -= 1
        while hi + 1 in tokens:
            hi += 1
        while lo < hi and (doc[lo].dep_ in ("det", "punct") or doc[lo].is_space):
            lo += 1
        while hi > lo and (doc[hi].dep_ in ("punct", "case", "prep") or doc[hi].is_space):  # not "operators for" (a dangling 'for')
            hi -= 1
        span = doc[lo : hi + 1]
        return Actor(text=span.text, start=span.start_char, end=span.end_char, **fields)  # type: ignore[arg-type]

    def recent_country(self, before: int, *, island: bool = False, skip: str | None = None) -> Mention | None:
        best = None
        for m in self.analysis.mentions:
            if m.i >= before:
                break
            if m.kind in ("country", "adjective", "capital", "metonym") and m.country and m.country != skip:
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
        """The first resolution that holds: a relative pronoun's noun; a name in the phrase; a pronoun's referent;
        a reference ("measures taken by X", "the two countries", "the island nation"); the owner, office-holder or
        place of a sector noun; a place named in the phrase; else the phrase unresolved."""
        if head.lower_ in ("which", "who", "that") and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            noun = head.head.head  # relative pronoun: the noun the clause modifies
            actor = self.one(noun)
            if actor.sector is None and (actor.code is None or actor.reason.startswith("place named")) and noun.dep_ == "pobj" \
                    and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                # "the bombings of a hotel in the Sinai that killed 34": a thing in an 'of' phrase, so the act named,
                # which says nothing of who did it
                act = noun.head.head
                return Actor(act.text, act.idx, act.idx + len(act.text), None, None, None, None,
                             f"relative pronoun {head.text!r} refers to the act {act.text!r} ('{act.text} of {noun.text}'), not a party")
            actor.reason = f"relative pronoun {head.text!r} refers to {actor.text!r}; {actor.reason}"
            return actor
        np = self._np(head)
        relation = head.lemma_.lower() in RELATION_NOUNS  # "Britain's allies", "the neighbours of Chad": not its own
        if relation or any(c.dep_ == "amod" and (c.lower_ in REGION_ADJECTIVES or c.lower_ in UNKNOWN_WORDS) for c in head.children):
            # "African leaders in Tanzania", "unknown gunmen in Thailand": not of the place where they are
            np = {k: d for k, d in np.items() if d == 0 and not (relation and "poss" in (self.doc[k].dep_, self.doc[k].head.dep_))}
        entities, agent = self._phrase_mentions(head, np)
        if entities:
            return self._named(head, np, entities, agent)
        lemma = head.lower_ if head.pos_ == "PRON" else head.lemma_.lower()
        actor = self._pronoun(head, lemma) or earlier_namesake(self, head)  # "Mr Howard": "Tory leader Michael Howard"
        if actor is None:
            actor = self._referred(head, np, lemma)
        return actor if actor is not None else self._by_agent_or_place(head, np, agent)

    def _phrase_mentions(self, head: Token, np: dict[int, int]) -> tuple[list[Mention], Mention | None]:
        """The names in the noun phrase of ``head`` (``np``), and the sector noun that best says who acts in it."""
        found: dict[int, Mention] = {}
        for k in np:
            m = self.by_token.get(k)
            if m is not None:
                found[m.i] = m
        # "an anti-Iran cleric" is not Iranian (the modifier itself, resolved alone, is still Iran)
        entities = [m for m in found.values() if m.kind != "agent" and not (against(self.doc, m) and not m.i <= head.i < m.j)
                    and not _venue_of(self.doc, m, head)
                    and not (m.kind in ("capital", "place") and names_an_act(head))]  # "bombings in Baghdad": where, not who
        agents = [m for m in found.values() if m.kind == "agent"]
        agent = min(agents, key=lambda m: (np.get(m.j - 1, 9), abs(m.j - 1 - head.i))) if agents else None
        if agent is not None and agent.name == "force" and len(agents) > 1:
            body = next((m for m in agents if m is not agent and m.sector in FORCE_MODIFIER_SECTORS and np.get(m.j - 1, 9) <= 1), None)
            if body is not None:
                agent = Mention(agent.i, agent.j, "agent", None, None, body.sector, agent.name, f"{body.reason}; {agent.reason}")
        if agent is not None and agent.name in GENERIC_AGENTS:
            agent = body_of_generic_agent(self, head, agent, agents, entities, np)
        return entities, agent

    def _named(self, head: Token, np: dict[int, int], entities: list[Mention], agent: Mention | None) -> Actor:
        """The actor a phrase that holds names stands for: its main name, with the sector of its sector noun."""
        # a person's name first; then the name the phrase's head is part of over a name modifying it
        # ("NATO-member Norway": Norway)
        main = min(entities, key=lambda m: (min(np.get(k, 9) for k in range(m.i, m.j)), m.kind != "person",
                                            not m.i <= head.i < m.j, KIND_PRIORITY.get(m.kind, 9)))
        sector = main.sector
        reason = main.reason
        main, reason = generic_party(self.doc, main, entities, reason)
        home = self._homeland(head, main, entities)
        if home is not None:
            main, reason = home
        if agent is not None and (main.kind in ("country", "adjective", "place") or (main.kind == "capital" and np.get(main.i, 0) > 0)):
            sector = agent.sector
            reason += f"; {agent.reason}"
            # "Somali President Farmajo", "the Guatemalan newspaper El Diario": a name the dictionaries do not know
            unknown = [k for k in sorted(np) if np[k] == 0 and self.doc[k].pos_ == "PROPN" and k not in self.by_token
                       and self.doc[k].ent_type_ not in ("GPE", "LOC", "NORP", "DATE", "TIME")]
            if unknown and main.kind in ("country", "adjective"):
                name = self.doc[unknown[0] : unknown[-1] + 1].text
                reason = (f"inferred: {name!r}, a name not in the dictionaries, is a {agent.name} of "
                          f"{main.name} ({self.doc[main.i:main.j].text!r}); {reason}")
        tokens = list(np) if len(np) <= 15 else list(range(main.i, main.j))
        tokens = sorted(set(tokens) | set(range(main.i, main.j))) if main.i <= head.i < main.j else tokens  # the whole name
        return self._actor(tokens, code=main.code, country=main.country, sector=sector, name=main.name, reason=reason)

    def _pronoun(self, head: Token, lemma: str) -> Actor | None:
        """A pronoun's actor: the speaker of reported speech or of a quote, or the mention it refers back to."""
        if head.pos_ == "PRON" and lemma in SPEAKER_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            # "Syria says it will ...": the pronoun subject of reported speech is the speaker
            clause = head.head
            while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS:
                speaker = self.speaker_of(clause.head)
                if speaker is not None and (speaker.code is not None or speaker.sector is not None):
                    # (a speaker with a sector only, "Thames Valley Police said they ...", may take its country later)
                    return self._actor([head.i], code=speaker.code, country=speaker.country, sector=speaker.sector,
                                       name=speaker.name, reason=f"pronoun {head.text!r} in reported speech: the speaker {speaker.text!r}; {speaker.reason}")
        if head.pos_ == "PRON" and lemma == "it" and head.dep_ in ("nsubj", "nsubjpass"):
            before = subject_before(head)
            if before is not None:  # "Typhoon Phanfone struck ... It also blocked roads": the subject goes on
                actor = self.one(before)
                return self._actor([head.i], code=actor.code, country=actor.country, sector=actor.sector, name=actor.name,
                                   reason=f"pronoun {head.text!r} continues the subject {before.text!r} of the sentence before; {actor.reason}")
        if head.pos_ == "PRON" and lemma in PRONOUNS:
            kinds = {"person"} if PRONOUNS[lemma] == "person" else {"country", "org", "capital", "metonym"}
            ref = self.recent_of(head.i, kinds)
            if ref is not None and lemma in ("him", "her") and head.dep_ in ("dobj", "dative", "pobj"):
                ref = not_own_subject(self, head, kinds)  # "the Pope, who urged him": not the Pope
            if ref is not None and PRONOUNS[lemma] == "person" and head.dep_ in ("nsubj", "nsubjpass") \
                    and (nearer_subject := nearer_person_subject(self, head, ref.j - 1)) is not None:
                return self._actor([head.i], code=nearer_subject.code, country=nearer_subject.country, sector=nearer_subject.sector,
                                   name=nearer_subject.name, reason=f"pronoun {head.text!r} continues the subject "
                                                                    f"{nearer_subject.text!r}; {nearer_subject.reason}")
            if ref is not None and lemma in ("it", "its") and (nearer := unknown_subject_between(self, ref, head)) is not None:
                return self._actor([head.i], code=None, country=None, sector=None, name=None,
                                   reason=f"pronoun {head.text!r} refers to {nearer.text!r}, which no dictionary knows; kept unresolved")
            if ref is not None:
                return self._actor([head.i], code=ref.code, country=ref.country, sector=ref.sector, name=ref.name,
                                   reason=f"pronoun {head.text!r} refers to {ref.name!r}; {ref.reason}")
            if PRONOUNS[lemma] == "person":
                earlier = earlier_person(self, head)
                if earlier is not None:
                    return self._actor([head.i], code=earlier.code, country=earlier.country, sector=earlier.sector,
                                       name=earlier.name, reason=f"pronoun {head.text!r} refers to {earlier.text!r}; {earlier.reason}")
        if head.pos_ == "PRON" and lemma in PLURAL_PRONOUNS:
            ante = plural_antecedent(self, head)
            if ante is not None:
                return ante
        if head.pos_ == "PRON" and lemma in FIRST_PERSON:
            speaker = self.speaker_of(head) or quote_speaker(self, head)
            if speaker is not None and speaker.code is not None:
                return self._actor([head.i], code=speaker.code, country=speaker.country, sector=speaker.sector,
                                   name=speaker.name, reason=f"first person in a quote: the speaker {speaker.text!r}; {speaker.reason}")
        return None

    def _referred(self, head: Token, np: dict[int, int], lemma: str) -> Actor | None:
        """A phrase that refers to an actor named elsewhere: "measures taken by X", "the two countries", "the country"."""
        undergoes = (m := self.by_token.get(head.i)) is not None and m.kind == "agent"  # "civilians killed by troops"
        for child in head.children:  # "measures taken by the Cuban government": the agent
            if child.dep_ == "acl" and child.lemma_.lower() not in STANCE_PARTICIPLES and not undergoes:
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
            if ref is not None and ref.country == subject_country(self, head):
                # "Britain sank most of the country's navy": a clause calls its own subject "it", so "the
                # country" is another, the one named before
                ref = self.recent_country(head.i, island=island, skip=ref.country)
            if ref is not None:
                sector = COREF_NOUNS[lemma]
                return self._actor(list(np), code=ref.country, country=ref.country, sector=sector, name=ref.name,
                                   reason=f"'{head.text}' refers to the country last named, {ref.name}")
        return None

    def _by_agent_or_place(self, head: Token, np: dict[int, int], agent: Mention | None) -> Actor:
        """A phrase with no name: a sector noun's owner ("its army"), office-holder or place, a place in it, or unresolved."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if agent is not None and poss is not None:
            owner = self._owner(poss)
            if owner is not None and owner.code is not None:
                return self._actor(list(np), code=owner.code, country=owner.country, sector=agent.sector, name=owner.name,
                                   reason=f"'{poss.text} {head.text}': {owner.text!r}'s; {owner.reason}; {agent.reason}")
        owned = self._possessor_country(head, np, agent)
        if owned is not None:
            return owned
        if agent is not None:
            holder = title_holder(self, head, agent)
            if holder is None:
                place = place_in(self.analysis, np)
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
        if (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and len(np) > 1)) and not names_an_act(head):  # "a village in Sagaing"
            place = place_in(self.analysis, np if head.pos_ == "PROPN" else {k: d for k, d in np.items() if k != head.i})
            if place is not None:  # "a village in Sagaing region"
                return self._actor(list(np), code=place[0], country=place[0], sector=None, name=None, reason=place[1])
        firm = head.pos_ == "PROPN" and any(self.doc[k].text.rstrip(".") in COMPANY_SUFFIXES for k in np)  # "Novell Inc."
        return self._actor(list(np), code=None, country=None, sector="BUS" if firm else None, name=None,
                           reason="a company by its name's suffix" if firm else "no dictionary entry; kept unresolved")

    def _possessor_country(self, head: Token, np: dict[int, int], agent: Mention | None) -> Actor | None:
        """"the country's police": a group noun whose possessor refers to a country is of it (not "Britain's allies")."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if poss is None or head.lemma_.lower() in RELATION_NOUNS or not (agent is not None or head.text[:1].isupper()):
            return None
        owner = self.one(poss)
        if owner.code is None or owner.country is None:
            return None
        governing = any(c.lower_ in GOVERNING_WORDS for c in head.children)
        sector = agent.sector if agent is not None else ("GOV" if governing else None)
        return self._actor(list(np), code=owner.country, country=owner.country, sector=sector, name=owner.name,
                           reason=f"'{poss.text}'s {head.text}': of {owner.text!r}; {owner.reason}"
                                  + (f"; {agent.reason}" if agent is not None else ""))

    def _clause_country(self, head: Token) -> tuple[str, str] | None:
        """"demonstrations accusing the island nation's governing Communists": a group aimed at one state is its people."""
        countries: dict[str, str] = {}
        for clause in (c for c in head.children if c.dep_ in ("acl", "relcl")):
            objects = [o for o in clause.children if o.dep_ in ("dobj", "attr")]
            objects += [g for c in clause.children if c.dep_ == "prep" and c.lower_ in ("against", "at", "on") for g in c.children if g.dep_ == "pobj"]
            for obj in objects:
                actor = self.one(obj)
                # its government, or "the country", "the island nation" (the state the article is about)
                state = actor.sector in ("GOV", "PTY", "LEG", "JUD", "COP") or (actor.sector is None and obj.lemma_.lower() in COREF_NOUNS)
                if actor.country and state:
                    countries.setdefault(actor.country, f"'{clause.text} {actor.text}'")
        if len(countries) != 1:
            return None
        ((country, what),) = countries.items()
        return country, f"inferred: a group of people whose own clause ({what}) is aimed at the state of {country}: its people"

    def country_in_focus(self, token: Token) -> tuple[str, str] | None:
        """``Resolution.country_in_focus``: the country the article names most (``focus.count_focus``), or the only
        country it names, named once, in another sentence than ``token``'s (in its own sentence that one mention is as
        often the other party: "called for sanctions against Zimbabwe"), or its dateline's, when it names none."""
        if self._focus is False:
            self._focus = count_focus(self.analysis, self.by_token)
        if self._focus is None:
            return None
        country, why, lone_sentence = self._focus
        if lone_sentence is not None and token.sent.start == lone_sentence:
            return None
        return country, why

    def _of_conjuncts(self, head: Token, first: Actor) -> list[Actor]:
        """"the navies of China, India and Oman": each country coordinated in the 'of' phrase, with the head's sector."""
        of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if of is None or not of.conjuncts or self.by_token.get(of.i) is None or self.by_token[of.i].country != first.country:
            return []
        out = []
        for conj in of.conjuncts:
            m = self.by_token.get(conj.i)
            if m is None or not m.country or m.kind not in ("country", "capital", "adjective") or m.country == first.country:
                continue
            span = self.doc[m.i : m.j]
            out.append(Actor(span.text, span.start_char, span.end_char, m.country, m.country, first.sector, m.name,
                             f"coordinated with {self.doc[of.i].text!r} in the 'of' phrase of {head.text!r}; {m.reason}"))
        return out

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
        """"Croatian Serbs", "the Hungarians of southern Slovakia": people named by a demonym are of the country they live in."""
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

    def _speakers_own(self, head: Token, actor: Actor) -> None:
        """"Troops killed two gunmen, the Israeli army said": a body with no country named, in the words of a
        speaker of the same sector with one, is the speaker's own (set on ``actor``)."""
        speaker = self.speaker_of(head)
        if speaker is None or speaker.country is None or speaker.sector != actor.sector or speaker.start <= head.idx < speaker.end:
            return
        actor.code = actor.country = speaker.country
        actor.reason = f"inferred: the speaker {speaker.text!r} ({speaker.sector}, {speaker.country}) tells of its own; {actor.reason}"

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
        return [shallow_copy(a) for a in resolved]

    def actors_for(self, token: Token) -> list[Actor]:
        """``Resolution.actors_for``: the actors an argument token stands for (see ``__call__``)."""
        return self(token)

    def _resolve(self, head: Token) -> list[Actor]:
        if head.lemma_.lower() in QUANTITY_NOUNS:  # "dozens of Sudanese and Eritrean migrants": the migrants
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if inner is not None and inner.conjuncts:
                head = inner
        heads = [head, *[c for c in head.conjuncts if c.i > head.i and c.pos_ not in ("VERB", "AUX")]]  # not "soldiers ... and killed"
        actors = []
        for h in heads:
            if any(a.start <= h.idx < a.end for a in actors):
                continue  # a conjunct inside a name already read ("Exchange Commission" in the SEC's name)
            actor = self.one(h)
            if actor.code is None and actor.sector in SPOKEN_FOR_SECTORS and h.pos_ != "PRON":
                self._speakers_own(h, actor)
            if actor.code is None and actor.sector in DOMESTIC_SECTORS and h.pos_ != "PRON" and not unnamed_attacker(actor.text, actor.sector) \
                    and not any(c.dep_ == "amod" and c.lower_ in UNKNOWN_WORDS for c in h.children):  # "unidentified gunmen"
                located = country_of_clause(self.analysis, self.by_token, h)
                if located is None and actor.sector in CLAUSE_GROUP_SECTORS:
                    located = self._clause_country(h)
                if located is not None:
                    actor.code = actor.country = located[0]
                    actor.reason = f"{located[1]}; {actor.reason}"
            actors.append(actor)
            actors.extend(self._coordinated_modifiers(h, actor))
            pair = getattr(actor, "pair", None)
            if pair is not None:  # "the two countries": both
                del actor.pair  # type: ignore[attr-defined]
                actors.append(pair)
        for member in (a for inc in included_members(head) for a in self(inc) if a.code and a.code not in {b.code for b in actors}):
            member.reason = f"named among {head.text!r} ('including'); {member.reason}"  # "11 people, including a US soldier"
            actors.append(member)
        if len(heads) == 1 and actors and actors[0].code:  # "the navies of China, India and Oman": one each
            actors.extend(self._of_conjuncts(head, actors[0]))
        # "the Cuban government and people": a conjunct with only a sector takes the country of the first.
        if any(a.code for a in actors):  # "all efforts and measures taken by the Cuban government"
            actors = [a for a in actors if a.code or a.sector]
        first = actors[0]
        for actor in actors[1:]:
            if actor.code is None and actor.sector is not None and first.country:
                actor.code, actor.country = first.country, first.country
                actor.reason += f"; country shared with conjunct {first.text!r}"
        return actors
