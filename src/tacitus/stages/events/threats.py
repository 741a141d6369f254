"""Warnings: a warning is a threat (THREATEN) unless it is criticism of a plan (ACCUSE) or a forecast of a state of
things (no event). The rule registers itself in ``rules.RULES``; the per-type table lists it for THREATEN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Candidate
from .grammar import child, verbal
from .rules import event_rule
from .words import HAPPENINGS, STATE_LEMMAS, UNDERGO_VERBS, WARNED_AGAINST, WARNER_PRONOUNS, WARNING_MODALS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["warning_as_threat"]


@event_rule("warning_as_threat", phase="recode")
def warning_as_threat(c: Candidate) -> bool:
    """"Warned against the plan" is criticism (ACCUSE), and "warned that the party faces a real challenge" (a
    clause about another party, with no act to come) is a forecast, no event, as is a warning in the passive with
    no warner named; other warnings stay threats."""
    anchor = c.anchor
    if anchor.lemma_.lower() != "warn" or len(c.entry.phrase) > 1 or not verbal(anchor):
        return True
    kids = list(anchor.children)
    if any(x.dep_ == "nsubjpass" for x in kids) and not any(x.dep_ == "agent" for x in kids):
        return False  # "the premier was warned that the country would slide into chaos": by no one named, advice
    against = [child(x, ("pobj", "pcomp")) for x in kids if x.dep_ == "prep" and x.lower_ == "against"]
    if any(x is not None and x.pos_ == "NOUN" and x.lemma_.lower() in WARNED_AGAINST for x in against):
        c.recode("ACCUSE", "111", "disapprove", f"'{anchor.text} against' a plan: criticism (ACCUSE)")
        return True
    clauses = [x for x in kids if x.dep_ == "ccomp"]
    obj = child(anchor, ("dobj",))
    if clauses and obj is not None and obj.i < clauses[0].i and child(clauses[0], ("nsubj", "nsubjpass")) is None:
        obj = None  # "warned the Green Party was the real danger": the parser's object is the clause's subject
    if (obj is not None and (not clauses or _warned_other_state(c, obj))) \
            or any(x.dep_ == "xcomp" or (x.dep_ == "prep" and x.lower_ in ("of", "against")) for x in kids):
        return True
    forecasts = [_forecast(c, clause, kids) for clause in clauses]
    if forecasts and all(forecasts):
        return False
    mine = {a.code for a in c.actor if a.code}
    if clauses and obj is None and mine and all(a.code in mine for a in c.recipient):
        # "Moscow warned that it would cut gas to Ukraine": the threat is against whom the act to come is done
        for tok in (t for t in clauses[0].subtree if t.i > clauses[0].i and c.sentence.is_actor(t)):
            others = [a for a in c.actors(tok) if a.code and a.code not in mine]
            if others:
                c.target, c.target_rule, c.recipient = tok, f"whom the act '{clauses[0].text}' the warning tells of is done to", others
                c.inferred = [r for r in c.inferred if r != "recipient"]
                break
    return True


def _warned_other_state(c: Candidate, obj: Token) -> bool:
    """Whether the one warned is a party of another country than the warner's ("warned North Korea that further tests
    would bring sanctions": a threat between states), not a public told of a danger ("warned donors that millions
    could starve") nor a colleague advised ("the attorney general warned the prime minister it could be illegal")."""
    mine = {a.country for a in c.actor if a.country}
    return any(a.country and a.country not in mine for a in c.actors(obj))


def _forecast(c: Candidate, clause: Token, kids: list[Token]) -> bool:
    """Whether a clause a warning governs tells what will happen rather than an act to come: "warned the party was the
    real challenge" (another party's state), "warned that prices would rise" (a thing); not "warned it would
    retaliate", nor "warned that anyone found protesting would be arrested" (a passive: the act to come)."""
    own = child(clause, ("nsubj", "nsubjpass")) or next((x for x in kids if x.dep_ == "dobj" and x.i < clause.i), None)
    modal = any(a.dep_ in ("aux", "auxpass") and a.lower_ in WARNING_MODALS for a in clause.children)
    if own is not None and not modal and clause.lemma_ in STATE_LEMMAS and not any(x.dep_ == "dobj" for x in kids):
        return True  # "warned it was short of money", "warns that the envoy risks arrest": a state, whoever's
    if own is None or own.lower_ in WARNER_PRONOUNS:
        return False
    if not modal and (clause.lemma_ in ("be", "have") or clause.lemma_.lower() not in UNDERGO_VERBS):
        return True  # "warned that universities are falling behind": a state of things now, no act to come
        # (not "warned that protesters face arrest")
    if any(a.dep_ == "auxpass" for a in clause.children):
        # "would be arrested": the act to come; "was still needed", "jobs could be lost": a state of things
        return not modal or clause.lemma_.lower() in HAPPENINGS
    return own.pos_ != "PROPN" and not any(a.code or a.sector for a in c.actors(own))
