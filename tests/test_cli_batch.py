"""Real repositories: JSON files that are not transcripts, and bad files among good ones."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from asrfix.cli import EXIT_CLEAN, EXIT_FOUND, EXIT_NOINPUT, main

GOLDEN = Path(__file__).parent / "golden"
LEX = ["--no-default-lexicons", "-l", str(GOLDEN / "lexicon.toml")]
DIRTY = "我们请到了尧舜禹，聊 deep seek\n"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text(
        '{\n  // editor settings\n  "editor.tabSize": 2,\n}\n', encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "talks", "version": "1.0.0"}\n',
                                           encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text('[1, 2, 3]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    shutil.copy(GOLDEN / "whisper.json", tmp_path / "whisper.json")
    return tmp_path


def test_json_files_that_are_not_transcripts_are_skipped_when_named(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pre-commit names every staged file: a package.json or editor settings among them is
    noted and skipped, not an error."""
    code, out = run("check", "package.json", ".vscode/settings.json", "tsconfig.json",
                    "a.txt", "whisper.json", "--format", "json", *LEX)
    assert code == EXIT_FOUND
    assert [f["path"] for f in json.loads(out)["files"]] == ["a.txt", "whisper.json"]
    err = capsys.readouterr().err
    for name in ("package.json", ".vscode/settings.json", "tsconfig.json"):
        assert f"skipped {name}: not a Whisper-style JSON transcript" in err
    assert "error" not in err
    assert run("check", "package.json", *LEX) == (EXIT_CLEAN, "")


def test_a_broken_whisper_file_is_still_an_error(repo: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "broken.json").write_text('{"segments": [{"text": "尧舜禹"}, {"start": 1}]}',
                                      encoding="utf-8")
    (repo / "truncated.json").write_text('{"segments": [{"text": "尧舜', encoding="utf-8")
    code, _ = run("check", "broken.json", "truncated.json", "a.txt", *LEX)
    assert code == EXIT_NOINPUT
    err = capsys.readouterr().err
    assert 'broken.json:1: segment 1 has no "text" string' in err
    assert "truncated.json:1: invalid JSON" in err


def test_every_file_is_checked_and_the_worst_exit_code_wins(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "latin1.txt").write_bytes("尧舜禹".encode("gb18030"))
    (repo / "z.txt").write_text(DIRTY, encoding="utf-8")
    code, out = run("check", "a.txt", "missing.txt", "latin1.txt", "a.txt/nested.txt",
                    "z.txt", "--format", "json", *LEX)
    assert code == EXIT_NOINPUT
    assert [f["path"] for f in json.loads(out)["files"]] == ["a.txt", "z.txt"]
    err = capsys.readouterr().err
    assert "asrfix: error: missing.txt: no such file" in err
    assert "asrfix: error: latin1.txt:1: not UTF-8" in err
    assert "asrfix: error: a.txt/nested.txt: cannot read: Not a directory" in err
    assert "Traceback" not in err


def test_fix_write_fixes_the_readable_files_beside_an_unreadable_one(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "b.txt").write_text(DIRTY, encoding="utf-8")
    code, _ = run("fix", "-w", "a.txt", "missing.txt", "b.txt", *LEX)
    assert code == EXIT_NOINPUT
    for name in ("a.txt", "b.txt"):
        assert (repo / name).read_text(encoding="utf-8").startswith("我们请到了姚顺雨")
    err = capsys.readouterr().err
    assert "missing.txt: no such file" in err and "fixed 2 in b.txt" in err


def test_a_directory_without_transcripts_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert run("check", str(tmp_path), *LEX)[0] == EXIT_NOINPUT


def test_jobs_report_bad_files_in_order(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "b.txt").write_text(DIRTY, encoding="utf-8")
    serial = run("check", "a.txt", "missing.txt", "package.json", "b.txt", *LEX)
    err_serial = capsys.readouterr().err
    parallel = run("check", "a.txt", "missing.txt", "package.json", "b.txt", "-j", "2", *LEX)
    assert parallel == serial and serial[0] == EXIT_NOINPUT
    assert capsys.readouterr().err == err_serial
