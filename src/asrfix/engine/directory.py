"""What a large lexicon changes: an entity directory's names are weaker evidence than a
show's own terms, and shapes no editor would rewrite are left alone whatever the lexicon.

Among tens of thousands of names, some name sounds like almost any phrase: a near match to
one of them says far less than the same match to one of a show's hundred terms. So, after
the generators and the evidence around each candidate (:func:`weigh`):

* a **show term wins** the span it competes for: a directory term's candidate that overlaps a
  show term's is dropped;
* a directory term of :data:`SHORT_LETTERS` Latin letters or fewer (CU, KT) is only taken as a
  known variant: a large directory holds most short letter strings; nor does a directory
  term grow out of a term written correctly (比 DeepMind is not BitDeepMind);
* a directory term **matched by sound** is at most a suggestion, needs a similarity of
  :data:`DIRECTORY_SIMILARITY`, is dropped where the span is **ordinary speech** (every word
  of it a word of jieba's dictionary, a single character at least
  ``Config.common_word_frequency`` frequent, an English dictionary word, a lone letter or a
  number: :func:`ordinary`), and where
  several directory terms sound alike for one span (:data:`RIVAL_GAP`): when many names
  compete, none of them is the likely one;
* a directory term **spelled** as the span (``open source`` → OpenSource) is dropped where
  it would join English dictionary words into a one-word brand (at most suggested when one
  of the term's context words is nearby), or only give a dictionary word or an
  all-capitals span another case (``copilot``, ``MOE``);
* for **every** term, a lowercase dictionary word or a lone letter made an all-capitals
  acronym (``task`` → TASK) is never a fix and loses :data:`ACRONYM_PENALTY` (rarely a
  proposal); a directory acronym never takes one.

>>> from asrfix import Corrector, Term
>>> show = Term(canonical="SmartCrow")
>>> names = [Term(canonical=n, role="directory") for n in ("SmartCloud", "TASK", "姚强")]
>>> fixer = Corrector([show, *names])
>>> [(c.original, c.replacement) for c in fixer.check("他说 smart cloud 的 task 要强").corrections]
[('smart cloud', 'SmartCrow')]
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

from ..phonetics import known_word
from .candidate import Candidate, Overlaps
from .context import CheckContext
from .forms import WORD_SPLIT

__all__ = ["ACRONYM_PENALTY", "DIRECTORY_SIMILARITY", "RIVAL_GAP", "SHORT_LETTERS",
           "acronym_of_word", "joins_words", "ordinary", "weigh"]

#: the least similarity at which a directory term matched by sound is proposed
DIRECTORY_SIMILARITY = 0.9
#: directory terms matched over one span within this similarity of each other are rivals:
#: with two or more, none is proposed
RIVAL_GAP = 0.05
#: a directory term with at most this many letters is matched only by its variants
SHORT_LETTERS = 3
#: taken from the score of a lowercase dictionary word made an all-capitals acronym
ACRONYM_PENALTY = 0.1

_BY_SOUND = frozenset(("pinyin", "phonetic", "transliteration"))


def weigh(ctx: CheckContext, cands: Sequence[Candidate],
          common_word_frequency: int) -> list[Candidate]:
    """The candidates that survive the rules above (scores and suggestion caps adjusted in
    place), in their order."""
    show = Overlaps(c for c in cands if c.term.role == "show")
    rivals = _rivals(cands)
    out = []
    for c in cands:
        if acronym_of_word(ctx.text[c.start:c.end], c.term.canonical):
            if c.term.role == "directory":
                continue
            c.cap_suggestion = True
            c.score -= ACRONYM_PENALTY
        if c.term.role == "directory" and not _directory_holds(
                ctx, c, show, rivals, common_word_frequency):
            continue
        out.append(c)
    return out


def _directory_holds(ctx: CheckContext, c: Candidate, show: Overlaps[Candidate],
                     rivals: dict[tuple[int, int], list[float]],
                     common_word_frequency: int) -> bool:
    """Whether a directory term's candidate survives (made a suggestion where it must be)."""
    if show.of(c.start, c.end):
        return False
    if c.method != "variant" and not c.term.syllables and len(c.term.letters) <= SHORT_LETTERS:
        return False
    if any(n.startswith("contains the correct term") for n in c.notes):
        return False  # (比 DeepMind is not a directory's BitDeepMind)
    if c.method in _BY_SOUND:
        if c.similarity < DIRECTORY_SIMILARITY:
            return False
        if sum(1 for s in rivals[c.start, c.end] if s >= c.similarity - RIVAL_GAP) > 1:
            return False
        if ordinary(ctx, c.start, c.end, common_word_frequency):
            return False
        c.cap_suggestion = True
        return True
    if c.method == "format":
        return _spelled_holds(ctx, c)
    return True


