"""The façade: a :class:`Corrector` owns a lexicon's index and a tokenizer, and checks texts.

>>> from asrfix import Corrector, Lexicon
>>> fixer = Corrector(Lexicon.from_terms(["姚顺雨", "DeepSeek"]))
>>> result = fixer.check("今天请到了尧舜禹，聊 deep seek。")
>>> [(c.original, c.replacement) for c in result]
[('尧舜禹', '姚顺雨'), ('deep seek', 'DeepSeek')]
>>> result.apply()
'今天请到了姚顺雨，聊 DeepSeek。'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract as _extract

from .config import Config
from .edits import Correction, Evidence, Location, Result, Status
from .engine.candidate import Candidate, PhoneticMatch, PinyinMatch
from .engine.context import CheckContext
from .engine.document import truncations, written_terms
from .engine.evidence import adjust
from .engine.forms import CAMEL, STYLE, WORD, WORD_SPLIT, inflection, parts, stray_function_word
from .engine.scripts import ENGLISH_WORD_SIMILARITY, Surroundings, cjk_context
from .engine.trim import trim
from .engine.words import Word, latin_phones
from .formats import Document
from .formats.jsonseg import escape_json
from .gcpause import paused_gc
from .index import MANDARIN, PRON, PRON_BITS, CompiledTerm, TermIndex, squash
from .lexicon import Lexicon, Term
from .phonetics import (
    classes,
    is_function_word,
    known_word,
    mandarin_rendering,
    phone_similarity,
)
from .pinyin import split_syllables
from .resolve import resolve
from .scoring import (
    FOLDED_SYLLABLE,
    english_similarity,
    pinyin_similarity,
    spelling_similarity,
    syllable_floor,
    syllable_similarity,
)
from .segment import CJK_RE, Segmenter

if TYPE_CHECKING:
    from .explain import Explanation

__all__ = ["Candidate", "Corrector", "check"]

_FOLDED = attrgetter("folded")
_SYLLABLES = attrgetter("syllables")
_TEXT = attrgetter("text")

def _reading(ct: CompiledTerm, k: int) -> str:
    """The phones of a term's pronunciation ``k`` (an index of the phone postings)."""
    return ct.phones[k] if k < MANDARIN else mandarin_rendering(ct.phones[k - MANDARIN])


def _function_positions(window: list[Word], function_frequency: int) -> list[int]:
    """Character positions of the window's function characters (words of one character at
    least ``function_frequency`` frequent)."""
    found = []
    pos = 0
    for w in window:
        if len(w.text) == 1 and w.freq >= function_frequency:
            found.append(pos)
        pos += len(w.text)
    return found


_SIMILARITY = Levenshtein.normalized_similarity
#: candidates from this many on are screened in one batch
_BATCH = 8


def _plain_speech(plain: bool, several: bool, single: bool, n_syl: int) -> bool:
    """Whether a Chinese window is plain speech, however exactly it sounds like a term: a
    run of ``several`` words, all of them function characters or frequent words (``plain``),
    that holds a function character (``single``: a word of one character) or is three
    syllables or fewer (也是, 因为每; but 冲击平原 is 冲积平原)."""
    return plain and several and (single or n_syl <= 3)


def _hopeless(a: int, b: int, floor: float) -> bool:
    """Whether two strings of these lengths cannot reach ``floor``: a normalised edit
    similarity never exceeds the ratio of the lengths (checked before computing it)."""
    return min(a, b) < floor * max(a, b)


