"""Time of each stage against spaCy's parse on the example corpus (repeated for stable numbers).

Prints seconds per stage and its share of parse time; writes benchmarks/results/stages.json.
Usage: python benchmarks/stages.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "benchmarks/results/stages.json"))
    args = parser.parse_args()
    from tacitus.api import get_pipeline
    from tacitus.readers import Article, iter_articles
    from tacitus.stages.base import Analysis

    articles = [a for a in iter_articles([ROOT / "examples"]) if isinstance(a, Article)] * args.repeat
    pipeline = get_pipeline()
    nlp = pipeline.parser.nlp
    list(nlp.pipe([articles[0].text]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parse = time.perf_counter() - started
    names = pipeline.step_names  # switched-off stages (stages.NAME.enabled = false) are not run
    cost: Counter[str] = Counter()
    for article, doc in zip(articles, docs):
        analysis = Analysis(article=article, doc=doc)
        for name, step in zip(names, pipeline.steps):
            t = time.perf_counter()
            analysis = step(analysis)
            cost[name] += time.perf_counter() - t
    words = sum(len(a.text.split()) for a in articles)
    result = {"articles": len(articles), "words": words, "parse_seconds": round(parse, 3),
              "stages": {n: {"seconds": round(cost[n], 3), "share_of_parse": round(cost[n] / parse, 4)} for n in names},
              "all_stages_share_of_parse": round(sum(cost.values()) / parse, 4)}
    print(f"{len(articles)} articles, {words} words; parse {parse:.2f}s ({words / parse:.0f} words/s)")
    for n in names:
        print(f"  {n:<9} {cost[n]:.3f}s  {100 * cost[n] / parse:.1f}% of parse")
    print(f"  all stages after parse: {100 * sum(cost.values()) / parse:.1f}% of parse")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
