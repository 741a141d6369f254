"""Who takes part in a match: its actor and target from the parse, then from the fallbacks and inferences its row of the per-type table allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Actor
from .arguments import arguments, asked_party, claim_maker, fallback_recipients, owner_of
from .candidate import Candidate
from .domestic import domestic_target, held_by_own_state
from .grammar import child, condition_subject, held_where
from .inference import (
    authority_from_place,
    authority_in_focus,
    authority_of_target,
    reporting_authority,
    state_of_reporter,
    country_from_sentence,
    country_in_focus,
    expelling_state,
    host_of_invitation,
    target_from_place,
)
from .words import HELD_NOUNS, MARKET_ROLES, CLAIM_NOUNS, INVITE_CODES, PASSIVE_SUBJECTS, PATIENT_NOUNS, LAW_NOUNS, SEVERAL_STATES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...event_types import EventType

__all__ = ["find_participants", "infer_home"]


def find_participants(c: Candidate) -> None:
    """Set ``c``'s actor and target: the trigger's arguments (less a target that is the actor, or the actor's own
    people or pronoun), then, while the target names no coded actor, the owner of the target noun, the fallback
    places of the parse, a condition on the act, and the place where it happens; in the passive with no agent,
    the place's authorities as the actor. The columns of ``c.kind`` say which of these a type allows."""
    anchor, matched, kind, s = c.anchor, c.matched, c.kind, c.sentence
    src_tok, src_rule, rcp_tok, rcp_rule = arguments(anchor, matched, c.entry, s.is_actor, clause_target=kind.clause_target)
    actor, recipient = c.actors(src_tok), c.actors(rcp_tok)
    if src_rule.startswith("first side 'between'") and rcp_tok is not None:
        # the first side resolves with its conjuncts ("between the rebels and the government"): keep its own
        actor = [a for a in actor if a.end <= rcp_tok.left_edge.idx] or actor
    actor, src_rule = ([], "") if _city_before_attack(kind, src_rule, actor) else (actor, src_rule)
    if recipient and {(a.start, a.end) for a in recipient} <= {(a.start, a.end) for a in actor}:
        # "offices seized by the rebels": the noun resolves to the agent, which is already the actor
        recipient, rcp_rule = [], ""
    own_pronoun = rcp_tok is not None and any(x.dep_ == "poss" and x.pos_ == "PRON" and x.lower_ in ("its", "their", "our")
                                              for x in rcp_tok.children) and not any(a.code for a in recipient)
    if own_pronoun and not kind.own_people_target:
        # "Moscow denied that its soldiers were involved": the actor's own people are not its target
        recipient, rcp_rule = [], ""
    if rcp_tok is not None and rcp_tok.pos_ == "PRON" and recipient and \
            {a.code for a in recipient} <= {a.code for a in actor if a.code}:
        # "Germany promised that it would ...": a pronoun for the actor itself is not its target
        recipient, rcp_rule = [], ""
    if rcp_tok is not None and _reciprocal(rcp_tok) and actor:
        # "Ethiopia and Eritrea blamed each other": each side is the other's target
        recipient = [Actor(a.text, a.start, a.end, a.code, a.country, a.sector, a.name, f"'{rcp_tok.text}': the actors themselves; {a.reason}")
                     for a in actor]
        rcp_rule = f"reciprocal '{rcp_tok.text}': the actors themselves"
    inferred: list[str] = []
    src_ids = {a.start for a in actor}
    own_codes = {a.code for a in actor if a.code}
    if (answerable := _answerable(c, actor, rcp_tok, rcp_rule)) is not None:
        recipient, rcp_rule = answerable
    if not any(a.code for a in recipient) and rcp_tok is not None:
        tok, rule = owner_of(rcp_tok, s.is_actor)
        candidates = [a for a in c.actors(tok) if a.code and a.start not in src_ids] if tok is not None else []
        if candidates:
            recipient, rcp_rule = candidates, f"{rule}, the object of the trigger ({rcp_rule})"
    several = rcp_tok is not None and rcp_tok.lower_ in SEVERAL_STATES  # "urged all countries to enforce the embargo"
    # "asked villagers to attack X": the villagers were asked, whether or not a dictionary knows them
    if not any(a.code for a in recipient) and not several and not asked_party(anchor, matched):
        for tok, rule in fallback_recipients(anchor, matched, purpose=kind.purpose_target):
            candidates = [a for a in c.actors(tok) if a.code and a.start not in src_ids]
            if candidates:
                recipient, rcp_rule = candidates, rule
                break
    if not any(a.code for a in recipient):  # "an allegation Tehran dismissed": whoever made the allegation
        tok, rule = claim_maker(anchor)
        candidates = [a for a in c.actors(tok) if a.code and a.code not in own_codes] if tok is not None else []
        if candidates:
            recipient, rcp_rule = candidates, rule
    if not any(a.code for a in recipient) and kind.condition_target:
        tok, rule = condition_subject(anchor, matched)
        candidates = [a for a in c.actors(tok) if a.code and a.code not in own_codes] if tok is not None else []
        if candidates:
            recipient, rcp_rule = candidates, rule
    visit = c.entry.cameo in kind.visit_codes
    if not any(a.code for a in recipient) and (kind.place_target or visit):
        recipient, rcp_rule, implied = target_from_place(c.analysis, anchor, actor, recipient, rcp_rule, visit)
        inferred += implied
    passive_without_agent = _passive_without_agent(anchor)
    if not actor and kind.authority_actor and passive_without_agent and _official(c):
        actor, src_rule, implied = reporting_authority(c.actors, s.attributions, anchor)
        if not actor:
            actor, src_rule, implied = authority_from_place(c.analysis, matched, recipient)
        if not actor and "recipient" not in inferred:  # a target named, not the place it happened
            actor, src_rule, implied = authority_of_target(s.named, s.attributions, anchor, matched, recipient)
        inferred += implied
    if not actor and c.entry.cameo in INVITE_CODES and passive_without_agent:
        actor, src_rule, implied = host_of_invitation(c.actors, anchor)
        inferred += implied
    own = {a.country for a in actor if a.country}
    if c.mode == "resign" and recipient and not any(a.code and a.country not in own for a in recipient):
        # "quit the government", "resigned from the department": the post left, no target (not "quit ECOWAS")
        recipient, rcp_rule, inferred = [], "", [r for r in inferred if r != "recipient"]
    c.source, c.source_rule, c.target, c.target_rule = src_tok, src_rule, rcp_tok, rcp_rule
    c.actor, c.recipient, c.inferred, c.source_starts = actor, recipient, inferred, src_ids


