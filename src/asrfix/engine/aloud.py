"""Candidates said aloud: a window that is one of a term's spoken forms (``c 加加`` for
C++, ``GPT 三点五`` for GPT-3.5, ``vue dot js`` for Vue.js; :mod:`asrfix.sayings`), found
in the exact table (:func:`~asrfix.engine.exact.exact`) and judged here (method
"spoken"). The whole reading must match, so a bare number or symbol never does.

A form with a head word of two letters or more (GPT, vue) beside what is read aloud is
specific: a fix. One letter with a symbol (``c 加加``) is a fix in Chinese speech only; in
English speech, where ``c sharp`` is also a note, a suggestion, and never after a letter that
is an English word (``a plus``), nor before major or minor (``c sharp minor``, a key). An
``&`` read as a bare ``n`` (``sgna`` for SG&A) is matched only in one word not written in
capitals, after a head of two letters or more (``png`` is no P&G). One
letter and one digit (R1, ``R 一``) is too short to be
told by its reading: never proposed here. A whole number read at the end of the window and
followed, in English speech, by a plural noun (``python three years``), or, in Chinese
speech, by a measure word (``windows 十台``, ``iphone 十五个``), is a count, not a version:
the window is protected, so that no other generator proposes the term there either.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> from asrfix.engine.exact import exact
>>> index, seg = TermIndex(Lexicon.from_terms(["C++", "GPT-3.5"])), Segmenter()
>>> ctx = CheckContext.of(seg, "用 c 加加 和 GPT 三点五")
>>> exact(index, Config(), seg, ctx, "c 加加", "c加加", 2, 6, 1)
>>> exact(index, Config(), seg, ctx, "GPT 三点五", "gpt三点五", 9, 16, 1)
>>> [(c.replacement, c.method, c.score) for c in ctx.out]
[('C++', 'spoken', 0.93), ('GPT-3.5', 'spoken', 1.0)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..index import CompiledTerm, squash
from ..phonetics import CHINESE_NUMERALS, is_function_word, known_word
from ..readings import LANGUAGES, readings
from ..segment import CJK_RE
from .candidate import Candidate
from .context import CheckContext
from .scripts import cjk_context

__all__ = ["MEASURE_WORDS", "SCORE_ONE_LETTER", "SCORE_ONE_LETTER_ENGLISH", "SCORE_SPECIFIC",
           "said_aloud", "whole_readings"]

#: a spoken form with a head word of two letters or more: a fix, as sure as a window that
#: sounds exactly as the term (and, being longer, preferred to it trimmed: ``三`` → ``3``)
SCORE_SPECIFIC = 1.0
#: one letter and what is read aloud, in Chinese speech: a fix
SCORE_ONE_LETTER = 0.93
#: one letter and what is read aloud, in English speech: a suggestion
SCORE_ONE_LETTER_ENGLISH = 0.8
_HEAD = re.compile(r"[^\W\d_]{2}")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_MINOR = re.compile(r"\.\d+$")
#: measure words and units, which follow a Chinese number that counts (十台, 三个, 五年,
#: 三小时), each a word of its own: a number read aloud before one is a count, not a term's
#: version
MEASURE_WORDS = frozenset("个台次年岁天块元人位本张件条只家份种遍倍周月号秒分") | {"小时", "星期"}
#: no window said aloud is longer than this many characters (a window's words are few)
_LONGEST_READING = 200


def said_aloud(ctx: CheckContext, ct: CompiledTerm, form: str, span: str, start: int,
               end: int) -> None:
    """The window ``span`` at ``start:end``, spelled as the term's spoken ``form``: a
    "spoken" candidate, unless English speech says something else with it."""
    text = ctx.text
    chinese = bool(CJK_RE.search(span)) or cjk_context(text, start, end)
    specific = bool(_HEAD.search(ct.canonical))
    if _letter_and_digit(ct.canonical):
        return  # "R 一" is as often two letters heard (R L) as R1
    if _reduced_and(form, ct.canonical) and (
            not specific or span.isupper() or not (span.isascii() and span.isalpha())):
        # "sgna" is SG&A heard; "SGNA" in capitals is written so, "on M" is words, and
        # a letter, n, a letter is as often a name of its own (png, dnd, snp)
        return
    if not specific and _names_a_key(text, end):
        ctx.protected.append((start, end))
        return  # "c sharp minor", "c sharp 小调": a key, not C#
    # a version's decimal point unsaid ("GPT four one"): maybe two numbers, a suggestion
    unsaid = bool(_MINOR.search(ct.canonical)) and not _point_said(form)
    if _counts_something(text, end, span, ct.canonical, unsaid, _next_word(ctx, end, chinese)):
        ctx.protected.append((start, end))
        return  # "python three years", "windows 十台": a count, whatever else it sounds like
    if not chinese and not specific and is_function_word(_first_letter(ct.canonical)):
        return  # "a one" is not A1
    if specific and not unsaid:
        score = SCORE_SPECIFIC
    else:
        score = SCORE_ONE_LETTER if chinese and not unsaid else SCORE_ONE_LETTER_ENGLISH
    words = not chinese and all(known_word(w) for w in span.split())
    ctx.out.append(Candidate(start, end, ct, ct.canonical, score, "spoken", squash(span),
                             squash(form), 1.0, (f"said aloud as {form!r}",),
                             # ("the top ten list": words, in English)
                             cap_suggestion=words or unsaid))


def whole_readings(cands: list[Candidate]) -> list[Candidate]:
    """``cands`` less the candidates of a term that lie inside a window said aloud as that
    term: ``c`` of ``c 加加`` is part of the reading of C++, not C++ (replaced by it, the
    text would read ``C++ 加加``), whatever score it gets."""
    said: dict[int, list[tuple[int, int]]] = {}
    for c in cands:
        if c.method == "spoken":
            said.setdefault(c.term.id, []).append((c.start, c.end))
    if not said:
        return cands
    for spans in said.values():
        spans.sort()
    return [c for c in cands if c.method == "spoken" or not _inside(said.get(c.term.id), c)]


def _inside(spans: list[tuple[int, int]] | None, c: Candidate) -> bool:
    """Whether ``c`` lies inside one of ``spans`` (sorted; not the same span)."""
    if not spans:
        return False
    k = bisect_right(spans, (c.start, 1 << 62)) - 1
    while k >= 0:  # (spans starting at or before c, nearest first)
        s, e = spans[k]
        if e >= c.end and (s, e) != (c.start, c.end):
            return True
        if c.start - s > _LONGEST_READING:
            return False
        k -= 1
    return False


def _next_word(ctx: CheckContext, end: int, chinese: bool) -> str | None:
    """In Chinese speech, the word after the window, over spaces of any width at most; ""
    where there is none, or punctuation or a line break comes first (a subtitle's next line
    may begin anything); ``None`` in English speech.

    >>> from asrfix.segment import Segmenter
    >>> ctx = CheckContext.of(Segmenter(), "windows 十 台，iphone 十\\n台积电")
    >>> _next_word(ctx, 9, True), _next_word(ctx, 20, True), _next_word(ctx, 9, False)
    ('台', '', None)
    """
    if not chinese:
        return None
    k = bisect_left(ctx.starts, end)
    gap = ctx.text[end:ctx.starts[k]] if k < len(ctx.words) else "\n"
    if gap.strip() or "\n" in gap or "\r" in gap:
        return ""  # (no word next, or punctuation or a line break before it)
    return ctx.words[k].text


def _counts_something(text: str, end: int, span: str, canonical: str, unsaid: bool,
                      next_word: str | None) -> bool:
    """Whether a whole number read in words ends the window and counts what follows it:
    in English speech a plural noun (``three years``); in Chinese speech (``next_word``, the
    word after the window), a measure word or unit (``十`` before ``台``, ``三`` before
    ``小时``; :data:`MEASURE_WORDS`), not a longer word that begins with one (``家庭版``)
    (``unsaid``: the term's decimal point is not said in the window).

    >>> _counts_something("windows 十台", 9, "windows 十", "Windows 10", False, "台")
    True
    >>> _counts_something("windows 十台式机", 9, "windows 十", "Windows 10", False, "台式机")
    False
    """
    if not (canonical[-1:].isdigit() and span[-1:].isalpha()) or (
            _MINOR.search(canonical) and not unsaid):
        return False  # (three point eleven is a version; "three twelve years" a count)
    if next_word is not None:
        return span[-1] in CHINESE_NUMERALS and next_word in MEASURE_WORDS
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return (len(word) > 3 and word.endswith("s") and known_word(word)
            and not is_function_word(word))


def _reduced_and(form: str, canonical: str) -> bool:
    """Whether a spoken form reads the term's ``&`` as a bare ``n`` (``sg n a`` for SG&A),
    as speech reduces "and": a run of letters an ASR writes in lower case (``sgna``), and a
    writer in capitals on purpose.

    >>> _reduced_and("sg n a", "SG&A"), _reduced_and("sg and a", "SG&A")
    (True, False)
    """
    return "&" in canonical and "n" in form.split()


#: what follows a note to name a key: a note with its sharp read aloud is one letter and a
#: symbol, as C# and F# are
_KEY = re.compile(r"[ \t]*(?:(?:major|minor)(?![A-Za-z])"
                  r"(?![ \t]+(?:version|release|update|upgrade|bump)s?(?![A-Za-z]))|[大小]调)",
                  re.IGNORECASE)


def _names_a_key(text: str, end: int) -> bool:
    """Whether the window ending at ``end`` is followed by major or minor (大调, 小调):
    a musical key, whose note is a letter and its sharp (not a major version or release).

    >>> _names_a_key("c sharp minor很难弹", 7), _names_a_key("c sharp 写的服务", 7)
    (True, False)
    >>> _names_a_key("c sharp majority", 7), _names_a_key("c sharp major release", 7)
    (False, False)
    """
    return _KEY.match(text, end) is not None


def _point_said(form: str) -> bool:
    """Whether a spoken form says the decimal point (``three point eleven``, ``三 点 一一``)."""
    words = form.lower().split()
    table = readings()
    return any(p in words for lang in LANGUAGES for p in table.point(lang) if p)


def _letter_and_digit(canonical: str) -> bool:
    """Whether the term is one letter and one digit (R1, 4o): too short to be told by its
    reading alone."""
    alnum = [ch for ch in canonical if ch.isalnum()]
    return len(alnum) <= 2 and any(ch.isdigit() for ch in alnum)


def _first_letter(canonical: str) -> str:
    return next((ch for ch in canonical if ch.isalpha()), "")
