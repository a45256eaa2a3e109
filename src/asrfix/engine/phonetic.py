"""Candidates by sound for English terms: a window of English or mixed words that sounds (or
is spelled) like a term (``deep sick`` → DeepSeek, ``A 正`` → agent), judged by its phones, its
letters, each word's sound and the script of the speech around it; with the guards that hold
ordinary words back, and the Mandarin rendering of a term (its final consonants dropped)
that Chinese syllables in a window are compared with.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> index = TermIndex(Lexicon.from_terms(["DeepSeek"]))
>>> ctx = CheckContext.of(Segmenter(), "我们用 deep sick 做实验")
>>> [w.text for w in ctx.words]
['我们', '用', 'deep', 'sick', '做', '实验']
>>> phones = ctx.words[2].phones + ctx.words[3].phones
>>> phonetic_window(index, Config(), ctx, "deep sick", phones, "deepsick", 4, 13, 2, 3)
>>> [(c.replacement, c.method, c.heard, c.score) for c in ctx.out]
[('DeepSeek', 'phonetic', 'dipsik', 1.0)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract as _extract

from ..config import Config
from ..index import (
    MANDARIN,
    PRON,
    PRON_BITS,
    CompiledTerm,
    TermIndex,
    squash,
    text_pronunciations,
)
from ..once import once
from ..phonetics import (
    CHINESE_NUMERALS,
    aligned_similarity,
    classes,
    is_function_word,
    known_word,
    mandarin_rendering,
    phone_similarity,
    spelled_phones,
    word_parts,
    word_phones,
)
from ..readings import readings as reading_table
from ..scoring import english_similarity, spelling_similarity
from .candidate import Candidate, PhoneticMatch
from .context import CheckContext, HeldMatch
from .forms import CAMEL, STYLE, WORD, WORD_SPLIT, inflection, parts, stray_function_word
from .scripts import ENGLISH_WORD_SIMILARITY
from .words import APOSTROPHES, Word, latin_phones

__all__ = ["NAME_SPELLING_SIMILARITY", "OTHER_LETTERS", "RIVAL_MARGIN", "SHORT_TERM_SIMILARITY",
           "VARIANT_SOUND_MARGIN", "phonetic_window", "read_as_word", "reading"]

#: a short term (three letters or four phones) needs at least this similarity
SHORT_TERM_SIMILARITY = 0.85
#: of several terms a window sounds like, those the finer alignment hears this much less
#: well than the closest are dropped
RIVAL_MARGIN = 0.02
#: a word written with inner capitals (OpenAI, CapEx) is a name the recogniser chose to spell;
#: it is taken for another term only where at most a third of its letters differ (ChatBT /
#: ChatGPT 0.71, BancAmerica / Bank of America 0.77; not OpenAI / OpenNeo 0.57, OpEx / CAPEX 0.6)
NAME_SPELLING_SIMILARITY = 2 / 3
#: a term reached only through the sound of one of its known variants is passed over where
#: another term's own reading comes within this much of it
VARIANT_SOUND_MARGIN = 0.1
_SIMILARITY = Levenshtein.normalized_similarity
#: candidates from this many on are screened in one batch
_BATCH = 8
#: a guard's note of a match it held back: (term, similarity, expected phones, why)
_Held = tuple[CompiledTerm, float, str, str]


def phonetic_window(index: TermIndex, config: Config, ctx: CheckContext, span: str,
                    phones: str, letters: str | None, start: int, end: int, i: int,
                    j: int) -> None:
    """English terms that sound (or are spelled) like the window ``ctx.words[i:j + 1]``
    (``letters``: its letters, for a window of Latin words only). The matches depend on
    the window's words and whether the speech around is English, so they are worked out
    once per check for each such pair; the words beside it are checked at placement. With
    a trace (explaining), every occurrence is worked out, and the guards' notes are kept."""
    words = ctx.words
    english = letters is not None and not ctx.surroundings.chinese(start, end)
    # (a window of one word is its span; of several, its span and the words' lengths)
    key = (span, letters is None, english) if i == j else (
        span, letters is None, english, *[len(w.text) for w in words[i:j + 1]])
    trace, memo = ctx.trace, ctx.phone_memo
    found = memo.get(key) if trace is None else None  # (explaining: every occurrence)
    if found is None:
        held: list[_Held] | None = None if trace is None else []
        found = memo[key] = _phonetic_matches(index, config, span, phones, letters, english,
                                              words, i, j, held)
        if trace is not None and held:  # (explaining: where the window is)
            trace.held.extend(HeldMatch(start, end, phones, *h) for h in held)
    if not found:
        return  # (most windows)
    if letters is not None and not english and _inside_spelling(ctx, i, j):
        _note_placed(ctx, found, start, end, phones,
                     "letters inside a spelled sequence, in Chinese speech")
        return  # in Chinese speech, a spelled sequence (G P S, K T V) is said as a whole
    phrase = i == j and _in_english_phrase(ctx, i)
    before = words[i - 1].text.lower() if i > 0 else ""
    after = words[j + 1].text.lower() if j + 1 < len(words) else ""
    for match in found:
        ct, score, tph, sim, notes, cap = match
        first, last = _edge_words(ct.canonical)
        if first == before or last == after or (
                letters and _letter_beside(ctx, i, j, _alnum(ct.canonical), letters)):
            continue  # the neighbouring word is the term's own: a wider window owns it
        if letters and _number_beside(ctx, j, ct.canonical, span, sim):
            _note_placed(ctx, (match,), start, end, phones,
                         "a number written beside, where the term has one")
            continue  # (G P T 5 is no GPT-4, nor GPT-4 5; Mistral v of Mistral v2)
        if letters and 0 < _cut_run(ctx, i, j, english) <= len(_spelled(ct.canonical)):
            _note_placed(ctx, (match,), start, end, phones,
                         "cuts a spelled sequence no longer than the term's letters")
            continue  # (the P B of P B E, the D F of X D F: the sequence is judged whole)
        if phrase and _HOMOPHONE in notes:
            _note_placed(ctx, (match,), start, end, phones,
                         "a word of an English phrase or a dotted name read aloud: sounds "
                         "exactly as a short term, but is not alone among Chinese words")
            continue  # a word of an English phrase said in Chinese speech (pass at k)
        ctx.out.append(Candidate(start, end, ct, ct.canonical, score, "phonetic",
                                 phones, tph, sim, notes, cap))


