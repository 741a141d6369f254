"""Recode events by mood, as PLOVER does: intent is AGREE or THREATEN, "must" is REQUEST, refusal is REJECT.

Used by the modality stage once negation, modality and claims are known. Each rule
keeps the original reading in ``reasons`` so the change can be seen and undone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cameo import cameo_table, quad_class
from ..event_types import mood_codes
from ..model import Event
from .base import VOW_LEMMAS, another_party
from .syntax import lemma as word_lemma
from .syntax import measured_slot

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .base import Analysis

__all__ = ["recode_by_mood"]

COOPERATIVE = frozenset({"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "CONSULT", "AGREE"})
YIELDING = frozenset({"CONCEDE", "RETREAT"})  # types whose announced future act is a concession already
# CAMEO code of the intent (03x), threat (13x), demand (10x) and rejection (12x) for each type: the
# intent, threat, demand and refusal columns of the per-type table (data/event_types.tsv).
INTENT, THREAT, DEMAND, REFUSAL = (mood_codes(mood) for mood in ("intent", "threat", "demand", "refusal"))
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
OBLIGATION_AUX = frozenset({"must", "should"})
CONDITIONAL_AUX = frozenset({"may", "might", "could", "would", "will", "'ll"})
# "we are convinced that X will ...": a forecast about X, not X's intent
FORECAST_GOVERNORS = frozenset({"convinced", "convince", "believe", "think", "expect", "predict", "sure", "confident", "certain", "bet",
                                "fear", "worry", "warn", "suggest", "likely", "possible"})
DECISION_VERBS = frozenset({"announce", "decide", "declare", "order", "approve", "vote"})
INTENT_GOVERNORS = frozenset({"plan", "intend", "pledge", "promise", "offer", "vow", "willing", "ready", "prepared", "prepare", "decide", "aim", "want", "hope", "expect"})
REFUSAL_GOVERNORS = frozenset({"refuse", "decline", "fail"})


def _verb_chain(analysis: Analysis, event: Event) -> list[Token]:
    """The anchor, and for a nominal trigger the verb that governs it (or the amount it is measured in)."""
    anchor = analysis.doc[event.anchor]
    chain = [anchor]
    if anchor.pos_ not in ("VERB", "AUX"):
        slot = measured_slot(anchor)  # "will provide 40 tonnes of aid": the amount is the verb's object
        if slot.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass"):
            chain.append(slot.head.head if slot.dep_ == "pobj" else slot.head)
    return chain


def _aux(tokens: list[Token]) -> set[str]:
    return {c.lower_ for t in tokens for c in t.children if c.dep_ in ("aux", "auxpass")}


def _governor(analysis: Analysis, tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.dep_ in ("xcomp", "ccomp") and t.head.i != t.i:
            return t.head
    return None


def _conditional(tokens: list[Token]) -> bool:
    """"... unless Baghdad accepts", "... if the talks fail": the act is conditioned, so announcing it threatens."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for t in tokens for c in t.children)


def _wanted_of_another(chain: list[Token], governor: Token | None) -> bool:
    """"The unions want the government to withdraw the rules": the clause under the governor has a subject of its own,
    so the act is what the governor's subject wants of another, not the actor's own intent (it stays hypothetical)."""
    if governor is None:
        return False
    governed = next((t for t in chain if t.head.i == governor.i and t.i != governor.i), None)
    return governed is not None and governed.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in governed.children)


WH_WORDS = frozenset({"how", "why", "whether", "what", "when", "where", "which", "who"})


def _not_stated_intent(tokens: list[Token]) -> bool:
    """A future that states nobody's intent: the passive ("would be warmly welcomed by MPs" is a forecast about the
    MPs), the counterfactual ("a law that would have allowed"), or a question ("explaining how they would fund")."""
    for t in tokens:
        kids = list(t.children)
        if any(c.dep_ == "auxpass" for c in kids):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in kids) and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids):
            return True
        if any(c.lower_ in WH_WORDS and c.dep_ in ("advmod", "mark", "dobj", "nsubj") and c.i < t.i for c in kids):
            return True
    return False


