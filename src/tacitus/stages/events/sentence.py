"""Sentence-level passes over one sentence's events, run after its matches: demands in obligation clauses, inherited targets, topics and charges dropped, demands and orders absorbed, protests at home, repeats merged, acts by comparison."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import TYPE_CHECKING

from ...cameo import cameo_table, quad_class
from ...event_types import load_event_types
from ...model import Actor, Event, Modality, Span
from .arguments import asked_party
from .candidate import Sentence
from .grammar import child, subject, verbal
from .inference import country_from_sentence
from .scene import charge_of, governs, topic_of
from ..syntax import clause_verb
from .words import COMPARISON_VERBS, HARM_VERBS, OBLIGATION_MODALS, OBLIGATION_NOUNS, OBLIGATION_RE, OBLIGATION_VERBS, ORDER_VERBS, PURPOSE_DEPS, TOPIC_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["VICTIMS_MERGED", "finish_sentence", "obligation"]


def finish_sentence(s: Sentence) -> None:
    """Run the passes, in this order, over the events of ``s`` (``s.analysis.events[s.first:]``)."""
    analysis, first = s.analysis, s.first
    _obligations(s)
    _inherit_targets(s, analysis.events[first:])
    _purpose_targets(s, analysis.events[first:])
    _relative_acts(s, analysis.events[first:])
    _crowd_control(s)
    _harm_in_attack(s)
    _drop_topics(s)
    _absorb_demands(s)
    _absorb_orders(s)
    _protests_at_home(s, analysis.events[first:])
    analysis.events[first:] = merge_repeats(analysis.events[first:])
    analysis.events.extend(_joined(s, analysis.events[first:]))


def _obligations(s: Sentence) -> None:
    """"The US said China must lift the tariffs": saying that another party must, should or has to act is
    a demand (REQUEST) by the speaker on that party, whether or not the act asked for is a trigger. The
    act itself keeps its own (hypothetical) event."""
    analysis, index, sent, first, heads = s.analysis, s.index, s.span, s.first, s.heads
    if OBLIGATION_RE.search(analysis.article.text, sent.start_char, sent.end_char) is None:
        return
    for clause in sent:
        if clause.dep_ not in ("ccomp", "acl") or clause.head.i == clause.i:
            continue
        head = clause.head
        noun = head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in OBLIGATION_NOUNS
        if not (noun or (clause.dep_ == "ccomp" and verbal(head) and head.lemma_.lower() in OBLIGATION_VERBS)):
            continue
        found = obligation(clause)
        if found is None:
            continue
        modal, subj = found
        if noun:
            poss = child(head, ("poss",))
            src_tok, src_rule = (poss, f"possessor of '{head.text}'") if poss is not None else subject(head.head)
        else:
            src_tok, src_rule = subject(head)
        actor = s.actors(src_tok)
        recipient = s.actors(subj)
        codes = {a.code for a in actor if a.code}
        if not codes or not any(a.code for a in recipient):
            continue
        if subj.pos_ == "PRON" and {a.code for a in recipient if a.code} <= codes:
            continue  # "Russia said it must ...": its own obligation, not a demand
        if {a.code for a in recipient if a.code} <= codes and all(a.reason.startswith("country entry") for a in recipient if a.code):
            continue  # "the opposition leader said Britain should take more refugees": a view of his own country's policy
        if any(e.event == "REQUEST" and e.anchor == head.i for e in analysis.events[first:]):
            continue
        cameo = OBLIGATION_MODALS.get(modal, "100")
        code = cameo_table()[cameo]
        label = (f"demand: '{head.text} ... {subj.text} {modal} {clause.text}' -- a statement that another party "
                 f"{modal} act (obligation clause rule, stages/events/sentence.py)")
        start, end = head.idx, head.idx + len(head.text)
        analysis.events.append(Event(
            article_id=analysis.article.id, sentence_index=index, text=sent.text.strip(), event="REQUEST", mode="",
            cameo=cameo, goldstein=code.goldstein, quad_code=quad_class("REQUEST"), trigger=Span(start, end),
            event_text=analysis.article.text[start:end], actor=actor, recipient=recipient, context=[],
            date=analysis.article.date, date_reason="article date (time stage disabled)",
            reasons={"event": label, "cameo": f"{cameo} {code.name} from {label}", "goldstein": f"Goldstein score of CAMEO {cameo}",
                     "quad_code": "quad class of REQUEST",
                     "actor": "; ".join(filter(None, [src_rule, *(a.reason for a in actor)])),
                     "recipient": "; ".join(filter(None, [f"subject of '{modal} {clause.text}'", *(a.reason for a in recipient)]))},
            modality=Modality(), anchor=head.i,
        ))
        heads.append([head])


def obligation(clause: Token) -> tuple[str, Token] | None:
    """(modal, subject) when ``clause`` says its subject must, should, has to or needs to act."""
    subj = child(clause, ("nsubj", "nsubjpass"))
    if subj is None:
        return None
    for c in clause.children:
        if c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS:
            return c.lower_, subj
    if clause.lemma_.lower() in ("have", "need") and any(
        x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in clause.children
    ):
        return f"{clause.lower_} to", subj
    return None


def _inherit_targets(s: Sentence, events: list[Event]) -> None:
    """"agreed to send aid to Chad", "threatened to cut off supplies to the city": an event with no
    coded target takes the target of the act it governs (the act itself stays in the record)."""
    doc = s.analysis.doc
    for event, matched in zip(events, s.heads):
        if not s.types[event.event].governed_target or any(a.code for a in event.recipient):
            continue
        if asked_party(doc[event.anchor], matched):
            continue  # "asked followers to mount an attack on X": the target is whom it asked, known or not
        if event.recipient and event.reasons.get("recipient", "").startswith("passive subject"):
            continue  # "four soldiers were charged with the murder of X": the one acted on is named, if not coded
        own = {a.code for a in event.actor if a.code}
        for other in events:
            if other is event or not any(a.code for a in other.recipient):
                continue
            if not governs(matched, doc[other.anchor]):
                continue
            targets = [replace(a) for a in other.recipient if a.code and a.code not in own]
            if not targets:
                continue
            event.recipient = targets
            event.reasons["recipient"] = f"target of '{other.event_text}', the act '{event.event_text}' governs; " + "; ".join(
                a.reason for a in targets)
            if "recipient" in other.modality.inferred:
                event.modality.inferred.append("recipient")
            break


def _drop(s: Sentence, drop: set[int]) -> None:
    """Remove the sentence's events at positions ``drop`` (counted from ``s.first``), with their matched tokens."""
    if drop:
        events = s.analysis.events[s.first:]
        keep = [k for k in range(len(events)) if k not in drop]
        s.analysis.events[s.first:] = [events[k] for k in keep]
        s.heads[:] = [s.heads[k] for k in keep]