def _letter_beside(ctx: CheckContext, i: int, j: int, term: str, heard: str) -> bool:
    """Whether letters written one by one beside the window (with spaces, or ``&`` written
    or said, between) go on into the term (``term``, ``heard``: the term's letters and
    digits and the window's): the nearest with the window's edge letter begins or ends the
    term (Q before "A session" for Q&A session), or one of them is a letter the term has
    more of than the window (A before "W S summit" for AWS Summit; R N before "D centre"
    for R&D center). A wider window owns the match, and this one would write the letters
    twice. A lone ``a`` or ``I`` beside a word counts only in the first way: it may be the
    article or the pronoun."""
    beside: list[str] = []
    for k, step, edge in ((i - 1, -1, i), (j + 1, 1, j)):
        run = _letters_from(ctx, k, step)
        if run and (term.startswith(run[0] + heard[:1]) if step < 0
                    else term.endswith(heard[-1:] + run[0])):
            return True
        if run in (["a"], ["i"]) and not _is_letter(ctx.words[edge]):
            continue  # the article or the pronoun
        beside += run
    return any(term.count(ch) > heard.count(ch) for ch in set(beside))


#: what may stand between two letters of a name spelled out: ``&`` said (R and D, Q 和 A)
_SAID_AMPERSANDS = frozenset({"and", "和"})


def _letters_from(ctx: CheckContext, k: int, step: int) -> list[str]:
    """The letters written one by one from word ``k`` on, going by ``step`` (-1: back),
    in lower case, nearest first: over spaces, or ``&`` written or said, between them."""
    words, text = ctx.words, ctx.text
    out: list[str] = []
    came = k - step
    while 0 <= k < len(words):
        lo, hi = (k, came) if step < 0 else (came, k)
        if text[ctx.ends[lo]:ctx.starts[hi]].strip() not in ("", "&"):
            break
        w = words[k]
        if w.text.lower() in _SAID_AMPERSANDS:
            came, k = k, k + step
            continue
        if not _is_letter(w):
            break
        out.append(w.text.lower())
        came, k = k, k + step
    return out


#: the note on a common English word that sounds exactly as a short term, in Chinese speech
_HOMOPHONE = "an English word that sounds exactly as the term"


