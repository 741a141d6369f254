"""Check: no asserted event of a real news article dated before 1900 unless its own sentence names that time.

    .venv/bin/python benchmarks/old_dates.py                  # every article of ../shared/data/news (a few minutes)
    .venv/bin/python benchmarks/old_dates.py --review FILE    # also write the events to review, with their sentences, to FILE
    .venv/bin/python benchmarks/old_dates.py --corpus wikinews_2019.jsonl --corpus bbc_2004_2005.jsonl --sample 20

Codes every article of ``../shared/data/news`` and lists the asserted events (not negated, hypothetical or hedged)
dated before 1900. One is *named* when its date came from an expression in its own sentence (not carried from
another sentence) that is not a clock time ("1800 GMT", "at 1600"); every other one is a violation. Also counts,
per corpus, the asserted events flagged historical and where their dates came from (the event's clause, a
governing clause, a dated noun, what the act made, another sentence), the figures issue 19 started from, and
how many came from another sentence (the carry rule) and how many from their own sentence (the in-clause rules).
Two lists to read by hand: ``--sample N`` prints up to N historical events per corpus (ids, sentence index, date
and reason, never the text), and the review file holds every historical event and every asserted past-tense event
whose own sentence names a year over a year before the article without being flagged (possible misses).

The articles of the annotated test split (benchmarks/realnews/labels.jsonl) are counted but never listed for
reading: tuning looks only at the development split and at articles outside the annotated set.

Writes benchmarks/results/old_dates.json: ids, offsets, dates and reasons, never the articles' sentences (those
go only to ``--review``, a file outside the repository). Without ../shared/data/news, says so and exits 0.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
LABELS = ROOT / "benchmarks" / "realnews" / "labels.jsonl"
# Written independently of the time stage's own rules, so the check does not grade the stage by its own test.
CLOCK = re.compile(r"^(?:[01]\d|2[0-4])[0-5]\d$")
CLOCK_AFTER = re.compile(r"^\s*(?:hours?|hrs?|h\b|GMT|UTC|[A-Z]{2,4}T\b|local\b|[ap]\.?m\b)")
CLOCK_BEFORE = re.compile(r"(?:\bat|\baround|\babout|\buntil|\bbefore|\bafter|\bfrom|\bby)\s*$", re.IGNORECASE)


def asserted(event: Any) -> bool:
    m = event.modality
    return not (m.negated or m.hypothetical or m.hedged)


ORIGINS = (  # phrases of the time stages' date reasons (v2 and v1), in the order they are tested
    ("carried from", "another sentence"),
    ("earlier in the sentence", "an earlier time of the sentence ('three years later')"),
    ("just before it", "the clause a trailing participle clause goes on from"),
    ("in the complement of", "the complement of an attempt"),
    ("which says when", "a when-clause or participle clause"),
    ("coordinated clause", "a coordinated clause"),
    ("the event's word", "a date of the event's word"),
    ("tells of", "a dated noun the clause describes"),
    ("took part in", "a dated noun the act took part in"),
    ("made", "what the act made (at or before)"),
    ("governing clause", "governing clause"),
    ("event's clause", "event's clause"),
)


def origin(event: Any) -> str:
    """Where the event's date came from, read from its date reason."""
    reason = event.date_reason or ""
    return next((name for phrase, name in ORIGINS if phrase in reason), "article date")


def test_split_articles() -> frozenset[str]:
    """The ids of the articles in the annotated test split, which are never listed for reading."""
    if not LABELS.is_file():
        return frozenset()
    rows = (json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip())
    return frozenset(r["article"] for r in rows if r.get("split") == "test")


def rule(event: Any) -> str:
    """'carry' when the date came from another sentence, else 'in-clause'."""
    return "carry" if event.reasons.get("date_sentence") or "carried from" in (event.date_reason or "") else "in-clause"


YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")


def names_old_year(event: Any, year: int) -> bool:
    """The event's sentence names a year over a year before the article's ``year`` (a possible historical event)."""
    return any(int(y) < year - 1 for y in YEAR.findall(event.text))


