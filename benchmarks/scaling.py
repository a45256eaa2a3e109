"""Whole-process time of ``asrfix check`` on the seed as the lexicon grows.

    python benchmarks/scaling.py [--sizes 1000,10000,100000] [--repeat 3]

For each size a synthetic lexicon of realistic Chinese and English names is generated
deterministically (``benchmarks/synth.py``), and ``asrfix check SEED --no-default-lexicons
--lexicon LEX --format json`` is timed as a subprocess, load included:

* cold: a fresh, empty index cache (the index is built and stored);
* warm: the cache from the cold run (the index is loaded).

It prints wall seconds (median of ``--repeat`` runs), peak memory, the number of proposals
and the ratio of each size to the smallest. Use ``--no-cache`` to time without a cache.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synth import generate

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt"


def run(lexicon: Path, env: dict[str, str]) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "asrfix", "check", str(SEED), "--no-default-lexicons",
         "--lexicon", str(lexicon), "--format", "json"],
        capture_output=True, text=True, env=env)
    secs = time.perf_counter() - t0
    if proc.returncode not in (0, 65):
        sys.exit(f"asrfix failed ({proc.returncode}): {proc.stderr[-2000:]}")
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, rss_kb, proc.stdout.count('"start"')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-cache", action="store_true")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    print(f"seed: {SEED.name} ({len(SEED.read_text(encoding='utf-8')):,} characters)")
    print(f"{'terms':>8} {'cold s':>8} {'warm s':>8} {'ratio':>6} {'peak MB':>8} {'proposals':>9}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            lex = Path(tmp) / f"lex{n}.txt"
            lex.write_text("".join(t + "\n" for t in generate(n)), encoding="utf-8")
            env = dict(os.environ)
            env["ASRFIX_CACHE_DIR"] = str(Path(tmp) / f"cache{n}")
            if a.no_cache:
                env["ASRFIX_NO_CACHE"] = "1"
            cold, rss, found = run(lex, env)
            warm_runs = [run(lex, env)[0] for _ in range(a.repeat)]
            warm = statistics.median(warm_runs)
            base = base or warm
            print(f"{n:>8,} {cold:>8.2f} {warm:>8.2f} {warm / base:>6.2f} {rss / 1024:>8.0f} "
                  f"{found:>9,}")


if __name__ == "__main__":
    main()
