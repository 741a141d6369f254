"""The confidence of an event: a calibrated probability that its type and both parties are right, from a small
logistic model over the rule record's features, trained on the annotated real news (tools/train_confidence.py).

The model ships as ``data/confidence.json``, a documented JSON file (never a pickle)::

    {"model": "tacitus.confidence.v1", "features": [names], "mean": [...], "scale": [...], "weights": [...],
     "bias": float, "calibration": {"x": [scores], "y": [probabilities]}, "threshold": float,
     "trigger_prior": {"smoothing": m, "default": log-odds, "table": {"TYPE:trigger": log-odds}},
     "sentence_types": {"labels": [types and NONE], "mean": [...], "scale": [...], "weights": [[...] per label],
                        "bias": [...]}, "trained": {...}}

The feature ``trigger_prior`` is how often events of the same type and trigger row ("ASSAULT:attack",
"REQUEST:call on") were right in the annotated training events: the log-odds of (right + m * p) / (seen + m), with p
the share right over all of them (a trigger seen a few times stays near p; one never seen gets ``default``). The
trainer computes it for each training event from the other folds only, so that its weight is not learnt from the
event's own label. A file without the table gives every event ``default`` (0 if absent).

The feature ``sentence_type`` is the log-odds, against "no event", that a sentence classifier (``sentence_types``:
a multinomial logistic regression, trained on the annotated development sentences) gives the event's type for the
event's sentence, read from the parse itself: the mean of the tagger's and
parser's shared token vectors (spaCy's ``doc.tensor``, 96 numbers a token in en_core_web_sm) over the sentence. It
is a second opinion on the type that reads the whole sentence, where the rules read a trigger and its arguments,
and it costs nothing the parse has not already paid. Where there is no such vector (a model without one), the
feature takes its training mean and so moves no score.

A feature vector is standardised with ``mean``/``scale``, scored with ``weights``·x + ``bias`` and turned into a
probability by the map ``calibration`` (piecewise linear between its points; the shipped one a Platt curve, fitted on
the events of the calibration set, sentences of articles no rule was tuned on), so that among events given 0.3 about
30 % are right. ``threshold`` is the value that maximised F1 on the
development split; ``stages.confidence.min_confidence`` defaults to it.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DictionaryError
from .event_types import event_types
from .model import Actor, Event, Span

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["ConfidenceModel", "SentenceTypes", "TriggerPrior", "feature_names", "features", "load_confidence_model",
           "sentence_vector", "trigger_key"]

FLOOR = 1e-6  # added to a classifier's probability before its log
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
GROUP_SECTORS = frozenset({"REB", "PTY", "OPP", "IGO", "NGO", "LAB", "UAF", "SPY", "PRM", "ELI", "INS"})


def _side(prefix: str, actors: list[Actor]) -> dict[str, float]:
    first = next((a for a in actors if a.code), actors[0] if actors else None)
    reason = first.reason if first is not None else ""
    return {
        f"{prefix}_none": float(not actors),
        f"{prefix}_coded": float(any(a.code for a in actors)),
        f"{prefix}_many": float(len(actors) > 1),
        f"{prefix}_state": float(first is not None and first.sector in STATE_SECTORS),
        f"{prefix}_group": float(first is not None and first.sector in GROUP_SECTORS),
        f"{prefix}_civilian": float(first is not None and first.sector == "CVL"),
        f"{prefix}_country_named": float(reason.startswith(("country entry", "capital", "metonym"))),
        f"{prefix}_nationality": float(reason.startswith("adjective entry")),
        f"{prefix}_person": float("person" in reason[:40] or "office-holder" in reason),
        f"{prefix}_organisation": float(reason.startswith(("organisation", "org entry", "IGO"))),
        f"{prefix}_inferred": float("inferred" in reason),
        f"{prefix}_pronoun": float("pronoun" in reason or "first person" in reason),
    }


def trigger_key(event: Event) -> str:
    """The event's type and trigger row, as ``trigger_prior`` tables it: "ASSAULT:attack" from the reason
    "trigger 'attack' [V] (triggers.tsv:1084)"; the trigger's own words where the reason names no row."""
    reason = event.reasons.get("event", "")
    start = reason.find("trigger '")
    end = reason.find("'", start + 9) if start >= 0 else -1
    words = reason[start + 9:end] if end > start >= 0 else event.event_text.lower()
    return f"{event.event}:{words}"


