"""Real-news soak: `tacitus ingest` over every article under ../shared/data/news, as a user runs it.

    .venv/bin/python benchmarks/soak.py [--processes 2] [--limit N]

Prints and writes (benchmarks/results/soak.json): articles in, articles stored, rejected by code, sentences lost
to internal errors, events, wall time and the peak RSS of the ingest process and its workers. Without
../shared it says so and exits 0. ``soak_slice`` is what tests/test_soak.py runs on a fixed slice.
"""

from __future__ import annotations

import argparse
import collections
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
FILES = ("wikinews_2019.jsonl", "bbc_2004_2005.jsonl", "ag_news_2004_2005.jsonl")


def corpus(folder: Path, limit: int | None = None, per_file: int | None = None) -> int:
    """Copy the news articles (all, or the first ``per_file`` of each file, at most ``limit``) into ``folder``."""
    count = 0
    for name in FILES:
        with (NEWS / name).open(encoding="utf-8") as src, (folder / name).open("w", encoding="utf-8") as out:
            for k, line in enumerate(src):
                if (per_file is not None and k >= per_file) or (limit is not None and count >= limit):
                    break
                out.write(line)
                count += 1
    return count


def soak_slice(folder: Path, db: Path, *, processes: int, tacitus: str) -> dict[str, Any]:
    """Ingest ``folder`` into ``db`` with the CLI; the counts, from the store and the process."""
    started = time.perf_counter()
    proc = subprocess.run([tacitus, "ingest", str(folder), "--db", str(db), "--processes", str(processes)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    by_code = dict(con.execute("SELECT code, count(*) FROM errors GROUP BY code ORDER BY code").fetchall())
    con.close()
    return {"exit_status": proc.returncode, "summary": proc.stdout.strip().splitlines()[-1:] or [""],
            "stderr_tail": proc.stderr.strip().splitlines()[-3:], "articles_stored": stored, "events": events,
            "rejected_by_code": by_code, "wall_seconds": round(wall, 1),
            "peak_rss_mb_children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--tacitus", default=str(ROOT / ".venv" / "bin" / "tacitus"))
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "soak.json")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"soak: no news data at {NEWS}; nothing measured")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        count = corpus(folder, limit=args.limit)
        result = {"articles_in": count, **soak_slice(folder, Path(tmp) / "soak.duckdb", processes=args.processes, tacitus=args.tacitus)}
    codes = collections.Counter(result["rejected_by_code"])
    result["lost_to_internal_errors"] = codes.get("T900", 0)
    result["sentences_lost"] = codes.get("T901", 0)
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
