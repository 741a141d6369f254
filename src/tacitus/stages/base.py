"""The per-article state that stages read and write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Analysis", "Mention"]


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


@dataclass
class Analysis:
    """What the stages know about one article."""

    article: Article
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Set by the actors stage: the actors an argument token stands for (conjuncts included).
    actors_for: Callable[[Token], list[Actor]] | None = None
    sentence_index: dict[int, int] = field(default_factory=dict)  # sentence start token -> index

    def sentence_of(self, token: Token) -> tuple[int, Span]:
        sent = token.sent
        return self.sentence_index[sent.start], sent
