"""What the benchmark scripts share: where the seed transcript and the shared evaluation data
are, how a script's command line is described (its docstring, as written), and how checks of
several correctors are timed (in turns)."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt"
#: ``../shared/eval`` beside the repository (absent on a user's clone: scripts skip cleanly)
EVAL = ROOT.parent / "shared" / "eval"


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
