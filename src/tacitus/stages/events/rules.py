"""Per-type rules: the named functions the per-type table lists for a type (its ``rules`` column), the registry they are found in, and the recode of undone or suppressed acts.

A rule takes the ``Candidate`` (a trigger match on its way to an event) and returns False when the match
is no event after all (it is dropped) and True otherwise; it may change the candidate: its participants,
or its type with ``Candidate.recode``. Each rule runs in one phase of the events stage:

- ``match``: right after the trigger matched, before its arguments are looked for;
- ``arguments``: after argument finding and the inferences the table allows, before the check that the
  event has the actors ``stages.events.require_actor`` asks for;
- ``recode``: after ``undone_or_suppressed`` (the table's ``reversal`` and ``suppression`` columns), just
  before the event is made.

The rules of a phase run in the order the row lists them, for the type the match has when the phase
begins; once one recodes the match to another type, the rest of that list is skipped.

To add one: write the function here, register it with ``@event_rule("name", phase=...)``, and list
``name`` in the ``rules`` column of the types it is for (``data/event_types.tsv``). A rule named in
the table but not registered stops the stage at start (DictionaryError with the file and line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...event_types import EventType
from ...model import Actor
from .candidate import Candidate
from .grammar import child, subject, verbal
from .domestic import state_body, unnamed_protesters
from .inference import place_country
from .words import (FORCE_SECTORS, TAKEN_PEOPLE, BLAST_LEMMAS, CALLING_VERBS, CALM_NOUNS, CHARGING_SPEECH, COPULAS,
                    CRITICISED_THINGS, DAMNING_WORDS, EXERCISE_WORDS, FIGHT_VERBS, FORCE_NOUNS, HARM_VERBS,
                    ISSUE_NOUNS, MISCONDUCT_VERBS, OWNER_DEPS, REBUTTED_SAYING, RELIEF_WORDS, REVERSAL_VERBS, SELF_PRONOUNS,
                    SUPPRESSION_VERBS, WARNING_MODALS, WEAPONS, WORD_ATTACK_VERBS, WORDY_SECTORS)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PHASES", "RULES", "EventRule", "apply_rules", "event_rule", "governed_recode", "undone_or_suppressed"]

PHASES = ("match", "arguments", "recode")


@dataclass(frozen=True)
class EventRule:
    """A registered rule: its name (as the table writes it), its phase, the function and its first doc line."""

    name: str
    phase: str
    apply: Callable[[Candidate], bool]
    doc: str


RULES: dict[str, EventRule] = {}


def event_rule(name: str, *, phase: str) -> Callable[[Callable[[Candidate], bool]], Callable[[Candidate], bool]]:
    """Register a rule under ``name`` for ``phase`` (one of PHASES)."""
    if phase not in PHASES:
        raise ValueError(f"rule {name!r}: phase {phase!r} is not one of {', '.join(PHASES)}")

    def wrap(function: Callable[[Candidate], bool]) -> Callable[[Candidate], bool]:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        doc = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else ""
        RULES[name] = EventRule(name, phase, function, doc)
        return function

    return wrap


def apply_rules(c: Candidate, phase: str, kind: EventType) -> bool:
    """Run the rules ``kind`` lists for ``phase`` on ``c``; False when one drops the match."""
    for name in kind.rules:
        rule = RULES[name]
        if rule.phase != phase:
            continue
        if not rule.apply(c):
            return False
        if c.event != kind.name:  # recoded: the rest of the list is for another type
            break
    return True


# --- the recode every type gets from its row ------------------------------------------------------


def governed_recode(kind: EventType, anchor: Token) -> tuple[str, str, str, str] | None:
    """(event, cameo, mode, why) when a nominal trigger is the object of a reversing or suppressing verb."""
    if anchor.dep_ not in ("dobj", "nsubjpass") or anchor.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = anchor.head
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if lemma in ("call", "break") and particle == "off":
        lemma = "cancel"
    if lemma == "break" and particle == "up":
        lemma = "disperse"
    if kind.suppression is not None and lemma in SUPPRESSION_VERBS - {"stop"}:
        recode = kind.suppression
    elif lemma in REVERSAL_VERBS and kind.reversal is not None:
        recode = kind.reversal
    else:
        return None
    new = recode.event
    return new, recode.cameo, recode.mode, f"'{verb.text}{' ' + particle if particle else ''} ... {anchor.text}': {kind.name} undone or suppressed is {new}"


def undone_or_suppressed(c: Candidate) -> None:
    """"lifted the blockade", "broke up the demonstration": a nominal trigger that a verb undoes or suppresses
    becomes the type its row's ``reversal`` or ``suppression`` says; the verb's subject becomes its actor when
    argument finding gave it none (or the trigger itself)."""
    anchor = c.anchor
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return
    recoded = governed_recode(c.kind, anchor)
    if recoded is None:
        return
    c.event, c.cameo, c.mode, why = recoded
    c.label = f"{why}; {c.entry.label}"
    if c.source is None or c.source.i == anchor.i:
        c.source, c.source_rule = subject(anchor.head)
        c.actor = c.actors(c.source)


# --- named rules (listed in the rules column of data/event_types.tsv) ------------------------------


@event_rule("forces_only", phase="match")
def forces_only(c: Candidate) -> bool:
    """"mobilized voters", "mobilized pressure groups": a one-word verb trigger whose object is not armed forces is no event."""
    if len(c.entry.phrase) == 1 and verbal(c.anchor):
        obj = child(c.anchor, ("dobj",))
        if obj is not None and obj.lemma_.lower() not in FORCE_NOUNS:
            return False
    return True


def wanted_clause(verb: Token) -> Token | None:
    """The clause of "wants the council to drop the plan": a complement of 'want' with a subject of its own and
    'to' (not "wants to resign", the wanter's own plan, nor "wants a deal")."""
    if verb.lemma_.lower() != "want":
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) \
                and child(c, ("nsubj",)) is not None:
            return c
    return None


