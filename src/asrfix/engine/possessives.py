"""A stage after the generators: drop the matches by sound that span a possessive or a
contraction said inside a word (``microsoft's teams`` is no Microsoft Teams: the s is heard,
and the term would drop it), where the term itself has no apostrophe. The spelling
generators (:mod:`.exact`, :mod:`.aloud`) judge an apostrophe themselves.

>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.candidate import Candidate
>>> from asrfix.engine.context import CheckContext
>>> ct = TermIndex(Lexicon.from_terms(["Microsoft Teams"])).terms[0]
>>> ctx = CheckContext.of(Segmenter(), "we use microsoft's teams")
>>> ctx.out.append(Candidate(7, 24, ct, "Microsoft Teams", 0.9, "phonetic", "", "", 0.9))
>>> possessives_said(ctx)
>>> ctx.out
[]
"""

from __future__ import annotations

from ..edits import Method
from .context import CheckContext
from .words import APOSTROPHES, POSSESSIVE

__all__ = ["possessives_said"]

#: the methods that match a window by its spelling, which judge an apostrophe themselves
_SPELLED: frozenset[Method] = frozenset({"format", "spoken", "variant"})
_WHY = "a possessive or a contraction said inside the window, which the term has not"


def possessives_said(ctx: CheckContext) -> None:
    """Drop from ``ctx.out`` the candidates matched by sound whose span holds an apostrophe
    inside a word before a consonant (:data:`~.words.POSSESSIVE`) where their term has no
    apostrophe; note them in the trace, where explaining."""
    text = ctx.text
    kept = []
    for c in ctx.out:
        if (c.method not in _SPELLED and POSSESSIVE.search(text, c.start, c.end) is not None
                and not APOSTROPHES.intersection(c.term.canonical)):
            ctx.drop(c, _WHY)
            continue
        kept.append(c)
    ctx.out[:] = kept
