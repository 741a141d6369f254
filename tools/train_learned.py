"""Train the learned stage's classifier (tacitus.learned.minilm.v1) on the project's own examples.

Embeds every sentence of src/tacitus/data/learned_examples.tsv with MiniLM (as the stage does),
fits a multinomial logistic regression with L2 penalty by full-batch gradient descent in NumPy,
prints 5-fold cross-validated accuracy, and writes the weights to src/tacitus/data/learned_minilm.npz.
Deterministic (fixed seed for the folds).

Usage: python tools/train_learned.py [--examples PATH] [--out PATH] [--l2 X] [--steps N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.stages.learned import LABELS, Embedder, load_examples  # noqa: E402


def fit(x: np.ndarray, y: np.ndarray, classes: int, l2: float, steps: int, lr: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    n, d = x.shape
    w = np.zeros((classes, d))
    b = np.zeros(classes)
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        logits = x @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        w -= lr * (g.T @ x + l2 * w)
        b -= lr * g.sum(axis=0)
    return w, b


def predict(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (x @ w.T + b).argmax(axis=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", default=str(ROOT / "src/tacitus/data/learned_examples.tsv"))
    parser.add_argument("--out", default=str(ROOT / "src/tacitus/data/learned_minilm.npz"))
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--steps", type=int, default=1500)
    args = parser.parse_args(argv)
    examples = load_examples(args.examples)
    labels = list(LABELS)
    x = Embedder()([s for _, s in examples]).astype(np.float64)
    y = np.array([labels.index(t) for t, _ in examples])
    rng = np.random.default_rng(0)
    folds = rng.permutation(len(y)) % 5
    right = 0
    for k in range(5):
        train, test = folds != k, folds == k
        w, b = fit(x[train], y[train], len(labels), args.l2, args.steps)
        right += int((predict(x[test], w, b) == y[test]).sum())
    print(f"{len(y)} examples, {len(labels)} labels; 5-fold cross-validated accuracy {right / len(y):.3f}")
    w, b = fit(x, y, len(labels), args.l2, args.steps)
    print(f"training accuracy {(predict(x, w, b) == y).mean():.3f}")
    np.savez(args.out, labels=np.array(labels), w=w.astype(np.float32), b=b.astype(np.float32))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
