"""What every reader shares: the rejection codes, the size limits, the stable article id, and file names and messages made safe to print and store."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

from ..errors import InputError

SUFFIXES = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
}

# Rejection codes (stable; docs/robustness.md explains each):
#   T101 no text          T102 record not an object    T103 missing text     T104 cannot read
#   T105 undecodable text T106 over stages.read.max_chars                    T107 bad JSON
#   T108 empty directory  T109 glob matches nothing    T110 no date          T111 invalid date
#   T112 date out of range                             T113 duplicate id     T114 binary file
#   T115 CSV structure (quoting, field count)          T116 over stages.read.max_sentence_chars
#   T117 a field of the wrong type

DEFAULT_MAX_CHARS = 1_000_000
SPACY_MAX_LENGTH = 1_000_000  # spaCy's nlp.max_length: longer texts raise, so max_chars cannot exceed it
DEFAULT_MAX_SENTENCE_CHARS = 5_000
BYTES_PER_CHAR = 4  # UTF-8, UTF-16 and UTF-32 all take at most 4 bytes a character
JSON_BYTES_PER_CHAR = 12  # "\ud83d\ude00": an escaped astral character
SNIFF_BYTES = 65_536  # how much of a file decides its encoding and whether it is binary


def article_id(date: dt.date, text: str) -> str:
    """Stable id of an article: a hash of its date and text."""
    return hashlib.sha1(f"{date.isoformat()}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


_UNPRINTABLE = {c: f"\\u{c:04x}" for c in [*range(0x20), 0x7F, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def display_name(path: str | Path) -> str:
    """A file name as tacitus reports and stores it: valid UTF-8, one line, no bidirectional overrides.

    Bytes that are not UTF-8 show as ``\\xff``, control characters and direction marks as ``\\u202e``, so a
    name can neither break a terminal line, reorder the text around it, nor fail to go into the store.
    """
    text = os.fsdecode(path) if not isinstance(path, str) else path
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(_UNPRINTABLE)


def shorten(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def reason_of(exc: InputError, origin: str) -> str:
    """The message of ``exc`` without the origin it starts with (a ``Rejected`` names it already)."""
    return exc.message.removeprefix(f"{origin}: ")


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Unpaired surrogates (from JSON ``\\ud800`` escapes) become U+FFFD: the text must encode as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
