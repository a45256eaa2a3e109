"""Ordinary phrases that spell a term: two or more dictionary words that make a term of one
word up to case and spacing (``air flow`` for Airflow, ``face time`` for Facetime) may be the
term heard in pieces or the words meant as said (``我们家的空调 air flow 不太好``, ``more face
time with clients``). Such a match is a suggestion, never a fix, unless the document writes
the term as one word elsewhere (``Databricks … the data bricks team``) or the term's capitals
mark the same words (``deep seek`` is DeepSeek re-spaced, ``web shop`` WebShop).

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.windows import enumerate_windows
>>> from asrfix.engine.loanwords import latin_words
>>> index = TermIndex(Lexicon.from_terms(["Airflow"]))
>>> text = "我们家的空调 air flow 不太好"
>>> ctx = CheckContext.of(Segmenter(), text)
>>> enumerate_windows(index, Config(), Segmenter(), ctx)
>>> phrases_in_doubt(ctx, latin_words(text))
>>> [(c.replacement, c.cap_suggestion) for c in ctx.out]
[('Airflow', True)]
"""

from __future__ import annotations

from ..index import squash
from ..phonetics import is_function_word, known_word
from .context import CheckContext
from .forms import WORD_SPLIT, parts

__all__ = ["ordinary_phrase", "phrases_in_doubt"]

#: the note of a match made a suggestion
_NOTE = "ordinary words that spell a term of one word the document does not write so"


def ordinary_phrase(span: str) -> bool:
    """Whether ``span`` is two or more English dictionary words of two letters or more, none
    in capitals, one of them more than a function word.

    >>> ordinary_phrase("air flow"), ordinary_phrase("deep sea"), ordinary_phrase("b o e")
    (True, True, False)
    >>> ordinary_phrase("airflow"), ordinary_phrase("of the"), ordinary_phrase("eco NET")
    (False, False, False)
    """
    words = [w for w in WORD_SPLIT.split(span) if w]
    return (len(words) >= 2
            and all(len(w) > 1 and w.isalpha() and w.isascii() and not w.isupper()
                    and known_word(w) for w in words)
            and not all(is_function_word(w) for w in words))


def phrases_in_doubt(ctx: CheckContext, written: frozenset[str]) -> None:
    """Make a suggestion of each spelling in ``ctx.out`` of a term of one word, in words of
    its own but for those its capitals mark, by an ordinary phrase (see
    :func:`ordinary_phrase`), where no word of ``written`` (the document's,
    :func:`~.loanwords.latin_words`) is that term, in any case, or begins with it
    (``Databricks'``)."""
    text = ctx.text
    for c in ctx.out:
        if c.method != "format" or c.cap_suggestion or not _one_word(c.term.canonical):
            continue
        span = text[c.start:c.end]
        if (ordinary_phrase(span)
                and [w.lower() for w in WORD_SPLIT.split(span) if w]
                != [p.lower() for p in parts(c.term.canonical)]
                and not _written_whole(squash(c.term.canonical), written)):
            c.cap_suggestion = True
            c.notes = (*c.notes, _NOTE)


def _one_word(canonical: str) -> bool:
    """Whether a term is one word of letters, not in capitals (Airflow, DeepSeek; not
    ECONET, GPT-4 or Hugging Face)."""
    return canonical.isascii() and canonical.isalpha() and not canonical.isupper()


def _written_whole(term: str, written: frozenset[str]) -> bool:
    """Whether a word of ``written`` is ``term`` (squashed) or begins with it, not as a
    dictionary word in lower case (``airflow`` is the word as much as the name)."""
    return any(w.lower().startswith(term) and not (w.islower() and known_word(w))
               for w in written)
