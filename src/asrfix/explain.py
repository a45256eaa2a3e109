"""Why a span was or was not corrected: its tokens and keys, every candidate near it with its
score and notes, the thresholds, and the guards that apply. Returned as data.

>>> from asrfix import Corrector
>>> ex = Corrector(["姚顺雨"]).explain("我们请到了尧舜禹", "尧舜禹")
>>> ex.pinyin, ex.chosen.replacement if ex.chosen else None
(['yao', 'shun', 'yu'], '姚顺雨')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from .edits import Correction, Result
from .engine.candidate import Candidate
from .engine.context import Trace
from .engine.pipeline import Rivals, is_fix, rivalled, scored_candidates
from .engine.scorer import Scorer
from .engine.scripts import cjk_context
from .engine.trim import trim, trim_or_why
from .phonetics import coarse, is_function_word, known_word, mixed_phones, skeleton
from .pinyin import syllables
from .segment import CJK_RE

if TYPE_CHECKING:
    from .corrector import Corrector

__all__ = ["CandidateInfo", "Explanation", "explain"]


class CandidateInfo(BaseModel):
    """One lexicon term considered for (part of) the span."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    original: str
    term: str
    method: str
    score: float
    similarity: float
    heard: str
    expected: str
    notes: tuple[str, ...] = ()
    passes_min_score: bool
    would_be: str = Field(description="fix, suggestion, dropped (below min_score) or held "
                                      "back (a guard ruled it out; the note says which)")


