"""The domestic side an act names no party for: the state that holds to account the people it charges, the actor's
own country as the target of a domestic act, the people of a place who protest there (each flagged as inferred)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Actor
from ..base import UNKNOWN_WORDS, Analysis, Mention
from .inference import sentence_countries, unattributed
from .words import NOT_DOMESTIC_WORDS, STATE_SECTORS, TAKEN_PEOPLE

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["domestic_target", "held_by_own_state", "state_body", "unnamed_protesters"]


def state_body(actor: Actor) -> bool:
    """Whether an actor is a body of a state or the state named as such ("the Turkish police", "Britain")."""
    return actor.sector in STATE_SECTORS or (actor.sector is None and actor.reason.startswith("country entry"))


def held_by_own_state(actor: list[Actor], recipient: list[Actor]) -> list[str]:
    """"Britain charged eight terror suspects", "an Israeli military court charged an army officer", "Lord Archer
    was convicted of perjury": the people a state charges, arrests, tries or convicts, with no country of their own
    named (a person by a name no dictionary knows included), are that state's (a country
    named elsewhere in the sentence, where the crime happened or whom it touched, does not change it). Only a
    state body or a state named as such; flagged as inferred."""
    states = {a.country for a in actor if a.country and state_body(a)}
    if len(states) != 1 or any(a.country and a.country not in states for a in actor):
        return []
    (country,) = states
    found = False
    for a in recipient:
        words = a.text.lower().split()
        named = a.sector is None and a.reason.startswith("no dictionary entry") and (
            a.text[:1].isupper() or (bool(words) and words[-1] in TAKEN_PEOPLE))  # "Lord Archer", "two men"
        if a.code is None and (a.sector is not None or named) and not UNKNOWN_WORDS.intersection(words) \
                and not NOT_DOMESTIC_WORDS.intersection(words):
            a.code = a.country = country
            a.reason = f"inferred: held to account by the state of {country}, with no country of its own named; {a.reason}"
            found = True
    return ["recipient"] if found else []


def domestic_target(analysis: Analysis, named: list[Mention], attributions: list[Token], anchor: Token, matched: list[Token],
                    actor: list[Actor], recipient: list[Actor], rule: str) -> tuple[list[Actor], str, list[str]]:
    """"The government lifted the state of emergency": repression and concessions that name no target,
    in a sentence that names no country but the actor's, act on the actor's own country. Flagged as inferred."""
    home = {a.country for a in actor if a.country}
    if len(home) != 1:
        return recipient, rule, []
    countries = sentence_countries(named, attributions, anchor)
    if not countries <= home:
        return recipient, rule, []
    (country,) = home
    own = {a.start for a in actor}
    igos = unattributed([m for t in anchor.sent for m in analysis.mentions_at(t.i) if m.i == t.i and m.sector == "IGO"
                         and m.country is None and t.idx not in own and not _aside(t, anchor)], attributions, anchor)
    if igos:  # "referred the dispute to the ECJ, asking for a ruling", "the IMF granted Ghana's request": the IGO's
        m = igos[0]
        span = analysis.doc[m.i:m.j]
        why = f"inferred: an act ({anchor.text!r}) naming no target, in a sentence that names {span.text!r} besides {country}"
        return [Actor(span.text, span.start_char, span.end_char, m.code, None, m.sector, m.name, m.reason)], why, ["recipient"]
    why = f"inferred: a domestic act ({anchor.text!r}) naming no target, in a sentence about {country} only"
    start, end = min(t.idx for t in matched), max(t.idx + len(t.text) for t in matched)
    return [Actor(analysis.article.text[start:end], start, end, country, country, None, None, why)], why, ["recipient"]


def _aside(token: Token, anchor: Token) -> bool:
    """Whether ``token`` is in a relative clause the act is not in ("the river, which lies inside a United Nations
    heritage site")."""
    return any(t.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP", "WRB") for c in t.children)
               and not t.left_edge.i <= anchor.i <= t.right_edge.i for t in token.ancestors)


def unnamed_protesters(analysis: Analysis, anchor: Token, recipient: list[Actor]) -> tuple[list[Actor], list[Actor], list[str]]:
    """"Anti-government protests in Cuba": the protesters are Cuban civilians, the target Cuba's government."""
    # the first such mention in the trigger's subtree (mentions are in text order, so: by the mention's first token)
    place = next(
        (m for t in anchor.subtree for m in analysis.mentions_at(t.i) if m.i == t.i and m.kind in ("country", "capital")
         and analysis.doc[m.i].dep_ == "pobj" and analysis.doc[m.i].head.lower_ in ("in", "across", "throughout")),
        None,
    )
    if place is None:
        return [], recipient, []
    doc = analysis.doc
    why = f"inferred: protest in {place.name} ({doc[place.i:place.j].text!r}) without named protesters"
    actor = Actor(anchor.text, anchor.idx, anchor.idx + len(anchor.text), place.country, place.country, "CVL", None, why)
    inferred = ["actor"]
    anti = [t for t in anchor.lefts if t.lower_ in ("government", "regime")]
    if not recipient and anti and anti[0].i >= 2 and doc[anti[0].i - 2].lower_ == "anti":
        span = doc[anti[0].i - 2 : anti[0].i + 1]
        recipient = [Actor(span.text, span.start_char, span.end_char, place.country, place.country, "GOV", None,
                           f"inferred: '{span.text}' protest in {place.name} targets its government")]
        inferred.append("recipient")
    return [actor], recipient, inferred
