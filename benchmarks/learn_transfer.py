"""Do variants learned from one episode's edit help on another episode of the same show?

    python benchmarks/learn_transfer.py [--only NAME,...] [--show N] [--json]

Each transfer learns from one annotated stretch and scores another that the learning never
saw, which is what an editor gets when they learn from last week's episode and correct this
week's. The edited text of the learning stretch is its raw lines with the gold fixes applied;
``learn_lexicon(raw, edited, lexicon)`` (with the learning stretch's own lexicon) writes the
learned file. The scored stretch is checked (``asrfix check --no-default-lexicons``) with its
own lexicon alone, then with its lexicon plus the learned file, and scored with
``../shared/eval/score.py``: domain recall and precision of every proposal, before -> after.

Transfers (from ``../shared/eval``; only the seed's dev lines 1-355 are read):

- ``seed halves``: the seed's dev lines 1-178 -> 179-355, and 179-355 -> 1-178;
- ``seed -> zhang``: the seed's dev lines -> ``zhang/`` (the same show, another guest,
  another ASR system);
- ``zhang -> seed``: the reverse;
- ``pie halves``: ``pie/`` cues 1-225 -> 226-450 (the same episode, show and ASR system).

Each row also gives the share of the scored stretch's domain records whose term the learned
file has variants for (what learning can reach through the terms it was taught).
``--show N`` lists up to N proposals the learned file adds or removes on each scored
stretch. Exits 0 with a message when ``../shared/eval`` (or ``$ASRFIX_EVAL``) is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import EVAL, arguments, with_gold_applied

from asrfix import Lexicon
from asrfix.learn import learn_lexicon


@dataclass(frozen=True)
class Stretch:
    """Lines ``lo``-``hi`` of an annotated transcript, with its gold and its lexicon."""

    name: str
    text: str
    gold: str
    lexicon: str
    lo: int
    hi: int

    def lines(self) -> tuple[str, list[dict[str, Any]]]:
        """The raw lines, and their gold records (line numbers counted from ``lo``)."""
        rows = (EVAL / self.text).read_text(encoding="utf-8").split("\n")[self.lo - 1:self.hi]
        records = [json.loads(r) for r in
                   (EVAL / self.gold).read_text(encoding="utf-8").splitlines() if r.strip()]
        return "\n".join(rows), [dict(r, line=r["line"] - self.lo + 1) for r in records
                                 if self.lo <= r["line"] <= self.hi]


def edited_pair(stretch: Stretch) -> tuple[str, str, list[dict[str, Any]]]:
    """A stretch's raw text, the same text with the gold fixes applied, and its records."""
    raw, records = stretch.lines()
    return raw, with_gold_applied(raw, records), records


