"""The plain records that flow through tacitus: articles, actors and events, rejected inputs, and the result of coding an article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Actor", "Article", "ArticleResult", "Event", "Location", "Modality", "Rejected", "Span"]


@dataclass(frozen=True)
class Article:
    """One dated news article. ``text`` is the body; offsets in events index into it."""

    id: str
    date: dt.date
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file (and line) the article was read from


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Actor:
    """An actor mention resolved (or not) to a code, with the rule that resolved it."""

    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    hedged: bool = False
    historical: bool = False
    ongoing: bool = False
    inferred: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "hedged": self.hedged,
            "historical": self.historical,
            "ongoing": self.ongoing,
            "inferred": list(self.inferred),
        }


@dataclass
class Location:
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon}


@dataclass
class Event:
    """One coded event with its evidence. ``to_dict`` gives the JSONL record (see docs/record.md)."""

    article_id: str
    sentence_index: int
    text: str
    event: str
    mode: str
    cameo: str
    goldstein: float
    quad_code: int
    trigger: Span
    event_text: str
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_granularity: str = "day"
    date_text: str | None = None
    date_reason: str = ""
    modality: Modality = field(default_factory=Modality)
    claimed_by: Actor | None = None
    location: Location | None = None
    coder: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    confidence: float | None = None  # calibrated probability that type and parties are right (tacitus.confidence)
    # Parse handles used by later stages; never serialised.
    anchor: int = -1  # token index of the trigger's syntactic head in the doc

    @property
    def id(self) -> str:
        import hashlib

        key = f"{self.article_id}:{self.sentence_index}:{self.trigger.start}:{self.trigger.end}:{self.event}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "text": self.text,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_code": self.quad_code,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "event_text": self.event_text,
            "trigger": {"start": self.trigger.start, "end": self.trigger.end},
            "date": self.date.isoformat() if self.date else None,
            "date_granularity": self.date_granularity,
            "date_text": self.date_text,
            "date_reason": self.date_reason,
            "modality": self.modality.to_dict(),
            "claimed_by": self.claimed_by.to_dict() if self.claimed_by else None,
            "location": self.location.to_dict() if self.location else None,
            "coder": dict(self.coder),
            "reasons": dict(self.reasons),
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as an article, and why."""

    origin: str
    reason: str
    code: str


@dataclass
class ArticleResult:
    """The events coded from one article, or the reason it was rejected."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    rejected: Rejected | None = None
    # Sentences an internal error kept out (the article's other events are in ``events``), one each.
    errors: list[Rejected] = field(default_factory=list)
