"""Terms competing for one window: the finer alignment of their sounds decides which wins
(a syllable's onset counts in full, a closing consonant or a vowel's glide by half)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon, Result
from asrfix.phonetics import aligned_similarity

PHONES = st.text(alphabet="ptkbdgmnlrsfvzhwyaeiouESJCN", max_size=12)


def test_the_term_whose_onsets_are_heard_wins_a_tie() -> None:
    text = "最近 deep flight 很火"
    corrector = Corrector(Lexicon.from_terms(["DeepFight", "DeepFly"]))
    scores = {c.replacement: (c.score, c.notes) for c in corrector.candidates(text)}
    assert scores["DeepFly"][0] > scores["DeepFight"][0]  # "fl" heard; a final t added
    assert "another term sounds closer" in scores["DeepFight"][1]
    (c,) = corrector.check(text)
    assert (c.original, c.replacement, c.status) == ("deep flight", "DeepFly", "suggestion")


def test_a_lone_term_keeps_its_score() -> None:
    text = "最近 deep flight 很火"
    alone = Corrector(Lexicon.from_terms(["DeepFight"])).candidates(text)
    assert [c.notes for c in alone] == [()]


@given(PHONES, PHONES)
def test_aligned_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    value = aligned_similarity(a, b)
    assert value == aligned_similarity(b, a)
    assert 0.0 <= value <= 1.0
    assert (value == 1.0) == (a == b != "")


@given(PHONES.filter(bool))
def test_a_string_is_fully_like_itself(a: str) -> None:
    assert aligned_similarity(a, a) == 1.0


def test_a_term_the_match_extends_is_no_rival_where_the_rest_is_heard_as_written() -> None:
    lexicon = Lexicon.from_terms(["Lumina-V2", "Lumina-V2-Flash"])
    (c,) = Corrector(lexicon).check("我们试了 lumeno v2 flash 这个模型")
    assert (c.replacement, c.status) == ("Lumina-V2-Flash", "fix")


def test_a_term_the_match_extends_stays_a_rival_where_chinese_follows_it() -> None:
    for terms, text in ((["Claude", "Claude Code"], "这个月 claud 扣了我很多钱"),
                        (["GPT", "GPT-4o"], "我们用 GBT 四欧 写代码")):
        result = Corrector(Lexicon.from_terms(terms)).check(text)
        assert result.corrections and all(c.status == "suggestion" for c in result)


def test_the_terms_that_competed_are_the_alternatives() -> None:
    text = "最近 deep flight 很火"
    (c,) = Corrector(Lexicon.from_terms(["DeepFight", "DeepFly"])).check(text)
    assert c.alternatives == ("DeepFight",)
    (alone,) = Corrector(Lexicon.from_terms(["DeepFly"])).check(text)
    assert alone.alternatives == ()


def test_a_part_of_the_term_is_no_alternative() -> None:
    """A shorter term the chosen one holds (its family) competes for the span, but is no
    other reading of it."""
    (c,) = Corrector(Lexicon.from_terms(["刘德华", "刘德华演唱会"])).check("今晚的刘德化演唱会")
    assert (c.replacement, c.alternatives) == ("刘德华演唱会", ())


def test_a_term_spelled_inside_another_is_still_an_alternative() -> None:
    (c,) = Corrector(Lexicon.from_terms(["Llama", "Lama"])).check("我们用 lamma 模型")
    assert (c.replacement, c.alternatives) == ("Llama", ("Lama",))


def test_alternatives_are_in_every_output() -> None:
    (c,) = Corrector(Lexicon.from_terms(["DeepFight", "DeepFly"])).check("最近 deep flight 很火")
    result = Result(text="最近 deep flight 很火", corrections=(c,))
    assert "; or DeepFight" in str(result)
    assert result.to_records()[0]["alternatives"] == "DeepFight"
    assert "or: DeepFight" in result._repr_html_()
    assert Result.from_json(result.to_json()) == result
