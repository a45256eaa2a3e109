"""How symbols and numbers are read aloud, in Chinese and English: the table in
``data/readings.toml``, loaded once per process (see docs/spoken-forms.md).

>>> r = readings()
>>> r.symbol("+", "zh"), r.symbol("#", "en"), r.point("zh")
(('加',), ('sharp',), ('点',))
>>> sorted(r.always_said)
['#', '+']
>>> r.number("15", "zh"), r.number("2", "zh"), r.number("24", "en")
(('十五',), ('二', '两'), ('twenty four',))
>>> r.digit_string("2024", "zh")
('二零二四',)
"""

from __future__ import annotations

import hashlib
import itertools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from .once import once

__all__ = ["LANGUAGES", "Language", "Readings", "readings", "table_digest"]

Language = Literal["zh", "en"]
#: the languages a term's symbols and numbers are read in
LANGUAGES: tuple[Language, ...] = ("zh", "en")
#: the most readings one digit string is given (each digit may have several)
_DIGIT_STRINGS = 4
#: the most digits read one by one
_DIGITS_READ = 12
#: numbers up to this are read as whole numbers (longer ones digit by digit only)
_WHOLE_LIMIT = 10 ** 8


@dataclass(frozen=True, slots=True)
class Readings:
    """The reading table (see ``data/readings.toml``)."""

    symbols: Mapping[Language, Mapping[str, tuple[str, ...]]]
    #: the symbols always said, as they tell a term from another (the + of C++)
    always_said: frozenset[str]
    word_hyphens: Mapping[Language, tuple[str, ...]]
    points: Mapping[Language, tuple[str, ...]]
    digits: Mapping[Language, tuple[str, ...]]
    digit_alternates: Mapping[Language, Mapping[str, tuple[str, ...]]]
    zh_units: tuple[str, ...]
    zh_ten_thousand: str
    zh_two: str
    en_ones: tuple[str, ...]
    en_tens: tuple[str, ...]
    en_hundred: str
    en_thousand: str

    def symbol(self, ch: str, lang: Language) -> tuple[str, ...]:
        """How ``ch`` is read in ``lang`` ("" for left unsaid; nothing for a symbol the
        table does not know)."""
        return self.symbols[lang].get(ch, ())

    def word_hyphen(self, lang: Language) -> tuple[str, ...]:
        """How a hyphen between two words is read in ``lang`` ("" for left unsaid)."""
        return self.word_hyphens[lang]

    def point(self, lang: Language) -> tuple[str, ...]:
        """How the decimal point between two digits is read."""
        return self.points[lang]

    def digit_string(self, digits: str, lang: Language) -> tuple[str, ...]:
        """``digits`` read one by one (a version's digits after the point, a year)."""
        if len(digits) > _DIGITS_READ:
            return ()  # (a long run of digits is read by nobody)
        table = self.digits[lang]
        alternates = self.digit_alternates[lang]
        choices = [(table[int(d)], *alternates.get(d, ())) for d in digits]
        return tuple(itertools.islice((" ".join(c) if lang == "en" else "".join(c)
                                       for c in itertools.product(*choices)), _DIGIT_STRINGS))

    def number(self, digits: str, lang: Language) -> tuple[str, ...]:
        """``digits`` read as a whole number (nothing past a hundred million)."""
        if (len(digits) > 1 and digits.startswith("0")) or len(digits) > 9 or int(
                digits) >= _WHOLE_LIMIT:
            return ()  # (a long run of digits is no number said whole)
        n = int(digits)
        if lang == "en":
            return _en_number(self, n)
        said = _zh_number(self, n)
        two = self.digits["zh"][2]
        if said.startswith(two) and (n == 2 or said[1:2] in self.zh_units[2:]):
            return said, self.zh_two + said[1:]  # 两, 两百, 两千
        return (said,)


