"""Pausing the garbage collector around work that allocates many objects and frees none
of them as cycles (the pattern Mercurial calls ``nogc``).

CPython runs a full collection whenever the objects that survived younger collections
reach a quarter of the long-lived ones: checking a long text keeps many small objects (its
words, their keys, memos of matches) alive until it ends, so every check would also scan
the whole index for cycles that are not there. The collector's previous state is restored
on exit, and nothing else changes.

The collector belongs to the whole process, so pausing it is a side effect on the program
that calls asrfix: :func:`paused_gc` does nothing unless pausing has been switched on, by
:func:`enabled` around a block or :func:`enable` for the rest of the process. The command
line switches it on for its run, and each worker process of ``asrfix check --jobs`` for its
life; a library caller may do the same.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
True
>>> with enabled(), paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["enable", "enabled", "is_enabled", "paused_gc"]


class _Pause:
    """The pauses in progress in the process: the collector is one for every thread, so the
    first pause to begin disables it and notes whether it was enabled, and the last to end
    restores that (a thread that left its block must not re-enable it under another still
    in one)."""

    lock = threading.Lock()
    depth = 0
    was_enabled = False
    #: how many :func:`enabled` blocks are open (plus one for good after :func:`enable`)
    allowed = 0


@contextmanager
def enabled() -> Iterator[None]:
    """Let :func:`paused_gc` pause the collector inside the block (in any thread: the
    collector is the process's)."""
    with _Pause.lock:
        _Pause.allowed += 1
    try:
        yield
    finally:
        with _Pause.lock:
            _Pause.allowed -= 1


def enable() -> None:
    """Let :func:`paused_gc` pause the collector from now on, in this process: for a process
    that runs only asrfix, such as a worker of ``asrfix check --jobs``."""
    with _Pause.lock:
        _Pause.allowed += 1


def is_enabled() -> bool:
    """Whether :func:`paused_gc` pauses the collector now."""
    return _Pause.allowed > 0


@contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """Disable the cyclic garbage collector inside the block (reference counting still
    frees everything as usual); re-enable it afterwards if it was enabled before. Does
    nothing at all (neither pauses nor freezes) unless pausing is switched on
    (:func:`enabled`, :func:`enable`).

    Safe from many threads: the collector stays disabled while any thread is inside a
    block, and the state it had before the first of them began comes back when the last one
    ends. Other threads of the process run without the collector meanwhile, as they would
    under :func:`gc.disable`.

    ``freeze``: also move every object alive at the end of the block out of the collector's
    sight (:func:`gc.freeze`) before it runs again. For an application that loads a large
    lexicon once and keeps it until it exits, as the command line does: the first collection
    after the pause would otherwise scan every object of the lexicon and the index, and
    every full collection later would scan the lexicon's records again. A library call never
    freezes on its own: it would freeze the caller's objects too.
    """
    if not is_enabled():
        yield
        return
    with _Pause.lock:
        if _Pause.depth == 0:
            _Pause.was_enabled = gc.isenabled()
            gc.disable()
        _Pause.depth += 1
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        with _Pause.lock:
            _Pause.depth -= 1
            if _Pause.depth == 0 and _Pause.was_enabled:
                gc.enable()
