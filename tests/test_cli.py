"""The command line, in process (exit codes, outputs) plus one installed-script smoke test."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asrfix.cli import EXIT_CLEAN, EXIT_CONFIG, EXIT_FOUND, EXIT_NOINPUT, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def lexicon(tmp_path: Path) -> Path:
    p = tmp_path / "lex.txt"
    p.write_text("姚顺雨\nDeepSeek\nOpenAI\n", encoding="utf-8")
    return p


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_check_json_contract(tmp_path: Path, lexicon: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("今天请到了尧舜禹。\n聊 deep seek。", encoding="utf-8")
    code, out = run("check", str(f), "--lexicon", str(lexicon), "--no-default-lexicons",
                    "--format", "json")
    assert code == EXIT_FOUND
    doc = json.loads(out)
    [entry] = doc["files"]
    assert entry["path"] == str(f)
    text = f.read_text(encoding="utf-8")
    for c in entry["corrections"]:
        assert text[c["start"]:c["end"]] == c["original"]
        assert c["status"] in ("fix", "suggestion")
        assert {"replacement", "term", "kind", "score", "evidence"} <= set(c)
    assert [c["replacement"] for c in entry["corrections"]] == ["姚顺雨", "DeepSeek"]
    assert entry["corrections"][1]["line"] == 2


def test_check_text_and_clean_exit(tmp_path: Path, lexicon: Path) -> None:
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("我们请到了尧舜禹", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("我们请到了姚顺雨", encoding="utf-8")
    code, out = run("check", str(dirty), "-l", str(lexicon), "--no-default-lexicons")
    assert code == EXIT_FOUND
    assert f"{dirty}:1:6: 尧舜禹 -> 姚顺雨 (fix" in out
    code, out = run("check", str(clean), "-l", str(lexicon), "--no-default-lexicons")
    assert (code, out) == (EXIT_CLEAN, "")
    code, out = run("check", str(dirty), "-l", str(lexicon), "--exit-zero")
    assert code == EXIT_CLEAN and "尧舜禹 -> 姚顺雨" in out


def test_fix_prints_corrected_text(tmp_path: Path, lexicon: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("我们请到了尧舜禹，聊 open a", encoding="utf-8")
    code, out = run("fix", str(f), "-l", str(lexicon), "--no-default-lexicons")
    assert code == EXIT_CLEAN
    assert out.startswith("我们请到了姚顺雨，聊 ")
    code, out = run("fix", str(f), "-l", str(lexicon), "--no-default-lexicons",
                    "--include-suggestions")
    assert out == "我们请到了姚顺雨，聊 OpenAI"


def test_missing_and_undecodable_input(tmp_path: Path, lexicon: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("check", str(tmp_path / "none.txt"), "-l", str(lexicon))
    assert code == EXIT_NOINPUT
    assert "none.txt: no such file" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes("第一行\n".encode() + b"\xff\xfe\n")
    code, _ = run("check", str(bad), "-l", str(lexicon))
    assert code == EXIT_NOINPUT
    err = capsys.readouterr().err
    assert f"{bad}:2: not UTF-8" in err and "Traceback" not in err


def test_broken_lexicon_is_a_config_error(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    lex = tmp_path / "lex.txt"
    lex.write_text("A\nA\n", encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    code, _ = run("check", str(f), "-l", str(lex))
    assert code == EXIT_CONFIG
    assert f"{lex}:2: duplicate term 'A'" in capsys.readouterr().err
    code, _ = run("lexicon", "check", str(lex))
    assert code == EXIT_CONFIG


def test_lexicon_check_shipped() -> None:
    code, out = run("lexicon", "check")
    assert code == EXIT_CLEAN and out.endswith("terms: ok\n")


@pytest.mark.parametrize("argv", [[], ["check"], ["frobnicate"], ["check", "--format", "xml",
                                                                   "a"], ["lexicon"]])
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    assert code == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err


def test_thresholds_out_of_order_on_the_command_line_are_a_usage_error(
        tmp_path: Path, lexicon: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    code, _ = run("check", str(f), "-l", str(lexicon), "--min-score", "0.95",
                  "--fix-threshold", "0.5")
    assert code == EXIT_USAGE
    assert "--fix-threshold 0.5 must be at least --min-score 0.95" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch, lexicon: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("尧舜禹".encode())))
    code, out = run("fix", "-", "-l", str(lexicon), "--no-default-lexicons")
    assert (code, out) == (EXIT_CLEAN, "姚顺雨")


def test_installed_console_script(tmp_path: Path) -> None:
    exe = shutil.which("asrfix")
    cmd = [exe] if exe else [sys.executable, "-m", "asrfix"]
    f = tmp_path / "a.txt"
    f.write_text("聊聊 deep seek 和 open a", encoding="utf-8")
    run_ = subprocess.run([*cmd, "check", str(f), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert run_.returncode == EXIT_FOUND, run_.stderr
    reps = [c["replacement"] for c in json.loads(run_.stdout)["files"][0]["corrections"]]
    assert "DeepSeek" in reps
    mod = subprocess.run([sys.executable, "-m", "asrfix", "--version"], capture_output=True,
                         text=True, timeout=60)
    assert mod.returncode == 0 and mod.stdout.startswith("asrfix ")


def test_transliterated_flag_and_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = tmp_path / "t.txt"
    text.write_text("他后来去了欧朋爱做研究员\n", encoding="utf-8")
    lex = tmp_path / "lex.txt"
    lex.write_text("OpenAI\n", encoding="utf-8")
    args = ("check", str(text), "-l", str(lex), "--no-default-lexicons")
    assert run(*args) == (EXIT_CLEAN, "")
    code, out = run(*args, "--transliterated")
    assert code == EXIT_FOUND and "欧朋爱 -> OpenAI (suggestion" in out
    (tmp_path / "asrfix.toml").write_text("transliterated = true\n", encoding="utf-8")
    assert run(*args)[0] == EXIT_FOUND
