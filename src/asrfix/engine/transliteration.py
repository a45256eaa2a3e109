"""Candidates by transliteration: an English term written wholly in Chinese characters
(瑞迪斯 for Redis, 欧朋海 for OpenAI), heard through the term's Mandarin rendering, and only
ever a suggestion. By default only runs written wholly in the characters of standard
transliteration (斯, 迪, 克 …: :data:`TRANSLITERATION_CHARACTERS`) that are not a word of
their own are asked (:func:`transliterations`): a name coined with characters of meaning
(阿尔法狗, 英伟达) or one the dictionary knows (诺基亚) is what an editor keeps. With
``Config.transliterated`` every window of rare words is asked.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> index = TermIndex(Lexicon.from_terms(["OpenAI"]))
>>> ctx = CheckContext.of(Segmenter(), "欧朋海")
>>> transliteration_window(index, Config(), ctx, "".join(w.phones for w in ctx.words), 0, 3)
>>> [(c.replacement, c.cap_suggestion) for c in ctx.out]
[('OpenAI', True)]
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..config import Config
from ..index import TermIndex
from ..phonetics import VOWELS, aligned_similarity, phone_similarity, pinyin_phones
from ..segment import Segmenter
from .candidate import Candidate
from .context import CheckContext
from .phonetic import reading

__all__ = ["TRANSLITERATION_CHARACTERS", "TRANSLITERATION_SIMILARITY",
           "TRANSLITERATION_SYLLABLES", "transliteration_window", "transliterations"]

#: an English term written in Chinese characters: windows of this many syllables, matched
#: at least this closely by sound (欧朋海 / OpenAI)
TRANSLITERATION_SYLLABLES = (3, 7)
TRANSLITERATION_SIMILARITY = 0.72
#: a wider window of a transliteration is kept over a narrower one this much closer
_WIDER = 0.05
#: the finer alignment is asked only of matches this close to the floor by plain similarity
_ALIGNED_REACH = 0.2
#: a term that begins with an acronym or has a number is read as letters and digits, not
#: transliterated (GPT-1; OpenAI may be)
_ACRONYM = re.compile(r"^[A-Z]{2}|[0-9]")
#: the characters standard Chinese transliteration of foreign names is written with (after
#: the Xinhua transliteration tables); a run of them is a name spelled by sound
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾冰波伯博布查达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费芬丰弗福富盖冈高戈格根古瓜哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科可克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉林琳隆卢鲁路伦罗洛马玛迈麦曼茂梅门蒙米密敏明摩莫默姆穆纳娜奈南内尼妮宁纽诺欧帕派潘佩彭皮普奇齐恰乔切琼丘萨塞赛桑瑟森沙莎珊尚舍什施史斯松苏索塔泰坦汤唐特提汀通图托瓦万旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因尤约扎詹朱兹佐泽瑞柏葛苔爵琪露丽缇娅黛薇凡冯夫修思狄浦茨芙斐弥")
#: a stretch of transliteration characters long enough to hold a name
_RUN = re.compile("[" + "".join(sorted(TRANSLITERATION_CHARACTERS))
                  + f"]{{{TRANSLITERATION_SYLLABLES[0]},}}")


def transliteration_window(index: TermIndex, config: Config, ctx: CheckContext, phones: str,
                           start: int, end: int, *, people: bool = True) -> None:
    """An English term written wholly in Chinese characters (欧朋海 for OpenAI, 瑞迪斯 for
    Redis): the window's phones against the term's Mandarin rendering, and, with the vowel
    Mandarin adds after a closing consonant taken away (斯 "sE" for a final s), against
    its own readings. Only terms longer than an acronym, and only ever a suggestion;
    ``people`` false: not a person's name either (哈萨比斯 is how Chinese writes Hassabis)."""
    bare = _without_added_vowels(phones)
    best: dict[int, tuple[float, str]] = {}
    for heard in (phones, bare) if bare != phones else (phones,):
        for tid, k in index.phone_candidates(heard):
            ct = index.terms[tid]
            tph = reading(ct, k)
            if ct.syllables or len(ct.letters) <= 3 or len(tph) <= 4 or _ACRONYM.search(
                    ct.canonical):
                continue  # a Chinese term (the pinyin path's), a short one or an acronym
            if not people and ct.kind == "person":
                continue
            sim = phone_similarity(heard, tph)
            if sim >= TRANSLITERATION_SIMILARITY - _ALIGNED_REACH:
                sim = max(sim, aligned_similarity(heard, tph))  # (the finer measure, near)
            if sim > best.get(tid, (0.0, ""))[0]:
                best[tid] = (sim, tph)
    for tid, (sim, tph) in best.items():
        if sim >= max(TRANSLITERATION_SIMILARITY, config.min_score):
            ct = index.terms[tid]
            ctx.out.append(Candidate(
                start, end, ct, ct.canonical, sim, "phonetic", phones, tph, sim,
                ("an English term written in Chinese characters",), cap_suggestion=True))


