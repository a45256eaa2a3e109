"""The Chinese function-word table is what its build script makes from jieba's dictionary."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import jieba

from asrfix.engine.words import chinese_function_word

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_chinese_function_words.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_chinese_function_words", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_is_what_the_script_builds_from_jiebas_dictionary() -> None:
    build = _script()
    packaged = resources.files("asrfix").joinpath("data/chinese_function_words.txt").read_text(
        encoding="utf-8")
    words = [w for w in packaged.split("\n") if w and not w.startswith("#")]
    assert words == build.function_words(Path(jieba.__file__).parent / "dict.txt", 1000)


def test_closed_classes_only() -> None:
    assert all(chinese_function_word(w) for w in ("跟", "比", "只有", "他", "和", "之", "非"))
    # (not content words heard for English syllables, nor modal particles: la 吗 is Llama)
    assert not any(chinese_function_word(w)
                   for w in ("拆", "卡", "正", "真的", "米", "型", "吗", "哎"))
