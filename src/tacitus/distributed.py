"""Past one machine: code input partitions on Dask workers into date-partitioned Parquet.

Layout under ``out``::

    events/month=YYYY-MM/part-<partition>-<n>.parquet   one row per event (the events table)
    event_actors/part-<partition>.parquet               one row per actor per role
    articles/part-<partition>.parquet                   the coded articles
    errors/part-<partition>.parquet                     rejected inputs
    _done/<partition>.json                              written last: the partition is complete
    tacitus.duckdb                                      views over the Parquet + deduplicated events

A partition whose ``_done`` marker exists is skipped, so a re-run after a crash codes only
what is missing. Every ``tacitus`` command that takes ``--db`` works on ``out/tacitus.duckdb``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .ingest import IngestSummary
from .model import Rejected
from .readers import expand_paths
from .store import EVENT_COLUMNS, SCHEMA, SCHEMA_VERSION, Store, insert_rows, result_rows

__all__ = ["code_partition", "ingest_dask", "open_parquet_store", "partition_inputs"]

_PIPELINES: dict[str, Any] = {}


def partition_inputs(paths: Iterable[str | Path], partitions: int) -> tuple[list[list[str]], list[Rejected]]:
    """Split the input files into at most ``partitions`` lists of about equal total size."""
    files, missing = [], []
    for item in expand_paths(paths):
        if isinstance(item, Rejected):
            missing.append(item)
        else:
            files.append(item)
    files.sort(key=lambda p: (-p.stat().st_size, str(p)))
    parts: list[list[str]] = [[] for _ in range(max(1, min(partitions, len(files))))]
    sizes = [0] * len(parts)
    for path in files:  # largest first into the lightest partition
        k = sizes.index(min(sizes))
        parts[k].append(str(path))
        sizes[k] += path.stat().st_size
    return [sorted(p) for p in parts if p], missing


def _partition_id(files: list[str]) -> str:
    return hashlib.sha1("\n".join(files).encode()).hexdigest()[:12]


def _pipeline(config: dict[str, Any]) -> Any:
    from .pipeline import Pipeline

    key = json.dumps(config, sort_keys=True)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(config)
    return _PIPELINES[key]


def _copy(con: Any, table: str, target: Path, *, partition_by_month: bool, pid: str) -> None:
    """Write a typed in-memory table to Parquet (by month for events)."""
    if partition_by_month:
        con.execute(
            f"COPY (SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM {table}) TO '{target}' "
            f"(FORMAT parquet, PARTITION_BY (month), FILENAME_PATTERN 'part-{pid}-{{i}}', OVERWRITE_OR_IGNORE true)"
        )
    else:
        target.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY {table} TO '{target / f'part-{pid}.parquet'}' (FORMAT parquet)")


def code_partition(files: list[str], out: str, config: dict[str, Any], date: dt.date | None) -> dict[str, int]:
    """Code one partition on a worker and write its Parquet files; returns counts."""
    import duckdb

    from .memory import steady_heap

    steady_heap()

    root = Path(out)
    pid = _partition_id(files)
    done = root / "_done" / f"{pid}.json"
    if done.exists():
        return {**json.loads(done.read_text()), "skipped": 1}
    pipeline = _pipeline(config)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = result_rows(pipeline.code_paths(files, date=date), now)
    con = duckdb.connect()
    con.execute(SCHEMA)  # typed tables, so that the Parquet schema never depends on the data
    insert_rows(con, rows)
    # which tables got rows (an event's wire row carries its actors in its last field)
    staged = {"events": bool(rows.events), "event_actors": any(r[-1] for r in rows.events), "articles": bool(rows.articles),
              "errors": bool(rows.errors)}
    for name, has_rows in staged.items():
        if has_rows:
            _copy(con, name, root / name, partition_by_month=name == "events", pid=pid)
    con.close()
    counts = {"articles": len(rows.articles), "events": len(rows.events), "rejected": len(rows.errors)}
    done.parent.mkdir(parents=True, exist_ok=True)
    done.write_text(json.dumps(counts))
    return counts


def open_parquet_store(out: str | Path, *, dedup_window_days: int = 1) -> Path:
    """Create ``out/tacitus.duckdb``: views over the Parquet files plus the deduplicated events."""
    import duckdb

    root = Path(out).resolve()
    db = root / "tacitus.duckdb"
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    for table in ("articles", "event_actors", "errors"):
        if any((root / table).glob("*.parquet")):
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{root / table}/*.parquet')")
    if any((root / "events").glob("*/*.parquet")):
        columns = ", ".join(EVENT_COLUMNS)
        con.execute(f"CREATE VIEW events AS SELECT {columns} FROM read_parquet('{root / 'events'}/*/*.parquet', hive_partitioning = true)")
    con.execute(SCHEMA)  # creates whatever is missing (empty tables) and clusters / mentions
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    con.close()
    with Store(db) as store:
        store.deduplicate(window_days=dedup_window_days)
    return db


def ingest_dask(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    config: dict[str, Any],
    date: dt.date | None = None,
    scheduler: str | None = None,
    partitions: int | None = None,
    progress: bool = False,
    client: Any = None,
) -> IngestSummary:
    """Code ``paths`` on a Dask cluster (``scheduler`` address, or a local cluster) into Parquet under ``out``."""
    from dask.distributed import Client, LocalCluster, as_completed

    started = time.perf_counter()
    summary = IngestSummary()
    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(own_cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts, missing = partition_inputs(paths, partitions or 4 * workers)
        summary.rejected += len(missing)
        Path(out).mkdir(parents=True, exist_ok=True)
        futures = [client.submit(code_partition, files, str(Path(out).resolve()), config, date, pure=False) for files in parts]
        for future in as_completed(futures):
            counts = future.result()
            if counts.get("skipped"):
                summary.skipped += counts["articles"]
                continue
            summary.articles += counts["articles"]
            summary.events += counts["events"]
            summary.rejected += counts["rejected"]
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    db = open_parquet_store(out)
    with Store(db, read_only=True) as store:
        summary.clusters = store.counts()["clusters"]
    summary.seconds = time.perf_counter() - started
    return summary
