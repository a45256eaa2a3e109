"""An unambiguous match by sound in Chinese speech is a fix below ``fix_threshold``
(``Config.unrivalled_fix_threshold``); a competing term, English speech or the setting at 1
keep it a suggestion."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon

TEXT = "我们聊了 deep stick 的新模型"


def _statuses(terms: list[str], text: str = TEXT, **config: float) -> list[tuple[str, str]]:
    result = Corrector(Lexicon.from_terms(terms), **config).check(text)
    return [(c.replacement, c.status) for c in result]


def test_an_unrivalled_sound_match_in_chinese_speech_is_a_fix() -> None:
    result = Corrector(Lexicon.from_terms(["DeepSeek"])).check(TEXT)
    (c,) = result
    assert c.score < Corrector(Lexicon.from_terms(["DeepSeek"])).config.fix_threshold
    assert (c.replacement, c.status) == ("DeepSeek", "fix")


def test_a_competing_term_keeps_it_a_suggestion() -> None:
    assert _statuses(["DeepSeek", "Deepstick AI"]) == [("DeepSeek", "suggestion")]


def test_the_setting_at_one_turns_it_off() -> None:
    assert _statuses(["DeepSeek"], unrivalled_fix_threshold=1.0) == [
        ("DeepSeek", "suggestion")]


def test_english_speech_keeps_it_a_suggestion() -> None:
    assert _statuses(["DeepSeek"], "we compared it with deep stick yesterday") == [
        ("DeepSeek", "suggestion")]


TERMS = ["DeepSeek", "OpenAI", "Anthropic", "agent", "Cursor", "Deepstick AI", "姚顺雨"]
TEXTS = ["我们聊了 deep stick 的新模型", "他在 open a 做 A 正", "用科 sir 写代码，a topic 也在做",
         "请到了尧舜禹，聊 open I 和 deep sick"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(TERMS), min_size=1, unique=True), st.sampled_from(TEXTS),
       st.floats(0.72, 1.0))
def test_a_lower_setting_only_adds_fixes(terms: list[str], text: str, level: float) -> None:
    strict = Corrector(Lexicon.from_terms(terms), unrivalled_fix_threshold=1.0).check(text)
    loose = Corrector(Lexicon.from_terms(terms), unrivalled_fix_threshold=level).check(text)
    assert [(c.start, c.end, c.replacement) for c in strict] == [
        (c.start, c.end, c.replacement) for c in loose]  # the same proposals
    assert {c.start for c in strict if c.status == "fix"} <= {
        c.start for c in loose if c.status == "fix"}


def test_an_unrivalled_match_from_the_default_threshold_is_a_fix() -> None:
    corrector = Corrector(Lexicon.from_terms(["Snowflake"]))
    (c,) = corrector.check("数据放在 snow flag 上面")
    assert corrector.config.unrivalled_fix_threshold <= c.score < 0.85
    assert (c.replacement, c.status) == ("Snowflake", "fix")


def test_a_part_shared_with_another_term_is_judged_by_the_rest() -> None:
    # the span writes "open" as it is; CD sounds like neither Code nor Claw
    text = "我们都在用 open CD 写代码"
    assert _statuses(["OpenCode"], text) == [("OpenCode", "fix")]
    assert _statuses(["OpenCode", "OpenClaw"], text) == [("OpenCode", "suggestion")]


def test_a_last_part_shared_with_another_term_is_judged_by_the_rest() -> None:
    text = "我们换成了基洛 code 来写"
    assert _statuses(["Kilo Code"], text) == [("Kilo Code", "fix")]
    assert _statuses(["Kilo Code", "Claude Code"], text) == [("Kilo Code", "suggestion")]


def test_a_term_that_only_extends_another_is_not_its_rival() -> None:
    assert _statuses(["DeepSeek", "DeepSeek-V4"]) == [("DeepSeek", "fix")]


def test_a_match_scored_down_needs_the_doubted_floor() -> None:
    from asrfix.engine.pipeline import UNRIVALLED_DOUBTED

    corrector = Corrector(Lexicon.from_terms(["context"]), unrivalled_fix_threshold=0.5)
    (c,) = corrector.check("我觉得 contest 很重要")
    # an English word in Chinese speech, scored below its similarity: above the setting,
    # below the floor such a match needs
    assert 0.5 <= c.score < min(c.evidence.similarity, UNRIVALLED_DOUBTED)
    assert c.status == "suggestion"
