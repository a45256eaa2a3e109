"""Fast toneless pinyin from pypinyin's own dictionaries.

pypinyin's ``lazy_pinyin`` is thorough but costs tens of microseconds a call, too slow for a
100,000-term lexicon. This module reads the same data (``pinyin_dict`` for characters,
``phrases_dict`` for words whose reading depends on context, such as 重庆 or 银行) and
converts a string by greedy longest phrase match, then the first reading of each character.
Characters pypinyin does not know are skipped, as ``lazy_pinyin(errors="ignore")`` does.

>>> syllables("尧舜禹"), syllables("重庆银行"), syllables("吕布")
(('yao', 'shun', 'yu'), ('chong', 'qing', 'yin', 'hang'), ('lv', 'bu'))
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["split_syllables", "syllables"]

_TONES = str.maketrans({
    "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v",
    "ü": "v", "ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m", "ê": "e", "ế": "e", "ề": "e",
})
_MAX_PHRASE = 6


def _plain(toned: str) -> str:
    s = toned.translate(_TONES)
    if s[:1] in ("j", "q", "x", "y") and "v" in s:
        s = s.replace("v", "u")
    return s


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[str, list[list[str]]]]:
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict, phrases_dict


@lru_cache(maxsize=65536)
def _char(c: str) -> str:
    toned = _tables()[0].get(ord(c))
    return _plain(toned.split(",", 1)[0]) if toned else ""


@lru_cache(maxsize=131072)
def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of the Chinese characters in ``text``."""
    phrases = _tables()[1]
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for length in range(min(_MAX_PHRASE, n - i), 1, -1):
            hit = phrases.get(text[i:i + length])
            if hit is not None and len(hit) == length:
                out.extend(_plain(r[0]) for r in hit)
                i += length
                break
        else:
            s = _char(text[i])
            if s:
                out.append(s)
            i += 1
    return tuple(out)


@lru_cache(maxsize=1)
def _syllable_set() -> frozenset[str]:
    out: set[str] = set()
    for readings in _tables()[0].values():
        for r in readings.split(","):
            out.add(_plain(r))
    return frozenset(s for s in out if s.isascii() and s.isalpha())


@lru_cache(maxsize=65536)
def split_syllables(letters: str) -> tuple[str, ...] | None:
    """Split lower-case letters into toneless pinyin syllables (fewest syllables), or
    ``None`` when they are not pinyin.

    >>> split_syllables("yangzhilin"), split_syllables("xian"), split_syllables("deepseek")
    (('yang', 'zhi', 'lin'), ('xian',), None)
    """
    valid = _syllable_set()
    n = len(letters)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prefix = best[i]
        if prefix is None:
            continue
        for j in range(min(n, i + 6), i, -1):
            piece = letters[i:j]
            if piece in valid:
                cand = (*prefix, piece)
                old = best[j]
                if old is None or len(cand) < len(old):
                    best[j] = cand
    return best[n]
