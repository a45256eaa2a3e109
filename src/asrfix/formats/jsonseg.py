"""Whisper-style JSON: ``{"segments": [{"start", "end", "text", ...}], "text": ...}`` or a
bare list of segments. Each segment's ``text`` string is a segment; the top-level ``text``,
Whisper's copy of them all, is one only when the list of segments is empty (else every finding
would be reported twice). A fix applied to a segment is carried into that copy where the
segment's text is found there (:func:`mirrored`). The file is otherwise untouched.

Strings may use escapes (``json.dump`` writes Chinese as ``\\uXXXX`` by default): they are
decoded for checking, and replacements are written back escaped the same way.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from .model import Document, Segment

if TYPE_CHECKING:
    from ..edits import Correction

__all__ = ["escape_json", "mirrored", "parse_json"]

_WS = re.compile(r"[ \t\r\n]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Scanner:
    """A JSON reader that records where each string value lies in the raw text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.strings: list[tuple[tuple[object, ...], int, int, str, list[int]]] = []

    def value(self, pos: int, path: tuple[object, ...]) -> int:
        t = self.text
        pos = _WS.match(t, pos).end()  # type: ignore[union-attr]
        c = t[pos:pos + 1]
        if c == "{":
            pos = _WS.match(t, pos + 1).end()  # type: ignore[union-attr]
            if t[pos:pos + 1] == "}":
                return pos + 1
            while True:
                pos = _WS.match(t, pos).end()  # type: ignore[union-attr]
                key, pos, _ = self.string(pos)
                pos = _WS.match(t, pos).end()  # type: ignore[union-attr]
                pos += 1  # ':'
                pos = self.value(pos, (*path, key))
                pos = _WS.match(t, pos).end()  # type: ignore[union-attr]
                if t[pos] == "}":
                    return pos + 1
                pos += 1  # ','
        if c == "[":
            pos = _WS.match(t, pos + 1).end()  # type: ignore[union-attr]
            if t[pos:pos + 1] == "]":
                return pos + 1
            i = 0
            while True:
                pos = self.value(pos, (*path, i))
                pos = _WS.match(t, pos).end()  # type: ignore[union-attr]
                if t[pos] == "]":
                    return pos + 1
                pos += 1
                i += 1
        if c == '"':
            start = pos
            decoded, end, offsets = self.string(pos)
            self.strings.append((path, start + 1, end - 1, decoded, offsets))
            return end
        m = _NUMBER.match(t, pos)
        if m:
            return m.end()
        for word in ("true", "false", "null"):
            if t.startswith(word, pos):
                return pos + len(word)
        raise ValueError(pos)

    def string(self, pos: int) -> tuple[str, int, list[int]]:
        """Decode the string literal at ``pos``: (value, end, raw offset of each char + end)."""
        t = self.text
        out: list[str] = []
        offs: list[int] = []
        i = pos + 1
        while True:
            c = t[i]
            if c == '"':
                offs.append(i)
                return "".join(out), i + 1, offs
            if c == "\\":
                e = t[i + 1]
                if e == "u":
                    code = int(t[i + 2:i + 6], 16)
                    width = 6
                    if 0xD800 <= code < 0xDC00 and t[i + 6:i + 8] == "\\u":
                        low = int(t[i + 8:i + 12], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        width = 12
                    out.append(chr(code))
                else:
                    out.append(_ESC[e])
                    width = 2
                offs.append(i)
                i += width
            else:
                out.append(c)
                offs.append(i)
                i += 1


def parse_json(text: str, path: str) -> Document:
    """Parse a Whisper-style JSON transcript; no segments is an error naming the line."""
    body = text.lstrip("\ufeff")
    skip = len(text) - len(body)
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("segments"), list):
        segments = data["segments"]
        prefix: tuple[object, ...] = ("segments",)
    elif isinstance(data, list):
        segments, prefix = data, ()
    else:
        raise InputError('no segments: expected {"segments": [...]} or a list of segments',
                         path=path, line=1)
    for k, seg in enumerate(segments):
        if not isinstance(seg, dict) or not isinstance(seg.get("text"), str):
            raise InputError(f'segment {k} has no "text" string', path=path,
                             line=_line_of_segment(text, k))
    scanner = _Scanner(text)
    scanner.value(skip, ())
    breaks = [m.start() for m in _NEWLINE.finditer(text)]  # (a segment's line: by bisection)
    out = []
    for spath, s, e, decoded, offs in scanner.strings:
        is_segment_text = (len(spath) == len(prefix) + 2 and tuple(spath[:len(prefix)]) == prefix
                           and spath[-1] == "text" and isinstance(spath[-2], int))
        # (Whisper's top-level text repeats its segments': checked only when there are none)
        is_full_text = prefix and not segments and spath == ("text",)
        if not (is_segment_text or is_full_text) or s == e:
            continue
        index = int(spath[-2]) if is_segment_text else None  # type: ignore[call-overload]
        seg = segments[index] if index is not None else {}
        time = (f"{seg['start']} --> {seg['end']}"
                if isinstance(seg.get("start"), (int, float)) and
                isinstance(seg.get("end"), (int, float)) else None)
        speaker = seg.get("speaker") if isinstance(seg.get("speaker"), str) else None
        line = bisect.bisect_left(breaks, s) + 1
        raw = text[s:e]
        if "\\" in raw:
            ascii_only = "\\u" in raw and raw.isascii()
            out.append(Segment(s, e, line, index, speaker, time, decoded, tuple(offs),
                               "json-ascii" if ascii_only else "json"))
        else:
            out.append(Segment(s, e, line, index, speaker, time))
    out.sort(key=lambda g: g.start)
    return Document(text, "json", tuple(out))


