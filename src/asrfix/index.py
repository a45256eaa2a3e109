"""Candidate retrieval whose cost does not grow with the lexicon.

Every term is compiled once into keys, and each key goes into hash tables together with
its *deletion neighbourhood* (the key with any one symbol removed, as in SymSpell). A
window of the transcript looks up its own key and its own deletions, so it finds every
term within one insertion, deletion or substitution of the key in a constant number of
dictionary look-ups, whatever the lexicon size.

* exact table: squashed spelling (lower case, no spaces or hyphens) of canonical forms,
  known variants and spoken forms (``c 加加`` for C++: :mod:`asrfix.sayings`);
* pinyin tables (Chinese terms, and names of capital letters and Chinese characters read
  with each letter's syllables: :func:`~asrfix.pinyin.letter_reading`): folded syllables,
  and the same with one syllable wild-carded (terms of three syllables or more);
* phone tables: the class-level phone key and the consonant skeleton of each pronunciation
  (postings stored packed, unpacked the first time a key is met; a reading's phone classes
  and its term's spelling are kept as they are met, to screen candidates by, in
  ``classes_of`` and ``spelling_of``).

>>> from asrfix.lexicon import Lexicon
>>> idx = TermIndex(Lexicon.from_terms(["DeepSeek", "姚顺雨"]))
>>> [idx.terms[i].canonical for i, _ in idx.phone_candidates("dipstik")]
['DeepSeek']
>>> [idx.terms[i].canonical for i in idx.pinyin_candidates(("yao", "shun", "yu"))]
['姚顺雨']
"""

from __future__ import annotations

import marshal
import re
import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, Final, TypeVar, cast

from .lexicon import Kind, Lexicon, Role, Term, TermRecord
from .once import once
from .phonetics import (
    chinese_digits,
    classes,
    coarse,
    english_phones,
    fold_syllable,
    is_function_word,
    mandarin_rendering,
    mixed_phones,
    pinyin_phones,
    skeleton,
)
from .pinyin import letter_reading, syllables
from .readings import readings as reading_table
from .sayings import spoken_forms
from .scoring import syllable_similarity
from .segment import CJK_RE, DECIMAL_POINTS

__all__ = ["MANDARIN", "PRON", "PRON_BITS", "CompiledTerm", "CorruptIndexState", "TermIndex",
           "deletions", "is_spoken", "long_head", "squash", "term_pronunciations",
           "term_spoken_forms", "text_pronunciations"]

_SQUASH = re.compile(rf"[\s\-_·{DECIMAL_POINTS}'’]+")
#: a spelling's start before its first letter or digit
_LEAD = re.compile(r"[^A-Za-z0-9]+")


def squash(text: str) -> str:
    """Lower case without spaces, hyphens, underscores or dots (half or full width): the
    spelling key.

    >>> squash("SWE-bench"), squash("web shop")
    ('swebench', 'webshop')
    """
    return _SQUASH.sub("", text).lower()


def deletions(key: str) -> set[str]:
    """The key with each single symbol removed (runs of ``V`` collapsed again)."""
    out = set()
    for i in range(len(key)):
        d = key[:i] + key[i + 1:]
        out.add(d.replace("VV", "V"))
    return out


@dataclass(slots=True, unsafe_hash=True)
class CompiledTerm:
    """A term with its precomputed keys (lean: used in hot loops). Read-only by convention:
    not ``frozen``, whose ``__init__`` sets each field through ``object.__setattr__`` (much
    slower, for every term a check meets), but compared and hashed by value as if it
    were."""

    id: int
    canonical: str
    kind: Kind
    term: Term | TermRecord
    letters: str
    syllables: tuple[str, ...]
    folded: tuple[str, ...]
    phones: tuple[str, ...]
    has_upper: bool
    #: how many of ``phones`` are readings of the canonical form; the rest are the sounds of
    #: its known variants heard as several words (see :func:`variant_pronunciations`)
    own_readings: int = 1
    #: the phone classes of each of ``phones`` (see :func:`~asrfix.phonetics.classes`)
    phone_classes: tuple[str, ...] = ()
    #: "show" or "directory" (see :mod:`asrfix.lexicon`)
    role: Role = "show"


