"""An acronym heard with a letter dropped or added, where the document writes it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from asrfix import Corrector
from asrfix.engine.document import one_letter_apart
from asrfix.formats import parse

FIXER = Corrector(["RLHF", "SFT", "OpenAI"])


def _pairs(text: str, **kw: str) -> list[tuple[str, str, str]]:
    return [(c.original, c.replacement, c.status) for c in FIXER.check(text, **kw)]


def test_the_slip_is_offered_only_where_the_acronym_is_written() -> None:
    assert _pairs("我们先做 SSFT 再做对齐") == []
    assert _pairs("SFT 很关键。我们先做 SSFT 再做对齐") == [("SSFT", "SFT", "suggestion")]
    (c,) = FIXER.check("SFT 很关键。我们先做 SSFT 再做对齐")
    assert "written 1 time(s)" in " ".join(c.evidence.notes)


def test_the_document_is_the_evidence_across_segments() -> None:
    part = "我们先做 SSFT 再做对齐。"
    whole = "Speaker 1: SFT 很关键。\nSpeaker 2: " + part + "\n"
    assert _pairs(part, document=whole) == [("SSFT", "SFT", "suggestion")]
    result = FIXER.check_document(parse(whole, "speaker"))
    assert [(c.original, c.replacement) for c in result] == [("SSFT", "SFT")]


LETTERS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=7)


@given(LETTERS, st.data())
def test_a_dropped_letter_inside_is_one_letter_apart(name: str, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(name) - 2))
    if name[k] != name[k + 1] and (k == 0 or name[k] != name[k - 1]):  # (not of a pair)
        assert one_letter_apart(name[:k] + name[k + 1:], name)


@given(LETTERS, st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
def test_the_last_letter_dropped_makes_another_name(name: str, letter: str) -> None:
    assert not one_letter_apart(name, name + letter) or letter == name[-1]  # (AIG, AIGC)


@given(LETTERS, st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
def test_a_letter_added_at_the_end_makes_another_name(name: str, letter: str) -> None:
    assert one_letter_apart(name + letter, name) == (letter == name[-1])  # (SFTP; SFTT)


@given(LETTERS, st.data())
def test_a_letter_doubled_anywhere_isone_letter_apart(name: str, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(name) - 1))
    assert one_letter_apart(name[:k + 1] + name[k:], name)


def test_a_slip_inside_a_web_address_or_written_as_often_is_left() -> None:
    assert _pairs("SFT 很关键，详见 https://example.com/SSFT/page 和 SSFT.pdf") == []
    assert _pairs("SFT 和 SSFT 是两回事，SSFT 更新") == []  # (written twice: its own name)
    assert _pairs("vLLM 部署，VLM 的效果也不错") == []  # (a doubled letter: another name)


def test_spellings_further_apart_are_not() -> None:
    assert not one_letter_apart("RLHF", "RLHF")
    assert not one_letter_apart("RH", "RLHF")
    assert not one_letter_apart("RLAIF", "RLHF")
