"""Accuracy on the PLOVER gold-standard records (../shared/data/plover-gsr).

Prints and writes benchmarks/results/accuracy.json:
- per-type precision, recall, F1 and macro-F1 over the 16 PLOVER types
  (a sentence counts as predicting type T when any event coded in it is T);
- triple F1 over (source country, target country, type);
- actor accuracy: share of gold source and target country codes found among the actors of
  the event tacitus codes for that sentence (the event of the gold type if there is one);
- CAMEO root accuracy: share of sentences with a gold-type event whose CAMEO root is one the
  CAMEO-to-PLOVER table maps to that type;
- location accuracy on records with an eventLoc;
- share of sentences with no event coded at all.

The gold records code what a sentence reports as having happened (intents count: AGREE,
THREATEN); so by default tacitus's negated and hypothetical events, which it keeps but flags
as not asserted, are left out of the comparison (--include-unasserted counts them).

Usage: python benchmarks/accuracy.py [--gold PATH] [--out PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import tacitus  # noqa: E402
from tacitus.cameo import PLOVER_TYPES, cameo_table  # noqa: E402

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# PLOVER 0.5b1 coded every intergovernmental body IGO; tacitus separates the UN and EU.
OUR_TO_GOLD = {"UNO": "IGO", "EUR": "IGO"}
ISO2_TO_3 = {"CH": "CHE", "IR": "IRN"}


def gold_codes(actors: object) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {OLD_CODES.get(a.get("code", ""), a.get("code", "")) for a in actors if a.get("code")}


def our_codes(actors: list) -> set[str]:
    return {OUR_TO_GOLD.get(a.code, a.code) for a in actors if a.code}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def type_roots() -> dict[str, set[str]]:
    roots: dict[str, set[str]] = defaultdict(set)
    for code in cameo_table().values():
        if code.plover_event:
            roots[code.plover_event].add(code.code[:2])
    return roots


@dataclass
class GoldItem:
    """One gold sentence: its type, source and target country codes, and (optionally) where it happened."""

    id: str
    text: str
    date: dt.date
    event: str
    source: set[str]
    target: set[str]
    location: dict | None = None


def evaluate(items: list[GoldItem], *, include_unasserted: bool = False) -> tuple[dict, dict[str, list[str]]]:
    """Code each gold sentence and score it; returns the result dict and the misses per type."""
    roots = type_roots()
    tp, fp, fn = Counter(), Counter(), Counter()
    triple = Counter()
    actor_hits = actor_total = 0
    cameo_hits = cameo_total = 0
    loc_hits = loc_total = 0
    silent = 0
    misses: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for item in items:
        gold = item.event
        events = tacitus.code_text(item.text, date=item.date)
        if not include_unasserted:
            events = [e for e in events if not (e.modality.negated or e.modality.hypothetical)]
        predicted = {e.event for e in events}
        if not events:
            silent += 1
        for t in PLOVER_TYPES:
            if t in predicted and t == gold:
                tp[t] += 1
            elif t in predicted:
                fp[t] += 1
            elif t == gold:
                fn[t] += 1
                misses[t].append(f"{item.id}: {item.text[:140]} -> {sorted(predicted)}")
        src, tgt = item.source, item.target
        gold_triples = {(s, t, gold) for s in src or {None} for t in tgt or {None}}
        pred_triples = {(s, t, e.event) for e in events for s in our_codes(e.actor) or {None} for t in our_codes(e.recipient) or {None}}
        triple["tp"] += len(gold_triples & pred_triples)
        triple["fp"] += len(pred_triples - gold_triples)
        triple["fn"] += len(gold_triples - pred_triples)
        best = next((e for e in events if e.event == gold), events[0] if events else None)
        found = (our_codes(best.actor) | our_codes(best.recipient)) if best else set()
        actor_total += len(src) + len(tgt)
        actor_hits += len(src & found) + len(tgt & found)
        same = [e for e in events if e.event == gold]
        if same:
            cameo_total += 1
            cameo_hits += same[0].cameo[:2] in roots[gold]
        loc = item.location
        if isinstance(loc, dict) and loc.get("name"):
            loc_total += 1
            names = {(e.location.name.lower(), e.location.country) for e in events if e.location}
            want_cc = ISO2_TO_3.get(loc.get("country code", ""), None)
            loc_hits += any(n == loc["name"].lower() or (want_cc and c == want_cc) for n, c in names)
    took = time.perf_counter() - started
    per_type = {t: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in prf(tp[t], fp[t], fn[t]))), support=tp[t] + fn[t]) for t in PLOVER_TYPES}
    macro = sum(v["f1"] for v in per_type.values()) / len(PLOVER_TYPES)
    tri = prf(triple["tp"], triple["fp"], triple["fn"])
    result = {
        "records": len(items),
        "macro_f1": round(macro, 3),
        "triple": {"precision": round(tri[0], 3), "recall": round(tri[1], 3), "f1": round(tri[2], 3)},
        "actor_accuracy": round(actor_hits / actor_total, 3) if actor_total else None,
        "cameo_root_accuracy": round(cameo_hits / cameo_total, 3) if cameo_total else None,
        "location_accuracy": round(loc_hits / loc_total, 3) if loc_total else None,
        "location_records": loc_total,
        "no_event_share": round(silent / len(items), 3) if items else None,
        "per_type": per_type,
        "seconds": round(took, 1),
        "unasserted_counted": bool(include_unasserted),
        "tacitus": tacitus.__version__,
    }
    return result, misses


def report(result: dict, misses: dict[str, list[str]], out: str, errors: int) -> None:
    """Write the result as JSON to ``out`` and print the table, the summary and ``errors`` misses per type."""
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for t, v in result["per_type"].items():
        print(f"{t:<10} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f} {v['support']:>4}")
    tri = result["triple"]
    print(f"macro-F1 {result['macro_f1']:.3f}  triple F1 {tri['f1']:.3f} (P {tri['precision']:.3f} R {tri['recall']:.3f})")
    print(f"actor accuracy {result['actor_accuracy']}  CAMEO root accuracy {result['cameo_root_accuracy']}  "
          f"location accuracy {result['location_accuracy']} (n={result['location_records']})  no-event share {result['no_event_share']}")
    print(f"{result['records']} records in {result['seconds']}s -> {out}")
    for t, lines in misses.items():
        for line in lines[:errors]:
            print(f"MISS {t}: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT.parent / "shared/data/plover-gsr/PLOVER_GSR_CAMEO.json"))
    parser.add_argument("--out", default=str(ROOT / "benchmarks/results/accuracy.json"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per type")
    parser.add_argument("--include-unasserted", action="store_true",
                        help="count negated and hypothetical events as predictions too (by default only events "
                             "reported as having happened are compared with the gold codings)")
    args = parser.parse_args()
    records = [r for r in json.loads(Path(args.gold).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    items = [
        GoldItem(r["id"], r["text"], dt.date.fromisoformat(r.get("date", "2000-01-01")), OLD_TYPES.get(r["event"], r["event"]),
                 gold_codes(r.get("source")), gold_codes(r.get("target")), r.get("eventLoc"))
        for r in records
    ]
    result, misses = evaluate(items, include_unasserted=args.include_unasserted)
    report(result, misses, args.out, args.errors)


if __name__ == "__main__":
    main()