def _purpose_targets(s: Sentence, events: list[Event]) -> None:
    """"India summoned Pakistan's envoy to protest against the killing of two Indian soldiers": a complaint or protest
    in the purpose infinitive of another act by the same actor, naming no coded target but the actor's own people, is
    aimed where the governing act is (Pakistan, not the soldiers killed); a discussion a meeting is held for is that
    meeting, with whom it is held, not with the topic ("met his Turkish counterpart to discuss Syria": Turkey)."""
    doc = s.analysis.doc
    for event in events:
        anchor = doc[event.anchor]
        own = {a.country or a.code for a in event.actor if a.code}
        talk = event.event == "CONSULT" and anchor.lemma_.lower() in TOPIC_VERBS  # "met X in Moscow to discuss Syria"
        if not (talk or event.event in ("ACCUSE", "PROTEST")) or not own or anchor.dep_ not in ("xcomp", "advcl") \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children) \
                or not talk and any(a.code and (a.country or a.code) not in own for a in event.recipient):
            continue
        for other, matched in zip(events, s.heads):
            if other is event or anchor.head.i not in {t.i for t in matched} or participants(other.actor) != participants(event.actor) \
                    or talk and other.event != "CONSULT":
                continue
            targets = [replace(a) for a in other.recipient if a.code and (a.country or a.code) not in own]
            if targets:
                event.recipient = targets
                event.reasons["recipient"] = f"target of '{other.event_text}', the act '{event.event_text}' is the purpose of; " + "; ".join(
                    a.reason for a in targets)
                event.modality.inferred = [r for r in event.modality.inferred if r != "recipient"]
                if "recipient" in other.modality.inferred:
                    event.modality.inferred.append("recipient")
            break


