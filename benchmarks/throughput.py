"""Throughput after load: characters per second on the seed with a synthetic lexicon, beside
the time jieba alone needs to segment the same text (the practical floor).

    python benchmarks/throughput.py [--terms 10000] [--repeat 5]
"""

from __future__ import annotations

import statistics
import time

from common import SEED, arguments
from synth import generate

from asrfix import Corrector, Lexicon


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--terms", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    text = SEED.read_text(encoding="utf-8")
    t0 = time.perf_counter()
    fixer = Corrector(Lexicon.from_terms(generate(a.terms)))
    build = time.perf_counter() - t0
    fixer.check(text)  # warm: jieba's dictionary, caches
    runs = []
    for _ in range(a.repeat):
        t = time.perf_counter()
        fixer.check(text)
        runs.append(time.perf_counter() - t)
    tk = fixer.segmenter.tokenizer
    floor = []
    for _ in range(a.repeat):
        t = time.perf_counter()
        list(tk.tokenize(text, HMM=False))
        floor.append(time.perf_counter() - t)
    ours = []
    for _ in range(a.repeat):
        t = time.perf_counter()
        fixer.segmenter.tokenize(text)
        ours.append(time.perf_counter() - t)
    secs, jieba_secs = statistics.median(runs), statistics.median(floor)
    print(f"text: {len(text):,} characters; lexicon: {a.terms:,} terms (index built in "
          f"{build:.2f} s)")
    print(f"check: {secs:.3f} s = {len(text) / secs:,.0f} characters/s")
    print(f"jieba alone: {jieba_secs:.3f} s = {len(text) / jieba_secs:,.0f} characters/s "
          f"(check is {secs / jieba_secs:.1f}x the floor)")
    seg = statistics.median(ours)
    print(f"asrfix's segmentation (the same words, segment.cut): {seg:.3f} s = "
          f"{len(text) / seg:,.0f} characters/s")


if __name__ == "__main__":
    main()
