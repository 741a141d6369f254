"""The seed format (a ``date YYYY-MM-DD title`` line, then the body) and plain text with a date given."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import parse_date
from ..errors import ArticleDateError, InputError
from ..model import Article
from .base import article_id, clean_text

SEED_HEADER = re.compile(r"^\s*date\s+(\S+)[ \t]*(.*)$")


def read_seed_text(content: str, *, origin: str, date: dt.date | None = None) -> Article:
    """Read one article in the seed format (``date YYYY-MM-DD title`` line, then the body).

    Text without that first line is a plain article and needs ``date``.
    """
    content = clean_text(content.lstrip("\ufeff"))
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