#: a short term (three letters or four phones) needs at least this similarity
SHORT_TERM_SIMILARITY = 0.85
#: an English term written in Chinese characters: windows of this many syllables, matched
#: at least this closely by sound (欧朋海 / OpenAI)
TRANSLITERATION_SYLLABLES = (3, 5)
TRANSLITERATION_SIMILARITY = 0.72
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
        if lexicon is None:
            lexicon = Lexicon.default()
        elif not isinstance(lexicon, Lexicon):
            lexicon = Lexicon.from_terms(lexicon)
        self.lexicon = lexicon
        self.config = (config or Config()).replace(**overrides) if overrides else (
            config or Config())
        self.index = _build_index(lexicon)
        self.segmenter = Segmenter()
        phrases = dict.fromkeys(p.lower() for p in (*lexicon.protected, *self.config.protect))
        self._protect = re.compile("|".join(re.escape(p) for p in phrases), re.I) \
            if phrases else None
        self._max_zh = max(self.index.zh_lengths, default=0)
        self._cjk_span_limit = max(self._max_zh, self.index.max_mixed_cjk, 2,
                                   TRANSLITERATION_SYLLABLES[1] if self.config.transliterated
                                   else 0)
        self._mixed_cjk_limit = max(2, self.index.max_mixed_cjk)
        #: while :meth:`explain` runs on a copy: the sound matches a guard held back, as
        #: (start, end, heard phones, term, similarity, expected phones, why)
        self._held: list[tuple[Any, ...]] | None = None

    def __repr__(self) -> str:
        return f"Corrector({len(self.lexicon)} terms, {self.config!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the lexicon's records and the config: small, and the index is rebuilt
        on the other side (from the on-disk cache when the lexicon is large)."""
        records = [(r.canonical, r.kind, r.lang, r.variants, r.context, r.avoid, r.exact_only)
                   for r in self.lexicon.records()]
        return (_rebuild, (records, self.lexicon.protected, self.lexicon.digest,
                           self.config.model_dump()))

    # ------------------------------------------------------------------ public
    def check(self, text: str, *, document: str | None = None) -> Result:
        """Propose corrections for ``text``; offsets are code points into ``text``.
        ``document``: the whole transcript ``text`` is a part of, when a term written out
        anywhere in it is evidence for this part (by default ``text`` itself)."""
        written = None if document is None else written_terms(self.index, document)
        return self._check(text, written)

    def _check(self, text: str, written: dict[int, int] | None) -> Result:
        # many small objects (keys, memos, candidates) live until the end: see gcpause; and
        # they are all freed, with the frame of _checked, before the collector runs again
        # (had it run while they lived, it would have moved them among the old objects,
        # whose full collections scan the whole index: 0.09 s with 100,000 terms)
        with paused_gc():
            return self._checked(text, written)

    def _checked(self, text: str, written: dict[int, int] | None) -> Result:
        found = self.candidates(text, written)
        trimmed = (trim(text, c) for c in found)
        chosen = resolve((c for c in trimmed if c is not None), self.config.min_score)
        return Result(text=text, corrections=tuple(self._to_correction(text, c) for c in chosen))

    def explain(self, text: str, target: str | tuple[int, int]) -> Explanation:
        """Why ``target`` (a substring or a span of ``text``) was or was not corrected."""
        from .explain import explain

        return explain(self, text, target)

    def check_document(self, doc: Document) -> Result:
        """Check only the spoken segments of a parsed transcript (see :mod:`asrfix.formats`);
        offsets are into ``doc.text`` and each correction carries its location."""
        out: list[Correction] = []
        written = written_terms(self.index, doc.text)
        for seg in doc.segments:
            spoken = seg.decoded if seg.decoded is not None else doc.text[seg.start:seg.end]
            where = Location(segment=seg.index, speaker=seg.speaker, time=seg.time)
            for c in self._check(spoken, written):
                if seg.offsets is not None:
                    s, e = seg.offsets[c.start], seg.offsets[c.end]
                    rep = escape_json(c.replacement, ascii_only=seg.escape == "json-ascii")
                else:
                    s, e, rep = seg.start + c.start, seg.start + c.end, c.replacement
                out.append(c.model_copy(update={
                    "start": s, "end": e, "original": doc.text[s:e], "replacement": rep,
                    "location": where}))
        return Result(text=doc.text, corrections=tuple(out))

    def check_many(self, texts: Iterable[str]) -> list[Result]:
        """:meth:`check` each text with this corrector (one index, one tokenizer)."""
        return [self.check(t) for t in texts]

    # ------------------------------------------------------------------ internals
    def _hold(self, ct: CompiledTerm, sim: float, expected: str, why: str) -> None:
        """Note a sound match a guard held back, where :meth:`explain` asks for them."""
        if self._held is not None:
            self._held.append((ct, sim, expected, why))

    def _to_correction(self, text: str, c: Candidate) -> Correction:
        fix = c.score >= self.config.fix_threshold and not c.cap_suggestion
        status: Status = "fix" if fix else "suggestion"
        return Correction(
            start=c.start, end=c.end, original=text[c.start:c.end], replacement=c.replacement,
            term=c.term.canonical, kind=c.term.kind,
            score=round(min(1.0, max(0.0, c.score)), 4), status=status,
            evidence=Evidence(method=c.method, heard=c.heard, expected=c.expected,
                              similarity=round(min(1.0, max(0.0, c.similarity)), 4),
                              notes=c.notes))

    def candidates(self, text: str, written: dict[int, int] | None = None) -> list[Candidate]:
        """Every scored candidate above ``min_score``, before overlap resolution
        (``written``: the compound terms the whole document writes, when ``text`` is a part of
        one; by default those of ``text``)."""
        ctx = CheckContext.of(self.segmenter, text)
        words, starts, ends, joins = ctx.words, ctx.starts, ctx.ends, ctx.joins
        cfg = self.config
        out, protected = ctx.out, ctx.protected
        n = len(words)
        max_span = max(self._max_zh, 4 * cfg.max_words + 2)
        memo, phone_memo, looked_up = ctx.pinyin_memo, ctx.phone_memo, ctx.looked_up
        surroundings = ctx.surroundings
        exact = self.index.exact
        may = self._may_start(words, joins)
        mixed_reach = max(self._mixed_cjk_limit, self.index.max_exact_cjk)
        # the bounds below, read once (the loop runs for every window)
        function_freq, common_freq = cfg.function_word_frequency, cfg.common_word_frequency
        long_cap, token_cap = 2 * cfg.max_words, 4 * cfg.max_words + 2
        long_keyed, token_keyed = cfg.max_words, 2 * cfg.max_words + 2
        zh_lengths, span_limit = self.index.zh_lengths, self._cjk_span_limit
        cjk_firsts = self.index.cjk_exact_firsts
        # (a window of four syllables or more that shares no pair with a term of its length
        # has no candidate: asked before the pinyin path is, which most such windows reach)
        may_long = self.index.may_match_long
        long_firsts, long_thirds = self.index.pinyin_long_firsts, self.index.pinyin_long_thirds
        transliterated = cfg.transliterated
        # a start with no Latin word in reach, no listed Chinese spelling and no
        # transliteration to look for opens Chinese windows only, matched by pinyin: they
        # take the short loop below, which keeps only what those windows need (unless a
        # listed mixed spelling reaches further than a mixed window, when a Latin word out
        # of reach of the one may still be in reach of the other)
        chinese_only = not transliterated and mixed_reach <= self._mixed_cjk_limit
        for i in range(n):
            may2, may3, near = may[i]
            spelled = words[i].cjk and words[i].letters[0] in cjk_firsts
            sounded = may2 or may3 or transliterated
            if not (sounded or near or spelled):
                continue  # no term can start here: no window from i is worth keying
            start = starts[i]
            syl: tuple[str, ...] = ()
            fold: tuple[str, ...] = ()
            if chinese_only and not (near or spelled) and words[i].cjk:
                plain, single = True, False
                for j in range(i, min(n, i + max_span, i + token_cap)):
                    if j > i and not joins[j - 1]:
                        break
                    w = words[j]
                    if not w.cjk:
                        break  # (a Latin word out of reach ends the window)
                    syl += w.syllables
                    fold += w.folded
                    if len(w.text) > 1:
                        plain = plain and w.freq >= common_freq
                    else:
                        single = True
                        plain = plain and w.freq >= function_freq
                    n_syl = len(syl)
                    if n_syl > span_limit:
                        break
                    if (n_syl in zh_lengths and (may3 if n_syl > 2 else may2)
                            and (j > i or w.freq < common_freq)  # (no frequent word)
                            and not _plain_speech(plain, j > i, single, n_syl)
                            and (n_syl < 4 or may_long(fold))):
                        self._pinyin(text[start:ends[j]], syl, start, ends[j],
                                     words[i:j + 1], out, fold, memo, looked_up)
                    if n_syl >= 2 and not may3:
                        break  # (a longer window needs the three-syllable head)
                    if (n_syl >= 3 and fold[:2] not in long_firsts
                            and fold[2] not in long_thirds):
                        break  # (nor can a window of four syllables or more match from here)
                continue
            phones = ""  # (the phones and letters of words[i:keyed]: a Chinese window
            letters = ""  # needs them only once a Latin word joins it)
            keyed = i
            n_cjk = n_latin = n_digit = n_long = 0
            n_tokens = 0
            function_word = False
            ordinary = False  # a function character or a frequent word: plain Chinese
            plain = True  # every word is one (as far as the window reaches)
            single = False  # a word of one character
            for j in range(i, min(n, i + max_span)):
                if j > i and not joins[j - 1]:
                    break
                w = words[j]
                n_tokens += 1
                if w.cjk:
                    if not n_latin:
                        syl += w.syllables
                        fold += w.folded
                    chars = len(w.text)
                    n_cjk += chars
                    function_word = function_word or w.freq >= function_freq
                    if chars > 1:
                        plain = plain and w.freq >= common_freq
                    else:
                        single = True
                        plain = plain and w.freq >= function_freq
                    ordinary = ordinary or function_word or (
                        chars > 1 and w.freq >= common_freq)
                else:
                    n_latin += 1
                    n_digit += w.kind == "digit"
                    n_long += len(w.text) > 1
                if (n_long > long_cap or n_tokens > token_cap
                        or (n_latin and n_cjk > mixed_reach)):
                    break  # (too many characters for a mixed window, or a spelling)
                end = ends[j]
                if n_latin == 0:  # a Chinese window
                    if spelled:
                        span = text[start:end]
                        if span in exact:  # only a listed spelling
                            self._exact(span, "".join(x.letters for x in words[i:j + 1]),
                                        start, end, n_cjk, n_latin, text, out, protected)
                    n_syl = len(syl)
                    if n_syl > span_limit:
                        break
                    if not sounded:
                        continue
                    if (n_syl in zh_lengths and (may3 if n_syl > 2 else may2)
                            and (n_tokens > 1 or w.freq < common_freq)  # (as above)
                            and not _plain_speech(plain, n_tokens > 1, single, n_syl)
                            and (n_syl < 4 or may_long(fold))):
                        self._pinyin(text[start:end], syl, start, end, words[i:j + 1], out,
                                     fold, memo, looked_up)
                    if (transliterated and not ordinary
                            and TRANSLITERATION_SYLLABLES[0] <= n_syl
                            <= TRANSLITERATION_SYLLABLES[1]):
                        self._transliterated(text[start:end],
                                             "".join(x.phones for x in words[i:j + 1]),
                                             start, end, out)
                    continue
                while keyed <= j:
                    phones += words[keyed].phones
                    letters += words[keyed].letters
                    keyed += 1
                span = text[start:end]
                if letters in exact or letters[-1:] == "s":  # (most windows: neither)
                    self._exact(span, letters, start, end, n_cjk, n_latin, text, out, protected)
                if n_long > long_keyed or n_tokens > token_keyed:
                    continue  # long windows: only an exact spelling (a long name re-spaced)
                if n_digit == n_latin and n_cjk == 0:
                    continue  # a bare number is not a mis-heard term
                if n_cjk == 0 and n_digit == 0 and self.index.zh_lengths:
                    self._pinyin_spelled(text, span, letters, start, end, words[i:j + 1], out)
                if words[i].glued or w.glued:
                    continue  # "o" of "o&m" is not the end of a mis-heard word
                elif n_cjk == 0 or (cfg.cross_script and not function_word
                                    and n_cjk <= self._mixed_cjk_limit):
                    self._phonetic(text, span, phones, letters if n_cjk == 0 else None,
                                   start, end, words, i, j, out, phone_memo, surroundings)
        self._pinyin_inside_words(text, words, starts, ends, joins, out)
        truncations(self.index, ctx, written_terms(self.index, text) if written is None
                    else written)
        return adjust(self.config, self._protect, ctx)

    def _may_start(self, words: list[Word],
                   joins: list[bool]) -> list[tuple[bool, bool, bool]]:
        """For each word, whether a window starting there may match a term by sound: (a
        Chinese window of two syllables may, a Chinese window of another length may, a window
        reaching a Latin word may). A Latin word or a number: all three. A Chinese word: by
        whether its first syllables begin a term's pinyin key, and whether a Latin word is
        near enough for a mixed window. One pass from the end."""
        out = [(True, True, True)] * len(words)
        index = self.index
        pinyin, heads = index.pinyin, index.pinyin_heads
        # (small sets, read before the large ones: most heads begin no term, and a look-up
        # in a table of 100,000 keys is a miss of the processor's caches)
        firsts, wild_seconds = index.pinyin_exact_firsts, index.pinyin_wild_seconds
        pair_firsts = index.pinyin_pair_firsts
        begins = firsts | pair_firsts  # (a head that begins no key of two syllables or more)
        limit = self._mixed_cjk_limit
        # the answers for (may2, may3), without and with a Latin word near: made once
        answers = {(a, b): ((a, b, False), (a, b, True))
                   for a in (False, True) for b in (False, True)}
        never = answers[False, False]
        # speech repeats itself: the answers for a head whose first syllables begin a key
        seen: dict[tuple[str, ...], tuple[tuple[bool, bool, bool], tuple[bool, bool, bool]]] = {}
        head: tuple[str, ...] = ()  # the first syllables of the run of words from here
        to_latin = limit + 1  # Chinese characters from here to the next Latin word
        joined = [*joins, False]
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            if not w.cjk:
                head, to_latin = (), 0
                continue
            if not joined[i]:
                head, to_latin = (), limit + 1
            head = (w.folded + head)[:3]
            to_latin += len(w.letters)  # (a Chinese word's letters are its characters)
            if not head or (head[0] not in begins
                            and (len(head) < 3 or head[1] not in wild_seconds)):
                out[i] = never[to_latin <= limit]  # (most heads: no look-up, nothing kept;
                continue  # and a character pypinyin has no reading for, at a run's end)
            known = seen.get(head)
            if known is None:
                may3 = len(head) == 3 and (
                    (head[0] in firsts and (head in heads or (head[0], "*", head[2]) in heads
                                            or (*head[:2], "*") in heads))
                    or (head[1] in wild_seconds and ("*", *head[1:]) in heads))
                may2 = head[0] in pair_firsts and head[:2] in pinyin
                known = seen[head] = answers[may2, may3]
            out[i] = known[to_latin <= limit]
        return out

    def _pinyin_inside_words(self, text: str, words: list[Word], starts: list[int],
                             ends: list[int], joins: list[bool], out: list[Candidate]) -> None:
        """Chinese terms whose span cuts a jieba word (栓皮栗|树 for 栓皮栎).

        Only an exact folded-pinyin look-up (one per position and length), and only for terms
        of three syllables or more; three-syllable terms need identical toneless pinyin.
        """
        lengths = sorted(n for n in self.index.zh_lengths if n >= 3)
        if not lengths:
            return
        heads, first = self.index.pinyin_heads, self.index.pinyin_exact_firsts
        common = self.config.common_word_frequency
        k = 0
        while k < len(words):
            if not words[k].cjk:
                k += 1
                continue
            first_word = k
            while k + 1 < len(words) and words[k + 1].cjk and joins[k]:
                k += 1
            run = words[first_word:k + 1]
            k += 1
            folded: tuple[str, ...] = sum(map(_FOLDED, run), ())  # (short runs: fastest)
            if len(folded) < 3 or first.isdisjoint(folded[:-2]):
                continue  # (most runs: no syllable a term's key begins with)
            term_starts = [s for s in range(len(folded) - 2)
                           if folded[s] in first and folded[s:s + 3] in heads]
            if not term_starts:
                continue  # no term's first three syllables anywhere in the run
            run_starts = starts[first_word:k]
            run_end = ends[k - 1]
            syl: tuple[str, ...] = sum(map(_SYLLABLES, run), ())
            # each character's offset: a range where the words follow one another with
            # nothing between (most runs), else counted word by word
            chars = sum(map(len, map(_TEXT, run)))
            offsets: Sequence[int] = range(run_starts[0], run_end) \
                if chars == run_end - run_starts[0] else [
                    a + c for w, a in zip(run, run_starts, strict=True)
                    for c in range(len(w.text))]
            if len(syl) != chars:
                continue  # pinyin did not align one to one with the characters
            bounds = {*run_starts, run_end}
            for s in term_starts:
                for n in lengths:
                    e = s + n
                    if e > len(syl):
                        break
                    start, end = offsets[s], offsets[e - 1] + 1
                    if start in bounds and end in bounds:
                        continue  # token-aligned: the main pass saw it
                    if any(run[bisect.bisect_right(run_starts, edge) - 1].freq >= common
                           for bound, edge in ((start, start), (end, end - 1))
                           if bound not in bounds):
                        continue  # a frequent word was heard whole: 人已经 cuts 别人
                    for tid in self.index.pinyin_terms(folded[s:e]):
                        ct = self.index.terms[tid]
                        span = text[start:end]
                        if span == ct.canonical or (n == 3 and syl[s:e] != ct.syllables):
                            continue
                        sim = pinyin_similarity(syl[s:e], ct.syllables)
                        if sim >= self.config.min_score:
                            out.append(Candidate(
                                start, end, ct, ct.canonical, sim, "pinyin",
                                " ".join(syl[s:e]), " ".join(ct.syllables), sim,
                                ("span cuts a word",)))

    def _exact(self, span: str, letters: str, start: int, end: int, n_cjk: int, n_latin: int,
               text: str, out: list[Candidate], protected: list[tuple[int, int]]) -> None:
        key = letters if n_latin else span
        hits = self.index.exact_matches(key)
        if n_latin and not hits:
            for stem in (key[:-1], key[:-2]) if key.endswith("s") else ():
                if any(v is None for _, v in self.index.exact_matches(stem)):
                    protected.append((start, end))  # a plural of a term (EBITDAs)
                    return
        if not hits:
            return
        if any(variant is None and span == self.index.terms[tid].canonical
               for tid, variant in hits):
            protected.append((start, end))  # written correctly: nothing else may touch it
            return
        canon = [(tid, v) for tid, v in hits if v is None]
        if len(canon) > 1:  # several spellings of one key (Q3, Q-3): keep the closest
            best = min(canon, key=lambda h: Levenshtein.distance(span, self.index.terms[h[0]]
                                                                 .canonical))
            hits = tuple(h for h in hits if h[1] is not None or h == best)
        for tid, variant in hits:
            ct = self.index.terms[tid]
            if variant is None:
                if not self.config.case_fixes or squash(span) != ct.letters:
                    continue
                spacing_only = span.lower() != ct.canonical.lower()
                if not ct.has_upper and (not spacing_only or _hyphenation_only(span, ct.canonical)):
                    continue  # "Agent" at a sentence start, "long term" for "long-term": style
                chinese = cjk_context(text, start, end)
                if (n_latin > 1 and not chinese and stray_function_word(span, ct.canonical)
                        and all(known_word(x) for x in WORD_SPLIT.split(span) if x)):
                    continue  # "as I" is not ASI in English speech ("my cobacterium" may be)
                if not chinese and (not spacing_only
                                        or STYLE.sub("", span) == STYLE.sub("", ct.canonical)):
                    protected.append((start, end))
                    continue  # case, hyphens, apostrophes: in English writing, the writer's style
                if (not spacing_only and n_latin > 1 and span.islower()
                        and all(known_word(x) for x in span.split())):
                    protected.append((start, end))
                    continue  # "deep research" is a phrase, not necessarily the product
                if _duplicates_punctuation(text, start, end, ct.canonical):
                    continue  # "Rus" before "'" is already "Rus'"
                # a lower-case acronym (bert) or a merge (deep mind) is surely the term; a word
                # that only gains a capital (copilot) may be the common noun: a suggestion
                acronym = ct.canonical.isupper()
                score = 0.97 if (spacing_only or acronym or n_latin > 1) else 0.88
                out.append(Candidate(start, end, ct, ct.canonical, score, "format",
                                     letters, ct.letters, 1.0,
                                     ("chinese context",) if chinese else ()))
            else:
                if span == ct.canonical or (variant != variant.lower()
                                            and STYLE.sub("", span.replace(" ", ""))
                                            != STYLE.sub("", variant.replace(" ", ""))):
                    continue  # a variant with capitals (FIT) does not match "fit"
                if not (variant_applies(span, self.segmenter, self.config.common_word_frequency)
                        and variant_applies(variant, self.segmenter,
                                            self.config.common_word_frequency)):
                    continue  # "bt" (a word) known for BERT does not make "BT" BERT
                out.append(Candidate(start, end, ct, ct.canonical, 0.99, "variant",
                                     squash(span), squash(variant), 1.0,
                                     (f"known variant {variant!r}",)))

    def _pinyin(self, span: str, syl: tuple[str, ...], start: int, end: int,
                window: list[Word], out: list[Candidate], folded: tuple[str, ...],
                memo: dict[tuple[object, ...], list[PinyinMatch]],
                looked_up: dict[tuple[tuple[str, ...], tuple[int, ...]], set[int]]) -> None:
        """Chinese terms that sound like the window. A window's matches depend only on its
        text and its word boundaries, so they are scored once per check (speech repeats
        itself) and only placed at each occurrence.

        The window loops never send a window that is one frequent word (资源, 公园: far
        likelier than a homophone term), asking before they call."""
        # (a short term may not differ in a syllable of another sound: the index screens
        # those out by the syllable its wild card stands for; _pinyin_matches holds the rule)
        near = syllable_floor(len(syl))
        hits = looked_up.get((syl, ()))
        if hits is None:
            hits = looked_up[syl, ()] = self.index.pinyin_candidates(syl, folded, near=near)
        if not hits:
            return
        key = (span, *(len(w.text) for w in window))
        found = memo.get(key)
        if found is None:
            kept = self._kept_syllables(syl, window)
            if kept and len(syl) >= 3:  # a term may not differ where the window is kept
                fixed = tuple(p for a, b, _ in kept for p in range(a, b))
                hits = looked_up.get((syl, fixed))
                if hits is None:
                    hits = looked_up[syl, fixed] = self.index.pinyin_candidates(
                        syl, folded, fixed, near)
            found = memo[key] = self._pinyin_matches(span, syl, window, hits, kept)
        for ct, sim, heard, expected, notes, cap in found:
            out.append(Candidate(start, end, ct, ct.canonical, sim, "pinyin",
                                 heard, expected, sim, notes, cap))

    def _kept_syllables(self, syl: tuple[str, ...],
                        window: list[Word]) -> list[tuple[int, int, tuple[str, ...]]]:
        """The syllable ranges of a short window that a term must share exactly: a frequent
        word inside it (直接 in 里直接) was not misheard, nor a function character beside other
        words (从 in 从那里)."""
        if len(window) == 1 or len(syl) > 3:
            return []
        exact_parts, function = self._common_parts(window)
        return [(a, b, syl[a:b]) for a, b in exact_parts] + [
            (a, a + 1, syl[a:a + 1]) for a in function]

    def _pinyin_matches(self, span: str, syl: tuple[str, ...], window: list[Word],
                        hits: set[int],
                        kept: list[tuple[int, int, tuple[str, ...]]]) -> list[PinyinMatch]:
        cfg = self.config
        n_tokens = len(window)
        function = _function_positions(window, cfg.function_word_frequency) \
            if n_tokens > 1 else []
        word = n_tokens == 1 and window[0].freq > 0
        found: list[PinyinMatch] = []
        heard = " ".join(syl)
        terms = self.index.terms
        compiled = terms.compiled
        # the kept syllables, picked in C from each term's (a tuple, or one syllable)
        pick = itemgetter(*(p for a, b, _ in kept for p in range(a, b))) if kept else None
        want = pick(syl) if pick else None
        syllables_of, term_syllables = self.index.syllables_of.get, self.index.term_syllables
        floor = syllable_floor(len(syl))
        for tid in sorted(hits):
            # (screened by their syllables before they are compiled: most fail)
            ts = syllables_of(tid) or term_syllables(tid)
            if pick and pick(ts) != want:
                continue
            # (the cached similarity, mapped in C: 1.0 where the syllables are equal)
            per = [1.0] * len(syl) if ts == syl else list(map(syllable_similarity, syl, ts))
            if floor and min(per) < floor:
                continue  # one syllable is simply another sound (long terms may lose one)
            ct = compiled(tid) or terms[tid]
            if span == ct.canonical:
                continue
            sim = sum(per) / len(per)
            if len(ts) == 2 and (sim < 0.95 or (n_tokens > 1 and min(per) < 1.0)):
                continue  # two-syllable terms: at most one fuzzy fold, inside one word
            if len(ts) == 2 and function and len(span) == len(ct.canonical) and any(
                    ct.canonical[p] != span[p] for p in function):
                continue  # nor a function character of two words (里问 is no 李文; 小俊 may
                # be 小珺; in longer terms 痛风时 is 痛风石)
            if word and min(per) < FOLDED_SYLLABLE:
                continue  # a word of the dictionary with a syllable of another sound
                # (中心化 is no 郑欣华)
            if function and len(ts) <= 3 and min(per) < FOLDED_SYLLABLE:
                continue  # a short window with a function character: plain speech unless
                # every syllable sounds as the term's (是先有 is no 史娟佑)
            if sim < cfg.min_score:
                continue
            same = sum(a == b for a, b in zip(span, ct.canonical, strict=False))
            notes = (f"{same} character(s) shared",) if same else ()
            # a word of the dictionary that only sounds near the term: a suggestion
            # (神经网络 is no 盛金网络 however close; 惊艳 no 金燕)
            cap = word and ts != syl
            if cap:
                notes = (*notes, "a dictionary word, not the term's exact sound")
            elif len(ts) == 2 and word:
                # two syllables are as often a word as a name: applied unattended only where
                # the heard form is no word of the dictionary (正至 for 郑智, not 要强 for 姚强)
                cap = True
                notes = (*notes, "a dictionary word of two syllables")
            found.append((ct, sim, heard, " ".join(ts), notes, cap))
        return found

    def _transliterated(self, span: str, phones: str, start: int, end: int,
                        out: list[Candidate]) -> None:
        """An English term written wholly in Chinese characters (欧朋海 for OpenAI): only
        windows of rare words and characters, only terms longer than an acronym, and only
        ever a suggestion."""
        for tid, k in self.index.phone_candidates(phones):
            ct = self.index.terms[tid]
            tph = _reading(ct, k)
            if ct.syllables or len(ct.letters) <= 3 or len(tph) <= 4:
                continue  # a Chinese term (the pinyin path's), or a short one
            sim = phone_similarity(phones, tph)
            if sim >= max(TRANSLITERATION_SIMILARITY, self.config.min_score):
                out.append(Candidate(start, end, ct, ct.canonical, sim, "phonetic", phones,
                                     tph, sim,
                                     ("an English term written in Chinese characters",),
                                     cap_suggestion=True))

    def _pinyin_spelled(self, text: str, span: str, letters: str, start: int, end: int,
                        window: list[Word], out: list[Candidate]) -> None:
        """A Chinese term written in pinyin inside Chinese speech (yang zhilin → 杨植麟).

        Only in Chinese context (romanised names in English text are correct), only where the
        letters split into pinyin syllables, and only for terms whose syllables match exactly.
        """
        syl = split_syllables(letters)
        if not syl or len(syl) < 2 or len(syl) not in self.index.zh_lengths:
            return
        if not cjk_context(text, start, end) or any(is_function_word(w.text)
                                                       for w in window):
            return
        for tid in self.index.pinyin_candidates(syl):
            ct = self.index.terms[tid]
            if ct.syllables == syl:
                out.append(Candidate(start, end, ct, ct.canonical, 0.9, "pinyin", " ".join(syl),
                                     " ".join(ct.syllables), 1.0,
                                     ("written in pinyin",), True))

    def _common_parts(self, window: list[Word]) -> tuple[list[tuple[int, int]], list[int]]:
        """Syllable ranges of the window's words that are frequent words of their own, and
        the positions of its function characters (从, 有, 很: heard reliably)."""
        parts = []
        function = []
        pos = 0
        cfg = self.config
        for w in window:
            n = len(w.syllables)
            if n > 1 and w.freq >= cfg.common_word_frequency:
                parts.append((pos, pos + n))
            elif n == 1 and w.freq >= cfg.function_word_frequency:
                function.append(pos)
            pos += n
        return parts, function

    def _phonetic(self, text: str, span: str, phones: str, letters: str | None, start: int,
                  end: int, words: list[Word], i: int, j: int, out: list[Candidate],
                  memo: dict[tuple[object, ...], list[PhoneticMatch]],
                  surroundings: Surroundings) -> None:
        """English terms that sound (or are spelled) like the window. The matches depend on
        the window's words and whether the speech around is English, so they are worked out
        once per check for each such pair; the words beside it are checked at placement."""
        english = letters is not None and not surroundings.chinese(start, end)
        # (a window of one word is its span; of several, its span and the words' lengths)
        key = (span, letters is None, english) if i == j else (
            span, letters is None, english, *[len(w.text) for w in words[i:j + 1]])
        held = self._held
        found = memo.get(key) if held is None else None  # (explaining: every occurrence)
        if found is None:
            mark = len(held) if held is not None else 0
            found = memo[key] = self._phonetic_matches(span, phones, letters, english,
                                                       words, i, j)
            if held is not None:  # (explaining: where the window is)
                held[mark:] = [(start, end, phones, *h) for h in held[mark:]]
        if not found:
            return  # (most windows)
        before = words[i - 1].text.lower() if i > 0 else ""
        after = words[j + 1].text.lower() if j + 1 < len(words) else ""
        for ct, score, tph, sim, notes, cap in found:
            first, last = _edge_words(ct.canonical)
            if first == before or last == after:
                continue  # the neighbouring word is the term's own: a wider window owns it
            out.append(Candidate(start, end, ct, ct.canonical, score, "phonetic",
                                 phones, tph, sim, notes, cap))

    def _phonetic_matches(self, span: str, phones: str, letters: str | None, english: bool,
                          words: list[Word], i: int, j: int) -> list[PhoneticMatch]:
        cfg = self.config
        found: list[PhoneticMatch] = []
        if len(phones) < 2 or len(phones) > self.index.max_phone_len * 1.5 + 2:
            return found
        if j > i:  # the window's words of four letters or more, by sound and spelling
            longer = [w for w in words[i:j + 1] if not w.cjk and len(w.text) >= 4]
            heard_words, spelled = [w.phones for w in longer], [w.letters for w in longer]
        else:
            heard_words = spelled = []
        index = self.index
        postings = index.phone_postings(phones, heard_words, spelled)
        if not postings:
            return found  # (no term near: a third of the windows)
        best: dict[int, tuple[float, int]] = {}
        # by the terms' Mandarin renderings and their variants' sounds: used only where none
        # of a term's own readings reaches the floor
        secondary: dict[int, tuple[float, int]] = {}
        n_ph = len(phones)
        floor = cfg.min_score
        aligned_mode = letters is not None and not english and j > i
        heard = [w.phones for w in words[i:j + 1]] if aligned_mode else []
        heard_set = set(heard)  # (a term none of whose words is heard exactly aligns with none)
        part_phones = _part_phones
        spoken = letters is not None and j > i and any(
            w.letters in _SPOKEN_WORDS for w in words[i:j + 1])
        terms = index.terms
        compiled = terms.compiled
        heard_classes = classes(phones)  # (worked out once for all the terms)
        # candidates whose sound (its classes bound it from above) and spelling both fall short
        # of the floor are screened out from the index's small tables before their terms are
        # looked up (most candidates); where a window is judged by more than its similarity
        # (words aligned, a spoken form), every candidate is looked at, and those are skipped
        # only after the checks that do not need it
        screened = not aligned_mode and not spoken
        bits, mask = PRON_BITS, PRON - 1
        reach = _screened(index, postings, heard_classes, letters, floor)
        within: set[int] = set()
        if screened:
            postings = reach
        else:
            within.update(reach)
        for x in postings:
            tid, k = x >> bits, x & mask
            ct = compiled(tid) or terms[tid]
            if spoken and _verbalised(span, ct.canonical):
                return []  # "pass at k" is pass@k read aloud: style, and no other term's
            if k >= MANDARIN:
                if letters is None:  # Chinese syllables in the window: their rendering
                    tph = _reading(ct, k)
                    if not _hopeless(n_ph, len(tph), floor):
                        sim = phone_similarity(phones, tph)
                        if sim > secondary.get(tid, (-1.0, 0))[0]:
                            secondary[tid] = (sim, k)
                continue
            if aligned_mode and tid not in best:
                parts = part_phones(ct.canonical)
                if len(parts) == len(heard) and not heard_set.isdisjoint(parts):
                    aligned = _word_aligned(heard, parts)
                    if aligned:
                        best[tid] = (aligned, k)
            if not screened and x not in within:
                continue  # (screened out)
            tcls = ct.phone_classes[k]
            heard_variant = k >= ct.own_readings
            if heard_variant and i == j:
                continue  # a variant's sound is a split of the term: one word is not
                # (an aligned window has several words: it was never this case)
            tph = ct.phones[k]
            sim = english_similarity(phones, tph, letters, ct.letters, heard_classes, tcls)
            chosen = secondary if heard_variant else best
            if sim >= floor and sim > chosen.get(tid, (-1.0, 0))[0]:
                chosen[tid] = (sim, k)  # (below the floor it can only be dropped below)
        for tid, (sim, k) in secondary.items():
            if best.get(tid, (-1.0, 0))[0] < floor <= sim:
                best[tid] = (sim, k)  # only a secondary reading sounds alike: a suggestion
        for tid, (sim, k) in sorted(best.items()):
            ct = self.index.terms[tid]
            if letters is not None and (letters == ct.letters or inflection(
                    letters, ct.letters,
                    allow_plural=" " in ct.canonical and not STYLE.search(ct.canonical))):
                continue  # same spelling (the format path owns it) or another inflection
            tph = _reading(ct, k)
            if letters is not None and i == j and _same_family(span, ct.canonical):
                self._hold(ct, sim, tph, "a word of the term's own family, not a mishearing")
                continue  # "computer" is a word of its own, not a mishearing of "compute"
            if (letters is not None and i == j and CAMEL.search(span)
                    and spelling_similarity(letters, ct.letters) < NAME_SPELLING_SIMILARITY):
                self._hold(ct, sim, tph, "a name written as one, and not spelled alike")
                continue  # a name the recogniser spelled as one (OpenAI, OpEx) is another
                # name only where it is spelled alike (BancAmerica / Bank of America)
            notes: list[str] = []
            score = sim
            if k >= MANDARIN:
                notes.append("as Chinese syllables render it (final consonants dropped)")
            common = letters is not None and " " not in span and known_word(span)
            homophone = False
            if len(ct.letters) <= 3 or len(tph) <= 4:
                # short terms need strong evidence, and a common word is never read as one,
                # unless it sounds exactly as the term in Chinese speech, where an English
                # word is more often a term than not (view for Vue): then a suggestion
                homophone = common and not english and phones == tph
                if (common and not homophone) or sim < SHORT_TERM_SIMILARITY:
                    self._hold(ct, sim, tph, "a short term is never read into a common word "
                               "(unless it sounds exactly so in Chinese speech)"
                               if common else "a short term needs similarity "
                               f"{SHORT_TERM_SIMILARITY} or more")
                    continue
                score -= 0.1
                notes.append("short term")
                if homophone:
                    notes.append("an English word that sounds exactly as the term")
            if english and i == j and (sim < ENGLISH_WORD_SIMILARITY or (
                    span.isupper() and len(span) >= 3 and ct.letters != letters)):
                self._hold(ct, sim, tph, "one word in English speech needs similarity "
                           f"{ENGLISH_WORD_SIMILARITY} or more (an acronym, its own letters)")
                continue  # one written word in English speech: only a near-identical sound
            if english and j > i and (
                    (_truncated(letters, ct.letters)
                     and all(len(w.text) > 1 for w in words[i:j + 1]))
                    or (sim < ENGLISH_WORD_SIMILARITY
                        and all(len(w.text) > 1 and known_word(w.text)
                                for w in words[i:j + 1])
                        and not _parts_aligned(words[i:j + 1], ct.canonical))):
                # in English speech a window that spells the start or the end of the term
                # is that shorter word ("adjusted EBIT" is no truncated "adjusted EBITDA"),
                # and ordinary words need a near-identical sound ("land side" is not
                # Lands' End) unless they line up with the parts of the term (site time)
                self._hold(ct, sim, tph, "in English speech: the start or end of the term, "
                           "or ordinary words that do not sound near-identical")
                continue
            if common:
                if english:
                    self._hold(ct, sim, tph, "an English word in English speech")
                    continue  # in English speech a real word is far likelier than a name
                score -= 0.08
                notes.append("English word in Chinese speech")
            if score < cfg.min_score:
                continue
            if english and j > i and stray_function_word(span, ct.canonical):
                self._hold(ct, sim, tph, "a function word the term lacks, in English speech")
                continue  # "this time" is not FaceTime, nor "not be" Matt B., in English speech
            if j > i and _edge_redundant(words, i, j, tph, ct.letters, sim, letters is not None):
                continue  # an edge word adds nothing: the narrower window owns the match
            heard_variant = ct.own_readings <= k < MANDARIN
            if heard_variant:
                if letters is not None and sim < ENGLISH_WORD_SIMILARITY and all(
                        known_word(w.text) for w in words[i:j + 1]):
                    self._hold(ct, sim, tph, "ordinary English words near a variant's sound")
                    continue  # ordinary English words ("get up") near a variant's sound only
                # learned from an editor, not from the term: a suggestion, and below the
                # variant itself where the window is written exactly so
                notes.append("sounds like a known variant")
                score = min(score, cfg.fix_threshold - 0.01)
            found.append((ct, score, tph, sim, tuple(notes),
                          k >= MANDARIN or heard_variant or homophone))
        return found


def variant_applies(span: str, segmenter: Segmenter, common_word_frequency: int = 100) -> bool:
    """Whether a known variant may be applied where it occurs: not when it is a single
    character, one or two letters (ID, MC: other acronyms as often as not), a number, a
    function word, a frequent Chinese word or an English dictionary word, whose exact
    variants would rewrite ordinary text.

    >>> seg = Segmenter()
    >>> [variant_applies(v, seg) for v in ("尧舜禹", "现在", "open a", "skill", "L", "ID")]
    [True, False, True, False, False, False]
    """
    if len(span) == 1 or is_function_word(span) or span.replace(" ", "").isdigit():
        return False
    if len(span) <= 3 and len(squash(span)) <= 2 and not CJK_RE.search(span):
        return False
    if all(CJK_RE.match(ch) for ch in span):
        return segmenter.word_frequency(span) < common_word_frequency
    # skill, head, computer: right far more often than not
    return not (" " not in span and span.islower() and known_word(span))


def _rebuild(records: list[tuple[Any, ...]], protected: tuple[str, ...], digest: str,
             config: dict[str, Any]) -> Corrector:
    from .lexicon import TermRecord, _Entry

    lexicon = Lexicon([_Entry(TermRecord(*r), None, None) for r in records], digest=digest,
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
        except (AssertionError, TypeError, ValueError, IndexError):
            pass  # corrupt entry: rebuild and overwrite it
    index = TermIndex(lexicon)
    cache.save(key, index.to_state())
    return index


def _screened(index: TermIndex, postings: list[int], heard_classes: str, letters: str | None,
              floor: float) -> list[int]:
    """The phone postings whose reading's classes (or, for a Latin window, whose term's
    spelling) can reach ``floor`` against the window's, and every Mandarin rendering (judged
    otherwise), in their order: compared in C, from the index's screening tables, before any
    term is looked up (most candidates fail)."""
    spelling = index.spelling_of
    sounds = list(map(index.classes_of.get, postings))
    if None in sounds:  # (readings met for the first time; after that, one scan in C)
        for n, cls in enumerate(sounds):
            if cls is None:
                sounds[n] = index.reading_classes(postings[n])
    if len(postings) < _BATCH:  # (a call of the batch costs a few comparisons)
        return [x for x, cls in zip(postings, sounds, strict=True)
                if not cls or _SIMILARITY(heard_classes, cls, score_cutoff=floor)
                or (letters is not None
                    and _SIMILARITY(letters, spelling[x], score_cutoff=floor))]
    kept = {n for _, score, n in _extract(heard_classes, sounds, scorer=_SIMILARITY,
                                          score_cutoff=floor, limit=None) if score}
    if "" in sounds:  # Mandarin renderings
        kept.update(n for n, cls in enumerate(sounds) if not cls)
    if letters is not None and len(kept) < len(postings):
        kept.update(n for _, score, n in _extract(
            letters, list(map(spelling.__getitem__, postings)), scorer=_SIMILARITY,
            score_cutoff=floor, limit=None) if score)
    return [postings[n] for n in sorted(kept)]


def _word_aligned(heard: list[str], parts: tuple[str, ...]) -> float:
    """Mean similarity of word-by-word aligned phones (``parts``: a term's, from
    :func:`_part_phones`), when the window and the term have as many words and at least one is
    heard exactly (skin law / scaling law); else 0."""
    if len(parts) != len(heard) or not any(
            h == p and h for h, p in zip(heard, parts, strict=True)):
        return 0.0  # (no word heard exactly: nothing to score)
    sims = [phone_similarity(h, p) for h, p in zip(heard, parts, strict=True)]
    return sum(sims) / len(sims) if max(sims) == 1.0 and min(sims) > 0.0 else 0.0


@lru_cache(maxsize=65536)
def _edge_words(canonical: str) -> tuple[str | None, str | None]:
    """The first and the last word (split at spaces and hyphens) of a term's canonical
    form, in lower case (``None`` for a form with none).

    >>> _edge_words("Deep Research"), _edge_words("GPT-4o"), _edge_words("-")
    (('deep', 'research'), ('gpt', '4o'), (None, None))
    """
    parts = WORD.findall(canonical)
    return (parts[0].lower(), parts[-1].lower()) if parts else (None, None)


@lru_cache(maxsize=65536)
def _part_phones(canonical: str) -> tuple[str, ...]:
    """Phones of each word of a term's canonical form."""
    return tuple(latin_phones(p) for p in WORD_SPLIT.split(canonical) if p)


