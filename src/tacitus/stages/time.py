"""The time stage: date every event, with granularity and reason, and flag historical ones."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..dates import DateExpression, ResolvedDate, find_date_expressions, resolve_date, without_clock_time
from ..errors import ConfigError
from ..registry import register_stage
from .base import Analysis
from .carry import (STATEMENT_VERBS, Anaphor, Background, anaphor_verb, anaphoric_times, by_paragraph, continues, is_obituary, is_past_perfect,
                    NEWS_WINDOW_DAYS, narrative_years, partial_date_year, shifted, subjects_of)
from .clause_links import coordinated, made_thing, moves_on, object_verb, own_time, present, told_in_past
from .date_scope import Scope, scope_of
from .syntax import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["TimeStage", "TimeStageV2"]

PAST_TAGS = frozenset({"VBD", "VBN"})
ONGOING_VERBS = frozenset({"continue", "remain", "persist"})
# "<frame> to <verb>" sets the verb in the future: plans to, is due to, is set to, is going to ...
FUTURE_FRAMES = frozenset({"plan", "intend", "expect", "schedule", "set", "due", "go", "prepare", "aim"})


def _is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") and c.tag_ in ("VBD", "VBN") for c in verb.children) or verb.dep_ in ("acl", "advcl")
    return False


def _is_future(verb: Token) -> bool:
    """A clause about what is still to come: "will meet", "plans to meet", "is due to meet", "is to meet", or "would
    meet" reported by a statement verb ("the council said it would vote on Friday": a future seen from the past)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & {"will", "'ll", "shall"}:
        return True
    head = verb.head
    if "to" in aux and verb.dep_ == "xcomp":
        return head.lemma_ in FUTURE_FRAMES or (head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"))
    return "would" in aux and verb.dep_ == "ccomp" and head.lemma_ in STATEMENT_VERBS


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
        found = find_date_expressions(analysis.text)  # one pass over the text, not one per sentence
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


# --- tacitus.time.v2: scopes of date expressions and the editor's carry rule (issue 19) ------------------------

# verbs that make the thing they take as object: their act is at or before that thing's date ("helped negotiate
# the accord that was signed in 2016", "drafted the 1996 constitution")
MAKING_VERBS = frozenset(
    "negotiate broker draft write author craft design mediate forge hammer devise engineer orchestrate found establish "
    "create build plan prepare draw sign conclude seal frame shape".split()
)
# verbs whose act takes place at the time of the dated event they take as object ("hosted the 2008 summit",
# "won the 2016 election")
TAKING_PART_VERBS = frozenset("attend host chair hold conduct win lose contest boycott observe monitor stage organise organize".split())
# verbs whose act is at the time of their open complement's act ("tried to cut subsidies in 2003": the attempt is 2003)
ASPECT_VERBS = frozenset("try attempt seek begin start stop cease fail manage refuse decline continue resume".split())
EXPLICIT_KINDS = frozenset({"iso", "iso_slash", "day_month_year", "month_day_year", "month_day", "day_month"})
# time spans that run up to the article date: they neither mark a sentence as news time nor set a background
RUNNING_KINDS = frozenset({"since_year", "past_n"})


@dataclass
class _Found:
    """A date expression of a sentence: its head token, what it dates, and its time read without tense."""

    expr: DateExpression
    root: Token
    scope: Scope
    plain: ResolvedDate | None


@register_stage(
    "tacitus.time.v2",
    role="time",
    reads=("Article", "Event.trigger", "doc.sents", "token.lemma_", "token.dep_"),
    writes=("Event.date", "Event.date_granularity", "Event.date_text", "Event.date_reason", "Event.modality.historical", "Event.modality.ongoing"),
    defaults={"historical_days": 365, "carry": "editor"},
)
class TimeStageV2:
    """Date each event from the expressions that date its clause or its word (a comparison, a count or a clock
    time dates nothing; a date inside a noun phrase dates that noun), else from a background time of an earlier
    sentence that its clause continues (``carry = "editor"``, see ``stages/carry.py``; ``"none"``: never), else
    the article date; every date says why, and a carried one from which sentence."""

    version = "tacitus.time.v2"

    def __init__(self, *, historical_days: int = 365, carry: str = "editor") -> None:
        if carry not in ("editor", "none"):
            raise ConfigError(f"stages.time.carry = {carry!r}; use 'editor' (the editor's carry rule) or 'none' (never carry)", code="T311")
        self.historical_days = int(historical_days)
        self.carry = carry

    def _historical(self, resolved: ResolvedDate | None, base: dt.date) -> bool:
        """More than ``historical_days`` before the article: a period ("in 2018", "in the 1990s") counts from its middle,
        the expected day of an act dated only by it ("served until 2018" in a July 2019 article is history, "in 2018"
        in a January 2019 one is not); a period that runs up to now ("in the last three years") from its end."""
        if resolved is None:
            return False
        running = resolved.ongoing or resolved.last >= base  # "in the last few years": up to the article date
        at = resolved.last if running else resolved.date + (resolved.last - resolved.date) / 2
        return at < base - dt.timedelta(days=self.historical_days)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        base = analysis.article.date
        sentences = analysis.sentences
        per_sentence = self._expressions(analysis)
        backgrounds = self._backgrounds(analysis, per_sentence) if self.carry == "editor" else {}
        news_days = self._news_days(analysis, per_sentence) if self.carry == "editor" else {}
        years = narrative_years(sentences, per_sentence, base, analysis.article.text) if self.carry == "editor" else {}
        obituary = self.carry == "editor" and is_obituary(sentences)
        # per sentence of an event, its anaphoric times ("that year", "three years later") and the verbs of their clauses
        anaphors: dict[int, list[tuple[Anaphor, Token]]] = {}
        for event in analysis.events:
            if event.sentence_index not in anaphors:
                sent = sentences[event.sentence_index]
                found = [(a, anaphor_verb(doc, a)) for a in anaphoric_times(analysis.sentence_text(event.sentence_index), sent.start_char)]
                anaphors[event.sentence_index] = [(a, v) for a, v in found if v is not None]
        for event in analysis.events:
            anchor = doc[event.anchor]
            verb = clause_verb(anchor)
            future, past = _is_future(verb), _is_past(verb)
            items = per_sentence.get(event.sentence_index, [])
            chosen = self._in_clause(items, verb, anchor, base - dt.timedelta(days=self.historical_days),
                                     frozenset(v.i for _, v in anaphors[event.sentence_index]))
            resolved: ResolvedDate | None = None
            if chosen is not None:
                found, rule = chosen
                resolved = resolve_date(found.expr, base, future=future, past=past)
                year = (partial_date_year(found, items, years.get(event.sentence_index))
                        if resolved is not None and not future and not any(present(v) for v in (verb, *verb.ancestors)) else None)
                if year is not None and resolved is not None and year[0] != resolved.date.year:
                    in_year = resolve_date(found.expr, dt.date(year[0], 12, 31), past=True)
                    resolved = replace(in_year, reason=f"{found.expr.text!r} in the year of the narrative") if in_year else resolved
                    where = "earlier in the sentence" if year[2] is None else f"in sentence {year[2]}"
                    chosen = (found, f"{rule}; the year {year[0]} of the narrative ('{year[1]}' {where})")
            if chosen is not None and resolved is not None:
                event.date, event.date_granularity, event.date_text = resolved.date, resolved.granularity, chosen[0].expr.text
                event.date_reason = f"{resolved.reason}; {chosen[1]}"
            else:
                resolved = None
                carried = (self._earlier_in_sentence(items, verb, anaphors[event.sentence_index])
                           or self._carried(backgrounds.get(event.sentence_index), *_participle_host(verb, past), sentences,
                                            event.sentence_index, obituary)
                           or _news_day_carried(news_days.get(event.sentence_index), verb, anaphors[event.sentence_index], past))
                if carried is not None:
                    resolved, text, why, source = carried
                    event.date, event.date_granularity, event.date_text = resolved.date, resolved.granularity, text
                    event.date_reason = why
                    if source >= 0:
                        event.reasons["date_sentence"] = str(source)
                else:
                    event.date, event.date_granularity, event.date_text = base, "day", None
                    event.date_reason = "no date expression for this clause: the article date" + self._dropped(
                        items, verb, base - dt.timedelta(days=self.historical_days))
            if self._historical(resolved, base):
                assert resolved is not None
                event.modality.historical = True
                event.reasons["historical"] = (f"event time ends {resolved.last.isoformat()}, over {self.historical_days} days "
                                               f"before the article date {base.isoformat()}")
            if (resolved and resolved.ongoing) or verb.lemma_ in ONGOING_VERBS:
                event.modality.ongoing = True
                event.reasons["ongoing"] = resolved.reason if resolved and resolved.ongoing else f"'{verb.text}' describes a continuing state"
            event.reasons["date"] = event.date_reason
        return analysis

    # -- the expressions of each sentence, with their scopes -------------------------------------------------

    def _expressions(self, analysis: Analysis) -> dict[int, list[_Found]]:
        doc, text, base = analysis.doc, analysis.text, analysis.article.date
        found = find_date_expressions(text)  # one pass over the text, not one per sentence
        out: dict[int, list[_Found]] = {}
        k = 0
        for index, sent in enumerate(analysis.sentences):
            items: list[_Found] = []
            while k < len(found) and found[k].start < sent.end_char:
                raw = found[k]
                k += 1
                if raw.start < sent.start_char or raw.end > sent.end_char:
                    continue  # runs across a sentence boundary
                expr = without_clock_time(text, raw)
                span = doc.char_span((expr or raw).start, (expr or raw).end, alignment_mode="expand")
                if span is None:
                    continue
                if expr is None:
                    items.append(_Found(raw, span.root, Scope("none", span.root.i, "a 24-hour clock time, no year"), None))
                    continue
                items.append(_Found(expr, span.root, scope_of(span.root, expr), resolve_date(expr, base)))
            # "Wednesday, Dec. 15, 2004": the explicit date says it all
            out[index] = [f for i, f in enumerate(items)
                          if not (f.expr.kind == "weekday" and i + 1 < len(items) and items[i + 1].expr.kind in EXPLICIT_KINDS
                                  and text[f.expr.end : items[i + 1].expr.start].strip(" ,") == "")]
        return out

    @staticmethod
    def _in_clause(items: list[_Found], verb: Token, anchor: Token, cutoff: dt.date,
                   anaphoric: frozenset[int] = frozenset()) -> tuple[_Found, str] | None:
        """The date expression that dates the event: one in its clause or a clause above it, one modifying its
        word, one of a coordinated clause that shares its subject, a when-clause's, or (for a verb of making)
        the date of what it made, at or before which it happened."""
        chain = [verb, *verb.ancestors]
        depth = {t.i: d for d, t in enumerate(chain)}
        best: tuple[float, int, _Found, str] | None = None

        def offer(rank: float, found: _Found, rule: str) -> None:
            nonlocal best
            key = (rank, abs(found.root.i - anchor.i))
            if best is None or key < best[:2]:
                best = (key[0], key[1], found, rule)

        in_present = present(verb)
        for f in items:
            scope = f.scope
            if scope.kind == "none" or (in_present and f.plain is not None and f.plain.last < cutoff):
                continue  # "has since been charged", "are investigating": a present act, whatever past the clause names
            bound = "at or before this time; " if scope.bound == "before" else ""
            if scope.kind == "noun":
                noun = f.root.doc[scope.head]
                verb_of = object_verb(noun, chain)
                if scope.head == anchor.i:
                    offer(0, f, f"{bound}{scope.why}, the event's word")
                elif scope.head in depth and told_in_past(noun, chain):
                    offer(depth[scope.head], f, f"the time of '{noun.text}', which the event's clause tells of")
                elif verb_of is not None and verb_of.lemma_.lower() in TAKING_PART_VERBS:
                    offer(1, f, f"the time of '{noun.text}', which '{verb_of.text}' took part in")
                elif verb_of is not None and verb_of.lemma_.lower() in MAKING_VERBS:
                    offer(50, f, f"at or before this time: the date of '{noun.text}', which '{verb_of.text}' made")
                continue
            own = f.root.doc[scope.head]
            if own.i in depth and depth[own.i] > 0 and moves_on(chain[: depth[own.i]], anaphoric):
                continue  # "In 2001 the firm set up a fund, but it later admitted ...": after that time, not at it
            if own.i in depth and own_time(chain[: depth[own.i]]) and not (f.plain is not None and f.plain.last < cutoff):
                continue  # "the envoy, who helped negotiate the 2016 accord, spoke on Friday": Friday is not his part
                # (a historical time above still dates it: "in 1990 the general who had led the coup was jailed")
            if own.i in depth:
                rank = depth[own.i]
                rule = "in the event's clause" if rank == 0 else f"in the governing clause of '{own.text}'"
                offer(rank, f, bound + (f"{scope.why}; {rule}" if scope.why else rule))
            elif scope.also is not None and scope.also in depth:
                offer(depth[scope.also] + 0.5, f, f"{bound}in the clause of '{own.text}', which says when '{f.root.doc[scope.also].text}' happened")
            elif (shared := next((c for c in chain if coordinated(own, c)), None)) is not None and not moves_on(chain[: depth[shared.i]], anaphoric):
                offer(depth[shared.i] + 0.5, f, f"{bound}in the coordinated clause of '{own.text}', which shares the subject and time of "
                      + ("the event's clause" if shared.i == verb.i else f"'{shared.text}'"))
            elif (own.dep_ == "xcomp" and own.head.i in depth and own.head.lemma_.lower() in ASPECT_VERBS
                  and not moves_on(chain[: depth[own.head.i]], anaphoric)):
                offer(depth[own.head.i], f, f"{bound}in the complement of '{own.head.text}', whose time it shares")
            elif _trailing_participle(verb, f, own):
                offer(0.75, f, f"{bound}in the clause of '{own.text}' just before it, which the participle clause '{verb.text}' goes on from")
            elif (made := made_thing(own, chain)) is not None:
                maker = object_verb(made, chain)
                if maker is not None and maker.lemma_.lower() in MAKING_VERBS:
                    offer(50, f, f"at or before this time: '{made.text}', which '{maker.text}' made, was {own.text} then (relative clause)")
        return (best[2], best[3]) if best else None

    @staticmethod
    def _dropped(items: list[_Found], verb: Token, cutoff: dt.date) -> str:
        """Why the expressions of the event's clause date nothing, for its reason ('' when there are none)."""
        ids = {t.i for t in (verb, *verb.ancestors)}
        why = []
        for f in items:
            if clause_verb(f.root).i not in ids:
                continue
            if f.scope.kind == "none":
                why.append(f"'{f.expr.text}' dates nothing: {f.scope.why}")
            elif present(verb) and f.plain is not None and f.plain.last < cutoff:
                why.append(f"'{f.expr.text}' is history, but '{verb.text}' tells of the present")
        return f" ({'; '.join(why)})" if why else ""

    # -- the editor's carry rule ------------------------------------------------------------------------------

    def _backgrounds(self, analysis: Analysis, per_sentence: dict[int, list[_Found]]) -> dict[int, tuple[Background, bool]]:
        """For each sentence after the lead: the background time it may continue (the last past time set in
        its paragraph, unless a sentence in news time came between), and whether the sentence is in news time."""
        base = analysis.article.date
        out: dict[int, tuple[Background, bool]] = {}
        current: Background | None = None
        for index, sent, opens in by_paragraph(analysis.sentences, analysis.article.text):
            if opens:
                current = None
            items = per_sentence.get(index, [])
            news = self._news_time(sent, items, base)
            if current is not None and index > 0:
                out[index] = (current, news)
            if news:
                current = None
                continue
            own = self._background_of(sent, items, base, index)
            if own is not None:
                # the narrative's cast grows along a paragraph told in the past
                current = own if current is None else Background(own.resolved, own.text, own.sentence, own.subjects | current.subjects)
        return out

    def _news_days(self, analysis: Analysis, per_sentence: dict[int, list[_Found]]) -> dict[int, Background]:
        """For each sentence after the first of its paragraph: the day of the news its paragraph last set ('On
        Thursday, a worker stabbed four people' then 'The attacker was shot dead by police'), if any. A sentence
        whose main clause names another time of the news ('this week', 'last month') ends it."""
        base = analysis.article.date
        out: dict[int, Background] = {}
        current: Background | None = None
        for index, sent, opens in by_paragraph(analysis.sentences, analysis.article.text):
            if opens:
                current = None
            if current is not None:
                out[index] = current
            for f in per_sentence.get(index, []):
                res = f.plain
                if f.scope.kind != "clause" or res is None or res.ongoing or f.scope.bound or f.expr.kind in RUNNING_KINDS:
                    continue
                own = sent.doc[f.scope.head]
                if not (_in_main_chain(own, sent.root) or f.scope.also == sent.root.i) or present(own):
                    continue
                news_day = res.granularity == "day" and base - dt.timedelta(days=NEWS_WINDOW_DAYS) <= res.date <= base
                current = Background(res, f.expr.text, index, frozenset()) if news_day else None
        return out

    @staticmethod
    def _news_time(sent: Span, items: list[_Found], base: dt.date) -> bool:
        """The sentence names a time within the year of the article (a weekday, 'this week', 'yesterday', a date
        of this year), or its main verb is in the present or future."""
        for f in items:
            if f.scope.kind == "none" or f.plain is None or f.expr.kind in RUNNING_KINDS:
                continue
            if f.plain.last >= base - dt.timedelta(days=365):
                return True
        root = sent.root
        return root.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "MD") for c in root.children)

    def _background_of(self, sent: Span, items: list[_Found], base: dt.date, index: int) -> Background | None:
        """The past time a sentence's main clause is set in (a year or finer, a decade at most; a birth year is
        no narrative's time), from an adverbial or the subject ('The 1998 referendum split the party ...')."""
        root = sent.root
        best: Background | None = None
        for f in items:
            res = f.plain
            if (f.scope.kind == "none" or res is None or res.ongoing or f.scope.bound or f.expr.kind in RUNNING_KINDS
                    or res.granularity == "century" or not self._historical(res, base)):
                continue
            head = sent.doc[f.scope.head]
            if f.scope.kind == "noun":  # 'The 1998 referendum split the party', 'At the elections in 2008, X won'
                setting = head.dep_ == "pobj" and head.head.lower_ in SETTING_PREPS and head.head.dep_ == "prep"
                own = head.head.head if setting else head.head
                if not (head.dep_ in ("nsubj", "nsubjpass") or setting) or not _past_form(own):
                    continue
            else:
                own = head
            if not (_in_main_chain(own, root) or f.scope.also == root.i) or own.lemma_.lower() == "bear":
                continue
            subjects = subjects_of(own) | (subjects_of(root) if own.i != root.i else set())
            for verb in (own, root):  # 'the opposition won a majority and Mugabe lost the vote': both go on
                subjects |= {s for c in verb.conjuncts if c.pos_ in ("VERB", "AUX") and _past_form(c) for s in subjects_of(c)}
            best = Background(res, f.expr.text, index, frozenset(subjects))
        return best

    @staticmethod
    def _earlier_in_sentence(items: list[_Found], verb: Token, anaphors: list[tuple[Anaphor, Token]]) -> tuple[ResolvedDate, str, str, int] | None:
        """A clause that names a time relative to one set earlier in its own sentence ("left the country in 2011, then
        returned three years later", "was elected in 1990 and that year signed the accord"): that time, moved on."""
        if not anaphors or not items:
            return None
        ids = {t.i for t in (verb, *verb.ancestors)}
        for anaphor, head in anaphors:
            if head.i not in ids:
                continue
            earlier = [f for f in items if f.expr.end <= anaphor.start and f.scope.kind == "clause" and f.plain is not None
                       and not f.scope.bound and f.expr.kind not in RUNNING_KINDS]
            if not earlier:
                continue
            found = earlier[-1]
            resolved = shifted(Background(found.plain, found.expr.text, -1, frozenset()), anaphor)  # type: ignore[arg-type]
            text = anaphor.text if anaphor.shift_unit else found.expr.text
            return resolved, text, f"{resolved.reason}; '{anaphor.text}' after '{found.expr.text}' earlier in the sentence", -1
        return None

    def _carried(self, state: tuple[Background, bool] | None, verb: Token, past: bool, sentences: list[Span],
                 index: int, obituary: bool = False) -> tuple[ResolvedDate, str, str, int] | None:
        if state is None or not past:
            return None
        background, news = state
        sent = sentences[index]
        why = continues(verb, sent, background, news_time=news, anaphors=anaphoric_times(sent.text, sent.start_char),
                        in_main_chain=_in_main_chain(verb, sent.root), life=obituary)
        if why is None:
            return None
        reason, anaphor = why
        resolved = shifted(background, anaphor) if anaphor is not None else background.resolved
        text = anaphor.text if anaphor is not None and anaphor.shift_unit else background.text
        return resolved, text, (f"{resolved.reason}; carried from sentence {background.sentence} ('{background.text}'), "
                                f"which this clause continues: {reason}"), background.sentence


