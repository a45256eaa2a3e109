"""``fix`` on a Whisper-style JSON transcript keeps the top-level ``text``, Whisper's copy of
the segments' texts, in step with them; a copy that differs is left as it is."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix.cli import main

LEXICON = "姚顺雨\nDeepSeek\n"
PHRASES = ["我们请到了尧舜禹", " 聊聊 deep seek", "，谢谢", " 今天天气不错", "\"引号\"", "\\"]


def whisper(texts: list[str], *, ascii_only: bool = True, indent: int | None = None) -> str:
    doc = {"text": "".join(texts),
           "segments": [{"id": k, "start": k, "end": k + 1, "text": t}
                        for k, t in enumerate(texts)]}
    return json.dumps(doc, ensure_ascii=ascii_only, indent=indent)


def fix(tmp_path: Path, doc: str, *options: str) -> str:
    (tmp_path / "lex.txt").write_text(LEXICON, encoding="utf-8")
    path = tmp_path / "talk.json"
    path.write_text(doc, encoding="utf-8")
    out = io.StringIO()
    main(["fix", str(path), "--no-default-lexicons", "-l", str(tmp_path / "lex.txt"),
          *options], stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_copy_gets_the_segments_fixes(tmp_path: Path, ascii_only: bool) -> None:
    out = json.loads(fix(tmp_path, whisper(["我们请到了尧舜禹，", "聊聊 deep seek。"],
                                           ascii_only=ascii_only, indent=2)))
    assert [s["text"] for s in out["segments"]] == ["我们请到了姚顺雨，", "聊聊 DeepSeek。"]
    assert out["text"] == "我们请到了姚顺雨，聊聊 DeepSeek。"


def test_fix_in_place_writes_the_copy_too(tmp_path: Path) -> None:
    fix(tmp_path, whisper(["我们请到了尧舜禹"]), "-w")
    out = json.loads((tmp_path / "talk.json").read_text(encoding="utf-8"))
    assert out["text"] == out["segments"][0]["text"] == "我们请到了姚顺雨"


def test_a_copy_that_differs_from_the_segment_is_left_alone(tmp_path: Path) -> None:
    doc = json.dumps({"text": "我们请到了 尧舜禹", "segments": [{"text": "我们请到了尧舜禹"}]})
    out = json.loads(fix(tmp_path, doc))
    assert out["segments"][0]["text"] == "我们请到了姚顺雨"
    assert out["text"] == "我们请到了 尧舜禹"


def test_a_segment_found_inside_a_longer_copy_is_fixed_there(tmp_path: Path) -> None:
    doc = json.dumps({"text": "（摘要）我们请到了尧舜禹",
                      "segments": [{"text": "我们请到了尧舜禹"}]})
    assert json.loads(fix(tmp_path, doc))["text"] == "（摘要）我们请到了姚顺雨"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=3).map("".join),
                min_size=1, max_size=4),
       st.booleans())
def test_the_copy_stays_the_segments_joined(tmp_path_factory: pytest.TempPathFactory,
                                            texts: list[str], ascii_only: bool) -> None:
    out = json.loads(fix(tmp_path_factory.mktemp("w"), whisper(texts, ascii_only=ascii_only)))
    assert out["text"] == "".join(s["text"] for s in out["segments"])
    assert "尧舜禹" not in out["text"]


def test_the_diff_of_check_shows_the_copy_changed_too(tmp_path: Path) -> None:
    """``check --format diff`` shows what ``fix`` writes: a patch that gives the fixed file."""
    doc = whisper(["我们请到了尧舜禹"], ascii_only=False, indent=2)
    fixed = fix(tmp_path, doc)
    (tmp_path / "lex.txt").write_text(LEXICON, encoding="utf-8")
    out = io.StringIO()
    main(["check", str(tmp_path / "talk.json"), "--no-default-lexicons", "-l",
          str(tmp_path / "lex.txt"), "--format", "diff"], stdout=out)
    removed = [line for line in out.getvalue().splitlines() if line.startswith("-")][1:]
    added = [line for line in out.getvalue().splitlines() if line.startswith("+")][1:]
    assert len(removed) == len(added) == 2
    assert [a[1:] for a in added] == [r[1:].replace("尧舜禹", "姚顺雨") for r in removed]
    assert all(a[1:] in fixed.splitlines() for a in added)


def test_the_last_of_two_top_level_texts_is_the_copy(tmp_path: Path) -> None:
    """As JSON readers keep the last of repeated keys, so does the copy's fix."""
    doc = ('{"text": "别的", "segments": [{"text": "我们请到了尧舜禹"}], '
           '"text": "我们请到了尧舜禹"}')
    out = fix(tmp_path, doc)
    assert json.loads(out)["text"] == "我们请到了姚顺雨"
    assert out.startswith('{"text": "别的"')
