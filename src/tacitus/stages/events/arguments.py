"""Argument finding: the source and target tokens of a trigger from the dependency parse, and where else a target may be named."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...lexicon import TriggerEntry
from ..syntax import clause_verb, measured_slot
from .grammar import (anti, at_the_request, child, displaced_object, misattached_speaker, misparsed_main_verb, of_object_preps,
                      participle_after, participle_agent, passive_agent, prep_objects, reduced_relative, shared_object_verb, shifted_object,
                      subject, undergone, verb_prep_objects, verbal, words_from)
from ..base import SPEECH_VERBS, STANCE_PARTICIPLES, VICTIM_OF_LEMMAS
from .words import (
    CRIME_NOUNS,
    SPOKEN_TYPES,
    AREA_NOUNS,
    BLAST_LEMMAS,
    CLAIM_NOUNS,
    CONFLICT_NOUNS,
    DESTINATION_LEMMAS,
    DESTINATION_PREPS,
    FROM_TARGET_NOUNS,
    MARGIN_NOUNS,
    CAPTIVE_PARTICIPLES,
    TAKEN_PEOPLE,
    GENERIC_PREPS,
    LIGHT_VERBS,
    NEAR_PREPS,
    OBJECT_CONTROL,
    PASSIVE_SUBJECTS,
    PATIENT_NOUNS,
    SUBJECT_UNDERGOES,
    STANCE_NOUNS,
    STATIVE_PASSIVES,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    # (source token, its rule, target token, its rule)
    Arguments = tuple[Token | None, str, Token | None, str]

__all__ = ["arguments", "asked_party", "fallback_recipients", "owner_of"]


def arguments(
    anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool], *, clause_target: bool
) -> Arguments:
    """(source token, rule, recipient token, rule) for a trigger; ``is_actor`` tells actor mentions,
    ``clause_target`` whether the subject of the trigger's complement clause may be its target (per type)."""
    src, src_rule, rcp, rcp_rule = _arguments(anchor, matched, entry, is_actor)
    if src is not None and rcp is None and anchor.lemma_.lower() in SUBJECT_UNDERGOES and src_rule.startswith("subject"):
        # "Mr Ebbers is on trial", "she will stand trial": who is tried, not who tries
        src, src_rule, rcp, rcp_rule = None, "", src, f"{src_rule}, who undergoes it"
    if rcp is not None and rcp.i in {t.i for t in matched}:
        rcp, rcp_rule = None, ""  # "agreed to US mediation": the object is the trigger's own noun; whose it is, below
    if rcp is None and clause_target:
        rcp, rcp_rule = _clause_subject(matched)
    if rcp is None and anchor.lemma_.lower() in OBJECT_CONTROL:
        # "allowed the opposition leader to hold a rally", parsed as a clause with its own subject: who is allowed
        clause = next((c for c in anchor.children if c.dep_ == "ccomp" and c.i > anchor.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        subj = child(clause, ("nsubj",)) if clause is not None else None
        if subj is not None and subj.pos_ != "PRON":
            rcp, rcp_rule = subj, f"who '{anchor.text}' lets or asks to '{clause.text}'"
    if rcp is None:
        others = [t for t in matched if t.i != anchor.i and t.pos_ in ("NOUN", "PROPN")]
        rcp, rcp_rule = _modifier_actor(others, is_actor)
    if rcp is not None and (src is not None and rcp.i == src.i or rcp.i in {t.i for t in matched}):
        rcp, rcp_rule = None, ""
    return src, src_rule, rcp, rcp_rule


DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "rebut"})


def _clause_subject(tokens: list[Token]) -> tuple[Token | None, str]:
    """"insisted that Japan scrap ...": the subject of the trigger's complement clause. Not after a verb of denial:
    "denied his cabinet was split" denies a statement, and the statement's subject is no target."""
    for tok in tokens:
        if tok.lemma_.lower() in DENIAL_VERBS:
            continue
        for c in tok.children:
            if c.i > tok.i and (c.dep_ in ("ccomp", "acl") or (c.dep_ == "advcl" and any(  # "called for the president to resign"
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children))):
                subj = child(c, ("nsubj", "nsubjpass"))
                if subj is not None and subj.pos_ != "PRON" or (subj is not None and subj.lower_ in ("it", "they")):
                    return subj, f"subject of the clause after '{tok.text}'"
    return None, ""


