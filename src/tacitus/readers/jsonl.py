"""The records of a JSONL file, one a line, each with its line number; a line that is not JSON is a ``Rejected``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..model import Rejected
from .base import display_name, shorten
from .decode import decoded_lines


def jsonl_records(path: Path, *, line_limit: int) -> Iterator[tuple[int, object]]:
    """The JSON value of each non-blank line of a JSONL file (or a ``Rejected``), with its line number."""
    for number, line in decoded_lines(path, line_limit=line_limit):
        if isinstance(line, Rejected):
            yield number, line
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, Rejected(f"{display_name(path)}:{number}", f"not valid JSON ({exc.msg} at column {exc.colno})", "T107")
        except (ValueError, RecursionError) as exc:  # integers over 4300 digits, deep nesting
            yield number, Rejected(f"{display_name(path)}:{number}", f"not usable JSON ({shorten(str(exc) or type(exc).__name__, 80)})", "T107")
