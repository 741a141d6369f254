"""Read the project's tab-separated data files, reporting file and line of a bad entry.

Format: ``#`` comment lines and blank lines are ignored; the first other line is
the header; every following line has as many tab-separated fields (trailing empty
fields may be left out).
Columns named in ``required`` must be non-empty. A validator per column may
raise ``ValueError`` whose message becomes part of the reported error.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import DictionaryError

__all__ = ["Row", "check_code", "check_latitude", "check_longitude", "read_tsv", "split_list"]


@dataclass(frozen=True)
class Row:
    path: str
    line: int
    fields: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def error(self, message: str) -> DictionaryError:
        return DictionaryError(message, path=self.path, line=self.line)


_CODE = re.compile(r"^[A-Z]{3}$")


def check_code(value: str) -> None:
    """Validator: a 3-letter upper-case code (ISO 3166 alpha-3 or a PLOVER code)."""
    if not _CODE.match(value):
        raise ValueError(f"{value!r} is not a 3-letter upper-case code")


def check_latitude(value: str) -> None:
    if not -90 <= float(value) <= 90:
        raise ValueError(f"{value} is not a latitude")


def check_longitude(value: str) -> None:
    if not -180 <= float(value) <= 180:
        raise ValueError(f"{value} is not a longitude")


def split_list(value: str) -> list[str]:
    """Split a ``|``-separated list field, dropping empty items."""
    return [item.strip() for item in value.split("|") if item.strip()]


def read_tsv(
    path: str | Path,
    *,
    columns: Sequence[str],
    required: Sequence[str] = (),
    validators: dict[str, Callable[[str], object]] | None = None,
) -> Iterator[Row]:
    """Yield the rows of ``path``; raise DictionaryError naming file and line on a bad one."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DictionaryError("file not found; check the path", path=name) from None
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"not UTF-8 text ({exc.reason}); save the file as UTF-8", path=name) from None
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [part.strip() for part in raw.split("\t")]
        if header is None:
            header = parts
            missing = [c for c in columns if c not in header]
            if missing:
                raise DictionaryError(
                    f"header lacks column(s) {', '.join(missing)}; expected tab-separated {', '.join(columns)}",
                    path=name,
                    line=number,
                )
            continue
        if len(parts) < len(header):  # trailing empty fields may have lost their tabs
            parts += [""] * (len(header) - len(parts))
        if len(parts) != len(header):
            raise DictionaryError(
                f"expected {len(header)} tab-separated fields ({', '.join(header)}), found {len(parts)}",
                path=name,
                line=number,
            )
        fields = dict(zip(header, parts))
        for column in required:
            if not fields[column]:
                raise DictionaryError(f"column '{column}' must not be empty", path=name, line=number)
        for column, check in (validators or {}).items():
            if fields.get(column):
                try:
                    check(fields[column])
                except ValueError as exc:
                    raise DictionaryError(f"column '{column}': {exc}", path=name, line=number) from None
        yield Row(name, number, fields)
    if header is None:
        raise DictionaryError("file has no header line", path=name)
