"""Where the seed's domain recall is lost: a sweep of ``min_score`` and an account of each miss.

    python benchmarks/misses.py [--lines 1-355] [--lexicon PATH] [--show N] [--transliterated]

Two questions about the annotated dev lines, answered with the shared scorer's own functions
(``../shared/eval/score.py``) and the episode lexicon:

1. Would a lower threshold buy recall? The check is run at the default ``min_score`` (0.72)
   and at lower ones down to 0.50, and each run is scored: domain recall, precision, wrong
   fixes and spurious proposals.
2. Why is each missed domain record missed? Each is explained (:meth:`Corrector.explain` on
   its line, its span as the gold gives it) and put in one class:

   - ``no candidate``: no window over the span sounds or is spelled near the gold term at all
     (the evidence is elsewhere: context, meaning, a word the speaker did not say);
   - ``dropped``: the term is a candidate but scores below ``min_score``;
   - ``held back``: the term is a candidate, and a guard (a common word, a short term, English
     speech) rules it out: the note names the guard;
   - ``lost``: the term was a candidate above ``min_score`` for part of the span, or another
     term won the overlap.

Exits 0 with a message when ``../shared/eval`` is absent. Lines 356 onward are held out: the
default is the dev lines, and nothing here should be tuned on any others.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from types import ModuleType
from typing import Any

from common import EVAL, arguments

from asrfix import Corrector, Lexicon

#: the thresholds below the default that are tried
SWEEP = (0.68, 0.65, 0.6, 0.55, 0.5)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module  # (its dataclass looks itself up there)
    spec.loader.exec_module(module)
    return module


def _squash(s: str) -> str:
    return re.sub(r"[\s\-]", "", s).casefold()


def _predictions(corrector: Corrector, text: str, lo: int, hi: int) -> list[dict[str, Any]]:
    return [{"start": c.start, "end": c.end, "replacement": c.replacement,
             "original": c.original}
            for c in corrector.check(text).corrections if lo <= c.start < hi]


def _is_gold_term(term: str, wanted: str, heard: str) -> bool:
    """Whether ``term`` is what the gold writes, alone or beside words the span keeps
    ("agent 这个" for "A 这个"; not GPT for ChatGPT)."""
    if not term or term not in wanted:
        return False
    rest = wanted.replace(term, "", 1)
    return not rest or rest in heard


def _why(corrector: Corrector, line: str, start: int, end: int, corrected: str) -> tuple[str, str]:
    """The class of one miss, and the best evidence for the gold term."""
    ex = corrector.explain(line, (start, end))
    wanted, heard = _squash(corrected), _squash(line[start:end])
    near = [c for c in ex.candidates if _is_gold_term(_squash(c.term), wanted, heard)]
    if not near:
        return "no candidate", ""
    best = max(near, key=lambda c: c.score)
    said = (f"{best.original!r} -> {best.term!r} {best.method} score {best.score:.2f} "
            f"(heard {best.heard!r} vs {best.expected!r})")
    if best.would_be.startswith("held"):
        return "held back", f"{said}; {best.notes[-1] if best.notes else ''}"
    if best.would_be.startswith("dropped"):
        return "dropped", said
    return "lost", said


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--lines", default="1-355")
    ap.add_argument("--lexicon", action="append",
                    help="a lexicon file; repeatable (default: the episode lexicon)")
    ap.add_argument("--show", type=int, default=0, help="list up to N misses of each class")
    ap.add_argument("--transliterated", action="store_true",
                    help="also match English terms written wholly in Chinese characters")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    score = _scorer()
    text = (EVAL / "transcript.txt").read_text(encoding="utf-8")
    first, last = (int(x) for x in a.lines.split("-"))
    offsets = [*score.line_offsets(text), len(text) + 1]
    lo, hi = offsets[first - 1], offsets[last]
    gold = [g for g in score.load_gold(text, str(EVAL / "gold_dev.jsonl"))
            if first <= g.line <= last]
    lexicon = Lexicon.load(*(a.lexicon or [EVAL / "lexicon_episode.txt"]))

    corrector = Corrector(lexicon, transliterated=a.transliterated)  # (the defaults)
    default = corrector.config.min_score
    print("min_score  domain_recall  precision  predicted  wrong  spurious")
    scored: dict[float, dict[str, Any]] = {}
    for min_score in sorted({default, *SWEEP}, reverse=True):
        swept = corrector if min_score == default else Corrector(
            lexicon, config=corrector.config.replace(min_score=min_score))
        q = scored[min_score] = score.score(text, gold, _predictions(swept, text, lo, hi))
        print(f"{min_score:9.2f}  {q['domain_recall']:13.3f}  {q['precision']:9.3f}  "
              f"{q['predicted']:9d}  {q['wrong_fix']:5d}  {q['spurious']:8d}")

    r = scored[default]
    missed = [g for g in r["_missed"] if g.klass == "domain"]
    lines = text.split("\n")
    classes: dict[str, list[str]] = {}
    by_category: Counter[tuple[str, str]] = Counter()
    for g in missed:
        base = offsets[g.line - 1]
        kind, said = _why(corrector, lines[g.line - 1], g.start - base, g.end - base,
                          g.corrected)
        by_category[(kind, g.category)] += 1
        classes.setdefault(kind, []).append(
            f"L{g.line} [{g.category}] {g.original!r} -> {g.corrected!r}" + (
                f": {said}" if said else ""))
    reach = sum(len(v) for k, v in classes.items() if k != "no candidate")
    total = r["gold_by_class"].get("domain", 0)
    print(f"\nwere every candidate for a missed record accepted, whatever its score and guards: "
          f"domain recall at most {(total - len(missed) + reach) / total:.3f}")
    print(f"{len(missed)} of {total} domain records missed "
          f"(domain recall {r['domain_recall']:.3f}):")
    for kind, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        cats = ", ".join(f"{c} {n}" for (k, c), n in sorted(by_category.items()) if k == kind)
        print(f"  {kind}: {len(items)} ({cats})")
        for item in items[:a.show]:
            print(f"    {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
