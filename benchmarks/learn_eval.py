"""How well ``asrfix learn`` recovers an editor's fixes as lexicon variants.

    python benchmarks/learn_eval.py [--lines 1-355] [--lexicon PATH] [--show]

Builds the edited text by applying the annotated fixes of ``../shared/eval/gold_dev.jsonl``
to the given lines of ``../shared/eval/transcript.txt``, runs ``learn_lexicon(raw, edited,
lexicon)`` on that pair, and compares the learned (variant → term) pairs with the gold:

- recovered: unique high- and medium-confidence domain pairs (names, organisations,
  products, works, technical terms; not case- or spacing-only) learned as variants;
- not in gold: learned variants no gold record of any class has (the target is none).

Exits 0 with a message when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from asrfix import Lexicon
from asrfix.evaluate import gold_from_jsonl
from asrfix.learn import learn_lexicon

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def _squash(s: str) -> str:
    return re.sub(r"[\s\-]", "", s).casefold()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", default="1-355")
    ap.add_argument("--lexicon", default=str(EVAL / "lexicon_episode.txt"))
    ap.add_argument("--show", action="store_true", help="list misses and non-gold variants")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    lo, hi = (int(x) for x in a.lines.split("-"))
    raw = "\n".join(
        (EVAL / "transcript.txt").read_text(encoding="utf-8").split("\n")[lo - 1:hi])
    records = [json.loads(r) for r in
               (EVAL / "gold_dev.jsonl").read_text(encoding="utf-8").splitlines() if r.strip()]
    records = [dict(r, line=r["line"] - lo + 1) for r in records if lo <= r["line"] <= hi]
    fixes = gold_from_jsonl(raw, (json.dumps(r, ensure_ascii=False) for r in records))
    out, pos = [], 0
    for g in sorted(fixes, key=lambda g: g.start):
        if g.start >= pos:
            out += [raw[pos:g.start], g.corrected]
            pos = g.end
    edited = "".join(out) + raw[pos:]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "learned.toml"
        path.write_text(learn_lexicon(raw, edited, Lexicon.load(a.lexicon)), encoding="utf-8")
        learned = Lexicon.load(path)
    got = {(v, t.canonical) for t in learned for v in t.variants}
    every = {(r["original"], r["corrected"]) for r in records}
    target = {(r["original"], r["corrected"]) for r in records
              if r["category"] != "general" and r["confidence"] in ("high", "medium")
              and _squash(r["original"]) != _squash(r["corrected"])}
    recovered = target & got
    foreign = sorted(got - every)
    print(f"recovered: {len(recovered)}/{len(target)} = {len(recovered) / len(target):.3f}")
    print(f"variants learned: {len(got)}; not in gold: {len(foreign)}")
    if a.show:
        for v, t in sorted(target - got):
            print(f"  missed      {v!r} -> {t!r}")
        for v, t in foreign:
            print(f"  not in gold {v!r} -> {t!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
