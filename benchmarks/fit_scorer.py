"""Fit the scorer on every dev source and validate it by leaving one source out at a time.

    python benchmarks/scorer_data.py /tmp/candidates.jsonl
    python benchmarks/fit_scorer.py /tmp/candidates.jsonl [--write] [--c 0.3]

A logistic regression (scikit-learn, a development tool only) turns a candidate's features
(``asrfix.features.FEATURES``) into the probability that an editor accepts it. Each dev
source (the seed's dev lines, PIE, the other episode, ContextASR zh and en, Earnings-21, each
with the clean text made from it) is held out in turn: the model fit on the others scores its
candidates, which then go through the corrector's own overlap resolution, and the held-out
source is measured as ``../shared/eval/suite.py`` measures it (domain recall and precision of
the transcripts, entity recall and entities broken of the benches, false alarms on clean
text). The two thresholds are chosen on those out-of-fold scores: ``min_score``, the least
probability proposed, for a pooled precision of at least ``--precision`` with clean text under
``--clean`` proposals per 10,000 characters; ``fix_threshold``, the least probability applied
unattended, for a pooled fix-tier precision of at least ``--fix-precision``.

The table compares, fold by fold, the fitted scorer with the engine's own heuristic score at
its default thresholds. ``--write`` fits on all sources and writes the weights, the thresholds
and the fold figures to ``src/asrfix/data/scorer.json``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from common import EVAL, ROOT, arguments

sys.path.insert(0, str(EVAL))

Row = dict[str, Any]
Scores = dict[int, float]  # candidate number -> score


def _fit(rows: Sequence[Row], c: float) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x = np.array([r["x"] for r in rows], dtype=float)
    y = np.array([r["y"] for r in rows])
    # every source weighs alike, whatever its number of candidates
    size: dict[str, int] = defaultdict(int)
    for r in rows:
        size[r["group"]] += 1
    weight = np.array([len(rows) / (len(size) * size[r["group"]]) for r in rows])
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
    model.fit(x, y, logisticregression__sample_weight=weight)
    return model


def _predict(model: Any, rows: Sequence[Row]) -> list[float]:
    import numpy as np

    if not rows:
        return []
    return list(model.predict_proba(np.array([r["x"] for r in rows], dtype=float))[:, 1])


class _Cand:
    """A labelled candidate as the corrector's resolution and rivalry read one."""

    __slots__ = ("end", "row", "score", "start", "term")

    def __init__(self, row: Row, score: float) -> None:
        self.row, self.score, self.start, self.end = row, score, row["start"], row["end"]
        self.term = SimpleNamespace(canonical=row["term"])


def _resolve(cands: list[tuple[Row, float]], floor: float) -> list[tuple[Row, float]]:
    """The corrector's overlap resolution (by score, then span length, then position)."""
    from asrfix.resolve import resolve

    chosen = resolve((_Cand(r, s) for r, s in cands), floor)
    return [(c.row, c.score) for c in chosen]


def _unrivalled_fixes(cands: list[tuple[Row, float]], chosen: list[tuple[Row, float]],
                      floor: float, unrivalled: float) -> set[int]:
    """The chosen candidates (by ``id``) that the engine's rules apply unattended below the
    fix threshold (:func:`asrfix.engine.pipeline.is_fix`): a match by sound in Chinese speech
    with score and similarity at ``unrivalled`` or more (``UNRIVALLED_DOUBTED`` where scored
    below its similarity), that no other term competes for
    (:func:`asrfix.engine.pipeline.rivalled`, among the candidates at ``floor`` or more).
    A family's shared part (:mod:`asrfix.engine.families`) is not weighed: the rows keep
    no span text, so this baseline applies a little more than the engine does."""
    from asrfix.engine.features import FEATURES
    from asrfix.engine.pipeline import UNRIVALLED_DOUBTED, rivalled

    at = {name: FEATURES.index(name) for name in
          ("similarity", "method_pinyin", "method_phonetic", "chinese_speech")}
    picked = [_Cand(r, s) for r, s in chosen]
    rivals = rivalled((_Cand(r, s) for r, s in cands), floor, picked)  # type: ignore[misc]
    out = set()
    for c in picked:
        x = c.row["x"]
        need = max(unrivalled, UNRIVALLED_DOUBTED) if c.score < x[at["similarity"]] else unrivalled
        if (c.row["cap"] or min(c.score, x[at["similarity"]]) < need
                or not x[at["chinese_speech"]]
                or not (x[at["method_pinyin"]] or x[at["method_phonetic"]])):
            continue
        if not rivals.of(c):  # type: ignore[arg-type]
            out.add(id(c.row))
    return out


