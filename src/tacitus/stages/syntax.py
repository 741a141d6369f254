"""Parse-tree helpers and word lists that more than one stage reads, so that no stage imports another's.

Stages share code through this module (and ``base``), never through a sibling stage: the time, place
and events stages all need the verb of a clause; the events stage and the mood rules both need the slot a
measured noun fills ("40 tonnes of aid"); the actors and place stages both skip generic region words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["GENERIC_NAMES", "MEASURE_NOUNS", "clause_verb", "lemma", "measured_slot", "quoted_spans"]

# One-word region names that are ordinary words in news ("the Gulf", "North Korean", "Centre for ...").
GENERIC_NAMES = frozenset(
    "north south east west northern southern eastern western central centre center north-east north-west south-east "
    "south-west northeast northwest southeast southwest gulf coast capital national federal upper lower islands island "
    "lakes highlands midlands interior littoral border frontier delta plateau valley mountain mountains river".split()
)
# Nouns of amount that stand in the clause for the event noun they measure ("tons of aid").
MEASURE_NOUNS = frozenset(
    "ton tonne kilogram kg pound dollar euro worth million billion shipment consignment package batch load "
    "truckload planeload cargo tranche round".split()
)


# Words the small English model lemmatises wrongly where it matters to mood: "hoping" -> "hop".
LEMMA_FIXES = {"hoping": "hope", "hoped": "hope"}


def lemma(token: Token) -> str:
    """The token's lower-case lemma, with the small model's known slips corrected ("hoping" is "hope", not "hop")."""
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def clause_verb(token: Token) -> Token:
    """The verb heading the clause a token is in (the token itself if it is a verb)."""
    tok = token
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return token


def measured_slot(anchor: Token) -> Token:
    """The token that fills the clause slot of a nominal trigger: the trigger itself, or the amount
    it is measured in ("sent Chad 40 tonnes of food aid", "pledged a package worth 3 million euros of aid")."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        amount = anchor.head.head
        if amount.pos_ in ("NOUN", "NUM", "PROPN", "SYM") and (
            amount.lemma_.lower() in MEASURE_NOUNS
            or amount.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")
            or any(c.dep_ == "nummod" for c in amount.children)
        ):
            return amount
    return anchor


# -- direct quotations: the events stage reads whose words a trigger is, the actors stage who "I" is ----------

OPENING, CLOSING = "\u201c", "\u201d"
_MARKS = re.compile(f'["\n{OPENING}{CLOSING}]')  # the characters quoted_spans reads


@lru_cache(maxsize=8)  # read once per article by the events stage and again for each "I" the actors stage places
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of direct quotations: between straight or curly quotation marks; a quotation still open at
    the end of a paragraph ends there (news style reopens it in the next paragraph). A straight mark is read by its
    place: after a space and before a word it opens, so one that opens while a quotation is open ends that one (a
    closing mark the writer left out), instead of pairing the rest of the text the wrong way round."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for mark in _MARKS.finditer(text):  # no other character changes anything below
        k = mark.start()
        ch = text[k]
        opens = ch == '"' and (k == 0 or text[k - 1].isspace()) and k + 1 < len(text) and text[k + 1].isalnum()
        if ch == "\n" and start is not None and text[k + 1:k + 2] in ("\n", ""):
            spans.append((start, k))
            start = None
        elif ch == OPENING or (ch == '"' and start is None):
            start = k if start is None else start
        elif opens and start is not None:
            spans.append((start, k - 1))
            start = k
        elif ch in (CLOSING, '"') and start is not None:
            spans.append((start, k))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return tuple(spans)
