"""The Python API: code text or files, get events as records or a DataFrame."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import load_config
from .dates import parse_date
from .errors import ArticleDateError, CodingError, ConfigError
from .model import Article, ArticleResult, Event
from .pipeline import Pipeline
from .readers import article_id

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["code_files", "code_text", "events_to_dataframe", "get_pipeline"]

_PIPELINES: dict[tuple[Any, ...], Pipeline] = {}


def get_pipeline(*, config: str | Path | None = None, overrides: tuple[str, ...] = (), disable: tuple[str, ...] = ()) -> Pipeline:
    """A cached pipeline for this configuration."""
    key = (str(config) if config else None, tuple(overrides), tuple(disable))
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(load_config(config, overrides=list(overrides), disable=list(disable)))
    return _PIPELINES[key]


def _with_confidence(overrides: tuple[str, ...], min_confidence: float | None) -> tuple[str, ...]:
    if min_confidence is None:
        return tuple(overrides)
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)) or not 0 <= min_confidence <= 1:
        raise ConfigError(f"min_confidence must be a number from 0 to 1, not {min_confidence!r}", code="T342")
    return (*overrides, f"stages.confidence.min_confidence={float(min_confidence)}")


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value), origin="date argument")


def code_text(
    text: str,
    *,
    date: dt.date | str,
    title: str = "",
    id: str | None = None,
    config: str | Path | None = None,
    overrides: tuple[str, ...] = (),
    min_confidence: float | None = None,
) -> list[Event]:
    """Code one article's text, dated ``date`` (an ISO string or a ``datetime.date``).

    Returns the events, possibly none. Raises ``CodingError`` (carrying the rejection) when an internal error
    kept the whole article from being coded, so "no events" and "failed" are never confused; a sentence lost
    to an internal error costs only that sentence (``code_files`` lists it in ``ArticleResult.errors``).
    ``min_confidence`` (0 to 1) keeps only events whose calibrated confidence is at least that (default:
    ``stages.confidence.min_confidence``, the model's F1-best threshold; 0: every event).
    """
    if date is None:
        raise ArticleDateError("code_text needs the article's date (date=YYYY-MM-DD)", code="T110")
    day = _as_date(date)
    body = text.strip()
    article = Article(id=id or article_id(day, body), date=day, text=body, title=title, origin="text")
    pipeline = get_pipeline(config=config, overrides=_with_confidence(overrides, min_confidence))
    events: list[Event] = []
    for result in pipeline.code_articles([article]):
        if result.rejected is not None:
            raise CodingError(f"{result.rejected.origin}: {result.rejected.reason}", rejection=result.rejected,
                              code=result.rejected.code)
        events.extend(result.events)
    return events


def code_files(
    paths: Iterable[str | Path] | str | Path,
    *,
    date: dt.date | str | None = None,
    config: str | Path | None = None,
    overrides: tuple[str, ...] = (),
    min_confidence: float | None = None,
) -> list[ArticleResult]:
    """Code every article under ``paths`` (files, directories, globs); rejected inputs say why.

    ``min_confidence`` (0 to 1) keeps events whose calibrated confidence is at least that (default:
    ``stages.confidence.min_confidence``, the model's F1-best threshold; 0: every event)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    pipeline = get_pipeline(config=config, overrides=_with_confidence(overrides, min_confidence))
    return list(pipeline.code_paths(paths, date=_as_date(date) if date is not None else None))


def events_to_dataframe(events: Iterable[Event]) -> pd.DataFrame:
    """One row per event: the JSONL record's fields, actors flattened to code lists."""
    import pandas as pd

    rows = []
    for event in events:
        record = event.to_dict()
        record["actor_codes"] = [a["code"] for a in record["actor"]]
        record["recipient_codes"] = [a["code"] for a in record["recipient"]]
        rows.append(record)
    columns = list(Event.__dataclass_fields__)
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(columns=[c for c in columns if c != "anchor"] + ["id", "actor_codes", "recipient_codes"])
    return frame