class Evaluator:
    """Measures one source's chosen proposals as the shared suite does; ``unrivalled``: the
    rules' threshold for an unrivalled match by sound (see :func:`_unrivalled_fixes`), for
    the engine's own score only."""

    def __init__(self) -> None:
        from scorer_data import sources

        self.docs = {src.doc_id: src for src in sources()}
        self.unrivalled: float | None = None

    def _fixes(self, by_doc: dict[str, list[tuple[Row, float]]], doc: str,
               chosen: list[tuple[Row, float]], floor: float, fix: float) -> list[Row]:
        """The chosen candidates applied unattended."""
        extra = (set() if self.unrivalled is None else
                 _unrivalled_fixes(by_doc.get(doc, []), chosen, floor, self.unrivalled))
        return [r for r, s in chosen if not r["cap"] and (s >= fix or id(r) in extra)]

    def measure(self, group: str, rows: list[Row], scores: Scores, floor: float,
                fix: float) -> dict[str, float]:
        by_doc: dict[str, list[tuple[Row, float]]] = defaultdict(list)
        for n, r in enumerate(rows):
            by_doc[r["doc"]].append((r, scores[n]))
        kinds = {self.docs[d].kind for d in self.docs if self.docs[d].group == group}
        out: dict[str, float] = {}
        if "transcript" in kinds:
            out.update(self._transcripts(group, by_doc, floor, fix))
        if "entities" in kinds:
            out.update(self._entities(group, by_doc, floor))
        out.update(self._clean(group, by_doc, floor, fix))
        return out

    def _chosen(self, by_doc: dict[str, list[tuple[Row, float]]], doc: str,
                floor: float) -> list[tuple[Row, float]]:
        return _resolve(by_doc.get(doc, []), floor)

    def _transcripts(self, group: str, by_doc: dict[str, list[tuple[Row, float]]],
                     floor: float, fix: float) -> dict[str, float]:
        import score

        src = self.docs[group]
        gold, _ = src.extra
        chosen = self._chosen(by_doc, group, floor)
        preds = [{"start": r["start"], "end": r["end"], "replacement": r["replacement"]}
                 for r, _ in chosen]
        fixes = [{"start": r["start"], "end": r["end"], "replacement": r["replacement"]}
                 for r in self._fixes(by_doc, group, chosen, floor, fix)]
        a, f = score.score(src.text, gold, preds), score.score(src.text, gold, fixes)
        return {"recall": a["domain_recall"] or 0.0, "precision": a["precision"],
                "judged": a["correct"] + a["wrong_fix"] + a["spurious"], "correct": a["correct"],
                "fix_recall": f["domain_recall"] or 0.0, "fix_precision": f["precision"],
                "fix_judged": f["correct"] + f["wrong_fix"] + f["spurious"],
                "fix_correct": f["correct"]}

    def _entities(self, group: str, by_doc: dict[str, list[tuple[Row, float]]],
                  floor: float) -> dict[str, float]:
        import bench_entities as be

        hits = total = broken = 0
        for doc, src in self.docs.items():
            if src.group != group or src.kind != "entities":
                continue
            item, lang = src.extra
            fixed = be.apply(item["hypothesis"], [
                {"start": r["start"], "end": r["end"], "replacement": r["replacement"]}
                for r, _ in self._chosen(by_doc, doc, floor)])
            h, t = be.entity_hits(fixed, item["reference"], item["entities"], lang)
            hits, total = hits + h, total + t
            ref = be.norm(item["reference"], lang)
            hyp, new = be.norm(item["hypothesis"], lang), be.norm(fixed, lang)
            for e in set(item["entities"]):
                rc = be.count(ref, e, lang)
                broken += max(0, min(rc, be.count(hyp, e, lang)) - min(rc, be.count(new, e, lang)))
        return {"entity_recall": hits / max(total, 1), "broken": broken}

    def _clean(self, group: str, by_doc: dict[str, list[tuple[Row, float]]], floor: float,
               fix: float) -> dict[str, float]:
        chars = props = fixes = 0
        for doc, src in self.docs.items():
            if src.group != group or src.kind != "clean":
                continue
            chars += len(src.text)
            chosen = self._chosen(by_doc, doc, floor)
            props += len(chosen)
            fixes += len(self._fixes(by_doc, doc, chosen, floor, fix))
        return {"clean_props": 1e4 * props / max(chars, 1),
                "clean_fixes": 1e4 * fixes / max(chars, 1), "clean_chars": chars}


