"""Does the MiniLM sentence embedding pay for itself in the confidence model? (issue 15, item 4)

    .venv/bin/python tools/confidence_embedding.py [--batch 9]

Codes the dev sentences of the real-news labels as tools/train_confidence.py does, embeds each event's sentence
with the shipped all-MiniLM-L6-v2 (tacitus.stages.learned.Embedder; also "TYPE: trigger. sentence"), and compares
the rule-feature model with the same model given the embedding, in three forms: the share of right events among
its 15 nearest training events, and its first 8 or 16 principal components (fitted on the training folds).
Prints the area under the ROC curve and the log loss of 5-fold out-of-fold scores (folds by article), and the AUC
on the dev events of annotation ``--batch`` scored by a model trained on the rest. Writes
benchmarks/results/confidence_embedding.json. Nothing is shipped from it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_confidence as T  # noqa: E402

NEIGHBOURS = 15


def log_loss(scores: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(1 / (1 + np.exp(-scores)), 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def design(x: np.ndarray, emb: np.ndarray | None, y: np.ndarray, groups: list[str], tr: np.ndarray, te: np.ndarray,
           form: str) -> tuple[np.ndarray, np.ndarray]:
    """Training and scoring matrices: the rule features, plus the embedding in ``form``."""
    if emb is None:
        return x[tr], x[te]
    if form == "neighbours":
        def vote(fit_on: np.ndarray, score_on: np.ndarray) -> np.ndarray:
            near = np.argsort(-(emb[score_on] @ emb[fit_on].T), axis=1)[:, :NEIGHBOURS]
            return y[fit_on][near].mean(axis=1)[:, None]
        inner = np.zeros((len(tr), 1))
        fold = T.folds([groups[i] for i in tr])
        for k in range(T.FOLDS):  # the training rows get out-of-fold votes too
            inner[fold == k] = vote(tr[fold != k], tr[fold == k])
        return np.hstack([x[tr], inner]), np.hstack([x[te], vote(tr, te)])
    dims = int(form.removeprefix("pca"))
    centre = emb[tr].mean(axis=0)
    axes = np.linalg.svd(emb[tr] - centre, full_matrices=False)[2][:dims].T
    return np.hstack([x[tr], (emb[tr] - centre) @ axes]), np.hstack([x[te], (emb[te] - centre) @ axes])


def scores(x: np.ndarray, emb: np.ndarray | None, y: np.ndarray, groups: list[str], tr: np.ndarray, te: np.ndarray,
           form: str) -> np.ndarray:
    """Scores of the rows ``te`` by a model fitted on the rows ``tr``."""
    a, b = design(x, emb, y, groups, tr, te, form)
    mean, scale = a.mean(axis=0), a.std(axis=0)
    scale[scale == 0] = 1.0
    w, bias = T.fit((a - mean) / scale, y[tr])
    return ((b - mean) / scale) @ w + bias


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batch", type=int, default=9, help="the annotation batch scored by a model trained on the rest")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "confidence_embedding.json")
    args = ap.parse_args()
    if not T.NEWS.is_dir():
        print(f"no news data at {T.NEWS}; nothing to compare", file=sys.stderr)
        return 0
    from tacitus.confidence import feature_names, features
    from tacitus.stages.learned import Embedder

    events, ys, groups, _asserted, _gold, batches = T.examples("dev")
    names = feature_names()
    x = np.array([[features(e)[f] for f in names] for e in events], dtype=float)
    y = np.array(ys, dtype=float)
    embed = Embedder()
    texts = {"sentence": [e.text for e in events], "type, trigger, sentence": [f"{e.event}: {e.event_text}. {e.text}" for e in events]}
    embeddings = {k: np.vstack([embed(v[i : i + 64]) for i in range(0, len(v), 64)]) for k, v in texts.items()}
    fold = T.folds(groups)
    every = np.arange(len(y))
    held = np.array([b == args.batch for b in batches])
    rows = []
    runs = [("rule features", None, "")] + [(f"+ {k} embedding, {form}", k, form) for k in embeddings
                                            for form in ("neighbours", "pca8", "pca16")]
    for label, which, form in runs:
        emb = embeddings[which] if which else None
        oof = np.zeros(len(y))
        for k in range(T.FOLDS):
            oof[fold == k] = scores(x, emb, y, groups, every[fold != k], every[fold == k], form)
        row = {"model": label, "oof_auc": round(T.auc(oof, y), 3), "oof_log_loss": round(log_loss(oof, y), 4)}
        if held.any():
            row[f"batch_{args.batch}_auc"] = round(T.auc(scores(x, emb, y, groups, every[~held], every[held], form), y[held]), 3)
        rows.append(row)
        print(json.dumps(row))
    result = {"events": len(y), "right": int(y.sum()), "held_batch": args.batch, "held_events": int(held.sum()),
              "neighbours": NEIGHBOURS, "folds": T.FOLDS, "runs": rows,
              "command": ".venv/bin/python tools/confidence_embedding.py --batch 9"}
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
