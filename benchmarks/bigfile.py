"""Whole-process time and peak memory of ``asrfix check`` on one big transcript.

    python benchmarks/bigfile.py [--sizes 1000000,8000000] [--repeat 1] [--keep DIR]

For each size (in characters) a transcript is made from the seed's lines, shuffled with a
fixed seed and repeated until it is that long, and ``asrfix check FILE --format json`` is
run on it as a subprocess (the shipped lexicons, load included). It prints, per size, the
wall seconds (the fastest of ``--repeat`` runs), the proposals, the peak resident memory of
that process (``os.wait4``: the resource usage of that one child) and the ratio of the time
to the smallest size's; then whether the targets are met: the largest size within 10 times
the time of the smallest (it is 8 times as long by default) and under 900 MB.

A first run on the seed itself, not counted, loads the lexicons and libraries into the page
cache so that the first size does not pay for it.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from common import SEED, arguments, check_process

#: the targets: time of the largest size over that of the smallest, and peak memory
MAX_RATIO = 10.0
MAX_MB = 900.0


def make_transcript(path: Path, size: int, seed: int = 0) -> int:
    """Write about ``size`` characters of the seed's lines, shuffled, to ``path``; returns
    the number of characters written (whole lines: at least ``size``)."""
    lines = [x for x in SEED.read_text(encoding="utf-8").splitlines(keepends=True) if x.strip()]
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        while written < size:
            rng.shuffle(lines)
            for line in lines:
                f.write(line)
                written += len(line)
                if written >= size:
                    break
    return written


def run(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident megabytes and proposals of one ``asrfix check``."""
    secs, kb, proposals = check_process([str(path)])
    return secs, kb / 1024, proposals


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--sizes", default="1000000,8000000",
                    help="transcript sizes in characters, smallest first")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size (the fastest counts)")
    ap.add_argument("--keep", metavar="DIR", help="write the transcripts here and keep them")
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(a.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        run(SEED)
        print(f"{'chars':>10} {'MB':>6} {'wall s':>8} {'ratio':>6} {'peak MB':>8} "
              f"{'proposals':>9}")
        rows = []
        for size in sizes:
            path = folder / f"bigfile-{size}.txt"
            chars = make_transcript(path, size)
            runs = [run(path) for _ in range(a.repeat)]
            secs = min(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            rows.append((secs, peak))
            print(f"{chars:>10,} {path.stat().st_size / 2**20:>6.1f} {secs:>8.1f} "
                  f"{secs / rows[0][0]:>6.2f} {peak:>8.0f} {runs[0][2]:>9,}", flush=True)
    ratio = rows[-1][0] / rows[0][0]
    peak = max(p for _, p in rows)
    print(f"time ratio {ratio:.2f} for {sizes[-1] / sizes[0]:.0f}x the size "
          f"({'within' if ratio <= MAX_RATIO else 'over'} {MAX_RATIO:.0f}x); peak {peak:.0f} MB "
          f"({'under' if peak < MAX_MB else 'over'} {MAX_MB:.0f} MB)")


if __name__ == "__main__":
    main()
