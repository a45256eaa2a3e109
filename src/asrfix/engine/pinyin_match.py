"""Candidates by pinyin: Chinese terms that sound like a Chinese window (尧舜禹 → 姚顺雨), like a
stretch that cuts a jieba word (栓皮栗|树 → 栓皮栎), or that are written in pinyin inside
Chinese speech (yang zhilin → 杨植麟).

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> index = TermIndex(Lexicon.from_terms(["姚顺雨"]))
>>> ctx = CheckContext.of(Segmenter(), "请到了尧舜禹")
>>> [w.text for w in ctx.words]
['请', '到', '了', '尧舜禹']
>>> w = ctx.words[3]
>>> pinyin_window(index, Config(), ctx, "尧舜禹", w.syllables, 3, 6, [w], w.folded)
>>> [(c.replacement, c.heard, c.score) for c in ctx.out]
[('姚顺雨', 'yao shun yu', 1.0)]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from operator import attrgetter, itemgetter

from ..config import Config
from ..index import CompiledTerm, TermIndex
from ..phonetics import is_function_word
from ..pinyin import split_syllables
from ..scoring import FOLDED_SYLLABLE, pinyin_similarity, syllable_floor, syllable_similarity
from ..segment import Segmenter
from .candidate import Candidate, PinyinMatch
from .context import CheckContext
from .scripts import cjk_context
from .words import Word

__all__ = ["pinyin_inside_words", "pinyin_spelled", "pinyin_window"]

_FOLDED = attrgetter("folded")
_SYLLABLES = attrgetter("syllables")
_TEXT = attrgetter("text")


def pinyin_window(index: TermIndex, config: Config, ctx: CheckContext, span: str,
                  syl: tuple[str, ...], start: int, end: int, window: list[Word],
                  folded: tuple[str, ...]) -> None:
    """Chinese terms that sound like the window. A window's matches depend only on its
    text and its word boundaries, so they are scored once per check (speech repeats
    itself) and only placed at each occurrence.

    The window loops never send a window that is one frequent word (资源, 公园: far
    likelier than a homophone term), asking before they call."""
    looked_up, memo = ctx.looked_up, ctx.pinyin_memo
    # (a short term may not differ in a syllable of another sound: the index screens
    # those out by the syllable its wild card stands for; _pinyin_matches holds the rule)
    near = syllable_floor(len(syl))
    hits = looked_up.get((syl, ()))
    if hits is None:
        hits = looked_up[syl, ()] = index.pinyin_candidates(syl, folded, near=near)
    if not hits:
        return
    key = (span, *(len(w.text) for w in window))
    found = memo.get(key)
    if found is None:
        kept = _kept_syllables(config, syl, window)
        if kept and len(syl) >= 3:  # a term may not differ where the window is kept
            fixed = tuple(p for a, b, _ in kept for p in range(a, b))
            hits = looked_up.get((syl, fixed))
            if hits is None:
                hits = looked_up[syl, fixed] = index.pinyin_candidates(
                    syl, folded, fixed, near)
        found = memo[key] = _pinyin_matches(index, config, span, syl, window, hits, kept)
    add = ctx.out.append
    for ct, sim, heard, expected, notes, cap in found:
        add(Candidate(start, end, ct, ct.canonical, sim, "pinyin", heard, expected, sim, notes,
                      cap))


def _kept_syllables(config: Config, syl: tuple[str, ...],
                    window: list[Word]) -> list[tuple[int, int, tuple[str, ...]]]:
    """The syllable ranges of a short window that a term must share exactly: a frequent
    word inside it (直接 in 里直接) was not misheard, nor a function character beside other
    words (从 in 从那里)."""
    if len(window) == 1 or len(syl) > 3:
        return []
    exact_parts, function = _common_parts(config, window)
    return [(a, b, syl[a:b]) for a, b in exact_parts] + [
        (a, a + 1, syl[a:a + 1]) for a in function]


def _common_parts(config: Config,
                  window: list[Word]) -> tuple[list[tuple[int, int]], list[int]]:
    """Syllable ranges of the window's words that are frequent words of their own, and
    the positions of its function characters (从, 有, 很: heard reliably)."""
    parts = []
    function = []
    pos = 0
    for w in window:
        n = len(w.syllables)
        if n > 1 and w.freq >= config.common_word_frequency:
            parts.append((pos, pos + n))
        elif n == 1 and w.freq >= config.function_word_frequency:
            function.append(pos)
        pos += n
    return parts, function


def _pinyin_matches(index: TermIndex, config: Config, span: str, syl: tuple[str, ...],
                    window: list[Word], hits: set[int],
                    kept: list[tuple[int, int, tuple[str, ...]]]) -> list[PinyinMatch]:
    """The terms among ``hits`` that the window sounds like, with their notes: the guards
    that tell a homophone term from plain speech are here."""
    cfg = config
    n_tokens = len(window)
    function = _function_positions(window, cfg.function_word_frequency) \
        if n_tokens > 1 else []
    word = n_tokens == 1 and window[0].freq > 0
    found: list[PinyinMatch] = []
    heard = " ".join(syl)
    terms = index.terms
    compiled = terms.compiled
    # the kept syllables, picked in C from each term's (a tuple, or one syllable)
    pick = itemgetter(*(p for a, b, _ in kept for p in range(a, b))) if kept else None
    want = pick(syl) if pick else None
    syllables_of, term_syllables = index.syllables_of.get, index.term_syllables
    floor = syllable_floor(len(syl))
    for tid in sorted(hits):
        # (screened by their syllables before they are compiled: most fail)
        ts = syllables_of(tid) or term_syllables(tid)
        if pick and pick(ts) != want:
            continue
        # (the cached similarity, mapped in C: 1.0 where the syllables are equal)
        per = [1.0] * len(syl) if ts == syl else list(map(syllable_similarity, syl, ts))
        if floor and min(per) < floor:
            continue  # one syllable is simply another sound (long terms may lose one)
        ct = compiled(tid) or terms[tid]
        if span == ct.canonical:
            continue
        sim = sum(per) / len(per)
        if len(ts) == 2 and (sim < 0.95 or (min(per) < 1.0 and (n_tokens > 1 or word))):
            continue  # two-syllable terms: at most one fuzzy fold, inside one word that
            # the dictionary does not know (防滑 is a word of its own, not 泛化)
        if len(ts) == 2 and function and len(span) == len(ct.canonical) and any(
                ct.canonical[p] != span[p] for p in function):
            continue  # nor a function character of two words (里问 is no 李文; 小俊 may
            # be 小珺; in longer terms 痛风时 is 痛风石)
        if word and min(per) < FOLDED_SYLLABLE:
            continue  # a word of the dictionary with a syllable of another sound
            # (中心化 is no 郑欣华)
        if function and len(ts) <= 3 and min(per) < FOLDED_SYLLABLE:
            continue  # a short window with a function character: plain speech unless
            # every syllable sounds as the term's (是先有 is no 史娟佑)
        if sim < cfg.min_score:
            continue
        tier = _tier(cfg, ct, span, ts, syl, per, window, word)
        if tier is not None:
            found.append((ct, sim, heard, " ".join(ts), *tier))
    return found


def _tier(config: Config, ct: CompiledTerm, span: str, ts: tuple[str, ...],
          syl: tuple[str, ...], per: list[float], window: list[Word],
          word: bool) -> tuple[tuple[str, ...], bool] | None:
    """A pinyin match's notes, and whether it may only be suggested; ``None`` where a
    short name of letters is plain speech (提醒太 is no T 型台)."""
    same = sum(a == b for a, b in zip(span, ct.canonical, strict=False))
    notes: tuple[str, ...] = (f"{same} character(s) shared",) if same else ()
    cap = False
    if word and ts != syl:
        # a word of the dictionary that only sounds near the term: a suggestion
        # (神经网络 is no 盛金网络 however close; 惊艳 no 金燕)
        cap, notes = True, (*notes, "a dictionary word, not the term's exact sound")
    elif len(ts) == 2 and word:
        # two syllables are as often a word as a name: applied unattended only where
        # the heard form is no word of the dictionary (正至 for 郑智, not 要强 for 姚强)
        cap, notes = True, (*notes, "a dictionary word of two syllables")
    elif _frequent_word_astray(config, window, per):
        # a frequent word heard whole, where the term sounds otherwise (科学家 is no 科学院)
        cap, notes = True, (*notes, "a frequent word with a syllable of another sound")
    if ct.term.lang == "mixed":  # (V 型 heard as 微型: a letter's sound is a guess)
        if syllable_floor(len(ts)) and any(
                w.freq >= (config.common_word_frequency if len(w.text) > 1
                           else config.function_word_frequency) for w in window):
            return None
        cap, notes = True, (*notes, _LETTERS_HEARD)
    return notes, cap


def _frequent_word_astray(config: Config, window: list[Word], per: list[float]) -> bool:
    """Whether a syllable the term does not share lies in a frequent word of the window
    (two characters or more)."""
    pos = 0
    for w in window:
        n = len(w.syllables)
        if n > 1 and w.freq >= config.common_word_frequency and min(per[pos:pos + n]) < 1.0:
            return True
        pos += n
    return False


#: the note on a name of letters and Chinese characters matched by its letters' syllables
_LETTERS_HEARD = "its letters heard as Chinese syllables"


def _function_positions(window: list[Word], function_frequency: int) -> list[int]:
    """Character positions of the window's function characters (words of one character at
    least ``function_frequency`` frequent)."""
    found = []
    pos = 0
    for w in window:
        if len(w.text) == 1 and w.freq >= function_frequency:
            found.append(pos)
        pos += len(w.text)
    return found


def pinyin_inside_words(index: TermIndex, config: Config, segmenter: Segmenter,
                        ctx: CheckContext) -> None:
    """Chinese terms whose span cuts a jieba word (栓皮栗|树 for 栓皮栎), or, for a term of
    five syllables or more, that a comma cuts (the recogniser paused inside it).

    Only an exact folded-pinyin look-up (one per position and length; a long term may
    differ in one syllable), and only for terms of three syllables or more; three-syllable
    terms need identical toneless pinyin.
    """
    words, joins = ctx.words, ctx.joins
    lengths = sorted(n for n in index.zh_lengths if n >= 3)
    if not lengths:
        return
    bridged = not syllable_floor(lengths[-1])  # (a long term may be cut by a comma)
    heads, first = index.pinyin_heads, index.pinyin_exact_firsts
    k = 0
    while k < len(words):
        if not words[k].cjk:
            k += 1
            continue
        first_word = k
        while k + 1 < len(words) and words[k + 1].cjk and (
                joins[k] or (bridged and _comma_between(ctx, k))):
            k += 1
        run = words[first_word:k + 1]
        k += 1
        folded: tuple[str, ...] = sum(map(_FOLDED, run), ())  # (short runs: fastest)
        if len(folded) < 3 or first.isdisjoint(folded[:-2]):
            continue  # (most runs: no syllable a term's key begins with)
        term_starts = [s for s in range(len(folded) - 2)
                       if folded[s] in first and folded[s:s + 3] in heads]
        if term_starts:  # (else no term's first three syllables anywhere in the run)
            _terms_cutting_words(index, config, segmenter, ctx, first_word, run, folded,
                                 term_starts, lengths)


def _comma_between(ctx: CheckContext, k: int) -> bool:
    """Whether only a comma stands between words ``k`` and ``k + 1``."""
    return ctx.text[ctx.ends[k]:ctx.starts[k + 1]] in _COMMAS


#: a pause the recogniser marks inside a long term
_COMMAS = frozenset("，,")
#: the syllables of a term's head, which a stretch that cuts a word must share exactly
_HEAD = (0, 1, 2)


def _terms_cutting_words(index: TermIndex, config: Config, segmenter: Segmenter,
                         ctx: CheckContext, first_word: int, run: list[Word],
                         folded: tuple[str, ...], term_starts: list[int],
                         lengths: list[int]) -> None:
    """The terms of ``lengths`` syllables whose first three syllables are at ``term_starts``
    in a run of joined Chinese words (``run``, from word ``first_word`` on; ``folded``: its
    folded syllables), where their span is not the run's words' own.

    A term of five syllables or more may also leave a lone function character of the word it
    cuts outside (前庭功能检查|和, where jieba joined 和 to the word), may differ in one
    syllable, and may hold a comma where the recogniser paused inside it. A stretch that
    differs in a syllable, or holds a comma, is only suggested."""
    text = ctx.text
    run_starts = ctx.starts[first_word:first_word + len(run)]
    run_end = ctx.ends[first_word + len(run) - 1]
    syl: tuple[str, ...] = sum(map(_SYLLABLES, run), ())
    # each character's offset: a range where the words follow one another with
    # nothing between (most runs), else counted word by word
    chars = sum(map(len, map(_TEXT, run)))
    offsets: Sequence[int] = range(run_starts[0], run_end) \
        if chars == run_end - run_starts[0] else [
            a + c for w, a in zip(run, run_starts, strict=True)
            for c in range(len(w.text))]
    if len(syl) != chars:
        return  # pinyin did not align one to one with the characters
    edges = _Edges(config, segmenter, run, run_starts,
                   ctx.ends[first_word:first_word + len(run)])
    for s in term_starts:
        for n in lengths:
            e = s + n
            if e > len(syl):
                break
            start, end = offsets[s], offsets[e - 1] + 1
            whole = end - start == n or _COMMAS.isdisjoint(text[start:end])
            if whole and start in edges.bounds and end in edges.bounds:
                continue  # token-aligned: the main pass saw it
            long = not syllable_floor(n)
            if not (whole or long) or edges.cut_heard_word(start, end, long):
                continue  # a comma cuts no short term; a word was heard whole (人已经|别人)
            key = folded[s:e]  # (a long term may have one syllable astray)
            for tid in (index.pinyin_candidates(syl[s:e], key, _HEAD) if long
                        else index.pinyin_terms(key)):
                _cutting(ctx, config, index.terms[tid], start, end, syl[s:e], key, whole)


class _Edges:
    """Where a run's words begin and end, and whether a span cuts one heard whole."""

    __slots__ = ("bounds", "common", "frequency", "function", "run", "starts")

    def __init__(self, config: Config, segmenter: Segmenter, run: list[Word],
                 run_starts: list[int], run_ends: list[int]) -> None:
        self.run, self.starts, self.frequency = run, run_starts, segmenter.word_frequency
        self.bounds = {*run_starts, *run_ends}
        self.common, self.function = config.common_word_frequency, config.function_word_frequency

    def cut_heard_word(self, start: int, end: int, long: bool) -> bool:
        """Whether the span ``start:end`` cuts a frequent word (人已经 cuts 别人): a word
        heard whole. For a long term, not where the part left outside is one character
        as frequent as a function word (``Config.function_word_frequency``: 和, 的, but
        also 说), which the segmenter may have joined on (检查|和)."""
        for bound, edge, after in ((start, start, False), (end, end - 1, True)):
            if bound in self.bounds:
                continue
            k = bisect.bisect_right(self.starts, edge) - 1
            w = self.run[k]
            if w.freq < self.common:
                continue
            cut = bound - self.starts[k]
            left = w.text[cut:] if after else w.text[:cut]  # (the part outside the span)
            if not (long and len(left) == 1 and self.frequency(left) >= self.function):
                return True
        return False


