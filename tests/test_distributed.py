"""The Dask engine on a 2-worker LocalCluster: date-partitioned Parquet, queryable from DuckDB, resumable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tacitus.config import load_config
from tacitus.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_dask_ingest_writes_partitioned_parquet(tmp_path):
    from dask.distributed import Client, LocalCluster

    from tacitus.distributed import ingest_dask, partition_inputs

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((ROOT / "examples").glob("*.txt"))[:6]:
        shutil.copy(path, corpus / path.name)
    (corpus / "broken.txt").write_text("no date here", encoding="utf-8")
    parts, missing = partition_inputs([corpus], 3)
    assert len(parts) == 3 and not missing and sorted(sum(parts, [])) == sorted(str(p) for p in corpus.iterdir())

    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        first = ingest_dask([corpus], out, config=load_config(), client=client, partitions=3)
        again = ingest_dask([corpus], out, config=load_config(), client=client, partitions=3)
    assert first.articles == 6 and first.rejected == 1 and first.events > 0
    assert again.articles == 0 and again.skipped == 6  # every partition was already done
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months and all(m.startswith("month=") for m in months)
    with Store(out / "tacitus.duckdb", read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == 6 and counts["events"] == first.events and counts["errors"] == 1
        assert counts["clusters"] >= 1
        assert store.query("SELECT count(*) FROM events WHERE strftime(date, '%Y-%m') IS NOT NULL")[0][0] == first.events
