"""Candidate retrieval whose cost does not grow with the lexicon.

Every term is compiled once into keys, and each key goes into hash tables together with
its *deletion neighbourhood* (the key with any one symbol removed, as in SymSpell). A
window of the transcript looks up its own key and its own deletions, so it finds every
term within one insertion, deletion or substitution of the key in a constant number of
dictionary look-ups, whatever the lexicon size.

* exact table: squashed spelling (lower case, no spaces or hyphens) of canonical forms and
  known variants;
* pinyin tables (Chinese terms): folded syllables, and the same with one syllable
  wild-carded (terms of three syllables or more);
* phone tables: the class-level phone key and the consonant skeleton of each pronunciation.

>>> from asrfix.lexicon import Lexicon
>>> idx = TermIndex(Lexicon.from_terms(["DeepSeek", "姚顺雨"]))
>>> [idx.terms[i].canonical for i, _ in idx.phone_candidates("dipstik")]
['DeepSeek']
>>> [idx.terms[i].canonical for i in idx.pinyin_candidates(("yao", "shun", "yu"))]
['姚顺雨']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import Kind, Lexicon, Term
from .phonetics import (
    DIGIT_PINYIN,
    coarse,
    english_phones,
    fold_syllable,
    mixed_phones,
    pinyin_phones,
    skeleton,
)
from .pinyin import syllables
from .segment import CJK_RE

__all__ = ["CompiledTerm", "TermIndex", "deletions", "squash"]

_SQUASH = re.compile(r"[\s\-_·.'’]+")


def squash(text: str) -> str:
    """Lower case without spaces, hyphens, underscores or dots: the spelling key.

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


@dataclass(frozen=True, slots=True)
class CompiledTerm:
    """A term with its precomputed keys (lean: used in hot loops)."""

    id: int
    canonical: str
    kind: Kind
    term: Term
    letters: str
    syllables: tuple[str, ...]
    folded: tuple[str, ...]
    phones: tuple[str, ...]
    has_upper: bool


def term_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin of the CJK characters of ``text`` (one syllable per character)."""
    return syllables(text)


def term_pronunciations(term: Term) -> tuple[str, ...]:
    """All phone strings a term may be heard as (one per reading of its acronyms)."""
    text = term.canonical
    if CJK_RE.search(text) and not re.search(r"[A-Za-z0-9]", text):
        return ("".join(pinyin_phones(s) for s in term_syllables(text)),)
    say = mixed_phones if term.lang == "mixed" else english_phones
    readings = {say(text)}
    # acronyms of 2-5 capitals may also be read as a word, and words in caps may be spelled
    spelled = re.sub(
        r"[A-Z]{2,5}(?![a-z])",
        lambda m: " ".join(m.group()), text)
    readings.add(say(spelled))
    if "-" in text:
        readings.add(say(text.replace("-", " ")))
    if re.search(r"[0-9]", text):  # digits read in Chinese: o3 as "o 三"
        zh_digits = re.sub(r"[0-9]", lambda m: " " + DIGIT_PINYIN[m.group()] + " ", text)
        readings.add("".join(
            pinyin_phones(p) if p in DIGIT_PINYIN.values() and not p.isupper() else say(p)
            for p in zh_digits.split()))
    return tuple(sorted(r for r in readings if r))


class TermIndex:
    """Hash indexes over a lexicon's compiled terms. Build once; look up many times."""

    def __init__(self, lexicon: Lexicon | Iterable[Term]) -> None:
        self.terms: list[CompiledTerm] = []
        self.exact: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        self.pinyin: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.phone: dict[str, set[tuple[int, int]]] = defaultdict(set)
        self.zh_lengths: set[int] = set()
        self.max_phone_len = 0
        self.max_mixed_cjk = 0
        for t in lexicon:
            self._add(t)
        # freeze into plain dicts (no accidental inserts on lookup)
        self.exact = dict(self.exact)
        self.pinyin = dict(self.pinyin)
        self.phone = dict(self.phone)

    def _add(self, t: Term) -> None:
        tid = len(self.terms)
        is_zh = t.lang == "zh"
        syll = term_syllables(t.canonical) if is_zh else ()
        folded = tuple(fold_syllable(s) for s in syll)
        phones = term_pronunciations(t)
        ct = CompiledTerm(
            id=tid, canonical=t.canonical, kind=t.kind, term=t, letters=squash(t.canonical),
            syllables=syll, folded=folded, phones=phones,
            has_upper=t.canonical != t.canonical.lower())
        self.terms.append(ct)
        self.exact[ct.letters].append((tid, None))
        for v in t.variants:
            self.exact[squash(v)].append((tid, v))
        if t.exact_only:
            return
        if is_zh and len(syll) >= 2:
            self.zh_lengths.add(len(syll))
            self.pinyin[folded].add(tid)
            if len(folded) >= 3:
                for i in range(len(folded)):
                    self.pinyin[(*folded[:i], "*", *folded[i + 1:])].add(tid)
        if not is_zh:
            if t.lang == "mixed":
                self.max_mixed_cjk = max(self.max_mixed_cjk, len(CJK_RE.findall(t.canonical)))
            for k, ph in enumerate(phones):
                self.max_phone_len = max(self.max_phone_len, len(ph))
                for key in _phone_keys(ph):
                    self.phone[key].add((tid, k))

    def __len__(self) -> int:
        return len(self.terms)

    def exact_matches(self, letters: str) -> list[tuple[int, str | None]]:
        """Terms whose canonical form (variant ``None``) or a variant squashes to ``letters``."""
        return self.exact.get(letters, [])

    def pinyin_candidates(self, syllables: tuple[str, ...]) -> set[int]:
        """Chinese terms whose folded pinyin equals, or differs in one syllable from, these."""
        folded = tuple(fold_syllable(s) for s in syllables)
        found = set(self.pinyin.get(folded, ()))
        if len(folded) >= 3:
            for i in range(len(folded)):
                found |= self.pinyin.get((*folded[:i], "*", *folded[i + 1:]), set())
        return found

    def phone_candidates(self, phones: str) -> set[tuple[int, int]]:
        """(term id, pronunciation index) of terms whose phone keys are near ``phones``."""
        found: set[tuple[int, int]] = set()
        get = self.phone.get
        for key in _query_keys(phones):
            hit = get(key)
            if hit:
                found |= hit
        return found


def _phone_keys(phones: str) -> set[str]:
    c, s = coarse(phones), skeleton(phones)
    keys = {"c:" + c}
    if len(c) >= 4:
        keys |= {"c:" + d for d in deletions(c)}
    if len(s) >= 3:
        keys.add("s:" + s)
        if len(s) >= 4:
            keys |= {"s:" + d for d in deletions(s)}
    return keys


def _query_keys(phones: str) -> set[str]:
    return _phone_keys(phones)
