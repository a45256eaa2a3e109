"""Fast toneless pinyin from pypinyin's own dictionaries.

pypinyin's ``lazy_pinyin`` is thorough but too slow a call to run over a large lexicon.
This module reads the same data (``pinyin_dict`` for characters,
``phrases_dict`` for words whose reading depends on context, such as 重庆 or 银行) and
converts a string by greedy longest phrase match, then the first reading of each character.
Characters pypinyin does not know are skipped, as ``lazy_pinyin(errors="ignore")`` does.
Importing those dictionaries takes much memory and time, so a compact form (first reading
per character, phrases that read otherwise) is kept in the asrfix cache.

>>> syllables("尧舜禹"), syllables("重庆银行"), syllables("吕布")
(('yao', 'shun', 'yu'), ('chong', 'qing', 'yin', 'hang'), ('lv', 'bu'))
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from .once import once

__all__ = ["LETTER_SYLLABLES", "letter_reading", "split_syllables", "syllables"]

_TONES = str.maketrans({
    "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v",
    "ü": "v", "ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m", "ê": "e", "ế": "e", "ề": "e",
})
_MAX_PHRASE = 6

#: the syllables (toneless pinyin) each letter is said with in Mandarin speech
LETTER_SYLLABLES: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType({
    "a": (("ei",),), "b": (("bi",),), "c": (("xi",), ("sei",)), "d": (("di",),),
    "e": (("yi",),), "f": (("ai", "fu"),), "g": (("ji",),), "h": (("ai", "qi"), ("ai", "chi")),
    "i": (("ai",),), "j": (("jie",),), "k": (("kai",),), "l": (("ai", "le"), ("ai", "lu")),
    "m": (("ai", "mu"), ("ai", "mo")), "n": (("en",),), "o": (("ou",),), "p": (("pi",),),
    "q": (("kiu",), ("kou",)), "r": (("a",), ("a", "er")), "s": (("ai", "si"),),
    "t": (("ti",),), "u": (("you",),), "v": (("wei",),), "w": (("da", "bu", "liu"),),
    "x": (("ai", "ke", "si"),), "y": (("wai",),), "z": (("zei",), ("zei", "de")),
})
#: a name of capital letters and Chinese characters (V 型, X 光机): a letter stands alone
_LETTERS_AND_HAN = re.compile(r"(?:[A-Z]|[\u3400-\u9fff]| )+")


def letter_reading(text: str) -> tuple[str, ...]:
    """The syllables a name of capital letters and Chinese characters is said with, each
    letter as Mandarin speakers say it (its first reading in :data:`LETTER_SYLLABLES`): the
    recogniser may write those syllables in characters (微型 for V 型). Empty for any other
    text, and for a name of fewer than two Chinese characters or three syllables.

    >>> letter_reading("X 光机"), letter_reading("B 超"), letter_reading("GPT-4")
    (('ai', 'ke', 'si', 'guang', 'ji'), (), ())
    """
    if not _LETTERS_AND_HAN.fullmatch(text) or not re.search("[A-Z]", text):
        return ()
    han = syllables(text)
    if len(han) < 2 or len(han) != len(text) - text.count(" ") - sum(map(str.isupper, text)):
        return ()  # (too short, or a character without a reading)
    out: list[str] = []
    k = 0
    for ch in text:
        if ch.isupper():
            out.extend(LETTER_SYLLABLES[ch.lower()][0])
        elif ch != " ":
            out.append(han[k])
            k += 1
    return tuple(out) if len(out) >= 3 else ()


def _plain(toned: str) -> str:
    s = toned.translate(_TONES)
    if s[:1] in ("j", "q", "x", "y") and "v" in s:
        s = s.replace("v", "u")
    return s


@once
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(first toneless reading of each character, phrases whose characters read otherwise
    than alone — "" where they read the same, kept for the greedy match —, every toneless
    syllable). Importing pypinyin's dictionaries takes much memory and time, so the compact
    form is kept in the asrfix cache and read back from there. Loaded once,
    by the first thread to ask (see :mod:`asrfix.once`)."""
    from . import cache

    key = _cache_key()
    state = cache.load(key, ".pinyin") if key else None
    if (isinstance(state, tuple) and len(state) == 3 and isinstance(state[0], dict)
            and isinstance(state[1], dict) and isinstance(state[2], list)):
        return state[0], state[1], frozenset(state[2])
    # a fresh copy through marshal: the compact tables' strings were the keys of pypinyin's
    # whole dictionaries, scattered among them, and kept those dictionaries' memory resident
    chars, phrases, valid = _compact()
    fresh = marshal.loads(marshal.dumps((chars, phrases, sorted(valid))))
    if key:
        cache.save(key, fresh, ".pinyin")
    return fresh[0], fresh[1], frozenset(fresh[2])


