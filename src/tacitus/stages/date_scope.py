"""The scope of a date expression in the parse: the clause it dates, the noun it modifies, or nothing.

A date expression found in a sentence does not date every act of it. Read as an editor would:

- "the largest protests since the 1930s", "not seen since the nineteenth century", "more than in 1990": a
  *comparison* names a time to measure against and dates nothing;
- "1800 people", "2000 troops": a *count* that looks like a year;
- "the 2016 election", "the treaty of 1713": a date *inside a noun phrase* dates that noun (an event named by it,
  or the making of it: "helped negotiate the 2015 deal" is at or before 2015), not the clause around it, unless
  the noun phrase is itself a time adjunct ("in a 1997 treaty", "in the wake of the 2011 floods");
- "after the 2003 invasion", "since the 2011 uprising": a time *after which* the act happened dates nothing;
  "before the 2016 vote" bounds it from above;
- "When the war ended in 1945, ...": a date in a *when-clause* also dates the clause it modifies;
- "was convicted of fraud, stemming from his years in office, in 2011": a time set off by a comma at the end of a
  participle clause after its main clause is the main clause's.

Everything else dates its own clause, as tacitus.time.v1 read every expression. Clock times ("1800 GMT") are
dropped before this, by ``tacitus.dates.without_clock_time``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .syntax import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..dates import DateExpression

__all__ = ["Scope", "scope_of", "NOMINAL"]

NOMINAL = frozenset({"NOUN", "PROPN"})
# relations that put a token inside the noun phrase of its head noun
NP_INTERNAL = frozenset({"compound", "nummod", "amod", "poss", "nmod", "npadvmod", "quantmod"})
# nouns whose "of" phrase is still a time ("in the aftermath of the 2011 floods", "on the eve of the 1999 vote")
TIME_NOUNS = frozenset({"aftermath", "wake", "eve", "time", "run", "height", "end", "start", "beginning", "middle", "days",
                        "era", "period", "course", "months", "weeks", "years", "day", "year", "month", "week", "summer",
                        "spring", "autumn", "winter", "fall", "morning", "afternoon", "evening", "night", "weekend", "run-up", "dawn",
                        "close", "heyday"})
# prepositions that make a dated noun phrase a time adjunct of the clause, and how they bound it
ADJUNCT_PREPS = {"in": "", "during": "", "at": "", "amid": "", "throughout": "",
                 "before": "before", "until": "before", "till": "before", "by": "before", "ahead": "before", "prior": "before",
                 "after": "after", "following": "after", "since": "after"}
# words that, before "since", make it a comparison ("the first time since", "never ... since", "the worst since")
COMPARISON_CUES = frozenset({"first", "only", "never", "not", "n't", "no", "record", "unprecedented", "unseen", "unmatched",
                             "unheard", "rare", "rarely", "biggest", "largest", "worst", "best", "highest", "lowest"})
COMPARING_PREPS = frozenset({"than", "like", "unlike"})
COMPARING_HEADS = frozenset({"compare", "comparison", "reminiscent", "echo", "memory", "spectre", "specter", "ghost", "shade",
                             "reminder", "parallel", "equivalent", "level", "standard", "anniversary"})
WINDOW = 12  # tokens looked at before "since" for a comparison cue


@dataclass(frozen=True)
class Scope:
    """What a date expression dates. ``kind``: ``clause`` (the clause headed by token ``head``), ``noun`` (the noun
    ``head`` only) or ``none``; ``bound``: ``before`` when the act is at or before the date; ``also``: the clause a
    when-clause's date also dates; ``why``: in words, for the event's date reason."""

    kind: str
    head: int
    why: str
    bound: str = ""
    also: int | None = None


def _governing_prep(root: Token) -> Token | None:
    if root.dep_ == "prep":
        return root
    if root.dep_ == "pobj":
        return root.head
    return None


def _comparison(root: Token, expr: DateExpression) -> str | None:
    """Why the expression is a comparison, or None."""
    prep = _governing_prep(root)
    word = prep.lower_ if prep is not None else ""
    if expr.text.lower().startswith("since") or expr.kind == "since_year":
        word = "since"
    if word in COMPARING_PREPS:
        return f"'{word} ...' compares with that time"
    if word in ("in", "during") and prep is not None and prep.i > 0 and prep.nbor(-1).lower_ in ("as", "than", "like", "unlike"):
        return f"'{prep.nbor(-1).text} {word} ...' compares with that time"
    if prep is not None and word in ("with", "to", "of") and prep.head.lemma_.lower() in COMPARING_HEADS:
        return f"'{prep.head.text} {word} ...' compares with that time"
    if word == "since":
        anchor = prep if prep is not None else root
        sent = anchor.sent
        for tok in sent[max(0, anchor.i - sent.start - WINDOW) : anchor.i - sent.start]:
            if tok.tag_ in ("JJS", "RBS") or tok.lower_ in COMPARISON_CUES:
                return f"'{tok.text} ... since' is a comparison"
    return None


def _count(root: Token, expr: DateExpression) -> bool:
    """'1800 people', '2000 troops': a number counting a plural noun, with no article or possessive before it."""
    if expr.kind != "year" or root.dep_ != "nummod" or root.head.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "poss") and c.i < root.i for c in root.head.children)


def _noun_modified(root: Token) -> Token | None:
    """The noun a date inside a noun phrase modifies ("the 2016 election", "the treaty of 1713"), else None."""
    if root.dep_ in NP_INTERNAL and root.head.pos_ in NOMINAL and root.head.i != root.i:
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in NOMINAL:
        noun = root.head.head
        if noun.lemma_.lower() not in TIME_NOUNS:
            return noun
    return None


def _adjunct(noun: Token) -> tuple[Token, str] | None:
    """The preposition that makes the dated noun's phrase a time adjunct of a clause, with its bound, or None."""
    tok = noun
    for _ in range(6):
        while tok.dep_ in ("compound", "conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("npadvmod", "tmod") and tok.lemma_.lower() in TIME_NOUNS and tok.head.i != tok.i:
            return tok, ""  # "resigned Wednesday night": a time of the day said without a preposition
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        word = prep.lower_
        if word == "on" and tok.lemma_.lower() in TIME_NOUNS:  # "on Wednesday night", "on the morning of ..."
            return prep, ""
        if word == "of" and prep.head.pos_ in NOMINAL and prep.head.lemma_.lower() in TIME_NOUNS:
            tok = prep.head
            continue
        if word == "to" and prep.head.lower_ in ("prior", "ahead"):  # "prior to", "ahead of" read from their first word
            word = prep.head.lower_
        if word == "of" and prep.head.lower_ in ("ahead",):
            word = "ahead"
        if word in ADJUNCT_PREPS:
            return prep, ADJUNCT_PREPS[word]
        return None
    return None


def _nested_in(hook: Token, own: Token) -> Token | None:
    """The noun a time phrase belongs to when it hangs on a common noun inside a prepositional phrase of its
    clause ("spoke about the trial of six officers in 1989": the trial's time, not the speech's). On a
    direct object or subject ("arrested the man in 1990"), or on a name of a place ("at the White House in
    2019"), it is read as the clause's: the parser often hangs a clause's time there."""
    first = hook.head
    if first.pos_ in ("ADJ", "ADV", "NUM") and first.dep_ in ("amod", "appos", "advmod") and first.head.pos_ in NOMINAL:
        return first.head  # "Okafor, third in Lagos four years ago, won ...": the phrase describes the name
    if first.pos_ != "NOUN" or first.lemma_.lower() in TIME_NOUNS:
        return None
    tok, inside = first, False
    for _ in range(12):
        if tok.i == own.i or tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        if tok.dep_ == "pobj":
            outer = tok.head
            if outer.lower_ in ("in", "at", "during", "amid", "throughout") and outer.head.pos_ in ("VERB", "AUX"):
                return None  # "wrote to them in a letter on 3 May": the letter's time is the writing's
            inside = True
        tok = tok.head
    return first if inside else None


def _set_off_after_participle(prep: Token, own: Token) -> bool:
    """A time phrase set off by a comma at the end of a participle clause that follows its main clause ("was
    convicted of fraud, stemming from his years in office, in 2011"): the main clause's time, not the participle's."""
    if own.dep_ != "advcl" or own.tag_ != "VBG" or own.i > prep.i or own.i < own.head.i:
        return False
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in own.children):
        return False
    return prep.i > own.i + 1 and prep.nbor(-1).text == ","