def term_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin of the CJK characters of ``text`` (one syllable per character)."""
    return syllables(text)


# (compiled once: a pattern given as a string is looked up in re's cache at every call, and
# building an index makes several such calls a term)
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")
_VOWEL = re.compile("[AEIOU]")
_CAPITALS = re.compile(r"[A-Z]{2,5}(?![a-z])")
_ACRONYM = re.compile(r"\b[A-Z]{3,5}\b")
_WORD_BREAK = re.compile(r"[\s\-]+")


def term_pronunciations(term: Term | TermRecord,
                        syll: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """All phone strings a term may be heard as (one per reading of its acronyms;
    ``syll``: the syllables of a Chinese term, when they are known already)."""
    text = term.canonical
    if CJK_RE.search(text) and not _LATIN_OR_DIGIT.search(text):
        if syll is None:
            syll = term_syllables(text)
        return ("".join(pinyin_phones(s) for s in syll),)
    say = mixed_phones if term.lang == "mixed" else english_phones
    text = _said_symbols().sub(_said_symbol, text)  # (C++ is never heard as C)
    readings = {say(text)}
    # acronyms of 2-5 capitals may also be read as a word, and words in caps may be spelled
    spelled = _CAPITALS.sub(lambda m: " ".join(m.group()), text)
    readings.add(say(spelled))
    if "-" in text:
        readings.add(say(text.replace("-", " ")))
    for acro in _ACRONYM.findall(text):  # SWE said as a word: "swee"
        if _VOWEL.search(acro):
            readings.add(say(text.replace(acro, acro.lower())))
    if _DIGIT.search(text):  # digits read in Chinese: o3 as "o 三"
        readings.add(mixed_phones(chinese_digits(text)))
    return tuple(sorted(r for r in readings if r))


def text_pronunciations(text: str) -> tuple[str, ...]:
    """Every way a piece of a term may be said, as its readings are made for a whole term
    (:func:`term_pronunciations`: an acronym spelled or read as a word, digits in English or
    Chinese), and as mixed speech reads it.

    >>> text_pronunciations("SWE")
    ('esdEbElyui', 'swi')
    """
    record = TermRecord(text, lang="mixed" if CJK_RE.search(text) else "en")
    return tuple(sorted({*term_pronunciations(record), mixed_phones(text)} - {""}))


@once
def _said_symbols() -> re.Pattern[str]:
    """The symbols always said, as they tell a term from another (C, C++ and C#): the
    reading table's ``[always_said]``."""
    return re.compile("[" + "".join(map(re.escape, sorted(reading_table().always_said)))
                      + "]")


def _said_symbol(m: re.Match[str]) -> str:
    """A symbol as it is said in English (``+``: " plus "; see ``data/readings.toml``)."""
    return f" {reading_table().symbol(m.group(), 'en')[0]} "


def variant_pronunciations(term: Term | TermRecord) -> tuple[str, ...]:
    """The sounds of a term's known variants that show how speech recognition splits it:
    variants of several words or of two scripts (拆 GPT, a topic, A 阵), not of one word
    (a word's sound neighbours are the term's own), with a Latin letter in them (the sound
    matcher's windows). A variant that would never be applied (a number, a function word, too
    few letters), one with digits the term has not ("1 body" for embedding: a one-off), and
    the variants of an exact-only term give none.

    >>> variant_pronunciations(Term(canonical="ChatGPT", variants=["拆 GPT", "chatgpt"]))
    ('CaiJipiti',)
    """
    if term.exact_only:
        return ()
    out: list[str] = []
    for v in term.variants:
        if not ((" " in v.strip() or CJK_RE.search(v)) and _LATIN.search(v)):
            continue
        if _DIGIT.search(v) and not _DIGIT.search(term.canonical):
            continue
        if (v.replace(" ", "").isdigit() or is_function_word(v) or len(squash(v)) < 4
                or squash(v) == squash(term.canonical)):
            continue
        ph = mixed_phones(v)
        if len(ph) >= 5 and ph not in out:
            out.append(ph)
    return tuple(out)


class _TermTable:
    """The terms by id, each one's data marshalled into one byte string (with the offsets of
    each term), compiled the first time a term is asked for: building or loading a large
    lexicon makes one blob, not an object per term, and a check compiles only the
    terms it meets.

    Beside it, what screening a candidate needs of its term (:meth:`screen`): the term's
    spelling, its syllables and its readings, tab-separated in a second blob. A check meets
    thousands of terms and keeps few of them: compiling them all would cost most of a first
    check, only to screen them out.
    """

    __slots__ = ("_blob", "_done", "_offsets", "_screen_at", "_screens", "compiled")

    #: the term if it is compiled already, else ``None``: in hot loops ``compiled(tid) or
    #: table[tid]`` is a C-level look-up, not a Python call, when it is
    compiled: Callable[[int], CompiledTerm | None]

    def __init__(self, blob: bytes | bytearray = b"", offsets: bytes = b"",
                 screens: bytes | bytearray = b"", screen_offsets: bytes = b"") -> None:
        self._blob: bytes | bytearray = blob if offsets else bytearray()
        self._screens: bytes | bytearray = screens if offsets else bytearray()
        self._offsets = array("Q")
        self._offsets.frombytes(offsets)
        self._screen_at = array("Q")
        self._screen_at.frombytes(screen_offsets)
        if not offsets:
            self._offsets.append(0)
            self._screen_at.append(0)
        elif (self._offsets[-1] != len(blob) or self._offsets[0] != 0
              or len(self._screen_at) != len(self._offsets) or self._screen_at[0] != 0
              or self._screen_at[-1] != len(screens)):
            raise ValueError("term offsets do not fit the term data")
        self._done: dict[int, CompiledTerm] = {}
        self.compiled = self._done.get

    def append_row(self, row: tuple[Any, ...]) -> None:
        """Add a term's data: (canonical, kind, lang, variants, context, avoid, exact_only,
        letters, syllables, folded, phones, has_upper, own_readings, role)."""
        blob, screens = self._blob, self._screens
        if not (isinstance(blob, bytearray) and isinstance(screens, bytearray)):
            raise TypeError("a loaded table is read-only")
        blob += marshal.dumps(row)
        self._offsets.append(len(blob))
        screens += "\t".join((row[7], " ".join(row[8]), *row[10])).encode()
        self._screen_at.append(len(screens))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, tid: int) -> CompiledTerm:
        ct = self._done.get(tid)
        if ct is None:
            if not 0 <= tid < len(self._offsets) - 1:
                raise IndexError(tid)
            row = marshal.loads(self._blob[self._offsets[tid]:self._offsets[tid + 1]])
            c, k, lang, v, ctx, av, ex, letters, syl, fold, ph, up, own, role = row
            ct = CompiledTerm(tid, c, k, TermRecord(c, k, lang, v, ctx, av, ex, role=role),
                              letters, syl, fold, ph, up, own, tuple(map(classes, ph)), role)
            self._done[tid] = ct
        return ct

    def name(self, tid: int) -> tuple[str, str]:
        """A term's canonical form and role, without compiling it."""
        ct = self._done.get(tid)
        if ct is not None:
            return ct.canonical, ct.role
        row = marshal.loads(self._blob[self._offsets[tid]:self._offsets[tid + 1]])
        return row[0], row[13]

    def screen(self, tid: int) -> list[str]:
        """A term's spelling, its syllables (space-separated), then each of its readings (its
        ``letters``, ``syllables`` and ``phones``), without compiling it."""
        at = self._screen_at
        return self._screens[at[tid]:at[tid + 1]].decode().split("\t")

    def __iter__(self) -> Iterator[CompiledTerm]:
        return (self[i] for i in range(len(self)))

    def to_state(self) -> tuple[bytes | bytearray, bytes, bytes | bytearray, bytes]:
        """The terms' data and where each term's starts, and their screening data and where
        each term's starts (marshal stores a bytearray as bytes)."""
        return self._blob, self._offsets.tobytes(), self._screens, self._screen_at.tobytes()