class Explanation(BaseModel):
    """The evidence about one span of a text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    tokens: list[str]
    pinyin: list[str] | None
    phones: str
    phone_classes: str
    skeleton: str
    facts: list[str] = Field(description="Guards and context that apply to the span.")
    candidates: list[CandidateInfo]
    min_score: float
    fix_threshold: float
    chosen: Correction | None = Field(description="What check() proposes here, if anything.")

    def __str__(self) -> str:
        lines = [f"{self.text!r} at {self.start}-{self.end}",
                 f"  tokens: {' | '.join(self.tokens)}"]
        if self.pinyin:
            lines.append(f"  pinyin: {' '.join(self.pinyin)}")
        lines.append(f"  phones: {self.phones}  classes: {self.phone_classes}  "
                     f"skeleton: {self.skeleton}")
        lines += [f"  fact: {f}" for f in self.facts]
        lines.append(f"  thresholds: min_score {self.min_score}, fix {self.fix_threshold}")
        if not self.candidates:
            lines.append("  no candidate: no lexicon term shares a phonetic key, or the guards "
                         "listed above ruled the span out")
        for c in self.candidates:
            lines.append(f"  candidate {c.original!r} -> {c.term!r}: {c.method} score "
                         f"{c.score:.2f} (similarity {c.similarity:.2f}; heard {c.heard!r} vs "
                         f"{c.expected!r}) -> {c.would_be}"
                         + (f"; {'; '.join(c.notes)}" if c.notes else ""))
        lines.append("  proposed: " + (f"{self.chosen.original!r} -> {self.chosen.replacement!r}"
                                       f" ({self.chosen.status})" if self.chosen else "nothing"))
        return "\n".join(lines)


def explain(corrector: Corrector, text: str, target: str | tuple[int, int]) -> Explanation:
    """Explain ``target`` (a substring, its first occurrence, or a (start, end) span)."""
    if isinstance(target, str):
        start = text.find(target)
        if start < 0:
            raise ValueError(f"{target!r} does not occur in the text")
        end = start + len(target)
    else:
        start, end = target
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}-{end} is outside the text")
    span = text[start:end]
    cfg = corrector.config
    result = corrector.check(text)
    chosen = next((c for c in result if c.start < end and start < c.end), None)
    # every candidate, whatever its similarity, scored; and the matches the guards held back
    trace = Trace()
    with corrector.index.lock:  # (the probe reads the index the corrector shares)
        found = scored_candidates(corrector.index, cfg, corrector.segmenter, Scorer.default(),
                                  text, protect=corrector.protected_pattern, trace=trace,
                                  floor=0.0)
    cands = []
    rivals = rivalled((t for t in (trim(text, c) for c in found) if t is not None),
                      cfg.min_score, list(result), text=text)  # (as corrections() counts)
    for c in found:
        if c.start < end and start < c.end:
            would, after = _verdict(corrector, text, c, rivals, result)
            cands.append(CandidateInfo(
                start=c.start, end=c.end, original=text[c.start:c.end], term=c.term.canonical,
                method=c.method, score=round(c.score, 4), similarity=round(c.similarity, 4),
                heard=c.heard, expected=c.expected, notes=(*c.notes, *after),
                passes_min_score=c.score >= cfg.min_score, would_be=would))
    seen = {(c.start, c.end, c.term) for c in cands}
    for s, e, heard, ct, sim, expected, why, method in trace.held:
        if s < end and start < e and (s, e, ct.canonical) not in seen:
            seen.add((s, e, ct.canonical))
            cands.append(CandidateInfo(
                start=s, end=e, original=text[s:e], term=ct.canonical, method=method,
                score=round(sim, 4), similarity=round(sim, 4), heard=heard, expected=expected,
                notes=(why,), passes_min_score=False, would_be="held back"))
    cands.sort(key=lambda c: -c.score)
    tokens = [t.text for t in corrector.segmenter.tokenize(span) if t.is_word]
    facts = _facts(corrector, text, start, end, span, tokens)
    ph = mixed_phones(span)
    return Explanation(
        start=start, end=end, text=span, tokens=tokens,
        pinyin=list(syllables(span)) if CJK_RE.search(span) else None, phones=ph,
        phone_classes=coarse(ph), skeleton=skeleton(ph), facts=facts, candidates=cands[:10],
        min_score=cfg.min_score, fix_threshold=cfg.fix_threshold, chosen=chosen)


def _verdict(corrector: Corrector, text: str, c: Candidate, rivals: Rivals,
             result: Result) -> tuple[str, tuple[str, ...]]:
    """What becomes of a candidate: dropped below ``min_score`` or at trimming, else a fix
    or a suggestion; and why it is not what :meth:`~asrfix.Corrector.check` proposes, where
    trimming dropped it or another proposal overlapping it won."""
    cfg = corrector.config
    if c.score < cfg.min_score:
        return "dropped", ()
    trimmed = trim_or_why(text, c)
    if isinstance(trimmed, str):
        return "dropped", (trimmed,)
    would = ("fix" if is_fix(cfg, text, trimmed, rivalled=rivals.of(trimmed),
                             index=corrector.index) else "suggestion")
    won = [x for x in result if x.start < trimmed.end and trimmed.start < x.end]
    if won and not any((x.start, x.end, x.replacement)
                       == (trimmed.start, trimmed.end, trimmed.replacement) for x in won):
        return would, (f"not proposed: {won[0].original!r} -> {won[0].replacement!r} "
                       "overlaps it and was chosen",)
    return would, ()


def _facts(corrector: Corrector, text: str, start: int, end: int, span: str,
           tokens: list[str]) -> list[str]:
    facts = []
    if span in corrector.lexicon:
        facts.append("the span is a lexicon term written correctly: it is protected")
    protect = corrector.protected_pattern
    if protect is not None and protect.search(text):
        for m in protect.finditer(text):
            if m.start() < end and start < m.end():
                facts.append(f"inside the protected phrase {m.group()!r}")
    if CJK_RE.search(span):
        cfg = corrector.config
        freqs = [corrector.segmenter.word_frequency(tok) for tok in tokens]
        for tok, freq in zip(tokens, freqs, strict=True):
            if freq:
                facts.append(f"{tok!r} is a jieba word (frequency {freq}; words at "
                             f"{cfg.common_word_frequency} or more are not "
                             "rewritten by sound)")
        if len(tokens) > 1 and all(
                freq >= (cfg.common_word_frequency if len(tok) > 1
                         else cfg.function_word_frequency)
                for tok, freq in zip(tokens, freqs, strict=True)):
            facts.append("a run of function characters and frequent words: plain speech, "
                         "not a homophone term (when it is three syllables or fewer, or "
                         "holds a function character)")
    else:
        facts.append("Chinese speech around it (code-switched English)"
                     if cjk_context(text, start, end) else
                     "English speech around it: ordinary words and function words are kept")
        for tok in tokens:
            if is_function_word(tok):
                facts.append(f"{tok!r} is an English function word")
            elif known_word(tok):
                facts.append(f"{tok!r} is an English dictionary word")
    return facts
