"""Trimming, after the evidence is weighed and before overlaps are resolved: a correction of
several words shrinks to the words that change, so that words heard right are left as the
transcript has them; a candidate whose changed part does not sound like its replacement is
dropped.

>>> from asrfix import Corrector
>>> text = "we scaled test time computer a lot"
>>> [c] = Corrector(["test-time compute"]).candidates(text)
>>> t = trim(text, c)
>>> text[t.start:t.end], t.replacement
('computer', 'compute')
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from ..index import squash, text_pronunciations
from ..phonetics import known_word, mixed_phones, phone_similarity
from .candidate import Candidate
from .evidence import REST_SIMILARITY
from .forms import ENDINGS, WORD, WORD_SPLIT, inflection, known_form
from .scripts import ENGLISH_WORD_SIMILARITY, GUESSED_SPELLING, cjk_context

__all__ = ["ADDED", "AGREES", "DELETED", "REST_SIMILARITY_CHINESE", "UNLIKE", "trim",
           "trim_or_why"]

#: :data:`~asrfix.engine.evidence.REST_SIMILARITY` for code-switched English inside Chinese
#: speech, where an English word heard right beside a mangled one is strong evidence ("news
#: network" for "neural network")
REST_SIMILARITY_CHINESE = 0.4


def trim(text: str, c: Candidate) -> Candidate | None:
    """Shrink a multi-word correction to the words that change (minimal diff).

    ``test time computer`` → ``test-time compute`` becomes ``computer`` → ``compute``: words
    that already match are left exactly as the transcript has them. A cut is made only where
    the transcript and the term use the same separator (so ``GPT two`` → ``GPT-2`` keeps its
    hyphen), but for a version heard right at an end (``v2`` of ``mist roll v2``, left as
    written). The part that changes must itself sound like its replacement, else the match
    rested on the shared words alone (``ent research`` → ``Deep Research``) and is dropped;
    so is a match that adds words with nothing heard for them or only deletes letters
    (:func:`trim_or_why` says why). (No candidate cuts a written decimal number, ``GPT3`` of
    ``GPT3.5``: the segmenter makes the number one word.)
    """
    out = trim_or_why(text, c)
    return None if isinstance(out, str) else out


def trim_or_why(text: str, c: Candidate) -> Candidate | str:
    """:func:`trim`, or why it drops the candidate.

    >>> from asrfix import Corrector
    >>> text = "call our investor relation desk"
    >>> [c] = Corrector(["Zog Investor Relations"]).candidates(text)
    >>> trim_or_why(text, c)
    'the term adds words where nothing was heard for them'
    """
    span = text[c.start:c.end]
    if c.method not in ("phonetic", "spelling"):
        return c
    src = [m.span() for m in WORD.finditer(span)]
    dst = [m.span() for m in WORD.finditer(c.replacement)]
    if len(src) < 2 and len(dst) < 2:
        return c
    if _inside_term(span, src, c.replacement, dst):
        return ADDED
    lo, hi = _alike_ends(span, src, c.replacement, dst)
    if lo == 0 and hi == 0:
        return _whole(text, c, span)
    if lo + hi >= min(len(src), len(dst)):
        if not _one_letter_unheard(c.replacement, dst, lo, hi, len(src)):
            return ADDED  # words added or dropped with nothing heard for them
        return c  # one letter of a spelled sequence not heard (V R for V A R): kept whole
    return _cut(text, c, src, dst, (lo, hi))


#: why :func:`trim_or_why` drops a candidate
ADDED = "the term adds words where nothing was heard for them"
DELETED = "the change only deletes a word written onto the term's"
UNLIKE = ("the words that change do not sound like what they would become (the match "
          "rested on the words kept)")
AGREES = "only grammatical number changes, and the singular agrees with the verb after it"
#: the note of a candidate :func:`trim` makes a suggestion
_UNLIKE_WORD = "a dictionary word changes into one it does not sound like as written"


def _whole(text: str, c: Candidate, span: str) -> Candidate:
    """A candidate no word of which is heard as the term has it: kept whole, a suggestion
    where a dictionary word of English speech changes into a word it does not sound like
    as written."""
    if cjk_context(text, c.start, c.end) or not _doubtful_words(span, c.replacement):
        return c
    return _suggested(c)


def _suggested(c: Candidate) -> Candidate:
    """``c`` as a suggestion only: a dictionary word changes into one it does not sound like
    as written."""
    return replace(c, notes=(*c.notes, _UNLIKE_WORD), cap_suggestion=True)


def _cut(text: str, c: Candidate, src: list[tuple[int, int]], dst: list[tuple[int, int]],
         alike: tuple[int, int]) -> Candidate | str:
    """The candidate cut to the words that change, those alike at each end (``alike``: how
    many, :func:`_alike_ends`; of the span's words at ``src`` and the replacement's at
    ``dst``) left as written where they may be cut (:func:`_equal_ends`); or why it is
    dropped."""
    span = text[c.start:c.end]
    lo, hi = alike
    changed = span[src[lo][0]:src[len(src) - 1 - hi][1]]
    into = c.replacement[dst[lo][0]:dst[len(dst) - 1 - hi][1]]
    chinese = cjk_context(text, c.start, c.end)
    if _only_deleted(changed, into):
        return DELETED
    # what the changed words become, as the index reads it (an acronym read as a word too:
    # kog for KOGG); but a dictionary word of English speech must sound like it as written,
    # or that reading would make every "gap" a GAAP
    word = not chinese and _doubtful_words(changed, into, any_word=True)
    readings = (mixed_phones(into),) if word else text_pronunciations(into)
    rest = _changed_similarity(changed, into, chinese, readings)
    if rest < (REST_SIMILARITY_CHINESE if chinese else REST_SIMILARITY):
        return UNLIKE
    # a real word changed in English speech into something that sounds unlike it: the
    # words kept make the term likely, not this change (Ecology Transition Ministry)
    doubtful = word and rest < ENGLISH_WORD_SIMILARITY
    number_only = inflection(squash(changed), squash(into))
    if number_only and len(into) > len(changed) and _singular_verb_after(text, c.end):
        return AGREES  # "the latest chest radiograph shows"
    lo, hi = _equal_ends(span, src, c.replacement, dst, lo, hi)
    if lo == 0 and hi == 0:  # (no word may be cut: written otherwise, Ecology Transition)
        return _suggested(c) if doubtful else c
    s0, e0 = src[lo][0], src[len(src) - 1 - hi][1]
    r0, r1 = dst[lo][0], dst[len(dst) - 1 - hi][1]
    return Candidate(c.start + s0, c.start + e0, c.term, c.replacement[r0:r1], c.score,
                     c.method, c.heard, c.expected, c.similarity,
                     (*c.notes, f"unchanged words kept; changed part similarity {rest:.2f}",
                      *(("only grammatical number changes",) if number_only else ())),
                     c.cap_suggestion or number_only or doubtful)


def _doubtful_words(changed: str, into: str, *, any_word: bool = False) -> bool:
    """Whether a dictionary word of ``changed`` changes into a word it does not sound like
    as written (similarity below :data:`ENGLISH_WORD_SIMILARITY`; ``any_word``: whether
    any dictionary word changes), each paired with the word of ``into`` it becomes where
    both have as many words; a word changed only in case or by a plural ending is not
    changed."""
    if not (changed.isascii() and into.isascii()):
        return False
    heard = [w for w in WORD_SPLIT.split(changed) if w]
    said = [w for w in WORD_SPLIT.split(into) if w]
    return len(heard) == len(said) and any(
        h.lower() != w.lower() and not inflection(h.lower(), w.lower()) and known_word(h)
        and (any_word or phone_similarity(mixed_phones(h), mixed_phones(w))
             < ENGLISH_WORD_SIMILARITY)
        for h, w in zip(heard, said, strict=True))


def _word(text: str, sp: tuple[int, int]) -> str:
    return text[sp[0]:sp[1]]


def _alike_ends(span: str, src: list[tuple[int, int]], replacement: str,
                dst: list[tuple[int, int]]) -> tuple[int, int]:
    """How many words at the start and at the end the span (its words at ``src``) and the
    replacement (at ``dst``) share, up to case."""
    # words equal but for case are not evidence that the rest was heard right
    lo = 0
    while (lo < len(src) and lo < len(dst)
           and _word(span, src[lo]).lower() == _word(replacement, dst[lo]).lower()):
        lo += 1
    hi = 0
    while (hi < len(src) - lo and hi < len(dst) - lo
           and _word(span, src[-1 - hi]).lower() == _word(replacement, dst[-1 - hi]).lower()):
        hi += 1
    return lo, hi


def _inside_term(span: str, src: list[tuple[int, int]], replacement: str,
                 dst: list[tuple[int, int]]) -> bool:
    """Whether the span is two or more of the replacement's words, heard as they are (up to
    case and a plural ending), and the replacement has more: ``investor relation`` of
    ``ZAGG Investor Relations``, where nothing was heard for ZAGG. (Spelled letters are
    another matter: a letter of them may go unheard, ``I C U`` for ``N I C U``.)"""
    if len(src) < 2 or len(dst) <= len(src):
        return False
    heard = [_word(span, s).lower() for s in src]
    if any(len(h) == 1 for h in heard):
        return False
    words = [_word(replacement, d).lower() for d in dst]
    return any(all(h == w or inflection(h, w)
                   for h, w in zip(heard, words[j:j + len(heard)], strict=True))
               for j in range(len(words) - len(heard) + 1))


def _only_deleted(changed: str, into: str) -> bool:
    """Whether the change only drops a dictionary word of three letters or more written onto
    one end of a Latin word (``trainpost`` into ``post``): no mis-hearing is mended by
    deleting a word (an ending, ``indexing`` for Index, is another matter)."""
    a, b = changed.lower(), into.lower()
    if not (a.isascii() and a.isalpha() and b and len(a) - len(b) >= 3):
        return False
    rest = a[:-len(b)] if a.endswith(b) else a[len(b):] if a.startswith(b) else ""
    return bool(rest) and rest not in ENDINGS and known_word(rest)


def _one_letter_unheard(replacement: str, dst: list[tuple[int, int]], lo: int, hi: int,
                        n_src: int) -> bool:
    """Whether all the span's ``n_src`` words are the replacement's but one letter of a
    spelled sequence, between single letters (V R for V A R)."""
    added = [_word(replacement, d) for d in dst[lo:len(dst) - hi]]
    beside = [_word(replacement, d) for d in dst[max(0, lo - 1):lo]
              + dst[len(dst) - hi:len(dst) - hi + 1]]
    return (n_src < len(dst) and len(added) == 1 and len(added[0]) == 1
            and added[0].isupper() and bool(beside) and all(len(b) == 1 for b in beside))


def _changed_similarity(changed: str, into: str, chinese: bool,
                        readings: tuple[str, ...]) -> float:
    """How alike the changed words sound to (or, in Chinese speech, are spelled as) what
    they become, said as ``readings`` say it."""
    rest = max((phone_similarity(mixed_phones(changed), p) for p in readings), default=0.0)
    if len(changed) == len(into) == 1 and changed.isupper() and into.isupper():
        rest = 1.0  # one spelled letter misheard as another (D A R P R / D A R P A)
    elif changed.isascii() and into.isascii():
        # the spelling counts too: in code-switched speech (retrial / retrieval); in English
        # speech where it is near-identical, as a word's one English word must be
        # (pneumonia / pneumoniae, whose sound no dictionary has and is only guessed), or
        # where the recogniser wrote no dictionary word, its letters a guess at a name's
        # (gyanne / Guyenne)
        spelled = Levenshtein.normalized_similarity(squash(changed), squash(into))
        if chinese or spelled >= ENGLISH_WORD_SIMILARITY or (
                spelled >= GUESSED_SPELLING and not _dictionary_words(changed)):
            rest = max(rest, spelled)
    return rest


def _dictionary_words(text: str) -> bool:
    """Whether every word of ``text`` is in the pronouncing dictionary, or one of its words
    with an ending (airings, unlocks, ghosted: the dictionary lacks many such forms)."""
    return all(known_form(w.lower()) for w in WORD_SPLIT.split(text) if w)


def _equal_ends(span: str, src: list[tuple[int, int]], replacement: str,
                dst: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int]:
    """The shared words at the start and at the end (``lo``, ``hi``: alike up to case) that
    may be cut: only exactly equal words, and only where both use the same separator; but
    a version (v4, r1: a number with a letter) is cut where only its case and separator
    differ, as a writer's style (``mist roll v2`` for Mistral-V2 leaves ``v2`` as it is)."""
    def same(k: int) -> bool:
        heard, own = _word(span, src[k]), _word(replacement, dst[k])
        return heard == own or (_version(heard) and heard.lower() == own.lower())

    def joined_alike(a: int, b: int) -> bool:  # (the separator between words a and a + 1)
        return span[src[a][1]:src[a + 1][0]] == replacement[dst[b][1]:dst[b + 1][0]]

    while lo and (not all(same(k) for k in range(lo))
                  or not (joined_alike(lo - 1, lo - 1) or _version(_word(span, src[lo - 1])))):
        lo -= 1
    while hi and (not all(same(-1 - k) for k in range(hi))
                  or not (joined_alike(len(src) - 1 - hi, len(dst) - 1 - hi)
                          or _version(_word(span, src[-hi])))):
        hi -= 1
    return lo, hi


_VERSION = re.compile(r"\d+[^\W\d_]|[^\W\d_]\d+")


def _version(word: str) -> bool:
    """Whether ``word`` is a version: a number with one letter before or after it (a bare
    number is not: ``GBT 4`` is GPT-4 heard, its joiner the term's).

    >>> [_version(w) for w in ("v4", "R1", "4o", "27b", "4", "GPT4", "Opus")]
    [True, True, True, True, False, False, False]
    """
    return _VERSION.fullmatch(word) is not None


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


_SINGULAR_AUXILIARIES = frozenset({"is", "was", "has", "does", "doesn", "isn", "wasn", "hasn"})


def _singular_verb_after(text: str, end: int) -> bool:
    """Whether the next word is a verb in the third person singular (is, has, shows …):
    an -s word whose stem is itself an English word, or a singular auxiliary."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in _SINGULAR_AUXILIARIES or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss")
        and known_word(word) and known_word(word[:-1]))
