"""The query layer under ``analytics`` and the web API: a store opened read-only for one query, and the
conditions on its events (date range, filters) as one WHERE clause with its parameters bound in order.

Every value a user gives is bound as a parameter; only column names and fixed SQL fragments, chosen by
the code from its own tables, are written into the SQL text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .store import Store

if TYPE_CHECKING:
    import duckdb

__all__ = ["Where", "read_only"]


@contextmanager
def read_only(db: str | Path, *, wait: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the store at ``db``, opened read-only for the length of the ``with`` block.

    ``wait``: wait while an ingest holds the store (``Store.open_when_free``, as the CLI's reading commands
    do) rather than fail at once (as the web API does, answering 503 with Retry-After).
    """
    with Store.open_when_free(db, read_only=True) if wait else Store(db, read_only=True) as store:
        yield store.con


class Where:
    """Conditions joined by AND, each with its parameters, bound in the order they are added."""

    def __init__(self, *clauses: str) -> None:
        self.clauses: list[str] = list(clauses)
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> Where:
        """One more condition; ``params`` fill its ``?`` placeholders."""
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def date_range(self, column: str, start: dt.date | None, end: dt.date | None) -> Where:
        """``column`` on or after ``start`` and on or before ``end``; either may be None (no bound)."""
        if start is not None:
            self.add(f"{column} >= ?", start)
        if end is not None:
            self.add(f"{column} <= ?", end)
        return self

    def sql(self, keyword: str = "WHERE") -> str:
        """`` WHERE a AND b`` (or `` AND a AND b`` with ``keyword="AND"``, to follow a fixed condition); "" for none."""
        return f" {keyword} " + " AND ".join(self.clauses) if self.clauses else ""