def _demanded_by_event(analysis: Analysis, event: Event) -> Event | None:
    """The REQUEST event of an obligation clause ("X said Y must ...", "... must be willing to negotiate") whose
    head governs this event's trigger."""
    tok = analysis.doc[event.anchor]
    for _ in range(6):  # the events at each of the six heads above, not every event of the article
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        found = [e for e in analysis.events_at(tok.i) if e.event == "REQUEST" and e is not event
                 and e.anchor != event.anchor and "obligation clause" in e.reasons.get("event", "")]
        if found:
            return found[-1]
    return None


def _set_type(event: Event, new: str, cameo: str, why: str) -> None:
    code = cameo_table()[cameo]
    event.reasons["event"] = f"{why}; was {event.event} {event.cameo} by {event.reasons.get('event', '')}"
    event.reasons["cameo"] = f"{cameo} {code.name} ({why})"
    event.event, event.cameo, event.goldstein, event.quad_code, event.mode = new, cameo, code.goldstein, quad_class(new), ""




def _vowed_force(analysis: Analysis, event: Event) -> bool:
    """"The cabinet vowed to crack down hard on the militias", "vowed to keep up strikes": a vow whose infinitive (or
    the infinitive's object) is an act of force or pressure (a type with a threat code) is a threat, not a promise; it
    takes the act's target and code. The act keeps its own (hypothetical) event."""
    vow = analysis.doc[event.anchor]
    if event.event != "AGREE" or vow.lemma_.lower() not in VOW_LEMMAS:
        return False
    for c in vow.children:
        if c.dep_ != "xcomp":
            continue
        # the act is the infinitive's, or its object's ("vowed to keep up strikes against ...")
        for act in [*analysis.events_at(c.i), *(a for o in c.children if o.dep_ == "dobj" for a in analysis.events_at(o.i))]:
            if act is not event and act.event in THREAT and act.event != "THREATEN":
                _set_type(event, "THREATEN", THREAT[act.event], f"a vow to '{act.event_text}' ({act.event}): a threat (PLOVER THREATEN)")
                if not any(a.code for a in event.recipient) and act.recipient:
                    event.recipient = list(act.recipient)
                    event.reasons["recipient"] = f"target of the act vowed, '{act.event_text}'; {act.reasons.get('recipient', '')}"
                return True
    return False


TOPIC_TALK = frozenset({"discuss", "comment", "talk", "speak"})


def _topic_only(verb: Token) -> bool:
    """"refused to discuss the reports", "would not comment on the claims": talk about a topic with no one named to
    talk with is no meeting refused, only a comment withheld (the annotators code none); it stays a negated CONSULT."""
    if verb.lemma_.lower() not in TOPIC_TALK:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("about", "on")) for c in verb.children)


