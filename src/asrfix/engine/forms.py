"""How terms and spans are written: their words and parts, plural endings, and the function
words a span has that its term lacks. Shared by the generators and the trimming stage.

>>> parts("OpenAI"), parts("scaling law"), inflection("defects", "defect")
(['Open', 'AI'], ['scaling', 'law'], True)
>>> stray_function_word("this time", "FaceTime"), stray_function_word("ban an olivson",
...                                                                   "Bang and Olufsen")
(True, False)
"""

from __future__ import annotations

import re

from ..phonetics import is_function_word, known_word, phone_similarity
from .words import latin_phones

__all__ = ["CAMEL", "ENDINGS", "LATIN_WORD", "STYLE", "WORD", "WORD_SPLIT", "inflection",
           "known_form", "parts", "stray_function_word"]

#: a word of a term or a span, found (hyphens and spaces between words)
WORD = re.compile(r"[^ \-]+")
#: a word of Latin letters, found
LATIN_WORD = re.compile(r"[A-Za-z]+")
#: what separates words, split at
WORD_SPLIT = re.compile(r"[\s\-]+")
#: marks of a writer's style, not of a word: hyphens and apostrophes
STYLE = re.compile(r"[-'’]")
#: the endings an English word takes and stays itself (case, cases, cased, casing …)
ENDINGS = ("s", "es", "ed", "ing", "er", "ers")
#: the boundary of an inner capital (Open|AI)
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def parts(canonical: str) -> list[str]:
    """A term's words, split at inner capitals too: OpenAI → Open, AI."""
    return [p for w in WORD_SPLIT.split(canonical) for p in CAMEL.split(w) if p]


def inflection(heard: str, term: str, *, allow_plural: bool = False) -> bool:
    """Whether one spelling is the other plus a plural ending (defects / defect).

    Plural to singular is never proposed (``transformers`` is not a typo of Transformer);
    singular to plural only when ``allow_plural`` (a multi-word name listed in the plural,
    whose final s the recogniser dropped).
    """
    if heard in (term + "s", term + "es"):
        return True
    return not allow_plural and term in (heard + "s", heard + "es")


def known_form(word: str) -> bool:
    """Whether ``word`` (in lower case) is a dictionary word, or one with an ending of
    :data:`ENDINGS` (or -ors), its final e restored or its doubled consonant undoubled: the
    pronouncing dictionary lacks many such forms (airings, unlocks, ghosted).

    >>> known_form("airings"), known_form("ghosted"), known_form("gyanne")
    (True, True, False)
    """
    if known_word(word):
        return True
    for ending in (*ENDINGS, "ors"):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and (
                known_word(stem) or known_word(stem + "e")
                or (stem[-1] == stem[-2:-1] and known_word(stem[:-1]))):
            return True
    return False


#: this many one-letter words in a row are letters spelled out
_SPELLED_RUN = 3


def _spelled_run(words: list[str], k: int) -> int:
    """How many one-letter words in a row, all in the case of ``words[k]``, it is one of (0
    if it is longer): a recogniser writes the letters of a word spelled out alike (A T M,
    a t m; in "a B C" the a is the article)."""
    w = words[k]
    if len(w) != 1:
        return 0
    alike = [len(x) == 1 and x.isupper() == w.isupper() for x in words]
    lo = hi = k
    while lo > 0 and alike[lo - 1]:
        lo -= 1
    while hi + 1 < len(words) and alike[hi + 1]:
        hi += 1
    return hi - lo + 1


def stray_function_word(span: str, canonical: str) -> bool:
    """Whether the span has a function word (the, as, in …) that no function word of the term
    sounds like ("an" in "ban an olivson" is explained by "and" in "Bang and Olufsen"; "not"
    in "not be" is not explained by "Matt"). A letter of a run of three or more spelled out
    is no function word (the A of "A T M", but not of "a T shirt").

    >>> stray_function_word("A T M network", "ATM network")
    False
    >>> stray_function_word("a T shirt", "T shirt")
    True
    """
    words = [w for w in WORD_SPLIT.split(canonical) if w]
    lower = {w.lower() for w in words}
    own = [latin_phones(w) for w in words if is_function_word(w)]
    heard = [w for w in WORD_SPLIT.split(span) if w]
    for k, w in enumerate(heard):
        if _spelled_run(heard, k) >= _SPELLED_RUN:
            continue  # a letter spelled among letters (A T M), not the article
        if is_function_word(w) and w.lower() not in lower:
            ph = latin_phones(w)
            if not any(phone_similarity(ph, o) >= 0.5 for o in own):
                return True
    return False
