"""A Whisper JSON segment's line number is the line its text starts on, however the file is
laid out (the line of each segment is found by bisection, not by counting from the start)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix.formats import parse


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab 聊\n\"\\é", min_size=1, max_size=12), min_size=1,
                max_size=12),
       st.sampled_from([None, 0, 2]), st.booleans())
def test_segment_lines_are_the_lines_their_text_starts_on(texts: list[str], indent: int | None,
                                                          ascii_only: bool) -> None:
    doc = {"text": " ".join(texts),
           "segments": [{"id": k, "start": k, "end": k + 1, "text": t}
                        for k, t in enumerate(texts)]}
    raw = json.dumps(doc, ensure_ascii=ascii_only, indent=indent)
    parsed = parse(raw, "json", "talk.json")
    assert parsed.segments
    for seg in parsed.segments:
        assert seg.line == raw.count("\n", 0, seg.start) + 1
