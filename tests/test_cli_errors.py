"""Every configuration and argument error names the option or key (and the file): 64 for the
command line, 78 for configuration files, never a pydantic address or a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from asrfix.cli import EXIT_CONFIG, EXIT_USAGE, main


def run(*argv: str) -> int:
    return main(list(argv), stdout=io.StringIO())


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.txt").write_text("我们请到了尧舜禹\n", encoding="utf-8")
    (tmp_path / "lex.txt").write_text("姚顺雨\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _clean(err: str) -> None:
    assert "pydantic" not in err and "http" not in err and "Traceback" not in err


@pytest.mark.parametrize(("argv", "named"), [
    (["--min-score", "2"], "--min-score"),
    (["--min-score", "-0.1"], "--min-score"),
    (["--min-score", "nan"], "--min-score"),
    (["--fix-threshold", "1.5"], "--fix-threshold"),
    (["--min-score", "high"], "--min-score"),
    (["--jobs", "0"], "--jobs"),
    (["--fail-on", "sometimes"], "--fail-on"),
    (["--min-score", "0.95"], "--min-score 0.95"),  # above the default fix threshold
])
def test_bad_flags_are_usage_errors_naming_the_flag(
        project: Path, capsys: pytest.CaptureFixture[str], argv: list[str], named: str) -> None:
    assert run("check", "a.txt", "-l", "lex.txt", *argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert named in err
    _clean(err)


@pytest.mark.parametrize(("body", "named", "line"), [
    ("min_score = 1.5", "min_score must be between 0 and 1", 6),
    ("fix-threshold = -1", "fix-threshold must be between 0 and 1", 6),
    ("min_score = 'high'", "min_score must be a float", 6),
    ("fail_on = 'always'", "fail_on must be one of suggestion, fix, never", 6),
    ("input_format = 'docx'", "input_format must be one of", 6),
    ("exclude = 'drafts/*'", "exclude must be a list of strings", 6),
    ("transliterated = 1", "transliterated must be a bool", 6),
    ("colour = true", "unknown key 'colour'", 6),
    ("min_score = 0.9\nfix_threshold = 0.8",
     "fix_threshold = 0.8 must be at least min_score = 0.9", 7),
])
def test_bad_pyproject_values_name_the_key_file_and_line(
        project: Path, capsys: pytest.CaptureFixture[str], body: str, named: str,
        line: int) -> None:
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.asrfix]\nlexicon = ["lex.txt"]\n{body}\n',
        encoding="utf-8")
    assert run("check", "a.txt") == EXIT_CONFIG
    err = capsys.readouterr().err
    assert f"{project / 'pyproject.toml'}:{line}: {named}" in err
    _clean(err)


def test_a_flag_against_the_configuration_is_a_usage_error(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "asrfix.toml").write_text("fix_threshold = 0.8\n", encoding="utf-8")
    assert run("check", "a.txt", "-l", "lex.txt", "--min-score", "0.9") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "fix_threshold = 0.8 (in " in err and "asrfix.toml" in err
    assert "--min-score 0.9" in err
    _clean(err)


def test_asrfix_toml_errors_give_the_line(project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (project / "asrfix.toml").write_text("# thresholds\n\nmin_score = 7\n", encoding="utf-8")
    assert run("check", "a.txt", "-l", "lex.txt") == EXIT_CONFIG
    assert f"{project / 'asrfix.toml'}:3: min_score must be between 0 and 1" in (
        capsys.readouterr().err)