def _when_head(own: Token) -> int | None:
    """The clause a when-clause or a participle clause ("Speaking on Wednesday, the minister rejected ...") dates."""
    if own.dep_ != "advcl":
        return None
    marks = [c for c in own.children if c.dep_ == "mark"]
    # a participle clause before its main clause only ("Speaking on Wednesday, ..."; not "Born in 1941, ...": a
    # birth date is no time of the life's acts), never one after it, which is often a noun's ("loans, dating
    # back to 1987", "having won titles in 2001")
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "while", "as", "once") for c in own.children) or (
            not marks and own.tag_ in ("VBG", "VBN") and own.i < own.head.i and own.lemma_.lower() != "bear"):
        head = clause_verb(own.head)
        # "promised to cut tariffs when it entered the bloc ...": the promise's time, through the non-finite
        # complement the parser hung the when-clause on
        for _ in range(4):
            if head.tag_ in ("VB", "VBG") and head.dep_ in ("pcomp", "xcomp") and head.head.i != head.i:
                head = clause_verb(head.head)
                continue
            break
        return head.i
    return None


def scope_of(root: Token, expr: DateExpression) -> Scope:
    """The scope of ``expr``, whose syntactic head in the parse is ``root``."""
    why = _comparison(root, expr)
    if why:
        return Scope("none", root.i, why)
    if _count(root, expr):
        return Scope("none", root.i, f"'{expr.text}' counts {root.head.text}, it is no year")
    noun = _noun_modified(root)
    if noun is not None:
        adjunct = _adjunct(noun)
        if adjunct is None:
            return Scope("noun", noun.i, f"modifies '{noun.text}'")
        prep, bound = adjunct
        if bound == "after":  # "pardoned him after his 1990 conviction": the conviction's time, not the pardon's
            return Scope("noun", noun.i, f"modifies '{noun.text}' ('{prep.text} ...': a time the act came after)")
        own = clause_verb(prep.head) if prep.head.pos_ not in ("VERB", "AUX") else prep.head
        phrase = f"{expr.text} {noun.text}" if prep.i == noun.i else f"{prep.text} ... {noun.text}"
        return Scope("clause", own.i, f"'{phrase}' is a time of the clause", bound=bound, also=_when_head(own))
    own = clause_verb(root.head) if root.pos_ in ("VERB", "AUX") and root.dep_ not in ("ROOT",) else clause_verb(root)
    prep = _governing_prep(root)
    word = prep.lower_ if prep is not None else ""
    # the token the time phrase hangs on something by: its preposition, or itself ("a fight two years ago")
    hook = prep if prep is not None else (root if root.dep_ in ("advmod", "npadvmod") else None)
    nested = _nested_in(hook, own) if hook is not None else None
    if nested is not None:
        return Scope("noun", nested.i, f"'{expr.text}' is inside the noun phrase of '{nested.text}'")
    if prep is not None and _set_off_after_participle(prep, own):  # "convicted of fraud, stemming from ..., in 2011"
        own = clause_verb(own.head)
    if word in ("after", "following") and expr.kind in ("year", "decade", "decade_short", "decade_apostrophe", "century", "named_war"):
        return Scope("none", root.i, f"'{word} {expr.text}' is a time the act came after")
    bound = "before" if word in ("before", "by") and expr.kind != "since_year" else ""
    return Scope("clause", own.i, "", bound=bound, also=_when_head(own))
