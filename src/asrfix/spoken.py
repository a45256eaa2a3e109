"""The utterances of a parsed transcript: what :meth:`~asrfix.Corrector.check_document`
checks as one text each.

A segment of the document is one utterance, except in subtitles (SRT, WebVTT), where a cue's
lines are one utterance broken for display: they are checked together, joined by a space, so
that a term the line break cuts (``deep`` | ``seek``) is heard whole. The rule for such a
term: it is replaced whole, the line break with it, so the cue's two lines join at that point
(``deep⏎seek`` → ``DeepSeek``). A cue's lines stay apart where a new speaker begins (a WebVTT
``<v>`` voice tag naming someone else, or a dialogue dash ``-`` at the start of a line), and a
correction that would cover a tag (``</i>`` between the lines) is dropped: tags are never
touched.

>>> from asrfix.formats import parse
>>> doc = parse("1\\n00:00:01,000 --> 00:00:02,000\\n聊聊 deep\\nseek 的模型\\n", "srt")
>>> [u.text for u in utterances(doc)]
['聊聊 deep seek 的模型']
>>> u = utterances(doc)[0]
>>> start, end = u.span(3, 12)
>>> doc.text[start:end]
'deep\\nseek'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .edits import Location
from .formats import Document, Segment

__all__ = ["Utterance", "utterances"]

#: formats whose segments of one cue are lines of one utterance
_CUED = frozenset({"srt", "vtt"})
#: a dialogue dash at the start of a subtitle line: another speaker's line
_DIALOGUE = re.compile(r"[ \t]*[-‐–—]")


@dataclass(frozen=True, slots=True)
class Utterance:
    """A text to check and how its offsets map into the document's text."""

    #: the text as heard (a JSON string decoded; a cue's lines joined by spaces)
    text: str
    #: the document offset of each character of ``text``, and one past its end
    offsets: Sequence[int]
    #: positions in ``text`` of joining spaces that stand for a tag: never inside a correction
    blocked: tuple[int, ...]
    location: Location
    #: how a replacement is written back (``json``, ``json-ascii``: escaped), or ``None``
    escape: str | None = None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The document span of ``text[start:end]``, or ``None`` if it would cover a tag."""
        if any(start <= b < end for b in self.blocked):
            return None
        return self.offsets[start], self.offsets[end]


def utterances(doc: Document) -> list[Utterance]:
    """The document's utterances, in order (see the module's note)."""
    segs = doc.segments
    out: list[Utterance] = []
    i = 0
    while i < len(segs):
        j = i + 1
        if doc.format in _CUED:
            while j < len(segs) and _continues(doc.text, segs[j - 1], segs[j]):
                j += 1
        out.append(_utterance(doc.text, segs[i:j]))
        i = j
    return out


def _continues(text: str, prev: Segment, seg: Segment) -> bool:
    """Whether ``seg`` goes on with the utterance ``prev`` is part of."""
    if seg.index != prev.index or seg.speaker != prev.speaker or seg.decoded is not None:
        return False
    return seg.line == prev.line or not _DIALOGUE.match(text, seg.start)


def _utterance(text: str, segs: Sequence[Segment]) -> Utterance:
    first = segs[0]
    where = Location(segment=first.index, speaker=first.speaker, time=first.time)
    if len(segs) == 1:
        if first.decoded is not None and first.offsets is not None:
            return Utterance(first.decoded, first.offsets, (), where, first.escape)
        return Utterance(text[first.start:first.end], range(first.start, first.end + 1), (),
                         where)
    parts: list[str] = []
    offsets: list[int] = []
    blocked: list[int] = []
    size = 0
    for k, seg in enumerate(segs):
        if k:
            prev_end = segs[k - 1].end
            if text[prev_end:seg.start].strip():
                blocked.append(size)  # (a tag lies between: no correction across it)
            parts.append(" ")
            offsets.append(prev_end)
            size += 1
        parts.append(text[seg.start:seg.end])
        offsets.extend(range(seg.start, seg.end))
        size += seg.end - seg.start
    offsets.append(segs[-1].end)
    return Utterance("".join(parts), offsets, tuple(blocked), where)
