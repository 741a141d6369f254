"""Questions users ask of a store, as pandas DataFrames: filtered events, dyad series, networks (over ``tacitus.query``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .query import Where, read_only

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MODALITY_FLAGS", "dyad_series", "network_edges", "query_events"]

MODALITY_FLAGS = ("negated", "hypothetical", "hedged", "historical", "ongoing", "claimed", "asserted")
QUERY_COLUMNS = ("id", "date", "event", "mode", "cameo", "quad_code", "goldstein", "actor_code", "actor_sector",
                 "recipient_code", "recipient_sector", "negated", "hypothetical", "hedged", "historical", "ongoing",
                 "claimed_by", "location_name", "article_id", "sentence")


def _where(
    *, actor: str | None, country: str | None, event: str | None, quad: int | None, modality: str | None,
    since: dt.date | None, until: dt.date | None, text: str | None, min_confidence: float = 0.0,
) -> Where:
    where = _confident(Where(), min_confidence)
    if actor:
        where.add("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))", actor.upper(), actor.upper())
    if country:
        where.add("id IN (SELECT event_id FROM event_actors WHERE country = ?)", country.upper())
    if event:
        where.add("event = ?", event.upper())
    if quad is not None:
        if quad not in (1, 2, 3, 4):
            raise ConfigError(f"--quad {quad}: quad classes are 1, 2, 3, 4", code="T320")
        where.add("quad_code = ?", quad)
    if modality:
        if modality not in MODALITY_FLAGS:
            raise ConfigError(f"--modality {modality}: use one of {', '.join(MODALITY_FLAGS)}", code="T321")
        if modality == "claimed":
            where.add("claimed_by IS NOT NULL")
        elif modality == "asserted":
            where.add("NOT (negated OR hypothetical OR hedged) AND claimed_by IS NULL")
        else:
            where.add(f"{modality}")
    where.date_range("date", since, until)
    if text:
        where.add("sentence ILIKE ?", f"%{text}%")
    return where


def _confident(where: Where, min_confidence: float, column: str = "confidence") -> Where:
    """Events whose calibrated confidence is at least ``min_confidence`` (events without one always pass)."""
    if not 0 <= min_confidence <= 1:
        raise ConfigError(f"--min-confidence {min_confidence}: use a number from 0 to 1", code="T342")
    return where.add(f"coalesce({column}, 1) >= ?", min_confidence) if min_confidence > 0 else where


def query_events(
    db: str | Path, *, actor: str | None = None, country: str | None = None, event: str | None = None,
    quad: int | None = None, modality: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    text: str | None = None, limit: int | None = 100, min_confidence: float = 0.0,
) -> pd.DataFrame:
    """Events matching every filter given: actor code (either side), country (any participant),
    PLOVER type, quad class, a modality flag (or ``claimed`` / ``asserted``), date range, text, least confidence."""
    where = _where(actor=actor, country=country, event=event, quad=quad, modality=modality,
                   since=since, until=until, text=text, min_confidence=min_confidence)
    sql = f"SELECT {', '.join(QUERY_COLUMNS)} FROM events{where.sql()} ORDER BY date, id"  # noqa: S608
    params = where.params
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with read_only(db, wait=True) as con:
        return con.execute(sql, params).df()


PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def dyad_series(db: str | Path, actor: str, recipient: str, *, by: str = "month", both_directions: bool = False,
                include_unasserted: bool = False, min_confidence: float = 0.0) -> pd.DataFrame:
    """Counts per quad class and the Goldstein sum per period for events from ``actor`` to ``recipient``.

    Negated, hypothetical and hedged events are left out unless ``include_unasserted``.
    """
    if by not in PERIODS:
        raise ConfigError(f"--by {by}: use one of {', '.join(PERIODS)}", code="T322")
    direction = "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?))"
    params: list[Any] = [actor.upper(), recipient.upper()]
    if both_directions:
        direction = f"({direction} OR (list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)))"
        params += [recipient.upper(), actor.upper()]
    where = _confident(Where().add(direction, *params), min_confidence)
    if not include_unasserted:
        where.add("NOT (negated OR hypothetical OR hedged)")
    where.add("date IS NOT NULL")
    sql = f"""
        SELECT date_trunc('{PERIODS[by]}', date)::DATE AS period,
               count(*) FILTER (quad_code = 1) AS verbal_cooperation,
               count(*) FILTER (quad_code = 2) AS material_cooperation,
               count(*) FILTER (quad_code = 3) AS verbal_conflict,
               count(*) FILTER (quad_code = 4) AS material_conflict,
               count(*) AS events, round(sum(goldstein), 2) AS goldstein_sum
        FROM events{where.sql()}
        GROUP BY 1 ORDER BY 1
    """  # noqa: S608
    with read_only(db, wait=True) as con:
        return con.execute(sql, where.params).df()


def network_edges(db: str | Path, *, since: dt.date | None = None, until: dt.date | None = None,
                  min_events: int = 1, min_confidence: float = 0.0) -> pd.DataFrame:
    """Country-to-country edges: event count and mean Goldstein, asserted events only."""
    where = Where("NOT (negated OR hypothetical OR hedged)", "a.country IS NOT NULL", "r.country IS NOT NULL", "a.country <> r.country")
    _confident(where, min_confidence, "e.confidence")
    where.date_range("e.date", since, until)
    sql = f"""
        SELECT a.country AS source, r.country AS target, count(DISTINCT e.id) AS events,
               round(avg(e.goldstein), 2) AS mean_goldstein
        FROM events e
        JOIN event_actors a ON a.event_id = e.id AND a.role = 'actor'
        JOIN event_actors r ON r.event_id = e.id AND r.role = 'recipient'
        {where.sql()}
        GROUP BY 1, 2 HAVING count(DISTINCT e.id) >= ? ORDER BY events DESC, source, target
    """  # noqa: S608
    with read_only(db, wait=True) as con:
        return con.execute(sql, [*where.params, min_events]).df()
