"""Where a larger lexicon's extra check time goes: each matching path switched off in turn.

    python benchmarks/attribution.py [--sizes 1000,100000] [--repeat 9]

For each size a synthetic lexicon (``synth.py``) is loaded into one corrector, and
``Corrector.check`` on the seed is timed after load (median of ``--repeat``, the sizes in
turns), first with every path on, then with one candidate generator of the engine replaced
by a no-op where the stage before calls it: English and mixed windows by sound
(``phonetic_window``), Chinese windows by pinyin (``pinyin_window``), terms cutting a jieba
word (``pinyin_inside_words``), exact spellings (``exact``) and first parts of written terms
(``truncations``), and finally all of them (what is left is segmentation, window keys and the
window loop). A path's share of the difference between the sizes is how much the difference
shrinks without it.

It reaches into the engine's modules on purpose (a diagnostic, not an API): the proposals of a
switched-off run are not meaningful.
"""

from __future__ import annotations

import statistics
from typing import Any

from common import SEED, arguments, checks_in_turns
from synth import generate

from asrfix import Corrector, Lexicon
from asrfix.engine import pipeline, windows

#: each path: the module that calls it, under the name it calls it by
PATHS = {"phonetic_window": windows, "pinyin_window": windows,
         "pinyin_inside_words": pipeline, "exact": windows, "truncations": pipeline}


def _off(*args: Any, **kwargs: Any) -> None:
    """A stand-in for a path: no matches."""


def timed(fixers: list[Corrector], text: str, repeat: int) -> list[float]:
    """Median seconds of one check per corrector, the correctors in turns."""
    return [statistics.median(times) for times in checks_in_turns(fixers, text, repeat)]


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--sizes", default="1000,100000")
    ap.add_argument("--repeat", type=int, default=9)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    text = SEED.read_text(encoding="utf-8")
    fixers = [Corrector(Lexicon.from_terms(generate(n))) for n in sizes]
    for fixer in fixers:
        fixer.check(text)  # warm: dictionaries, caches, the terms a check meets
    original = {name: getattr(module, name) for name, module in PATHS.items()}
    print(f"seed: {SEED.name} ({len(text):,} characters); check after load, median ms")
    print(f"{'paths':<28}" + "".join(f"{n:>10,}" for n in sizes) + f"{'extra':>8}{'share':>7}")
    rows = [("all on", ()), *((f"without {p}", (p,)) for p in PATHS),
            ("without all five", tuple(PATHS))]
    extra_all = None
    try:
        for label, off in rows:
            for name, module in PATHS.items():
                setattr(module, name, original[name] if name not in off else _off)
            ms = [s * 1000 for s in timed(fixers, text, a.repeat)]
            extra = ms[-1] - ms[0]
            if extra_all is None:
                extra_all = extra
            share = "" if not off else f"{(extra_all - extra) / extra_all:>7.0%}"
            print(f"{label:<28}" + "".join(f"{m:>10.1f}" for m in ms) + f"{extra:>8.1f}{share}")
    finally:
        for name, module in PATHS.items():
            setattr(module, name, original[name])


if __name__ == "__main__":
    main()
