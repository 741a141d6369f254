"""Real-news benchmark: tacitus's events against the annotated real-news sentences (benchmarks/realnews/labels.jsonl).

    .venv/bin/python benchmarks/realnews.py --split dev                 # tune on this
    .venv/bin/python benchmarks/realnews.py --split test --sections     # report on this, plus events per article by section

Reads the article text from ../shared/data/news at run time (the repository holds only ids, offsets and codes);
without it, says so and exits 0. An event is right when its type, source countries/IGO and target countries/IGO
all match an annotated event of the same sentence (every international organisation counts as ``IGO``); the main
figures compare asserted events (not negated, hypothetical or hedged) with the events the annotators called
asserted. ``asserted_meetings_as_participants`` scores the same events with meetings (CONSULT) compared by who took
part (source and target together, no target), as the PLOVER manual (2.4.2) codes a reciprocal meeting: it shows how
much of the gap is only who is called the host. Writes benchmarks/results/realnews_<split>.json.

Parties (issue 16): ``source_right_when_named`` / ``target_right_when_named`` are the shares of asserted events, paired
by type with an annotated asserted event of their sentence that names a source (``source_named`` of them) or a
target (``target_named``), whose source or target countries/IGO equal the annotated ones;
``asserted_without_coded_source`` is the share of asserted events with no coded source, over all sentences and
(``..._bbc_politics_wikinews``) over the BBC politics and Wikinews articles only.

Time (``time`` in the results): each asserted event matched to an annotated event of its sentence (by type, and
separately by position: the trigger inside the annotated quote) is scored on its historical flag (precision,
recall) and on date agreement (the time class, historical or not, agrees and, where the annotation marks the
words that date the event, ``date_text``, the system's date expression overlaps them), for all articles,
Wikinews (real dates) and the placeholder-dated BBC and AG News articles (2005-01-01 for every one: judge
"historical" mostly on Wikinews).

Location (the ``location`` block) is scored on system events paired by type with annotated events of the same
sentence, whatever their status: of the annotated events whose text says where they happened, the share the
system locates; of those located, the share in the annotated place's country (ISO-3) and the share naming the
annotated place (its words overlap the location's name, or the words read in the gazetteer or as a country
give the location); and how many events the system located where the annotators read no place, by how (the
text, the dateline, or inferred).
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
DISASTER = re.compile(r"\b(earthquake|quake|tsunami|flood|hurricane|typhoon|cyclone|landslide|avalanche|wildfire|"
                      r"explosion|blast|crash|derail|collapse|capsize|accident)", re.IGNORECASE)


def asserted(event: Any) -> bool:
    m = event.modality
    return not (m.negated or m.hypothetical or m.hedged)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--sections", action="store_true", help="also code the full BBC and AG News files: asserted events per article by section")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--errors", type=Path, default=None, help="write the wrong and missed events, the time misses and the location misses (ids, offsets and codes) as JSONL here")
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="score the events at or above this confidence (default 0: all; the model's F1 threshold is in its file)")
    ap.add_argument("--png", type=Path, default=None, help="reliability diagram (default: benchmarks/results/realnews_<split>_reliability.png)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="a configuration override, e.g. stages.time.factory=tacitus.time.v1 (the first release's dating)")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"realnews: no news data at {NEWS}; nothing measured (the benchmark reads the articles from ../shared)")
        return 0
    from tacitus.api import get_pipeline
    from tacitus.user_dictionaries import load_actor_dictionary
    from tacitus.evaluation import as_participants, load_labels, party_key, score_sentences
    from tacitus.readers import iter_articles

    labels = [s for s in load_labels(args.labels) if args.split == "all" or s.split == args.split]
    wanted: dict[str, set[str]] = collections.defaultdict(set)
    for s in labels:
        wanted[s.corpus].add(s.article)
    countries = frozenset(load_actor_dictionary(()).countries)
    threshold = args.min_confidence if args.min_confidence is not None else 0.0
    # every event is coded (and gets its confidence); the threshold is applied here, so calibration sees them all
    pipeline = get_pipeline(overrides=(f"stages.parse.n_process={args.processes}", "stages.confidence.min_confidence=0",
                                        *args.set))
    started = time.perf_counter()
    events_by_article: dict[str, list[Any]] = {}
    text_of: dict[str, str] = {}
    readings = PlaceReadings()
    lost = 0
    for corpus, ids in sorted(wanted.items()):
        articles = [a for a in iter_articles([NEWS / corpus]) if getattr(a, "id", None) in ids]
        for result in pipeline.code_articles(articles):
            if result.rejected is not None or result.article is None:
                lost += 1
                continue
            events_by_article[result.article.id] = result.events
            text_of[result.article.id] = result.article.text
    coding_seconds = time.perf_counter() - started

    def parties(actors: list[Any]) -> frozenset[str]:
        return party_key([a.country or a.code for a in actors if a.country or a.code], countries=countries)

    pairs_asserted, pairs_all, pairs_type, pairs_meetings = [], [], [], []
    present = collections.Counter()
    source_right = target_right = source_named = target_named = 0
    time_rows: list[dict[str, Any]] = []
    place: collections.Counter[str] = collections.Counter()
    disaster = collections.Counter()
    no_source = system_asserted = 0
    news_no_source = news_asserted = 0  # BBC politics and Wikinews articles (issue 16's goal: <= 15 % without a source)
    errors = []
    calibration: list[tuple[float, int]] = []
    calibration_articles: list[str] = []  # (each pair's article, for the interval of the calibration error)
    for s in labels:
        every = [e for e in events_by_article.get(s.article, []) if s.start <= e.trigger.start < s.end]
        gold_keys = {(g.type, party_key(g.source, countries=countries), party_key(g.target, countries=countries)) for g in s.events}
        calibration.extend((e.confidence, int((e.event, parties(e.actor), parties(e.recipient)) in gold_keys))
                           for e in every if e.confidence is not None)
        calibration_articles.extend(s.article for e in every if e.confidence is not None)
        system = [e for e in every if e.confidence is None or e.confidence >= threshold]
        sys_asserted = [e for e in system if asserted(e)]
        gold_asserted = [g for g in s.events if g.status == "asserted"]
        key_sys = [(e.event, parties(e.actor), parties(e.recipient)) for e in sys_asserted]
        key_gold = [(g.type, party_key(g.source, countries=countries), party_key(g.target, countries=countries)) for g in gold_asserted]
        pairs_asserted.append((key_gold, key_sys))
        pairs_meetings.append(([as_participants(k) for k in key_gold], [as_participants(k) for k in key_sys]))
        pairs_all.append(([(g.type, party_key(g.source, countries=countries), party_key(g.target, countries=countries)) for g in s.events],
                          [(e.event, parties(e.actor), parties(e.recipient)) for e in system]))
        pairs_type.append(([(k[0], frozenset(), frozenset()) for k in key_gold], [(k[0], frozenset(), frozenset()) for k in key_sys]))
        present[(bool(sys_asserted), bool(gold_asserted))] += 1
        system_asserted += len(sys_asserted)
        no_source += sum(1 for e in sys_asserted if not parties(e.actor))
        if s.stratum.startswith(("bbc:politics", "wikinews")):
            news_asserted += len(sys_asserted)
            news_no_source += sum(1 for e in sys_asserted if not parties(e.actor))
        if "disaster" in s.stratum or DISASTER.search(s.stratum):
            disaster["sentences"] += 1
            disaster["with_event"] += bool(sys_asserted)
        # parties and time on events whose type matches an annotated asserted event of the sentence
        unused = list(gold_asserted)
        for e in sys_asserted:
            g = next((g for g in unused if g.type == e.event), None)
            if g is None:
                continue
            unused.remove(g)
            if g.source:
                source_named += 1
                source_right += parties(e.actor) == party_key(g.source, countries=countries)
            if g.target:
                target_named += 1
                target_right += parties(e.recipient) == party_key(g.target, countries=countries)
        for e, g in pair_by_type(every, s.events):
            counts = score_place(e, g, text_of.get(s.article, ""), readings)
            place.update(counts)
            if args.errors is not None and (counts["events_with_annotated_place"] and not counts["place_right"]
                                            or any(k.startswith("located_without") for k in counts)):
                loc = e.location
                errors.append({"kind": "location", "article": s.article, "start": s.start, "trigger": [e.trigger.start, e.trigger.end],
                               "type": e.event, "gold_place": list(g.place) if g.place else None, "gold_country": g.place_country,
                               "location": None if loc is None else [loc.name, loc.country], "why": e.reasons.get("location")})
        time_rows.extend(time_matches(s, sys_asserted, text_of.get(s.article, "")))
        if args.errors is not None:
            from tacitus.evaluation import match

            _, extra, missed = match(key_gold, key_sys)
            for k in extra:
                errors.append({"article": s.article, "start": s.start, "kind": "wrong", "type": k[0], "source": sorted(k[1]), "target": sorted(k[2])})
            for k in missed:
                errors.append({"article": s.article, "start": s.start, "kind": "missed", "type": k[0], "source": sorted(k[1]), "target": sorted(k[2])})
            for r in time_matches(s, sys_asserted, text_of.get(s.article, "")):
                if r["match"] == "by_type" and not (r["class_agrees"] and r["text_agrees"]):
                    errors.append({"kind": "time", **r})

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    result: dict[str, Any] = {
        "split": args.split,
        "sentences": len(labels),
        "articles": len(events_by_article),
        "articles_lost": lost,
        "annotated_asserted_events": sum(len(k) for k, _ in pairs_asserted),
        "system_asserted_events": system_asserted,
        "asserted_type_source_target": score_sentences(pairs_asserted),
        "asserted_type_only": score_sentences(pairs_type),
        # the same, with meetings (CONSULT) compared by who took part, as the PLOVER manual codes reciprocal events
        "asserted_meetings_as_participants": {k: v for k, v in score_sentences(pairs_meetings).items() if k != "by_type"},
        "all_statuses_type_source_target": {k: v for k, v in score_sentences(pairs_all).items() if k != "by_type"},
        "event_here": {"precision": ratio(present[(True, True)], present[(True, True)] + present[(True, False)]),
                       "recall": ratio(present[(True, True)], present[(True, True)] + present[(False, True)])},
        "source_right_when_named": ratio(source_right, source_named),
        "target_right_when_named": ratio(target_right, target_named),
        "source_named": source_named,
        "target_named": target_named,
        "asserted_without_coded_source": ratio(no_source, system_asserted),
        "asserted_without_coded_source_bbc_politics_wikinews": ratio(news_no_source, news_asserted),
        "disaster_sentences_with_event": ratio(disaster["with_event"], disaster["sentences"]),
        "historical_flag": None,  # filled below from the time scores (asserted events matched by type)
        "time": time_scores(time_rows),
        "location": location_block(place),
        "confidence_threshold": threshold,
        "confidence_calibration": {**reliability(calibration, args.png or ROOT / "benchmarks" / "results" / f"realnews_{args.split}_reliability.png"),
                                   "expected_calibration_error_95": ece_interval(calibration, calibration_articles)},
        "coding_seconds": round(coding_seconds, 1),
    }
    result["historical_flag"] = {k: result["time"]["by_type"]["all"]["historical_flag"][k] for k in ("precision", "recall")}
    if args.sections:
        result["asserted_per_article_by_section"] = sections(pipeline, threshold)
    print(json.dumps(result, indent=2))
    out = args.out or ROOT / "benchmarks" / "results" / f"realnews_{args.split}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.errors is not None:
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    return 0


# --- time: the historical flag and the date against the annotated time class and date_text -----------------

PLACEHOLDER_NOTE = ("BBC and AG News articles carry a placeholder date (2005-01-01), so 'historical' (over a year before "
                    "the article) is judged mostly on Wikinews, whose articles carry their real dates")


def _date_span(event: Any, body: str, start: int, end: int) -> tuple[int, int] | str | None:
    """Where the event's date expression lies in the sentence; ``"carried"`` when it came from another sentence."""
    if not event.date_text:
        return None
    text = body[start:end]
    spots = [m.start() + start for m in re.finditer(re.escape(event.date_text), text)]
    if not spots:
        return "carried"
    best = min(spots, key=lambda p: abs(p - event.trigger.start))
    return best, best + len(event.date_text)


