"""The windows stage: every run of joined words a term may be heard in, from each word on,
handed to the candidate generators that can match it (a Chinese window to pinyin, exact
spellings and transliteration; a window reaching a Latin word to exact spellings, pinyin
spelled out and sound). The loop is the hot path of a check: bounds are read once, and a
start no term can begin at opens no window.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> index, seg = TermIndex(Lexicon.from_terms(["姚顺雨", "DeepSeek"])), Segmenter()
>>> ctx = CheckContext.of(seg, "请到了尧舜禹，聊 deep seek")
>>> enumerate_windows(index, Config(), seg, ctx)
>>> [(ctx.text[c.start:c.end], c.replacement, c.method) for c in ctx.out]
[('尧舜禹', '姚顺雨', 'pinyin'), ('deep seek', 'DeepSeek', 'format')]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config
from ..index import TermIndex, long_head
from ..sayings import MAX_WORDS
from ..segment import Segmenter
from .context import CheckContext
from .exact import exact
from .phonetic import phonetic_window
from .pinyin_match import pinyin_spelled, pinyin_window
from .transliteration import TRANSLITERATION_SYLLABLES, transliteration_window
from .words import APOSTROPHES, Word, latin_letter

__all__ = ["cjk_span_limit", "enumerate_windows", "may_start", "mixed_cjk_limit", "plain_speech"]


def mixed_cjk_limit(index: TermIndex) -> int:
    """The most Chinese characters a window mixed with Latin words may hold."""
    return max(2, index.max_mixed_cjk)


def cjk_span_limit(index: TermIndex, config: Config) -> int:
    """The most syllables a Chinese window may hold: the longest Chinese term, mixed
    spelling or transliteration looked for."""
    return max(max(index.zh_lengths, default=0), index.max_mixed_cjk, 2,
               TRANSLITERATION_SYLLABLES[1] if config.transliterated else 0)


@dataclass(frozen=True, slots=True)
class _Bounds:
    """The bounds the window loops read, worked out once per check (the loops run for every
    window, and bind what they read to locals; slots, which are read faster than a named
    tuple's fields)."""

    max_span: int  # words in a window
    token_cap: int  # words in a window, counted in tokens
    long_cap: int  # Latin words of two letters or more in a window
    token_keyed: int  # beyond these two, a window is matched by its exact spelling only
    long_keyed: int
    span_limit: int  # syllables in a Chinese window
    mixed_limit: int  # Chinese characters in a window matched by sound with a Latin word
    mixed_reach: int  # Chinese characters in any window with a Latin word
    function_freq: int
    common_freq: int

    @classmethod
    def of(cls, index: TermIndex, config: Config, words: int = 0) -> _Bounds:
        """The bounds of windows of up to ``words`` Latin words (at least
        ``config.max_words``)."""
        mixed_limit = mixed_cjk_limit(index)
        words = max(config.max_words, min(words, MAX_WORDS))
        return cls(max(max(index.zh_lengths, default=0), 4 * words + 2),
                   4 * words + 2, 2 * words, 2 * words + 2,
                   words, cjk_span_limit(index, config), mixed_limit,
                   max(mixed_limit, index.max_exact_cjk), config.function_word_frequency,
                   config.common_word_frequency)


def _long_bounds(index: TermIndex, config: Config) -> dict[str, _Bounds]:
    """The bounds of the windows from a Latin word that may begin a show term of more words
    than ``config.max_words``, by :func:`~asrfix.index.long_head`: such a term is looked
    for over as many words as it has, from where it may begin."""
    return {head: _Bounds.of(index, config, words)
            for head, words in index.long_heads.items() if words > config.max_words}


def _reach(wide: dict[str, _Bounds], bounds: _Bounds, words: list[Word], joins: list[bool],
           i: int) -> _Bounds:
    """The bounds of the windows from Latin word ``i``: wider where it and the next word
    sound as a long term begins (``wide``, :func:`_long_bounds`)."""
    if not wide or i + 1 >= len(words) or not joins[i]:
        return bounds
    return wide.get(long_head(words[i].phones, words[i + 1].phones), bounds)


def enumerate_windows(index: TermIndex, config: Config, segmenter: Segmenter,
                      ctx: CheckContext) -> None:
    """Every window of ``ctx.words`` handed to the generators that may match it, which add
    their candidates to ``ctx.out`` (and correctly written terms to ``ctx.protected``).

    A start with no Latin word in reach, no listed Chinese spelling and no transliteration
    to look for opens Chinese windows only, matched by pinyin: they take the short loop
    below, which keeps only what those windows need (unless a listed mixed spelling reaches
    further than a mixed window, when a Latin word out of reach of the one may still be in
    reach of the other). The other starts take the Chinese windows up to the first Latin
    word, then the windows that reach it."""
    text, words, starts, ends, joins = ctx.text, ctx.words, ctx.starts, ctx.ends, ctx.joins
    n = len(words)
    bounds = _Bounds.of(index, config)
    wide = _long_bounds(index, config)
    may = may_start(index, words, joins, bounds.mixed_limit)
    cjk_firsts = index.cjk_exact_firsts
    transliterated = config.transliterated
    # (a listed mixed spelling with more Chinese characters before its first letter than a
    # mixed window holds may begin where no Latin word is near: every start is looked at)
    chinese_only = not transliterated and index.max_exact_cjk_lead <= bounds.mixed_limit
    # the short loop's bounds, read once (it runs for most windows)
    zh_lengths, span_limit = index.zh_lengths, bounds.span_limit
    function_freq, common_freq = bounds.function_freq, bounds.common_freq
    short_reach = min(bounds.max_span, bounds.token_cap)
    # (a window of four syllables or more that shares no pair with a term of its length
    # has no candidate: asked before the pinyin path is, which most such windows reach)
    may_long = index.may_match_long
    long_firsts, long_thirds = index.pinyin_long_firsts, index.pinyin_long_thirds
    for i in range(n):
        may2, may3, near = may[i]
        spelled = words[i].cjk and words[i].letters[0] in cjk_firsts
        sounded = may2 or may3 or transliterated
        if not (sounded or near or spelled):
            continue  # no term can start here: no window from i is worth keying
        if not words[i].cjk:
            _mixed_windows(index, config, segmenter, ctx, _reach(wide, bounds, words, joins, i),
                           i, i, 0, 0, False)
            continue
        if not chinese_only or near or spelled:
            # the windows of Chinese words from i, then those reaching a Latin word
            _chinese_windows_then_mixed(index, config, segmenter, ctx, bounds, i, may2, may3,
                                        spelled, sounded)
            continue
        # the short loop: Chinese windows matched by pinyin only
        start = starts[i]
        syl: tuple[str, ...] = ()
        fold: tuple[str, ...] = ()
        plain, single = True, False
        for j in range(i, min(n, i + short_reach)):
            if j > i and not joins[j - 1]:
                break
            w = words[j]
            if not w.cjk:
                break  # (a Latin word out of reach ends the window)
            syl += w.syllables
            fold += w.folded
            if len(w.text) > 1:
                plain = plain and w.freq >= common_freq
            else:
                single = True
                plain = plain and w.freq >= function_freq
            n_syl = len(syl)
            if n_syl > span_limit:
                break
            if (n_syl in zh_lengths and (may3 if n_syl > 2 else may2)
                    and (j > i or w.freq < common_freq)  # (no frequent word)
                    and not plain_speech(plain, j > i, single, n_syl)
                    and (n_syl < 4 or may_long(fold))):
                pinyin_window(index, config, ctx, text[start:ends[j]], syl, start, ends[j],
                              words[i:j + 1], fold)
            if n_syl >= 2 and not may3:
                break  # (a longer window needs the three-syllable head)
            if n_syl >= 3 and fold[:2] not in long_firsts and fold[2] not in long_thirds:
                break  # (nor can a window of four syllables or more match from here)


def _chinese_windows_then_mixed(
        index: TermIndex, config: Config, segmenter: Segmenter, ctx: CheckContext,
        bounds: _Bounds, i: int, may2: bool, may3: bool, spelled: bool, sounded: bool) -> None:
    """The windows of Chinese words from word ``i`` up to the first Latin word: listed
    spellings (``spelled``: the first character begins one), pinyin and transliteration
    (``sounded``: a term may sound like a window from here); then, where the windows reach
    a Latin word, :func:`_mixed_windows` goes on from it with the counts of the Chinese
    words before it."""
    text, words, ends, joins = ctx.text, ctx.words, ctx.ends, ctx.joins
    spellings, zh_lengths, may_long = index.exact, index.zh_lengths, index.may_match_long
    token_cap, span_limit = bounds.token_cap, bounds.span_limit
    function_freq, common_freq = bounds.function_freq, bounds.common_freq
    transliterated = config.transliterated
    lead = index.max_exact_cjk_lead
    start = ctx.starts[i]
    syl: tuple[str, ...] = ()
    fold: tuple[str, ...] = ()
    n_cjk = n_tokens = 0
    function_word = False
    ordinary = False  # a function character or a frequent word: plain Chinese
    plain = True  # every word is one (as far as the window reaches)
    single = False  # a word of one character
    for j in range(i, min(len(words), i + bounds.max_span)):
        if j > i and not joins[j - 1]:
            return
        w = words[j]
        if not w.cjk:
            _mixed_windows(index, config, segmenter, ctx, bounds, i, j, n_cjk, n_tokens,
                           function_word)
            return
        n_tokens += 1
        syl += w.syllables
        fold += w.folded
        chars = len(w.text)
        n_cjk += chars
        function_word = function_word or w.freq >= function_freq
        if chars > 1:
            plain = plain and w.freq >= common_freq
        else:
            single = True
            plain = plain and w.freq >= function_freq
        ordinary = ordinary or function_word or (chars > 1 and w.freq >= common_freq)
        if n_tokens > token_cap:
            return  # (too many words for a spelling)
        end = ends[j]
        if spelled:
            span = text[start:end]
            if span in spellings:  # only a listed spelling
                exact(index, config, segmenter, ctx, span,
                      "".join(x.letters for x in words[i:j + 1]), start, end, 0)
        n_syl = len(syl)
        if n_syl > span_limit:
            if spelled and n_cjk <= lead:
                continue  # (a listed spelling may hold more, then a letter: 小米十四 ultra)
            return
        if not sounded:
            continue
        if (n_syl in zh_lengths and (may3 if n_syl > 2 else may2)
                and (n_tokens > 1 or w.freq < common_freq)  # (no frequent word)
                and not plain_speech(plain, n_tokens > 1, single, n_syl)
                and (n_syl < 4 or may_long(fold))):
            pinyin_window(index, config, ctx, text[start:end], syl, start, end, words[i:j + 1],
                          fold)
        if (transliterated and not ordinary
                and TRANSLITERATION_SYLLABLES[0] <= n_syl <= TRANSLITERATION_SYLLABLES[1]):
            transliteration_window(index, config, ctx,
                                   "".join(x.phones for x in words[i:j + 1]), start, end)


def _mixed_windows(index: TermIndex, config: Config, segmenter: Segmenter, ctx: CheckContext,
                   bounds: _Bounds, i: int, first_latin: int, n_cjk: int, n_tokens: int,
                   function_word: bool) -> None:
    """The windows from word ``i`` that reach a Latin word (the first at ``first_latin``;
    ``n_cjk``, ``n_tokens``, ``function_word``: the counts of the Chinese words before it):
    listed spellings, pinyin written out, and sound."""
    text, words, ends, joins = ctx.text, ctx.words, ctx.ends, ctx.joins
    spellings, zh_lengths = index.exact, index.zh_lengths
    long_cap, token_cap, mixed_reach = bounds.long_cap, bounds.token_cap, bounds.mixed_reach
    long_keyed, token_keyed = bounds.long_keyed, bounds.token_keyed
    mixed_limit, function_freq = bounds.mixed_limit, bounds.function_freq
    cross_script = config.cross_script
    start = ctx.starts[i]
    if start >= 2 and text[start - 1] in APOSTROPHES and latin_letter(text[start - 2]):
        return  # the s of let's, the t of don't: the end of the word before, no term's start
    glued_start = words[i].glued
    phones = ""  # (the phones and letters of words[i:keyed], made as the window grows)
    letters = ""
    keyed = i
    n_latin = n_digit = n_long = 0
    for j in range(first_latin, min(len(words), i + bounds.max_span)):
        if j > i and not joins[j - 1]:
            break
        w = words[j]
        n_tokens += 1
        if w.cjk:
            n_cjk += len(w.text)
            function_word = function_word or w.freq >= function_freq
        else:
            n_latin += 1
            n_digit += w.kind == "digit"
            n_long += len(w.text) > 1
        if n_long > long_cap or n_tokens > token_cap or n_cjk > mixed_reach:
            break  # (too many characters for a mixed window, or a spelling)
        end = ends[j]
        while keyed <= j:
            phones += words[keyed].phones
            letters += words[keyed].letters
            keyed += 1
        span = text[start:end]
        if letters in spellings or letters[-1:] == "s":  # (most windows: neither)
            exact(index, config, segmenter, ctx, span, letters, start, end, n_latin)
        if n_long > long_keyed or n_tokens > token_keyed:
            continue  # long windows: only an exact spelling (a long name re-spaced)
        if n_digit == n_latin and n_cjk == 0:
            continue  # a bare number is not a mis-heard term
        if n_cjk == 0 and n_digit == 0 and zh_lengths:
            pinyin_spelled(index, ctx, letters, start, end, words[i:j + 1])
        if glued_start or w.glued:
            continue  # "o" of "o&m" is not the end of a mis-heard word
        elif n_cjk == 0 or (cross_script and not function_word and n_cjk <= mixed_limit
                            and not words[i].closed and not w.closed):
            # (a Chinese function word at its edge is heard right: 跟 text, 非code)
            phonetic_window(index, config, ctx, span, phones, letters if n_cjk == 0 else None,
                            start, end, i, j)


def may_start(index: TermIndex, words: list[Word], joins: list[bool],
              limit: int) -> list[tuple[bool, bool, bool]]:
    """For each word, whether a window starting there may match a term by sound: (a
    Chinese window of two syllables may, a Chinese window of another length may, a window
    reaching a Latin word may). A Latin word or a number: all three. A Chinese word: by
    whether its first syllables begin a term's pinyin key, and whether a Latin word is
    near enough for a mixed window (``limit``: :func:`mixed_cjk_limit`). One pass from the end."""
    out = [(True, True, True)] * len(words)
    pinyin, heads = index.pinyin, index.pinyin_heads
    # (small sets, read before the large ones: most heads begin no term, and a look-up
    # in a table of 100,000 keys is a miss of the processor's caches)
    firsts, wild_seconds = index.pinyin_exact_firsts, index.pinyin_wild_seconds
    pair_firsts = index.pinyin_pair_firsts
    begins = firsts | pair_firsts  # (a head that begins no key of two syllables or more)
    # the answers for (may2, may3), without and with a Latin word near: made once
    answers = {(a, b): ((a, b, False), (a, b, True))
               for a in (False, True) for b in (False, True)}
    never = answers[False, False]
    # speech repeats itself: the answers for a head whose first syllables begin a key
    seen: dict[tuple[str, ...], tuple[tuple[bool, bool, bool], tuple[bool, bool, bool]]] = {}
    head: tuple[str, ...] = ()  # the first syllables of the run of words from here
    to_latin = limit + 1  # Chinese characters from here to the next Latin word
    joined = [*joins, False]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if not w.cjk:
            head, to_latin = (), 0
            continue
        if not joined[i]:
            head, to_latin = (), limit + 1
        head = (w.folded + head)[:3]
        to_latin += len(w.letters)  # (a Chinese word's letters are its characters)
        if not head or (head[0] not in begins
                        and (len(head) < 3 or head[1] not in wild_seconds)):
            out[i] = never[to_latin <= limit]  # (most heads: no look-up, nothing kept;
            continue  # and a character pypinyin has no reading for, at a run's end)
        known = seen.get(head)
        if known is None:
            may3 = len(head) == 3 and (
                (head[0] in firsts and (head in heads or (head[0], "*", head[2]) in heads
                                        or (*head[:2], "*") in heads))
                or (head[1] in wild_seconds and ("*", *head[1:]) in heads))
            may2 = head[0] in pair_firsts and head[:2] in pinyin
            known = seen[head] = answers[may2, may3]
        out[i] = known[to_latin <= limit]
    return out


def plain_speech(plain: bool, several: bool, single: bool, n_syl: int) -> bool:
    """Whether a Chinese window is plain speech, however exactly it sounds like a term: a
    run of ``several`` words, all of them function characters or frequent words (``plain``),
    that holds a function character (``single``: a word of one character) or is three
    syllables or fewer (也是, 因为每; but 冲击平原 is 冲积平原)."""
    return plain and several and (single or n_syl <= 3)
