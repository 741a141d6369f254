"""Cost per word as an article grows: the stages after parsing must stay linear in the article's size.

    .venv/bin/python benchmarks/linear.py [--sizes 1000,2000,4000,8000,16000]

Builds synthetic articles by repeating the example corpus's sentences (and, as the worst case found so far,
one short event sentence) to each size, parses each once, then times the per-article stages alone. Prints
microseconds per word for parsing and for the stages, and writes benchmarks/results/linear.json. Roughly
constant stage cost per word means no stage scans the article once per event.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000", help="sentences per article")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "linear.json")
    args = ap.parse_args()
    from tacitus.api import get_pipeline
    from tacitus.model import Article
    from tacitus.readers import DEFAULT_MAX_CHARS, iter_articles

    pipeline = get_pipeline()
    examples = " ".join(a.text for a in iter_articles([ROOT / "examples"]) if isinstance(a, Article))
    sentences = [s.text for s in pipeline.parser.nlp(examples[:60000]).sents if len(s) > 3]
    shapes = {"one event sentence repeated": lambda n: "Iran attacked. " * n,
              "example sentences repeated": lambda n: " ".join(sentences[k % len(sentences)] for k in range(n))}
    rows = []
    for shape, build in shapes.items():
        for n in (int(x) for x in args.sizes.split(",")):
            article = Article(id=f"{n}", date=dt.date(2021, 7, 16), text=build(n))
            if len(article.text) > DEFAULT_MAX_CHARS:  # the reader rejects such an article (stages.read.max_chars)
                print(json.dumps({"shape": shape, "sentences": n, "skipped": f"over {DEFAULT_MAX_CHARS:,} characters"}))
                continue
            started = time.perf_counter()
            analysis = next(pipeline.parser([article]))
            parsed = time.perf_counter() - started
            words = len(analysis.doc)
            started = time.perf_counter()
            for step in pipeline.steps:
                analysis = step(analysis)
            stages = time.perf_counter() - started
            row = {"shape": shape, "sentences": n, "words": words, "events": len(analysis.events),
                   "parse_us_per_word": round(parsed / words * 1e6, 1), "stages_us_per_word": round(stages / words * 1e6, 1)}
            rows.append(row)
            print(json.dumps(row))
    args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
