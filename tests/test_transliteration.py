"""English terms written in Chinese characters: the runs of transliteration characters
looked at by default, and every window with ``transliterated``: never fewer proposals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon, Term

TERMS = ["Redis", "Snowflake", "Kubernetes", "Postgres", "AlphaGo", "NVIDIA"]
TEXTS = ["缓存我们用的瑞迪斯", "库伯内提斯集群", "数据都放在斯诺弗雷克里", "阿尔法狗赢了",
         "我们都用英伟达的卡", "波斯特格雷斯数据库"]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(TERMS), min_size=1, unique=True), st.sampled_from(TEXTS))
def test_every_window_finds_what_the_runs_find(terms: list[str], text: str) -> None:
    runs = Corrector(Lexicon.from_terms(terms)).check(text)
    every = Corrector(Lexicon.from_terms(terms), transliterated=True).check(text)
    found = {(c.start, c.end, c.replacement) for c in every}
    assert {(c.start, c.end, c.replacement) for c in runs} <= found
    assert all(c.status == "suggestion" for c in (*runs, *every))


def test_a_persons_name_in_transliteration_is_kept() -> None:
    text = "哈萨比斯拿了诺奖"
    assert list(Corrector(Lexicon.from_terms(["Hassabis"])).check(text))  # a name by sound
    person = Term(canonical="Hassabis", kind="person")
    assert list(Corrector(Lexicon.from_terms([person])).check(text)) == []


def test_a_declared_spoken_form_that_is_an_ordinary_word_is_not_applied() -> None:
    lexicon = Lexicon.from_terms([Term(canonical="Claude", spoken=("cloud",)),
                                  Term(canonical="Kubernetes", spoken=("的",))])
    assert list(Corrector(lexicon).check("the cloud is big, 我的天")) == []
    declared = Lexicon.from_terms([Term(canonical="Kubernetes", spoken=("库伯",))])
    assert [c.replacement for c in Corrector(declared).check("我们用库伯部署")] == [
        "Kubernetes"]
