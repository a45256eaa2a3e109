"""Rendering results: human-readable text and the stable JSON contract.

Computing and rendering are kept apart: nothing here changes a result.

>>> import asrfix
>>> r = asrfix.check("聊 deep seek", ["DeepSeek"])
>>> print(render_text([("a.txt", r)]), end="")
a.txt:1:3: deep seek -> DeepSeek (fix 0.97, format)
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .edits import Correction, Result

__all__ = ["correction_record", "line_col", "render_json", "render_text"]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def correction_record(text: str, c: Correction) -> dict[str, object]:
    """A correction as the JSON contract's record (with its line and column)."""
    line, col = line_col(text, c.start)
    return {
        "start": c.start, "end": c.end, "original": c.original, "replacement": c.replacement,
        "term": c.term, "kind": c.kind, "score": c.score, "status": c.status,
        "line": line, "column": col, "evidence": c.evidence.model_dump(),
    }


def render_json(results: Sequence[tuple[str, Result]]) -> str:
    """``{"files": [{"path", "corrections": [...]}]}``: one JSON document for all files."""
    doc = {"files": [{"path": path, "corrections": [correction_record(r.text, c) for c in r]}
                     for path, r in results]}
    return json.dumps(doc, ensure_ascii=False)


_RED, _GREEN, _YELLOW, _DIM, _RESET = "\033[31m", "\033[32m", "\033[33m", "\033[2m", "\033[0m"


def render_text(results: Sequence[tuple[str, Result]], *, color: bool = False) -> str:
    """One line per correction: ``path:line:col: original -> replacement (status score, how)``."""
    lines = []
    for path, r in results:
        for c in r:
            line, col = line_col(r.text, c.start)
            if color:
                tier = _GREEN if c.status == "fix" else _YELLOW
                lines.append(f"{_DIM}{path}:{line}:{col}:{_RESET} {_RED}{c.original}{_RESET} -> "
                             f"{tier}{c.replacement}{_RESET} "
                             f"{_DIM}({c.status} {c.score:.2f}, {c.evidence.method}){_RESET}")
            else:
                lines.append(f"{path}:{line}:{col}: {c.original} -> {c.replacement} "
                             f"({c.status} {c.score:.2f}, {c.evidence.method})")
    return "".join(x + "\n" for x in lines)
