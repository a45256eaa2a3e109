"""Learning variants from human edits."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

from asrfix import Corrector, Lexicon
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
