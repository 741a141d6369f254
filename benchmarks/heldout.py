"""Accuracy on news sentences written for the project and never used to write rules (held out).

The development set (../shared/data/plover-gsr) is what the lexicon and the rules were tuned on;
this set checks that they generalise. benchmarks/heldout/news.jsonl holds one sentence per line
with the main event it reports (``event``) and the country codes of its source and target
(``source``, ``target``; IGO and NGO for organisations). It was written from scratch, without
looking at the lexicon, the rules or the development sentences; nothing in src/ may be changed
to fit it (add to it instead, and keep its sentences out of the lexicon's tests).

Prints the same figures as benchmarks/accuracy.py and writes benchmarks/results/heldout.json.

Usage: python benchmarks/heldout.py [--gold PATH] [--out PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from accuracy import ROOT, GoldItem, evaluate, report


def load(path: Path) -> list[GoldItem]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            items.append(GoldItem(r["id"], r["text"], dt.date.fromisoformat(r["date"]), r["event"], set(r["source"]), set(r["target"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(f"{path}:{number}: bad held-out record ({exc}); each line needs id, date, text, event, source, target")
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "benchmarks/heldout/news.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "benchmarks/results/heldout.json"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per type")
    args = parser.parse_args()
    result, misses = evaluate(load(Path(args.gold)))
    report(result, misses, args.out, args.errors)


if __name__ == "__main__":
    main()
