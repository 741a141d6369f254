"""Whether a trigger is news of its own: not a scene-setter, not an earlier act, not the topic or charge of another event, or an act another governs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..syntax import quoted_spans
from .grammar import misparsed_main_verb, verbal
from .words import BACKGROUND_PREPS, CHARGE_PREPS, EARLIER_MARKS, GOVERNED_DEPS, REFERRING_NOUNS, TIME_NOUNS, TOPIC_DEPS, TOPIC_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["background", "charge_of", "earlier", "governs", "quoted", "quoted_spans", "topic_of"]

FIRST_PERSON = frozenset({"i", "we"})
MODAL_AUX = frozenset({"will", "would", "'ll", "shall", "may", "might", "could", "should", "must", "can", "wo", "ca"})
SHORT_QUOTE = 50  # characters: a shorter quotation is a quoted phrase inside the reporter's sentence


def quoted(anchor: Token, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether a trigger is someone's words in a direct quotation ("'members of Congress have abused their
    power'"): the speaker's opinion or account, not a reported act. A speech act the speaker performs in the first
    person present ("'we condemn this attack'") is still one."""
    at = anchor.idx
    span = next(((a, b) for a, b in spans if a < at < b), None)
    if span is None or span[1] - span[0] < SHORT_QUOTE:
        return False  # 'North Korea "condemns and rejects" outside forces': the reporter quotes only the words
    if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in anchor.children):
        return False  # '"Cuba will demolish ..."': kept for the modality stage, which marks it hypothetical
    subject = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return True
    if not span[0] < subject.idx < span[1]:
        return False  # the subject is the reporter's: 'Israel said it "will not accept" the plan'
    # the speaker's own act, told in the first person: "'we condemn this attack'", "'I asked John for his resignation'"
    return not (subject.lower_ in FIRST_PERSON and anchor.tag_ in ("VBP", "VB", "VBD", "VBN"))


def background(anchor: Token) -> bool:
    """A trigger that only sets the scene for another event: inside a relative clause ("where 24
    people were killed"), the object of a temporal or causal preposition ("after the invasion"), or an
    adjective describing a noun ("the besieged town")."""
    if anchor.dep_ == "amod":  # "the besieged town", "the occupied territories": a description
        return True
    tok = anchor
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and not misparsed_main_verb(tok):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS:
            return True
        if tok.dep_ in ("ROOT", "advcl", "parataxis") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def referred(anchor: Token) -> bool:
    """A noun naming an event only referred to, not reported: "victims of the Nairobi bombing", "one of his
    campaign promises", "a meeting regarding attacks on refugees"."""
    if verbal(anchor) or anchor.dep_ != "pobj":
        return False
    prep = anchor.head
    return prep.lower_ in TOPIC_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in REFERRING_NOUNS)


def earlier(anchor: Token) -> bool:
    """An act with a named actor that is only the time or cause of the sentence's news: a noun after a
    temporal preposition ("after Russia's annexation", "after three days of rioting in the capital", "in the
    aftermath of the coup") or a noun naming the cause ("because of fighting between ...", "due to clashes").
    A clause under 'after' or 'since' ("hours after militants ambushed a convoy") tells its act in full, with its
    own actors, and is coded: the annotators of the real-news set code it, and an analyst keeps it."""
    if verbal(anchor):
        return False
    tok = anchor
    for _ in range(4):
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in EARLIER_MARKS:
            return True
        if prep.lower_ == "because" or (prep.lower_ == "to" and prep.head.lower_ in ("due", "owing")):
            return True  # "closed its borders because of fighting between ...": the cause, not the news
        if prep.lower_ == "of" and prep.head.lemma_.lower() in TIME_NOUNS:
            if prep.head.lemma_.lower() in ("wake", "aftermath"):
                return True
            tok = prep.head
            continue
        return False
    return False


def topic_of(nominal: Token, outer: list[Token]) -> bool:
    """Whether the noun ``nominal`` lies in the object of the tokens ``outer`` ("condemned Iraq's invasion
    of Kuwait", "rejected the UN's appeal", "discussed the Russian offensive")."""
    ids = {t.i for t in outer}
    tok = nominal
    for _ in range(8):
        if tok.head.i == tok.i or tok.dep_ not in TOPIC_DEPS:
            return False
        tok = tok.head
        if tok.i in ids:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def charge_of(token: Token, outer: list[Token]) -> bool:
    """"arrested for spying for Israel", "accused X of violating the truce and shelling Y", "jailed for
    treason": the trigger is the charge behind the act ``outer``."""
    ids = {t.i for t in outer}
    tok = token
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ not in CHARGE_PREPS:
        return False
    prep = tok.head
    return prep.head.i in ids or (prep.head.dep_ in ("dobj", "nsubjpass") and prep.head.head.i in ids)


def governs(outer: list[Token], inner: Token) -> bool:
    """Whether ``inner`` (another trigger's head) sits in a clause or object governed by the tokens ``outer``."""
    ids = {t.i for t in outer}
    tok = inner
    for _ in range(5):
        if tok.head.i == tok.i or tok.dep_ not in GOVERNED_DEPS:
            return False
        if tok.dep_ in ("advcl", "relcl", "acl") and tok.head.i not in ids and not (
                tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            # "backed protests accusing the government": the clause describes the object (a purpose,
            # "agreed to send troops to help defend X", is still part of the act)
            return False
        tok = tok.head
        if tok.i in ids:
            return True
    return False