def _answerable(c: Candidate, actor: list[Actor], rcp_tok: Token | None, rcp_rule: str) -> tuple[list[Actor], str] | None:
    """Who answers for what the act is about, when it is not the object's owner: "condemned the detention of a British
    journalist in Iran": the authorities that hold them, not the held; for a type whose object can be an act
    (``topic_governor``), "condemned the execution of two Britons by Saudi authorities", "rejected a proposal by
    France": whoever did or made it, the object's 'by' (or the verb's, after its object, in the active voice)."""
    src_ids = {a.start for a in actor}
    where = held_where(rcp_tok) if rcp_tok is not None and rcp_tok.lemma_.lower() in HELD_NOUNS else None
    if where is not None and (held := [a for a in c.actors(where) if a.code and a.start not in src_ids]):
        return held, f"the authorities of '{where.text}', where the '{rcp_tok.text}' is ({rcp_rule})"  # type: ignore[union-attr]
    if not c.kind.topic_governor:
        return None
    own, anchor = {a.country for a in actor if a.country}, c.anchor
    passive = any(x.dep_ in ("auxpass", "nsubjpass") for x in anchor.children)
    for noun in (t for t in [rcp_tok, *c.matched[1:]] if t is not None and t.pos_ == "NOUN"):
        heads = [noun] if passive or anchor.pos_ != "VERB" else [noun, anchor]
        by = next((x for h in heads for x in h.children if x.dep_ == "prep" and x.lower_ == "by" and x.i > noun.i), None)
        maker = child(by, ("pobj",)) if by is not None else None
        made = [a for a in c.actors(maker) if a.code and a.start not in src_ids and a.country not in own] if maker is not None else []
        if made:
            return made, f"'{by.text} {maker.text}', who did or made the '{noun.text}' the act is about"  # type: ignore[union-attr]
    return None


def _city_before_attack(kind: EventType, src_rule: str, actor: list[Actor]) -> bool:
    """"A Baghdad rocket attack": a capital before an attack noun says where it struck, not who struck (not "a
    Taliban attack", "an Israeli air strike")."""
    return kind.name == "ASSAULT" and src_rule.startswith("modifier of") and bool(actor) \
        and all(a.reason.startswith("capital entry") for a in actor)


def _reciprocal(tok: Token) -> bool:
    """'each other', 'one another'."""
    return (tok.lower_ == "other" and any(x.lower_ == "each" for x in tok.children)) or (
        tok.lower_ == "one" and any(x.lower_ == "another" for x in tok.children)) or (
        tok.lower_ == "another" and tok.i > 0 and tok.nbor(-1).lower_ == "one")


