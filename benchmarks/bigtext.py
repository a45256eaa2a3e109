"""A library check() of a long text: time and peak memory at 1 M and 8 M characters.

The text is the seed's lines repeated to the size; the lexicon is the shipped one and the
seed's show lexicon. Each size runs in a fresh process, which builds the corrector, makes a
first check of the seed (loading jieba's dictionary and the tables), then times one check()
of the whole text (wall and CPU time: on a shared machine the CPU time is the steadier) and
reports the process's peak resident memory (ru_maxrss).

    python benchmarks/bigtext.py [--sizes 1000000,8000000]

Targets: the 8 M check takes at most 10x the time of the 1 M one, and the process peaks
below 900 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys

from common import ROOT, SEED, arguments

SHOW = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.toml"

_CHILD = r"""
import json, resource, sys, time
from asrfix import Corrector, Lexicon

size, seed_path, show_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
seed = open(seed_path, encoding="utf-8").read()
lines = [ln for ln in seed.splitlines(keepends=True) if ln.strip()]
parts, n, k = [], 0, 0
while n < size:
    line = lines[k % len(lines)]
    parts.append(line)
    n += len(line)
    k += 1
text = "".join(parts)[:size]
del parts
fixer = Corrector(Lexicon.default() + Lexicon.load(show_path))
fixer.check(seed)  # (warm: jieba's dictionary, pinyin and pronouncing tables)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
result = fixer.check(text)
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"chars": len(text), "seconds": secs, "cpu": cpu, "corrections": len(result),
                  "peak_mb": peak / 1024, "warm_mb": before / 1024}))
"""


def run(size: int) -> dict[str, float]:
    """One size in a fresh process: its figures."""
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(size), str(SEED), str(SHOW)],
                          capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(proc.stdout)
    return figures


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--sizes", default="1000000,8000000",
                    help="text sizes in characters, comma-separated (default: 1 M and 8 M)")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    rows = [run(size) for size in sizes]
    for r in rows:
        print(f"{r['chars']:>11,.0f} characters: check {r['seconds']:7.1f} s, CPU "
              f"{r['cpu']:.1f} s ({r['chars'] / r['cpu']:,.0f} characters per CPU second), "
              f"{r['corrections']:,.0f} "
              f"corrections; peak {r['peak_mb']:,.0f} MB (after the first check "
              f"{r['warm_mb']:,.0f} MB)")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        print(f"time ratio {last['seconds'] / first['seconds']:.1f}x (CPU "
              f"{last['cpu'] / first['cpu']:.1f}x) for "
              f"{last['chars'] / first['chars']:.0f}x the characters (target <= 10x); "
              f"peak {last['peak_mb']:,.0f} MB (target < 900 MB)")


if __name__ == "__main__":
    main()
