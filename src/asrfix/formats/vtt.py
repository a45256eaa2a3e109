"""WebVTT (``.vtt``): header, NOTE/STYLE/REGION blocks kept, cues with settings and tags."""

from __future__ import annotations

import re

from ..errors import InputError
from .model import Document, Segment
from .plain import line_spans

__all__ = ["parse_vtt"]

_TIME = r"(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}"
_TIMING = re.compile(rf"^\s*({_TIME})\s+-->\s+({_TIME})(?:[ \t]+.*)?$")
_TAG = re.compile(r"<[^>\n]*>")
_LOOKS_TIMED = re.compile(r"\d:\d\d.*-+>")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>\n]+)>")


def parse_vtt(text: str, path: str) -> Document:
    """Parse WebVTT; a missing header, a bad timing line or an empty cue is an error."""
    lines = line_spans(text)
    body = text.lstrip("\ufeff")
    if not body.startswith("WEBVTT") or (len(body) > 6 and body[6] not in " \t\r\n"):
        raise InputError("not WebVTT: the file must start with 'WEBVTT'", path=path, line=1)
    segs: list[Segment] = []
    i = _block_end(text, lines, 0)  # (the header block runs to the first blank line)
    index = 0
    while i < len(lines):
        n, s, e = lines[i]
        block_start = text[s:e]
        if not block_start.strip():
            i += 1
            continue
        if block_start.startswith(("NOTE", "STYLE", "REGION")):
            i = _block_end(text, lines, i)
            continue
        timing, i, n = _timing(text, lines, i, path)
        index += 1
        time = f"{timing.group(1)} --> {timing.group(2)}"
        j = _cue_text(text, lines, i + 1, index, time, segs)
        if j == i + 1:
            raise InputError(f"cue {index} has no text", path=path, line=n)
        i = j
    return Document(text, "vtt", tuple(segs))


def _block_end(text: str, lines: list[tuple[int, int, int]], i: int) -> int:
    """The index of the first blank line from ``i`` on (or past the last line)."""
    while i < len(lines) and text[lines[i][1]:lines[i][2]].strip():
        i += 1
    return i


def _timing(text: str, lines: list[tuple[int, int, int]], i: int,
            path: str) -> tuple[re.Match[str], int, int]:
    """The timing of the cue whose block starts at line ``i`` (after its identifier, if it
    has one), with the index and number of the timing line."""
    n, s, e = lines[i]
    timing = _TIMING.match(text[s:e])
    if not timing and _LOOKS_TIMED.search(text[s:e]):
        raise InputError(f"bad timing line {text[s:e][:60]!r}: expected "
                         "'MM:SS.mmm --> MM:SS.mmm [settings]'", path=path, line=n)
    if timing:
        return timing, i, n
    i += 1  # an identifier line, then the timing line
    if i >= len(lines):
        raise InputError("cue identifier without a timing line", path=path, line=n)
    n, s, e = lines[i]
    timing = _TIMING.match(text[s:e])
    if not timing:
        raise InputError(f"bad timing line {text[s:e][:60]!r}: expected "
                         "'MM:SS.mmm --> MM:SS.mmm [settings]'", path=path, line=n)
    return timing, i, n


def _cue_text(text: str, lines: list[tuple[int, int, int]], j: int, index: int, time: str,
              segs: list[Segment]) -> int:
    """Append the spans of the cue text lines from ``j`` on that lie outside tags (a ``<v>``
    voice tag names the speaker from its line on); returns the index of the line after them."""
    speaker: str | None = None
    while j < len(lines) and text[lines[j][1]:lines[j][2]].strip():
        ln, ls, le = lines[j]
        voice = _VOICE.search(text, ls, le)
        if voice:
            speaker = voice.group(1).strip()
        pos = ls
        for m in _TAG.finditer(text, ls, le):
            if m.start() > pos:
                segs.append(Segment(pos, m.start(), ln, index, speaker, time))
            pos = m.end()
        if le > pos:
            segs.append(Segment(pos, le, ln, index, speaker, time))
        j += 1
    return j
