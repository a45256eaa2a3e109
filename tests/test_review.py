"""Notebook rendering, records and explanations."""

from __future__ import annotations

import io
import json

import pytest

from asrfix import Corrector, Lexicon, Result, Term
from asrfix.cli import EXIT_CLEAN, main


@pytest.fixture(scope="module")
def fixer() -> Corrector:
    return Corrector(Lexicon.from_terms(["姚顺雨", "DeepSeek", "OpenAI", "智源"]))


def test_html_escapes_transcript_text() -> None:
    # (an unambiguous match by sound kept a suggestion, so that both tiers are rendered)
    fixer = Corrector(Lexicon.from_terms(["姚顺雨", "OpenAI"]), unrivalled_fix_threshold=1.0)
    text = '<script>alert("x")</script> 尧舜禹 <img src=x onerror=alert(1)>\n他在 open a 工作'
    html = fixer.check(text)._repr_html_()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<del>尧舜禹</del>" in html and 'class="fix">姚顺雨</ins>' in html
    assert 'class="suggestion">OpenAI</ins>' in html
    assert 'title="term: 姚顺雨 (term)' in html


def test_html_hostile_lexicon_term_is_escaped() -> None:
    c = Corrector([Term(canonical="Deep<b>Seek")])
    html = c.check("我们聊聊 deep b seek 吧").__class__(text="x", corrections=())._repr_html_()
    assert "no corrections" in html
    result = Corrector(["DeepSeek"]).check('他说 "quoted" deep seek 很强')
    assert "&quot;quoted&quot;" in result._repr_html_()


def test_long_results_are_collapsed(fixer: Corrector) -> None:
    text = "\n".join(f"第{i}行 尧舜禹 来了" for i in range(80))
    html = fixer.check(text)._repr_html_()
    assert "<details>" in html and "more line(s)" in html
    assert "<b>80</b> fix(es)" in html


def test_records_and_dataframe(fixer: Corrector) -> None:
    r = fixer.check("尧舜禹聊 deep seek")
    recs = r.to_records()
    assert [x["replacement"] for x in recs] == ["姚顺雨", "DeepSeek"]
    assert set(recs[0]) >= {"start", "end", "term", "score", "status", "method", "heard"}
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install 'asrfix\\[pandas\\]'"):
            r.to_dataframe()
    else:
        assert list(r.to_dataframe()["replacement"]) == ["姚顺雨", "DeepSeek"]


def test_explain_a_fix_and_a_guard(fixer: Corrector) -> None:
    ex = fixer.explain("今天请到了尧舜禹", "尧舜禹")
    assert ex.pinyin == ["yao", "shun", "yu"]
    assert ex.chosen is not None and ex.chosen.replacement == "姚顺雨"
    assert ex.candidates[0].term == "姚顺雨" and ex.candidates[0].would_be == "fix"
    guard = fixer.explain("我们需要更多的资源", "资源")
    assert guard.chosen is None
    assert any("jieba word" in f for f in guard.facts)
    assert "proposed: nothing" in str(guard)
    with pytest.raises(ValueError, match="does not occur"):
        fixer.explain("abc", "xyz")


def test_explain_names_plain_speech() -> None:
    names = Corrector(Lexicon.from_terms(["叶诗"]))
    ex = names.explain("这也是我们的问题", "也是")
    assert ex.chosen is None and ex.candidates == []
    assert any("plain speech" in f for f in ex.facts)
    assert not any("plain speech" in f for f in names.explain("叶诗来了", "叶诗").facts)


def test_explain_names_the_guard_that_held_a_sound_match_back() -> None:
    """A sound match a guard rules out never becomes a candidate; explain still shows it,
    with the guard, at every occurrence, and the corrector it explains is left as it was."""
    short = Corrector(Lexicon.from_terms(["Gym", "DeepSeek"]))
    text = "We met jim today and jim again, the topic was deep seek."
    assert [c.replacement for c in short.check(text)] == ["DeepSeek"]
    ex = short.explain(text, "jim")
    held = [c for c in ex.candidates if c.term == "Gym"]
    assert len(held) == 1 and held[0].would_be == "held back"
    assert held[0].similarity == 1.0 and "short term" in held[0].notes[0]
    assert (held[0].start, held[0].end) == (7, 10)
    later = short.explain(text, (text.index("jim again"), text.index(" again")))
    assert [c.start for c in later.candidates if c.term == "Gym"] == [text.index("jim again")]
    english = short.explain(text, "topic")
    assert any(c.would_be == "held back" and c.term == "DeepSeek"
               and "English speech" in c.notes[0] for c in english.candidates)
    assert "held back; " in str(english)
    assert [c.replacement for c in short.check(text)] == ["DeepSeek"]


def test_explain_command(tmp_path: object) -> None:
    out = io.StringIO()
    code = main(["explain", "今天请到了尧舜禹", "尧舜禹", "--no-default-lexicons", "-l",
                 "tests/golden/lexicon.toml", "--format", "json"], stdout=out)
    assert code == EXIT_CLEAN
    doc = json.loads(out.getvalue())
    assert doc["chosen"]["replacement"] == "姚顺雨" and doc["pinyin"] == ["yao", "shun", "yu"]


