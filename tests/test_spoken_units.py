"""What check_document checks as one utterance: a Whisper segment once."""

from __future__ import annotations

import json

import pytest

from asrfix import Corrector
from asrfix.formats import parse


@pytest.fixture(scope="module")
def fixer() -> Corrector:
    return Corrector(["DeepSeek", "姚顺雨", "OpenAI"])


def pairs(fixer: Corrector, text: str, fmt: str = "srt") -> list[tuple[str, str]]:
    return [(c.original, c.replacement) for c in fixer.check_document(parse(text, fmt))]


WHISPER = {"text": "今天请到了尧舜禹。聊聊 deep seek。",
           "segments": [{"id": 0, "start": 0.0, "end": 1.0, "text": "今天请到了尧舜禹。"},
                        {"id": 1, "start": 1.0, "end": 2.0, "text": "聊聊 deep seek。"}]}


@pytest.mark.parametrize("ascii_only", [True, False])
def test_whisper_findings_are_reported_once(fixer: Corrector, ascii_only: bool) -> None:
    raw = json.dumps(WHISPER, ensure_ascii=ascii_only)
    result = fixer.check_document(parse(raw, "json"))
    assert [(c.term, c.location.segment if c.location else None) for c in result] == [
        ("姚顺雨", 0), ("DeepSeek", 1)]
    data = json.loads(result.apply("all"))
    assert [s["text"] for s in data["segments"]] == ["今天请到了姚顺雨。", "聊聊 DeepSeek。"]


def test_whisper_text_without_segments_is_checked(fixer: Corrector) -> None:
    raw = json.dumps({"text": "今天请到了尧舜禹。", "segments": []}, ensure_ascii=False)
    assert pairs(fixer, raw, "json") == [("尧舜禹", "姚顺雨")]
