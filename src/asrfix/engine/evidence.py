"""Evidence about candidates from outside their windows, weighed after every generator has
run: correctly written terms guard their spans (and a candidate containing one is judged on
the rest), protected phrases are never touched, a lexicon term written nearby or one of the
term's context words lifts a score, and an avoid word nearby vetoes a match made by sound.

>>> from types import SimpleNamespace as C
>>> near = C(start=13, end=16, score=0.8, notes=())
>>> nearby_terms("聊 DeepSeek 和 姚顺雨 …", [near], [(2, 10)], radius=30, fix_threshold=0.9)
>>> round(near.score, 2), near.notes
(0.82, ("lexicon term 'DeepSeek' nearby",))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..config import Config
from ..index import TermIndex, squash
from ..phonetics import mixed_phones, phone_similarity
from .candidate import Candidate
from .context import CheckContext
from .directory import weigh

__all__ = ["CONTEXT_BONUS", "NEARBY_TERM_BONUS", "REST_SIMILARITY", "adjust",
           "apply_protection", "context_evidence", "nearby_terms", "show_protected"]

_LATIN_OR_DIGIT = re.compile("[A-Za-z0-9]")

#: added to a match's score when another lexicon term, written correctly, is nearby
NEARBY_TERM_BONUS = 0.02
#: added to a match's score when one of the term's context words is nearby
CONTEXT_BONUS = 0.05
#: when a window contains a correct term, the rest of it must sound at least this alike
REST_SIMILARITY = 0.6


def adjust(config: Config, protect: re.Pattern[str] | None, ctx: CheckContext,
           index: TermIndex | None = None) -> list[Candidate]:
    """The check's candidates (``ctx.out``) with the evidence around each weighed in: those
    that cut into a correct term or a protected phrase dropped, the rest scored up or vetoed
    by the terms and the context words near them, then weighed as a large lexicon's
    (:func:`~.directory.weigh`: a show's terms against a directory's, shapes no editor
    rewrites). ``index``: the terms' index, which tells a show's correctly written terms from
    a directory's (these guard their spans from other directory terms only)."""
    text = ctx.text
    shown = ctx.protected if index is None else show_protected(index, text, ctx.protected)
    out = ctx.out
    if shown is not ctx.protected:  # (a show's term is guarded against by the show's alone)
        kept = {id(c) for c in apply_protection(
            text, [c for c in out if c.term.role == "show"], shown)}
        kept.update(id(c) for c in apply_protection(
            text, [c for c in out if c.term.role != "show"], ctx.protected))
        out = [c for c in out if id(c) in kept]
    else:
        out = apply_protection(text, out, ctx.protected)
    if protect is not None:
        hard = [m.span() for m in protect.finditer(text)]
        out = [c for c in out if not any(c.start < e and s < c.end for s, e in hard)]
    nearby_terms(text, out, sorted(set(shown)), config.context_radius,
                 config.fix_threshold)
    out = [c for c in (context_evidence(config, text, c) for c in out) if c is not None]
    return weigh(ctx, out, config.common_word_frequency)


def context_evidence(config: Config, text: str, c: Candidate) -> Candidate | None:
    """Apply the term's context evidence: an avoid word nearby vetoes a match made by
    sound; a context word nearby adds ``CONTEXT_BONUS`` (scores only rise with evidence)."""
    term = c.term.term
    if not (term.context or term.avoid):
        return c
    r = config.context_radius
    around = (text[max(0, c.start - r):c.start] + " " + text[c.end:c.end + r]).lower()
    if c.method != "variant":
        for w in term.avoid:
            if w.lower() in around:
                return None
    for w in term.context:
        if w.lower() in around:
            c.score = min(1.0, c.score + CONTEXT_BONUS)
            c.notes = (*c.notes, f"context word {w!r} nearby")
            break
    return c


def show_protected(index: TermIndex, text: str,
                   spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The protected ``spans`` written as a show's term (or a plural of one), not only as a
    directory's: a directory name written in the text (an acronym, a word) does not keep a
    show's term from the span, unless a show's term is spelled as it up to case and spacing
    (MOE for MoE: the span stays guarded). Without directory terms, ``spans`` itself.

    >>> from asrfix.lexicon import Lexicon, Term
    >>> names = [Term(canonical=n, role="directory") for n in ("BT", "MOE")]
    >>> idx = TermIndex(Lexicon.from_terms(["GPT", "MoE", *names]))
    >>> show_protected(idx, "GPT BT MOE", [(0, 3), (4, 6), (7, 10)])
    [(0, 3), (7, 10)]
    """
    if not spans or not index.has_directory:
        return spans
    out = []
    for s, e in spans:
        span = text[s:e]
        key = squash(span) if _LATIN_OR_DIGIT.search(span) else span
        keys = (key, key[:-1], key[:-2]) if key.endswith("s") else (key,)
        roles = {index.terms[tid].role for k in keys
                 for tid, v in index.exact_matches(k) if v is None}
        if not roles or "show" in roles:
            out.append((s, e))
    return out


def apply_protection(text: str, cands: list[Candidate],
                     protected: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Guard correctly written terms.

    A candidate that cuts into a correct term is dropped. One that contains a correct term
    is kept only when that term is part of the new one (拆 GPT → ChatGPT) and the rest of the
    window sounds like the rest of the new term; it is then scored on that rest (a window
    spelled or said as the new term whole, methods "format", "variant" and "spoken", is kept
    as it is: ``Claude 三点五 sonnet`` holds Claude).
    """
    if not protected:
        return cands
    spans = sorted(set(protected))
    starts = [s for s, _ in spans]
    out = []
    for c in cands:
        keep = True
        k = bisect.bisect_left(starts, c.end)
        for ps, pe in spans[max(0, k - 8):k]:
            if not (c.start < pe and ps < c.end):
                continue
            if not (c.start <= ps and pe <= c.end) or (c.start, c.end) == (ps, pe):
                keep = False
                break
            if c.method in ("format", "variant", "spoken"):
                continue
            inner = squash(text[ps:pe])
            if c.replacement == text[ps:pe] or inner not in c.term.letters:
                keep = False
                break
            rest_heard = mixed_phones(text[c.start:ps] + " " + text[pe:c.end])
            rest_term = mixed_phones(c.term.letters.replace(inner, " ", 1))
            rest = phone_similarity(rest_heard, rest_term)
            if rest < REST_SIMILARITY:
                keep = False
                break
            c.score = min(c.score, (c.score + rest) / 2)
            c.notes += (f"contains the correct term {text[ps:pe]!r}; rest similarity "
                        f"{rest:.2f}",)
        if keep:
            out.append(c)
    return out


def nearby_terms(text: str, cands: list[Candidate], found: list[tuple[int, int]],
                 radius: int, fix_threshold: float) -> None:
    """Context evidence: a lexicon term written correctly nearby (the talk is on the topic)
    adds ``NEARBY_TERM_BONUS`` to a match and is named in its notes. Topic alone never makes
    a match safe to apply unattended: the bonus does not lift a score into the fix tier."""
    if not found:
        return
    starts = [s for s, _ in found]
    for c in cands:
        lo = bisect.bisect_left(starts, c.start - radius)
        for s, e in found[lo:]:
            if s > c.end + radius:
                break
            if e <= c.start or s >= c.end:
                ceiling = 1.0 if c.score >= fix_threshold else fix_threshold - 1e-3
                c.score = max(c.score, min(ceiling, c.score + NEARBY_TERM_BONUS))
                c.notes = (*c.notes, f"lexicon term {text[s:e]!r} nearby")
                break


