"""What check_document checks as one utterance: a subtitle cue's lines together, a Whisper
segment once."""

from __future__ import annotations

import json

import pytest

from asrfix import Corrector
from asrfix.formats import parse

TIMING = "00:00:01,000 --> 00:00:02,000"


@pytest.fixture(scope="module")
def fixer() -> Corrector:
    return Corrector(["DeepSeek", "姚顺雨", "OpenAI"])


def srt(*cues: str, nl: str = "\n") -> str:
    return nl.join(f"{i}{nl}{TIMING}{nl}{cue.replace(chr(10), nl)}{nl}"
                   for i, cue in enumerate(cues, 1))


def pairs(fixer: Corrector, text: str, fmt: str = "srt") -> list[tuple[str, str]]:
    return [(c.original, c.replacement) for c in fixer.check_document(parse(text, fmt))]


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_a_term_split_over_a_cues_two_lines_is_replaced_whole(fixer: Corrector, nl: str) -> None:
    # (DeepSeek written in the first cue made "deep" alone a suggestion: half the term)
    text = srt("DeepSeek 的模型很强", "我们聊聊 deep\nseek 的模型", nl=nl)
    result = fixer.check_document(parse(text, "srt"))
    assert [(c.original, c.replacement) for c in result] == [(f"deep{nl}seek", "DeepSeek")]
    assert result.corrections[0].location is not None
    assert result.corrections[0].location.segment == 2
    fixed = result.apply("all")
    assert fixed == srt("DeepSeek 的模型很强", "我们聊聊 DeepSeek 的模型", nl=nl)  # one line
    assert len(parse(fixed, "srt").segments) == 2


def test_chinese_split_over_two_lines(fixer: Corrector) -> None:
    assert pairs(fixer, srt("今天请到了尧舜\n禹，聊聊大模型")) == [("尧舜\n禹", "姚顺雨")]


def test_a_tag_between_the_lines_is_never_swallowed(fixer: Corrector) -> None:
    text = srt("<i>我们聊聊 deep</i>\nseek 的模型")
    result = fixer.check_document(parse(text, "srt"))
    assert all("<" not in c.original and ">" not in c.original for c in result)
    assert "</i>" in result.apply("all")


def test_dialogue_lines_are_separate_utterances(fixer: Corrector) -> None:
    assert pairs(fixer, srt("- 我们聊聊 open\n- AI 是什么")) == []
    vtt = ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v 甲>我们聊聊 open\n<v 乙>AI 是什么\n\n"
           "00:02.000 --> 00:03.000\n<v 甲>我们聊聊 open\nAI 是什么\n")
    result = Corrector(["OpenAI"]).check_document(parse(vtt, "vtt"))
    assert [(c.original, c.replacement, c.location.speaker if c.location else None)
            for c in result] == [("open\nAI", "OpenAI", "甲")]


def test_each_line_alone_is_checked_as_before(fixer: Corrector) -> None:
    text = srt("今天我们请到了尧舜禹，\n聊聊 deep seek 和 open a。")
    assert pairs(fixer, text) == [("尧舜禹", "姚顺雨"), ("deep seek", "DeepSeek"),
                                  ("open a", "OpenAI")]


def test_plain_text_lines_are_not_joined(fixer: Corrector) -> None:
    assert pairs(fixer, "我们聊聊 deep\nseek 的模型\n", "plain") == []


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