def _spelled_holds(ctx: CheckContext, c: Candidate) -> bool:
    """Whether a directory term spelled as the span up to case and spacing survives."""
    span = ctx.text[c.start:c.end]
    one_word = len([w for w in WORD_SPLIT.split(span) if w]) == 1
    if one_word and (span.isupper() or (span.islower() and known_word(span))):
        return False  # another case of a word or of an acronym as written
    if joins_words(span, c.term.canonical):
        if not any(n.startswith("context word") for n in c.notes):
            return False  # "open source" is a phrase, unless the term's context says not
        c.cap_suggestion = True
    return True


def joins_words(span: str, canonical: str) -> bool:
    """Whether the term would join English dictionary words into one word.

    >>> joins_words("open source", "OpenSource"), joins_words("open source", "Open Source")
    (True, False)
    """
    words = [w for w in WORD_SPLIT.split(span) if w]
    return (len(words) > 1 and " " not in canonical
            and all(w.isascii() and w.isalpha() and known_word(w) for w in words))


def acronym_of_word(span: str, canonical: str) -> bool:
    """Whether a lowercase dictionary word or a lone letter would become an all-capitals
    acronym.

    >>> acronym_of_word("task", "TASK"), acronym_of_word("a", "A"), acronym_of_word("gpu", "GPU")
    (True, True, False)
    """
    return (canonical.isupper() and span.isalpha() and span.islower()
            and (len(span) == 1 or known_word(span)))


def _rivals(cands: Sequence[Candidate]) -> dict[tuple[int, int], list[float]]:
    """The similarities of the directory terms matched by sound over each span."""
    out: dict[tuple[int, int], list[float]] = defaultdict(list)
    seen: set[tuple[int, int, int]] = set()
    for c in cands:
        if c.term.role == "directory" and c.method in _BY_SOUND:
            key = (c.start, c.end, c.term.id)
            if key not in seen:
                seen.add(key)
                out[c.start, c.end].append(c.similarity)
    return out


def ordinary(ctx: CheckContext, start: int, end: int, common_word_frequency: int) -> bool:
    """Whether every word ``start:end`` touches is ordinary speech: a Chinese word of two
    characters or more in jieba's dictionary, a single character at least
    ``common_word_frequency`` frequent there, an English dictionary word, a lone letter or a
    number.

    >>> from asrfix.segment import Segmenter
    >>> ctx = CheckContext.of(Segmenter(), "我们的语言模型 and zorbly")
    >>> ordinary(ctx, 3, 7, 100), ordinary(ctx, 8, 11, 100), ordinary(ctx, 8, 18, 100)
    (True, True, False)
    """
    k = bisect.bisect_right(ctx.ends, start)
    touched = False
    while k < len(ctx.words) and ctx.starts[k] < end:
        w = ctx.words[k]
        if w.cjk:
            if w.freq < (common_word_frequency if len(w.text) == 1 else 1):
                return False
        elif w.kind == "latin" and len(w.text) > 1 and not known_word(w.text):
            return False
        touched = True
        k += 1
    return touched
