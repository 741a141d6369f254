"""An article from one JSONL or CSV record (a mapping of field names to values): each field's type checked, the id given or made."""

from __future__ import annotations

import datetime as dt

from ..dates import parse_date
from ..errors import ArticleDateError, InputError
from ..model import Article
from .base import article_id, clean_text


def _optional_str(record: dict[str, object], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"{origin}: {key!r} must be a string, not {type(value).__name__}", code="T117")
    return clean_text(str(value))


def _kind(value: object) -> str:
    """A JSON value's kind in words ("an array", "a boolean")."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return next((words for t, words in kinds.items() if isinstance(value, t)), type(value).__name__)


def record_article(record: object, *, origin: str, date: dt.date | None) -> Article:
    """The article a JSONL or CSV record holds; raises ``InputError`` naming the field that is missing or of the wrong type."""
    if not isinstance(record, dict):
        raise InputError(f"{origin}: expected an object with id, date and text", code="T102")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(f"{origin}: 'text' must be a string, not {_kind(text)}", code="T117")
    if text is None or not text.strip():
        raise InputError(f"{origin}: missing or empty 'text' field", code="T103")
    raw_date = record.get("date")
    if raw_date is not None and not isinstance(raw_date, str):
        raise ArticleDateError(f"{origin}: 'date' must be a string YYYY-MM-DD, not {_kind(raw_date)}", code="T111")
    if raw_date in (None, ""):
        if date is None:
            raise ArticleDateError(f"{origin}: missing 'date'; add one or pass --date YYYY-MM-DD", code="T110")
        art_date = date
    else:
        art_date = parse_date(str(raw_date), origin=origin)
    body = clean_text(text.strip())
    rid = record.get("id")
    if isinstance(rid, (bool, float)) or not isinstance(rid, (str, int, type(None))):
        raise InputError(f"{origin}: 'id' must be a string or an integer, not {type(rid).__name__}", code="T117")
    return Article(
        id=clean_text(str(rid)) if rid not in (None, "") else article_id(art_date, body),
        date=art_date,
        text=body,
        title=_optional_str(record, "title", origin) or "",
        url=_optional_str(record, "url", origin),
        source=_optional_str(record, "source", origin),
        origin=origin,
    )
