"""Agreement of the two time annotators, the items to adjudicate, and ``benchmarks/realnews/time_labels.jsonl``.

    .venv/bin/python tools/time_labels.py --dir /tmp/time-annot --json benchmarks/results/realnews_time_agreement.json
    .venv/bin/python tools/time_labels.py --dir /tmp/time-annot --out benchmarks/realnews/time_labels.jsonl

Reads ``items.jsonl`` (tools/time_sample.py) and the annotators' ``A/OUT-*.jsonl`` and ``B/OUT-*.jsonl`` (the time
brief's form: n, event, time, date, date_text, date_from). Prints and writes Cohen's kappa on the time class (one
label per item: the class, or "none" when the word names no act), on "historical or not", and raw agreement on the
date; writes ``DISAGREE.jsonl`` (both labels of every item where the class or the date differ) for the adjudicator,
whose answers (``ADJ.jsonl``, same form) then decide those items. Every date text is turned into character offsets
into the article body (searched in the sentence, then backwards in the text before it); the text is not written.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews_agreement import kappa  # noqa: E402
from realnews_sample import NEWS  # noqa: E402


def load(folder: Path) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for lineno, line in enumerate(path.open(encoding="utf-8"), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                    out[int(row["n"])] = row
                except (ValueError, KeyError, TypeError) as exc:
                    raise SystemExit(f"{path}:{lineno}: not an annotation line ({exc})") from None
    return out


def klass(row: dict[str, Any]) -> str:
    """The item's class: its time class, or "none" when the word names no act."""
    if not row.get("event"):
        return "none"
    return row.get("time") or "none"


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return klass(a) == klass(b) and (a.get("date") or None) == (b.get("date") or None)


def date_offsets(text: str, item: dict[str, Any], words: str | None) -> list[int] | None:
    if not words:
        return None
    start, end = item["sentence_start"], item["sentence_end"]
    at = text.find(words, start, end)
    if at < 0:
        at = text.rfind(words, 0, start)
    if at < 0:
        print(f"item {item['n']}: date text {words!r} not found; kept without offsets", file=sys.stderr)
        return None
    return [at, at + len(words)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    items = {json.loads(line)["n"]: json.loads(line) for line in (args.dir / "items.jsonl").open(encoding="utf-8")}
    a, b = load(args.dir / "A"), load(args.dir / "B")
    ns = [n for n in sorted(items) if n in a and n in b]
    if len(ns) < len(items):
        print(f"{len(items) - len(ns)} items lack a label from both annotators", file=sys.stderr)
    ca, cb = [klass(a[n]) for n in ns], [klass(b[n]) for n in ns]
    both_acts = [n for n in ns if a[n].get("event") and b[n].get("event")]
    result = {
        "items": len(ns),
        "kappa_time_class": round(kappa(ca, cb), 3),
        "kappa_historical": round(kappa([str(x == "historical") for x in ca], [str(x == "historical") for x in cb]), 3),
        "kappa_event": round(kappa([str(x != "none") for x in ca], [str(x != "none") for x in cb]), 3),
        "raw_agreement_class": round(sum(x == y for x, y in zip(ca, cb)) / len(ns), 3),
        "raw_agreement_date_where_both_acts": round(
            sum((a[n].get("date") or None) == (b[n].get("date") or None) for n in both_acts) / len(both_acts), 3) if both_acts else None,
        "classes": {"A": dict(collections.Counter(ca)), "B": dict(collections.Counter(cb))},
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    differ = [n for n in ns if not same(a[n], b[n])]
    with open(args.dir / "DISAGREE.jsonl", "w", encoding="utf-8") as stream:
        for n in differ:
            item = items[n]
            stream.write(json.dumps({"n": n, "date": item["date"], "paragraph_before": item["paragraph_before"],
                                     "sentence": item["sentence"], "word": item["word"], "X": a[n], "Y": b[n]},
                                    ensure_ascii=False) + "\n")
    print(f"{len(differ)} items to adjudicate in {args.dir / 'DISAGREE.jsonl'}", file=sys.stderr)
    if not args.out:
        return 0
    adj = load(args.dir / "ADJ") if (args.dir / "ADJ").is_dir() else {}
    texts: dict[str, str] = {}
    from tacitus.readers import iter_articles

    for corpus in {item["corpus"] for item in items.values()}:
        texts.update({art.id: art.text for art in iter_articles([NEWS / corpus]) if hasattr(art, "text")})
    written = 0
    with open(args.out, "w", encoding="utf-8") as stream:
        for n in ns:
            item = items[n]
            if same(a[n], b[n]):
                chosen, how = a[n], "agreed"
            elif n in adj:
                chosen, how = adj[n], "adjudicated"
            else:
                continue
            event = bool(chosen.get("event"))
            stream.write(json.dumps({
                "article": item["article"], "corpus": item["corpus"], "stratum": item["stratum"], "weight": item["weight"],
                "split": item["split"], "sentence": [item["sentence_start"], item["sentence_end"]], "trigger": item["trigger"],
                "event": event, "time": chosen.get("time") if event else None, "date": (chosen.get("date") or None) if event else None,
                "date_text": date_offsets(texts[item["article"]], item, chosen.get("date_text")) if event else None,
                "how": how}) + "\n")
            written += 1
    print(f"{written} labels written to {args.out} ({len(differ) - sum(n in adj for n in differ)} disagreements not adjudicated)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