@event_rule("someone_else_to", phase="match")
def someone_else_to(c: Candidate) -> bool:
    """"The unions want the government to withdraw the rules": wanting another party to act is a demand on it
    (REQUEST; its target is the clause's subject, by the type's clause_target); a plain want is no event."""
    return not (verbal(c.anchor) and c.anchor.lemma_.lower() == "want" and wanted_clause(c.anchor) is None)


# Verbs of answering someone's words: "dismissed the criticism as nonsense" tells of the answer, not the criticism.
REBUTTAL_VERBS = frozenset("call dismiss reject deny rebuff refute counter brush shrug answer".split())


@event_rule("rebutted_words", phase="match")
def rebutted_words(c: Candidate) -> bool:
    """"Calling such criticism nonsense", "dismissed the accusations": a criticism or accusation named only as what
    someone answers, its author unnamed, is no act here (the answer is the act: REJECT, when a trigger says so)."""
    anchor = c.anchor
    if anchor.pos_ != "NOUN" or anchor.dep_ != "dobj" or anchor.head.lemma_.lower() not in REBUTTAL_VERBS:
        return True
    return any(x.dep_ in ("poss", "compound", "amod") and (x.pos_ == "PROPN" or c.sentence.is_actor(x)) for x in anchor.children) \
        or any(x.dep_ == "prep" and x.lower_ in ("by", "from") for x in anchor.children)


# What one agrees with when agreeing is endorsing, not a commitment to act: "agreed with her view".
VIEW_NOUNS = frozenset("view views assessment analysis position criticism comment comments remark remarks opinion conclusion "
                       "conclusions finding findings statement verdict call".split())


