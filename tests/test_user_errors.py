"""A mistake in calling asrfix gets an error that says what to do instead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import asrfix
from asrfix import Corrector, Lexicon, LexiconError, Result
from asrfix.cli import main
from asrfix.formats import parse
from asrfix.lexicon import spelling_clashes
from asrfix.review import Review


@pytest.mark.parametrize("lexicon", ["DeepSeek", b"DeepSeek"])
def test_a_lexicon_given_as_one_string_is_a_type_error(lexicon: object) -> None:
    with pytest.raises(TypeError, match=r"not a single .*\['DeepSeek'\].*Lexicon\.load"):
        Corrector(lexicon)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"\['DeepSeek'\]"):
        asrfix.check("聊 deep seek", lexicon)  # type: ignore[arg-type]


def test_a_lexicon_given_as_a_path_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"not a path: Lexicon\.load\('terms\.txt'\)"):
        Corrector(Path("terms.txt"))  # type: ignore[arg-type]


def test_a_lexicon_that_is_not_a_collection_of_terms_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="list of canonical forms"):
        Corrector(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"entry 2 is an int.*str.*Term"):
        Corrector(["DeepSeek", 7])  # type: ignore[list-item]


def test_empty_terms_are_a_lexicon_error_naming_each_entry() -> None:
    with pytest.raises(LexiconError) as info:
        Corrector(["", "DeepSeek", " "])
    message = str(info.value)
    assert "entry 1 ''" in message and "entry 3 ' '" in message
    assert "empty term" in message and "pydantic" not in message
    assert len(info.value.problems) == 2


def test_a_document_must_be_parsed_before_check_document() -> None:
    fixer = Corrector(["DeepSeek"])
    with pytest.raises(TypeError, match=r"parsed Document.*asrfix\.formats\.parse.*check\(text\)"):
        fixer.check_document("聊 deep seek")  # type: ignore[arg-type]
    doc = parse("聊 deep seek\n", "plain")
    assert [c.replacement for c in fixer.check_document(doc)] == ["DeepSeek"]


def test_text_must_be_a_string() -> None:
    with pytest.raises(TypeError, match=r"decode"):
        Corrector(["DeepSeek"]).check(b"deep seek")  # type: ignore[arg-type]


def test_json_of_text_with_a_lone_surrogate_is_valid_and_round_trips() -> None:
    text = "broken \udc80 file: 聊 deep seek"  # (bytes decoded with surrogateescape)
    result = Corrector(["DeepSeek"]).check(text)
    assert [c.replacement for c in result] == ["DeepSeek"]
    for indent in (None, 2):
        data = result.to_json(indent=indent)
        data.encode("utf-8")  # (no raw surrogate left in it)
        assert "\\udc80" in data
        assert json.loads(data)["text"] == text
        assert Result.from_json(data) == result
    assert Result.from_json(result.to_json()) == result
    review = result.review().accept(0)
    saved = review.to_json()
    saved.encode("utf-8")
    assert Review.from_json(saved).apply_to(text) == review.apply()


def test_ordinary_json_is_what_pydantic_writes() -> None:
    result = Corrector(["DeepSeek"]).check("聊 deep seek")
    assert result.to_json() == result.model_dump_json()
    assert result.to_json(indent=2) == result.model_dump_json(indent=2)
    assert Result.model_validate_json(result.to_json()) == result


def test_spellings_of_one_term_differing_in_case_or_spacing_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "show.txt"
    path.write_text("DeepSeek\nOpenAI\ndeepseek\nGPT-4\nGPT 4\n", encoding="utf-8")
    assert len(Lexicon.load(path)) == 5  # (loading accepts them: directories hold many)
    problems = spelling_clashes(path)
    assert [(p.line, p.message.split(" are ")[0]) for p in problems] == [
        (3, "'deepseek' and 'DeepSeek' (line 1)"), (5, "'GPT 4' and 'GPT-4' (line 4)")]
    assert main(["lexicon", "check", str(path)]) == 78
    err = capsys.readouterr().err
    assert f"{path}:3: 'deepseek' and 'DeepSeek' (line 1)" in err
    assert f"{path}:5: 'GPT 4' and 'GPT-4' (line 4)" in err


def test_the_shipped_lexicons_have_one_spelling_per_term() -> None:
    assert main(["lexicon", "check"]) == 0
    assert len(Lexicon.default()) > 400
