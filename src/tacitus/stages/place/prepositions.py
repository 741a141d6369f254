"""Places by preposition: v1 takes the country or capital after "in/at/near" in the event's clause, else its sentence;
v2 also reads the gazetteer (cities, regions), area nouns ("the outskirts of Kabul"), a city the event acts on, and
the dateline, telling places that share a name apart by the actors' countries."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...dictionaries import ActorDictionary
from ...gazetteer import DEFAULT_WEIGHTS, Context, Gazetteer, Place, Weights, dateline_match, load_gazetteer
from ...model import Event, Location
from ...registry import register_stage
from ...user_dictionaries import load_actor_dictionary
from ..base import Analysis
from ..syntax import clause_verb
from .names import (AREA_NOUNS, DATELINE, FOLLOWING_KIND, KIND_NOUNS, PLACE_ENTS, Dateline, PlaceSpan, SpanIndex,
                    entity_at, find_place_spans)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["GazetteerPlaceStage", "PlaceStage"]

PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout", "into", "outside"})


@register_stage("tacitus.place.v1", role="place", reads=("Event.trigger", "doc.sents", "token.dep_", "doc.ents"), writes=("Event.location",))
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
            ent = _entity_at(tok)
            if ent is not None:
                return Location(name=ent.text, country=None)
        return None

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        for event in analysis.events:
            anchor = doc[event.anchor]
            verb = clause_verb(anchor)
            sent = analysis.sentence_of(anchor)[1]
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



# --- tacitus.place.v2: the gazetteer, datelines and the actors' countries -------------------------

# v2 also reads "around Sarajevo", "within Syria", "along the coast of ...", "off the coast of ..."
V2_PLACE_PREPS = PLACE_PREPS | {"around", "within", "along", "off"}



@register_stage("tacitus.place.v2", role="place", reads=("Event.trigger", "doc.sents", "token.dep_", "doc.ents"), writes=("Event.location",))
class GazetteerPlaceStage:
    """Location from 'in/at/near PLACE' in the event's clause, else the sentence, else the dateline; gazetteer of cities, regions and countries, told apart by the actors' countries."""

    version = "tacitus.place.v2"
    weights: Weights = DEFAULT_WEIGHTS  # how places sharing a name are told apart (v3 weighs the article more)
    dateline_pattern: re.Pattern[str] = DATELINE

    def __init__(self) -> None:
        self.dictionary: ActorDictionary = load_actor_dictionary(())
        self.gazetteer: Gazetteer = load_gazetteer()
        self._index: SpanIndex | None = None  # the article being placed (set by ``__call__``)

    # --- the article: place names, datelines, countries named --------------------------------------
    def dateline(self, analysis: Analysis, article_countries: frozenset[str]) -> Dateline | None:
        """The place in a dateline at the start of the article ("KABUL, March 3 -")."""
        found = dateline_match(analysis.article.text, self.dateline_pattern)
        if found is None:
            return None
        text = found.group("place").strip()
        words = self.gazetteer.tokenize(text)
        places = self.gazetteer.lookup(words, case_sensitive=not text.isupper())
        within = self._country_or_region(found.group("within"), case_sensitive=not text.isupper()) if found.group("within") else ()
        country = self._country_code(words)
        if country and country in self.gazetteer.countries:
            places = [*places, self.gazetteer.countries[country]]
        if not places:
            return None
        context = Context(within=within, article=article_countries, country_reading=country)
        resolved = self.gazetteer.resolve(places, context, weights=self.weights)
        if resolved is None:
            return None
        place, why = resolved
        return Dateline(text, place, self._location(place), f"dateline '{text}': {place.describe()}; {why}")

    def _country_code(self, words: list[str]) -> str | None:
        entries = self.dictionary.lookup(words) or self.dictionary.lookup([w.title() if w.isupper() and len(w) > 3 else w for w in words])
        return next((e.country for e in entries if e.kind == "country" and e.country), None)

    def _country_or_region(self, text: str, *, case_sensitive: bool = True) -> tuple[Place, ...]:
        words = self.gazetteer.tokenize(text.strip())
        code = self._country_code(words)
        if code and code in self.gazetteer.countries:
            return (self.gazetteer.countries[code],)
        return tuple(p for p in self.gazetteer.lookup(words, case_sensitive=case_sensitive) if p.kind in ("country", "admin1"))

    def _location(self, place: Place) -> Location:
        if place.kind == "country":
            entry = self.dictionary.countries.get(place.country)
            return place.location(name=entry.name if entry else place.name)
        return place.location()

    # --- one place name in one event's context -----------------------------------------------------
    def resolve_span(self, analysis: Analysis, span: PlaceSpan, event: Event, spans: list[PlaceSpan],
                     dateline: Dateline | None, kind: str | None = None) -> tuple[Location, str] | None:
        doc = analysis.doc
        text = doc[span.i : span.j].text
        m = span.mention
        places = list(span.places)
        if m is not None and m.kind == "country" and m.country in self.gazetteer.countries:
            places.append(self.gazetteer.countries[m.country])
        if not places:
            if m is not None and m.kind == "country":
                return Location(name=m.name or text, country=m.country), f"country {m.name or text} ({m.reason}); not in the gazetteer, so no coordinates"
            if m is not None and m.kind == "capital":
                lat, lon = self.dictionary.capital_coords.get(text, (None, None))
                return Location(name=text, country=m.country, lat=lat, lon=lon), f"capital of {m.country} ({m.reason})"
            return None
        sent = analysis.sentence_of(doc[span.i])[1]
        start, end = doc[span.i].idx, doc[span.j - 1].idx + len(doc[span.j - 1])
        actors = frozenset(a.country for a in (*event.actor, *event.recipient)  # named, not inferred from this place
                           if a.country and "inferred:" not in a.reason and not (a.start < end and start < a.end))
        index = self._index if self._index is not None and self._index.spans is spans else SpanIndex(doc, spans, analysis.mentions)
        in_sentence = frozenset(x.country for x in index.mentions_in(sent.start, sent.end)
                                if x.country and not (x.i < span.j and span.i < x.j))
        in_article = index.named_other_than(index.countries, text)
        regions_sentence = {(p.country, p.name) for other in index.spans_in(sent.start, sent.end)
                            if other is not span and doc[other.i : other.j].text != text
                            for p in other.places if p.kind == "admin1"}
        regions_article = index.named_other_than(index.regions, text) | regions_sentence
        context = Context(
            within=self._qualifier(analysis, span, spans),
            kind=kind or self._kind_after(doc, span),
            actors=actors,
            sentence=self._sentence_countries(in_sentence, event),
            article=in_article,
            dateline=frozenset({dateline.place.country}) if dateline and dateline.place else frozenset(),
            regions_in_sentence=frozenset(regions_sentence),
            regions_in_article=frozenset(regions_article),
            country_reading=m.country if m is not None and m.kind == "country" else None,
        )
        resolved = self.gazetteer.resolve(places, context, weights=self.weights)
        if resolved is None:
            return None
        place, why = resolved
        return self._location(place), f"{place.describe()}; {why}"

    @staticmethod
    def _sentence_countries(named: frozenset[str], event: Event) -> frozenset[str]:
        """The countries of the sentence that count for telling places apart (v2: all it names)."""
        return named

    def _qualifier(self, analysis: Analysis, span: PlaceSpan, spans: list[PlaceSpan]) -> tuple[Place, ...]:
        """The place named right after a comma: "Paris, Texas", "Kabul, Afghanistan"."""
        doc = analysis.doc
        if span.j + 1 >= len(doc) or doc[span.j].text != ",":
            return ()
        nxt = next((s for s in (self._index.spans_in(span.j + 1, span.j + 2) if self._index is not None and self._index.spans is spans
                                else spans) if s.i == span.j + 1), None)
        if nxt is None:
            return ()
        out = [p for p in nxt.places if p.kind in ("country", "admin1")]
        if nxt.mention is not None and nxt.mention.kind == "country" and nxt.mention.country in self.gazetteer.countries:
            out.append(self.gazetteer.countries[nxt.mention.country])
        return tuple(out)

    @staticmethod
    def _kind_after(doc: Doc, span: PlaceSpan) -> str | None:
        """'Helmand province' asks for a region, 'Gaza city' for a city."""
        return FOLLOWING_KIND.get(doc[span.j].lower_) if span.j < len(doc) else None

    # --- which place name is the event's --------------------------------------------------------------
    @staticmethod
    def _named_object(tok: Token, by_token: dict[int, PlaceSpan]) -> tuple[PlaceSpan, str | None] | None:
        """The place span a preposition's object names, directly or through an area noun."""
        if tok.i in by_token:
            return by_token[tok.i], None
        if not tok.text.islower() or tok.lower_ not in AREA_NOUNS:
            return None
        kind = KIND_NOUNS.get(tok.lower_) if tok.lower_ not in ("capital", "port") else None
        for child in tok.children:  # "Helmand province", "the Afghan capital, Kabul"
            if child.dep_ in ("compound", "appos", "nmod") and child.i in by_token:
                return by_token[child.i], kind
        for child in tok.children:  # "the outskirts of Kabul", "the city of Aleppo"
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in by_token:
                        return by_token[obj.i], kind
        return None

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.events:
            return analysis
        doc = analysis.doc
        dateline_end = 0
        found = self.dateline_pattern.match(analysis.article.text[:160])
        if found is not None:
            end_tok = doc.char_span(0, found.end(), alignment_mode="expand")
            dateline_end = end_tok.end if end_tok is not None else 0
        spans = find_place_spans(doc, self.gazetteer, analysis.mentions, start=dateline_end)
        self._index = SpanIndex(doc, spans, analysis.mentions)
        by_token = {k: s for s in spans for k in range(s.i, s.j)}
        article_countries = frozenset(m.country for m in analysis.mentions if m.country)
        dateline = self.dateline(analysis, article_countries)
        for event in analysis.events:
            anchor = doc[event.anchor]
            verb = clause_verb(anchor)
            sent = analysis.sentence_of(anchor)[1]
            best: tuple[tuple[int, int], Location, str] | None = None
            for tok in sent:
                area = tok.text.islower() and tok.lower_ in AREA_NOUNS  # "the outskirts of", not "North Korea"
                if tok.dep_ != "pobj" or not (tok.head.lower_ in V2_PLACE_PREPS or tok.head.lower_ == "on" and area):
                    continue
                named = self._named_object(tok, by_token)
                in_clause = clause_verb(tok.head.head) == verb or tok.head.head.i == anchor.i
                key = (0 if in_clause else 2, abs(tok.i - anchor.i))
                if best is not None and key >= best[0]:
                    continue
                where = "in the event clause" if in_clause else "in the sentence"
                if named is not None:
                    span, kind = named
                    resolved = self.resolve_span(analysis, span, event, spans, dateline, kind)
                    if resolved is not None:
                        phrase = doc[tok.head.i : min(max(tok.i, span.j - 1), tok.head.i + 12) + 1].text
                        best = (key, resolved[0], f"'{phrase}' {where}: {resolved[1]}")
                        continue
                fallback = (key[0] + 1, key[1])
                if tok.ent_type_ in PLACE_ENTS and tok.head.lower_ in V2_PLACE_PREPS and (best is None or fallback < best[0]):
                    ent = entity_at(tok)  # a place the gazetteer lacks
                    name = ent.text[4:] if ent is not None and ent.text.lower().startswith("the ") else (ent.text if ent else "")
                    if ent is not None and name:
                        best = (fallback, Location(name=name, country=None),
                                f"'{tok.head.text} {ent.text}' {where}: a {ent.label_} name not in the gazetteer, so no country or coordinates")
            if best is None:
                best = self._named_in_sentence(analysis, event, spans, dateline)
            if best is not None:
                event.location, event.reasons["location"] = best[1], best[2]
            elif dateline is not None:
                event.location, event.reasons["location"] = dateline.location, dateline.reason
        return analysis

    def _named_in_sentence(self, analysis: Analysis, event: Event, spans: list[PlaceSpan],
                           dateline: Dateline | None) -> tuple[tuple[int, int], Location, str] | None:
        """A city or region the sentence names as a place, or the event acts on ("shelled Idlib"), but not as its source."""
        doc = analysis.doc
        anchor = doc[event.anchor]
        sent = analysis.sentence_of(anchor)[1]
        sources = [(a.start, a.end) for a in event.actor]
        best = None
        for span in self._index.spans_in(sent.start, sent.end):
            if span.mention is not None or not span.places:
                continue
            last = doc[span.j - 1]
            if all(p.kind == "country" for p in span.places):
                continue
            acted_on = last.dep_ == "dobj" and last.head.i in (anchor.i, clause_verb(anchor).i)
            if not acted_on and last.ent_type_ not in PLACE_ENTS:
                continue
            start, end = doc[span.i].idx, doc[span.j - 1].idx + len(doc[span.j - 1])
            if any(s < end and start < e for s, e in sources):
                continue
            key = (4, abs(span.i - anchor.i))
            if best is not None and key >= best[0]:
                continue
            resolved = self.resolve_span(analysis, span, event, spans, dateline)
            if resolved is not None:
                how = f"object of '{last.head.text}'" if acted_on else "named in the sentence"
                best = (key, resolved[0], f"'{doc[span.i:span.j].text}', {how}: {resolved[1]}")
        return best