def _relative_acts(s: Sentence, events: list[Event]) -> None:
    """"The Taliban claimed responsibility for a suicide bombing that killed eight soldiers": the subject of a relative
    clause on an act of the same type is that act, so the clause's act is by the act's actor (who may be unknown), and
    the act hits whom the clause names; the two then merge as one event."""
    doc = s.analysis.doc
    for event in events:
        anchor = doc[event.anchor]
        if anchor.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in anchor.children):
            continue
        act = next((o for o, matched in zip(events, s.heads)
                    if o is not event and o.event == event.event and anchor.head.i in {t.i for t in matched}), None)
        if act is None:
            continue
        event.actor = [replace(a) for a in act.actor]
        event.reasons["actor"] = f"the act '{act.event_text}' that '{event.event_text}': its actor; " + (
            act.reasons.get("actor", "") if act.actor else "no actor named")
        if not any(a.code for a in act.recipient) and any(a.code for a in event.recipient):
            act.recipient = [replace(a) for a in event.recipient]
            act.reasons["recipient"] = f"whom '{event.event_text}' names, in the clause on '{act.event_text}'; " + event.reasons.get("recipient", "")
            if "recipient" in event.modality.inferred and "recipient" not in act.modality.inferred:
                act.modality.inferred.append("recipient")


def _crowd_control(s: Sentence) -> None:
    """"Police fired tear gas to disperse supporters of the former president": a dispersal that a crowd-control weapon
    is used for is that use of force (PLOVER: ASSAULT 'crowd-control' where the weapon is named, RESTRICT only where
    none is), one event, aimed at whom the dispersal names."""
    events, doc = s.analysis.events[s.first:], s.analysis.doc
    drop: set[int] = set()
    for force, matched in zip(events, s.heads):
        if force.mode != "crowd-control":
            continue
        ids = {t.i for t in matched}
        if doc[force.anchor].dep_ == "dobj":  # "used water cannon to break up a demonstration"
            ids.add(doc[force.anchor].head.i)
        for j, other in enumerate(events):
            anchor = doc[other.anchor]
            if other.event != "COERCE" or j in drop or anchor.head.i not in ids or anchor.dep_ not in ("xcomp", "advcl") \
                    or participants(other.actor) != participants(force.actor):
                continue
            if not any(a.code for a in force.recipient) and other.recipient:
                force.recipient = [replace(a) for a in other.recipient]
                force.reasons["recipient"] = f"whom '{other.event_text}' names, the purpose of '{force.event_text}'; " + other.reasons.get("recipient", "")
                force.modality.inferred += [r for r in other.modality.inferred if r == "recipient" and r not in force.modality.inferred]
            drop.add(j)
    _drop(s, drop)


VICTIMS_MERGED = "its victims"  # the note in ``reasons["merged"]`` of an attack that took over whom it killed


