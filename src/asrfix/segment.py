"""Mixed-script segmentation with exact code-point offsets.

A text is split into runs: CJK (then into words by a private :class:`jieba.Tokenizer`),
Latin words (letters, digits and inner apostrophes), digit runs, spaces and everything else.
Offsets always point into the caller's original string.

>>> from asrfix.segment import Segmenter
>>> [t.text for t in Segmenter().tokenize("我用 GPT-4 写code") if t.is_word]
['我', '用', 'GPT', '4', '写', 'code']
"""

from __future__ import annotations

import re
import threading
from math import log
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    import jieba

    from .jieba_dict import ShardedDictionary

__all__ = ["CJK_CHARS", "CJK_RE", "DECIMAL_POINTS", "Segmenter", "Token", "TokenKind", "has_cjk"]

TokenKind = Literal["cjk", "latin", "digit", "space", "punct"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: the CJK ideograph ranges, for character classes elsewhere
CJK_CHARS = _CJK
CJK_RE = re.compile(f"[{_CJK}]")
#: the decimal points a number may be written with, half and full width (4.6, 5．1)
DECIMAL_POINTS = ".．"
_RUN = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    r"|(?P<latin>[A-Za-z]+(?:['’](?![sS]\b)[A-Za-z]+)*)"
    rf"|(?P<digit>[0-9]+(?:[{DECIMAL_POINTS}][0-9]+)*)"  # (a version, 4.6, is one number)
    r"|(?P<space>[ \t\u3000\u00a0]+)"
    r"|(?P<punct>.)",
    re.S,
)


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains a CJK ideograph."""
    return CJK_RE.search(text) is not None


class Token(NamedTuple):
    """One token: its text, code-point span and kind (a named tuple: a text has tens of
    thousands, and a tuple is made faster than a frozen dataclass)."""

    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def is_word(self) -> bool:
        return self.kind in ("cjk", "latin", "digit")


class Segmenter:
    """Splits text into tokens. Owns its jieba tokenizer, created on first CJK text.

    The tokenizer is jieba's plain dictionary: segmentation does not depend on the lexicon,
    so a term is judged by the same word boundaries whatever else the lexicon holds.
    """

    def __init__(self) -> None:
        self._jieba: jieba.Tokenizer | None = None
        self._lazy: ShardedDictionary | None = None
        self._whole: dict[str, float] | None = None  # (without the lazy dictionary)
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        return {"_jieba": None, "_lazy": None, "_whole": None}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        """The tokenizer, loaded by the first caller; threads asking meanwhile wait for it,
        and see it only once its dictionary (``_lazy``) and table (``_whole``) are set."""
        tk = self._jieba
        if tk is None:
            with self._lock:
                tk = self._jieba
                if tk is None:
                    from .jieba_dict import load_tokenizer, log_probabilities

                    tk, self._lazy = load_tokenizer()
                    if self._lazy is None:  # (no cache: the whole dictionary's table, once)
                        self._whole = log_probabilities(tk.FREQ, tk.total)
                    self._jieba = tk
        return tk

    def word_frequency(self, word: str) -> int:
        """How often jieba's dictionary has seen ``word`` (0 when it is not a word)."""
        tk = self.tokenizer
        lazy = self._lazy
        if lazy is not None and word[:1] not in lazy.loaded:
            lazy.ensure(word[:1])
        return int(tk.FREQ.get(word, 0) or 0)

    def tokenize(self, text: str) -> list[Token]:
        """All tokens of ``text``, in order, covering it exactly."""
        return [Token(*p) for p in self.pieces(text)]

    def pieces(self, text: str) -> list[tuple[str, int, int, TokenKind]]:
        """:meth:`tokenize` as plain tuples (text, start, end, kind), for hot loops."""
        out: list[tuple[str, int, int, TokenKind]] = []
        cutter: _Cutter | None = None
        for m in _RUN.finditer(text):
            kind = m.lastgroup
            s = m.start()
            if kind == "cjk":
                if cutter is None:
                    tk = self.tokenizer
                    if self._lazy is not None:
                        self._lazy.ensure(text)
                        table = self._lazy.log_probability
                    else:  # (no cache: jieba's whole dictionary, worked out once)
                        assert self._whole is not None
                        table = self._whole
                    cutter = _Cutter(table.get, log(tk.total))
                cutter.cut_into(m.group(), s, out)
            else:
                out.append((m.group(), s, m.end(), kind))  # type: ignore[arg-type]
        return out


