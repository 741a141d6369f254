"""Keep a long-running process's memory flat.

spaCy's parser allocates NumPy buffers of many sizes for every batch. glibc's malloc raises its
mmap threshold each time such a buffer is freed, after which the buffers come from the heap,
which fragments: resident memory then creeps up with the number of articles coded. Pinning the
threshold keeps large buffers in their own mappings, returned to the system as soon as they are
freed (measured in benchmarks/speed.py: peak RSS at 1k and 10k articles).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

__all__ = ["steady_heap"]

_M_MMAP_THRESHOLD = -3  # mallopt parameter number in glibc's malloc.h
_applied = False


def steady_heap(threshold: int = 128 * 1024) -> bool:
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