@event_rule("agree_with_a_view", phase="recode")
def agree_with_a_view(c: Candidate) -> bool:
    """"Agreed with the minister's view", "agreed with the criticism": agreeing with what someone said endorses it
    (SUPPORT, CAMEO 051), no agreement to act; its target is whoever said it."""
    anchor = c.anchor
    if not verbal(anchor) or anchor.lemma_.lower() != "agree" or any(x.dep_ in ("xcomp", "ccomp") for x in anchor.children):
        return True
    heard = [child(x, ("pobj",)) for x in anchor.children if x.dep_ == "prep" and x.lower_ == "with"]
    if any(x is not None and x.lemma_.lower() in VIEW_NOUNS for x in heard):
        c.recode("SUPPORT", "051", "", f"'{anchor.text} with' a view: endorsing it (SUPPORT)")
    return True


@event_rule("agreeing_that_it_is_so", phase="arguments")
def agreeing_that_it_is_so(c: Candidate) -> bool:
    """"He agrees with other critics that the press has lost its way", "I accept that the polls are against us":
    agreeing or accepting that something is so is a view, no agreement (dropped); "agreed that the troops would
    leave", an act to come, stays one."""
    anchor = c.anchor
    if not verbal(anchor) or anchor.lemma_.lower() not in ("agree", "accept") or len(c.entry.phrase) > 1:
        return True
    clause = next((x for x in anchor.children if x.dep_ == "ccomp" and x.i > anchor.i), None)
    if clause is None or any(x.dep_ in ("dobj", "xcomp") for x in anchor.children):
        return True
    return any(a.dep_ in ("aux", "auxpass") and (a.lower_ in WARNING_MODALS or a.lower_ in ("can", "to")) for a in clause.children)


@event_rule("unnamed_protesters", phase="arguments")
def unnamed_protesters_of_place(c: Candidate) -> bool:
    """"Anti-government protests in Cuba": a protest noun with no actor is by the civilians of the country it is in."""
    if not c.actor and c.anchor.pos_ == "NOUN":
        # the inferred flags are replaced, as they were before this rule was named (a target inferred from
        # the place loses its flag here)
        c.actor, c.recipient, c.inferred = unnamed_protesters(c.analysis, c.anchor, c.recipient)
    return True


@event_rule("own_session", phase="recode")
def own_session(c: Candidate) -> bool:
    """"The cabinet met on Sunday": a body meeting on its own, with no one named to meet, consults no one."""
    anchor = c.anchor
    return not (not c.recipient and anchor.lemma_.lower() in ("meet", "convene") and verbal(anchor)
                and len(c.actor) == 1 and c.source is not None and c.source.tag_ in ("NN", "NNP")
                and not any(x.dep_ == "prep" and x.lower_ == "with" for x in anchor.children))


@event_rule("complaint_in_words", phase="recode")
def complaint_in_words(c: Candidate) -> bool:
    """"Protested that the vote was rigged": a protest in words (a verb with a clause) is a complaint, ACCUSE;
    with no coded target, the subject of the clause complained about is the target. A state's protest ("Iran
    protested to Britain", "summoned the envoy to protest") is a diplomatic one, ACCUSE too (PLOVER manual)."""
    anchor = c.anchor
    state = bool(c.actor) and all(a.code and state_body(a) for a in c.actor)
    if not verbal(anchor) or not (state or any(x.dep_ == "ccomp" for x in anchor.children)):
        return True
    if not any(x.dep_ == "ccomp" for x in anchor.children):
        c.recode("ACCUSE", "114", "disapprove", f"'{anchor.text}' by a state: a diplomatic protest (ACCUSE)")
        return True
    c.recode("ACCUSE", "114", "disapprove", f"'{anchor.text}' with a clause: a protest in words is a complaint (ACCUSE)")
    if not any(a.code for a in c.recipient):
        clause = next(x for x in anchor.children if x.dep_ == "ccomp")
        tok = child(clause, ("nsubj", "nsubjpass"))
        rule = f"subject of the clause '{clause.text}' complained about"
        found = [a for a in c.actors(tok) if a.code and a.start not in c.source_starts] if tok is not None else []
        if found:
            c.recipient, c.target_rule = found, rule
    return True


