"""Time labels of coded real-news events (ids, offsets and labels, never text): schema, loader and scoring.

A time-label file is JSON Lines, one annotated event per line (``benchmarks/realnews/time_labels.jsonl``)::

    {"article": "wikinews-2019-03-14-071", "corpus": "wikinews_2019.jsonl", "stratum": "wikinews", "weight": 1.0,
     "split": "dev", "sentence": [812, 990], "trigger": [840, 847], "event": true, "time": "historical",
     "date": "2015", "date_text": [955, 962], "how": "agreed"}

``sentence``, ``trigger`` and ``date_text`` are ``[start, end]`` offsets into the article body as tacitus reads it;
``date_text`` may lie in the sentence or earlier in the article (a date the paragraph gives). ``event`` is false
when the word names no specific act (then ``time`` and ``date`` are null). ``time`` is ``current``,
``recent_past``, ``historical`` or ``future``; ``date`` is the date or period the text gives the act (``YYYY``,
``YYYY-MM``, ``YYYY-MM-DD`` or a decade ``YYYYs``) or null. ``weight`` is the inverse of the item's sampling rate.
``how`` says whether the two annotators agreed or the line was adjudicated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DictionaryError
from .evaluation import TIMES, check_ids

__all__ = ["TimeLabel", "load_time_labels", "date_right", "DATE_FORM"]

DATE_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{3})0s$")
HOW = frozenset({"agreed", "adjudicated"})


@dataclass(frozen=True)
class TimeLabel:
    article: str
    corpus: str
    stratum: str
    weight: float
    split: str
    sentence: tuple[int, int]
    trigger: tuple[int, int]
    event: bool
    time: str | None
    date: str | None
    date_text: tuple[int, int] | None
    how: str


def _pair(value: Any, name: str) -> tuple[int, int]:
    if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or not 0 <= value[0] < value[1]):
        raise ValueError(f"{name} must be [start, end] offsets with start < end, not {value!r}")
    return value[0], value[1]


def _label(raw: Any) -> TimeLabel:
    raw = check_ids(raw)
    weight = raw.get("weight")
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight < 1:
        raise ValueError(f"weight must be a number >= 1 (the inverse sampling rate), not {weight!r}")
    sentence, trigger = _pair(raw.get("sentence"), "sentence"), _pair(raw.get("trigger"), "trigger")
    if not sentence[0] <= trigger[0] < trigger[1] <= sentence[1]:
        raise ValueError(f"trigger {list(trigger)} is not inside the sentence {list(sentence)}")
    if not isinstance(raw.get("event"), bool):
        raise ValueError(f"event must be true or false, not {raw.get('event')!r}")
    time, date = raw.get("time"), raw.get("date")
    if raw["event"] and time not in TIMES:
        raise ValueError(f"time {time!r} is not one of {', '.join(sorted(TIMES))}")
    if not raw["event"] and (time is not None or date is not None):
        raise ValueError("a word that names no act (event false) has no time and no date")
    if date is not None and not (isinstance(date, str) and DATE_FORM.match(date)):
        raise ValueError(f"date {date!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a decade YYYYs")
    date_text = None if raw.get("date_text") is None else _pair(raw["date_text"], "date_text")
    if date_text is not None and date_text[1] > sentence[1]:
        raise ValueError(f"date_text {list(date_text)} lies after the sentence {list(sentence)}")
    if raw.get("how") not in HOW:
        raise ValueError(f"how must be 'agreed' or 'adjudicated', not {raw.get('how')!r}")
    return TimeLabel(raw["article"], raw["corpus"], raw["stratum"], float(weight), raw["split"], sentence, trigger,
                     raw["event"], time, date, date_text, raw["how"])


def load_time_labels(path: str | Path) -> list[TimeLabel]:
    """The time labels of a file; a bad line raises ``DictionaryError`` naming file and line."""
    path = Path(path)
    out: list[TimeLabel] = []
    seen: set[tuple[str, int, int]] = set()
    with path.open(encoding="utf-8") as stream:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                label = _label(json.loads(line))
                key = (label.article, *label.trigger)
                if key in seen:
                    raise ValueError(f"the event at {label.article}@{label.trigger[0]} is labelled twice")
                seen.add(key)
            except (ValueError, TypeError) as exc:
                raise DictionaryError(f"bad time label: {exc}", path=str(path), line=lineno, code="T251") from None
            out.append(label)
    return out


def date_right(label: TimeLabel, date: dt.date | None, historical: bool, article_date: dt.date | None) -> bool | None:
    """Is a system date right at the label's granularity? ``None`` when the label has no act to date.

    A labelled date is right when the system's date falls inside it (the year, the month, the day or the decade the
    text gives). With no labelled date, a current act is right when it is not flagged historical and dated within
    eight days of the article (or undated); a historical act when it is flagged historical; recent-past and future
    acts when they are not flagged historical.
    """
    if not label.event:
        return None
    if label.date is not None:
        if date is None:
            return False
        m = DATE_FORM.match(label.date)
        assert m is not None
        if m.group(4):
            return int(m.group(4)) * 10 <= date.year <= int(m.group(4)) * 10 + 9
        want = [int(x) for x in m.groups()[:3] if x]
        return [date.year, date.month, date.day][: len(want)] == want
    if label.time == "historical":
        return historical
    if historical:
        return False
    if label.time == "current" and date is not None and article_date is not None:
        return abs((date - article_date).days) <= 8
    return True
