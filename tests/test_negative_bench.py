"""Negative benchmarks: correct human text with its pooled lexicon must come through (nearly)
untouched. Reads ../shared (skipped where absent); the issue's targets are at most 0.2
proposals per 10,000 characters and no fix at all."""

from __future__ import annotations

import json

import pytest

from asrfix import Corrector, Lexicon

from .conftest import SHARED

BENCH = SHARED / "bench"
EVAL = SHARED / "eval"


def _rate(corrector: Corrector, texts: list[str]) -> tuple[float, int]:
    chars = sum(len(t) for t in texts)
    results = corrector.check_many(texts)
    proposals = sum(len(r) for r in results)
    fixes = sum(len(r.fixes) for r in results)
    return 1e4 * proposals / max(1, chars), fixes


def _references(name: str, lang: str) -> list[str]:
    path = BENCH / name
    if not path.is_file():
        pytest.skip(f"{path} not available")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return sorted({it["reference"] for it in items if it["lang"] == lang})


@pytest.mark.parametrize(("name", "lexicon", "lang"), [
    ("contextasr_dev.jsonl", "contextasr_dev_zh_lexicon.txt", "zh"),
    ("contextasr_dev.jsonl", "contextasr_dev_en_lexicon.txt", "en"),
    ("earnings21_dev.jsonl", "earnings21_dev_en_lexicon.txt", "en"),
])
def test_references_are_left_alone(name: str, lexicon: str, lang: str) -> None:
    refs = _references(name, lang)
    rate, fixes = _rate(Corrector(Lexicon.load(BENCH / lexicon)), refs)
    assert fixes == 0
    assert rate <= 0.2


def _seed_dev_corrected() -> str:
    text_path, gold_path = EVAL / "transcript.txt", EVAL / "gold_dev.jsonl"
    if not (text_path.is_file() and gold_path.is_file()):
        pytest.skip("../shared/eval not available")
    lines = text_path.read_text(encoding="utf-8").split("\n")
    edits: dict[int, list[dict[str, object]]] = {}
    for raw in gold_path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            rec = json.loads(raw)
            edits.setdefault(rec["line"], []).append(rec)
    for n, recs in edits.items():
        line = lines[n - 1]
        spans = []
        for rec in recs:
            idx = -1
            for _ in range(int(rec.get("occurrence", 1))):  # type: ignore[call-overload]
                idx = line.find(str(rec["original"]), idx + 1)
            spans.append((idx, idx + len(str(rec["original"])), str(rec["corrected"])))
        out, pos = [], 0
        for s, e, fix in sorted(spans):
            if s < pos:
                continue
            out += [line[pos:s], fix]
            pos = e
        lines[n - 1] = "".join(out) + line[pos:]
    return "\n".join(lines[:355])


def test_seed_dev_with_gold_fixes_has_no_fix() -> None:
    text = _seed_dev_corrected()
    result = Corrector(Lexicon.load(EVAL / "lexicon_episode.txt")).check(text)
    assert result.fixes == ()
    assert 1e4 * len(result) / len(text) <= 0.5  # target 0.2: see the strict xfail below


@pytest.mark.xfail(strict=True, reason=("1 suggestion in 32k characters: copilot -> Copilot, "
                                        "where the editor kept the common noun"))
def test_seed_dev_with_gold_fixes_meets_target() -> None:
    text = _seed_dev_corrected()
    result = Corrector(Lexicon.load(EVAL / "lexicon_episode.txt")).check(text)
    assert 1e4 * len(result) / len(text) <= 0.2
