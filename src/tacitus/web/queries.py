"""Read-only queries over a tacitus store: the data behind each page of the web UI.

Every query takes an open DuckDB connection and binds every value as a parameter (its conditions built
with ``tacitus.query.Where``, as ``tacitus.analytics`` builds its own); the only SQL text built from
input is a sort column or a date bucket, each picked from a fixed table. Only the ``articles`` and
``events`` tables are used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dictionaries import data_path
from ..errors import StoreError
from ..query import Where, read_only
from ..store import RECORD_FROM, RECORD_SELECT, record_of
from ..tsv import read_tsv

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "INTERVALS",
    "MAX_PAGE_SIZE",
    "MODALITIES",
    "REPORT_WINDOW_DAYS",
    "SORT_COLUMNS",
    "EventFilter",
    "StoreReader",
    "actor_detail",
    "actor_name",
    "dyad_timeline",
    "get_event",
    "list_actors",
    "list_events",
    "top_dyads",
    "network",
    "store_meta",
]

MAX_PAGE_SIZE = 500
REPORT_WINDOW_DAYS = 7  # "other articles that reported it": same type and dyad within this many days

SORT_COLUMNS = {
    "date": "e.date",
    "event": "e.event",
    "quad_code": "e.quad_code",
    "goldstein": "e.goldstein",
    "actor": "e.actor_code",
    "recipient": "e.recipient_code",
    "cameo": "e.cameo",
    "article_date": "a.date",
    "position": "e.sentence_index",
}

MODALITIES = {
    "asserted": "NOT (coalesce(e.negated, false) OR coalesce(e.hypothetical, false) OR coalesce(e.hedged, false))",
    "negated": "e.negated",
    "hypothetical": "e.hypothetical",
    "hedged": "e.hedged",
    "historical": "e.historical",
    "ongoing": "e.ongoing",
    "claimed": "e.claimed",
}

INTERVALS = {"week": "date_trunc('week', e.date)", "month": "date_trunc('month', e.date)"}

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

GENERIC_CODES = {
    "UNO": "United Nations",
    "EUR": "European Union",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "ISM": "international militarised group",
    "IMG": "international militarised group",
    "MNC": "multinational corporation",
}

# The home country of an event's source (target): the first of its actors that has one.
SOURCE_COUNTRY = "e.actor_country"
TARGET_COUNTRY = "e.recipient_country"

LIST_COLUMNS = (
    "e.id, e.article_id, e.date, e.date_granularity, e.event, e.mode, e.cameo, e.goldstein, e.quad_code, "
    "e.actor_code, e.actor_sector, e.recipient_code, e.recipient_sector, e.negated, e.hypothetical, e.hedged, "
    "e.historical, e.ongoing, e.claimed_by, e.location_name, e.location_country, e.sentence, "
    "e.claimed, e.event_text, a.title, a.date"
)
LIST_FIELDS = (
    "id", "article_id", "date", "date_granularity", "event", "mode", "cameo", "goldstein", "quad_code",
    "actor_code", "actor_sector", "recipient_code", "recipient_sector", "negated", "hypothetical", "hedged",
    "historical", "ongoing", "claimed_by", "location_name", "location_country", "sentence",
    "claimed", "event_text", "article_title", "article_date",
)


class StoreReader:
    """Opens the store read-only for the length of one query, so no connection outlives a request; a query
    still running after ``seconds`` is interrupted (StoreError T407)."""

    def __init__(self, path: str | Path, *, seconds: float = 10.0) -> None:
        self.path = str(path)
        self.seconds = seconds

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        import threading

        import duckdb

        with read_only(self.path) as con:
            timer = threading.Timer(self.seconds, con.interrupt)
            timer.daemon = True
            timer.start()
            try:
                yield con
            except duckdb.Error as exc:
                if "interrupt" in str(exc).lower():
                    raise StoreError(f"query interrupted after {self.seconds:g} s", code="T407") from None
                raise
            finally:
                timer.cancel()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    cols = ("code", "name", "aliases", "adjectives", "capital", "capital_lat", "capital_lon", "valid_from", "valid_to")
    for row in read_tsv(data_path("countries.tsv"), columns=cols, required=("code", "name")):
        names.setdefault(row["code"], row["name"])
    return names


def actor_name(code: str | None) -> str | None:
    """The English name of a country or generic actor code, or None."""
    if code is None:
        return None
    return _country_names().get(code) or GENERIC_CODES.get(code)


@dataclass(frozen=True)
class EventFilter:
    """The filters of the Events page; each set field narrows the result (all must hold)."""

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    role: str = "any"  # any: source or target; source; target
    country: str | None = None  # where the event happened (location country)
    event: str | None = None
    quad: int | None = None
    mode: str | None = None
    modality: tuple[str, ...] = ()
    article: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """`` WHERE ...`` (or "" with no filter) and its parameters."""
        where = Where().date_range("e.date", self.start, self.end)
        if self.actor:
            if self.role == "source":
                where.add("e.actor_code = ?", self.actor)
            elif self.role == "target":
                where.add("e.recipient_code = ?", self.actor)
            else:
                where.add("(e.actor_code = ? OR e.recipient_code = ?)", self.actor, self.actor)
        if self.country:
            where.add("e.location_country = ?", self.country)
        if self.event:
            where.add("e.event = ?", self.event)
        if self.quad is not None:
            where.add("e.quad_code = ?", self.quad)
        if self.mode is not None:
            where.add("e.mode = ?", self.mode)
        for name in self.modality:
            where.add(MODALITIES[name])
        if self.article:
            where.add("e.article_id = ?", self.article)
        return where.sql(), where.params


def _date_range(start: dt.date | None, end: dt.date | None) -> tuple[str, list[Any]]:
    """`` AND ...`` conditions (to follow a fixed one) keeping ``e.date`` from ``start`` to ``end``, and their parameters."""
    dates = Where().date_range("e.date", start, end)
    return dates.sql("AND"), dates.params


def store_meta(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts, date range and the values each filter can take."""
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
    n_events, first, last = con.execute("SELECT count(*), min(date), max(date) FROM events").fetchone()  # type: ignore[misc]
    types = con.execute("SELECT event, any_value(quad_code), count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
    modes = [r[0] for r in con.execute("SELECT DISTINCT mode FROM events WHERE mode IS NOT NULL AND mode <> '' ORDER BY 1").fetchall()]
    countries = [r[0] for r in con.execute(
        "SELECT DISTINCT location_country FROM events WHERE location_country IS NOT NULL ORDER BY 1").fetchall()]
    return {
        "articles": n_articles,
        "events": n_events,
        "first_date": first,
        "last_date": last,
        "event_types": [{"event": e, "quad_code": q, "count": n} for e, q, n in types],
        "quad_classes": [{"quad_code": q, "name": n} for q, n in QUAD_CLASSES.items()],
        "modes": modes,
        "modalities": list(MODALITIES),
        "location_countries": countries,
    }


def list_events(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    *,
    sort: str = "date",
    order: str = "desc",
    page: int = 1,
    page_size: int = 50,
) -> tuple[int, list[dict[str, Any]]]:
    """One page of events matching ``flt``, and how many match in all."""
    where, params = flt.where()
    column = SORT_COLUMNS[sort]
    direction = "DESC" if order == "desc" else "ASC"
    base = f"FROM events e LEFT JOIN articles a ON a.id = e.article_id{where}"
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]  # type: ignore[index]
    rows = con.execute(
        f"SELECT {LIST_COLUMNS} {base} ORDER BY {column} {direction} NULLS LAST, e.id LIMIT ? OFFSET ?",
        [*params, page_size, (page - 1) * page_size],
    ).fetchall()
    return total, [dict(zip(LIST_FIELDS, row, strict=True)) for row in rows]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event's record, its article, and the other articles that reported the same event."""
    row = con.execute(
        f"SELECT {RECORD_SELECT}, e.date, a.id, a.date, a.title, a.url, a.source, a.text {RECORD_FROM} WHERE e.id = ?",  # noqa: S608
        [event_id],
    ).fetchone()
    if row is None:
        return None
    record = record_of(row[:-7])
    date, art_id, art_date, title, url, source, text = row[-7:]
    article_id, event = record["article_id"], record["event"]
    actor = next((a["code"] for a in record["actor"] if a["code"]), None)
    recipient = next((a["code"] for a in record["recipient"] if a["code"]), None)
    article = None
    if art_id is not None:
        article = {"id": art_id, "date": art_date, "title": title, "url": url, "source": source, "text": text}
    reports: list[dict[str, Any]] = []
    if date is not None and (actor is not None or recipient is not None):
        window = dt.timedelta(days=REPORT_WINDOW_DAYS)
        rows = con.execute(
            "SELECT e.id, e.article_id, e.date, e.sentence, a.title, a.date, a.source "
            "FROM events e LEFT JOIN articles a ON a.id = e.article_id "
            "WHERE e.event = ? AND e.actor_code IS NOT DISTINCT FROM ? AND e.recipient_code IS NOT DISTINCT FROM ? "
            "AND e.date BETWEEN ? AND ? AND e.article_id <> ? "
            "ORDER BY abs(date_diff('day', e.date, ?::DATE)), e.date, e.id",
            [event, actor, recipient, date - window, date + window, article_id, date],
        ).fetchall()
        seen: set[str] = set()
        for ev_id, a_id, ev_date, sentence, a_title, a_date, a_source in rows:
            if a_id in seen:  # one line per article: its closest matching event
                continue
            seen.add(a_id)
            reports.append({
                "event_id": ev_id, "article_id": a_id, "date": ev_date, "sentence": sentence,
                "article_title": a_title, "article_date": a_date, "article_source": a_source,
            })
    return {"record": record, "article": article, "reported_by": reports}


