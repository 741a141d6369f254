"""The editor's carry rule: when a background time set in one sentence dates a clause of a later sentence.

tacitus.time.v1 carried the last past time of a paragraph to every later past-tense clause of it. On real news
that sent today's acts into the past (issue 19: of the events flagged historical, 61 of 96 on Wikinews 2020 and
107 of 144 on VOA got their date that way, most of them wrongly: a pardon reported that week dated to the
pardoned man's conviction in 1990, a warning on Twitter dated 1950). An editor reads a background year as
dating a later clause only when that clause goes on telling the background:

- its verb is in the past perfect ("had fled"; not under a verb of saying: "police said they had arrested two
  men" is past before the saying, which is news), or it says so: "then", "at the time", "that year", "a year
  later" (the last two move the background's time on);
- or it continues the narrative of the same subject (the same name or noun as a subject of the background's
  sentences, or a pronoun that agrees with one: "he" a person, "it" a thing, "they" people or a body), in the
  simple past, as the sentence's main clause, and it is not a statement ("said", "warned", "accused": in
  news, statements are the news) nor a habit ("he often worked with ...": a habit spans a life, not the
  background's moment);
- or, in an article whose lead tells of a death (``is_obituary``), it is any simple-past main clause: there
  the past tense tells the life, statements and other people's acts included.

A sentence with a news-time marker (a time within the year of the article: a weekday, "this week",
"yesterday", "on Tuesday") or a main verb in the present or future continues nothing and ends the background;
so does a paragraph break; the lead sentence keeps the article's time. Only a time of a sentence's main clause,
or of its subject ("The 1998 referendum split the party"), of a year or finer (a decade at most) sets a
background: a century, a comparison, a birth year, a date inside another noun phrase or a relative clause does
not.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..dates import ResolvedDate, shift_date
from .base import HABITUAL

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Anaphor", "Background", "Subject", "anaphor_verb", "anaphoric_times", "by_paragraph", "continues", "is_obituary", "is_past_perfect", "same_subject", "shifted",
           "subject_of", "subjects_of"]

PRONOUNS = frozenset({"he", "she", "they", "it"})
STATEMENT_VERBS = frozenset(
    "say tell add state insist claim deny warn urge argue accuse announce respond reply comment describe explain admit "
    "acknowledge note stress ask write tweet post declare confirm report criticise criticize condemn call vow pledge "
    "promise suggest predict welcome praise thank blame dismiss reject allege testify".split()
)
REPEATED = HABITUAL | {"repeatedly"}  # a habit of a life, to the carry rule ("he repeatedly clashed with ...")
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# times that point back to the background: (pattern, shift in units of the match's unit or 0)
ANAPHORIC = re.compile(
    r"\b(?:(?P<attime>at\s+(?:the|that)\s+time|by\s+(?:then|that\s+time)|in\s+those\s+days)"
    r"|(?P<same>(?:that|the\s+same)\s+(?:day|week|month|year))"
    r"|(?P<next>(?:the\s+)?(?:following|next)\s+(?P<nunit>day|week|month|year))"
    r"|(?P<later>(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<lunit>days?|weeks?|months?|years?)\s+(?:later|afterwards?))"
    r")\b",
    re.IGNORECASE,
)
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5, "century": 6}


@dataclass(frozen=True)
class Subject:
    """A subject as compared: ``key`` (a name's head word or a noun's lemma, lower-case; a pronoun itself) and
    ``kind`` (``person``, ``plural`` or ``thing``; a body or country is a ``thing`` that 'they' may also name)."""

    key: str
    kind: str
    body: bool = False


@dataclass(frozen=True)
class Background:
    """A time of the past set in sentence ``sentence``, and the subjects whose narrative it is."""

    resolved: ResolvedDate
    text: str
    sentence: int
    subjects: frozenset[Subject]


@dataclass(frozen=True)
class Anaphor:
    start: int
    end: int
    text: str
    shift_unit: str  # "" for no shift
    shift: int


def anaphoric_times(text: str, offset: int = 0) -> list[Anaphor]:
    """Expressions in ``text`` that point back to a time already set: "at the time", "that year", "a year later"."""
    out = []
    for m in ANAPHORIC.finditer(text):
        unit, n = "", 0
        if m["next"]:
            unit, n = UNITS[m["nunit"].lower()], 1
        elif m["later"]:
            raw = m["n"].lower()
            unit, n = UNITS[m["lunit"].lower()], int(raw) if raw.isdigit() else NUMBERS[raw]
        out.append(Anaphor(m.start() + offset, m.end() + offset, m.group(0), unit, n))
    return out


def anaphor_verb(doc: Doc, anaphor: Anaphor) -> Token | None:
    """The verb of the clause an anaphoric time is in."""
    span = doc.char_span(anaphor.start, anaphor.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def shifted(background: Background, anaphor: Anaphor) -> ResolvedDate:
    """The background's time, moved on by "the following year", "two months later" (a shift finer than the
    background's own granularity, "the next day" after "in 1990", leaves it as it is)."""
    res = background.resolved
    if not anaphor.shift_unit or GRANULARITY_RANK.get(res.granularity, 4) > GRANULARITY_RANK[anaphor.shift_unit]:
        return res
    unit, n = anaphor.shift_unit, anaphor.shift
    return ResolvedDate(shift_date(res.date, unit, n) if unit != "month" else _month_shift(res.date, n), res.granularity,
                        shift_date(res.last, unit, n) if unit != "month" else _month_shift(res.last, n),
                        f"'{anaphor.text}': {n} {unit}{'s' if n > 1 else ''} after the time of the background ({res.reason})")