_NEWLINE = re.compile("\n")


def _line_of_segment(text: str, k: int) -> int:
    return 1 + text.count("\n", 0, max(0, _nth_brace(text, k)))


def _nth_brace(text: str, k: int) -> int:
    pos = text.find("[")
    for _ in range(k + 1):
        pos = text.find("{", pos + 1)
        if pos < 0:
            return 0
    return pos


def escape_json(value: str, *, ascii_only: bool) -> str:
    """``value`` as the inside of a JSON string literal."""
    return json.dumps(value, ensure_ascii=ascii_only)[1:-1]


def mirrored(text: str, chosen: Sequence[Correction]) -> list[Correction]:
    """The corrections ``chosen`` for the segments of a Whisper-style JSON document ``text``,
    carried into its top-level ``text`` (Whisper's copy of the segments' texts, joined): each
    segment's text is looked for there, in order, and a correction inside a segment found is
    made again at the same place in the copy. A segment the copy does not hold word for word
    is left out; a document without the copy gives none.

    >>> from asrfix import Corrector
    >>> doc = '{"text": " deep seek rocks", "segments": [{"text": " deep seek rocks"}]}'
    >>> (fix,) = Corrector(["DeepSeek"]).check_document(parse_json(doc, "talk.json"))
    >>> fix.start, [(c.start, c.end, c.replacement) for c in mirrored(doc, [fix])]
    (53, [(11, 20, 'DeepSeek')])
    """
    strings = _strings(text) if chosen else []
    full = next((x for x in reversed(strings) if x[0] == ("text",)), None)  # (the last wins)
    if full is None:
        return []
    _, fs, fe, copy, copy_offsets = full
    ascii_only = "\\u" in text[fs:fe] and text[fs:fe].isascii()
    ordered = sorted(chosen, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    out = []
    cursor = 0
    for path, s, e, decoded, offsets in strings:
        if len(path) != 3 or path[0] != "segments" or path[2] != "text" or not decoded:
            continue
        at = copy.find(decoded, cursor)
        if at < 0:
            continue
        cursor = at + len(decoded)
        escaped = "\\" in text[s:e]
        for c in ordered[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]:
            i, j = bisect.bisect_left(offsets, c.start), bisect.bisect_left(offsets, c.end)
            if c.end > e or offsets[i] != c.start or offsets[j] != c.end:
                continue
            a, b = copy_offsets[at + i], copy_offsets[at + j]
            value = json.loads(f'"{c.replacement}"') if escaped else c.replacement
            out.append(c.model_copy(update={
                "start": a, "end": b, "original": text[a:b],
                "replacement": escape_json(value, ascii_only=ascii_only)}))
    return out


def _strings(text: str) -> list[tuple[tuple[object, ...], int, int, str, list[int]]]:
    """Every string value of the JSON document ``text``: (path, raw start, raw end, decoded
    value, raw offset of each decoded character and of the end); none if it is not JSON."""
    scanner = _Scanner(text)
    try:
        scanner.value(len(text) - len(text.lstrip("\ufeff")), ())
    except (ValueError, IndexError, KeyError):
        return []
    return scanner.strings