@dataclass(frozen=True)
class TriggerPrior:
    """The ``trigger_prior`` table of a model file: log-odds by ``trigger_key``, and ``default`` for the rest."""

    table: dict[str, float]
    default: float = 0.0
    smoothing: float = 0.0

    def __call__(self, event: Event) -> float:
        return self.table.get(trigger_key(event), self.default)


def features(event: Event, prior: TriggerPrior | None = None, types: Mapping[str, float] | None = None) -> dict[str, float]:
    """The named features of an event's record (its type, how each party was found, its modality, its shape, and
    how often its trigger row was right in training, from ``prior``), and with ``types`` (a sentence classifier's
    probability of each type and of NONE for the event's sentence) how well the sentence reads as its type."""
    out = {f"type_{t}": float(event.event == t) for t in sorted(event_types())}
    if types is not None:
        # the log-odds of the event's type against no event: one feature, so that a sentence read as no event can
        # only lower the score (two log-probabilities, collinear, let a weight of either sign fit noise)
        out["sentence_type"] = math.log(types.get(event.event, 0.0) + FLOOR) - math.log(types.get("NONE", 0.0) + FLOOR)
    out["trigger_prior"] = prior(event) if prior is not None else 0.0
    out.update(_side("source", event.actor))
    out.update(_side("target", event.recipient))
    m = event.modality
    out.update({
        "negated": float(m.negated), "hypothetical": float(m.hypothetical), "hedged": float(m.hedged),
        "historical": float(m.historical), "ongoing": float(m.ongoing), "claimed": float(event.claimed_by is not None),
        "inferred_any": float(bool(m.inferred)),
        "trigger_words": min(len(event.event_text.split()), 4) / 4,
        "sentence_words": min(len(event.text.split()), 80) / 80,
        "located": float(event.location is not None),
        "dated_in_text": float(bool(event.date_text)),
        "lead_sentence": float(event.sentence_index == 0),
        "early_sentence": float(event.sentence_index <= 2),
        "nominal_trigger": float("[N]" in event.reasons.get("event", "")),
        "recoded": float("; was " in event.reasons.get("event", "")),
        "sentence_has_quote": float(any(q in event.text for q in ('"', "\u201c", "\u201d"))),
        "sentence_first_person": float(any(w in f" {event.text} " for w in (" we ", " We ", " I ", " our ", " Our ", " my "))),
        "both_coded_same": float(bool(event.actor) and bool(event.recipient)
                                 and {a.code for a in event.actor if a.code} == {a.code for a in event.recipient if a.code}
                                 and any(a.code for a in event.actor)),
    })
    return out


def feature_names() -> list[str]:
    """The feature names in a fixed order."""
    sample = Event(article_id="", sentence_index=0, text="", event="ASSAULT", mode="", cameo="190", goldstein=0.0,
                   quad_code=4, trigger=Span(0, 0), event_text="")
    return list(features(sample, types={}))


@dataclass(frozen=True)
class ConfidenceModel:
    """A trained model (see the module docstring for the file format)."""

    name: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    threshold: float
    origin: str = ""
    prior: TriggerPrior = TriggerPrior({})
    sentence_types: SentenceTypes | None = None

    def score(self, values: dict[str, float]) -> float:
        """The linear score; a feature ``values`` lacks counts as its training mean (it moves nothing)."""
        return self.bias + sum(w * (values.get(f, m) - m) / s
                               for f, m, s, w in zip(self.features, self.mean, self.scale, self.weights))

    def types_of(self, vector: Any) -> dict[str, float] | None:
        """What the sentence classifier reads in a sentence vector (``sentence_vector``): each label's probability;
        None without a classifier or a vector."""
        return self.sentence_types(vector) if self.sentence_types is not None else None

    def calibrated(self, score: float) -> float:
        """The calibration map at ``score``: linear between its points, flat beyond them."""
        xs, ys = self.xs, self.ys
        if not xs:
            return 1 / (1 + math.exp(-score))
        if score <= xs[0]:
            return ys[0]
        if score >= xs[-1]:
            return ys[-1]
        k = bisect_right(xs, score)
        x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1

    def __call__(self, event: Event, types: Mapping[str, float] | None = None) -> tuple[float, list[str]]:
        """The probability that ``event`` is right, and its three features that pushed the score most (``types``: the
        sentence classifier's probabilities for the event's sentence, if there are any)."""
        values = features(event, self.prior, types)
        parts = sorted(((w * (values.get(f, m) - m) / s, f) for f, m, s, w in
                        zip(self.features, self.mean, self.scale, self.weights)), key=lambda p: -abs(p[0]))
        top = [f"{name} {'+' if part > 0 else '-'}{abs(part):.2f}" for part, name in parts[:3]]
        return round(self.calibrated(self.score(values)), 3), top


