"""Exceptions raised by tacitus.

Every error a user can cause carries a stable code and says what to do::

    TacitusError                 base class; ``code`` + message
    ├── InputError               an article or input file cannot be read  [T1xx]
    │   └── ArticleDateError     an article has no usable date            [T11x]
    ├── DictionaryError          a bad entry in a dictionary or lexicon   [T2xx]
    ├── ConfigError              a bad config file, stage name or option  [T3xx]
    ├── StoreError               the DuckDB store cannot be used          [T4xx]
    └── CodingError              an article could not be coded at all     [T900]
"""

from __future__ import annotations

__all__ = [
    "ArticleDateError",
    "CodingError",
    "ConfigError",
    "DictionaryError",
    "InputError",
    "StoreError",
    "TacitusError",
]


class TacitusError(Exception):
    """Base class of every error tacitus raises on purpose."""

    code = "T000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(TacitusError):
    """An input file or record cannot be read as an article."""

    code = "T100"


class ArticleDateError(InputError):
    """An article has no date, or its date is not a valid calendar date."""

    code = "T110"


class DictionaryError(TacitusError):
    """A dictionary or lexicon file has a bad entry (the message names file and line)."""

    code = "T200"

    def __init__(self, message: str, *, path: str, line: int | None = None, code: str | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", code=code)
        self.path = path
        self.line = line


class ConfigError(TacitusError):
    """The configuration, a stage name or a command-line option is invalid."""

    code = "T300"


class StoreError(TacitusError):
    """The DuckDB store cannot be opened or written."""

    code = "T400"


class CodingError(TacitusError):
    """An internal error stopped every sentence of an article from being coded (``code_text`` raises it).

    ``rejection`` is the ``Rejected`` record that ``code_files`` and ``ingest`` would report for it.
    """

    code = "T900"

    def __init__(self, message: str, *, rejection: object, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.rejection = rejection
