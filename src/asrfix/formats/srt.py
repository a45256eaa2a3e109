"""SubRip (``.srt``): numbered cues with a ``HH:MM:SS,mmm --> HH:MM:SS,mmm`` timing line."""

from __future__ import annotations

import re

from ..errors import InputError
from .model import Document, Segment
from .plain import line_spans

__all__ = ["parse_srt"]

_TIME = r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}"
_TIMING = re.compile(rf"^\s*({_TIME})\s*-->\s*({_TIME})(?:\s+.*)?$")
_TAG = re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}")


def parse_srt(text: str, path: str) -> Document:
    """Parse SRT; a bad timing line or a cue without text is an error naming the line."""
    lines = line_spans(text)
    segs: list[Segment] = []
    i = 0
    while i < len(lines):
        n, s, e = lines[i]
        if s == 0 and text.startswith("\ufeff"):
            s = 1
        if not text[s:e].strip():
            i += 1
            continue
        index_line = text[s:e].strip()
        if not index_line.isdigit():
            raise InputError(f"expected a cue number, found {index_line[:40]!r}", path=path,
                             line=n)
        if i + 1 >= len(lines):
            raise InputError("cue number without a timing line", path=path, line=n)
        tn, ts, te = lines[i + 1]
        timing = _TIMING.match(text[ts:te])
        if not timing:
            raise InputError(f"bad timing line {text[ts:te][:60]!r}: expected "
                             "'HH:MM:SS,mmm --> HH:MM:SS,mmm'", path=path, line=tn)
        time = f"{timing.group(1)} --> {timing.group(2)}"
        j = i + 2
        first = True
        while j < len(lines) and text[lines[j][1]:lines[j][2]].strip():
            ln, ls, le = lines[j]
            segs.extend(_untagged(text, ls, le, ln, int(index_line), time))
            first = False
            j += 1
        if first:
            raise InputError(f"cue {index_line} has no text", path=path, line=tn)
        i = j
    return Document(text, "srt", tuple(segs))


def _untagged(text: str, s: int, e: int, line: int, index: int, time: str) -> list[Segment]:
    """The spans of a cue line outside formatting tags (<i>, {\\an8})."""
    out = []
    pos = s
    for m in _TAG.finditer(text, s, e):
        if m.start() > pos:
            out.append(Segment(pos, m.start(), line, index=index, time=time))
        pos = m.end()
    if e > pos:
        out.append(Segment(pos, e, line, index=index, time=time))
    return out
