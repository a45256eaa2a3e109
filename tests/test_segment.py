"""asrfix's own pass over jieba's dictionary segments exactly as jieba does."""

from __future__ import annotations

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix.segment import _RUN, Segmenter, cut

from .conftest import ROOT

#: frequent characters (words form among them), rare ones, and characters outside jieba's
#: range (CJK extension A, compatibility ideographs), which it passes on one by one
ALPHABET = ("的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自"
            "以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种"
            "开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间"
            "斯知世什两次使身者被高已亲其进此话常与活正感机器习智能体顺雨尧舜禹姚")
RARE = "㐀㐁䶵鿖鿿豈丽"


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def _jieba(seg: Segmenter, run: str) -> list[tuple[str, int, int]]:
    tk = seg.tokenizer
    if seg._lazy is not None:
        seg._lazy.ensure(run)
    return list(tk.tokenize(run, HMM=False))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + RARE, min_size=1, max_size=40))
def test_cut_equals_jieba(segmenter: Segmenter, run: str) -> None:
    want = _jieba(segmenter, run)
    assert cut(run, segmenter.tokenizer) == want


def test_cut_equals_jieba_on_the_seed(segmenter: Segmenter) -> None:
    seed = (ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt").read_text(encoding="utf-8")
    runs = [m.group() for m in _RUN.finditer(seed) if m.lastgroup == "cjk"]
    assert len(runs) > 1000
    for run in runs:
        want = _jieba(segmenter, run)  # (loads the dictionary's parts for the run first)
        assert cut(run, segmenter.tokenizer) == want, run


def test_cut_matches_a_fresh_jieba_tokenizer() -> None:
    """Against jieba with its own whole dictionary (no asrfix cache involved)."""
    tk = jieba.Tokenizer()
    tk.initialize()
    text = "今天请到了尧舜禹，他在研究机器学习和智能体。㐀豈"
    for run in (m.group() for m in _RUN.finditer(text) if m.lastgroup == "cjk"):
        assert cut(run, tk) == list(tk.tokenize(run, HMM=False))


def test_a_segmenter_without_the_cache_cuts_as_one_with_it(
        segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch) -> None:
    """With caching off, the segmenter reads jieba's whole dictionary and works out its own
    table of log probabilities: the same tokens as the lazily loaded parts give, and as
    jieba's."""
    monkeypatch.setenv("ASRFIX_NO_CACHE", "1")
    whole = Segmenter()
    text = "今天请到了尧舜禹，他在研究机器学习和智能体 agent。㐀豈研究生命起源"
    assert whole.tokenize(text) == segmenter.tokenize(text)
    assert whole._lazy is None and whole._whole is not None
    tk = whole.tokenizer
    want = [w for m in _RUN.finditer(text) if m.lastgroup == "cjk"
            for w, _, _ in tk.tokenize(m.group(), HMM=False)]
    assert [t.text for t in whole.tokenize(text) if t.kind == "cjk"] == want
