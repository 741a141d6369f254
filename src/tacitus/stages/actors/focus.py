"""The country an article is about, for ``Resolution.country_in_focus``: the one it names most, when that one dominates,
or, in an article that names no country, the country of its wire dateline ("OKLAHOMA CITY - ")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...gazetteer import load_gazetteer
from ..base import Analysis, Mention
from .places import setting
from .words import BACKING_PARTICIPLES, FOCUS_DOMINANCE, FOCUS_MIN_MENTIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["against", "count_focus"]

# What counts as naming a country for the focus: its name, capital, demonym, a person or a metonym of it.
FOCUS_KINDS = ("country", "adjective", "capital", "person", "metonym")


def against(doc: Doc, m: Mention) -> bool:
    """'anti-Syria', 'pro-Western': what the actor is against or for; 'Turkish-backed rebels': their backer (not 'Saudi-led')."""
    return (m.i >= 2 and doc[m.i - 1].text == "-" and doc[m.i - 2].lower_ in ("anti", "pro", "counter")) or (
        m.j + 1 < len(doc) and doc[m.j].text == "-" and doc[m.j + 1].lower_ in BACKING_PARTICIPLES)


def count_focus(analysis: Analysis, by_token: dict[int, Mention]) -> tuple[str, str, int | None] | None:
    """(country, reason, the sentence start of its one mention when it is named only once) for ``country_in_focus``:
    the country named most, when named at least ``FOCUS_MIN_MENTIONS`` times and ``FOCUS_DOMINANCE`` times as often
    as the next, or when it is the only one named; with no country named at all, the dateline's."""
    doc = analysis.doc
    counts: dict[str, list[Mention]] = {}
    for m in analysis.mentions:
        if m.kind in FOCUS_KINDS and m.country and not against(doc, m):
            counts.setdefault(m.country, []).append(m)
    if not counts:
        if any(m.kind in FOCUS_KINDS and m.country for m in analysis.mentions):
            return None  # only "anti-US", "Turkish-backed": a country named, just not as the story's
        found = load_gazetteer().dateline_place(analysis.article.text)
        if found is None:
            return None
        place, words, why = found
        return place.country, f"inferred: {place.country} is the country of the article's dateline '{words}' ({why}), the only one it names", None
    ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
    top, named = ranked[0]
    n, second = len(named), len(ranked[1][1]) if len(ranked) > 1 else 0
    if (n < FOCUS_MIN_MENTIONS and second) or n < FOCUS_DOMINANCE * second:
        return None
    lone = doc[named[0].i].sent.start if n < FOCUS_MIN_MENTIONS and not setting(doc, named[0], by_token) else None
    return top, f"inferred: {top} is the country the article is about (named {n} times, the next {second})", lone