def _modifier_actor(tokens: list[Token], is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"turned down a Danish proposal", "dismissed calls by the envoy": whose request, offer or plan it is."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i and is_actor(c) and not anti(c):
                return c, f"owner of '{tok.text}'"
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                obj = child(c, ("pobj",))
                if obj is not None and obj.lemma_.lower() not in MARGIN_NOUNS:  # not "by a majority of 14"
                    return obj, f"'{c.text} {obj.text}' after '{tok.text}'"
    return None, ""


def owner_of(token: Token, is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"protested against Sweden's decision", "violations by the security forces": whose act the
    (non-actor) target noun is -- its possessor, its 'by' agent, or an actor modifying it."""
    if token.pos_ not in ("NOUN", "PROPN") or is_actor(token):
        return None, ""
    for c in token.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and token.lemma_.lower() not in PATIENT_NOUNS:  # not "X's arrest"
            return c, f"owner of '{token.text}'"
    between = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children if g.dep_ == "pobj"), None)
    if between is not None:  # "mediated talks between the Taliban and the United States": the parties to it
        return between, f"'between {between.text}' after '{token.text}'"
    captive = token.lemma_.lower() in TAKEN_PEOPLE or token.ent_type_ in ("PERSON", "NORP")
    for c in [*token.children, *of_object_preps(token)]:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            obj = child(c, ("pobj",))
            if obj is not None:
                return obj, f"'{c.text} {obj.text}' after '{token.text}'"
        if c.dep_ == "acl" and c.lemma_.lower() not in STANCE_PARTICIPLES \
                and not (captive and c.lemma_.lower() in CAPTIVE_PARTICIPLES):  # "the decision taken by X", not "hostages held by X"
            agent = child(c, ("agent",))
            obj = child(agent, ("pobj",)) if agent is not None else None
            if obj is not None:
                return obj, f"agent of '{c.text}' after '{token.text}'"
    if token.lemma_.lower() in CLAIM_NOUNS:
        found = words_from(token)
        if found[0] is not None:
            return found
    for c in token.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and is_actor(c) and not anti(c):
            return c, f"actor modifying '{token.text}'"
    return None, ""


def claim_maker(anchor: Token) -> tuple[Token | None, str]:
    """"an allegation Tehran dismissed": a trigger in a relative clause on a claim noun answers whoever made the claim:
    the noun's possessor or 'by' / 'from' object, or the subject of the speech verb the noun is set beside
    ("X said ..., an allegation Tehran dismissed"), through an apposition to another claim noun."""
    noun = anchor.head
    if anchor.dep_ not in ("relcl", "acl") or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None, ""
    for _ in range(3):
        poss = child(noun, ("poss",))
        if poss is not None and poss.pos_ != "PRON":
            return poss, f"maker of the {noun.text!r} that '{anchor.text}' answers (its possessor)"
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        obj = child(by, ("pobj",)) if by is not None else None
        if obj is not None:
            return obj, f"maker of the {noun.text!r} that '{anchor.text}' answers ('{by.text} {obj.text}')"
        up = noun.head
        if noun.dep_ in ("npadvmod", "appos", "dep") and up.lemma_.lower() not in CLAIM_NOUNS:
            said = _claimant(up)
            if said is not None:
                return said[0], f"maker of the {noun.text!r} that '{anchor.text}' answers (who '{said[1].text}' it)"
        if noun.dep_ != "appos" or up.lemma_.lower() not in CLAIM_NOUNS:
            break
        noun = up
    return None, ""


def _blast_sites(anchor: Token) -> list[tuple[Token, str]]:
    """"A bomb exploded near a US convoy", "set off explosives outside the British consulate": what a blast was set
    beside is whom it was aimed at (not "near the Syrian border", a place)."""
    out: list[tuple[Token, str]] = []
    if anchor.lemma_.lower() not in BLAST_LEMMAS:
        return out
    for tok in (anchor, child(anchor, ("dobj",))):
        for c in tok.children if tok is not None else ():
            pobj = child(c, ("pobj",)) if c.dep_ == "prep" and c.lower_ in NEAR_PREPS else None
            if pobj is not None and pobj.lemma_.lower() not in AREA_NOUNS:
                out.append((pobj, f"object of '{c.text}' after '{tok.text}', where the blast was set"))
    return out


def fallback_recipients(anchor: Token, matched: list[Token], purpose: bool = False) -> list[tuple[Token, str]]:
    """Where else the target may be named, best first, when the usual places name no actor.

    "threatened to halt gas deliveries to X", "refused to meet X" (the object of the clause the
    trigger governs); "demanded the withdrawal of X" (the "of" object of the trigger's object);
    with ``purpose``, also the clause saying what the act is for ("blocked roads to show their anger at X").
    """
    out: list[tuple[Token, str]] = []
    heads = [anchor, *[t for t in matched if t.i != anchor.i]]
    if purpose and anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ == "dobj":
        heads.append(anchor.head)  # "staged a sit-in to denounce X"
    heads += [t.head for t in matched if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and t.head not in heads]
    shared = shared_object_verb(anchor)
    if shared is not None:  # "donated and delivered medicine to the hospital": the second verb's object and target
        for c in shared.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in GENERIC_PREPS:
                pobj = child(c, ("pobj",))
                if pobj is not None:
                    out.append((pobj, f"object of '{c.text}' after '{shared.text}', which shares the object of '{anchor.text}'"))
            if c.dep_ == "dobj":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "for"):
                        pobj = child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' after '{c.text}', the object '{anchor.text}' shares with '{shared.text}'"))
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "between", "among", "for") and tok.i != anchor.i or (
                    c.dep_ == "prep" and c.lower_ == "from" and tok.i == anchor.i and anchor.lemma_.lower() not in DESTINATION_LEMMAS):
                pobj = child(c, ("pobj",))
                if pobj is not None:
                    out.append((pobj, f"object of '{c.text}' after '{tok.text}'"))
            if c.dep_ == "prep" and c.lower_ in ("in", "for"):
                # "a hunger strike in protest at X's decision", "blocked roads in defiance of X",
                # "mobilized reservists for a war against X": whom the act is against
                pobj = child(c, ("pobj",))
                if pobj is not None and (pobj.lemma_.lower() in STANCE_NOUNS if c.lower_ == "in" else pobj.lemma_.lower() in CONFLICT_NOUNS):
                    for p in pobj.children:
                        inner = child(p, ("pobj",)) if p.dep_ == "prep" and p.lower_ in ("of", "at", "against", "over", "on", "with") else None
                        if inner is not None:
                            out.append((inner, f"object of '{c.text} {pobj.text} {p.text}' after '{tok.text}'"))
            is_purpose = purpose and c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            if c.dep_ == "xcomp" or is_purpose:
                obj = child(c, ("dobj", "dative"))
                if obj is not None:
                    out.append((obj, f"object of '{c.text}', the clause '{tok.text}' governs"))
                for p in c.children:
                    if p.dep_ in ("prep", "dative") and p.lower_ in GENERIC_PREPS + ("from", "in") + (("for", "at", "over") if is_purpose else ()):
                        pobj = child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' in the clause '{c.text}'"))
                if obj is not None:
                    for p in obj.children:
                        if p.dep_ == "prep" and p.lower_ in ("to", "of", "against", "on", "with") + (("for", "at", "over") if is_purpose else ()):
                            pobj = child(p, ("pobj",))
                            if pobj is not None:
                                out.append((pobj, f"object of '{p.text}' after '{obj.text}'"))
            if c.dep_ == "prep" and tok.i == anchor.i and c.lower_ in ("on", "against", "over", "with"):
                pobj = child(c, ("pobj",))  # "reneged on its commitment to the voters" (not "with the kidnappers of X")
                preps = ("to", "against", "by", "with") + (("of",) if pobj is None or pobj.lemma_.lower() not in VICTIM_OF_LEMMAS | CRIME_NOUNS else ())
                for p in pobj.children if pobj is not None else ():
                    if p.dep_ == "prep" and p.lower_ in preps:
                        inner = child(p, ("pobj",))
                        if inner is not None:
                            out.append((inner, f"object of '{p.text}' after '{c.text} {pobj.text}'"))
            if c.dep_ in ("dobj", "attr", "nsubjpass"):
                sent = c.lemma_.lower() in DESTINATION_LEMMAS  # "criticised X's deportation to Z": Z is where X went
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "to", "against", "on", "with", "by", "from") and not (sent and p.lower_ == "to"):
                        pobj = child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' after '{c.text}'"))
    out += _blast_sites(anchor)
    if anchor.dep_ in ("advcl", "xcomp") and anchor.tag_ == "VBG" and verbal(anchor.head):
        # "wrote to the US embassy asking it to ...", "appealed to Kenya, urging ...": whom the message went to
        to = next((c for c in anchor.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
        pobj = child(to, ("pobj",)) if to is not None else None
        if pobj is not None:
            out.append((pobj, f"object of 'to' after '{anchor.head.text}', which '{anchor.text}' goes with"))
    return out


def _claimant(tok: Token) -> tuple[Token, Token] | None:
    """(subject, verb) of the statement a claim noun restates, from the word the noun is set beside, up through the
    reported clauses ("X said that photographs showed Iran's plans, an allegation ..."): the first verb of saying whose
    subject names someone (a name, an entity or a pronoun: not "photographs"), else the first one found."""
    found = None
    for _ in range(6):
        if tok.lemma_.lower() in SPEECH_VERBS:
            subj = child(tok, ("nsubj",))
            if subj is not None:
                if subj.pos_ in ("PROPN", "PRON") or any(t.ent_type_ for t in subj.subtree):
                    return subj, tok
                found = found or (subj, tok)
        if tok.head.i == tok.i or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "ccomp"):
            break
        tok = tok.head
    return found


def asked_party(verb: Token, matched: list[Token]) -> bool:
    """Whether ``verb`` has an object of its own that the clause after it is about ("asked followers to ...",
    "urged the police to ..."): the one asked, told or urged, who is the target even when no dictionary knows it."""
    ids = {t.i for t in matched}
    return any(c.dep_ == "dobj" and c.i not in ids and c.pos_ in ("NOUN", "PROPN") for c in verb.children) \
        and any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children)


def _of_object(matched: list[Token], anchor: Token, is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"tightened the blockade of Serbia", "lifted the siege of the city": the 'of' object of the phrase's
    own noun is what the act is against, before any other preposition ("... with Albania's help")."""
    for tok in matched:
        if tok.i == anchor.i or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in CRIME_NOUNS:
            continue  # ("held over the killing of two farmers": the farmers are the victims, not whom the charge is against)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = child(c, ("pobj",))
                if obj is not None and is_actor(obj):
                    return obj, f"object of 'of' after '{tok.text}'"
    return None, ""


def _arguments(
    anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]
) -> Arguments:
    """The arguments the parse gives a trigger: a participle acting on the noun it modifies, a verb, or a noun."""
    if _acting_participle(anchor):
        return _participle_arguments(anchor, matched, entry)
    if verbal(anchor):
        return _verbal_arguments(anchor, matched, entry, is_actor)
    return _nominal_arguments(anchor, matched, entry, is_actor)


def _acting_participle(anchor: Token) -> bool:
    """"refugees ordered out of the country", "property seized by the army": a participle whose noun undergoes the act."""
    return (verbal(anchor) and anchor.dep_ == "acl" and anchor.tag_ in ("VBN", "VBD") and anchor.head.pos_ in ("NOUN", "PROPN", "PRON")
            and not (anchor.tag_ == "VBD" and anchor.head.dep_ == "ROOT")  # "The president reneged ...", mis-parsed
            and not misparsed_main_verb(anchor)
            and not any(c.dep_ == "dobj" for v in (anchor, *anchor.conjuncts) for c in v.children))


def _participle_arguments(anchor: Token, matched: list[Token], entry: TriggerEntry) -> Arguments:
    """A participle modifying a noun: the noun undergoes the act ("property seized by the army")."""
    agent = child(anchor, ("agent",))
    src = child(agent, ("pobj",)) if agent is not None else None
    rcp, rcp_rule = prep_objects(matched, entry.preps) if entry.preps else (None, "")
    if rcp is None:
        rcp, rcp_rule = anchor.head, f"noun modified by the passive participle '{anchor.text}'"
    return src, "agent of the passive participle" if src is not None else "", rcp, rcp_rule


def _participle_of_clause(anchor: Token) -> Arguments | None:
    """"Kenya has not freed the detainees as called for by AU envoys": a participle clause with a 'by' agent and no
    subject of its own: the agent acts, on the subject of the clause it is said of."""
    agent = child(anchor, ("agent",))
    if anchor.tag_ != "VBN" or anchor.dep_ != "advcl" or agent is None or child(anchor, ("nsubj",)) is not None:
        return None
    controller, rule = subject(anchor.head)
    return child(agent, ("pobj",)), "agent of the participle", controller, \
        f"{rule}, of whose act '{anchor.text}' is said" if controller is not None else ""


def _verbal_arguments(anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]) -> Arguments:
    """A verb: its subject, or a passive's agent; its prepositional, direct or displaced object."""
    matched_ids = {t.i for t in matched}
    preps = entry.preps or GENERIC_PREPS
    if anchor.lemma_.lower() in DESTINATION_LEMMAS:  # "deported 300 migrants to Honduras": where they are sent
        preps = tuple(p for p in preps if p not in DESTINATION_PREPS)
    generic = tuple(p for p in GENERIC_PREPS if p not in DESTINATION_PREPS) if anchor.lemma_.lower() in DESTINATION_LEMMAS else GENERIC_PREPS
    head = anchor if anchor.dep_ == "ROOT" else anchor.head if anchor.dep_ in ("advcl", "conj", "ccomp") else None
    undergoer = reduced_relative(head) if head is not None and (head is anchor or not child(anchor, ("nsubj", "nsubjpass"))) else None
    if undergoer is not None:  # "three aid workers abducted in May were freed": they undergo both
        agent = child(anchor, ("agent",))
        src = child(agent, ("pobj",)) if agent is not None else None
        return (src, "agent of the participle" if src is not None else "", undergoer,
                f"noun modified by the participle '{head.text}' (parsed as its subject)")
    passive = child(anchor, PASSIVE_SUBJECTS)
    if passive is not None and anchor.lemma_.lower() in STATIVE_PASSIVES and child(anchor, ("agent",)) is None:
        # "Norway is opposed to the plan", "Chile is committed to the talks": the subject's stance, not an act on it
        rcp, rcp_rule = prep_objects([anchor], ("to",))
        return passive, f"subject of '{anchor.text}' (a stance, not a passive)", rcp, rcp_rule
    if passive is not None:
        agent = passive_agent(anchor)
        src = child(agent, ("pobj",)) if agent is not None else None
        return src, "agent of passive", passive, f"passive subject of '{anchor.text}'"
    if (said_of := _participle_of_clause(anchor)) is not None:
        return said_of
    if anchor.dep_ in ("pcomp", "xcomp", "advcl", "conj") and any(c.dep_ == "auxpass" for c in anchor.children):
        # "was jailed for a year after being found guilty": the subject the passive borrows undergoes it
        controller, rule = subject(anchor)
        if controller is not None:
            agent = child(anchor, ("agent",))
            src = child(agent, ("pobj",)) if agent is not None else None
            return src, "agent of passive" if src is not None else "", controller, f"{rule}, who undergoes the passive '{anchor.text}'"
    src, src_rule = subject(anchor)
    if src is None:
        src, src_rule = _credited(anchor)
    if src is not None and entry.event in SPOKEN_TYPES and not is_actor(src) and (speaker := misattached_speaker(anchor)) is not None:
        src, src_rule = speaker, f"subject of '{anchor.head.head.text}', whose next act '{anchor.text}' the parser hung on its clause"
    if src is None and anchor.pos_ == "NOUN":  # a verb the tagger took for a noun: "X condemns Y"
        src = next((c for c in anchor.children if c.dep_ in ("nmod", "compound") and c.i < anchor.i), None)
        src_rule = f"modifier before '{anchor.text}' (verb tagged as noun)"
    rcp, rcp_rule = verb_prep_objects(matched, entry.preps) if entry.preps else (None, "")
    if rcp is None and (dative := child(anchor, ("dative",))) is not None and dative.pos_ != "ADP" and is_actor(dative):
        rcp, rcp_rule = dative, f"indirect object of '{anchor.text}'"  # "China lent Russia $6bn": Russia, not the money
    if rcp is None:
        paid = child(anchor, ("dative",)) is not None  # "fined the bank $50m": the bank, not the money
        for dep in ("dobj", "dative", "attr"):
            obj = child(anchor, (dep,))
            if obj is not None and obj.i not in matched_ids and not (paid and dep == "dobj" and any(t.ent_type_ == "MONEY" for t in obj.subtree)):
                rcp, rcp_rule = obj, f"{dep} of '{anchor.text}'"
                break
    if rcp is None and (obj := child(anchor, ("dobj",))) is not None and obj.i in matched_ids:
        # "holding three UN workers hostage": the trigger's own object word names whom, in its modifiers
        inner = [c for c in obj.children if c.dep_ == "compound" and c.i not in matched_ids and c.pos_ in ("NOUN", "PROPN")
                 and any(is_actor(t) for t in c.subtree)]  # not the 'peace' of "rejected a Senegalese peace plan"
        if inner:
            rcp, rcp_rule = inner[-1], f"the noun inside '{anchor.text} ... {obj.text}'"
        elif obj.lemma_.lower() in CLAIM_NOUNS:  # "rejected calls from within his cabinet"
            rcp, rcp_rule = words_from(obj)
    if rcp is None and child(anchor, ("dobj",)) is None and (shifted := shifted_object(anchor)) is not None:
        rcp, rcp_rule = shifted, f"object of '{anchor.text}' after what it is called ('as ...')"
    if rcp is None and child(anchor, ("dobj",)) is None:
        rcp, rcp_rule = displaced_object(anchor)
    if rcp is None:
        rcp, rcp_rule = _of_object(matched, anchor, is_actor)
    if rcp is None:
        rcp, rcp_rule = prep_objects(matched, tuple(dict.fromkeys(preps + generic)))
    elif not any(is_actor(t) for t in rcp.doc[rcp.left_edge.i : rcp.i + 1]):
        # "refused admittance to the refugees", "reneged on its pledge to the voters": an actor after a
        # preposition beats an object naming no actor (but not "about Chilean patrols")
        for prep in dict.fromkeys(preps + generic):
            alt, alt_rule = prep_objects(matched, (prep,))
            if alt is not None and is_actor(alt):
                rcp, rcp_rule = alt, alt_rule
                break
    if rcp is None and anchor.pos_ == "NOUN":
        first = next((c for c in anchor.children if c.dep_ == "prep" and c.i > anchor.i), None)
        obj = child(first, ("pobj",)) if first is not None else None
        if obj is not None:
            rcp, rcp_rule = obj, f"object of '{first.text}' after '{anchor.text}' (verb tagged as noun)"
    return src, src_rule, rcp, rcp_rule


def _nominal_arguments(anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]) -> Arguments:
    """A noun (or adjective): its possessor or modifier, or the subject of the light verb it is the object of."""
    if (asked := at_the_request(anchor)) is not None:
        return asked
    preps = entry.preps or GENERIC_PREPS
    src, src_rule = None, ""
    poss = child(anchor, ("poss",))
    if poss is not None and poss.pos_ != "PRON":
        src, src_rule = poss, f"possessor of '{anchor.text}'"
    if src is None:
        for c in anchor.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < anchor.i and is_actor(c) and not anti(c):
                src, src_rule = c, f"modifier of '{anchor.text}'"
                break
    if src is None:  # "a boycott by the rebels", "the killing of the journalist by soldiers", "condemnation from the UN"
        takes_from = anchor.lemma_.lower() not in FROM_TARGET_NOUNS and anchor.pos_ == "NOUN"
        by = next((c for c in [*anchor.children, *of_object_preps(anchor)] if c.dep_ in ("prep", "agent") and c.i > anchor.i
                   and (c.lower_ == "by" or (c.lower_ == "from" and takes_from and c.head.i == anchor.i))), None)
        obj = child(by, ("pobj",)) if by is not None else None
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            src, src_rule = obj, f"'{by.text} {obj.text}' after '{anchor.text}'"
            preps = tuple(p for p in preps if p != by.lower_)
    src, src_rule = participle_agent(anchor) if src is None and anchor.pos_ == "NOUN" else (src, src_rule)
    if src is None and anchor.pos_ == "ADJ" and anchor.dep_ == "acomp":  # "Norway is willing to ...": who is
        src, src_rule = subject(anchor.head)
        src_rule += f" (its predicate '{anchor.text}' is the trigger)" if src is not None else ""
    slot = measured_slot(anchor)
    held = slot
    while held.dep_ == "conj" and held.head.pos_ in ("NOUN", "PROPN"):
        held = held.head  # "used water cannon and tear gas": the first of the coordinated objects
    undergoer, rule, giver, giver_rule = undergone(held, anchor)
    if undergoer is not None:
        return (src, src_rule, undergoer, rule) if src is not None else (giver, giver_rule, undergoer, rule)
    if src is None and held.dep_ in ("dobj", "conj", "attr") and held.head.pos_ in ("VERB", "AUX") and held.head.lemma_.lower() in LIGHT_VERBS:
        verb = held.head
        if held.dep_ == "conj":
            while verb.dep_ == "conj" and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            verb = verb.head if verb.pos_ not in ("VERB", "AUX") else verb
        if verb.pos_ in ("VERB", "AUX"):
            src, src_rule = subject(verb)
            if src is not None:
                src_rule += f" (its object '{slot.text}' is the trigger)" if slot.i == anchor.i else f" (its object '{slot.text} of {anchor.text}' is the trigger)"
    if src is None and slot.dep_ == "nsubjpass" and slot.head.lemma_.lower() in LIGHT_VERBS:
        # "the bombing was carried out by militants": the passive's agent
        agent = child(slot.head, ("agent",))
        obj = child(agent, ("pobj",)) if agent is not None else None
        if obj is not None:
            src, src_rule = obj, f"'by {obj.text}' after '{slot.head.text}', whose subject is the trigger"
    if src is None and poss is not None:
        src, src_rule = poss, f"possessor of '{anchor.text}'"
    if src is None:
        src, src_rule = _credited(anchor)
    if src is None and anchor.dep_ in ("pobj", "dobj", "attr"):
        verb = clause_verb(anchor)
        governor = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
        # "agreed to a ceasefire", "engaged in talks" -- but not "after two days of fighting"
        eventive_prep = anchor.dep_ != "pobj" or anchor.head.lower_ in ("to", "in", "into", "on", "for", "as")  # "held them as human shields"
        if eventive_prep and verb.i != anchor.i and (verb.lemma_.lower() in LIGHT_VERBS or governor.lemma_.lower() in LIGHT_VERBS):
            src, src_rule = subject(verb)
            if src is None and verb.lemma_.lower() in ("engage", "involve", "embroil"):
                src = child(verb, ("nsubjpass",))  # "militias were involved in the looting"
                src_rule = f"subject of '{verb.text}'"
            if src is not None:
                src_rule += f" (the trigger '{anchor.text}' is in its clause)"
    if src is None:  # "a police crackdown", "an army offensive": the group noun that modifies it (not "military drills")
        group = next((c for c in anchor.children if c.dep_ in ("compound", "nmod") and c.i < anchor.i and c.pos_ == "NOUN"
                      and c.lemma_.lower() in GROUP_MODIFIERS), None)
        if group is not None:
            src, src_rule = group, f"group noun modifying '{anchor.text}'"
    if src is None and entry.mode != "third-party":
        # "talks between the rebels and the government": the first side acts, the second is its target (a mediation
        # "between" two sides is a third party's, both its targets)
        pair = between_sides(anchor)
        if pair is not None:
            return pair[0], f"first side 'between' after '{anchor.text}'", pair[1], f"second side 'between' after '{anchor.text}'"
    rcp, rcp_rule = _nominal_recipient(anchor, matched, slot, preps, is_actor)
    if anchor.lemma_.lower() in PATIENT_NOUNS:
        return _patient_roles(anchor, (src, src_rule, rcp, rcp_rule))
    return src, src_rule, rcp, rcp_rule


