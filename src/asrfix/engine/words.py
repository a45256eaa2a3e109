"""The first stage: a text's spoken words, with their offsets, their keys (syllables, phones,
letters) and whether each joins the next in a window.

>>> from asrfix.segment import Segmenter
>>> words, starts, ends, joins = words_of(Segmenter(), "聊 deep seek，see www.a.com")
>>> [w.text for w in words], starts, ends, joins
(['聊', 'deep', 'seek', 'see'], [0, 2, 7, 12], [1, 6, 11, 15], [True, True, False])
>>> words[0].syllables, words[1].letters, words[1].cjk
(('liao',), 'deep', False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..once import once
from ..phonetics import fold_syllable, pinyin_phones, word_list, word_parts, word_phones
from ..pinyin import syllables
from ..segment import DECIMAL_POINTS, Segmenter

__all__ = ["APOSTROPHES", "JOINERS", "NOT_SPEECH_PARTS", "POSSESSIVE", "Word",
           "chinese_function_word", "latin_letter", "latin_phones", "not_speech", "words_of"]

#: characters between two words that still let them join in one window (an apostrophe
#: joins too, but only between two Latin letters, see :func:`_in_word`: baldur's, o'hearn;
#: not a quotation mark, ‘open’ ai)
JOINERS = frozenset({" ", "-", "\u00a0", "\u3000"})
#: the apostrophes (straight and curly)
APOSTROPHES = frozenset("'\u2019")
#: an apostrophe inside a word before a consonant: a possessive or a contraction (window's,
#: it's, don't; not the syllable mark of pinyin, before a vowel: tian'anmen, xi'an)
POSSESSIVE = re.compile("[A-Za-z]['\u2019][b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]")
_EXTENSIONS = r"(?:com|org|net|io|ai|edu|gov|cn|co|uk|de|jp|html?|pdf|txt|json|py|md)\b"
#: web addresses, e-mail addresses and file names: text that was typed, not transcribed; and
#: false starts (a word cut off with a hyphen: "Pe- Peter"), which the speaker abandoned.
#: Each with a quick search that must succeed somewhere in a text for the pattern to match.
NOT_SPEECH_PARTS = (
    (r"\b(?:https?://|www\.)\S+", re.compile(r"https?://|www\.", re.I)),
    (r"\S+@\S+\.\w+", re.compile("@")),
    (r"\b[\w-]+(?:\.[\w-]+)*\." + _EXTENSIONS, re.compile(r"\." + _EXTENSIONS, re.I)),
    (r"\b[A-Za-z]+-(?=\s|$)", re.compile("-")),
)


@lru_cache(maxsize=16)
def _not_speech_pattern(kinds: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("|".join(NOT_SPEECH_PARTS[k][0] for k in kinds), re.I)


def not_speech(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that were typed or abandoned, not said (see ``NOT_SPEECH_PARTS``).
    The alternatives whose telltale is nowhere in the text are left out of the search: the
    same matches, without trying "\\S+@" at every character of a text with no "@"."""
    kinds = tuple(k for k, (_, telltale) in enumerate(NOT_SPEECH_PARTS)
                  if telltale.search(text))
    if not kinds:
        return []
    return [m.span() for m in _not_speech_pattern(kinds).finditer(text)]


@dataclass(slots=True)
class Word:
    """A word of the text, shared by all its occurrences (their offsets are kept beside)."""

    text: str
    kind: str  # a token kind: "cjk", "latin" or "digit"
    syllables: tuple[str, ...]
    phones: str
    letters: str
    cjk: bool
    glued: bool = False  # joined to a neighbour by &, /, @, + or _ (o&m, TCP/IP)
    folded: tuple[str, ...] = ()
    freq: int = 0  # jieba's frequency of a Chinese word
    #: a Chinese function word (see :func:`chinese_function_word`)
    closed: bool = False


@once
def _chinese_function_words() -> frozenset[str]:
    return word_list("chinese_function_words.txt")


