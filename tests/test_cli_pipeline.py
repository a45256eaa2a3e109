"""Pipeline features of the command line: in-place fixing, diffs, walking, configuration."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from asrfix import fileio
from asrfix.cli import EXIT_CLEAN, EXIT_CONFIG, EXIT_FOUND, main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
LEX = ["--no-default-lexicons", "-l", str(GOLDEN / "lexicon.toml")]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    for name in ("talk.srt", "talk.vtt", "whisper.json", "interview.txt"):
        shutil.copy(GOLDEN / name, tmp_path / name)
    return tmp_path


def test_fix_write_changes_only_the_proposed_spans(work: Path) -> None:
    path = work / "interview.txt"
    before = path.read_text(encoding="utf-8")
    code, out = run("check", str(path), "--format", "json", *LEX)
    assert code == EXIT_FOUND
    fixes = [c for c in json.loads(out)["files"][0]["corrections"] if c["status"] == "fix"]
    assert fixes
    code, _ = run("fix", str(path), "-w", *LEX)
    assert code == EXIT_CLEAN
    after = path.read_text(encoding="utf-8")
    expected, pos = [], 0
    for c in fixes:
        expected += [before[pos:c["start"]], c["replacement"]]
        pos = c["end"]
    assert after == "".join(expected) + before[pos:]


def test_fix_without_write_prints_and_leaves_the_file(work: Path) -> None:
    path = work / "talk.srt"
    before = path.read_bytes()
    code, out = run("fix", str(path), *LEX)
    assert code == EXIT_CLEAN and "姚顺雨" in out
    assert path.read_bytes() == before


def test_atomic_write_keeps_the_original_when_the_rename_fails(
        work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = work / "talk.vtt"
    before = path.read_bytes()

    def boom(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", boom)
    with pytest.raises(OSError):
        fileio.write_atomic(path, "half")
    assert path.read_bytes() == before
    assert sorted(p.name for p in work.iterdir()) == sorted(
        ["talk.srt", "talk.vtt", "whisper.json", "interview.txt"])  # no temporary left


def test_atomic_write_survives_a_killed_writer(work: Path) -> None:
    """A writer killed mid-way leaves the old file (the new one is only ever renamed in)."""
    path = work / "big.txt"
    path.write_text("old content\n", encoding="utf-8")
    code = ("import sys, os; from asrfix import fileio\n"
            "os.fsync = lambda fd: os.kill(os.getpid(), 9)\n"  # die before the rename
            f"fileio.write_atomic({str(path)!r}, 'new ' * 1000000)\n")
    proc = subprocess.run([os.sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode != 0
    assert path.read_text(encoding="utf-8") == "old content\n"


def test_write_keeps_permissions(work: Path) -> None:
    path = work / "interview.txt"
    path.chmod(0o640)
    run("fix", str(path), "-w", *LEX)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch is not installed")
def test_diff_applies_with_patch(work: Path) -> None:
    original = work / "orig"
    original.mkdir()
    shutil.copy(work / "talk.srt", original / "talk.srt")
    cwd = os.getcwd()
    os.chdir(original)
    try:
        code, diff = run("check", "talk.srt", "--format", "diff", *LEX)
    finally:
        os.chdir(cwd)
    assert code == EXIT_FOUND and diff.startswith("--- a/talk.srt\n+++ b/talk.srt\n")
    subprocess.run(["patch", "-p1", "-s"], input=diff.encode(), cwd=original, check=True)
    code, fixed = run("fix", str(work / "talk.srt"), *LEX)
    assert (original / "talk.srt").read_text(encoding="utf-8") == fixed


def test_directories_are_walked_with_excludes(work: Path) -> None:
    (work / "sub").mkdir()
    shutil.copy(GOLDEN / "talk.srt", work / "sub" / "again.srt")
    (work / "notes.md").write_text("尧舜禹", encoding="utf-8")
    code, out = run("check", str(work), "--format", "json", "--exclude", "*.json", *LEX)
    assert code == EXIT_FOUND
    paths = sorted(Path(f["path"]).name for f in json.loads(out)["files"])
    assert paths == ["again.srt", "interview.txt", "talk.srt", "talk.vtt"]


def test_input_format_override(work: Path) -> None:
    path = work / "cues.txt"
    shutil.copy(GOLDEN / "talk.srt", path)
    _, out = run("check", str(path), "--input-format", "srt", "--format", "json", *LEX)
    locs = [c["location"] for c in json.loads(out)["files"][0]["corrections"]]
    assert locs[0]["time"] == "00:00:01,000 --> 00:00:03,200"


def test_project_configuration_and_flags(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(GOLDEN / "lexicon.toml", work / "terms.toml")
    (work / "pyproject.toml").write_text(
        '[tool.asrfix]\nlexicon = ["terms.toml"]\nno_default_lexicons = true\n'
        'min_score = 0.9\nexclude = ["*.vtt"]\n', encoding="utf-8")
    monkeypatch.chdir(work)
    code, out = run("config")
    eff = json.loads(out)
    assert code == EXIT_CLEAN and eff["min_score"] == 0.9
    assert eff["config_file"].endswith("pyproject.toml")
    _, out = run("config", "--min-score", "0.75")
    assert json.loads(out)["min_score"] == 0.75  # flags win
    _, out = run("check", ".", "--format", "json")
    files = json.loads(out)["files"]
    assert not any(f["path"].endswith(".vtt") for f in files)
    scores = [c["score"] for f in files for c in f["corrections"]]
    assert scores and min(scores) >= 0.9


def test_bad_configuration_is_reported(work: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (work / "asrfix.toml").write_text("min_score = 'high'\n", encoding="utf-8")
    monkeypatch.chdir(work)
    code, _ = run("check", "talk.srt")
    assert code == EXIT_CONFIG
    assert "min_score must be a float" in capsys.readouterr().err


def test_pre_commit_hooks_are_declared() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: asrfix-check" in text and "id: asrfix-fix" in text
    assert "entry: asrfix fix --write" in text


@pytest.mark.parametrize("path", ["talks/ep1.txt", "ep1.srt", "sub/ep1.vtt", "whisper/ep1.json"])
def test_pre_commit_hooks_claim_transcripts(path: str) -> None:
    for hook in _hooks():
        assert re.search(hook["files"], path) and not re.search(hook["exclude"], path), hook["id"]


@pytest.mark.parametrize("path", [
    "package.json", "web/package-lock.json", ".vscode/settings.json", "tsconfig.base.json",
    ".devcontainer/devcontainer.json", "requirements.txt", "requirements-dev.txt",
    "LICENSE.txt", "CMakeLists.txt", "node_modules/x/notes.txt", "pkg.egg-info/SOURCES.txt",
    "README.md", "talk.docx"])
def test_pre_commit_hooks_leave_other_files_alone(path: str) -> None:
    for hook in _hooks():
        assert not re.search(hook["files"], path) or re.search(hook["exclude"], path), hook["id"]


def _hooks() -> list[dict[str, str]]:
    yaml = pytest.importorskip("yaml")
    hooks: list[dict[str, str]] = yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["asrfix-check", "asrfix-fix"]
    return hooks


def test_jobs_give_the_same_output_in_the_same_order(work: Path) -> None:
    for i in range(4):
        shutil.copy(GOLDEN / "talk.srt", work / f"copy{i}.srt")
    _, serial = run("check", str(work), "--format", "json", *LEX)
    code, parallel = run("check", str(work), "--format", "json", "--jobs", "2", *LEX)
    assert code == EXIT_FOUND and parallel == serial


def test_corrector_pickles_small_and_equal() -> None:
    import pickle

    from asrfix import Corrector, Lexicon

    fixer = Corrector(Lexicon.load(GOLDEN / "lexicon.toml"), min_score=0.75)
    blob = pickle.dumps(fixer)
    assert len(blob) < 10_000
    clone = pickle.loads(blob)
    text = (GOLDEN / "talk.srt").read_text(encoding="utf-8")
    assert clone.check(text) == fixer.check(text) and clone.config == fixer.config


def test_walked_files_that_are_not_transcripts_are_skipped(
        work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    (work / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    code, out = run("check", str(work), "--format", "json", *LEX)
    assert code == EXIT_FOUND
    err = capsys.readouterr().err
    assert "skipped" in err and "package.json" in err and "latin1.txt" in err
    assert not any(f["path"].endswith("package.json") for f in json.loads(out)["files"])
    code, _ = run("check", str(work / "latin1.txt"), *LEX)  # named: an error
    assert code == 66