def _in_english_phrase(ctx: CheckContext, k: int) -> bool:
    """Whether word ``k`` is joined to an English word beside it, or follows a dot said
    aloud (点 com, dot net): one of a run of English words said as a phrase, or a piece of a
    dotted name read out, not an English word standing alone among Chinese ones."""
    words, joins = ctx.words, ctx.joins
    return ((k > 0 and joins[k - 1] and (words[k - 1].kind == "latin" or _spoken_dot(ctx, k - 1)))
            or (k + 1 < len(words) and joins[k] and words[k + 1].kind == "latin"))


def _spoken_dot(ctx: CheckContext, k: int) -> bool:
    """Whether word ``k`` is a dot said aloud: 点 or dot, not after a number (下午 3 点 is
    three o'clock)."""
    words = ctx.words
    return words[k].text.lower() in _spoken_dots() and not (
        k > 0 and words[k - 1].kind == "digit")


@once
def _spoken_dots() -> frozenset[str]:
    """How a dot is said aloud, in Chinese and English (点, dot: the reading table's)."""
    table = reading_table()
    return frozenset(r for lang in ("zh", "en") for r in table.symbol(".", lang) if r)


def _note_placed(ctx: CheckContext, matches: Iterable[PhoneticMatch], start: int, end: int,
                 phones: str, why: str) -> None:
    """Note, where explaining, matches held back where the window is placed (by the words
    beside it, which the matches shared by every occurrence of a window do not see)."""
    if ctx.trace is not None:
        ctx.trace.held.extend(HeldMatch(start, end, phones, ct, sim, tph, why)
                              for ct, _, tph, sim, _, _ in matches)


def _hold(held: list[_Held] | None, ct: CompiledTerm, sim: float, expected: str,
          why: str) -> None:
    """Note a sound match a guard held back, where :func:`asrfix.explain.explain` asks."""
    if held is not None:
        held.append((ct, sim, expected, why))


def _phonetic_matches(index: TermIndex, config: Config, span: str, phones: str,
                      letters: str | None, english: bool, words: list[Word], i: int, j: int,
                      held: list[_Held] | None) -> list[PhoneticMatch]:
    """The terms the window sounds like, with their scores and notes (``held``: where the
    guards note what they hold back, when explaining)."""
    found: list[PhoneticMatch] = []
    if len(phones) < 2 or len(phones) > index.max_phone_len * 1.5 + 2:
        return found
    floor = config.min_score
    best, secondary = _sounds_alike(index, floor, span, phones, letters, english, words, i, j)
    if secondary:
        _fill_secondary(index, best, secondary, floor)
    elif not best:
        return found  # (most windows)
    terms = index.terms
    for tid, (sim, k) in sorted(best.items()):
        match = _judged(config, terms[tid], k, sim, span, phones, letters, english, words, i,
                        j, held)
        if match is not None:
            found.append(match)
    return _closest(found, phones, letters, config.min_score) if len(found) > 1 else found


def _closest(found: list[PhoneticMatch], phones: str, letters: str | None,
             floor: float) -> list[PhoneticMatch]:
    """Several terms the window sounds like: those the finer alignment
    (:func:`~asrfix.phonetics.aligned_similarity`, or the similarity the match was found
    with, or the spelling) hears less well than
    the closest, by more than ``RIVAL_MARGIN``, are scored just below the closest ones, so
    they stay rivals but lose the window: "deep flight" is DeepFly, whose onsets it has,
    before DeepFight, whose final consonant it has. Those that fall below ``floor`` go."""
    closeness = [max(aligned_similarity(phones, tph), sim,
                     spelling_similarity(letters, ct.letters) if letters else 0.0)
                 for ct, _, tph, sim, *_ in found]
    top = max(closeness)
    near = [m[1] for m, value in zip(found, closeness, strict=True)
            if value >= top - RIVAL_MARGIN]
    ceiling = min(near) - 0.01
    out = []
    for m, value in zip(found, closeness, strict=True):
        if value < top - RIVAL_MARGIN and m[1] > ceiling:
            m = (m[0], ceiling, m[2], m[3], (*m[4], "another term sounds closer"), m[5])
        if m[1] >= floor:
            out.append(m)
    return out


