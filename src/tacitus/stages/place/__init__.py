"""The place stage: where each event happened.

- ``names``: the place names of an article (gazetteer matches merged with the actors stage's mentions) and its dateline;
- ``prepositions``: ``tacitus.place.v1`` and ``tacitus.place.v2``, the place named after a locative preposition;
- ``relations``: how a place relates to an event's act (a locative of its clause, a venue, an attack's target);
- ``stage``: ``tacitus.place.v3`` (the default), the place from those relations, the dateline or a state body's home.
"""

from __future__ import annotations

from .names import Dateline, PlaceSpan, find_place_spans
from .prepositions import GazetteerPlaceStage, PlaceStage
from .stage import RelationalPlaceStage

__all__ = ["Dateline", "GazetteerPlaceStage", "PlaceSpan", "PlaceStage", "RelationalPlaceStage", "find_place_spans"]
