"""Rendering results: text, the stable JSON contract, unified diffs and GitHub annotations.

Computing and rendering are kept apart: nothing here changes a result. Each renderer of many
files is the concatenation of its one-file renderer (``*_file``), so a caller can write the
output file by file as results come. Lines and columns come from a :class:`LineIndex` built
once per text, so rendering is linear in the size of the text and the number of corrections.

>>> import asrfix
>>> r = asrfix.check("聊 deep seek", ["DeepSeek"])
>>> print(render_text([("a.txt", r)]), end="")
a.txt:1:3: deep seek -> DeepSeek (fix 0.97, format)
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Literal

from .edits import Correction, Result, or_alternatives

__all__ = ["LineIndex", "applied_chunks", "correction_record", "json_file_entry", "line_col",
           "render_diff", "render_diff_file", "render_github", "render_github_file",
           "render_json", "render_text", "render_text_file"]


class LineIndex:
    """Where each line of a text starts: line and column of any offset by bisection.

    >>> ix = LineIndex("ab\\ncd\\n")
    >>> ix.line_col(0), ix.line_col(4), ix.line_col(6)
    ((1, 1), (2, 2), (3, 1))
    """

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    def __len__(self) -> int:
        """The number of lines (a text ending in a newline has an empty last line)."""
        return len(self.starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` starts (past the last line: ``end``)."""
        return self.starts[line - 1]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text`` (for one offset;
    for many in the same text, build a :class:`LineIndex` once)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def correction_record(text: str, c: Correction, index: LineIndex | None = None
                      ) -> dict[str, object]:
    """A correction as the JSON contract's record (with its line and column)."""
    line, col = index.line_col(c.start) if index is not None else line_col(text, c.start)
    rec: dict[str, object] = {
        "start": c.start, "end": c.end, "original": c.original, "replacement": c.replacement,
        "term": c.term, "kind": c.kind, "score": c.score, "status": c.status,
        "line": line, "column": col, "evidence": c.evidence.model_dump(),
        "alternatives": list(c.alternatives),
    }
    if c.location is not None:
        rec["location"] = c.location.model_dump()
    return rec


def json_file_entry(path: str, r: Result) -> str:
    """One file's entry of :func:`render_json`'s ``files`` list, as JSON."""
    index = LineIndex(r.text) if r.corrections else None
    entry = {"path": path, "corrections": [correction_record(r.text, c, index) for c in r]}
    return json.dumps(entry, ensure_ascii=False)


def render_json(results: Sequence[tuple[str, Result]]) -> str:
    """``{"files": [{"path", "corrections": [...]}]}``: one JSON document for all files."""
    return '{"files": [' + ", ".join(json_file_entry(p, r) for p, r in results) + "]}"


_RED, _GREEN, _YELLOW, _DIM, _BOLD, _RESET = ("\033[31m", "\033[32m", "\033[33m", "\033[2m",
                                              "\033[1m", "\033[0m")


def _finding(c: Correction) -> str:
    """``original -> replacement (status score, method; or X)``: a finding in one line."""
    return (f"{c.original} -> {c.replacement} "
            f"({c.status} {c.score:.2f}, {c.evidence.method}{or_alternatives(c)})")


def render_text_file(path: str, r: Result, *, color: bool = False) -> str:
    """:func:`render_text` of one file."""
    if not r.corrections:
        return ""
    lines = []
    index = LineIndex(r.text)
    for c in r:
        line, col = index.line_col(c.start)
        if not color:
            lines.append(f"{path}:{line}:{col}: {_finding(c)}")
            continue
        tier = _GREEN if c.status == "fix" else _YELLOW
        lines.append(f"{_DIM}{path}:{line}:{col}:{_RESET} {_RED}{c.original}{_RESET} -> "
                     f"{tier}{c.replacement}{_RESET} "
                     f"{_DIM}({c.status} {c.score:.2f}, {c.evidence.method}"
                     f"{or_alternatives(c)}){_RESET}")
        before = r.text[max(0, c.start - 30):c.start].rsplit("\n", 1)[-1]
        after = r.text[c.end:c.end + 30].split("\n", 1)[0]
        lines.append(f"    {before}{_BOLD}{_RED}{c.original}{_RESET}{after}")
    return "".join(x + "\n" for x in lines)


def render_text(results: Sequence[tuple[str, Result]], *, color: bool = False) -> str:
    """One line per correction: ``path:line:col: original -> replacement (status score, how)``;
    on a terminal, in colour with the line's context below."""
    return "".join(render_text_file(p, r, color=color) for p, r in results)


def applied_chunks(text: str, corrections: Sequence[Correction], start: int = 0,
                   end: int | None = None) -> Iterator[str]:
    """The pieces of ``text[start:end]`` with ``corrections`` (sorted, non-overlapping, inside
    that span) applied, in order: joined, they are :func:`asrfix.edits.apply`'s result,
    without building it."""
    pos = start
    for c in corrections:
        if c.start < pos or text[c.start:c.end] != c.original:
            raise ValueError(f"correction {c.original!r} at {c.start}-{c.end} does not match "
                             "the text or overlaps another")
        yield text[pos:c.start]
        yield c.replacement
        pos = c.end
    yield text[pos:end]


