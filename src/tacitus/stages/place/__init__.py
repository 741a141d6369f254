"""The place stage: where each event happened.

- ``names``: the place names of an article (gazetteer matches merged with the actors stage's mentions) and its dateline;
- ``prepositions``: ``tacitus.place.v1`` and ``tacitus.place.v2``, the place named after a locative preposition.
"""

from __future__ import annotations

from .names import Dateline, PlaceSpan, find_place_spans
from .prepositions import GazetteerPlaceStage, PlaceStage

__all__ = ["Dateline", "GazetteerPlaceStage", "PlaceSpan", "PlaceStage", "find_place_spans"]
