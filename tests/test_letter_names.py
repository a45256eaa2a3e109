"""Names of capital letters and Chinese characters (X 光机) heard with each letter as the
syllables Mandarin speakers say it with, and written so by the recogniser (艾克斯光机)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon
from asrfix.pinyin import LETTER_SYLLABLES, letter_reading, syllables


def test_a_name_heard_by_its_letters_sounds_is_only_suggested() -> None:
    (c,) = Corrector(Lexicon.from_terms(["X 光机"])).check("医院新买了一台艾克斯光机")
    assert (c.original, c.replacement, c.status) == ("艾克斯光机", "X 光机", "suggestion")
    assert "its letters heard as Chinese syllables" in c.evidence.notes


def test_the_name_written_with_its_letters_is_left_alone() -> None:
    assert list(Corrector(Lexicon.from_terms(["X 光机"])).check("一台 X 光机")) == []


LETTERS = st.sampled_from("ABCDEGKOPTUVXYZ")
HAN = st.sampled_from("光机型号芯片测试平台")


@given(st.lists(st.one_of(LETTERS, HAN), min_size=1, max_size=8).map("".join))
def test_the_reading_is_the_letters_syllables_then_the_characters_in_order(name: str) -> None:
    reading = letter_reading(name)
    han = [ch for ch in name if not ch.isupper()]
    want = [s for ch in name for s in (
        LETTER_SYLLABLES[ch.lower()][0] if ch.isupper() else syllables(ch))]
    if len(han) < 2 or len(want) < 3 or not any(ch.isupper() for ch in name):
        assert reading == ()
    else:
        assert list(reading) == want
