"""The time stage: date every event, with granularity and reason, and flag historical ones."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..dates import DateExpression, ResolvedDate, find_date_expressions, resolve_date
from ..registry import register_stage
from .base import Analysis
from .syntax import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["TimeStage"]

PAST_TAGS = frozenset({"VBD", "VBN"})
ONGOING_VERBS = frozenset({"continue", "remain", "persist"})


def _is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") and c.tag_ in ("VBD", "VBN") for c in verb.children) or verb.dep_ in ("acl", "advcl")
    return False


def _is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children) or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ) and verb.head.lemma_ in ("plan", "intend", "expect", "schedule", "set")


@register_stage(
    "tacitus.time.v1",
    role="time",
    reads=("Article", "Event.trigger", "doc.sents", "token.dep_"),
    writes=("Event.date", "Event.date_granularity", "Event.date_text", "Event.date_reason", "Event.modality.historical", "Event.modality.ongoing"),
    defaults={"historical_days": 365},
)
class TimeStage:
    """Date expressions in the event's clause, else the paragraph's time for past-tense events, else the article date."""

    version = "tacitus.time.v1"

    def __init__(self, *, historical_days: int = 365) -> None:
        self.historical_days = int(historical_days)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        base = analysis.article.date
        text = analysis.article.text
        # date expressions per sentence, mapped to the token that heads each
        per_sentence: dict[int, list[tuple[DateExpression, Token]]] = {}
        paragraph_of: dict[int, int] = {}
        found = find_date_expressions(doc.text)  # one pass over the text, not one per sentence
        k = 0
        # where each paragraph break ends (the matches text.count would make), found once for the article
        break_ends = [m.end() for m in re.finditer("\n\n", text)]
        for index, sent in enumerate(analysis.sentences):
            paragraph_of[index] = bisect_right(break_ends, sent.start_char)  # = text.count("\n\n", 0, start)
            items = []
            while k < len(found) and found[k].start < sent.end_char:
                expr = found[k]
                k += 1
                if expr.start < sent.start_char or expr.end > sent.end_char:
                    continue  # runs across a sentence boundary
                span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
                if span is not None:
                    items.append((expr, span.root))
            per_sentence[index] = items
        # the last past time set in each paragraph, sentence by sentence
        context: dict[int, tuple[ResolvedDate, DateExpression] | None] = {}
        current: tuple[ResolvedDate, DateExpression] | None = None
        last_para = -1
        for index in sorted(per_sentence):
            if paragraph_of[index] != last_para:
                current, last_para = None, paragraph_of[index]
            context[index] = current
            for expr, _tok in per_sentence[index]:
                resolved = resolve_date(expr, base)
                if resolved and resolved.last < base - dt.timedelta(days=self.historical_days):
                    current = (resolved, expr)
        for event in analysis.events:
            anchor = doc[event.anchor]
            verb = clause_verb(anchor)
            future = event.modality.hypothetical and _is_future(verb) or _is_future(verb)
            chosen = self._in_clause(per_sentence.get(event.sentence_index, []), verb, anchor)
            resolved = resolve_date(chosen[0], base, future=future, past=_is_past(verb)) if chosen else None
            if chosen and resolved:
                event.date, event.date_granularity, event.date_text = resolved.date, resolved.granularity, chosen[0].text
                event.date_reason = f"{resolved.reason}; {chosen[1]}"
            elif context.get(event.sentence_index) and _is_past(verb):
                res, expr = context[event.sentence_index]  # type: ignore[misc]
                resolved = res
                event.date, event.date_granularity, event.date_text = res.date, res.granularity, expr.text
                event.date_reason = f"{res.reason}; carried from an earlier sentence of the paragraph to this past-tense clause"
            else:
                event.date, event.date_granularity, event.date_text = base, "day", None
                event.date_reason = "no date expression for this clause: the article date"
            last = resolved.last if resolved else base
            if last < base - dt.timedelta(days=self.historical_days):
                event.modality.historical = True
                event.reasons["historical"] = f"event time ends {last.isoformat()}, over {self.historical_days} days before the article date {base.isoformat()}"
            if (resolved and resolved.ongoing) or verb.lemma_ in ONGOING_VERBS:
                event.modality.ongoing = True
                event.reasons["ongoing"] = resolved.reason if resolved and resolved.ongoing else f"'{verb.text}' describes a continuing state"
            event.reasons["date"] = event.date_reason
        return analysis

    @staticmethod
    def _in_clause(items: list[tuple[DateExpression, Token]], verb: Token, anchor: Token) -> tuple[DateExpression, str] | None:
        """The date expression attached to the event's clause, or to a clause above it."""
        best: tuple[int, int, DateExpression, str] | None = None
        ancestors = {t.i: depth for depth, t in enumerate([verb, *verb.ancestors])}
        for expr, tok in items:
            own = clause_verb(tok.head) if tok.pos_ in ("VERB", "AUX") and tok.i != verb.i else clause_verb(tok)
            if tok.i == verb.i:
                own = verb
            if own.i not in ancestors:
                continue
            rank = ancestors[own.i]
            rule = "in the event's clause" if rank == 0 else f"in the governing clause of '{own.text}'"
            key = (rank, abs(tok.i - anchor.i))
            if best is None or key < best[:2]:
                best = (key[0], key[1], expr, rule)
        return (best[2], best[3]) if best else None