@event_rule("attack_in_words", phase="recode")
def attack_in_words(c: Candidate) -> bool:
    """"Attacked the government over Iraq", "attacked Labour's record", "hit out at the plan", "attacked the scheme
    as a gimmick", "clashed with the Commission on the issue": an attack aimed at a policy, made over an issue or calling it something is criticism in words, ACCUSE (CAMEO 111), not an armed attack."""
    anchor = c.anchor
    if not verbal(anchor) or anchor.lemma_.lower() not in WORD_ATTACK_VERBS:
        return True
    over = any(x.dep_ == "prep" and x.lower_ in ("over", "for") and child(x, ("pobj", "pcomp")) is not None
               for x in anchor.children) or any(x.dep_ == "prep" and x.lower_ == "as" for x in anchor.children) \
        or any(x.dep_ == "prep" and x.lower_ == "on" and (topic := child(x, ("pobj",))) is not None
               and topic.lemma_.lower() in ISSUE_NOUNS for x in anchor.children)  # "clashed with Brussels on the issue"
    aimed = [x for x in anchor.children if x.dep_ in ("dobj", "pobj") or (x.dep_ == "prep" and x.lower_ == "at")]
    things = {t.lemma_.lower() for x in aimed for t in (x, *x.children) if t.dep_ in ("dobj", "pobj") or t is x}
    if over or CRITICISED_THINGS.intersection(things):
        c.recode("ACCUSE", "111", "disapprove", f"'{anchor.text}' over an issue or at a policy: an attack in words is "
                                                 "criticism (ACCUSE)")
    return True


@event_rule("politicians_attack", phase="recode")
def politicians_attack(c: Candidate) -> bool:
    """"The opposition leader renewed his attack on the government", "the Tories attacked Mr Blair": an attack by a
    party, a legislator or the opposition on a party, a government or a legislature, or by anyone on a party or a
    legislature, with no weapon named in the sentence, is criticism in words, ACCUSE (CAMEO 111)."""
    if c.anchor.lemma_.lower() not in WORD_ATTACK_VERBS or not c.actor or not c.recipient:
        return True
    by_politicians = all(a.sector in WORDY_SECTORS for a in c.actor) and all(a.sector in WORDY_SECTORS | {"GOV"} for a in c.recipient)
    on_a_party = all(a.sector in WORDY_SECTORS for a in c.recipient)  # whoever makes it: "attacking the party he once led"
    if not (by_politicians or on_a_party):
        return True
    if any(t.lower_ in WEAPONS for t in c.sentence.span):
        return True
    c.recode("ACCUSE", "111", "disapprove", f"'{c.anchor.text}' by a party or politician on a party or a government, no "
                                             "weapon named: criticism in words (ACCUSE)")
    return True


@event_rule("dispute_in_words", phase="arguments")
def dispute_in_words(c: Candidate) -> bool:
    """"Lawmakers fought over the reforms", "MPs battled over the budget": legislators or parties fighting, or a
    fight over an issue, with no weapon named in the sentence, is a political dispute. With a coded other side it
    is criticism in words, ACCUSE (CAMEO 111); with none it tells an analyst of no act toward anyone (dropped)."""
    anchor = c.anchor
    if not verbal(anchor) or anchor.lemma_.lower() not in FIGHT_VERBS or not c.actor:
        return True
    issue = any(x.dep_ == "prep" and x.lower_ in ("over", "on") and (topic := child(x, ("pobj",))) is not None
                and topic.lemma_.lower() in ISSUE_NOUNS | CRITICISED_THINGS for x in anchor.children)
    politicians = all(a.sector in WORDY_SECTORS for a in c.actor)
    if not (issue or politicians) or any(t.lower_ in WEAPONS for t in c.sentence.span) \
            or any(a.sector in FORCE_SECTORS for a in c.recipient):  # "opposition supporters clashed with police"
        return True
    if not any(a.code for a in c.recipient):
        return False
    c.recode("ACCUSE", "111", "disapprove", f"'{anchor.text}' by politicians or over an issue, no weapon named: a "
                                             "dispute in words is criticism (ACCUSE)")
    return True


def _political(actors: list) -> bool:
    """Whether one of ``actors`` is a named body or person or has a sector (not "some patients")."""
    return any(a.sector or a.name for a in actors)