def _edge_redundant(words: list[Word], i: int, j: int, term_phones: str, term_letters: str,
                    sim: float, latin: bool) -> bool:
    """Whether dropping the first or the last word of the window matches the term as well."""
    for a, b in ((i + 1, j), (i, j - 1)):
        ws = words[a:b + 1]
        sub_phones = "".join(w.phones for w in ws)
        sub_letters = "".join(w.letters for w in ws) if latin else None
        if english_similarity(sub_phones, term_phones, sub_letters, term_letters) >= sim - 0.02:
            return True
    return False


_DERIVATIONS = ("s", "es", "d", "ed", "r", "er", "ers", "ing", "ion", "ions", "al", "ly")


def _same_family(heard: str, canonical: str) -> bool:
    """Whether two dictionary words are one word with and without a suffix (compute /
    computer): each is a word of its own, not a mishearing of the other."""
    a, b = sorted((heard.lower(), canonical.lower()), key=len)
    return (a != b and b.startswith(a) and b[len(a):] in _DERIVATIONS
            and known_word(a) and known_word(b))


_SPOKEN_SYMBOLS = {"@": " at ", "&": " and ", "+": " plus ", "#": " number ", "%": " percent "}
_SPOKEN_WORDS = frozenset(w.strip() for w in _SPOKEN_SYMBOLS.values())