def recode_by_mood(analysis: Analysis, event: Event, anchors: set[int]) -> None:
    """Apply the mood rules to one event. ``anchors`` are the trigger heads of all events in the article."""
    if _vowed_force(analysis, event):
        return
    chain = _verb_chain(analysis, event)
    aux = _aux(chain)
    governor = _governor(analysis, chain)
    governed_by_event = governor is not None and governor.i in anchors
    gov_lemma = word_lemma(governor) if governor is not None else ""
    mod = event.modality
    if mod.negated and event.event in REFUSAL and not governed_by_event and (aux & FUTURE_AUX or gov_lemma in REFUSAL_GOVERNORS) \
            and not _topic_only(analysis.doc[event.anchor]):
        _set_type(event, "REJECT", REFUSAL[event.event], "negated cooperation ('will not', 'declined to'): a refusal")
        mod.negated = False
        # "should the premier refuse to let her stand, ...", "sanctions if Sudan fails to disarm": a refusal supposed in a
        # condition is still only supposed (the condition's mark may sit on the refusing verb: "fails", "refuses")
        mod.hypothetical = any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                               for t in (*chain, *([governor] if governor is not None else [])) for m in t.children)
        return
    demanded = _demanded_by_event(analysis, event)
    if demanded is not None:
        # "Russia said Sudan must return ...": the events stage coded the demand; the act stays hypothetical
        event.reasons["event"] = f"the act demanded by '{demanded.event_text}' ({demanded.event}); " + event.reasons.get("event", "")
        return
    if aux & OBLIGATION_AUX and event.claimed_by is not None and event.event in DEMAND:
        speaker = event.claimed_by
        if speaker.code is not None and all(speaker.code != a.code for a in event.actor):
            _set_type(event, "REQUEST", DEMAND[event.event], f"'{sorted(aux & OBLIGATION_AUX)[0]}' in {speaker.text!r}'s statement: a demand")
            event.recipient = list(event.actor)
            event.actor = [speaker]
            event.claimed_by = None
            mod.hypothetical = False
            event.reasons["actor"] = f"the speaker making the demand; {speaker.reason}"
            event.reasons["recipient"] = "the party that 'must' act"
            return
    if mod.negated or governed_by_event or not event.actor:
        return
    if event.event in THREAT and aux & CONDITIONAL_AUX and _conditional(chain) and not governed_by_event:
        # "X may halt its mediation if the fighting goes on": a conditional hostile act is a threat
        _set_type(event, "THREATEN", THREAT[event.event], "hostile act on a condition ('may ... if'): a threat (PLOVER THREATEN)")
        mod.hypothetical = False
        return
    intent = bool(aux & FUTURE_AUX) or (gov_lemma in INTENT_GOVERNORS and not _wanted_of_another(chain, governor))
    if not intent or gov_lemma in FORECAST_GOVERNORS or _not_stated_intent(chain):
        return
    if aux & FUTURE_AUX == {"would"} and governor is None and event.claimed_by is None:
        return  # "the Lib Dems would allow pensioners to ...": a conditional in the narrative (a manifesto's offer), no
        # announced act ("said he would resign" is one)
    speaker = event.claimed_by
    if speaker is not None and speaker.code is not None and all(speaker.code != a.code for a in event.actor) \
            and event.event not in INTENT:
        # "officials said the rebels will attack": someone else's forecast, not the actor's threat (a planned
        # visit or aid announced by another party is still the actor's stated plan)
        return
    if event.event in YIELDING:
        # "announced he would resign", "plans to abdicate": an announced retreat or concession is itself one (PLOVER
        # manual; the annotators code it CONCEDE, asserted), not a promise to cooperate
        _set_type(event, "CONCEDE", INTENT[event.event], "announced retreat or concession (PLOVER CONCEDE)")
        mod.hypothetical = False
    elif event.event in INTENT and gov_lemma == "decide" and governor is not None and governor.tag_ in ("VBD", "VBN", "VBZ", "VBP") \
            and not aux & FUTURE_AUX:
        # "the cabinet decided to back the plan", "Putin had decided to ratify the treaty": a decision taken, reported
        # as such, is the act itself (annotators code the act, asserted), not a promise of it
        mod.hypothetical = False
        event.reasons["modality"] = (event.reasons.get("modality", "") + f"; decision taken ('{governor.text}')").lstrip("; ")
    elif event.event in INTENT and another_party(event):
        _set_type(event, "AGREE", INTENT[event.event], "future or intended cooperation: intent to cooperate (PLOVER AGREE)")
        mod.hypothetical = False
    elif event.event in INTENT:
        # "the minister is to give a briefing each day": a plan with no other party is no agreement with
        # anyone; the act stays what it is, in the future
        mod.hypothetical = True
    elif event.event in THREAT and gov_lemma in DECISION_VERBS and not aux & {"will", "'ll", "shall"} and not _conditional(chain):
        # "announced it would prohibit aid": a decision taken, reported as such
        mod.hypothetical = False
        event.reasons["modality"] = (event.reasons.get("modality", "") + f"; decision announced with '{governor.text}'").lstrip("; ")
    elif event.event in THREAT and not _to_help(event, analysis.doc[event.anchor]):
        _set_type(event, "THREATEN", THREAT[event.event], "future or intended conflict: a threat (PLOVER THREATEN)")
        mod.hypothetical = False


# What a deployment done to help another state is for ("to train the local army", "to help fight the rebels").
HELP_LEMMAS = frozenset({"train", "help", "assist", "support", "advise", "protect", "bolster", "aid", "mentor", "guard"})


def _to_help(event: Event, anchor: Token) -> bool:
    """Whether a deployment's clause says it is done to help (a purpose infinitive of ``HELP_LEMMAS``): "will send
    soldiers to Mali to train the local army" is no threat, and stays a future (hypothetical) MOBILIZE."""
    if event.event != "MOBILIZE":
        return False
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in HELP_LEMMAS and any(x.lower_ == "to" for x in c.children)
               for c in verb.children)

