"""The phonetic layer and the index, on their own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Lexicon
from asrfix.index import TermIndex, deletions, squash
from asrfix.phonetics import (
    classes,
    coarse,
    english_phones,
    fold_syllable,
    letters_to_sound,
    mixed_phones,
    phone_similarity,
    pinyin_phones,
    skeleton,
    split_pinyin,
)
from asrfix.resolve import resolve
from asrfix.scoring import pinyin_similarity


@pytest.mark.parametrize(("a", "b"), [
    ("zhang", "zang"), ("chi", "ci"), ("shun", "sun"), ("nan", "lan"), ("fu", "hu"),
    ("ban", "bang"), ("ren", "reng"), ("xin", "xing"), ("lv", "nv"),
])
def test_usual_pinyin_confusions_fold_together(a: str, b: str) -> None:
    assert fold_syllable(a) == fold_syllable(b)


@pytest.mark.parametrize(("a", "b"), [("zhang", "jiang"), ("ba", "pa"), ("shi", "si" + "n")])
def test_distinct_syllables_stay_distinct(a: str, b: str) -> None:
    assert fold_syllable(a) != fold_syllable(b)


def test_split_pinyin_handles_glides_and_umlaut() -> None:
    assert split_pinyin("xue") == ("x", "ve")
    assert split_pinyin("wu") == ("w", "u")
    assert split_pinyin("ang") == ("", "ang")


def test_chinese_and_english_share_one_alphabet() -> None:
    # "拆" (chai) and "chat" begin alike; "A 正" and "agent" are close
    assert pinyin_phones("chai")[:2] == english_phones("chat")[:2]
    assert phone_similarity(mixed_phones("A 正"), english_phones("agent")) > 0.6
    assert phone_similarity(mixed_phones("欧三"), english_phones("o3")) < 0.6  # "three"
    idx = TermIndex(Lexicon.from_terms(["o3"]))
    assert mixed_phones("欧三") in idx.terms[0].phones  # ...but 3 may be read 三


def test_weighted_distance_prefers_similar_sounds() -> None:
    # a substitution inside a class (s/sh) costs less than across classes (s/k)
    assert phone_similarity("sin", "Sin") > phone_similarity("sin", "kin")
    assert phone_similarity("dip", "tip") > phone_similarity("dip", "rip")


def test_letters_and_digits_are_spelled() -> None:
    assert english_phones("GPT") == english_phones("G P T")
    assert english_phones("GPT-3") == english_phones("GPT three")
    assert english_phones("RL") == english_phones("R L")


def test_a_v_is_as_near_a_w_as_an_f() -> None:
    # Mandarin speakers say w for v (Vite as "wait"); English voicing blurs v and f
    assert phone_similarity("vait", "wait") == phone_similarity("vait", "fait")
    assert phone_similarity("vait", "wait") > phone_similarity("vait", "kait")
    assert phone_similarity("wait", "vait") == phone_similarity("vait", "wait")


def test_a_long_word_in_capitals_is_read_as_a_word_and_an_acronym_spelled() -> None:
    # some recognisers write English in capitals: a pronounceable word is still a word
    assert english_phones("SUNBOLT") == english_phones("sunbolt")
    assert english_phones("TIMELOCK") == english_phones("timelock")
    # acronyms that no English word begins or runs like are spelled letter by letter
    for acronym in ("HTTPS", "RLAIF", "GSM", "NVDA"):
        assert english_phones(acronym) == english_phones(" ".join(acronym))


def test_letter_to_sound_fallback_for_unknown_words() -> None:
    assert letters_to_sound("deepseek") == english_phones("deep seek")
    assert letters_to_sound("karthik") != ""


def test_keys() -> None:
    assert coarse("oupEneiai") == "VPVNV"
    assert skeleton("skeiliN") == "SKLN"
    assert "abc" in deletions("abdc") and "VT" in deletions("VNVT")
    assert squash("SWE-bench") == squash("swe bench") == "swebench"


@given(st.text(alphabet="aeEioupbtdkgfvszSZTDhmnNlrwyCJc", max_size=12))
def test_similarity_is_symmetric_and_bounded(s: str) -> None:
    t = s[::-1]
    assert phone_similarity(s, t) == phone_similarity(t, s)
    assert 0.0 <= phone_similarity(s, t) <= 1.0
    if s:
        assert phone_similarity(s, s) == 1.0


def test_pinyin_similarity_grades_errors() -> None:
    term = ("yao", "shun", "yu")
    assert pinyin_similarity(term, term) == 1.0
    folded = pinyin_similarity(("yao", "sun", "yu"), term)
    other = pinyin_similarity(("yao", "fu", "yu"), term)
    assert 1.0 > folded > other
    assert pinyin_similarity(("yao",), term) == 0.0


def test_index_retrieves_by_key_not_by_scan() -> None:
    idx = TermIndex(Lexicon.from_terms(["DeepSeek", "OpenAI", "姚顺雨", "吴佳俊", "scaling law"]))
    names = lambda hits: {idx.terms[i].canonical for i, *_ in hits}  # noqa: E731
    assert names(idx.phone_candidates(english_phones("deep stick"))) == {"DeepSeek"}
    assert "OpenAI" in names(idx.phone_candidates(english_phones("open a")))
    assert "scaling law" in names(idx.phone_candidates(english_phones("skin law")))
    assert names((i,) for i in idx.pinyin_candidates(("wu", "jia", "jun"))) == {"吴佳俊"}
    assert idx.pinyin_candidates(("ni", "hao")) == set()


_NAME_CHARACTERS = "姚赵刘顺孙雨鱼玉张章小晓珺军俊李黎王汪"


@settings(max_examples=80, deadline=None)  # (the first example loads pypinyin's tables)
@given(st.lists(st.text(_NAME_CHARACTERS, min_size=3, max_size=4), min_size=1, max_size=12,
                unique=True),
       st.text(_NAME_CHARACTERS, min_size=3, max_size=4))
def test_pinyin_candidates_screen_only_terms_that_differ_in_another_sound(
        terms: list[str], heard: str) -> None:
    """``near`` drops exactly the candidates whose one differing syllable is below it: what
    the pinyin path would reject after looking each term up."""
    from asrfix.pinyin import syllables
    from asrfix.scoring import MIN_SYLLABLE_SIMILARITY, syllable_similarity

    idx = TermIndex(Lexicon.from_terms(terms))
    syl = syllables(heard)
    every = idx.pinyin_candidates(syl)
    near = idx.pinyin_candidates(syl, near=MIN_SYLLABLE_SIMILARITY)
    assert near <= every
    for tid in every:
        ts = idx.terms[tid].syllables
        weakest = min(map(syllable_similarity, syl, ts))
        assert (tid in near) == (weakest >= MIN_SYLLABLE_SIMILARITY)
    fixed = idx.pinyin_candidates(syl, fixed=(0,), near=MIN_SYLLABLE_SIMILARITY)
    assert fixed <= near


def test_pinyin_syllables_beyond_the_tables_room_are_never_screened(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for two syllable ids, the third syllable a wild card stands for gets id 0
    and its terms are kept whatever ``near`` asks; the table survives the cache's round
    trip."""
    import asrfix.index as index_module

    monkeypatch.setattr(index_module, "_SYLLABLE_ROOM", 3)
    idx = TermIndex(Lexicon.from_terms(["姚顺雨", "刘顺雨"]))
    assert idx.pinyin_syllables == ["", "yao", "shun"]  # (姚顺雨's first two; then full)
    heard = ("yao", "shun", "yu")
    liu = next(t for t in idx.pinyin_candidates(heard) if idx.terms[t].canonical == "刘顺雨")
    assert liu in idx.pinyin_candidates(heard, near=0.45)  # (liu: id 0, kept)
    monkeypatch.undo()
    full = TermIndex(Lexicon.from_terms(["姚顺雨", "刘顺雨"]))
    assert liu not in full.pinyin_candidates(heard, near=0.45)
    again = TermIndex.from_state(full.to_state())
    assert again.pinyin_syllables == full.pinyin_syllables
    assert again.pinyin_candidates(heard, near=0.45) == full.pinyin_candidates(heard, near=0.45)


