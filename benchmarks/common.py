"""What the benchmark scripts share: where the seed transcript and the shared evaluation data
are, how a script's command line is described (its docstring, as written), and how checks of
several correctors are timed (in turns)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from asrfix.evaluate import gold_from_jsonl

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt"
#: ``../shared/eval`` beside the repository, or ``$ASRFIX_EVAL`` (absent on a user's clone:
#: scripts skip cleanly)
EVAL = Path(os.environ.get("ASRFIX_EVAL") or ROOT.parent / "shared" / "eval")


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """A parser whose help text is ``doc`` with its line breaks kept."""
    return argparse.ArgumentParser(description=doc,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


class _Checker(Protocol):
    def check(self, text: str) -> object: ...


def checks_in_turns(fixers: Sequence[_Checker], text: str, repeat: int) -> list[list[float]]:
    """Seconds of ``repeat`` checks of ``text`` by each fixer, the fixers taking turns round by
    round (a slow spell of the machine falls on all of them alike)."""
    runs: list[list[float]] = [[] for _ in fixers]
    for _ in range(repeat):
        for fixer, times in zip(fixers, runs, strict=True):
            t0 = time.perf_counter()
            fixer.check(text)
            times.append(time.perf_counter() - t0)
    return runs


def check_process(args: Sequence[str], env: dict[str, str] | None = None
                  ) -> tuple[float, int, int]:
    """Run ``python -m asrfix check ARGS --format json`` in a process of its own: its wall
    seconds, peak resident kilobytes and number of proposals (exits on an asrfix error)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "asrfix", "check", *args,
                                 "--format", "json"], stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        secs = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code not in (0, 65):
            sys.exit(f"asrfix failed ({code}): {err.read()[-2000:]}")
        kb = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
        return secs, kb, out.read().count('"start"')


def with_gold_applied(raw: str, records: Sequence[dict[str, Any]]) -> str:
    """``raw`` with the gold fixes of ``records`` (gold JSON Lines records, lines counted in
    ``raw``) applied, the first of overlapping fixes kept."""
    fixes = gold_from_jsonl(raw, (json.dumps(r, ensure_ascii=False) for r in records))
    out, pos = [], 0
    for g in sorted(fixes, key=lambda g: g.start):
        if g.start >= pos:
            out += [raw[pos:g.start], g.corrected]
            pos = g.end
    return "".join(out) + raw[pos:]


def distinct(n: int, make: Callable[[], str], what: str) -> list[str]:
    """``n`` distinct names from ``make`` in the order first made; a clear exit where
    ``make`` cannot give that many (``what``: the generator, for the message)."""
    seen: set[str] = set()
    out: list[str] = []
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > 50 * n + 1000:
            raise SystemExit(f"{what}: only {len(out)} distinct names")
        name = make()
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out
