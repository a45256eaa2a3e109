"""A show term of more words than the default window is looked for over as many words."""

from __future__ import annotations

from asrfix import Corrector
from asrfix.index import TermIndex
from asrfix.lexicon import Lexicon

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


def test_the_longest_show_term_sets_the_reach_and_survives_the_cache() -> None:
    index = TermIndex(Lexicon.from_terms([*LONG, "DeepSeek"]))
    assert index.max_words == 7  # (words of two letters or more)
    assert TermIndex.from_state(index.to_state()).max_words == 7
    directory = Lexicon.from_terms(LONG).records()
    assert TermIndex([r.model_copy(update={"role": "directory"}) for r in directory]
                     ).max_words == 0
