"""Code a corpus into the DuckDB store: streaming, batched, idempotent and resumable."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .memory import release_garbage, steady_heap
from .model import Article
from .pipeline import Pipeline
from .readers import Rejected
from .store import Store

__all__ = ["IngestSummary", "ingest"]


@dataclass
class IngestSummary:
    articles: int = 0
    events: int = 0
    rejected: int = 0
    skipped: int = 0
    clusters: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"ingested {self.articles} articles ({self.events} events), skipped {self.skipped} already stored, "
                f"rejected {self.rejected} in {self.seconds:.1f}s ({rate:.1f} articles/s); {self.clusters} deduplicated events")


def _new_only(db: str | Path, items: Iterable[Article | Rejected], summary: IngestSummary, chunk: int = 256) -> Iterator[Article | Rejected]:
    """Drop articles already in the store, looking ids up a chunk at a time (streaming)."""
    iterator = iter(items)
    seen: set[str] = set()
    while True:
        block = list(itertools.islice(iterator, chunk))
        if not block:
            return
        with Store.open_when_free(db) as store:
            known = store.known_ids(i.id for i in block if isinstance(i, Article))
        for item in block:
            if isinstance(item, Article):
                if item.id in known or item.id in seen:
                    summary.skipped += 1
                    continue
                seen.add(item.id)
            yield item


def _progress(total: int | None, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="art", disable=not enabled, dynamic_ncols=True, smoothing=0.1)


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    pipeline: Pipeline,
    date: dt.date | None = None,
    batch_size: int = 64,
    progress: bool = False,
    dedup_window_days: int = 1,
) -> IngestSummary:
    """Code every new article under ``paths`` into the store at ``db``.

    Each batch of ``batch_size`` articles is one transaction: after a crash, running the
    same command again stores exactly what an uninterrupted run would have. The store is
    opened only while a batch is written, so ``tacitus serve`` can read it in between.
    """
    steady_heap()  # memory stays flat however many articles go through
    summary = IngestSummary()
    started = time.perf_counter()
    Store.open_when_free(db).close()  # create it (and check its version) before coding anything
    items = _new_only(db, pipeline.read(paths, date=date), summary)
    bar = _progress(None, progress)
    batch = []
    try:
        for result in pipeline.code_articles(items):
            batch.append(result)
            if len(batch) >= batch_size:
                _flush(db, batch, summary, bar)
                batch = []
        if batch:
            _flush(db, batch, summary, bar)
    finally:
        bar.close()
    with Store.open_when_free(db) as store:
        summary.clusters = store.deduplicate(window_days=dedup_window_days)
    summary.seconds = time.perf_counter() - started
    return summary


def _flush(db: str | Path, batch: list, summary: IngestSummary, bar: Any) -> None:
    with Store.open_when_free(db) as store:
        articles, events, rejected = store.write(batch)
    summary.articles += articles
    summary.events += events
    summary.rejected += rejected
    bar.update(len(batch))
    release_garbage()
