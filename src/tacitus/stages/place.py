"""The place stage: where an event happened, from the places named in its clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dictionaries import ActorDictionary, load_actor_dictionary
from ..model import Location
from ..registry import register_stage
from .base import Analysis
from .time import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PlaceStage"]

PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout", "into", "outside"})


@register_stage("tacitus.place.v1", role="place", writes=("Event.location",))
class PlaceStage:
    """Location from 'in/at/near PLACE' in the event's clause, else in its sentence; countries and capitals."""

    version = "tacitus.place.v1"

    def __init__(self) -> None:
        self.dictionary: ActorDictionary = load_actor_dictionary(())

    def _location(self, analysis: Analysis, tok: Token) -> Location | None:
        for m in analysis.mentions:
            if m.i <= tok.i < m.j and m.kind in ("country", "capital"):
                if m.kind == "capital":
                    name = analysis.doc[m.i : m.j].text
                    lat, lon = self.dictionary.capital_coords.get(name, (None, None))
                    return Location(name=name, country=m.country, lat=lat, lon=lon)
                return Location(name=m.name or analysis.doc[m.i : m.j].text, country=m.country)
        if tok.ent_type_ in ("GPE", "LOC", "FAC"):
            ent = next((e for e in analysis.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return Location(name=ent.text, country=None)
        return None

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        for event in analysis.events:
            anchor = doc[event.anchor]
            verb = clause_verb(anchor)
            sent = anchor.sent
            best = None
            for tok in sent:
                if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
                    continue
                loc = self._location(analysis, tok)
                if loc is None:
                    continue
                in_clause = clause_verb(tok.head.head) == verb or tok.head.head.i == anchor.i
                key = (0 if in_clause else 1, abs(tok.i - anchor.i))
                if best is None or key < best[0]:
                    best = (key, loc, f"'{tok.head.text} {tok.text}' {'in the event clause' if in_clause else 'in the sentence'}")
            if best is not None:
                event.location = best[1]
                event.reasons["location"] = best[2]
        return analysis