def _nominal_recipient(anchor: Token, matched: list[Token], slot: Token, preps: tuple[str, ...],
                       is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """A noun trigger's target: the object of one of its prepositions (or of the noun it modifies), the indirect
    object or a preposition of the verb it is the object of, what it is held or used as, or an 'anti-' modifier."""
    around = [*matched] if slot.i == anchor.i else [*matched, slot]
    first = slot
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
        around.append(first)  # "water cannon and tear gas against protesters": the preposition on the first
    if anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
        around.append(anchor.head)  # "a mediation mission between X and Y"
    rcp, rcp_rule = prep_objects(around, preps)
    given_in = slot.dep_ == "pobj" and slot.head.lower_ in ("in", "as") and slot.head.head.pos_ == "VERB"
    if (rcp is None or not is_actor(rcp)) and (slot.dep_ in ("dobj", "attr") and slot.head.pos_ in ("VERB", "AUX") or given_in):
        verb = slot.head.head if given_in else slot.head  # "gave Tanzania a grant", "offered aid to Chad", "gave Chad $5m in aid"
        dative = child(verb, ("dative",))
        if dative is not None and dative.pos_ != "ADP":
            rcp, rcp_rule = dative, f"indirect object of '{verb.text}'"
        elif rcp is None and not given_in:  # ("flew arms to Syria in support of X": the support is X's, not Syria's)
            rcp, rcp_rule = prep_objects([verb], preps)
    if rcp is None and anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and anchor.head.head.pos_ == "VERB":
        obj = child(anchor.head.head, ("dobj",))  # "held thousands of villagers as human shields"
        if obj is not None:
            rcp, rcp_rule = obj, f"object of '{anchor.head.head.text}', held or used 'as {anchor.text}'"
    if rcp is None and (made := participle_after(anchor)) is not None:  # "sanctions imposed by the EU on Zimbabwe"
        rcp, rcp_rule = prep_objects([made, *(x for a in made.children if a.dep_ == "agent" for x in a.children)], preps)
    if rcp is None:
        opposed = next((c for c in anchor.children if c.dep_ in ("compound", "amod", "nmod") and anti(c) and is_actor(c)), None)
        if opposed is not None:
            rcp, rcp_rule = opposed, f"'anti-{opposed.text}' modifier of '{anchor.text}'"
    return rcp, rcp_rule


CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit", "bear"})
CREDIT_NOUNS = ("responsibility", "credit")
# Group nouns that, modifying a noun of an act, name who does it ("a police crackdown", "an army offensive").
GROUP_MODIFIERS = frozenset("police army military rebel militant insurgent guerrilla government opposition troop navy "
                            "coalition militia separatist security".split())
BLAME_VERBS = {"blame": "on", "attribute": "to", "pin": "on"}


def _credited(anchor: Token) -> tuple[Token | None, str]:
    """Who an act is credited to: "X claimed responsibility for the attacks", "... yesterday for killing three guards"
    (X), "the army blamed the bombing on Y", "attributed the bombing to Y" (Y)."""
    if anchor.dep_ in ("pobj", "pcomp") and anchor.head.lower_ == "for":
        owner = anchor.head.head  # 'responsibility', or the verb when 'for' hangs on it past a time word
        verb = owner.head if owner.lemma_.lower() in CREDIT_NOUNS else owner
        if verb.pos_ == "VERB" and verb.lemma_.lower() in CLAIM_VERBS and (owner is not verb or any(
                c.dep_ == "dobj" and c.lemma_.lower() in CREDIT_NOUNS for c in verb.children)):
            src, rule = subject(verb)
            if src is not None:
                return src, f"{rule}, who claimed responsibility for '{anchor.text}'"
    if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.lemma_.lower() in BLAME_VERBS:
        prep = BLAME_VERBS[anchor.head.lemma_.lower()]
        on = next((c for c in anchor.head.children if c.dep_ == "prep" and c.lower_ == prep), None)
        on = on or next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == prep), None)
        obj = child(on, ("pobj",)) if on is not None else None
        if obj is not None:
            return obj, f"'{prep} {obj.text}', whom '{anchor.head.text}' credits with '{anchor.text}'"
    return None, ""


