"""Named features of a candidate correction: what the scorer weighs.

A candidate generator says *that* a window sounds or is spelled like a term; the features say
what else is known about it: how alike the two are, what kind of span was heard (a frequent
Chinese word, English dictionary words, a function word), in which speech (Chinese or
English around it), what kind of term it would become (short, an acronym, a name of several
words), what the generator noted on the way (a dictionary word, a known variant, a Mandarin
rendering), what the text around says (the term's context words, other terms competing for
the same span; not other terms written nearby, which fixing one term would change for the
next, so that a second ``fix`` would find more to apply), and what a large lexicon implies
(whether the term is an entity directory's, how many of the directory's terms are matched over
the span, dictionary words joined into one brand, a dictionary word made an acronym). Every
feature is a number; :data:`FEATURES` names them in the order of the vectors.

>>> from asrfix import Corrector
>>> fixer = Corrector(["姚顺雨"])
>>> text = "我们请到了尧舜禹"
>>> [c] = fixer.candidates(text)
>>> row = dict(zip(FEATURES, features(text, [c], fixer.segmenter)[0], strict=True))
>>> row["similarity"], row["method_pinyin"], row["chinese_speech"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..phonetics import is_function_word, known_word
from ..segment import CJK_RE, Segmenter
from .candidate import Overlaps
from .directory import acronym_of_word, joins_words
from .forms import LATIN_WORD, WORD_SPLIT
from .scripts import cjk_context

if TYPE_CHECKING:
    from .candidate import Candidate

__all__ = ["FEATURES", "features"]

#: each note a generator may write, as the feature that records it (a substring of the note)
_NOTES: tuple[tuple[str, str], ...] = (
    ("note_short_term", "short term"),
    ("note_english_word_in_chinese", "English word in Chinese speech"),
    ("note_dictionary_word", "a dictionary word, not the term's exact sound"),
    ("note_dictionary_pair", "a dictionary word of two syllables"),
    ("note_mandarin_rendering", "as Chinese syllables render it"),
    ("note_cuts_word", "span cuts a word"),
    ("note_written_in_pinyin", "written in pinyin"),
    ("note_context_word", "context word"),
    ("note_contains_term", "contains the correct term"),
    ("note_first_part", "the first part of"),
    ("note_transliteration", "written in Chinese characters"),
    ("note_variant_sound", "sounds like a known variant"),
    ("note_exact_homophone", "sounds exactly as the term"),
    ("note_chinese_context", "chinese context"),
)

FEATURES: tuple[str, ...] = (
    "similarity",
    "similarity_below_085",
    "similarity_below_095",
    "method_format",
    "method_variant",
    "method_pinyin",
    "method_phonetic",
    "method_spoken",
    "suggestion_only",
    "term_chinese",
    "term_letters_log",
    "term_words",
    "term_acronym",
    "term_short",
    "span_chinese_chars_log",
    "span_latin_words",
    "span_mixed",
    "span_frequency_log",
    "span_frequent_word",
    "span_english_known",
    "span_english_known_in_english",
    "span_function_word",
    "span_digits",
    "length_ratio_gap",
    "chinese_speech",
    "latin_in_chinese_speech",
    "case_or_spacing_only",
    "chars_shared",
    "competing_terms_log",
    "similarity_margin",
    "term_directory",
    "directory_rivals_log",
    "joins_dictionary_words",
    "word_to_acronym",
    *(name for name, _ in _NOTES),
)

_DIGIT = re.compile(r"[0-9]")
_STYLE = re.compile(r"[\s\-_.'’]")
#: a Chinese span at least this frequent in jieba's dictionary is an ordinary word
_FREQUENT = 100


def _squash(s: str) -> str:
    return _STYLE.sub("", s).lower()


def _row(text: str, c: Candidate, segmenter: Segmenter, competing: int,
         margin: float, rivals: int) -> list[float]:
    span = text[c.start:c.end]
    term = c.term
    canonical = term.canonical
    cjk_chars = sum(1 for ch in span if CJK_RE.match(ch))
    latin = LATIN_WORD.findall(span)
    chinese = cjk_context(text, c.start, c.end)
    known = sum(1 for w in latin if len(w) > 1 and known_word(w)) / len(latin) if latin else 0.0
    freq = segmenter.word_frequency(span) if cjk_chars == len(span) and span else 0
    term_words = len([w for w in WORD_SPLIT.split(canonical) if w])
    letters = len(term.letters) or 1
    heard_letters = len(_squash(span)) or 1
    shared = sum(a == b for a, b in zip(span, canonical, strict=False)) / max(len(span), 1)
    sim = c.similarity
    notes = " | ".join(c.notes)
    return [
        sim,
        max(0.0, 0.85 - sim),
        max(0.0, 0.95 - sim),
        float(c.method == "format"),
        float(c.method == "variant"),
        float(c.method == "pinyin"),
        float(c.method == "phonetic"),
        float(c.method == "spoken"),
        float(c.cap_suggestion),
        float(bool(term.syllables)),
        math.log(letters),
        float(term_words),
        float(canonical.isupper() and len(term.letters) <= 5),
        float(len(term.letters) <= 3),
        math.log1p(cjk_chars),
        float(len(latin)),
        float(bool(cjk_chars and latin)),
        math.log1p(freq),
        float(freq >= _FREQUENT),
        known,
        known * (not chinese),
        float(any(is_function_word(w) for w in latin)),
        float(bool(_DIGIT.search(span))),
        abs(math.log(heard_letters / letters)),
        float(chinese),
        float(chinese and bool(latin) and not cjk_chars),
        float(_squash(span) == _squash(canonical)),
        shared,
        math.log(competing),
        margin,
        float(term.role == "directory"),
        math.log1p(rivals),
        float(joins_words(span, canonical)),
        float(acronym_of_word(span, canonical)),
        *(float(marker in notes) for _, marker in _NOTES),
    ]


def features(text: str, candidates: Sequence[Candidate],
             segmenter: Segmenter) -> list[list[float]]:
    """One row of :data:`FEATURES` per candidate of ``text``, in their order. A row depends on
    the candidate, its surroundings and the candidates that overlap it, never on text further
    away: a long text checked in pieces, or a text whose other terms were fixed, scores each
    candidate alike."""
    competing = Counter((c.start, c.end) for c in candidates)
    rivals = Counter((c.start, c.end) for c in
                     {(c.start, c.end, c.term.id): c for c in candidates
                      if c.term.role == "directory"}.values())
    overlaps = Overlaps(candidates)
    return [_row(text, c, segmenter, competing[c.start, c.end], _margin(c, overlaps),
                 rivals[c.start, c.end]) for c in candidates]


#: the margin of a candidate no other term competes with
_CLEAR = 0.25


def _margin(c: Candidate, overlaps: Overlaps[Candidate]) -> float:
    """How much more alike the candidate is than the best other term proposed over an
    overlapping span (``_CLEAR`` when none is), within ±``_CLEAR``."""
    rival = max((o.similarity for o in overlaps.of(c.start, c.end) if o.term.id != c.term.id),
                default=None)
    if rival is None:
        return _CLEAR
    return max(-_CLEAR, min(_CLEAR, c.similarity - rival))
