"""docs/ci.md: its commands parse, its workflow and hooks are valid YAML, its baseline example
is a baseline asrfix reads."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from asrfix.baseline import read_baseline
from asrfix.cli import build_parser

DOC = Path(__file__).resolve().parents[1] / "docs" / "ci.md"
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _commands() -> list[str]:
    found = []
    for _, body in BLOCKS:
        for line in body.splitlines():
            m = re.match(r"\s*(?:- run: )?(asrfix .*?)\s*(?:#.*)?$", line)
            if m:
                found.append(m.group(1))
    return found


@pytest.mark.parametrize("command", _commands())
def test_commands_parse(command: str) -> None:
    argv = shlex.split(command.split(">")[0])[1:]
    build_parser().parse_args(argv)


def test_at_least_the_main_commands_are_there() -> None:
    commands = " ".join(_commands())
    for option in ("--write-baseline", "--baseline", "--format github"):
        assert option in commands


def test_yaml_blocks_parse_and_name_the_hooks() -> None:
    yaml = pytest.importorskip("yaml")
    docs = [yaml.safe_load(body) for lang, body in BLOCKS if lang == "yaml"]
    workflow = next(d for d in docs if "jobs" in d)
    assert any("asrfix check" in step.get("run", "") for step in workflow["jobs"]["asrfix"]
               ["steps"])
    hooks = next(d for d in docs if "repos" in d)["repos"][0]["hooks"]
    assert {h["id"] for h in hooks} == {"asrfix-check", "asrfix-fix"}
    build_parser().parse_args(["check", *hooks[0]["args"], "a.txt"])


def test_the_baseline_example_is_read(tmp_path: Path) -> None:
    body = next(body for lang, body in BLOCKS if lang == "json")
    (tmp_path / "b.json").write_text(body, encoding="utf-8")
    assert len(read_baseline(str(tmp_path / "b.json"))) == 1