def _harm_in_attack(s: Sentence) -> None:
    """"Three policemen were killed in a Taliban attack", "two soldiers died when rebels ambushed their patrol": people
    killed or wounded, in the passive with no agent, in an attack the sentence names (the object of 'in' or 'during',
    or a 'when' clause) were its victims: one event, the attack by its actor, aimed at them."""
    events, doc = s.analysis.events[s.first:], s.analysis.doc
    drop: set[int] = set()
    for k, harm in enumerate(events):
        anchor = doc[harm.anchor]
        if harm.event != "ASSAULT" or anchor.lemma_.lower() not in HARM_VERBS or harm.actor or k in drop \
                or not any(c.dep_ == "nsubjpass" for c in anchor.children) or not any(a.code for a in harm.recipient):
            continue
        spots = {g.i for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("in", "during") for g in c.children if g.dep_ == "pobj"}
        spots |= {c.i for c in anchor.children if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in c.children)}
        for j, (act, matched) in enumerate(zip(events, s.heads)):
            if j == k or j in drop or act.event != "ASSAULT" or not spots & {t.i for t in matched}:
                continue
            if not any(a.code for a in act.recipient) or "recipient" in act.modality.inferred:  # (not the place it hit)
                act.modality.inferred = [r for r in act.modality.inferred if r != "recipient"]
                act.recipient = [replace(a) for a in harm.recipient]
                act.reasons["recipient"] = f"those '{harm.event_text}' in '{act.event_text}'; " + harm.reasons.get("recipient", "")
                act.modality.inferred += [r for r in harm.modality.inferred if r == "recipient" and r not in act.modality.inferred]
                if act.actor and not any(a.code for a in act.actor):  # "rebels": of the one country where it happens
                    found = country_from_sentence(s.named, s.attributions, act.actor, act.recipient, load_event_types()["ASSAULT"], doc[act.anchor])
                    act.modality.inferred += [r for r in found if r not in act.modality.inferred]
                    act.reasons["actor"] = "; ".join([act.reasons.get("actor", ""), *(a.reason.split("; ")[0] for a in act.actor if a.code)])
            else:  # "killed in an attack on the US embassy": the embassy and the people it killed
                seen = {(a.start, a.end) for a in act.recipient}
                act.recipient += [replace(a) for a in harm.recipient if a.code and (a.start, a.end) not in seen]
                act.reasons["recipient"] += f"; and those '{harm.event_text}' in it: " + harm.reasons.get("recipient", "")
            act.reasons["merged"] = "; ".join(x for x in (act.reasons.get("merged"), f"'{harm.event_text}': {VICTIMS_MERGED}") if x)
            drop.add(k)
            break
    _drop(s, drop)


def _drop_topics(s: Sentence) -> None:
    """A nominal trigger in the object of a statement, demand or protest ("rejected the UN's appeal",
    "condemned the invasion") is what that event is about, not a second event of the day: it is
    dropped and noted in the governing event's ``reasons["merged"]``."""
    analysis, first, heads, doc = s.analysis, s.first, s.heads, s.analysis.doc
    events = analysis.events[first:]
    drop: set[int] = set()
    for k, event in enumerate(events):
        anchor = doc[event.anchor]
        nominal = anchor.pos_ in ("NOUN", "PROPN") and not any(verbal(t) for t in heads[k])
        for j, other in enumerate(events):
            if j == k or j in drop:
                continue
            if nominal and not event.actor and other.event == event.event and anchor.dep_ == "nsubj" \
                    and anchor.head.i in {t.i for t in heads[j]}:
                why = f" '{event.event_text}' is the same act as its subject"  # "a roadside bomb killed ..."
            elif nominal and (s.types[other.event].topic_governor or not event.actor) and topic_of(anchor, heads[j]) \
                    and "credits with" not in event.reasons.get("actor", ""):  # (not "blamed the bombing on X": X's act)
                # "condemned the invasion"; any act's actor-less object: "detonated a string of bombs"
                why = f" topic '{event.event_text}' ({event.event}) is what it is about"
            elif s.types[other.event].charge_governor and charge_of(anchor, heads[j]):
                why = f" charge '{event.event_text}' ({event.event}) is what it is for"
            else:
                continue
            drop.add(k)
            other.reasons["merged"] = (other.reasons.get("merged", "") + why).strip()
            break
        else:
            # the object of a statement or inquiry that is not itself coded ("an investigation of arms sales")
            if nominal and any(topic_of(anchor, toks) for _kind, toks in s.noun_triggers if event.anchor not in {t.i for t in toks}):
                drop.add(k)
    _drop(s, drop)


