"""Agreement between the two real-news annotators, and the list of sentences to adjudicate.

    .venv/bin/python tools/realnews_agreement.py --dir /tmp/annot [--json benchmarks/results/realnews_agreement.json]

Reads ``sample.jsonl`` (tools/realnews_sample.py) and the annotators' ``A/OUT-*.jsonl`` and ``B/OUT-*.jsonl``
(the brief's output form). Prints and writes:
  - Cohen's kappa on the event type, with one categorical label per sentence (the set of PLOVER types it
    reports, "NONE" when it reports none), and on "is there an event here";
  - event-level agreement: F1 of B's events against A's, matching type, then type + source + target codes;
  - ``DISAGREE.jsonl`` in the same folder: every sentence where the two differ, with both codings, for the
    adjudicator.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any


def load(path: Path) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for files in sorted(path.glob("OUT-*.jsonl")):
        for lineno, line in enumerate(files.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out[int(row["n"])] = list(row["events"])
            except (ValueError, KeyError, TypeError) as exc:
                raise SystemExit(f"{files}:{lineno}: not an annotation line ({exc})") from None
    return out


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def key(e: dict[str, Any], parties: bool) -> tuple[Any, ...]:
    if not parties:
        return (e["type"],)
    return (e["type"], tuple(sorted(e.get("source") or [])), tuple(sorted(e.get("target") or [])))


def matched(a: list[dict[str, Any]], b: list[dict[str, Any]], parties: bool) -> int:
    left = collections.Counter(key(e, parties) for e in a)
    right = collections.Counter(key(e, parties) for e in b)
    return sum((left & right).values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    sample = {json.loads(line)["n"]: json.loads(line) for line in (args.dir / "sample.jsonl").open(encoding="utf-8")}
    a, b = load(args.dir / "A"), load(args.dir / "B")
    missing = [n for n in sample if n not in a or n not in b]
    if missing:
        print(f"{len(missing)} sentences lack a coding (first: {missing[:5]})", file=sys.stderr)
    ns = [n for n in sorted(sample) if n in a and n in b]
    label_a = ["+".join(sorted({e["type"] for e in a[n]})) or "NONE" for n in ns]
    label_b = ["+".join(sorted({e["type"] for e in b[n]})) or "NONE" for n in ns]
    any_a = [str(bool(a[n])) for n in ns]
    any_b = [str(bool(b[n])) for n in ns]
    result: dict[str, Any] = {
        "sentences": len(ns),
        "sentences_with_event": {"A": sum(x == "True" for x in any_a), "B": sum(x == "True" for x in any_b)},
        "events": {"A": sum(len(a[n]) for n in ns), "B": sum(len(b[n]) for n in ns)},
        "kappa_type": round(kappa(label_a, label_b), 3),
        "kappa_event_present": round(kappa(any_a, any_b), 3),
        "raw_agreement_type": round(sum(x == y for x, y in zip(label_a, label_b)) / len(ns), 3),
    }
    for parties, name in ((False, "type"), (True, "type_source_target")):
        both = sum(matched(a[n], b[n], parties) for n in ns)
        result[f"event_f1_{name}"] = round(2 * both / (result["events"]["A"] + result["events"]["B"]), 3)
    disagree = []
    for n in ns:
        if sorted(map(lambda e: key(e, True) + (e.get("status"),), a[n])) != sorted(map(lambda e: key(e, True) + (e.get("status"),), b[n])):
            row = sample[n]
            disagree.append({"n": n, "article": row["article"], "date": row["date"], "previous": row["previous"],
                             "sentence": row["sentence"], "A": a[n], "B": b[n]})
    result["sentences_to_adjudicate"] = len(disagree)
    with (args.dir / "DISAGREE.jsonl").open("w", encoding="utf-8") as out:
        for row in disagree:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
