"""Rendering results: text, the stable JSON contract, unified diffs and GitHub annotations.

Computing and rendering are kept apart: nothing here changes a result.

>>> import asrfix
>>> r = asrfix.check("聊 deep seek", ["DeepSeek"])
>>> print(render_text([("a.txt", r)]), end="")
a.txt:1:3: deep seek -> DeepSeek (fix 0.97, format)
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import Literal

from .edits import Correction, Result

__all__ = ["correction_record", "line_col", "render_diff", "render_github", "render_json",
           "render_text"]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def correction_record(text: str, c: Correction) -> dict[str, object]:
    """A correction as the JSON contract's record (with its line and column)."""
    line, col = line_col(text, c.start)
    rec: dict[str, object] = {
        "start": c.start, "end": c.end, "original": c.original, "replacement": c.replacement,
        "term": c.term, "kind": c.kind, "score": c.score, "status": c.status,
        "line": line, "column": col, "evidence": c.evidence.model_dump(),
    }
    if c.location is not None:
        rec["location"] = c.location.model_dump()
    return rec


def render_json(results: Sequence[tuple[str, Result]]) -> str:
    """``{"files": [{"path", "corrections": [...]}]}``: one JSON document for all files."""
    doc = {"files": [{"path": path, "corrections": [correction_record(r.text, c) for c in r]}
                     for path, r in results]}
    return json.dumps(doc, ensure_ascii=False)


_RED, _GREEN, _YELLOW, _DIM, _BOLD, _RESET = ("\033[31m", "\033[32m", "\033[33m", "\033[2m",
                                              "\033[1m", "\033[0m")


def render_text(results: Sequence[tuple[str, Result]], *, color: bool = False) -> str:
    """One line per correction: ``path:line:col: original -> replacement (status score, how)``;
    on a terminal, in colour with the line's context below."""
    lines = []
    for path, r in results:
        for c in r:
            line, col = line_col(r.text, c.start)
            if not color:
                lines.append(f"{path}:{line}:{col}: {c.original} -> {c.replacement} "
                             f"({c.status} {c.score:.2f}, {c.evidence.method})")
                continue
            tier = _GREEN if c.status == "fix" else _YELLOW
            lines.append(f"{_DIM}{path}:{line}:{col}:{_RESET} {_RED}{c.original}{_RESET} -> "
                         f"{tier}{c.replacement}{_RESET} "
                         f"{_DIM}({c.status} {c.score:.2f}, {c.evidence.method}){_RESET}")
            before = r.text[max(0, c.start - 30):c.start].rsplit("\n", 1)[-1]
            after = r.text[c.end:c.end + 30].split("\n", 1)[0]
            lines.append(f"    {before}{_BOLD}{_RED}{c.original}{_RESET}{after}")
    return "".join(x + "\n" for x in lines)


def render_diff(results: Sequence[tuple[str, Result]],
                which: Literal["fix", "all"] = "fix") -> str:
    """A unified diff (``patch -p1`` applies it) of what ``asrfix fix`` would write."""
    chunks = []
    for path, r in results:
        fixed = r.apply(which)
        if fixed == r.text:
            continue
        old, new = r.text.splitlines(keepends=True), fixed.splitlines(keepends=True)
        name = path.removeprefix("./") if path != "-" else "stdin"
        for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
            chunks.append(line if line.endswith("\n") else line + _NO_EOL)
    return "".join(chunks)


_NO_EOL = "\n\\ No newline at end of file\n"


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def render_github(results: Sequence[tuple[str, Result]]) -> str:
    """GitHub Actions workflow commands: a warning per fix, a notice per suggestion."""
    lines = []
    for path, r in results:
        for c in r:
            line, col = line_col(r.text, c.start)
            end_line, end_col = line_col(r.text, c.end)
            level = "warning" if c.status == "fix" else "notice"
            msg = (f"{c.original} -> {c.replacement} ({c.status} {c.score:.2f}, "
                   f"{c.evidence.method})")
            lines.append(f"::{level} file={_gh_escape(path, prop=True)},line={line},col={col},"
                         f"endLine={end_line},endColumn={end_col},title=asrfix::"
                         f"{_gh_escape(msg)}")
    return "".join(x + "\n" for x in lines)
