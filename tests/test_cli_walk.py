"""Exclude patterns as users write them, through real directory walks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from asrfix.cli import EXIT_CLEAN, EXIT_FOUND, main
from asrfix.walk import Excludes, walk

LEX_LINE = "姚顺雨\n"
DIRTY = "我们请到了尧舜禹\n"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project: transcripts at the top, in talks/ and talks/2024/, drafts/ and notes."""
    (tmp_path / "lex.txt").write_text(LEX_LINE, encoding="utf-8")
    for rel in ("a.txt", "talks/b.srt", "talks/2024/c.txt", "drafts/d.txt",
                "drafts/old/e.txt", "talks/drafts/f.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".srt"):
            p.write_text(f"1\n00:00:01,000 --> 00:00:02,000\n{DIRTY}", encoding="utf-8")
        else:
            p.write_text(DIRTY, encoding="utf-8")
    (tmp_path / "talks" / "readme.md").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def checked(*argv: str) -> list[str]:
    code, out = run("check", *argv, "--format", "json", "--no-default-lexicons",
                    "-l", "lex.txt")
    assert code in (EXIT_CLEAN, EXIT_FOUND)
    return sorted(f["path"].removeprefix("./") for f in json.loads(out)["files"])


ALL = ["a.txt", "drafts/d.txt", "drafts/old/e.txt", "talks/2024/c.txt", "talks/b.srt",
       "talks/drafts/f.txt"]


@pytest.mark.parametrize(("pattern", "left_out"), [
    ("drafts/*", ["drafts/d.txt", "drafts/old/e.txt"]),
    ("./drafts/*", ["drafts/d.txt", "drafts/old/e.txt"]),
    ("drafts/", ["drafts/d.txt", "drafts/old/e.txt", "talks/drafts/f.txt"]),
    ("drafts", ["drafts/d.txt", "drafts/old/e.txt", "talks/drafts/f.txt"]),
    ("**/*.txt", ["a.txt", "drafts/d.txt", "drafts/old/e.txt", "talks/2024/c.txt",
                  "talks/drafts/f.txt"]),
    ("*.srt", ["talks/b.srt"]),
    ("talks/2024/*.txt", ["talks/2024/c.txt"]),
    ("talks/**/f.txt", ["talks/drafts/f.txt"]),
])
def test_exclude_patterns_on_a_walk_of_the_current_directory(
        repo: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, left_out: list[str]) -> None:
    monkeypatch.chdir(repo)
    want = [p for p in ALL if p not in left_out]
    assert checked(".", "--exclude", pattern) == want
    assert checked("./", "--exclude", pattern) == want
    (repo / "asrfix.toml").write_text(f"exclude = [{pattern!r}]\n", encoding="utf-8")
    assert checked(".") == want


def test_patterns_in_the_configuration_are_relative_to_its_folder(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "pyproject.toml").write_text('[tool.asrfix]\nexclude = ["talks/drafts/*"]\n',
                                         encoding="utf-8")
    monkeypatch.chdir(repo / "talks")
    code, out = run("check", ".", "--format", "json", "--no-default-lexicons", "-l",
                    str(repo / "lex.txt"))
    paths = sorted(Path(f["path"]).as_posix() for f in json.loads(out)["files"])
    assert code == EXIT_FOUND and paths == ["2024/c.txt", "b.srt"]


def test_patterns_are_relative_to_a_directory_walked_elsewhere(
        repo: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    found = walk([str(repo)], Excludes(["drafts/*", "*.srt"], [Path.cwd()])).sources
    rel = sorted(Path(s.path).relative_to(repo).as_posix() for s in found)
    assert rel == ["a.txt", "lex.txt", "talks/2024/c.txt", "talks/drafts/f.txt"]
    (repo / "asrfix.toml").write_text('lexicon = ["lex.txt"]\n', encoding="utf-8")
    monkeypatch.chdir(repo)
    assert checked(".") == ALL  # the lexicon in use is no transcript


def test_fix_write_leaves_excluded_files_alone(repo: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    (repo / "asrfix.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    code, _ = run("fix", "-w", ".", "--no-default-lexicons", "-l", "lex.txt")
    assert code == EXIT_CLEAN
    assert (repo / "a.txt").read_text(encoding="utf-8") == "我们请到了姚顺雨\n"
    assert (repo / "drafts" / "d.txt").read_text(encoding="utf-8") == DIRTY
    assert (repo / "drafts" / "old" / "e.txt").read_text(encoding="utf-8") == DIRTY


def test_named_files_are_excluded_too(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pre-commit names each file: an excluded one is left out, and a run left with no file
    is clean."""
    monkeypatch.chdir(repo)
    assert checked("a.txt", "drafts/d.txt", "--exclude", "drafts/") == ["a.txt"]
    assert run("check", "drafts/d.txt", "--exclude", "drafts", "-l", "lex.txt") == (
        EXIT_CLEAN, "")


def test_a_name_outside_the_bases_is_not_matched_by_its_parents(tmp_path: Path) -> None:
    rules = Excludes(["tmp", "*.json"], [tmp_path / "repo"])
    assert not rules.excluded(str(tmp_path / "repo" / "a.txt"))
    assert rules.excluded(str(tmp_path / "repo" / "tmp" / "a.txt"))
    assert rules.excluded(str(tmp_path / "repo" / "x.json"))
