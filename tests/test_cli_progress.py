"""The progress bar: on a terminal for long runs only, never with JSON or off a terminal."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from asrfix.cli import EXIT_FOUND, main

DIRTY = "我们请到了尧舜禹\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TERM", raising=False)
    (tmp_path / "lex.txt").write_text("姚顺雨\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DIRTY, encoding="utf-8")
    return tmp_path


def check(*argv: str, stdout: io.StringIO | None = None) -> tuple[int, str]:
    out = stdout if stdout is not None else io.StringIO()
    code = main(["check", *argv, "--no-default-lexicons", "-l", "lex.txt"], stdout=out)
    return code, out.getvalue()


def test_a_bar_on_a_terminal(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    code, out = check("a.txt", "b.txt")
    assert code == EXIT_FOUND and out.count("尧舜禹 -> 姚顺雨") == 2
    assert "━" in err.getvalue() and "2/2 b.txt" in err.getvalue()


def test_output_to_the_terminal_waits_for_the_bar(work: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    out = Terminal()
    written: list[str] = []
    real_write = out.write

    def write(s: str) -> int:
        written.append(err.getvalue())  # what the terminal showed before this output
        return real_write(s)

    out.write = write  # type: ignore[method-assign]
    code, text = check("a.txt", "b.txt", stdout=out)
    assert code == EXIT_FOUND and text.count("姚顺雨") == 2
    assert len(written) == 1 and "2/2 b.txt" in written[0]  # all of it, once the bar is done


def test_no_bar_for_json_off_a_terminal_or_when_asked(
        work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    code, out = check("a.txt", "b.txt", "--format", "json")
    assert code == EXIT_FOUND and len(json.loads(out)["files"]) == 2
    assert err.getvalue() == ""
    check("a.txt", "b.txt", "--no-progress")
    assert err.getvalue() == ""
    check("a.txt")  # one small file: not a long run
    assert err.getvalue() == ""
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stderr", plain)
    check("a.txt", "b.txt")
    assert plain.getvalue() == ""


def test_a_counter_without_rich(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich.progress", None)
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    code, out = check("a.txt", "b.txt", "missing.txt")
    assert code == 66 and out.count("姚顺雨") == 2
    shown = err.getvalue()
    assert "\rasrfix: 2/3 b.txt" in shown and "missing.txt: no such file" in shown
