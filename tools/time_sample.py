"""Draw the targeted time-annotation sample (issue 19): the events tacitus codes in real articles, to be dated by hand.

Run from the project root (venv built):

    .venv/bin/python tools/time_sample.py --out-dir /tmp/time-annot --seed 20261206

The real-news set (tools/realnews_sample.py) holds too few events from before the article's time to measure the
historical flag: about one event in twenty is history. This sample is targeted at them. Its items are the events
the pipeline codes (any status but negated); an annotator reads the event's word in its sentence, with the
paragraph before it, and says whether it is an act at all, when it happened (time class) and the date the text
gives it. The selection never looks at how tacitus dated an event, only at the text, so the historical flag's
precision and recall are measured without bias once each item is weighted by the inverse of its sampling rate:

- ``wikinews``: every event of every Wikinews 2019 article (their dates are real), weight 1;
- ``bbc:cue``: every event of a BBC politics or business article whose sentence or paragraph names an earlier time
  (a year before 2004, a decade, a century, "ago", "at the time", "previously", a past perfect), weight 1;
- ``bbc:rest``: a random fifth of the other BBC politics and business events, weight 5.

Writes, outside the repository (the news text must never enter it): ``items.jsonl`` (one line per item with the
text for the annotators) and ``ITEMS-<k>.jsonl`` chunks. The split is the real-news set's: a hash of the seed and
the article id, so an article is on the same side in both sets.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews_sample import NEWS, split_of  # noqa: E402

CUE = re.compile(
    r"\b(?:1[0-9]\d\d|200[0-3])\b|\b\d0s\b|\bcentury\b|\bcenturies\b|\bdecades?\b|\bago\b|\bat the time\b|"
    r"\bpreviously\b|\bearlier\b|\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|ne|wn|ld|ght|nt|de)\b",
    re.IGNORECASE,
)
REST_RATE = 0.2
MAX_CONTEXT = 700


def paragraph_before(text: str, start: int) -> str:
    """The paragraph's text before ``start`` (a blank line or a line break ends a paragraph), at most MAX_CONTEXT."""
    cut = max(text.rfind("\n", 0, start), -1) + 1
    before = text[cut:start].strip()
    return before[-MAX_CONTEXT:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--chunks", type=int, default=2)
    a = ap.parse_args()
    if not NEWS.is_dir():
        print(f"no news data at {NEWS}; nothing to sample", file=sys.stderr)
        return 0
    from tacitus.api import get_pipeline
    from tacitus.readers import iter_articles

    rng = random.Random(a.seed)
    cats = {json.loads(line)["id"]: json.loads(line).get("category") for line in open(NEWS / "bbc_2004_2005.jsonl", encoding="utf-8")}
    pipeline = get_pipeline(overrides=("stages.parse.n_process=2", "stages.confidence.min_confidence=0"))
    sources = (("wikinews_2019.jsonl", lambda art: True),
               ("bbc_2004_2005.jsonl", lambda art: cats.get(art.id) in ("politics", "business")))
    items: list[dict] = []
    for name, keep in sources:
        articles = [art for art in iter_articles([NEWS / name]) if hasattr(art, "text") and keep(art)]
        for result in pipeline.code_articles(articles):
            if result.article is None:
                continue
            art = result.article
            text = art.text
            seen: set[tuple[int, int]] = set()
            for e in sorted(result.events, key=lambda e: e.trigger.start):
                span = (e.trigger.start, e.trigger.end)
                if e.modality.negated or span in seen:
                    continue
                seen.add(span)
                s_start = text.find(e.text)
                while s_start != -1 and not (s_start <= e.trigger.start < s_start + len(e.text)):
                    s_start = text.find(e.text, s_start + 1)
                if s_start == -1:
                    continue
                s_end = s_start + len(e.text)
                context = paragraph_before(text, s_start)
                if name.startswith("wikinews"):
                    stratum, weight = "wikinews", 1.0
                elif CUE.search(context) or CUE.search(e.text):
                    stratum, weight = "bbc:cue", 1.0
                elif rng.random() < REST_RATE:
                    stratum, weight = "bbc:rest", 1 / REST_RATE
                else:
                    continue
                rel = e.trigger.start - s_start
                marked = e.text[:rel] + "[[" + e.text[rel:rel + e.trigger.end - e.trigger.start] + "]]" + e.text[rel + e.trigger.end - e.trigger.start:]
                items.append({"article": art.id, "corpus": name, "stratum": stratum, "weight": weight,
                              "split": split_of(a.seed, art.id),
                              "date": art.date.isoformat() if name.startswith("wikinews") else "2004 or early 2005 (exact date unknown)",
                              "sentence_start": s_start, "sentence_end": s_end,
                              "trigger": [e.trigger.start, e.trigger.end], "word": text[e.trigger.start:e.trigger.end],
                              "paragraph_before": context, "sentence": marked})
    rng.shuffle(items)
    a.out_dir.mkdir(parents=True, exist_ok=True)
    with open(a.out_dir / "items.jsonl", "w", encoding="utf-8") as out:
        for n, row in enumerate(items, 1):
            out.write(json.dumps(dict(row, n=n), ensure_ascii=False) + "\n")
    size = -(-len(items) // a.chunks)
    keys = ("n", "date", "paragraph_before", "sentence", "word")
    for k in range(a.chunks):
        with open(a.out_dir / f"ITEMS-{k + 1}.jsonl", "w", encoding="utf-8") as out:
            for n, row in enumerate(items[k * size:(k + 1) * size], k * size + 1):
                out.write(json.dumps({key: (n if key == "n" else row[key]) for key in keys}, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in items:
        counts[row["stratum"]] = counts.get(row["stratum"], 0) + 1
    print(f"{len(items)} items: {counts}; chunks of {size}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