def _speech_verb(clause: Token, anchor: Token, deps: tuple[str, ...] = ("parataxis", "ccomp", "advcl")) -> Token | None:
    """The verb that reports ``clause`` as someone's charge: the one it is the complement of ("said the plan was
    unfair"), else one hung on it after the trigger ("the plan is unfair, the mayor said")."""
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in CHARGING_SPEECH:
        return clause.head
    return next((x for x in clause.children if x.dep_ in deps and x.lemma_.lower() in CHARGING_SPEECH and x.i > anchor.i), None)


def _charged_by_speaker(c: Candidate, speech: Token, speaker: Token, speaker_rule: str, actor: list,
                        target: tuple[Token | None, str, list], why: str) -> None:
    """Make the speaker of ``speech`` the actor and ``target`` (token, rule, actors) the target of a criticism."""
    c.source, c.source_rule, c.actor, c.source_starts = speaker, f"speaker: {speaker_rule} ('{speech.text}')", actor, {a.start for a in actor}
    c.target, c.target_rule, c.recipient = target
    c.label = f"{why} by '{speaker.text}' ('{speech.text}'): criticism (ACCUSE); {c.label}"


@event_rule("misconduct_in_words", phase="arguments")
def misconduct_in_words(c: Candidate) -> bool:
    """"The treasurer had failed to curb the deficit, the Greens said", "the senator said the
    ministers had misled voters": a failure or misconduct one party charges another with in reported words is
    criticism, ACCUSE (CAMEO 111) by the speaker against the one charged. Such a verb neither reported nor charged
    by someone else ("the motion failed", "we have failed", "the problem lies elsewhere") is no event."""
    anchor = c.anchor
    if anchor.lemma_.lower() not in MISCONDUCT_VERBS:
        return True
    speech = _speech_verb(anchor, anchor) if verbal(anchor) else None
    if speech is None:
        return False
    failed, _ = subject(anchor)
    speaker, speaker_rule = subject(speech)
    if failed is None or speaker is None or failed.lower_ in SELF_PRONOUNS or failed.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    actor, target = c.actors(speaker), c.actors(failed)
    mine, theirs = {a.code for a in actor if a.code}, {a.code for a in target if a.code}
    if not _political(target) or {a.start for a in actor} & {a.start for a in target} or (failed.pos_ == "PRON" and not (mine and theirs and not mine & theirs)):
        return False  # "they say they have failed": a pronoun is taken for the speakers' own failure unless the codes differ
    _charged_by_speaker(c, speech, speaker, speaker_rule, actor, (failed, f"the one charged: subject of '{anchor.text}'", target),
                        f"'{anchor.text}' charged in words")
    return True


@event_rule("claim_against", phase="arguments")
def claim_against(c: Candidate) -> bool:
    """"The mayor claimed the opposition would close the hospital", "the US claims the airline flies arms to Syria": a
    party's claim about what another party did or would do is a charge against it, ACCUSE (CAMEO 112) by the
    claimant against the one the claim is about. Any other "claim" ("claimed victory", "claimed he had won", "a
    report claimed the FA was ...") is no event."""
    anchor = c.anchor
    if anchor.lemma_.lower() != "claim":
        return True
    clause = child(anchor, ("ccomp",)) if verbal(anchor) else None
    about = child(clause, ("nsubj", "nsubjpass")) if clause is not None else None
    speaker = c.source
    if about is None or about.lower_ in SELF_PRONOUNS or not _political(c.actor) or speaker is None \
            or speaker.head.i != anchor.i or speaker.lower_ in ("it", "this"):
        return False  # the claimant is the verb's own subject, not "it" (a book, a report) nor one borrowed from
        # another clause ("ruled against EU claims that ...")
    target = [a for a in c.actors(about) if a.start not in c.source_starts]
    mine, theirs = {a.code for a in c.actor if a.code}, {a.code for a in target if a.code}
    if not _political(target) or (about.pos_ == "PRON" and not (mine and theirs and not mine & theirs)):
        return False  # "Labour claimed its plans ...", "he claimed he had ...": a claim about oneself charges no one
    c.target, c.target_rule, c.recipient = about, f"the one the claim is about: subject of '{clause.text}'", target
    return True