def _score(stretch: Stretch, lexicons: list[str], tmp: Path) -> tuple[dict[str, Any], set[str]]:
    """Score a stretch checked with these lexicons: the scorer's summary, and the proposals
    (line, original → replacement)."""
    raw, records = stretch.lines()
    text, gold, pred = tmp / "text.txt", tmp / "gold.jsonl", tmp / "pred.json"
    text.write_text(raw, encoding="utf-8")
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "asrfix", "check", "--no-default-lexicons",
         *(f"--lexicon={p}" for p in lexicons), "--format", "json", str(text)],
        capture_output=True, text=True)
    if run.returncode not in (0, 65):
        sys.exit(f"asrfix check failed: {run.stderr[-2000:]}")
    corrections = json.loads(run.stdout)["files"][0]["corrections"]
    pred.write_text(json.dumps({"corrections": corrections}, ensure_ascii=False),
                    encoding="utf-8")
    scored = subprocess.run([sys.executable, str(EVAL / "score.py"), str(text), str(gold),
                             str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(scored.stdout), {_judged(raw, gold, c) for c in corrections}


def _judged(raw: str, gold: Path, c: dict[str, Any]) -> str:
    """A proposal as a line to show: its line, the change, and the scorer's verdict."""
    sys.path.insert(0, str(EVAL))
    import score  # the shared scorer (../shared/eval/score.py)

    pred = [{"start": c["start"], "end": c["end"], "replacement": c["replacement"]}]
    r = score.score(raw, score.load_gold(raw, str(gold)), pred)
    verdict = "right" if r["correct"] else "wrong" if r["wrong_fix"] or r["spurious"] else "neutral"
    line = raw.count("\n", 0, c["start"]) + 1
    return f"L{line} {raw[c['start']:c['end']]!r} -> {c['replacement']!r} ({verdict})"


def transfer(learn: Stretch, score: Stretch, show: int) -> dict[str, Any]:
    """Learn from ``learn``, score ``score`` without and with the learned file."""
    raw, edited, _ = edited_pair(learn)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        learned = tmp / "learned.toml"
        learned.write_text(learn_lexicon(raw, edited, Lexicon.load(EVAL / learn.lexicon)),
                           encoding="utf-8")
        taught = {t.canonical for t in Lexicon.load(learned) if t.variants}
        variants = sum(len(t.variants) for t in Lexicon.load(learned))
        own = str(EVAL / score.lexicon)
        before, shown_before = _score(score, [own], tmp)
        after, shown_after = _score(score, [own, str(learned)], tmp)
    row = {"learn": f"{learn.name} {learn.lo}-{learn.hi}",
           "score": f"{score.name} {score.lo}-{score.hi}", "variants": variants,
           "reach": _reach(score, taught),
           **{f"{k}_{when}": r[k] for k in ("domain_recall", "precision")
              for when, r in (("before", before), ("after", after))}}
    if show:
        row["added"] = sorted(shown_after - shown_before)[:show]
        row["removed"] = sorted(shown_before - shown_after)[:show]
    return row


def _reach(stretch: Stretch, taught: set[str]) -> float:
    """The share of a stretch's domain records (not low-confidence, not case or spacing
    only) whose term the learned file has variants for: what learning can reach at most
    through the terms it was taught."""
    _, records = stretch.lines()
    domain = [r for r in records if r["category"] != "general" and r["confidence"] != "low"
              and r["original"].replace(" ", "").lower()
              != r["corrected"].replace(" ", "").lower()]
    return sum(r["corrected"] in taught for r in domain) / len(domain) if domain else 0.0


SEED = ("seed", "transcript.txt", "gold_dev.jsonl", "lexicon_episode.txt")
ZHANG = ("zhang", "zhang/transcript.txt", "zhang/gold.jsonl", "zhang/lexicon.txt")
PIE = ("pie", "pie/transcript.txt", "pie/gold.jsonl", "pie/lexicon.txt")
#: name → (learn from, score on)
TRANSFERS: dict[str, list[tuple[Stretch, Stretch]]] = {
    "seed halves": [(Stretch(*SEED, 1, 178), Stretch(*SEED, 179, 355)),
                    (Stretch(*SEED, 179, 355), Stretch(*SEED, 1, 178))],
    "seed -> zhang": [(Stretch(*SEED, 1, 355), Stretch(*ZHANG, 1, 449))],
    "zhang -> seed": [(Stretch(*ZHANG, 1, 449), Stretch(*SEED, 1, 355))],
    "pie halves": [(Stretch(*PIE, 1, 225), Stretch(*PIE, 226, 450))],
}


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--only", help="comma-separated transfer names")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    names = a.only.split(",") if a.only else list(TRANSFERS)
    rows = [transfer(learn, score, a.show) for name in names for learn, score in TRANSFERS[name]]
    if a.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        lift = r["domain_recall_after"] - r["domain_recall_before"]
        print(f"learn {r['learn']:<12} score {r['score']:<12} ({r['variants']:>3} variants): "
              f"domain recall {r['domain_recall_before']:.3f} -> {r['domain_recall_after']:.3f}"
              f" ({lift:+.3f}), precision {r['precision_before']:.3f} -> "
              f"{r['precision_after']:.3f}; taught terms cover {r['reach']:.3f}")
        for key in ("added", "removed"):
            for line in r.get(key, []):
                print(f"    {key:<7} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
