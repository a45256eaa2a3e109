"""Long texts checked in bounded pieces, with the result of checking them whole.

A check keeps its work for a text (words, keys, memos, candidates) until it ends, so its
memory would grow with the text without bound. A text longer than
``SPLIT_ABOVE`` characters is checked in pieces of about ``PIECE_CHARS``, cut at line ends
(never inside a line), and the corrections are offset back into one result.

Nothing a check decides crosses a line: a correction lies within one line, and overlaps are
resolved among a line's own candidates. What a check reads beyond a line is bounded: the
words around a span within the context radius, the characters that tell Chinese speech from
English, the word after a span, and the terms the whole document writes out (given once, for
the whole text, by the caller). So each piece is checked with whole lines of context on both
sides, at least ``margin`` characters and up to the first word after the piece, and only the
corrections that start inside the piece are kept: the same corrections as the unsplit check.

>>> text = "a1\\nb22\\nc333\\n"
>>> line_groups(text, 3)
[(0, 3), (3, 7), (7, 12)]
>>> line_groups(text, 100)
[(0, 12)]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .edits import Correction, Result

__all__ = ["MARGIN", "PIECE_CHARS", "SPLIT_ABOVE", "check_in_pieces", "line_groups"]

#: a text longer than this is checked in pieces
SPLIT_ABOVE = 200_000
#: the size a piece reaches before it is cut at the next line end
PIECE_CHARS = 100_000
#: the least context on each side of a piece, in characters: wider than any look-around of a
#: check but the context radius, which the caller adds
MARGIN = 64

_NON_SPACE = re.compile(r"\S")


def line_groups(text: str, size: int) -> list[tuple[int, int]]:
    """Consecutive spans covering ``text``, each made of whole lines and at least ``size``
    characters long but the last (a line longer than that is a span of its own)."""
    spans: list[tuple[int, int]] = []
    a, n = 0, len(text)
    while a < n:
        nl = text.find("\n", a + max(size, 1) - 1)
        b = n if nl < 0 else nl + 1
        spans.append((a, b))
        a = b
    return spans


def check_in_pieces(text: str, check: Callable[[str], Result], *, margin: int = MARGIN,
                    piece_chars: int | None = None, split_above: int | None = None) -> Result:
    """``check(text)``, made piece by piece when ``text`` is longer than ``split_above``
    (default :data:`SPLIT_ABOVE`): each piece of about ``piece_chars`` (default
    :data:`PIECE_CHARS`) is checked with at least ``margin`` characters of whole lines around
    it (see the module's note). ``check`` must judge every part of the text by the same
    document evidence, as ``Corrector.check(part, document=text)`` does."""
    limit = SPLIT_ABOVE if split_above is None else split_above
    if len(text) <= limit:
        return check(text)
    size = PIECE_CHARS if piece_chars is None else piece_chars
    margin = max(margin, MARGIN)
    out: list[Correction] = []
    for a, b in line_groups(text, size):
        lo = text.rfind("\n", 0, max(0, a - margin)) + 1  # (the start of a whole line)
        hi = _context_end(text, b, margin)
        for c in check(text[lo:hi]).corrections:
            if a <= c.start + lo < b:
                out.append(c.model_copy(update={"start": c.start + lo, "end": c.end + lo}))
    return Result(text=text, corrections=tuple(out))


def _context_end(text: str, b: int, margin: int) -> int:
    """The end of the context after a piece ending at ``b``: the end of the line ``margin``
    characters on, or of the line of the first word after the piece, whichever is later."""
    ends = [min(len(text), b + margin)]
    word = _NON_SPACE.search(text, b)
    if word is not None:
        ends.append(word.start())
    nl = text.find("\n", max(ends))
    return len(text) if nl < 0 else nl + 1
