"""The modality stage: negated, hypothetical, hedged, ongoing events and who claims them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import register_stage
from .base import Analysis

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import Actor, Event

__all__ = ["ModalityStage", "SPEECH_VERBS"]

SPEECH_VERBS = frozenset(
    "say tell state announce claim allege report add insist assert write note confirm stress argue "
    "contend maintain explain told continue quote reveal acknowledge admit testify tweet post".split()
)
MODALS = frozenset("will would could may might should shall can 'll must wo ca".split())
HEDGES = frozenset(
    "possibly reportedly allegedly apparently probably perhaps likely purportedly seemingly supposedly presumably maybe "
    "reported alleged suspected rumored rumoured".split()
)
HEDGE_VERBS = frozenset("appear seem suggest indicate believe suspect rumor rumour".split())
HYPOTHETICAL_GOVERNORS = frozenset(
    "plan intend want hope seek consider propose aim prepare expect plot wish mull weigh threaten vow pledge promise "
    "offer agree decide try attempt demand urge ask call interested ready willing able".split()
)
HYPOTHETICAL_MODIFIERS = frozenset("prospective possible potential future planned proposed expected upcoming likely".split())
NEGATING_GOVERNORS = frozenset("refuse fail decline deny avoid refrain".split())
ONGOING_MODIFIERS = frozenset(
    "long-standing longstanding ongoing continuing persistent decades-long years-long protracted continued "
    "long-running longrunning standing".split()
)
CONDITIONAL_MARKS = frozenset({"if", "unless"})


def _clause_chain(anchor: Token) -> list[Token]:
    """The anchor and its heads up to the root."""
    chain = [anchor]
    tok = anchor
    while tok.head.i != tok.i and len(chain) < 20:
        tok = tok.head
        chain.append(tok)
    return chain


@register_stage(
    "tacitus.modality.v1",
    role="modality",
    writes=("Event.modality", "Event.claimed_by"),
)
class ModalityStage:
    """Negation, modal and conditional mood, hedges, ongoing states and claim attribution from the parse."""

    version = "tacitus.modality.v1"

    def __call__(self, analysis: Analysis) -> Analysis:
        last_claimant: Actor | None = None
        for event in analysis.events:
            claimant = self.assess(analysis, event, last_claimant)
            if claimant is not None:
                last_claimant = claimant
        return analysis

    def assess(self, analysis: Analysis, event: Event, last_claimant: Actor | None) -> Actor | None:
        doc = analysis.doc
        anchor = doc[event.anchor]
        mod = event.modality
        why: list[str] = []
        chain = _clause_chain(anchor)
        boundary = False  # crossed a speech verb: the event is someone's claim
        for pos, tok in enumerate(chain):
            below = chain[pos - 1] if pos else None
            if tok.lemma_.lower() in SPEECH_VERBS and pos > 0 and below is not None and below.dep_ in ("ccomp", "parataxis"):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and analysis.actors_for is not None:
                    speaker = analysis.actors_for(subj)[0]
                    if speaker.code is None and last_claimant is not None and subj.lemma_.lower() in ("statement", "source", "report", "release", "communique", "spokesperson", "spokesman"):
                        speaker = last_claimant
                        why.append(f"claim: '{tok.text}' by {subj.text!r}, which refers to the earlier speaker {speaker.text!r}")
                    else:
                        why.append(f"claim: '{tok.text}' by {speaker.text!r}")
                    event.claimed_by = speaker
                boundary = True
            for child in tok.children:
                low = child.lower_
                if low in HEDGES or (child.dep_ == "advmod" and low in HEDGES):
                    if not mod.hedged:
                        mod.hedged = True
                        why.append(f"hedged: '{child.text}'")
                if child.dep_ == "prep" and low == "according":
                    obj = next((g for c in child.children for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None and event.claimed_by is None and analysis.actors_for is not None:
                        event.claimed_by = analysis.actors_for(obj)[0]
                        why.append(f"claim: 'according to {obj.text}'")
                if boundary:
                    continue
                if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and tok.i == anchor.i):
                    if pos == 0 or (below is not None and below.dep_ in ("xcomp", "dobj", "aux", "auxpass")):
                        mod.negated = True
                        why.append(f"negated: '{child.text}' on '{tok.text}'")
                if child.dep_ in ("aux", "auxpass") and low in MODALS:
                    mod.hypothetical = True
                    why.append(f"hypothetical: modal '{child.text}' on '{tok.text}'")
                if child.dep_ == "mark" and low in CONDITIONAL_MARKS and not any(g.lower_ == "even" for g in tok.children):
                    mod.hypothetical = True
                    why.append(f"hypothetical: conditional '{child.text}'")
                if child.dep_ in ("amod", "advmod", "acomp") and low in HYPOTHETICAL_MODIFIERS and tok.i == anchor.i:
                    mod.hypothetical = True
                    why.append(f"hypothetical: '{child.text} {tok.text}'")
                if child.dep_ in ("amod", "advmod", "acomp") and low in ONGOING_MODIFIERS and tok.i == anchor.i:
                    mod.ongoing = True
                    why.append(f"ongoing: '{child.text}'")
            if boundary or pos == 0 or below is None:
                continue
            lemma = tok.lemma_.lower()
            if below.dep_ in ("xcomp", "pobj", "prep", "ccomp") and lemma in HYPOTHETICAL_GOVERNORS and tok.i != anchor.i:
                if not mod.hypothetical:
                    mod.hypothetical = True
                    why.append(f"hypothetical: under '{tok.text}'")
            if below.dep_ == "xcomp" and lemma in NEGATING_GOVERNORS:
                mod.negated = True
                why.append(f"negated: under '{tok.text}'")
            if lemma in HEDGE_VERBS and below.dep_ in ("ccomp", "xcomp"):
                mod.hedged = True
                why.append(f"hedged: under '{tok.text}'")
        # "long-standing embargo": hyphenated modifiers are split into three tokens by the tokenizer
        left = doc[max(anchor.i - 4, 0) : anchor.i].text.lower().replace(" ", "")
        if any(m in left for m in ("long-standing", "decades-long", "years-long", "long-running")):
            if not mod.ongoing:
                mod.ongoing = True
                why.append("ongoing: 'long-standing'-type modifier")
        if why:
            event.reasons["modality"] = "; ".join(why)
        if event.claimed_by is not None:
            event.reasons.setdefault("claimed_by", next((w for w in why if w.startswith("claim")), "speech verb"))
        return event.claimed_by
