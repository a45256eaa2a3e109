"""The façade: a :class:`Corrector` owns a lexicon's index and a tokenizer, and checks texts.

The check itself runs in stages, one module each, in :mod:`asrfix.engine` (its
:mod:`~asrfix.engine.pipeline` reads in their order). A corrector holds nothing that changes
while it checks: each check keeps its own state in a
:class:`~asrfix.engine.context.CheckContext`.

>>> from asrfix import Corrector, Lexicon
>>> fixer = Corrector(Lexicon.from_terms(["姚顺雨", "DeepSeek"]))
>>> result = fixer.check("今天请到了尧舜禹，聊 deep seek。")
>>> [(c.original, c.replacement) for c in result]
[('尧舜禹', '姚顺雨'), ('deep seek', 'DeepSeek')]
>>> result.apply()
'今天请到了姚顺雨，聊 DeepSeek。'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .arguments import as_lexicon, require_document, require_text
from .config import Config
from .edits import Correction, Result
from .engine.candidate import Candidate
from .engine.document import DocumentEvidence
from .engine.exact import variant_applies
from .engine.pipeline import corrections, scored_candidates
from .engine.scorer import Scorer
from .formats import Document
from .formats.jsonseg import escape_json
from .gcpause import paused_gc
from .index import TermIndex
from .lexicon import Lexicon, Term
from .pieces import check_in_pieces
from .segment import Segmenter
from .spoken import utterances

if TYPE_CHECKING:
    from .explain import Explanation

__all__ = ["Candidate", "Corrector", "check", "variant_applies"]


class Corrector:
    """Finds likely mis-transcriptions of lexicon terms and proposes corrections.

    ``lexicon`` defaults to the shipped lexicons; ``config`` and keyword overrides set the
    thresholds (see :class:`~asrfix.config.Config`). Build once and reuse: building indexes
    the lexicon, checking is cheap.
    """

    def __init__(
        self,
        lexicon: Lexicon | Iterable[Term | str] | None = None,
        *,
        config: Config | None = None,
        **overrides: Any,
    ) -> None:
        self.lexicon = lexicon = as_lexicon(lexicon)
        self.config = (config or Config()).replace(**overrides) if overrides else (
            config or Config())
        self.index = _build_index(lexicon)
        self.segmenter = Segmenter()
        phrases = dict.fromkeys(p.lower() for p in (*lexicon.protected, *self.config.protect))
        #: the protected phrases (the lexicon's and the config's) as one pattern, if any
        self.protected_pattern = re.compile("|".join(re.escape(p) for p in phrases), re.I) \
            if phrases else None

    def __repr__(self) -> str:
        return f"Corrector({len(self.lexicon)} terms, {self.config!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the lexicon's records and the config: small, and the index is rebuilt
        on the other side (from the on-disk cache when the lexicon is large)."""
        records = [(r.canonical, r.kind, r.lang, r.variants, r.context, r.avoid, r.exact_only,
                    r.spoken, r.role) for r in self.lexicon.records()]
        return (_rebuild, (records, self.lexicon.protected, self.lexicon.digest,
                           self.config.model_dump()))

    # ------------------------------------------------------------------ public
    def check(self, text: str, *, document: str | None = None) -> Result:
        """Propose corrections for ``text``; offsets are code points into ``text``.
        ``document``: the whole transcript ``text`` is a part of, when what it says
        anywhere (the terms it writes out, how it hears them: see
        :class:`~asrfix.engine.document.DocumentEvidence`) is evidence for this part (by
        default ``text`` itself).

        A long text is checked in pieces of whole lines, with the same result (see
        :mod:`asrfix.pieces`): memory stays bounded however long the text is.

        A corrector may be shared between threads: its checks take turns (the index fills
        lazily loaded state as it is read), since pure-Python checking gains nothing from
        threads; run processes (``asrfix check --jobs``, :mod:`asrfix.dask`) to check in
        parallel."""
        require_text(text)
        with self.index.lock:
            whole = DocumentEvidence.of(self.index,
                                        text if document is None else require_text(document))
            return check_in_pieces(text, lambda piece: self._check(piece, whole),
                                   margin=self.config.context_radius)

    def _check(self, text: str, document: DocumentEvidence | None) -> Result:
        # many small objects (keys, memos, candidates) live until the end: see gcpause; and
        # they are all freed, with the check's context, before the collector runs again
        # (had it run while they lived, it would have moved them among the old objects,
        # whose full collections scan the whole index)
        with paused_gc():
            return corrections(self.config, text, self.candidates(text, document),
                               self.index)

    def explain(self, text: str, target: str | tuple[int, int]) -> Explanation:
        """Why ``target`` (a substring or a span of ``text``) was or was not corrected."""
        from .explain import explain

        return explain(self, text, target)

    def check_document(self, doc: Document) -> Result:
        """Check only the spoken segments of a parsed transcript (see :mod:`asrfix.formats`),
        a subtitle cue's lines as one utterance (see :mod:`asrfix.spoken`); offsets are into
        ``doc.text`` and each correction carries its location."""
        out: list[Correction] = []
        with self.index.lock:
            whole = DocumentEvidence.of(self.index, require_document(doc).text)
            for spoken in utterances(doc):
                for c in self._check(spoken.text, whole):
                    span = spoken.span(c.start, c.end)
                    if span is None:
                        continue
                    s, e = span
                    rep = c.replacement if spoken.escape is None else escape_json(
                        c.replacement, ascii_only=spoken.escape == "json-ascii")
                    out.append(c.model_copy(update={
                        "start": s, "end": e, "original": doc.text[s:e], "replacement": rep,
                        "location": spoken.location}))
        return Result(text=doc.text, corrections=tuple(out))

    def check_many(self, texts: Iterable[str]) -> list[Result]:
        """:meth:`check` each text with this corrector (one index, one tokenizer)."""
        return [self.check(t) for t in texts]

    def candidates(self, text: str,
                   document: DocumentEvidence | None = None) -> list[Candidate]:
        """Every candidate the generators find, its ``score`` the probability that an editor
        accepts it, before trimming, ``min_score`` and overlap resolution (``document``: what
        the whole document says, when ``text`` is a part of one, see
        :class:`~asrfix.engine.document.DocumentEvidence`; by default ``text`` itself)."""
        return scored_candidates(self.index, self.config, self.segmenter, Scorer.default(),
                                 text, document=document, protect=self.protected_pattern)


