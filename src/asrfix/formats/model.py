"""The document model shared by the format parsers."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Document", "Segment"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A span of spoken text, with where it lies in the format's own terms."""

    start: int
    end: int
    line: int
    index: int | None = None
    speaker: str | None = None
    time: str | None = None
    #: for text stored with escapes (a JSON string): the decoded text, and for each decoded
    #: character (plus one past the end) its offset in the document's text
    decoded: str | None = None
    offsets: tuple[int, ...] | None = None
    #: how a replacement must be written back inside this segment (JSON: escaped)
    escape: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A transcript's decoded text and its spoken segments (sorted, non-overlapping)."""

    text: str
    format: str
    segments: tuple[Segment, ...] = field(default_factory=tuple)
