"""The DuckDB store: articles, events and rejected inputs; re-ingesting is idempotent."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import StoreError
from .pipeline import ArticleResult

__all__ = ["Store"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, url VARCHAR, source VARCHAR,
    origin VARCHAR, text VARCHAR NOT NULL, n_events INTEGER NOT NULL, coded_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, sentence_index INTEGER, date DATE,
    date_granularity VARCHAR, event VARCHAR, mode VARCHAR, cameo VARCHAR, goldstein DOUBLE, quad_code INTEGER,
    actor_code VARCHAR, actor_sector VARCHAR, recipient_code VARCHAR, recipient_sector VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, hedged BOOLEAN, historical BOOLEAN, ongoing BOOLEAN,
    claimed_by VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    sentence VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS errors (
    origin VARCHAR, code VARCHAR, reason VARCHAR, seen_at TIMESTAMP
);
"""

EVENT_COLUMNS = (
    "id", "article_id", "sentence_index", "date", "date_granularity", "event", "mode", "cameo", "goldstein", "quad_code",
    "actor_code", "actor_sector", "recipient_code", "recipient_sector", "negated", "hypothetical", "hedged", "historical",
    "ongoing", "claimed_by", "location_name", "location_country", "lat", "lon", "sentence", "record",
)


def _first(actors: list[dict[str, Any]], key: str) -> Any:
    return next((a[key] for a in actors if a.get("code")), None)


def _event_row(record: dict[str, Any]) -> tuple[Any, ...]:
    mod = record["modality"]
    loc = record["location"] or {}
    return (
        record["id"], record["article_id"], record["sentence_index"], record["date"], record["date_granularity"],
        record["event"], record["mode"], record["cameo"], record["goldstein"], record["quad_code"],
        _first(record["actor"], "code"), _first(record["actor"], "sector"),
        _first(record["recipient"], "code"), _first(record["recipient"], "sector"),
        mod["negated"], mod["hypothetical"], mod["hedged"], mod["historical"], mod["ongoing"],
        (record["claimed_by"] or {}).get("code"), loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
        record["text"], json.dumps(record, ensure_ascii=False),
    )


class Store:
    """A DuckDB file holding coded articles and events."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.con.execute(SCHEMA)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}", code="T401") from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {r[0] for r in rows}

    def write(self, results: Iterable[ArticleResult]) -> tuple[int, int, int]:
        """Write a batch in one transaction; returns (articles, events, rejected) written."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        articles, events, errors = [], [], []
        for result in results:
            if result.rejected is not None:
                errors.append((result.rejected.origin, result.rejected.code, result.rejected.reason, now))
                continue
            a = result.article
            assert a is not None
            articles.append((a.id, a.date, a.title, a.url, a.source, a.origin, a.text, len(result.events), now))
            events.extend(_event_row(e.to_dict()) for e in result.events)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if articles:
                con.executemany("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
            if events:
                marks = ", ".join("?" * len(EVENT_COLUMNS))
                con.executemany(f"INSERT OR IGNORE INTO events VALUES ({marks})", events)
            if errors:
                con.executemany("INSERT INTO errors VALUES (?, ?, ?, ?)", errors)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return len(articles), len(events), len(errors)

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "errors")}  # type: ignore[index]

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def records(self) -> Iterator[dict[str, Any]]:
        for (record,) in self.con.execute("SELECT record FROM events ORDER BY date, id").fetchall():
            yield json.loads(record)
