"""Renderers: line and column look-ups, the diff writer against difflib, linear time."""

from __future__ import annotations

import difflib
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix.edits import Correction, Evidence, Result
from asrfix.render import (
    LineIndex,
    line_col,
    render_diff,
    render_github,
    render_json,
    render_text,
)

_EVIDENCE = Evidence(method="pinyin", heard="yao2", expected="yao2", similarity=1.0)


def correction(text: str, start: int, end: int, replacement: str,
               status: str = "fix") -> Correction:
    return Correction(start=start, end=end, original=text[start:end], replacement=replacement,
                      term=replacement, kind="person", score=0.95, status=status,
                      evidence=_EVIDENCE)


@given(st.text(alphabet="ab\n\r", max_size=40), st.data())
def test_line_index_agrees_with_counting(text: str, data: st.DataObject) -> None:
    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    assert index.line_col(offset) == line_col(text, offset)


def _difflib_diff(name: str, old: str, new: str) -> str:
    out = []
    for line in difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                     f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 60), st.booleans(), st.data())
def test_diff_is_difflibs_unified_diff(n_lines: int, final_newline: bool,
                                       data: st.DataObject) -> None:
    lines = [f"第{i}行 words {i} 尧舜禹" for i in range(n_lines)]
    text = "\n".join(lines) + ("\n" if final_newline else "")
    picked = sorted(data.draw(st.sets(st.integers(0, n_lines - 1), max_size=n_lines)))
    cs = []
    for i in picked:
        start = text.index(f"第{i}行 ") + len(f"第{i}行 words {i} ")
        cs.append(correction(text, start, start + 3, f"姚顺雨{i}"))
    r = Result(text=text, corrections=tuple(cs))
    assert render_diff([("./t.txt", r)]) == _difflib_diff("t.txt", text, r.apply())


def test_diff_of_a_correction_spanning_lines() -> None:
    text = "one\ntwo\nthree\n"
    r = Result(text=text, corrections=(correction(text, 2, 5, "E T"),))
    assert render_diff([("t", r)]) == _difflib_diff("t", text, r.apply())
    assert render_diff([("t", Result(text=text))]) == ""


def test_rendering_is_linear_in_the_text() -> None:
    """20,000 corrections in a 2 M character text render in well under a second each way
    (counting lines from the start for each correction takes minutes)."""
    line = "今天请到了尧舜禹" + "x" * 92 + "\n"
    text = line * 20_000
    cs = tuple(Correction.model_construct(
        start=i * len(line) + 5, end=i * len(line) + 8, original="尧舜禹", replacement="姚顺雨",
        term="姚顺雨", kind="person", score=0.95, status="fix", evidence=_EVIDENCE,
        location=None) for i in range(20_000))
    r = Result.model_construct(text=text, corrections=cs)
    for render in (render_json, render_github, render_text, render_diff):
        t0 = time.perf_counter()
        out = render([("t.txt", r)])
        assert time.perf_counter() - t0 < 5.0, render.__name__
        assert "姚顺雨" in out
    assert render_text([("t.txt", r)]).splitlines()[-1].startswith("t.txt:20000:6: ")
