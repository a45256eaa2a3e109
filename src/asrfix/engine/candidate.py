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

from dataclasses import dataclass

from ..edits import Method
from ..index import CompiledTerm

__all__ = ["Candidate", "PhoneticMatch", "PinyinMatch"]


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