def _cutting(ctx: CheckContext, config: Config, ct: CompiledTerm, start: int, end: int,
             syl: tuple[str, ...], key: tuple[str, ...], whole: bool) -> None:
    """The term ``ct`` for the stretch ``start:end`` that cuts a word or holds a comma
    (``whole`` false), heard as ``syl`` (folded: ``key``): a candidate at its similarity."""
    if ctx.text[start:end] == ct.canonical or (len(syl) == 3 and syl != ct.syllables):
        return
    sim = pinyin_similarity(syl, ct.syllables)
    if sim < config.min_score:
        return
    astray = key != ct.folded  # (a syllable of another sound)
    mixed = ct.term.lang == "mixed"
    notes = ("span cuts a word" if whole else "a comma inside the term",
             *(("a syllable of another sound",) if astray else ()),
             *((_LETTERS_HEARD,) if mixed else ()))
    ctx.out.append(Candidate(start, end, ct, ct.canonical, sim, "pinyin", " ".join(syl),
                             " ".join(ct.syllables), sim, notes,
                             mixed or astray or not whole))


def pinyin_spelled(index: TermIndex, ctx: CheckContext, letters: str, start: int, end: int,
                   window: list[Word]) -> None:
    """A Chinese term written in pinyin inside Chinese speech (yang zhilin → 杨植麟).

    Only in Chinese context (romanised names in English text are correct), only where the
    letters split into pinyin syllables, and only for terms whose syllables match exactly.
    """
    syl = split_syllables(letters)
    if not syl or len(syl) < 2 or len(syl) not in index.zh_lengths:
        return
    if not cjk_context(ctx.text, start, end) or any(is_function_word(w.text)
                                                   for w in window):
        return
    for tid in index.pinyin_candidates(syl):
        ct = index.terms[tid]
        if ct.syllables == syl:
            ctx.out.append(Candidate(start, end, ct, ct.canonical, 0.9, "pinyin",
                                     " ".join(syl), " ".join(ct.syllables), 1.0,
                                     ("written in pinyin",), True))
