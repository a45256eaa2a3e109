"""Phonetic keys: one representation for Chinese syllables, English words, letters and digits.

Everything that can be heard is turned into a string over a small **phone alphabet**, one
character per phone, so that RapidFuzz can compare any two of them directly:

=========  ================================================================
vowels     ``a`` (ɑ æ), ``e`` (ɛ), ``E`` (ə ʌ ɜ), ``i`` (i ɪ), ``o`` (ɔ o), ``u`` (u ʊ)
stops      ``p b t d k g``
fricatives ``f v s z S`` (ʃ) ``Z`` (ʒ) ``T`` (θ) ``D`` (ð) ``h``
affricates ``C`` (tʃ, Chinese ch/q), ``J`` (dʒ, Chinese zh/j), ``c`` (ts, Chinese z/c)
sonorants  ``m n N`` (ŋ) ``l r w y``
=========  ================================================================

Diphthongs are vowel sequences (``ai``, ``ei``, ``au``, ``ou``, ``oi``). Sources:

* Chinese characters: toneless pinyin from :mod:`pypinyin`, mapped by :func:`pinyin_phones`;
* English words: the CMU Pronouncing Dictionary (shipped as data, BSD licence), with a
  letter-to-sound fallback (:func:`letters_to_sound`) for words it lacks (DeepSeek, Karthik);
* spelled letters (``GPT`` is "gee pee tee") and digits (``3`` is "three").

Two derived keys make the comparison tolerant:

* :func:`coarse` maps each phone to its class (``p/b`` → ``P``, ``s/z/ʃ/θ/ts`` → ``S``,
  ``n/ŋ`` → ``N``, ``l/r`` → ``L``, every vowel → ``V``), so similar sounds compare equal;
* :func:`skeleton` keeps only the consonant classes, for retrieval that ignores vowels.

:func:`phone_similarity` averages the exact and the class-level similarity, which makes a
substitution inside a class cost half as much as one across classes.

>>> english_phones("deep")
'dip'
>>> coarse("dip") , skeleton("dipsik")
('TVP', 'TPSK')
>>> round(phone_similarity(english_phones("deep stick"), english_phones("DeepSeek")), 2)
0.86
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from .once import once
from .segment import CJK_CHARS

__all__ = [
    "CHINESE_DIGITS",
    "CHINESE_NUMERALS",
    "VOWELS",
    "aligned_similarity",
    "chinese_digits",
    "classes",
    "coarse",
    "english_phones",
    "fold_syllable",
    "is_function_word",
    "known_word",
    "letters_to_sound",
    "mandarin_rendering",
    "mixed_phones",
    "phone_similarity",
    "pinyin_phones",
    "skeleton",
    "spelled_phones",
    "word_list",
    "word_parts",
    "word_phones",
]

VOWELS = frozenset("aeEiou")

_CLASS = {
    "p": "P", "b": "P", "t": "T", "d": "T", "k": "K", "g": "K", "f": "F", "v": "F",
    "s": "S", "z": "S", "S": "S", "Z": "S", "T": "S", "D": "T", "c": "S", "C": "J",
    "J": "J", "h": "H", "m": "M", "n": "N", "N": "N", "l": "L", "r": "L", "w": "W",
    "y": "Y",
}
_COARSE_TABLE = str.maketrans({**_CLASS, **{v: "V" for v in VOWELS}})


_VOWEL_RUN = re.compile("V+")


def coarse(phones: str) -> str:
    """Map phones to their classes and collapse runs of vowels into one ``V``.

    >>> coarse("oupEneiai")
    'VPVNV'
    """
    out = phones.translate(_COARSE_TABLE)
    return re.sub("V+", "V", out)


def classes(phones: str) -> str:
    """Map phones to their classes without collapsing (same length as ``phones``)."""
    return phones.translate(_COARSE_TABLE)


#: the classes a skeleton drops (vowels, and the glides and h that come and go with them)
_UNSKELETAL = "VWYH"
#: one table for :func:`skeleton`: each phone to its class, or dropped with its class
_SKELETON_TABLE = {
    **{ord(c): None for c in _UNSKELETAL},
    **{ord(c): None if cls in _UNSKELETAL else cls
       for c in (*_CLASS, *VOWELS) if (cls := c.translate(_COARSE_TABLE))},
}


def skeleton(phones: str) -> str:
    """The consonant classes only: what survives when vowels are misheard (the classes of
    :func:`classes` without V, W, Y and H, in one pass).

    >>> skeleton("skeiliNlo")
    'SKLNL'
    """
    return phones.translate(_SKELETON_TABLE)


def phone_similarity(a: str, b: str, a_classes: str | None = None,
                     b_classes: str | None = None) -> float:
    """Similarity in [0, 1]: mean of exact and class-level normalised edit similarity
    (``a_classes``, ``b_classes``: ``classes(a)`` and ``classes(b)`` when the caller has them,
    as a loop comparing one window with many terms does). Where only the vowels differ, a
    diphthong for a single vowel (``klaud`` / ``klod``, cloud / Claude), the classes count
    as alike: vowel quality is what a recogniser and an accent blur most. A v against a w
    is of one class with it as well as with f: Mandarin has no v, and its speakers say a w
    for it (``velaks`` / ``welaks``, Velox heard as we locks).

    >>> phone_similarity("dip", "dip")
    1.0
    >>> phone_similarity("sin", "Sin") > phone_similarity("sin", "kin")
    True
    >>> phone_similarity("klaud", "klod")
    0.8
    >>> phone_similarity("vait", "wait") == phone_similarity("vait", "fait")
    True
    """
    if not a or not b:
        return 0.0
    exact = Levenshtein.normalized_similarity(a, b)
    ca = classes(a) if a_classes is None else a_classes
    cb = classes(b) if b_classes is None else b_classes
    cls = _class_similarity(ca, cb)
    if cls < 1.0 and (("v" in a and "w" in b) or ("w" in a and "v" in b)):
        cls = max(cls, _class_similarity(_v_as_w(a, ca), _v_as_w(b, cb)))
    return (exact + cls) / 2


def _class_similarity(ca: str, cb: str) -> float:
    """Normalised edit similarity of two class strings, 1.0 where only vowels differ."""
    sim = Levenshtein.normalized_similarity(ca, cb)
    if sim < 1.0 and _VOWEL_RUN.sub("V", ca) == _VOWEL_RUN.sub("V", cb):
        return 1.0
    return sim


def _v_as_w(phones: str, cls: str) -> str:
    """The class string ``cls`` of ``phones`` with each v in the class of w."""
    return "".join("W" if p == "v" else c for p, c in zip(phones, cls, strict=True))


@lru_cache(maxsize=65536)
def aligned_similarity(a: str, b: str) -> float:
    """A finer similarity of two phone strings, for telling apart terms that sound alike
    to :func:`phone_similarity`: an edit distance in which what a recogniser and an accent
    blur costs half (a vowel for another, a glide of a diphthong, a consonant closing a
    syllable, a consonant for one of its class), and a syllable's onset consonant costs in
    full. Averaged, like :func:`phone_similarity`, with the same distance over the classes
    (vowel runs as one).

    >>> aligned_similarity("oupEnklaud", "oupEnklo") > aligned_similarity("oupEnklaud",
    ...                                                                   "oupEnkoud")
    True
    >>> aligned_similarity("dip", "dip")
    1.0
    """
    if not a or not b:
        return 0.0
    ca, cb = _VOWEL_RUN.sub("V", classes(a)), _VOWEL_RUN.sub("V", classes(b))
    exact = 1.0 - _weighted_distance(a, b) / max(len(a), len(b))
    cls = 1.0 - _weighted_distance(ca, cb) / max(len(ca), len(cb))
    return (max(0.0, exact) + max(0.0, cls)) / 2


def _weighted_distance(a: str, b: str) -> float:
    """The edit distance of :func:`aligned_similarity` (phones or their classes)."""
    skip_a = [_skip_cost(a, k) for k in range(len(a))]
    skip_b = [_skip_cost(b, k) for k in range(len(b))]
    row = [0.0]
    for k in range(len(b)):
        row.append(row[-1] + skip_b[k])
    for i, x in enumerate(a):
        prev, row = row, [row[0] + skip_a[i]]
        for j, y in enumerate(b):
            row.append(min(prev[j] + _swap_cost(x, y), prev[j + 1] + skip_a[i],
                           row[j] + skip_b[j]))
    return row[-1]


def _skip_cost(s: str, k: int) -> float:
    """What dropping or adding phone ``k`` of ``s`` costs: half for a glide of a vowel run
    or a consonant that closes a syllable (no vowel after it), else one."""
    ch, after = s[k], s[k + 1:k + 2]
    vowel = ch in VOWELS or ch == "V"
    if vowel:
        before = s[k - 1:k] if k else ""
        return 0.5 if (after and (after in VOWELS)) or (before and before in VOWELS) else 1.0
    return 0.5 if not after or (after not in VOWELS and after != "V") else 1.0


def _swap_cost(x: str, y: str) -> float:
    """What hearing phone ``y`` for ``x`` costs: nothing, half within a class (two vowels,
    p and b), else one."""
    if x == y:
        return 0.0
    return 0.5 if _CLASS.get(x, "V" if x in VOWELS else x) == _CLASS.get(
        y, "V" if y in VOWELS else y) else 1.0


# --------------------------------------------------------------------------- Chinese

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
             "j", "q", "x", "r", "z", "c", "s", "y", "w")
_INITIAL_PHONES = {
    "b": "b", "p": "p", "m": "m", "f": "f", "d": "d", "t": "t", "n": "n", "l": "l",
    "g": "g", "k": "k", "h": "h", "j": "J", "q": "C", "x": "S", "zh": "J", "ch": "C",
    "sh": "S", "r": "r", "z": "c", "c": "c", "s": "s", "y": "y", "w": "w", "": "",
}
_FINAL_PHONES = {
    "a": "a", "o": "o", "e": "E", "i": "i", "u": "u", "v": "u", "ai": "ai", "ei": "ei",
    "ao": "au", "ou": "ou", "an": "an", "en": "En", "ang": "aN", "eng": "EN", "ong": "uN",
    "er": "Er", "ia": "ia", "ie": "ie", "iao": "iau", "iu": "iou", "ian": "ien", "in": "in",
    "iang": "iaN", "ing": "iN", "iong": "iuN", "ua": "ua", "uo": "uo", "uai": "uai",
    "ui": "uei", "uan": "uan", "un": "uEn", "uang": "uaN", "ueng": "uEN", "ve": "ue",
    "ue": "ue", "van": "uen", "vn": "un", "io": "io", "m": "m", "n": "n", "ng": "N",
    "": "",
}
# Fuzzy folds of pinyin used by Chinese-to-Chinese matching: the usual confusions of
# southern and northern speakers and of ASR systems.
_INITIAL_FOLD = {"zh": "z", "ch": "c", "sh": "s", "n": "l", "h": "f"}
_FINAL_FOLD = {"ang": "an", "eng": "en", "ing": "in", "iang": "ian", "uang": "uan",
               "ong": "on", "iong": "ion"}


@lru_cache(maxsize=8192)
def split_pinyin(syllable: str) -> tuple[str, str]:
    """Split a toneless pinyin syllable into (initial, final).

    >>> split_pinyin("shun"), split_pinyin("yu"), split_pinyin("er")
    (('sh', 'un'), ('y', 'v'), ('', 'er'))
    """
    s = syllable.lower().replace("ü", "v")
    for ini in _INITIALS:
        if s.startswith(ini) and len(s) > len(ini):
            fin = s[len(ini):]
            if ini in ("j", "q", "x", "y") and fin.startswith("u"):
                fin = "v" + fin[1:]
            if ini == "y" and fin == "i":
                fin = "i"
            elif ini == "w" and fin == "u":
                fin = "u"
            return ini, fin
    return "", s


@lru_cache(maxsize=8192)
def fold_syllable(syllable: str) -> str:
    """The fuzzy-folded form of a pinyin syllable (z/zh, c/ch, s/sh, n/l, f/h, -n/-ng).

    >>> fold_syllable("shun") == fold_syllable("sun"), fold_syllable("ling") == fold_syllable("nin")
    (True, True)
    """
    ini, fin = split_pinyin(syllable)
    fin = fin.replace("v", "u") if ini in ("j", "q", "x", "y") else fin
    return _INITIAL_FOLD.get(ini, ini) + _FINAL_FOLD.get(fin, fin)


@lru_cache(maxsize=4096)
def pinyin_phones(syllable: str) -> str:
    """Phones of one toneless pinyin syllable.

    >>> pinyin_phones("yao"), pinyin_phones("shun"), pinyin_phones("zheng")
    ('yau', 'SuEn', 'JEN')
    """
    ini, fin = split_pinyin(syllable)
    if ini in ("zh", "ch", "sh", "r", "z", "c", "s") and fin == "i":
        return _INITIAL_PHONES[ini] + "E"  # the apical vowel of zhi/chi/shi/ri/zi/ci/si
    if ini == "y" and fin.startswith("i"):
        ini = ""
    if ini == "w" and fin.startswith("u"):
        ini = ""
    fin_ph = _FINAL_PHONES.get(fin)
    if fin_ph is None:  # not a standard final: spell it with the vowel letters
        fin_ph = "".join(ch if ch in VOWELS else "" for ch in fin) or fin
    return _INITIAL_PHONES.get(ini, ini) + fin_ph


# --------------------------------------------------------------------------- letters, digits

LETTER_PHONES = {
    "a": "ei", "b": "bi", "c": "si", "d": "di", "e": "i", "f": "ef", "g": "Ji", "h": "eiC",
    "i": "ai", "j": "Jei", "k": "kei", "l": "el", "m": "em", "n": "en", "o": "ou", "p": "pi",
    "q": "kyu", "r": "ar", "s": "es", "t": "ti", "u": "yu", "v": "vi", "w": "dEbElyu",
    "x": "eks", "y": "wai", "z": "zi",
}
DIGIT_PHONES = {
    "0": "ziErou", "1": "wEn", "2": "tu", "3": "Tri", "4": "for", "5": "faiv", "6": "siks",
    "7": "sevEn", "8": "eit", "9": "nain",
}
#: Chinese numerals for the digits: a code-switching speaker (or the recogniser) may say 三
#: for 3
CHINESE_DIGITS = "零一二三四五六七八九"
#: the characters of a whole number written in Chinese (三, 十五, 两百)
CHINESE_NUMERALS = frozenset(CHINESE_DIGITS + "十百千万两")


def chinese_digits(text: str) -> str:
    """``text`` with its digits written as Chinese numerals, to be read in Chinese.

    >>> chinese_digits("GPT-4")
    'GPT-四'
    """
    return re.sub(r"[0-9]", lambda m: CHINESE_DIGITS[int(m.group())], text)


def spelled_phones(letters: str) -> str:
    """Phones of a word read letter by letter (an acronym) or digit by digit.

    >>> spelled_phones("GPT"), spelled_phones("o3")
    ('Jipiti', 'ouTri')
    """
    out = []
    for ch in letters.lower():
        if ch in LETTER_PHONES:
            out.append(LETTER_PHONES[ch])
        elif ch in DIGIT_PHONES:
            out.append(DIGIT_PHONES[ch])
    return "".join(out)


# --------------------------------------------------------------------------- English


@once
def _cmudict() -> dict[str, str]:
    data = resources.files("asrfix").joinpath("data/cmudict.tsv.gz").read_bytes()
    table: dict[str, str] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, phones = line.partition("\t")
        table[word] = phones
    return table


def known_word(word: str) -> bool:
    """Whether the pronouncing dictionary lists this English word (case-insensitive)."""
    return word.lower() in _cmudict()


# Letter-to-sound rules for words the dictionary lacks: (pattern, phones), tried in order at
# each position. Deliberately small; both sides of a comparison go through the same rules.
_LTS_RULES: tuple[tuple[str, str], ...] = (
    ("tion", "SEn"), ("sion", "ZEn"), ("ture", "CEr"), ("ough", "o"), ("igh", "ai"),
    ("tch", "C"), ("sch", "sk"), ("dge", "J"),
    ("ph", "f"), ("th", "T"), ("sh", "S"), ("ch", "C"), ("ck", "k"), ("ng", "N"),
    ("qu", "kw"), ("wh", "w"), ("kn", "n"), ("wr", "r"), ("gh", "g"),
    ("ee", "i"), ("ea", "i"), ("ie", "i"), ("oo", "u"), ("ou", "au"), ("ow", "ou"),
    ("ai", "ei"), ("ay", "ei"), ("oa", "ou"), ("oi", "oi"), ("oy", "oi"), ("au", "o"),
    ("aw", "o"), ("ew", "yu"), ("ei", "ei"), ("ey", "ei"), ("ue", "u"),
    ("er", "Er"), ("ir", "Er"), ("ur", "Er"), ("or", "or"), ("ar", "ar"),
    ("x", "ks"), ("y", "i"),
)
_LTS_SINGLE = {
    "a": "a", "e": "e", "i": "i", "o": "o", "u": "E", "b": "b", "c": "k", "d": "d",
    "f": "f", "g": "g", "h": "h", "j": "J", "k": "k", "l": "l", "m": "m", "n": "n",
    "p": "p", "q": "k", "r": "r", "s": "s", "t": "t", "v": "v", "w": "w", "z": "z",
}
_LONG = {"a": "ei", "e": "i", "i": "ai", "o": "ou", "u": "u"}


def letters_to_sound(word: str) -> str:
    """Approximate phones of an English-looking word by spelling rules.

    >>> letters_to_sound("seek"), letters_to_sound("make"), letters_to_sound("cent")
    ('sik', 'meik', 'sent')
    """
    w = word.lower()
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return ""
    # magic e: a final silent e lengthens the vowel before the last consonant
    silent_e = len(w) > 2 and w.endswith("e") and any(c in "aeiouy" for c in w[:-1])
    if silent_e:
        m = re.search(r"([aeiou])([^aeiouy])e$", w)
        stem = w[:-1]
        if w.endswith(("ce", "ge")) and not m:  # affordance, college: the e softens c and g
            return _lts(w[:-2]) + ("s" if w[-2] == "c" else "J")
        if m and (len(w) < 4 or w[-4] not in "aeiou"):
            vowel_pos = m.start(1)
            head = _lts(stem[:vowel_pos]) if vowel_pos else ""
            return head + _LONG[m.group(1)] + _lts(stem[vowel_pos + 1:])
        return _lts(stem)
    if len(w) <= 3 and w.endswith("e") and not any(c in "aeiou" for c in w[:-1]):
        return _lts(w[:-1]) + "i"  # we, she, be
    if len(w) == 2 and w[1] == "y" and w[0] not in "aeiou":
        return _lts(w[0]) + "ai"  # my, by: Py of PyTorch and NumPy
    return _lts(w)


def _lts(w: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(w):
        for pat, ph in _LTS_RULES:
            if w.startswith(pat, i):
                if pat == "y" and i == 0:
                    ph = "y"
                out.append(ph)
                i += len(pat)
                break
        else:
            ch = w[i]
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if ch == "c" and nxt in ("e", "i", "y"):
                out.append("s")
            elif ch == "g" and nxt in ("e", "i", "y") and i + 1 < len(w) - 1:
                out.append("J")
            elif i > 0 and ch == w[i - 1] and ch not in "aeiou":
                pass  # doubled consonant
            else:
                out.append(_LTS_SINGLE.get(ch, ""))
            i += 1
    return "".join(out)


_CAMEL_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]")


def word_parts(token: str) -> list[str]:
    """Split a Latin token at camelCase, acronym and digit boundaries.

    >>> word_parts("DeepSeek"), word_parts("ChatGPT"), word_parts("GPT3"), word_parts("word2vec")
    (['Deep', 'Seek'], ['Chat', 'GPT'], ['GPT', '3'], ['word', '2', 'vec'])
    """
    return _CAMEL_PARTS.findall(token)


def word_phones(part: str) -> str:
    """Phones of one word part: dictionary, else spelled (acronyms, and a word with no
    vowel letter, which cannot be said as a word), else letter-to-sound.

    >>> word_phones("sm") == word_phones("SM")
    True
    """
    if part.isdigit():
        return spelled_phones(part)
    table = _cmudict()
    low = part.lower()
    if part.isupper() and len(part) > 1:
        # an acronym: spelled, unless it is a dictionary word (BERT and CALM are said as words)
        # or a long word written in capitals, as some recognisers write English (SUNBOLT)
        if low in table and len(part) > 3:
            return table[low]
        if not said_as_word(part):
            return spelled_phones(part)
    if len(part) == 1:
        return LETTER_PHONES.get(low, "") if part.isupper() else table.get(low, spelled_phones(low))
    if low in table:
        return table[low]
    if not _VOWEL_LETTER.search(low):
        return spelled_phones(low)  # no vowel to say it by: letters (sm, nlp, as lower-case)
    return _compound_phones(low, table) or letters_to_sound(low)


_VOWEL_LETTER = re.compile("[aeiouy]")
#: the consonants an English word may begin with, before its first vowel
_ONSETS = frozenset({
    *"bcdfghjklmnpqrstvwxz", "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr",
    "kl", "kn", "kr", "ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st",
    "sw", "th", "tr", "tw", "wh", "wr", "chr", "sch", "scr", "shr", "sph", "spl", "spr", "squ",
    "str", "thr"})
_CAPITALS_AS_WORD = 5
_CONSONANT_RUN = re.compile("[^AEIOUY]+")


def said_as_word(capitals: str) -> bool:
    """Whether a word written in capitals that the dictionary lacks is read as a word, not
    spelled letter by letter: five letters or more, beginning as English words begin, with
    no run of more than two consonants after that, and a vowel (or y) for every four letters
    (SUNBOLT, SKYLOFT; not HTTPS, RLAIF, NVMLS).

    >>> [said_as_word(w) for w in ("SUNBOLT", "SKYLOFT", "HTTPS", "RLAIF", "NVMLS", "GPT")]
    [True, True, False, False, False, False]
    """
    if len(capitals) < _CAPITALS_AS_WORD or not capitals.isalpha():
        return False
    runs = _CONSONANT_RUN.findall(capitals)
    onset = runs[0] if runs and capitals.startswith(runs[0]) else ""
    inner = runs[1:] if onset else runs
    vowels = len(capitals) - sum(map(len, runs))
    return ((not onset or onset.lower() in _ONSETS) and all(len(r) <= 2 for r in inner)
            and 4 * vowels >= len(capitals))


#: the shortest dictionary word a compound's part may be (pine|cone, red|fin)
_COMPOUND_PART = 3
#: longer than any word of the pronouncing dictionary (a compound's parts are shorter)
_LONGEST_WORD = 34


def _compound_phones(low: str, table: Mapping[str, str]) -> str:
    """Phones of a word the dictionary lacks that is two of its words written as one
    (``pinecone``: pine + cone), the most even such split; "" if there is none.

    >>> _compound_phones("pinecone", _cmudict()), _compound_phones("kubernetes", _cmudict())
    ('painkoun', '')
    """
    best = ""
    even = 0
    n = len(low)  # (no word of the dictionary is longer than _LONGEST_WORD letters)
    for k in range(max(_COMPOUND_PART, n - _LONGEST_WORD),
                   min(n - _COMPOUND_PART, _LONGEST_WORD) + 1):
        a, b = low[:k], low[k:]
        if min(len(a), len(b)) > even and a in table and b in table:
            pa, pb = table[a], table[b]
            # a sound the two words share is said once (cat|tail: one t)
            best, even = pa + (pb[1:] if pa[-1:] == pb[:1] else pb), min(len(a), len(b))
    return best


#: Greek letters as they are said in technical English (τ-bench is "tau bench")
GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "χ": "chi", "ψ": "psi",
    "ω": "omega",
}
_GREEK_RE = re.compile("[" + "".join(GREEK) + "]")


def english_phones(text: str) -> str:
    """Phones of English text: words, camelCase parts, acronyms, digits and Greek letters.

    >>> english_phones("OpenAI"), english_phones("τ-bench") == english_phones("tau bench")
    ('oupEneiai', True)
    """
    text = _GREEK_RE.sub(lambda m: " " + GREEK[m.group()] + " ", text)
    return "".join(word_phones(p) for tok in re.findall(r"[A-Za-z0-9]+", text)
                   for p in word_parts(tok))


@lru_cache(maxsize=65536)
def mandarin_rendering(phones: str) -> str:
    """English phones as Chinese syllables render them: a Mandarin syllable ends in a vowel,
    -n or -ng, so a consonant not followed by a vowel is dropped (agent "eiJEnt" → "eiJEn",
    heard as A 正; Cursor "kErsEr" → "kEsE", heard as 科 sir).

    >>> mandarin_rendering("eiJEnt"), mandarin_rendering("kErsEr")
    ('eiJEn', 'kEsE')
    """
    out = []
    for k, ch in enumerate(phones):
        if ch in VOWELS or ch in "nN" or (k + 1 < len(phones) and phones[k + 1] in VOWELS):
            out.append(ch)
    return "".join(out)


_MIXED = re.compile(f"[{CJK_CHARS}]+|[A-Za-z0-9]+")


def mixed_phones(text: str) -> str:
    """Phones of text mixing Chinese characters, English words, letters and digits.

    >>> mixed_phones("拆 GPT")
    'CaiJipiti'
    """
    from .pinyin import syllables

    out = []
    for m in _MIXED.finditer(text):
        run = m.group()
        if run[0].isascii():
            out.append(english_phones(run))
        else:
            out.extend(pinyin_phones(s) for s in syllables(run))
    return "".join(out)


def word_list(name: str) -> frozenset[str]:
    """The words of a list shipped in ``asrfix/data`` (one a line; lines that begin with
    ``#`` are comments).

    >>> "the" in word_list("english_function_words.txt")
    True
    """
    raw = resources.files("asrfix").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(w for w in raw.split("\n") if w and not w.startswith("#"))


@once
def _function_words() -> frozenset[str]:
    return word_list("english_function_words.txt")


def is_function_word(word: str) -> bool:
    """Whether ``word`` is an English function word (the, of, as, I …).

    >>> is_function_word("The"), is_function_word("time")
    (True, False)
    """
    return word.lower().replace("’", "'") in _function_words()
