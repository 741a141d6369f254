"""Place names in an article: gazetteer matches merged with the actors stage's country, capital and metonym
mentions (``find_place_spans``), the article's dateline, and an index of both for the per-event questions."""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...gazetteer import DATELINE, DATELINE_V3, Gazetteer, Place
from ...model import Location
from ..base import Mention
from ..syntax import GENERIC_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["AREA_NOUNS", "DATELINE", "DATELINE_V3", "Dateline", "PlaceSpan", "SpanIndex", "entity_at", "find_place_spans", "part_of_longer_name",
           "place_names"]

# Nouns that name an area around a place: "the outskirts of Kabul", "the city of Aleppo", "Helmand province".
AREA_NOUNS = frozenset(
    "city town village capital province state region governorate district county oblast prefecture municipality "
    "outskirts suburbs suburb north south east west centre center heart streets area port coast shores sector quarter "
    "neighbourhood neighborhood part parts vicinity".split()
)
KIND_NOUNS = {"province": "admin1", "state": "admin1", "region": "admin1", "governorate": "admin1", "oblast": "admin1",
              "prefecture": "admin1", "city": "city", "town": "city", "village": "city", "capital": "city", "port": "city"}
FOLLOWING_KIND = {k: v for k, v in KIND_NOUNS.items() if k in ("province", "state", "region", "governorate", "oblast", "prefecture", "city")}
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Entity types a place name never has ("in March", "Obama said"); ORG is allowed, as towns are often tagged so.
NOT_PLACE_ENTS = frozenset({"PERSON", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
PLACE_MENTIONS = frozenset({"country", "capital", "metonym"})
BLOCKING_MENTIONS = frozenset({"person", "org", "agent"})


@dataclass(frozen=True)
class PlaceSpan:
    """Tokens [i, j) that name a place: its gazetteer readings and the actors-stage mention of the same words."""

    i: int
    j: int
    places: tuple[Place, ...]
    mention: Mention | None = None


@dataclass(frozen=True)
class Dateline:
    text: str
    place: Place | None
    location: Location
    reason: str


def entity_at(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of, read from its IOB tags (not by scanning ``doc.ents``)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == tok.ent_type_:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end] if start < end else None


class SpanIndex:
    """One article's place spans and mentions, ordered by position, with the countries and regions each text
    names: what ``resolve_span`` asks of the whole article, answered without scanning it per event."""

    def __init__(self, doc: Doc, spans: list[PlaceSpan], mentions: list[Mention]) -> None:
        self.spans = spans
        self._spans = sorted(spans, key=lambda s: s.i)
        self._span_starts = [s.i for s in self._spans]
        self._mentions = sorted(mentions, key=lambda m: m.i)
        self._mention_starts = [m.i for m in self._mentions]
        self.countries: dict[str, set[str]] = {}  # country -> the texts of the mentions naming it
        for m in self._mentions:
            if m.country:
                self.countries.setdefault(m.country, set()).add(doc[m.i : m.j].text)
        self.regions: dict[tuple[str, str], set[str]] = {}  # (country, region) -> the texts of spans naming it
        for s in self._spans:
            for p in s.places:
                if p.kind == "admin1":
                    self.regions.setdefault((p.country, p.name), set()).add(doc[s.i : s.j].text)

    def spans_in(self, start: int, end: int) -> list[PlaceSpan]:
        return self._spans[bisect_left(self._span_starts, start) : bisect_left(self._span_starts, end)]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return self._mentions[bisect_left(self._mention_starts, start) : bisect_left(self._mention_starts, end)]

    @staticmethod
    def named_other_than(named: dict[Any, set[str]], text: str) -> frozenset[Any]:
        """The keys some text other than ``text`` names."""
        return frozenset(key for key, texts in named.items() if texts - {text})


def find_place_spans(doc: Doc, gazetteer: Gazetteer, mentions: list[Mention], *, start: int = 0,
                     not_place_ents: frozenset[str] = NOT_PLACE_ENTS,
                     place_context: Callable[[Token], bool] | None = None) -> list[PlaceSpan]:
    """Gazetteer names (longest, case-sensitive, proper nouns) merged with country, capital and metonym mentions;
    a name whose last word has an entity type in ``not_place_ents`` is left out. With ``place_context``, a
    name the tagger read as a common word counts where that says its last word stands as a place ("in Reading")."""
    words = [t.text for t in doc]
    spans: list[PlaceSpan] = []
    i = max(start, 0)
    n = len(words)
    longest = gazetteer.longest
    while i < n:
        word = words[i]
        if not word[:1].isupper() or word.lower() not in longest:
            i += 1
            continue
        found = gazetteer.match_at(words, i)
        if found is None:
            i += 1
            continue
        j, places = found
        if j - i == 1 and word.lower() in GENERIC_NAMES:
            i += 1
            continue
        last = doc[j - 1]
        if (last.ent_type_ in PLACE_ENTS or (last.pos_ == "PROPN" and last.ent_type_ not in not_place_ents)
                or (place_context is not None and place_context(last))):
            spans.append(PlaceSpan(i, j, tuple(places)))
            i = j
        else:
            i += 1
    kept: list[PlaceSpan] = []
    used: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.i)
    starts = [m.i for m in ordered]
    widest = max((m.j - m.i for m in ordered), default=0)
    for span in spans:  # the mentions overlapping a span start at most ``widest`` tokens before it
        overlapping = [m for m in ordered[bisect_left(starts, span.i - widest) : bisect_left(starts, span.j)] if span.i < m.j]
        if any(m.kind in BLOCKING_MENTIONS and not (span.i <= m.i and m.j <= span.j and (m.i, m.j) != (span.i, span.j)) for m in overlapping):
            continue  # part of a person's or an organisation's name ("Georgia Tech")
        if any(m.i <= span.i and span.j <= m.j and (m.i, m.j) != (span.i, span.j) for m in overlapping):
            continue  # inside a longer mention ("Islamic Republic of Afghanistan")
        same = next((m for m in overlapping if (m.i, m.j) == (span.i, span.j) and m.kind in PLACE_MENTIONS), None)
        kept.append(PlaceSpan(span.i, span.j, span.places, same))
        used.update(range(span.i, span.j))
    for m in mentions:
        if m.kind not in ("country", "capital") or m.i < start or any(k in used for k in range(m.i, m.j)):
            continue
        places: tuple[Place, ...] = ()
        if m.kind == "country" and m.country in gazetteer.countries:
            places = (gazetteer.countries[m.country],)
        elif m.kind == "capital":
            places = tuple(p for p in gazetteer.lookup([t.text for t in doc[m.i : m.j]], case_sensitive=False)
                           if p.kind == "city" and p.country == m.country)
        kept.append(PlaceSpan(m.i, m.j, places, m))
    return sorted(kept, key=lambda s: s.i)



# --- tacitus.place.v3: a gazetteer match is a place only where it is a whole name -----------------------------------

# Words that may stand beside a place name inside the same proper name without making it another thing's name:
# "Helmand Province", "Kano State", "South Texas", "Greater London", "Washington DC".
NAME_KIND_WORDS = frozenset(
    "city province state region governorate district county oblast prefecture municipality island islands valley "
    "north south east west northern southern eastern western central upper lower greater inner outer dc d.c.".split()
)
# A place name ending in one of these and followed by "of" + a name is part of a longer name: "Northern District of
# Texas" (a court's district, not Israel's Northern District), "Capital Region of Denmark".
OF_NAME_HEADS = frozenset("district province region state county republic territory".split())
# Entities whose words are never a place's own name ("the Green New Deal" is a LAW or ORG, not Deal in Kent).
NAME_ENTS = frozenset({"ORG", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "PERSON", "NORP", "FAC", "LANGUAGE"})
# v3 reads a gazetteer name as a place whatever person or nationality entity the small model tags it as (a town after
# "near the town of" tagged NORP, a peninsula tagged PERSON): only its position makes it the event's place.
NOT_PLACE_ENTS_V3 = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"})
# Seats of power that are places as well as actors ("his White House meeting", "talks at the Kremlin").
SEAT_SECTORS = frozenset({"GOV", "LEG"})


def _joined(doc: Doc, a: int, b: int) -> bool:
    """Whether proper nouns ``a`` and ``b`` (adjacent, a < b) belong to one name: one is a compound of a word of the
    other's name, or they are one entity."""
    left, right = doc[a], doc[b]
    if left.pos_ != "PROPN" or right.pos_ != "PROPN" or not left.text[:1].isupper():
        return False
    if right.ent_iob_ == "I" and right.ent_type_ == left.ent_type_:
        return True
    return left.dep_ in ("compound", "flat") and left.head.i >= b


def part_of_longer_name(doc: Doc, span: PlaceSpan) -> str | None:
    """The longer proper name a place match is cut out of ("Deal" in "Green New Deal", "Alliance" in "Vaccine
    Alliance", "Northern District" in "Northern District of Texas", "Georgia" in "Georgia Tech"), or None."""
    start, end = span.i, span.j
    while start > 0 and _joined(doc, start - 1, start):
        start -= 1
    while end < len(doc) and _joined(doc, end - 1, end):
        end += 1
    extra = [t for t in (*doc[start : span.i], *doc[span.j : end]) if t.lower_ not in NAME_KIND_WORDS]
    if extra:
        return doc[start:end].text
    last = doc[span.j - 1]
    if (last.lower_ in OF_NAME_HEADS and span.j + 1 < len(doc) and doc[span.j].lower_ == "of"
            and doc[span.j + 1].text[:1].isupper()):
        return f"{doc[span.i : span.j].text} of {doc[span.j + 1].text}"
    ent = entity_at(last)
    if ent is not None and ent.label_ in NAME_ENTS:
        words = [t for t in ent if not (span.i <= t.i < span.j) and t.lower_ not in NAME_KIND_WORDS and t.lower_ != "the"]
        if words:
            return ent.text
    return None


def _region_reading(doc: Doc, gazetteer: Gazetteer, span: PlaceSpan) -> PlaceSpan:
    """A name the actors stage reads as a country that is a region of it ("the Gaza Strip", "Scotland"): the region,
    not the country. A country's own name ("Mexico", also a Mexican state) stays the country."""
    m = span.mention
    if m is None or m.kind != "country":
        return span
    words = [t.text for t in doc[span.i : span.j] if t.lower_ != "the"]  # the mention may hold "the"
    readings = gazetteer.lookup(words)
    inside = tuple(dict.fromkeys(p for p in (*span.places, *readings) if p.kind != "country" and p.country == m.country))
    if not inside or any(p.kind == "country" for p in readings):
        return span
    return PlaceSpan(span.i, span.j, inside, None)


# Prepositions after which a capitalised word the tagger read as a common noun is a place name ("marched in Reading").
PLACE_CONTEXT_PREPS = frozenset("in at near outside inside around across through into from to towards toward".split())
CALENDAR_WORDS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)