def _fill_secondary(index: TermIndex, best: dict[int, tuple[float, int]],
                    secondary: dict[int, tuple[float, int]], floor: float) -> None:
    """Add to ``best`` the terms only a secondary reading reaches ``floor`` with (matches
    that are suggestions), except a variant's sound that another term's own reading
    hears nearly as well (within ``VARIANT_SOUND_MARGIN``): how an editor once heard a term
    does not outweigh a term that sounds so itself ("data brix" stays Databricks beside a
    known variant "dota bricks" of another term)."""
    own = sorted(((sim, tid) for tid, (sim, _) in best.items()), reverse=True)[:2]
    terms = index.terms
    for tid, (sim, k) in secondary.items():
        if not best.get(tid, (-1.0, 0))[0] < floor <= sim:
            continue
        if (terms.compiled(tid) or terms[tid]).own_readings <= k < MANDARIN:
            rival = next((s for s, t in own if t != tid), 0.0)
            if rival >= floor and rival > sim - VARIANT_SOUND_MARGIN:
                continue
        best[tid] = (sim, k)  # only a secondary reading sounds alike: a suggestion


def _sounds_alike(
        index: TermIndex, floor: float, span: str, phones: str, letters: str | None,
        english: bool, words: list[Word], i: int, j: int,
) -> tuple[dict[int, tuple[float, int]], dict[int, tuple[float, int]]]:
    """The terms the window reaches ``floor`` with by sound (or spelling): term id → (the
    similarity, the reading it was reached with), by a term's own readings, and apart, by
    its Mandarin rendering and its variants' sounds (secondary: to be used only where none
    of the own readings reaches the floor). Nothing where the window is a term's symbols
    read aloud."""
    if j > i:  # the window's words of four letters or more, by sound and spelling
        longer = [w for w in words[i:j + 1] if not w.cjk and len(w.text) >= 4]
        heard_words, spelled = [w.phones for w in longer], [w.letters for w in longer]
    else:
        heard_words = spelled = []
    postings = index.phone_postings(phones, heard_words, spelled)
    if not postings:
        return {}, {}  # (no term near: a third of the windows)
    best: dict[int, tuple[float, int]] = {}
    # by the terms' Mandarin renderings and their variants' sounds: used only where none
    # of a term's own readings reaches the floor
    secondary: dict[int, tuple[float, int]] = {}
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
            return {}, {}  # "pass at k" is pass@k read aloud: style, and no other term's
        if k >= MANDARIN:
            if letters is None:  # Chinese syllables in the window: their rendering
                _rendered(secondary, tid, ct, k, phones, floor)
            continue
        if aligned_mode and tid not in best:
            parts = part_phones(ct.canonical)
            if len(parts) == len(heard) and not heard_set.isdisjoint(parts):
                aligned = _word_aligned(heard, parts)
                if aligned:
                    best[tid] = (aligned, k)
        if not screened and x not in within:
            continue  # (screened out)
        heard_variant = k >= ct.own_readings
        if heard_variant and i == j:
            continue  # a variant's sound is a split of the term: one word is not
            # (an aligned window has several words: it was never this case)
        sim = english_similarity(phones, ct.phones[k], letters, ct.letters, heard_classes,
                                 ct.phone_classes[k])
        chosen = secondary if heard_variant else best
        if sim >= floor and sim > chosen.get(tid, (-1.0, 0))[0]:
            chosen[tid] = (sim, k)  # (below the floor it can only be dropped below)
    return best, secondary


def _rendered(secondary: dict[int, tuple[float, int]], tid: int, ct: CompiledTerm, k: int,
              phones: str, floor: float) -> None:
    """Chinese syllables in the window against the term's Mandarin rendering ``k``: kept in
    ``secondary`` where it is the closest of the term's so far."""
    tph = reading(ct, k)
    if not _hopeless(len(phones), len(tph), floor):
        sim = phone_similarity(phones, tph)
        if sim > secondary.get(tid, (-1.0, 0))[0]:
            secondary[tid] = (sim, k)