@event_rule("concern_about_a_thing", phase="arguments")
def concern_about_a_thing(c: Candidate) -> bool:
    """"The cabinet voiced concern over what the strike would cost", "voiced concerns about a strong currency", "it
    blamed fluctuating oil prices": a worry about a state of things, or blame put on one, is a view, no
    event; a concern put to or about a party named ("raised its concern with Thailand"), or blame on one, stays
    criticism of it (ACCUSE; every blame the annotators coded has its target)."""
    blame = c.anchor.lemma_.lower() == "blame"
    if "concern" not in c.entry.phrase and "concerns" not in c.entry.phrase and not blame:
        return True
    return any(a.code or (blame and a.sector) for a in c.recipient) and "recipient" not in c.inferred


def _judged_owner(c: Candidate, noun: Token) -> list:
    """The party a judgement of ``noun`` is aimed at: the noun's own actor, else its owner's ("BNP's policies",
    "the government's plan", "the record of the Tories")."""
    found = c.actors(noun)
    if found:
        return found
    for x in noun.children:
        if x.dep_ in OWNER_DEPS and (found := c.actors(x)):
            return found
        if x.dep_ == "prep" and x.lower_ == "of" and (obj := child(x, ("pobj",))) is not None and (found := c.actors(obj)):
            return found
    return []


@event_rule("evaluation_in_words", phase="arguments")
def evaluation_in_words(c: Candidate) -> bool:
    """"The minister said the ruling was unfair", "the senator called the plan a disgrace": a damning word a speaker
    gives another party's act or policy is criticism, ACCUSE (CAMEO 111), by the speaker against that party. The word
    must be said of something ("is", "seems", "called ... a"), in reported words or by a verb of calling; anywhere
    else ("an unfair trial", "a flawed plan" in the narrative) it is no event."""
    anchor = c.anchor
    if anchor.lemma_.lower() not in DAMNING_WORDS or verbal(anchor):
        return True  # not a damning adjective or noun ("lied" is misconduct_in_words's)
    head = anchor.head
    if anchor.dep_ in ("acomp", "attr") and head.lemma_.lower() in COPULAS:
        (judged, _), speech = subject(head), _speech_verb(head, anchor, ("parataxis", "ccomp"))
    elif anchor.dep_ in ("oprd", "xcomp", "ccomp") and head.lemma_.lower() in CALLING_VERBS:
        judged, speech = child(head, ("dobj", "nsubj")) if anchor.dep_ == "ccomp" else child(head, ("dobj",)), head
    else:
        return False
    if judged is None or speech is None:
        return False
    speaker, speaker_rule = subject(speech)
    actor = c.actors(speaker) if speaker is not None else []
    # "said it was wrong to keep Cuba on the list": a policy judged, whose doer the sentence leaves unnamed
    policy = judged.lower_ == "it" and any(x.dep_ in ("xcomp", "ccomp") and x.i > anchor.i for x in (*head.children, *anchor.children))
    target = [] if policy else _judged_owner(c, judged)
    if speaker is None or not actor or not (target or policy) or {a.start for a in actor} & {a.start for a in target}:
        return False  # a judgement of no one's act ("the forecast was wrong") criticises no party
    _charged_by_speaker(c, speech, speaker, speaker_rule, actor,
                        (None, "a policy judged, its doer unnamed", []) if policy else (judged, f"what is called '{anchor.text}': '{judged.text}'", target),
                        f"'{anchor.text}' said of '{judged.text}'")
    rebutted = next((x for x in (*head.children, *anchor.children) if x.dep_ in ("xcomp", "ccomp") and x.i > anchor.i
                     and x.lemma_.lower() in REBUTTED_SAYING), None)
    if rebutted is not None:  # "said the mayor was wrong to claim the budget balanced": a claim denied
        c.recode("REJECT", "120", "", f"'{anchor.text} to {rebutted.text}': a claim rebutted (REJECT)")
    return True


