"""The state of the events stage while it codes: one sentence (what its trigger matches share) and one match on its way to an event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...event_types import EventType
from ...lexicon import TriggerEntry
from ...model import Actor
from ..base import Analysis, Mention
from .grammar import depth
from .inference import attribution_tokens
from .words import MAX_GAP

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Candidate", "Sentence", "actors_of"]


def actors_of(analysis: Analysis, token: Token | None) -> list[Actor]:
    """The actors a token stands for (``Analysis.resolution``); without the actors stage, its phrase, unresolved."""
    if token is None:
        return []
    if analysis.resolution is not None:
        return analysis.resolution.actors_for(token)
    span = analysis.doc[token.left_edge.i : token.right_edge.i + 1]
    return [Actor(text=span.text, start=span.start_char, end=span.end_char, reason="actors stage disabled")]


@dataclass
class Sentence:
    """One sentence being coded, and what the sentence-level passes need to know about its matches."""

    analysis: Analysis
    index: int
    span: SpacySpan
    named: list[Mention]  # its country, capital and adjective mentions with a country
    is_actor: Callable[[Token], bool]
    types: dict[str, EventType]  # the per-type table
    first: int  # where its events start in ``analysis.events``
    heads: list[list[Token]] = field(default_factory=list)  # the matched tokens of each of its events, in order
    absorbing: set[int] = field(default_factory=set)  # tokens of triggers that absorb demands (PROTEST), kept or not
    noun_triggers: list[tuple[str, list[Token]]] = field(default_factory=list)  # nominal topic governors, kept or not
    _attributions: list[Token] | None = field(default=None, repr=False)

    @property
    def attributions(self) -> list[Token]:
        """Its 'according to' and set-off speech verbs (only looked for when it names a country)."""
        if self._attributions is None:
            self._attributions = attribution_tokens(self.span) if self.named else []
        return self._attributions

    def actors(self, token: Token | None) -> list[Actor]:
        return actors_of(self.analysis, token)


@dataclass
class Candidate:
    """A trigger match on its way to an event: what argument finding and the per-type rules read and change.

    ``kind`` is the per-type table's row for the matched type; ``event``, ``cameo``, ``mode`` and ``label``
    start as the lexicon entry's and change when a rule recodes the match.
    """

    sentence: Sentence
    entry: TriggerEntry
    kind: EventType
    matched: list[Token]
    anchor: Token
    event: str
    cameo: str
    mode: str
    label: str
    source: Token | None = None
    source_rule: str = ""
    target: Token | None = None
    target_rule: str = ""
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    # start offsets of the actors argument finding gave it: no target may be one of them
    source_starts: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, sentence: Sentence, entry: TriggerEntry, kind: EventType, ids: list[int]) -> Candidate:
        doc = sentence.analysis.doc
        matched = [doc[i] for i in ids]
        label = entry.label
        if len(ids) == 2 and ids[1] - ids[0] - 1 > MAX_GAP:  # matched through the verb's object or infinitive
            label += f" (verb and its {'direct object' if matched[1].dep_ == 'dobj' else 'infinitive'} '{matched[1].text}')"
        return cls(sentence, entry, kind, matched, min(matched, key=depth), entry.event, entry.cameo, entry.mode, label)

    @property
    def analysis(self) -> Analysis:
        return self.sentence.analysis

    def actors(self, token: Token | None) -> list[Actor]:
        return self.sentence.actors(token)

    def recode(self, event: str, cameo: str, mode: str, why: str) -> None:
        """Make the match an event of another type, ``why`` put before the reasons it had."""
        self.event, self.cameo, self.mode = event, cameo, mode
        self.label = f"{why}; {self.label}"