def time_matches(sentence: Any, system: list[Any], body: str) -> list[dict[str, Any]]:
    """One row per asserted system event matched to an annotated event of the sentence with a time class.

    ``by_type``: matched to an annotated event of the same type (any status), preferring the one whose quote holds
    the trigger, then the nearest; ``by_position``: to the annotated event whose quote holds the trigger, any type.
    """
    gold = [g for g in sentence.events if g.time is not None]
    group = "wikinews" if sentence.corpus.startswith("wikinews") else "placeholder_dated"
    rows: list[dict[str, Any]] = []

    def distance(g: Any, e: Any) -> int:
        a, b = g.quote
        return 0 if a <= e.trigger.start < b else min(abs(a - e.trigger.start), abs(b - e.trigger.start))

    def row(e: Any, g: Any, how: str) -> dict[str, Any]:
        span = _date_span(e, body, sentence.start, sentence.end)
        if g.date_text is None:
            text_agrees = True  # the annotators marked no date words: the time class alone decides
        else:
            text_agrees = isinstance(span, tuple) and span[0] < g.date_text[1] and g.date_text[0] < span[1]
        return {"match": how, "group": group, "article": sentence.article, "sentence_start": sentence.start,
                "trigger": [e.trigger.start, e.trigger.end], "type": e.event, "gold_time": g.time,
                "gold_date_text": list(g.date_text) if g.date_text else None, "historical": e.modality.historical,
                "date": e.date.isoformat() if e.date else None, "date_span": list(span) if isinstance(span, tuple) else span,
                "date_reason": e.date_reason, "class_agrees": e.modality.historical == (g.time == "historical"),
                "text_agrees": text_agrees}

    unused = list(gold)
    for e in sorted(system, key=lambda e: e.trigger.start):
        same = [g for g in unused if g.type == e.event]
        if same:
            g = min(same, key=lambda g: distance(g, e))
            unused.remove(g)
            rows.append(row(e, g, "by_type"))
        here = [g for g in gold if g.quote[0] <= e.trigger.start < g.quote[1]]
        if here:
            rows.append(row(e, min(here, key=lambda g: g.quote[1] - g.quote[0]), "by_position"))
    return rows


