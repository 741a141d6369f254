"""Code a corpus into the DuckDB store: streaming, batched, idempotent and resumable."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .memory import release_garbage, steady_heap
from .model import Article, Rejected
from .pipeline import Pipeline
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
    sentences_lost: int = 0  # sentences an internal error kept out (their articles are stored)
    stored_meanwhile: int = 0  # coded here, but another run stored them first (nothing is lost)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        extra = f", {self.sentences_lost} sentences lost to internal errors" if self.sentences_lost else ""
        if self.stored_meanwhile:
            extra += f", {self.stored_meanwhile} coded but left out: another run stored them first"
        return (f"ingested {self.articles} articles ({self.events} events), skipped {self.skipped} already stored, "
                f"rejected {self.rejected}{extra} in {self.seconds:.1f}s ({rate:.1f} articles/s); "
                f"{self.clusters} deduplicated events")

    @property
    def partial(self) -> bool:
        """Some input was rejected or some sentence lost: the documented exit status 1."""
        return bool(self.rejected or self.sentences_lost)


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
    on_rejected: Callable[[Rejected], None] | None = None,
) -> IngestSummary:
    """Code every new article under ``paths`` into the store at ``db``.

    Each batch of ``batch_size`` articles is one transaction: after a crash, running the
    same command again stores exactly what an uninterrupted run would have. The store is
    opened only while a batch is written, so ``tacitus serve`` can read it in between.
    ``on_rejected`` is called with every rejected input and every sentence lost, as they are written.
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
                _flush(db, batch, summary, bar, on_rejected)
                batch = []
        if batch:
            _flush(db, batch, summary, bar, on_rejected)
    finally:
        bar.close()
    with Store.open_when_free(db) as store:
        summary.clusters = store.deduplicate(window_days=dedup_window_days)
    summary.seconds = time.perf_counter() - started
    return summary


def _flush(db: str | Path, batch: list, summary: IngestSummary, bar: Any,
           on_rejected: Callable[[Rejected], None] | None) -> None:
    with Store.open_when_free(db) as store:
        articles, events, _errors = store.write(batch)
    coded = sum(1 for r in batch if r.rejected is None and r.article is not None)
    summary.articles += articles
    summary.events += events
    summary.stored_meanwhile += coded - articles
    for result in batch:
        summary.rejected += result.rejected is not None
        summary.sentences_lost += len(result.errors)
        if on_rejected is not None:
            for rejection in ([result.rejected] if result.rejected is not None else []) + result.errors:
                on_rejected(rejection)
    bar.update(len(batch))
    release_garbage()