#: phone postings pack (term id, pronunciation index) into one int: id * PRON + index
#: (a power of two: unpacked with a shift and a mask)
PRON = 16
PRON_BITS = PRON.bit_length() - 1
#: pronunciation indexes from here on are the Mandarin renderings (see
#: :func:`~asrfix.phonetics.mandarin_rendering`) of readings ``index - MANDARIN``
MANDARIN = 8
#: a word shared by more multi-word terms than this is too common to retrieve them by (a
#: show's terms and a directory's counted apart)
WORD_POSTINGS_MAX = 64
#: the array type code of phone postings, and its size in bytes
_POSTING: Final = "I"
_POSTING_SIZE = array(_POSTING).itemsize
#: a wild-card pinyin key's postings carry, in their low bits, the id of the syllable the wild
#: card stands for (id 0: a syllable beyond the table's room, never screened out)
SYLLABLE_BITS = 9
_SYLLABLE_MASK = (1 << SYLLABLE_BITS) - 1
_SYLLABLE_ROOM = 1 << SYLLABLE_BITS  # (ids 1 to this, less one, name a syllable)
#: the most terms one index holds (a posting, term id and reading or syllable, is one
#: unsigned int)
MAX_TERMS = 2 ** (8 * _POSTING_SIZE) // max(PRON, _SYLLABLE_ROOM)


def long_head(first: str, second: str) -> str:
    """The key a window from two words (their phones ``first`` and ``second``) is looked up
    by in ``TermIndex.long_heads``: the first consonant class of each (``-`` for none),
    which a vowel misheard keeps.

    >>> long_head("sEsaiEti", "for") == long_head("sosaiti", "fEr")
    True
    """
    return skeleton(first)[:1].ljust(1, "-") + skeleton(second)[:1].ljust(1, "-")