def _verbalised(heard: str, canonical: str) -> bool:
    """Whether the span is the term with its symbols read out (pass at k / pass@k)."""
    if not any(ch in _SPOKEN_SYMBOLS for ch in canonical):
        return False
    spoken = "".join(_SPOKEN_SYMBOLS.get(ch, ch) for ch in canonical)
    return " ".join(WORD_SPLIT.split(spoken.lower())).strip() == " ".join(
        WORD_SPLIT.split(heard.lower())).strip()


def _duplicates_punctuation(text: str, start: int, end: int, replacement: str) -> bool:
    """Whether the replacement's leading or trailing punctuation is already beside the span."""
    head, tail = replacement[:1], replacement[-1:]
    return bool((tail and not tail.isalnum() and text[end:end + 1] == tail)
                or (head and not head.isalnum() and text[start - 1:start] == head))


def _truncated(letters: str | None, term_letters: str) -> bool:
    """Whether the window spells the start of the term, short of more than a letter or a
    plural ending: ``adjustedebit`` against ``adjustedebitda`` (not ``web`` / ``webb``)."""
    if not letters or not term_letters.startswith(letters):
        return False
    rest = term_letters[len(letters):]
    return len(rest) >= 2 and rest != "es"


#: a word written with inner capitals (OpenAI, CapEx) is a name the recogniser chose to spell;
#: it is taken for another term only where at most a third of its letters differ (ChatBT /
#: ChatGPT 0.71, BancAmerica / Bank of America 0.77; not OpenAI / OpenNeo 0.57, OpEx / CAPEX 0.6)
NAME_SPELLING_SIMILARITY = 2 / 3


def _parts_aligned(window: list[Word], canonical: str) -> bool:
    """Whether the window's words line up one by one with the parts of the term (its words,
    split at inner capitals), one heard exactly and none far off: ``site time`` / SiTime."""
    pieces = parts(canonical)
    if len(pieces) != len(window):
        return False
    sims = [phone_similarity(w.phones, latin_phones(p))
            for w, p in zip(window, pieces, strict=True)]
    return max(sims) == 1.0 and min(sims) >= 0.5


def _hyphenation_only(a: str, b: str) -> bool:
    """Whether two spellings differ only by hyphens versus spaces (and case)."""
    return a.replace("-", " ").lower() == b.replace("-", " ").lower()


def check(text: str, lexicon: Lexicon | Iterable[Term | str] | None = None, *,
          config: Config | None = None, **overrides: Any) -> Result:
    """Check one text (builds a :class:`Corrector`; reuse one for many texts).

    >>> check("我们用 deep seek 做实验", ["DeepSeek"]).apply()
    '我们用 DeepSeek 做实验'
    """
    return Corrector(lexicon, config=config, **overrides).check(text)
