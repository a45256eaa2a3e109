"""A compound term said by its first part alone, where the document writes the term."""

from __future__ import annotations

from asrfix import Corrector
from asrfix.formats import parse

FIXER = Corrector(["OpenAI", "DeepMind", "deep learning", "Cursor"])


def _pairs(text: str, **kw: str) -> list[tuple[str, str, str]]:
    return [(c.original, c.replacement, c.status) for c in FIXER.check(text, **kw)]


def test_first_part_alone_is_suggested_when_the_term_is_written() -> None:
    text = "他在 OpenAI 工作了一年。即使是 open，大部分资源也会围绕产品。"
    assert _pairs(text) == [("open", "OpenAI", "suggestion")]
    (c,) = FIXER.check(text)
    assert "written 1 time(s)" in " ".join(c.evidence.notes)


def test_nothing_without_the_written_term_or_as_part_of_a_phrase() -> None:
    assert _pairs("即使是 open，大部分资源也会围绕产品。") == []
    assert _pairs("他在 OpenAI 工作。我们用 open source 的模型。") == []
    # ambiguous first part: DeepMind and deep learning are both written
    assert _pairs("DeepMind 和 deep learning 都提到了。后来 deep 就火了。") == []


def test_the_document_is_the_evidence_across_segments() -> None:
    part = "即使是 open，大部分资源也会围绕产品。"
    whole = "Speaker 1: 他在 OpenAI 工作了一年。\nSpeaker 2: " + part + "\n"
    assert _pairs(part) == []
    assert _pairs(part, document=whole) == [("open", "OpenAI", "suggestion")]
    result = FIXER.check_document(parse(whole, "speaker"))
    assert [(c.original, c.replacement) for c in result] == [("open", "OpenAI")]
    assert result.corrections[0].location is not None
