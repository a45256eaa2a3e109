"""Side by side in one run: asrfix and pycorrector's ``ProperCorrector`` on the same text
with the same lexicon, throughput after load.

    pip install --no-deps pycorrector && pip install loguru pyahocorasick   # benchmark only
    python benchmarks/vs_pycorrector.py [--terms 10000] [--repeat 3]

pycorrector is never a dependency of asrfix. Its package ``__init__`` imports its neural
models (transformers, datasets); only ``pycorrector.proper_corrector`` is needed, so the
package is entered without running that ``__init__``. ``ProperCorrector`` matches Chinese
names of 2-4 characters by pinyin and strokes, so it gets the Chinese terms of the lexicon
(its own proper-name file format: one term a line) and asrfix gets the whole lexicon.
Exits 0 with a message when pycorrector is not installed.
"""

from __future__ import annotations

import importlib.util
import logging
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

from common import SEED, arguments
from synth import generate

from asrfix import Corrector, Lexicon
from asrfix.segment import has_cjk


def _proper_corrector_class() -> Any:
    spec = importlib.util.find_spec("pycorrector")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = types.ModuleType("pycorrector")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["pycorrector"] = package
    from pycorrector.proper_corrector import ProperCorrector  # type: ignore[import-not-found]

    return ProperCorrector


def _timed(fn: Any, text: str, repeat: int) -> tuple[float, Any]:
    out = fn(text)  # warm caches
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn(text)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), out


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--terms", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    proper_corrector = _proper_corrector_class()
    if proper_corrector is None:
        print("skipped: pycorrector is not installed (see the docstring for the command)")
        return 0
    from loguru import logger  # pycorrector's logger: its per-call notes are noise here

    logger.remove()
    logging.getLogger("jieba").setLevel(logging.WARNING)
    text = SEED.read_text(encoding="utf-8")
    terms = generate(a.terms)
    chinese = [t for t in terms if has_cjk(t)]
    with tempfile.TemporaryDirectory() as tmp:
        names = Path(tmp) / "proper_names.txt"
        names.write_text("".join(t + "\n" for t in chinese), encoding="utf-8")
        t0 = time.perf_counter()
        theirs = proper_corrector(proper_name_path=str(names))
        their_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = Corrector(Lexicon.from_terms(terms))
    _ = ours.index
    our_load = time.perf_counter() - t0

    our_s, result = _timed(ours.check, text, a.repeat)
    their_s, their = _timed(theirs.correct, text, a.repeat)
    n = len(text)
    print(f"text: {SEED.name}, {n:,} characters; lexicon: {len(terms):,} terms "
          f"({len(chinese):,} Chinese, all that ProperCorrector takes)")
    print(f"{'':26} {'load s':>7} {'check s':>8} {'chars/s':>10} {'proposals':>9}")
    print(f"{'asrfix Corrector':26} {our_load:>7.2f} {our_s:>8.3f} {n / our_s:>10,.0f} "
          f"{len(result):>9,}")
    print(f"{'pycorrector ProperCorrector':26} {their_load:>7.2f} {their_s:>8.3f} "
          f"{n / their_s:>10,.0f} {len(their['errors']):>9,}")
    print(f"asrfix throughput: {their_s / our_s:.1f}x pycorrector's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