def _judged(config: Config, ct: CompiledTerm, k: int, sim: float, span: str, phones: str,
            letters: str | None, english: bool, words: list[Word], i: int, j: int,
            held: list[_Held] | None) -> PhoneticMatch | None:
    """The window matched with the term's reading ``k`` at similarity ``sim``, scored, with
    its notes and whether it may only be suggested; ``None`` where a guard rules it out
    (noted in ``held`` when explaining) or the score falls below ``min_score``."""
    if letters is not None and (letters == ct.letters or inflection(
            letters, ct.letters,
            allow_plural=" " in ct.canonical and not STYLE.search(ct.canonical))):
        return None  # same spelling (the format path owns it) or another inflection
    tph = reading(ct, k)
    common = letters is not None and " " not in span and known_word(span)
    short = len(ct.letters) <= 3 or len(tph) <= 4
    # a common word sounding exactly as a short term in Chinese speech, where an English
    # word is more often a term than not (view for Vue): a suggestion
    homophone = short and common and not english and phones == tph
    why = _held_back(ct, sim, span, letters, english, words, i, j, common, short, homophone)
    if why is None and _word_for_number(config, ct.canonical, span, words[i:j + 1]):
        why = "a Chinese word where the term has a number"  # (GPT 写 is no GPT-4)
    if why is not None:
        _hold(held, ct, sim, tph, why)
        return None
    score, notes = _scored(k, sim, common, short, homophone)
    if score < config.min_score:
        return None
    if english and j > i and stray_function_word(span, ct.canonical):
        _hold(held, ct, sim, tph, "a function word the term lacks, in English speech")
        return None  # "this time" is not FaceTime, nor "not be" Matt B., in English speech
    if j > i and _edge_redundant(words, i, j, tph, ct.letters, sim, letters is not None):
        return None  # an edge word adds nothing: the narrower window owns the match
    heard_variant = ct.own_readings <= k < MANDARIN
    if heard_variant:
        if letters is not None and sim < ENGLISH_WORD_SIMILARITY and all(
                known_word(w.text) for w in words[i:j + 1]):
            _hold(held, ct, sim, tph, "ordinary English words near a variant's sound")
            return None  # ordinary English words ("get up") near a variant's sound only
        # learned from an editor, not from the term: a suggestion, and below the
        # variant itself where the window is written exactly so
        notes.append("sounds like a known variant")
        score = min(score, config.fix_threshold - 0.01)
    # Chinese syllables heard as letters of an acronym (甲 A for G&A): a suggestion
    as_letters = letters is None and _acronym(ct.canonical)
    if as_letters:
        if _units(words[i:j + 1]) < sum(ch.isalpha() for ch in ct.canonical):
            _hold(held, ct, sim, tph, "fewer syllables and letters than the acronym's letters")
            return None  # (A级 is no SG&A: each letter is said)
        notes.append("Chinese syllables heard as letters")
    if "" != _spelled(span) != _spelled(ct.canonical) != "" and (
            english or _letters_only(span, ct.canonical)):
        # letters other than an acronym's may be another acronym (sm for S C M, or SM;
        # ASMR for ASML): a suggestion where the document does not write the term
        # (:func:`.document.letters_unwritten`); in
        # Chinese speech only where no number bears the match out (GBT 1 for GPT-1: the
        # recogniser swaps letters of terms)
        notes.append(OTHER_LETTERS)
    return (ct, score, tph, sim, tuple(notes),
            k >= MANDARIN or heard_variant or homophone or as_letters)


def _other_acronym(span: str, canonical: str) -> bool:
    """Whether ``span`` spells out as many letters as the term spells or more, and not its
    letters (the term spelling some).

    >>> [_other_acronym(s, t) for s, t in (("K P Y", "KPI"), ("p l", "P&L"), ("K P", "KPI"))]
    [True, False, False]
    """
    heard, own = _spelled(span), _spelled(canonical)
    return bool(own) and len(heard) >= len(own) and heard != own


def _letters_only(span: str, canonical: str) -> bool:
    """Whether neither ``span`` nor the term has a digit, and ``span`` is letters alone, all
    of them spelled (an acronym heard as an acronym).

    >>> _letters_only("ASMR", "ASML"), _letters_only("GBT1", "GPT-1")
    (True, False)
    >>> _letters_only("open I", "OpenAI")
    False
    """
    return (not _has_digit(span) and not _has_digit(canonical)
            and len(_spelled(span)) == sum(map(str.isalpha, span)))


