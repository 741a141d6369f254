"""The read stage (``tacitus.read.v1``): each file read in its format and checked, over every path given."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError, InputError
from ..model import Article, Rejected
from ..registry import register_stage
from .base import (
    BYTES_PER_CHAR,
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_SENTENCE_CHARS,
    JSON_BYTES_PER_CHAR,
    SNIFF_BYTES,
    SPACY_MAX_LENGTH,
    SUFFIXES,
    display_name,
    reason_of,
)
from .checks import Limits, check
from .csv_file import csv_records
from .decode import decode
from .html_page import declared_charset, html_article
from .jsonl import jsonl_records
from .paths import expand_paths
from .records import record_article
from .seed_text import read_seed_text


def _read_single(path: Path, kind: str, *, date: dt.date | None, limits: Limits) -> Article | Rejected:
    """A text or HTML file holding one article: sized before it is read, decoded, parsed, checked."""
    origin = display_name(path)
    try:
        size = path.stat().st_size
        if size > BYTES_PER_CHAR * limits.max_chars:
            return Rejected(
                origin,
                f"file of {size:,} bytes cannot hold an article within stages.read.max_chars = {limits.max_chars:,} "
                f"characters; not read",
                "T106",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, f"cannot read file: {exc.strerror}", "T104")
    if not raw:
        return Rejected(origin, "empty file", "T101")
    try:
        declared = declared_charset(raw) if kind == "html" else None
        content, _encoding = decode(raw, origin=origin, declared=declared)
        if not content.lstrip("\ufeff").strip():
            return Rejected(origin, "the file holds only whitespace", "T101")
        if len(content) > limits.max_chars and kind == "text":
            return Rejected(
                origin, f"file of {len(content):,} characters is longer than stages.read.max_chars = {limits.max_chars:,}", "T106"
            )
        if kind == "html":
            article = html_article(content, origin=origin, date=date)
            return check(article, limits=limits)
        article = read_seed_text(content, origin=origin, date=date)
    except InputError as exc:
        return Rejected(origin, reason_of(exc, origin), exc.code)
    return check(article, limits=limits, content=content.lstrip("\ufeff"))


def _read_file(path: Path, *, date: dt.date | None, limits: Limits) -> Iterator[Article | Rejected]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind in ("text", "html"):
        yield _read_single(path, kind, date=date, limits=limits)
        return
    line_limit = JSON_BYTES_PER_CHAR * limits.max_chars + SNIFF_BYTES
    csv.field_size_limit(max(csv.field_size_limit(), line_limit))  # process-wide; only ever raised
    records = jsonl_records(path, line_limit=line_limit) if kind == "jsonl" else csv_records(path, line_limit=line_limit)
    seen = 0
    try:
        for line, record in records:
            seen += 1
            if isinstance(record, Rejected):
                yield record
                continue
            origin = f"{display_name(path)}:{line}"
            try:
                article = record_article(record, origin=origin, date=date)
            except InputError as exc:
                yield Rejected(origin, reason_of(exc, origin), exc.code)
                continue
            yield check(article, limits=limits)
    except OSError as exc:
        yield Rejected(display_name(path), f"cannot read file: {exc.strerror}", "T104")
        return
    if not seen:
        yield Rejected(display_name(path), "no records: the file is empty" + (" or holds only its header" if kind == "csv" else ""), "T101")


def iter_articles(
    paths: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS,
) -> Iterator[Article | Rejected]:
    """Yield an ``Article`` or a ``Rejected`` for every article found under ``paths``.

    An id seen before in the same call (an explicit JSONL/CSV id, or the same date and text) is
    rejected as a duplicate naming where it was first read.
    """
    limits = Limits(int(max_chars), int(max_sentence_chars), {})
    for path in expand_paths(paths):
        if isinstance(path, Rejected):
            yield path
        else:
            yield from _read_file(path, date=date, limits=limits)


@register_stage(
    "tacitus.read.v1",
    role="read",
    reads=(),
    writes=("Article",),
    defaults={"max_chars": DEFAULT_MAX_CHARS, "max_sentence_chars": DEFAULT_MAX_SENTENCE_CHARS},
)
class Reader:
    """Articles from seed-format or plain text, HTML, JSONL, CSV, directories and globs."""

    version = "tacitus.read.v1"

    def __init__(self, *, max_chars: int = DEFAULT_MAX_CHARS, max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS) -> None:
        for name, value, least, most in (
            ("max_chars", max_chars, 1, SPACY_MAX_LENGTH),
            ("max_sentence_chars", max_sentence_chars, 0, SPACY_MAX_LENGTH),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
                raise ConfigError(
                    f"stages.read.{name} must be an integer from {least} to {most:,} (spaCy's longest text), "
                    f"not {value!r}",
                    code="T340",
                )
        self.max_chars = max_chars
        self.max_sentence_chars = max_sentence_chars

    def __call__(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[Article | Rejected]:
        return iter_articles(paths, date=date, max_chars=self.max_chars, max_sentence_chars=self.max_sentence_chars)