def _absorb_demands(s: Sentence) -> None:
    """"Students marched to demand reforms", "strikers blocked roads demanding wages": a demand made by
    protesting is the protest's content (PLOVER codes one PROTEST). The REQUEST is dropped; the
    protest takes its target when it has none. Which types absorb demands is in the per-type table
    (``absorbs_demands``)."""
    analysis, first, heads, doc = s.analysis, s.first, s.heads, s.analysis.doc
    events = analysis.events[first:]
    drop: set[int] = set()
    for k, event in enumerate(events):
        if event.event != "REQUEST" or not verbal(doc[event.anchor]):
            continue
        protests = [j for j, other in enumerate(events) if s.types[other.event].absorbs_demands and j not in drop]
        if not protests:
            continue
        outer = set(s.absorbing)
        for j in protests:
            anchor = doc[events[j].anchor]
            if anchor.pos_ in ("NOUN", "PROPN"):
                outer.add(anchor.head.i)  # "staged a protest to demand ..."
        tok, linked = doc[event.anchor], None
        for _ in range(4):
            if tok.dep_ not in PURPOSE_DEPS or tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.i in outer:
                linked = tok.i
                break
        if linked is None:
            continue
        # the protest the demand hangs from, else the sentence's first ("rioted after a march calling for ...")
        j = next((j for j in protests if linked in {t.i for t in heads[j]} or doc[events[j].anchor].head.i == linked), protests[0])
        other = events[j]
        drop.add(k)
        other.reasons["merged"] = (other.reasons.get("merged", "") +
                                   f" demand '{event.event_text}' made by the protest").strip()
        weak = not any(a.code for a in other.recipient) or "recipient" in other.modality.inferred
        if weak and any(a.code for a in event.recipient) and "recipient" not in event.modality.inferred:
            other.recipient = list(event.recipient)
            other.reasons["recipient"] = f"target of the demand '{event.event_text}' the protest makes; {event.reasons['recipient']}"
            other.modality.inferred = [r for r in other.modality.inferred if r != "recipient"] + [
                r for r in event.modality.inferred if r == "recipient"]
        if not other.actor and event.actor:
            other.actor = list(event.actor)
            other.reasons["actor"] = f"who makes the demand '{event.event_text}'; {event.reasons['actor']}"
    _drop(s, drop)


def _absorb_orders(s: Sentence) -> None:
    """"The junta ordered the newspaper to suspend publication": an order whose content is coercion is
    the coercion (COERCE), not also a REQUEST; the REQUEST is dropped and noted."""
    doc = s.analysis.doc
    events = s.analysis.events[s.first:]
    drop: set[int] = set()
    for k, event in enumerate(events):
        if event.event != "REQUEST" or doc[event.anchor].lemma_.lower() not in ORDER_VERBS:
            continue
        for other in events:
            if s.types[other.event].ordered_force and other is not event and doc[other.anchor].dep_ == "xcomp" \
                    and doc[other.anchor].head.i == event.anchor:
                drop.add(k)
                other.reasons["merged"] = (other.reasons.get("merged", "") + f" order '{event.event_text}' that imposes it").strip()
                if {(a.start, a.end) for a in other.actor} == {(a.start, a.end) for a in event.recipient} and event.actor:
                    # "ordered the paper to close": the one who orders coerces the one ordered
                    other.actor = list(event.actor)
                    other.reasons["actor"] = f"who gave the order '{event.event_text}'; {event.reasons['actor']}"
                    other.recipient = []
                if not any(a.code for a in other.recipient) and event.recipient:
                    other.recipient = list(event.recipient)
                    other.reasons["recipient"] = f"the party ordered ('{event.event_text}'); {event.reasons['recipient']}"
                    other.modality.inferred = [r for r in other.modality.inferred if r != "recipient"]
                break
    _drop(s, drop)