def chinese_function_word(word: str) -> bool:
    """Whether ``word`` is a Chinese function word: a preposition, conjunction, pronoun,
    particle or prefix (跟, 只有, 他, 之, 非: the words jieba's dictionary tags so, see
    ``data/chinese_function_words.txt``), which the recogniser writes because the sentence
    needs it, not for a syllable of an English term.

    >>> chinese_function_word("跟"), chinese_function_word("拆")
    (True, False)
    """
    return word in _chinese_function_words()


@lru_cache(maxsize=65536)
def latin_phones(word: str) -> str:
    """The phones of a Latin word (or number), read part by part."""
    return "".join(word_phones(p) for p in word_parts(word))


def words_of(segmenter: Segmenter,
             text: str) -> tuple[list[Word], list[int], list[int], list[bool]]:
    """Word tokens with their keys, their start and end offsets, and whether each may join
    the next in a window. Each distinct word is keyed once per text, and its occurrences
    share one object (speech repeats itself)."""
    pieces = segmenter.pieces(text)
    words: list[Word] = []
    starts: list[int] = []
    ends: list[int] = []
    gaps: list[bool] = []  # (whether only spaces or joiners came before each word)
    add_word, add_start, add_end, add_gap = (
        words.append, starts.append, ends.append, gaps.append)
    gap_ok = True
    seen: dict[str, Word] = {}
    seen_latin: dict[tuple[str, bool], Word] = {}
    frequency = segmenter.word_frequency
    skip = not_speech(text)
    skip.append((len(text) + 1, len(text) + 1))
    k = 0
    next_skip = skip[0][0]  # (most texts: nothing to skip, and this is past the end)
    for piece, start, end, kind in pieces:
        if start >= next_skip:
            while skip[k][1] <= start:
                k += 1
            next_skip = skip[k][0]
            if next_skip <= start:
                gap_ok = False  # inside an address, e-mail or file name: written, not heard
                continue
        if kind == "cjk":
            word = seen.get(piece)
            if word is None:
                syl = syllables(piece)
                word = seen[piece] = Word(
                    piece, kind, syl, "".join(pinyin_phones(s) for s in syl), piece, True,
                    False, tuple(fold_syllable(s) for s in syl), frequency(piece),
                    chinese_function_word(piece))
        elif kind == "latin" or kind == "digit":
            glued = _glued(text, start, end)
            word = seen_latin.get((piece, glued))
            if word is None:
                plain = piece.translate(_POINTS)  # (4.6 is read 4 6: the point unsaid)
                word = seen_latin[piece, glued] = Word(
                    piece, kind, (), latin_phones(plain), plain.lower(), False, glued)
        else:
            if kind != "space" and piece not in JOINERS and not _in_word(text, piece, start):
                gap_ok = False
            continue
        add_word(word)
        add_start(start)
        add_end(end)
        add_gap(gap_ok)
        gap_ok = True
    return words, starts, ends, gaps[1:]


def _in_word(text: str, piece: str, start: int) -> bool:
    """Whether ``piece`` at ``start`` is an apostrophe between two Latin letters.

    >>> _in_word("baldur's", "'", 6), _in_word("‘open’ ai", "’", 5), _in_word("用'deep", "'", 1)
    (True, False, False)
    """
    return (piece in APOSTROPHES and start > 0 and start + 1 < len(text)
            and latin_letter(text[start - 1]) and latin_letter(text[start + 1]))


def latin_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter of the Latin alphabet (A-Z, a-z)."""
    return ch.isascii() and ch.isalpha()


_GLUE = frozenset("&/@+_")
#: a number's decimal points, which its token holds (4.6, 5．1), taken out of its keys
_POINTS = str.maketrans("", "", DECIMAL_POINTS)


def _glued(text: str, s: int, e: int) -> bool:
    """Whether the token at ``text[s:e]`` is joined to an adjacent word by &, /, @, + or _
    (no spaces)."""
    right = e + 1 < len(text) and text[e] in _GLUE and text[e + 1].isalnum()
    left = s >= 2 and text[s - 1] in _GLUE and text[s - 2].isalnum()
    return right or left
