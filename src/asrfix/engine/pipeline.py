"""A check, stage by stage: the words of the text (:mod:`.words`), the windows over them
(:mod:`.windows`) handed to the candidate generators (:mod:`.exact`, :mod:`.pinyin_match`,
:mod:`.phonetic`, :mod:`.transliteration`), the Chinese terms that cut a word
(:func:`.pinyin_match.pinyin_inside_words`), acronyms spelled in Chinese syllables or
spelled out with the last letter lost (:mod:`.letters`), runs of transliteration characters
(:func:`.transliteration.transliterations`) and the document's own evidence
(:mod:`.document`), less the matches of a word Chinese speech uses as it is
(:mod:`.loanwords`), an ordinary phrase that spells a term only suggested (:mod:`.phrases`);
a term's candidates inside a window said aloud as it dropped (:func:`.aloud.whole_readings`),
and the matches by sound that span a possessive said (:mod:`.possessives`);
then the evidence around each candidate
(:mod:`.evidence`), its features (:mod:`.features`) and the probability the scorer gives
them (:mod:`.scorer`), trimming (:mod:`.trim`), overlap resolution (:mod:`asrfix.resolve`)
and the corrections, a fix or a suggestion (:func:`is_fix`).

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
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from ..config import Config
from ..edits import Correction, Evidence, Result, Status
from ..index import TermIndex, squash
from ..resolve import resolve
from ..segment import CJK_RE, Segmenter
from .aloud import whole_readings
from .candidate import Candidate, Overlaps, Span
from .context import CheckContext, Trace
from .document import DocumentEvidence, acronym_slips, echoes, letters_unwritten, truncations
from .evidence import adjust
from .families import rest_similarity
from .features import features
from .letters import last_letter_lost, spelled_letters
from .loanwords import meant_as_written
from .phrases import phrases_in_doubt
from .pinyin_match import pinyin_inside_words
from .possessives import possessives_said
from .scorer import Scorer
from .scripts import cjk_context
from .transliteration import transliterations
from .trim import trim
from .windows import enumerate_windows

__all__ = [
    "GENERATION_FIX",
    "GENERATION_FLOOR",
    "UNRIVALLED_DOUBTED",
    "Rivals",
    "corrections",
    "find_candidates",
    "generation_config",
    "is_fix",
    "rivalled",
    "scored_candidates",
    "to_correction",
]

#: the least similarity, as the generators weigh it, at which a candidate is generated at all;
#: which of them are proposed is then the scorer's decision (``Config.min_score``)
GENERATION_FLOOR = 0.72
#: the generators' own line between a sure and an unsure match (a match they may only
#: suggest is kept below it); not the output's fix tier, which the scorer decides
GENERATION_FIX = 0.92
#: the least score and similarity of an unrivalled match by sound scored below its similarity
#: (an English dictionary word in Chinese speech, a short term, a word to avoid nearby) for it
#: to be a fix: such a word is likelier meant as written than a match of the same similarity
UNRIVALLED_DOUBTED = 0.8


def find_candidates(index: TermIndex, config: Config, segmenter: Segmenter, text: str, *,
                    document: DocumentEvidence | None = None,
                    protect: re.Pattern[str] | None = None,
                    trace: Trace | None = None) -> list[Candidate]:
    """Every scored candidate of ``text``, with the evidence weighed, before trimming and
    overlap resolution. ``document``: what the whole document ``text`` is a part of says
    (by default ``text`` itself); ``protect``: phrases never changed; ``trace``: where the
    stages record what their guards held back."""
    ctx = CheckContext.of(segmenter, text, trace)
    enumerate_windows(index, config, segmenter, ctx)
    pinyin_inside_words(index, config, segmenter, ctx)
    spelled_letters(index, config, ctx)
    last_letter_lost(index, ctx)
    transliterations(index, config, segmenter, ctx)
    whole = DocumentEvidence.of(index, text) if document is None else document
    truncations(index, ctx, whole.written)
    acronym_slips(index, ctx, whole.written)
    echoes(index, ctx, whole.heard)
    letters_unwritten(ctx, whole)
    meant_as_written(ctx, whole.latin)
    phrases_in_doubt(ctx, whole.latin)
    ctx.out[:] = whole_readings(ctx.out)
    possessives_said(ctx)
    return adjust(config, protect, ctx, index)


def scored_candidates(index: TermIndex, config: Config, segmenter: Segmenter, scorer: Scorer,
                      text: str, *, document: DocumentEvidence | None = None,
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
        return find_candidates(index, config, segmenter, text, document=document,
                               protect=protect, trace=trace)
    found = find_candidates(index, generation_config(config, GENERATION_FLOOR
                                                     if floor is None else floor),
                            segmenter, text, document=document, protect=protect, trace=trace)
    probability = scorer.probability
    for c, row in zip(found, features(text, found, segmenter), strict=True):
        c.score = probability(row)
    return found


@lru_cache(maxsize=64)
def generation_config(config: Config, floor: float) -> Config:
    """The configuration the generators run with: the user's, with their own floor."""
    return config.replace(min_score=floor, fix_threshold=max(floor, GENERATION_FIX),
                          scorer="rules")


