"""A start-up cache: the built-in dictionaries and gazetteer as loaded objects, reused while their data files are unchanged.

Loading the actor dictionaries and the gazetteer from their TSV files takes about 2.3 s (tokenizing 55,000 names);
reading back the objects they build takes about a tenth of that. ``cached(name, sources, build)`` returns the
object ``build()`` makes, from a file in the cache folder when one was written by this tacitus version from
files (the data and the modules that build the object) with the same SHA-256 digests, else it builds the
object and writes the file (atomically). The cache is only ever a copy: a missing, stale, unreadable or
unwritable cache means building from the data files, never an error. The folder is ``$TACITUS_CACHE_DIR``,
else ``$XDG_CACHE_HOME/tacitus``, else ``~/.cache/tacitus``; ``TACITUS_CACHE_DIR=off`` switches the cache off.
Files are Python pickles of tacitus's own objects, written and read only by tacitus in the user's own cache
folder (made with mode 0700).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from ._version import __version__

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")
FORMAT = 1  # bump when what a cache file holds changes shape


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    chosen = os.environ.get("TACITUS_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tacitus"


def _digest(sources: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{__version__}:{FORMAT}".encode())
    for path in sources:
        h.update(str(path.name).encode())
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:24]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], *,
           freeze: Callable[[T], Any] = lambda obj: obj, thaw: Callable[[Any], T] = lambda obj: obj) -> T:
    """``build()``, or its cached copy when the cache holds one made from the same ``sources``.

    ``freeze`` gives a picklable state of the object without changing it (e.g. its fields less a tokenizer), and
    ``thaw`` makes the object again from that state.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest(sources)}.pickle"
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes ~10^5 objects: collections on the way cost more than the load (0.35 -> 0.13 s)
    try:
        with path.open("rb") as stream:
            return thaw(pickle.load(stream))  # noqa: S301 (tacitus's own objects, in the user's own cache folder)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001  (a damaged or foreign file: rebuild, and overwrite it below)
        pass
    finally:
        if collecting:
            gc.enable()
    obj = build()
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for stale in folder.glob(f"{name}-*.pickle"):  # one copy per name: the stale ones go
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as stream:
            pickle.dump(freeze(obj), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError):
        pass  # a read-only home, a full disk: run without the cache
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return obj
