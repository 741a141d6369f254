"""Train the confidence model (src/tacitus/data/confidence.json) on the development split of the real-news labels.

    .venv/bin/python tools/train_confidence.py --calibrate-file benchmarks/realnews/calibration.jsonl \
        --train-file benchmarks/realnews/dev_events.jsonl --train-file benchmarks/realnews/dev_misses.jsonl

(the command the shipped model was made with). Codes the dev articles (text from ../shared/data/news) with the
confidence stage off; every event in an annotated sentence is an example, right (1) when an annotated event of that
sentence has its type, source and target (countries, every IGO as "IGO"), else 0. A ridge-penalised logistic
regression (Newton steps, numpy) is fitted on standardised features (tacitus.confidence.features) of the dev events.
Two of the features come from a sentence classifier (a multinomial logistic regression over the mean of the parse's
token vectors in the sentence, trained here on every labelled dev sentence and shipped in the model file; each event
is read by a classifier fitted without its article's fold); ``--no-sentence-types`` leaves them out.

The rules were tuned by reading the errors of dev sentences, so dev events are right more often than those of an
article nobody read, and a map fitted on them is over-confident on new text (calibration error 0.11 on the test
split). ``--calibrate-file`` fits the map from score to probability (Platt or isotonic) instead on the events of a
calibration set: sentences of unread dev articles where tacitus codes an event, annotated like the rest and never
read for rules (``tools/realnews_sample.py --split dev --with-events``). Those events also train the weights, with the
dev events (on fresh events, dev-only weights ranked right above wrong with an area under the ROC curve of 0.68, these
0.74): every event is scored by weights fitted without its article's fold (cross-fitting), the map is fitted on the
calibration events' scores, and the shipped weights are fitted on all. Without
it the map is fitted on 5-fold out-of-fold scores of all dev (folds by article); ``--calibrate-on BATCH`` uses the dev
sentences of the labels' own batches instead (tried with batch 7: 64 events, too few). The reported
``cv_expected_calibration_error`` is nested: each fold of the calibrating events mapped by a curve fitted on the
others. The threshold is the lowest calibrated probability at which F1 of asserted events (type + source + target)
over the dev labels is within ``PLATEAU`` of its maximum: the curve is flat from 0 to about 0.17, and its argmax
there is noise that would drop a fifth of the events for nothing. The test split is never read.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
LABELS = ROOT / "benchmarks" / "realnews" / "labels.jsonl"
SMOOTHING = 4.0  # of the trigger prior: 4, 8 and 20 tried, by the ranking of the calibration events (AUC 0.765, 0.764, 0.762)
PLATEAU = 0.005  # F1 within this of the best counts as the best (the F1 curve over thresholds is flat near its top)
RIDGE = 10.0  # chosen by cross-validated calibration error on dev (2, 5, 10, 20, 50 tried on 1,936 sentences)
FOLDS = 5
# the sentence classifier (multinomial logistic regression over a sentence's mean parse vector, standardised): its L2
# penalty, gradient steps and step size (1e-3 and 1,000 steps gave the same ranking of the calibration events' types)
TYPE_L2 = 1e-4
TYPE_STEPS = 300
TYPE_RATE = 0.5
SEED = 20261206


def examples(split: str, path: Path = LABELS) -> tuple[list, list[int], list[str], list[bool], int, list[int | None], list, list]:
    """(events, labels, article ids, asserted flags, annotated asserted events, each event's batch, every labelled
    sentence as (its vector, article id, its first annotated type or NONE), each event's sentence vector) for the
    labelled sentences of ``split`` in the labels file ``path``."""
    from tacitus.api import get_pipeline
    from tacitus.confidence import sentence_vector
    from tacitus.evaluation import load_labels, party_key
    from tacitus.readers import iter_articles
    from tacitus.stages.confidence import codeable
    from tacitus.user_dictionaries import load_actor_dictionary

    countries = frozenset(load_actor_dictionary(()).countries)
    labels = [s for s in load_labels(path) if s.split == split]
    by_article = collections.defaultdict(list)
    for s in labels:
        by_article[(s.corpus, s.article)].append(s)
    pipeline = get_pipeline(disable=("confidence",))
    events, ys, groups, asserted, batches, sentences, vectors = [], [], [], [], [], [], []
    gold_asserted = sum(1 for s in labels for g in s.events if g.status == "asserted")
    for corpus in sorted({c for c, _ in by_article}):
        ids = {a for c, a in by_article if c == corpus}
        articles = [a for a in iter_articles([NEWS / corpus]) if getattr(a, "id", None) in ids]
        for analysis in pipeline.analyses(articles):
            article = analysis.article
            for s in by_article[(corpus, article.id)]:
                span = analysis.doc.char_span(s.start, s.end, alignment_mode="expand")
                sentences.append((sentence_vector(span), article.id, s.events[0].type if s.events else "NONE"))
                gold = {(g.type, party_key(g.source, countries=countries), party_key(g.target, countries=countries)): g.status
                        for g in s.events}
                for e in analysis.events:
                    if not s.start <= e.trigger.start < s.end or not codeable(e):
                        continue  # (an event the confidence stage drops whatever its score is no example)
                    key = (e.event, party_key([a.country or a.code for a in e.actor if a.country or a.code], countries=countries),
                           party_key([a.country or a.code for a in e.recipient if a.country or a.code], countries=countries))
                    m = e.modality
                    is_asserted = not (m.negated or m.hypothetical or m.hedged)
                    events.append(e)
                    ys.append(int(key in gold))
                    groups.append(article.id)
                    asserted.append(is_asserted)
                    batches.append(s.batch)
                    vectors.append(sentence_vector(analysis.sentences[e.sentence_index]))
    return events, ys, groups, asserted, gold_asserted, batches, sentences, vectors


def fit(x: np.ndarray, y: np.ndarray, ridge: float = RIDGE) -> tuple[np.ndarray, float]:
    """Ridge logistic regression by Newton steps; returns (weights, bias)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, ridge)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def prior_table(keys: list[str], y: np.ndarray, mask: np.ndarray, smoothing: float = SMOOTHING) -> dict[str, Any]:
    """The ``trigger_prior`` of a model file from the examples in ``mask``: for each trigger key seen, the log-odds
    of (right + m * p) / (seen + m), p the share right over all of them; ``default`` (never seen) is p's log-odds."""
    share = float(y[mask].mean())
    counts: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    for k in np.flatnonzero(mask):
        counts[keys[k]][0] += y[k]
        counts[keys[k]][1] += 1

    def logit(p: float) -> float:
        return float(np.log(p / (1 - p)))

    table = {key: round(logit((right + smoothing * share) / (seen + smoothing)), 4) for key, (right, seen) in sorted(counts.items())}
    return {"smoothing": smoothing, "default": round(logit(share), 4), "table": table}


