"""Pausing the garbage collector around work that allocates many objects and frees none
of them as cycles (the pattern Mercurial calls ``nogc``).

CPython runs a full collection whenever the objects that survived younger collections
reach a quarter of the long-lived ones: checking a long text keeps a word object per word
alive until it ends, so every check would also scan the whole index for cycles that are
not there. The collector's previous state is restored on exit, and nothing else changes.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic garbage collector inside the block (reference counting still
    frees everything as usual); re-enable it afterwards if it was enabled before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