class TermIndex:
    """Hash indexes over a lexicon's compiled terms. Build once; look up many times.

    Look-ups fill state as they go (postings unpacked, terms compiled, screening tables):
    a caller that shares the index between threads holds ``lock`` (re-entrant) around its
    look-ups, as :meth:`~asrfix.Corrector.check` does for the whole of a check.

    What the engine reads, all read-only outside this class:

    * look-ups: :meth:`exact_matches`, :meth:`pinyin_candidates`, :meth:`pinyin_terms`,
      :meth:`phone_candidates`, :meth:`phone_postings`, :meth:`may_match_long`, and ``terms``
      (a term by id, compiled on first use);
    * screening, filled as candidates are met: :meth:`term_syllables` and
      :meth:`reading_classes`, whose results are kept in ``syllables_of``, ``classes_of`` and
      ``spelling_of`` for the hot loops to read directly;
    * bounds the window loop reads once a check: ``zh_lengths`` (syllable counts of Chinese
      terms), ``max_phone_len``, ``max_mixed_cjk``, ``max_exact_cjk``,
      ``max_exact_cjk_lead``, and the key tables ``exact`` and ``pinyin`` with their derived
      heads (``pinyin_heads``,
      ``pinyin_exact_firsts``, ``pinyin_wild_seconds``, ``pinyin_pair_firsts``,
      ``pinyin_long_firsts``, ``pinyin_long_thirds``, ``cjk_exact_firsts``).
    """

    def __init__(self, lexicon: Lexicon | Iterable[Term | TermRecord]) -> None:
        self.lock = threading.RLock()
        self.terms = _TermTable()
        self._exact: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        # (postings are gathered packed: each is a new int, and a list would keep them all
        # alive until the index is frozen, the peak of building a large lexicon)
        self._pinyin: dict[tuple[str, ...], array[int]] = defaultdict(partial(array, _POSTING))
        #: the raw syllables wild cards stand for, by id (0: none in particular)
        self.pinyin_syllables: list[str] = [""]
        self._syllable_ids: dict[str, int] = {}
        self._phone: dict[str, array[int]] = defaultdict(partial(array, _POSTING))
        self.zh_lengths: set[int] = set()
        self.max_phone_len = 0
        self.max_mixed_cjk = 0
        #: the most words (between spaces or hyphens) of a show term of several, by the
        #: consonant classes that begin its first two words (:func:`long_head`)
        self.long_heads: dict[str, int] = {}
        #: whether any term is a directory's (see :mod:`asrfix.lexicon`)
        self.has_directory = False
        for t in lexicon.records() if isinstance(lexicon, Lexicon) else lexicon:
            self._add(t)
        # freeze into plain dicts of tuples: no accidental inserts on look-up, and tuples of
        # plain values leave the garbage collector's sight, where hundreds of thousands of
        # posting lists made every full collection scan them all
        # (a key that only one term's canonical form squashes to, the usual case, holds the
        # bare term id: ints load and weigh far less than as many nested tuples)
        # (each list is let go as its tuple is made: the two never all live at once, which
        # would keep both copies' memory resident after building)
        self.exact: dict[str, int | tuple[tuple[int, str | None], ...]] = {
            k: v[0][0] if len(v) == 1 and v[0][1] is None else tuple(v)
            for k, v in _drain(self._exact)}
        # (pinyin and phone postings packed as unsigned ints, unpacked into a tuple the first
        # time a key is met: byte strings load faster than as many tuples of ints, and a
        # text meets only a few thousand keys)
        self.pinyin: dict[tuple[str, ...], bytes | tuple[int, ...]] = {
            k: v.tobytes() for k, v in _drain(self._pinyin)}
        self.phone: dict[str, bytes | tuple[int, ...]] = {
            k: v.tobytes() for k, v in _drain(self._phone)}
        del self._exact, self._pinyin, self._phone, self._syllable_ids
        self._derive()
        self._screens()

    def _derive(self) -> None:
        """Small sets derived from the tables, which let a window that cannot match be
        skipped before it is keyed: the first three folded syllables of every pinyin key
        (``pinyin_heads``, wild cards included, and ``pinyin_exact_firsts``, the first
        syllables of the heads without one; ``pinyin_wild_seconds``, the second syllables of
        the heads that begin with one; ``pinyin_pair_firsts``, the first syllables of
        two-syllable keys), the syllable pairs of terms of four syllables
        or more at positions 0-1 and 2-3 (``pinyin_long_pairs``: a window of that length
        differing from a term in one syllable shares one of the two), the first characters
        of the Chinese spellings in the exact table, and the most Chinese characters a
        spelling there holds beside letters or digits (``max_exact_cjk``), and before its
        first letter or digit (``max_exact_cjk_lead``).

        (The heads of keys without a wild card are the heads without one: a key's wild card
        among its first three syllables shows in its head, and a key with it later shares its
        head with the term's own key. Heard syllables never hold one, so ``pinyin_heads``
        serves both look-ups, and is stored once.)"""
        self.pinyin_heads = {k[:3] for k in self.pinyin if len(k) >= 3}
        self.pinyin_long_pairs = {(len(k), p, *k[p:p + 2]) for k in self.pinyin
                                  if len(k) >= 4 and "*" not in k for p in (0, 2)}
        self._long_reach()
        self.pinyin_exact_firsts = {h[0] for h in self.pinyin_heads if "*" not in h}
        self.pinyin_wild_seconds = {h[1] for h in self.pinyin_heads if h[0] == "*"}
        self.pinyin_pair_firsts = {k[0] for k in self.pinyin if len(k) == 2}
        self.cjk_exact_firsts = {k[0] for k in self.exact if CJK_RE.match(k)}
        self.max_exact_cjk = max((n for k in self.exact
                                  if (n := len(CJK_RE.findall(k))) and n < len(k)), default=0)
        self.max_exact_cjk_lead = _cjk_lead(self.exact) if self.max_exact_cjk else 0

    # ------------------------------------------------------------------ persistence
    def to_state(self) -> tuple[object, ...]:
        """Plain data (str, int, bytes, tuple, list, set, dict) that :meth:`from_state` rebuilds
        from."""
        terms = self.terms.to_state()
        derived = (self.pinyin_heads, self.pinyin_exact_firsts, self.pinyin_wild_seconds,
                   self.pinyin_pair_firsts, self.pinyin_long_pairs, self.cjk_exact_firsts,
                   self.max_exact_cjk, self.max_exact_cjk_lead)  # (stored: slow to redo)
        # (keys met since are tuples again)
        pinyin = {k: v if type(v) is bytes else _packed(v) for k, v in self.pinyin.items()}
        phone = {k: v if type(v) is bytes else _packed(v) for k, v in self.phone.items()}
        return (terms, self.exact, pinyin, phone, sorted(self.zh_lengths),
                self.max_phone_len, self.max_mixed_cjk, derived, self.pinyin_syllables,
                self.has_directory, self.long_heads)

    @classmethod
    def from_state(cls, state: tuple[object, ...]) -> TermIndex:
        """Rebuild an index from :meth:`to_state` data.

        Raises :class:`CorruptIndexState` (a :class:`ValueError`) when ``state`` is not what
        :meth:`to_state` makes, e.g. a damaged or foreign cache entry."""
        _require(isinstance(state, tuple) and len(state) == 11, "11 parts")
        parts: Any = state  # each part's type is checked below
        terms, exact, pinyin, phone, zh_lengths, max_phone, max_mixed, derived, names, \
            has_directory, long_heads = parts
        _require(isinstance(has_directory, bool), "whether a term is a directory's")
        _require(isinstance(terms, tuple) and len(terms) == 4, "a term table of 4 parts")
        blob, offsets, screens, screen_offsets = terms
        _require(isinstance(blob, bytes | bytearray) and isinstance(offsets, bytes)
                 and isinstance(screens, bytes | bytearray)
                 and isinstance(screen_offsets, bytes), "term data as bytes")
        _require(isinstance(exact, dict) and isinstance(pinyin, dict)
                 and isinstance(phone, dict), "key tables as dicts")
        _require(isinstance(next(iter(phone.values()), b""), bytes)
                 and isinstance(next(iter(pinyin.values()), b""), bytes),
                 "packed postings")
        _require(isinstance(zh_lengths, list) and isinstance(max_phone, int)
                 and isinstance(max_mixed, int) and isinstance(long_heads, dict), "lengths")
        _require(isinstance(derived, tuple) and len(derived) == 8, "8 derived tables")
        heads, exact_firsts, wild_seconds, pair_firsts, long_pairs, cjk_firsts, max_exact_cjk, \
            max_exact_cjk_lead = derived
        _require(all(isinstance(x, set) for x in (heads, exact_firsts, wild_seconds,
                                                  pair_firsts, long_pairs, cjk_firsts))
                 and isinstance(max_exact_cjk, int) and isinstance(max_exact_cjk_lead, int),
                 "derived sets")
        _require(isinstance(names, list) and all(isinstance(x, str) for x in names)
                 and 0 < len(names) <= _SYLLABLE_ROOM, "syllable names")
        self = cls.__new__(cls)
        self.lock = threading.RLock()
        self.pinyin_syllables = names
        self.terms = _TermTable(blob, offsets, screens, screen_offsets)
        self.exact = exact
        self.pinyin = pinyin
        self.phone = phone
        self.zh_lengths = set(zh_lengths)
        self.max_phone_len = max_phone
        self.max_mixed_cjk = max_mixed
        self.long_heads = long_heads
        self.has_directory = has_directory
        self.pinyin_heads = heads
        self.pinyin_exact_firsts, self.cjk_exact_firsts = exact_firsts, cjk_firsts
        self.pinyin_wild_seconds, self.pinyin_pair_firsts = wild_seconds, pair_firsts
        self.pinyin_long_pairs = long_pairs
        self._long_reach()
        self.max_exact_cjk = max_exact_cjk
        self.max_exact_cjk_lead = max_exact_cjk_lead
        self._screens()
        return self

    def _long_reach(self) -> None:
        """From ``pinyin_long_pairs``, whatever their length: the syllable pairs that begin a
        term of four syllables or more (``pinyin_long_firsts``), and the first syllables of
        their pairs at positions 2-3 (``pinyin_long_thirds``). A run of syllables whose first
        pair is not in the one and whose third syllable is not in the other can be extended
        to no window that :meth:`may_match_long` lets through (small: derived, not stored)."""
        pairs = self.pinyin_long_pairs
        self.pinyin_long_firsts = {(a, b) for _, p, a, b in pairs if p == 0}
        self.pinyin_long_thirds = {a for _, p, a, _ in pairs if p == 2}

    def derived(self, name: str, build: Callable[[TermIndex], _T]) -> _T:
        """A table derived from the index by ``build``, made the first time ``name`` is asked
        for (under the index's lock: once, from any thread) and kept with the index: for the
        look-ups only some checks make, such as every show term a first part begins."""
        table = self._derived.get(name)
        if table is None:
            with self.lock:
                table = self._derived.get(name)
                if table is None:
                    table = self._derived[name] = build(self)
        return cast(_T, table)

    def _screens(self) -> None:
        """Empty the screening data of phone postings (:meth:`reading_classes`) and of
        pinyin candidates (:meth:`term_syllables`), and the tables :meth:`derived` keeps."""
        self._derived: dict[str, object] = {}
        self.classes_of: dict[int, str] = {}
        self.spelling_of: dict[int, str] = {}
        self.syllables_of: dict[int, tuple[str, ...]] = {}

    def term_syllables(self, tid: int) -> tuple[str, ...]:
        """A term's syllables (as compiled, in ``syllables``), kept in ``syllables_of``: a
        window's pinyin candidates are screened by them, most without being compiled."""
        field = self.terms.screen(tid)[1]
        syl = self.syllables_of[tid] = tuple(field.split(" ")) if field else ()
        return syl

    def reading_classes(self, posting: int) -> str:
        """The phone classes of a phone posting's reading ("" for a Mandarin rendering, which
        is judged otherwise), kept in ``classes_of`` with its term's spelling in
        ``spelling_of`` (both by posting, so that a window's postings map onto them in C): a
        window's candidates are screened from these two small tables, most of them without
        looking their terms up again."""
        tid, k = posting >> PRON_BITS, posting & (PRON - 1)
        screen = self.terms.screen(tid)  # (the term is not compiled: most are screened out)
        self.spelling_of[posting] = screen[0]
        cls = self.classes_of[posting] = classes(screen[2 + k]) if k < MANDARIN else ""
        return cls

    def _add(self, t: Term | TermRecord) -> None:
        tid = len(self.terms)
        if tid >= MAX_TERMS:
            raise ValueError(f"too many terms for one index (at most {MAX_TERMS:,})")
        is_zh = t.lang == "zh"
        # (uncached: the caches are for heard windows; a large lexicon would fill them; a
        # name of letters and Chinese characters, such as X 光机, is also heard as syllables)
        syll = _syllables(t.canonical) if is_zh else (
            letter_reading(t.canonical) if t.lang == "mixed" else ())
        folded = tuple(fold_syllable(s) for s in syll)
        own = term_pronunciations(t, syll if is_zh else None)
        heard = () if is_zh else tuple(ph for ph in variant_pronunciations(t) if ph not in own)
        phones = own + heard[:max(0, MANDARIN - len(own))]
        letters = squash(t.canonical)
        if t.role != "show":
            self.has_directory = True
        self.terms.append_row((t.canonical, t.kind, t.lang, tuple(t.variants),
                               tuple(t.context), tuple(t.avoid), t.exact_only, letters, syll,
                               folded, phones, t.canonical != t.canonical.lower(), len(own),
                               t.role))
        self._exact[letters].append((tid, None))
        for v in t.variants:
            self._exact[squash(v)].append((tid, v))
        self._add_spoken(tid, t, letters)
        if t.exact_only:
            return
        if len(syll) >= 2:
            self._add_pinyin(tid, syll, folded)
        if not is_zh:
            self._add_phones(tid, t, phones, len(own), letters)

    def _add_spoken(self, tid: int, t: Term | TermRecord, letters: str) -> None:
        """Post a term's spoken forms (declared, then derived: :func:`term_spoken_forms`) in
        the exact table beside its variants; a hit whose form is not one of the term's
        variants is a spoken form (:func:`is_spoken`)."""
        exact = self._exact
        for form in term_spoken_forms(t):
            key = squash(form)
            if key != letters and form not in t.variants:
                exact[key].append((tid, form))

    def _add_pinyin(self, tid: int, syll: tuple[str, ...], folded: tuple[str, ...]) -> None:
        """Post a Chinese term under its folded syllables and, from three syllables on,
        under each key with one syllable wild-carded (with the id of the syllable the wild
        card stands for)."""
        self.zh_lengths.add(len(syll))
        pinyin = self._pinyin
        pinyin[folded].append(tid)
        if len(folded) < 3:
            return
        ids = self._syllable_ids
        for i in range(len(folded)):
            sid = ids.get(syll[i])
            if sid is None:
                sid = len(self.pinyin_syllables)
                if sid >= _SYLLABLE_ROOM:
                    sid = 0  # (the table is full: this syllable is never screened)
                else:
                    ids[syll[i]] = sid
                    self.pinyin_syllables.append(syll[i])
            pinyin[(*folded[:i], "*", *folded[i + 1:])].append(tid << SYLLABLE_BITS | sid)

    def _add_phones(self, tid: int, t: Term | TermRecord, phones: tuple[str, ...], own: int,
                    letters: str) -> None:
        """Post an English or mixed term under the keys of its readings (``own`` of them
        its own, the rest its variants' sounds), their Mandarin renderings, and its words."""
        if t.lang == "mixed":
            self.max_mixed_cjk = max(self.max_mixed_cjk, len(CJK_RE.findall(t.canonical)))
        phone = self._phone
        for k, ph in enumerate(phones[:MANDARIN]):
            self.max_phone_len = max(self.max_phone_len, len(ph))
            entry = tid * PRON + k
            for key in _keys_of(ph):
                phone[key].append(entry)
            rendered = _rendering(ph)
            if k < own and len(letters) > 3 and len(rendered) >= 3 and rendered != ph:
                # heard in Chinese syllables (A 正), nasal endings too at times (A 制);
                # by class key only: deletion neighbourhoods of every rendering would
                # swamp the code-switched windows of a large lexicon with candidates
                bare = rendered.rstrip("nN")
                for key in {"c:" + coarse(rendered), "c:" + coarse(bare)}:
                    phone[key].append(entry + MANDARIN)
        # a multi-word term is also found through any one of its words heard right
        # ("news network" finds "neural network"): the scorer judges the whole window
        # ("deep lying" finds "deep learning": a word whose consonants are too few to
        # be a key of their own is found by its spelling)
        # (a directory's terms under keys of their own: its many names sharing a word
        # never crowd a show's out of the look-up, see WORD_POSTINGS_MAX)
        if t.role == "show":  # (a directory's long names widen no window)
            self._add_long_head(t.canonical)
        words = [w for w in _WORD_BREAK.split(t.canonical) if len(w) >= 4]
        if len(words) >= 2:
            role = "" if t.role == "show" else "d"
            for w in words:
                key = "w:" + skeleton(english_phones(w))
                if len(key) < 5:
                    key = "x:" + w.lower()
                phone[role + key].append(tid * PRON)

    def _add_long_head(self, canonical: str) -> None:
        """Note where a term of several words may begin to be heard, and how many words it
        has: from its first two words, and, where the first is a function word (The Royal
        …), from the next two as well, as it may go unsaid."""
        words = [w for w in _WORD_BREAK.split(canonical) if w]
        starts = (0, 1) if len(words) > 2 and is_function_word(words[0].lower()) else (0,)
        for k in starts if len(words) > 1 else ():
            head = long_head(english_phones(words[k]), english_phones(words[k + 1]))
            self.long_heads[head] = max(self.long_heads.get(head, 0), len(words) - k)

    def __len__(self) -> int:
        return len(self.terms)

    def exact_matches(self, letters: str) -> tuple[tuple[int, str | None], ...]:
        """Terms whose canonical form (variant ``None``) or a variant squashes to ``letters``."""
        hits = self.exact.get(letters, ())
        return ((hits, None),) if isinstance(hits, int) else hits

    def pinyin_candidates(self, syllables: tuple[str, ...],
                          folded: tuple[str, ...] | None = None,
                          fixed: Collection[int] = (), near: float = 0.0) -> set[int]:
        """Chinese terms whose folded pinyin equals, or differs in one syllable from, these
        (``folded``: the syllables already folded, to save the work; ``fixed``: positions
        where a term may not differ; ``near``: where a term differs, its syllable must have
        at least this :func:`~asrfix.scoring.syllable_similarity` to the heard one).

        >>> idx = TermIndex(Lexicon.from_terms(["姚顺雨", "赵顺雨", "刘顺雨"]))
        >>> heard = ("yao", "shun", "yu")
        >>> [idx.terms[i].canonical for i in sorted(idx.pinyin_candidates(heard))]
        ['姚顺雨', '赵顺雨', '刘顺雨']
        >>> [idx.terms[i].canonical for i in idx.pinyin_candidates(heard, fixed=(0,))]
        ['姚顺雨']
        >>> [idx.terms[i].canonical for i in sorted(idx.pinyin_candidates(heard, near=0.45))]
        ['姚顺雨', '赵顺雨']
        """
        if folded is None:
            folded = tuple(fold_syllable(s) for s in syllables)
        if len(folded) >= 4 and not self.may_match_long(folded):
            return set()  # (no term of this length shares syllables 0-1 or 2-3)
        terms = self.pinyin_terms
        found = set(terms(folded))
        if len(folded) >= 3:
            bits, mask, names = SYLLABLE_BITS, _SYLLABLE_MASK, self.pinyin_syllables
            for i in range(len(folded)):
                if i in fixed:
                    continue
                hit = terms((*folded[:i], "*", *folded[i + 1:]))
                if not hit:
                    continue
                if near:  # (screened by the syllable the wild card stands for: most fail)
                    heard = syllables[i]
                    found.update(x >> bits for x in hit if not x & mask or syllable_similarity(
                        heard, names[x & mask]) >= near)
                else:
                    found.update(x >> bits for x in hit)
        return found

    def pinyin_terms(self, key: tuple[str, ...]) -> tuple[int, ...]:
        """The postings under a pinyin key, unpacked the first time the key is met: term ids
        under folded syllables, and under a key with a wild card, each term id shifted left by
        ``SYLLABLE_BITS`` and joined to the id of the syllable the wild card stands for (in
        ``pinyin_syllables``)."""
        hit = self.pinyin.get(key)
        if hit is None:
            return ()
        if isinstance(hit, bytes):
            hit = self.pinyin[key] = _unpacked(hit)
        return hit

    def may_match_long(self, folded: tuple[str, ...]) -> bool:
        """Whether a window of four folded syllables or more can be a term's, or differ
        from one in a single syllable (``pinyin_candidates`` would find none otherwise)."""
        n, pairs = len(folded), self.pinyin_long_pairs
        return (n, 0, *folded[:2]) in pairs or (n, 2, *folded[2:4]) in pairs

    def phone_candidates(self, phones: str, words: Iterable[str] = (),
                         spellings: Iterable[str] = ()) -> list[tuple[int, int]]:
        """(term id, pronunciation index) of terms whose phone keys are near ``phones``, and
        of multi-word terms that have a word sounding exactly like one of ``words`` (phones of
        the window's words) or, for their words of few consonants, spelled exactly like one
        of ``spellings`` (the window's words in lower case)."""
        bits, mask = PRON_BITS, PRON - 1
        return [(x >> bits, x & mask)
                for x in self.phone_postings(phones, words, spellings)]

    def phone_postings(self, phones: str, words: Iterable[str] = (),
                       spellings: Iterable[str] = ()) -> list[int]:
        """:meth:`phone_candidates` as sorted postings (term id * PRON + index)."""
        found: set[int] = set()
        table = self.phone
        get = table.get
        for key in _phone_keys(phones):
            hit = get(key)
            if hit:
                if type(hit) is bytes:  # (unpacked once, the first time it is met)
                    hit = table[key] = _unpacked(hit)
                found.update(hit)
        if not (words or spellings):
            return sorted(found)  # (no word of the window to look up: most windows)
        keys = [*("w:" + skeleton(w) for w in words), *("x:" + w for w in spellings)]
        if self.has_directory:
            keys += ["d" + k for k in keys]
        for key in keys:
            hit = get(key)
            if hit:
                if type(hit) is bytes:
                    hit = table[key] = _unpacked(hit)
                if len(hit) <= WORD_POSTINGS_MAX:
                    found.update(hit)
        return sorted(found)


