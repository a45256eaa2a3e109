"""Data-driven cases from tests/cases (see its README)."""

from __future__ import annotations

from typing import Any

import pytest

from asrfix import Corrector, Lexicon

from .conftest import load_cases


def _params(name: str) -> list[Any]:
    out = []
    for case in load_cases(name):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        out.append(pytest.param(case, marks=marks, id=case["text"][:32]))
    return out


#: the files of cases that must be proposed exactly, and of text that must stay as it is
POSITIVES = ("positives.jsonl", "heard_forms.jsonl", "spoken.jsonl")
NEGATIVES = ("negatives.jsonl", "heard_forms_negatives.jsonl", "spoken_negatives.jsonl")


@pytest.mark.parametrize("case", [p for name in POSITIVES for p in _params(name)])
def test_positive(case: dict[str, Any]) -> None:
    result = Corrector(Lexicon.from_terms(case["terms"])).check(case["text"])
    got = [(c.original, c.replacement) for c in result]
    want = [(e["original"], e["replacement"]) for e in case["expect"]]
    assert got == want
    for c, e in zip(result, case["expect"], strict=True):  # (a tier, where the case names one)
        assert c.status == e.get("status", c.status)


@pytest.mark.parametrize("case", [p for name in NEGATIVES for p in _params(name)])
def test_negative(case: dict[str, Any]) -> None:
    result = Corrector(Lexicon.from_terms(case["terms"])).check(case["text"])
    assert [(c.original, c.replacement) for c in result] == []


@pytest.mark.parametrize("case", _params("cross_script.jsonl"))
def test_cross_script_positive(case: dict[str, Any]) -> None:
    result = Corrector(Lexicon.from_terms(case["terms"])).check(case["text"])
    got = [(c.original, c.replacement) for c in result]
    want = [(e["original"], e["replacement"]) for e in case["expect"]]
    assert got == want
    for c in result:  # the evidence shows the two phonetic forms that were compared
        assert c.evidence.heard and c.evidence.expected


@pytest.mark.parametrize("case", _params("cross_script_negatives.jsonl"))
def test_cross_script_negative(case: dict[str, Any]) -> None:
    result = Corrector(Lexicon.from_terms(case["terms"])).check(case["text"])
    assert [(c.original, c.replacement) for c in result] == []


def test_a_common_word_sounding_as_a_short_term_is_only_ever_a_suggestion() -> None:
    """In Chinese speech a common English word that sounds exactly as a short term is
    proposed, but never applied unattended, whatever the context adds to its score."""
    fixer = Corrector(Lexicon.from_terms(["Vue", "React", "前端"]), min_score=0.5,
                      fix_threshold=0.6)
    result = fixer.check("前端框架 React 和 view 我们都用，前端同学都喜欢 view")
    found = [c for c in result if c.replacement == "Vue"]
    assert [c.original for c in found] == ["view", "view"]
    assert all(c.status == "suggestion" for c in found)
