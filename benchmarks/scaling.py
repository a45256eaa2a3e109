"""Whole-process time of ``asrfix check`` on the seed as the lexicon grows.

    python benchmarks/scaling.py [--sizes 1000,10000,100000] [--repeat 7]

For each size a synthetic lexicon of realistic Chinese and English names is generated
deterministically (``benchmarks/synth.py``), and ``asrfix check SEED --no-default-lexicons
--lexicon LEX --format json`` is timed as a subprocess, load included:

* cold: a fresh, empty index cache (the index is built and stored);
* warm: the cache from the cold run (the index is loaded).

It prints wall seconds (median of ``--repeat`` runs), the peak resident memory of the cold
and the warm processes, the number of proposals and the ratio of each size to the smallest;
then the seconds of ``Corrector.check`` on the seed after load (in this process, median of
``--repeat``) and their ratio.
Use ``--no-cache`` to time without a cache.

The sizes take turns, round by round (warm runs, then checks after load with one corrector
per size held at once), so a slow spell of the machine falls on all of them alike instead of
on whichever size it happened to meet; the ratios are of the medians, and a last line gives
the ratios of the fastest runs.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from common import SEED, arguments, check_process, checks_in_turns
from synth import generate


def run(lexicon: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident kilobytes of this one process, and proposals."""
    return check_process([str(SEED), "--no-default-lexicons", "--lexicon", str(lexicon)], env)


def after_load(lexicons: list[Path], repeat: int) -> list[list[float]]:
    """Seconds of each ``Corrector.check`` on the seed in this process for each lexicon,
    after a first check has loaded everything (index, dictionaries); the lexicons take turns."""
    from asrfix import Corrector, Lexicon

    text = SEED.read_text(encoding="utf-8")
    fixers = [Corrector(Lexicon.load(lex)) for lex in lexicons]
    for fixer in fixers:
        fixer.check(text)
    return checks_in_turns(fixers, text, repeat)


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-cache", action="store_true")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    print(f"seed: {SEED.name} ({len(SEED.read_text(encoding='utf-8')):,} characters)")
    print(f"{'terms':>8} {'cold s':>8} {'warm s':>8} {'ratio':>6} {'cold MB':>8} {'warm MB':>8} "
          f"{'proposals':>9} {'check s':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        lexicons, envs, colds = [], [], []
        for n in sizes:
            lex = Path(tmp) / f"lex{n}.txt"
            lex.write_text("".join(t + "\n" for t in generate(n)), encoding="utf-8")
            env = dict(os.environ)
            env["ASRFIX_CACHE_DIR"] = str(Path(tmp) / f"cache{n}")
            if a.no_cache:
                env["ASRFIX_NO_CACHE"] = "1"
            lexicons.append(lex)
            envs.append(env)
            colds.append(run(lex, env))
        warm_runs: list[list[tuple[float, int, int]]] = [[] for _ in sizes]
        for _ in range(a.repeat):
            for lex, env, runs in zip(lexicons, envs, warm_runs, strict=True):
                runs.append(run(lex, env))
        check_runs = after_load(lexicons, a.repeat)
        checks = [statistics.median(times) for times in check_runs]
        base = statistics.median(r[0] for r in warm_runs[0])
        for n, (cold, cold_rss, found), runs, check in zip(sizes, colds, warm_runs, checks,
                                                            strict=True):
            warm = statistics.median(r[0] for r in runs)
            warm_rss = max(r[1] for r in runs)
            print(f"{n:>8,} {cold:>8.2f} {warm:>8.2f} {warm / base:>6.2f} "
                  f"{cold_rss / 1024:>8.0f} {warm_rss / 1024:>8.0f} {found:>9,} "
                  f"{check:>8.3f} {check / checks[0]:>6.2f}")
        # the fastest run of each size: what the machine's slow spells leave untouched
        fastest = [min(r[0] for r in runs) for runs in warm_runs]
        fastest_check = [min(times) for times in check_runs]
        print(f"fastest runs, largest / smallest: warm {fastest[-1] / fastest[0]:.2f}, "
              f"check after load {fastest_check[-1] / fastest_check[0]:.2f}")


if __name__ == "__main__":
    main()