def cut(run: str, tk: jieba.Tokenizer) -> list[tuple[str, int, int]]:
    """jieba's segmentation of a run of CJK characters without its HMM, word for word the
    same as ``tk.tokenize(run, HMM=False)`` (tested against it), faster: the
    dictionary graph and the best route are found in one backward pass over plain lists,
    where jieba builds a dict of lists and takes a ``max`` over a generator per character,
    and each word's log probability is read from a table (a :class:`Segmenter` keeps one for
    the dictionary's loaded parts; here, each is worked out as it is asked for).

    >>> import jieba
    >>> tk = jieba.Tokenizer()
    >>> tk.initialize()
    >>> [w for w, _, _ in cut("我们在研究机器学习", tk)]
    ['我们', '在', '研究', '机器', '学习']
    >>> cut("我们在研究机器学习", tk) == list(tk.tokenize("我们在研究机器学习", HMM=False))
    True
    """
    from .jieba_dict import log_probability_of

    out: list[tuple[str, int, int, TokenKind]] = []
    _Cutter(log_probability_of(tk.FREQ, tk.total), log(tk.total)).cut_into(run, 0, out)
    return [(w, s, e) for w, s, e, _ in out]


class _Cutter:
    """What cutting needs, read once for all the runs of a text: the look-up of each word's
    (and word prefix's) log probability, as :func:`~asrfix.jieba_dict.log_probabilities`
    gives them."""

    __slots__ = ("get", "han", "logtotal")

    def __init__(self, get: Callable[[str], float | None], logtotal: float) -> None:
        import jieba

        self.han = jieba.re_han_default
        self.get = get
        self.logtotal = logtotal

    def cut_into(self, run: str, offset: int,
                 out: list[tuple[str, int, int, TokenKind]]) -> None:
        """:func:`cut`, appending each word to ``out`` as a piece (text, start, end, "cjk"),
        its offsets counted from ``offset``: the form :meth:`Segmenter.pieces` returns."""
        han = self.han
        # (a run wholly inside jieba's range, the usual case, is one block)
        for block in (run,) if han.fullmatch(run) else han.split(run):
            if not block:
                continue
            if not han.match(block):  # characters outside jieba's range: one token each
                for ch in block:
                    out.append((ch, offset, offset + 1, "cjk"))
                    offset += 1
                continue
            _cut_block(block, self.get, self.logtotal, offset, out)
            offset += len(block)


def _cut_block(block: str, get: Callable[[str], float | None], logtotal: float, pos: int,
               out: list[tuple[str, int, int, TokenKind]]) -> None:
    """The words of one block of jieba's range, by the best route through jieba's
    dictionary graph, appended to ``out`` from offset ``pos`` (``get``: a word's log
    probability, ``PREFIX`` for a prefix of words only, ``None`` for neither)."""
    n = len(block)
    score = [0.0] * (n + 1)
    end = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        best, best_end = 0.0, -1
        i = k
        frag = block[k]
        while (p := get(frag)) is not None:  # frag is a word or a word's prefix
            if p <= 0.0:  # a word (not only a prefix): a route through it
                sc = p + score[i + 1]
                if best_end < 0 or sc >= best:  # ties: the longer word, as jieba's max
                    best, best_end = sc, i
            i += 1
            if i == n:
                break
            frag = block[k:i + 1]
        if best_end < 0:  # no word starts here: the character alone
            best, best_end = -logtotal + score[k + 1], k
        score[k], end[k] = best, best_end
    k = 0
    while k < n:
        e = end[k] + 1
        out.append((block[k:e], pos + k, pos + e, "cjk"))
        k = e
