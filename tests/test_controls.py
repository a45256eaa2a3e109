"""Per-term and per-lexicon controls: exact-only terms, avoid and context words, protected
phrases, and the guards that keep ordinary text untouched."""

from __future__ import annotations

from pathlib import Path

from asrfix import Corrector, Lexicon, Term


def pairs(c: Corrector, text: str) -> list[tuple[str, str]]:
    return [(x.original, x.replacement) for x in c.check(text)]


def test_exact_only_terms_match_only_their_variants() -> None:
    lex = Lexicon.from_terms([Term(canonical="姚顺雨", exact_only=True, variants=("摇顺雨",))])
    c = Corrector(lex)
    assert pairs(c, "我们请到了尧舜禹") == []
    assert pairs(c, "我们请到了摇顺雨") == [("摇顺雨", "姚顺雨")]


def test_avoid_words_veto_a_sound_match() -> None:
    lex = Lexicon.from_terms([Term(canonical="姚顺雨", avoid=("上古", "帝王"))])
    c = Corrector(lex)
    assert pairs(c, "尧舜禹是上古时代的三位帝王。") == []
    assert pairs(c, "今天的嘉宾是尧舜禹。") == [("尧舜禹", "姚顺雨")]


def test_context_words_raise_the_score_and_are_explained() -> None:
    plain = Corrector(["DeepSeek"]).check("聊聊 deep stick 的模型")
    hinted = Corrector(Lexicon.from_terms([Term(canonical="DeepSeek", context=("R1",))])) \
        .check("聊聊 deep stick 的模型 R1")
    assert len(plain) == len(hinted) == 1
    assert hinted[0].score > plain[0].score
    assert any("context word 'R1'" in n for n in hinted[0].evidence.notes)


def test_protected_phrases_from_config_and_lexicon(tmp_path: Path) -> None:
    c = Corrector(["DeepSeek"], protect=("deep sea",))
    assert pairs(c, "聊聊 deep sea 的生物") == []
    lexfile = tmp_path / "lex.toml"
    lexfile.write_text('[lexicon]\nprotect = ["尧舜禹时代"]\n\n[[terms]]\ncanonical = "姚顺雨"\n',
                       encoding="utf-8")
    lex = Lexicon.load(lexfile)
    assert lex.protected == ("尧舜禹时代",)
    c = Corrector(lex)
    assert pairs(c, "那是尧舜禹时代的故事") == []
    assert pairs(c, "嘉宾尧舜禹来了") == [("尧舜禹", "姚顺雨")]


def test_frequent_chinese_words_are_not_rewritten() -> None:
    c = Corrector(["智源", "李建", "智能体"])
    assert pairs(c, "我们需要更多的资源。里面的东西。他只能去做。") == []


def test_function_words_and_style_in_english_text() -> None:
    c = Corrector(["FaceTime", "ASI", "Q-1", "Adjusted EBITDA", "Matt B."])
    text = ("At this time we report adjusted EBITDA for Q1, as I said; it may not be "
            "reproduced.")
    assert pairs(c, text) == []


def test_addresses_and_file_names_are_not_speech() -> None:
    c = Corrector(["Lands' End", "DeepSeek"])
    assert pairs(c, "visit landsend.com or read deepseek.pdf") == []


def test_correctly_written_term_blocks_other_spellings() -> None:
    # (two lexicons, one spelling each: one lexicon may not spell a term two ways)
    c = Corrector(Lexicon.from_terms(["Q3"]) + Lexicon.from_terms(["Q-3"]))
    assert pairs(c, "results for Q3 and q-3") == []


def test_other_terms_nearby_are_evidence_but_never_make_a_fix() -> None:
    c = Corrector(["DeepSeek", "OpenAI"])
    alone = c.check("我们聊聊 deep stick 的模型")
    near = c.check("我们聊聊 OpenAI 和 deep stick 的模型")
    assert len(alone) == len(near) == 1
    assert any("lexicon term 'OpenAI' nearby" in n for n in near[0].evidence.notes)
    assert near[0].score >= alone[0].score
    assert near[0].status == alone[0].status  # topic alone does not change the tier


def test_a_spelled_letter_misheard_or_dropped() -> None:
    c = Corrector(["V A R technology", "D A R P A Grand Challenge"])
    assert pairs(c, "the new V R technology helps referees") == [
        ("V R technology", "V A R technology")]
    assert pairs(c, "they won the D A R P R Grand Challenge") == [("R", "A")]


def test_a_real_word_changed_into_an_unlike_one_is_only_suggested() -> None:
    """The words kept make the term likely; a dictionary word that sounds unlike its
    replacement ("Ecology" / "Ecologic") is shown to a human, never applied unattended."""
    lexicon = Lexicon.from_terms(["Ecologic Transition Ministry", "Kenyan Defence Ministry"])
    result = Corrector(lexicon).check(
        "The Ecology Transition Ministry met the Kenyan Defense Ministry.")
    by_original = {c.original: c.status for c in result}
    assert by_original == {"Ecology": "suggestion", "Defense": "fix"}


def test_a_chinese_dictionary_word_only_near_a_term_is_only_suggested() -> None:
    """A word of jieba's dictionary that sounds near a term (two -n/-ng folds) is shown, not
    applied; an exact homophone that is no dictionary word stays a fix."""
    lexicon = Lexicon.from_terms(["盛金网络", "程砚秋"])
    result = Corrector(lexicon).check("他用神经网络分析了程艳秋的唱腔。")
    by_original = {c.original: (c.replacement, c.status) for c in result}
    assert by_original == {"神经网络": ("盛金网络", "suggestion"),
                           "程艳秋": ("程砚秋", "fix")}
    assert "a dictionary word" in " ".join(result[0].evidence.notes)


def test_a_two_character_name_heard_as_a_dictionary_word_is_only_suggested() -> None:
    """Two syllables are as often a word as a name: 要强 sounds exactly like 姚强 but is
    shown to a human; a heard form that is no word (正至) is still fixed."""
    lexicon = Lexicon.from_terms(["姚强", "郑智"])
    result = Corrector(lexicon).check("他从小就很要强。后来正至进了国家队。")
    assert {c.original: (c.replacement, c.status) for c in result} == {
        "要强": ("姚强", "suggestion"), "正至": ("郑智", "fix")}


def test_english_terms_written_in_chinese_characters_on_request() -> None:
    """欧朋爱 for OpenAI is matched only with ``transliterated=True``, only as a suggestion,
    and plain Chinese (function characters, frequent words) is never read as English."""
    text = "他后来去了欧朋爱做研究员"
    assert pairs(Corrector(["OpenAI"]), text) == []
    fixer = Corrector(["OpenAI", "Dario", "Notion"], transliterated=True)
    (found,) = fixer.check(text)
    assert (found.original, found.replacement, found.status) == ("欧朋爱", "OpenAI", "suggestion")
    assert found.evidence.heard and found.evidence.expected
    assert pairs(fixer, "我们今天的任务就是把这个做完") == []