def infer_home(c: Candidate) -> None:
    """A participant with no country takes the sentence's one other country, or is domestic (``home_*``
    columns); an act on no one named, of a type with ``home_target``, is on the actor's own country."""
    s = c.sentence
    c.inferred += country_from_sentence(s.named, s.attributions, c.actor, c.recipient, c.kind, c.anchor)
    c.inferred += [r for r in state_of_reporter(c.actors, s.attributions, c.anchor, c.actor, c.recipient) if r not in c.inferred]
    c.inferred += [r for r in country_in_focus(c.analysis, c.anchor, c.actor, c.recipient) if r not in c.inferred]
    if not c.actor and c.kind.authority_actor and _without_agent(c) and _official(c):
        # the target's country, or the article's, became known only now ("Johnson was impeached", "two suspects
        # were arrested" in a story about Indonesia)
        actor, rule, implied = authority_of_target(s.named, s.attributions, c.anchor, c.matched, c.recipient)
        if not actor:
            actor, rule, implied = expelling_state(c.anchor, c.actors)
        if not actor:
            actor, rule, implied = authority_in_focus(c.analysis, s.named, s.attributions, c.anchor, c.matched, c.recipient)
        if actor:
            c.actor, c.source_rule = actor, rule
            c.inferred += [r for r in implied if r not in c.inferred]
    if not any(a.code for a in c.recipient):
        c.inferred += _earlier_target(c) or _earlier_accuser(c)
    investigated = c.entry.mode == "investigate" and c.target is not None and c.target.dep_ == "dobj"  # not "whether investors were misled"
    if not any(a.code for a in c.recipient) and (c.entry.context == "legal" or investigated):
        c.inferred += held_by_own_state(c.actor, c.recipient)
    elif not any(a.code for a in c.recipient) and (firms := [a for a in c.recipient if a.sector == "BUS" and not MARKET_ROLES.intersection(a.text.lower().split())]):
        # "prosecutors argued that tobacco firms lied", "the SEC admonished the firm": a firm a state body acts on, with
        # no country of its own named, is that state's (7 of 8 such targets in the read development labels; the
        # eighth were investors, a firm's clients)
        c.inferred += held_by_own_state(c.actor, firms)
    if not any(a.code for a in c.recipient) and (c.kind.home_target == "yes" or c.kind.home_target == "thing" and _thing(c)):
        c.recipient, c.target_rule, implied = domestic_target(c.analysis, s.named, s.attributions, c.anchor, c.matched,
                                                              c.actor, c.recipient, c.target_rule)
        c.inferred += implied


# Determiners by which a noun points back to an act the article has reported ("the attacks", "this assault").
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
LOOK_BACK_SENTENCES = 4


def _earlier_target(c: Candidate) -> list[str]:
    """"A rebel group later claimed responsibility for those attacks": a definite noun of an attack or a use of force
    that names no target refers back to the last such act the article reported in the sentences before, and takes
    its target (when no actor of its own contradicts that act's). Flagged as inferred."""
    anchor = c.anchor
    if c.kind.name not in ("ASSAULT", "COERCE") or anchor.pos_ != "NOUN" or c.recipient \
            or not any(x.dep_ == "det" and x.lower_ in DEFINITE for x in anchor.children):
        return []
    own = {a.country for a in c.actor if a.country}
    for event in reversed(c.analysis.events[: c.sentence.first]):
        if c.sentence.index - event.sentence_index > LOOK_BACK_SENTENCES:
            break
        targets = [a for a in event.recipient if a.code]
        if event.event != c.event or not targets:
            continue
        if own and own & {a.country for a in targets}:
            return []  # the actor's own country: some other act
        why = f"inferred: '{anchor.text}' refers back to the {event.event} of sentence {event.sentence_index + 1} ({event.event_text!r})"
        c.recipient = [Actor(a.text, a.start, a.end, a.code, a.country, a.sector, a.name, f"{why}; {a.reason}") for a in targets]
        c.target_rule = why
        return ["recipient"]
    return []


REBUTTED_NOUNS = frozenset("accusation allegation claim charge criticism suggestion".split())
LOOK_BACK_REBUTTAL = 2  # the annotators read the sentence before; a rebuttal answers what was just reported


def _earlier_accuser(c: Candidate) -> list[str]:
    """"The Conservatives accused the government of failing on crime. The Home Office rejected the claims": a denial
    or rejection of a definite accusation ("the claims", "these allegations") that names no one answers the last
    accusation reported in the sentence or two before, and is aimed at its accuser (not at the rejecter itself).
    Flagged as inferred."""
    obj = c.target
    if c.kind.name != "REJECT" or obj is None or obj.lemma_.lower() not in REBUTTED_NOUNS \
            or not any(x.dep_ == "det" and x.lower_ in DEFINITE for x in obj.children):
        return []
    mine = {a.text.lower() for a in c.actor} | {a.name for a in c.actor if a.name}
    for event in reversed(c.analysis.events[: c.sentence.first]):
        if c.sentence.index - event.sentence_index > LOOK_BACK_REBUTTAL:
            break
        accusers = [a for a in event.actor if a.code]
        if event.event != "ACCUSE" or not accusers or any(a.text.lower() in mine or (a.name and a.name in mine) for a in accusers):
            continue
        why = f"inferred: '{obj.text}' answers the accusation of sentence {event.sentence_index + 1} ({event.event_text!r}): its accuser"
        c.recipient = [Actor(a.text, a.start, a.end, a.code, a.country, a.sector, a.name, f"{why}; {a.reason}") for a in accusers]
        c.target_rule = why
        return ["recipient"]
    return []


