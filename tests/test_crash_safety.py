"""Kill -9 an ingest at random points, re-run it, and get exactly the tables of an uninterrupted run."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TACITUS = [sys.executable, "-m", "tacitus.cli"]


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([*TACITUS, "ingest", str(corpus), "--db", str(db), "--batch-size", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def _tables(db: Path) -> dict[str, list]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute("SELECT id, date, n_events FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT * EXCLUDE (reasons), reasons::VARCHAR FROM events ORDER BY id").fetchall(),
            "event_actors": con.execute("SELECT * FROM event_actors ORDER BY ALL").fetchall(),
            "clusters": con.execute("SELECT id, n_mentions, articles FROM clusters ORDER BY id").fetchall(),
            "errors": con.execute("SELECT origin, code FROM errors ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


@pytest.mark.slow
def test_kill_9_then_rerun_gives_the_same_tables(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples", corpus)
    reference = tmp_path / "ref.duckdb"
    assert _ingest(corpus, reference).wait(timeout=300) == 0
    expected = _tables(reference)
    assert expected["articles"] and expected["events"]

    db = tmp_path / "crash.duckdb"
    rng = random.Random(20211016)
    kills = 0
    for _ in range(2):  # two crashes at random points, each followed by a re-run that may crash again
        proc = _ingest(corpus, db)
        # kill at a random point of the writing: once the store file exists (the model loaded), not after a fixed
        # time that a fast machine may outrun
        waited = 0.0
        while not db.exists() and proc.poll() is None and waited < 120:
            time.sleep(0.05)
            waited += 0.05
        time.sleep(rng.uniform(0.0, 1.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert _ingest(corpus, db).wait(timeout=300) == 0
    assert kills >= 1, "the ingest finished before it could be killed; the test proves nothing"
    got = _tables(db)
    for table in expected:
        missing = set(map(repr, expected[table])) - set(map(repr, got[table]))
        extra = set(map(repr, got[table])) - set(map(repr, expected[table]))
        assert not missing and not extra, f"{table}: {len(missing)} rows lost, {len(extra)} rows extra, e.g. {sorted(missing | extra)[:2]}"


@pytest.mark.slow
def test_readers_get_answers_while_ingest_writes(tmp_path):
    """DuckDB has one writer per file: ingest holds it only per batch, so readers get in between."""
    import duckdb

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples", corpus)
    db = tmp_path / "live.duckdb"
    proc = _ingest(corpus, db)
    answers, refused = 0, 0
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            con = duckdb.connect(str(db), read_only=True)
            con.execute("SELECT count(*) FROM articles").fetchone()
            con.close()
            answers += 1
        except duckdb.Error:
            refused += 1
        time.sleep(0.05)
    assert proc.wait(timeout=120) == 0, "ingest must wait for readers, not fail"
    assert answers > 0, f"no read got through during the ingest ({refused} refused)"
