"""The README as written: its Python examples run (what they print is what their comments
say), its asrfix commands run, its lexicon examples load, it lists every Config field, and
CI runs its two set-up commands word for word."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asrfix import Lexicon

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```\s*$", re.M | re.S)
#: a word of a command synopsis, not of a command: PATH..., [--format ...], FILE, <tag>, A-B
_PLACEHOLDER = re.compile(r"\.\.\.|^[\[<]|^[A-Z][A-Z0-9_]*(?:-[A-Z])?$")
_MARK = "\x1eREADME block "


def blocks(*langs: str) -> list[tuple[int, str]]:
    """(line, code) of each fenced block in one of ``langs``, in order."""
    return [(README.count("\n", 0, m.start()) + 2, m.group(2))
            for m in _BLOCK.finditer(README) if m.group(1) in langs]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with the repository's data as a fresh checkout has it."""
    root = tmp_path_factory.mktemp("readme")
    for folder in ("seeds", "lexicons"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def run_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``command`` in bash, with this interpreter's ``asrfix`` first on the path."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def test_python_examples_run_and_print_what_they_say(workdir: Path) -> None:
    found = blocks("python")
    assert len(found) >= 5
    runner = ["import sys", "ns = {'__name__': '__readme__'}"]
    for line, code in found:
        runner += [f"print({_MARK + str(line)!r}, flush=True)",
                   f"exec(compile({code!r}, 'README.md:{line}', 'exec'), ns)"]
    proc = subprocess.run([sys.executable, "-c", "\n".join(runner)], cwd=workdir,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    printed = dict.fromkeys((line for line, _ in found), "")
    for chunk in proc.stdout.split(_MARK)[1:]:
        line, _, out = chunk.partition("\n")
        printed[int(line)] = out
    for line, code in found:
        comments = [c.strip()[2:] for c in code.splitlines() if c.strip().startswith("# ")]
        lines = printed[line].splitlines()
        it = iter(comments)
        missing = [o for o in lines if not any(o == c for c in it)]  # (in order)
        assert not missing, f"README.md:{line} prints lines its comments do not show: {missing}"


def _commands(code: str) -> list[str]:
    """The asrfix commands of a shell block (parts of ``&&`` chains), synopses left out."""
    out = []
    for raw in code.splitlines():
        line = raw.split(" #")[0].strip()
        for part in (p.strip() for p in line.split("&&")):
            words = shlex.split(part) if part.startswith("asrfix ") else []
            if words and not any(_PLACEHOLDER.search(w) for w in words):
                out.append(part)
    return out


def test_shell_commands_run(workdir: Path) -> None:
    commands = [c for _, code in blocks("sh") for c in _commands(code)]
    assert commands[0].startswith("asrfix check")
    for command in commands:
        proc = run_shell(command, workdir)
        assert proc.returncode == 0, (command, proc.stderr)
    first = run_shell(commands[0], workdir)
    assert "尧舜禹 -> 姚顺雨 (fix 1.00, pinyin)" in first.stdout


def test_console_examples_print_what_they_show(workdir: Path) -> None:
    found = blocks("console")
    assert found
    for line, code in found:
        for session in re.split(r"^(?=\$ )", code, flags=re.M):
            if not session.startswith("$ "):
                continue
            command, _, shown = session[2:].partition("\n")
            proc = run_shell(command, workdir)
            assert proc.returncode == 0, (command, proc.stderr)
            assert proc.stdout == shown, f"README.md:{line}: {command}"


def test_the_two_set_up_commands_come_first_and_ci_runs_them() -> None:
    _, first = blocks("sh", "console", "python", "text", "toml", "yaml")[0]
    assert README[:README.index("```")].strip() == "# asrfix"  # (nothing before them)
    commands = first.strip().splitlines()
    assert len(commands) == 2
    assert "pip install ." in commands[0] and "asrfix check" in commands[0]
    assert "--lexicon seeds/zhang-xiaojun-yao-shunyu.toml" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[0] in ci and commands[1] in ci


def test_lexicon_examples_load(tmp_path: Path) -> None:
    examples = [code for _, code in blocks("toml") if "[[terms]]" in code]
    assert examples
    for k, code in enumerate(examples):
        path = tmp_path / f"example{k}.toml"
        path.write_text(code, encoding="utf-8")
        assert len(Lexicon.load(path)) >= 1


def test_every_config_field_is_listed() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "config_fields.py")],
                          capture_output=True, text=True, check=True)
    assert proc.stdout.strip() in README


def test_the_readme_states_what_it_must() -> None:
    assert "Python 3.11" in README and "virtual environment" in README
    assert 'newline=""' in README  # (how to read a file as the JSON offsets count it)