class CorruptIndexState(ValueError):
    """:meth:`TermIndex.from_state` was given data that :meth:`TermIndex.to_state` did not
    make."""


def term_spoken_forms(t: Term | TermRecord) -> tuple[str, ...]:
    """The forms a term is said in: those its lexicon entry declares, then those derived
    from its spelling (:func:`~asrfix.sayings.spoken_forms`).

    >>> term_spoken_forms(Term(canonical="C#", spoken=["see 井"]))
    ('see 井', 'c 井', 'c 井号', 'c sharp')
    """
    return tuple(dict.fromkeys((*t.spoken, *spoken_forms(t.canonical))))


def is_spoken(ct: CompiledTerm, form: str) -> bool:
    """Whether an exact hit's ``form`` is one of the term's spoken forms, not a variant."""
    return form not in ct.term.variants


def _cjk_lead(exact: Iterable[str]) -> int:
    """The most Chinese characters a spelling of letters or digits and Chinese characters
    holds before its first letter or digit (拆gpt: 1; gpt三点五, a spoken form: 0)."""
    out = 0
    for k in exact:
        m = _LEAD.match(k)
        if m and 0 < m.end() < len(k):
            out = max(out, len(CJK_RE.findall(m.group())))
    return out


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise CorruptIndexState(f"corrupt index state: expected {what}")


