"""Build ``benchmarks/realnews/labels.jsonl`` from the adjudicated annotation (ids, offsets and codes only).

    .venv/bin/python tools/realnews_labels.py --dir /tmp/annot --out benchmarks/realnews/labels.jsonl

Sentences both annotators coded alike take annotator A's coding (same types, codes and statuses; A's quotes);
the others take the adjudicator's (``ADJ.jsonl``). Every quote, date and place is turned into character offsets
into the article body, and checked to occur in the sentence; the text itself is not written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tacitus.evaluation import load_labels

CORPUS = {"wikinews": "wikinews_2019.jsonl", "bbc": "bbc_2004_2005.jsonl", "ag": "ag_news_2004_2005.jsonl"}


def offsets(sentence: str, start: int, words: str | None, what: str, n: int) -> list[int] | None:
    if words is None or words == "":
        return None
    at = sentence.find(words)
    if at < 0:
        raise SystemExit(f"sentence {n}: {what} {words!r} does not occur in the sentence")
    return [start + at, start + at + len(words)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--batch", type=int, default=None, help="the batch number written on each sentence (1 for the first)")
    ap.add_argument("--append", action="store_true",
                    help="add this batch to the sentences already in --out (a later batch: tools/realnews_sample.py --exclude)")
    args = ap.parse_args()
    sample = [json.loads(line) for line in (args.dir / "sample.jsonl").open(encoding="utf-8")]
    chosen: dict[int, list[dict]] = {}
    for path in sorted((args.dir / "A").glob("OUT-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            chosen[row["n"]] = row["events"]
    adjudicated = 0
    for line in (args.dir / "ADJ.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        chosen[row["n"]] = row["events"]
        adjudicated += 1
    lines: list[tuple[tuple[str, int], str]] = []  # (article, start) and the line, the earlier batches' kept as written
    if args.append and args.out.exists():
        lines = [((row["article"], row["start"]), line) for line in args.out.open(encoding="utf-8") if line.strip()
                 for row in (json.loads(line),)]
        have = {key for key, _ in lines}
        again = [(r["article"], r["start"]) for r in sample if (r["article"], r["start"]) in have]
        if again:
            raise SystemExit(f"{len(again)} sentences of this batch are already in {args.out} (first: {again[0]}); "
                             "draw the batch with --exclude")
    for row in sorted(sample, key=lambda r: (r["article"], r["start"])):
        n, sentence, start = row["n"], row["sentence"], row["start"]
        events = []
        for e in chosen[n]:
            events.append({
                "type": e["type"], "source": list(e.get("source") or []), "target": list(e.get("target") or []),
                "status": e["status"], "quote": offsets(sentence, start, e["quote"], "quote", n),
                "time": e.get("time"), "date_text": offsets(sentence, start, e.get("date_text"), "date_text", n),
                "place": offsets(sentence, start, e.get("place"), "place", n), "place_country": e.get("place_country"),
            })
        corpus = CORPUS[row["src"].split(":")[0].split("+")[0]]
        lines.append(((row["article"], start), json.dumps({"article": row["article"], "corpus": corpus, "stratum": row["src"], "split": row["split"],
                                 **({"batch": args.batch} if args.batch else {}), "start": start, "end": row["end"], "events": events}) + "\n"))
    lines.sort(key=lambda pair: pair[0])
    with args.out.open("w", encoding="utf-8") as out:
        out.writelines(line for _, line in lines)
    labels = load_labels(args.out)  # the file must load under its own schema
    print(f"{len(labels)} sentences ({adjudicated} adjudicated), {sum(len(s.events) for s in labels)} events; "
          f"test split {sum(s.split == 'test' for s in labels)} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
