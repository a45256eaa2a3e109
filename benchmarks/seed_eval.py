"""Score asrfix on the seed transcript's annotated dev lines with the shared scorer.

    python benchmarks/seed_eval.py [--lines 1-355] [--show 20] [--lexicon PATH]... [--status fix]
                                   [--distractors N]

Runs ``asrfix check --no-default-lexicons --lexicon LEXICON --format json`` on the transcript,
converts the output to the scorer's ``{"corrections": [...]}`` form and runs
``../shared/eval/score.py``. Exits 0 with a message when ``../shared/eval`` is absent.

``--distractors N`` adds N synthetic names and product names (``synth.py``) to the lexicons:
a show's terms inside a large directory, as a network or a company would keep one. None of
them occurs in the transcript, so every proposal they win is a false alarm.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

from common import EVAL, arguments


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("--lines", default="1-355")
    ap.add_argument("--show", default="0")
    ap.add_argument("--lexicon", action="append",
                    help="a lexicon file; repeatable (default: the episode lexicon)")
    ap.add_argument("--status", choices=("all", "fix"), default="all",
                    help="score every proposal, or the fix tier only")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--distractors", type=int, default=0,
                    help="add this many synthetic terms to the lexicons")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    transcript = EVAL / "transcript.txt"
    lexicons = a.lexicon or [str(EVAL / "lexicon_episode.txt")]
    if a.distractors:
        from synth import generate

        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                         encoding="utf-8") as d:
            d.write("\n".join(generate(a.distractors)) + "\n")
        lexicons.append(d.name)
    run = subprocess.run(
        [sys.executable, "-m", "asrfix", "check", "--no-default-lexicons",
         *(f"--lexicon={p}" for p in lexicons), "--format", "json", str(transcript)],
        capture_output=True, text=True)
    if run.returncode not in (0, 65):
        print(run.stderr, file=sys.stderr)
        return run.returncode
    doc = json.loads(run.stdout)
    corrections = doc["files"][0]["corrections"]
    if a.status == "fix":
        corrections = [c for c in corrections if c["status"] == "fix"]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump({"corrections": corrections}, f, ensure_ascii=False)
    cmd = [sys.executable, str(EVAL / "score.py"), str(transcript), str(EVAL / "gold_dev.jsonl"),
           f.name, "--lines", a.lines, "--show", a.show]
    if a.json:
        cmd.append("--json")
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