def _passive_without_agent(anchor: Token) -> bool:
    """"was arrested", "were detained in Yemen", "after being convicted": a passive with no 'by' agent."""
    passive = child(anchor, PASSIVE_SUBJECTS) is not None or (
        anchor.dep_ in ("pcomp", "xcomp", "advcl", "conj") and any(c.dep_ == "auxpass" for c in anchor.children))
    return passive and child(anchor, ("agent",)) is None


def _official(c: Candidate) -> bool:
    """Whether the act, done with no agent named, is one only the authorities do: not criticism or a plain accusation
    ("the party stands accused of misleading voters", "a remark that drew criticism"), which anyone makes;
    a charge, an indictment or an inquiry is."""
    return c.entry.event != "ACCUSE" or c.entry.context == "legal" or c.entry.mode == "investigate"


def _without_agent(c: Candidate) -> bool:
    """A passive trigger with no agent ("was arrested"), or a noun of an act done to someone with no agent ("his arrest")."""
    anchor = c.anchor
    if child(anchor, ("agent",)) is not None:
        return False
    if _passive_without_agent(anchor):
        return True
    # (not a noun under a preposition: "cleared him in the corruption trial" is where, not what, it reports)
    setting = anchor.dep_ == "pobj" and anchor.head.lower_ in ("in", "at", "during", "throughout")
    return anchor.pos_ == "NOUN" and anchor.lemma_.lower() in PATIENT_NOUNS and c.source is None and not setting \
        and any(a.sector or a.code for a in c.recipient)


def _thing(c: Candidate) -> bool:
    """Whether the match's object names a thing, not a party or another party's words: "voted against the bill",
    "criticised the plans", "renewed her call for a truce" (not "denied the accusation", "called on Arab states",
    "denied that ...", "an allegation Tehran dismissed"); and whether the actor is of the country the article is
    about (one dominates it: not a foreign minister's criticism in an article about another country)."""
    tok, anchor = c.target, c.anchor
    if tok is None:  # an object that names no party: "urged reforms to end corruption" (its purpose clause aside)
        tok = next((x for x in anchor.children if x.dep_ == "dobj" and x.pos_ == "NOUN"
                    and x.lemma_.lower() not in CLAIM_NOUNS), None)
    own = ("his", "her", "its", "their", "our")
    if any(t.lemma_.lower() in CLAIM_NOUNS and not any(x.dep_ == "poss" and x.lower_ in own for x in t.children)
           for t in c.matched if t.i != anchor.i):  # "denied the accusation" matched as one phrase (not "his call")
        return False
    if anchor.dep_ in ("relcl", "acl") and anchor.head.lemma_.lower() in CLAIM_NOUNS:  # "an allegation X dismissed"
        return False
    if tok is None:  # no object at all: about a thing unless it reports a clause ("denied that its soldiers ...")
        if any(x.dep_ in ("ccomp", "xcomp", "advcl") for t in c.matched for x in t.children):
            return False
    elif tok.pos_ not in ("NOUN", "PROPN") or (tok.lemma_.lower() in CLAIM_NOUNS and c.event != "REQUEST"):
        return False  # (what is asked for is no one's claim: "demanded a statement", "called for a report")
    elif any(a.sector for a in c.recipient) or tok.lower_ in SEVERAL_STATES or any(
            c.analysis.mentions_at(t.i) or (t.ent_type_ in ("NORP", "PERSON", "ORG", "GPE") and tok.lemma_.lower() not in LAW_NOUNS)
            for t in c.analysis.doc[tok.left_edge.i : tok.i + 1]):
        return False  # a party, or a thing of a named party's ("Arab states", "the EU's plans"; a bill's name is none)
    elif any(t.dep_ == "poss" for t in tok.children):  # "Hardie's actions", "May's agreement": someone's
        return False
    in_focus = getattr(c.analysis.resolution, "country_in_focus", None)  # (an actors stage of a user's may not answer it)
    focus = in_focus(anchor) if in_focus is not None else None
    return focus is not None and focus[0] in {a.country for a in c.actor if a.country}