def test_review_decisions_round_trip_and_guard_the_text(fixer: Corrector) -> None:
    from asrfix.review import Review, ReviewError

    text = "尧舜禹聊 deep seek 和 open a，还有 zhi yuan"
    result = fixer.check(text)
    review = result.review().accept(lambda c: c.status == "fix").reject(term="OpenAI")
    assert all(c.status == "fix" for c in review.accepted)
    assert [c.term for c in review.rejected] == ["OpenAI"]
    applied = review.apply()
    assert "姚顺雨" in applied and "open a" in applied
    saved = review.to_json()
    again = Review.from_json(saved)
    assert again.apply_to(text) == applied
    with pytest.raises(ReviewError, match="text changed"):
        again.apply_to(text + " ")
    with pytest.raises(ReviewError, match="apply_to"):
        again.apply()
    with pytest.raises(IndexError):
        review.accept(99)


def test_decisions_feed_back_into_a_lexicon(fixer: Corrector, tmp_path: object) -> None:
    from pathlib import Path

    text = "尧舜禹聊 deep seek 和 open a"
    review = fixer.check(text).review().accept(term="姚顺雨").accept(term="DeepSeek") \
        .reject(term="OpenAI")
    path = Path(str(tmp_path)) / "fed.toml"
    path.write_text(review.to_lexicon(), encoding="utf-8")
    fed = Lexicon.load(path)
    assert fed["姚顺雨"].variants == ("尧舜禹",) and fed.protected == ("open a",)
    again = Corrector(Lexicon.from_terms(["姚顺雨", "DeepSeek", "OpenAI"]) + fed).check(text)
    assert "OpenAI" not in [c.replacement for c in again]


def test_an_editor_chooses_an_alternative(tmp_path: object) -> None:
    from pathlib import Path

    from asrfix.review import Review, ReviewError

    text = "最近 deep flight 很火，我们用 open vino 部署"
    result = Corrector(Lexicon.from_terms(["DeepFight", "DeepFly", "OpenVINO", "OpenVPN"])
                       ).check(text)
    assert [(c.replacement, c.alternatives) for c in result] == [
        ("DeepFly", ("DeepFight",)), ("OpenVINO", ("OpenVPN",))]
    review = result.review().choose(0, "DeepFight").accept(1)
    assert review.apply() == "最近 DeepFight 很火，我们用 OpenVINO 部署"
    assert Review.from_json(review.to_json()).apply_to(text) == review.apply()
    path = Path(str(tmp_path)) / "fed.toml"
    path.write_text(review.to_lexicon(), encoding="utf-8")
    assert Lexicon.load(path)["DeepFight"].variants == ("deep flight",)
    assert review.accept(0).apply().startswith("最近 DeepFly")  # a new decision replaces it
    review.choose(0, "DeepFight").reject(0)
    assert Review.from_json(review.to_json()).rejected[0].replacement == "DeepFly"
    with pytest.raises(ValueError, match="not an alternative"):
        review.choose(1, "DeepFight")
    tampered = json.loads(review.to_json())
    tampered["chosen"] = {"1": "rm -rf"}
    with pytest.raises(ValueError, match="not an alternative"):
        Review.from_json(json.dumps(tampered))
    (cut,) = Corrector(Lexicon.from_terms(["test-time compute", "test-time commute"])).check(
        "我们做 test time computer")
    assert (cut.original, cut.replacement, cut.alternatives) == (
        "computer", "compute", ("test-time commute",))
    with pytest.raises(ReviewError, match="part of"):
        Review.of(Result(text="我们做 test time computer", corrections=(cut,))).choose(
            0, "test-time commute")


def test_rich_rendering(fixer: Corrector) -> None:
    rich = pytest.importorskip("rich")
    from rich.console import Console

    console = Console(record=True, width=80, color_system=None)
    console.print(fixer.check("尧舜禹聊 deep seek"))
    out = console.export_text()
    assert "尧舜禹 → 姚顺雨" in out and "fix" in out
    assert rich


def test_explain_says_why_a_candidate_above_the_floor_is_not_proposed() -> None:
    """A candidate that scores enough can still come to nothing: trimming drops it when the
    words that change do not sound like their replacement, or a wider proposal overlapping
    it wins; explain says which, beside the candidate."""
    fixer = Corrector(Lexicon.from_terms(["Deep Learning", "Mistral", "Mistral Large"]))
    text = "我们做 it learning 的时候，用的是 mistrial large 这个模型"
    ex = fixer.explain(text, "it learning")
    [c] = [c for c in ex.candidates if c.term == "Deep Learning"]
    assert c.passes_min_score and c.would_be == "dropped" and ex.chosen is None
    assert "words that change" in c.notes[-1]
    ex = fixer.explain(text, "mistrial")
    assert ex.chosen is not None and ex.chosen.replacement == "Mistral Large"
    [narrow] = [c for c in ex.candidates if c.term == "Mistral"]
    assert narrow.notes[-1].startswith("not proposed: 'mistrial large' -> 'Mistral Large'")
    [wide] = [c for c in ex.candidates if c.term == "Mistral Large"]
    assert not any(n.startswith("not proposed") for n in wide.notes)
