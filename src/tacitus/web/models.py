"""The JSON shapes of the HTTP API (they make its OpenAPI description)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, field_validator

from ..dates import MAX_YEAR, MIN_YEAR

__all__ = [
    "ActorCount",
    "ActorDetail",
    "ActorList",
    "ActorPeriod",
    "ArticleOut",
    "CodeRequest",
    "CodeResult",
    "Dyad",
    "DyadCount",
    "DyadList",
    "DyadPeriod",
    "ErrorBody",
    "EventDetail",
    "EventPage",
    "EventRow",
    "EventTypeCount",
    "Meta",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "Partner",
    "QuadClass",
    "Report",
]


class ErrorBody(BaseModel):
    error: str = Field(description="what went wrong and what to do")
    detail: list[dict[str, Any]] | None = Field(default=None, description="the failed checks, for a 422")


class EventTypeCount(BaseModel):
    event: str
    quad_code: int
    count: int


class QuadClass(BaseModel):
    quad_code: int
    name: str


class Meta(BaseModel):
    version: str
    articles: int
    events: int = Field(description="deduplicated events (the same event reported by several articles counts once)")
    reports: int = Field(description="events as coded, one per report of one article")
    first_date: dt.date | None
    last_date: dt.date | None
    event_types: list[EventTypeCount]
    quad_classes: list[QuadClass]
    modes: list[str]
    modalities: list[str]
    location_countries: list[str]
    allow_coding: bool
    max_page_size: int
    max_text_chars: int
    min_year: int = Field(description="the first year an article may be dated in (as on the command line)")
    max_year: int = Field(description="the last year an article may be dated in")


class EventRow(BaseModel):
    id: str
    article_id: str
    date: dt.date | None
    date_granularity: str | None
    event: str | None
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_code: int | None
    actor_code: str | None
    actor_sector: str | None
    recipient_code: str | None
    recipient_sector: str | None
    negated: bool | None
    hypothetical: bool | None
    hedged: bool | None
    historical: bool | None
    ongoing: bool | None
    claimed_by: str | None = Field(description="code of who claims it happened (null: no claim, or unresolved)")
    location_name: str | None
    location_country: str | None
    sentence: str | None
    claimed: bool = Field(description="someone is reported as claiming it (see claimed_by)")
    event_text: str | None
    confidence: float | None = Field(description="calibrated probability that type and parties are right (null: not scored)")
    n_mentions: int = Field(description="how many reports the deduplicated event has (1: reported once)")
    article_title: str | None
    article_date: dt.date | None


class EventPage(BaseModel):
    count: str = Field(description="events (deduplicated) or reports")
    total: int = Field(description="events (or reports) matching the filters")
    page: int
    page_size: int
    pages: int
    sort: str
    order: str
    items: list[EventRow]


class ArticleOut(BaseModel):
    id: str
    date: dt.date
    title: str | None
    url: str | None
    source: str | None
    text: str = Field(description="the body; the record's offsets index into it")


class Report(BaseModel):
    event_id: str
    article_id: str
    date: dt.date | None
    sentence: str | None
    article_title: str | None
    article_date: dt.date | None
    article_source: str | None


class EventDetail(BaseModel):
    record: dict[str, Any] = Field(description="the full event record (docs/record.md)")
    article: ArticleOut | None
    reported_by: list[Report] = Field(
        description="other articles with an event of the same type and dyad (first actor and recipient codes) within 7 days"
    )


class ActorCount(BaseModel):
    code: str
    name: str | None
    n_source: int
    n_target: int
    n_events: int


class ActorList(BaseModel):
    actors: list[ActorCount]


class Partner(BaseModel):
    code: str = Field(description="the other side's code")
    name: str | None
    n_source: int = Field(description="events with this actor as source")
    n_target: int = Field(description="events with this actor as target")
    cooperation: int = Field(description="events in quad classes 1 and 2")
    conflict: int = Field(description="events in quad classes 3 and 4")
    goldstein_mean: float | None


class ActorPeriod(BaseModel):
    period: dt.date = Field(description="first day of the week (Monday) or month; every one from the first to the last")
    cooperation: int
    conflict: int
    goldstein_sum: float


class ActorDetail(BaseModel):
    code: str
    name: str | None
    n_source: int
    n_target: int
    interval: str
    count: str = Field(description="events (deduplicated) or reports")
    partners: list[Partner] = Field(description="other resolved actors it deals with")
    timeline: list[ActorPeriod]


class DyadCount(BaseModel):
    a: str
    b: str
    a_name: str | None
    b_name: str | None
    n_events: int = Field(description="events between them, either direction")
    goldstein_mean: float


class DyadList(BaseModel):
    dyads: list[DyadCount]


class DyadPeriod(BaseModel):
    period: dt.date = Field(description="first day of the week (Monday) or month")
    q1: int = Field(description="verbal cooperation")
    q2: int = Field(description="material cooperation")
    q3: int = Field(description="verbal conflict")
    q4: int = Field(description="material conflict")
    a_to_b: int
    b_to_a: int
    total: int
    goldstein_sum: float


class Dyad(BaseModel):
    a: str
    b: str
    a_name: str | None
    b_name: str | None
    interval: str
    direction: str
    count: str = Field(description="events (deduplicated) or reports")
    total: int
    goldstein_sum: float
    periods: list[DyadPeriod]


class NetworkNode(BaseModel):
    code: str
    name: str | None
    n_events: int = Field(description="events on its edges (weighted degree)")
    degree: int = Field(description="how many countries it is linked to")
    betweenness: float = Field(description="betweenness centrality, paths weighted by 1 / events (networkx)")
    community: int = Field(description="Louvain community, weighted (0: the largest)")
    x: float = Field(description="layout position, -1 to 1 (Fruchterman-Reingold, weighted, fixed seed)")
    y: float


class NetworkEdge(BaseModel):
    source: str
    target: str
    n_events: int
    goldstein_mean: float
    n_source_to_target: int
    n_target_to_source: int


class Network(BaseModel):
    count: str = Field(description="events (deduplicated) or reports")
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class CodeRequest(BaseModel):
    text: str = Field(description="the article body (at most 100,000 characters)")
    date: dt.date = Field(description="the article's date, YYYY-MM-DD")
    title: str = Field(default="", max_length=1000)

    @field_validator("date")
    @classmethod
    def _in_range(cls, value: dt.date) -> dt.date:
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValueError(f"use a date from {MIN_YEAR} to {MAX_YEAR}, as on the command line")
        return value


class CodeResult(BaseModel):
    date: dt.date
    title: str
    text: str = Field(description="the body as coded (stripped); the records' offsets index into it")
    events: list[dict[str, Any]]
