"""The confidence stage: every event gets its calibrated probability of being right, and events below
``min_confidence`` are dropped (``tacitus.confidence``)."""

from __future__ import annotations

from ..confidence import load_confidence_model
from ..errors import ConfigError
from ..registry import register_stage
from .base import Analysis

__all__ = ["ConfidenceStage"]


@register_stage(
    "tacitus.confidence.v1",
    role="confidence",
    reads=("Event.event", "Event.actor", "Event.recipient", "Event.modality"),
    writes=("Event.confidence",),
    defaults={"min_confidence": "model", "model": ""},
)
class ConfidenceStage:
    """A calibrated probability for each event (a logistic model over the record's features, then a calibration map), and a threshold."""

    version = "tacitus.confidence.v1"

    def __init__(self, *, min_confidence: float | str = "model", model: str = "") -> None:
        self.model = load_confidence_model(model or None)
        if min_confidence == "model":
            self.min_confidence = self.model.threshold
        elif isinstance(min_confidence, (int, float)) and not isinstance(min_confidence, bool) and 0 <= min_confidence <= 1:
            self.min_confidence = float(min_confidence)
        else:
            raise ConfigError(f"stages.confidence.min_confidence must be a number from 0 to 1 or \"model\", not {min_confidence!r}",
                              code="T342")

    def __call__(self, analysis: Analysis) -> Analysis:
        kept = []
        for event in analysis.events:
            event.confidence, top = self.model(event)
            mine = f"{self.model.name} ({self.model.origin}): {event.confidence}; most weight: {', '.join(top)}"
            earlier = event.reasons.get("confidence")  # a model-made type says its own probability first
            event.reasons["confidence"] = f"{earlier}; {mine}" if earlier else mine
            if event.confidence >= self.min_confidence:
                kept.append(event)
        analysis.events = kept
        return analysis
