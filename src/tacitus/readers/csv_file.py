"""The records of a comma-separated file as mappings keyed by its header, each with the line it starts on; a malformed record is a ``Rejected``."""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from ..model import Rejected
from .base import display_name, shorten
from .decode import decoded_lines


class _Replay:
    """Feeds lines to ``csv.reader``, remembering those of the current record so they can be replayed."""

    def __init__(self, lines: Iterator[tuple[int, str | Rejected]]) -> None:
        self.lines = lines
        self.pending: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        self.rejected: list[tuple[int, Rejected]] = []

    def __iter__(self) -> _Replay:
        return self

    def __next__(self) -> str:
        while True:
            if self.pending:
                item = self.pending.popleft()
            else:
                number, line = next(self.lines)
                if isinstance(line, Rejected):
                    self.rejected.append((number, line))
                    continue
                item = (number, line)
            self.taken.append(item)
            return item[1]


def csv_records(path: Path, *, line_limit: int) -> Iterator[tuple[int, object]]:
    """CSV rows as dicts keyed by the header, each with the line it starts on.

    Parsing is strict, one record at a time: a record with bad quoting is rejected by the line it
    starts on, and the lines it swallowed (an unclosed quote runs on to the end of the file) are
    read again as records of their own. A row with more fields than the header is rejected too.
    """
    source = _Replay(decoded_lines(path, line_limit=line_limit))
    reader = csv.reader(source, strict=True)
    header: list[str] | None = None
    while True:
        source.taken = []
        try:
            row = next(reader)
        except StopIteration:
            row = None
        except csv.Error as exc:
            first = source.taken[0][0] if source.taken else 0
            if header is None:
                yield first, Rejected(f"{display_name(path)}:{first}", f"cannot read the CSV header ({exc}); nothing read", "T115")
                return
            source.pending.extendleft(reversed(source.taken[1:]))
            yield first, Rejected(f"{display_name(path)}:{first}", f"cannot parse this CSV record ({exc}); check its quotes", "T115")
            continue
        for number, rejected in source.rejected:
            yield number, rejected
        source.rejected = []
        if row is None:
            return
        if not row:
            continue
        first = source.taken[0][0] if source.taken else reader.line_num
        if header is None:
            header = [name.strip().lstrip("\ufeff").lower() for name in row]
            if "text" not in header:
                separator = next((name for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars"))
                                  if any(sep in h and "text" in h.split(sep) for h in header)), None)
                hint = f"; the header looks separated by {separator}: tacitus reads comma-separated CSV" if separator else ""
                yield first, Rejected(
                    f"{display_name(path)}:{first}",
                    f"the CSV header has no 'text' column (columns: {shorten(', '.join(header), 120)}){hint}", "T103"
                )
                return
            repeated = sorted({h for h in header if h and header.count(h) > 1})
            if repeated:
                yield first, Rejected(f"{display_name(path)}:{first}", f"the CSV header names {', '.join(repeated)} more than once; "
                                      "keep one column of each name; nothing read", "T115")
                return
            continue
        if len(row) > len(header):
            yield first, Rejected(
                f"{display_name(path)}:{first}",
                f"{len(row)} fields where the header has {len(header)}: quote fields that hold commas",
                "T115",
            )
            continue
        yield first, dict(zip(header, row))
