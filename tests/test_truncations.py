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


def test_ambiguous_in_the_lexicon_even_where_one_term_is_written() -> None:
    text = "他在 OpenAI 工作了一年。即使是 open，大部分资源也会围绕产品。"
    both = Corrector(["OpenAI", "OpenRouter"])
    assert [c.original for c in both.check(text)] == []
    # written again and again, the term owns its first part
    again = "OpenAI 发了新模型，OpenAI 也发了新产品。即使是 open，资源也会围绕产品。"
    assert [(c.original, c.replacement) for c in both.check(again)] == [("open", "OpenAI")]
    # a term the first part's own term begins with is no rival ("space" for SpaceX)
    extended = Corrector(["SpaceX", "SpaceX AI"])
    said = "SpaceX 发了新火箭。这个时候 space 去救它是为了啥"
    assert [(c.original, c.replacement) for c in extended.check(said)] == [
        ("space", "SpaceX")]


def test_the_document_is_the_evidence_across_segments() -> None:
    part = "即使是 open，大部分资源也会围绕产品。"
    whole = "Speaker 1: 他在 OpenAI 工作了一年。\nSpeaker 2: " + part + "\n"
    assert _pairs(part) == []
    assert _pairs(part, document=whole) == [("open", "OpenAI", "suggestion")]
    result = FIXER.check_document(parse(whole, "speaker"))
    assert [(c.original, c.replacement) for c in result] == [("open", "OpenAI")]
    assert result.corrections[0].location is not None