def _month_shift(day: dt.date, n: int) -> dt.date:
    first = shift_date(day, "month", n)
    return first.replace(day=min(day.day, 28))


def is_past_perfect(verb: Token) -> bool:
    """'had fled', 'had been jailed'."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The subject of the verb's clause, looked for up through coordinated and open-complement verbs."""
    tok = verb
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


PERSON_NOUNS = frozenset(
    "man woman boy girl president minister leader official spokesman spokeswoman spokesperson king queen prince princess "
    "chancellor premier governor mayor senator general commander chief secretary ambassador envoy judge lawyer father "
    "mother son daughter wife husband actor singer writer author player coach chairman founder director candidate "
    "activist journalist suspect victim soldier officer priest pope cleric".split()
)


NON_PERSON_NAMES = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def describe(subject: Token | None) -> Subject | None:
    """How a subject is compared: its key and kind."""
    if subject is None:
        return None
    lower = subject.lower_
    if subject.pos_ == "PRON":
        kind = {"he": "person", "she": "person", "they": "plural", "it": "thing"}.get(lower)
        return Subject(lower, kind) if kind else None
    if subject.pos_ == "PROPN":  # a name the parser gave no other type is taken for a person's
        kind = "thing" if subject.ent_type_ in NON_PERSON_NAMES else "person"
        return Subject(lower, kind, body=subject.ent_type_ in ("ORG", "GPE", "NORP"))
    lemma = subject.lemma_.lower()
    if subject.tag_ in ("NNS", "NNPS"):
        return Subject(lemma, "plural")
    return Subject(lemma, "person" if lemma in PERSON_NOUNS else "thing", body=subject.ent_type_ in ("ORG", "GPE", "NORP"))


def subjects_of(verb: Token) -> set[Subject]:
    """The subject of a clause and the subjects coordinated with it ('the king and his brother fled')."""
    subject = subject_of(verb)
    if subject is None:
        return set()
    out = {describe(t) for t in (subject, *subject.conjuncts)}
    return {d for d in out if d is not None}


def same_subject(subject: Token | None, background: Background) -> bool:
    """A pronoun continues a background subject it agrees with ('he' a person, 'they' people or a body, 'it' a
    thing); a name or noun continues the same name or noun ('Okafor' ... 'Okafor')."""
    mine = describe(subject)
    if mine is None:
        return False
    for other in background.subjects:
        if subject is not None and subject.pos_ == "PRON":
            if mine.kind == other.kind or (mine.key == "they" and other.body):
                return True
        elif mine.key == other.key:
            return True
    return False


