"""Pure scoring functions: how alike a heard window and a lexicon term are.

Every scorer returns a similarity in [0, 1] (1 = identical keys); the corrector turns it
into the final score by applying the documented adjustments (common words, short terms,
a correct term inside the window), each recorded in the evidence notes.

>>> round(pinyin_similarity(("yao", "shun", "yu"), ("yao", "shun", "yu")), 2)
1.0
>>> round(pinyin_similarity(("yao", "sun", "yu"), ("yao", "shun", "yu")), 2)
0.97
>>> round(spelling_similarity("retrial", "retrieval"), 2)
0.78
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .phonetics import fold_syllable, phone_similarity, pinyin_phones

__all__ = [
    "FOLDED_SYLLABLE",
    "MIN_SYLLABLE_SIMILARITY",
    "SUBSTITUTED_SYLLABLE_MAX",
    "english_similarity",
    "pinyin_similarity",
    "spelling_similarity",
    "syllable_floor",
    "syllable_similarity",
]

#: similarity of two syllables that differ only by a fuzzy fold (z/zh, n/l, -n/-ng …)
FOLDED_SYLLABLE = 0.9
#: the most a syllable outside the fold can contribute (scaled by its phone similarity)
SUBSTITUTED_SYLLABLE_MAX = 0.75
#: below this a substituted syllable is another sound, not a mis-hearing (rejects 智能的→智能体)
MIN_SYLLABLE_SIMILARITY = 0.45


def syllable_floor(n_syllables: int) -> float:
    """The similarity every syllable of a window of ``n_syllables`` must reach against the
    term's: :data:`MIN_SYLLABLE_SIMILARITY` up to four syllables, none from five on (a long
    term may lose one).

    >>> syllable_floor(3), syllable_floor(5)
    (0.45, 0.0)
    """
    return MIN_SYLLABLE_SIMILARITY if n_syllables <= 4 else 0.0


@lru_cache(maxsize=262144)
def syllable_similarity(a: str, b: str) -> float:
    """Similarity of two toneless pinyin syllables."""
    if a == b:
        return 1.0
    if fold_syllable(a) == fold_syllable(b):
        return FOLDED_SYLLABLE
    return SUBSTITUTED_SYLLABLE_MAX * phone_similarity(pinyin_phones(a), pinyin_phones(b))


def pinyin_similarity(heard: tuple[str, ...], term: tuple[str, ...]) -> float:
    """Mean syllable similarity of two equally long syllable sequences (0 otherwise)."""
    if len(heard) != len(term) or not term:
        return 0.0
    return sum(syllable_similarity(a, b) for a, b in zip(heard, term, strict=True)) / len(term)


def spelling_similarity(heard: str, term: str) -> float:
    """Normalised edit similarity of two squashed spellings."""
    return Levenshtein.normalized_similarity(heard, term)


def english_similarity(heard_phones: str, term_phones: str,
                       heard_letters: str | None, term_letters: str,
                       heard_classes: str | None = None,
                       term_classes: str | None = None) -> float:
    """The better of sound and (for Latin windows) spelling similarity (the phone classes
    may be given, see :func:`~asrfix.phonetics.phone_similarity`)."""
    sim = phone_similarity(heard_phones, term_phones, heard_classes, term_classes)
    if heard_letters is not None:
        sim = max(sim, spelling_similarity(heard_letters, term_letters))
    return sim
