"""English words said as ordinary words in Chinese speech stay as written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector
from asrfix.phonetics import word_list

LOANWORDS = sorted(word_list("chinese_loanwords.txt"))
SENTENCES = ["这个 {} 我们下周再说", "我们先 {} 一下，然后开会", "他说的 {} 其实很简单"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(word=st.sampled_from(LOANWORDS), sentence=st.sampled_from(SENTENCES))
def test_a_loanword_is_not_made_the_term_that_capitalises_it(word: str, sentence: str) -> None:
    text = sentence.format(word)
    assert list(Corrector([word.capitalize(), word.upper()]).check(text)) == []


@settings(max_examples=30, deadline=None, derandomize=True)
@given(word=st.sampled_from([w for w in LOANWORDS if len(w) >= 4]),
       sentence=st.sampled_from(SENTENCES))
def test_a_word_of_the_term_written_elsewhere_lets_the_term_through(word: str,
                                                                    sentence: str) -> None:
    """Where the document writes a word that begins with the term (as Dockerfile does
    Docker), the loanword may be the term: its case fix is proposed."""
    term = word.capitalize()
    text = f"{term}file 我们已经写好了。" + sentence.format(word)
    start = text.index(f" {word} ") + 1
    found = Corrector([term]).check(text)
    assert [(c.start, c.replacement) for c in found] == [(start, term)]
