"""The read stage: articles from seed-format text, plain text, JSONL, CSV, directories and globs.

Reading never stops a batch: every input yields either an ``Article`` or a
``Rejected`` record naming the file (and line) and the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleDateError, InputError
from .model import Article
from .registry import register_stage

__all__ = ["Rejected", "article_id", "iter_articles", "parse_date", "read_seed_text"]

SEED_HEADER = re.compile(r"^\s*date\s+(\S+)[ \t]*(.*)$")
SUFFIXES = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as an article, and why."""

    origin: str
    reason: str
    code: str


def article_id(date: dt.date, text: str) -> str:
    """Stable id of an article: a hash of its date and text."""
    return hashlib.sha1(f"{date.isoformat()}\n{text}".encode()).hexdigest()[:16]


def parse_date(value: str, *, origin: str) -> dt.date:
    """Parse an ISO date (``YYYY-MM-DD``; a timestamp's date part is accepted)."""
    raw = value.strip()
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise ArticleDateError(
            f"{origin}: {raw!r} is not a valid date; write it as YYYY-MM-DD", code="T111"
        ) from None


def read_seed_text(content: str, *, origin: str, date: dt.date | None = None) -> Article:
    """Read one article in the seed format (``date YYYY-MM-DD title`` line, then the body).

    Text without that first line is a plain article and needs ``date``.
    """
    content = content.lstrip("\ufeff")
    first, _, rest = content.partition("\n")
    match = SEED_HEADER.match(first)
    if match:
        art_date = parse_date(match.group(1), origin=origin)
        title, body = match.group(2).strip(), rest
    elif date is not None:
        art_date, title, body = date, "", content
    else:
        raise ArticleDateError(
            f"{origin}: no date; start the file with 'date YYYY-MM-DD title' or pass --date YYYY-MM-DD",
            code="T110",
        )
    body = body.strip()
    if not body:
        raise InputError(f"{origin}: the article has no text", code="T101")
    return Article(id=article_id(art_date, body), date=art_date, text=body, title=title, origin=origin)


def _record_article(record: object, *, origin: str, date: dt.date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: expected an object with id, date and text", code="T102")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{origin}: missing or empty 'text' field", code="T103")
    raw_date = record.get("date")
    if raw_date in (None, ""):
        if date is None:
            raise ArticleDateError(f"{origin}: missing 'date'; add one or pass --date YYYY-MM-DD", code="T110")
        art_date = date
    else:
        art_date = parse_date(str(raw_date), origin=origin)
    body = text.strip()
    rid = record.get("id")
    return Article(
        id=str(rid) if rid not in (None, "") else article_id(art_date, body),
        date=art_date,
        text=body,
        title=str(record.get("title") or ""),
        url=record.get("url") or None,
        source=record.get("source") or None,
        origin=origin,
    )


def _read_file(path: Path, *, date: dt.date | None, max_chars: int) -> Iterator[Article | Rejected]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Rejected(str(path), f"cannot read file: {exc.strerror}", "T104")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield Rejected(str(path), "not UTF-8 text; convert the file to UTF-8", "T105")
        return
    if kind == "text":
        if len(content) > max_chars:
            yield Rejected(str(path), f"article longer than {max_chars} characters (stages.read.max_chars)", "T106")
            return
        try:
            yield read_seed_text(content, origin=str(path), date=date)
        except InputError as exc:
            yield Rejected(str(path), exc.message, exc.code)
        return
    records: Iterable[tuple[int, object]]
    if kind == "jsonl":
        records = _jsonl_records(content, path)
    else:
        records = _csv_records(content)
    for line, record in records:
        origin = f"{path}:{line}"
        if isinstance(record, Rejected):
            yield record
            continue
        try:
            article = _record_article(record, origin=origin, date=date)
        except InputError as exc:
            yield Rejected(origin, exc.message, exc.code)
            continue
        if len(article.text) > max_chars:
            yield Rejected(origin, f"article longer than {max_chars} characters (stages.read.max_chars)", "T106")
            continue
        yield article


def _jsonl_records(content: str, path: Path) -> Iterator[tuple[int, object]]:
    for line, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield line, json.loads(raw)
        except json.JSONDecodeError as exc:
            yield line, Rejected(f"{path}:{line}", f"not valid JSON ({exc.msg})", "T107")


def _csv_records(content: str) -> Iterator[tuple[int, object]]:
    reader = csv.DictReader(io.StringIO(content, newline=""))
    for row in reader:
        yield reader.line_num, row


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield Rejected(str(path), "directory holds no .txt, .jsonl or .csv files", "T108")
            yield from files
        elif path.is_file():
            yield path
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                yield Rejected(str(item), "pattern matches no file", "T109")
            for match in matches:
                yield from _expand([match])
        else:
            yield Rejected(str(item), "no such file or directory", "T104")


def iter_articles(
    paths: Iterable[str | Path], *, date: dt.date | None = None, max_chars: int = 1_000_000
) -> Iterator[Article | Rejected]:
    """Yield an ``Article`` or a ``Rejected`` for every article found under ``paths``."""
    for path in _expand(paths):
        if isinstance(path, Rejected):
            yield path
        else:
            yield from _read_file(path, date=date, max_chars=max_chars)


@register_stage("tacitus.read.v1", role="read", writes=("Article",), defaults={"max_chars": 1_000_000})
class Reader:
    """Articles from seed-format or plain text, JSONL, CSV, directories and globs."""

    version = "tacitus.read.v1"

    def __init__(self, *, max_chars: int = 1_000_000) -> None:
        self.max_chars = int(max_chars)

    def __call__(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[Article | Rejected]:
        return iter_articles(paths, date=date, max_chars=self.max_chars)
