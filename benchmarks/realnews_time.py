"""Real news, time: the historical flag and the dates of coded events against the targeted time labels (issue 19).

    .venv/bin/python benchmarks/realnews_time.py --split dev                # tune on this
    .venv/bin/python benchmarks/realnews_time.py --split test               # report on this
    .venv/bin/python benchmarks/realnews_time.py --split dev --errors /tmp/time-errors.jsonl

The labels (``benchmarks/realnews/time_labels.jsonl``, drawn by ``tools/time_sample.py`` and annotated by two
annotators, disagreements adjudicated) say for each event tacitus coded at sampling time whether its word names an
act, when it happened and the date the text gives it. This codes the same articles again, finds each labelled
event by its trigger, and reports, over the words that name an act:

- the historical flag's precision and recall (weighted by the inverse sampling rate, and raw counts);
- date right at its granularity (``tacitus.evaluation_time.date_right``): a labelled year, month, day or decade
  holds the system's date; an undated current act is dated within eight days of the article and not flagged;
- both by stratum (Wikinews, whose dates are real; BBC items, whose article date is a placeholder).

Writes benchmarks/results/realnews_time_<split>.json (ids, offsets and figures, never text). Without
../shared/data/news, says so and exits 0.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
LABELS = ROOT / "benchmarks" / "realnews" / "time_labels.jsonl"


def find_event(events: list[Any], trigger: tuple[int, int]) -> Any | None:
    """The coded event with this trigger, else one whose trigger overlaps it (negated events never count)."""
    live = [e for e in events if not e.modality.negated]
    exact = [e for e in live if (e.trigger.start, e.trigger.end) == trigger]
    if exact:
        return exact[0]
    near = [e for e in live if e.trigger.start < trigger[1] and trigger[0] < e.trigger.end]
    return near[0] if near else None


def scores(rows: list[dict[str, Any]]) -> dict[str, Any]:
    acts = [r for r in rows if r["event"] and r["found"]]

    def weighted(keep: Any) -> float:
        return sum(r["weight"] for r in acts if keep(r))

    tp = weighted(lambda r: r["historical"] and r["time"] == "historical")
    fp = weighted(lambda r: r["historical"] and r["time"] != "historical")
    fn = weighted(lambda r: not r["historical"] and r["time"] == "historical")
    raw = collections.Counter(
        ("tp" if r["time"] == "historical" else "fp") if r["historical"] else ("fn" if r["time"] == "historical" else "tn")
        for r in acts)
    right = weighted(lambda r: r["date_right"])
    dated = [r for r in acts if r["gold_date"] is not None]
    return {
        "items": len(rows), "found": sum(r["found"] for r in rows), "acts": len(acts),
        "annotated_historical": sum(r["time"] == "historical" for r in acts),
        "historical_flag": {"precision": round(tp / (tp + fp), 3) if tp + fp else None,
                            "recall": round(tp / (tp + fn), 3) if tp + fn else None, **dict(raw)},
        "date_right": round(right / weighted(lambda r: True), 3) if acts else None,
        "date_right_where_text_dates": round(sum(r["date_right"] for r in dated) / len(dated), 3) if dated else None,
        "text_dated_acts": len(dated),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--errors", type=Path, default=None, help="write the wrong flags and dates (ids, offsets, dates, reasons) as JSONL here")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="a configuration override")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"realnews_time: no news data at {NEWS}; nothing measured (the benchmark reads the articles from ../shared)")
        return 0
    if not args.labels.is_file():
        print(f"realnews_time: no time labels at {args.labels}; nothing measured")
        return 0
    from tacitus.api import get_pipeline
    from tacitus.evaluation_time import date_right, load_time_labels
    from tacitus.readers import iter_articles

    labels = [x for x in load_time_labels(args.labels) if args.split == "all" or x.split == args.split]
    wanted: dict[str, set[str]] = collections.defaultdict(set)
    for x in labels:
        wanted[x.corpus].add(x.article)
    pipeline = get_pipeline(overrides=(f"stages.parse.n_process={args.processes}", "stages.confidence.min_confidence=0", *args.set))
    started = time.perf_counter()
    events: dict[str, list[Any]] = {}
    dates: dict[str, Any] = {}
    for corpus, ids in sorted(wanted.items()):
        for result in pipeline.code_articles([a for a in iter_articles([NEWS / corpus]) if getattr(a, "id", None) in ids]):
            if result.article is not None:
                events[result.article.id] = result.events
                dates[result.article.id] = result.article.date
    seconds = time.perf_counter() - started
    rows = []
    for x in labels:
        e = find_event(events.get(x.article, []), x.trigger)
        historical = bool(e and e.modality.historical)
        rows.append({"article": x.article, "stratum": x.stratum, "trigger": list(x.trigger), "weight": x.weight,
                     "event": x.event, "time": x.time, "gold_date": x.date, "found": e is not None,
                     "historical": historical, "date": e.date.isoformat() if e and e.date else None,
                     "date_reason": e.date_reason if e else None,
                     "date_right": bool(e) and bool(date_right(x, e.date if e else None, historical, dates.get(x.article)))})
    groups = {"wikinews": [r for r in rows if r["stratum"] == "wikinews"], "bbc": [r for r in rows if r["stratum"].startswith("bbc")]}
    result = {"split": args.split, "labels": str(args.labels.relative_to(ROOT)) if args.labels.is_relative_to(ROOT) else str(args.labels),
              "all": scores(rows), **{k: scores(v) for k, v in groups.items()}, "coding_seconds": round(seconds, 1)}
    out = args.out or ROOT / "benchmarks" / "results" / f"realnews_time_{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as stream:
            for r in rows:
                if r["event"] and r["found"] and (not r["date_right"] or r["historical"] != (r["time"] == "historical")):
                    stream.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
