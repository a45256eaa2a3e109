"""What a whole transcript says about its parts: terms written out, and how it hears a term
that begins a longer one (see asrfix.engine.document)."""

from __future__ import annotations

from asrfix import Corrector, Lexicon
from asrfix.engine.document import DocumentEvidence

TERMS = ["Grok", "Grok Code", "OpenAI"]


def _proposed(text: str, **kw: str) -> list[tuple[str, str]]:
    fixer = Corrector(Lexicon.from_terms(TERMS))
    return [(c.original, c.replacement) for c in fixer.check(text, **kw)]


def test_a_part_is_judged_by_how_the_whole_document_hears_the_term() -> None:
    whole = "我试了 grog code。\n后来 grog 又更新了。\n"
    part = whole.split("\n")[1]
    assert ("grog", "Grok") not in _proposed(part)
    assert ("grog", "Grok") in _proposed(part, document=whole)


def test_only_a_word_standing_alone_in_chinese_speech_is_heard_as_the_term() -> None:
    said = "我试了 grog code。"
    for other in ("不过 open grog 不行", "又试了 grog4.1fast", "I like grog a lot"):
        assert not any(o.startswith(("grog", "open")) and r == "Grok"
                       for o, r in _proposed(said + other))
    assert ("grog", "Grok") in _proposed(said + "后来 grog 4 也出了")


def test_the_evidence_of_a_document() -> None:
    fixer = Corrector(Lexicon.from_terms(TERMS))
    ev = DocumentEvidence.of(fixer.index, "grog code 和 OpenAI，Grok code")
    assert ev.heard == {"grog": (0, "grog code")}  # (Grok code is the term, not a hearing)
    assert ev.written == {1: 1, 2: 1}  # Grok Code and OpenAI, written out
    # a word that does not sound like the term is no hearing of it
    assert DocumentEvidence.of(fixer.index, "blue code").heard == {}


def test_every_word_is_the_first_of_a_pair_and_english_speech_is_no_evidence() -> None:
    index = Corrector(Lexicon.from_terms(TERMS)).index
    # a word before the pair does not hide it; a line break or a hyphen may part the words
    for said in ("我试了 the grog code", "我试了 grog\r\ncode", "我试了 grog-code"):
        assert set(DocumentEvidence.of(index, said).heard) == {"grog"}, said
    # in English speech "grog code" may be meant as it is
    assert DocumentEvidence.of(index, "We tried grog code last week.").heard == {}
