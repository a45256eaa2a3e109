"""``check --fail-on`` and the reviewed-findings baseline."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from asrfix.cli import EXIT_CLEAN, EXIT_CONFIG, EXIT_FOUND, EXIT_NOINPUT, main

LEX = ["--no-default-lexicons", "-l", "lex.txt", "--transliterated"]
#: a fix (尧舜禹 -> 姚顺雨) and a suggestion (欧朋爱 -> OpenAI)
TALK = "今天我们请到了尧舜禹。\n他后来去了欧朋爱做研究员。\n"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def found(*argv: str) -> tuple[int, list[tuple[str, str]]]:
    code, out = run("check", *argv, "--format", "json", *LEX)
    return code, [(f["path"], c["original"]) for f in json.loads(out)["files"]
                  for c in f["corrections"]]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lex.txt").write_text("姚顺雨\nOpenAI\n", encoding="utf-8")
    (tmp_path / "talks").mkdir()
    (tmp_path / "talks" / "a.txt").write_text(TALK, encoding="utf-8")
    return tmp_path


def test_fail_on(work: Path) -> None:
    talk = work / "talks" / "a.txt"
    assert run("check", str(talk), *LEX)[0] == EXIT_FOUND
    assert run("check", str(talk), "--fail-on", "suggestion", *LEX)[0] == EXIT_FOUND
    assert run("check", str(talk), "--fail-on", "fix", *LEX)[0] == EXIT_FOUND
    assert run("check", str(talk), "--fail-on", "never", *LEX)[0] == EXIT_CLEAN
    talk.write_text(TALK.replace("尧舜禹", "姚顺雨"), encoding="utf-8")  # a suggestion only
    code, out = run("check", str(talk), "--fail-on", "fix", *LEX)
    assert code == EXIT_CLEAN and "欧朋爱 -> OpenAI (suggestion" in out
    assert run("check", str(talk), *LEX)[0] == EXIT_FOUND
    (work / "asrfix.toml").write_text('fail_on = "fix"\n', encoding="utf-8")
    assert run("check", str(talk), *LEX)[0] == EXIT_CLEAN
    assert run("check", str(talk), "--fail-on", "suggestion", *LEX)[0] == EXIT_FOUND


def test_a_baseline_hides_the_reviewed_findings(work: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check", ".", "--write-baseline", "baseline.json", *LEX) == (EXIT_CLEAN, "")
    assert "2 finding(s) recorded in baseline.json" in capsys.readouterr().err
    assert found(".", "--baseline", "baseline.json") == (EXIT_CLEAN, [])
    err = capsys.readouterr().err
    assert "2 finding(s) recorded in baseline.json not shown" in err
    assert "skipped" not in err  # the baseline and the lexicon are not taken for transcripts
    assert run("check", ".", "--baseline", "baseline.json", *LEX) == (EXIT_CLEAN, "")
    # the same finding named otherwise: from the folder, or by an absolute path
    assert found(str(work / "talks" / "a.txt"), "--baseline", "baseline.json")[1] == []
    assert found("talks/a.txt", "--baseline", str(work / "baseline.json"))[1] == []


def test_findings_survive_edits_elsewhere_and_new_ones_show(work: Path) -> None:
    run("check", ".", "--write-baseline", "baseline.json", *LEX)
    talk = work / "talks" / "a.txt"
    talk.write_text("开场白。\n\n" + TALK + "中间的话。\n今天我们请到了尧舜禹。\n结束了。\n",
                    encoding="utf-8")
    code, left = found(".", "--baseline", "baseline.json")
    assert code == EXIT_FOUND and left == [("./talks/a.txt", "尧舜禹")]
    _, out = run("check", ".", "--baseline", "baseline.json", *LEX)
    assert out.startswith("./talks/a.txt:6:8: 尧舜禹 -> 姚顺雨")  # the second one, line 6


def test_a_changed_context_shows_the_finding_again(work: Path) -> None:
    run("check", ".", "--write-baseline", "baseline.json", *LEX)
    talk = work / "talks" / "a.txt"
    talk.write_text(TALK.replace("今天我们", "明天他们"), encoding="utf-8")
    assert found(".", "--baseline", "baseline.json")[1] == [("./talks/a.txt", "尧舜禹")]


def test_applying_a_neighbouring_fix_keeps_a_reviewed_suggestion_hidden(work: Path) -> None:
    talk = work / "talks" / "a.txt"
    talk.write_text("他去了欧朋爱和姚顺雨聊天\n", encoding="utf-8")
    run("check", ".", "--write-baseline", "baseline.json", *LEX)
    talk.write_text("他去了欧朋爱和尧舜禹聊天\n", encoding="utf-8")  # a new mis-hearing beside
    assert found(".", "--baseline", "baseline.json")[1] == [("./talks/a.txt", "尧舜禹")]
    assert run("fix", "-w", ".", "--baseline", "baseline.json", *LEX)[0] == EXIT_CLEAN
    assert talk.read_text(encoding="utf-8") == "他去了欧朋爱和姚顺雨聊天\n"
    assert found(".", "--baseline", "baseline.json") == (EXIT_CLEAN, [])


def test_fix_leaves_reviewed_fixes_alone(work: Path) -> None:
    run("check", ".", "--write-baseline", "baseline.json", *LEX)
    assert run("fix", "-w", ".", "--baseline", "baseline.json", *LEX)[0] == EXIT_CLEAN
    assert (work / "talks" / "a.txt").read_text(encoding="utf-8") == TALK


def test_the_baseline_file_is_versioned_sorted_and_one_finding_a_line(work: Path) -> None:
    (work / "talks" / "b.txt").write_text("尧舜禹，尧舜禹，尧舜禹\n", encoding="utf-8")
    run("check", ".", "--write-baseline", "ci/baseline.json", *LEX)
    text = (work / "ci" / "baseline.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["version"] == 1
    rows = [(f["path"], f["original"], f["before"], f["after"], f["occurrence"])
            for f in doc["findings"]]
    assert rows == sorted(rows)
    assert [r[0] for r in rows] == ["../talks/a.txt"] * 2 + ["../talks/b.txt"] * 3
    # the context shows the neighbouring fixes applied
    assert rows[2:] == [("../talks/b.txt", "尧舜禹", "", "，姚顺雨，姚顺雨", 0),
                        ("../talks/b.txt", "尧舜禹", "姚顺雨，", "，姚顺雨", 0),
                        ("../talks/b.txt", "尧舜禹", "姚顺雨，姚顺雨，", "", 0)]
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "version": 1,', '  "findings": ['] and lines[-2:] == ["  ]", "}"]
    assert all(json.loads(x.rstrip(","))["path"] for x in lines[3:-2])  # one finding a line
    assert "尧舜禹" in text  # not escaped
    run("check", ".", "--write-baseline", "ci/again.json", *LEX)
    assert (work / "ci" / "again.json").read_text(encoding="utf-8") == text


def test_identical_findings_are_told_apart_by_occurrence(work: Path) -> None:
    talk = work / "talks" / "a.txt"
    talk.write_text("尧舜禹\n尧舜禹\n", encoding="utf-8")
    run("check", ".", "--write-baseline", "baseline.json", *LEX)
    occurrences = [f["occurrence"] for f in json.loads(
        (work / "baseline.json").read_text(encoding="utf-8"))["findings"]]
    assert occurrences == [0, 1]
    talk.write_text("尧舜禹\n尧舜禹\n尧舜禹\n", encoding="utf-8")
    code, out = run("check", ".", "--baseline", "baseline.json", *LEX)
    assert code == EXIT_FOUND and out.splitlines() == [
        "./talks/a.txt:3:1: 尧舜禹 -> 姚顺雨 (fix 1.00, pinyin)"]


def test_the_baseline_in_the_configuration_is_relative_to_its_folder(
        work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--write-baseline", "reviewed.json", *LEX)
    (work / "pyproject.toml").write_text(
        '[tool.asrfix]\nbaseline = "reviewed.json"\nlexicon = ["lex.txt"]\n'
        'no_default_lexicons = true\ntransliterated = true\n', encoding="utf-8")
    monkeypatch.chdir(work / "talks")
    assert run("check", "a.txt") == (EXIT_CLEAN, "")
    _, out = run("config")
    assert json.loads(out)["baseline"] == str(work / "reviewed.json")


def test_a_missing_or_broken_baseline_is_reported(work: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check", ".", "--baseline", "none.json", *LEX)[0] == EXIT_NOINPUT
    assert "none.json: no such baseline file; record one with --write-baseline" in (
        capsys.readouterr().err)
    (work / "bad.json").write_text('{"version": 1, "findings": [\n{"path": 1}]}',
                                   encoding="utf-8")
    assert run("check", ".", "--baseline", "bad.json", *LEX)[0] == EXIT_CONFIG
    assert "bad.json: finding 0 must have exactly the keys" in capsys.readouterr().err
    (work / "bad.json").write_text('{"version": 2, "findings": []}', encoding="utf-8")
    assert run("check", ".", "--baseline", "bad.json", *LEX)[0] == EXIT_CONFIG
    assert "baseline version 2 is not supported" in capsys.readouterr().err
    (work / "bad.json").write_text("{", encoding="utf-8")
    assert run("check", ".", "--baseline", "bad.json", *LEX)[0] == EXIT_CONFIG
    assert "bad.json:1: not a baseline (invalid JSON" in capsys.readouterr().err
