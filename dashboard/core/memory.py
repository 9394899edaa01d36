"""Memory habits for building many long-lived objects: the collector paused, memory handed back."""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived objects, and keep
    its later full passes off them.

    Loading 100,000 claims creates millions of containers and no garbage cycles; with the
    collector on, its full passes over everything already loaded cost more than the parsing.
    Once built, what is alive is frozen (``gc.freeze``): the collector's next full pass, due
    right after so many allocations, took 0.4 s at 100,000 claims, and each later one as long,
    landing in a reload or a page's rerun. Frozen objects are still freed when no longer
    referenced; only garbage cycles among them would stay, and the data makes none.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def release_free_memory() -> None:
    """Hand memory that was freed back to the system (glibc only; elsewhere nothing).

    Building 100,000 claims' table frees about as much as it keeps, in pieces glibc holds on
    to; a long-running server would otherwise carry that for its lifetime.
    """
    global _TRIM
    if _TRIM is None:
        try:
            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim if sys.platform.startswith("linux") else 0
        except (OSError, AttributeError):
            _TRIM = 0
    if _TRIM:
        _TRIM(0)


_TRIM: Any = None
