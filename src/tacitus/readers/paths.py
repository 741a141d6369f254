"""Paths, directories and glob patterns expanded to the files to read, in order; what cannot be read is a ``Rejected``."""

from __future__ import annotations

import errno
import glob
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Rejected
from .base import SUFFIXES, display_name


def _not_regular(path: Path) -> str:
    """What a path that is not a regular file is, in words."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        try:
            path.stat()
        except OSError as exc:
            return "a symbolic link that loops" if exc.errno == errno.ELOOP else "a symbolic link to nothing"
        return "a symbolic link to something that is not a regular file"
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((words for test, words in kinds if test(mode)), "not a regular file")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    for item in paths:
        path = Path(item)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            except OSError as exc:
                yield Rejected(display_name(path), f"cannot list directory: {exc.strerror}", "T104")
                continue
            files = [p for p in found if p.is_file()]
            for odd in (p for p in found if not p.is_file()):  # named like an input, but no file to read
                yield Rejected(display_name(odd), f"not read: {_not_regular(odd)}", "T104")
            if not files and len(found) == 0:
                yield Rejected(display_name(path), f"directory holds no {', '.join(sorted(SUFFIXES))} files", "T108")
            yield from files
        elif path.is_file():
            yield path
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                yield Rejected(display_name(item), "pattern matches no file", "T109")
            for match in matches:
                yield from expand_paths([match])
        elif path.exists():
            yield Rejected(display_name(item), "not a regular file", "T104")
        else:
            yield Rejected(display_name(item), "no such file or directory", "T104")