def time_scores(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Historical-flag precision/recall and date agreement, by matching and by corpus group."""
    def score(part: list[dict[str, Any]]) -> dict[str, Any]:
        tp = sum(1 for r in part if r["historical"] and r["gold_time"] == "historical")
        fp = sum(1 for r in part if r["historical"] and r["gold_time"] != "historical")
        fn = sum(1 for r in part if not r["historical"] and r["gold_time"] == "historical")
        agree = sum(1 for r in part if r["class_agrees"] and r["text_agrees"])
        return {"events": len(part), "annotated_historical": tp + fn,
                "historical_flag": {"precision": round(tp / (tp + fp), 3) if tp + fp else None,
                                    "recall": round(tp / (tp + fn), 3) if tp + fn else None, "tp": tp, "fp": fp, "fn": fn},
                "date_agreement": round(agree / len(part), 3) if part else None,
                "time_class_agreement": round(sum(r["class_agrees"] for r in part) / len(part), 3) if part else None}

    out: dict[str, Any] = {"note": PLACEHOLDER_NOTE,
                           "date_agreement_means": "the time class, historical or not, agrees and, where the annotators marked "
                                                   "the words that date the event (date_text), the system's date expression "
                                                   "overlaps them"}
    for how in ("by_type", "by_position"):
        part = [r for r in rows if r["match"] == how]
        out[how] = {"all": score(part), **{g: score([r for r in part if r["group"] == g]) for g in ("wikinews", "placeholder_dated")}}
    return out


STOP_WORDS = frozenset("the of a an and in at on".split())


class PlaceReadings:
    """What an annotated place's words can name: gazetteer places and dictionary countries, as (name, country) pairs
    in the form the place stage writes them (a country under the dictionary's name)."""

    def __init__(self) -> None:
        from tacitus.gazetteer import load_gazetteer
        from tacitus.user_dictionaries import load_actor_dictionary

        self.gazetteer = load_gazetteer()
        self.dictionary = load_actor_dictionary(())

    def __call__(self, words: str) -> set[tuple[str, str]]:
        tokens = self.gazetteer.tokenize(words)
        out: set[tuple[str, str]] = set()
        for i in range(len(tokens)):
            for j in range(i + 1, min(len(tokens), i + 6) + 1):
                part = tokens[i:j]
                for p in self.gazetteer.lookup(part, case_sensitive=False):
                    entry = self.dictionary.countries.get(p.country) if p.kind == "country" else None
                    out.add((entry.name if entry else p.name, p.country))
                for entry in self.dictionary.lookup(part) or self.dictionary.lookup([w.title() for w in part]):
                    if entry.kind == "country" and entry.country:
                        country = self.dictionary.countries.get(entry.country)
                        out.add((country.name if country else entry.name, entry.country))
        return out


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in STOP_WORDS}


def pair_by_type(system: list[Any], gold: tuple[Any, ...] | list[Any]) -> list[tuple[Any, Any]]:
    """System events paired one to one with annotated events of the same type, an event whose trigger lies in the
    annotated quote first, then the nearest."""
    pairs = []
    unused = list(system)
    for g in gold:
        same = [e for e in unused if e.event == g.type]
        if not same:
            continue
        e = min(same, key=lambda e: (not g.quote[0] <= e.trigger.start < g.quote[1], abs(e.trigger.start - g.quote[0])))
        unused.remove(e)
        pairs.append((e, g))
    return pairs


def place_right(location: Any, words: str, readings: Any) -> bool:
    """Whether a location names the annotated place words: shared words, or a reading of the words that is it."""
    if content_words(location.name) & content_words(words):
        return True
    return (location.name, location.country) in readings(words)


def location_source(event: Any) -> str:
    why = event.reasons.get("location", "")
    if "location" in event.modality.inferred:
        return "inferred"
    return "dateline" if why.startswith("dateline") else "text"


def score_place(event: Any, gold: Any, text: str, readings: Any) -> collections.Counter[str]:
    """The location counts of one system event paired with one annotated event."""
    out: collections.Counter[str] = collections.Counter()
    loc = event.location
    if gold.place is None:
        out["events_without_annotated_place"] += 1
        if loc is not None:
            out[f"located_without_annotated_place_from_{location_source(event)}"] += 1
        return out
    out["events_with_annotated_place"] += 1
    if loc is None:
        return out
    out["located"] += 1
    out["country_right"] += loc.country is not None and loc.country == gold.place_country
    out["place_right"] += place_right(loc, text[gold.place[0] : gold.place[1]], readings)
    return out


def location_block(counts: collections.Counter[str]) -> dict[str, Any]:
    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    located, annotated = counts["located"], counts["events_with_annotated_place"]
    return {
        "events_with_annotated_place": annotated,
        "located": located,
        "located_share": ratio(located, annotated),
        "country_right_of_located": ratio(counts["country_right"], located),
        "place_right_of_located": ratio(counts["place_right"], located),
        "country_recall": ratio(counts["country_right"], annotated),
        "place_recall": ratio(counts["place_right"], annotated),
        "events_without_annotated_place": counts["events_without_annotated_place"],
        "located_without_annotated_place": {k: counts[f"located_without_annotated_place_from_{k}"] for k in ("text", "dateline", "inferred")},
    }


def calibration_bins(pairs: list[tuple[float, int]], bins: int = 10) -> tuple[float, list[dict[str, Any]]]:
    """The expected calibration error over ``bins`` equal-width bins of (confidence, right) pairs, and the bins."""
    rows = []
    ece = 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (k == bins - 1 and p == 1.0)]
        if inside:
            mean_p = sum(p for p, _ in inside) / len(inside)
            right = sum(y for _, y in inside) / len(inside)
            ece += len(inside) / len(pairs) * abs(mean_p - right)
            rows.append({"bin": [lo, hi], "events": len(inside), "mean_confidence": round(mean_p, 3), "share_right": round(right, 3)})
    return ece, rows


