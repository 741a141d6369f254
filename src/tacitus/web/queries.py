"""Read-only queries over a tacitus store: the data behind each page of the web UI.

Every query takes an open DuckDB connection and binds every value as a parameter (its conditions built
with ``tacitus.query.Where``, as ``tacitus.analytics`` builds its own); the only SQL text built from
input is a sort column or a date bucket, each picked from a fixed table.

What a view counts is chosen by ``count``: ``"events"``, the deduplicated events (one per cluster of the
``clusters``/``mentions`` tables that ``ingest`` builds: the same event reported by several articles), or
``"reports"``, every event row as coded from one sentence of one article. ``units`` writes either as
the source of a query; filters apply to the reports, and an event counts when one of its reports passes
them, shown by the earliest such report. Events not (yet) in a cluster count as their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..dictionaries import data_path
from ..query import Where
from ..store import RECORD_FROM, RECORD_SELECT, record_of
from ..tsv import read_tsv

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "COUNTS",
    "INTERVALS",
    "LIST_FIELDS",
    "MAX_PAGE_SIZE",
    "MODALITIES",
    "REPORT_WINDOW_DAYS",
    "SORT_COLUMNS",
    "EventFilter",
    "Scope",
    "actor_name",
    "count_units",
    "event_rows",
    "get_event",
    "list_events",
    "store_meta",
    "units",
]

COUNTS = ("events", "reports")  # what a view counts: deduplicated events, or every report of them
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
    "e.claimed, e.event_text, e.confidence, e.n_mentions, a.title, a.date"
)
LIST_FIELDS = (
    "id", "article_id", "date", "date_granularity", "event", "mode", "cameo", "goldstein", "quad_code",
    "actor_code", "actor_sector", "recipient_code", "recipient_sector", "negated", "hypothetical", "hedged",
    "historical", "ongoing", "claimed_by", "location_name", "location_country", "sentence",
    "claimed", "event_text", "confidence", "n_mentions", "article_title", "article_date",
)


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


# The earliest report of a deduplicated event: by date (undated last), then id. Dates end in 2100, so the
# stand-in for a missing one sorts after every real date.
FIRST_REPORT = "arg_min(e.id, (coalesce(e.date, DATE '9999-12-31'), e.id))"
EVENTS_JOIN = "events e LEFT JOIN mentions m ON m.event_id = e.id"
UNIT = "coalesce(m.cluster_id, e.id)"


def units(count: str, where: Where, *, mentions: bool = True) -> tuple[str, list[Any]]:
    """A subquery, aliased ``e``, of the events (``count="events"``: one row per deduplicated event, its earliest
    report that passes ``where``) or of every report passing ``where`` (``"reports"``); with ``mentions``, each
    row has ``n_mentions``, how many reports the deduplicated event has in all (without, no table but
    ``events`` is joined for it: what counts needs). ``where`` names the ``events`` columns as ``e.``; returns
    the SQL and the parameters.

    The earliest passing report of each event is picked by one grouped ``arg_min`` over the few columns it
    needs, not by a window over whole rows (a window carries every column through its sort: about three
    times slower on the example store)."""
    base = "SELECT e.* FROM events e"
    if mentions:
        base = (f"SELECT e.*, coalesce(c.n_mentions, 1) AS n_mentions, {UNIT} AS unit_id FROM {EVENTS_JOIN} "
                "LEFT JOIN clusters c ON c.id = m.cluster_id")
    if count == "events":
        first = f"SELECT {FIRST_REPORT} FROM {EVENTS_JOIN}{where.sql()} GROUP BY {UNIT}"
        return f"({base} WHERE e.id IN ({first})) e", list(where.params)
    return f"({base}{where.sql()}) e", list(where.params)


def count_units(con: duckdb.DuckDBPyConnection, count: str, where: Where) -> int:
    """How many events (deduplicated) or reports pass ``where``: a count, with no rows built."""
    what = f"count(DISTINCT {UNIT})" if count == "events" else "count(*)"
    return int(con.execute(f"SELECT {what} FROM {EVENTS_JOIN}{where.sql()}", where.params).fetchone()[0])  # type: ignore[index]  # noqa: S608


@dataclass(frozen=True)
class Scope:
    """What every view counts (``count``: events or reports), between ``start`` and ``end``, at least
    ``min_confidence`` sure (events stored without a confidence pass)."""

    count: str = "events"
    start: dt.date | None = None
    end: dt.date | None = None
    min_confidence: float = 0.0

    def where(self) -> Where:
        where = Where().date_range("e.date", self.start, self.end)
        if self.min_confidence > 0:
            where.add("coalesce(e.confidence, 1) >= ?", self.min_confidence)
        return where

    def source(self, *clauses: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
        """``units`` (without ``n_mentions``) in this scope narrowed by ``clauses`` (each SQL with its parameters)."""
        where = self.where()
        for clause, params in clauses:
            where.add(clause, *params)
        return units(self.count, where, mentions=False)


@dataclass(frozen=True)
class EventFilter:
    """The filters of the Events page; each set field narrows the result (all must hold; of several event
    types or modalities, any)."""

    scope: Scope = Scope()
    actor: str | None = None
    role: str = "any"  # any: source or target; source; target
    partner: str | None = None  # with ``actor``: only events between the two (in the direction ``role`` says)
    country: str | None = None  # where the event happened (location country)
    event: tuple[str, ...] = ()
    quad: int | None = None
    mode: str | None = None
    modality: tuple[str, ...] = ()
    article: str | None = None

    def where(self) -> Where:
        where = self.scope.where()
        if self.actor and self.partner:
            ab, ba = "(e.actor_code = ? AND e.recipient_code = ?)", "(e.recipient_code = ? AND e.actor_code = ?)"
            if self.role == "source":
                where.add(ab, self.actor, self.partner)
            elif self.role == "target":
                where.add(ba, self.actor, self.partner)
            else:
                where.add(f"({ab} OR {ba})", self.actor, self.partner, self.actor, self.partner)
        elif self.actor:
            if self.role == "source":
                where.add("e.actor_code = ?", self.actor)
            elif self.role == "target":
                where.add("e.recipient_code = ?", self.actor)
            else:
                where.add("(e.actor_code = ? OR e.recipient_code = ?)", self.actor, self.actor)
        if self.country:
            where.add("e.location_country = ?", self.country)
        if self.event:
            where.add("e.event IN (SELECT unnest(?))", list(self.event))
        if self.quad is not None:
            where.add("e.quad_code = ?", self.quad)
        if self.mode is not None:
            where.add("e.mode = ?", self.mode)
        if self.modality:
            where.add("(" + " OR ".join(MODALITIES[name] for name in self.modality) + ")")
        if self.article:
            where.add("e.article_id = ?", self.article)
        return where


def store_meta(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts (articles, deduplicated events, reports), date range and the values each filter can take."""
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
    n_reports, n_events, first, last = con.execute(
        "SELECT count(*), count(DISTINCT coalesce(m.cluster_id, e.id)), min(e.date), max(e.date) "
        "FROM events e LEFT JOIN mentions m ON m.event_id = e.id").fetchone()  # type: ignore[misc]
    types = con.execute("SELECT event, any_value(quad_code), count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
    modes = [r[0] for r in con.execute("SELECT DISTINCT mode FROM events WHERE mode IS NOT NULL AND mode <> '' ORDER BY 1").fetchall()]
    countries = [r[0] for r in con.execute(
        "SELECT DISTINCT location_country FROM events WHERE location_country IS NOT NULL ORDER BY 1").fetchall()]
    return {
        "articles": n_articles,
        "events": n_events,
        "reports": n_reports,
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
    """One page of events (or reports) matching ``flt``, and how many match in all."""
    rows, total = _rows_and_total(con, flt, sort=sort, order=order, limit=page_size, offset=(page - 1) * page_size)
    if total is None:  # a page past the end: no row to carry the total
        total = count_units(con, flt.scope.count, flt.where())
    return total, rows


def event_rows(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, sort: str = "date", order: str = "desc",
               limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The rows of the events list (``LIST_FIELDS``) matching ``flt`` in the given order."""
    return _rows_and_total(con, flt, sort=sort, order=order, limit=limit, offset=offset)[0]


def _rows_and_total(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, sort: str, order: str, limit: int,
                    offset: int) -> tuple[list[dict[str, Any]], int | None]:
    """The rows of one page and how many match in all (None when the page has no row): one query."""
    source, params = units(flt.scope.count, flt.where())
    column = SORT_COLUMNS[sort]
    direction = "DESC" if order == "desc" else "ASC"
    rows = con.execute(
        f"SELECT {LIST_COLUMNS}, count(*) OVER () FROM {source} LEFT JOIN articles a ON a.id = e.article_id "
        f"ORDER BY {column} {direction} NULLS LAST, e.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    total = rows[0][-1] if rows else None
    return [dict(zip(LIST_FIELDS, row[:-1], strict=True)) for row in rows], total


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
