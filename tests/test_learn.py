"""Learning variants from human edits."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon, Term
from asrfix.cli import EXIT_CLEAN, main
from asrfix.learn import align, learn_lexicon

RAW = """Speaker 1: 今天请到了尧舜禹，他在 open a 做 agent。
Speaker 2: 我们聊聊 deep stick 和 lotter memory。
Speaker 1: 这一段被编辑整段改写了，原来说得很乱很乱很乱。
Speaker 2: 后来尧舜禹又说 open a 的 skill 很重要，现在大家都在看。"""

EDITED = """Speaker 1: 今天请到了姚顺雨，他在 OpenAI 做 agent。
Speaker 2: 我们聊聊 DeepSeek 和 long-term memory。
Speaker 1: 好。
Speaker 2: 后来姚顺雨又说 OpenAI 的 scale 很重要，现在大家都在看。"""

TERMS = ["姚顺雨", "OpenAI", "DeepSeek", "long-term memory", "agent"]


def test_align_finds_local_substitutions_and_skips_rewrites() -> None:
    pairs = align(RAW, EDITED, terms=TERMS)
    got = [(p.original, p.corrected, p.line) for p in pairs]
    assert ("尧舜禹", "姚顺雨", 1) in got and ("open a", "OpenAI", 4) in got
    assert ("lotter memory", "long-term memory", 2) in got  # widened to the known term
    assert not any(p.line == 3 for p in pairs)  # the rewritten line gives nothing
    for p in pairs:
        assert RAW[p.start:p.end] == p.original


def test_learned_lexicon_is_valid_and_counts(tmp_path: Path) -> None:
    toml = learn_lexicon(RAW, EDITED, Lexicon.from_terms(TERMS))
    path = tmp_path / "learned.toml"
    path.write_text(toml, encoding="utf-8")
    lex = Lexicon.load(path)  # the validator accepts it
    assert lex["姚顺雨"].variants == ("尧舜禹",)
    assert "open a" in lex["OpenAI"].variants
    assert "# 'open a' x2:" in toml
    data = tomllib.loads(toml)
    # an ordinary word whose only variant is never applied is not proposed as a term (the
    # entry would only protect "scale" everywhere); the reviewer is still told of the edit
    assert not [t for t in data["terms"] if t["canonical"] == "scale"]
    assert "# 'scale' <- 'skill' x1:" in toml
    assert "# '尧舜禹' x2:" in toml
    merged = Lexicon.from_terms(TERMS) + lex
    fixed = Corrector(merged).check("他在 deep stick 工作").apply()
    assert fixed == "他在 DeepSeek 工作"


def test_ordinary_word_with_an_applied_variant_is_still_proposed(tmp_path: Path) -> None:
    raw = "他说 util sy 很重要。\n我们聊聊 util sy 的问题。"
    edited = "他说 utility 很重要。\n我们聊聊 utility 的问题。"
    data = tomllib.loads(learn_lexicon(raw, edited, Lexicon.from_terms(["agent"])))
    (utility,) = [t for t in data["terms"] if t["canonical"] == "utility"]
    assert utility["variants"] == ["util sy"] and utility["exact_only"] is True


def test_learned_ordinary_word_does_not_block_a_term(tmp_path: Path) -> None:
    raw = "他要慢慢来。\n减去一个慢的向量。\n那可能也很难超过 deep man。"
    edited = "他要慢慢来。\n减去一个 man 的向量。\n那可能也很难超过 deep man。"
    lexicon = Lexicon.from_terms(["DeepMind"])
    toml = learn_lexicon(raw, edited, lexicon)
    assert "canonical = \"man\"" not in toml and "# 'man' <- '慢' x1:" in toml
    path = tmp_path / "learned.toml"
    path.write_text(toml, encoding="utf-8")
    merged = lexicon + Lexicon.load(path)
    assert [x.replacement for x in Corrector(merged).check(raw)] == ["DeepMind"]


def test_risky_variants_are_never_applied_blindly() -> None:
    from asrfix import Term

    lex = Lexicon.from_terms([Term(canonical="先验", variants=("现在",)),
                              Term(canonical="MIT", variants=("FIT",)),
                              Term(canonical="scale", variants=("skill",), exact_only=True)])
    c = Corrector(lex)
    assert list(c.check("现在我们去 fit 一下这个 skill")) == []
    # a variant that would not apply as written does not apply in other capitals, and one
    # or two letters are too ambiguous to apply at all
    short = Corrector(Lexicon.from_terms([Term(canonical="BERT", variants=("bt",)),
                                          Term(canonical="IDE", variants=("ID",))]))
    assert [x.replacement for x in short.check("用 BT 还是用 ID 登录")] == []
    assert [x.replacement for x in c.check("我去了 FIT 读书")] == ["MIT"]


def test_learn_command(tmp_path: Path) -> None:
    raw, edited = tmp_path / "raw.txt", tmp_path / "edited.txt"
    raw.write_text(RAW, encoding="utf-8")
    edited.write_text(EDITED, encoding="utf-8")
    lex = tmp_path / "terms.txt"
    lex.write_text("\n".join(TERMS), encoding="utf-8")
    out_file = tmp_path / "out.toml"
    code = main(["learn", str(raw), str(edited), "-o", str(out_file), "--no-default-lexicons",
                 "-l", str(lex)], stdout=io.StringIO())
    assert code == EXIT_CLEAN
    assert "尧舜禹" in out_file.read_text(encoding="utf-8")


def test_learning_takes_in_names_insertions_and_glued_characters(tmp_path: Path) -> None:
    """A name is learned whole even when a shorter term (the given name) also covers the
    edit; a character inserted to complete a term joins the word before it; a replacement
    glued to a character both sides share keeps only what changed."""
    raw = ("Speaker 1: 这是姚舜宇的新论文。\n"
           "Speaker 2: 他提到了思维的方法。\n"
           "Speaker 1: 后来欧三强了很多。")
    edited = ("Speaker 1: 这是姚顺雨的新论文。\n"
              "Speaker 2: 他提到了思维树的方法。\n"
              "Speaker 1: 后来o3强了很多。")
    lexicon = Lexicon.from_terms(["姚顺雨", "顺雨", "思维树", "o3"])
    path = tmp_path / "learned.toml"
    path.write_text(learn_lexicon(raw, edited, lexicon), encoding="utf-8")
    learned = Lexicon.load(path)
    assert learned["姚顺雨"].variants == ("姚舜宇",)
    assert "顺雨" not in learned
    assert learned["思维树"].variants == ("思维",)
    assert learned["o3"].variants == ("欧三",)


def test_a_heard_phrase_of_ordinary_words_seen_once_is_held_for_review() -> None:
    # 要 + 训练 are ordinary words: learned from one edit, the variant would rewrite them in
    # the next episode wherever someone says them; seen twice it is how the recogniser hears
    # the term
    raw = "他说预训练之后还要训练很久。\n我们先讲要训练。"
    once = "他说预训练之后还要训练很久。\n我们先讲预训练。"
    data = tomllib.loads(learn_lexicon(raw, once, Lexicon.from_terms(["预训练"])))
    assert not data.get("terms")
    text = learn_lexicon(raw, once, Lexicon.from_terms(["预训练"]))
    assert "# '预训练' <- '要训练' x1:" in text
    raw2 = "我们先讲要训练。\n然后再讲要训练。"
    twice = "我们先讲预训练。\n然后再讲预训练。"
    data = tomllib.loads(learn_lexicon(raw2, twice, Lexicon.from_terms(["预训练"])))
    assert [t["variants"] for t in data["terms"]] == [["要训练"]]


def test_a_transliteration_seen_once_is_learned() -> None:
    raw = "我们都在用斯诺佛雷克存数据。"
    edited = "我们都在用 Snowflake 存数据。"
    data = tomllib.loads(learn_lexicon(raw, edited, Lexicon.from_terms(["Snowflake"])))
    assert [(t["canonical"], t["variants"]) for t in data["terms"]] == [
        ("Snowflake", ["斯诺佛雷克"])]


def test_a_case_or_spacing_fix_of_a_known_term_adds_no_entry() -> None:
    raw = "我们用 data bricks 和 snow flake。"
    edited = "我们用 Databricks 和 Snowflake。"
    data = tomllib.loads(learn_lexicon(raw, edited, Lexicon.from_terms(["Databricks",
                                                                       "Snowflake"])))
    assert not data.get("terms")


_LINE = st.text(alphabet=st.sampled_from(list("我们在用模型做训练和推理 abcdeopnAI，。")),
                max_size=30)


@settings(max_examples=40, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=4))
def test_an_unedited_transcript_teaches_nothing(lines: list[str]) -> None:
    text = "\n".join(lines)
    data = tomllib.loads(learn_lexicon(text, text, Lexicon.from_terms(["OpenAI", "推理"])))
    assert not data.get("terms")


_HEARD = st.text(alphabet=st.sampled_from(list("瑞迪斯诺佛雷克达塔布")), min_size=2,
                 max_size=5)


@settings(max_examples=30, deadline=None)
@given(st.lists(_HEARD, min_size=1, max_size=3, unique=True))
def test_learned_variants_round_trip_through_the_lexicon_loader(heard: list[str]) -> None:
    raw = "\n".join(f"第{k}段我们在用{h}做数据。" for k, h in enumerate(heard))
    edited = "\n".join(f"第{k}段我们在用 Databricks 做数据。" for k, _ in enumerate(heard))
    toml = learn_lexicon(raw, edited, Lexicon.from_terms(["Databricks"]))
    lexicon = Lexicon.from_terms(tomllib.loads(toml).get("terms", []) and [
        Term(**t) for t in tomllib.loads(toml)["terms"]])
    learned = set(lexicon["Databricks"].variants) if "Databricks" in lexicon else set()
    assert learned <= set(heard)
    for v in learned:
        assert f"# {v!r} x1" in toml


def test_a_heard_form_that_may_be_a_shorter_term_and_a_particle_is_held() -> None:
    # "派森尼的" was Pythonic here, but with Python in the lexicon it is as likely "Python 的"
    raw = "我们说这段代码是派森尼的写法。\n这样写就不够派森尼克。"
    edited = "我们说这段代码是 Pythonic 写法。\n这样写就不够 Pythonic。"
    toml = learn_lexicon(raw, edited, Lexicon.from_terms(["Python", "Pythonic"]))
    assert [t["variants"] for t in tomllib.loads(toml)["terms"]] == [["派森尼克"]]
    assert "# 'Pythonic' <- '派森尼的' x1:" in toml
    alone = learn_lexicon(raw, edited, Lexicon.from_terms(["Pythonic"]))
    assert sorted(tomllib.loads(alone)["terms"][0]["variants"]) == ["派森尼克", "派森尼的"]