def continues(verb: Token, sent: Span, background: Background, *, news_time: bool, anaphors: list[Anaphor],
              in_main_chain: bool, life: bool = False) -> tuple[str, Anaphor | None] | None:
    """Why the clause headed by ``verb`` continues the background, with the anaphoric time it names, or None.

    ``news_time``: the sentence has a news-time marker or a present-tense main verb; ``anaphors``: the anaphoric
    times of the sentence; ``in_main_chain``: the verb is the sentence's main verb or coordinated with it;
    ``life``: the article tells a life that has ended (``is_obituary``), where the past tense after a dated sentence
    is the life's story, statements and other people's acts included ("he was praised in the West").
    """
    if news_time:
        return None
    chain = [verb, *[t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")]]
    # "police said they had arrested two men": past before the saying, which is news time
    reported = any(v.lemma_.lower() in STATEMENT_VERBS and not is_past_perfect(v) for v in chain[1:])
    for v in chain if not reported else ():
        if is_past_perfect(v):
            return f"past perfect '{' '.join(c.text for c in v.children if c.dep_ == 'aux')} {v.text}'", None
    for v in chain:
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ == "then":
                return "'then'", None
    ids = {v.i for v in chain}
    for a in anaphors:
        head = anaphor_verb(sent.doc, a)
        if head is not None and head.i in ids:
            return f"'{a.text}'", a
    if not in_main_chain:
        return None
    simple_past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children))
    if not simple_past or (verb.lemma_.lower() in STATEMENT_VERBS and not life):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in REPEATED for c in verb.children):
        return None  # "he frequently worked with ...": a habit of the life, not the background's moment
    subject = subject_of(verb)
    if same_subject(subject, background):
        return f"the same subject ('{subject.text}') goes on in the simple past", None  # type: ignore[union-attr]
    if life:
        return "the simple past goes on telling the life of an article about a death", None
    return None


# Words of a lead that tell of a death: the article is the story of a life.
DEATH_WORDS = frozenset({"died", "dies", "death", "obituary", "funeral"})


def is_obituary(sentences: list[Span]) -> bool:
    """Whether the article's lead (its first two sentences) tells of someone's death ("X has died aged 93")."""
    lead = [t.lower_ for sent in sentences[:2] for t in sent]
    return bool(DEATH_WORDS.intersection(lead)) or any(a == "passed" and b == "away" for a, b in zip(lead, lead[1:]))


# A day and month, or a month, with no year ("on November 21", "in March"), and the dates that name their year.
PARTIAL_KINDS = frozenset({"month_day", "day_month", "in_month"})
FULL_KINDS = frozenset({"day_month_year", "month_day_year", "month_year"})
# How far before the article a day may lie to be the day of its news (a week, and the weekend before it).
NEWS_WINDOW_DAYS = 9


def by_paragraph(sentences: list[Span], text: str) -> Iterator[tuple[int, Span, bool]]:
    """Each sentence with its index and whether it opens a paragraph (a blank line before it, or the first)."""
    break_ends = [m.end() for m in re.finditer("\n\n", text)]
    last = -1
    for index, sent in enumerate(sentences):
        para = bisect_right(break_ends, sent.start_char)
        yield index, sent, para != last
        last = para


def narrative_years(sentences: list[Span], per_sentence: dict[int, list[Any]], base: dt.date, text: str) -> dict[int, tuple[int, str, int]]:
    """For each sentence: the earlier year its paragraph's narrative last named with a month ('the army moved on
    November 15, 2017', 'a written answer on 17 March 2003'), with its words and sentence. A day of the news
    ('on Tuesday', 'yesterday') in between ends it: the paragraph is back in news time."""
    out: dict[int, tuple[int, str, int]] = {}
    current: tuple[int, str, int] | None = None
    for index, _sent, opens in by_paragraph(sentences, text):
        if opens:
            current = None
        if current is not None:
            out[index] = current
        for found in per_sentence.get(index, []):
            res = found.plain
            if res is None:
                continue
            if found.expr.kind in FULL_KINDS and res.date.year < base.year:
                current = (res.date.year, found.expr.text, index)
            elif res.granularity == "day" and base - dt.timedelta(days=NEWS_WINDOW_DAYS) <= res.date <= base:
                current = None
    return out


def partial_date_year(found: Any, items: list[Any], context: tuple[int, str, int] | None) -> tuple[int, str, int | None] | None:
    """The year of a day and month, or a month, written without one: an earlier year named with a month earlier in
    its sentence, else the one its paragraph's narrative is in (``narrative_years``); None when neither names one."""
    if found.expr.kind not in PARTIAL_KINDS:
        return None
    before = [f for f in items if f.expr.kind in FULL_KINDS and f.plain is not None and f.expr.end <= found.expr.start]
    if before and (found.plain is None or before[-1].plain.date.year < found.plain.date.year):
        return before[-1].plain.date.year, before[-1].expr.text, None
    return context