def _packed(postings: Iterable[int]) -> bytes:
    """Phone postings as stored: unsigned ints of ``_POSTING_SIZE`` bytes."""
    return array(_POSTING, postings).tobytes()


def _unpacked(stored: bytes) -> tuple[int, ...]:
    """Phone postings as :func:`_packed` stored them."""
    return tuple(memoryview(stored).cast(_POSTING))


_K = TypeVar("_K")
_V = TypeVar("_V")
_T = TypeVar("_T")


def _drain(table: dict[_K, _V]) -> Iterator[tuple[_K, _V]]:
    """The items of ``table``, each removed as it is handed out (in reverse order)."""
    while table:
        yield table.popitem()


def _keys_of(phones: str) -> frozenset[str]:
    """Retrieval keys of a phone string: its class key, its skeleton and the skeleton's
    deletion neighbourhood (uncached: how a term is indexed, once)."""
    c, s = coarse(phones), skeleton(phones)
    keys = {"c:" + c}
    if len(s) >= 2:
        keys.add("s:" + s)
        if len(s) >= 3:
            keys |= {"s:" + d for d in deletions(s)}
    return frozenset(keys)


#: the uncached functions behind two caches that serve heard windows
_syllables: Callable[[str], tuple[str, ...]] = syllables.__wrapped__
_rendering: Callable[[str], str] = mandarin_rendering.__wrapped__

#: the keys of a heard window (speech repeats itself); terms are indexed with the uncached
#: function, or a large lexicon would fill this cache with key sets of its own
_phone_keys = lru_cache(maxsize=65536)(_keys_of)