def in_place_context(tok: Token) -> bool:
    """A capitalised word inside a sentence, with no entity type but a place's, standing as the object of a locative
    preposition: "Union members marched in Reading" (tagged a noun), not "Reading the report, ..." nor "in March"."""
    return (tok.text[:1].isupper() and not tok.is_sent_start and tok.ent_type_ in ("", *PLACE_ENTS)
            and tok.lower_ not in CALENDAR_WORDS and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_CONTEXT_PREPS)


def place_names(doc: Doc, gazetteer: Gazetteer, mentions: list[Mention], *, start: int = 0) -> list[PlaceSpan]:
    """The article's place names as v3 reads them: ``find_place_spans`` less the matches cut out of a longer proper
    name, a region the actors stage reads as its country as the region, plus the seats of power the actors stage found
    ("the White House", "the Kremlin"), which name a place too."""
    found = find_place_spans(doc, gazetteer, mentions, start=start, not_place_ents=NOT_PLACE_ENTS_V3, place_context=in_place_context)
    kept = [_region_reading(doc, gazetteer, s) for s in found if part_of_longer_name(doc, s) is None]
    used = {k for s in kept for k in range(s.i, s.j)}
    for m in mentions:
        if m.kind == "metonym" and m.sector in SEAT_SECTORS and m.i >= start and not any(k in used for k in range(m.i, m.j)):
            kept.append(PlaceSpan(m.i, m.j, (), m))
            used.update(range(m.i, m.j))
    return sorted(kept, key=lambda s: s.i)
