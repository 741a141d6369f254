"""tacitus.place.v3: an event's place from how a place relates to its act (``relations``), else the dateline for the
article's lead, else -- for a state body acting at home -- its country, flagged as inferred.

Measured on the annotated real news (development split, benchmarks/realnews.py): v2 took any place named in the
sentence, so that a place only mentioned (an attack's planners' base, a meeting's topic, an origin) became the
event's, and words cut out of longer names ("Deal" of "Green New Deal") became places; v3 reads a place only in a
place-like position (``names.place_names``) and only where it relates to the act.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...gazetteer import Place, Weights
from ...model import Actor, Event, Location
from ...registry import register_stage
from ..base import Analysis
from ..syntax import clause_verb
from .names import DATELINE_V3, Dateline, PlaceSpan, SpanIndex, place_names
from .prepositions import GazetteerPlaceStage
from .relations import Capital, Nationality, Scene, Site, Target, act_or_topic, relations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["RelationalPlaceStage"]

# A state body of these sectors acts at home when no place is named: a parliament, a court, the police.
HOME_SECTORS = frozenset({"LEG", "JUD", "COP"})
# ... and one of these when what it acts on is of its own country: a government arresting its opposition.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "SPY"})
# Types of act done in person where they happen: a dateline places them whoever the parties are.
IN_PERSON_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT", "CONSULT"})
LEAD_SENTENCES = 3  # the dateline places the acts of the article's first paragraph, at most this many sentences


@register_stage("tacitus.place.v3", role="place", reads=("Event.trigger", "Event.actor", "doc.sents", "token.dep_", "doc.ents"),
                writes=("Event.location", "Event.modality.inferred", "Event.actor", "Event.recipient"), defaults={"infer_home": True})
class RelationalPlaceStage(GazetteerPlaceStage):
    """Location from how a place relates to the act: a locative of its clause or participants, the venue of a meeting
    or visit, the target of an attack on a place; else the dateline for the article's lead; else a state body's own
    country when it acts at home (``infer_home``), flagged in ``modality.inferred``."""

    version = "tacitus.place.v3"
    # The text's countries weigh more than in v2: "Hyderabad" in an article about Pakistan is Pakistan's, "Tripoli"
    # beside "the Lebanese coast" Lebanon's; not so much that a small town beats a city 8 times larger for the
    # article naming its country ("talks in Geneva" in an article about the United States).
    weights = Weights(country_in_sentence=1.5, country_of_dateline=1.5, country_in_article=0.8)
    dateline_pattern = DATELINE_V3

    def __init__(self, *, infer_home: bool = True) -> None:
        super().__init__()
        self.infer_home = infer_home
        self._capitals: dict[str, Place] = {p.country: p for p in self.gazetteer.capitals}

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.events:
            return analysis
        doc = analysis.doc
        named = Counter(m.country for m in analysis.mentions if m.country and m.kind in ("country", "capital", "adjective"))
        dateline = self.dateline(analysis, frozenset(named))
        dateline_end = 0
        found = self.dateline_pattern.match(analysis.article.text[:160]) if dateline is not None else None
        if found is not None:  # the dateline's words are not the events' places
            end_tok = doc.char_span(0, found.end(), alignment_mode="expand")
            dateline_end = end_tok.end if end_tok is not None else 0
        spans = place_names(doc, self.gazetteer, analysis.mentions, start=dateline_end)
        self._index = SpanIndex(doc, spans, analysis.mentions)
        scene = Scene(doc, {k: s for s in spans for k in range(s.i, s.j)}, self._adjective_country)
        lead_end = self._lead_end(analysis)
        for event in analysis.events:
            placed = self._related(analysis, scene, event, spans, dateline, named)
            if placed is None and dateline is not None:
                placed = self._from_dateline(analysis, event, dateline, lead_end)
                if placed is not None:
                    _bodies_of_dateline(event, dateline)
            if placed is None and self.infer_home:
                placed = self._home(event, doc)
                if placed is not None:
                    event.modality.inferred.append("location")
            if placed is not None:
                event.location, event.reasons["location"] = placed
        return analysis

    @staticmethod
    def _sentence_countries(named: frozenset[str], event: Event) -> frozenset[str]:
        """The countries the sentence names besides the event's parties: the parties' own countries say little about
        where they met ("U.S. and Russian diplomats met in Geneva"); they count as the actors' countries instead."""
        return named - {a.country for a in (*event.actor, *event.recipient) if a.country}

    # --- the place a relation names ------------------------------------------------------------------------------
    def _related(self, analysis: Analysis, scene: Scene, event: Event, spans: list[PlaceSpan], dateline: Dateline | None,
                 named: Counter[str]) -> tuple[Location, str] | None:
        doc = analysis.doc
        for relation in relations(scene, event):
            resolved = self._target(analysis, relation.target, event, spans, dateline, named)
            if resolved is not None:
                phrase = doc[relation.start : min(relation.end, relation.start + 14)].text
                return resolved[0], f"'{phrase}', {relation.how}: {resolved[1]}"
        if dateline is not None and self._here(doc[event.anchor]):
            return dateline.location, f"'here', the dateline's place: {dateline.reason}"
        return self._local(analysis, event, spans, dateline)

    def _local(self, analysis: Analysis, event: Event, spans: list[PlaceSpan], dateline: Dateline | None) -> tuple[Location, str] | None:
        """A source called 'local' ("local authorities", "local police") is of the one town or region its sentence
        names: "The house in Leeds was moved once, and local officials now want it moved again"."""
        doc = analysis.doc
        heads = [span.root for a in event.actor if (span := doc.char_span(a.start, a.end, alignment_mode="expand")) is not None]
        local = next((h for h in heads if any(c.dep_ == "amod" and c.lower_ == "local" for c in h.children)), None)
        if local is None:
            return None
        sent = analysis.sentence_of(doc[event.anchor])[1]
        towns = [s for s in self._index.spans_in(sent.start, sent.end)
                 if s.places and all(p.kind != "country" for p in s.places) and s.mention is None]
        if len({doc[s.i : s.j].text for s in towns}) != 1:
            return None
        resolved = self.resolve_span(analysis, towns[0], event, spans, dateline)
        if resolved is None:
            return None
        return resolved[0], f"'local {local.text}', of the one place its sentence names, {doc[towns[0].i : towns[0].j].text!r}: {resolved[1]}"

    @staticmethod
    def _here(trigger: Token) -> bool:
        verb = clause_verb(trigger)
        return any(c.dep_ == "advmod" and c.lower_ == "here" for head in {trigger, verb} for c in head.children)

    def _target(self, analysis: Analysis, target: Target, event: Event, spans: list[PlaceSpan], dateline: Dateline | None,
                named: Counter[str]) -> tuple[Location, str] | None:
        doc = analysis.doc
        if isinstance(target, PlaceSpan):
            return self._span(analysis, target, event, spans, dateline)
        if isinstance(target, Capital):
            capital = self._capitals.get(target.country)
            if capital is None:
                return None
            return self._location(capital), f"the capital of {target.country}: {capital.describe()}"
        if isinstance(target, Nationality):
            country = self.gazetteer.countries.get(target.country)
            if country is None:
                return None
            return self._location(country), f"{doc[target.i].text!r} names {target.country}: {country.describe()}"
        assert isinstance(target, Site)
        name = doc[target.i : target.j].text
        if target.within is not None:
            within = self._target(analysis, target.within, event, spans, dateline, named)
            if within is not None and within[0].country:
                loc = within[0]
                return (Location(name=name, country=loc.country, admin1=loc.admin1, lat=loc.lat, lon=loc.lon),
                        f"a site the gazetteer lacks, in {loc.name} (its coordinates): {within[1]}")
        country, how = self._article_country(dateline, named)
        if country is None:
            return Location(name=name, country=None), "a site the gazetteer lacks, in no country the text names"
        return Location(name=name, country=country), f"a site the gazetteer lacks, in {country} ({how})"

    @staticmethod
    def _article_country(dateline: Dateline | None, named: Counter[str]) -> tuple[str | None, str]:
        """The country a site the text does not place is taken to be in: the dateline's, else the one country most of
        the article's country names name."""
        if dateline is not None and dateline.location.country:
            return dateline.location.country, "the dateline's country"
        if named:
            (top, count), total = named.most_common(1)[0], sum(named.values())
            if 2 * count > total:
                return top, f"the country named most in the article ({count} of {total} names)"
        return None, ""

    def _span(self, analysis: Analysis, span: PlaceSpan, event: Event, spans: list[PlaceSpan],
              dateline: Dateline | None) -> tuple[Location, str] | None:
        doc = analysis.doc
        m = span.mention
        if m is not None and m.kind == "metonym":  # a seat of power: the place is its country's capital
            text = doc[span.i : span.j].text
            capital = self._capitals.get(m.country or "")
            if capital is None:
                return Location(name=text, country=m.country), f"{text}, a seat of power of {m.country} ({m.reason})"
            return capital.location(), f"{text}, a seat of power in {capital.describe()} ({m.reason})"
        return self.resolve_span(analysis, span, event, spans, dateline)

    # --- the dateline, for the article's lead -------------------------------------------------------------------
    @staticmethod
    def _lead_end(analysis: Analysis) -> int:
        """The character offset where the article's lead ends: its first paragraph, at most LEAD_SENTENCES sentences."""
        text = analysis.article.text
        paragraph = text.find("\n", 1)
        end = len(text) if paragraph < 0 else paragraph
        sentences = analysis.sentences
        if len(sentences) > LEAD_SENTENCES:
            end = min(end, sentences[LEAD_SENTENCES - 1].end_char)
        return end

    @staticmethod
    def _from_dateline(analysis: Analysis, event: Event, dateline: Dateline, lead_end: int) -> tuple[Location, str] | None:
        """The dateline for an act of the lead: an act done in person, or one whose parties include the dateline's
        country or whose source has none ("WASHINGTON - Iran rejected ..." is not placed in Washington)."""
        if event.trigger.start >= lead_end or event.modality.historical:
            return None
        country = dateline.location.country
        if event.event not in IN_PERSON_TYPES:
            parties = [a.country for a in (*event.actor, *event.recipient) if a.country]
            sources = [a.country for a in event.actor if a.country]
            if sources and country not in parties:
                return None
        return dateline.location, dateline.reason + "; the article's lead"

    # --- a state body acting at home -----------------------------------------------------------------------------
    def _home(self, event: Event, doc: Doc) -> tuple[Location, str] | None:
        """A state body's own country when it acts at home and the text names no place: a parliament, a court or the
        police; a government, army or service acting on its own country's people or bodies (not on an act or a
        topic that a place of its country names: "condemned the attack in Nice" says nothing of where)."""
        if event.modality.historical:
            return None
        bodies = [a for a in event.actor if a.country and a.sector in HOME_SECTORS | DOMESTIC_SECTORS
                  and "inferred:" not in a.reason]  # its country read from the text, not from a place named
        if not bodies or len(bodies) != len(event.actor) or len({a.country for a in bodies}) != 1:
            return None
        country = bodies[0].country
        assert country is not None
        recipients = [a for a in event.recipient if not (a.sector is None and (span := doc.char_span(a.start, a.end, alignment_mode="expand"))
                                                         is not None and len(span) and act_or_topic(span.root))]
        acted_on = [a.country for a in recipients if a.country]
        if any(c != country for c in acted_on):
            return None
        at_home = [a for a in bodies if a.sector in HOME_SECTORS]
        if not at_home and not acted_on:
            return None
        place = self.gazetteer.countries.get(country)
        location = self._location(place) if place is not None else Location(name=self._country_name(country), country=country)
        body = (at_home or bodies)[0]
        why = "a body of the state at home" if at_home else f"acting on {self._party_text(event.recipient, country)} of its own country"
        return location, f"inferred: no place named; {body.text!r} ({body.sector} of {country}), {why}"

    def _country_name(self, code: str) -> str:
        entry = self.dictionary.countries.get(code)
        return entry.name if entry and entry.name else code

    @staticmethod
    def _party_text(actors: list[Actor], country: str) -> str:
        return ", ".join(repr(a.text) for a in actors if a.country == country) or "its own people"

    # --- helpers -------------------------------------------------------------------------------------------------
    def _adjective_country(self, tok: Token) -> str | None:
        """The country a nationality adjective names ("Sudanese" -> SDN), from the actor dictionary."""
        if not tok.text[:1].isupper():
            return None
        entries = self.dictionary.lookup([tok.text])
        return next((e.country for e in entries if e.kind == "adjective" and e.country), None)


def _bodies_of_dateline(event: Event, dateline: Dateline) -> None:
    """"BOSTON -- The state appeals court declined ...", "JERUSALEM - Police arrested ...": a state body with no
    country, in an act of the lead the dateline places, is a body of the dateline's country (flagged inferred)."""
    country = dateline.location.country
    if country is None:
        return
    for role, parties in (("actor", event.actor), ("recipient", event.recipient)):
        for a in parties:
            if a.code is None and a.sector in HOME_SECTORS | DOMESTIC_SECTORS:
                a.code = a.country = country
                a.reason = f"inferred: a state body in an act the dateline places, of its country {country}; {a.reason}"
                if role not in event.modality.inferred:
                    event.modality.inferred.append(role)
