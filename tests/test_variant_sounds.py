"""Known variants heard as several words are also sound keys of their term: the way speech
recognition splits it (拆 GPT, a topic) carries over to near renderings (拆 GB, the topic)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon, Term
from asrfix.index import variant_pronunciations

CANONICAL = Lexicon.from_terms(["Anthropic", "ChatGPT", "GitHub", "agent"])
LEARNED = Lexicon.from_terms([
    Term(canonical="Anthropic", variants=("a topic",)),
    Term(canonical="ChatGPT", variants=("插 GPT", "拆 GPT")),
    Term(canonical="GitHub", variants=("get hub",)),
    Term(canonical="agent"),
])


def _proposed(lexicon: Lexicon, text: str) -> list[tuple[str, str, str]]:
    return [(c.original, c.replacement, c.status) for c in Corrector(lexicon).check(text)]


def test_a_variants_sound_finds_what_the_canonical_form_cannot() -> None:
    text = "他们做出来拆 GB 以后，大家都在用。"
    assert _proposed(CANONICAL, text) == []
    (c,) = Corrector(LEARNED).check(text)
    assert (c.original, c.replacement, c.status) == ("拆 GB", "ChatGPT", "suggestion")
    assert "sounds like a known variant" in c.evidence.notes
    assert c.evidence.expected in variant_pronunciations(LEARNED["ChatGPT"])


def test_the_variant_itself_is_still_a_fix() -> None:
    assert _proposed(LEARNED, "我们聊到了 a topic 这家公司") == [
        ("a topic", "Anthropic", "fix")]


def test_ordinary_english_words_need_a_near_identical_sound() -> None:
    # "get up" is only somewhat like the variant "get hub": ordinary words stay
    assert _proposed(LEARNED, "和你有一些 get up 是不矛盾的。") == []


def test_a_variants_sound_never_hides_the_terms_own() -> None:
    text = "我们用 ChatBT 写代码"
    lexicon = Lexicon.from_terms([Term(canonical="ChatGPT", variants=("chat BT",))])
    assert _proposed(lexicon, text) == _proposed(CANONICAL, text) == [
        ("ChatBT", "ChatGPT", "suggestion")]


def test_one_word_is_not_a_split_of_the_term() -> None:
    lexicon = Lexicon.from_terms([Term(canonical="OpenAI", variants=("open a",))])
    assert _proposed(lexicon, "我们 open source 了，然后") == []
    assert _proposed(LEARNED, "我觉得 topic 很重要") == []


def test_which_variants_are_sounds() -> None:
    assert variant_pronunciations(Term(canonical="Cursor", variants=("curse", "科学"))) == ()
    assert variant_pronunciations(
        Term(canonical="ChatGPT", variants=("拆 GPT",), exact_only=True)) == ()
    assert variant_pronunciations(
        Term(canonical="embedding", variants=("100 0", "100 斤", "1 body"))) == ()
    assert variant_pronunciations(Term(canonical="OpenAI", variants=("open a",))) != ()


PIECES = ["今天", "我们", "聊", "了", "，", "。", " ", "Anthropic", "ChatGPT", "GitHub",
          "agent", "the", "topic", "get", "up", "模型", "拆", "GPT", "a"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_variant_sounds_only_suggest_and_keep_terms_written_right(text: str) -> None:
    before = {(c.start, c.end, c.replacement) for c in Corrector(CANONICAL).check(text)}
    for c in Corrector(LEARNED).check(text):
        for term in ("Anthropic", "ChatGPT", "GitHub", "agent"):
            if term in c.original:
                assert term in c.replacement  # never corrected into something else
        if (c.start, c.end, c.replacement) not in before and c.evidence.method != "variant":
            assert c.status == "suggestion"


def test_a_variants_sound_gives_way_to_a_term_that_sounds_so_itself() -> None:
    # "data brix" sounds like Databricks itself as much as like Orbit's variant "dota
    # bricks": a reading learned from one edit does not take the window from a term of the
    # lexicon that is heard in it directly
    text = "我们用 data brix 很久了"
    lexicon = Lexicon.from_terms(["Databricks", Term(canonical="Orbit", variants=("dota bricks",))])
    assert [c.replacement for c in Corrector(lexicon).candidates(text)] == ["Databricks"]
    assert [p[:2] for p in _proposed(lexicon, text)] == [("data brix", "Databricks")]


def test_a_variants_sound_far_closer_than_any_terms_own_is_still_found() -> None:
    # (Datobricks is read "datoubriks", not as two words of the dictionary)
    text = "我们用 data brix 很久了"
    lexicon = Lexicon.from_terms(["Datobricks", Term(canonical="Orbit", variants=("data bricks",))])
    assert _proposed(lexicon, text) == [("data brix", "Orbit", "suggestion")]
