"""The server's read-only connection to the store, shared by every request, given up for a writer.

Opening the store costs more than most of the web API's queries (attaching the file, checking its
schema), so ``StoreReader`` keeps one read-only DuckDB connection and gives each request its own cursor
on it (a cursor is a connection to the same database: requests run side by side). DuckDB lets no
process write a file that another process has open, so the connection is closed

- when an ingest waits for the store (its marker file is fresh, ``tacitus.store.writer_waiting``):
  requests then wait, up to ``wait_seconds``, for the ingest to write its batch, then reopen it;
- after ``idle_seconds`` without a request, so that any other writer gets in too.

While the connection is open nobody writes the file, so what the server reads is never stale, and
``run`` keeps the answers it computed (up to ``CACHE_SIZE``) until the connection is closed: the same
view asked again meanwhile is answered without a query.
Each query runs on one thread (``THREADS``): the server answers many small queries side by side, one per
request, and DuckDB's hand-off of a small query's work to its other threads cost more than it saved (a
count over the example store: 2.0 ms on two threads, 0.35 ms on one; benchmarks/web_load.py). A store
with ``BIG_STORE`` events or more keeps DuckDB's default, so that one large query still uses every core.
A query running past ``seconds`` is interrupted (StoreError T407), as is one whose client went away
(``interrupt``).
"""

from __future__ import annotations

import atexit
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..store import Store, writer_waiting

if TYPE_CHECKING:
    import duckdb

__all__ = ["BIG_STORE", "CACHE_SIZE", "THREADS", "StoreReader"]

CACHE_SIZE = 512  # answers kept while the connection stays open
THREADS = 1  # DuckDB threads per query, for a store of fewer than BIG_STORE events
BIG_STORE = 1_000_000
_OPEN: weakref.WeakSet[StoreReader] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """Close every shared connection before the interpreter finalises: a DuckDB connection destroyed during
    finalisation (from the idle thread, or by the garbage collector) aborts the process."""
    for reader in list(_OPEN):
        reader.close()


class StoreReader:
    """One read-only connection to the store at ``path``, a cursor per request (see the module docstring)."""

    def __init__(self, path: str | Path, *, seconds: float = 10.0, idle_seconds: float = 1.0,
                 wait_seconds: float = 2.0) -> None:
        self.path = str(path)
        self.seconds = seconds
        self.idle_seconds = idle_seconds
        self.wait_seconds = wait_seconds
        self._cond = threading.Condition()
        self._store: Store | None = None
        self._busy = 0
        self._last = 0.0
        self._janitor: threading.Thread | None = None
        self._cache: OrderedDict[Any, Any] = OrderedDict()
        self.opened = 0  # how many times the store was opened (tests and benchmarks read it)

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the shared connection for one request; interrupted after ``seconds``."""
        import duckdb

        cursor = self._acquire()
        timer = threading.Timer(self.seconds, cursor.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield cursor
        except duckdb.Error as exc:
            if "interrupt" in str(exc).lower():
                raise StoreError(f"query interrupted after {self.seconds:g} s or when its client went away",
                                 code="T407") from None
            raise
        finally:
            timer.cancel()
            try:
                cursor.close()
            finally:
                self._release()

    def run(self, fn: Callable[..., Any], *args: Any, on_cursor: Callable[[Any], None] | None = None,
            **kwargs: Any) -> Any:
        """``fn(cursor, *args, **kwargs)``, or its answer from before if the store has stayed open since
        (arguments must be hashable). ``on_cursor`` is told the cursor (to interrupt it)."""
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        with self._cond:
            if self._store is not None and key in self._cache and not writer_waiting(self.path):
                self._cache.move_to_end(key)
                return self._cache[key]
        with self.connect() as cursor:
            if on_cursor is not None:
                on_cursor(cursor)
            result = fn(cursor, *args, **kwargs)
            with self._cond:
                self._cache[key] = result
                if len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return result

    def close(self) -> None:
        """Close the shared connection now (it reopens on the next request)."""
        with self._cond:
            self._close()

    def _acquire(self) -> Any:
        deadline = time.monotonic() + self.wait_seconds
        with self._cond:
            while True:
                if writer_waiting(self.path):
                    if self._busy == 0:
                        self._close()
                elif self._store is None:
                    self._open()
                if self._store is not None and not writer_waiting(self.path):
                    cursor = self._store.con.cursor()
                    cursor.execute("USE store")  # a cursor starts in the in-memory catalog
                    self._busy += 1
                    return cursor
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreError("the store is being written by an ingest", code="T406")
                self._cond.wait(min(0.05, left))

    def _open(self) -> None:
        try:
            self._store = Store(self.path, read_only=True)
        except StoreError as exc:
            if "lock" not in str(exc).lower():
                raise
            return  # a writer has it: wait
        self.opened += 1
        _OPEN.add(self)
        con = self._store.con
        if con.execute("SELECT count(*) FROM events").fetchone()[0] < BIG_STORE:  # type: ignore[index]
            con.execute(f"SET threads = {THREADS}")
        self._last = time.monotonic()
        if self._janitor is None or not self._janitor.is_alive():
            self._janitor = threading.Thread(target=self._close_when_idle, name="tacitus-store-idle", daemon=True)
            self._janitor.start()

    def _release(self) -> None:
        with self._cond:
            self._busy -= 1
            self._last = time.monotonic()
            if self._busy == 0 and writer_waiting(self.path):
                self._close()
            self._cond.notify_all()

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._cache.clear()
            self._cond.notify_all()

    def _close_when_idle(self) -> None:
        """Runs while the connection is open: closes it after ``idle_seconds`` without a request, or as soon
        as no request runs and a writer waits."""
        import sys

        while True:
            time.sleep(min(0.1, self.idle_seconds / 2))
            if sys.is_finalizing():
                return
            with self._cond:
                if self._store is None:
                    return
                idle = time.monotonic() - self._last > self.idle_seconds
                if self._busy == 0 and (idle or writer_waiting(self.path)):
                    self._close()
                    return
