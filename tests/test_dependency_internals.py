"""What asrfix reads and writes inside jieba and pypinyin, beyond their documented APIs.

:mod:`asrfix.jieba_dict` and :mod:`asrfix.segment` build ``jieba.Tokenizer`` by hand (they
call ``gen_pfdict`` and ``get_dict_file``, then set ``FREQ``, ``total`` and
``initialized``) and segment with ``re_han_default``; :mod:`asrfix.pinyin` reads pypinyin's
``pinyin_dict`` and ``phrases_dict`` (their JSON files, else their modules). pyproject.toml
bounds both packages to the versions tested here: when an upgrade changes any of it, these
tests fail by name before a check quietly goes wrong.
"""

from __future__ import annotations

import json
import os
from importlib.metadata import version

import jieba
import pytest
from pypinyin import lazy_pinyin

from asrfix.jieba_dict import load_tokenizer
from asrfix.pinyin import syllables
from asrfix.segment import Segmenter, cut


def _release(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version(name).split(".")[:3])


def test_versions_are_within_the_tested_bounds() -> None:
    assert (0, 42, 1) <= _release("jieba") < (0, 43)
    assert (0, 50) <= _release("pypinyin") < (1, 0)


def test_jieba_tokenizer_has_the_internals_asrfix_sets() -> None:
    tk = jieba.Tokenizer()
    for name in ("FREQ", "total", "initialized", "dictionary"):
        assert hasattr(tk, name), f"jieba.Tokenizer lost .{name}"
    for name in ("gen_pfdict", "get_dict_file", "tokenize", "initialize"):
        assert callable(getattr(tk, name, None)), f"jieba.Tokenizer lost .{name}()"
    assert hasattr(jieba, "DEFAULT_DICT") and tk.dictionary == jieba.DEFAULT_DICT
    assert jieba.re_han_default.fullmatch("机器学习")


def test_jieba_dictionary_reads_as_asrfix_expects() -> None:
    tk = jieba.Tokenizer()
    with tk.get_dict_file() as f:
        freq, total = tk.gen_pfdict(f)
    assert isinstance(freq, dict) and isinstance(total, int) and total > 50_000_000
    assert freq["中国"] == 129470  # a known word's count in jieba 0.42's dictionary
    assert freq["上海交通大"] == 0  # prefixes of words are kept with count 0
    assert Segmenter().word_frequency("中国") == 129470  # through asrfix's own loading


def test_hand_built_tokenizer_cuts_as_jieba_does() -> None:
    tk, lazy = load_tokenizer()
    assert tk.initialized
    for text in ("我们在研究机器学习", "今天请到了姚顺雨来聊大模型", "上海交通大学的学生"):
        if lazy is not None:
            for ch in set(text):
                lazy.ensure(ch)
        reference = jieba.Tokenizer()
        reference.initialize()
        assert cut(text, tk) == list(reference.tokenize(text, HMM=False))


def test_pypinyin_data_files_and_modules() -> None:
    import pypinyin
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    folder = os.path.dirname(pypinyin.__file__)
    with open(os.path.join(folder, "pinyin_dict.json"), encoding="utf-8") as f:
        chars = json.load(f)
    assert chars[str(ord("中"))] == pinyin_dict[ord("中")] == "zhōng,zhòng"
    with open(os.path.join(folder, "phrases_dict.json"), encoding="utf-8") as f:
        assert json.load(f)["重庆"] == phrases_dict["重庆"] == [["chóng"], ["qìng"]]


@pytest.mark.parametrize("text", ["重庆", "中国银行", "姚顺雨", "行长在银行"])
def test_asrfix_syllables_agree_with_pypinyin(text: str) -> None:
    assert list(syllables(text)) == lazy_pinyin(text)