def _without_added_vowels(phones: str) -> str:
    """The phones without the vowel Mandarin adds after a consonant that closes an English
    syllable (斯 "sE", 克 "kE", 特 "tE", 弗 "fu", 普 "pu", 布 "bu" before a consonant):
    ``sEnuofuleikE`` → ``snuofleik``."""
    out = []
    for k, ch in enumerate(phones):
        before, after = phones[k - 1:k], phones[k + 1:k + 2]
        closing = ch == "E" or (ch == "u" and before == "f")
        lip = ch == "u" and before in ("p", "b") and bool(after)  # (not 特朗普's last p)
        added = (closing or lip) and before and (
            before not in VOWELS and before not in "nN") and (not after or after not in VOWELS)
        if not added:
            out.append(ch)
    return "".join(out)


def transliterations(index: TermIndex, config: Config, segmenter: Segmenter,
                     ctx: CheckContext) -> None:
    """English terms written as runs of transliteration characters (瑞迪斯 for Redis), with
    ``Config.transliterated`` or without (it asks every window of rare words besides, which
    the segmenter may have cut elsewhere): the first 3-7 characters
    of such a run (character by character: the segmenter cuts names it does not know
    anywhere), where they are not one word of the dictionary (诺基亚 is the conventional
    name) nor cut one (:func:`_cuts_a_word`)."""
    lo, hi = TRANSLITERATION_SYLLABLES
    first = len(ctx.out)
    for run in _runs(ctx):
        # windows from the run's start only: 诺弗雷克 of 斯诺弗雷克 is no name of its own
        for b in range(lo - 1, min(len(run), hi)):
            start, end = run[0][0], run[b][0] + 1
            if (segmenter.word_frequency(ctx.text[start:end]) == 0
                    and not _cuts_a_word(ctx, start, end, config.common_word_frequency)):
                transliteration_window(index, config, ctx,
                                       "".join(p for _, p in run[:b + 1]), start, end,
                                       people=False)
    ctx.out[first:] = _widest(ctx.out[first:])


def _cuts_a_word(ctx: CheckContext, start: int, end: int, frequent: int) -> bool:
    """Whether the window ``text[start:end]`` of a run ends inside a word of the
    dictionary that it begins (俄狄浦 of 俄狄浦斯, Oedipus's conventional name) or that
    holds three characters or more (普通俄 of 俄罗斯), or runs past a word of three at least
    ``frequent`` (``Config.common_word_frequency``: 俄罗斯马, a country's name is no start of
    another); a word of two the segmenter made across a name is cut (克里 of 斯诺弗雷克里)."""
    k = bisect_left(ctx.ends, end)
    if (k < len(ctx.words) and ctx.starts[k] < end < ctx.ends[k] and ctx.words[k].freq > 0
            and (ctx.starts[k] <= start or len(ctx.words[k].text) >= 3)):
        return True
    f = bisect_left(ctx.starts, start)
    first = ctx.words[f] if f < len(ctx.words) else None
    return (first is not None and ctx.ends[f] < end
            and first.freq >= frequent and len(first.text) >= 3)


def _widest(found: list[Candidate]) -> list[Candidate]:
    """Of a term's windows from one start, the widest that is nearly as close as the
    closest (库伯内提斯, not 库伯内提, for Kubernetes): a name is written out whole."""
    best: dict[tuple[int, int], float] = {}
    for c in found:
        key = (c.start, c.term.id)
        best[key] = max(best.get(key, 0.0), c.similarity)
    widest: dict[tuple[int, int], Candidate] = {}
    for c in found:
        key = (c.start, c.term.id)
        if c.similarity >= best[key] - _WIDER and (
                key not in widest or c.end > widest[key].end):
            widest[key] = c
    return list(widest.values())


def _runs(ctx: CheckContext) -> list[list[tuple[int, str]]]:
    """Runs of touching Chinese words written wholly in transliteration characters, of
    three characters or more: each character's offset and phones. Only the stretches of
    the text a search for such characters finds are looked at (most texts have few)."""
    words, starts, ends = ctx.words, ctx.starts, ctx.ends
    out: list[list[tuple[int, str]]] = []
    lo = TRANSLITERATION_SYLLABLES[0]
    for m in _RUN.finditer(ctx.text):
        k = bisect_left(starts, m.start())
        run: list[tuple[int, str]] = []
        while k < len(words) and ends[k] <= m.end():
            w = words[k]
            if (not w.cjk or len(w.text) != len(w.syllables)
                    or (run and starts[k] != run[-1][0] + 1)):
                if len(run) >= lo:
                    out.append(run)
                run = []
            if w.cjk and len(w.text) == len(w.syllables):
                run.extend((starts[k] + n, pinyin_phones(syl))
                           for n, syl in enumerate(w.syllables))
            k += 1
        if len(run) >= lo:
            out.append(run)
    return out
