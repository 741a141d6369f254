"""The checks every article passes once read: its size, runs of text without a sentence end, and ids seen before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Rejected
from .base import article_id, shorten

_SENTENCE_END = re.compile(
    r"[.!?\u2026\u203c\u2047-\u2049\u061f\u06d4\u0964\u0965]+[\"'\u2019\u201d\u00bb)\]]*(?=\s|$)|[\u3002\uff01\uff0e\uff1f]"
)


def _long_run(text: str, limit: int) -> tuple[int, int] | None:
    """``(start, length)`` of the first run of more than ``limit`` characters with no sentence end."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() - start > limit:
            return start, match.start() - start
        start = match.end()
    if len(text) - start > limit:
        return start, len(text) - start
    return None


@dataclass
class Limits:
    max_chars: int
    max_sentence_chars: int
    seen: dict[str, tuple[str, bool]]  # article id -> (origin, id given explicitly)


def check(article: Article, *, limits: Limits, content: str | None = None) -> Article | Rejected:
    """The checks every article passes: size, sentence runs, duplicate ids."""
    origin = article.origin or article.id
    if len(article.text) > limits.max_chars:
        return Rejected(
            origin, f"article of {len(article.text):,} characters is longer than stages.read.max_chars = {limits.max_chars:,}", "T106"
        )
    if limits.max_sentence_chars > 0:
        run = _long_run(article.text, limits.max_sentence_chars)
        if run is not None:
            start, length = run
            where = f"character {start:,} of the text"
            if content is not None:
                offset = content.find(article.text)
                if offset >= 0:
                    where = f"line {content.count(chr(10), 0, offset + start) + 1}"
            return Rejected(
                origin,
                f"{length:,} characters without sentence-ending punctuation from {where}: spaCy would parse them "
                f"as one sentence, and coding time grows with the square of its length; split the text into "
                f"sentences or raise "
                f"stages.read.max_sentence_chars (now {limits.max_sentence_chars:,}; 0 turns the guard off)",
                "T116",
            )
    explicit = article.id != article_id(article.date, article.text)
    if article.id in limits.seen:
        first, first_explicit = limits.seen[article.id]
        if explicit or first_explicit:
            reason = f"duplicate id {shorten(article.id)!r}: already read from {first}"
        else:
            reason = f"duplicate article: the same date and text as {first}"
        return Rejected(origin, reason, "T113")
    limits.seen[article.id] = (origin, explicit)
    return article
