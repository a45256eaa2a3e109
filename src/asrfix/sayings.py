"""A term's spoken forms: how its symbols and numbers are said aloud, derived from its
canonical spelling with the reading table (:mod:`asrfix.readings`).

The spelling is cut into letters, digits and symbols. Letters are said as written; a number
as a whole number (十五, fifteen), digit by digit (二零二四) or left in digits; the digits
after a decimal point one by one (or, two or more, as a whole number: three point eleven);
a symbol by its readings (``+``: 加, plus). Each language gives its own forms, digits as
written allowed in both (``GPT 3 点 5``). Only a term with letters and something to read
aloud (a number, a symbol, a hyphen beside a number or a short code: ``SWE 杠 bench``, not
``long-term``) has spoken forms: a bare number or symbol is never a term heard. A form must
read something aloud that is not an English function word: ``pass at k`` and ``Q and A``
may be meant as they are (``support at example dot com`` is an address read aloud), unless
the symbol is a word of the name between two others (``Coker & Palmer``: coker and palmer).

>>> spoken_forms("C++")
('c 加 加', 'c plus plus')
>>> "gpt 三 点 五" in spoken_forms("GPT-3.5")
True
>>> spoken_forms("3.5"), spoken_forms("Deep Research")
((), ())
>>> spoken_forms("SWE-bench")
('swe 杠 bench', 'swe 减 bench', 'swe dash bench')
>>> spoken_forms("Coker & Palmer")[0], spoken_forms("Q & A")
('coker and palmer', ('q n a',))
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from .once import once
from .phonetics import is_function_word
from .readings import LANGUAGES, Language, Readings, readings

__all__ = ["MAX_FORMS", "MAX_WORDS", "chinese_number", "spoken_forms"]

#: the most spoken forms derived for one term in one language
MAX_FORMS = 24
#: the most words a spoken form holds (a window of the default settings holds no more)
MAX_WORDS = 8
#: the most letters of a piece beside a hyphen read as a symbol (SWE 杠 bench)
_CODE_LETTERS = 3
_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\s+|.", re.UNICODE)


@lru_cache(maxsize=4096)
def spoken_forms(canonical: str) -> tuple[str, ...]:
    """The spoken forms of ``canonical``, words joined by spaces (the index looks a window's
    letters up by them squashed), none only the term re-spaced (``python 3``)."""
    if canonical.isalpha() or _WORDS.fullmatch(canonical):
        return _chinese_number_forms(canonical)  # (most terms: words only, nothing read aloud)
    tokens = tuple(_TOKEN.findall(canonical))
    if not _sayable(tokens):
        return ()
    table = readings()
    own = "".join(t for t in tokens if t[0].isalnum()).lower()
    own_word = _symbol_words(tokens)
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        options = [_token_readings(table, tokens, k, lang) for k in range(len(tokens))]
        if any(not o for o in options):
            continue  # a symbol not read in this language
        for combo in product(*_capped(options)):
            if not any(_telling(t, x) or k in own_word
                       for k, (t, x) in enumerate(zip(tokens, combo, strict=True))):
                continue  # "pass at k", "Q and A": the words may be meant as they are
            form = " ".join(x for x in combo if x)
            if form.count(" ") >= MAX_WORDS:
                continue  # ("one thousand seven hundred …": no window is that long)
            key = "".join(form.split())
            if key != own and key not in out:
                out[key] = form
    return tuple(dict.fromkeys((*out.values(), *_chinese_number_forms(canonical))))


def chinese_number(run: str) -> int | None:
    """The value of a number written in Chinese with its units (三百 → 300, 一千零五 →
    1005), where the reading table says that value so; ``None`` for a run that is no such
    number (三五, 十三五).

    >>> chinese_number("三百"), chinese_number("二十五"), chinese_number("十三五")
    (300, 25, None)
    """
    digits, units, _ = _numerals()
    if not any(ch in units for ch in run):
        return None
    total = section = digit = 0
    for ch in run:
        if ch in digits:
            digit = digits[ch]
        elif units[ch] == _TEN_THOUSAND:
            total += (section + digit) * _TEN_THOUSAND
            section = digit = 0
        else:
            section += (digit or 1) * units[ch]
            digit = 0
    n = total + section + digit
    return n if run in readings().number(str(n), "zh") else None


#: the unit that starts a new section of a Chinese number (万)
_TEN_THOUSAND = 10_000


@once
def _numerals() -> tuple[dict[str, int], dict[str, int], re.Pattern[str]]:
    """The digits and the units of a number written in Chinese, by value, and a run of them,
    as the reading table writes them (the table's own numbers are what :func:`chinese_number`
    reads)."""
    table = readings()
    digits = {ch: n for n, ch in enumerate(table.digits["zh"])} | {table.zh_two: 2}
    units = {u: 10 ** k for k, u in enumerate(table.zh_units) if u}
    units[table.zh_ten_thousand] = _TEN_THOUSAND
    return digits, units, re.compile("[" + "".join((*digits, *units)) + "]{2,}")


def _chinese_number_forms(canonical: str) -> tuple[str, ...]:
    """A term with a number under ten thousand written in Chinese (二百毫克) heard with the
    number read digit by digit (二零零毫克), one number at a time."""
    out: list[str] = []
    for m in _numerals()[2].finditer(canonical):
        n = chinese_number(m.group())
        if n is None or m.group() == canonical:
            continue  # (a bare number is never a term heard)
        # (not in digits, 300: the same number written otherwise, a house style)
        for said in readings().digit_string(str(n), "zh") if n < 10_000 else ():
            if said != m.group():
                out.append(canonical[:m.start()] + said + canonical[m.end():])
    return tuple(dict.fromkeys(out))[:MAX_FORMS]


def _sayable(tokens: tuple[str, ...]) -> bool:
    """Whether a term has letters and something read aloud beside them."""
    letters = any(t[0].isalpha() for t in tokens)
    said = any(not t[0].isalpha() and not t.isspace() for t in tokens)
    return letters and said


def _symbol_words(tokens: tuple[str, ...]) -> set[int]:
    """Where a symbol is a word of the name between two words of two letters or more, set
    apart by spaces (``Coker & Palmer``, not ``AT&T`` or ``Q & A``): read aloud, even as a
    function word (``coker and palmer``), it tells the name."""
    return {k for k in range(2, len(tokens) - 2)
            if not tokens[k][0].isalnum() and not tokens[k].isspace()
            and tokens[k - 1].isspace() and tokens[k + 1].isspace()
            and _word_of_two(tokens[k - 2]) and _word_of_two(tokens[k + 2])}


def _word_of_two(token: str) -> bool:
    return token.isalpha() and len(token) >= 2


def _telling(token: str, reading: str) -> bool:
    """Whether ``reading`` of ``token`` shows the term read aloud: a number said in words,
    or a symbol said as a word that is not an English function word (``at``, ``and``: in a
    form with nothing else read aloud, they may be meant as they are)."""
    if not reading or reading == token.lower():
        return False
    return token[0].isdigit() or not is_function_word(reading)


def _token_readings(table: Readings, tokens: tuple[str, ...], k: int,
                    lang: Language) -> tuple[str, ...]:
    """The readings of ``tokens[k]`` in ``lang``, the most natural first."""
    tok = tokens[k]
    if tok[0].isalpha():
        return (tok.lower(),)  # (lower case: forms are matched without case)
    if tok.isspace():
        return ("",)
    before = tokens[k - 1] if k else ""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    if tok[0].isdigit():
        if before == "." and k >= 2 and tokens[k - 2][0].isdigit():
            # after a decimal point: one by one, or a version's minor number whole (3.11:
            # 三点一一, three point eleven)
            whole = table.number(tok, lang) if len(tok) > 1 else ()
            return tuple(dict.fromkeys((*table.digit_string(tok, lang), *whole, tok)))
        whole = table.number(tok, lang)
        spelled = table.digit_string(tok, lang) if len(tok) > 1 else ()
        return tuple(dict.fromkeys((*whole, *spelled, tok)))
    if tok == "." and before[:1].isdigit() and after[:1].isdigit():
        return table.point(lang)
    if tok == "-" and not (_code_like(before) or _code_like(after)):
        return table.word_hyphen(lang)  # (long-term, scikit 杠 learn)
    return table.symbol(tok, lang)


def _code_like(token: str) -> bool:
    """Whether a piece beside a hyphen reads it as a symbol: a number or a run of at most
    three letters (GPT 杠 4, SWE 杠 bench), not a word (scikit-learn)."""
    return token[:1].isdigit() or (token[:1].isalpha() and len(token) <= _CODE_LETTERS)


def _capped(options: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The readings with the longest lists cut from the end until their product is at most
    :data:`MAX_FORMS` (the most natural readings, listed first, are kept)."""
    out = list(options)
    while _size(out) > MAX_FORMS:
        longest = max(range(len(out)), key=lambda i: len(out[i]))
        out[longest] = out[longest][:-1]
    return out


def _size(options: list[tuple[str, ...]]) -> int:
    n = 1
    for o in options:
        n *= len(o)
    return n
