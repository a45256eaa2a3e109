"""Which script the speech around a span is in: Chinese speech with English words switched
in, or English speech. Words stage helpers, asked by the generators and guards that treat
code-switched English otherwise.

>>> text = "我们今天聊 deep seek 的新模型"
>>> cjk_context(text, 6, 15), cjk_context("We talked about deep seek today", 16, 25)
(True, False)
>>> Surroundings(text).chinese(6, 15), script_counts("聊 deep")
(True, (1, 4))
"""

from __future__ import annotations

import string
from functools import lru_cache

from ..segment import CJK_CHARS

__all__ = ["ENGLISH_WORD_SIMILARITY", "GUESSED_SPELLING", "Surroundings", "cjk_context",
           "script_counts"]

#: a single word in English speech needs at least this similarity to become a term (there a
#: real word is far likelier than a mishearing of a name)
ENGLISH_WORD_SIMILARITY = 0.8
#: the least spelling similarity at which, in English speech, a changed word the dictionary
#: lacks counts as the recogniser's guess at the letters of what it becomes (gyanne for
#: Guyenne; not andrology for endocrinology)
GUESSED_SPELLING = 0.7
#: code-switched speech: Chinese characters around a span, and no more than about three
#: English words (this many letters) for each
_LETTERS_PER_CJK = 15


def cjk_context(text: str, start: int, end: int, radius: int = 16) -> bool:
    """Whether the span sits in Chinese speech (code-switched English), not English speech:
    Chinese characters around it, and no more than about three English words (counted in
    letters) for each."""
    return _chinese_speech(script_counts(text[max(0, start - radius):start]),
                           script_counts(text[end:end + radius]))


def script_counts(piece: str) -> tuple[int, int]:
    """(Chinese characters, Latin letters) in ``piece``: counts that add up over pieces (the
    classes :class:`Surroundings` counts over a whole text)."""
    classed = piece.translate(_script_classes())
    return classed.count("c"), classed.count("l")


def _chinese_speech(before: tuple[int, int], after: tuple[int, int]) -> bool:
    """The rule of :func:`cjk_context` on the counts of the text before and after a span."""
    cjk = before[0] + after[0]
    # letters, not words, so that joining "deep seek" into DeepSeek nearby changes nothing
    return cjk > 0 and cjk * _LETTERS_PER_CJK >= before[1] + after[1]


class Surroundings:
    """:func:`cjk_context` for the many windows of one text: the text's characters are
    classed once ("c" a CJK ideograph, "l" a Latin letter, any other character as it is), so
    that the counts before a start and after an end are counts of one letter in a range (in
    C, not a regular expression's list of matches), each made once (windows share starts and
    ends)."""

    __slots__ = ("_after", "_before", "_classes")

    def __init__(self, text: str) -> None:
        self._classes = text.translate(_script_classes())
        self._before: dict[int, tuple[int, int]] = {}
        self._after: dict[int, tuple[int, int]] = {}

    def chinese(self, start: int, end: int, radius: int = 16) -> bool:
        b = self._before.get(start)
        if b is None:
            s = max(0, start - radius)
            b = self._before[start] = (self._classes.count("c", s, start),
                                       self._classes.count("l", s, start))
        a = self._after.get(end)
        if a is None:
            e = end + radius
            a = self._after[end] = (self._classes.count("c", end, e),
                                    self._classes.count("l", end, e))
        return _chinese_speech(b, a)


@lru_cache(maxsize=1)
def _script_classes() -> dict[int, str]:
    """A :meth:`str.translate` table: each CJK ideograph (as :data:`CJK_RE` finds them) to
    "c", each Latin letter to "l" (so no other character becomes either)."""
    table: dict[int, str] = {}
    for k in range(0, len(CJK_CHARS), 3):  # ("a-b" ranges, three characters each)
        assert CJK_CHARS[k + 1] == "-"
        table.update(dict.fromkeys(range(ord(CJK_CHARS[k]), ord(CJK_CHARS[k + 2]) + 1), "c"))
    table.update(dict.fromkeys(map(ord, string.ascii_letters), "l"))
    return table
