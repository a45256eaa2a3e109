"""Calibrate the fix threshold on the seed's dev gold: precision of proposals at or above
each score, so that the ``fix`` tier can be set where precision reaches the target.

    python benchmarks/calibrate.py [--lines 1-355] [--target 0.97]

Uses the shared scorer (``../shared/eval/score.py``) as a library; skips cleanly without it.
Only dev lines are used: lines 356 onward are held out.
"""

from __future__ import annotations

import importlib.util
import sys

from common import EVAL, arguments


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--lines", default="1-355")
    ap.add_argument("--target", type=float, default=0.97)
    a = ap.parse_args()
    if not (EVAL / "score.py").is_file():
        print(f"skipped: {EVAL} not found")
        return 0
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    sys.modules["score"] = score
    spec.loader.exec_module(score)

    from asrfix import Config, Corrector, Lexicon

    text = (EVAL / "transcript.txt").read_text(encoding="utf-8")
    lo, hi = (int(x) for x in a.lines.split("-"))
    offs = [*score.line_offsets(text), len(text) + 1]
    gold = [g for g in score.load_gold(text, str(EVAL / "gold_dev.jsonl")) if lo <= g.line <= hi]
    fixer = Corrector(Lexicon.load(EVAL / "lexicon_episode.txt"),
                      config=Config(fix_threshold=1.0, min_score=0.0))
    preds = [c for c in fixer.check(text) if offs[lo - 1] <= c.start < offs[hi]]
    print(f"{'score >=':>9} {'n':>4} {'precision':>9} {'domain recall':>13}")
    chosen = None
    for t in [x / 100 for x in range(70, 101)]:
        sel = [{"start": c.start, "end": c.end, "replacement": c.replacement}
               for c in preds if c.score >= t]
        r = score.score(text, gold, sel)
        print(f"{t:>9.2f} {len(sel):>4} {r['precision']:>9.3f} {r['domain_recall'] or 0:>13.3f}")
        if chosen is None and r["precision"] >= a.target:
            chosen = t
    print(f"lowest threshold with precision >= {a.target}: {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
