"""Plain text (every line spoken) and speaker-labelled text (``Speaker 1: …``, ``张三：…``)."""

from __future__ import annotations

import re

from .model import Document, Segment

__all__ = ["line_spans", "looks_speaker_labelled", "parse_plain", "parse_speaker"]

# a label: up to 32 characters without sentence punctuation, then a colon (ASCII or full width)
_LABEL = re.compile(
    r"(?P<label>[^\s:：,，.。!?！？\"“”][^:：\n,，.。!?！？]{0,31}?)\s*[:：][ \t\u3000]*")


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of each line, without its line break."""
    out = []
    pos = 0
    for n, line in enumerate(text.split("\n"), 1):
        end = pos + len(line)
        stripped_end = end - 1 if line.endswith("\r") else end
        out.append((n, pos, stripped_end))
        pos = end + 1
    return out


def looks_speaker_labelled(text: str) -> bool:
    """Whether most non-empty lines start with a speaker label."""
    lines = [ln for ln in text.lstrip("\ufeff").splitlines() if ln.strip()]
    if not lines:
        return False
    labelled = sum(1 for ln in lines if _LABEL.match(ln))
    return labelled >= 0.6 * len(lines)


def parse_plain(text: str) -> Document:
    """Every non-empty line is a segment."""
    segs = []
    for n, s, e in line_spans(text):
        if s == 0 and text.startswith("\ufeff"):
            s = 1
        if e > s:
            segs.append(Segment(s, e, n, index=n))
    return Document(text, "plain", tuple(segs))


def parse_speaker(text: str) -> Document:
    """Lines are ``Label: words``; the label is never part of a segment. A line without a
    label continues the previous speaker."""
    segs = []
    speaker: str | None = None
    for n, s, e in line_spans(text):
        if s == 0 and text.startswith("\ufeff"):
            s = 1
        m = _LABEL.match(text, s, e)
        if m:
            speaker = m.group("label").strip()
            s = m.end()
        if e > s:
            segs.append(Segment(s, e, n, index=n, speaker=speaker))
    return Document(text, "speaker", tuple(segs))