def _alnum(text: str) -> str:
    """The letters and digits of ``text``, in lower case (P&L: pl)."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


#: the note on letters heard for an acronym that are not its letters
OTHER_LETTERS = "letters spelled that are not the term's"
_WORD_OR_NUMBER = re.compile("[A-Za-z0-9]+")


@lru_cache(maxsize=65536)
def _spelled(text: str) -> str:
    """The letters ``text`` spells out, in lower case: the one-letter words of a run of
    them, and the letters of the word parts read letter by letter (so a lone ``I`` or
    ``A``, read as its letter, but not the article ``a``).

    >>> [_spelled(t) for t in ("S C M platform", "a w s", "sm tool", "RLHF", "Kay", "CAPEX")]
    ['scm', 'aws', 'sm', 'rlhf', '', '']
    """
    found = _WORD_OR_NUMBER.findall(text)
    out = []
    for k, w in enumerate(found):
        if len(w) == 1 and w.isalpha() and any(
                len(x) == 1 and x.isalpha() for x in found[max(0, k - 1):k] + found[k + 1:k + 2]):
            out.append(w.lower())
        else:
            out.extend(ch for p in word_parts(w) if word_phones(p) == spelled_phones(p)
                       for ch in p.lower() if ch.isalpha())
    return "".join(out)


_LOWER_RUN = re.compile("[a-z]{2,}")
_VOWEL_LETTER = re.compile("[aeiouy]")


def read_as_word(canonical: str) -> bool:
    """Whether a term is read as a word rather than spelled letter by letter: it has a
    run of lower-case letters with a vowel (Kay, Citi; not SQL, npm, gcc, o1).

    >>> [read_as_word(t) for t in ("Kay", "Citi", "SQL", "npm", "gcc", "o1", "iOS")]
    [True, True, False, False, False, False, False]
    """
    return any(_VOWEL_LETTER.search(run) for run in _LOWER_RUN.findall(canonical))


_POSSESSIVE_END = re.compile(f"[{''.join(sorted(APOSTROPHES))}]s$")


def _acronym(canonical: str) -> bool:
    """Whether a term is an acronym: its letters, but for a possessive ending, are capitals
    (G&A, GCP's, RLHF; not MiMo-V2, nor AI原生, which has Chinese).

    >>> [_acronym(t) for t in ("G&A", "GCP's", "RLHF", "MiMo-V2", "AI原生", "GPT-4")]
    [True, True, True, False, False, True]
    """
    letters = [ch for ch in _POSSESSIVE_END.sub("", canonical) if ch.isalpha()]
    return bool(letters) and all(ch.isascii() and ch.isupper() for ch in letters)


def _units(words: list[Word]) -> int:
    """How many letters a window may say: a Chinese syllable each, a letter each of a word
    in capitals or of three letters at most (``ap 爱`` for API), and the capitals of a
    longer word, at least one (tee, Apple)."""
    return sum(len(w.text) if w.cjk or w.text.isupper() or len(w.text) <= 3
               else max(1, sum(ch.isupper() for ch in w.text)) for w in words)


def _spelled_out(words: list[Word], i: int, j: int) -> bool:
    """Whether the window ``words[i:j + 1]`` is letters written one by one (K, C T)."""
    return all(_is_letter(w) for w in words[i:j + 1])


def _is_letter(w: Word) -> bool:
    return len(w.text) == 1 and not w.cjk and w.text.isalpha()


def _inside_spelling(ctx: CheckContext, i: int, j: int) -> bool:
    """Whether the letters of the window go on into a letter written beside it, with only
    spaces between (the P of G P S, not of A，P): a part of a spelled sequence, which is
    said as a whole."""
    words, joins = ctx.words, ctx.joins
    return _spelled_out(words, i, j) and (
        (i > 0 and joins[i - 1] and _is_letter(words[i - 1]))
        or (j + 1 < len(words) and joins[j] and _is_letter(words[j + 1])))


def _number_beside(ctx: CheckContext, j: int, canonical: str, span: str, sim: float) -> bool:
    """Whether the word after the window ``..j`` (with only spaces between, or none) is a
    number, where the term has one that the window does not write: another number than the
    term's is no match (G P T 5 for GPT-4), and the term's own is the wider window's (the 2
    of Mistral v2); or begins with one where the window sounds as much like the term without
    its number (``sim``): a count is no version (chat gpt 四个月 is no ChatGPT 4 四个月;
    five g 两个频段 is 5G)."""
    k = j + 1
    if k >= len(ctx.words) or not ctx.joins[j] or not _has_digit(canonical) or _has_digit(span):
        return False
    after = ctx.words[k].text
    if _has_digit(after) or _NUMERALS.issuperset(after):
        return True
    return after[:1] in CHINESE_NUMERALS and _number_unheard(span.replace(" ", ""), canonical, sim)


def _cut_run(ctx: CheckContext, i: int, j: int, english: bool) -> int:
    """How many letters the longest spelled sequence has that the window cuts at an edge:
    its first word a letter written one by one after another, or its last before another,
    with only spaces between (0 if it cuts none). In English speech the letters of a
    sequence are in one case (in ``a B C`` the a is the article)."""
    words, joins = ctx.words, ctx.joins

    def alike(k: int, edge: int) -> bool:
        return 0 <= k < len(words) and joins[min(k, edge)] and _is_letter(words[k]) and (
            not english or words[k].text.isupper() == words[edge].text.isupper())

    out = 0
    for edge, step in ((i, -1), (j, 1)):
        if not (_is_letter(words[edge]) and alike(edge + step, edge)):
            continue
        lo = hi = edge
        while alike(lo - 1, lo):
            lo -= 1
        while alike(hi + 1, hi):
            hi += 1
        out = max(out, hi - lo + 1)
    return out


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _number_unheard(word: str, canonical: str, sim: float) -> bool:
    """Whether one word matched to a term with a number (similarity ``sim``) sounds at least
    as much like the term without it: nothing was heard for the number (``sorah`` for Sora
    2, not ``soratoo`` nor ``viewthree`` for Vue 3)."""
    bare = _NUMBER.sub(" ", canonical).strip()
    if not bare:
        return False
    letters, rest = squash(bare), squash(word)
    if rest.startswith(letters) and rest[len(letters):] in ("", "h"):
        return True  # the name's letters and a silent h at most
    heard = latin_phones(word)
    return max((phone_similarity(heard, p) for p in text_pronunciations(bare)),
               default=0.0) >= sim


#: a number of a term, with the separator before it
_NUMBER = re.compile(r"[\s\-]*\d+(?:[.\-]\d+)*")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


#: the characters Chinese numbers are said with
_NUMERALS = CHINESE_NUMERALS | {"点"}


def _word_for_number(config: Config, canonical: str, span: str, words: list[Word]) -> bool:
    """Whether a term with a digit is matched over a frequent Chinese word that says no
    number, where the window writes no digit (写 heard for the 四 of GPT-4)."""
    return _has_digit(canonical) and not _has_digit(span) and any(
        w.cjk and w.freq >= config.common_word_frequency and not _NUMERALS.issuperset(w.text)
        for w in words)


def _held_back(ct: CompiledTerm, sim: float, span: str, letters: str | None, english: bool,
               words: list[Word], i: int, j: int, common: bool, short: bool,
               homophone: bool) -> str | None:
    """Why a guard holds the match back, if one does: ``common``, the window is one English
    dictionary word; ``short``, the term is three letters or four phones or fewer;
    ``homophone``, a common word that sounds exactly as a short term in Chinese speech."""
    if letters is not None and _spelled_out(words, i, j) and read_as_word(ct.canonical):
        # letters said one by one spell an acronym (C T, K), not a name read as a word
        return "letters said one by one, and the term is a word"
    if _has_digit(span) and _digits(span) != _digits(ct.canonical):
        # a number written in digits was heard as a number: V4 is no V2, nor 21 a 1
        return "a number written in the window that the term does not have"
    if (letters is not None and i == j and _has_digit(ct.canonical) and not _has_digit(span)
            and _number_unheard(span, ct.canonical, sim)):
        return "one word that sounds as much like the term without its number"  # (sorah)
    if letters is not None and i == j and is_function_word(span):
        return "an English function word, filler or greeting alone (so, okay, hello)"
    if letters is not None and i == j and _same_family(span, ct.canonical):
        # "computer" is a word of its own, not a mishearing of "compute"
        return "a word of the term's own family, not a mishearing"
    if (letters is not None and i == j and CAMEL.search(span)
            and spelling_similarity(letters, ct.letters) < NAME_SPELLING_SIMILARITY):
        # a name the recogniser spelled as one (OpenAI, OpEx) is another name only where
        # it is spelled alike (BancAmerica / Bank of America)
        return "a name written as one, and not spelled alike"
    if short and ((common and not homophone) or sim < SHORT_TERM_SIMILARITY):
        # short terms need strong evidence, and a common word is never read as one
        return ("a short term is never read into a common word (unless it sounds exactly "
                "so in Chinese speech)" if common else
                f"a short term needs similarity {SHORT_TERM_SIMILARITY} or more")
    if english and i == j and (sim < ENGLISH_WORD_SIMILARITY or (
            span.isupper() and len(span) >= 3 and ct.letters != letters)):
        # one written word in English speech: only a near-identical sound
        return (f"one word in English speech needs similarity {ENGLISH_WORD_SIMILARITY} or "
                "more (an acronym, its own letters)")
    if english and j > i and _spelled_out(words, i, j) and _other_acronym(span, ct.canonical):
        # letters written one by one, as many as the term spells or more, not its own:
        # another acronym (P B L is no P&L); fewer, or with words, are suggested
        return "letters spelled out in English speech, not the term's"
    if english and j > i and (
            (_truncated(letters, ct.letters)
             and all(len(w.text) > 1 for w in words[i:j + 1]))
            or (sim < ENGLISH_WORD_SIMILARITY
                and all(len(w.text) > 1 and known_word(w.text) for w in words[i:j + 1])
                and not _parts_aligned(words[i:j + 1], ct.canonical))):
        # in English speech a window that spells the start or the end of the term is that
        # shorter word ("adjusted EBIT" is no truncated "adjusted EBITDA"), and ordinary
        # words need a near-identical sound ("land side" is not Lands' End) unless they
        # line up with the parts of the term (site time)
        return ("in English speech: the start or end of the term, or ordinary words that "
                "do not sound near-identical")
    if common and english:
        # in English speech a real word is far likelier than a name
        return "an English word in English speech"
    return None


def _scored(k: int, sim: float, common: bool, short: bool,
            homophone: bool) -> tuple[float, list[str]]:
    """The score of a match no guard held back, and its notes: a Mandarin rendering, a
    short term and an English word in Chinese speech are noted, the last two scored down."""
    notes: list[str] = []
    score = sim
    if k >= MANDARIN:
        notes.append("as Chinese syllables render it (final consonants dropped)")
    if short:
        score -= 0.1
        notes.append("short term")
        if homophone:
            notes.append(_HOMOPHONE)
    if common:
        score -= 0.08
        notes.append("English word in Chinese speech")
    return score, notes


def reading(ct: CompiledTerm, k: int) -> str:
    """The phones of a term's pronunciation ``k`` (an index of the phone postings)."""
    return ct.phones[k] if k < MANDARIN else mandarin_rendering(ct.phones[k - MANDARIN])


