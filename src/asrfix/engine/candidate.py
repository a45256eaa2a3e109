"""What every stage passes on: a :class:`Candidate`, one proposed replacement of a span by a
lexicon term, scored, before overlapping candidates are resolved; and the matches a generator
works out once per window and places at each of its occurrences.

>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> term = TermIndex(Lexicon.from_terms(["DeepSeek"])).terms[0]
>>> c = Candidate(3, 12, term, "DeepSeek", 0.97, "format", "deepseek", "deepseek", 1.0)
>>> (c.start, c.end, c.replacement, c.notes, c.cap_suggestion)
(3, 12, 'DeepSeek', (), False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from ..edits import Method
from ..index import CompiledTerm

__all__ = ["Candidate", "Overlaps", "PhoneticMatch", "PinyinMatch", "Span"]


@dataclass(slots=True)
class Candidate:
    """A proposed replacement before overlap resolution (lean: made by the thousand)."""

    start: int
    end: int
    term: CompiledTerm
    replacement: str
    score: float
    method: Method
    heard: str
    expected: str
    similarity: float
    notes: tuple[str, ...] = ()
    cap_suggestion: bool = False


#: a Chinese term matched by pinyin: (term, similarity, heard, expected, notes, whether it may
#: only be suggested)
PinyinMatch = tuple[CompiledTerm, float, str, str, tuple[str, ...], bool]


#: an English term matched by sound: (term, score, expected phones, similarity, notes,
#: whether it may only be suggested)
PhoneticMatch = tuple[CompiledTerm, float, str, float, tuple[str, ...], bool]


class Span(Protocol):
    """Anything with a start and an end offset (a candidate, a correction)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


class Overlaps(Generic[S]):
    """The spans (candidates, corrections) that overlap a span, found by bisection among
    those starting near it (none is longer than the longest), not by a scan of all: a long
    text has thousands.

    >>> from collections import namedtuple
    >>> At = namedtuple("At", "start end")
    >>> Overlaps([At(0, 4), At(3, 9), At(10, 12)]).of(5, 10)
    [At(start=3, end=9)]
    """

    def __init__(self, spans: Iterable[S]) -> None:
        self._by_start = sorted(spans, key=attrgetter("start"))
        self._starts = [x.start for x in self._by_start]
        self._longest = max((x.end - x.start for x in self._by_start), default=0)

    def of(self, start: int, end: int) -> list[S]:
        """The spans overlapping ``start:end``, in order of their starts."""
        lo = bisect_right(self._starts, start - self._longest)
        return [x for x in self._by_start[lo:bisect_left(self._starts, end)] if x.end > start]