def ece_interval(pairs: list[tuple[float, int]], articles: list[str], draws: int = 1000, seed: int = 0) -> list[float] | None:
    """A 95 % interval of the calibration error: articles drawn again with replacement (``draws`` times), their events
    together. A few hundred events move the error by about 0.01 to 0.02 from one sample to the next."""
    import random

    by_article: dict[str, list[tuple[float, int]]] = collections.defaultdict(list)
    for pair, article in zip(pairs, articles):
        by_article[article].append(pair)
    names = sorted(by_article)
    if len(names) < 2:
        return None
    rng = random.Random(seed)
    values = sorted(calibration_bins([p for a in rng.choices(names, k=len(names)) for p in by_article[a]])[0] for _ in range(draws))
    return [round(values[int(0.025 * draws)], 4), round(values[int(0.975 * draws) - 1], 4)]


def reliability(pairs: list[tuple[float, int]], png: Path, bins: int = 10) -> dict[str, Any]:
    """Expected calibration error over ``bins`` equal-width bins of (confidence, right) pairs, and a reliability
    diagram (the share right against the mean confidence per bin) written to ``png``."""
    if not pairs:
        return {"events": 0}
    ece, rows = calibration_bins(pairs, bins)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.5, 4.5))
    ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfect calibration")
    ax.plot([r["mean_confidence"] for r in rows], [r["share_right"] for r in rows], marker="o", label="tacitus")
    for r in rows:
        ax.annotate(str(r["events"]), (r["mean_confidence"], r["share_right"]), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlabel("confidence (mean per bin)")
    ax.set_ylabel("share of events right (type + source + target)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_title(f"Reliability, {len(pairs)} events; ECE {ece:.3f}", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    plt.close(fig)
    return {"events": len(pairs), "expected_calibration_error": round(ece, 4), "brier": round(brier(pairs), 4),
            "ranking_auc": ranking_auc(pairs), "bins": rows, "diagram": png.name}


def brier(pairs: list[tuple[float, int]]) -> float:
    """The mean squared gap between confidence and rightness (0 is perfect; lower is better)."""
    return sum((p - y) ** 2 for p, y in pairs) / len(pairs)


def ranking_auc(pairs: list[tuple[float, int]]) -> float | None:
    """How often a right event has a higher confidence than a wrong one (ties count half): the area under the ROC
    curve, None without both kinds."""
    right = [p for p, y in pairs if y]
    wrong = [p for p, y in pairs if not y]
    if not right or not wrong:
        return None
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return round(wins / (len(right) * len(wrong)), 4)


def sections(pipeline: Any, threshold: float) -> dict[str, dict[str, float]]:
    """Asserted events (at or above the confidence threshold) per article for every article of the BBC and AG News
    files, by section."""
    from tacitus.readers import iter_articles

    out = {}
    for corpus in ("bbc_2004_2005.jsonl", "ag_news_2004_2005.jsonl"):
        section = {json.loads(line)["id"]: json.loads(line).get("category") for line in (NEWS / corpus).open(encoding="utf-8")}
        count, events = collections.Counter(), collections.Counter()
        for result in pipeline.code_articles(iter_articles([NEWS / corpus])):
            if result.article is None:
                continue
            name = f"{corpus.split('_')[0]}:{section.get(result.article.id)}"
            count[name] += 1
            events[name] += sum(1 for e in result.events if asserted(e) and (e.confidence is None or e.confidence >= threshold))
        out.update({name: {"articles": count[name], "asserted_per_article": round(events[name] / count[name], 3)} for name in sorted(count)})
    return out


if __name__ == "__main__":
    sys.exit(main())