def test_pinyin_heads_without_a_wild_card_are_the_heads_of_the_terms_own_keys() -> None:
    """The inside-word pass looks heard syllables up in ``pinyin_heads``, which also holds
    the heads of wild-carded keys: those without a wild card must be exactly the first three
    syllables of the terms' own keys (terms of two to six syllables)."""
    idx = TermIndex(Lexicon.from_terms(
        ["顺雨", "姚顺雨", "张小珺", "数据飞轮", "马太效应", "张小珺商业", "张小珺商业访谈录",
         "语言即世界"]))
    own = {k[:3] for k in idx.pinyin if len(k) >= 3 and "*" not in k}
    assert own and {h for h in idx.pinyin_heads if "*" not in h} == own
    assert any("*" in h for h in idx.pinyin_heads)
    assert idx.pinyin_exact_firsts == {h[0] for h in own}


def test_screening_tables_hold_each_postings_classes_and_spelling() -> None:
    """A window's phone postings are screened from two small tables, filled as postings are
    met: each posting's reading in phone classes ("" for a Mandarin rendering), and each
    posting's term's spelling; they agree with the compiled term."""
    from asrfix.index import MANDARIN, PRON

    idx = TermIndex(Lexicon.from_terms(["DeepSeek", "agent", "OpenAI", "deep learning"]))
    postings = idx.phone_postings(english_phones("deep stick"), [english_phones("deep")])
    assert postings == sorted(set(postings)) and postings
    assert [(x // PRON, x % PRON) for x in postings] == idx.phone_candidates(
        english_phones("deep stick"), [english_phones("deep")])
    assert not idx.classes_of
    for x in postings + idx.phone_postings(mixed_phones("A 正")):
        tid, k = divmod(x, PRON)
        ct = idx.terms[tid]
        want = ct.phone_classes[k] if k < MANDARIN else ""
        assert idx.reading_classes(x) == want == idx.classes_of[x]
        assert idx.spelling_of[x] == ct.letters
    assert "" in idx.classes_of.values()  # agent heard as Chinese syllables: a rendering


@pytest.mark.parametrize("batch", [1, 1000])
def test_screening_keeps_exactly_the_candidates_that_can_reach_the_floor(
        batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Screened one by one or in a batch, a window keeps the candidates whose reading's
    classes or whose term's spelling reach the floor, and every Mandarin rendering, in order."""
    from rapidfuzz.distance import Levenshtein

    from asrfix.engine import phonetic
    from asrfix.index import MANDARIN, PRON

    monkeypatch.setattr(phonetic, "_BATCH", batch)
    idx = TermIndex(Lexicon.from_terms(
        ["DeepSeek", "DeepMind", "deep learning", "agent", "agentic", "OpenAI", "OpenHub",
         "Anthropic", "topic model", "scaling law", "Deep Research"]))
    sim = Levenshtein.normalized_similarity
    for heard, letters in (("deep stick", "deepstick"), ("deep mine", "deepmine"),
                           ("A 正", None), ("a topic", "atopic"), ("open a", "opena")):
        phones = mixed_phones(heard) if letters is None else english_phones(heard)
        postings = idx.phone_postings(phones)
        want = [x for x in postings
                if x % PRON >= MANDARIN
                or sim(classes(phones), idx.terms[x // PRON].phone_classes[x % PRON]) >= 0.72
                or (letters is not None and sim(letters, idx.terms[x // PRON].letters) >= 0.72)]
        assert phonetic._screened(idx, postings, classes(phones), letters, 0.72) == want


def test_resolve_picks_best_non_overlapping() -> None:
    from types import SimpleNamespace as C

    cands = [C(start=0, end=5, score=0.8), C(start=3, end=8, score=0.9),
             C(start=8, end=9, score=0.95), C(start=0, end=2, score=0.7),
             C(start=10, end=12, score=0.5)]
    picked = resolve(cands, min_score=0.6)
    assert [(c.start, c.end) for c in picked] == [(0, 2), (3, 8), (8, 9)]


@given(st.text(alphabet=st.sampled_from(sorted(set("aeEioupbtdkgfvszSZTDcCJhmnNlrwy"
                                                   "VWYHAq0 -é")))))
def test_skeleton_is_the_classes_without_vowels_glides_and_h(phones: str) -> None:
    """The skeleton's one translation table drops exactly what the classes show as V, W, Y
    or H, and keeps every other class (and any other character) in order."""
    assert skeleton(phones) == "".join(c for c in classes(phones) if c not in "VWYH")


def test_an_index_refuses_more_terms_than_its_postings_can_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A posting is one unsigned int: the last term id that fits, with its highest reading
    or syllable id, still packs; one term more is refused with a clear error."""
    from array import array

    import asrfix.index as index_module

    last = index_module.MAX_TERMS - 1
    array(index_module._POSTING, [last * index_module.PRON + index_module.PRON - 1,
                                  last << index_module.SYLLABLE_BITS
                                  | (index_module._SYLLABLE_ROOM - 1)])
    with pytest.raises(OverflowError):
        array(index_module._POSTING, [(last + 1) << index_module.SYLLABLE_BITS])
    monkeypatch.setattr(index_module, "MAX_TERMS", 2)
    TermIndex(Lexicon.from_terms(["姚顺雨", "agent"]))
    with pytest.raises(ValueError, match="too many terms"):
        TermIndex(Lexicon.from_terms(["姚顺雨", "agent", "OpenAI"]))
