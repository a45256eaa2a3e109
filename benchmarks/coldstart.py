"""Cold start: wall time of a whole ``asrfix check`` process on a one-line file with the
default lexicons, as a pre-commit hook or an editor integration runs it.

    python benchmarks/coldstart.py [--repeat 5]

Two one-line files are timed: code-switched Chinese (jieba and pinyin are needed) and
English (neither is loaded). The first run fills the user cache (jieba's dictionary split by
first character, pypinyin's compact tables, with the index for large lexicons) and is shown
apart; the median of the following runs is the figure. Peak resident memory of one process
is printed beside it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import arguments

LINES = {
    "zh": "今天请到了尧舜禹，聊聊 deep seek 和 open a 的 agent。\n",
    "en": "We compared deep seek with open a and a topic on sweet bench.\n",
}


def run(path: Path, env: dict[str, str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "asrfix", "check", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 65):
        sys.exit(f"asrfix failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return secs, usage.ru_maxrss


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ASRFIX_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("ASRFIX_NO_CACHE", None)
        print(f"{'text':>4} {'first run s':>11} {'median s':>9} {'peak MB':>8}")
        for lang, line in LINES.items():
            path = Path(tmp) / f"one-{lang}.txt"
            path.write_text(line, encoding="utf-8")
            first, _ = run(path, env)
            runs = [run(path, env) for _ in range(a.repeat)]
            print(f"{lang:>4} {first:>11.2f} {statistics.median(r[0] for r in runs):>9.2f} "
                  f"{max(r[1] for r in runs) / 1024:>8.0f}")


if __name__ == "__main__":
    main()
