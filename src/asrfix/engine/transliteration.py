"""Candidates by transliteration: an English term written wholly in Chinese characters
(欧朋海 for OpenAI), heard through the term's Mandarin rendering. Asked only with
``Config.transliterated``, only of windows of rare words, and only ever a suggestion.

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

from ..config import Config
from ..index import TermIndex
from ..phonetics import phone_similarity
from .candidate import Candidate
from .context import CheckContext
from .phonetic import reading

__all__ = ["TRANSLITERATION_SIMILARITY", "TRANSLITERATION_SYLLABLES",
           "transliteration_window"]

#: an English term written in Chinese characters: windows of this many syllables, matched
#: at least this closely by sound (欧朋海 / OpenAI)
TRANSLITERATION_SYLLABLES = (3, 5)
TRANSLITERATION_SIMILARITY = 0.72


def transliteration_window(index: TermIndex, config: Config, ctx: CheckContext, phones: str,
                           start: int, end: int) -> None:
    """An English term written wholly in Chinese characters (欧朋海 for OpenAI): only
    windows of rare words and characters, only terms longer than an acronym, and only
    ever a suggestion."""
    for tid, k in index.phone_candidates(phones):
        ct = index.terms[tid]
        tph = reading(ct, k)
        if ct.syllables or len(ct.letters) <= 3 or len(tph) <= 4:
            continue  # a Chinese term (the pinyin path's), or a short one
        sim = phone_similarity(phones, tph)
        if sim >= max(TRANSLITERATION_SIMILARITY, config.min_score):
            ctx.out.append(Candidate(
                start, end, ct, ct.canonical, sim, "phonetic", phones, tph, sim,
                ("an English term written in Chinese characters",), cap_suggestion=True))
