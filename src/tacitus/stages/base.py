"""The per-article state that stages read and write."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..model import Actor, Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Analysis", "HONORIFICS", "Mention", "REGION_ADJECTIVES", "Resolution", "SPEECH_VERBS", "SPEAKER_NOUNS", "STANCE_PARTICIPLES", "UNKNOWN_WORDS", "VENUE_NOUNS"]

# Verbs that attribute a clause to a speaker ("X said that ...").
SPEECH_VERBS = frozenset(
    "say tell state announce claim allege report add insist assert write note confirm stress argue "
    "contend maintain explain continue quote reveal acknowledge admit testify tweet post".split()
)
# Nouns that stand for the last speaker ("the statement continued", "according to the source").
SPEAKER_NOUNS = frozenset("statement source report release communique spokesperson spokesman spokeswoman letter message".split())
# Meetings and pacts named after where they are held: a city or capital modifying one is the venue, not a party
# ("a Brussels summit", "the Geneva talks", "the Oslo accords"; not a country: "US-China talks").
# "the merger, backed by the authorities, ...": whoever backs or opposes a thing is not the one acting through it
STANCE_PARTICIPLES = frozenset("back support endorse favour favor oppose criticise criticize condemn welcome praise reject "
                               "dispute question challenge fear hail applaud approve".split())
# Words that say a group's identity is not known: no country is inferred for it ("unknown gunmen" in Thailand).
UNKNOWN_WORDS = frozenset("unknown unidentified masked anonymous".split())
# Words of a group an armed man belongs to: "cartel gunmen" are of a known kind, "gunmen" alone are not.
ARMED_GROUP_WORDS = frozenset("cartel gang mafia militia guerrilla guerrillas separatist rebel insurgent militant islamist "
                              "jihadist taliban army police".split())


def unnamed_attacker(text: str, sector: str | None) -> bool:
    """"A gunman", "suicide bombers", "the attackers": armed men of no group named (sector UAF), whose country the
    annotators leave uncoded (6 of 7 on the dev labels), unlike "cartel gunmen" or "Afghan gunmen"."""
    words = {w.strip(".,'") for w in text.lower().split()}
    return sector == "UAF" and not ARMED_GROUP_WORDS & (words | {w[:-1] for w in words if w.endswith("s")})


# Nouns of those who act on the one their "of" names: "the kidnappers of a French reporter" are not French, and
# "talks with the kidnappers of X" are not talks with X.
VICTIM_OF_LEMMAS = frozenset("kidnapper captor abductor killer murderer assassin attacker hijacker torturer".split())

# Titles before a person's name ("Mr Straw", "Lady Thatcher"), whatever entity type the model gives the name.
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())

# Adjectives of a region of several states: "African leaders", "European ministers" are of no one country.
REGION_ADJECTIVES = frozenset("african european asian arab latin western gulf balkan caribbean nordic scandinavian baltic "
                              "pacific".split())


VENUE_NOUNS = frozenset(
    "summit talks meeting conference negotiation negotiations forum gathering session round accord accords agreement "
    "treaty protocol convention declaration process".split()
)
# Adverbs that make an act a habit or a standing trait ("has always called for", "frequently conducts", "has long
# backed"), no act at a time; the time stage carries no background date to such a clause.
HABITUAL = frozenset("always often frequently regularly usually habitually sometimes occasionally typically routinely "
                     "traditionally long".split())
# Verbs of a vow, whose infinitive the modality stage reads (a vow of force is a threat, of help a promise).
VOW_LEMMAS = frozenset({"vow", "swear"})
# Waters named "<noun> of <name>" ("the Gulf of Oman", "the Sea of Japan", "the Bay of Bengal"): a country or a
# gazetteer place read in such a name is a place at sea, neither a party nor the place the noun alone would name.
WATER_NOUNS = frozenset("gulf sea bay strait straits ocean sound channel".split())


def water_name(token: Token) -> bool:
    """Whether ``token`` heads the name of a sea or a strait ("Gulf" in "the Gulf of Mexico")."""
    return token.lower_ in WATER_NOUNS and token.text[:1].isupper() and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def another_party(event: Event) -> bool:
    """Whether an event names a party besides its one actor country: a coded target, or actors of two countries
    ("France and Germany agreed to hold talks"). A promise with none is no agreement with anyone."""
    return any(a.code for a in event.recipient) or len({a.code for a in event.actor if a.code}) > 1


@dataclass
class Mention:
    """A dictionary match in the text: tokens [i, j) resolved to an entry."""

    i: int
    j: int
    kind: str  # country | adjective | capital | metonym | org | person | agent | coref
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    reason: str


@runtime_checkable
class Resolution(Protocol):
    """What the actors stage answers for the stages after it, on ``Analysis.resolution``.

    The actors stage sets it (``stages.actors.ActorResolver`` implements it); with the actors stage
    disabled it is ``None`` and the later stages do without: the events stage keeps an argument's text
    as an unresolved actor, the modality stage names no claimant. Both methods are cheap to call
    repeatedly (answers are cached per token) and return actors the caller may amend.
    """

    def actors_for(self, token: Token) -> list[Actor]:
        """The actors an argument token stands for, its conjuncts included ("Cuba and Venezuela"),
        each resolved to a code as of the article date where the dictionaries allow."""
        ...

    def speaker_of(self, token: Token) -> Actor | None:
        """Who says the clause ``token`` is in ("X said ...", "according to X", a quote), if known."""
        ...

    def country_in_focus(self, token: Token) -> tuple[str, str] | None:
        """(country, reason) of the one country the article is about, if one dominates it: the country a group
        noun with no country of its own ("the police", "the government") is taken to belong to."""
        ...


@dataclass
class Analysis:
    """What the stages know about one article."""

    article: Article
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Set by the actors stage: actor lookup and the speaker of a clause (None without that stage).
    resolution: Resolution | None = None
    # Sentences the event stages leave out: ones an internal error was found in (see Pipeline._isolate).
    skip_sentences: frozenset[int] = frozenset()
    _sentences: list[Span] | None = field(default=None, repr=False)
    _token_sentence: list[int] | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)
    _sentence_texts: list[str] | None = field(default=None, repr=False)
    # token-position indexes of ``mentions`` and ``events``: (the list indexed, its length then, the index)
    _indexes: dict[str, tuple[list, int, dict[int, list]]] = field(default_factory=dict, repr=False)

    def _indexed(self, name: str, items: list, positions: Callable[[Any], Iterable[int]]) -> dict[int, list]:
        """``items`` by token position, built once per list and rebuilt when the list is replaced or grows (a stage
        asking this for every argument or event must not scan the article's list each time)."""
        cached = self._indexes.get(name)
        if cached is None or cached[0] is not items or cached[1] != len(items):
            index: dict[int, list] = {}
            for item in items:
                for k in positions(item):
                    index.setdefault(k, []).append(item)
            cached = self._indexes[name] = (items, len(items), index)
        return cached[2]

    def mentions_at(self, i: int) -> list[Mention]:
        """The mentions token ``i`` is part of, in ``mentions`` order."""
        return self._indexed("mentions", self.mentions, lambda m: range(m.i, m.j)).get(i, [])

    def events_at(self, i: int) -> list[Event]:
        """The events whose trigger head is token ``i``, in ``events`` order."""
        return self._indexed("events", self.events, lambda e: (e.anchor,)).get(i, [])

    @property
    def sentences(self) -> list[Span]:
        """The sentences, computed once (spaCy recomputes ``doc.sents`` on every access)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            index = [0] * len(self.doc)
            for k, sent in enumerate(self._sentences):
                for i in range(sent.start, sent.end):
                    index[i] = k
            self._token_sentence = index
        return self._sentences

    @property
    def text(self) -> str:
        """The document's text, computed once (spaCy joins every token's text on each ``doc.text``)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def sentence_text(self, k: int) -> str:
        """The text of sentence ``k`` (``sentences[k].text``, cut from ``text`` instead of joined from its tokens)."""
        if self._sentence_texts is None:
            text = self.text
            self._sentence_texts = [text[s.start_char : s.end_char] for s in self.sentences]
        return self._sentence_texts[k]

    def sentence_of(self, token: Token) -> tuple[int, Span]:
        """The index and span of the sentence a token is in (cheap, unlike ``token.sent``)."""
        sentences = self.sentences
        assert self._token_sentence is not None
        k = self._token_sentence[token.i]
        return k, sentences[k]
