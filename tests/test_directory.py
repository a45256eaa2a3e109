"""Entity directories: the lexicon role, how it is read and kept, and what a directory's
names may and may not rewrite."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, Lexicon, LexiconError, Term
from asrfix.index import TermIndex, squash
from asrfix.lexicon import DIRECTORY_TERMS


def write(tmp_path: Path, name: str, content: str) -> Path:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    return p


def roles(lex: Lexicon) -> dict[str, str]:
    return {t.canonical: t.role for t in lex}


def proposals(fixer: Corrector, text: str) -> list[tuple[str, str, str]]:
    return [(c.original, c.replacement, c.status) for c in fixer.check(text).corrections]


# ---------------------------------------------------------------------- the role


def test_toml_role_is_every_terms_unless_a_term_says_otherwise(tmp_path: Path) -> None:
    p = write(tmp_path, "names.toml", '[lexicon]\nrole = "directory"\n\n'
              '[[terms]]\ncanonical = "Harbor Labs"\n\n'
              '[[terms]]\ncanonical = "QuillPad"\nrole = "show"\n')
    assert roles(Lexicon.load(p)) == {"Harbor Labs": "directory", "QuillPad": "show"}


def test_toml_role_defaults_to_the_show(tmp_path: Path) -> None:
    p = write(tmp_path, "show.toml", '[[terms]]\ncanonical = "QuillPad"\n')
    assert roles(Lexicon.load(p)) == {"QuillPad": "show"}


def test_an_unknown_lexicon_role_names_file_line_and_choices(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.toml", '[lexicon]\nname = "x"\nrole = "archive"\n')
    with pytest.raises(LexiconError) as err:
        Lexicon.load(p)
    assert err.value.path == str(p) and err.value.line == 3
    assert "role must be one of show, directory, not 'archive'" in str(err.value)


def test_an_unknown_term_role_names_its_line(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.toml", '[[terms]]\ncanonical = "A1"\n\n'
              '[[terms]]\ncanonical = "QuillPad"\nrole = "guest"\n')
    with pytest.raises(LexiconError) as err:
        Lexicon.load(p)
    assert err.value.line == 4 and "role" in str(err.value)


def test_a_plain_file_is_a_directory_from_its_size(tmp_path: Path) -> None:
    small = write(tmp_path, "show.txt", "QuillPad\n# a comment\n")
    big = write(tmp_path, "names.txt", "".join(f"Name{i}\n" for i in range(DIRECTORY_TERMS)))
    assert set(roles(Lexicon.load(small)).values()) == {"show"}
    assert set(roles(Lexicon.load(big)).values()) == {"directory"}
    assert set(roles(Lexicon.load(big, role="show")).values()) == {"show"}
    assert set(roles(Lexicon.load(small, role="directory")).values()) == {"directory"}


def test_the_role_is_part_of_the_digest(tmp_path: Path) -> None:
    p = write(tmp_path, "show.txt", "QuillPad\n")
    assert Lexicon.load(p).digest != Lexicon.load(p, role="directory").digest


def test_an_unknown_role_argument_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="role must be one of"):
        Lexicon.load(write(tmp_path, "show.txt", "QuillPad\n"), role="guest")  # type: ignore[arg-type]


def test_a_term_in_both_stays_the_shows(tmp_path: Path) -> None:
    show = Lexicon.from_terms(["QuillPad"])
    names = Lexicon.from_terms([Term(canonical="QuillPad", role="directory"),
                                Term(canonical="Harbor Labs", role="directory")])
    assert roles(names + show) == {"QuillPad": "show", "Harbor Labs": "directory"}


def test_the_role_round_trips_through_index_state_and_pickle() -> None:
    lex = Lexicon.from_terms([Term(canonical="Harbor Labs", role="directory"), "QuillPad"])
    index = TermIndex.from_state(TermIndex(lex).to_state())
    assert [(t.canonical, t.role) for t in index.terms] == [
        ("Harbor Labs", "directory"), ("QuillPad", "show")]
    assert index.has_directory
    again = pickle.loads(pickle.dumps(Corrector(lex)))
    assert roles(again.lexicon) == roles(lex)


def test_the_cli_reads_directory_files_as_a_directory(tmp_path: Path) -> None:
    from asrfix.cli import main

    show = write(tmp_path, "show.txt", "QuillPad\n")
    names = write(tmp_path, "names.txt", "TASK\n")
    text = write(tmp_path, "talk.txt", "我们的 task 今天做完\n")
    assert main(["check", "--no-default-lexicons", "-l", str(show), "-l", str(names),
                 str(text)]) == 65  # (the one-term file is the show's: task → TASK is offered)
    assert main(["check", "--no-default-lexicons", "-l", str(show), "--directory",
                 str(names), str(text)]) == 0


# ---------------------------------------------------------------------- what a directory does


def directory(*names: str) -> list[Term]:
    return [Term(canonical=n, role="directory") for n in names]


@pytest.mark.parametrize(("text", "names"), [
    ("It just doesn't make sense to me.", ["MakeSense"]),
    ("我们用的是 open source 的方案", ["OpenSource"]),
    ("She set up the open router in the hall.", ["OpenRouter"]),
    ("那个 task 我明天交", ["TASK"]),
    ("把 web 页面打开", ["WEB"]),
    ("第 a 组和第 b 组", ["A", "B"]),
    ("他一直很要强，从不认输", ["姚强"]),
    ("这是一个新的范式", ["范诗"]),
    ("冬天的寒冬来了", ["方东"]),
])
def test_ordinary_speech_is_not_rewritten_by_a_directory_look_alike(
        text: str, names: list[str]) -> None:
    assert proposals(Corrector(directory(*names)), text) == []


def test_a_show_term_wins_over_a_directory_look_alike() -> None:
    fixer = Corrector([Term(canonical="SmartCrow"), *directory("SmartCloud", "SmartCrawl")])
    assert [p[1] for p in proposals(fixer, "我们在用 smart cloud 写代码")] == ["SmartCrow"]


def test_a_directory_acronym_written_does_not_shield_a_show_term() -> None:
    text = "这个 chat BT 很好用"
    show_only = proposals(Corrector(["ChatGPT"]), text)
    assert show_only and show_only == proposals(Corrector(["ChatGPT", *directory("BT")]), text)


def test_a_directory_name_never_grows_out_of_a_correct_term() -> None:
    text = "这个比 DeepMind 做得好"
    assert proposals(Corrector(["DeepMind", *directory("BitDeepMind")]), text) == []


def test_a_directory_name_by_sound_is_at_most_suggested() -> None:
    fixer = Corrector(directory("Zorbatek"))
    found = proposals(fixer, "we talked to zorba tech yesterday")
    assert found == [("zorba tech", "Zorbatek", "suggestion")]
    assert proposals(Corrector(["Zorbatek"]), "we talked to zorba tech yesterday")[0][2] \
        == "fix"


def test_alike_directory_names_for_one_span_leave_it_alone() -> None:
    text = "采访了苏晓桐"
    assert proposals(Corrector(directory("苏小彤")), text) == []  # (an ordinary word: 小)
    alone = proposals(Corrector(directory("苏骁桐")), "采访了苏骁童")
    assert alone == [("苏骁童", "苏骁桐", "suggestion")]
    assert proposals(Corrector(directory("苏骁桐", "苏骁同")), "采访了苏骁童") == []


def test_a_show_acronym_from_a_lowercase_word_is_never_a_fix() -> None:
    found = proposals(Corrector(["TASK"]), "那个 task 我明天交")
    assert all(status == "suggestion" for *_, status in found)


# ---------------------------------------------------------------------- an invariant

SHOW = ["SmartCrow", "姚顺雨", "DeepSeek", "GPT-4", "Zorbatek", "MoE"]
FRAGMENTS = ["smart cloud", "zorba tech", "聊 zorba tecks", "姚顺宇", "要顺雨", "deep seek",
             "task", "我们", "聊了", "make sense", "GPT 4", "cloud code", "范式", "web", "a",
             "Sun Ray", "孙瑞", "the open router", "MOE"]
NAMES = ["SmartCloud", "Zorbatech", "ZorbaTecks", "SmartCrawl", "姚顺宇", "MakeSense", "TASK",
         "WEB", "CloudCode", "孙瑞", "SunRay", "范诗", "Deep Sea", "A", "MOE"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8),
       st.sets(st.sampled_from(NAMES), min_size=1))
def test_a_directory_never_changes_what_the_show_terms_propose(
        parts: list[str], names: set[str]) -> None:
    """(Of directory names not spelled as a show term up to case and spacing: MOE beside MoE
    guards its span as the show's term would.)"""
    names = {n for n in names if squash(n) not in {squash(s) for s in SHOW}}
    text = " ".join(parts)
    alone = Corrector(SHOW).check(text).corrections
    beside = Corrector([*SHOW, *directory(*sorted(names - set(SHOW)))]).check(text).corrections
    assert [c for c in beside if c.term in SHOW] == list(alone)
    assert all(c.status == "suggestion" or c.evidence.method in ("format", "variant")
               for c in beside if c.term not in SHOW)


def test_a_written_directory_name_leaves_a_show_terms_first_part_alone() -> None:
    text = "我们用 QuillPad 和 Quill Tech 做的，后来 quill 很好用"
    show = ["QuillPad"]
    alone = proposals(Corrector(show), text)
    assert ("quill", "QuillPad", "suggestion") in alone
    assert proposals(Corrector([*show, *directory("Quill Tech")]), text) == alone
