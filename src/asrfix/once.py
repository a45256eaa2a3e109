"""Values loaded once per process, safely from any number of threads.

A table that costs a noticeable time or memory to load (the pronouncing dictionary, pypinyin's
readings) is loaded by the first caller; callers arriving meanwhile wait for it rather than
load a second copy, and later calls read it without taking the lock.

>>> calls = []
>>> @once
... def table() -> dict[str, int]:
...     calls.append(1)
...     return {"a": 1}
>>> table() is table(), len(calls)
(True, 1)
>>> table.cache_clear()
>>> _ = table(); len(calls)
2
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Once", "once"]

T = TypeVar("T")


class Once(Generic[T]):
    """The value of ``load()``, made by the first call (double-checked under a lock)."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._value: tuple[T] | None = None
        self.__wrapped__ = load
        self.__doc__ = load.__doc__

    def __call__(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    value = self._value = (self._load(),)
        return value[0]

    def cache_clear(self) -> None:
        """Forget the value: the next call loads it again."""
        with self._lock:
            self._value = None


def once(load: Callable[[], T]) -> Once[T]:
    """Decorate a function of no arguments whose value is loaded once (see :class:`Once`)."""
    return Once(load)