def out_of_fold_prior(keys: list[str], y: np.ndarray, train: np.ndarray, fold: np.ndarray,
                      smoothing: float = SMOOTHING) -> np.ndarray:
    """Each example's trigger prior from a table of the training examples of the other folds only."""
    column = np.zeros(len(y))
    for k in range(FOLDS):
        prior = prior_table(keys, y, train & (fold != k), smoothing)
        for n in np.flatnonzero(fold == k):
            column[n] = prior["table"].get(keys[n], prior["default"])
    return column


def sentence_types(sentences: list[tuple[Any, str, str]], vectors: list, fold: np.ndarray,
                   groups: list[str]) -> tuple[dict[str, Any], list[dict[str, float] | None]]:
    """The sentence classifier of a model file, trained on every labelled dev sentence (its vector, its first
    annotated type or NONE), and each event's probabilities from a classifier trained without its article's fold
    (cross-fitting, as for the trigger prior: an event's own annotation never shapes its feature). Sentences of an
    article with no event are in no fold and train every classifier."""
    if str(Path(__file__).resolve().parent) not in sys.path:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_learned import fit as fit_multinomial  # (a tool beside this one)

    from tacitus.confidence import SentenceTypes
    from tacitus.event_types import event_types

    labels = (*sorted(event_types()), "NONE")
    kept = [(v, article, kind) for v, article, kind in sentences if v is not None]
    x = np.array([v for v, _, _ in kept], dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    label = np.array([labels.index(kind) for _, _, kind in kept])
    fold_of = dict(zip(groups, fold.tolist()))
    where = np.array([fold_of.get(article, -1) for _, article, _ in kept])
    types: list[dict[str, float] | None] = [None] * len(vectors)
    for k in range(FOLDS):
        w, b = fit_multinomial(z[where != k], label[where != k], len(labels), TYPE_L2, TYPE_STEPS, TYPE_RATE)
        classify = SentenceTypes(labels, mean, scale, w, b)
        for n in np.flatnonzero(fold == k):
            types[n] = classify(vectors[n])
    w, b = fit_multinomial(z, label, len(labels), TYPE_L2, TYPE_STEPS, TYPE_RATE)
    classifier = {"labels": list(labels), "mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
                  "weights": [[round(float(v), 5) for v in row] for row in w], "bias": [round(float(v), 5) for v in b],
                  "sentences": len(kept), "vector": "mean of the parse's doc.tensor over the sentence",
                  "l2": TYPE_L2, "steps": TYPE_STEPS, "rate": TYPE_RATE}
    return classifier, types


def isotonic(scores: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators on (score, y): the breakpoints of a non-decreasing map from score to probability."""
    order = np.argsort(scores, kind="stable")
    blocks: list[list[float]] = []  # [sum y, count, min score, max score]
    for k in order:
        blocks.append([float(y[k]), 1.0, float(scores[k]), float(scores[k])])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            a, b = blocks[-2], blocks.pop()
            a[0] += b[0]
            a[1] += b[1]
            a[3] = b[3]
    xs, ys = [], []
    for total, count, lo, hi in blocks:
        mean = total / count
        xs.extend([lo, hi] if hi > lo else [lo])
        ys.extend([mean, mean] if hi > lo else [mean])
    return xs, ys


def platt(scores: np.ndarray, y: np.ndarray, points: int = 41) -> tuple[list[float], list[float]]:
    """Platt scaling (a logistic curve over the score), written as the same piecewise-linear map as ``isotonic``:
    its values at ``points`` scores spread over the range seen (two parameters: steadier than isotonic on a few
    hundred examples)."""
    (a,), b = fit(scores[:, None], y, ridge=1e-3)
    grid = np.linspace(scores.min() - 1.0, scores.max() + 1.0, points)
    return [float(v) for v in grid], [float(v) for v in 1 / (1 + np.exp(-(a * grid + b)))]


def calibrate(xs: list[float], ys: list[float], scores: np.ndarray) -> np.ndarray:
    return np.interp(scores, xs, ys)


def folds(groups: list[str], k: int = FOLDS) -> np.ndarray:
    """Each example's fold (0 to k-1), by article: an article's examples share one, assigned by ``SEED``."""
    articles = sorted(set(groups))
    fold_of = {a: n % k for n, a in enumerate(np.random.default_rng(SEED).permutation(articles))}
    return np.array([fold_of[g] for g in groups])


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """The area under the ROC curve: how often a right event scores above a wrong one."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(len(scores))
    pos = y.sum()
    return float((ranks[y == 1].sum() - pos * (pos - 1) / 2) / (pos * (len(y) - pos)))


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (p >= lo) & ((p < hi) if hi < 1 else (p <= hi))
        if inside.any():
            total += inside.sum() / len(p) * abs(p[inside].mean() - y[inside].mean())
    return float(total)


def _relative(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "tacitus" / "data" / "confidence.json")
    ap.add_argument("--ridge", type=float, default=RIDGE, help=f"the ridge penalty (default {RIDGE})")
    ap.add_argument("--smoothing", type=float, default=SMOOTHING,
                    help=f"how many examples' weight the trigger prior gives the overall share right (default {SMOOTHING})")
    ap.add_argument("--calibration", choices=("platt", "isotonic"), default="platt",
                    help="the map from score to probability (default platt)")
    ap.add_argument("--calibrate-on", type=int, nargs="*", default=[], metavar="BATCH",
                    help="annotation batches whose dev sentences fit the calibration map, kept out of the weights' "
                         "training (default: none, the map is fitted on out-of-fold scores of all dev)")
    ap.add_argument("--calibrate-file", type=Path, default=None, metavar="LABELS",
                    help="a labels file of sentences drawn for calibration (benchmarks/realnews/calibration.jsonl): "
                         "its dev events fit the map, scored by weights trained on all of dev")
    ap.add_argument("--train-file", type=Path, action="append", default=[], metavar="LABELS",
                    help="another labels file whose dev sentences train the weights like the labels' dev split "
                         "(benchmarks/realnews/dev_events.jsonl); repeatable")
    ap.add_argument("--no-sentence-types", dest="sentence_types", action="store_false",
                    help="leave out the sentence classifier's feature (sentence_type)")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"no news data at {NEWS}; the model is trained from ../shared/data/news", file=sys.stderr)
        return 1
    if args.calibrate_file is not None and not args.calibrate_file.is_file():
        print(f"--calibrate-file {args.calibrate_file}: no such file; give a labels file such as "
              "benchmarks/realnews/calibration.jsonl", file=sys.stderr)
        return 2
    from tacitus.confidence import feature_names, features, trigger_key

    missing = [str(f) for f in args.train_file if not f.is_file()]
    if missing:
        print(f"--train-file {missing[0]}: no such file", file=sys.stderr)
        return 2
    events, ys, groups, asserted, gold_asserted, batches, sentences, vectors = examples("dev")
    for extra in args.train_file:  # (their annotated events count toward the F1 threshold's recall too)
        more = examples("dev", extra)
        events, ys, groups, asserted, batches = events + more[0], ys + more[1], groups + more[2], asserted + more[3], batches + more[5]
        gold_asserted += more[4]
        sentences += more[6]
        vectors += more[7]
    in_dev = np.ones(len(ys), dtype=bool)
    if args.calibrate_file is not None:
        more = examples("dev", args.calibrate_file)
        events += more[0]
        ys += more[1]
        groups += more[2]  # (an article may have sentences in both files: folds keep it whole)
        asserted += more[3]
        batches += [None] * len(more[0])
        vectors += more[7]
        in_dev = np.concatenate([in_dev, np.zeros(len(more[0]), dtype=bool)])
    fold = folds(groups)
    classifier, types = sentence_types(sentences, vectors, fold, groups) if args.sentence_types else (None, [None] * len(events))
    names = [f for f in feature_names() if args.sentence_types or not f.startswith("sentence_")]
    x = np.array([[features(e, types=t).get(f, np.nan) for f in names] for e, t in zip(events, types)], dtype=float)
    x = np.where(np.isnan(x), np.nanmean(x, axis=0), x)  # no sentence vector: the mean, as the stage takes it
    y = np.array(ys, dtype=float)
    known = [b for b in batches if b is not None]
    held = set(args.calibrate_on) & set(known)
    held_out = np.array([b in held for b in batches])
    cal = held_out | ~in_dev
    # with a calibration file, its events train the weights too (they are the fresh population the map is for): each
    # event's score comes from weights fitted without its article's fold (cross-fitting), and the map is fitted on
    # the calibration events' scores; held-out batches of the labels (--calibrate-on) stay out of the weights
    crossfit = args.calibrate_file is not None
    train = ~held_out if crossfit else ~cal
    keys = [trigger_key(e) for e in events]
    x[:, names.index("trigger_prior")] = out_of_fold_prior(keys, y, train, fold, args.smoothing)
    mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    # out-of-fold scores of the training events, folds by article
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        fit_on, score_on = train & (fold != k), (train | crossfit) & (fold == k)
        w, b = fit(z[fit_on], y[fit_on], args.ridge)
        scores[score_on] = z[score_on] @ w + b
    weights, bias = fit(z[train], y[train], args.ridge)
    if not crossfit:
        scores[cal] = z[cal] @ weights + bias  # the held-out batches, scored by the final weights
    ranking: dict[str, float] = {}
    if crossfit:  # how well the calibration events are ranked, by weights fitted with and without their kind
        alone = in_dev & ~held_out
        w, b = fit(z[alone], y[alone], args.ridge)
        ranking = {"auc_weights_from_dev_only": round(auc(z[cal] @ w + b, y[cal]), 3),
                   "auc_cross_fitted": round(auc(scores[cal], y[cal]), 3)}
    mapper = platt if args.calibration == "platt" else isotonic
    # the map: fitted on the held-out batches (their events' rightness is what a fresh article gets), else out of fold
    on = cal if cal.any() else train
    xs, ys_cal = mapper(scores[on], y[on])
    p_all = calibrate(xs, ys_cal, scores)
    # an honest calibration error on the calibrating events: each fold's probabilities from a map fitted on the others
    p_nested = np.zeros(len(y))
    for k in range(FOLDS):
        fx, fy = mapper(scores[on & (fold != k)], y[on & (fold != k)])
        p_nested[on & (fold == k)] = calibrate(fx, fy, scores[on & (fold == k)])
    # threshold: the calibrated probability that maximises F1 of asserted events (type + parties) on all of dev
    flags = np.array(asserted) & in_dev
    curve = []
    for t in sorted(set(np.round(p_all, 3))):
        keep = flags & (p_all >= t)
        tp = float((y[keep] == 1).sum())
        fp = float((y[keep] == 0).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / gold_asserted if gold_asserted else 0.0
        curve.append((2 * precision * recall / (precision + recall) if precision + recall else 0.0, float(t)))
    # on a plateau of F1, the lowest threshold: dropping events that buy no F1 only loses recall
    top = max(f1 for f1, _ in curve) if curve else 0.0
    best = next(((f1, t) for f1, t in curve if f1 >= top - PLATEAU), (0.0, 0.0))
    model = {
        "model": "tacitus.confidence.v1",
        "features": names,
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in weights],
        "bias": round(bias, 6),
        "calibration": {"x": [round(v, 6) for v in xs], "y": [round(v, 6) for v in ys_cal]},
        "threshold": best[1],
        "trigger_prior": prior_table(keys, y, train, args.smoothing),
        **({"sentence_types": classifier} if classifier else {}),
        "trained": {
            "on": "benchmarks/realnews/labels.jsonl, split dev" + "".join(f", {_relative(f)}" for f in args.train_file),
            "labels_sha256": hashlib.sha256(LABELS.read_bytes()).hexdigest()[:16],
            "date": dt.date.today().isoformat(),
            "examples": len(y), "right": int(y.sum()), "ridge": args.ridge, "calibration": args.calibration, "folds": FOLDS, "seed": SEED,
            "weights_trained_on": int(train.sum()),
            "calibrated_on": {"batches": sorted(held), "examples": int(on.sum()), "right": int(y[on].sum()),
                              "file": _relative(args.calibrate_file)} if cal.any()
            else "out-of-fold scores of all dev",
            "cv_expected_calibration_error": round(ece(p_nested[on], y[on]), 4),
            "calibration_events_ranking": ranking or None,
            "cv_f1_at_threshold": round(best[0], 4),
            "f1_argmax": {"threshold": max(curve)[1], "f1": round(top, 4)} if curve else None,  # the plateau's top
        },
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model["trained"], indent=2), f"\nthreshold {best[1]} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
