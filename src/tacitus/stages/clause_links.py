"""How the clauses of an event's chain relate to the clause a date expression belongs to, for the time stage: is
the act told in the present, does a clause between them move on from that time ("later") or keep a time of its
own (a relative clause in the past), is the dated noun the object the event's verb made or took part in, and is
the dated clause coordinated with the event's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["AFTER_WORDS", "coordinated", "made_thing", "moves_on", "object_verb", "own_time", "present", "told_in_past"]


def present(verb: Token) -> bool:
    """The verb is in the present, present perfect or present progressive ('says', 'has been charged', 'are
    investigating'): its act is not history, whatever past its clause names."""
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


AFTER_WORDS = frozenset({"later", "subsequently", "since", "now", "afterwards", "afterward", "eventually", "recently"})


def own_time(clauses: list[Token]) -> bool:
    """One of the clauses between the event and a governing clause is a relative clause in the past tense ("who
    resigned", "that he signed"): it tells of its noun at a time of its own, not at the time of the clause above."""
    return any(v.dep_ == "relcl" and v.tag_ in ("VBD", "VBN") and not present(v)
               and not any(c.lower_ == "when" for c in v.children)  # "until 1995, when he resigned": that time
               for v in clauses)


def made_thing(own: Token, chain: list[Token]) -> Token | None:
    """The noun that the past-tense relative clause ``own`` tells of ("the accord that was signed in 2016"). The
    tagger may hang the clause on the last noun before it ("the deal with Iran that was signed") or on the verb
    above; then it is the object of a verb of the event's chain that ends at most three words before "that"."""
    if own.pos_ not in ("VERB", "AUX") or own.tag_ not in ("VBD", "VBN"):
        return None
    if own.dep_ in ("relcl", "acl") and not (own.head.dep_ == "pobj" and own.head.head.dep_ == "prep"):
        return own.head
    which = next((c for c in own.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")), None)
    if which is None and own.dep_ in ("relcl", "acl"):
        which = own.head
    if which is None:
        return None
    objects = [c for v in chain[:3] for c in v.children if c.dep_ == "dobj" and c.i < which.i <= c.i + 4]
    return objects[0] if objects else None


def moves_on(clauses: list[Token], anaphoric: frozenset[int] = frozenset()) -> bool:
    """One of the clauses between the event and a governing clause's time says it came after it ('later'), or names
    its own time from it (a clause in ``anaphoric``: 'the following year', 'that year'; ``_earlier_in_sentence``
    reads those)."""
    return any(v.i in anaphoric or any(c.dep_ == "advmod" and c.lower_ in AFTER_WORDS for c in v.children) for v in clauses)


def told_in_past(noun: Token, chain: list[Token]) -> bool:
    """The clause hanging on ``noun`` in the event's chain is in the past ("the 1999 panel set up to look into
    ...", not "the 1951 convention, which obliges ...")."""
    below = [t for t in chain if t.head.i == noun.i and t.pos_ in ("VERB", "AUX")]
    return bool(below) and below[0].tag_ in ("VBD", "VBN") and not present(below[0])


def coordinated(own: Token, verb: Token) -> bool:
    """``own`` is (the open complement of) a verb coordinated with ``verb`` that has no subject of its own
    ("seized an airliner and made it land yesterday": the seizure's time too)."""
    tok = own
    for _ in range(3):
        if tok.dep_ != "xcomp":
            break
        tok = tok.head
    return tok.dep_ == "conj" and tok.head.i == verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def object_verb(noun: Token, chain: list[Token]) -> Token | None:
    """The verb near the top of the event's chain whose object ``noun`` is ('negotiate' in 'helped negotiate the
    accord'; 'signed' in 'the accord was signed')."""
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    for verb in chain[:3]:
        if verb.i == noun.head.i:
            return verb
    return None