def out_of_fold(rows: list[Row], c: float) -> Scores:
    """Each candidate's probability from the model fit without its source."""
    groups = sorted({r["group"] for r in rows})
    scores: Scores = {}
    for g in groups:
        train = [r for r in rows if r["group"] != g and r["y"] is not None]
        test = [n for n, r in enumerate(rows) if r["group"] == g]
        model = _fit(train, c)
        for n, p in zip(test, _predict(model, [rows[n] for n in test]), strict=True):
            scores[n] = p
    return scores


def table(ev: Evaluator, rows: list[Row], scores: Scores, floor: float,
          fix: float) -> dict[str, dict[str, float]]:
    per: dict[str, dict[str, float]] = {}
    for g in sorted({r["group"] for r in rows}):
        idx = [n for n, r in enumerate(rows) if r["group"] == g]
        sub = [rows[n] for n in idx]
        per[g] = ev.measure(g, sub, {k: scores[n] for k, n in enumerate(idx)}, floor, fix)
    return per


def _pooled(per: dict[str, dict[str, float]], key: str, judged: str) -> float:
    n = sum(m.get(judged, 0) for m in per.values())
    return sum(m.get(key, 0) for m in per.values()) / n if n else 1.0


def _clean_rate(per: dict[str, dict[str, float]], key: str) -> float:
    """Proposals (or fixes) per 10,000 characters over the clean text of every source."""
    chars = sum(m["clean_chars"] for m in per.values())
    return sum(m[key] * m["clean_chars"] for m in per.values()) / max(chars, 1)


def choose(ev: Evaluator, rows: list[Row], scores: Scores, a: Any) -> tuple[float, float]:
    """The thresholds: ``min_score`` where the transcripts' F0.5 (pooled precision, macro
    domain recall) is best with clean text under ``--clean`` and no entity broken;
    ``fix_threshold``, the lowest at or above it whose pooled fix-tier precision reaches
    ``--fix-precision``."""
    grid = [k / 100 for k in range(20, 100)]
    best, gain = 0.99, -1.0
    for t in grid:
        per = table(ev, rows, scores, t, 1.0)
        prec = _pooled(per, "correct", "judged")
        tr = [m["recall"] for m in per.values() if "recall" in m]
        recall = sum(tr) / max(len(tr), 1)
        f = 1.25 * prec * recall / (0.25 * prec + recall) if prec + recall else 0.0
        clean = _clean_rate(per, "clean_props")
        broken = sum(m.get("broken", 0) for m in per.values())
        if a.verbose:
            print(f"  min_score {t:.2f}: precision {prec:.3f}, macro recall {recall:.3f}, "
                  f"F0.5 {f:.3f}, clean {clean:.2f}, broken {broken:.0f}")
        if clean <= a.clean and broken == 0 and f > gain:
            best, gain = t, f
    fix = 0.99
    for t in reversed([g for g in grid if g >= best]):
        per = table(ev, rows, scores, best, t)
        if _pooled(per, "fix_correct", "fix_judged") < a.fix_precision:
            break
        fix = t
    return best, fix