#: pypinyin's two dictionaries: its modules of these names load the JSON files of these names
_DATA = ("pinyin_dict", "phrases_dict")


def _pypinyin_folder() -> str | None:
    """Where the pypinyin package lies (found without importing it), or ``None``."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")  # a top-level spec: nothing is imported
    if spec is None or not spec.submodule_search_locations:
        return None
    return str(spec.submodule_search_locations[0])


def _cache_key() -> str | None:
    import os

    from . import cache

    folder = _pypinyin_folder()
    if folder is None:
        return None
    modules = [os.path.join(folder, f"{name}.py") for name in _DATA]
    data = [os.path.join(folder, f"{name}.json") for name in _DATA]
    return cache.file_key("pypinyin", *modules, *filter(os.path.isfile, data))


def _pypinyin_data() -> tuple[dict[int, str], dict[str, list[list[str]]]]:
    """pypinyin's character and phrase dictionaries, read from the JSON files its modules
    load (importing the package would keep them for the life of the process),
    or through its modules where the files are not found."""
    import json
    import os

    folder = _pypinyin_folder()
    if folder is not None:
        paths = [os.path.join(folder, f"{name}.json") for name in _DATA]
        if all(os.path.isfile(p) for p in paths):
            with open(paths[0], encoding="utf-8") as f:
                codes = {int(k): v for k, v in json.load(f).items()}
            with open(paths[1], encoding="utf-8") as f:
                return codes, json.load(f)
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict, phrases_dict


def _compact() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    pinyin_dict, phrases_dict = _pypinyin_data()
    chars: dict[str, str] = {}
    valid: set[str] = set()
    for code, readings in pinyin_dict.items():
        plain = [_plain(r) for r in readings.split(",")]
        chars[chr(code)] = plain[0]
        valid.update(plain)
    phrases: dict[str, str] = {}
    for phrase, options in phrases_dict.items():
        if len(options) != len(phrase):
            continue  # never used: the greedy match needs one reading per character
        plain = [_plain(r[0]) for r in options]
        alone = [chars.get(c, "") for c in phrase]
        phrases[phrase] = "" if plain == alone else " ".join(plain)
    return chars, phrases, frozenset(v for v in valid if v.isascii() and v.isalpha())


@lru_cache(maxsize=65536)
def _char(c: str) -> str:
    return _tables()[0].get(c, "")


@lru_cache(maxsize=131072)
def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of the Chinese characters in ``text``."""
    phrases = _tables()[1]
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for length in range(min(_MAX_PHRASE, n - i), 1, -1):
            hit = phrases.get(text[i:i + length])
            if hit is not None:
                out.extend(hit.split(" ") if hit else (_char(c) for c in text[i:i + length]))
                i += length
                break
        else:
            s = _char(text[i])
            if s:
                out.append(s)
            i += 1
    return tuple(out)


@lru_cache(maxsize=65536)
def split_syllables(letters: str) -> tuple[str, ...] | None:
    """Split lower-case letters into toneless pinyin syllables (fewest syllables), or
    ``None`` when they are not pinyin.

    >>> split_syllables("yangzhilin"), split_syllables("xian"), split_syllables("deepseek")
    (('yang', 'zhi', 'lin'), ('xian',), None)
    """
    valid = _tables()[2]
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
