"""Coding a sentence written for a test: every event, uncoded ones included, at any confidence (the session test
files of the real-news rules share these)."""

from __future__ import annotations

from typing import Any

import tacitus

DATE = "2019-08-01"  # a Thursday
KEEP_UNCODED = ("stages.confidence.keep_uncoded=true",)


def events(text: str, date: str = DATE) -> list:
    """The events of ``text`` dated ``date``, with those the confidence stage would drop as uncoded."""
    return list(tacitus.code_text(text, date=date, min_confidence=0, overrides=KEEP_UNCODED))


def one(text: str, trigger: str, date: str = DATE, *, prefix: bool = False) -> Any:
    """The first event whose trigger text is ``trigger`` (with ``prefix``: starts with it)."""
    return next(e for e in events(text, date) if (e.event_text.startswith(trigger) if prefix else e.event_text == trigger))


def codes(parties: list) -> list:
    """The codes of an event's actors or recipients, in order."""
    return [a.code for a in parties]