def _zh_number(r: Readings, n: int) -> str:
    """``n`` (below a hundred million) as a Chinese numeral: 十五, 一百零五, 两千零二十四
    with 二 for 两."""
    digits = r.digits["zh"]
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        rest = _zh_number(r, low) if low else ""
        gap = digits[0] if 0 < low < 1000 else ""
        return _zh_number(r, high) + r.zh_ten_thousand + gap + rest
    if 10 <= n < 20:
        return r.zh_units[1] + (digits[n - 10] if n > 10 else "")
    if n < 10:
        return digits[n]
    out: list[str] = []
    zero = False
    text = str(n)
    for i, ch in enumerate(text):
        if ch == "0":
            zero = True
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[int(ch)] + r.zh_units[len(text) - 1 - i])
    return "".join(out)


def _en_below_100(r: Readings, n: int) -> str:
    if n < 20:
        return r.en_ones[n]
    tens, ones = divmod(n, 10)
    return r.en_tens[tens] + (" " + r.en_ones[ones] if ones else "")


def _en_below_1000(r: Readings, n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _en_below_100(r, n)
    head = f"{r.en_ones[hundreds]} {r.en_hundred}"
    return head + (" " + _en_below_100(r, rest) if rest else "")


def _en_number(r: Readings, n: int) -> tuple[str, ...]:
    """``n`` in English words: 2024 as "two thousand twenty four" and, as years are
    said, "twenty twenty four"."""
    if n < 1000:
        return (_en_below_1000(r, n),)
    thousands, rest = divmod(n, 1000)
    if thousands >= 1000:
        return ()
    whole = f"{_en_below_1000(r, thousands)} {r.en_thousand}"
    out = [whole + (" " + _en_below_1000(r, rest) if rest else "")]
    if n < 10_000:
        high, low = divmod(n, 100)
        if low >= 10:
            out.append(f"{_en_below_100(r, high)} {_en_below_100(r, low)}")
    return tuple(out)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError(f"readings.toml: {where} must be a list of strings")
    return tuple(value)


@once
def table_digest() -> str:
    """A digest of the shipped reading table (read once per process): part of the index
    cache's key, as the spoken forms the index holds are derived from it."""
    data = resources.files("asrfix").joinpath("data/readings.toml").read_bytes()
    return hashlib.sha256(data).hexdigest()[:16]


@once
def readings() -> Readings:
    """The shipped reading table (loaded on first use, once, from any thread)."""
    text = resources.files("asrfix").joinpath("data/readings.toml").read_text("utf-8")
    data = tomllib.loads(text)
    symbols = {lang: {ch: _strings(v, f"symbols.{lang}.{ch}")
                      for ch, v in data["symbols"][lang].items()} for lang in LANGUAGES}
    digits = data["digits"]
    zh, en = data["numbers"]["zh"], data["numbers"]["en"]
    always = _strings(data["always_said"]["symbols"], "always_said.symbols")
    if not always or any(len(ch) != 1 or not symbols["en"].get(ch) or not symbols["en"][ch][0]
                         for ch in always):
        raise ValueError("readings.toml: always_said.symbols must be one or more symbols with "
                         "an English reading in [symbols.en]")
    return Readings(
        symbols=symbols, always_said=frozenset(always),
        word_hyphens={lang: _strings(data["hyphen_between_words"][lang],
                                     f"hyphen_between_words.{lang}") for lang in LANGUAGES},
        points={lang: _strings(data["point"][lang], f"point.{lang}") for lang in LANGUAGES},
        digits={lang: _strings(digits[lang], f"digits.{lang}") for lang in LANGUAGES},
        digit_alternates={lang: {d: _strings(v, f"digits.{lang}_alternates.{d}")
                                 for d, v in digits[f"{lang}_alternates"].items()}
                          for lang in LANGUAGES},
        zh_units=_strings(zh["units"], "numbers.zh.units"),
        zh_ten_thousand=str(zh["ten_thousand"]), zh_two=str(zh["two"]),
        en_ones=_strings(en["ones"], "numbers.en.ones"),
        en_tens=_strings(en["tens"], "numbers.en.tens"),
        en_hundred=str(en["hundred"]), en_thousand=str(en["thousand"]))
