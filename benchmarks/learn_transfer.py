"""Do variants learned from one part of an edited transcript help on another part?

    python benchmarks/learn_transfer.py [--lines 1-355]

Splits the given dev lines of the seed in two halves. For each half, builds the edited text
from ``../shared/eval/gold_dev.jsonl`` (as ``learn_eval.py`` does), learns variants from that
raw/edited pair with ``learn_lexicon``, and scores the *other* half with the episode lexicon
alone and with the episode lexicon plus the learned file (``seed_eval.py --json``). The
learned variants never saw the half they are scored on, which is what an editor gets when
they learn from last week's episodes and correct this week's. Exits 0 with a message when
``../shared/eval`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import EVAL, ROOT, arguments
from learn_eval import dev_pair

from asrfix import Lexicon
from asrfix.learn import learn_lexicon


def _score(lines: str, lexicons: list[str]) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "seed_eval.py"), "--lines", lines, "--json",
         *(f"--lexicon={p}" for p in lexicons)],
        capture_output=True, text=True, check=True)
    doc = json.loads(run.stdout)
    return {"domain_recall": doc["domain_recall"], "precision": doc["precision"]}


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--lines", default="1-355")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    lo, hi = (int(x) for x in a.lines.split("-"))
    mid = (lo + hi) // 2
    halves = [(lo, mid), (mid + 1, hi)]
    episode = str(EVAL / "lexicon_episode.txt")
    with tempfile.TemporaryDirectory() as tmp:
        for k, (learn_lo, learn_hi) in enumerate(halves):
            score_lo, score_hi = halves[1 - k]
            raw, edited, _ = dev_pair(learn_lo, learn_hi)
            learned = Path(tmp) / f"learned_{k}.toml"
            learned.write_text(learn_lexicon(raw, edited, Lexicon.load(episode)),
                               encoding="utf-8")
            lines = f"{score_lo}-{score_hi}"
            before = _score(lines, [episode])
            after = _score(lines, [episode, str(learned)])
            print(f"learn on {learn_lo}-{learn_hi}, score {lines}: "
                  f"domain_recall {before['domain_recall']:.3f} -> {after['domain_recall']:.3f}, "
                  f"precision {before['precision']:.3f} -> {after['precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
