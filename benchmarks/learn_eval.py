"""How well ``asrfix learn`` recovers an editor's fixes as lexicon variants.

    python benchmarks/learn_eval.py [--lines 1-355] [--lexicon PATH] [--show]

Builds the edited text by applying the annotated fixes of ``../shared/eval/gold_dev.jsonl``
to the given lines of ``../shared/eval/transcript.txt``, runs ``learn_lexicon(raw, edited,
lexicon)`` on that pair, and compares the learned (variant → term) pairs with the gold:

- recovered: unique high- and medium-confidence domain pairs (names, organisations,
  products, works, technical terms; not case- or spacing-only) learned as variants;
- not in gold: learned variants no gold record of any class has (the target is none).

A learned pair and a gold record are the same correction when they make the same edit: once
the text both sides share at their edges is set aside, the changed parts are equal. The
annotator sometimes marks a word of unchanged context with the fix ("现在知识" → "先验知识",
"different beat" → "different bet") and sometimes not ("分析" → "飞轮" inside 数据飞轮), while
``learn`` cuts a pair at the words that changed and widens it to a known term ("数据分析" →
"数据飞轮"); both describe one edit. Both figures are printed: by the same edit (the measure)
and by identical strings.

Exits 0 with a message when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import EVAL, arguments, with_gold_applied

from asrfix import Lexicon
from asrfix.learn import learn_lexicon


def _squash(s: str) -> str:
    return re.sub(r"[\s\-]", "", s).casefold()


def _edit(original: str, corrected: str) -> tuple[str, str]:
    """The changed parts of a pair: the text both sides share at the edges set aside.

    >>> _edit("different beat", "different bet"), _edit("not memory", "long-term memory")
    (('a', ''), ('not', 'long-term'))
    """
    a, b = original, corrected
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return a[head:len(a) - tail].strip(), b[head:len(b) - tail].strip()


def dev_pair(lo: int, hi: int) -> tuple[str, str, list[dict[str, Any]]]:
    """Lines ``lo``-``hi`` of the seed, the same lines with the gold fixes applied, and the
    gold records of those lines (line numbers counted from ``lo``)."""
    raw = "\n".join(
        (EVAL / "transcript.txt").read_text(encoding="utf-8").split("\n")[lo - 1:hi])
    records = [json.loads(r) for r in
               (EVAL / "gold_dev.jsonl").read_text(encoding="utf-8").splitlines() if r.strip()]
    records = [dict(r, line=r["line"] - lo + 1) for r in records if lo <= r["line"] <= hi]
    return raw, with_gold_applied(raw, records), records


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--lines", default="1-355")
    ap.add_argument("--lexicon", default=str(EVAL / "lexicon_episode.txt"))
    ap.add_argument("--show", action="store_true", help="list misses and non-gold variants")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    lo, hi = (int(x) for x in a.lines.split("-"))
    raw, edited, records = dev_pair(lo, hi)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "learned.toml"
        path.write_text(learn_lexicon(raw, edited, Lexicon.load(a.lexicon)), encoding="utf-8")
        learned = Lexicon.load(path)
    got = {(v, t.canonical) for t in learned for v in t.variants}
    every = {(r["original"], r["corrected"]) for r in records}
    target = {(r["original"], r["corrected"]) for r in records
              if r["category"] != "general" and r["confidence"] in ("high", "medium")
              and _squash(r["original"]) != _squash(r["corrected"])}
    got_edits = {_edit(*p) for p in got}
    every_edits = {_edit(*p) for p in every}
    recovered = {p for p in target if _edit(*p) in got_edits}
    foreign = sorted(p for p in got if _edit(*p) not in every_edits)
    print(f"recovered: {len(recovered)}/{len(target)} = {len(recovered) / len(target):.3f}"
          f" (identical strings: {len(target & got)})")
    print(f"variants learned: {len(got)}; not in gold: {len(foreign)}"
          f" (identical strings: {len(got - every)})")
    if a.show:
        for v, t in sorted(target - recovered):
            print(f"  missed      {v!r} -> {t!r}")
        for v, t in foreign:
            print(f"  not in gold {v!r} -> {t!r}")
        for v, t in sorted((target & recovered) - got):
            print(f"  same edit   {v!r} -> {t!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
