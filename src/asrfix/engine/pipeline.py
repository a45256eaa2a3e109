"""A check, stage by stage: the words of the text (:mod:`.words`), the windows over them
(:mod:`.windows`) handed to the candidate generators (:mod:`.exact`, :mod:`.pinyin_match`,
:mod:`.phonetic`, :mod:`.transliteration`), the Chinese terms that cut a word
(:func:`.pinyin_match.pinyin_inside_words`) and the document's own evidence
(:mod:`.document`); then the evidence around each candidate (:mod:`.evidence`), its features
(:mod:`.features`) and the probability the scorer gives them (:mod:`.scorer`), trimming
(:mod:`.trim`), overlap resolution (:mod:`asrfix.resolve`) and the corrections.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> index, seg = TermIndex(Lexicon.from_terms(["姚顺雨", "DeepSeek"])), Segmenter()
>>> text = "请到了尧舜禹，聊 deep seek"
>>> found = scored_candidates(index, Config(), seg, Scorer.default(), text)
>>> [(c.original, c.replacement, c.status) for c in corrections(Config(), text, found)]
[('尧舜禹', '姚顺雨', 'fix'), ('deep seek', 'DeepSeek', 'fix')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..config import Config
from ..edits import Correction, Evidence, Result, Status
from ..index import TermIndex
from ..resolve import resolve
from ..segment import Segmenter
from .candidate import Candidate
from .context import CheckContext, Trace
from .document import truncations, written_terms
from .evidence import adjust
from .features import features
from .pinyin_match import pinyin_inside_words
from .scorer import Scorer
from .trim import trim
from .windows import enumerate_windows

__all__ = ["GENERATION_FIX", "GENERATION_FLOOR", "corrections", "find_candidates",
           "generation_config", "scored_candidates", "to_correction"]

#: the least similarity, as the generators weigh it, at which a candidate is generated at all;
#: which of them are proposed is then the scorer's decision (``Config.min_score``)
GENERATION_FLOOR = 0.72
#: the generators' own line between a sure and an unsure match (a match they may only
#: suggest is kept below it); not the output's fix tier, which the scorer decides
GENERATION_FIX = 0.92


def find_candidates(index: TermIndex, config: Config, segmenter: Segmenter, text: str, *,
                    written: dict[int, int] | None = None,
                    protect: re.Pattern[str] | None = None,
                    trace: Trace | None = None) -> list[Candidate]:
    """Every scored candidate of ``text``, with the evidence weighed, before trimming and
    overlap resolution. ``written``: the compound terms the whole document writes (by default
    those of ``text``); ``protect``: phrases never changed; ``trace``: where the stages
    record what their guards held back."""
    ctx = CheckContext.of(segmenter, text, trace)
    enumerate_windows(index, config, segmenter, ctx)
    pinyin_inside_words(index, config, ctx)
    truncations(index, ctx, written_terms(index, text) if written is None else written)
    return adjust(config, protect, ctx, index)


def scored_candidates(index: TermIndex, config: Config, segmenter: Segmenter, scorer: Scorer,
                      text: str, *, written: dict[int, int] | None = None,
                      protect: re.Pattern[str] | None = None, trace: Trace | None = None,
                      floor: float | None = None) -> list[Candidate]:
    """The candidates of ``text``, scored as ``config.scorer`` says: by the generators' rules
    (:func:`find_candidates` at ``min_score``), or by ``scorer``, the fitted probability that
    an editor accepts each candidate (:class:`~.scorer.Scorer` over its
    :func:`~.features.features`), the generators then running at their own floor.
    ``floor``: the least similarity generated instead (:func:`~asrfix.explain.explain` asks
    for every candidate)."""
    if config.scorer == "rules":
        if floor is not None:
            config = config.replace(min_score=floor, fix_threshold=max(config.fix_threshold,
                                                                       floor))
        return find_candidates(index, config, segmenter, text, written=written,
                               protect=protect, trace=trace)
    found = find_candidates(index, generation_config(config, GENERATION_FLOOR
                                                     if floor is None else floor),
                            segmenter, text, written=written, protect=protect, trace=trace)
    probability = scorer.probability
    for c, row in zip(found, features(text, found, segmenter), strict=True):
        c.score = probability(row)
    return found


@lru_cache(maxsize=64)
def generation_config(config: Config, floor: float) -> Config:
    """The configuration the generators run with: the user's, with their own floor."""
    return config.replace(min_score=floor, fix_threshold=max(floor, GENERATION_FIX),
                          scorer="rules")


def corrections(config: Config, text: str, found: Iterable[Candidate]) -> Result:
    """The corrections proposed for ``text``: its candidates (``found``) trimmed, the best of
    those that overlap chosen, each made a :class:`~asrfix.edits.Correction`."""
    trimmed = (trim(text, c) for c in found)
    chosen = resolve((c for c in trimmed if c is not None), config.min_score)
    return Result(text=text, corrections=tuple(to_correction(config, text, c) for c in chosen))


def to_correction(config: Config, text: str, c: Candidate) -> Correction:
    """A chosen candidate as a correction: a fix at ``fix_threshold`` or more (unless only a
    suggestion is allowed), else a suggestion."""
    fix = c.score >= config.fix_threshold and not c.cap_suggestion
    status: Status = "fix" if fix else "suggestion"
    return Correction(
        start=c.start, end=c.end, original=text[c.start:c.end], replacement=c.replacement,
        term=c.term.canonical, kind=c.term.kind,
        score=round(min(1.0, max(0.0, c.score)), 4), status=status,
        evidence=Evidence(method=c.method, heard=c.heard, expected=c.expected,
                          similarity=round(min(1.0, max(0.0, c.similarity)), 4),
                          notes=c.notes))
