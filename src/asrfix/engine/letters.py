"""Candidates by spelled letters: an acronym read letter by letter in Chinese speech and
written by the recogniser as the Chinese syllables it heard (诶辟爱 for API, 吉皮替 for GPT),
and one spelled out in English whose last letter was lost (:func:`last_letter_lost`).

Each letter has the syllables Mandarin speakers say it with (:data:`LETTER_SYLLABLES`); a
run of Chinese characters whose syllables spell, letter by letter, an acronym of the lexicon
(a term written in capitals, two letters or more) is proposed as that term, a suggestion
only. A run that is itself a common word (第一, "di yi", is not DE) is left alone.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> index = TermIndex(Lexicon.from_terms(["API", "GPT"]))
>>> ctx = CheckContext.of(Segmenter(), "我们用诶辟爱调用吉皮替")
>>> spelled_letters(index, Config(), ctx)
>>> [(ctx.text[c.start:c.end], c.replacement, c.cap_suggestion) for c in ctx.out]
[('诶辟爱', 'API', True), ('吉皮替', 'GPT', True)]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..index import TermIndex
from ..phonetics import known_word
from ..pinyin import LETTER_SYLLABLES
from .candidate import Candidate
from .context import CheckContext
from .scripts import cjk_context
from .words import Word

__all__ = ["LETTER_SYLLABLES", "LOST_LETTER_SCORE", "SPELLED_SCORE", "last_letter_lost",
           "spelled_letters"]

#: the score of an acronym spelled in Chinese syllables: a suggestion above the default floor
SPELLED_SCORE = 0.8
#: the most letters an acronym spelled so is looked for with
_MOST_LETTERS = 6
#: the score of an acronym spelled out in English with its last letter lost: a suggestion
#: just above the default floor
LOST_LETTER_SCORE = 0.75
#: the fewest letters spelled out before the lost one (U E F for U E F A; not "I A")
_FEWEST_SPELLED = 3
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"

#: syllables → the letter they spell, for every reading
_READINGS: dict[tuple[str, ...], str] = {
    syl: letter for letter, forms in LETTER_SYLLABLES.items() for syl in forms}
#: the letters said with 艾 (ai) before their consonant are as often said with 诶 (ei): 诶斯
#: for S; a looser reading, as 诶 is also an interjection that a word may follow (诶死机):
#: a spelling that uses one needs three letters or more
_LOOSE: dict[tuple[str, ...], str] = {
    ("ei", *syl[1:]): letter for syl, letter in _READINGS.items()
    if len(syl) > 1 and syl[0] == "ai"}
#: the fewest letters of a spelling with a loose reading
_FEWEST_LOOSE = 3
_LONGEST = max(map(len, _READINGS))
#: every syllable that is part of a letter's reading
_LETTER_SYLLABLES = frozenset(x for syl in (*_READINGS, *_LOOSE) for x in syl)


def spelled_letters(index: TermIndex, config: Config, ctx: CheckContext) -> None:
    """Acronyms of the lexicon spelled letter by letter in Chinese syllables: suggestions.
    Only runs of touching Chinese words made wholly of letter syllables are looked at (a
    word with any other syllable cannot be part of a spelling)."""
    for run in _letter_runs(ctx):
        for n, a in enumerate(run):
            syl = tuple(s for k in run[n:n + _MOST_LETTERS * _LONGEST]
                        for s in ctx.words[k].syllables)
            for count, letters in _spellings(syl):
                end_word = _word_ending_at(ctx, a, count)
                if end_word is not None and not _common(ctx.words, a, end_word, config):
                    _propose(index, ctx, a, end_word, letters, syl[:count])


def _letter_runs(ctx: CheckContext) -> Iterator[list[int]]:
    """Runs of touching Chinese words whose syllables are all letter syllables, of two
    syllables or more."""
    words, starts, ends = ctx.words, ctx.starts, ctx.ends
    spellable: dict[int, bool] = {}  # (words are shared by their occurrences)
    run: list[int] = []
    size = 0
    for k, w in enumerate(words):
        ok = spellable.get(id(w))
        if ok is None:
            ok = spellable[id(w)] = w.cjk and _LETTER_SYLLABLES.issuperset(w.syllables)
        if ok and run and ends[run[-1]] == starts[k]:
            run.append(k)
            size += len(w.syllables)
            continue
        if size >= 2:
            yield run
        run, size = ([k], len(w.syllables)) if ok else ([], 0)
    if size >= 2:
        yield run


def _propose(index: TermIndex, ctx: CheckContext, a: int, b: int, letters: str,
             syl: tuple[str, ...]) -> None:
    """Words ``a``-``b`` spell ``letters``: the acronyms of the lexicon spelled so."""
    start, end = ctx.starts[a], ctx.ends[b]
    for tid, variant in index.exact_matches(letters):
        ct = index.terms[tid]
        if variant is None and ct.canonical.isupper() and ct.canonical.isalpha():
            ctx.out.append(Candidate(
                start, end, ct, ct.canonical, SPELLED_SCORE, "phonetic", " ".join(syl),
                ct.canonical, SPELLED_SCORE,
                (f"the letters of {ct.canonical!r} said in Chinese "
                 f"({ctx.text[start:end]})",), cap_suggestion=True))


def _spellings(syl: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """Every spelling of two letters or more that the syllables start with (of three or
    more, where a loose reading is used: :data:`_LOOSE`): (how many syllables, the letters).

    >>> sorted(_spellings(("ei", "si", "di", "kai")))
    [(4, 'sdk')]
    >>> sorted(_spellings(("ei", "si", "ji")))
    []
    """
    stack: list[tuple[int, str, bool]] = [(0, "", False)]
    while stack:
        used, letters, loose = stack.pop()
        if len(letters) >= (_FEWEST_LOOSE if loose else 2):
            yield used, letters
        if len(letters) == _MOST_LETTERS:
            continue
        for size in range(1, _LONGEST + 1):
            if used + size > len(syl):
                break
            piece = syl[used:used + size]
            letter = _READINGS.get(piece)
            if letter is not None:
                stack.append((used + size, letters + letter, loose))
            letter = _LOOSE.get(piece)
            if letter is not None:
                stack.append((used + size, letters + letter, True))


def _word_ending_at(ctx: CheckContext, a: int, count: int) -> int | None:
    """The word whose last syllable is the ``count``-th from word ``a`` on, if a word ends
    there."""
    seen = 0
    for k in range(a, len(ctx.words)):
        seen += len(ctx.words[k].syllables)
        if seen == count:
            return k
        if seen > count:
            return None
    return None


def _common(words: list[Word], a: int, b: int, config: Config) -> bool:
    """Whether the words a spelling covers are one common word (第一 is not DE)."""
    return a == b and words[a].freq >= config.common_word_frequency and len(
        words[a].syllables) > 1


def last_letter_lost(index: TermIndex, ctx: CheckContext) -> None:
    """An acronym of the show spelled out letter by letter in English speech, its last
    letter lost to the next word (``U E F set`` for U E F A): a run of three capital letters
    or more, apart by spaces, that is no term and no acronym of its own (U S A, D N A: the
    pronouncing dictionary knows them), and that the acronyms of the lexicon continue by
    one and the same letter, a show's among them. A suggestion only.

    >>> from asrfix.lexicon import Lexicon
    >>> from asrfix.segment import Segmenter
    >>> index = TermIndex(Lexicon.from_terms(["U E F A", "FIFA", "USAF"]))
    >>> ctx = CheckContext.of(Segmenter(), "Then U E F set the dates in the U S A.")
    >>> last_letter_lost(index, ctx)
    >>> [(ctx.text[c.start:c.end], c.replacement, c.cap_suggestion) for c in ctx.out]
    [('U E F', 'U E F A', True)]
    """
    for a, b in _single_letter_runs(ctx):
        start, end = ctx.starts[a], ctx.ends[b]
        letters = "".join(w.letters for w in ctx.words[a:b + 1])
        if (index.exact_matches(letters) or known_word(letters)
                or cjk_context(ctx.text, start, end)):
            continue  # (a term or an acronym as it is, or Chinese speech)
        hits = [(x, index.terms[tid]) for x in _ALPHABET
                for tid, variant in index.exact_matches(letters + x) if variant is None]
        shows = [ct for _, ct in hits if ct.role == "show" and _spelled_acronym(ct.canonical)]
        if len({x for x, _ in hits}) == 1 and shows:  # (one letter, however it is written)
            ct = shows[0]
            ctx.out.append(Candidate(
                start, end, ct, ct.canonical, LOST_LETTER_SCORE, "spelling", letters,
                ct.letters, len(letters) / len(ct.letters),
                (f"the letters of {ct.canonical!r} spelled out, the last one lost",),
                cap_suggestion=True))


def _single_letter_runs(ctx: CheckContext) -> Iterator[tuple[int, int]]:
    """The runs of touching words of one capital letter each, apart by spaces, of
    :data:`_FEWEST_SPELLED` or more: their first and last word (a lower-case "a" or "i"
    is a word of its own, not a spelled letter)."""
    words, text = ctx.words, ctx.text
    a = None
    for k in range(len(words) + 1):
        single = k < len(words) and not words[k].cjk and len(words[k].text) == 1 and (
            "A" <= words[k].text <= "Z")
        joined = single and a is not None and ctx.joins[k - 1] and (
            text[ctx.ends[k - 1]:ctx.starts[k]] == " ")
        if single and (a is None or joined):
            a = k if a is None else a
            continue
        if a is not None and k - a >= _FEWEST_SPELLED:
            yield a, k - 1
        a = k if single else None


def _spelled_acronym(canonical: str) -> bool:
    """Whether a term is an acronym in capitals, spelled as letters apart or together (U E
    F A, UEFA).

    >>> _spelled_acronym("U E F A"), _spelled_acronym("UEFA"), _spelled_acronym("Uefa")
    (True, True, False)
    """
    letters = canonical.replace(" ", "")
    return letters.isalpha() and letters.isupper()