def _rebuild(records: list[tuple[Any, ...]], protected: tuple[str, ...], digest: str,
             config: dict[str, Any]) -> Corrector:
    from .lexicon import Entry, TermRecord

    lexicon = Lexicon([Entry(TermRecord(*r), None, None) for r in records], digest=digest,
                      protected=protected)
    return Corrector(lexicon, config=Config(**config))


def _build_index(lexicon: Lexicon) -> TermIndex:
    """The lexicon's index, from the on-disk cache when the lexicon is large. The garbage
    collector is paused meanwhile: building allocates millions of small objects that all
    stay alive, and collecting while it runs costs time for nothing."""
    with paused_gc():
        return _build_index_now(lexicon)


def _build_index_now(lexicon: Lexicon) -> TermIndex:
    from . import cache

    if len(lexicon) < cache.MIN_TERMS or cache.cache_dir() is None:
        return TermIndex(lexicon)
    key = cache.cache_key(lexicon.digest)
    state = cache.load(key)
    if isinstance(state, tuple):
        try:
            return TermIndex.from_state(state)
        except (TypeError, ValueError, IndexError):  # (CorruptIndexState is a ValueError)
            pass  # corrupt entry: rebuild and overwrite it
    index = TermIndex(lexicon)
    cache.save(key, index.to_state())
    return index


def check(text: str, lexicon: Lexicon | Iterable[Term | str] | None = None, *,
          config: Config | None = None, **overrides: Any) -> Result:
    """Check one text (builds a :class:`Corrector`; reuse one for many texts).

    >>> check("我们用 deep seek 做实验", ["DeepSeek"]).apply()
    '我们用 DeepSeek 做实验'
    """
    return Corrector(lexicon, config=config, **overrides).check(text)
