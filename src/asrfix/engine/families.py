"""Families of terms: show terms that share their first or their last part and differ beside
it (OpenCode and OpenClaw; Claude Code and Kilo Code). A match whose span writes the shared
part as it is rests on the rest of the span alone: ``open CD`` is as much OpenClaw as
OpenCode, whatever the whole sounds like. Such a match is applied unattended only where the
rest sounds like the rest of its own term (:func:`rest_similarity`, asked by
:func:`~.pipeline.is_fix`).

A term that only extends another (DeepSeek-V4 beside DeepSeek) is not a rival: it differs
after the shared part's neighbour, not beside the shared part.

>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> index = TermIndex(Lexicon.from_terms(["OpenCode", "OpenClaw", "DeepSeek", "DeepSeek-V4"]))
>>> sorted(family_parts(index).items())
[(('open', 0), ('claw', 'code'))]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..index import TermIndex, text_pronunciations
from ..phonetics import mixed_phones, phone_similarity
from .candidate import Candidate
from .forms import parts

__all__ = ["family_parts", "rest_similarity", "show_compounds", "show_terms"]

#: where a shared part stands in a term: first or last
_FIRST, _LAST = 0, -1
#: a word of a span: a run of letters and digits, or of other characters (克拉克code is two)
_WORD = re.compile(r"[0-9A-Za-z]+|[^\s0-9A-Za-z\-]+")


def show_terms(index: TermIndex) -> Iterator[tuple[int, str]]:
    """Every show term (not a directory's), by id, with its canonical form, read without
    compiling the terms."""
    for tid in range(len(index.terms)):
        canonical, role = index.terms.name(tid)
        if role == "show":
            yield tid, canonical


def show_compounds(index: TermIndex) -> Iterator[tuple[int, list[str]]]:
    """Every show term of two parts or more, by id, with its parts (OpenAI: Open, AI), read
    without compiling the terms."""
    for tid, canonical in show_terms(index):
        split = parts(canonical)
        if len(split) >= 2:
            yield tid, split


def family_parts(index: TermIndex) -> dict[tuple[str, int], tuple[str, ...]]:
    """Each part (lower-cased, with where it stands: 0 first, -1 last) that two or more show
    terms share with different parts beside it, and those neighbouring parts."""
    beside: dict[tuple[str, int], set[str]] = {}
    for _, split in show_compounds(index):
        beside.setdefault((split[0].lower(), _FIRST), set()).add(split[1].lower())
        beside.setdefault((split[-1].lower(), _LAST), set()).add(split[-2].lower())
    return {key: tuple(sorted(others)) for key, others in beside.items() if len(others) >= 2}


def rest_similarity(index: TermIndex, text: str, c: Candidate) -> float | None:
    """How alike the rest of ``c``'s span sounds to the rest of its term, where the span
    writes, as it is, a part the term shares with others of its family (``open CD`` for
    OpenCode beside OpenClaw: CD against Code); ``None`` where it does not.

    >>> from asrfix import Corrector
    >>> fixer = Corrector(["OpenCode", "OpenClaw"])
    >>> text = "我们用 open CD 写代码"
    >>> [c] = [c for c in fixer.candidates(text) if c.term.canonical == "OpenCode"]
    >>> round(rest_similarity(fixer.index, text, c), 2)
    0.12
    """
    span = text[c.start:c.end]
    words = [m.span() for m in _WORD.finditer(span)]
    split = parts(c.term.canonical)
    if len(words) < 2 or len(split) < 2:
        return None
    families = index.derived("families", family_parts)
    first, last = span[slice(*words[0])], span[slice(*words[-1])]
    canonical = c.term.canonical
    if first.lower() == split[0].lower() and (split[0].lower(), _FIRST) in families:
        heard = span[words[1][0]:]
        meant = canonical[canonical.find(split[1], len(split[0])):]
    elif last.lower() == split[-1].lower() and (split[-1].lower(), _LAST) in families:
        heard = span[:words[-2][1]]
        meant = canonical[:canonical.rfind(split[-2]) + len(split[-2])]
    else:
        return None
    heard_phones = mixed_phones(heard)
    return max((phone_similarity(heard_phones, p) for p in text_pronunciations(meant)),
               default=0.0)