@event_rule("capture_of_people", phase="recode")
def capture_of_people(c: Candidate) -> bool:
    """"A Danish aid worker was seized by gunmen", "captured four Turkish drivers": a seizure or capture
    of people is an abduction, ASSAULT (PLOVER manual: combatants captured in conflict are ASSAULT 'abduct');
    a town, a base or goods seized stay COERCE."""
    if c.entry.mode != "seize" or c.target is None:
        return True
    tok = c.target
    # a party's sector counts unless it is a possessor's, of a thing taken ("the pilots' pension scheme")
    people = tok.lemma_.lower() in TAKEN_PEOPLE or tok.ent_type_ in ("PERSON", "NORP") or (
        not any(x.dep_ == "poss" for x in tok.children)
        and any(a.sector in ("CVL", "JRN", "MIL", "REB", "GOV", "COP", "UAF", "CRM") for a in c.recipient))
    if people:
        c.recode("ASSAULT", "181", "abduct", f"'{c.anchor.text}' of people ('{tok.text}'): an abduction (ASSAULT)")
    return True


@event_rule("joint_exercise", phase="recode")
def joint_exercise(c: Candidate) -> bool:
    """"Held exercises with Japan": a military exercise by two or more countries together is COOPERATE (PLOVER manual)."""
    if EXERCISE_WORDS.intersection(c.entry.phrase):
        partners = c.recipient if "'with'" in c.target_rule else []  # "exercises with Japan"; not "near Taiwan"
        parties = {a.country for a in c.actor + partners if a.country}
        if len(parties) >= 2:
            c.recode("COOPERATE", "062", "", f"exercise by {' and '.join(sorted(parties))} together: "
                                             "a joint military exercise is COOPERATE (PLOVER manual)")
    return True


@event_rule("relief_mission", phase="recode")
def relief_mission(c: Candidate) -> bool:
    """"Sent two warships to help with relief efforts in Indonesia", "flew troops in to rescue flood victims": forces
    sent for relief or rescue are humanitarian aid (AID 073), to the place they are sent to when no one is named."""
    purposes = [x for x in c.anchor.children if x.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)]
    purposes += [x for x in c.anchor.children if x.dep_ == "prep" and x.lower_ == "for"]
    if not any(t.lemma_.lower() in RELIEF_WORDS for p in purposes for t in p.subtree):
        return True
    c.recode("AID", "073", "humanitarian", f"'{c.anchor.text}' for relief or rescue: humanitarian aid")
    if c.target is not None and c.target.lemma_.lower() in FORCE_NOUNS:  # "deployed 5,000 soldiers": the help, not its receiver
        c.recipient, c.target, c.inferred = [], None, [r for r in c.inferred if r != "recipient"]
    if not any(a.code for a in c.recipient):
        for t in (t for p in purposes for t in p.subtree if t.dep_ == "pobj" and t.head.lower_ in ("in", "to")):
            if (found := place_country(c.analysis, t)) is not None:
                country, name, source, span = found
                why = f"inferred: the relief goes to {name} ('{t.head.text} {c.analysis.article.text[span.start:span.end]}')"
                c.recipient = [Actor(c.analysis.article.text[span.start:span.end], span.start, span.end, country, country, None, name, f"{why}; {source}")]
                c.target, c.target_rule, c.inferred = t, why, [*c.inferred, "recipient"]
                break
    return True


