"""Keep a long-running process's memory flat.

Two things make resident memory creep up with the number of articles coded, and both are
handled here (measured in benchmarks/speed.py: peak RSS at 1k and 10k articles).

Reference cycles: parses leave cyclic garbage that only a full collection frees, and full
collections come ever more rarely as a process grows. ``release_garbage`` runs one after each
batch; what survives the first one (the model, the dictionaries) is then frozen out of the
collector's sight, so that each later collection only looks at what a batch made (measured: a
full collection with the model loaded takes 0.14 s, a collection after freezing microseconds).

Heap fragmentation: spaCy's parser allocates NumPy buffers of many sizes for every batch.
glibc's malloc raises its mmap threshold each time such a buffer is freed, after which the
buffers come from the heap, which fragments. Pinning the threshold keeps large buffers in their
own mappings, returned to the system as soon as they are freed. It is pinned at 4 MiB: at 128 KiB
(glibc's starting value, pinned here before) every mid-sized buffer was an mmap/munmap pair and its
page faults, and `tacitus ingest` of 432 articles spent 3.3 s in the kernel (1 MiB: 2.3 s; 4 MiB:
0.7 s, as with no pinning); wall time 22.8 -> 19.0 s. The price: peak RSS grows 6 % from 1k to 10k
articles (340 -> 361 MB; 2.8 % at 1 MiB, 2.4 % at 128 KiB): benchmarks/speed.py --rss-child.
``release_garbage`` also calls malloc_trim after each batch (no measurable change in peak RSS; kept
because it hands freed heap pages back at once).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys

__all__ = ["release_garbage", "steady_heap"]

_M_MMAP_THRESHOLD = -3  # mallopt parameter number in glibc's malloc.h
_applied = False


def steady_heap(threshold: int = 4 * 1024 * 1024) -> bool:
    """Pin glibc's mmap threshold (once per process); returns whether it is in effect.

    A no-op where the C library is not glibc (macOS, musl, Windows).
    """
    global _applied
    if _applied:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    _applied = bool(mallopt(_M_MMAP_THRESHOLD, int(threshold)))
    return _applied


_frozen = False


_trim: object = None  # glibc's malloc_trim, once looked up (False where there is none)


def release_garbage() -> None:
    """Collect cyclic garbage now, and hand the heap's free pages back to the system (glibc's malloc_trim);
    the first call also freezes what is alive (it lives as long as the process)."""
    global _frozen, _trim
    gc.collect()
    if not _frozen:
        gc.freeze()
        _frozen = True
    if _trim is None:
        _trim = False
        if sys.platform.startswith("linux"):
            try:
                _trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
                _trim.argtypes = (ctypes.c_size_t,)  # type: ignore[attr-defined]
            except (OSError, AttributeError):
                _trim = False
    if _trim:
        _trim(0)  # type: ignore[operator]
