"""What one check shares among its stages: the text and its words (made once), the memos of
the window matches (speech repeats itself), the candidates found so far, the spans of terms
written correctly, and an optional :class:`Trace` of the matches a guard held back.

A context lives for one check only, so that a :class:`~asrfix.Corrector` holds no state
that changes while it checks (and can be shared).

>>> from asrfix.segment import Segmenter
>>> ctx = CheckContext.of(Segmenter(), "聊 deep seek")
>>> [w.text for w in ctx.words], ctx.joins, ctx.out, ctx.trace is None
(['聊', 'deep', 'seek'], [True, True], [], True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..edits import Method
from ..index import CompiledTerm
from ..segment import Segmenter
from .candidate import Candidate, PhoneticMatch, PinyinMatch
from .scripts import Surroundings
from .words import Word, words_of

__all__ = ["CheckContext", "HeldMatch", "Trace"]


class HeldMatch(NamedTuple):
    """A match that a guard held back: where, what was heard, the term and its expected
    phones, the similarity, the guard's reason, and how it was matched (by sound, unless
    said otherwise)."""

    start: int
    end: int
    heard: str
    term: CompiledTerm
    similarity: float
    expected: str
    why: str
    method: Method = "phonetic"


@dataclass(slots=True)
class Trace:
    """What the stages record, beyond their candidates, for :func:`asrfix.explain.explain`:
    every match a guard held back, at each of its windows' occurrences."""

    held: list[HeldMatch] = field(default_factory=list)


@dataclass(slots=True)
class CheckContext:
    """The state of one check, passed to every stage (see the module's docstring)."""

    text: str
    words: list[Word]
    starts: list[int]
    ends: list[int]
    #: whether each word may join the next in a window (one fewer than the words)
    joins: list[bool]
    surroundings: Surroundings
    trace: Trace | None = None
    #: the candidates the generators have found
    out: list[Candidate] = field(default_factory=list)
    #: spans of terms written correctly: nothing else may cut into them
    protected: list[tuple[int, int]] = field(default_factory=list)
    #: a Chinese window's matches by its text and word lengths
    pinyin_memo: dict[tuple[object, ...], list[PinyinMatch]] = field(default_factory=dict)
    #: an English or mixed window's matches by its text, words and surroundings
    phone_memo: dict[tuple[object, ...], list[PhoneticMatch]] = field(default_factory=dict)
    #: the index's pinyin look-ups: (syllables, positions kept exact) → term ids
    looked_up: dict[tuple[tuple[str, ...], tuple[int, ...]], set[int]] = field(
        default_factory=dict)

    @classmethod
    def of(cls, segmenter: Segmenter, text: str, trace: Trace | None = None) -> CheckContext:
        """The context of a check of ``text``: its words found, nothing else done yet."""
        words, starts, ends, joins = words_of(segmenter, text)
        return cls(text, words, starts, ends, joins, Surroundings(text), trace)

    def drop(self, c: Candidate, why: str) -> None:
        """Note, where explaining, that a stage drops the candidate ``c`` from :attr:`out`,
        and ``why`` (the caller leaves it out)."""
        if self.trace is not None:
            self.trace.held.append(HeldMatch(c.start, c.end, c.heard, c.term, c.similarity,
                                             c.expected, why, c.method))
