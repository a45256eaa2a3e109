"""Evaluation against a human edit and against annotated gold."""

from __future__ import annotations

import importlib.util
import io
import json
import sys

import pytest

from asrfix import Corrector, Lexicon
from asrfix.cli import EXIT_CLEAN, main
from asrfix.evaluate import evaluate, score_predictions

from .conftest import SHARED

EVAL = SHARED / "eval"


def test_scores_right_wrong_and_spurious() -> None:
    fixer = Corrector(["姚顺雨", "DeepSeek", "OpenAI"])
    raw = "我们请到了尧舜禹。聊 deep seek 和 open a。"
    edited = "我们请到了姚顺雨。聊 DeepSeek 和 OpenAI。"
    ev = evaluate(fixer, raw, edited)
    assert ev.precision == 1.0 and ev.domain_recall == 1.0 and ev.correct == 3
    wrong = evaluate(fixer, raw, "我们请到了尧舜禹。聊 DeepSeek 和 Open AI 公司。")
    assert wrong.correct < 3 and wrong.precision < 1.0


def test_format_and_case_classes() -> None:
    from asrfix.evaluate import GoldFix

    text = "we use react here"
    gold = [GoldFix(7, 12, "ReAct", "format", False)]
    assert score_predictions(text, gold, [(7, 12, "ReAct")]).format_recall == 1.0
    assert score_predictions(text, gold, [(7, 12, "REACT")]).precision == 0.0


def _shared_score():  # type: ignore[no-untyped-def]
    path = EVAL / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval not available")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["shared_score"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_agrees_with_the_shared_scorer() -> None:
    score = _shared_score()
    text = (EVAL / "transcript.txt").read_text(encoding="utf-8")
    gold = score.load_gold(text, str(EVAL / "gold_dev.jsonl"))
    gold.sort(key=lambda g: (g.start, g.end))
    out, pos = [], 0
    for g in gold:
        if g.start >= pos:
            out += [text[pos:g.start], g.corrected]
            pos = g.end
    edited_full = "".join(out) + text[pos:]
    raw = "\n".join(text.split("\n")[:355])
    edited = "\n".join(edited_full.split("\n")[:355])
    fixer = Corrector(Lexicon.load(EVAL / "lexicon_episode.txt"))
    preds = [{"start": c.start, "end": c.end, "replacement": c.replacement}
             for c in fixer.check(text)]
    cut = len(raw) + 1
    ref = score.score(text, [g for g in gold if g.line <= 355],
                      [p for p in preds if p["start"] < cut])
    from_edit = evaluate(fixer, raw, edited)
    assert abs((from_edit.domain_recall or 0) - ref["domain_recall"]) <= 0.02
    assert abs(from_edit.precision - ref["precision"]) <= 0.02
    with (EVAL / "gold_dev.jsonl").open(encoding="utf-8") as f:
        from_gold = evaluate(fixer, text, gold_jsonl=f, lines=(1, 355))
    assert from_gold.domain_recall == ref["domain_recall"]
    assert from_gold.precision == ref["precision"]


def test_eval_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw, edited = tmp_path / "raw.txt", tmp_path / "edited.txt"
    raw.write_text("我们请到了尧舜禹。", encoding="utf-8")
    edited.write_text("我们请到了姚顺雨。", encoding="utf-8")
    lex = tmp_path / "l.txt"
    lex.write_text("姚顺雨\n", encoding="utf-8")
    out = io.StringIO()
    code = main(["eval", str(raw), str(edited), "--no-default-lexicons", "-l", str(lex)],
                stdout=out)
    assert code == EXIT_CLEAN and json.loads(out.getvalue())["domain_recall"] == 1.0
