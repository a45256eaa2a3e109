"""Spoken forms: how symbols and numbers are read aloud (the reading table), the forms a term
is said in, and the corrector finding a term said aloud."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Config, Corrector, Lexicon, Term
from asrfix.index import TermIndex, term_spoken_forms
from asrfix.readings import LANGUAGES, readings
from asrfix.sayings import MAX_FORMS, chinese_number, spoken_forms


@pytest.mark.parametrize(("digits", "zh", "en"), [
    ("7", ("七",), ("seven",)),
    ("10", ("十",), ("ten",)),
    ("15", ("十五",), ("fifteen",)),
    ("20", ("二十",), ("twenty",)),
    ("105", ("一百零五",), ("one hundred five",)),
    ("110", ("一百一十",), ("one hundred ten",)),
    ("200", ("二百", "两百"), ("two hundred",)),
    ("2024", ("二千零二十四", "两千零二十四"),
     ("two thousand twenty four", "twenty twenty four")),
    ("100000", ("十万",), ("one hundred thousand",)),
])
def test_whole_numbers_are_read_in_both_languages(digits: str, zh: tuple[str, ...],
                                                   en: tuple[str, ...]) -> None:
    assert readings().number(digits, "zh") == zh
    assert readings().number(digits, "en") == en


def test_a_number_with_a_leading_zero_is_read_digit_by_digit_only() -> None:
    assert readings().number("05", "zh") == ()
    assert readings().digit_string("05", "zh") == ("零五",)
    assert readings().digit_string("15", "zh") == ("一五", "幺五")
    assert readings().digit_string("11", "en") == ("one one",)


@pytest.mark.parametrize(("canonical", "said"), [
    ("C++", "c 加 加"), ("g++", "g plus plus"), ("C#", "c sharp"), ("ASP.NET", "asp 点 net"),
    ("GPT-3.5", "gpt 三 点 五"), ("GPT-3.5", "gpt 3 点 5"), ("GPT-4o", "gpt four o"),
    ("Qwen2.5", "qwen 二 点 五"), ("Gemini 2.0 Flash", "gemini 两 点 零 flash"),
    ("iPhone 15", "iphone 十五"), ("WWDC 2024", "wwdc 二零二四"), ("Llama 3.1", "llama 三 点 幺"),
])
def test_a_terms_spoken_forms_include_how_people_say_it(canonical: str, said: str) -> None:
    assert said in spoken_forms(canonical)


@pytest.mark.parametrize("canonical", ["3.5", "2024", "++", "Deep Research", "OpenAI"])
def test_a_term_with_nothing_read_aloud_has_no_spoken_forms(canonical: str) -> None:
    assert spoken_forms(canonical) == ()


def test_an_ampersand_said_as_and_may_be_meant_its_bare_n_is_not() -> None:
    """"Q and A" may be the words; "q n a" is a reading (matched after a head of two
    letters only, see :mod:`asrfix.engine.aloud`)."""
    assert spoken_forms("Q&A") == ("q n a",)
    assert spoken_forms("SG&A") == ("sg n a",)


def test_a_term_re_spaced_is_not_a_spoken_form() -> None:
    assert "python 3" not in spoken_forms("Python 3")
    assert "python 三" in spoken_forms("Python 3")


_HEADS = st.sampled_from(["Gemini", "Llama", "Qwen", "Claude", "Mistral", "WWDC", "iPhone"])
_VERSIONS = st.tuples(st.integers(1, 2099), st.one_of(st.none(), st.integers(0, 9)))


def _term(head: str, version: tuple[int, int | None], joiner: str) -> str:
    number, point = version
    return f"{head}{joiner}{number}" + ("" if point is None else f".{point}")


@settings(max_examples=30, deadline=None)
@given(_HEADS, _VERSIONS, st.sampled_from(["", " ", "-"]))
def test_every_spoken_form_is_few_and_names_the_head(head: str, version: tuple[int, int | None],
                                                     joiner: str) -> None:
    forms = spoken_forms(_term(head, version, joiner))
    assert 0 < len(forms) <= 2 * MAX_FORMS
    assert all(f.startswith(head.lower() + " ") for f in forms)


@settings(max_examples=25, deadline=None)
@given(_HEADS, _VERSIONS, st.sampled_from(["", " ", "-"]), st.booleans(), st.data())
def test_every_spoken_form_maps_back_to_its_term(head: str, version: tuple[int, int | None],
                                                 joiner: str, glued: bool,
                                                 data: st.DataObject) -> None:
    canonical = _term(head, version, joiner)
    form = data.draw(st.sampled_from(spoken_forms(canonical)))
    # a decimal point left unsaid ("gemini two five": maybe two numbers) is only suggested
    # as said aloud (the sound path, which reads a term's digits one by one, may hear it
    # whole and apply it)
    points = {p for lang in LANGUAGES for p in readings().point(lang) if p}
    unsaid = version[1] is not None and points.isdisjoint(form.split())
    if glued:  # as speech recognition often writes it: no spaces beside Chinese characters
        form = re.sub(r"(?<=\S) (?=[^a-z0-9])|(?<=[^a-z0-9 ]) (?=\S)", "", form)
    text = f"我们今天聊 {form} 的效果"
    result = Corrector([canonical]).check(text)
    assert [(c.original, c.replacement) for c in result] == [(form, canonical)]
    [c] = result
    assert text[c.start:c.end] == c.original
    assert (c.status, c.evidence.method) == ("fix", "spoken") or unsaid
    assert result.apply("all") == f"我们今天聊 {canonical} 的效果"


def test_a_spoken_match_replaces_the_whole_reading() -> None:
    [c] = Corrector(["C++"]).check("我常用 c 加加 写代码")
    assert (c.original, c.replacement, c.status) == ("c 加加", "C++", "fix")
    assert c.evidence.notes == ("said aloud as 'c 加 加'",)


def test_one_letter_said_with_a_symbol_in_english_speech_is_a_suggestion() -> None:
    [c] = Corrector(["F#"]).check("they wrote the parser in f sharp last year")
    assert (c.original, c.replacement, c.status) == ("f sharp", "F#", "suggestion")


def test_a_number_counting_the_next_word_protects_the_window() -> None:
    fixer = Corrector(["Python 3"])
    assert list(fixer.check("she wrote python three years ago")) == []
    [c] = fixer.check("she moved to python three and never looked back")
    assert c.replacement == "Python 3"


def test_a_candidate_cutting_a_written_decimal_is_dropped() -> None:
    assert list(Corrector(["GPT-3"]).check("GPT3.5 很好用")) == []
    assert list(Corrector(["GLM-5"]).check("GLM5．1 发布了")) == []  # (a full-width point)


def test_a_version_written_with_its_point_is_one_word() -> None:
    fixer = Corrector(["GPT-3.5", "GLM-5.1", "Claude 4.6"])
    found = {c.original: (c.replacement, c.status)
             for c in fixer.check("用 gpt 3.5 和 GLM5．1 写，也试了 claude 4.6")}
    assert found == {"gpt 3.5": ("GPT-3.5", "fix"), "GLM5．1": ("GLM-5.1", "suggestion"),
                     "claude 4.6": ("Claude 4.6", "fix")}
    # only a space or hyphen between a name and its number: house style, a suggestion
    [c] = fixer.check("GPT3.5 很好用")
    assert (c.original, c.replacement, c.status) == ("GPT3.5", "GPT-3.5", "suggestion")


def test_a_lexicon_declares_spoken_forms(tmp_path: Path) -> None:
    path = tmp_path / "show.toml"
    path.write_text('[[terms]]\ncanonical = "Kubernetes"\nspoken = ["k 八 s"]\n',
                    encoding="utf-8")
    lex = Lexicon.load(path)
    assert lex["Kubernetes"].spoken == ("k 八 s",)
    [c] = Corrector(lex).check("我们的服务都跑在 k 八 s 上")
    assert (c.original, c.replacement, c.evidence.method) == ("k 八 s", "Kubernetes", "spoken")


def test_declared_spoken_forms_merge_and_survive_pickling() -> None:
    a = Lexicon.from_terms([Term(canonical="Kubernetes", spoken=["k 八 s"])])
    b = Lexicon.from_terms([Term(canonical="Kubernetes", spoken=["k eight s"])])
    merged = a + b
    assert merged["Kubernetes"].spoken == ("k 八 s", "k eight s")
    fixer = pickle.loads(pickle.dumps(Corrector(merged)))
    assert [c.replacement for c in fixer.check("we deploy on k eight s today")] == ["Kubernetes"]


def test_declared_forms_come_first_and_spoken_forms_change_the_digest() -> None:
    term = Term(canonical="C#", spoken=["see 井"])
    assert term_spoken_forms(term)[:2] == ("see 井", "c 井")
    plain = Lexicon.from_terms([Term(canonical="C#")])
    assert plain.digest != Lexicon.from_terms([term]).digest


def test_spoken_forms_survive_the_index_state() -> None:
    index = TermIndex(Lexicon.from_terms(["Vue.js"]))
    again = TermIndex.from_state(index.to_state())
    [(tid, form)] = again.exact_matches("vue点js")
    assert again.terms[tid].canonical == "Vue.js" and form == "vue 点 js"


def test_spoken_forms_after_a_latin_word_keep_chinese_windows_in_the_short_loop() -> None:
    """A spoken form holds Chinese characters after its head word only: starts with no
    Latin word near still take the windows loop's short path."""
    index = Corrector(["GPT-3.5", "WWDC 2024"]).index
    assert index.max_exact_cjk >= 4 and index.max_exact_cjk_lead == 0
    assert Corrector([Term(canonical="ChatGPT", variants=["拆 GPT"])]).index \
        .max_exact_cjk_lead == 1


def test_part_of_a_reading_is_never_proposed_as_the_term_whatever_the_scorer() -> None:
    for config in (Config(), Config(scorer="fitted", min_score=0.2, fix_threshold=0.99)):
        result = Corrector(["C++"], config=config).check("我常用 c 加加 写代码")
        assert [(c.original, c.replacement) for c in result] == [("c 加加", "C++")]


@given(st.integers(min_value=10, max_value=99_999_999))
def test_a_chinese_number_the_table_says_reads_back_as_its_value(n: int) -> None:
    for said in readings().number(str(n), "zh"):
        if any(unit in said for unit in "十百千万"):
            assert chinese_number(said) == n