def _protests_at_home(s: Sentence, events: list[Event]) -> None:
    """"Greek farmers blocked roads": a protest that names no target, in a sentence where the same
    protesters name none either, is against the protesters' own authorities (when they have one
    country). Flagged as inferred. Which types do so is in the per-type table (``home_government_target``)."""
    for event in events:
        if not s.types[event.event].home_government_target or any(a.code for a in event.recipient):
            continue
        countries = {a.country for a in event.actor if a.country}
        if len(countries) != 1 or any(a.code and not a.country for a in event.actor):
            continue
        if any(o.event == event.event and any(a.code for a in o.recipient) and participants(o.actor) == participants(event.actor)
               for o in events):
            continue  # "staged a sit-in to denounce X's policy": the target is X
        (country,) = countries
        why = f"inferred: a protest naming no target is against the protesters' own government ({country})"
        event.recipient = [Actor(event.event_text, event.trigger.start, event.trigger.end, country, country, "GOV", None, why)]
        event.reasons["recipient"] = why
        event.modality.inferred.append("recipient")


def _joined(s: Sentence, events: list[Event]) -> list[Event]:
    """"North Korea declared its support for Cuba, joining Russia, China, and Iran": the ones the actor joins in an
    act did the same act; one event for them, its trigger the comparison word, its actor flagged as inferred."""
    if not events:
        return []  # (the resolver answers the same whenever asked, so the objects of a sentence without events need no look)
    doc, text = s.analysis.doc, s.analysis.article.text
    out: list[Event] = []
    for tok in s.span:
        if tok.lemma_.lower() not in COMPARISON_VERBS or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        obj = child(tok, ("dobj",))
        joined = [a for a in s.actors(obj) if a.code] if obj is not None else []
        for e in events if joined else ():
            if clause_verb(doc[e.anchor]).i != tok.head.i or not any(a.code for a in e.actor) or "actor" in e.modality.inferred:
                continue
            own = {a.code for a in e.actor + e.recipient}
            others = [copy.copy(a) for a in joined if a.code not in own]
            if not others:
                continue
            names = ", ".join(a.text for a in others)
            why = f"inferred: {' and '.join(a.text for a in e.actor)} joins {names} in '{e.event_text}' ('{tok.text}'): they did the same"
            for a in others:
                a.reason = f"{why}; {a.reason}"
            out.append(replace(
                e, trigger=Span(tok.idx, tok.idx + len(tok.text)), event_text=text[tok.idx : tok.idx + len(tok.text)], anchor=tok.i,
                actor=others, recipient=[copy.copy(a) for a in e.recipient],
                modality=replace(e.modality, inferred=[*e.modality.inferred, "actor"]),
                reasons={**e.reasons, "event": f"by comparison with '{e.event_text}' ('{tok.text}'); {e.reasons['event']}", "actor": why}))
            break
    return out


def participants(actors: list[Actor]) -> frozenset[str | None]:
    return frozenset(a.code for a in actors)


def _same_actors(one: Event, other: Event) -> bool:
    """The same actors, or none coded on either side ("a bomb killed two men and wounded nine": one attack by no one
    identified, not two)."""
    return participants(one.actor) == participants(other.actor) or not any(a.code for a in (*one.actor, *other.actor))


def merge_repeats(events: list[Event]) -> list[Event]:
    """One sentence, one event per type and dyad: "launched strikes ... the attack" is one ASSAULT.

    An event whose actors equal another's (or neither has a coded actor) and whose coded recipients are none, the
    same or some of the other's ("a bomb exploded in Kabul, killing two Americans and an Afghan") is dropped in
    favour of the one with more participants.
    """
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: -(len(e.actor) + len(e.recipient))):
        dup = next(
            (k for k in kept if k.event == event.event and _same_actors(k, event)
             and participants(event.recipient) - {None} <= participants(k.recipient) - {None}),
            None,
        )
        if dup is None:
            kept.append(event)
        else:
            dup.reasons["merged"] = (dup.reasons.get("merged", "") + f" also '{event.event_text}'").strip()
    return sorted(kept, key=lambda e: e.trigger.start)