def between_sides(anchor: Token) -> tuple[Token, Token] | None:
    """The two sides of a noun's "between X and Y" ("talks between Israel and Syria", "a clash between police and
    protesters"), or None."""
    prep = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "between" and c.i > anchor.i), None)
    first = child(prep, ("pobj",)) if prep is not None else None
    if first is None:
        return None
    second = next((c for c in first.conjuncts if c.i > first.i), None)
    return (first, second) if second is not None else None


def _patient_roles(anchor: Token, found: Arguments) -> Arguments:
    """An act done to someone, named by a noun: its possessor undergoes it ("X's arrest drew condemnation",
    "his deportation") unless an "of" phrase names who does ("Kenya's arrest of the activist"); a "by" phrase
    names who does it; where people are sent ("Y's deportation to Z") is no target."""
    src, src_rule, rcp, rcp_rule = found
    poss = child(anchor, ("poss",))
    of_obj = next((g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    if rcp is not None and rcp.dep_ == "pobj" and rcp.head.lower_ in DESTINATION_PREPS and anchor.lemma_.lower() in DESTINATION_LEMMAS:
        rcp, rcp_rule = of_obj, f"object of 'of' after '{anchor.text}'" if of_obj is not None else ""
    if poss is not None and anchor.lemma_.lower() in SUBJECT_UNDERGOES and poss.ent_type_ in ("GPE", "LOC"):
        # "Greece's biggest corruption trial": where it is held, neither who tries nor who is tried
        return (None, "", None, "") if src is not None and src.i == poss.i else (src, src_rule, None, "")
    if poss is not None and of_obj is None:
        by = src if src is not None and src_rule.startswith(("'by ", "'from ")) else None
        return by, src_rule if by is not None else "", poss, f"possessor of '{anchor.text}', who undergoes it"
    return src, src_rule, rcp, rcp_rule