def list_actors(con: duckdb.DuckDBPyConnection, *, start: dt.date | None = None, end: dt.date | None = None) -> list[dict[str, Any]]:
    """Every actor code in the store with how often it is source and target."""
    dates, params = _date_range(start, end)
    rows = con.execute(
        "SELECT code, sum(n_source)::BIGINT, sum(n_target)::BIGINT FROM ("
        f"  SELECT e.actor_code AS code, count(*) AS n_source, 0 AS n_target FROM events e WHERE e.actor_code IS NOT NULL{dates} GROUP BY 1"
        "  UNION ALL"
        f"  SELECT e.recipient_code, 0, count(*) FROM events e WHERE e.recipient_code IS NOT NULL{dates} GROUP BY 1"
        ") GROUP BY code ORDER BY sum(n_source) + sum(n_target) DESC, code",
        params + params,
    ).fetchall()
    return [{"code": c, "name": actor_name(c), "n_source": s, "n_target": t, "n_events": s + t} for c, s, t in rows]


def top_dyads(
    con: duckdb.DuckDBPyConnection, *, start: dt.date | None = None, end: dt.date | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """The pairs of actor codes (either direction) with the most events between them."""
    dates, params = _date_range(start, end)
    rows = con.execute(
        "SELECT least(e.actor_code, e.recipient_code), greatest(e.actor_code, e.recipient_code), count(*), avg(e.goldstein) "
        f"FROM events e WHERE e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL AND e.actor_code <> e.recipient_code{dates} "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [{"a": a, "b": b, "a_name": actor_name(a), "b_name": actor_name(b), "n_events": n, "goldstein_mean": round(g, 2)}
            for a, b, n, g in rows]


def actor_detail(
    con: duckdb.DuckDBPyConnection,
    code: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    interval: str = "month",
) -> dict[str, Any]:
    """Whom an actor deals with, and its cooperation and conflict per period."""
    dates, params = _date_range(start, end)
    mine = f"(e.actor_code = ? OR e.recipient_code = ?){dates}"
    n_source, n_target = con.execute(
        f"SELECT count(*) FILTER (e.actor_code = ?), count(*) FILTER (e.recipient_code = ?) FROM events e WHERE {mine}",
        [code, code, code, code, *params],
    ).fetchone()  # type: ignore[misc]
    partners = con.execute(
        "SELECT CASE WHEN e.actor_code = ? THEN e.recipient_code ELSE e.actor_code END AS partner, "
        "count(*) FILTER (e.actor_code = ?), count(*) FILTER (e.recipient_code = ?), "
        "count(*) FILTER (e.quad_code IN (1, 2)), count(*) FILTER (e.quad_code IN (3, 4)), avg(e.goldstein) "
        f"FROM events e WHERE {mine} GROUP BY 1 ORDER BY count(*) DESC, partner NULLS LAST",
        [code, code, code, code, code, *params],
    ).fetchall()
    bucket = INTERVALS[interval]
    periods = con.execute(
        f"SELECT {bucket}::DATE AS period, count(*) FILTER (e.quad_code IN (1, 2)), count(*) FILTER (e.quad_code IN (3, 4)), "
        f"sum(e.goldstein) FROM events e WHERE {mine} AND e.date IS NOT NULL GROUP BY 1 ORDER BY 1",
        [code, code, *params],
    ).fetchall()
    return {
        "code": code,
        "name": actor_name(code),
        "n_source": n_source,
        "n_target": n_target,
        "interval": interval,
        "partners": [
            {"code": p, "name": actor_name(p), "n_source": o, "n_target": i, "cooperation": c, "conflict": k,
             "goldstein_mean": round(g, 2) if g is not None else None}
            for p, o, i, c, k, g in partners
        ],
        "timeline": [
            {"period": p, "cooperation": c, "conflict": k, "goldstein_sum": round(g or 0.0, 2)} for p, c, k, g in periods
        ],
    }


def dyad_timeline(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    interval: str = "month",
    direction: str = "both",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[str, Any]:
    """Counts per quad class and the Goldstein sum per period for the events between two actors."""
    if direction == "ab":
        pair, pair_params = "e.actor_code = ? AND e.recipient_code = ?", [a, b]
    elif direction == "ba":
        pair, pair_params = "e.actor_code = ? AND e.recipient_code = ?", [b, a]
    else:
        pair, pair_params = "((e.actor_code = ? AND e.recipient_code = ?) OR (e.actor_code = ? AND e.recipient_code = ?))", [a, b, b, a]
    dates, params = _date_range(start, end)
    bucket = INTERVALS[interval]
    rows = con.execute(
        f"SELECT {bucket}::DATE AS period, "
        "count(*) FILTER (e.quad_code = 1), count(*) FILTER (e.quad_code = 2), "
        "count(*) FILTER (e.quad_code = 3), count(*) FILTER (e.quad_code = 4), "
        "count(*) FILTER (e.actor_code = ?), count(*) FILTER (e.actor_code = ?), sum(e.goldstein) "
        f"FROM events e WHERE {pair} AND e.date IS NOT NULL{dates} GROUP BY 1 ORDER BY 1",
        [a, b, *pair_params, *params],
    ).fetchall()
    periods = [
        {"period": p, "q1": q1, "q2": q2, "q3": q3, "q4": q4, "a_to_b": ab, "b_to_a": ba,
         "total": q1 + q2 + q3 + q4, "goldstein_sum": round(g or 0.0, 2)}
        for p, q1, q2, q3, q4, ab, ba, g in rows
    ]
    return {
        "a": a, "b": b, "a_name": actor_name(a), "b_name": actor_name(b),
        "interval": interval, "direction": direction,
        "total": sum(p["total"] for p in periods),
        "goldstein_sum": round(sum(p["goldstein_sum"] for p in periods), 2),
        "periods": periods,
    }


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    min_events: int = 1,
) -> dict[str, Any]:
    """Countries as nodes; an edge per pair of countries, weighted by event count, with mean Goldstein."""
    dates, params = _date_range(start, end)
    rows = con.execute(
        "SELECT least(src, tgt) AS x, greatest(src, tgt) AS y, count(*), avg(goldstein), "
        "count(*) FILTER (src < tgt), count(*) FILTER (src > tgt) FROM ("
        f"  SELECT {SOURCE_COUNTRY} AS src, {TARGET_COUNTRY} AS tgt, e.goldstein FROM events e WHERE true{dates}"
        ") WHERE src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt "
        "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2",
        [*params, min_events],
    ).fetchall()
    degree: dict[str, int] = {}
    edges = []
    for x, y, n, g, xy, yx in rows:
        degree[x] = degree.get(x, 0) + n
        degree[y] = degree.get(y, 0) + n
        edges.append({"source": x, "target": y, "n_events": n, "goldstein_mean": round(g, 2),
                      "n_source_to_target": xy, "n_target_to_source": yx})
    nodes = [{"code": c, "name": actor_name(c), "n_events": n} for c, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}
