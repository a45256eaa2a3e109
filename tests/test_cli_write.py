"""``fix --write``: every target checked before anything is written; links, modes and owners
kept; read-only files refused."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from asrfix import fileio
from asrfix.cli import EXIT_CLEAN, EXIT_NOINPUT, main

DIRTY = "我们请到了尧舜禹\n"
FIXED = "我们请到了姚顺雨\n"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def fix_w(*paths: Path) -> int:
    return run("fix", "-w", *map(str, paths), "--no-default-lexicons", "-l", "lex.txt")[0]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lex.txt").write_text("姚顺雨\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DIRTY, encoding="utf-8")
    return tmp_path


def test_a_read_only_file_is_refused_and_nothing_is_written(
        work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The mode is honoured even by root, who could write the file anyway."""
    (work / "b.txt").chmod(0o444)
    assert fix_w(work / "a.txt", work / "b.txt") == EXIT_NOINPUT
    err = capsys.readouterr().err
    assert f"{work / 'b.txt'}: cannot write: read-only file (mode 444)" in err
    assert "nothing written" in err and "Traceback" not in err
    assert (work / "a.txt").read_text(encoding="utf-8") == DIRTY  # not even the good one
    assert (work / "b.txt").read_text(encoding="utf-8") == DIRTY


def test_a_read_only_file_with_nothing_to_fix_is_no_obstacle(work: Path) -> None:
    (work / "b.txt").write_text(FIXED, encoding="utf-8")
    (work / "b.txt").chmod(0o444)
    assert fix_w(work / "a.txt", work / "b.txt") == EXIT_CLEAN
    assert (work / "a.txt").read_text(encoding="utf-8") == FIXED


def test_an_unwritable_directory_stops_the_batch_before_any_write(
        work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    locked = work / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(DIRTY, encoding="utf-8")
    real_access = os.access

    def access(path: str | os.PathLike[str], mode: int, **kw: object) -> bool:
        if os.fspath(path) == str(locked) and mode & os.W_OK:
            return False  # as for a user without write permission on the directory
        return real_access(path, mode)

    monkeypatch.setattr(fileio.os, "access", access)
    assert fix_w(work / "a.txt", locked / "c.txt") == EXIT_NOINPUT
    err = capsys.readouterr().err
    assert f"{locked / 'c.txt'}: cannot write: its directory {locked} is not writable" in err
    assert (work / "a.txt").read_text(encoding="utf-8") == DIRTY
    assert (locked / "c.txt").read_text(encoding="utf-8") == DIRTY


@pytest.mark.skipif(ROOT_USER, reason="root may write in any directory whatever its mode")
def test_a_directory_without_write_permission(work: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    locked = work / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(DIRTY, encoding="utf-8")
    locked.chmod(0o555)
    try:
        assert fix_w(work / "a.txt", locked / "c.txt") == EXIT_NOINPUT
    finally:
        locked.chmod(0o755)
    assert "is not writable" in capsys.readouterr().err
    assert (work / "a.txt").read_text(encoding="utf-8") == DIRTY


def test_a_failed_write_is_reported_without_a_traceback(
        work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def full(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full)
    assert fix_w(work / "a.txt") == EXIT_NOINPUT
    err = capsys.readouterr().err
    assert f"{work / 'a.txt'}: cannot write: No space left on device" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in work.iterdir()) == ["a.txt", "b.txt", "lex.txt"]


def test_a_symlink_is_followed_and_kept(work: Path) -> None:
    real = work / "real"
    real.mkdir()
    (real / "talk.txt").write_text(DIRTY, encoding="utf-8")
    link = work / "talk.txt"
    link.symlink_to(real / "talk.txt")
    assert fix_w(link) == EXIT_CLEAN
    assert link.is_symlink() and os.readlink(link) == str(real / "talk.txt")
    assert (real / "talk.txt").read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in real.iterdir()) == ["talk.txt"]


def test_mode_is_kept(work: Path) -> None:
    (work / "a.txt").chmod(0o604)
    assert fix_w(work / "a.txt") == EXIT_CLEAN
    assert stat.S_IMODE((work / "a.txt").stat().st_mode) == 0o604


@pytest.mark.skipif(not ROOT_USER, reason="only root may give a file to another user")
def test_owner_and_group_are_kept_as_root(work: Path) -> None:
    os.chown(work / "a.txt", 4321, 8765)
    assert fix_w(work / "a.txt") == EXIT_CLEAN
    st = (work / "a.txt").stat()
    assert (st.st_uid, st.st_gid) == (4321, 8765)
    assert (work / "a.txt").read_text(encoding="utf-8") == FIXED


def test_write_problem_names_each_cause(work: Path) -> None:
    assert fileio.write_problem(work / "a.txt") is None
    assert fileio.write_problem(work / "none.txt") == "no such file"
    assert fileio.write_problem(work) == "not a regular file"
    (work / "a.txt").chmod(0o400)
    assert fileio.write_problem(work / "a.txt") == (
        "read-only file (mode 400); make it writable first")