def default_path() -> Path:
    return Path(str(resources.files("tacitus").joinpath("data", "confidence.json")))


@lru_cache(maxsize=4)
def load_confidence_model(path: str | None = None) -> ConfidenceModel:
    """The model in ``path`` (default: the shipped one); a bad file raises DictionaryError naming it."""
    source = Path(path) if path else default_path()
    try:
        raw: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
        names = tuple(raw["features"])
        lengths = {len(raw[k]) for k in ("mean", "scale", "weights")}
        if lengths != {len(names)}:
            raise ValueError(f"features, mean, scale and weights must have the same length ({len(names)})")
        xs, ys = tuple(map(float, raw["calibration"]["x"])), tuple(map(float, raw["calibration"]["y"]))
        if len(xs) != len(ys) or list(xs) != sorted(xs) or any(not 0 <= y <= 1 for y in ys):
            raise ValueError("calibration x must be sorted, with as many y values in [0, 1]")
        if any(s <= 0 for s in raw["scale"]):
            raise ValueError("every scale must be positive")
        table = raw.get("trigger_prior", {})
        prior = TriggerPrior({str(k): float(v) for k, v in table.get("table", {}).items()},
                             float(table.get("default", 0.0)), float(table.get("smoothing", 0.0)))
        return ConfidenceModel(str(raw["model"]), names, tuple(map(float, raw["mean"])), tuple(map(float, raw["scale"])),
                               tuple(map(float, raw["weights"])), float(raw["bias"]), xs, ys, float(raw["threshold"]),
                               origin=source.name, prior=prior,
                               sentence_types=_sentence_types(raw.get("sentence_types")))
    except FileNotFoundError:
        raise DictionaryError("confidence model not found; reinstall tacitus", path=str(source), code="T260") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DictionaryError(f"not a confidence model: {exc}", path=str(source), code="T260") from None


@dataclass(frozen=True)
class SentenceTypes:
    """A model file's sentence classifier: standardise a sentence vector by ``mean``/``scale``, then a multinomial
    logistic regression (``weights``: one row per label, ``bias``)."""

    labels: tuple[str, ...]
    mean: Any
    scale: Any
    weights: Any
    bias: Any

    def __call__(self, vector: Any) -> dict[str, float] | None:
        """Each label's probability for a sentence vector; None for no vector or one of another width."""
        if vector is None or len(vector) != len(self.mean):
            return None
        import numpy as np

        logits = self.weights @ ((np.asarray(vector, dtype=np.float64) - self.mean) / self.scale) + self.bias
        odds = np.exp(logits - logits.max())
        return {label: float(p) for label, p in zip(self.labels, odds / odds.sum())}


def sentence_vector(sent: Any) -> Any:
    """The mean of the parse's token vectors (``doc.tensor``) over a sentence span, or None where the parse has none."""
    tensor = getattr(sent.doc, "tensor", None) if sent is not None else None
    if tensor is None or len(sent) == 0 or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(sent.doc) or tensor.shape[1] == 0:
        return None
    return tensor[sent.start:sent.end].mean(axis=0)


def _sentence_types(raw: Any) -> SentenceTypes | None:
    """The model file's sentence classifier, if it has one; ValueError if it is malformed."""
    if raw is None:
        return None
    import numpy as np

    labels = tuple(map(str, raw["labels"]))
    unknown = set(labels) - set(event_types()) - {"NONE"}
    if unknown:
        raise ValueError(f"sentence_types: unknown labels {sorted(unknown)}; use event types or NONE")
    mean, scale = np.array(raw["mean"], dtype=np.float64), np.array(raw["scale"], dtype=np.float64)
    weights, bias = np.array(raw["weights"], dtype=np.float64), np.array(raw["bias"], dtype=np.float64)
    if scale.shape != mean.shape or weights.shape != (len(labels), len(mean)) or bias.shape != (len(labels),) or (scale <= 0).any():
        raise ValueError(f"sentence_types: weights must be {len(labels)} x {len(mean)}, with a positive scale per column")
    return SentenceTypes(labels, mean, scale, weights, bias)