def named_in_sentence(event: Any) -> bool:
    """The date came from an expression of the event's own sentence, and that expression is no clock time."""
    if not event.date_text or "carried from" in (event.date_reason or ""):
        return False
    text = event.text
    for m in re.finditer(re.escape(event.date_text), text):
        if CLOCK.match(event.date_text.strip()) and (CLOCK_AFTER.match(text[m.end():]) or CLOCK_BEFORE.search(text[: m.start()])):
            continue
        return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--before", type=int, default=1900, help="the year before which a date is checked")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "old_dates.json")
    ap.add_argument("--review", type=Path, default=None, help="write the early-dated events with their sentences here (outside the repository)")
    ap.add_argument("--corpus", action="append", default=[], help="a file of ../shared/data/news to code (default: all)")
    ap.add_argument("--sample", type=int, default=0, help="print up to N historical events per corpus (ids and reasons)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="a configuration override, e.g. stages.time.factory=tacitus.time.v1")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"old_dates: no news data at {NEWS}; nothing checked")
        return 0
    from tacitus.api import get_pipeline
    from tacitus.readers import iter_articles

    pipeline = get_pipeline(overrides=(f"stages.parse.n_process={args.processes}", *args.set))
    started = time.perf_counter()
    early: list[dict[str, Any]] = []
    review: list[dict[str, Any]] = []
    counts: dict[str, collections.Counter[str]] = {}
    sample: list[str] = []
    held_out = test_split_articles()
    paths = [NEWS / name for name in args.corpus] if args.corpus else sorted(NEWS.glob("*.jsonl"))
    for path in paths:
        c = counts.setdefault(path.name, collections.Counter())
        for result in pipeline.code_articles(iter_articles([path])):
            if result.article is None:
                continue
            c["articles"] += 1
            for e in result.events:
                c["early, any modality"] += e.date is not None and e.date.year < args.before
                if not asserted(e):
                    continue
                c["asserted"] += 1
                row = {"article": e.article_id, "sentence_index": e.sentence_index, "trigger": [e.trigger.start, e.trigger.end],
                       "event": e.event, "date": e.date.isoformat() if e.date else None, "granularity": e.date_granularity,
                       "historical": e.modality.historical, "date_reason": e.date_reason,
                       "date_sentence": e.reasons.get("date_sentence")}
                if e.modality.historical:
                    c["historical"] += 1
                    c[f"historical, dated from: {origin(e)}"] += 1
                    c[f"historical, by rule: {rule(e)}"] += 1
                    if e.article_id not in held_out:
                        review.append({**row, "review": "historical", "date_text": e.date_text, "sentence": e.text})
                    if c["historical"] <= args.sample and e.article_id not in held_out:
                        sample.append(f"{path.name} {e.article_id} sentence {e.sentence_index} {e.event} {row['date']} "
                                      f"[{rule(e)}{' from sentence ' + row['date_sentence'] if row['date_sentence'] else ''}]: {e.date_reason}")
                elif names_old_year(e, result.article.date.year):
                    c["not historical, sentence names a year over a year back"] += 1
                    if e.article_id not in held_out:
                        review.append({**row, "review": "possible miss", "date_text": e.date_text, "sentence": e.text})
                if e.date is None or e.date.year >= args.before:
                    continue
                named = named_in_sentence(e)
                c["early"] += 1
                c["early, not named in the sentence"] += not named
                early.append({**row, "named_in_sentence": named})
                if e.article_id not in held_out:
                    review.append({**row, "review": "early", "named_in_sentence": named, "date_text": e.date_text, "sentence": e.text})
    violations = [r for r in early if not r["named_in_sentence"]]
    result = {
        "before": args.before,
        "seconds": round(time.perf_counter() - started, 1),
        "corpora": {name: {**dict(sorted(c.items())),
                           "historical_share": round(c["historical"] / c["asserted"], 3) if c["asserted"] else None}
                    for name, c in counts.items()},
        "early_asserted_events": len(early),
        "violations": len(violations),
        "early": early,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "early"}, indent=2))
    print("\n".join(sample))
    for r in violations:
        print(f"VIOLATION {r['article']} sentence {r['sentence_index']} {r['event']} {r['date']}: {r['date_reason']}")
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.review is not None:
        args.review.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in review), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
