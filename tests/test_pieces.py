"""A long text is checked in pieces of whole lines, with the result of checking it whole."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon, Result, pieces
from asrfix.pieces import check_in_pieces, line_groups

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt").read_text(encoding="utf-8")
SHOW = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.toml"
#: the seed's first 30,000 characters or so, cut at a line end
PART = SEED[:SEED.index("\n", 30_000) + 1]


@pytest.fixture(scope="module")
def fixer() -> Corrector:
    return Corrector(Lexicon.default() + Lexicon.load(SHOW))


def split_check(fixer: Corrector, text: str, size: int, **kwargs: str) -> Result:
    """``fixer.check`` with every text split into pieces of about ``size`` characters."""
    with mock.patch.object(pieces, "SPLIT_ABOVE", 0), \
            mock.patch.object(pieces, "PIECE_CHARS", size):
        return fixer.check(text, **kwargs)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab \n\r", max_size=60), size=st.integers(0, 12))
def test_line_groups_are_whole_lines_covering_the_text(text: str, size: int) -> None:
    spans = line_groups(text, size)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b0 == a1 for (_, b0), (a1, _) in pairwise(spans))
    for a, b in spans[:-1]:
        assert text[b - 1] == "\n" and b - a >= size  # (never cut inside a line)


def test_the_seed_split_anywhere_gives_the_whole_checks_corrections(fixer: Corrector) -> None:
    whole = fixer.check(SEED)
    assert len(whole) > 100
    split = split_check(fixer, SEED, 10_000)
    assert split == whole  # (the same text, corrections, offsets, scores and notes)


@settings(max_examples=12, deadline=None)
@given(size=st.integers(1, 12_000))
def test_any_piece_size_gives_the_same_corrections(fixer: Corrector, size: int) -> None:
    assert split_check(fixer, PART, size) == fixer.check(PART)


def test_a_part_checked_in_pieces_keeps_the_documents_evidence(fixer: Corrector) -> None:
    part = SEED[SEED.index("\n", 20_000) + 1:SEED.index("\n", 40_000) + 1]
    whole = fixer.check(part, document=SEED)
    assert split_check(fixer, part, 2_000, document=SEED) == whole
    notes = [n for c in whole for n in c.evidence.notes]
    assert any("in this text" in n for n in notes)  # (a term the whole document writes)


def test_a_text_below_the_threshold_is_checked_whole() -> None:
    seen: list[str] = []

    def check(text: str) -> Result:
        seen.append(text)
        return Result(text=text)

    text = "一行\n" * 1000
    assert check_in_pieces(text, check, split_above=len(text)) == Result(text=text)
    assert seen == [text]


def test_pieces_of_a_long_text_are_bounded() -> None:
    line = "我们聊聊 deep seek 和 open a。\n"
    text = line * (1_000_000 // len(line))
    seen: list[int] = []

    def check(piece: str) -> Result:
        seen.append(len(piece))
        assert piece.endswith("\n") and text.startswith(piece[:len(line)])  # (whole lines)
        return Result(text=piece)

    check_in_pieces(text, check, margin=30)
    assert len(seen) == len(text) // pieces.PIECE_CHARS
    assert max(seen) <= pieces.PIECE_CHARS + 3 * len(line) + 2 * 64


def test_letters_for_an_acronym_are_judged_by_the_whole_document() -> None:
    # other letters for an acronym are a suggestion unless the document writes the term;
    # here it is written in the first line, pieces away from the letters heard
    filler = "今天我们先聊一些别的话题，比如最近的天气和交通。\n" * 400
    text = "我们的产品都要过 GDPR 合规审查。\n" + filler + "后来他又提到 GPR 的那些要求。\n"
    fixer = Corrector(Lexicon.from_terms(["GDPR"]))
    whole = fixer.check(text)
    assert [(c.original, c.status) for c in whole] == [("GPR", "fix")]
    assert split_check(fixer, text, 1_000) == whole
