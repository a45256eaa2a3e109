"""A show term of more words than the default window is looked for over as many words."""

from __future__ import annotations

from asrfix import Corrector
from asrfix.index import TermIndex, long_head
from asrfix.lexicon import Lexicon
from asrfix.phonetics import english_phones

LONG = ["Royal Botanic Gardens Kew Millennium Seed Bank",
        "Society for Industrial and Applied Mathematics"]


def _pairs(fixer: Corrector, text: str) -> list[tuple[str, str]]:
    return [(c.original, c.replacement) for c in fixer.check(text)]


def test_a_long_term_heard_with_one_word_wrong_is_found() -> None:
    fixer = Corrector(LONG)
    assert _pairs(fixer, "we visited the royal botanic gardens queue millennium seed bank.") == [
        ("royal botanic gardens queue millennium seed bank", LONG[0])]
    assert _pairs(fixer, "she joined the society for industrial and applied mathematic.") == [
        ("society for industrial and applied mathematic", LONG[1])]
    assert _pairs(fixer, "我们去了 royal botanic gardens queue millennium seed bank 参观。") == [
        ("royal botanic gardens queue millennium seed bank", LONG[0])]


def test_long_terms_set_the_reach_by_their_first_sound_and_survive_the_cache() -> None:
    index = TermIndex(Lexicon.from_terms([*LONG, "DeepSeek", "Deep Research"]))
    pairs = [("Royal", "Botanic", 7), ("Society", "for", 6), ("Deep", "Research", 2)]
    assert index.long_heads == {  # (parts of two characters or more)
        long_head(english_phones(a), english_phones(b)): n for a, b, n in pairs}
    assert TermIndex.from_state(index.to_state()).long_heads == index.long_heads
    directory = Lexicon.from_terms(LONG).records()
    assert TermIndex([r.model_copy(update={"role": "directory"}) for r in directory]
                     ).long_heads == {}


def test_a_long_term_widens_only_the_windows_from_its_first_sounds() -> None:
    """A window from words that begin no long term keeps the default reach: a long term
    heard from a word of another sound (v for s) is not looked for."""
    fixer = Corrector(LONG)
    assert _pairs(fixer, "she joined the variety for industrial and applied mathematic.") == []


def test_a_long_term_is_reached_from_a_one_letter_word_and_past_its_article() -> None:
    """The reach is keyed by the term's first two words, one-letter words too (the window
    from "ex" holds the whole term, not the rest of it alone), and by the two after a
    leading function word, which may go unsaid."""
    fixer = Corrector(["X Window System Display Server Protocol",
                       "The Royal Botanic Gardens Kew Millennium Seed Bank"])
    assert _pairs(fixer, "we use the ex window system display server protocal here") == [
        ("ex window system display server protocal", "X Window System Display Server Protocol")]
    assert _pairs(fixer, "we visited royal botanic gardens queue millennium seed bank.") == [
        ("royal botanic gardens queue millennium seed bank",
         "The Royal Botanic Gardens Kew Millennium Seed Bank")]