def _hopeless(a: int, b: int, floor: float) -> bool:
    """Whether two strings of these lengths cannot reach ``floor``: a normalised edit
    similarity never exceeds the ratio of the lengths (checked before computing it)."""
    return min(a, b) < floor * max(a, b)


def _screened(index: TermIndex, postings: list[int], heard_classes: str, letters: str | None,
              floor: float) -> list[int]:
    """The phone postings whose reading's classes (or, for a Latin window, whose term's
    spelling) reach ``floor`` against the window's, and every Mandarin rendering (judged
    otherwise), in their order: compared in C, from the index's screening tables, before any
    term is looked up (most candidates fail). The plain edit similarity of the classes is
    the screen; the allowances :func:`~asrfix.phonetics.phone_similarity` makes beyond it
    (vowels alone differing, a v for a w) can lift a reading it drops, rarely: only where
    the classes differ in several places, which the exact phones then do too."""
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


def _truncated(letters: str | None, term_letters: str) -> bool:
    """Whether the window spells the start of the term, short of more than a letter or a
    plural ending: ``adjustedebit`` against ``adjustedebitda`` (not ``web`` / ``webb``)."""
    if not letters or not term_letters.startswith(letters):
        return False
    rest = term_letters[len(letters):]
    return len(rest) >= 2 and rest != "es"


def _parts_aligned(window: list[Word], canonical: str) -> bool:
    """Whether the window's words line up one by one with the parts of the term (its words,
    split at inner capitals), one heard exactly and none far off: ``site time`` / SiTime."""
    pieces = parts(canonical)
    if len(pieces) != len(window):
        return False
    sims = [phone_similarity(w.phones, latin_phones(p))
            for w, p in zip(window, pieces, strict=True)]
    return max(sims) == 1.0 and min(sims) >= 0.5
