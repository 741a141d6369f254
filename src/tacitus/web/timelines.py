"""Read-only queries behind the Actors, Dyad and Network pages: counts per actor, pair and period.

Each takes an open DuckDB connection and a ``Scope`` (events or reports, date range, least confidence;
see ``queries.units``), binds every value as a parameter, and returns plain dicts. Goldstein sums and means add the scores as decimals, so that
a mean on a rounding tie (-1.025) rounds the same whatever order DuckDB adds them in. Timelines are on the
calendar: every week or month from the first to the last one with an event is listed, empty ones as
zeros, so a chart of them spaces time evenly.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..network import graph_summary
from .queries import INTERVALS, SOURCE_COUNTRY, TARGET_COUNTRY, Scope, actor_name

if TYPE_CHECKING:
    import duckdb

__all__ = ["actor_detail", "calendar", "dyad_timeline", "list_actors", "network", "top_dyads"]


def _round(x: float | None) -> float | None:
    """``x`` to two decimals, never -0.0 (a sum of opposite scores comes out as either zero, by the order
    DuckDB happened to add them in)."""
    return None if x is None else round(x, 2) + 0.0


def calendar(rows: list[dict[str, Any]], interval: str, zero: dict[str, Any]) -> list[dict[str, Any]]:
    """``rows`` (each with a ``period``: a Monday or a first of the month, in order) with every period between
    the first and the last added as ``zero``."""
    if not rows:
        return []
    have = {r["period"]: r for r in rows}
    out, day, last = [], rows[0]["period"], rows[-1]["period"]
    while day <= last:
        out.append(have.get(day) or {"period": day, **zero})
        if interval == "week":
            day += dt.timedelta(days=7)
        else:
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def list_actors(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[dict[str, Any]]:
    """Every actor code in scope with how often it is source and target."""
    source, params = scope.source()
    rows = con.execute(  # one pass: each event gives its source and its target as two rows
        "SELECT code, count(*) FILTER (target = 0), count(*) FILTER (target = 1) FROM ("
        f"  SELECT unnest([e.actor_code, e.recipient_code]) AS code, unnest([0, 1]) AS target FROM {source}"
        ") WHERE code IS NOT NULL GROUP BY code ORDER BY count(*) DESC, code",
        params,
    ).fetchall()
    return [{"code": c, "name": actor_name(c), "n_source": s, "n_target": t, "n_events": s + t} for c, s, t in rows]


def top_dyads(con: duckdb.DuckDBPyConnection, scope: Scope, *, limit: int = 20) -> list[dict[str, Any]]:
    """The pairs of actor codes (either direction) with the most events between them."""
    source, params = scope.source(
        ("e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL AND e.actor_code <> e.recipient_code", []))
    rows = con.execute(
        "SELECT least(e.actor_code, e.recipient_code), greatest(e.actor_code, e.recipient_code), count(*), avg(e.goldstein::DECIMAL(18, 6)) "
        f"FROM {source} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [{"a": a, "b": b, "a_name": actor_name(a), "b_name": actor_name(b), "n_events": n, "goldstein_mean": _round(g)}
            for a, b, n, g in rows]


def actor_detail(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, *, interval: str = "month") -> dict[str, Any]:
    """Whom an actor deals with (other resolved actors only), and its cooperation and conflict per period."""
    source, params = scope.source(("(e.actor_code = ? OR e.recipient_code = ?)", [code, code]))
    n_source, n_target = con.execute(
        f"SELECT count(*) FILTER (e.actor_code = ?), count(*) FILTER (e.recipient_code = ?) FROM {source}",
        [code, code, *params],
    ).fetchone()  # type: ignore[misc]
    partners = con.execute(
        "SELECT partner, count(*) FILTER (e.actor_code = ?), count(*) FILTER (e.recipient_code = ?), "
        "count(*) FILTER (e.quad_code IN (1, 2)), count(*) FILTER (e.quad_code IN (3, 4)), avg(e.goldstein::DECIMAL(18, 6)) FROM ("
        f"  SELECT *, CASE WHEN e.actor_code = ? THEN e.recipient_code ELSE e.actor_code END AS partner FROM {source}"
        ") e WHERE partner IS NOT NULL AND partner <> ? GROUP BY 1 ORDER BY count(*) DESC, partner",
        [code, code, code, *params, code],
    ).fetchall()
    periods = con.execute(
        f"SELECT {INTERVALS[interval]}::DATE AS period, count(*) FILTER (e.quad_code IN (1, 2)), "
        f"count(*) FILTER (e.quad_code IN (3, 4)), sum(e.goldstein::DECIMAL(18, 6))::DOUBLE FROM {source} WHERE e.date IS NOT NULL GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    timeline = [{"period": p, "cooperation": c, "conflict": k, "goldstein_sum": _round(g or 0.0)} for p, c, k, g in periods]
    return {
        "code": code,
        "name": actor_name(code),
        "n_source": n_source,
        "n_target": n_target,
        "interval": interval,
        "count": scope.count,
        "partners": [
            {"code": p, "name": actor_name(p), "n_source": o, "n_target": i, "cooperation": c, "conflict": k,
             "goldstein_mean": _round(g)}
            for p, o, i, c, k, g in partners
        ],
        "timeline": calendar(timeline, interval, {"cooperation": 0, "conflict": 0, "goldstein_sum": 0.0}),
    }


def dyad_timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, scope: Scope, *, interval: str = "month",
                  direction: str = "both") -> dict[str, Any]:
    """Counts per quad class and the Goldstein sum per period for the events between two actors."""
    if direction == "ab":
        pair = ("e.actor_code = ? AND e.recipient_code = ?", [a, b])
    elif direction == "ba":
        pair = ("e.actor_code = ? AND e.recipient_code = ?", [b, a])
    else:
        pair = ("((e.actor_code = ? AND e.recipient_code = ?) OR (e.actor_code = ? AND e.recipient_code = ?))", [a, b, b, a])
    source, params = scope.source(pair, ("e.date IS NOT NULL", []))
    rows = con.execute(
        f"SELECT {INTERVALS[interval]}::DATE AS period, "
        "count(*) FILTER (e.quad_code = 1), count(*) FILTER (e.quad_code = 2), "
        "count(*) FILTER (e.quad_code = 3), count(*) FILTER (e.quad_code = 4), "
        "count(*) FILTER (e.actor_code = ?), count(*) FILTER (e.actor_code = ?), sum(e.goldstein::DECIMAL(18, 6))::DOUBLE "
        f"FROM {source} GROUP BY 1 ORDER BY 1",
        [a, b, *params],
    ).fetchall()
    periods = [
        {"period": p, "q1": q1, "q2": q2, "q3": q3, "q4": q4, "a_to_b": ab, "b_to_a": ba,
         "total": q1 + q2 + q3 + q4, "goldstein_sum": _round(g or 0.0)}
        for p, q1, q2, q3, q4, ab, ba, g in rows
    ]
    zero = {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "a_to_b": 0, "b_to_a": 0, "total": 0, "goldstein_sum": 0.0}
    return {
        "a": a, "b": b, "a_name": actor_name(a), "b_name": actor_name(b),
        "interval": interval, "direction": direction, "count": scope.count,
        "total": sum(p["total"] for p in periods),
        "goldstein_sum": _round(sum(p["goldstein_sum"] for p in periods)),
        "periods": calendar(periods, interval, zero),
    }


@lru_cache(maxsize=64)
def _graph_summary(edges: tuple[tuple[str, str, int], ...]) -> dict[str, dict[str, Any]]:
    """``network.graph_summary`` of these edges, kept: its measures and seeded layout depend on the edges
    alone and cost far more than the query (40 ms for the example store's 40 edges), and other filters
    (another date range, events or reports) often give the same edges. Callers copy what they return."""
    return graph_summary(edges)


def network(con: duckdb.DuckDBPyConnection, scope: Scope, *, min_events: int = 1) -> dict[str, Any]:
    """Countries as nodes (with their degree, weighted degree, betweenness, community and a layout position);
    an edge per pair of countries, weighted by event count, with mean Goldstein."""
    source, params = scope.source()
    rows = con.execute(
        "SELECT least(src, tgt) AS x, greatest(src, tgt) AS y, count(*), avg(goldstein::DECIMAL(18, 6)), "
        "count(*) FILTER (src < tgt), count(*) FILTER (src > tgt) FROM ("
        f"  SELECT {SOURCE_COUNTRY} AS src, {TARGET_COUNTRY} AS tgt, e.goldstein FROM {source}"
        ") WHERE src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt "
        "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2",
        [*params, min_events],
    ).fetchall()
    edges = [{"source": x, "target": y, "n_events": n, "goldstein_mean": _round(g),
              "n_source_to_target": xy, "n_target_to_source": yx} for x, y, n, g, xy, yx in rows]
    measures = _graph_summary(tuple((e["source"], e["target"], e["n_events"]) for e in edges))
    nodes = [{"code": c, "name": actor_name(c), **m} for c, m in measures.items()]
    nodes.sort(key=lambda d: (-d["n_events"], d["code"]))
    return {"count": scope.count, "nodes": nodes, "edges": edges}
