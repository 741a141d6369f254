"""The confidence stage: every event gets its calibrated probability of being right, and events below
``min_confidence`` are dropped (``tacitus.confidence``); so are events no party of which has a code and that
have no located country, unless ``keep_uncoded``."""

from __future__ import annotations

from ..confidence import load_confidence_model, sentence_vector
from ..errors import ConfigError
from ..model import Event
from ..registry import register_stage
from .base import Analysis

__all__ = ["ConfidenceStage", "codeable"]


@register_stage(
    "tacitus.confidence.v1",
    role="confidence",
    reads=("Event.event", "Event.actor", "Event.recipient", "Event.modality", "doc.sents", "doc.tensor"),
    writes=("Event.confidence",),
    defaults={"min_confidence": "model", "model": "", "keep_uncoded": False},
)
class ConfidenceStage:
    """A calibrated probability for each event (a logistic model over the record's features, then a calibration map), and a
    threshold. An event with no coded party (no country or IGO code on either side) and no located country ("negotiators
    met", "the army clashed with former rebel units") gives an analyst no dyad and no place: it is dropped unless
    ``keep_uncoded`` (PETRARCH and ICEWS code no such event either; 27 of 29 were wrong on the annotated dev news)."""

    version = "tacitus.confidence.v1"

    def __init__(self, *, min_confidence: float | str = "model", model: str = "", keep_uncoded: bool = False) -> None:
        self.model = load_confidence_model(model or None)
        if not isinstance(keep_uncoded, bool):
            raise ConfigError(f"stages.confidence.keep_uncoded must be true or false, not {keep_uncoded!r}", code="T343")
        self.keep_uncoded = keep_uncoded
        if min_confidence == "model":
            self.min_confidence = self.model.threshold
        elif isinstance(min_confidence, (int, float)) and not isinstance(min_confidence, bool) and 0 <= min_confidence <= 1:
            self.min_confidence = float(min_confidence)
        else:
            raise ConfigError(f"stages.confidence.min_confidence must be a number from 0 to 1 or \"model\", not {min_confidence!r}",
                              code="T342")

    def __call__(self, analysis: Analysis) -> Analysis:
        kept = []
        types: dict[int, dict[str, float] | None] = {}  # by sentence: what the sentence classifier reads in it
        for event in analysis.events:
            index = event.sentence_index
            if index not in types:
                types[index] = self.model.types_of(sentence_vector(analysis.sentences[index]))
            event.confidence, top = self.model(event, types[index])
            mine = f"{self.model.name} ({self.model.origin}): {event.confidence}; most weight: {', '.join(top)}"
            earlier = event.reasons.get("confidence")  # a model-made type says its own probability first
            event.reasons["confidence"] = f"{earlier}; {mine}" if earlier else mine
            if event.confidence >= self.min_confidence and (self.keep_uncoded or codeable(event)):
                kept.append(event)
        analysis.events = kept
        return analysis


def codeable(event: Event) -> bool:
    """Whether a party has a code or the event a located country."""
    return any(a.code for a in event.actor + event.recipient) or (event.location is not None and event.location.country is not None)
