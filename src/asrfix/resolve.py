"""Overlap resolution: choose the best non-overlapping set of candidates.

Candidates are taken greedily by score, then by span length (a longer match explains more
of the text), then by position, then by the order of the candidate list (so that, of two terms
that tie, the one listed first in the lexicon wins); a candidate that overlaps one already
taken is dropped.
The result is sorted by position.

>>> from types import SimpleNamespace as C
>>> picked = resolve([C(start=0, end=4, score=0.8), C(start=2, end=6, score=0.9),
...                   C(start=6, end=8, score=0.75)])
>>> [(c.start, c.end) for c in picked]
[(2, 6), (6, 8)]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, TypeVar

__all__ = ["resolve"]


class _Span(Protocol):
    start: int
    end: int
    score: float


S = TypeVar("S", bound=_Span)


def resolve(candidates: Iterable[S], min_score: float = 0.0) -> list[S]:
    """The best non-overlapping candidates scoring at least ``min_score``, in text order."""
    ranked = sorted(  # sorted() is stable: ties keep the candidates' order
        (c for c in candidates if c.score >= min_score and c.end > c.start),
        key=lambda c: (-c.score, -(c.end - c.start), c.start),
    )
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[S] = []
    for c in ranked:
        k = bisect.bisect_right(starts, c.start)
        if k > 0 and ends[k - 1] > c.start:
            continue
        if k < len(starts) and starts[k] < c.end:
            continue
        starts.insert(k, c.start)
        ends.insert(k, c.end)
        chosen.insert(k, c)
    return chosen