# Prepositions whose dated noun sets the scene of the main clause ('At the elections in 2008, the party won').
SETTING_PREPS = frozenset({"at", "in", "during", "after", "following"})
SAME_DAY_ANAPHORS = re.compile(r"^(?:that|the\s+same)\s+day$|^(?:the\s+)?(?:following|next)\s+day$", re.IGNORECASE)


def _news_day_carried(background: Background | None, verb: Token, anaphors: list[tuple[Anaphor, Token]],
                      past: bool) -> tuple[ResolvedDate, str, str, int] | None:
    """A past-tense clause with no time of its own, in a paragraph that set the day of its news, happened that day
    (or the day 'the same day' / 'the next day' says); a past perfect is before it, so it is not carried."""
    if background is None or not past or is_past_perfect(verb) or present(verb):
        return None
    ids = {t.i for t in (verb, *verb.ancestors)}
    anaphor = next((a for a, head in anaphors if head.i in ids), None)
    if anaphor is not None and not SAME_DAY_ANAPHORS.match(anaphor.text.strip()):
        return None
    resolved = shifted(background, anaphor) if anaphor is not None else background.resolved
    text = anaphor.text if anaphor is not None and anaphor.shift_unit else background.text
    return resolved, text, (f"{resolved.reason}; carried from sentence {background.sentence} ('{background.text}'): the day of "
                            f"the news this past-tense clause goes on telling"), background.sentence


