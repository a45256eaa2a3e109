"""Transcript formats: plain, speaker-labelled, SRT, WebVTT and Whisper-style JSON.

A parser reads the decoded text of a file and returns a :class:`Document`: the text, untouched,
and the :class:`Segment` spans of it that were spoken. Only segments are checked, so
timestamps, indexes, cue settings, tags and speaker labels are never changed, and a
correction never crosses a segment boundary. Writing is applying corrections to the text, so a
file parsed and written with no correction comes back byte for byte (BOM, CRLF, trailing
white space and all).

>>> doc = parse("1\\n00:00:01,000 --> 00:00:02,500\\n尧舜禹来了\\n", "srt")
>>> [(doc.text[s.start:s.end], s.index, s.time) for s in doc.segments]
[('尧舜禹来了', 1, '00:00:01,000 --> 00:00:02,500')]
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from ..errors import InputError
from .model import Document, Segment

__all__ = ["FORMATS", "Document", "Format", "Segment", "detect_format", "parse"]

Format = Literal["plain", "speaker", "srt", "vtt", "json"]
FORMATS: tuple[str, ...] = ("plain", "speaker", "srt", "vtt", "json")

_BY_SUFFIX = {".srt": "srt", ".vtt": "vtt", ".json": "json"}


def detect_format(path: str, text: str) -> Format:
    """The format of a file by its extension; ``.txt`` and others are plain or speaker-labelled
    (when most non-empty lines start with a ``Name:`` label)."""
    suffix = PurePath(path).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]  # type: ignore[return-value]
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return "vtt"
    from .plain import looks_speaker_labelled

    return "speaker" if looks_speaker_labelled(text) else "plain"


def parse(text: str, fmt: Format, path: str = "<text>") -> Document:
    """Parse decoded ``text`` as ``fmt``; malformed input raises
    :class:`~asrfix.errors.InputError` naming ``path`` and the line."""
    if fmt == "plain":
        from .plain import parse_plain

        return parse_plain(text)
    if fmt == "speaker":
        from .plain import parse_speaker

        return parse_speaker(text)
    if fmt == "srt":
        from .srt import parse_srt

        return parse_srt(text, path)
    if fmt == "vtt":
        from .vtt import parse_vtt

        return parse_vtt(text, path)
    if fmt == "json":
        from .jsonseg import parse_json

        return parse_json(text, path)
    raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}", path=path)