@event_rule("calm_in_a_place", phase="arguments")
def calm_in_a_place(c: Candidate) -> bool:
    """"Called for a ceasefire in Darfur", "urged calm in Lebanon": a request for a state of things in a place,
    naming no party, is put to that place's country, the actor's own included (not where the request was made:
    "called for calm at a news conference in Paris": the 'in' is on the thing asked for, not on the verb)."""
    if any(a.code for a in c.recipient) or not c.actor:
        return True
    fors = [g for x in c.anchor.children if x.dep_ == "prep" and x.lower_ == "for" for g in x.children if g.dep_ == "pobj"]
    for noun in (t for t in [*c.matched[1:], *fors, child(c.anchor, ("dobj",))] if t is not None and t.pos_ == "NOUN"):
        # the parser hangs the place on the verb as often ("urged calm in Lebanon"): taken for a calm asked for
        heads = [noun, c.anchor] if noun.lemma_.lower() in CALM_NOUNS else [noun]
        for prep in (x for h in heads for x in h.children if x.dep_ == "prep" and x.lower_ in ("in", "across", "throughout")):
            obj = child(prep, ("pobj",))
            found = place_country(c.analysis, obj) if obj is not None else None
            if found is not None:
                country, name, source, span = found
                why = f"inferred: '{noun.text} {prep.text} {c.analysis.article.text[span.start:span.end]}' is asked of {name}"
                c.recipient = [Actor(c.analysis.article.text[span.start:span.end], span.start, span.end, country, country, None, name, f"{why}; {source}")]
                c.target, c.target_rule = obj, why
                c.inferred = [*c.inferred, "recipient"]
                return True
    return True


@event_rule("blast_told_by_its_harm", phase="arguments")
def blast_told_by_its_harm(c: Candidate) -> bool:
    """"A car bomb exploded near the base, killing seven US marines": the attack's target is the people it
    killed or wounded, when their country is named, not the place where the bomb went off."""
    anchor = c.anchor
    if anchor.lemma_.lower() not in BLAST_LEMMAS or not verbal(anchor):
        return True
    for harm in (x for x in anchor.children if x.dep_ in ("advcl", "xcomp", "conj") and x.lemma_.lower() in HARM_VERBS):
        hit = child(harm, ("dobj",))
        victims = [a for a in c.actors(hit) if a.code] if hit is not None else []
        if victims:
            c.target, c.target_rule, c.recipient = hit, f"object of '{harm.text}': those the blast hit", victims
            break
    return True


@event_rule("visitor_and_host", phase="arguments")
def visitor_and_host(c: Candidate) -> bool:
    """"The president meets with the visiting Omani foreign minister", "Bush meets with Berlusconi in the Oval Office
    ... in Washington": the one met who is called visiting, or who is met in the subject's own country, is the
    visitor; as in a visit, the visitor is the source and the host the target."""
    anchor = c.anchor
    if anchor.lemma_.lower() != "meet" or not verbal(anchor) or c.target is None or c.source is None:
        return True
    mine, theirs = {a.code for a in c.actor if a.code}, {a.code for a in c.recipient if a.code}
    if not mine or not theirs or mine & theirs:
        return True
    visiting = any(x.lower_ == "visiting" and x.dep_ in ("amod", "compound", "nmod") for x in c.target.subtree)
    places = [child(x, ("pobj",)) for x in anchor.children if x.dep_ == "prep" and x.lower_ in ("in", "at")]
    home = any((found := place_country(c.analysis, p)) is not None and found[0] in mine for p in places if p is not None)
    if not (visiting or home):
        return True
    why = "the one met is called visiting" if visiting else "the meeting is in the subject's own country"
    c.source, c.target, c.actor, c.recipient = c.target, c.source, c.recipient, c.actor
    c.source_rule, c.target_rule = f"the visitor ({why}): {c.target_rule}", f"the host: {c.source_rule}"
    c.source_starts = {a.start for a in c.actor}
    return True


@event_rule("talk_about_a_topic", phase="arguments")
def talk_about_a_topic(c: Candidate) -> bool:
    """"Mr Blair talked about the manifesto", "she spoke of reform": talking about a topic with no one named to talk
    with is a statement, not a consultation."""
    anchor = c.anchor
    if anchor.lemma_.lower() not in ("talk", "speak") or not verbal(anchor) or len(c.entry.phrase) > 1:
        return True
    preps = {x.lower_ for x in anchor.children if x.dep_ == "prep"}
    return not (preps & {"about", "of", "on"} and not preps & {"with", "to"} and not c.recipient)