def show(title: str, per: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    for g, m in per.items():
        parts = []
        if "recall" in m:
            parts.append(f"domain {m['recall']:.3f} @ {m['precision']:.3f} | fix "
                         f"{m['fix_recall']:.3f} @ {m['fix_precision']:.3f}")
        if "entity_recall" in m:
            parts.append(f"entity recall {m['entity_recall']:.3f}, broken {int(m['broken'])}")
        parts.append(f"clean {m['clean_props']:.2f} / {m['clean_fixes']:.2f} per 10k")
        print(f"  {g:16} " + "; ".join(parts))
    tr = [m for m in per.values() if "recall" in m]
    if tr:
        avg: Callable[[str], float] = lambda k: sum(m[k] for m in tr) / len(tr)  # noqa: E731
        print(f"  {'macro':16} domain {avg('recall'):.3f} @ {avg('precision'):.3f} | fix "
              f"{avg('fix_recall'):.3f} @ {avg('fix_precision'):.3f}")
    print(f"  {'clean, pooled':16} {_clean_rate(per, 'clean_props'):.2f} proposals, "
          f"{_clean_rate(per, 'clean_fixes'):.2f} fixes per 10k")


def write(model: Any, floor: float, fix: float, folds: dict[str, dict[str, float]],
          c: float) -> Path:
    from asrfix.engine.features import FEATURES

    scaler, lr = model[0], model[1]
    coef = [w / s for w, s in zip(lr.coef_[0], scaler.scale_, strict=True)]
    intercept = float(lr.intercept_[0] - sum(
        w * m for w, m in zip(coef, scaler.mean_, strict=True)))
    data = {
        "features": list(FEATURES),
        "weights": {n: round(float(w), 6) for n, w in zip(FEATURES, coef, strict=True)},
        "intercept": round(intercept, 6),
        "min_score": floor,
        "fix_threshold": fix,
        "regularisation": c,
        "folds": {g: {k: round(v, 4) for k, v in m.items()} for g, m in folds.items()},
    }
    path = ROOT / "src" / "asrfix" / "data" / "scorer.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("candidates")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--clean", type=float, default=0.3)
    ap.add_argument("--fix-precision", type=float, default=0.97)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    rows = [json.loads(x) for x in Path(a.candidates).read_text(encoding="utf-8").splitlines()]
    ev = Evaluator()
    heuristic = {n: r["score"] for n, r in enumerate(rows)}
    from asrfix.config import Config

    rules = Config()
    ev.unrivalled = rules.unrivalled_fix_threshold
    show(f"engine's own score (min {rules.min_score}, fix {rules.fix_threshold}, unrivalled "
         f"{rules.unrivalled_fix_threshold})",
         table(ev, rows, heuristic, rules.min_score, rules.fix_threshold))
    ev.unrivalled = None
    oof = out_of_fold(rows, a.c)
    floor, fix = choose(ev, rows, oof, a)
    folds = table(ev, rows, oof, floor, fix)
    show(f"fitted scorer, left-one-source-out (min_score {floor}, fix {fix})", folds)
    if a.write:
        model = _fit([r for r in rows if r["y"] is not None], a.c)
        print("wrote", write(model, floor, fix, folds, a.c))
        from asrfix.engine.features import FEATURES

        weights = dict(zip(FEATURES, model[1].coef_[0], strict=True))
        for name, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:12]:
            print(f"  {name:32} {w:+.2f} (standardised)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
