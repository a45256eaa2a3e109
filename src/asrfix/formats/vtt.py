"""WebVTT (``.vtt``): header, NOTE/STYLE/REGION blocks kept, cues with settings and tags."""

from __future__ import annotations

import re

from ..errors import InputError
from .model import Document, Segment
from .plain import _lines

__all__ = ["parse_vtt"]

_TIME = r"(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}"
_TIMING = re.compile(rf"^\s*({_TIME})\s+-->\s+({_TIME})(?:[ \t]+.*)?$")
_TAG = re.compile(r"<[^>\n]*>")
_LOOKS_TIMED = re.compile(r"\d:\d\d.*-+>")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>\n]+)>")


def parse_vtt(text: str, path: str) -> Document:
    """Parse WebVTT; a missing header, a bad timing line or an empty cue is an error."""
    lines = _lines(text)
    body = text.lstrip("\ufeff")
    if not body.startswith("WEBVTT") or (len(body) > 6 and body[6] not in " \t\r\n"):
        raise InputError("not WebVTT: the file must start with 'WEBVTT'", path=path, line=1)
    segs: list[Segment] = []
    i = 0
    # the header block runs to the first blank line
    while i < len(lines) and text[lines[i][1]:lines[i][2]].strip():
        i += 1
    index = 0
    while i < len(lines):
        n, s, e = lines[i]
        block_start = text[s:e]
        if not block_start.strip():
            i += 1
            continue
        if block_start.startswith(("NOTE", "STYLE", "REGION")):
            while i < len(lines) and text[lines[i][1]:lines[i][2]].strip():
                i += 1
            continue
        timing = _TIMING.match(block_start)
        if not timing and _LOOKS_TIMED.search(block_start):
            raise InputError(f"bad timing line {block_start[:60]!r}: expected "
                             "'MM:SS.mmm --> MM:SS.mmm [settings]'", path=path, line=n)
        if not timing:  # an identifier line, then the timing line
            i += 1
            if i >= len(lines):
                raise InputError("cue identifier without a timing line", path=path, line=n)
            n, s, e = lines[i]
            timing = _TIMING.match(text[s:e])
            if not timing:
                raise InputError(f"bad timing line {text[s:e][:60]!r}: expected "
                                 "'MM:SS.mmm --> MM:SS.mmm [settings]'", path=path, line=n)
        index += 1
        time = f"{timing.group(1)} --> {timing.group(2)}"
        j = i + 1
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
        if j == i + 1:
            raise InputError(f"cue {index} has no text", path=path, line=n)
        i = j
    return Document(text, "vtt", tuple(segs))
