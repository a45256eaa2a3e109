"""Measure a corrector against a human edit (or against annotated gold records), so that
users can score asrfix on their own archive without annotating anything.

The gold comes from :func:`asrfix.learn.align`: every local substitution the editor made.
Each is classed like the shared scorer does: *format* (only case, spaces or hyphens change),
*domain* (the replacement is a lexicon term or looks like one: a name, product or technical
word) or *general* (an ordinary word). A proposal is correct when applying it over the
window that covers it and the gold span gives the same text as the editor's fix (white space
ignored; letter case ignored for general words); it is wrong when it overlaps a gold fix
with another replacement, spurious when it overlaps none.

>>> from asrfix import Corrector
>>> ev = evaluate(Corrector(["姚顺雨"]), "我们请到了尧舜禹。", "我们请到了姚顺雨。")
>>> ev.domain_recall, ev.precision
(1.0, 1.0)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from .learn import align, looks_like_term
from .segment import Segmenter

if TYPE_CHECKING:
    from .corrector import Corrector

__all__ = ["Evaluation", "GoldFix", "evaluate", "gold_from_jsonl"]

Klass = Literal["domain", "general", "format", "optional"]


@dataclass(frozen=True, slots=True)
class GoldFix:
    start: int
    end: int
    corrected: str
    klass: Klass
    case_free: bool
    also: tuple[str, ...] = ()


class Evaluation(BaseModel):
    """Precision and recall of a corrector's proposals against the gold fixes."""

    model_config = ConfigDict(frozen=True)

    domain_recall: float | None
    general_recall: float | None
    format_recall: float | None
    precision: float
    predicted: int
    correct: int
    wrong: int
    spurious: int
    gold: dict[str, int]


def _squash(s: str) -> str:
    return re.sub(r"[\s\-]", "", s).casefold()


def gold_from_jsonl(text: str, lines: Iterable[str]) -> list[GoldFix]:
    """Gold fixes from annotated records (the JSON Lines format of ``gold_dev.jsonl``:
    line, original, occurrence, corrected, category, confidence, also)."""
    rows = text.split("\n")
    starts, pos = [], 0
    for r in rows:
        starts.append(pos)
        pos += len(r) + 1
    out = []
    for raw in lines:
        if not raw.strip():
            continue
        rec = json.loads(raw)
        line = rows[rec["line"] - 1]
        idx = -1
        for _ in range(int(rec.get("occurrence", 1))):
            idx = line.find(rec["original"], idx + 1)
        if idx < 0:
            raise ValueError(f"{rec['original']!r} not found on line {rec['line']}")
        s = starts[rec["line"] - 1] + idx
        cat, conf = rec.get("category", "general"), rec.get("confidence", "high")
        klass: Klass = ("format" if _squash(rec["original"]) == _squash(rec["corrected"]) else
                        "optional" if conf == "low" else
                        "general" if cat == "general" else "domain")
        out.append(GoldFix(s, s + len(rec["original"]), rec["corrected"], klass,
                           cat in ("tech_term", "general"), tuple(rec.get("also", ()))))
    return out


def _gold_from_edit(raw: str, edited: str, terms: Iterable[str]) -> list[GoldFix]:
    seg = Segmenter()
    known = set(terms)
    out = []
    for p in align(raw, edited, segmenter=seg, terms=known):
        if _squash(p.original) == _squash(p.corrected):
            klass: Klass = "format"
        elif p.corrected in known or (looks_like_term(p.corrected, seg)
                                      and p.corrected != p.corrected.lower()):
            klass = "domain"
        else:
            klass = "general"
        case_free = p.corrected == p.corrected.lower()
        out.append(GoldFix(p.start, p.end, p.corrected, klass, case_free))
    return out


def _norm(s: str, case_free: bool) -> str:
    s = re.sub(r"\s+", "", s)
    return s.casefold() if case_free else s


def _same(text: str, g: GoldFix, start: int, end: int, rep: str) -> bool:
    ws, we = min(g.start, start), max(g.end, end)
    ours = text[ws:start] + rep + text[end:we]
    return any(_norm(text[ws:g.start] + fix + text[g.end:we], g.case_free)
               == _norm(ours, g.case_free) for fix in (g.corrected, *g.also))


def score_predictions(text: str, gold: list[GoldFix],
                      predictions: Iterable[tuple[int, int, str]]) -> Evaluation:
    """Score (start, end, replacement) proposals against gold fixes."""
    hit: set[int] = set()
    correct = wrong = spurious = n = 0
    for start, end, rep in predictions:
        n += 1
        over = [i for i, g in enumerate(gold) if start < g.end and g.start < end]
        ok = [i for i in over if _same(text, gold[i], start, end, rep)]
        if ok:
            correct += 1
            hit.update(ok)
        elif over and all(gold[i].klass == "optional" for i in over):
            continue
        elif over:
            wrong += 1
        else:
            spurious += 1
    counts = {k: sum(g.klass == k for g in gold) for k in ("domain", "general", "format",
                                                           "optional")}

    def recall(k: str) -> float | None:
        total = counts[k]
        return round(sum(1 for i in hit if gold[i].klass == k) / total, 4) if total else None

    judged = correct + wrong + spurious
    return Evaluation(domain_recall=recall("domain"), general_recall=recall("general"),
                      format_recall=recall("format"),
                      precision=round(correct / judged, 4) if judged else 0.0, predicted=n,
                      correct=correct, wrong=wrong, spurious=spurious, gold=counts)


def evaluate(corrector: Corrector, raw: str, edited: str | None = None, *,
             gold_jsonl: Iterable[str] | None = None,
             lines: tuple[int, int] | None = None) -> Evaluation:
    """Check ``raw`` and score the proposals against the editor's version ``edited`` (or
    against annotated ``gold_jsonl`` records); ``lines`` restricts both to a line range."""
    if gold_jsonl is not None:
        gold = gold_from_jsonl(raw, gold_jsonl)
    elif edited is not None:
        gold = _gold_from_edit(raw, edited, (t.canonical for t in corrector.lexicon.records()))
    else:
        raise ValueError("give the edited text or gold records")
    preds = [(c.start, c.end, c.replacement) for c in corrector.check(raw)]
    if lines is not None:
        lo, hi = lines
        starts = [0] + [m.end() for m in re.finditer("\n", raw)] + [len(raw) + 1]
        cs, ce = starts[lo - 1], starts[min(hi, len(starts) - 1)]
        gold = [g for g in gold if cs <= g.start < ce]
        preds = [p for p in preds if cs <= p[0] < ce]
    return score_predictions(raw, gold, preds)