def _participle_host(verb: Token, past: bool) -> tuple[Token, bool]:
    """A leading or trailing participle clause ('Declining to step aside, the ruler accepted ...') happens when the
    clause it hangs on does: that clause, and whether it is past; else the verb itself."""
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "mark") for c in verb.children):
        return verb.head, _is_past(verb.head)
    return verb, past


def _past_form(verb: Token) -> bool:
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


def _in_main_chain(verb: Token, root: Token) -> bool:
    """The verb is the sentence's main verb, coordinated with it, its open complement or participle clause
    ('led the party, serving as its chair ...'), or the complement of a main verb of saying."""
    tok = verb
    for _ in range(6):
        if tok.i == root.i:
            return True
        if (tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in STATEMENT_VERBS)
                or (tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children))):
            tok = tok.head
            continue
        return False
    return False


def _trailing_participle(verb: Token, found: _Found, own: Token) -> bool:
    """``verb`` heads a participle clause after a comma that ends a past clause whose last words are ``found``'s time
    ("served as foreign secretary until 2018, resigning over the deal": the resignation's time, whatever clause the
    parser hung the participle on)."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children):
        return False
    doc = verb.doc
    comma = verb.i - 1
    while comma >= 0 and doc[comma].dep_ in ("advmod", "neg") and doc[comma].head.i == verb.i:
        comma -= 1  # "..., later resigning"
    end = doc.char_span(found.expr.start, found.expr.end, alignment_mode="expand")
    return (comma > 0 and doc[comma].text == "," and end is not None and end.end == comma and own.tag_ in ("VBD", "VBN")
            and own.i < verb.i and found.plain is not None)
