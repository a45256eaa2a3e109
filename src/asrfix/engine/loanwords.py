"""English words said as ordinary words inside Chinese speech (``这个 case 我们单独处理``,
``我们 follow 一下``): such a word, in lower case, is meant as written. A term that only
capitalises it (Case, Follow) or is matched to it by sound (Fooocus for focus) is not
proposed for it, unless another word of the document, in any case, spells a word of the
term (``用 Fooocus 出图 … 这个 focus``): the same word capitalised is not that.
The words are a list shipped as data (``asrfix/data/chinese_loanwords.txt``).

>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.windows import enumerate_windows
>>> from asrfix.config import Config
>>> index = TermIndex(Lexicon.from_terms(["Case", "Fooocus"]))
>>> text = "这个 case 我们单独处理，我们要 focus 在用户体验上"
>>> ctx = CheckContext.of(Segmenter(), text)
>>> enumerate_windows(index, Config(), Segmenter(), ctx)
>>> sorted(c.replacement for c in ctx.out)
['Case', 'Fooocus']
>>> meant_as_written(ctx, latin_words(text))
>>> ctx.out
[]
"""

from __future__ import annotations

from ..once import once
from ..phonetics import word_list
from .context import CheckContext
from .forms import ENDINGS, LATIN_WORD
from .scripts import cjk_context

__all__ = ["is_loanword", "latin_words", "meant_as_written"]

#: why a match is held back, as explain says it
_WHY = "an English word Chinese speech uses as it is, and the term is not written elsewhere"


@once
def _loanwords() -> frozenset[str]:
    return word_list("chinese_loanwords.txt")


def is_loanword(word: str) -> bool:
    """Whether ``word`` is one Chinese speech uses as an ordinary word.

    >>> is_loanword("case"), is_loanword("Canvas")
    (True, False)
    """
    return word in _loanwords()


def latin_words(text: str) -> frozenset[str]:
    """The words of Latin letters ``text`` writes, as written.

    >>> sorted(latin_words("用 Docker 和 docker compose"))
    ['Docker', 'compose', 'docker']
    """
    return frozenset(LATIN_WORD.findall(text))


def meant_as_written(ctx: CheckContext, written: frozenset[str]) -> None:
    """Drop from ``ctx.out`` the case fixes and matches by sound of a loanword said in
    Chinese speech (a single word in lower case, see :func:`is_loanword`), where no other
    word of ``written`` (the document's, :func:`latin_words`) spells a word of the term
    (see :func:`_written_elsewhere`)."""
    text = ctx.text
    kept = []
    for c in ctx.out:
        span = text[c.start:c.end]
        if (c.method in ("format", "phonetic") and span.islower() and is_loanword(span)
                and cjk_context(text, c.start, c.end)
                and not _written_elsewhere(span, c.term.canonical, written)):
            ctx.drop(c, _WHY)
            continue
        kept.append(c)
    ctx.out[:] = kept


def _written_elsewhere(span: str, canonical: str, written: frozenset[str]) -> bool:
    """Whether a word of ``written`` other than ``span`` and its own endings (in any case:
    ``Follow`` at a sentence start, ``AGENDA`` in a heading, ``cases`` are the same word)
    is a word of ``canonical`` or begins with one of four letters or more (``docker`` or
    ``Dockerfile`` for Docker where ``doctor`` was heard).

    >>> _written_elsewhere("doctor", "Docker", frozenset({"Dockerfile", "doctor"}))
    True
    >>> _written_elsewhere("follow", "Follow", frozenset({"Follow", "following"}))
    False
    >>> _written_elsewhere("update", "Update", frozenset({"updated", "Updates"}))
    False
    """
    words = {w.lower() for w in LATIN_WORD.findall(canonical) if len(w) > 1}
    own = {span, *(span + e for e in ENDINGS), *(span[:-1] + e for e in ENDINGS
                                                    if span.endswith("e"))}
    for w in written:
        low = w.lower()
        if low not in own and (low in words or any(
                len(t) >= 4 and low.startswith(t) for t in words)):
            return True
    return False