def corrections(config: Config, text: str, found: Iterable[Candidate],
                index: TermIndex | None = None) -> Result:
    """The corrections proposed for ``text``: its candidates (``found``) trimmed, the best of
    those that overlap chosen, each made a :class:`~asrfix.edits.Correction` (``index``: the
    terms they were found among, whose families :func:`is_fix` weighs)."""
    trimmed = [t for t in (trim(text, c) for c in found) if t is not None]
    chosen = resolve(trimmed, config.min_score)
    rivals = rivalled(trimmed, config.min_score, chosen, text=text)
    return Result(text=text, corrections=tuple(
        to_correction(config, text, c, rivals=rivals.terms(c), index=index) for c in chosen))


def rivalled(found: Iterable[Candidate], min_score: float,
             chosen: Sequence[Span] = (), *, text: str = "") -> Rivals:
    """Which other terms compete for a span, among the candidates of ``found`` (in
    ``text``) scoring ``min_score`` or more: ``rivalled(found, 0.72).of(c)``. A candidate
    that also overlaps another of the ``chosen`` corrections competes with that one, not
    with ``c``."""
    return Rivals((c for c in found if c.score >= min_score), chosen, text=text)


class Rivals:
    """The candidates of a text by where they are: which other terms compete for a span."""

    def __init__(self, found: Iterable[Candidate], chosen: Sequence[Span] = (), *,
                 text: str = "") -> None:
        self._found = Overlaps(found)
        self._chosen = Overlaps(chosen)
        self._text = text

    def of(self, c: Candidate) -> bool:
        """Whether a candidate for another term overlaps ``c`` (and no other chosen one).
        A term ``c``'s only extends, heard at the start of its span and followed by Latin
        letters or digits alone (Lumina-V2 in ``lumeno v2 flash`` for Lumina-V2-Flash),
        is a part of it, not a rival."""
        return next(self._competing(c), None) is not None

    def terms(self, c: Candidate) -> tuple[str, ...]:
        """The canonical forms of the terms that compete with ``c`` (see :meth:`of`), the
        best scored first."""
        rivals = sorted(self._competing(c), key=lambda o: -o.score)
        return tuple(dict.fromkeys(o.term.canonical for o in rivals))

    def _competing(self, c: Candidate) -> Iterator[Candidate]:
        """The candidates for other terms that compete with ``c`` (see :meth:`of`)."""
        return (o for o in self._found.of(c.start, c.end)
                if o.term.canonical != c.term.canonical and not self._elsewhere(o, c)
                and not _part_of(self._text, o, c))

    def _elsewhere(self, o: Candidate, c: Candidate) -> bool:
        """Whether ``o`` overlaps a chosen correction other than ``c``."""
        return any((x.start, x.end) != (c.start, c.end)
                   for x in self._chosen.of(o.start, o.end))


