"""The document's own evidence: the compound terms a transcript writes out anywhere in it, and
a term's first part said alone in Chinese speech where the document writes the term
("open" for OpenAI), proposed as a suggestion only.

>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> index = TermIndex(Lexicon.from_terms(["OpenAI", "DeepSeek", "GPT"]))
>>> sorted(index.terms[t].canonical for t in written_terms(index, "open AI 和 deep seek，GPT"))
['DeepSeek', 'OpenAI']
"""

from __future__ import annotations

import re

from ..index import TermIndex
from ..phonetics import phone_similarity
from .candidate import Candidate
from .context import CheckContext
from .forms import parts
from .scripts import cjk_context

__all__ = ["TRUNCATION_SCORE", "truncations", "written_terms"]

#: the score of a compound term's first part said alone, the term written elsewhere in the
#: text: just above the default ``min_score``, a suggestion
TRUNCATION_SCORE = 0.75

_LATIN_WORD = re.compile(r"[A-Za-z]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[ \-][A-Za-z]+)*")


def written_terms(index: TermIndex, text: str) -> dict[int, int]:
    """Compound terms the text writes out, up to case and spacing (OpenAI, deep mind):
    term id → how many times. A quick scan of runs of Latin words, no segmentation."""
    found: dict[int, int] = {}
    for m in _LATIN_RUN.finditer(text):
        run = _LATIN_WORD.findall(m.group())
        for a in range(len(run)):
            for b in range(a + 1, min(len(run), a + 3) + 1):
                for tid, variant in index.exact_matches("".join(run[a:b]).lower()):
                    if variant is None and len(parts(index.terms[tid].canonical)) > 1:
                        found[tid] = found.get(tid, 0) + 1
    return found


def truncations(index: TermIndex, ctx: CheckContext, active: dict[int, int]) -> None:
    """A compound term said only by its first part in Chinese speech ("open" for OpenAI),
    where the document writes the term elsewhere (``active``: term id → times written,
    see :func:`written_terms`): a suggestion, never a fix; of a show's terms only (see
    :mod:`asrfix.lexicon`: a directory's names would make every first part ambiguous).

    The word must stand alone (no English word joined on either side: "open source" is
    not OpenAI) and be the term's whole first part (a word, or a capitalised piece)."""
    text, words, starts, ends, joins = ctx.text, ctx.words, ctx.starts, ctx.ends, ctx.joins
    out = ctx.out
    firsts: dict[str, list[int]] = {}
    for tid in active:
        if index.terms[tid].role != "show":
            continue  # (a directory's names: never said by their first part alone)
        split = parts(index.terms[tid].canonical)
        if len(split) >= 2 and len(split[0]) >= 3:
            firsts.setdefault(split[0].lower(), []).append(tid)
    if not firsts:
        return
    for k, w in enumerate(words):
        if w.cjk or w.letters not in firsts or w.glued:
            continue
        if (k > 0 and joins[k - 1] and not words[k - 1].cjk) or (
                k + 1 < len(words) and joins[k] and not words[k + 1].cjk):
            continue  # "open source", "deep learning": a phrase of its own
        start, end = starts[k], ends[k]
        if not cjk_context(text, start, end):
            continue
        tids = _shortest(index, firsts[w.letters])
        if tids is None:
            continue  # "deep" for DeepMind or deep learning: not for a machine to say
        for tid in tids:
            ct = index.terms[tid]
            out.append(Candidate(
                start, end, ct, ct.canonical, TRUNCATION_SCORE, "phonetic", w.phones,
                ct.phones[0], phone_similarity(w.phones, ct.phones[0]),
                (f"the first part of {ct.canonical!r}, written {active[tid]} time(s) in "
                 "this text",), cap_suggestion=True))


def _shortest(index: TermIndex, tids: list[int]) -> list[int] | None:
    """Of the terms a first part may stand for, the one the others extend ("space" for
    SpaceX, which SpaceX AI begins with); ``None`` where they differ otherwise (DeepMind,
    deep learning)."""
    if len(tids) == 1:
        return tids
    names = {tid: index.terms[tid].canonical.lower() for tid in tids}
    base = min(tids, key=lambda t: len(names[t]))
    return [base] if all(names[t].startswith(names[base]) for t in tids) else None