def _split_lines(text: str) -> list[str]:
    """``text`` cut after each newline (``\\n`` only, as ``patch`` reads lines)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


#: lines of context around each change in a diff, as ``diff -u`` and difflib
_CONTEXT = 3


def _changed_blocks(r: Result, chosen: Sequence[Correction], index: LineIndex
                    ) -> list[tuple[int, int, list[str]]]:
    """(first line, end line, new lines): each run of adjacent lines the corrections change,
    0-based and end exclusive, with what the run becomes."""
    runs: list[tuple[int, int, list[Correction]]] = []
    for c in chosen:
        first = index.line_col(c.start)[0] - 1
        last = index.line_col(max(c.start, c.end - 1))[0]
        if runs and first <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(last, runs[-1][1]), [*runs[-1][2], c])
        else:
            runs.append((first, last, [c]))
    blocks = []
    n = len(index)
    for first, last, cs in runs:
        lo = index.line_start(first + 1)
        hi = index.line_start(last + 1) if last < n else len(r.text)
        blocks.append((first, last, _split_lines("".join(applied_chunks(r.text, cs, lo, hi)))))
    return blocks


def _range(start: int, length: int) -> str:
    """A unified diff's range: 1-based start, and the length unless it is 1."""
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _eol(line: str) -> str:
    return line if line.endswith("\n") else line + _NO_EOL


def render_diff_file(path: str, r: Result, which: Literal["fix", "all"] = "fix", *,
                     edits: Sequence[Correction] | None = None) -> str:
    """:func:`render_diff` of one file; ``edits``, where given, are the changes to show
    (sorted, not overlapping) instead of the corrections ``which`` selects."""
    chosen = list(edits) if edits is not None else [
        c for c in r.select(which) if c.replacement != c.original]
    if not chosen:
        return ""
    index = LineIndex(r.text)
    text, starts, n = r.text, index.starts, len(index)

    def old(i: int) -> str:
        return text[starts[i]:starts[i + 1]] if i + 1 < n else text[starts[i]:]

    last_line = n - 1 if text.endswith("\n") or not text else n
    blocks = _changed_blocks(r, chosen, index)
    name = path.removeprefix("./") if path != "-" else "stdin"
    out = [f"--- a/{name}\n", f"+++ b/{name}\n"]
    shift = 0  # new line number minus old line number, before the current hunk
    k = 0
    while k < len(blocks):
        group = [blocks[k]]
        while k + 1 < len(blocks) and blocks[k + 1][0] - group[-1][1] <= 2 * _CONTEXT:
            k += 1
            group.append(blocks[k])
        k += 1
        lo = max(0, group[0][0] - _CONTEXT)
        hi = min(last_line, group[-1][1] + _CONTEXT)
        new_len = (hi - lo) + sum(len(b[2]) - (b[1] - b[0]) for b in group)
        body: list[str] = []
        pos = lo
        for first, last, new in group:
            body += [" " + _eol(old(i)) for i in range(pos, first)]
            body += ["-" + _eol(old(i)) for i in range(first, last)]
            body += ["+" + _eol(x) for x in new]
            pos = last
        body += [" " + _eol(old(i)) for i in range(pos, hi)]
        out.append(f"@@ -{_range(lo, hi - lo)} +{_range(lo + shift, new_len)} @@\n")
        out += body
        shift += new_len - (hi - lo)
    return "".join(out)


def render_diff(results: Sequence[tuple[str, Result]],
                which: Literal["fix", "all"] = "fix") -> str:
    """A unified diff (``patch -p1`` applies it) of what ``asrfix fix`` would write."""
    return "".join(render_diff_file(p, r, which) for p, r in results)


_NO_EOL = "\n\\ No newline at end of file\n"


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def render_github_file(path: str, r: Result) -> str:
    """:func:`render_github` of one file."""
    if not r.corrections:
        return ""
    lines = []
    index = LineIndex(r.text)
    for c in r:
        line, col = index.line_col(c.start)
        end_line, end_col = index.line_col(c.end)
        level = "warning" if c.status == "fix" else "notice"
        msg = _finding(c)
        lines.append(f"::{level} file={_gh_escape(path, prop=True)},line={line},col={col},"
                     f"endLine={end_line},endColumn={end_col},title=asrfix::"
                     f"{_gh_escape(msg)}")
    return "".join(x + "\n" for x in lines)


def render_github(results: Sequence[tuple[str, Result]]) -> str:
    """GitHub Actions workflow commands: a warning per fix, a notice per suggestion."""
    return "".join(render_github_file(p, r) for p, r in results)