def _part_of(text: str, o: Candidate, c: Candidate) -> bool:
    """Whether ``o`` matches the start of ``c``'s span in ``text``, the rest of which is
    Latin letters and digits (the extension heard as written), to a term ``c``'s term
    begins with."""
    rest = text[o.end:c.end]
    return (o.start == c.start and o.end < c.end and rest.isascii() and rest.strip() != ""
            and squash(c.term.canonical).startswith(squash(o.term.canonical)))


_WORDS = re.compile(r"[^\W_]+")


def _nested(a: str, b: str) -> bool:
    """Whether one term is a part of the other: its words a run of the other's words, or,
    with Chinese in either, its characters a run of the other's (OpenAI of OpenAI Gym,
    刘德华 of 刘德华演唱会; not Lama of Llama).

    >>> _nested("OpenAI", "OpenAI Gym"), _nested("刘德华", "刘德华演唱会"), _nested("Lama", "Llama")
    (True, True, False)
    """
    if CJK_RE.search(a) or CJK_RE.search(b):
        x, y = squash(a), squash(b)
        return x in y or y in x
    p, q = [w.lower() for w in _WORDS.findall(a)], [w.lower() for w in _WORDS.findall(b)]
    short, long_ = (p, q) if len(p) <= len(q) else (q, p)
    return bool(short) and any(long_[k:k + len(short)] == short
                               for k in range(len(long_) - len(short) + 1))


def is_fix(config: Config, text: str, c: Candidate, *, rivalled: bool = True,
           index: TermIndex | None = None) -> bool:
    """Whether a chosen candidate is applied unattended: it scores ``fix_threshold`` or
    more; or, scored by the rules, it is a match by sound in Chinese speech that no other
    term competes for (``rivalled`` false) whose score and similarity both reach
    ``unrivalled_fix_threshold`` (its similarity: a term nearby, which a fix may bring,
    does not tip it over; a match scored below its similarity, such as an English word or a
    short term, needs :data:`UNRIVALLED_DOUBTED`). Where its span writes a part the term shares
    with others of ``index`` (see :mod:`.families`), the rest of the span must reach that
    threshold too. Never where only a suggestion is allowed."""
    if c.cap_suggestion:
        return False
    if c.score >= config.fix_threshold:
        return True
    if (rivalled or config.scorer != "rules" or c.method not in ("phonetic", "pinyin")
            or not cjk_context(text, c.start, c.end)):
        return False
    floor = config.unrivalled_fix_threshold
    if c.score < c.similarity:
        floor = max(floor, UNRIVALLED_DOUBTED)
    if min(c.score, c.similarity) < floor:
        return False
    rest = None if index is None else rest_similarity(index, text, c)
    return rest is None or rest >= floor


def to_correction(config: Config, text: str, c: Candidate, *,
                  rivals: tuple[str, ...] | None = None,
                  index: TermIndex | None = None) -> Correction:
    """A chosen candidate as a correction: a fix where :func:`is_fix` says so, else a
    suggestion (``rivals``: the other terms that compete for its span, best first, which
    are its alternatives but for those that are a part of its term or it of theirs;
    ``None``: not known, taken as competed for)."""
    fix = is_fix(config, text, c, rivalled=rivals is None or bool(rivals), index=index)
    alternatives = tuple(t for t in rivals or () if not _nested(t, c.term.canonical))
    status: Status = "fix" if fix else "suggestion"
    return Correction(
        start=c.start, end=c.end, original=text[c.start:c.end], replacement=c.replacement,
        term=c.term.canonical, kind=c.term.kind,
        score=round(min(1.0, max(0.0, c.score)), 4), status=status,
        evidence=Evidence(method=c.method, heard=c.heard, expected=c.expected,
                          similarity=round(min(1.0, max(0.0, c.similarity)), 4),
                          notes=c.notes),
        alternatives=alternatives)
